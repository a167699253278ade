"""A session as the user reads it: answers numbered by question, retried attempts, notes, the status in words.

A retried attempt was numbered as an extra question under "3 of 3 questions", its note was saved
under the discarded attempt, and a round with every question skipped was listed as "completed".
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from mock_interview.core.report import session_to_markdown
from mock_interview.core.session_view import answer_places, status_shown
from mock_interview.core.sessions import AnswerRecord, AnswerStatus, Session, SessionStatus

START = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


def answer(
    ref: str,
    text: str = "An answer.",
    status: AnswerStatus = AnswerStatus.ANSWERED,
    follow_up: bool = False,
    reflection: str = "",
) -> AnswerRecord:
    return AnswerRecord(
        ref,
        f"Question {ref}?",
        "behavioral",
        START,
        START + timedelta(seconds=30),
        120,
        text,
        status=status,
        follow_up_to=ref if follow_up else "",
        reflection=reflection,
    )


def session_of(*answers: AnswerRecord) -> Session:
    plan = list(dict.fromkeys(a.question_ref for a in answers))
    return Session(
        id="20261126-090000-aaaa",
        started=START,
        packs=["p"],
        plan=plan,
        status=SessionStatus.COMPLETED,
        answers=list(answers),
    )


def test_attempts_at_one_question_share_its_number():
    answers = [
        answer("p/a"),
        answer("p/b", "Draft.", AnswerStatus.RETRIED),
        answer("p/b"),
        answer("p/b", "More.", follow_up=True),
        answer("p/c"),
        answer("p/c", "Again, better."),
    ]
    places = answer_places(answers)
    assert [p.number for p in places] == [1, 2, 2, 2, 3, 3]
    assert [p.attempt_label for p in places] == [
        "",
        "attempt 1, set aside",
        "attempt 2",
        "",
        "attempt 1, set aside",
        "attempt 2",
    ]
    assert places[3].follow_up and places[3].attempt == 2  # it follows the second attempt


def test_a_note_goes_with_the_attempt_that_counts():
    answers = [answer("p/b", "Draft.", AnswerStatus.RETRIED), answer("p/b"), answer("p/b", "More.", follow_up=True)]
    places = answer_places(answers)
    assert [p.note_index for p in places] == [1, 1, 2]  # the follow-up keeps its own


def test_a_note_already_kept_with_a_set_aside_attempt_stays_there():
    answers = [answer("p/b", "Draft.", AnswerStatus.RETRIED, reflection="Written before."), answer("p/b")]
    assert [p.note_index for p in answer_places(answers)] == [0, 1]


def test_when_no_attempt_counts_the_note_goes_with_the_last():
    answers = [answer("p/b", "Draft.", AnswerStatus.RETRIED), answer("p/b", "", AnswerStatus.SKIPPED)]
    places = answer_places(answers)
    assert [p.note_index for p in places] == [1, 1]
    assert places[1].attempt_label == "attempt 2"  # skipped, not set aside: it simply has no answer


def test_the_report_numbers_by_question_with_each_attempt_under_it():
    session = session_of(answer("p/a"), answer("p/b", "Draft.", AnswerStatus.RETRIED), answer("p/b", "The answer."))
    report = session_to_markdown(session)
    assert "## 1. Question p/a?" in report and "## 2. Question p/b?" in report and "## 3." not in report
    assert report.index("### Attempt 1, set aside") < report.index("> Draft.") < report.index("### Attempt 2")
    assert "- Answered: 2 of 2 questions" in report


def test_a_round_with_nothing_answered_is_called_skipped():
    assert status_shown(SessionStatus.COMPLETED, 0) == "skipped"
    assert status_shown(SessionStatus.COMPLETED, 2) == "completed"
    assert status_shown(SessionStatus.ENDED_EARLY, 0) == "ended early"
    report = session_to_markdown(session_of())
    assert "- Status: skipped" in report and "No answers were given" in report
