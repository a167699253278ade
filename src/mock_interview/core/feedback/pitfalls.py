"""Pitfalls the guide warns about: unrealistic or generic goals, misalignment, negativity about
past employers, signs of leaving soon, a focus on pay and perks, no plan, private life."""

from __future__ import annotations

import re

from mock_interview.core.feedback.assessment import Assessment
from mock_interview.core.feedback.detail import read_details
from mock_interview.core.feedback.mentions import negativity_spans, unrealistic_spans
from mock_interview.core.feedback.registry import CheckId
from mock_interview.core.feedback.results import Status
from mock_interview.core.feedback.text import Span, counted
from mock_interview.core.kinds import QuestionKind

_PAY_FOCUS = re.compile(
    r"(?i)\b(want|looking for|main|reason|because|attract|most important|care about|need|"
    r"motivat)\b"
)


GENERIC_FEW_DETAILS = 2  # this few details beside stock lines that fill half the answer: partly anyone's answer
GENERIC_SHORT_WORDS = 30  # a "why here" answer this short with no detail fits any employer
PADDING_SHARE = 0.3  # stock-only sentences making up this share of a detailed answer: it is padded
ONE_WORD_SHARE = 0.25  # one content word this much of the answer: a template filled with a word
ONE_WORD_MIN = 20  # content words an answer needs before that share means anything
# Questions about this company or this job: a reason with no detail of the company or the candidate
# in it fits any employer ("I saw your ad", "this job is probably amazing").
_ASKS_WHY_HERE = (QuestionKind.FIT, QuestionKind.MOTIVATION)


def generic_status(assessment: Assessment) -> tuple[Status, list[Span]]:
    """An answer anyone could give: a canned weakness ("I work too hard"); stock lines (or a dodge)
    filling half the answer with no detail of the candidate's own (no number, name, skill or domain
    term) beside them; for "why here", a short reason that fits any employer."""
    answer = assessment.answer
    kind = assessment.question.question_kind
    if kind is QuestionKind.WEAKNESS:
        canned = answer.find("weakness", "canned")
        named = answer.sentences_of(answer.find("weakness", "named"))
        if canned and len(answer.sentences_of(canned)) >= len(named):
            return Status.MISSING, canned
    reading = read_details(answer)
    if len(reading.content_words) >= ONE_WORD_MIN and reading.top_word_share >= ONE_WORD_SHARE:
        top = max(set(reading.content_words), key=reading.content_words.count)
        return Status.MISSING, [w for w in answer.words if w.text.lower() == top][:10]
    stock = list(reading.stock)
    dominated = reading.stock_dominates
    if stock and dominated and reading.distinct_details == 0:
        return Status.MISSING, stock
    if stock and dominated and reading.distinct_details <= GENERIC_FEW_DETAILS:
        return Status.PARTIAL, stock
    empty = reading.empty_stock_sentences
    if len(empty) >= 2 and len(empty) >= PADDING_SHARE * len(answer.sentences):
        return Status.PARTIAL, stock  # a real answer padded with stock lines
    if kind in _ASKS_WHY_HERE and reading.distinct_details == 0 and answer.word_count <= GENERIC_SHORT_WORDS:
        any_job = answer.find("pitfalls", "any_job")
        return (Status.MISSING, any_job) if any_job else (Status.PARTIAL, list(answer.sentences))
    return Status.PASS, []


def _check_no_plan(assessment: Assessment) -> None:
    """No plan: saying so ("I don't know"), or, for a goal, no step toward it. Concrete steps (a
    course, a certification, a project, a mentor) pass; only working hard or "gaining experience"
    is half a plan (the coach's partial); a goal with no step at all is missing one."""
    answer = assessment.answer
    kind = assessment.question.question_kind
    said = answer.find("pitfalls", "no_plan")
    if said:
        assessment.add(CheckId.PITFALLS_NO_PLAN, Status.MISSING, said, problem=True)
        return
    if kind not in (QuestionKind.GOALS, QuestionKind.SKILLS):
        return
    steps = answer.find("pitfalls", "concrete_steps")
    vague_steps = answer.find("pitfalls", "vague_steps")
    if steps:
        assessment.add(CheckId.PITFALLS_NO_PLAN, Status.PASS, answer.sentences_of(steps))
    elif vague_steps:
        assessment.add(
            CheckId.PITFALLS_NO_PLAN,
            Status.PARTIAL,
            vague_steps,
            problem=True,
            detail="only working hard or gaining experience",
        )
    else:
        assessment.add(CheckId.PITFALLS_NO_PLAN, Status.MISSING, [], problem=True, detail="no step toward the goal")


def check_pitfalls(assessment: Assessment) -> None:
    """Each pitfall passes unless the answer shows it."""
    answer = assessment.answer
    kind = assessment.question.question_kind
    unrealistic = unrealistic_spans(assessment)
    assessment.add(
        CheckId.PITFALLS_UNREALISTIC,
        Status.MISSING if unrealistic else Status.PASS,
        answer.sentences_of(unrealistic),
        problem=True,
    )
    status, evidence = generic_status(assessment)
    assessment.add(CheckId.PITFALLS_GENERIC, status, evidence, problem=True)
    any_job = answer.find("pitfalls", "any_job")
    assessment.add(CheckId.PITFALLS_ANY_JOB, Status.MISSING if any_job else Status.PASS, any_job, problem=True)
    misaligned = answer.find("pitfalls", "misalignment")
    assessment.add(
        CheckId.PITFALLS_MISALIGNMENT, Status.MISSING if misaligned else Status.PASS, misaligned, problem=True
    )
    negative = negativity_spans(assessment)
    assessment.add(CheckId.PITFALLS_NEGATIVITY, Status.MISSING if negative else Status.PASS, negative, problem=True)
    leaving = answer.find("pitfalls", "leaving_soon")
    assessment.add(CheckId.PITFALLS_LEAVING_SOON, Status.MISSING if leaving else Status.PASS, leaving, problem=True)
    pay = answer.find("pitfalls", "pay_perks")
    focus = [p for p in pay if _PAY_FOCUS.search(answer.sentences[answer.sentence_index(p.start)].text)]
    status = Status.MISSING if focus or len(pay) >= 2 else Status.PARTIAL if pay else Status.PASS
    assessment.add(CheckId.PITFALLS_PAY_PERKS, status, pay, problem=True)
    _check_no_plan(assessment)
    if kind is QuestionKind.ABOUT:
        steps = answer.find("pitfalls", "chronology")
        told = len({answer.sentence_index(s.start) for s in steps})
        status = Status.MISSING if len(steps) >= 4 or told >= 3 else Status.PARTIAL if len(steps) >= 3 else Status.PASS
        assessment.add(
            CheckId.PITFALLS_RECITAL,
            status,
            steps,
            problem=True,
            detail=f"{counted(len(steps), 'step')} told in order" if steps else "",
        )
    if kind in (QuestionKind.ABOUT, QuestionKind.FIT, QuestionKind.MOTIVATION, QuestionKind.GENERAL):
        personal = answer.find("pitfalls", "personal")
        status = Status.PASS if not personal else Status.PARTIAL if len(personal) == 1 else Status.MISSING
        assessment.add(CheckId.PITFALLS_PERSONAL, status, personal, problem=True)
