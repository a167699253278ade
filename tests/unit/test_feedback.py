"""The feedback engine: the labelled corpus, evidence offsets, the JSON shape, speed-independent facts.

The packaged weights (the STAR tagger's and the score's) were fitted on the labelled corpus, among
other answers; measured there, they would only say how well they remember it. So the corpus is
measured with weights fitted without the answers being measured (``held_out_weights``: four folds),
beside the trivial baseline where there is one."""

from __future__ import annotations

import statistics

import pytest

from mock_interview.core.feedback import GROUPS, STATUSES, Delivery, QuestionInfo, analyse, classify_question
from mock_interview.core.feedback.text import sentences
from mock_interview.core.profiles import Profile
from tests.corpus import evaluate, f1, held_out_weights, load_corpus, position_rule_stats, run
from tests.lookups import check_of

CORPUS = load_corpus()


@pytest.fixture(scope="module")
def held_out():
    """The corpus measured with weights fitted without each answer measured (see the module docstring)."""
    pytest.importorskip("scipy", reason="fitting the weights needs scipy (pip install -e '.[fit]')")
    weights = held_out_weights(CORPUS)
    return weights, evaluate(CORPUS, weights)


def test_guide_star_example_yields_every_part_on_its_sentence(held_out):
    weights, _ = held_out
    answer = next(a for a in CORPUS if a.id == "guide-star-marketing")
    feedback = run(answer, weights[answer.id])
    spans = sentences(answer.text)
    assert len(spans) == 4
    for index, part in enumerate(("situation", "task", "action", "result")):
        check = check_of(feedback, f"star.{part}")
        assert check.status == "pass", part
        carried = {i for e in check.evidence for i, s in enumerate(spans) if s.start <= e.start < s.end}
        assert carried == {index}, f"{part} found on sentences {carried}"


def test_corpus_agreement_and_detector_quality_on_answers_the_weights_did_not_see(held_out):
    _, (agreement, detectors, _, disagreements, _) = held_out
    total = sum(n for _, n in agreement.values())
    agreed = sum(a for a, _ in agreement.values())
    assert agreed / total >= 0.9, disagreements
    for check_id, stats in detectors.items():
        assert stats.precision >= 0.8, (check_id, stats)
        assert stats.recall >= 0.8, (check_id, stats)


def test_star_parts_are_located_better_than_by_their_position(held_out):
    _, (_, _, sentence_stats, _, _) = held_out
    baseline = position_rule_stats(CORPUS)
    assert set(sentence_stats) == set(baseline) == {"situation", "task", "action", "result"}
    # measured: 0.84 held out against 0.72 for the position rule (0.96 with the packaged weights,
    # which were fitted on these stories)
    assert f1(sentence_stats) >= f1(baseline) + 0.05, (sentence_stats, baseline)


def test_strong_answers_score_well_above_weak_ones(held_out):
    *_, scores = held_out[1]
    assert statistics.median(scores["strong"]) - statistics.median(scores["weak"]) >= 30
    assert min(scores["strong"]) > statistics.median(scores["weak"])


def test_evidence_offsets_point_into_the_answer():
    for answer in CORPUS:
        for check in run(answer).checks:
            assert check.status in STATUSES and check.group in GROUPS
            for evidence in check.evidence:
                assert answer.text[evidence.start : evidence.end] == evidence.text, (answer.id, check.id)


def test_vague_phrases_are_flagged_with_their_words():
    text = "I want to grow in my career. I am a team player and passionate. I worked on projects."
    check = check_of(analyse(text, "Where do you see yourself in five years?"), "specificity.vague")
    flagged = {e.text.lower() for e in check.evidence}
    assert {"grow in my career", "team player", "passionate"} <= flagged
    assert check.status == "missing"
    backed = check_of(
        analyse("I am passionate about data analysis and built 3 Tableau dashboards last year.", "What motivates you?"),
        "specificity.vague",
    )
    assert backed.status == "pass"


def test_without_profile_every_alignment_check_is_na_with_a_tip():
    feedback = analyse("I want to join this team because I built a similar product.", "Why do you want this role?")
    for check in feedback.group("alignment"):
        assert check.status == "na" and "profile" in check.tip, check.id
    assert "alignment" not in feedback.group_scores


def test_job_terms_report_used_and_missed():
    profile = Profile(
        name="p",
        company="Acme",
        role="Data Analyst",
        job_description=(
            "Acme needs a data analyst to build dashboards in Tableau, write SQL queries, "
            "and run A/B tests for the growth team. "
            "You will present insights to product managers and automate weekly reporting."
        ),
    )
    feedback = analyse(
        "At Acme I would write SQL queries and build dashboards in Tableau for the growth team.",
        "Why this role?",
        profile=profile,
    )
    check = check_of(feedback, "alignment.job_terms")
    assert check.status in ("pass", "partial")
    assert "sql" in check.detail.lower() and "Missed" in check.tip


def test_unrealistic_goal_depends_on_stage_and_window():
    text = "My goal is to become the CEO of the company within a year."
    soon = analyse(text, "Where do you see yourself?", kind="goals")
    assert check_of(soon, "pitfalls.unrealistic").status == "missing"
    later = analyse(
        "In fifteen years I would love to become a CEO of a company like this one.",
        "Where do you see yourself?",
        kind="goals",
    )
    assert check_of(later, "pitfalls.unrealistic").status == "pass"


def test_delivery_checks_use_word_timings():
    words = []
    clock = 0.0
    transcript = "um so I led the launch and uh we grew sign-ups by 20% you know in three months"
    for index, token in enumerate(transcript.split()):
        start = clock + (3.0 if index == 5 else 0.1)
        words.append((token, start, start + 0.3))
        clock = start + 0.3
    delivery = Delivery(tuple(words), duration=clock, limit=120)
    feedback = analyse(transcript, "Tell me about a launch you led.", delivery=delivery)
    fillers = check_of(feedback, "delivery.fillers")
    assert {e.text.lower() for e in fillers.evidence} == {"um", "uh", "you know"}
    pauses = check_of(feedback, "delivery.pauses")
    assert pauses.status == "partial" and pauses.evidence[0].text == "launch"
    # a short spoken answer is marked down once, by the length check; the time used is for reference
    assert check_of(feedback, "answer.length").status == "missing"
    time_used = check_of(feedback, "delivery.time_used")
    assert time_used.status == "na" and "of 120 s" in time_used.detail
    assert "words a minute" in check_of(feedback, "delivery.pace").detail
    typed = analyse(transcript, "Tell me about a launch you led.")
    assert check_of(typed, "delivery.fillers").status == "na"


def test_like_as_a_verb_is_not_a_filler():
    text = "I would like to lead and I like data, like, a lot"
    words = tuple((w, i * 0.4, i * 0.4 + 0.3) for i, w in enumerate(text.split()))
    feedback = analyse(text, "What motivates you?", delivery=Delivery(words, 5.0))
    assert [e.text for e in check_of(feedback, "delivery.fillers").evidence] == ["like"]
    assert check_of(feedback, "delivery.fillers").evidence[0].start == len("I would like to lead and I like data, ")


@pytest.mark.parametrize(
    "question, kind",
    [
        ("Tell me about a time you failed.", "behavioral"),
        ("Where do you see yourself in five years?", "goals"),
        ("Why do you want to work for our company?", "fit"),
        ("What skills do you hope to develop in this role?", "skills"),
        ("What motivates you to achieve your career goals?", "goals"),
        ("What is your favourite colour?", "general"),
    ],
)
def test_question_kinds_are_guessed(question: str, kind: str):
    assert classify_question(question) == kind


def test_empty_answer_and_json_shape():
    empty = analyse("", "Why this company?")
    assert empty.score == 0 and check_of(empty, "answer.length").status == "missing"
    data = analyse(
        "I led a team of 5 engineers.", QuestionInfo("Tell me about a time you led.", "behavioral")
    ).to_json()
    assert set(data) >= {"score", "groups", "checks"}
    assert 0 <= data["score"] <= 100
    for check in data["checks"]:
        assert set(check) >= {"id", "group", "label", "status", "evidence", "tip"}
        for evidence in check["evidence"]:
            assert set(evidence) == {"start", "end", "text"}


def test_repeated_words_and_phrases_are_flagged_in_spoken_answers():
    text = (
        "At the end of the day I led the team. At the end of the day we shipped. "
        "At the end of the day the clients were happy and the launch went well."
    )
    words = tuple((w, i * 0.4, i * 0.4 + 0.3) for i, w in enumerate(text.split()))
    check = check_of(analyse(text, "Tell me about a launch.", delivery=Delivery(words, 12.0)), "delivery.repetition")
    assert check.status in ("partial", "missing")
    assert "end of the" in check.detail or "the end of" in check.detail
    assert any(text[e.start : e.end].lower().startswith(("at the end", "the end of")) for e in check.evidence)
