"""A question's score: its latest answer checked together with its follow-ups.

The interviewer's follow-up is part of its question, so the question's score reads the answer and
its follow-ups as one answer; but a follow-up that misses what it asked for never raises it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from mock_interview.core.feedback import Delivery, QuestionInfo, analyse
from mock_interview.core.session_records import AnswerRecord, Session

if TYPE_CHECKING:
    from mock_interview.core.packs import Question
    from mock_interview.core.profiles import Profile

EXTRA_WORDS_PER_FOLLOW_UP = 150  # what a follow-up's answer may add to the question's length window


def follow_up_answered(answer: AnswerRecord) -> bool:
    """Whether a follow-up's answer gave what the follow-up asked for (its focus check passed)."""
    for check in answer.feedback.get("checks", ()):
        if isinstance(check, dict) and check.get("id") == "followup.answered":
            return bool(check.get("status") == "pass")
    return True  # not checked (an old session): nothing says it failed


def question_score(session: Session, ref: str) -> int | None:
    """The score the session counts for question ``ref``: its latest counted answer, with its follow-ups."""
    main = next(
        (a for a in reversed(session.answers) if a.question_ref == ref and not a.is_follow_up and a.counts), None
    )
    return main.question_score if main is not None else None


def score_with_follow_ups(session: Session, question: Question, profile: Profile | None) -> None:
    """Check the latest answer to ``question`` with its follow-ups as one answer; kept in its ``with_follow_ups``."""
    ref = question.ref
    answers = session.answers
    main_index = next(
        (i for i in range(len(answers) - 1, -1, -1) if answers[i].question_ref == ref and not answers[i].is_follow_up),
        None,
    )
    if main_index is None:
        return
    combined = with_follow_ups(
        answers[main_index], follow_ups_of(answers, main_index), QuestionInfo.of(question), profile
    )
    if combined:
        answers[main_index].with_follow_ups = combined


def main_answer_index(answers: Sequence[AnswerRecord], index: int) -> int:
    """The index of the main answer whose question the answer at ``index`` belongs to (itself for a main answer).

    A follow-up belongs to the latest attempt at its question before it; one with no such
    attempt (a damaged file) belongs to itself.
    """
    answer = answers[index]
    if not answer.is_follow_up:
        return index
    return next(
        (
            i
            for i in range(index - 1, -1, -1)
            if answers[i].question_ref == answer.follow_up_to and not answers[i].is_follow_up
        ),
        index,
    )


def follow_ups_of(answers: Sequence[AnswerRecord], main_index: int) -> list[AnswerRecord]:
    """The counted follow-ups of the main answer at ``main_index``: after it, up to the question's next attempt."""
    ref = answers[main_index].question_ref
    follow_ups: list[AnswerRecord] = []
    for answer in answers[main_index + 1 :]:
        if answer.question_ref == ref and not answer.is_follow_up:
            break  # the question asked again: what follows belongs to that attempt
        if answer.follow_up_to == ref and answer.counts:
            follow_ups.append(answer)
    return follow_ups


def with_follow_ups(
    main: AnswerRecord, follow_ups: Sequence[AnswerRecord], info: QuestionInfo, profile: Profile | None
) -> dict[str, Any]:
    """The score and groups of ``main`` checked together with its ``follow_ups`` (``{}`` when there is
    nothing to put together: no follow-up, or a main answer that does not count).

    Args:
        main: The answer to the question, with its checklist (``feedback``) as it stands.
        follow_ups: Its counted follow-ups, in order, with theirs.
        info: The question as the checks see it (its time and length window grow with the follow-ups).
        profile: The target profile the answers are checked against.
    """
    if not main.text.strip() or not main.status.counts or not follow_ups:
        return {}
    parts = [main, *follow_ups]
    info = replace(
        info,
        answer_seconds=sum(a.answer_seconds for a in parts),
        max_words=info.max_words + EXTRA_WORDS_PER_FOLLOW_UP * len(follow_ups) if info.max_words else None,
    )
    delivery = None
    if all(a.words for a in parts):
        words: list[tuple[str, float, float]] = []
        offset = 0.0
        for part in parts:
            words += [(w, s + offset, e + offset) for w, s, e in part.words]
            offset += part.duration_seconds or (part.words[-1][2] if part.words else 0.0)
        delivery = Delivery(tuple(words), offset, float(info.answer_seconds))
    combined = analyse("\n\n".join(a.text.strip() for a in parts), info, profile=profile, delivery=delivery)
    score, groups = combined.score, dict(combined.group_scores)
    if not all(follow_up_answered(a) for a in follow_ups):
        # a follow-up that misses what it asked for never raises the question's score: its words
        # can tick checks of the question, but the interviewer heard the question dodged
        own = main.feedback.get("groups") or {}
        if score is not None and main.score is not None:
            score = min(score, main.score)
        groups = {g: min(v, own[g]) if isinstance(own.get(g), (int, float)) else v for g, v in groups.items()}
    return {"score": score, "groups": groups}
