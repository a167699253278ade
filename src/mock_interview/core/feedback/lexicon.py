"""Loads ``lexicon.toml`` (the word lists and patterns) once, compiled for speed."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any


# In these sections a fragment is a word start (a stem): "innovat" matches "innovative".
PREFIX_SECTIONS = frozenset({"industry", "stage"})


def compile_alternation(fragments: list[str], prefix: bool = False) -> re.Pattern[str]:
    """One case-insensitive regex matching any fragment on word boundaries.

    Longer fragments come first so the longest phrase wins where several start at one place.
    With ``prefix``, a fragment may be followed by more letters (it is a stem).
    """
    if not fragments:
        return re.compile(r"(?!x)x")
    ordered = sorted(fragments, key=len, reverse=True)
    body = "|".join(f"(?:{fragment})" for fragment in ordered)
    tail = r"[\w-]*" if prefix else r"(?![\w])"
    return re.compile(rf"(?<![\w])(?:{body}){tail}", re.IGNORECASE)


@dataclass(frozen=True)
class Tip:
    """The advice shown for a check, and the guide section it comes from."""

    text: str
    source: str


class Lexicon:
    """The compiled lists of ``lexicon.toml``: ``lexicon.pattern("star", "result")``."""

    def __init__(self, data: dict[str, Any]):
        self.data = data
        self._patterns: dict[tuple[str, str], re.Pattern[str]] = {}
        self.tips = {key: Tip(value["tip"], value["source"]) for key, value in data["tips"].items()}
        self.stopwords = frozenset(data["delivery"]["stopwords"])
        self.jd_stopwords = frozenset(data["alignment"]["jd_stopwords"]) | self.stopwords
        self.like_not_after = frozenset(data["delivery"]["like_not_after"])

    def words(self, section: str, name: str) -> list[str]:
        """The raw list ``[section] name``."""
        return list(self.data[section][name])

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
