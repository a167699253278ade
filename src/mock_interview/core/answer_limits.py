"""How long an answer may be, and how an over-long pasted line is broken for the answer area.

A typed answer keeps :data:`MAX_ANSWER_WORDS` words (a pasted document is cut there, with a notice);
a line of a pasted document is broken at its sentence ends so the text area stays quick. Both leave
the words and sentences the checks read as they were.
"""

from __future__ import annotations

import re

MAX_ANSWER_WORDS = 20_000  # two hours of speech; a pasted document is cut here, with a notice
_WORD = re.compile(r"\S+")


def answer_cut(text: str, limit: int = MAX_ANSWER_WORDS) -> int | None:
    """Where ``text`` must be cut to keep ``limit`` words: the start of the first word past it, or ``None``.

    Cheap when the text is under the limit (a count of separators, then a split, both in C): it runs
    on every keystroke; the words are only walked when there are too many.
    """
    if text.count(" ") + text.count("\n") + text.count("\t") < limit:  # at most that many + 1 words
        return None
    if len(text.split()) <= limit:
        return None
    for count, match in enumerate(_WORD.finditer(text)):
        if count == limit:
            return match.start()
    return None


def capped(text: str, limit: int = MAX_ANSWER_WORDS) -> str:
    """``text`` with at most ``limit`` words (what is past them dropped, trailing space kept off)."""
    cut = answer_cut(text, limit)
    return text if cut is None else text[:cut].rstrip()


# A line this long (a document pasted as one paragraph) is broken at sentence ends into lines of
# about LINE_PIECE_CHARS: the answer area redraws a wrapped line whole for each row it shows, so one
# 120 KB line costs about a second a key; lines of a thousand characters cost nothing.
LONG_LINE_CHARS = 2000
LINE_PIECE_CHARS = 1000
_SENTENCE_GAP = re.compile(r"(?<=[.!?;])[\"'”’)\]]* ")


def long_line_breaks(line: str) -> list[int]:
    """Where to turn a space into a line break in an over-long line: after sentence ends, about every
    :data:`LINE_PIECE_CHARS` characters (none when the line is short or has no sentence end).

    A line break after a sentence end is one more sentence end: the checks read the same sentences
    and words, and give the same verdicts (a test holds them to it).
    """
    if len(line) <= LONG_LINE_CHARS:
        return []
    breaks: list[int] = []
    last = 0
    for match in _SENTENCE_GAP.finditer(line):
        space = match.end() - 1
        if space - last >= LINE_PIECE_CHARS:
            breaks.append(space)
            last = space + 1
    return breaks


def with_line_breaks(text: str) -> str:
    """``text`` with its over-long lines broken at sentence ends (see :func:`long_line_breaks`)."""
    if len(text) <= LONG_LINE_CHARS:
        return text
    lines = []
    for line in text.split("\n"):
        for space in reversed(long_line_breaks(line)):
            line = line[:space] + "\n" + line[space + 1 :]
        lines.append(line)
    return "\n".join(lines)
