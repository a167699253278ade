"""Writes the machine refuses (disk full, read-only, no permission): typed, one line, never fatal, retried.

The app's own screens are in tests/ui/test_write_failures_in_the_app.py; a real full disk (a small
tmpfs) in tests/real/test_disk_full_real.py.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mock_interview.core.choices import AnswerMode
from mock_interview.core.context import AppContext
from mock_interview.core.fsutil import WriteFailed, atomic_create_text, atomic_write_text, ensure_private_dir
from mock_interview.core.planning import RoundRequest, prepare_round
from mock_interview.core.rounds import Phase
from mock_interview.core.sessions import SessionStore
from tests.cli_runner import run_cli
from tests.faults import FullDisk


def test_a_refused_write_names_the_file_what_happened_and_the_way_out(tmp_path: Path, monkeypatch):
    path = tmp_path / "settings.toml"
    path.write_text("old = 1\n")
    disk = FullDisk(monkeypatch)
    with pytest.raises(WriteFailed) as caught:
        atomic_write_text(path, "new = 2\n")
    message = str(caught.value)
    assert "\n" not in message
    assert str(path) in message and "the disk is full" in message and "free some space" in message
    assert caught.value.errno == errno.ENOSPC and isinstance(caught.value, OSError)
    assert path.read_text() == "old = 1\n"  # the old record is untouched
    assert [p.name for p in tmp_path.iterdir()] == ["settings.toml"]  # no temporary file left
    disk.fill()
    disk.code = errno.EROFS
    with pytest.raises(WriteFailed, match="read-only; choose another data folder"):
        atomic_create_text(tmp_path / "new.toml", "x")
    disk.free()
    atomic_write_text(path, "new = 2\n")
    assert path.read_text() == "new = 2\n"


def test_a_folder_that_cannot_be_created_is_a_write_failure(tmp_path: Path, monkeypatch):
    def refuse(self, mode=0o777, parents=False, exist_ok=False):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(Path, "mkdir", refuse)
    with pytest.raises(WriteFailed, match="read-only"):
        ensure_private_dir(tmp_path / "sessions")


def _typed_round(isolated_data_dir: Path):
    context = AppContext.from_options(str(isolated_data_dir))
    settings, _ = context.load_settings()
    request = RoundRequest(packs=("career-goals",), count=2, order="pack", mode=AnswerMode.TYPED, profile="")
    return context, prepare_round(context, settings, request).round


def test_a_round_keeps_its_answer_when_the_disk_is_full_and_saves_it_once_there_is_room(
    isolated_data_dir: Path, monkeypatch
):
    context, round_ = _typed_round(isolated_data_dir)
    round_.begin()
    round_.start_answer()
    round_.save_draft("In two years")
    disk = FullDisk(monkeypatch)
    round_.save_draft("In two years I want to lead")  # no exception: the round goes on
    assert isinstance(round_.unsaved, WriteFailed)
    assert round_.draft is not None and round_.draft.text == "In two years I want to lead"
    on_disk = SessionStore(context.data.sessions).load(round_.session.id)
    assert on_disk.answers[0].text == "In two years"
    round_.save_draft("In two years I want to lead")  # the same text: tried again all the same
    assert disk.refused == 2
    disk.free()
    round_.save_draft("In two years I want to lead")
    assert round_.unsaved is None
    assert SessionStore(context.data.sessions).load(round_.session.id).answers[0].text.startswith("In two years")


def test_submitting_and_finishing_on_a_full_disk_keep_everything_in_the_session(isolated_data_dir: Path, monkeypatch):
    context, round_ = _typed_round(isolated_data_dir)
    round_.begin()
    round_.start_answer()
    round_.save_draft("In two years")
    disk = FullDisk(monkeypatch)
    round_.submit("In two years I want to lead a team of five.")
    assert round_.phase is Phase.ANSWERED and round_.unsaved is not None
    round_.finish("ended_early")
    assert round_.phase is Phase.FINISHED and round_.unsaved is not None
    disk.free()
    assert round_.save()
    saved = SessionStore(context.data.sessions).load(round_.session.id)
    assert saved.status == "ended_early" and saved.answers[0].text == "In two years I want to lead a team of five."


def test_a_round_started_on_a_full_disk_writes_its_first_words_once_there_is_room(isolated_data_dir: Path, monkeypatch):
    context = AppContext.from_options(str(isolated_data_dir))
    settings, _ = context.load_settings()
    disk = FullDisk(monkeypatch)
    request = RoundRequest(packs=("career-goals",), count=1, mode=AnswerMode.TYPED, profile="")
    round_ = prepare_round(context, settings, request).round  # a session's file appears with its first words
    round_.begin()
    round_.start_answer()
    round_.save_draft("In two years")
    assert isinstance(round_.unsaved, WriteFailed) and "the disk is full" in str(round_.unsaved)
    assert list(context.data.sessions.iterdir()) == []
    disk.free()
    round_.save_draft("In two years")
    assert round_.unsaved is None
    assert SessionStore(context.data.sessions).load(round_.session.id).answers[0].text == "In two years"


def test_profiles_use_on_a_full_disk_is_one_line(capsys, monkeypatch, isolated_data_dir: Path, tmp_path: Path):
    (tmp_path / "jd.txt").write_text("Lead the roadmap.")
    code, _, _ = run_cli(
        capsys,
        "profiles",
        "new",
        "acme",
        "--company",
        "Acme",
        "--role",
        "PM",
        "--job-description-file",
        str(tmp_path / "jd.txt"),
    )
    assert code == 0
    FullDisk(monkeypatch, errno.EROFS)
    code, out, err = run_cli(capsys, "profiles", "use", "none")
    assert code == 1
    assert err.count("\n") == 1 and "settings.toml" in err and "read-only" in err and "--data-dir" in err
    assert "Traceback" not in err and "no active profile" not in out


def _cli(args: list[str], shell_redirect: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MOCK_INTERVIEW_DATA_DIR": str(tmp_path / "data"), "PYTHONDONTWRITEBYTECODE": "1"}
    command = " ".join([sys.executable, "-m", "mock_interview", *args]) + f" {shell_redirect}"
    return subprocess.run(["sh", "-c", command], env=env, capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("args", [["packs", "list"], ["packs", "list", "--json"], ["packs", "show", "career-goals"]])
def test_output_to_a_full_device_is_one_line_not_a_traceback(args, tmp_path: Path):
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    result = _cli(args, ">/dev/full", tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "could not write" in lines[0] and "No space left" in lines[0], result.stderr


def test_a_closed_standard_output_is_no_traceback(tmp_path: Path):
    result = _cli(["packs", "list"], ">&-", tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
