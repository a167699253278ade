"""A follow-up never asks again what its question, or an earlier question of the round, asked."""

from __future__ import annotations

from pathlib import Path

import pytest

from mock_interview.core.clock import Clock
from mock_interview.core.feedback import QuestionInfo, analyse
from mock_interview.core.followups import choose_follow_up
from mock_interview.core.packs import Question
from mock_interview.core.repeats import asks_again, follow_up_topic
from mock_interview.core.rounds import Round
from mock_interview.core.sessions import SessionStore
from tests.fakes import FakeClock
from tests.follow_up_pairs import builtin_questions, reachable_follow_ups

LONG_TERM = "What are your long-term career goals?"
FIVE_TO_TEN = "And where do you want to be in five to ten years?"
NO_LONG_TERM = "I am a data analyst at a retailer. Next year I want to lead the reporting work for our stores."


def _builtin(ref: str) -> Question:
    return next(q for q in builtin_questions() if q.ref == ref)


def test_the_trial_example_is_not_asked_after_long_term_goals() -> None:
    # The trial: an answer without a long-term goal, and the round asked the question again in other words.
    answer = NO_LONG_TERM
    question = _builtin("career-goals/long-term-goals")
    assert question.text == LONG_TERM
    feedback = analyse(answer, QuestionInfo.of(question))
    long_term = feedback.by_id("goals.long_term")
    assert long_term is not None and long_term.status.value in ("missing", "partial")
    follow_up = choose_follow_up(question, feedback, answer=answer)
    assert follow_up != FIVE_TO_TEN
    assert follow_up is None or not asks_again(follow_up, LONG_TERM)
    # The same answer to a question that did not ask for the long term gets exactly that follow-up.
    other = _builtin("industry-finance/finance-goals")
    assert choose_follow_up(other, analyse(answer, QuestionInfo.of(other)), answer=answer) == FIVE_TO_TEN


@pytest.mark.parametrize(
    ("question", "follow_up"),
    [
        (LONG_TERM, FIVE_TO_TEN),
        ("Where do you see yourself in five years?", FIVE_TO_TEN),
        ("What are your long-term career goals?", "Where do you see yourself in the future?"),
        ("How far do you want to go in this company?", "Where do you want to be eventually?"),
        (
            "What would a successful first year look like for you?",
            "What do you want to achieve in the next one to three years?",
        ),
        ("Why do you want to work for our company?", "What draws you to our company in particular?"),
        ("Why should we hire you?", "What would you bring to the team from day one?"),
        ("Why are you leaving your current job?", "What made you start looking?"),
        ("What is your greatest weakness?", "What is a real weakness you are working on?"),
        ("How does this position align with your career goals?", "How does this role fit into that plan?"),
        ("Tell me about a time you made a measurable difference.", "What was the measurable outcome?"),
        ("Tell me about a time you took the lead on a project.", "Can you give me a specific example?"),
    ],
)
def test_the_same_thing_in_other_words_asks_again(question: str, follow_up: str) -> None:
    assert asks_again(follow_up, question)


@pytest.mark.parametrize(
    ("question", "follow_up"),
    [
        (LONG_TERM, "What do you want to achieve in the next one to three years?"),
        ("Where do you see yourself in five years?", "How does this role fit into that plan?"),
        ("Why are you leaving your current job?", "What would make you stay somewhere for the long term?"),
        ("Describe a time you failed. What did you learn?", "What result did the change bring?"),
        ("What leadership skills do you want to build over the next two years?", "How would you know it worked?"),
        ("Tell me about a time you were asked to improve a result.", "What was the result of what you did?"),
        ("What motivates you to achieve your career goals?", "Tell me about a time that motivation kept you going."),
    ],
)
def test_a_different_question_does_not_ask_again(question: str, follow_up: str) -> None:
    assert not asks_again(follow_up, question)


def test_an_earlier_question_of_the_round_counts_for_the_person_not_for_a_story() -> None:
    assert asks_again(FIVE_TO_TEN, "What are your career goals in finance?", earlier=[LONG_TERM])
    # a story's result is fair to ask about every story of the round
    earlier = ["Tell me about a time you made a measurable difference."]
    assert not asks_again("What was the measurable outcome?", "Tell me about a transformation you led.", earlier)


def test_the_round_passes_its_earlier_questions() -> None:
    answer = NO_LONG_TERM
    question = _builtin("industry-finance/finance-goals")
    feedback = analyse(answer, QuestionInfo.of(question))
    assert choose_follow_up(question, feedback, answer=answer, asked=[LONG_TERM]) != FIVE_TO_TEN


def _round(tmp_path: Path, questions: list[Question]) -> Round:
    store = SessionStore(tmp_path / "sessions")
    session = store.create(mode="typed", packs=[q.pack_id for q in questions], plan=[q.ref for q in questions])
    return Round(session=session, store=store, questions=questions, clock=Clock(FakeClock()))


def test_a_round_does_not_ask_again_what_an_earlier_question_asked(tmp_path: Path) -> None:
    finance = _builtin("industry-finance/finance-goals")
    alone = _round(tmp_path / "alone", [finance])
    alone.begin()
    alone.start_answer()
    assert alone.submit(NO_LONG_TERM).follow_up == FIVE_TO_TEN
    round_ = _round(tmp_path / "after", [_builtin("career-goals/long-term-goals"), finance])
    round_.begin()
    round_.start_answer()
    round_.submit("In ten years I want to run the analytics department of a retailer.")
    turn = round_.advance()
    while turn is not None and turn.follow_up_to:
        round_.submit("By building the team's reporting first.")
        turn = round_.advance()
    assert turn is not None and turn.question.ref == finance.ref
    round_.start_answer()
    assert round_.submit(NO_LONG_TERM).follow_up not in (FIVE_TO_TEN, None)


def test_topics_are_named_by_what_the_follow_up_asks_first() -> None:
    staying = follow_up_topic("What would make you stay somewhere for the long term?")
    assert staying is not None and staying.name == "staying"
    assert follow_up_topic("How did your manager react?") is None


def test_no_follow_up_of_the_built_in_packs_asks_its_question_again() -> None:
    # bench/follow_up_repeats.py lists the pairs: 64 of 614 repeated before the chooser skipped them.
    repeats = [
        (question.text, follow_up)
        for question in builtin_questions()
        for follow_up in reachable_follow_ups(question)
        if asks_again(follow_up, question.text)
    ]
    assert repeats == []


def test_the_built_in_follow_ups_do_not_ask_again_what_an_earlier_long_term_question_asked() -> None:
    for question in builtin_questions():
        for follow_up in reachable_follow_ups(question, asked=(LONG_TERM,)):
            assert not asks_again(follow_up, question.text, (LONG_TERM,)), (question.text, follow_up)


def test_every_built_in_question_still_has_a_follow_up() -> None:
    assert all(reachable_follow_ups(question) for question in builtin_questions())
