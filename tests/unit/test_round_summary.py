"""The round summary: best and weakest question, the fix worth most, the time used."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from mock_interview.core.report import session_to_markdown
from mock_interview.core.session_records import AnswerRecord, Session
from mock_interview.core.sessions import SessionStatus
from mock_interview.core.summary import summarise

START = datetime(2026, 12, 1, 9, 0).astimezone()


def answer(ref: str, score: int, seconds: int, gains: tuple[tuple[str, str, int], ...] = (), **options) -> AnswerRecord:
    started = options.pop("started", START)
    status = options.pop("status", "answered")
    return AnswerRecord(
        question_ref=ref,
        question_text=f"Question {ref}?",
        kind="behavioral",
        started=started,
        ended=started + timedelta(seconds=seconds),
        answer_seconds=120,
        text="An answer.",
        status=status,
        feedback={
            "score": score,
            "groups": {},
            "raise_most": [{"id": i, "label": label, "points": points} for i, label, points in gains],
            "checks": [],
        },
        **options,
    )


def session_of(*answers: AnswerRecord, minutes: int = 10) -> Session:
    return Session(
        id="20261201-090000-abcd",
        started=START,
        ended=START + timedelta(minutes=minutes),
        status=SessionStatus.COMPLETED,
        plan=[a.question_ref for a in answers if not a.is_follow_up],
        answers=list(answers),
    )


def test_best_weakest_fix_and_time():
    session = session_of(
        answer("p/a", 72, 60, (("star.result", "Result", 9),)),
        answer("p/b", 40, 90, (("specificity.numbers", "Numbers and metrics", 14), ("star.task", "Task", 5))),
        answer("p/c", 88, 45),
        answer("p/b", 0, 30, follow_up_to="p/b"),  # a follow-up's time counts; it is not a question
    )
    summary = summarise(session)
    assert summary.best and summary.weakest and summary.top_fix
    assert (summary.best.ref, summary.best.score) == ("p/c", 88)
    assert (summary.weakest.ref, summary.weakest.score) == ("p/b", 40)
    fix = summary.top_fix
    assert (fix.ref, fix.label, fix.points) == ("p/b", "Numbers and metrics", 14)
    assert round(fix.session_points, 2) == round(14 / 3, 2)
    assert summary.answering_seconds == 60 + 90 + 45 + 30 and summary.round_seconds == 600
    assert summary.questions == 3
    lines = summary.lines()
    assert lines[0].startswith("Best: “Question p/c?” 88/100")
    assert "Numbers and metrics" in lines[2] and "+14 on that question, +5 on the round" in lines[2]
    assert lines[3] == "Time used: 3 min 45 s answering, 10 min 00 s in all."


def test_one_question_is_not_both_best_and_weakest_and_no_answer_says_so():
    single = summarise(session_of(answer("p/a", 70, 20)))
    assert single.weakest is None and single.lines()[0] == "Scored: “Question p/a?” 70/100."
    empty = summarise(session_of())
    assert empty.best is None and empty.lines() == ["No answer was scored in this round."]
    assert empty.to_json()["top_fix"] is None


def test_a_retried_question_counts_its_latest_attempt():
    first = answer("p/a", 20, 30, (("star.result", "Result", 30),), status="retried")
    latest = answer("p/a", 80, 40, started=START + timedelta(minutes=1))
    summary = summarise(session_of(first, latest, answer("p/b", 60, 10)))
    assert summary.best and summary.weakest
    assert summary.best.score == 80 and summary.weakest.ref == "p/b" and summary.top_fix is None


def test_the_markdown_export_carries_the_summary(tmp_path: Path):
    session = session_of(answer("p/a", 72, 60, (("star.result", "Result", 9),)), answer("p/b", 40, 90))
    text = session_to_markdown(session)
    assert "**Summary**" in text
    assert "- Best: “Question p/a?” 72/100." in text and "- Weakest: “Question p/b?” 40/100." in text
    assert "The fix worth most: Result in “Question p/a?”" in text
    assert text.index("**Summary**") < text.index("## 1.")
