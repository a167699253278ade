"""Every follow-up the round can ask after each built-in question, found by asking the real chooser.

:func:`reachable_follow_ups` puts each gap the chooser knows to :func:`choose_follow_up` as the one
gap of a weak answer (every other gap check passing), then no gap at all (the question's own
follow-ups, all open to a weak answer): what comes back is every follow-up a round could ask.
Used by tests/unit/test_follow_up_repeats.py and bench/follow_up_repeats.py.
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Iterator, MutableSequence, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, TypeVar

from mock_interview.core.feedback import Feedback, QuestionInfo, Status, analyse
from mock_interview.core.followups import GAP_FOLLOW_UPS, choose_follow_up
from mock_interview.core.packs import Question, builtin_packs_dir, load_pack

if TYPE_CHECKING:
    from _typeshed import SupportsLenAndGetItem

WEAK_ANSWER = "I like working here and I want to grow."
_T = TypeVar("_T")


class _EveryChoice(random.Random):
    """A random source that remembers every list it was asked to choose from."""

    def __init__(self) -> None:
        super().__init__(0)
        self.offered: list[str] = []

    def choice(self, seq: SupportsLenAndGetItem[_T]) -> _T:
        """The first item, remembering all of them."""
        self.offered.extend(str(seq[i]) for i in range(len(seq)))
        return seq[0]


def builtin_questions() -> Iterator[Question]:
    """Every question of the built-in packs, pack by pack."""
    for path in sorted(builtin_packs_dir().glob("*.toml")):
        yield from load_pack(path).questions


def _with_gaps(feedback: Feedback, missing: str | None) -> Feedback:
    """``feedback`` with every gap check passing but ``missing``."""
    gap_ids = {check_id for check_id, *_ in GAP_FOLLOW_UPS}
    checks = tuple(
        dataclasses.replace(c, status=Status.MISSING if c.id == missing else Status.PASS) if c.id in gap_ids else c
        for c in feedback.checks
    )
    return dataclasses.replace(feedback, checks=checks)


def reachable_follow_ups(question: Question, asked: Sequence[str] = ()) -> list[str]:
    """Every follow-up the chooser can put after ``question`` in a round that asked ``asked`` before it."""
    feedback = _weak_feedback(question)
    found: list[str] = []
    for check_id, *_ in GAP_FOLLOW_UPS:
        if feedback.by_id(check_id) is not None:
            _add(found, choose_follow_up(question, _with_gaps(feedback, check_id), answer=WEAK_ANSWER, asked=asked))
    rng = _EveryChoice()
    _add(found, choose_follow_up(question, _with_gaps(feedback, None), rng, answer=WEAK_ANSWER, asked=asked))
    for text in rng.offered:
        _add(found, text)
    return found


@lru_cache(maxsize=256)
def _weak_feedback(question: Question) -> Feedback:
    return analyse(WEAK_ANSWER, QuestionInfo.of(question))


def _add(found: MutableSequence[str], text: str | None) -> None:
    if text is not None and text not in found:
        found.append(text)
