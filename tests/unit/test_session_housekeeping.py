"""Housekeeping: deleting a session with its recordings, and no empty session from a round left at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from mock_interview.core.context import AppContext
from mock_interview.core.drill import read_drill
from mock_interview.core.planning import RoundRequest, prepare_round
from mock_interview.core.sessions import SessionStatus
from tests.cli_runner import run_cli
from tests.typed_rounds import SETTINGS, WEAK, typed_round


@pytest.fixture
def context(isolated_data_dir: Path) -> AppContext:
    return AppContext.from_options(str(isolated_data_dir))


def with_recordings(context: AppContext, session_id: str) -> list[Path]:
    """Give the session's first answer a recording, as a spoken round would (and a stray file in its folder)."""
    session = context.sessions.load(session_id)
    folder = context.data.audio / session_id
    folder.mkdir(parents=True)
    recordings = [folder / "00-q.wav", folder / "01-partial.wav"]
    for recording in recordings:
        recording.write_bytes(b"RIFF")
    session.answers[0].audio = f"audio/{session_id}/00-q.wav"
    context.sessions.save(session)
    return recordings


def test_delete_with_yes_removes_the_session_its_recordings_and_its_drill_reviews(context, capsys):
    session_id = typed_round(context, ["career-goals/long-term-goals"], [WEAK])
    keep = typed_round(context, ["career-goals/short-term-goals"], [WEAK])
    recordings = with_recordings(context, session_id)
    assert {r.source for r in read_drill(context.data.drill_file).reviews} == {session_id, keep}
    code, out, err = run_cli(capsys, "sessions", "delete", session_id, "--yes")
    assert code == 0, err
    assert out.strip() == f"deleted {session_id} and 2 recordings"
    assert not context.sessions.path_for(session_id).exists()
    assert not any(r.exists() for r in recordings) and not (context.data.audio / session_id).exists()
    assert context.sessions.path_for(keep).exists()
    assert {r.source for r in read_drill(context.data.drill_file).reviews} == {keep}


def test_a_recording_another_session_uses_is_kept(context, capsys):
    """A session saved as a copy (changed in two places) points at the original's recordings."""
    session_id = typed_round(context, ["career-goals/long-term-goals"], [WEAK])
    recordings = with_recordings(context, session_id)
    copy = typed_round(context, ["career-goals/short-term-goals"], [WEAK])
    other = context.sessions.load(copy)
    other.answers[0].audio = f"audio/{session_id}/00-q.wav"
    context.sessions.save(other)
    assert run_cli(capsys, "sessions", "delete", session_id, "--yes")[0] == 0
    assert recordings[0].exists() and not recordings[1].exists()


def test_a_recording_path_that_leaves_the_audio_folder_is_never_removed(context, capsys, tmp_path):
    outside = tmp_path / "precious.wav"
    outside.write_bytes(b"RIFF")
    session_id = typed_round(context, ["career-goals/long-term-goals"], [WEAK])
    folder = context.data.audio / session_id
    folder.mkdir(parents=True)
    (folder / "00-q.wav").symlink_to(outside)
    session = context.sessions.load(session_id)
    session.answers[0].audio = f"audio/{session_id}/00-q.wav"
    context.sessions.save(session)
    assert run_cli(capsys, "sessions", "delete", session_id, "--yes")[0] == 0
    assert outside.exists()


def test_delete_asks_first(context, capsys, monkeypatch):
    session_id = typed_round(context, ["career-goals/long-term-goals"], [WEAK])
    code, _, err = run_cli(capsys, "sessions", "delete", session_id)  # no terminal: no silent delete
    assert code == 2 and "--yes" in err and context.sessions.path_for(session_id).exists()
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    replies = iter(["n", "y"])
    monkeypatch.setattr("builtins.input", lambda prompt="": next(replies))
    code, out, _ = run_cli(capsys, "sessions", "delete", session_id)
    assert code == 1 and "nothing deleted" in out and context.sessions.path_for(session_id).exists()
    code, out, _ = run_cli(capsys, "sessions", "delete", session_id)
    assert code == 0 and not context.sessions.path_for(session_id).exists()


def test_delete_of_an_unknown_or_unsafe_id_is_one_line(context, capsys):
    for given in ("20200101-000000-dead", "../settings"):
        code, _, err = run_cli(capsys, "sessions", "delete", given, "--yes")
        assert code == 1 and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_a_round_ended_before_any_answer_is_not_kept(context):
    round_ = prepare_round(context, SETTINGS, RoundRequest(packs=("career-goals",), count=2)).round
    round_.begin()  # the question is asked; the answer area opens, nothing is typed
    round_.finish(SessionStatus.ENDED_EARLY)
    assert round_.discarded and context.sessions.list() == ([], [])


def test_a_round_ended_after_typing_nothing_leaves_no_file_but_a_word_makes_one(context):
    round_ = prepare_round(context, SETTINGS, RoundRequest(packs=("career-goals",), count=2)).round
    round_.begin()
    round_.save_draft("")
    assert context.sessions.list() == ([], [])  # quitting here (no finish) leaves nothing either
    round_.save_draft("I")
    assert len(context.sessions.list()[0]) == 1
    round_.finish(SessionStatus.ENDED_EARLY)
    assert not round_.discarded
    assert context.sessions.load(round_.session.id).answers[0].text == "I"


def test_a_resumed_empty_session_ended_again_is_removed(context):
    """An empty 'in progress' session left by an earlier version goes when it is ended without an answer."""
    empty = context.sessions.create(mode="typed", packs=["career-goals"], plan=["career-goals/long-term-goals"])
    from mock_interview.core.planning import prepare_resumed_round

    round_ = prepare_resumed_round(context, SETTINGS, context.sessions.load(empty.id)).round
    round_.begin()
    round_.finish(SessionStatus.ENDED_EARLY)
    assert context.sessions.list() == ([], [])


def test_a_round_of_skipped_questions_is_kept_as_skipped(context):
    round_ = prepare_round(
        context, SETTINGS.updated(prep_seconds=10), RoundRequest(packs=("career-goals",), count=2)
    ).round
    round_.begin()
    round_.skip()
    round_.next()
    round_.skip()
    round_.next()
    summaries, _ = context.sessions.list()
    assert [s.status for s in summaries] == ["completed"] and summaries[0].answers == 0
