"""The round picks the file a spoken answer is recorded to, and the session names it before any audio."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from mock_interview.core.clock import Clock
from mock_interview.core.datadir import DataDir
from mock_interview.core.fsutil import UnsafePathError
from mock_interview.core.packs import Question, discover_packs
from mock_interview.core.rounds import Round
from mock_interview.core.sessions import SessionStore
from tests.fakes import FakeClock
from tests.lookups import draft_of, pack_of

QUESTIONS = pack_of(discover_packs(), "behavioral-star").questions[:2]


def spoken_round(data: DataDir, questions: tuple[Question, ...] | list[Question] = QUESTIONS) -> Round:
    """A spoken round in ``data`` whose session is not written yet (as the app starts one)."""
    store = SessionStore(data.sessions)
    session = store.new(mode="spoken", packs=[q.pack_id for q in questions], plan=[q.ref for q in questions])
    round_ = Round(
        session=session,
        store=store,
        questions=list(questions),
        clock=Clock(FakeClock()),
        prep_seconds_override=0,
        follow_ups=False,
    )
    round_.begin()
    round_.wait_for_audio()
    assert round_.spoken and round_.waiting_for_audio
    return round_


def test_the_session_names_the_file_before_any_audio(tmp_path: Path):
    data = DataDir(tmp_path / "data")
    round_ = spoken_round(data)
    path = round_.begin_recording_file(data)
    session_id, question_id = round_.session.id, QUESTIONS[0].id
    assert path == data.audio / session_id / f"01-{question_id}.wav"
    assert not path.exists()  # the recorder creates it (0600); the round only chose it
    saved = round_.store.load(session_id)  # on disk already: a crash while speaking leaves it named
    assert saved.answers[0].audio == f"audio/{session_id}/01-{question_id}.wav"
    assert data.root / saved.answers[0].audio == path
    assert draft_of(round_).audio == saved.answers[0].audio


def test_each_answer_has_a_file_of_its_own(tmp_path: Path):
    data = DataDir(tmp_path / "data")
    round_ = spoken_round(data)
    first = round_.begin_recording_file(data)
    round_.audio_started()
    round_.stop_answer()
    round_.submit("In my last job I rewrote the build scripts.", audio=draft_of(round_).audio)
    round_.next()
    round_.wait_for_audio()
    second = round_.begin_recording_file(data)
    assert first != second and second.name == f"02-{QUESTIONS[1].id}.wav" and second.parent == first.parent
    saved = round_.store.load(round_.session.id)
    assert [a.audio for a in saved.answers] == [
        f"audio/{round_.session.id}/01-{QUESTIONS[0].id}.wav",
        f"audio/{round_.session.id}/02-{QUESTIONS[1].id}.wav",
    ]


def test_a_clash_of_ids_at_the_first_save_names_the_folder_after_the_new_id(tmp_path: Path):
    data = DataDir(tmp_path / "data")
    round_ = spoken_round(data)
    taken = round_.session.id
    data.sessions.mkdir(parents=True)
    round_.store.path_for(taken).write_text("not ours", encoding="utf-8")  # another session took the id
    path = round_.begin_recording_file(data)
    assert round_.session.id != taken and path.parent == data.audio / round_.session.id
    assert round_.store.load(round_.session.id).answers[0].audio == path.relative_to(data.root).as_posix()


def test_an_id_that_would_leave_the_audio_folder_is_refused(tmp_path: Path):
    data = DataDir(tmp_path / "data")
    round_ = spoken_round(data, [replace(QUESTIONS[0], id="../../outside")])
    with pytest.raises(UnsafePathError):
        round_.begin_recording_file(data)
    assert draft_of(round_).audio == ""


def test_a_link_in_place_of_the_session_folder_is_refused(tmp_path: Path):
    data = DataDir(tmp_path / "data")
    round_ = spoken_round(data)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    data.audio.mkdir(parents=True)
    (data.audio / round_.session.id).symlink_to(elsewhere)
    with pytest.raises(UnsafePathError, match="outside"):
        round_.begin_recording_file(data)
    assert draft_of(round_).audio == "" and list(elsewhere.iterdir()) == []
