"""A round's clock, phases, follow-ups and saving, driven by a fake clock."""

from __future__ import annotations

import random
from pathlib import Path

from mock_interview.core.feedback import analyse
from mock_interview.core.followups import choose_follow_up
from mock_interview.core.packs import discover_packs
from mock_interview.core.planning import plan_questions
from mock_interview.core.rounds import ANSWER, DONE, PREP, Clock, Round
from mock_interview.core.sessions import SessionStore
from tests.fakes import FakeClock

PACKS = discover_packs()
STAR = PACKS.by_id("behavioral-star")


def make_round(tmp_path: Path, questions, clock: FakeClock, **options) -> Round:
    store = SessionStore(tmp_path / "sessions")
    session = store.create(mode="typed", packs=[q.pack_id for q in questions], plan=[q.ref for q in questions])
    return Round(session=session, store=store, questions=list(questions), clock=Clock(clock), **options)


def test_clock_pauses_and_resumes():
    fake = FakeClock()
    clock = Clock(fake)
    clock.start(60)
    fake.advance(10)
    clock.pause()
    fake.advance(100)
    assert clock.remaining == 50 and clock.paused
    clock.resume()
    fake.advance(55)
    assert clock.remaining == 0


def test_prep_then_answer_then_timeout_submission(tmp_path: Path):
    fake = FakeClock()
    round_ = make_round(tmp_path, STAR.questions[:2], fake, follow_ups=False)
    turn = round_.begin()
    assert turn.question.id == STAR.questions[0].id and round_.phase == PREP
    fake.advance(STAR.prep_seconds)
    assert round_.time_is_up
    round_.start_answer()
    assert round_.phase == ANSWER and round_.clock.remaining == STAR.answer_seconds
    round_.save_draft("In my last role I led a team.")
    saved = round_.store.load(round_.session.id)
    assert saved.answers[0].text == "In my last role I led a team." and saved.answers[0].status == "in_progress"
    fake.advance(STAR.answer_seconds)
    assert round_.time_is_up
    feedback, follow_up = round_.submit("In my last role I led a team.", timed_out=True)
    assert follow_up is None and round_.phase == DONE
    saved = round_.store.load(round_.session.id)
    assert saved.answers[0].status == "timed_out" and saved.answers[0].feedback["score"] == feedback.score
    assert round_.next().question.id == STAR.questions[1].id


def test_follow_up_aims_at_the_biggest_gap(tmp_path: Path):
    fake = FakeClock()
    round_ = make_round(tmp_path, STAR.questions[:1], fake, prep_seconds_override=0)
    round_.begin()
    assert round_.phase == ANSWER
    _, follow_up = round_.submit("In my last job our nightly builds kept failing. I rewrote the build scripts. "
                                 "As a result the builds stopped failing.")
    assert follow_up == "What was the measurable outcome?"
    turn = round_.ask_follow_up(follow_up)
    assert turn.follow_up_to == STAR.questions[0].ref and round_.clock.remaining == 60
    round_.submit("Build time fell from 40 minutes to 12.")
    saved = round_.store.load(round_.session.id)
    assert [a.follow_up_to for a in saved.answers] == ["", STAR.questions[0].ref]
    assert saved.answers[1].question_text == "What was the measurable outcome?"


def test_follow_up_falls_back_to_the_questions_own(tmp_path: Path):
    question = PACKS.find_question("career-goals/long-term-goals")
    strong = ("Currently I am a data analyst at a retailer. In the next two years I plan to complete a PMP certification and lead "
              "two projects. In five to ten years I see myself leading an analytics team here, because your focus on "
              "data fits my plan. For example, last year I cut reporting time by 30%.")
    feedback = analyse(strong, question)
    chosen = choose_follow_up(question, feedback, random.Random(1))
    assert chosen in question.follow_ups


def test_skip_retry_and_end_early(tmp_path: Path):
    fake = FakeClock()
    round_ = make_round(tmp_path, STAR.questions[:3], fake, prep_seconds_override=0, follow_ups=False)
    round_.begin()
    round_.save_draft("half an answer")
    round_.retry()
    assert round_.phase == ANSWER and round_.turn.question.id == STAR.questions[0].id
    round_.skip()
    round_.next()
    round_.save_draft("Something I was writing")
    round_.finish("ended_early")
    saved = round_.store.load(round_.session.id)
    assert saved.status == "ended_early"
    assert [a.status for a in saved.answers] == ["skipped", "skipped", "in_progress"]
    assert saved.answers[-1].text == "Something I was writing"
    assert saved.remaining_plan() == [q.ref for q in STAR.questions[1:3]]


def test_resume_restores_the_interrupted_draft(tmp_path: Path):
    fake = FakeClock()
    round_ = make_round(tmp_path, STAR.questions[:2], fake, prep_seconds_override=0)
    round_.begin()
    round_.save_draft("I was halfway through")
    store = round_.store
    session = store.load(round_.session.id)
    questions = [PACKS.find_question(ref) for ref in session.remaining_plan()]
    resumed = Round(session=session, store=store, questions=questions, clock=Clock(fake), prep_seconds_override=0)
    resumed.begin()
    assert resumed.draft.text == "I was halfway through"
    assert len(resumed.session.answers) == 1


def test_planning_orders():
    packs = [PACKS.by_id("career-goals"), STAR]
    in_order = plan_questions(packs, 5)
    assert [q.ref for q in in_order] == [q.ref for q in packs[0].questions[:5]]
    shuffled = plan_questions(packs, 30, "shuffled", rng=random.Random(3))
    everything = [q.ref for q in packs[0].questions + packs[1].questions]
    assert len(shuffled) == len(everything) and sorted(q.ref for q in shuffled) == sorted(everything)
    assert [q.ref for q in shuffled] != [q.ref for q in in_order[:len(shuffled)]]
    scores = {STAR.questions[3].ref: 20, packs[0].questions[2].ref: 55, STAR.questions[0].ref: 90}
    weakest = plan_questions(packs, 4, "weakest", scores)
    assert [q.ref for q in weakest[:3]] == [STAR.questions[3].ref, packs[0].questions[2].ref, STAR.questions[0].ref]
    assert weakest[3].ref == packs[0].questions[0].ref


def test_a_resumed_round_counts_from_where_it_stopped(tmp_path: Path):
    fake = FakeClock()
    round_ = make_round(tmp_path, STAR.questions[2:4], fake, done_before=2)
    round_.begin()
    assert (round_.number, round_.total) == (3, 4)
    round_.skip()
    round_.next()
    assert (round_.number, round_.total) == (4, 4)
