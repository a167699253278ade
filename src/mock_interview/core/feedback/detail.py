"""Concrete detail and stock language: what only this candidate could say, and what anyone could.

A detail is something an interviewer could check or picture: a number, a name (a company, a
product, a place), a named skill or tool, or a rare word (a domain term such as "procurement" or
"triage": rare words are concrete, stock phrases are made of common ones). Stock language is the
opposite: phrases anyone could say in any interview ("I want to grow with the company", "a great
reputation", "I'm a team player", "it went well") and stand-ins for a thing never named ("a certain
technology stack", "some issues").

The specificity checks (vague phrases) and the pitfalls (generic answers) read this one analysis.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from mock_interview.core.feedback.answer import AnswerText, dedupe
from mock_interview.core.feedback.text import Span
from mock_interview.core.feedback.vocabulary import valence, zipf

RARE_ZIPF = 3.6  # a word rarer than this in English is a concrete term ("procurement" 3.7 is borderline)
STOCK_LISTS = ("stock_career", "stock_self", "stock_company", "stock_outcome", "stand_ins")
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")
# Capitalised words that name nothing in particular.
_NOT_NAMES = frozenset(
    {"I", "I'm", "I’m", "I've", "I’ve", "I'd", "I’d", "I'll", "I’ll", "OK", "Okay", "Company", "Mr", "Mrs", "Ms", "Dr"}
)
_PLACEHOLDER = re.compile(r"\[[^\]]*\]|_{2,}|\b(?:XYZ|ABC|X)\b")


@dataclass(frozen=True)
class DetailReading:
    """The concrete details and the stock language of one answer."""

    answer: AnswerText
    details: tuple[Span, ...]
    stock: tuple[Span, ...]

    @cached_property
    def detail_sentences(self) -> frozenset[int]:
        """The sentences that hold a detail."""
        return frozenset(self.answer.sentence_index(s.start) for s in self.details)

    @cached_property
    def stock_sentences(self) -> frozenset[int]:
        """The sentences that hold stock language."""
        return frozenset(self.answer.sentence_index(s.start) for s in self.stock)

    @property
    def empty_stock_sentences(self) -> frozenset[int]:
        """Sentences of stock language with no detail beside it: nothing but the stock line."""
        return self.stock_sentences - self.detail_sentences

    @property
    def stock_dominates(self) -> bool:
        """Whether sentences of nothing but stock lines make up more than half of the answer."""
        return len(self.empty_stock_sentences) * 2 > len(self.answer.sentences)

    @cached_property
    def content_words(self) -> list[str]:
        """The answer's content words (three letters or more, no function words), lower case."""
        stop = self.answer.lex.stopwords
        return [w.text.lower() for w in self.answer.words if len(w.text) > 2 and w.text.lower() not in stop]

    @cached_property
    def top_word_share(self) -> float:
        """The share of the content words taken by the commonest one: about 0.05 to 0.18 in real
        answers, far more in a template filled with one word ("the purple team had a purple problem")."""
        from collections import Counter

        words = self.content_words
        return Counter(words).most_common(1)[0][1] / len(words) if words else 0.0

    @cached_property
    def distinct_details(self) -> int:
        """How many different details the answer gives."""
        return len({s.text.lower() for s in self.details})


def read_details(answer: AnswerText) -> DetailReading:
    """The answer's details and stock language (computed once per answer)."""
    return answer.derived("details", _read)


class _Covered:
    """Whether spans asked about in left-to-right order overlap any of ``spans`` (sorted, not
    overlapping each other): a pointer that only moves forward, so a whole answer costs one pass."""

    def __init__(self, spans: list[Span]) -> None:
        self.spans = spans
        self.index = 0

    def covers(self, span: Span) -> bool:
        while self.index < len(self.spans) and self.spans[self.index].end <= span.start:
            self.index += 1
        return self.index < len(self.spans) and self.spans[self.index].start < span.end


def _read(answer: AnswerText) -> DetailReading:
    stock = stock_language(answer)
    found = list(answer.quantities) + list(answer.skills) + _roles(answer)
    placeholders = [Span(m.start(), m.end(), m.group()) for m in _PLACEHOLDER.finditer(answer.text)]
    skip = _Covered(dedupe(stock + placeholders))  # tokens come in order: one pass over these spans
    for sentence in answer.sentences:
        for index, match in enumerate(_TOKEN.finditer(answer.text, sentence.start, sentence.end)):
            word = match.group()
            span = Span(match.start(), match.end(), word)
            if len(word) < 3 or skip.covers(span):
                continue
            if word[0].isupper():
                if index > 0 and word not in _NOT_NAMES and word.lower() not in answer.lex.stopwords:
                    found.append(span)  # a name: mid-sentence capitals
                continue
            if _rare(word, answer):
                found.append(span)
    return DetailReading(answer, tuple(dedupe(found)), tuple(stock))


_ROLE_OF = r"(?:director|head|vp|vice president|manager|lead|chief|professor) of (?:the )?([a-z]+)"
_ROLE_TITLE = (
    r"([a-z]+) (?:manager|director|analyst|engineer|designer|developer|nurse|consultant|specialist|accountant|"
    r"architect|scientist|lawyer|teacher|coordinator|officer|planner|strategist|therapist|technician|editor|"
    r"writer|researcher|administrator|assistant|associate|representative|recruiter|buyer|auditor|pharmacist)"
)
_ROLE = re.compile(rf"(?<![\w])(?:{_ROLE_OF}|{_ROLE_TITLE})(?![\w])")
# Words before a job title that name no field ("a senior manager", "the general manager").
_NOT_FIELDS = frozenset(
    {"a", "an", "the", "my", "our", "your", "their", "this", "that", "senior", "junior", "general", "assistant"}
    | {"new", "good", "great", "better", "best", "top", "next", "first", "real", "big", "small", "own", "lead"}
    | {"head", "chief"}
)


def _roles(answer: AnswerText) -> list[Span]:
    """Job titles with their field ("director of marketing", "data analyst"): a goal with a field
    named is a specific goal; "a management position" is not."""
    found = []
    for match in _ROLE.finditer(answer.lowered):
        field = match.group(1) or match.group(2)
        if field and field not in _NOT_FIELDS and field not in answer.lex.stopwords:
            found.append(Span(match.start(), match.end(), answer.text[match.start() : match.end()]))
    return found


def named_roles(answer: AnswerText) -> list[Span]:
    """Every job title with its field, each form looked for on its own: in "to be director of
    marketing" the one pattern of :func:`_roles` stops at "be director" (no field) and never sees
    "director of marketing". The details keep :func:`_roles`, which the score was fitted with."""
    found = []
    for pattern in (_ROLE_OF, _ROLE_TITLE):
        for match in re.finditer(rf"(?<![\w]){pattern}(?![\w])", answer.lowered):
            field = match.group(1)
            if field not in _NOT_FIELDS and field not in answer.lex.stopwords:
                found.append(Span(match.start(), match.end(), answer.text[match.start() : match.end()]))
    return dedupe(found)


def _rare(word: str, answer: AnswerText) -> bool:
    """A content word rare enough in English to be a concrete term, and not an opinion word."""
    lowered = word.lower()
    if lowered in answer.lex.stopwords or lowered.endswith("ly") or "'" in lowered or "’" in lowered:
        return False
    frequency = zipf(lowered)
    return frequency < RARE_ZIPF and valence(lowered) == 0.0 and (frequency > 0 or len(lowered) >= 5)


def stock_language(answer: AnswerText) -> list[Span]:
    """Stock phrases and stand-ins, and praise of oneself ("passionate", "I'm very dedicated") where
    nothing in its sentence or the next backs it with a number, a skill or an example."""

    def compute() -> list[Span]:
        found = [s for name in STOCK_LISTS for s in answer.find("detail", name)]
        found += list(answer.find("specificity", "vague")) + list(answer.find("specificity", "effort_idioms"))
        found += list(answer.find("weakness", "canned"))  # the canned non-weaknesses ("I work too hard")
        backed = {
            answer.sentence_index(b.start)
            for b in answer.quantities + answer.skills + answer.find("specificity", "example_cues")
        }
        for span in answer.find("specificity", "passion"):
            index = answer.sentence_index(span.start)
            if index not in backed and index + 1 not in backed:  # backed in its sentence or the next
                found.append(span)
        return dedupe(found)

    return answer.memo("stock", compute)
