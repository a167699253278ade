"""The shared analysis of one answer: sentences, words, stems, quantities and lexicon matches.

Every check module reads the answer through one :class:`AnswerText`, which computes each piece
once (regexes run once over the whole text, so the cost grows linearly with its length).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from functools import cached_property, lru_cache
from typing import TypeVar

from mock_interview.core.feedback.dates import date_spans
from mock_interview.core.feedback.lexicon import Lexicon
from mock_interview.core.feedback.text import Span, count_words, numbers, sentences, stem, words
from mock_interview.core.feedback.wordstart import WordIndex, find_at_word_starts

_T = TypeVar("_T")
_CLOCK_TIME = re.compile(r"\d{1,2}(?::\d{2})?\s*(?:a\.?m\b\.?|p\.?m\b\.?|o'clock)", re.IGNORECASE)
_TIME_UNIT = re.compile(r"(?:day|week|month|quarter|year)s?$", re.IGNORECASE)
_WINDOW_LEAD = re.compile(
    r"(?:\bin|\bwithin|\bnext|\bcoming|\bfirst)\s+(?:the\s+)?(?:next\s+|coming\s+|first\s+)?$", re.IGNORECASE
)
_QUOTE_FOLD = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
_ACRONYM = re.compile(r"(?<![\w])[A-Z][A-Z0-9&+]{1,5}s?(?![\w])")
# A product or tool named mid-sentence: a capitalised word before a tool noun ("a Gainsight admin
# course", "our Zendesk dashboards") or a camel-cased name ("HubSpot", "QuickBooks").
_PRODUCT = re.compile(
    r"(?<=[a-z,] )[A-Z][a-zA-Z0-9]+(?= (?:admin|administrator|course|certification|certificate|"
    r"dashboards?|platform|api|reports?|workflows?|software|suite|cloud|analytics|automation|"
    r"integration|instance|account|app|tool|tools|plugin|module|scripts?|database|queries)\b)|"
    r"(?<![\w])[A-Z][a-z]+[A-Z][a-zA-Z]+(?![\w])"
)
_SKILL_COMPOUND = re.compile(
    r"(?<![\w])([a-z][a-z-]{2,}) (?:analysis|analytics|management|planning|design|testing|optimi[sz]ation|research|"
    r"assessment|modell?ing|forecasting|auditing|reporting|engineering|architecture|automation|migration|integration|"
    r"budgeting|negotiation|scheduling|deployment|programming|accounting|bookkeeping|recruiting|onboarding|"
    r"fundraising|copywriting|development|evaluation|control|mapping|tracking|monitoring|prototyping|estimation)(?![\w])"
)
# Words before a skill noun that name no field: "good planning", "the management", "our design".
_NOT_A_FIELD = frozenset(
    {"good", "great", "better", "best", "strong", "excellent", "poor", "bad", "new", "overall", "general", "proper"}
    | {
        "careful",
        "effective",
        "efficient",
        "successful",
        "senior",
        "middle",
        "upper",
        "top",
        "whole",
        "entire",
        "further",
    }
    | {"personal", "professional", "career", "self", "own", "more", "less", "much", "such", "some", "any", "each"}
)
_ACRONYM_IGNORE = frozenset(
    {"I", "OK", "CEO", "CTO", "CFO", "COO", "VP", "US", "UK", "EU", "AM", "PM", "TV", "HR", "A", "IT"}
)


class AnswerText:
    """One answer, analysed lazily: each property is computed on first use and kept."""

    def __init__(self, text: str, lexicon: Lexicon) -> None:
        self.text = text
        # Patterns are written with straight quotes; typographic ones are the same length, so
        # matching on the folded copy keeps every offset valid for the original text.
        self.folded = fold(text)
        # The lexicon's patterns match lower-case text (see lexicon.compile_alternation).
        self.lowered = lower_same_length(self.folded)
        self.lex = lexicon
        self._matches: dict[tuple[str, str], list[Span]] = {}
        self._memo: dict[str, list[Span]] = {}
        self._derived: dict[str, object] = {}

    # -- units -------------------------------------------------------------------------------------

    @cached_property
    def sentences(self) -> list[Span]:
        """Sentences (long run-ons split into clauses), with offsets."""
        return sentences(self.text)

    @cached_property
    def words(self) -> list[Span]:
        """Words and numbers, with offsets."""
        return words(self.text)

    @cached_property
    def word_index(self) -> WordIndex:
        """Where each word starts (the lexicon's lists are tried only at their first words)."""
        return WordIndex(self.lowered)

    @cached_property
    def word_count(self) -> int:
        """How many words the answer has."""
        return len(self.words) if "words" in self.__dict__ else count_words(self.text)

    @cached_property
    def stems(self) -> list[str]:
        """The stem of each word of :attr:`words`."""
        return [stem(w.text) for w in self.words]

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_index(self, offset: int) -> int:
        """The index of the sentence holding character ``offset``."""
        return max(0, bisect.bisect_right(self._sentence_starts, offset) - 1)

    def sentences_of(self, spans: Iterable[Span]) -> list[Span]:
        """The sentences that hold any of ``spans``, in order, each once."""
        if not self.sentences:
            return []
        seen = sorted({self.sentence_index(s.start) for s in spans})
        return [self.sentences[i] for i in seen]

    def in_sentences(self, spans: Iterable[Span], indexes: set[int]) -> list[Span]:
        """The spans that start in one of the sentences ``indexes``."""
        return [s for s in spans if self.sentence_index(s.start) in indexes]

    # -- matches -----------------------------------------------------------------------------------

    def find(self, section: str, name: str) -> list[Span]:
        """Every match of the lexicon list ``[section] name``, left to right."""
        key = (section, name)
        if key not in self._matches:
            matches = find_at_word_starts(
                self.lex.pattern(section, name), self.lex.starts(section, name), self.lowered, self.word_index
            )
            self._matches[key] = [Span(m.start(), m.end(), self.text[m.start() : m.end()]) for m in matches]
        return self._matches[key]

    def find_in(self, span: Span, section: str, name: str) -> list[Span]:
        """The matches of ``[section] name`` that start inside ``span``."""
        return [m for m in self.find(section, name) if span.start <= m.start < span.end]

    def memo(self, name: str, compute: Callable[[], list[Span]]) -> list[Span]:
        """``compute()`` once per answer, kept under ``name``."""
        if name not in self._memo:
            self._memo[name] = compute()
        return self._memo[name]

    def derived(self, key: str, factory: Callable[[AnswerText], _T]) -> _T:
        """``factory(self)`` once per answer, kept under ``key`` (a richer analysis built on this one)."""
        if key not in self._derived:
            self._derived[key] = factory(self)
        return self._derived[key]  # type: ignore[return-value]

    def stem_hits(self, targets: set[str]) -> list[Span]:
        """The words whose stem is one of ``targets``."""
        return [w for w, s in zip(self.words, self.stems, strict=True) if s in targets]

    # -- shared findings -----------------------------------------------------------------------------

    @cached_property
    def quantities(self) -> list[Span]:
        """Numbers used as measures: digits, amounts, percentages and number words that count
        something ("a team of six", "three releases"), but not effort idioms ("give 110 percent")."""
        effort = self.find("specificity", "effort_idioms")
        spans = list(numbers(self.text)) + self.find("specificity", "number_phrases")
        return [
            s
            for s in dedupe(spans)
            if not overlaps_any(s, effort)
            and not self._window(s)
            and not self._clock_time(s)
            and not self._in_a_date(s)
        ]

    def _in_a_date(self, span: Span) -> bool:
        """A number inside a date ("in 2019", "March 3rd, 2024", "from 2019 to 2021") says when, not how much."""
        digits = span.text.rstrip(".,;:")
        return any(start <= span.start and span.start + len(digits) <= end for start, end in self._dates)

    @cached_property
    def _dates(self) -> list[tuple[int, int]]:
        return date_spans(self.lowered)

    def _clock_time(self, span: Span) -> bool:
        """A time of day ("at 9 am", "by 5:30 pm") says when, not how much."""
        match = _CLOCK_TIME.match(self.folded, span.start)
        return match is not None and match.end() >= span.end

    def _window(self, span: Span) -> bool:
        """A time window ahead ("in five years", "within six months") is a timeframe, not a measure."""
        return bool(_TIME_UNIT.search(span.text)) and bool(
            _WINDOW_LEAD.search(self.folded[max(0, span.start - 24) : span.start])
        )

    @cached_property
    def skills(self) -> list[Span]:
        """Named skills, tools, methods and certifications, including acronyms (SQL, PMP)."""
        spans = list(self.find("specificity", "skills"))
        spans += [
            Span(m.start(), m.end(), m.group())
            for m in _ACRONYM.finditer(self.text)
            if m.group().rstrip("s") not in _ACRONYM_IGNORE
        ]
        spans += [Span(m.start(), m.end(), m.group()) for m in _PRODUCT.finditer(self.text)]
        spans += self._skill_compounds()
        return dedupe(spans)

    def _skill_compounds(self) -> list[Span]:
        """A field and a skill noun ("root cause analysis", "risk assessment", "contingency planning"):
        the field word must carry meaning (not "good planning", "the management")."""
        found = []
        for match in _SKILL_COMPOUND.finditer(self.lowered):
            field = match.group(1)
            if field in self.lex.stopwords or field in _NOT_A_FIELD:
                continue
            found.append(Span(match.start(), match.end(), self.text[match.start() : match.end()]))
        return found

    @cached_property
    def soft_skills(self) -> list[Span]:
        """Soft skills named ("communication", "active listening", "customer service"): skills, but
        not the concrete tools and methods an interviewer can check."""
        return self.find("specificity", "soft_skills")

    def with_text(self, spans: Iterable[Span]) -> list[Span]:
        """The spans with their text taken from the answer."""
        return [Span(s.start, s.end, self.text[s.start : s.end]) for s in spans]


def fold(text: str) -> str:
    """``text`` with typographic quotes and dashes as their plain forms (same length)."""
    return text.translate(_QUOTE_FOLD)


def lower_same_length(text: str) -> str:
    """``text`` in lower case, character for character (a letter whose lower case is longer, such
    as "İ", stays as it is, so offsets into the original still hold)."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def overlaps_any(span: Span, others: list[Span]) -> bool:
    """Whether ``span`` overlaps any of ``others`` (sorted by start, not overlapping each other, as
    regex matches are): a binary search, so checking every span of a long answer stays linear."""
    index = bisect.bisect_right(others, span.start, key=lambda o: o.start)
    return any(span.start < o.end and o.start < span.end for o in others[max(0, index - 1) : index + 1])


def dedupe(spans: Iterable[Span]) -> list[Span]:
    """Sorted, without spans that overlap an earlier, longer one."""
    result: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if result and span.start < result[-1].end:
            continue
        result.append(span)
    return result


@lru_cache(maxsize=256)
def content_stems(phrase: str, stopwords: frozenset[str]) -> frozenset[str]:
    """The stems of a phrase's content words (three letters or more, not in ``stopwords``)."""
    return frozenset(
        stem(w.text)
        for w in words(phrase)
        if w.text.lower() not in stopwords and len(w.text) > 2 and not w.text[0].isdigit()
    )
