"""The score: how much of its checklist an answer passes, weighted by what real interviewers'
advice tells apart in strong and weak answers, within the length that fits the time.

- ``share`` is the weighted share of the content checks that apply (a pass earns its weight, a
  partial half of it, a missing item nothing). Length is not among them: content carries the score.
- Length is a window: an answer that fits the time keeps its share, one a little short or long
  keeps most of it, one far outside keeps less (:data:`LENGTH_KEEPS`).
- Pitfalls earn nothing but each one found takes a fitted share off (``penalty``; half of it for a
  partial one).
- Some failures cap the score whatever else the answer does well (:data:`CAPS`): an answer to
  another question, figures that cannot be true, plans that contradict each other, the same
  passage twice. So a padded, repeated or off-topic version of a good answer scores lower than
  the good answer.

The score is ``100 × share × length × (1 − penalty)^pitfalls``, capped. The weights and the
penalty are fitted by ``fitting/fit_feedback.py`` (``weights/score.json``) to answers that advisers
call strong or weak; ``slope`` and ``centre`` record the logistic curve of that fit.

A check that passes never lowers the score, and a check that does not apply (``na``) never moves
it: answering without a profile leaves alignment out rather than counting it against you. Group
scores are the plain weighted share within each group.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources

from mock_interview.core.feedback.results import GROUPS, Check, Gain, Group, Status

GAINS_SHOWN = 3
LENGTH_CHECK = "answer.length"
# What an answer keeps of its share by how its length fits the time (answer.length's status).
LENGTH_KEEPS = {Status.PASS: 1.0, Status.PARTIAL: 0.9, Status.MISSING: 0.75, Status.NA: 1.0}
# The highest score an answer can have while one of these checks fails, by its status.
CAPS: dict[str, dict[Status, int]] = {
    "answer.relevance": {Status.MISSING: 35, Status.PARTIAL: 65},
    "specificity.plausible": {Status.MISSING: 55, Status.PARTIAL: 70},
    "pitfalls.inconsistent": {Status.MISSING: 55, Status.PARTIAL: 75},
    "pitfalls.repeated": {Status.MISSING: 55, Status.PARTIAL: 75},
    "pitfalls.generic": {Status.MISSING: 50, Status.PARTIAL: 78},  # partly anyone's answer: good, not excellent
}
# Tips come in a coach's order: a pitfall found first, then what is missing, then what is partly
# there; length last, and only when the answer's content is in order (an answer whose problem is
# what it says is not told to be longer).
_TIP_ORDER = {Status.MISSING: 1, Status.PARTIAL: 2}


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
    """The sums behind a standing: earned and possible weight, the share pitfalls and length keep,
    and the cap."""

    earned: float
    possible: float
    kept: float
    length: float = 1.0
    cap: int = 100

    @property
    def standing(self) -> float | None:
        if self.possible <= 0:
            return None
        return min(self.earned / self.possible * self.kept * self.length, self.cap / 100)


def _tally(checks: Iterable[Check], weights: ScoreWeights) -> _Tally:
    earned = possible = 0.0
    kept = length = 1.0
    cap = 100
    for check in checks:
        if check.status == Status.NA:
            continue
        status = Status(check.status)
        cap = min(cap, CAPS.get(check.id, {}).get(status, 100))
        value = _EARNED.get(status, 0.0)
        if check.id == LENGTH_CHECK:
            length = LENGTH_KEEPS.get(status, 1.0)
        elif check.group == Group.PITFALLS:
            kept *= 1.0 - weights.penalty * (1.0 - value)
        else:
            weight = weights.of(check.id)
            earned += weight * value
            possible += weight
    return _Tally(earned, possible, kept, length, cap)


def standing(checks: Iterable[Check], weights: ScoreWeights) -> float | None:
    """The weighted share of the content checks passed, times what length and pitfalls leave of it,
    capped (0 to 1; ``None`` when nothing applies): the score over 100."""
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
    """The items to work on first, with the points each would add: pitfalls found, then what is
    missing (each by the points it would add); what is partly there only when nothing is missing;
    length only when nothing else would raise the score."""
    base = overall_score(checks, weights)
    ranked: list[tuple[int, int, Gain]] = []
    for index, check in enumerate(checks):
        if check.status in (Status.NA, Status.PASS):
            continue
        passed = replace(check, status=Status.PASS)
        points = overall_score([*checks[:index], passed, *checks[index + 1 :]], weights) - base
        pitfall = check.group == Group.PITFALLS
        if points < 1 and not pitfall:  # a pitfall found is named first even when a cap hides its points
            continue
        order = 0 if pitfall else _TIP_ORDER.get(Status(check.status), 2)
        if check.id == LENGTH_CHECK:
            order = 9
        ranked.append((order, -points, Gain(check.id, check.label, points)))
    ranked.sort(key=lambda item: (item[0], item[1]))
    # What is missing comes before what is partly there, and a partly-there item is named only when
    # nothing is missing: it may be there already, as a coach would read it.
    firm = [g for order, _, g in ranked if order < _TIP_ORDER[Status.PARTIAL]]
    content = firm or [g for order, _, g in ranked if order < 9]
    return tuple((content or [g for _, _, g in ranked])[:limit])
