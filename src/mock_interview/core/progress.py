"""Progress over time, for History's chart: scores per session, and how often one check passed.

Pure functions over sessions (and their listings); the screen draws what they return.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from mock_interview.core.session_records import Session, SessionSummary

DEFAULT_CHECK = "star.result_measurable"  # "Measurable result": the check the guide insists on most


@dataclass(frozen=True)
class ScorePoint:
    """A scored session: when, its score and its groups' scores (0-100)."""

    started: datetime
    score: int
    groups: dict[str, int]


@dataclass(frozen=True)
class CheckRate:
    """How often a check passed in one session: of the answers it applied to, how many passed it."""

    started: datetime
    passed: int
    applied: int

    @property
    def percent(self) -> float:
        """The share passed, 0 to 100."""
        return 100.0 * self.passed / self.applied if self.applied else 0.0


def score_points(summaries: Iterable[SessionSummary]) -> list[ScorePoint]:
    """The scored sessions, oldest first."""
    points = [ScorePoint(s.started, s.score, dict(s.group_scores)) for s in summaries if s.score is not None]
    return sorted(points, key=lambda p: p.started)  # stable: ties keep the listing's order


def checks_seen(sessions: Iterable[Session]) -> dict[str, str]:
    """Every check that applied to an answer, id to label, in the order first met (oldest session first)."""
    seen: dict[str, str] = {}
    for session in sorted(sessions, key=lambda s: (s.started, s.id)):
        for answer in session.question_results().values():
            for check in _checks(answer.feedback):
                check_id = check.get("id")
                if check.get("status") not in (None, "na") and isinstance(check_id, str):
                    seen.setdefault(check_id, str(check.get("label", check_id)))
    return seen


def check_rates(sessions: Iterable[Session], check_id: str) -> list[CheckRate]:
    """For each session where ``check_id`` applied (oldest first), how many of its answers passed it.

    Each question counts once, with its latest counted attempt; follow-ups are left out (they are
    checked only for the gap they asked about).
    """
    rates = []
    for session in sorted(sessions, key=lambda s: (s.started, s.id)):
        passed = applied = 0
        for answer in session.question_results().values():
            for check in _checks(answer.feedback):
                if check.get("id") == check_id and check.get("status") not in (None, "na"):
                    applied += 1
                    passed += check.get("status") == "pass"
        if applied:
            rates.append(CheckRate(session.started, passed, applied))
    return rates


def _checks(feedback: object) -> list[dict[str, object]]:
    checks = feedback.get("checks", []) if isinstance(feedback, dict) else []
    return [c for c in checks if isinstance(c, dict)] if isinstance(checks, list) else []
