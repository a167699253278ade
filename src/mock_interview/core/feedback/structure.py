"""Structure: the parts an answer of each kind should have, and the opening, length and close.

STAR for a story (placed by the fitted tagger in ``star.py``); current role → short-term goal →
long-term vision → link to the company for career goals; why this company, why this role and
what you bring for fit; a real weakness, what you do about it and progress for a weakness; who
you are, what backs it up and why this role for "tell me about yourself". A follow-up is checked
only for the gap it asked about.
"""

from __future__ import annotations

import re

from mock_interview.core.feedback.answer import dedupe, fold, overlaps_any
from mock_interview.core.feedback.assessment import Assessment, by_count, present
from mock_interview.core.feedback.detail import named_roles, read_details
from mock_interview.core.feedback.events import Timeframes, example_spans, read_moment, timeframes
from mock_interview.core.feedback.frame import GOAL_STATEMENT, check_frame, check_length, unfinished
from mock_interview.core.feedback.mentions import (
    company_mentions,
    generic_company_mentions,
    negativity_spans,
    value_mentions,
)
from mock_interview.core.feedback.registry import CheckId
from mock_interview.core.feedback.results import Status
from mock_interview.core.feedback.star import PARTS, said_of_outcome
from mock_interview.core.feedback.text import Span, counted
from mock_interview.core.kinds import QuestionKind

_STAR_IDS = {
    "situation": CheckId.STAR_SITUATION,
    "task": CheckId.STAR_TASK,
    "action": CheckId.STAR_ACTION,
    "result": CheckId.STAR_RESULT,
}
_SPEAKER = re.compile(r"(?<![\w])(?:I|I'm|I'd|I've|I'll|me|my|myself)(?![\w])", re.IGNORECASE)


def check_structure(assessment: Assessment) -> None:
    """The structure checks for the question's kind, then the opening, length and close."""
    if assessment.question.is_follow_up:
        _check_follow_up(assessment)
        return
    kind = assessment.question.question_kind
    {
        QuestionKind.BEHAVIORAL: _check_star,
        QuestionKind.GOALS: _check_goals,
        QuestionKind.FIT: _check_fit,
        QuestionKind.MOTIVATION: _check_motivation,
        QuestionKind.SKILLS: _check_skills,
        QuestionKind.WEAKNESS: _check_weakness,
        QuestionKind.ABOUT: _check_about,
        QuestionKind.LEAVING: _check_leaving,
    }.get(kind, lambda _ctx: None)(assessment)
    check_frame(assessment)


# -- STAR --------------------------------------------------------------------------------------------


def _check_star(assessment: Assessment) -> None:
    reading = assessment.star
    for part in PARTS:
        found = reading.parts[part]
        detail = "shares a sentence with another part" if found.shared else ""
        assessment.add(_STAR_IDS[part], Status(found.status), found.sentences, detail=detail)
    result = reading.parts["result"]
    result_units = {assessment.answer.sentence_index(s.start) for s in result.sentences}
    # a number said of the outcome, not of a goal set beside it ("my task was to cut it by half")
    measured = [
        q
        for q in assessment.answer.in_sentences(assessment.answer.quantities, result_units)
        if said_of_outcome(assessment.answer, q)
    ]
    status = Status.MISSING if result.status == "missing" else Status.PASS if measured else Status.PARTIAL
    assessment.add(CheckId.STAR_RESULT_MEASURABLE, status, measured or result.sentences)
    i_actions = assessment.answer.find("star", "i_past")
    we_actions = assessment.answer.find("star", "we_subject")
    if i_actions and len(i_actions) * 2 >= len(we_actions):
        status = Status.PASS
    elif i_actions:
        status = Status.PARTIAL
    else:
        status = Status.MISSING
    assessment.add(
        CheckId.STAR_FIRST_PERSON,
        status,
        i_actions or we_actions,
        detail=counted(len(i_actions), "'I' action") + ", " + counted(len(we_actions), "'we' action"),
        problem=not i_actions and bool(we_actions),
    )
    starts = [
        (min(s.start for s in reading.parts[p].sentences), p)
        for p in PARTS
        if reading.parts[p].status != "missing" and reading.parts[p].sentences
    ]
    in_order = [p for _, p in sorted(starts)]
    expected = [p for p in PARTS if p in in_order]
    inversions = sum(1 for a, b in zip(in_order, in_order[1:], strict=False) if PARTS.index(b) < PARTS.index(a))
    if len(in_order) < 2:
        status = Status.MISSING
    elif in_order == expected and len(in_order) >= 3:
        status = Status.PASS
    elif inversions <= 1:
        status = Status.PARTIAL
    else:
        status = Status.MISSING
    assessment.add(CheckId.STAR_ORDER, status, detail=" → ".join(p[0].upper() for p in in_order) or "none found")


# -- career goals ------------------------------------------------------------------------------------

# What a goals or fit question asks for, from its words: the parts it asks for are required, the
# others optional (an optional part passes when present and does not apply when absent, so it can
# only ever add to the score).
_ASKS_LONG = re.compile(
    r"(five|ten|5|10|fifteen|twenty) years|long[- ]term|see yourself|future|eventually|ultimate|"
    r"where .{0,20}(be|go)|ambition|aspiration|vision|how far",
    re.IGNORECASE,
)
_ASKS_SHORT = re.compile(
    r"short[- ]term|next (year|one|two|1|2|few|12|couple)|first (year|90|ninety|six months)|"
    r"this year|immediate|near[- ]term|coming (year|months)",
    re.IGNORECASE,
)
_ASKS_ALIGN = re.compile(
    r"(align|fit|relate|match|connect)\w* (with|to|into|in)|this (position|role|job)|"
    r"(position|role|job) (align|fit)",
    re.IGNORECASE,
)
_ASKS_COMPANY = re.compile(
    r"work (here|for|at|with) (us|our|this|the company)|\bus\b|"
    r"our (company|firm|organi[sz]ation|team)|this company|why here|join",
    re.IGNORECASE,
)
_ASKS_ROLE = re.compile(
    r"(this|the) (role|job|position|industry|field|sector|career)|why (sales|nursing|teaching|"
    r"marketing|finance|design|engineering)",
    re.IGNORECASE,
)
_ASKS_BRING = re.compile(
    r"hire you|bring|offer|contribute|add|why you|right (fit|person|candidate)|sets? you apart|"
    r"best (fit|person|candidate)",
    re.IGNORECASE,
)
_ASKS_PLAN = re.compile(
    r"\bsteps?\b|\bplan\b|"
    r"how (will|do|would|are) you (get|reach|achieve|prepare|build|learn|develop)|"
    r"what (are|will) you (doing|do) to",
    re.IGNORECASE,
)
_ASKS_GROWTH = re.compile(r"develop|improve|learn|build|grow|acquire|work on|gain|strengthen", re.IGNORECASE)
_OPTIONAL_TIP = "Not what this question asks for; said briefly, it can still help."


def _add_part(
    assessment: Assessment, check_id: CheckId, status: Status, evidence: list[Span], required: bool, detail: str = ""
) -> None:
    """A structure part: scored as found when the question asks for it, else only when it passes
    (a partial would pull an answer's share down for something it was not asked). A part said only
    in stock lines ("I want to grow with the company") is half there."""
    status = _said_in_stock(assessment, status, evidence)
    if required or status == Status.PASS:
        assessment.add(check_id, status, evidence, detail=detail)
    else:
        assessment.na(check_id, _OPTIONAL_TIP)


def _said_in_stock(assessment: Assessment, status: Status, evidence: list[Span]) -> Status:
    """A part that passes only in sentences of nothing but stock language is half there (the coach:
    "only grow with the company", "an unnamed more advanced role")."""
    if status is not Status.PASS or not evidence:
        return status
    empty = read_details(assessment.answer).empty_stock_sentences
    if all(assessment.answer.sentence_index(s.start) in empty for s in evidence):
        return Status.PARTIAL
    return status


def _check_goals(assessment: Assessment) -> None:
    answer = assessment.answer
    question = assessment.question.text
    asks_long, asks_short = bool(_ASKS_LONG.search(question)), bool(_ASKS_SHORT.search(question))
    asks_align, asks_plan = bool(_ASKS_ALIGN.search(question)), bool(_ASKS_PLAN.search(question))
    whole_arc = not (asks_long or asks_short or asks_align or asks_plan)  # "What are your career goals?"
    windows = timeframes(answer)
    current = answer.find("goals", "current")
    _add_part(assessment, CheckId.GOALS_CURRENT, present(current), answer.sentences_of(current), whole_arc)
    far = windows.horizon("long") + windows.horizon("past")
    short = _speakers(
        assessment,
        dedupe(
            windows.horizon("short")
            + [s for s in answer.find("goals", "short_term") if not overlaps_any(s, dedupe(far))]
        ),
    )
    near = dedupe(windows.horizon("short") + windows.horizon("past"))
    long = _speakers(
        assessment,
        dedupe(windows.horizon("long") + [s for s in answer.find("goals", "long_term") if not overlaps_any(s, near)]),
    )
    stated_goal = bool(GOAL_STATEMENT.search(assessment.answer.folded))
    short_status = Status.PASS if short else Status.PARTIAL if stated_goal and not long else Status.MISSING
    _add_part(
        assessment,
        CheckId.GOALS_SHORT_TERM,
        short_status,
        answer.sentences_of(short),
        whole_arc or asks_short,
        _windows_detail(short),
    )
    vague = answer.find("specificity", "vague_timeframes")
    long_status = Status.PASS if long else Status.PARTIAL if vague or (stated_goal and not short) else Status.MISSING
    if long_status is Status.PASS and not _names_where(assessment, long, windows):
        long_status = Status.PARTIAL  # "one day I will be a leader": a vision, but of nothing named
    _add_part(
        assessment,
        CheckId.GOALS_LONG_TERM,
        long_status,
        answer.sentences_of(long),
        whole_arc or asks_long,
        _windows_detail(long),
    )
    link = _kind_words(
        assessment,
        company_mentions(assessment) + answer.find("goals", "company_link") + generic_company_mentions(assessment),
    )
    links = answer.sentences_of(link)
    assessment.add(CheckId.GOALS_COMPANY_LINK, _said_in_stock(assessment, present(link), links), links)
    # The path: named stepping stones pass; only effort or "gaining experience" is half a path; a
    # jump straight to the goal has none (the coach's rule).
    steps = answer.find("pitfalls", "concrete_steps")
    connective = answer.find("goals", "progression")
    if steps and (short or long or connective):
        status = Status.PASS
    elif steps or connective or answer.find("pitfalls", "vague_steps"):
        status = Status.PARTIAL
    else:
        status = Status.MISSING
    assessment.add(CheckId.GOALS_PROGRESSION, status, answer.sentences_of(steps + connective))


def _names_where(assessment: Assessment, spans: list[Span], windows: Timeframes) -> bool:
    """Whether a goal says where or when: a detail in its sentence (a role with its field, a skill, a
    number, a name, a domain term) or a date or length ("in five years"); not a rough horizon
    with nowhere named ("one day I will be a leader", "eventually I'll move up")."""
    answer = assessment.answer
    concrete = read_details(answer).detail_sentences | {answer.sentence_index(r.start) for r in named_roles(answer)}
    exact = [t.span for t in windows.all if not t.rough and t.horizon != "past"]
    return any(answer.sentence_index(s.start) in concrete or overlaps_any(s, exact) for s in spans)


def _kind_words(assessment: Assessment, spans: list[Span]) -> list[Span]:
    """The spans outside sentences that run a workplace down: "the company is a mess" links the
    answer to no company worth joining."""
    harsh = {assessment.answer.sentence_index(s.start) for s in negativity_spans(assessment)}
    return [s for s in spans if assessment.answer.sentence_index(s.start) not in harsh] if harsh else spans


def _speakers(assessment: Assessment, spans: list[Span]) -> list[Span]:
    """The spans in sentences about the speaker ("in five years I..."; not "no one knows where
    they will be in five years")."""
    return [
        s
        for s in spans
        if _SPEAKER.search(fold(assessment.answer.sentences[assessment.answer.sentence_index(s.start)].text))
    ]


def _windows_detail(spans: list[Span]) -> str:
    return ", ".join(f"“{s.text}”" for s in spans[:3])


# -- fit, motivation, skills -------------------------------------------------------------------------


def _check_fit(assessment: Assessment) -> None:
    answer = assessment.answer
    question = assessment.question.text
    asks = {
        "company": bool(_ASKS_COMPANY.search(question)),
        "role": bool(_ASKS_ROLE.search(question)),
        "bring": bool(_ASKS_BRING.search(question)),
    }
    everything = not any(asks.values())
    company = company_mentions(assessment)
    generic = generic_company_mentions(assessment)
    reasons = _kind_words(assessment, answer.find("fit", "why_company") + value_mentions(assessment))
    company, generic = _kind_words(assessment, company), _kind_words(assessment, generic)
    status = (
        Status.PASS if reasons or (company and generic) else Status.PARTIAL if company or generic else Status.MISSING
    )
    _add_part(
        assessment,
        CheckId.FIT_WHY_COMPANY,
        status,
        answer.sentences_of(reasons or company or generic),
        everything or asks["company"],
    )
    role = answer.find("fit", "why_role")
    _add_part(assessment, CheckId.FIT_WHY_ROLE, present(role), answer.sentences_of(role), everything or asks["role"])
    bring = answer.find("fit", "what_you_bring") + answer.find("about", "present")
    _add_part(
        assessment, CheckId.FIT_WHAT_YOU_BRING, present(bring), answer.sentences_of(bring), everything or asks["bring"]
    )


def _check_motivation(assessment: Assessment) -> None:
    answer = assessment.answer
    drivers = answer.find("motivation", "driver")
    assessment.add(CheckId.MOTIVATION_DRIVER, present(drivers), answer.sentences_of(drivers))
    moments = example_spans(answer) + answer.find("star", "time_anchor") + answer.find("star", "i_past")
    assessment.add(CheckId.MOTIVATION_EXAMPLE, present(moments), answer.sentences_of(moments))
    link = _kind_words(
        assessment,
        company_mentions(assessment)
        + generic_company_mentions(assessment)
        + answer.find("fit", "why_role")
        + answer.find("goals", "company_link"),
    )
    assessment.add(CheckId.MOTIVATION_LINK, present(link), answer.sentences_of(link))


def _check_skills(assessment: Assessment) -> None:
    answer = assessment.answer
    # Skills named: two tools, methods or domain skills pass; one, or soft skills alone ("self-
    # motivation", "patience") are half of it, as for specificity.skills.
    soft = answer.soft_skills
    hard = [s for s in answer.skills if not overlaps_any(s, soft)]
    count = len({s.text.lower() for s in hard})
    status = Status.PASS if count >= 2 else Status.PARTIAL if count or soft else Status.MISSING
    assessment.add(CheckId.SKILLS_NAMED, status, hard or soft)
    plan = answer.find("pitfalls", "plan_cues") + answer.find("weakness", "mitigation")
    # How you will build them: asked by "which skills do you want to develop", not by "what are your
    # strengths" (there it counts only when said).
    asks_plan = bool(_ASKS_PLAN.search(assessment.question.text) or _ASKS_GROWTH.search(assessment.question.text))
    _add_part(
        assessment,
        CheckId.SKILLS_PLAN,
        present(plan),
        answer.sentences_of(plan),
        asks_plan or not assessment.question.text,
    )
    link = company_mentions(assessment) + answer.find("goals", "company_link") + answer.find("goals", "progression")
    assessment.add(CheckId.SKILLS_LINK, present(link), answer.sentences_of(link))


def _check_weakness(assessment: Assessment) -> None:
    answer = assessment.answer
    cliche = answer.find("weakness", "cliche")
    named = answer.find("weakness", "named")
    if cliche:
        status = Status.MISSING if not named or len(cliche) >= len(named) else Status.PARTIAL
        assessment.add(
            CheckId.WEAKNESS_NAMED,
            status,
            cliche,
            problem=True,
            detail="reads as a strength in disguise, or as no weakness at all",
        )
    else:
        assessment.add(CheckId.WEAKNESS_NAMED, present(named), answer.sentences_of(named))
    _check_weakness_moment(assessment)
    mitigating = answer.sentences_of(answer.find("weakness", "mitigation"))
    empty = read_details(answer).empty_stock_sentences
    concrete = [m for m in mitigating if answer.sentence_index(m.start) not in empty]
    # a remedy that is only a stock line ("I search for the right balance") is half a remedy
    status = Status.PASS if concrete else Status.PARTIAL if mitigating else Status.MISSING
    assessment.add(CheckId.WEAKNESS_MITIGATION, status, concrete or mitigating)
    progress = answer.sentences_of(answer.find("weakness", "progress"))
    # progress shown: the old habit set against what the speaker does now, with a concrete practice
    before = answer.find("weakness", "before") + answer.find("specificity", "vague_timeframes")
    shown = progress and before and concrete
    status = Status.PASS if shown else Status.PARTIAL if progress else Status.MISSING
    assessment.add(
        CheckId.WEAKNESS_PROGRESS, status, progress, detail="" if shown or not progress else "asserted, not shown"
    )


def _check_weakness_moment(assessment: Assessment) -> None:
    """A moment when the weakness showed: a story passes; the habit and its effect told in general
    (two sentences or more about it) is half of one; a one-line weakness shows none."""
    answer = assessment.answer
    moment = read_moment(answer)
    if moment.status is Status.PASS:
        assessment.add(CheckId.WEAKNESS_EXAMPLE, Status.PASS, moment.evidence, detail=moment.detail)
        return
    about_it = answer.sentences_of(
        answer.find("weakness", "named")
        + answer.find("star", "generic_habit")
        + answer.find("specificity", "habit")
        + answer.find("weakness", "effect")
    )
    status = Status.PARTIAL if len(about_it) >= 2 else Status.MISSING
    assessment.add(
        CheckId.WEAKNESS_EXAMPLE, status, about_it, detail="how it shows, told in general" if about_it else ""
    )


def _check_about(assessment: Assessment) -> None:
    answer = assessment.answer
    now = answer.find("about", "present") + answer.find("goals", "current")
    # Who they are now: a role or field named passes; only a status ("I am graduating") or traits
    # ("I'm energetic and a great communicator") is half of it.
    hints = answer.find("about", "status") + answer.find("specificity", "passion") + answer.soft_skills
    status = (
        _said_in_stock(assessment, Status.PASS, answer.sentences_of(now))
        if now
        else Status.PARTIAL
        if hints
        else Status.MISSING
    )
    assessment.add(CheckId.ABOUT_PRESENT, status, answer.sentences_of(now or hints))
    past = answer.find("about", "past") + answer.quantities
    assessment.add(CheckId.ABOUT_PAST, by_count(len(answer.sentences_of(past)), 1), answer.sentences_of(past))
    future = answer.find("about", "future") + company_mentions(assessment)
    assessment.add(CheckId.ABOUT_FUTURE, present(future), answer.sentences_of(future))


# -- why you are leaving ---------------------------------------------------------------------------


def _check_leaving(assessment: Assessment) -> None:
    """The reason (in any tone: a harsh reason is still a reason), said without blame, what the
    speaker wants next, and how the role in view gives it. Blame itself is also the negativity
    pitfall; here it only keeps the framing from passing."""
    answer = assessment.answer
    harsh = negativity_spans(assessment)
    reasons = dedupe(answer.find("leaving", "reason") + harsh)
    assessment.add(CheckId.LEAVING_REASON, present(reasons), answer.sentences_of(reasons))
    wants = _speakers(assessment, answer.find("leaving", "next"))
    credit = _kind_words(assessment, answer.find("leaving", "credit"))
    if harsh:
        assessment.add(
            CheckId.LEAVING_POSITIVE,
            Status.MISSING,
            harsh,
            problem=True,
            detail="blames the job or the people being left",
        )
    else:
        assessment.add(
            CheckId.LEAVING_POSITIVE,
            Status.PASS if credit or wants else Status.PARTIAL,
            answer.sentences_of(credit + wants),
            detail="" if credit or wants else "neither credit for the job nor a move toward something",
        )
    assessment.add(CheckId.LEAVING_NEXT, present(wants), answer.sentences_of(wants))
    # "the company" in a leaving answer is usually the one being left, so it links to nothing.
    toward = [s for s in answer.find("goals", "company_link") if not s.text.lower().startswith("the company")]
    link = _kind_words(
        assessment,
        company_mentions(assessment) + generic_company_mentions(assessment) + toward + answer.find("leaving", "link"),
    )
    assessment.add(CheckId.LEAVING_LINK, present(link), answer.sentences_of(link))


# -- every answer ------------------------------------------------------------------------------------


# -- follow-ups --------------------------------------------------------------------------------------


def _check_follow_up(assessment: Assessment) -> None:
    """A follow-up answer: does it give what was asked? (then the specificity checks run as usual)."""
    answer = assessment.answer
    focus = assessment.question.focus
    windows = timeframes(answer)
    found: list[Span]
    if focus in (CheckId.STAR_RESULT, CheckId.STAR_RESULT_MEASURABLE):
        found = (
            answer.quantities
            if focus is CheckId.STAR_RESULT_MEASURABLE
            else (
                answer.find("star", "result")
                + answer.find("star", "outcome")
                + answer.find("star", "learning")
                + answer.quantities
            )
        )
    elif focus is CheckId.WEAKNESS_MITIGATION:
        found = answer.find("weakness", "mitigation") + answer.find("pitfalls", "plan_cues")
    elif focus is CheckId.STAR_FIRST_PERSON:
        found = answer.find("star", "i_past")
    elif focus is CheckId.SPECIFICITY_TIMEFRAMES:
        found = windows.future
    elif focus is CheckId.GOALS_SHORT_TERM:
        found = windows.horizon("short") + answer.find("goals", "short_term")
    elif focus is CheckId.GOALS_LONG_TERM:
        found = windows.horizon("long") + answer.find("goals", "long_term")
    elif focus is CheckId.PITFALLS_NO_PLAN:
        found = answer.find("pitfalls", "plan_cues") + answer.find("weakness", "mitigation")
    elif focus is CheckId.GOALS_COMPANY_LINK:
        found = (
            company_mentions(assessment)
            + generic_company_mentions(assessment)
            + answer.find("goals", "company_link")
            + answer.find("fit", "why_role")
        )
    elif focus is CheckId.FIT_WHAT_YOU_BRING:
        found = answer.find("fit", "what_you_bring") + answer.skills + answer.find("star", "i_past")
    elif focus is CheckId.SPECIFICITY_EXAMPLE:
        found = example_spans(answer) + answer.find("star", "i_past") + answer.find("star", "time_anchor")
    else:
        found = answer.quantities + answer.skills + example_spans(answer) + windows.future
    about = {
        CheckId.STAR_RESULT: "the result",
        CheckId.STAR_RESULT_MEASURABLE: "a measure of the result",
        CheckId.STAR_FIRST_PERSON: "your own part",
        CheckId.SPECIFICITY_TIMEFRAMES: "a timeframe",
        CheckId.GOALS_SHORT_TERM: "the next one to three years",
        CheckId.GOALS_LONG_TERM: "the longer term",
        CheckId.PITFALLS_NO_PLAN: "the steps",
        CheckId.GOALS_COMPANY_LINK: "the link to this role or company",
        CheckId.FIT_WHAT_YOU_BRING: "what you bring",
        CheckId.SPECIFICITY_EXAMPLE: "an example",
        CheckId.WEAKNESS_MITIGATION: "what you do about it",
    }.get(focus if focus is not None else CheckId.ANSWER_OPENING, "a specific detail")
    status = (
        Status.PASS
        if found and not unfinished(assessment, answer.sentences[-1])
        else (Status.PARTIAL if found else Status.MISSING)
    )
    assessment.add(
        CheckId.FOLLOWUP_ANSWERED, status, answer.sentences_of(found) if found else [], detail=f"asked for {about}"
    )
    check_length(assessment)
