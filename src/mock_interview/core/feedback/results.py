"""The feedback result: checks in groups, with evidence, tips and scores, and its JSON form.

Sessions keep feedback as the JSON of :meth:`Feedback.to_json`; :meth:`Feedback.from_json` reads it
back (also from files written by older versions), so every screen and report works on one typed
object.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, TypeVar

_E = TypeVar("_E", bound=StrEnum)


class Status(StrEnum):
    """How an answer does on one check."""

    PASS = "pass"
    PARTIAL = "partial"
    MISSING = "missing"
    NA = "na"  # does not apply: delivery checks for typed answers, alignment without a profile

    @property
    def value_earned(self) -> float:
        """The share of a check's weight this status earns (``na`` earns nothing and counts nothing)."""
        return {Status.PASS: 1.0, Status.PARTIAL: 0.5}.get(self, 0.0)

    @property
    def rank(self) -> int:
        """Order from worst to best, for telling better from worse (``na`` ranks lowest)."""
        return {Status.NA: -1, Status.MISSING: 0, Status.PARTIAL: 1, Status.PASS: 2}[self]


class Group(StrEnum):
    """The groups of the checklist, in the order they are shown."""

    STRUCTURE = "structure"
    SPECIFICITY = "specificity"
    ALIGNMENT = "alignment"
    PITFALLS = "pitfalls"
    DELIVERY = "delivery"


GROUPS: tuple[str, ...] = tuple(g.value for g in Group)
STATUSES: tuple[str, ...] = tuple(s.value for s in Status)


@dataclass(frozen=True)
class Evidence:
    """The words of the answer behind a status, as character offsets and text."""

    start: int
    end: int
    text: str

    def to_json(self) -> dict[str, Any]:
        """``{"start", "end", "text"}``."""
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Evidence:
        """Read back :meth:`to_json` (malformed values become an empty span)."""
        start, end = _int(data.get("start")), _int(data.get("end"))
        return cls(start, max(start, end), str(data.get("text", "")))


@dataclass(frozen=True)
class Check:
    """One item of the checklist."""

    id: str
    group: Group
    label: str
    status: Status
    evidence: tuple[Evidence, ...] = ()
    tip: str = ""
    source: str = ""
    detail: str = ""
    problem: bool = False  # evidence marks a problem (vague phrase, filler) rather than a strength

    def to_json(self) -> dict[str, Any]:
        """The stable JSON form documented in the README."""
        return {
            "id": self.id,
            "group": str(self.group),
            "label": self.label,
            "status": str(self.status),
            "detail": self.detail,
            "evidence": [e.to_json() for e in self.evidence],
            "evidence_kind": "problem" if self.problem else "support",
            "tip": self.tip,
            "source": self.source,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Check:
        """Read back :meth:`to_json`; unknown groups or statuses become ``pitfalls`` / ``na``."""
        evidence = data.get("evidence")
        return cls(
            id=str(data.get("id", "")),
            group=_enum(Group, data.get("group"), Group.PITFALLS),
            label=str(data.get("label", data.get("id", ""))),
            status=_enum(Status, data.get("status"), Status.NA),
            evidence=tuple(Evidence.from_json(e) for e in evidence if isinstance(e, Mapping))
            if isinstance(evidence, list)
            else (),
            tip=str(data.get("tip", "")),
            source=str(data.get("source", "")),
            detail=str(data.get("detail", "")),
            problem=data.get("evidence_kind") == "problem",
        )


@dataclass(frozen=True)
class Gain:
    """How many points the score would rise if one check passed."""

    check_id: str
    label: str
    points: int

    def to_json(self) -> dict[str, Any]:
        """``{"id", "label", "points"}``."""
        return {"id": self.check_id, "label": self.label, "points": self.points}


@dataclass(frozen=True)
class Feedback:
    """The checklist for one answer, with a score from 0 to 100 and a score per group."""

    kind: str
    checks: tuple[Check, ...]
    word_count: int
    group_scores: dict[str, int] = field(default_factory=dict)
    score: int = 0
    gains: tuple[Gain, ...] = ()  # the missing items that would raise the score most, largest first
    focus: str = ""  # for a follow-up: the gap it asked about ("" for a main answer)
    notice: str = ""  # why the answer was not judged (it is not in English), shown instead of a score

    @property
    def scored(self) -> bool:
        """Whether the checks judged the answer (not when it is in a language they cannot read)."""
        return not self.notice

    def group(self, name: str) -> list[Check]:
        """The checks of one group, in order."""
        return [c for c in self.checks if c.group == name]

    def by_id(self, check_id: str) -> Check | None:
        """The check with ``check_id``, or ``None``."""
        return next((c for c in self.checks if c.id == check_id), None)

    def to_json(self) -> dict[str, Any]:
        """``{"score", "groups", "kind", "word_count", "raise_most", "checks": [...]}``; an answer that
        was not judged has no ``score`` and a ``notice`` saying why."""
        data: dict[str, Any] = {
            "score": self.score,
            "groups": dict(self.group_scores),
            "kind": self.kind,
            "word_count": self.word_count,
            "raise_most": [g.to_json() for g in self.gains],
            "checks": [c.to_json() for c in self.checks],
        }
        if self.focus:
            data["focus"] = self.focus
        if self.notice:
            del data["score"]  # no score at all, rather than a 0 that reads as judged
            data["notice"] = self.notice
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Feedback:
        """Read back :meth:`to_json`, tolerating fields that are missing or of the wrong type."""
        checks = data.get("checks")
        groups = data.get("groups")
        gains = data.get("raise_most")
        return cls(
            kind=str(data.get("kind", "general")),
            checks=(
                tuple(Check.from_json(c) for c in checks if isinstance(c, Mapping)) if isinstance(checks, list) else ()
            ),
            word_count=_int(data.get("word_count")),
            group_scores={str(k): _int(v) for k, v in groups.items()} if isinstance(groups, Mapping) else {},
            score=_int(data.get("score")),
            gains=tuple(
                Gain(str(g.get("id", "")), str(g.get("label", "")), _int(g.get("points")))
                for g in gains
                if isinstance(g, Mapping)
            )
            if isinstance(gains, list)
            else (),
            focus=str(data.get("focus", "")),
            notice=str(data.get("notice", "")),
        )


def _int(value: object) -> int:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value == value and abs(value) < 1e12:
        return round(value)
    return 0


def _enum(enum: type[_E], value: object, default: _E) -> _E:
    try:
        return enum(str(value))
    except ValueError:
        return default
