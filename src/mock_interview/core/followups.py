"""The interviewer's follow-up: aimed at the answer's biggest gap, else one of the question's own
that asks for something the answer did not already give, and never one that asks again what the
round already asked (core/repeats.py)."""

from __future__ import annotations

import random
from collections.abc import Sequence

from mock_interview.core.feedback import Feedback, QuestionInfo, Status, analyse, follow_up_focus
from mock_interview.core.kinds import QuestionKind
from mock_interview.core.packs import Question
from mock_interview.core.repeats import asks_again

_PLANS = frozenset({QuestionKind.GOALS, QuestionKind.SKILLS})
_LEAVING = frozenset({QuestionKind.LEAVING})
# (check id, statuses that count as a gap, the follow-up asked, the kinds it suits or None for
# any), most important first.
GAP_FOLLOW_UPS: tuple[tuple[str, tuple[str, ...], str, frozenset[QuestionKind] | None], ...] = (
    ("star.result", ("missing",), "What was the result of what you did?", None),
    ("star.result_measurable", ("missing", "partial"), "What was the measurable outcome?", None),
    ("star.first_person", ("missing",), "What did you personally do, as opposed to the team?", None),
    ("weakness.named", ("missing",), "What is a real weakness you are working on?", None),
    ("weakness.mitigation", ("missing",), "What are you doing about it?", None),
    ("goals.short_term", ("missing",), "What do you want to achieve in the next one to three years?", None),
    ("goals.long_term", ("missing",), "And where do you want to be in five to ten years?", None),
    ("specificity.timeframes", ("missing",), "By when do you want to get there?", _PLANS),
    ("goals.company_link", ("missing",), "How does this role fit into that plan?", None),
    ("pitfalls.no_plan", ("missing",), "What steps will you take to get there?", None),
    ("leaving.reason", ("missing",), "What made you start looking?", _LEAVING),
    ("leaving.positive", ("missing",), "What has your current job given you that you value?", _LEAVING),
    ("leaving.next", ("missing",), "What are you looking for in your next role?", _LEAVING),
    ("leaving.link", ("missing",), "How does this role fit into your plans?", _LEAVING),
    ("fit.why_company", ("missing",), "What draws you to our company in particular?", None),
    ("fit.what_you_bring", ("missing",), "What would you bring to the team from day one?", None),
    ("about.future", ("missing",), "Why is this role the right next step for you?", None),
    ("motivation.example", ("missing",), "When did that make a difference in your work?", None),
    ("specificity.example", ("missing",), "Can you give me a specific example?", None),
)


def choose_follow_up(
    question: Question,
    feedback: Feedback,
    rng: random.Random | None = None,
    answer: str = "",
    missed_before: Sequence[str] = (),
    asked: Sequence[str] = (),
) -> str | None:
    """The follow-up to ask after ``feedback`` on an answer to ``question``, or ``None``.

    An item the last practice of the question missed (``missed_before``, check ids: a drill) that
    this answer still misses or only half-meets comes first: the drill goes back to what went
    wrong. Then the biggest gap; else one of the question's own follow-ups, leaving out those that
    ask for what the answer already gives (no "What was the measurable outcome?" after a measured
    result). With the ``answer`` itself, "already gives" means the answer would pass as a reply to
    that follow-up; without it, that the check the follow-up aims at passed.

    A follow-up never asks again what ``question`` or one of the questions and follow-ups ``asked``
    earlier in the round already asked (:func:`~mock_interview.core.repeats.asks_again`: no "And where do you want to be
    in five to ten years?" after "What are your long-term career goals?"): the next gap, or one of
    the question's own follow-ups, is asked instead, or none."""
    kind = feedback.kind

    def fresh(text: str) -> bool:
        return not asks_again(text, question.text, asked)

    for check_id, _, text, kinds in GAP_FOLLOW_UPS:
        check = feedback.by_id(check_id) if check_id in missed_before else None
        if (
            check is not None
            and check.status in (Status.MISSING, Status.PARTIAL)
            and (kinds is None or kind in kinds)
            and fresh(text)
        ):
            return text
    for check_id, statuses, text, kinds in GAP_FOLLOW_UPS:
        check = feedback.by_id(check_id)
        if check is not None and check.status in statuses and (kinds is None or kind in kinds) and fresh(text):
            return text
    open_ones = [text for text in question.follow_ups if fresh(text) and not _already_given(text, feedback, answer)]
    if open_ones:
        return (rng or random.Random()).choice(open_ones)
    return None


# The checks whose pass shows an answer already gave what a follow-up asks for, where that is not
# the follow-up's own focus (a pitfall passes whenever it is absent: it shows no plan was given).
_SHOWN_BY = {"pitfalls.no_plan": ("skills.plan", "weakness.mitigation")}


def _already_given(follow_up: str, feedback: Feedback, answer: str) -> bool:
    focus = follow_up_focus(follow_up)
    if focus is None:
        return False
    if answer.strip():
        reply = analyse(answer, QuestionInfo.follow_up(follow_up, parent_kind=feedback.kind))
        answered = reply.by_id("followup.answered")
        return answered is not None and answered.status == Status.PASS
    for check_id in _SHOWN_BY.get(str(focus), (str(focus),)):
        check = feedback.by_id(check_id)
        if check is not None and check.status == Status.PASS:
            return True
    return False
