"""The feedback result: checks in groups, with evidence, tips and scores."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

GROUPS = ("structure", "specificity", "alignment", "pitfalls", "delivery")
STATUSES = ("pass", "partial", "missing", "na")
STATUS_VALUE = {"pass": 1.0, "partial": 0.5, "missing": 0.0}
GROUP_WEIGHTS = {"structure": 0.35, "specificity": 0.30, "alignment": 0.20, "pitfalls": 0.15, "delivery": 0.15}


@dataclass(frozen=True)
class Evidence:
    """The words of the answer behind a status, as character offsets and text."""

    start: int
    end: int
    text: str

    def to_json(self) -> dict[str, Any]:
        """``{"start", "end", "text"}``."""
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Check:
    """One item of the checklist."""

    id: str
    group: str
    label: str
    status: str
    evidence: tuple[Evidence, ...] = ()
    tip: str = ""
    source: str = ""
    detail: str = ""
    weight: float = 1.0
    problem: bool = False  # evidence marks a problem (vague phrase, filler) rather than a strength

    def to_json(self) -> dict[str, Any]:
        """The stable JSON form documented in the README."""
        return {
            "id": self.id,
            "group": self.group,
            "label": self.label,
            "status": self.status,
            "detail": self.detail,
            "evidence": [e.to_json() for e in self.evidence],
            "evidence_kind": "problem" if self.problem else "support",
            "tip": self.tip,
            "source": self.source,
        }


@dataclass(frozen=True)
class Feedback:
    """The checklist for one answer, with a score from 0 to 100 and a score per group."""

    kind: str
    checks: tuple[Check, ...]
    word_count: int
    group_scores: dict[str, int] = field(default_factory=dict)
    score: int = 0

    def group(self, name: str) -> list[Check]:
        """The checks of one group, in order."""
        return [c for c in self.checks if c.group == name]

    def by_id(self, check_id: str) -> Check | None:
        """The check with ``check_id``, or ``None``."""
        return next((c for c in self.checks if c.id == check_id), None)

    def to_json(self) -> dict[str, Any]:
        """``{"score", "groups", "kind", "word_count", "checks": [...]}``."""
        return {
            "score": self.score,
            "groups": dict(self.group_scores),
            "kind": self.kind,
            "word_count": self.word_count,
            "checks": [c.to_json() for c in self.checks],
        }


def score_checks(checks: list[Check]) -> tuple[dict[str, int], int]:
    """Group scores (weighted share of pass = 1, partial = 0.5) and the overall score."""
    totals: dict[str, list[float]] = {}
    for check in checks:
        if check.status == "na":
            continue
        bucket = totals.setdefault(check.group, [0.0, 0.0])
        bucket[0] += STATUS_VALUE[check.status] * check.weight
        bucket[1] += check.weight
    groups = {g: round(100 * got / possible) for g, (got, possible) in totals.items() if possible}
    weight_sum = sum(GROUP_WEIGHTS[g] for g in groups)
    overall = round(sum(groups[g] * GROUP_WEIGHTS[g] for g in groups) / weight_sum) if weight_sum else 0
    return {g: groups[g] for g in GROUPS if g in groups}, overall
