"""The timeframe check: a duration or a date passes in any sentence and of any subject; only a
general remark about anyone's future does not count. Answers written for the test."""

from __future__ import annotations

import pytest

from mock_interview.core.feedback import analyse
from tests.lookups import check_of

STORY_Q = "Tell me about a time you fixed a problem at work."
GOALS_Q = "Where do you see yourself in five years?"


def timeframe_status(answer: str, question: str = STORY_Q) -> str:
    return str(check_of(analyse(answer, question), "specificity.timeframes").status)


@pytest.mark.parametrize(
    "answer",
    [
        # a length, said of the outcome rather than of the speaker
        "After the new rota went live, overtime dropped to 4 percent within 10 weeks.",
        "Shipping costs fell by a fifth within ten weeks.",
        "Complaints halved over the following three months.",
        "The queue was cleared in two days and nobody had to work the weekend.",
        # the same with the speaker as subject still passes
        "I brought shipping costs down by a fifth within ten weeks.",
        # a date, with or without the speaker
        "In March 2024 I moved our invoices to a shared queue.",
        "The audit closed on 14 June 2023 with no findings.",
        "Sales had slipped badly by Q3 2022, so the team rebuilt the funnel.",
        "Last May the warehouse flooded and every order stalled.",
        "We went live on September 9th.",
    ],
)
def test_a_length_or_a_date_is_a_timeframe_whoever_the_sentence_is_about(answer):
    assert timeframe_status(answer) == "pass"


@pytest.mark.parametrize(
    "answer",
    [
        "Nobody can say where they will be in five years.",
        "Who knows what anyone will be doing in ten years.",
        "I may march on and see what happens.",  # "may" and "march" are verbs here, not dates
    ],
)
def test_a_general_remark_or_a_verb_is_no_timeframe(answer):
    assert timeframe_status(answer, GOALS_Q) == "missing"


def test_a_rough_horizon_is_still_half_a_timeframe():
    assert timeframe_status("In a few years the team will probably be bigger.", GOALS_Q) == "partial"
