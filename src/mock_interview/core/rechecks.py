"""Checking a saved answer again, as its round would have: after a correction, a new transcript, or
to compare attempts. The question is described to the checks as it was asked."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from mock_interview.core.feedback import Delivery, Feedback, QuestionInfo, analyse
from mock_interview.core.packs import Question
from mock_interview.core.sessions import AnswerRecord, Session

if TYPE_CHECKING:
    from mock_interview.core.context import AppContext


def question_info(answer: AnswerRecord, question: Question | None) -> QuestionInfo:
    """How a saved answer's question is described to the checks (as the round did), e.g. to check it again.

    Args:
        answer: The saved answer (a follow-up, or an answer to a planned question).
        question: The pack's question, or ``None`` when its pack is gone (then as it was asked).
    """
    if answer.is_follow_up:
        return replace(QuestionInfo.follow_up(answer.question_text), answer_seconds=answer.answer_seconds or 60)
    if question is None:
        return QuestionInfo(answer.question_text, answer.kind, answer.answer_seconds or 120)
    return replace(QuestionInfo.of(question), answer_seconds=answer.answer_seconds or question.answer_seconds)


def check_saved_answer(
    context: AppContext,
    session: Session,
    answer: AnswerRecord,
    *,
    text: str | None = None,
    delivery: Delivery | None = None,
) -> Feedback:
    """The checklist of a saved answer (or of ``text`` in its place), as its round would have made it.

    The session's profile is used when it still loads; deleted or broken since, the answer is
    checked without it.
    """
    from mock_interview.core.tomlschema import InvalidFileError

    info = question_info(answer, context.packs.find_question(answer.question_ref))
    profile = None
    if session.profile:
        try:
            profile = context.profiles.load(session.profile)
        except InvalidFileError:
            profile = None
    return analyse(answer.text if text is None else text, info, profile=profile, delivery=delivery)
