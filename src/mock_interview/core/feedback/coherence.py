"""Does the answer hold together: figures that can be true, plans that agree with each other, each
point made once.

- ``specificity.plausible``: a percentage of a whole above 100, a cut of more than 100 %, growth of
  thousands of percent, a hundredfold gain, or huge gains in a day are not believable; an
  interviewer stops trusting every other number too.
- ``pitfalls.inconsistent``: plans that contradict each other (leaving within a year and staying
  ten years; never wanting to manage and aiming to lead managers), or a future split between
  unrelated careers ("either a marketing department or a law firm").
- ``pitfalls.repeated``: the same passage said twice (a pasted answer, a loop in speech); a point
  made once is made; twice, it pads.
"""

from __future__ import annotations

import re

from mock_interview.core.feedback.answer import dedupe, overlaps_any
from mock_interview.core.feedback.assessment import Assessment
from mock_interview.core.feedback.registry import CheckId
from mock_interview.core.feedback.results import Status
from mock_interview.core.feedback.text import Span

# -- figures -------------------------------------------------------------------------------------------

MAX_GROWTH_PERCENT = 1000.0  # "grew sales by 400%" can happen; "by 9,000%" in an answer does not
MAX_FACTOR = 100.0  # "ten times faster" can happen; "a thousand times" is a figure of speech
FAST_GROWTH_PERCENT = 200.0  # more than tripling something in a day or a week is not believable
MAX_YEARS_EXPERIENCE = 50.0
_NUMBER = r"(\d[\d,]*(?:\.\d+)?)"
_PERCENT = re.compile(rf"{_NUMBER}\s?(?:%|percent|per cent)", re.IGNORECASE)
_FACTOR = re.compile(
    rf"{_NUMBER}\s?(?:x\b|times (?:more|faster|better|higher|bigger|larger|greater|as))", re.IGNORECASE
)
_DOWN = re.compile(
    r"(?:cut|reduc|decreas|lower|dropp|fell|fall|shrank|shrink|sav|halv|trimm|slash|down)\w*\W+(?:\w+\W+){0,6}$",
    re.IGNORECASE,
)
_UP = re.compile(
    r"(?:increas|grew|grow|rais|boost|improv|lift|jump|rose|rise|doubl|tripl|up|gain|climb|expand)\w*\W+(?:\w+\W+){0,6}$",
    re.IGNORECASE,
)
_SHARE_OF = re.compile(r"^\s*of\b", re.IGNORECASE)
_IN_A_DAY = re.compile(
    r"\b(?:in|within|over) (?:a|one|1|a single) (?:day|night|week|afternoon|morning)\b|overnight", re.IGNORECASE
)
_YEARS_EXPERIENCE = re.compile(rf"{_NUMBER}\+?\s*years?(?: of| in)? (?:experience|professional)", re.IGNORECASE)


def _value(text: str) -> float:
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return 0.0


def implausible_figures(assessment: Assessment) -> tuple[list[Span], list[Span]]:
    """(impossible, unbelievable) figures: a share above 100 % or a cut of more than 100 % cannot be
    true; growth beyond :data:`MAX_GROWTH_PERCENT`, a factor beyond :data:`MAX_FACTOR`, or more than
    tripling something in a day is not believable."""
    text = assessment.text
    impossible: list[Span] = []
    unbelievable: list[Span] = []
    for match in _PERCENT.finditer(text):
        value = _value(match.group(1))
        span = Span(match.start(), match.end(), match.group())
        before = text[max(0, match.start() - 60) : match.start()]
        sentence = assessment.answer.sentences[assessment.answer.sentence_index(match.start())]
        if value > 100 and (_SHARE_OF.match(text[match.end() :]) or _DOWN.search(before)):
            impossible.append(span)
        elif value > MAX_GROWTH_PERCENT or (
            value > FAST_GROWTH_PERCENT and _UP.search(before) and _IN_A_DAY.search(sentence.text)
        ):
            unbelievable.append(span)
    for match in _FACTOR.finditer(text):
        if _value(match.group(1)) > MAX_FACTOR:
            unbelievable.append(Span(match.start(), match.end(), match.group()))
    for match in _YEARS_EXPERIENCE.finditer(text):
        if _value(match.group(1)) > MAX_YEARS_EXPERIENCE:
            impossible.append(Span(match.start(), match.end(), match.group()))
    return impossible, unbelievable


def check_plausible(assessment: Assessment) -> None:
    """``specificity.plausible``: does not apply without figures; missing with one that cannot be
    true; partial with one that is hard to believe."""
    impossible, unbelievable = implausible_figures(assessment)
    if not assessment.answer.quantities and not impossible and not unbelievable:
        assessment.na(CheckId.SPECIFICITY_PLAUSIBLE, "Checked when the answer gives figures.")
        return
    status = Status.MISSING if impossible else Status.PARTIAL if unbelievable else Status.PASS
    evidence = impossible + unbelievable
    assessment.add(
        CheckId.SPECIFICITY_PLAUSIBLE,
        status,
        evidence or assessment.answer.quantities,
        problem=bool(evidence),
        detail=", ".join(f"“{s.text}”" for s in evidence),
    )


# -- plans that agree ----------------------------------------------------------------------------------


def check_consistent(assessment: Assessment) -> None:
    """``pitfalls.inconsistent``: leaving soon set against staying long, not managing set against
    leading managers (missing); a future split between unrelated careers (partial)."""
    answer = assessment.answer
    leaving = answer.find("pitfalls", "leaving_soon") + answer.find("coherence", "leave_soon")
    staying = answer.find("coherence", "stay_long")
    no_managing = answer.find("coherence", "no_managing")
    managing = [m for m in answer.find("coherence", "managing") if not overlaps_any(m, no_managing)]
    clashes: list[Span] = []
    if leaving and staying:
        clashes += leaving[:1] + staying[:1]
    if no_managing and managing:
        clashes += no_managing[:1] + managing[:1]
    split = answer.find("coherence", "either_or")
    if clashes:
        assessment.add(CheckId.PITFALLS_INCONSISTENT, Status.MISSING, dedupe(clashes), problem=True)
    elif split:
        assessment.add(CheckId.PITFALLS_INCONSISTENT, Status.PARTIAL, split, problem=True, detail="two unrelated paths")
    else:
        assessment.add(CheckId.PITFALLS_INCONSISTENT, Status.PASS)


# -- each point once -----------------------------------------------------------------------------------

SHINGLE_WORDS = 8  # a passage of this many words said twice is a repeat, not a turn of phrase
REPEATED_SHARE = 0.25  # repeats making up this share of the answer: it is padded (pasted twice)
_WORD = re.compile(r"[a-z0-9']+")


def repeated_passages(assessment: Assessment) -> tuple[list[Span], float]:
    """Passages of :data:`SHINGLE_WORDS` words or more said more than once (each later occurrence),
    and the share of the answer's words they take up."""
    tokens = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(assessment.answer.lowered)]
    if len(tokens) < 2 * SHINGLE_WORDS:
        return [], 0.0
    seen: dict[int, int] = {}
    repeated = [False] * len(tokens)
    for i in range(len(tokens) - SHINGLE_WORDS + 1):
        key = hash(tuple(t[0] for t in tokens[i : i + SHINGLE_WORDS]))
        first = seen.setdefault(key, i)
        if first != i and i >= first + SHINGLE_WORDS:  # a later, separate occurrence
            for j in range(i, i + SHINGLE_WORDS):
                repeated[j] = True
    spans: list[Span] = []
    index = 0
    while index < len(tokens):
        if not repeated[index]:
            index += 1
            continue
        end = index
        while end + 1 < len(tokens) and repeated[end + 1]:
            end += 1
        start_char, end_char = tokens[index][1], tokens[end][2]
        spans.append(Span(start_char, end_char, assessment.text[start_char:end_char]))
        index = end + 1
    return spans, sum(repeated) / len(tokens)


def check_said_once(assessment: Assessment) -> None:
    """``pitfalls.repeated``: missing when repeats make up a quarter of the answer (pasted twice),
    partial for a repeated passage, pass otherwise."""
    spans, share = repeated_passages(assessment)
    status = Status.MISSING if share >= REPEATED_SHARE else Status.PARTIAL if spans else Status.PASS
    detail = f"{round(100 * share)}% of the words said twice" if spans else ""
    assessment.add(CheckId.PITFALLS_REPEATED, status, spans, problem=bool(spans), detail=detail)
