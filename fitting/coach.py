"""A career coach's verdicts on the checklist, and the measures the feedback is judged by against them.

The verdicts (``../shared/data/verdicts-dev.jsonl``, one a line: ``id``, ``check``, ``engine``,
``truth``, ``reason``) say, for each answer of ``answers-dev.jsonl`` and each check the app gave at
the time, whether the element is present (``pass``; for a pitfall: the pitfall is absent), absent
(``missing``; for a pitfall: it is there) or half there (``partial``). Rows whose check starts with
``extra.`` name pitfalls the app had no check for then; :data:`EXTRA_PITFALLS` says which of
today's checks answer for each.

Like the answers, the verdicts stay outside the project: this module only reads them.

Measures (each next to a trivial baseline computed on the same rows):

- *verdict accuracy*: of the app's definite verdicts (✔ or ✘), the share the coach gives the same
  status (strict: a coach's ``partial`` counts as a disagreement), the share with a coach's
  ``partial`` counted half, the share on the verdicts both call clearly present or absent (where a
  second coach, labelling blind, agreed with the first every time), and the plain three-way
  agreement over every row the app decided;
- *pitfall recall and false alarms*: of the pitfalls the coach found (``missing``), the share the
  app flags (``missing`` or ``partial``); of the answers the coach found free of a pitfall
  (``pass``), the share the app flags anyway;
- *tips at present elements*: of the "raise it most" items, the share whose element the coach
  says is there.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from fitting.realdata import ROOT

DEFAULT_VERDICTS = ROOT.parent / "shared" / "data" / "verdicts-dev.jsonl"
DECIDED = ("pass", "partial", "missing")

# The checks that answer for a pitfall the verdicts name but the app had no check for at the time
# (the verdicts are keyed by check id: keep ids stable; when a check is split, merged or renamed,
# say here and in RENAMED which checks answer for the old id).
EXTRA_PITFALLS: dict[str, tuple[str, ...]] = {
    "extra.any_job": ("pitfalls.any_job",),
    "extra.wants_interviewers_job": ("pitfalls.unrealistic",),
    "extra.hypothetical": ("specificity.example",),
    "extra.evasive": ("answer.relevance",),
    "extra.inflexible": ("pitfalls.unrealistic",),
    "extra.excuses": ("pitfalls.negativity", "answer.relevance"),
    "extra.unfocused": ("pitfalls.inconsistent",),
    "extra.personal_life": ("pitfalls.personal",),
    "extra.irrelevant_detail": ("answer.relevance", "pitfalls.personal"),
    "extra.arrogance": ("weakness.named",),
    "extra.no_research": ("fit.why_company",),
    "extra.flippant": ("pitfalls.generic",),
    "extra.trivial_example": ("specificity.example",),
    "extra.superficial_motive": ("pitfalls.generic",),
    "extra.dealbreaker_weakness": ("weakness.mitigation",),
    "extra.negative_framing": ("pitfalls.negativity",),
}
# Old check id -> the checks that answer for it now (none renamed yet).
RENAMED: dict[str, tuple[str, ...]] = {}


@dataclass(frozen=True)
class Verdict:
    """The coach's verdict on one check of one answer."""

    answer_id: str
    check: str
    engine: str
    truth: str
    reason: str = ""

    @property
    def is_pitfall(self) -> bool:
        """Whether the row is about a pitfall (``missing`` then means the pitfall is there)."""
        return self.check.startswith(("pitfalls.", "extra."))


def load_verdicts(path: Path = DEFAULT_VERDICTS) -> list[Verdict]:
    """Every verdict of a JSON-lines file."""
    verdicts = []
    for line in path.read_text("utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            verdicts.append(
                Verdict(row["id"], row["check"], row.get("engine", "na"), row["truth"], row.get("reason") or "")
            )
    return verdicts


def checks_for(check_id: str) -> tuple[str, ...]:
    """The checks of today's app that answer for a verdict's ``check_id``."""
    if check_id in EXTRA_PITFALLS:
        return EXTRA_PITFALLS[check_id]
    return RENAMED.get(check_id, (check_id,))


@dataclass
class Agreement:
    """Counts behind the verdict measures of one check (or of all)."""

    definite: int = 0  # the app said ✔ or ✘ (and the coach decided)
    strict_right: int = 0  # ... and the coach said the same
    half_right: float = 0.0  # ... with a coach's partial counted half
    decided: int = 0  # the app said ✔, ◐ or ✘
    same: int = 0  # ... and the coach said the same of the three
    clear: int = 0  # both said ✔ or ✘ (where a second coach agreed with the first every time)
    clear_right: int = 0  # ... and the same one

    def add(self, ours: str, truth: str) -> None:
        """Count one verdict: ``ours`` from the app, ``truth`` from the coach."""
        if ours not in DECIDED or truth not in DECIDED:
            return
        self.decided += 1
        self.same += ours == truth
        if ours == "partial":
            return
        if truth != "partial":
            self.clear += 1
            self.clear_right += ours == truth
        self.definite += 1
        self.strict_right += ours == truth
        self.half_right += 1.0 if ours == truth else 0.5 if truth == "partial" else 0.0

    @property
    def strict(self) -> float:
        """Share of definite verdicts the coach agrees with."""
        return self.strict_right / self.definite if self.definite else 0.0

    @property
    def half(self) -> float:
        """The same, with the coach's partial counted half right."""
        return self.half_right / self.definite if self.definite else 0.0

    @property
    def clear_share(self) -> float:
        """Share of the verdicts both call clearly present or absent on which they agree."""
        return self.clear_right / self.clear if self.clear else 0.0

    @property
    def three_way(self) -> float:
        """Share of every decided verdict (partials too) that matches the coach's."""
        return self.same / self.decided if self.decided else 0.0


@dataclass
class CoachResult:
    """The coach measures of one run."""

    overall: Agreement = field(default_factory=Agreement)
    by_check: dict[str, Agreement] = field(default_factory=lambda: defaultdict(Agreement))
    pitfalls_present: int = 0
    pitfalls_flagged: int = 0
    pitfalls_absent: int = 0
    false_alarms: int = 0
    missed: list[tuple[str, str, str]] = field(default_factory=list)  # answer, check, coach's reason
    alarms: list[tuple[str, str]] = field(default_factory=list)  # answer, check
    tips: int = 0
    tips_at_present: int = 0
    tips_at_present_list: list[tuple[str, str]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        """Share of the coach's pitfalls the app flags."""
        return self.pitfalls_flagged / self.pitfalls_present if self.pitfalls_present else 0.0

    @property
    def false_alarm_rate(self) -> float:
        """Share of pitfall-free verdicts the app flags anyway."""
        return self.false_alarms / self.pitfalls_absent if self.pitfalls_absent else 0.0

    @property
    def tips_present_rate(self) -> float:
        """Share of "raise it most" items whose element the coach says is there."""
        return self.tips_at_present / self.tips if self.tips else 0.0


def _flag(statuses: Iterable[str]) -> bool:
    return any(s in ("missing", "partial") for s in statuses)


def measure(
    verdicts: Sequence[Verdict], statuses: Mapping[str, Mapping[str, str]], gains: Mapping[str, Sequence[str]]
) -> CoachResult:
    """The coach measures for the app's ``statuses`` (answer id -> check id -> status) and its
    "raise it most" items (answer id -> check ids), over the answers that have verdicts."""
    result = CoachResult()
    truth_of: dict[tuple[str, str], str] = {}
    for verdict in verdicts:
        if verdict.answer_id not in statuses:
            continue
        ours_by_check = statuses[verdict.answer_id]
        answering = checks_for(verdict.check)
        truth_of[(verdict.answer_id, verdict.check)] = verdict.truth
        if verdict.is_pitfall:
            flagged = _flag(ours_by_check.get(c, "na") for c in answering)
            if verdict.truth == "missing":
                result.pitfalls_present += 1
                result.pitfalls_flagged += flagged
                if not flagged:
                    result.missed.append((verdict.answer_id, verdict.check, verdict.reason))
            elif verdict.truth == "pass":
                result.pitfalls_absent += 1
                result.false_alarms += flagged
                if flagged:
                    result.alarms.append((verdict.answer_id, verdict.check))
        if verdict.check.startswith("extra."):
            continue  # no status of ours to agree with, only a flag
        ours = ours_by_check.get(answering[0], "na")
        result.overall.add(ours, verdict.truth)
        result.by_check[verdict.check].add(ours, verdict.truth)
    for answer_id, items in gains.items():
        for check_id in items:
            truth = truth_of.get((answer_id, check_id))
            if truth is None:
                continue
            result.tips += 1
            if truth == "pass":
                result.tips_at_present += 1
                result.tips_at_present_list.append((answer_id, check_id))
    return result


def majority_baseline(verdicts: Sequence[Verdict], group_of: Mapping[str, str]) -> CoachResult:
    """A trivial baseline: each check always says what the coach said most often for that check on
    the other groups (hosts) of answers."""
    statuses: dict[str, dict[str, str]] = defaultdict(dict)
    for group in sorted(set(group_of.values())):
        counts: dict[str, Counter[str]] = defaultdict(Counter)
        for v in verdicts:
            if group_of.get(v.answer_id) != group and not v.check.startswith("extra."):
                counts[v.check][v.truth] += 1
        for v in verdicts:
            if group_of.get(v.answer_id) == group and v.check in counts:
                statuses[v.answer_id][v.check] = counts[v.check].most_common(1)[0][0]
    return measure(verdicts, statuses, {})


def always_pass_baseline(verdicts: Sequence[Verdict]) -> CoachResult:
    """A trivial baseline: every element present, no pitfall anywhere."""
    statuses: dict[str, dict[str, str]] = defaultdict(dict)
    for v in verdicts:
        statuses[v.answer_id][v.check] = "pass"
    return measure(verdicts, statuses, {})
