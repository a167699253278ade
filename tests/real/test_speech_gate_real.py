"""No speech, no words: silence, tones and noise through the real model and the command line.

The files are made the way a user's might be: sox writes them (or numpy where sox has no such
signal), at the rates and channel counts a recorder might use.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from mock_interview.transcription.streaming import transcribe_file
from tests.conftest import need

SOX_FILES = {
    # name: sox arguments after the output file
    "silence-20s.wav": ["trim", "0", "20"],
    "tone-440Hz-5s.wav": ["synth", "5", "sine", "440", "vol", "0.5"],
    "white-noise-low-10s.wav": ["synth", "10", "whitenoise", "vol", "0.02"],
}


def sox_file(folder: Path, name: str, rate: int = 16000, channels: int = 1) -> Path:
    need(shutil.which("sox") is not None, "sox is not installed (apt-get install sox)")
    path = folder / name
    subprocess.run(
        ["sox", "-n", "-r", str(rate), "-c", str(channels), "-b", "16", str(path), *SOX_FILES[name]], check=True
    )
    return path


@pytest.mark.parametrize("name", sorted(SOX_FILES))
def test_no_words_from_silence_tone_or_noise(tmp_path: Path, name: str, bundled_transcriber):
    transcript = transcribe_file(sox_file(tmp_path, name), transcriber=bundled_transcriber)
    assert transcript.words == [] and transcript.text == "", transcript.text
    assert not transcript.heard_speech and transcript.speech_seconds == 0


def test_no_words_from_a_stereo_tone_at_8khz_or_numpy_noise(tmp_path: Path, bundled_transcriber):
    import soundfile

    need(shutil.which("sox") is not None, "sox is not installed (apt-get install sox)")
    tone = tmp_path / "tone-8k-stereo.wav"
    subprocess.run(
        ["sox", "-n", "-r", "8000", "-c", "2", "-b", "16", str(tone), "synth", "3", "sine", "440", "vol", "0.5"],
        check=True,
    )
    assert transcribe_file(tone, transcriber=bundled_transcriber).words == []
    noise = tmp_path / "numpy-noise-48k.wav"
    rng = np.random.default_rng(9)
    soundfile.write(str(noise), (0.01 * rng.standard_normal(48000 * 10)).astype(np.float32), 48000)
    assert transcribe_file(noise, transcriber=bundled_transcriber).words == []


def test_transcribe_command_says_no_speech(tmp_path: Path):
    path = sox_file(tmp_path, "silence-20s.wav")
    result = subprocess.run(
        [sys.executable, "-m", "mock_interview", "transcribe", str(path), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    data = json.loads(result.stdout)
    assert data["speech_heard"] is False and data["words"] == [] and data["text"] == ""
    assert data["fillers"] == 0 and data["wpm"] == 0
    assert "no speech heard" in result.stderr
    plain = subprocess.run(
        [sys.executable, "-m", "mock_interview", "transcribe", str(path)], capture_output=True, text=True, check=True
    )
    assert plain.stdout.strip() == "" and "no speech heard" in plain.stderr
