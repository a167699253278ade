"""Running a word list's regex only where it can match: at the words it can start with.

A lexicon list is a large alternation anchored at a word start. Scanning a long answer with it
tries every alternative at every word, which made a 2 MB answer take seconds per list. Most
fragments begin with a literal word ("as a result", "(my|the) boss"), so the words a match can
start with are known in advance: :func:`first_words` reads them from the parsed pattern, and
:func:`find_at_word_starts` runs the anchored pattern only at those words of the text (from a
:class:`WordIndex` built once per answer). Lists with a fragment that can start anywhere (a digit
class, a leading optional word that cannot be enumerated) fall back to an ordinary scan, so the
result is always exactly that of ``pattern.finditer``.
"""

from __future__ import annotations

import bisect
import heapq
import itertools
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parser  # type: ignore[attr-defined]
from typing import Any

_TOKEN = re.compile(r"\w+")
_MAX_PREFIXES = 400
_SORT_LIMIT = 4096  # offsets: below this a sort beats heapq.merge; above it, the merge keeps growth linear


DIGIT = "\0digit"  # the first word is a number ("\\d+ percent")


@dataclass(frozen=True)
class FirstWord:
    """A word a match can start with; ``whole`` when the match's first word must be exactly this,
    otherwise the text's word only has to start with it ("analy" for "analy[sz]ed"). ``symbol``:
    the match starts with this non-word character instead ("[company name]", "%")."""

    text: str
    whole: bool
    symbol: bool = False


class WordIndex:
    """Where each word of a (lower-case) text starts."""

    def __init__(self, text: str) -> None:
        self.text = text
        positions: defaultdict[str, list[int]] = defaultdict(list)
        for match in _TOKEN.finditer(text):
            positions[match.group()].append(match.start())
        self.positions: dict[str, list[int]] = dict(positions)
        self.words = sorted(self.positions)
        self._symbols: dict[str, list[int]] = {}

    def starts_of(self, first: FirstWord) -> list[int]:
        """The offsets of the words (or symbols) that ``first`` accepts."""
        if first.symbol:
            if first.text not in self._symbols:
                self._symbols[first.text] = [m.start() for m in re.finditer(re.escape(first.text), self.text)]
            return self._symbols[first.text]
        if first.text == DIGIT:
            return sorted(p for word in self.words if word[:1].isdigit() for p in self.positions[word])
        if first.whole:
            return self.positions.get(first.text, [])
        index = bisect.bisect_left(self.words, first.text)
        lists = []
        while index < len(self.words) and self.words[index].startswith(first.text):
            lists.append(self.positions[self.words[index]])
            index += 1
        return lists[0] if len(lists) == 1 else list(_in_order(lists))


def first_words(pattern: str) -> frozenset[FirstWord] | None:
    """The words a match of ``pattern`` (one fragment, lower case) can start with, or ``None`` when
    that cannot be told (then the caller scans the whole text)."""
    try:
        parsed = sre_parser.parse(pattern)
    except (re.error, RecursionError):
        return None
    result = _expand(list(parsed), {""})
    if result is None:
        return None
    words: set[FirstWord] = set()
    for prefix, whole in result:
        if not prefix:
            return None  # can start with an unknown character
        if prefix.startswith("\0symbol"):
            words.add(FirstWord(prefix[len("\0symbol") :], False, symbol=True))
        else:
            words.add(FirstWord(prefix, whole))
    return frozenset(words)


def _expand(items: list[Any], prefixes: set[str]) -> set[tuple[str, bool]] | None:
    """Follow the parsed items from the start: the literal first-word prefixes, each marked whole
    when a non-word literal ends it."""
    done: set[tuple[str, bool]] = set()
    current = set(prefixes)
    for index, (op, value) in enumerate(items):
        rest = items[index + 1 :]
        if op is sre_constants.LITERAL:
            char = chr(value)
            if char.isalnum() or char == "_":
                current = {p + char for p in current}
                continue
            if current == {""}:  # the match starts with this symbol
                return done | {("\0symbol" + char, False)}
            return done | {(p, True) if p else ("\0symbol" + char, False) for p in current}
        if op is sre_constants.AT and current == {""}:
            continue  # a word boundary before the first word changes nothing
        if (
            op is sre_constants.IN
            and current == {""}
            and list(value) == [(sre_constants.CATEGORY, sre_constants.CATEGORY_DIGIT)]
        ):
            return done | {(DIGIT, False)}
        if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT) and value[0] >= 1 and current == {""}:
            inner = list(value[2])
            if (
                inner
                and inner[0][0] is sre_constants.IN
                and list(inner[0][1]) == [(sre_constants.CATEGORY, sre_constants.CATEGORY_DIGIT)]
            ):
                return done | {(DIGIT, False)}
        if op is sre_constants.SUBPATTERN:
            return _merge(done, _branch([list(value[3])], current, rest))
        if op is sre_constants.BRANCH:
            return _merge(done, _branch([list(b) for b in value[1]], current, rest))
        if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT) and value[0] == 0 and value[1] == 1:
            taken = _branch([list(value[2])], current, rest)
            skipped = _expand(rest, current)
            if taken is None or skipped is None:
                return None
            return done | taken | skipped
        # a class, a repeat, an anchor: the first word goes on in a way not spelled out
        return done | {(p, False) for p in current}
    return done | {(p, False) for p in current}


def _branch(alternatives: list[list[Any]], prefixes: set[str], rest: list[Any]) -> set[tuple[str, bool]] | None:
    """Each alternative followed by the rest of the pattern."""
    result: set[tuple[str, bool]] = set()
    for alternative in alternatives:
        expanded = _expand(alternative + rest, prefixes)
        if expanded is None:
            return None
        result |= expanded
        if len(result) > _MAX_PREFIXES:
            return None
    return result


def _merge(done: set[tuple[str, bool]], more: set[tuple[str, bool]] | None) -> set[tuple[str, bool]] | None:
    return None if more is None else done | more


def _in_order(lists: list[list[int]]) -> Iterable[int]:
    """Sorted offsets, each once, from lists that are each sorted.

    For an answer, one sort is cheaper than a lazy merge (300 words: 4.9 -> 4.1 ms); for megabytes
    of text the merge keeps the growth linear (an offset two lists share is then tried twice: harmless).
    """
    if sum(map(len, lists)) <= _SORT_LIMIT:
        return sorted(set(itertools.chain.from_iterable(lists)))
    return heapq.merge(*lists)


def find_at_word_starts(
    pattern: re.Pattern[str], firsts: frozenset[FirstWord] | None, text: str, index: WordIndex
) -> Iterator[re.Match[str]]:
    """The matches ``pattern.finditer(text)`` gives, trying the pattern only at the words in
    ``firsts`` (every position when ``firsts`` is ``None``)."""
    if firsts is None:
        yield from pattern.finditer(text)
        return
    end = 0
    for start in _in_order([index.starts_of(first) for first in firsts]):
        if start < end:
            continue
        match = pattern.match(text, start)
        if match is not None and match.end() > match.start():
            yield match
            end = match.end()
