"""A session as the user reads it: questions numbered once, attempts at the same question, the notes.

A retry keeps the earlier attempt in the record (set aside, or superseded by the new answer), so
a session's answers are not one per question. Review, the Markdown report and Compare number
answers by question ("3. …" for every attempt at the third question, "(attempt 1, set aside)"),
and a reflection note belongs to the question, not to an attempt that was set aside.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from mock_interview.core.session_records import AnswerRecord
from mock_interview.core.session_statuses import AnswerStatus, SessionStatus

SKIPPED_ROUND = AnswerStatus.SKIPPED.value  # a round that ran to its end with nothing answered: as its answers


def status_shown(status: SessionStatus, answered: int) -> str:
    """A session's status in words: completed, ended early, in progress, or skipped.

    Args:
        status: The stored status.
        answered: How many questions and follow-ups were answered.

    Returns:
        :data:`SKIPPED_ROUND` for a round that ran to its end with every question skipped: calling it
        completed would read as if something had been answered.
    """
    if status == SessionStatus.COMPLETED and answered == 0:
        return SKIPPED_ROUND
    return status.replace("_", " ")


@dataclass(frozen=True)
class AnswerPlace:
    """Where an answer stands in its session."""

    number: int  # the question's number in the session, from 1; a follow-up has its question's number
    attempt: int  # which attempt at the question, from 1; a follow-up has the attempt it follows
    attempts: int  # how many attempts the question had in the session
    follow_up: bool
    set_aside: bool  # an attempt that does not count: retried, or answered and then answered again
    note_index: int  # the answer whose reflection note goes with this one (see :func:`answer_places`)

    @property
    def attempt_label(self) -> str:
        """``"attempt 1, set aside"``, ``"attempt 2"``; ``""`` for a question answered once and a follow-up kept."""
        if self.follow_up:
            return "set aside" if self.set_aside else ""
        if self.attempts == 1 and not self.set_aside:
            return ""
        return f"attempt {self.attempt}" + (", set aside" if self.set_aside else "")


def answer_places(answers: Sequence[AnswerRecord]) -> list[AnswerPlace]:
    """The place of each answer, in the order given.

    Questions are numbered in the order they were first asked; every attempt at a question, and
    its follow-ups, carry that number. The attempt that counts is the last counted one (as for
    scores); earlier counted attempts and retried drafts are set aside.

    A note goes with the question: every attempt at it shows and edits the note of the attempt
    that counts (or of its last attempt, if none counts), except an attempt that was set aside
    with a note of its own already written (older sessions kept notes there). A follow-up keeps
    its own note.
    """
    numbers: dict[str, int] = {}
    attempt_of: list[int] = []
    attempts: dict[str, int] = {}
    latest_main: dict[str, int] = {}
    counted: dict[str, int] = {}
    for index, answer in enumerate(answers):
        ref = answer.question_ref
        numbers.setdefault(ref, len(numbers) + 1)
        if answer.is_follow_up:
            attempt_of.append(attempts.get(ref, 1))
            continue
        attempts[ref] = attempts.get(ref, 0) + 1
        attempt_of.append(attempts[ref])
        latest_main[ref] = index
        if answer.counts:
            counted[ref] = index
    places = []
    for index, answer in enumerate(answers):
        ref = answer.question_ref
        note_of_question = counted.get(ref, latest_main.get(ref, index))
        if answer.is_follow_up:  # a follow-up is retried as a follow-up: the new answer follows it
            set_aside, note_index = answer.status == AnswerStatus.RETRIED, index
        else:
            set_aside = answer.status == AnswerStatus.RETRIED or (answer.counts and counted.get(ref) != index)
            note_index = index if set_aside and answer.reflection.strip() else note_of_question
        places.append(
            AnswerPlace(
                number=numbers[ref],
                attempt=attempt_of[index],
                attempts=attempts.get(ref, 1),
                follow_up=answer.is_follow_up,
                set_aside=set_aside,
                note_index=note_index,
            )
        )
    return places
