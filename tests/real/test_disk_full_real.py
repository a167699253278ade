"""A real disk that fills up (a 2 MB tmpfs as the data folder): nothing typed or recorded is lost, nothing crashes.

The first test is the new user's trial, automated: the app at 80x24 in a pseudo-terminal, a typed
round, the disk filled while the answer is being written, then freed: the answer is saved whole.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import wave
from pathlib import Path

import pytest

from mock_interview.core.sessions import SessionStore
from tests.real.conftest import SPOKEN_ANSWER, espeak_to_wav, play_into
from tests.smalldisk import small_disk
from tests.terminal import Terminal

pytestmark = pytest.mark.real

FIRST = "In two years I want to lead the support team"
SECOND = " and cut the backlog by half"
THIRD = " within six months."


def env_for(data: Path) -> dict[str, str]:
    env = {**os.environ, "MOCK_INTERVIEW_DATA_DIR": str(data), "TERM": "xterm-256color", "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("TEXTUAL", None)
    return env


def test_a_typed_round_on_a_disk_that_fills_up_loses_nothing(tmp_path: Path):
    data = tmp_path / "data"
    with small_disk(data) as disk:
        term = Terminal(
            [sys.executable, "-m", "mock_interview", "practice", "--pack", "career-goals", "--count", "1", "--typed"],
            env_for(data),
        )
        try:
            term.wait_for("Think time", timeout=60)
            term.settle()
            term.press("ctrl+s")
            term.wait_for("Answer: ctrl+s", timeout=10)
            term.type(FIRST)
            term.pump(2.0)  # autosaved
            disk.fill()
            term.type(SECOND)
            term.wait_for("Not saved", timeout=10)
            term.wait_for("disk is full", timeout=10)
            assert term.child.isalive()
            assert "half" not in SessionStore(data / "sessions").load_all()[0].answers[0].text
            disk.free()
            term.type(THIRD)  # the next autosave writes it all
            term.wait_for("saved again", timeout=10)
            term.press("ctrl+s")
            term.wait_for("ctrl+s Next:", timeout=10)
            term.press("ctrl+q")
            end = time.monotonic() + 10
            while term.child.isalive() and time.monotonic() < end:
                term.pump(0.1)
        finally:
            if term.child.isalive():
                term.child.terminate(force=True)
        answer = SessionStore(data / "sessions").load_all()[0].answers[0]
    assert answer.text == FIRST + SECOND + THIRD and answer.status == "answered"


def test_record_on_a_disk_that_fills_up_stops_with_a_playable_file(tmp_path: Path, null_sink):
    speech = espeak_to_wav(SPOKEN_ANSWER, tmp_path / "speech.wav")
    with small_disk(tmp_path / "small") as disk:
        out = disk.path / "answer.wav"
        recorder = subprocess.Popen(
            [sys.executable, "-m", "mock_interview", "record", str(out), "--seconds", "60"],
            env=env_for(tmp_path / "data"),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        player = play_into(null_sink, speech)
        try:
            time.sleep(5)
            disk.fill()
            _, stderr = recorder.communicate(timeout=30)
        finally:
            player.terminate()
            if recorder.poll() is None:
                recorder.kill()
        assert recorder.returncode == 1, stderr
        assert "recording stopped early: could not write" in stderr and "the disk is full" in stderr
        assert "Traceback" not in stderr and "Exception ignored" not in stderr
        with wave.open(str(out)) as wav:
            frames = wav.getnframes()
        assert frames > 16000 and out.stat().st_size == 44 + 2 * frames


def test_export_and_a_new_profile_on_a_full_disk_are_one_line_each(tmp_path: Path):
    data = tmp_path / "data"
    with small_disk(data) as disk:
        store = SessionStore(data / "sessions")
        session = store.create(mode="typed", packs=["career-goals"], plan=["career-goals/five-years"])
        disk.fill()
        command = [sys.executable, "-m", "mock_interview"]
        export = subprocess.run(
            [*command, "sessions", "export", session.id, "-o", str(data / "report.md")],
            env=env_for(data),
            capture_output=True,
            text=True,
        )
        profile = subprocess.run(
            [*command, "profiles", "new", "acme", "--company", "Acme", "--role", "PM", "--job-description-file", "-"],
            env=env_for(data),
            input="Lead the roadmap.",
            capture_output=True,
            text=True,
        )
        leftovers = [p.name for p in data.rglob("*") if p.name.endswith(".tmp")]
    for result in (export, profile):
        assert result.returncode == 1, result.stderr
        assert result.stderr.count("\n") == 1 and "the disk is full" in result.stderr
        assert "Traceback" not in result.stderr
    assert leftovers == []
