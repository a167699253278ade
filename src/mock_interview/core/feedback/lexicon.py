"""Loads ``lexicon.toml`` (the word lists and patterns) once, compiled for speed."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources
from typing import Any

from mock_interview.core.feedback.wordstart import FirstWord, first_words

# In these sections a fragment is a word start (a stem): "innovat" matches "innovative".
PREFIX_SECTIONS = frozenset({"industry", "stage"})


def lower_fragment(fragment: str) -> str:
    """A pattern fragment in lower case, its escapes (``\\d``, ``\\S``) left as they are."""
    out, index = [], 0
    while index < len(fragment):
        if fragment[index] == "\\" and index + 1 < len(fragment):
            out.append(fragment[index : index + 2])
            index += 2
        else:
            out.append(fragment[index].lower())
            index += 1
    return "".join(out)


def compile_alternation(fragments: list[str], prefix: bool = False) -> re.Pattern[str]:
    """One regex matching any fragment on word boundaries, in text that is already lower case.

    The fragments are lowered and the pattern compiled case-sensitive: matching lower-case text
    this way is about twice as fast as a case-insensitive pattern (whose alternatives cannot be
    skipped by their first letter). Longer fragments come first so the longest phrase wins where
    several start at one place. With ``prefix``, a fragment may be followed by more letters (it is
    a stem).
    """
    if not fragments:
        return re.compile(r"(?!x)x")
    ordered = sorted((lower_fragment(f) for f in fragments), key=len, reverse=True)
    body = "|".join(f"(?:{fragment})" for fragment in ordered)
    tail = r"[\w-]*" if prefix else r"(?![\w])"
    return re.compile(rf"(?<![\w])(?:{body}){tail}")


class Lexicon:
    """The compiled lists of ``lexicon.toml``: ``lexicon.pattern("star", "result")``."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self._patterns: dict[tuple[str, str], re.Pattern[str]] = {}
        self._starts: dict[tuple[str, str], frozenset[FirstWord] | None] = {}
        self.stopwords = frozenset(data["delivery"]["stopwords"])
        self.jd_stopwords = frozenset(data["alignment"]["jd_stopwords"]) | self.stopwords
        self.like_not_after = frozenset(data["delivery"]["like_not_after"])
        # Words a mission or value shares with everyday speech ("software that just *works*")
        self.common_verbs = frozenset(data["alignment"]["common_verbs"])

    def words(self, section: str, name: str) -> list[str]:
        """The raw list ``[section] name``."""
        return list(self.data[section][name])

    def starts(self, section: str, name: str) -> frozenset[FirstWord] | None:
        """The words a match of ``[section] name`` can start with (``None``: anywhere)."""
        key = (section, name)
        if key not in self._starts:
            words: set[FirstWord] = set()
            for fragment in self.data[section][name]:
                found = first_words(lower_fragment(fragment))
                if found is None:
                    words = set()
                    self._starts[key] = None
                    break
                words |= found
            else:
                self._starts[key] = frozenset(words)
        return self._starts[key]

    def pattern(self, section: str, name: str) -> re.Pattern[str]:
        """The compiled alternation of ``[section] name``."""
        key = (section, name)
        if key not in self._patterns:
            self._patterns[key] = compile_alternation(self.data[section][name], prefix=section in PREFIX_SECTIONS)
        return self._patterns[key]


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The packaged lexicon (read once per process)."""
    text = resources.files("mock_interview.core.feedback").joinpath("lexicon.toml").read_text("utf-8")
    return Lexicon(tomllib.loads(text))
