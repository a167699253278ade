"""A long-term vision is concrete when it names where (a role with its field, a team, a place, a
number) or when (a date or a length), not when stock lines surround a rough "one day"; and stock
lines never make an answer "specific to you". The same weak answer typed or spoken (run-on, with
fillers) gets the same verdicts. Answers written for the test."""

from __future__ import annotations

import pytest

from mock_interview.core.feedback import analyse
from tests.lookups import check_of

GOALS_Q = "Where do you see yourself in five years?"
LONG_Q = "What are your long-term career goals?"

# The same weak goal, typed and as a transcript reads: a rough horizon, nowhere named, stock lines.
WEAK = [
    "Hopefully one day I will be in a leadership role somewhere.",
    "Maybe one day I'll be a manager of some kind.",
    "I want to grow with the company. I'm a team player and a hard worker. One day I will be a leader "
    "somewhere, I guess.",
    "so yeah I just want to grow with the company you know and I'm a team player and a hard worker and "
    "um one day I will be a leader somewhere I guess",
    "Well, good question. In five years I see myself growing with the company. I'm a hard worker. And "
    "eventually I'd like to move somewhere higher up.",
]

CONCRETE = [
    "In ten years I want to lead a team of nurses on a cardiac ward.",
    "Eventually I want to run the payments team at a bank like this one, after two years as a product analyst.",
    "One day I'd like to be director of marketing at a charity.",
]


@pytest.mark.parametrize("question", [GOALS_Q, LONG_Q])
@pytest.mark.parametrize("answer", WEAK)
def test_stock_lines_and_a_rough_horizon_are_half_a_vision_and_not_specific(answer, question):
    feedback = analyse(answer, question)
    assert check_of(feedback, "goals.long_term").status == "partial"
    assert check_of(feedback, "pitfalls.generic").status != "pass"


@pytest.mark.parametrize("answer", CONCRETE)
def test_a_vision_that_names_where_or_when_passes(answer):
    feedback = analyse(answer, LONG_Q)
    assert check_of(feedback, "goals.long_term").status == "pass"
    assert check_of(feedback, "pitfalls.generic").status == "pass"


def test_typed_and_spoken_forms_of_one_weak_answer_agree():
    typed = analyse(WEAK[2], GOALS_Q)
    spoken = analyse(WEAK[3], GOALS_Q)
    for check_id in ("goals.long_term", "specificity.vague", "pitfalls.generic"):
        assert check_of(typed, check_id).status == check_of(spoken, check_id).status, check_id
