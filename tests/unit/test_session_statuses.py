"""Session and answer statuses: enums in memory, their plain values in the file, unknown ones reported.

The statuses were strings until they became ``StrEnum``s; files written before (and by any other
version) must read the same, and a file written now must be byte for byte what the strings wrote.
"""

from __future__ import annotations

import tomllib
from datetime import datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any

import pytest
import tomli_w

from mock_interview.core.sessions import (
    AnswerRecord,
    AnswerStatus,
    Session,
    SessionFileError,
    SessionStatus,
    SessionStore,
)
from tests.hostile import write_session

SID = "20250101-100000-aaaa"
STARTED = datetime.fromisoformat("2025-01-01T10:00:00+01:00")


def session_with_every_answer_status(status: SessionStatus) -> Session:
    """A session in ``status`` with one answer in each answer status."""
    answers = [
        AnswerRecord(
            question_ref=f"career-goals/q{position}",
            question_text=f"Question {position}?",
            kind="goals",
            started=STARTED + timedelta(minutes=position),
            ended=STARTED + timedelta(minutes=position, seconds=40),
            answer_seconds=120,
            text=f"Answer {position}, with words." if answer_status != AnswerStatus.SKIPPED else "",
            status=answer_status,
        )
        for position, answer_status in enumerate(AnswerStatus)
    ]
    return Session(
        id=SID,
        started=STARTED,
        packs=["career-goals"],
        plan=[a.question_ref for a in answers],
        status=status,
        answers=answers,
    )


@pytest.mark.parametrize("status", list(SessionStatus))
def test_every_status_round_trips_as_the_enum(tmp_path: Path, status: SessionStatus):
    store = SessionStore(tmp_path / "sessions")
    path = store.save(session_with_every_answer_status(status))
    loaded = store.load(SID)
    assert type(loaded.status) is SessionStatus and loaded.status is status
    assert [type(a.status) for a in loaded.answers] == [AnswerStatus] * len(AnswerStatus)
    assert [a.status for a in loaded.answers] == list(AnswerStatus)
    (summary,), problems = store.list()
    assert problems == [] and type(summary.status) is SessionStatus and summary.status is status
    # the file holds the plain values, as strings wrote them
    data = tomllib.loads(path.read_text("utf-8"))
    assert data["session"]["status"] == status.value and type(data["session"]["status"]) is str
    assert [a["status"] for a in data["answers"]] == [s.value for s in AnswerStatus]


def plain(value: Any) -> Any:
    """``value`` with every enum member in it replaced by its plain string: what the fields held before."""
    if isinstance(value, StrEnum):
        return str.__str__(value)
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


@pytest.mark.parametrize("status", list(SessionStatus))
def test_a_file_written_with_enums_is_the_file_strings_wrote(tmp_path: Path, status: SessionStatus):
    session = session_with_every_answer_status(status)
    written = SessionStore(tmp_path / "sessions").save(session).read_bytes()
    as_strings = plain(session.to_dict())
    assert type(as_strings["session"]["status"]) is str and type(as_strings["answers"][0]["status"]) is str
    assert written == tomli_w.dumps(as_strings).encode("utf-8")


@pytest.mark.parametrize(
    "original, bad, key",
    [
        ('status = "completed"', 'status = "paused"', "session.status"),
        ('status = "answered"', 'status = "finished"', "answers[1].status"),
    ],
)
def test_an_unknown_status_is_one_line_naming_the_file_key_value_and_choices(
    tmp_path: Path, original: str, bad: str, key: str
):
    store = SessionStore(tmp_path / "sessions")
    path = write_session(store.folder, SID)
    text = path.read_text("utf-8")
    assert original in text
    path.write_text(text.replace(original, bad, 1), encoding="utf-8")
    with pytest.raises(SessionFileError) as caught:
        store.load(SID)
    message = str(caught.value)
    value = bad.split(" = ")[1].strip('"')
    allowed = SessionStatus if key.startswith("session.") else AnswerStatus
    assert str(path) in message and key in message and value in message and "\n" not in message
    assert all(member.value in message for member in allowed)
    if key.startswith("session."):  # a listing reads the head: the file is reported, not listed
        summaries, problems = store.list()
        assert summaries == [] and len(problems) == 1 and key in problems[0].message


def test_modes_are_enums_in_memory_and_plain_words_in_the_file(tmp_path: Path):
    """A session's mode and each answer's source are ``AnswerMode`` members, written as their words."""
    from mock_interview.core.choices import AnswerMode

    store = SessionStore(tmp_path / "sessions")
    session = store.create(mode="spoken", packs=["career-goals"], plan=["career-goals/q1"])
    assert session.mode is AnswerMode.SPOKEN  # a caller's plain word becomes the member
    session.answers.append(AnswerRecord("career-goals/q1", "Q?", "goals", STARTED, source="spoken"))  # type: ignore[arg-type]  # a file's plain word
    assert session.answers[0].source is AnswerMode.SPOKEN
    store.save(session)
    written = tomllib.loads(next((tmp_path / "sessions").glob("*.toml")).read_text())
    assert written["session"]["mode"] == "spoken" and written["answers"][0]["source"] == "spoken"
    [loaded] = store.load_all()
    assert loaded.mode is AnswerMode.SPOKEN and loaded.answers[0].source is AnswerMode.SPOKEN
    with pytest.raises(ValueError):
        AnswerRecord("career-goals/q1", "Q?", "goals", STARTED, source="sung")  # type: ignore[arg-type]
