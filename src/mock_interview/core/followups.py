"""The interviewer's follow-up: aimed at the answer's biggest gap, else one of the question's own."""

from __future__ import annotations

import random

from mock_interview.core.feedback import Feedback
from mock_interview.core.packs import Question

# (check id, statuses that count as a gap, the follow-up asked), most important first.
GAP_FOLLOW_UPS = (
    ("star.result", ("missing",), "What was the result of what you did?"),
    ("star.result_measurable", ("missing", "partial"), "What was the measurable outcome?"),
    ("star.first_person", ("missing",), "What did you personally do, as opposed to the team?"),
    ("goals.short_term", ("missing",), "What do you want to achieve in the next one to three years?"),
    ("goals.long_term", ("missing",), "And where do you want to be in five to ten years?"),
    ("specificity.timeframes", ("missing",), "By when do you want to get there?"),
    ("goals.company_link", ("missing",), "How does this role fit into that plan?"),
    ("pitfalls.no_plan", ("missing",), "What steps will you take to get there?"),
    ("fit.why_company", ("missing",), "What draws you to our company in particular?"),
    ("fit.what_you_bring", ("missing",), "What would you bring to the team from day one?"),
    ("specificity.example", ("missing",), "Can you give me a specific example?"),
)


def choose_follow_up(question: Question, feedback: Feedback, rng: random.Random | None = None) -> str | None:
    """The follow-up to ask after ``feedback`` on an answer to ``question``, or ``None``."""
    for check_id, statuses, text in GAP_FOLLOW_UPS:
        check = feedback.by_id(check_id)
        if check is not None and check.status in statuses:
            return text
    if question.follow_ups:
        return (rng or random.Random()).choice(question.follow_ups)
    return None
