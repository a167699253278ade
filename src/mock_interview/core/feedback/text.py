"""Text helpers for the checks: sentences and words with their character offsets, and stems.

Stems come from PyStemmer (the Snowball English stemmer), cached per word."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

import Stemmer  # PyStemmer ships no type information (pyproject's mypy overrides let it in untyped)

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d+(?:[.,]\d+)*%?")
_NUMBER = re.compile(
    r"(?<![\w])(?:[$€£]\s?\d[\d,]*(?:\.\d+)?(?:\s?(?:k|m|bn|million|billion|thousand))?"
    r"|\d[\d,]*(?:\.\d+)?\s?(?:%|percent|per cent|x\b)?)(?![\w])",
    re.IGNORECASE,
)


class Span(NamedTuple):
    """A piece of the answer: ``text[start:end]`` (a named tuple: long answers make many)."""

    start: int
    end: int
    text: str


# Where a long run-on sentence (common in speech) may be split into clauses: before a conjunction
# that starts a new clause with its own subject ("... and I redesigned ...", "... so we ...").
_CLAUSE_BREAK = re.compile(
    r",?\s+(?:and(?: then| so)?|so|but|then|because|which meant)\s+"
    r"(?=(?:i|we|my|our|it|the|they|he|she|that|this|as)\b)",
    re.IGNORECASE,
)
LONG_SENTENCE_WORDS = 30


def sentences(text: str) -> list[Span]:
    """Split into sentences, keeping offsets.

    Sentence ends come from syntok, which knows abbreviations, initials, decimals and "e.g." ("I
    worked with Dr. Smith at Acme Inc. in the U.S." is one sentence). Inside those, a line break, a
    semicolon, or an ellipsis before a capital letter ends a piece too (typed lists, and speech
    transcribed without full stops). A piece longer than about 30 words is split further into
    clauses at conjunctions that start a new clause, so each clause can carry its own STAR part.
    """
    pieces: list[Span] = []
    for start, end in _syntok_sentences(text):
        cut = start
        for match in _INNER_BREAK.finditer(text, start, end):
            _add_trimmed(text, cut, match.end(), pieces)
            cut = match.end()
        _add_trimmed(text, cut, end, pieces)
    result: list[Span] = []
    for span in pieces:
        if len(span.text.split()) <= LONG_SENTENCE_WORDS:
            result.append(span)
            continue
        cut_start = span.start
        for match in _CLAUSE_BREAK.finditer(text, span.start, span.end):
            if len(text[cut_start : match.start()].split()) >= 6:
                _add_trimmed(text, cut_start, match.start(), result)
                cut_start = match.start()
        _add_trimmed(text, cut_start, span.end, result)
    return result


# Inside a sentence: a line break, a semicolon, or an ellipsis followed by a capital letter.
_INNER_BREAK = re.compile(r"\n+|;(?=\s)|(?:…|\.\.\.)(?=\s+[A-Z])")


def _syntok_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence as syntok finds them (its tokens carry their offsets)."""
    from syntok.segmenter import analyze  # pure Python; imported on first use

    bounds = []
    for paragraph in analyze(text):
        for sentence in paragraph:
            if sentence:
                last = sentence[-1]
                bounds.append((sentence[0].offset, last.offset + len(last.value)))
    return bounds


def _add_trimmed(text: str, start: int, end: int, spans: list[Span]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start and any(ch.isalnum() for ch in text[start:end]):
        spans.append(Span(start, end, text[start:end]))


def counted(count: int, singular: str, plural: str | None = None) -> str:
    """ "1 filler", "2 fillers", "1 'I' action": a count with its noun in the right number."""
    return f"{count} {singular if count == 1 else plural or singular + 's'}"


def words(text: str) -> list[Span]:
    """Words and numbers with offsets."""
    return [Span(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]


def count_words(text: str) -> int:
    """How many words :func:`words` would find, without building them."""
    return sum(1 for _ in _WORD.finditer(text))


def numbers(text: str) -> list[Span]:
    """Numbers, percentages and amounts written in digits."""
    return [Span(m.start(), m.end(), m.group().strip()) for m in _NUMBER.finditer(text)]


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball (Porter 2) stem, so that *innovative*, *innovation* and *innovate* meet.

    Possessives and edge apostrophes or hyphens are dropped first; the result is lower case.
    """
    word = word.lower().replace("’", "'").strip("'-")
    if word.endswith("'s"):
        word = word[:-2]
    return str(_stemmer().stemWord(word))
