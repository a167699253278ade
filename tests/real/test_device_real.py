"""The real device path: a PulseAudio null sink as the microphone, PortAudio through sounddevice."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from mock_interview.audio.wavfile import read_wav
from tests.real.conftest import SPOKEN_ANSWER, espeak_to_wav, play_into, wait_for_line, wer


def test_record_transcribe_through_the_device(tmp_path: Path, null_sink):
    speech = espeak_to_wav(SPOKEN_ANSWER, tmp_path / "speech.wav")
    seconds = read_wav(speech).size / 16000
    out = tmp_path / "answer.wav"
    env = dict(os.environ, MOCK_INTERVIEW_DATA_DIR=str(tmp_path / "data"))
    recorder = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mock_interview",
            "record",
            str(out),
            "--seconds",
            f"{seconds + 3:.1f}",
            "--transcribe",
            "--json",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        stdin=subprocess.DEVNULL,
        env=env,
    )
    # Play once the command says it records (the model loads first: seconds on a busy machine)
    said = wait_for_line(recorder, "recording from", timeout=90)
    player = play_into(null_sink, speech)
    stdout, stderr = recorder.communicate(timeout=120)
    stderr = said + stderr
    player.wait(timeout=30)
    assert recorder.returncode == 0, stderr
    data = json.loads(stdout)
    assert wer(SPOKEN_ANSWER, data["text"]) <= 0.15, data["text"]
    assert {"text", "duration", "words", "wpm"} <= set(data)
    assert oct(out.stat().st_mode & 0o777) == "0o600"


def test_killed_recorder_keeps_all_but_the_last_second(tmp_path: Path, null_sink):
    speech = espeak_to_wav(" ".join([SPOKEN_ANSWER] * 2), tmp_path / "speech.wav")
    out = tmp_path / "killed.wav"
    env = dict(os.environ, MOCK_INTERVIEW_DATA_DIR=str(tmp_path / "data"))
    player = play_into(null_sink, speech)
    recorder = subprocess.Popen(
        [sys.executable, "-m", "mock_interview", "record", str(out), "--seconds", "60"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and (not out.exists() or out.stat().st_size < 44 + 2 * 16000 * 5):
        time.sleep(0.05)
    started_at = time.monotonic()
    time.sleep(2.0)
    size_before_kill = out.stat().st_size
    recorder.send_signal(signal.SIGKILL)
    recorder.wait(timeout=10)
    player.kill()
    assert recorder.returncode == -signal.SIGKILL
    recorded = read_wav(out).size / 16000
    expected = (size_before_kill - 44) / 2 / 16000
    assert recorded >= 5.0 + 2.0 - 1.0, recorded  # all but the last second of what was said before the kill
    assert recorded >= expected - 1.0
    assert time.monotonic() - started_at < 30
