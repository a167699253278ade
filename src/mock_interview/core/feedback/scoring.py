"""The score: how much of its checklist an answer passes, weighted by what real interviewers'
advice tells apart in strong and weak answers.

``share`` is the weighted share of the checks that apply (a pass earns its weight, a partial half
of it, a missing item nothing); pitfalls do not earn points but each one found takes a fitted
share off (``penalty``). The score is ``100 × share × (1 − penalty)^pitfalls``. The weights and
the penalty are fitted by ``fitting/fit_feedback.py`` (``weights/score.json``): a logistic curve of
the score is fitted to answers that advisers call strong or weak, and ``slope`` and ``centre``
record that curve (the score at ``centre`` is where strong and weak are equally likely).

So a check that passes never lowers the score, and a check that does not apply (``na``) never
moves it: answering without a profile leaves alignment out rather than counting it against you.
Group scores are the plain weighted share within each group.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from mock_interview.core.feedback.model import GROUPS, Check, Gain, Group, Status

GAINS_SHOWN = 3


@dataclass(frozen=True)
class ScoreWeights:
    """How much each check counts, what a pitfall costs, and the curve from share to score."""

    weights: Mapping[str, float] = field(default_factory=dict)
    default: float = 1.0
    penalty: float = 0.25
    slope: float = 6.0
    centre: float = 0.4

    def of(self, check_id: str) -> float:
        """The weight of ``check_id`` (``default`` for a check the fit did not see)."""
        return max(0.0, float(self.weights.get(check_id, self.default)))

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> ScoreWeights:
        """From the JSON of ``weights/score.json``."""
        raw = data.get("weights", {})
        weights = {str(k): float(v) for k, v in raw.items()} if isinstance(raw, Mapping) else {}

        def number(key: str, default: float) -> float:
            value = data.get(key, default)
            return float(value) if isinstance(value, int | float) else default

        return cls(
            weights, number("default", 1.0), number("penalty", 0.25), number("slope", 6.0), number("centre", 0.4)
        )

    def to_json(self) -> dict[str, object]:
        """The JSON written by the fitting script."""
        return {
            "default": self.default,
            "penalty": self.penalty,
            "slope": self.slope,
            "centre": self.centre,
            "weights": dict(sorted(self.weights.items())),
        }


@lru_cache(maxsize=1)
def packaged_score_weights() -> ScoreWeights:
    """The weights shipped with the app."""
    text = resources.files("mock_interview.core.feedback").joinpath("weights", "score.json").read_text("utf-8")
    return ScoreWeights.from_json(json.loads(text))


_EARNED = {Status.PASS: 1.0, Status.PARTIAL: 0.5, Status.MISSING: 0.0}


def _weighted_share(checks: Iterable[Check], weights: ScoreWeights) -> float | None:
    earned = possible = 0.0
    for check in checks:
        if check.status == Status.NA:
            continue
        weight = weights.of(check.id)
        earned += weight * _EARNED.get(check.status, 0.0)
        possible += weight
    return earned / possible if possible > 0 else None


@dataclass(frozen=True)
class _Tally:
    """The sums behind a standing: earned and possible weight, and the share pitfalls keep."""

    earned: float
    possible: float
    kept: float

    @property
    def standing(self) -> float | None:
        return self.earned / self.possible * self.kept if self.possible > 0 else None


def _tally(checks: Iterable[Check], weights: ScoreWeights) -> _Tally:
    earned = possible = 0.0
    kept = 1.0
    for check in checks:
        if check.status == Status.NA:
            continue
        value = _EARNED.get(check.status, 0.0)
        if check.group == Group.PITFALLS:
            kept *= 1.0 - weights.penalty * (1.0 - value)
        else:
            weight = weights.of(check.id)
            earned += weight * value
            possible += weight
    return _Tally(earned, possible, kept)


def standing(checks: Iterable[Check], weights: ScoreWeights) -> float | None:
    """The weighted share of the checks passed, less what pitfalls cost (0 to 1; ``None`` when
    nothing applies): the score over 100."""
    return _tally(checks, weights).standing


def _curve(value: float | None, weights: ScoreWeights) -> int:
    return 0 if value is None else round(100 * value)


def overall_score(checks: Iterable[Check], weights: ScoreWeights) -> int:
    """The score from 0 to 100 (see the module's docstring)."""
    return _curve(standing(checks, weights), weights)


def score_checks(checks: Sequence[Check], weights: ScoreWeights) -> tuple[dict[str, int], int]:
    """The score of each group (its plain weighted share) and the overall score, from 0 to 100."""
    groups: dict[str, int] = {}
    for group in GROUPS:
        share = _weighted_share(
            (c for c in checks if c.group == group), weights if group != Group.PITFALLS else ScoreWeights()
        )
        if share is not None:
            groups[group] = round(100 * share)
    return groups, overall_score(checks, weights)


def largest_gains(checks: Sequence[Check], weights: ScoreWeights, limit: int = GAINS_SHOWN) -> tuple[Gain, ...]:
    """The items whose passing would raise the score most, and by how many points."""
    tally = _tally(checks, weights)
    base = _curve(tally.standing, weights)
    gains = []
    for check in checks:
        if check.status in (Status.NA, Status.PASS):
            continue
        value = _EARNED.get(check.status, 0.0)
        if check.group == Group.PITFALLS:
            lost = 1.0 - weights.penalty * (1.0 - value)
            after = _Tally(tally.earned, tally.possible, tally.kept / lost if lost > 0 else tally.kept)
        else:
            after = _Tally(tally.earned + weights.of(check.id) * (1.0 - value), tally.possible, tally.kept)
        points = _curve(after.standing, weights) - base
        if points >= 1:
            gains.append(Gain(check.id, check.label, points))
    gains.sort(key=lambda g: -g.points)
    return tuple(gains[:limit])
