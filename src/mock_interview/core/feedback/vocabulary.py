"""What the checks know about English words beyond our own lists: how common a word is, how
positive or negative it sounds, and whether a text is English at all.

- Word frequencies come from ``wordfreq`` (its large English list, as Zipf values: 7 for "the",
  about 5 for "company", 3 for "procurement", 0 for a word it has never seen). Rare words are the
  concrete ones: tools, domain terms, names ("QuickBooks", "triage", "procurement"), where stock
  phrases are made of common words ("grow", "company", "experience").
- Valence comes from the VADER sentiment lexicon (``vaderSentiment``): about 7,500 words rated from
  -4 (most negative) to +4, made for short informal text.

Both are loaded on first use and kept (about 0.2 s together): the app warms them up off its UI
thread, and nothing here touches the network.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, float]:
    from wordfreq import get_frequency_dict  # loads its packaged list; no network

    return get_frequency_dict("en", wordlist="large")


def zipf(word: str) -> float:
    """How common ``word`` is in English, on the Zipf scale (0 when it is not in the list)."""
    frequency = _frequencies().get(word.lower().translate(_APOSTROPHES))
    return 9.0 + math.log10(frequency) if frequency else 0.0


@lru_cache(maxsize=1)
def _valences() -> dict[str, float]:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer  # its lexicon ships with it

    return {word: float(value) for word, value in SentimentIntensityAnalyzer().lexicon.items()}


def valence(word: str) -> float:
    """How positive (up to +4) or negative (down to -4) ``word`` sounds; 0 when neutral or unknown."""
    return _valences().get(word.lower().translate(_APOSTROPHES), 0.0)


def warm_up() -> None:
    """Load the word lists now (the app calls this in a worker so that the first check is fast)."""
    _frequencies()
    _valences()


# -- is it English? ----------------------------------------------------------------------------------


# The commonest function words of English and of the languages a user of an English-speaking
# interview app is most likely to answer in instead. Short answers ("Mi mayor debilidad es que soy
# perfeccionista") carry almost nothing but these, which is why they decide, not a statistical
# model: langid needed 7.7 s to load here and called "I work too much." Dutch.
@lru_cache(maxsize=1)
def _function_words() -> dict[str, frozenset[str]]:
    """Each language's function words (``[language]`` of lexicon.toml), English first."""
    from mock_interview.core.feedback.lexicon import load_lexicon

    section = load_lexicon().data["language"]
    return {name.capitalize(): frozenset(words) for name, words in section.items()}


_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
MIN_WORDS_FOR_LANGUAGE = 4  # shorter than this, an answer is taken to be English


@dataclass(frozen=True)
class LanguageGuess:
    """Which language an answer looks like, and how sure the guess is."""

    language: str
    english_words: int
    other_words: int

    @property
    def is_english(self) -> bool:
        """Whether the checks (which read English) can judge the answer."""
        return self.language == "English"


def guess_language(text: str) -> LanguageGuess:
    """The language whose function words the answer uses most (English when it is too short to tell,
    or on a tie).

    Function words of several languages overlap ("de", "a", "en"), so each word votes for every
    language it belongs to; English wins ties, and another language must lead by two words and
    make up a fifth of the answer's words before the answer counts as not English.
    """
    tokens = [t.lower().translate(_APOSTROPHES) for t in _WORD.findall(text)]
    function_words = _function_words()
    english = sum(1 for t in tokens if t in function_words["English"])
    if len(tokens) < MIN_WORDS_FOR_LANGUAGE:
        return LanguageGuess("English", english, 0)
    best, best_count = "English", english
    for language, words in function_words.items():
        if language == "English":
            continue
        count = sum(1 for t in tokens if t in words)
        if count > best_count:
            best, best_count = language, count
    if best != "English" and (best_count < english + 2 or best_count * 5 < len(tokens)):
        best = "English"
    return LanguageGuess(best, english, best_count if best != "English" else 0)
