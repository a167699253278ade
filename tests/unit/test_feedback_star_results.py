"""A story's result is what came of it: a number that describes the problem or a goal set is no
result and no measurable result, and does not put the parts out of order. Stories written for the
test (none taken from the real-answer data the benchmarks measure on)."""

from __future__ import annotations

import pytest

from mock_interview.core.feedback import analyse
from mock_interview.core.feedback.answer import AnswerText
from mock_interview.core.feedback.lexicon import load_lexicon
from mock_interview.core.feedback.star import said_of_outcome, targets
from tests.lookups import check_of

STORY_Q = "Tell me about a time you solved a problem at work."

# Only the set-up and the goal: numbers of the problem and of the target, no outcome yet.
SET_UP_ONLY = [
    "I ran the returns desk at an outdoor store. About a third of refunds took over 14 days, which "
    "angered customers. My job was to get every refund out within 5 days by spring.",
    "I worked as a shift lead at a call centre. About 40 percent of callers hung up before reaching "
    "anyone. My manager asked me to bring that under 10 percent by the summer.",
    "At my previous company, sales had dropped by 30 percent in one year. The director wanted me to "
    "grow them back by 15 percent.",
    "our clinic was losing about 20 patients a month to the hospital down the road and my goal was to "
    "win back half of them",
    "Our deploys failed 3 times a week. I needed to reduce failures to one a month.",
    # the situation alone, as a spoken answer is read live before the rest is said
    "so our stock counts were off by about 12 percent every week which meant empty shelves",
]

# The same stories told to the end: the outcome's number is the measurable result.
TOLD_TO_THE_END = [
    "About a third of refunds took over 14 days. My job was to get them out within 5 days. I split the "
    "queue by amount and let the two senior clerks approve small refunds. By May the average refund "
    "took 3 days.",
    "About 40 percent of callers hung up. I was asked to fix it. I rewrote the phone menu and added a "
    "callback option. Hang-ups dropped to 12 percent.",
    "The backlog held 1,200 tickets. I set up a triage rota and trained two juniors. Within a month the "
    "backlog was down to 150 tickets.",
    "Deploys failed three times a week. I added tests and a staging step. We cut failures to one a "
    "month and saved about 6 hours of rework each week.",
]


@pytest.mark.parametrize("answer", SET_UP_ONLY)
def test_numbers_of_the_problem_or_the_goal_are_no_result(answer):
    feedback = analyse(answer, STORY_Q)
    assert check_of(feedback, "star.result").status == "missing"
    assert check_of(feedback, "star.result_measurable").status == "missing"
    assert "R" not in check_of(feedback, "star.order").detail


@pytest.mark.parametrize("answer", TOLD_TO_THE_END)
def test_a_number_said_of_the_outcome_is_a_measurable_result(answer):
    feedback = analyse(answer, STORY_Q)
    assert check_of(feedback, "star.result").status == "pass"
    assert check_of(feedback, "star.result_measurable").status == "pass"
    assert check_of(feedback, "star.order").detail.endswith("R")


def test_the_goal_beside_an_outcome_is_not_its_measure():
    answer = (
        "Refunds took 14 days on average. I split the queue by amount and trained two clerks. My target "
        "was to halve the wait, and in the end refunds took a week."
    )
    feedback = analyse(answer, STORY_Q)
    assert check_of(feedback, "star.result").status != "missing"
    assert check_of(feedback, "star.result_measurable").status == "partial"  # told, but measured only by the goal


@pytest.mark.parametrize(
    ("answer", "number", "outcome"),
    [
        ("My task was to cut the error rate to 2 percent.", "2 percent", False),
        ("We were asked to answer 90 percent of calls within a minute.", "90 percent", False),
        ("I needed to save 5 hours a week, so I automated the report.", "5", False),
        ("The error rate fell to 2 percent after the change.", "2 percent", True),
        ("That led to 90 percent of calls answered within a minute.", "90 percent", True),
    ],
)
def test_a_number_inside_a_goal_is_a_target(answer, number, outcome):
    text = AnswerText(answer, load_lexicon())
    span = next(q for q in text.quantities if q.text == number)
    assert said_of_outcome(text, span) is outcome
    assert bool(targets(text)) is not outcome


# The speaker moving a figure, with no story around it or said before it: the result is there.
SPEAKER_OUTCOME_FIRST = [
    "I cut costs by 20 percent within ten weeks.",
    "We halved the support backlog in one quarter.",
    "Then I reduced the error rate from 9 to 2 percent.",
    "I cut vendor costs by 20 percent in ten weeks. Our bills had grown for years, so I renegotiated three contracts.",
]
# A figure the speaker saw or was set, at the start: the set-up, no result.
SET_UP_BY_THE_SPEAKER = [
    "I noticed sales had dropped by 30 percent.",
    "I saw that our churn had doubled.",
    "I was asked to reduce costs by 20 percent.",
]


@pytest.mark.parametrize("answer", SPEAKER_OUTCOME_FIRST)
def test_an_outcome_the_speaker_brought_about_is_a_result_even_first_or_alone(answer):
    feedback = analyse(answer, STORY_Q)
    assert check_of(feedback, "star.result").status == "pass"


@pytest.mark.parametrize("answer", SET_UP_BY_THE_SPEAKER)
def test_a_figure_the_speaker_saw_or_was_set_first_is_no_result(answer):
    feedback = analyse(answer, STORY_Q)
    assert check_of(feedback, "star.result").status == "missing"


@pytest.mark.parametrize(
    ("answer", "year"),
    [
        ("In 2019 I joined a small team.", "2019"),
        ("In March 2024 I took over the rota.", "2024"),
        ("From 2019 to 2021 I ran the desk.", "2021"),
        ("Since 2015, I have led the night shift.", "2015"),
    ],
)
def test_a_calendar_year_is_a_date_not_a_figure(answer, year):
    text = AnswerText(answer, load_lexicon())
    assert year in answer and all(year not in q.text for q in text.quantities)
    feedback = analyse(answer, STORY_Q)
    assert check_of(feedback, "specificity.numbers").status == "missing"
    assert check_of(feedback, "specificity.timeframes").status == "pass"


def test_a_four_digit_count_is_still_a_figure():
    text = AnswerText("We served 2019 customers that week.", load_lexicon())
    assert [q.text for q in text.quantities] == ["2019"]
