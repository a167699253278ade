"""Where a job description's noun phrases end: a term is a noun phrase, and a noun phrase ends on
its noun. A participle ("skilled", "based") or an adjective with its own complement ("proficient
in", "comfortable with") starts another phrase, so it is neither part of the noun's term nor a term
alone. Read by the job terms of ``alignment.py``."""

from __future__ import annotations

from functools import lru_cache

from mock_interview.core.feedback.lexicon import load_lexicon
from mock_interview.core.feedback.vocabulary import zipf

# A noun phrase ends on its noun. What follows a title or a noun with its own complement is another
# phrase: "an analyst skilled in SQL", "engineers proficient in Go", "comfortable with React",
# "available on weekends". Such a word is a participle (a verb's -ed form) or an adjective by its
# ending, followed by the preposition it takes.
_COMPLEMENT = frozenset({"in", "with", "about", "for", "at", "on", "to", "across", "by"})
_ADJECTIVE_ENDINGS = ("ous", "ful", "ible", "able", "iar")  # endings of adjectives, hardly of nouns
ENGLISH_BASE_ZIPF = 2.85  # a participle's base is an English word ("skill" of "skilled", "obsess" of "obsessed")


def participle(word: str) -> bool:
    """Whether ``word`` is a verb's -ed form ("skilled", "based", "trained", "preferred"): its base,
    an English word ("skill", "base", "train", "certify"), with -ed, -d, -ied or a doubled consonant
    and -ed. "need", "speed" and "feed" have no such base."""
    lowered = word.lower()
    if not lowered.endswith("ed") or len(lowered) < 5:
        return False
    bases = [lowered[:-2], lowered[:-1]]
    if lowered.endswith("ied"):
        bases.append(lowered[:-3] + "y")
    if len(lowered) > 5 and lowered[-3] == lowered[-4]:
        bases.append(lowered[:-3])
    return any(len(base) >= 4 and zipf(base) >= ENGLISH_BASE_ZIPF for base in bases)


def post_modifier(word: tuple[str, bool, bool], following: str) -> bool:
    """Whether a run's last word starts a phrase of its own before ``following`` ("skilled" before
    "in", "comfortable" before "with"), rather than ending a noun phrase."""
    token, tool, _ = word
    if tool or following not in _COMPLEMENT:
        return False
    lowered = token.lower()
    return participle(token) or lowered.endswith(_ADJECTIVE_ENDINGS) or lowered in _post_modifier_words()


@lru_cache(maxsize=1)
def _post_modifier_words() -> frozenset[str]:
    """The lexicon's adjectives that take their own complement ("proficient in", "eager to")."""
    return frozenset(load_lexicon().words("job_terms", "post_modifiers"))


def noun_ended(run: list[tuple[str, bool, bool]]) -> list[tuple[str, bool, bool]]:
    """A run without the participles it ends on ("Teachers trained", "SQL preferred"): a term ends
    on its noun."""
    while run and not run[-1][1] and participle(run[-1][0]):
        run = run[:-1]
    return run
