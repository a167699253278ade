"""Planning a round: every ticked pack contributes, in each order; the core builds rounds for both front ends."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from mock_interview.core.context import AppContext
from mock_interview.core.packs import discover_packs
from mock_interview.core.planning import (
    RoundNotPossible,
    RoundRequest,
    plan_notes,
    plan_questions,
    prepare_resumed_round,
    prepare_round,
)
from mock_interview.core.rounds import Phase
from mock_interview.core.settings import Settings
from tests.lookups import draft_of, pack_of

PACKS = discover_packs()
GOALS = pack_of(PACKS, "career-goals")
STAR = pack_of(PACKS, "behavioral-star")


@pytest.mark.parametrize("order", ["pack", "shuffled", "weakest"])
def test_two_packs_ticked_give_questions_from_both(order: str):
    questions = plan_questions([GOALS, STAR], 4, order, {GOALS.questions[0].ref: 10}, rng=random.Random(5))
    assert {q.pack_id for q in questions} == {GOALS.id, STAR.id}
    assert len({q.ref for q in questions}) == 4


def test_as_in_the_pack_the_packs_take_turns_in_their_own_order():
    questions = plan_questions([GOALS, STAR], 5)
    assert [q.ref for q in questions] == [
        GOALS.questions[0].ref,
        STAR.questions[0].ref,
        GOALS.questions[1].ref,
        STAR.questions[1].ref,
        GOALS.questions[2].ref,
    ]


def test_one_pack_keeps_its_order_and_a_pack_listed_twice_counts_once():
    assert plan_questions([GOALS], 5) == list(GOALS.questions[:5])
    assert plan_questions([GOALS, GOALS], 30) == list(GOALS.questions)


def test_shuffled_takes_everything_once_in_a_new_order():
    shuffled = plan_questions([GOALS, STAR], 100, "shuffled", rng=random.Random(3))
    everything = [q.ref for q in GOALS.questions + STAR.questions]
    assert sorted(q.ref for q in shuffled) == sorted(everything)
    assert [q.ref for q in shuffled] != [q.ref for q in plan_questions([GOALS, STAR], 100)]


def test_weakest_first_puts_low_scores_first_and_still_draws_from_every_pack():
    scores = {STAR.questions[3].ref: 20, GOALS.questions[2].ref: 55, GOALS.questions[0].ref: 90}
    weakest = plan_questions([GOALS, STAR], 4, "weakest", scores)
    assert [q.ref for q in weakest[:3]] == [STAR.questions[3].ref, GOALS.questions[2].ref, GOALS.questions[0].ref]
    assert weakest[3].pack_id == STAR.id


def test_notes_say_why_a_pack_is_missing_or_the_round_is_shorter():
    three = [GOALS, STAR, pack_of(PACKS, "motivation-fit")]
    questions = plan_questions(three, 2)
    notes = plan_notes(three, 2, questions)
    assert any("Motivation and fit" in note and "at least 3" in note for note in notes)
    small = pack_of(PACKS, "stage-mid")
    assert any(f"hold {len(small.questions)}" in note for note in plan_notes([small], 50, plan_questions([small], 50)))
    assert plan_notes([GOALS, STAR], 4, plan_questions([GOALS, STAR], 4)) == []


def context(tmp_path: Path) -> AppContext:
    return AppContext.from_options(str(tmp_path / "data"))


def test_prepare_round_plans_saves_and_builds_the_round(tmp_path: Path):
    """What `practice --pack career-goals --pack behavioral-star --count 4 --order pack` gets."""
    app_context = context(tmp_path)
    request = RoundRequest(packs=("career-goals", "behavioral-star"), count=4, order="pack")
    prepared = prepare_round(app_context, Settings(), request)
    round_ = prepared.round
    assert [q.pack_id for q in round_.questions] == ["career-goals", "behavioral-star"] * 2
    assert round_.phase is Phase.READY and prepared.notes == []
    assert app_context.sessions.list() == ([], [])  # no file before the first answer: a round left at once leaves none
    round_.begin()
    round_.start_answer()
    assert app_context.sessions.list() == ([], [])
    round_.save_draft("I")
    saved = app_context.sessions.load(round_.session.id)
    assert saved.packs == ["career-goals", "behavioral-star"] and len(saved.plan) == 4


def test_prepare_round_takes_the_settings_defaults(tmp_path: Path):
    settings = Settings(question_count=3, feedback="calm", answer_seconds=45, follow_ups=False)
    round_ = prepare_round(context(tmp_path), settings, RoundRequest(packs=("career-goals",))).round
    assert len(round_.questions) == 3 and round_.calm and not round_.follow_ups
    round_.begin()
    round_.start_answer()
    assert round_.answer_seconds == 45


@pytest.mark.parametrize(
    ("request_", "words"),
    [
        (RoundRequest(packs=()), "at least one pack"),
        (RoundRequest(packs=("nope",)), "No pack nope"),
        (RoundRequest(packs=("career-goals",), count=0), "at least 1"),
        (RoundRequest(packs=("career-goals",), order="random"), "'random' is not an order"),
        # a value from outside the enum (a caller that did not convert) is still refused
        (RoundRequest(packs=("career-goals",), mode="sung"), "'sung' is not a mode"),  # type: ignore[arg-type]
    ],
)
def test_prepare_round_says_why_not(tmp_path: Path, request_: RoundRequest, words: str):
    app_context = context(tmp_path)
    with pytest.raises(RoundNotPossible, match=words):
        prepare_round(app_context, Settings(), request_)
    assert app_context.sessions.list()[0] == []  # no empty session left behind


def test_an_unusable_profile_is_a_note_not_a_crash(tmp_path: Path):
    prepared = prepare_round(context(tmp_path), Settings(active_profile="gone"), RoundRequest(packs=("career-goals",)))
    assert prepared.round.profile is None and prepared.round.session.profile == ""
    assert any("gone" in note for note in prepared.notes)


def test_resuming_carries_on_where_the_session_stopped(tmp_path: Path):
    app_context = context(tmp_path)
    first = prepare_round(app_context, Settings(prep_seconds=0), RoundRequest(packs=("career-goals",), count=3)).round
    first.begin()
    first.submit("In two years I want to lead a team.")
    first.next()
    first.save_draft("Half of the second")
    session = app_context.sessions.load(first.session.id)
    resumed = prepare_resumed_round(app_context, Settings(prep_seconds=0), session).round
    resumed.begin()
    assert (resumed.number, resumed.total) == (2, 3) and draft_of(resumed).text == "Half of the second"
    resumed.finish()
    with pytest.raises(RoundNotPossible, match="complete"):
        prepare_resumed_round(app_context, Settings(), app_context.sessions.load(first.session.id))


def test_a_round_does_not_ask_the_same_question_twice_in_other_words():
    from mock_interview.core.packs import discover_packs
    from mock_interview.core.planning import asks_the_same, plan_questions

    packs = {p.id: p for p in discover_packs().packs}
    chosen = plan_questions([packs["career-goals"], packs["industry-healthcare"]], 6)
    texts = [q.text for q in chosen]
    assert "What are your long-term career goals?" in texts
    assert "What are your long-term goals in healthcare?" not in texts  # it repeats the first
    assert not any(asks_the_same(a, b) for i, a in enumerate(texts) for b in texts[i + 1 :])
    assert len(chosen) == 6  # another question takes its place
    assert not asks_the_same("Why do you want this job?", "Tell me about a time you failed.")
