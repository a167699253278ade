"""The level meter against a real voice through the real device: espeak-ng speech played into the PulseAudio null
sink and recorded from its monitor reaches about the middle of the meter."""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np

from mock_interview.audio.recorder import SILENCE_RMS, Recorder
from mock_interview.tui.widgets.level_meter import meter_fraction
from tests.real.conftest import SPOKEN_ANSWER, espeak_to_wav, play_into


def test_espeak_speech_through_the_sink_reaches_the_middle_of_the_meter(null_sink, tmp_path: Path):
    speech = espeak_to_wav(SPOKEN_ANSWER, tmp_path / "speech.wav")
    levels: list[float] = []
    microphone = Recorder(tmp_path / "answer.wav", on_level=lambda level, seconds: levels.append(level))
    microphone.start()
    assert microphone.wait_until_live(10)
    player = play_into(null_sink, speech)
    player.wait(timeout=60)
    time.sleep(0.3)
    microphone.stop()
    speaking = [level for level in levels if level > SILENCE_RMS]
    assert len(speaking) > 100, len(speaking)  # seconds of speech were measured
    typical = float(np.median(speaking))
    assert 0.4 <= meter_fraction(typical) <= 0.75, (typical, meter_fraction(typical))
