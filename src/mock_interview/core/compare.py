"""Attempts at the same question, compared check by check: what got better, what got worse."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from typing import Any, NamedTuple

from mock_interview.core.session_view import AnswerPlace, answer_places
from mock_interview.core.sessions import AnswerRecord, AnswerStatus, Session

# How good a status is; "na" (the check did not apply) has no rank: it is neither better nor worse.
_RANK = {"missing": 0, "partial": 1, "pass": 2}


class Change(Enum):
    """How one check moved from an earlier attempt to a later one."""

    SAME = "same"
    BETTER = "better"
    WORSE = "worse"
    NOW_CHECKED = "now checked"  # did not apply before (or did not exist): nothing to compare it with
    NO_LONGER_CHECKED = "no longer checked"  # applied before, does not now


def change_between(before: str, after: str) -> Change:
    """The change from status ``before`` to status ``after`` (``pass``, ``partial``, ``missing`` or ``na``)."""
    if before == after:
        return Change.SAME
    if after not in _RANK:
        return Change.NO_LONGER_CHECKED
    if before not in _RANK:
        return Change.NOW_CHECKED
    return Change.BETTER if _RANK[after] > _RANK[before] else Change.WORSE


class CheckChange(NamedTuple):
    """One check in two attempts."""

    label: str
    before: str
    after: str
    change: Change


@dataclass(frozen=True)
class Attempt:
    """One answer to a question, with the session it was given in and its place there."""

    session: Session
    answer: AnswerRecord
    place: AnswerPlace | None = None

    @property
    def title(self) -> str:
        """ "26 Nov 2026 09:24, spoken, attempt 1, set aside, score 61": when, how, which attempt, the score."""
        parts = [f"{self.answer.started:%d %b %Y %H:%M}", self.answer.source]
        if self.place is not None and self.place.attempt_label:
            parts.append(self.place.attempt_label)
        score = self.answer.question_score  # with its follow-ups: the one number Review and History show
        parts.append(f"score {score}" if score is not None else "not scored")
        return ", ".join(parts)


def attempts_by_question(sessions: Iterable[Session]) -> dict[str, list[Attempt]]:
    """``pack/question`` → every attempt at it with words in it, oldest first.

    Attempts set aside by a retry are attempts too (a retried draft may have no feedback yet:
    :func:`needs_checking`). Follow-ups and skipped answers are left out.
    """
    found: dict[str, list[Attempt]] = {}
    for session in sorted(sessions, key=lambda s: s.started):
        for answer, place in zip(session.answers, answer_places(session.answers), strict=True):
            if not answer.is_follow_up and (
                answer.counts or (answer.status == AnswerStatus.RETRIED and answer.text.strip())
            ):
                found.setdefault(answer.question_ref, []).append(Attempt(session, answer, place))
    return found


def needs_checking(attempt: Attempt) -> bool:
    """Whether the attempt has no checklist stored (a draft set aside before it was submitted)."""
    return not attempt.answer.feedback.get("checks")


def compare_checks(older_feedback: dict[str, Any], newer_feedback: dict[str, Any]) -> list[CheckChange]:
    """Every check of two attempts' feedback, in the later attempt's order, then those only the earlier had.

    Checks that applied to neither attempt are left out.
    """
    before = {c["id"]: c for c in older_feedback.get("checks", [])}
    after_ids = set()
    rows: list[CheckChange] = []
    for check in newer_feedback.get("checks", []):
        after_ids.add(check["id"])
        old_status = before[check["id"]]["status"] if check["id"] in before else "na"
        if old_status == "na" and check["status"] == "na":
            continue
        change = change_between(old_status, check["status"])
        rows.append(CheckChange(check["label"], old_status, check["status"], change))
    for check_id, check in before.items():
        if check_id not in after_ids and check["status"] != "na":
            rows.append(CheckChange(check["label"], check["status"], "na", Change.NO_LONGER_CHECKED))
    return rows
