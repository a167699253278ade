"""A question put to the user (a planned question or a follow-up), its answer time, and what submitting gives."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import NamedTuple

from mock_interview.core.feedback import Feedback, QuestionInfo
from mock_interview.core.packs import Question


def follow_up_seconds(answer_seconds: int) -> int:
    """The time to answer a follow-up: half the question's answer time, 15 s to 2 minutes.

    Never more than the question's own time (a 15-second question gets a 15-second follow-up).
    """
    return min(answer_seconds, max(15, min(120, answer_seconds // 2)))


@dataclass
class Turn:
    """One question put to the user: a planned question or a follow-up to one."""

    question: Question
    text: str
    answer_seconds: int
    follow_up_to: str = ""
    typed_fallback: bool = False  # a spoken round whose recording failed: this turn is typed

    def info(self) -> QuestionInfo:
        """What the feedback engine needs to know of this turn."""
        if self.follow_up_to:
            return replace(QuestionInfo.follow_up(self.text), answer_seconds=self.answer_seconds)
        return replace(QuestionInfo.of(self.question), answer_seconds=self.answer_seconds)


class Submitted(NamedTuple):
    """What submitting an answer gives: its feedback and the follow-up the interviewer will ask, if any."""

    feedback: Feedback
    follow_up: str | None
