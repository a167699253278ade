"""Time and events in an answer, read by the checks of more than one group.

The answer's time windows (a date, a length, a rough horizon; ahead or past), whether it tells one
moment from experience rather than a habit, and the signs of a concrete example. Specificity,
structure and relevance read them; each imports them from here, never from another check module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from mock_interview.core.feedback.answer import AnswerText, dedupe, fold
from mock_interview.core.feedback.dates import BY_YEAR, DATE, YEAR
from mock_interview.core.feedback.detail import read_details
from mock_interview.core.feedback.results import Status
from mock_interview.core.feedback.text import Span, counted

_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "eighteen": 18,
    "twenty": 20,
    "thirty": 30,
    "few": 3,
    "couple": 2,
    "couple of": 2,
    "several": 3,
}
_UNIT_YEARS = {"day": 1 / 365, "week": 1 / 52, "month": 1 / 12, "quarter": 0.25, "year": 1.0}
_AMOUNT = (
    r"(\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|"
    r"twenty|thirty|few|couple(?: of)?|several)"
)


# "in the next two to three years", "within six months", "over 18 months", "a five-year plan"
_DURATION = re.compile(
    rf"(?<![\w]){_AMOUNT}(?:\s*(?:to|-|or)\s*{_AMOUNT})?[\s-]+(day|week|month|quarter|year)s?(?![\w])"
)


# The words that may lead into a duration ("within the next", "over the past"), read backwards.
_LEAD_IN = re.compile(
    r"(?:(?:in|within|over|during|for|after|the)\s+)?(?:the\s+)?(?:next|coming|first|past|last)?\s*$", re.IGNORECASE
)
_PAST_DATE = re.compile(r"^(?:last|since|during|that)\b")
_SHORT_WORDS = re.compile(
    r"(?<![\w])(?:(?:this|next) (?:year|quarter|month|week|spring|summer|autumn|fall|winter|semester)|my first year|"
    r"first (?:30|60|90|100|thirty|sixty|ninety|hundred) days|by the end of (?:the|this|next) year)(?![\w])"
)


# Horizons named without a date or a length: they say when only roughly (the coach's "partial").
_ROUGH_SHORT_WORDS = re.compile(
    r"(?<![\w])(?:short[- ]term|near[- ]term|in the near future|immediate(?:ly)?|right away|to start(?: with)?|"
    r"early on|in the short run|straight away)(?![\w])"
)
_LONG_WORDS = re.compile(
    r"(?<![\w])(?:long[- ]term|longer[- ]term|in the long run|in the longer run|later in my career|"
    r"further (?:on|down the line) in my career|over the course of my career)(?![\w])"
)
_PAST_WORDS = re.compile(
    r"(?<![\w])(?:(?:last|this past|that|the) (?:year|quarter|month|semester|term|summer|spring|winter|"
    r"autumn|fall)|(?:in|during) (?:the )?(?:spring|summer|autumn|fall|winter)(?: of (?:19|20)\d\d)?)(?![\w])"
)
_PAST_CONTEXT = re.compile(
    r"(?:\bfor|\bover|\bspent|\bafter|\bago|\blast|\bpast|\bhave been|\bhave worked|\bworked)\W*$", re.IGNORECASE
)
_ROUGH_AMOUNTS = frozenset({"few", "couple", "couple of", "several"})
SHORT_TERM_YEARS = 3.0  # one to three years: the guide's short-term window
LONG_TERM_YEARS = 4.0  # five to ten years, read generously from four


@dataclass(frozen=True)
class Timeframe:
    """A stated time window, with its length in years where it has one (``None`` for "by 2027"
    or "next year" read as short, or "long-term" read as long)."""

    span: Span
    years: float | None
    horizon: str  # "short", "long", "past" (how long something took) or "" (a date)
    rough: bool = False  # "in a few years", "long-term": a horizon without a date or a length


class Timeframes:
    """The time windows of an answer, sorted into short-term, long-term and past durations."""

    def __init__(self, answer: AnswerText):
        self.answer = answer

    @cached_property
    def all(self) -> list[Timeframe]:
        """Every time window, in order."""
        text = self.answer.lowered  # same offsets as the answer; the patterns below expect lower case
        original = self.answer.text
        found: list[Timeframe] = []
        for match in _DURATION.finditer(text):
            amount = _amount(match.group(2) if match.group(2) else match.group(1))
            years = amount * _UNIT_YEARS[match.group(3).lower()]
            before = text[max(0, match.start() - 24) : match.start()]
            lead = _LEAD_IN.search(before)
            if match.group().startswith("one day") and not (lead and lead.group().strip()):
                continue  # "Maybe one day I will…" is "someday", not a window of one day ("within one day" is)
            start = match.start() - len(lead.group().lstrip()) if lead and lead.group().strip() else match.start()
            phrase = text[start : match.end()].lower()
            past = bool(_PAST_CONTEXT.search(text[max(0, start - 24) : start])) or any(
                word in phrase.split()[:3] for word in ("past", "last")
            )
            after = text[match.end() : match.end() + 16].lower()
            past = past or after.startswith((" ago", " of experience", " experience"))
            horizon = (
                "past" if past else "short" if years <= SHORT_TERM_YEARS else "long" if years >= LONG_TERM_YEARS else ""
            )
            rough = (match.group(2) or match.group(1)).lower().strip() in _ROUGH_AMOUNTS
            found.append(Timeframe(Span(start, match.end(), original[start : match.end()]), years, horizon, rough))
        this_year = date.today().year
        for match in BY_YEAR.finditer(text):
            ahead = int(match.group(1)) - this_year
            horizon = "short" if 0 <= ahead <= SHORT_TERM_YEARS else "long" if ahead >= LONG_TERM_YEARS else ""
            found.append(
                Timeframe(
                    Span(match.start(), match.end(), original[match.start() : match.end()]),
                    float(ahead) if ahead >= 0 else None,
                    horizon,
                )
            )
        found += [
            Timeframe(
                Span(m.start(), m.end(), original[m.start() : m.end()]), None, _date_horizon(m.group(), this_year)
            )
            for m in DATE.finditer(text)
            if not BY_YEAR.fullmatch(m.group())
        ]
        for pattern, horizon, rough in (
            (_SHORT_WORDS, "short", False),
            (_ROUGH_SHORT_WORDS, "short", True),
            (_LONG_WORDS, "long", True),
            (_PAST_WORDS, "past", False),
        ):
            found += [
                Timeframe(Span(m.start(), m.end(), original[m.start() : m.end()]), None, horizon, rough)
                for m in pattern.finditer(text)
            ]
        kept = {(t.span.start, t.span.end) for t in found}
        spans = {(s.start, s.end) for s in dedupe(Span(a, b, "") for a, b in kept)}
        return sorted((t for t in found if (t.span.start, t.span.end) in spans), key=lambda t: t.span.start)

    def horizon(self, name: str) -> list[Span]:
        """The windows of one horizon ("short", "long", "past")."""
        return [t.span for t in self.all if t.horizon == name]

    @property
    def future(self) -> list[Span]:
        """Windows that look ahead (not how long something took)."""
        return [t.span for t in self.all if t.horizon != "past"]


def _date_horizon(date_text: str, this_year: int) -> str:
    """A date before this year, or one said as gone ("last May", "since June"), is in the past; any
    other is a date ("" horizon)."""
    year = YEAR.search(date_text)
    return "past" if _PAST_DATE.match(date_text) or (year and int(year.group()) < this_year) else ""


def _amount(word: str) -> float:
    word = word.lower().strip()
    if word[0].isdigit():
        return float(word)
    return float(_NUMBER_WORDS.get(word, 1))


def timeframes(answer: AnswerText) -> Timeframes:
    """The answer's time windows (computed once per answer)."""
    return answer.derived("timeframes", Timeframes)


_SPEAKER = re.compile(r"(?<![\w])(?:I|I'm|I'd|I've|I'll|me|my|myself|we|our)(?![\w])", re.IGNORECASE)


def speaker_timeframes(answer: AnswerText) -> list[Timeframe]:
    """The time windows in sentences about the speaker (not "no one knows where they will be in five years")."""
    return [
        t
        for t in timeframes(answer).all
        if _SPEAKER.search(fold(answer.sentences[answer.sentence_index(t.span.start)].text))
    ]


# A general remark that no one can know the future ("no one knows where they will be in five years").
_NO_ONE_KNOWS = re.compile(
    r"(?<![\w])(?:no ?one|nobody|anyone|anybody|who|you|one|people)(?: really| truly| ever| can| could| will)*"
    r" (?:knows?|say|tell|predict|plan|be sure)(?![\w])",
    re.IGNORECASE,
)


def stated_timeframes(answer: AnswerText) -> list[Timeframe]:
    """The time windows the answer states, of anything it tells (a result's "fell to 9 percent
    within ten weeks" as much as "I cut costs in March 2024"); only a general remark about anyone's
    future ("no one knows where they will be in five years", the question's window echoed) is left
    out. Whose window it is matters for goals (:func:`speaker_timeframes`), not for whether the
    answer says when."""
    return [
        t
        for t in timeframes(answer).all
        if not _NO_ONE_KNOWS.search(fold(answer.sentences[answer.sentence_index(t.span.start)].text))
        or _SPEAKER.search(fold(answer.sentences[answer.sentence_index(t.span.start)].text))
    ]


STORY_SENTENCES = 3  # this many sentences of events make a story, whatever their detail
STORY_DETAILS = 2  # or two sentences of events with this many details in them


@dataclass(frozen=True)
class Moment:
    """Whether an answer gives a specific moment from experience, and the sentences that show it."""

    status: Status
    evidence: list[Span]
    detail: str


def read_moment(answer: AnswerText) -> Moment:
    """A specific moment from experience (the coach's "example"): sentences of events (what the
    speaker or others did, past tense) that are not a habit, a childhood memory, a step of a CV, or
    private life. Several such sentences with detail are a moment (pass); one bare event, a habit
    or a general pattern ("I tend to...", "sometimes"), or a childhood anecdote is half of one
    (partial); none is missing."""
    return answer.derived("moment", _read_moment)


def _read_moment(answer: AnswerText) -> Moment:
    not_events = {
        answer.sentence_index(s.start)
        for key in (
            ("star", "generic_habit"),
            ("specificity", "habit"),
            ("specificity", "childhood"),
            ("pitfalls", "chronology"),
            ("pitfalls", "personal"),
        )
        for s in answer.find(*key)
    }
    event_spans = [
        s
        for s in answer.find("star", "i_past")
        + answer.find("star", "we_subject")
        + answer.find("specificity", "events")
        if not answer.find_in(s, "specificity", "mental_verbs")
    ]
    events = sorted({answer.sentence_index(s.start) for s in event_spans} - not_events)
    details = read_details(answer).details
    in_events = set(events)
    detail_count = len({d.text.lower() for d in details if answer.sentence_index(d.start) in in_events})
    sentences = [answer.sentences[i] for i in events]
    if len(events) >= STORY_SENTENCES or (len(events) >= 2 and detail_count >= STORY_DETAILS):
        return Moment(Status.PASS, sentences, f"{counted(len(events), 'sentence')} of what happened")
    if events and detail_count >= 1:
        return Moment(Status.PARTIAL, sentences, "one event with little detail")
    habits = answer.sentences_of(
        answer.find("star", "generic_habit")
        + answer.find("specificity", "habit")
        + answer.find("specificity", "childhood")
    )
    if len(habits) >= 2 or (habits and events):
        return Moment(Status.PARTIAL, habits, "a habit or a general pattern, not one moment")
    return Moment(Status.MISSING, [], "")


def example_spans(answer: AnswerText) -> list[Span]:
    """Signs of a concrete example: example cues, or past-tense actions of the speaker's told near a
    number or a time anchor (within two sentences: a story sets its time once)."""

    def compute() -> list[Span]:
        found = list(answer.find("specificity", "example_cues"))
        anchors = {answer.sentence_index(s.start) for s in answer.quantities + answer.find("star", "time_anchor")}
        near = {index + step for index in anchors for step in (-2, -1, 0, 1, 2)}
        found += [s for s in answer.find("star", "i_past") if answer.sentence_index(s.start) in near]
        return dedupe(found)

    return answer.memo("examples", compute)
