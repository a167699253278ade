"""The recording level meter: a normal voice reaches the middle, silence barely lights it."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from mock_interview.audio.recorder import BLOCK_SECONDS, SILENCE_RMS
from mock_interview.audio.wavfile import SAMPLE_RATE, read_wav
from mock_interview.tui.widgets.level_meter import meter_fraction

SPEECH = read_wav(Path(__file__).resolve().parent.parent / "data" / "jfk-16k.wav")  # a human voice, recorded


def speech_block_levels(audio: np.ndarray) -> np.ndarray:
    """The RMS of each recorder-sized block that is not silence, as the recorder measures it."""
    size = int(SAMPLE_RATE * BLOCK_SECONDS)
    count = audio.size // size
    levels = np.sqrt(np.mean(audio[: count * size].reshape(count, size).astype(np.float64) ** 2, axis=1))
    return levels[levels > SILENCE_RMS]


def test_a_normal_voice_fills_about_half_the_meter():
    typical = float(np.median(speech_block_levels(SPEECH)))
    assert 0.35 <= meter_fraction(typical) <= 0.7
    loud = float(np.percentile(speech_block_levels(SPEECH), 90))
    assert meter_fraction(loud) > meter_fraction(typical) + 0.1  # louder words show as louder


def test_silence_barely_lights_the_meter_and_full_scale_fills_it():
    assert meter_fraction(0.0) == 0.0
    assert meter_fraction(SILENCE_RMS) <= 0.15
    assert meter_fraction(1.0) == 1.0
    assert meter_fraction(2.0) == 1.0  # a clipped block does not overflow the meter
