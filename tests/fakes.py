"""Fakes for fast unit tests (the real components have their own tests in tests/real)."""

from __future__ import annotations

import numpy as np


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class FakeTranscriber:
    """Returns one word per transcribed piece, with timings; records the pieces it was given."""

    label = "fake"

    def __init__(self) -> None:
        self.pieces: list[int] = []

    def transcribe(self, audio: np.ndarray, prompt: str | None = None):
        from mock_interview.transcription.transcriber import Transcript

        self.pieces.append(audio.size)
        seconds = audio.size / 16000
        return Transcript(f"piece{len(self.pieces)}", [(f"piece{len(self.pieces)}", 0.1, min(seconds, 0.5))], seconds, self.label)


def tone_with_pauses(pattern: list[tuple[float, bool]], rate: int = 16000) -> np.ndarray:
    """Audio made of (seconds, is_speech) parts: speech-like noise bursts and silence."""
    rng = np.random.default_rng(7)
    parts = []
    for seconds, speech in pattern:
        count = int(seconds * rate)
        if speech:
            t = np.arange(count) / rate
            voiced = 0.3 * np.sin(2 * np.pi * 180 * t) * (0.6 + 0.4 * np.sin(2 * np.pi * 4 * t))
            parts.append((voiced + 0.05 * rng.standard_normal(count)).astype(np.float32))
        else:
            parts.append((0.0005 * rng.standard_normal(count)).astype(np.float32))
    return np.concatenate(parts)
