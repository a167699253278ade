"""Speech for the benchmarks: espeak-ng says known text into 16 kHz WAV files."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import _common  # noqa: F401
import numpy as np

from mock_interview.audio.wavfile import read_wav

ANSWER_TEXT = (
    "In my last job, I was responsible for the customer support team. "
    "I wrote a new guide for the most common problems and trained my colleagues to use it. "
    "My long term goal is to become a product manager. In the next two years, "
    "I want to complete a project management course and lead my first product launch. "
)


def speak(text: str, words_per_minute: int = 150) -> np.ndarray:
    """16 kHz mono float32 audio of ``text`` (espeak-ng must be installed)."""
    if not shutil.which("espeak-ng"):
        raise SystemExit("espeak-ng is not installed: apt-get install espeak-ng")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "speech.wav"
        subprocess.run(["espeak-ng", "-v", "en-us", "-s", str(words_per_minute), "-w", str(path), text], check=True)
        return read_wav(path)


def answer_of_seconds(seconds: float) -> tuple[np.ndarray, str]:
    """At least ``seconds`` of spoken answer and its text (whole repeats of the answer, with short pauses)."""
    once = speak(ANSWER_TEXT)
    pause = np.zeros(int(0.6 * 16000), dtype=np.float32)
    parts, texts, total = [], [], 0
    while total < seconds * 16000:
        parts += [once, pause]
        texts.append(ANSWER_TEXT)
        total += once.size + pause.size
    return np.concatenate(parts), " ".join(texts)
