"""The statuses of a practice session and of each answer in it, each defined once.

A session file stores them as their values (``status = "timed_out"``); the fields of
:mod:`mock_interview.core.session_records` hold the members, and
:mod:`mock_interview.core.session_schema` takes the values a file may hold from here. The module
imports nothing beyond the standard library, so the schema and the records can both import it.
"""

from __future__ import annotations

from enum import StrEnum


class SessionStatus(StrEnum):
    """Where a practice round stands."""

    IN_PROGRESS = "in_progress"  # running, or left before its end: it can be resumed
    COMPLETED = "completed"  # every planned question was answered or skipped
    ENDED_EARLY = "ended_early"  # the user ended it before its last question


class AnswerStatus(StrEnum):
    """What became of one answer."""

    ANSWERED = "answered"
    SKIPPED = "skipped"  # skipped, or a recording kept without words yet (it can be transcribed again)
    TIMED_OUT = "timed_out"  # the clock ran out; the words given count
    IN_PROGRESS = "in_progress"  # being answered (the draft of a running round)
    RETRIED = "retried"  # an attempt set aside when the user started the question again; its text is kept

    @property
    def counts(self) -> bool:
        """Whether an answer with this status counts for scores and totals (if it has words)."""
        return self in (AnswerStatus.ANSWERED, AnswerStatus.TIMED_OUT)
