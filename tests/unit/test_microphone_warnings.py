"""The 'nothing heard' warning of a recording: said when the first seconds are silent, and not kept once speech
comes (no warning under an answer that has words)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from mock_interview.audio import deadlines, recorder
from mock_interview.audio.recorder import SILENCE_WARNING_SECONDS, Recorder
from tests import fake_sounddevice

NOTHING_HEARD = "Nothing was heard in the first seconds"


@pytest.fixture
def device(monkeypatch):
    fake = fake_sounddevice.install(monkeypatch)
    monkeypatch.setattr(deadlines, "OPEN_SECONDS", 0.5)
    monkeypatch.setattr(recorder, "OPEN_SECONDS", 0.5)
    yield fake
    fake.release()


def wait_until(condition, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "condition not met"
        time.sleep(0.01)


def test_speech_after_a_silent_start_drops_the_warning(device, tmp_path: Path):
    device.level = 0.0
    warned: list[bool] = []
    microphone = Recorder(tmp_path / "a.wav", on_silence=lambda: warned.append(True))
    microphone.start()
    wait_until(lambda: bool(warned))  # silent first seconds: said at once
    assert microphone.stats.seconds >= SILENCE_WARNING_SECONDS
    device.level = 0.1  # then the user speaks
    seconds = microphone.stats.seconds
    wait_until(lambda: microphone.stats.seconds > seconds + 0.5)
    stats = microphone.stop()
    assert not any(NOTHING_HEARD in warning for warning in stats.warnings)


def test_a_recording_silent_to_its_end_keeps_the_warning(device, tmp_path: Path):
    device.level = 0.0
    microphone = Recorder(tmp_path / "a.wav")
    microphone.start()
    wait_until(lambda: microphone.stats.seconds > SILENCE_WARNING_SECONDS + 0.5)
    stats = microphone.stop()
    assert any(NOTHING_HEARD in warning for warning in stats.warnings)
