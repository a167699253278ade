"""Pitfalls the guide warns about: unrealistic or generic goals, misalignment, negativity about
past employers, signs of leaving soon, a focus on pay and perks, no plan, private life."""

from __future__ import annotations

import re

from mock_interview.core.feedback.context import Context
from mock_interview.core.feedback.detail import read_details
from mock_interview.core.feedback.model import Status
from mock_interview.core.feedback.registry import CheckId
from mock_interview.core.feedback.text import Span
from mock_interview.core.kinds import QuestionKind

_PAY_FOCUS = re.compile(
    r"(?i)\b(want|looking for|main|reason|because|attract|most important|care about|need|"
    r"motivat)\b"
)
_NEGATED = re.compile(r"(?i)\b(not|never|no|wasn't|isn't|weren't|aren't|nothing)\s+(\w+\s+)?$")


def unrealistic_spans(ctx: Context) -> list[Span]:
    """Top titles (CEO, partner, "your job") in a short window, or at entry level."""
    titles = ctx.answer.find("pitfalls", "top_titles")
    if not titles:
        return []
    windows = {ctx.answer.sentence_index(w.start) for w in ctx.answer.find("pitfalls", "short_windows")}
    entry = bool(ctx.profile and ctx.profile.career_stage == "entry")
    found = []
    for title in titles:
        if title.text.lower() in ("partner", "your job", "take over") and not entry:
            continue
        if ctx.answer.sentence_index(title.start) in windows or entry:
            found.append(title)
    return found


def negativity_spans(ctx: Context) -> list[Span]:
    """Harsh words about people or past workplaces (not when negated: "never a problem")."""
    found = []
    for span in ctx.answer.find("pitfalls", "negativity"):
        before = ctx.text[max(0, span.start - 20) : span.start]
        if _NEGATED.search(before):
            continue
        found.append(span)
    return found


GENERIC_FEW_DETAILS = 2  # this few details beside two stock phrases or more: partly anyone's answer
# Questions about this company or this job: a reason with no detail of the company or the candidate
# in it fits any employer ("I saw your ad", "this job is probably amazing").
_ASKS_WHY_HERE = (QuestionKind.FIT, QuestionKind.MOTIVATION)


def generic_status(ctx: Context) -> tuple[Status, list[Span]]:
    """An answer anyone could give: a stock weakness; stock language, or a dodge, with no detail of
    the candidate's own (no number, name, skill or domain term) beside it; for "why here", a reason
    that fits any employer."""
    answer = ctx.answer
    kind = ctx.question.question_kind
    if kind is QuestionKind.WEAKNESS:
        cliche = answer.find("weakness", "cliche")
        named = answer.sentences_of(answer.find("weakness", "named"))
        if cliche and len(answer.sentences_of(cliche)) >= len(named):
            return Status.MISSING, cliche
    reading = read_details(answer)
    stock = list(reading.stock)
    dodges = answer.find("pitfalls", "no_plan")
    if reading.distinct_details == 0:
        if stock or dodges:
            return Status.MISSING, stock + dodges
        if kind in _ASKS_WHY_HERE:
            return Status.MISSING, list(answer.sentences)
    if reading.distinct_details <= GENERIC_FEW_DETAILS and len(stock) >= 2 and reading.empty_stock_sentences:
        return Status.PARTIAL, stock
    return Status.PASS, []


def check_pitfalls(ctx: Context) -> None:
    """Each pitfall passes unless the answer shows it."""
    answer = ctx.answer
    kind = ctx.question.question_kind
    unrealistic = unrealistic_spans(ctx)
    ctx.add(
        CheckId.PITFALLS_UNREALISTIC,
        Status.MISSING if unrealistic else Status.PASS,
        answer.sentences_of(unrealistic),
        problem=True,
    )
    status, evidence = generic_status(ctx)
    ctx.add(CheckId.PITFALLS_GENERIC, status, evidence, problem=True)
    misaligned = answer.find("pitfalls", "misalignment")
    ctx.add(CheckId.PITFALLS_MISALIGNMENT, Status.MISSING if misaligned else Status.PASS, misaligned, problem=True)
    negative = negativity_spans(ctx)
    ctx.add(CheckId.PITFALLS_NEGATIVITY, Status.MISSING if negative else Status.PASS, negative, problem=True)
    leaving = answer.find("pitfalls", "leaving_soon")
    ctx.add(CheckId.PITFALLS_LEAVING_SOON, Status.MISSING if leaving else Status.PASS, leaving, problem=True)
    pay = answer.find("pitfalls", "pay_perks")
    focus = [p for p in pay if _PAY_FOCUS.search(answer.sentences[answer.sentence_index(p.start)].text)]
    status = Status.MISSING if focus or len(pay) >= 2 else Status.PARTIAL if pay else Status.PASS
    ctx.add(CheckId.PITFALLS_PAY_PERKS, status, pay, problem=True)
    # No plan: saying so ("I don't know", "we'll see"); an answer that simply lacks steps shows in
    # the structure checks (progression, how you will build them) instead.
    no_plan = answer.find("pitfalls", "no_plan")
    if kind in (QuestionKind.GOALS, QuestionKind.SKILLS) or no_plan:
        ctx.add(CheckId.PITFALLS_NO_PLAN, Status.MISSING if no_plan else Status.PASS, no_plan, problem=True)
    if kind is QuestionKind.ABOUT:
        steps = answer.find("pitfalls", "chronology")
        told = len({answer.sentence_index(s.start) for s in steps})
        status = Status.MISSING if len(steps) >= 4 or told >= 3 else Status.PARTIAL if len(steps) >= 3 else Status.PASS
        ctx.add(
            CheckId.PITFALLS_RECITAL,
            status,
            steps,
            problem=True,
            detail=f"{len(steps)} steps told in order" if steps else "",
        )
    if kind in (QuestionKind.ABOUT, QuestionKind.FIT, QuestionKind.MOTIVATION, QuestionKind.GENERAL):
        personal = answer.find("pitfalls", "personal")
        status = Status.PASS if not personal else Status.PARTIAL if len(personal) == 1 else Status.MISSING
        ctx.add(CheckId.PITFALLS_PERSONAL, status, personal, problem=True)
