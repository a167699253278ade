"""How a :class:`Feedback` reads, in one place: the status marks, the line each check shows, the
score line and the items that would raise it. The app's panel, Review, Compare, the Markdown
report and the ``score`` command all render these rows; only their styling differs.

Plain text only: the front ends decide how to style it (each has its own colour for a status:
``cli/output.py`` and ``tui/styles.py``), and must treat every string here as data (it holds words
of the answer and of the user's profile).
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from dataclasses import dataclass

from mock_interview.core.feedback.results import Check, Feedback, Group, Status

STATUS_MARKS: dict[Status, str] = {Status.PASS: "✔", Status.PARTIAL: "◐", Status.MISSING: "✘", Status.NA: "·"}
STATUS_WORDS: dict[Status, str] = {
    Status.PASS: "passed",
    Status.PARTIAL: "partly",
    Status.MISSING: "missing",
    Status.NA: "does not apply",
}
GROUP_TITLES: dict[str, str] = {g.value: g.value.capitalize() for g in Group}
EVIDENCE_SHOWN = 3
EVIDENCE_WIDTH = 60  # characters of each piece of evidence in a row, cut at a word


@dataclass(frozen=True)
class CheckRow:
    """One check as a line of the checklist."""

    check: Check
    mark: str
    status: Status  # the front ends colour the mark by it
    label: str
    group: str
    detail: str  # the check's detail, else its first pieces of evidence
    tip: str  # empty when the check passed


def mark_of(status: str) -> str:
    """The mark of a status (✔ ◐ ✘ ·)."""
    return STATUS_MARKS.get(_status(status), "·")


def _status(value: str) -> Status:
    try:
        return Status(value)
    except ValueError:
        return Status.NA


def clip(text: str, width: int = EVIDENCE_WIDTH) -> str:
    """``text`` on one line, cut at a word with "…" when longer than ``width`` (a single long word is cut inside)."""
    line = " ".join(text.split())
    if len(line) <= width:
        return line
    cut = textwrap.shorten(line, width, placeholder="…")
    return cut if cut != "…" else line[: width - 1] + "…"


def check_row(check: Check) -> CheckRow:
    """The line a check shows."""
    detail = check.detail or "; ".join(clip(e.text) for e in check.evidence[:EVIDENCE_SHOWN])
    status = _status(check.status)
    return CheckRow(
        check,
        STATUS_MARKS[status],
        status,
        check.label,
        str(check.group),
        detail,
        "" if status == Status.PASS else check.tip,
    )


def rows(feedback: Feedback, *, include_na: bool = True) -> Iterator[CheckRow]:
    """Every check of the feedback as a row, in checklist order."""
    for check in feedback.checks:
        if include_na or check.status != Status.NA:
            yield check_row(check)


def score_line(feedback: Feedback) -> str:
    """ "Score 72/100 · structure 93 · specificity 80 · 47 words" (or why it was not scored)."""
    if not feedback.scored:
        return f"Not scored · {feedback.word_count} words · {feedback.notice}"
    groups = " · ".join(f"{group} {value}" for group, value in feedback.group_scores.items())
    return (
        f"Score {feedback.score}/100 · {groups} · {feedback.word_count} words"
        if groups
        else f"Score {feedback.score}/100 · {feedback.word_count} words"
    )


def gains_line(feedback: Feedback) -> str:
    """ "To raise it most: Result (+12), Numbers and metrics (+6)" ("" when nothing would)."""
    if not feedback.gains:
        return ""
    return "To raise it most: " + ", ".join(f"{g.label} (+{g.points})" if g.points else g.label for g in feedback.gains)
