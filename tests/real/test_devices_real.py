"""Real devices misbehaving, through the CI audio server: a microphone unplugged mid-answer, a frozen server.

"Unplugged" is the null sink suspended (``pactl suspend-sink virt 1``): its monitor, the default
input, stops delivering audio, as a USB microphone pulled out does. "Frozen" is the PulseAudio
process stopped with ``SIGSTOP``. Both are always undone in a ``finally``. The quit tests measure
from the key press to the process's end: under QUIT_SECONDS (4 s), whatever playback or recording is doing.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
import wave
from collections.abc import Iterator
from pathlib import Path

import pytest

from mock_interview.audio.deadlines import OPEN_SECONDS
from mock_interview.core.sessions import SessionStatus, SessionStore
from tests.conftest import need
from tests.real.conftest import SPOKEN_ANSWER, espeak_to_wav, play_into, spoken_session_with_recording
from tests.speech_samples import ANSWER_90
from tests.terminal import Terminal

pytestmark = pytest.mark.real

# Quitting must not wait out an audio deadline: a call left waiting on a frozen server costs up to
# OPEN_SECONDS (5 s), or forever without the deadlines. On an idle machine quitting takes under 1 s;
# with both cores busy, Python's own shutdown took 3 s once, so the bound sits just under the deadline.
QUIT_SECONDS = OPEN_SECONDS - 1.0


@contextlib.contextmanager
def frozen_audio_server() -> Iterator[None]:
    """The PulseAudio server stopped (SIGSTOP) for the block; always continued afterwards."""
    found = subprocess.run(["pgrep", "-x", "pulseaudio"], capture_output=True, text=True)
    pids = [int(p) for p in found.stdout.split()]
    need(bool(pids), "no pulseaudio process to freeze (run .ci/start-audio)")
    for pid in pids:
        os.kill(pid, signal.SIGSTOP)
    try:
        yield
    finally:
        for pid in pids:
            os.kill(pid, signal.SIGCONT)
        end = time.monotonic() + 10
        while time.monotonic() < end and subprocess.run(["pactl", "info"], capture_output=True).returncode:
            time.sleep(0.1)


@contextlib.contextmanager
def unplugged(sink: str) -> Iterator[None]:
    """The sink (and so its monitor, the default input) suspended: no audio comes in."""
    subprocess.run(["pactl", "suspend-sink", sink, "1"], check=True)
    try:
        yield
    finally:
        subprocess.run(["pactl", "suspend-sink", sink, "0"], check=False)


def env_for(data: Path) -> dict[str, str]:
    env = {**os.environ, "MOCK_INTERVIEW_DATA_DIR": str(data), "TERM": "xterm-256color", "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("TEXTUAL", None)
    return env


def app(data: Path, *args: str) -> Terminal:
    return Terminal([sys.executable, "-m", "mock_interview", *args], env_for(data), columns=120, rows=40)


def quit_seconds(term: Terminal) -> float:
    """Press ctrl+q and time until the process has ended (it is killed after 15 s)."""
    pressed = time.monotonic()
    term.child.send("\x11")
    while term.child.isalive() and time.monotonic() - pressed < 15:
        term.pump(0.05)
    took = time.monotonic() - pressed
    if term.child.isalive():
        term.child.terminate(force=True)
    return took


def test_devices_and_doctor_answer_in_seconds_when_the_audio_server_is_frozen(null_sink, tmp_path: Path):
    command = [sys.executable, "-m", "mock_interview"]
    with frozen_audio_server():
        began = time.monotonic()
        devices = subprocess.run(
            [*command, "devices"], env=env_for(tmp_path), capture_output=True, text=True, timeout=60
        )
        devices_took = time.monotonic() - began
        began = time.monotonic()
        doctor = subprocess.run([*command, "doctor"], env=env_for(tmp_path), capture_output=True, text=True, timeout=60)
        doctor_took = time.monotonic() - began
    assert devices_took < 10 and doctor_took < 12, (devices_took, doctor_took)
    for result in (devices, doctor):
        assert "Traceback" not in result.stderr
    if devices.returncode:  # the server never answered: said in one line, with what to do
        assert devices.stderr.count("\n") == 1 and "audio server" in devices.stderr, devices.stderr
    assert "[ok] data directory" in doctor.stdout


def test_record_says_so_when_the_microphone_is_unplugged_and_keeps_a_playable_file(null_sink, tmp_path: Path):
    speech = espeak_to_wav(ANSWER_90, tmp_path / "speech.wav")
    out = tmp_path / "answer.wav"
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
        time.sleep(6)
        with unplugged(null_sink):
            pulled = time.monotonic()
            recorder.wait(timeout=30)
            took = time.monotonic() - pulled
    finally:
        player.terminate()
        if recorder.poll() is None:
            recorder.kill()
    _, stderr = recorder.communicate()
    assert recorder.returncode == 1, stderr
    assert "recording stopped early: the microphone stopped" in stderr and "Traceback" not in stderr
    assert took < 6, took
    with wave.open(str(out)) as wav:  # the header says what is there: no libsndfile needed to read it
        assert wav.getnframes() > 16000


def test_a_spoken_round_keeps_and_scores_the_answer_when_the_microphone_is_unplugged(null_sink, tmp_path: Path):
    speech = espeak_to_wav(SPOKEN_ANSWER, tmp_path / "speech.wav")
    data = tmp_path / "data"
    term = app(data, "practice", "--pack", "behavioral-star", "--count", "1", "--spoken")
    try:
        term.wait_for("Think time", timeout=90)
        term.settle()
        term.press("ctrl+s")
        term.wait_for("Speak now", timeout=120)
        player = play_into(null_sink, speech)
        while player.poll() is None:
            term.pump(0.2)
        term.pump(1.0)
        with unplugged(null_sink):
            pulled = time.monotonic()
            term.wait_for("microphone stopped", timeout=10)
            noticed = time.monotonic() - pulled
            term.wait_for("ctrl+s Next:", timeout=60)  # answered: the transcript is in
        assert noticed < 4, noticed
        assert quit_seconds(term) < QUIT_SECONDS
    finally:
        if term.child.isalive():
            term.child.terminate(force=True)
    answer = SessionStore(data / "sessions").load_all()[0].answers[0]
    assert "team" in answer.text.lower() and answer.score is not None and answer.audio


def test_a_frozen_audio_server_never_blocks_typing_or_quitting(null_sink, tmp_path: Path):
    data = tmp_path / "data"
    with frozen_audio_server():
        term = app(data, "practice", "--pack", "career-goals", "--count", "1", "--spoken")
        try:
            term.wait_for("Think time", timeout=90)
            term.press("ctrl+s")  # start answering: the microphone cannot open
            term.wait_for("Type your answer", timeout=30)
            term.type("In two years I want to lead a team of five")
            term.press("ctrl+s")
            term.wait_for("ctrl+s Next:", timeout=10)
            took = quit_seconds(term)
        finally:
            if term.child.isalive():
                term.child.terminate(force=True)
    assert took < QUIT_SECONDS, took
    answer = SessionStore(data / "sessions").load_all()[0].answers[0]
    assert answer.text == "In two years I want to lead a team of five"


def recorded_session(data: Path, tmp_path: Path) -> None:
    """A spoken session whose one answer has a recording of about 90 s (longer than any test waits)."""
    wav = espeak_to_wav(ANSWER_90, tmp_path / "long.wav")
    session = spoken_session_with_recording(data, wav, "I want to lead a nursing team.", 90)
    session.status = SessionStatus.COMPLETED
    SessionStore(data / "sessions").save(session)


@pytest.mark.parametrize(
    "keys", [["f9"], ["f9", "f9"], ["f9", "f9", "f9"]], ids=["playing", "played-then-stopped", "f9-f9-f9"]
)
def test_quitting_during_playback_returns_within_two_seconds(keys: list[str], null_sink, tmp_path: Path):
    data = tmp_path / "data"
    recorded_session(data, tmp_path)
    term = app(data)
    try:
        term.wait_for("packs ticked", timeout=60)
        term.settle()
        term.press("f2")
        term.wait_for("completed", timeout=20)
        term.press("enter")
        term.wait_for("Reflection", timeout=20)
        term.press(*keys, pause=0.8)
        took = quit_seconds(term)
    finally:
        if term.child.isalive():
            term.child.terminate(force=True)
    assert took < QUIT_SECONDS, took


def test_playback_on_a_frozen_audio_server_is_reported_and_quitting_is_prompt(null_sink, tmp_path: Path):
    data = tmp_path / "data"
    recorded_session(data, tmp_path)
    with frozen_audio_server():
        term = app(data)
        try:
            term.wait_for("packs ticked", timeout=60)
            term.press("f2")
            term.wait_for("completed", timeout=20)
            term.press("enter")
            term.wait_for("nursing team", timeout=20)  # the answer is shown: f9 has a recording to play
            term.press("f9")
            term.wait_for("audio server", timeout=20)
            took = quit_seconds(term)
        finally:
            if term.child.isalive():
                term.child.terminate(force=True)
    assert took < QUIT_SECONDS, took


def test_doctor_says_the_audio_server_cannot_be_contacted_rather_than_blaming_the_microphone(null_sink, tmp_path: Path):
    env = dict(env_for(tmp_path), PULSE_SERVER=f"unix:{tmp_path / 'no-server' / 'native'}")
    doctor = subprocess.run(
        [sys.executable, "-m", "mock_interview", "doctor"], env=env, capture_output=True, text=True, timeout=60
    )
    line = next(line for line in doctor.stdout.splitlines() if "input devices" in line)
    assert "audio server could not be contacted" in line and "connect a microphone" not in line, doctor.stdout
    working = subprocess.run(
        [sys.executable, "-m", "mock_interview", "doctor"], env=env_for(tmp_path), capture_output=True, text=True
    )
    assert "[ok] input devices" in working.stdout, working.stdout  # the same machine, its server reachable
