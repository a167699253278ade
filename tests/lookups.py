"""Typed look-ups for tests: the thing asked for, or a failed assertion that names what is missing.

The core's look-ups return ``None`` for an unknown id (``Feedback.by_id``, ``PackLoadReport.by_id``,
``find_question``), which is right for callers that must handle it; a test expects the thing to be
there, and should fail saying which one was not, rather than with ``'NoneType' has no attribute``.
"""

from __future__ import annotations

from typing import TypeVar

from mock_interview.core.feedback import Check, Feedback
from mock_interview.core.packs import Pack, PackLoadReport, Question
from mock_interview.core.rounds import Phase, Round, Turn
from mock_interview.core.sessions import AnswerRecord

T = TypeVar("T")


def present(value: T | None, what: str) -> T:
    """``value``, asserting that it is there (``what`` names it in the failure)."""
    assert value is not None, f"{what} is missing"
    return value


def check_of(feedback: Feedback, check_id: str) -> Check:
    """The check ``check_id`` of ``feedback``."""
    return present(feedback.by_id(check_id), f"check {check_id!r}")


def pack_of(report: PackLoadReport, pack_id: str) -> Pack:
    """The loaded pack ``pack_id``."""
    return present(report.by_id(pack_id), f"pack {pack_id!r}")


def question_of(report: PackLoadReport, ref: str) -> Question:
    """The question ``ref`` (``pack/question`` or a unique question id) of the loaded packs."""
    return present(report.find_question(ref), f"question {ref!r}")


def phase_of(round_: Round) -> Phase:
    """The round's phase, read afresh.

    ``assert round_.phase is Phase.READY`` narrows ``round_.phase`` for mypy until the end of the
    test, method calls that change it included; reading it through a call is not narrowed.
    """
    return round_.phase


def turn_of(round_: Round) -> Turn:
    """The round's current turn."""
    return present(round_.turn, "the round's current turn")


def draft_of(round_: Round) -> AnswerRecord:
    """The answer being written in the round."""
    return present(round_.draft, "the round's draft answer")
