"""No answer dropped.

A recording without words yet is kept, orphaned recordings are found, edits made elsewhere are noticed.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from mock_interview.core.choices import AnswerMode
from mock_interview.core.context import AppContext
from mock_interview.core.planning import RoundRequest, prepare_round
from mock_interview.core.profiles import Profile, ProfileChangedElsewhere, ProfileStore
from mock_interview.core.recordings import RECENT_SECONDS, find_orphan_recordings
from mock_interview.core.sessions import SessionStatus, SessionStore
from tests.cli_runner import run_cli


def _spoken_round(data: Path):
    context = AppContext.from_options(str(data))
    settings, _ = context.load_settings()
    request = RoundRequest(packs=("career-goals",), count=2, order="pack", mode=AnswerMode.SPOKEN, profile="")
    round_ = prepare_round(context, settings, request).round
    round_.begin()
    round_.start_answer()
    assert round_.draft is not None
    round_.draft.audio = f"audio/{round_.session.id}/00-q.wav"  # as the speech controller sets it
    round_.save()
    return context, round_


@pytest.mark.parametrize("how", ["end the round", "retry"])
def test_an_answer_with_a_recording_but_no_words_yet_is_kept(how: str, isolated_data_dir: Path):
    context, round_ = _spoken_round(isolated_data_dir)
    audio = round_.draft.audio
    if how == "end the round":
        round_.finish("ended_early")
    else:
        round_.retry()
    answers = SessionStore(context.data.sessions).load(round_.session.id).answers
    kept = [a for a in answers if a.audio == audio]
    assert len(kept) == 1 and kept[0].text == ""
    assert kept[0].status == ("skipped" if how == "end the round" else "retried")


def test_an_empty_typed_answer_is_still_not_kept(isolated_data_dir: Path):
    context = AppContext.from_options(str(isolated_data_dir))
    settings, _ = context.load_settings()
    request = RoundRequest(packs=("career-goals",), count=1, order="pack", mode=AnswerMode.TYPED, profile="")
    round_ = prepare_round(context, settings, request).round
    round_.begin()
    round_.start_answer()
    round_.finish(SessionStatus.ENDED_EARLY)
    assert round_.discarded and list(context.data.sessions.iterdir()) == []  # nothing said, nothing kept


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_recordings_no_session_names_are_listed_by_doctor_and_removed_on_request(isolated_data_dir: Path, capsys):
    context, round_ = _spoken_round(isolated_data_dir)
    round_.finish("ended_early")
    root = context.data.root
    named = root / round_.draft.audio
    orphan = root / "audio" / "20240101-090000-dead" / "00-q.wav"
    in_damaged = root / "audio" / "20240101-090000-beef" / "00-q.wav"
    recent = root / "audio" / "20240101-090000-cafe" / "00-q.wav"
    for path in (named, orphan, in_damaged, recent):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"RIFF")
    for path in (named, orphan, in_damaged):
        _age(path, RECENT_SECONDS + 60)
    damaged = context.data.sessions / "20240101-090000-beef.toml"
    damaged.write_text(f'[session]\nversion = "what"\n[[answers]]\naudio = "{in_damaged.relative_to(root)}"\n')
    assert [o.path for o in find_orphan_recordings(context.data)] == [orphan]
    code, out, _ = run_cli(capsys, "doctor")
    assert "[!!] recordings: 1 no session points to" in out and "20240101-090000-dead/00-q.wav" in out
    assert "--remove-orphans" in out
    code, out, _ = run_cli(capsys, "doctor", "--remove-orphans")
    assert "removed 1 recording(s)" in out
    assert not orphan.exists() and not orphan.parent.exists()
    assert named.exists() and in_damaged.exists() and recent.exists()
    _, out, _ = run_cli(capsys, "doctor")
    assert "[ok] recordings: every recording belongs to a session" in out


def test_a_profile_changed_elsewhere_is_not_overwritten_without_asking(tmp_path: Path):
    store = ProfileStore(tmp_path / "profiles")
    store.save(Profile(name="acme", company="Acme", role="PM"))
    opened = store.version("acme")
    store.save(Profile(name="acme", company="Acme Corp", role="Lead PM"))  # another window
    with pytest.raises(ProfileChangedElsewhere, match="'acme' was changed elsewhere"):
        store.save(Profile(name="acme", company="Acme", role="PM, edited"), since=opened)
    assert store.load("acme").role == "Lead PM"
    assert store.free_name("acme") == "acme-2"
    store.save(Profile(name="acme-2", company="Acme", role="PM, edited"), overwrite=False)
    assert store.free_name("acme") == "acme-3"
    opened = store.version("acme")
    (tmp_path / "profiles" / "acme.toml").unlink()
    with pytest.raises(ProfileChangedElsewhere, match="was deleted elsewhere"):
        store.save(Profile(name="acme", company="Acme", role="PM"), since=opened)
    store.save(Profile(name="acme-2", company="Acme", role="PM, again"), since=store.version("acme-2"))
    assert store.load("acme-2").role == "PM, again"


def test_a_session_deleted_elsewhere_is_saved_again_and_said(isolated_data_dir: Path):
    store = SessionStore(isolated_data_dir / "sessions")
    session = store.create(mode="typed", packs=["career-goals"], plan=["career-goals/five-years"])
    store.path_for(session.id).unlink()
    session.status = SessionStatus.COMPLETED
    store.save(session)
    assert "deleted elsewhere" in session.save_notice and store.load(session.id).status == "completed"
    store.save(session)
    assert session.save_notice == ""
