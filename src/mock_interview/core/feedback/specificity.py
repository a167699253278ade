"""Specificity: numbers, timeframes, named skills, a concrete example, no vague phrases, SMART goals."""

from __future__ import annotations

from mock_interview.core.feedback.answer import AnswerText, dedupe, overlaps_any
from mock_interview.core.feedback.assessment import Assessment, by_count
from mock_interview.core.feedback.detail import read_details, stock_language
from mock_interview.core.feedback.events import Moment, read_moment, stated_timeframes, timeframes
from mock_interview.core.feedback.mentions import company_mentions, unrealistic_spans
from mock_interview.core.feedback.registry import CheckId
from mock_interview.core.feedback.results import Status
from mock_interview.core.feedback.text import Span
from mock_interview.core.kinds import QuestionKind

# What a follow-up is checked for besides its gap: the details that answer suits (a measured
# result wants numbers, not tools; the steps want tools and dates).
_FOLLOW_UP_DETAILS: dict[CheckId | None, frozenset[CheckId]] = {
    CheckId.STAR_RESULT: frozenset({CheckId.SPECIFICITY_NUMBERS}),
    CheckId.STAR_RESULT_MEASURABLE: frozenset({CheckId.SPECIFICITY_NUMBERS}),
    CheckId.STAR_FIRST_PERSON: frozenset(),
    CheckId.SPECIFICITY_TIMEFRAMES: frozenset({CheckId.SPECIFICITY_TIMEFRAMES}),
    CheckId.GOALS_SHORT_TERM: frozenset({CheckId.SPECIFICITY_TIMEFRAMES}),
    CheckId.GOALS_LONG_TERM: frozenset({CheckId.SPECIFICITY_TIMEFRAMES}),
    CheckId.PITFALLS_NO_PLAN: frozenset({CheckId.SPECIFICITY_TIMEFRAMES, CheckId.SPECIFICITY_SKILLS}),
    CheckId.GOALS_COMPANY_LINK: frozenset({CheckId.SPECIFICITY_SKILLS}),
    CheckId.FIT_WHAT_YOU_BRING: frozenset({CheckId.SPECIFICITY_SKILLS, CheckId.SPECIFICITY_NUMBERS}),
    CheckId.WEAKNESS_MITIGATION: frozenset({CheckId.SPECIFICITY_SKILLS}),
    CheckId.SPECIFICITY_EXAMPLE: frozenset({CheckId.SPECIFICITY_NUMBERS}),
    None: frozenset({CheckId.SPECIFICITY_NUMBERS, CheckId.SPECIFICITY_SKILLS, CheckId.SPECIFICITY_TIMEFRAMES}),
}
_FOLLOW_UP_TIP = "Not what this follow-up asked for."
_DETAILS = (
    CheckId.SPECIFICITY_NUMBERS,
    CheckId.SPECIFICITY_TIMEFRAMES,
    CheckId.SPECIFICITY_SKILLS,
    CheckId.SPECIFICITY_EXAMPLE,
)


def check_specificity(assessment: Assessment) -> None:
    """Numbers, timeframes, skills, an example, vague phrases and (for goals) SMART; for a follow-up,
    only the details that suit what it asked, and no vague phrases."""
    answer = assessment.answer
    wanted = (
        _FOLLOW_UP_DETAILS.get(assessment.question.focus, _FOLLOW_UP_DETAILS[None])
        if assessment.question.is_follow_up
        else None
    )

    quantities = answer.quantities
    assessment.add(
        CheckId.SPECIFICITY_NUMBERS, by_count(len(quantities), 2), quantities, detail=f"{len(quantities)} found"
    )
    status, evidence = timeframes_status(assessment)
    assessment.add(CheckId.SPECIFICITY_TIMEFRAMES, status, evidence, problem=status is Status.PARTIAL)
    skills = answer.skills
    soft = answer.soft_skills
    hard = [s for s in skills if not overlaps_any(s, soft)]
    hard_count = len({s.text.lower() for s in hard})
    # Two tools, methods or domain skills pass; one, or soft skills alone, are half of it (the coach's rule).
    status = Status.PASS if hard_count >= 2 else Status.PARTIAL if hard_count or soft else Status.MISSING
    assessment.add(
        CheckId.SPECIFICITY_SKILLS,
        status,
        hard or soft,
        detail=f"{hard_count} named" + (", soft skills" if soft else ""),
    )
    moment = read_moment(answer)
    if assessment.question.question_kind is QuestionKind.BEHAVIORAL and moment.status is not Status.PASS:
        parts = assessment.star.parts
        if parts["action"].status == "pass" and "pass" in (parts["situation"].status, parts["result"].status):
            moment = Moment(Status.PASS, list(parts["situation"].sentences), "a story told as one")
    assessment.add(CheckId.SPECIFICITY_EXAMPLE, moment.status, moment.evidence, detail=moment.detail)
    if wanted is not None:
        # A follow-up is held to the details its question asked for; the others count when they
        # pass (the answer gave them anyway) and never against it.
        for check_id in _DETAILS:
            if check_id not in wanted and assessment.status(check_id) is not Status.PASS:
                assessment.na(check_id, _FOLLOW_UP_TIP)
    vague = stock_language(answer)
    assessment.add(
        CheckId.SPECIFICITY_VAGUE,
        vague_status(answer),
        vague,
        detail=", ".join(f"“{v.text}”" for v in vague),
        problem=True,
    )
    if assessment.question.question_kind is QuestionKind.GOALS and not assessment.question.is_follow_up:
        check_smart(assessment)


def timeframes_status(assessment: Assessment) -> tuple[Status, list[Span]]:
    """Pass: a date or a length ("within six months", "by 2027", "last spring", "in March 2024"), in
    any sentence and of any subject ("costs fell by 20 percent within ten weeks"). Partial: only
    rough horizons and anchors ("in a few years", "near term", "early in my career", "after a
    while"). A window in a general remark about anyone (an echo of the question: "no one knows
    where they will be in five years") does not count."""
    answer = assessment.answer
    found = stated_timeframes(answer)
    exact = [t.span for t in found if not t.rough]
    if exact:
        return Status.PASS, exact
    rough = dedupe([t.span for t in found] + answer.find("specificity", "vague_timeframes"))
    return (Status.PARTIAL, rough) if rough else (Status.MISSING, [])


VAGUE_DETAILS = 2  # fewer details than this beside stock lines that fill half the answer: the stock is the answer
STRAY_DETAILS = 5  # one stock phrase in an answer with this many details is a stray, not a habit


def vague_status(answer: AnswerText) -> Status:
    """No stock phrase: pass (one stray phrase in a detailed answer too). Stock phrases beside real
    detail: partial. Stock lines standing in for detail (they fill half the answer and there is next
    to no detail): missing."""
    reading = read_details(answer)
    if not reading.stock:
        return Status.PASS
    if reading.stock_dominates and reading.distinct_details < VAGUE_DETAILS:
        return Status.MISSING
    if len(reading.stock) == 1 and reading.distinct_details >= STRAY_DETAILS:
        return Status.PASS
    return Status.PARTIAL


def check_smart(assessment: Assessment) -> None:
    """Which of specific, measurable, achievable, relevant and time-bound a goal answer meets."""
    answer = assessment.answer
    parts = {
        "specific": answer.find("smart", "specific_role") + answer.skills,
        "measurable": answer.find("smart", "measurable") + answer.quantities,
        "achievable": [] if unrealistic_spans(assessment) else answer.find("smart", "achievable"),
        "relevant": answer.find("smart", "relevant") + company_mentions(assessment),
        "time-bound": timeframes(answer).future,
    }
    met = [name for name, spans in parts.items() if spans]
    missing = [name for name in parts if name not in met]
    status = Status.PASS if len(met) >= 4 else Status.PARTIAL if len(met) >= 2 else Status.MISSING
    assessment.add(
        CheckId.SPECIFICITY_SMART,
        status,
        dedupe(s for spans in parts.values() for s in spans),
        detail="met: " + (", ".join(met) or "none"),
        extra_tip=f"Missing: {', '.join(missing)}." if missing else "",
    )
