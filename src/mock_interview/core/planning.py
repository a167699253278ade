"""Choosing the questions of a round: from which packs, how many, in which order."""

from __future__ import annotations

import random
from collections.abc import Sequence

from mock_interview.core.packs import Pack, Question

ORDERS = ("pack", "shuffled", "weakest")


def plan_questions(packs: Sequence[Pack], count: int, order: str = "pack", past_scores: dict[str, int] | None = None,
                   rng: random.Random | None = None) -> list[Question]:
    """The questions of a round.

    Args:
        packs: The chosen packs, in the order the user listed them.
        count: How many questions (at most all of them).
        order: ``pack`` (as written, pack after pack), ``shuffled``, or ``weakest`` (lowest past
            score first, then the never-answered ones in pack order).
        past_scores: ``pack/question`` → most recent score, for ``weakest``.
        rng: Randomness for ``shuffled`` (injectable for tests).
    """
    questions = [q for pack in packs for q in pack.questions]
    if order == "shuffled":
        (rng or random.Random()).shuffle(questions)
    elif order == "weakest":
        scores = past_scores or {}
        scored = sorted((q for q in questions if q.ref in scores), key=lambda q: scores[q.ref])
        unscored = [q for q in questions if q.ref not in scores]
        questions = scored + unscored
    return questions[: max(0, count)]
