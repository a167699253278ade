"""Checking a saved answer again, as its round would have: after a correction, a new transcript, or
to compare attempts. The question is described to the checks as it was asked, and what reads the
answer (its question's score with the follow-ups) is made again with it."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from mock_interview.core.feedback import Delivery, Feedback, QuestionInfo, analyse
from mock_interview.core.packs import Question
from mock_interview.core.question_scores import follow_ups_of, main_answer_index, with_follow_ups
from mock_interview.core.sessions import AnswerRecord, Session

if TYPE_CHECKING:
    from mock_interview.core.context import AppContext
    from mock_interview.core.profiles import Profile


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
    info = question_info(answer, context.packs.find_question(answer.question_ref))
    profile = _profile(context, session)
    return analyse(answer.text if text is None else text, info, profile=profile, delivery=delivery)


def _profile(context: AppContext, session: Session) -> Profile | None:
    """The session's profile, or ``None`` when it has none or it no longer loads."""
    from mock_interview.core.tomlschema import InvalidFileError

    if not session.profile:
        return None
    try:
        return context.profiles.load(session.profile)
    except InvalidFileError:
        return None


@dataclass(frozen=True)
class Rechecked:
    """A saved answer checked again with new words, and what depends on it: the score of its
    question with the follow-ups (kept on the question's main answer), made again with them."""

    index: int  # the answer, in the session's answers
    text: str
    feedback: dict[str, Any]
    main_index: int | None = None  # the question's main answer, when it has a score with follow-ups
    with_follow_ups: dict[str, Any] = field(default_factory=dict)


def recheck_answer(
    context: AppContext, session: Session, index: int, text: str, delivery: Delivery | None = None
) -> Rechecked:
    """The answer at ``index`` checked again as ``text``, with everything that reads it checked again too.

    A main answer's words are part of its question's score with the follow-ups, and a follow-up's
    verdict ("Answers the follow-up") and words are too: that score is made again with the new
    text in place. (A follow-up's own checklist reads only its own words and question, so the
    follow-ups' checklists stand.) Nothing in ``session`` changes: this runs in a worker, and
    :func:`apply_correction` puts the result in.
    """
    answers = list(session.answers)
    feedback = check_saved_answer(context, session, answers[index], text=text, delivery=delivery).to_json()
    answers[index] = replace(answers[index], text=text, feedback=feedback)
    main_index = main_answer_index(answers, index)
    main = answers[main_index]
    if main.is_follow_up or not main.with_follow_ups and not follow_ups_of(answers, main_index):
        return Rechecked(index, text, feedback)
    info = question_info(main, context.packs.find_question(main.question_ref))
    combined = with_follow_ups(main, follow_ups_of(answers, main_index), info, _profile(context, session))
    return Rechecked(index, text, feedback, main_index, combined)


def apply_correction(session: Session, rechecked: Rechecked) -> None:
    """Put a corrected transcript and what was checked again into ``session`` (the recognised
    transcript is kept in ``original_text``)."""
    answer = session.answers[rechecked.index]
    if not answer.original_text:
        answer.original_text = answer.text
    answer.text = rechecked.text
    answer.feedback = rechecked.feedback
    if rechecked.main_index is not None:
        session.answers[rechecked.main_index].with_follow_ups = rechecked.with_follow_ups
