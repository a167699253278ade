"""Is anyone speaking? Silero VAD (shipped with faster-whisper) run as the audio arrives, with a level floor.

Whisper invents text for silence, tones and noise ("you know, it's, uh, it's…", "Thank you."), so
nothing reaches it unless the speech detector says someone is speaking there. The detector works
on 32 ms frames: Silero's probability of speech, and the frame's level. A frame quieter than the
level floor is never speech (digital silence, a muted microphone, a hiss far below any voice).

:class:`SpeechDetector` keeps Silero's recurrent state between blocks, so feeding a stream block
by block gives exactly the probabilities of the whole signal at once, for about 0.3 ms per 100 ms
block. :func:`find_regions` turns frames into speech regions with hysteresis, the way Silero's own
``get_speech_timestamps`` does, but on a stream: a region still going on is reported as open.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

SAMPLE_RATE = 16000
FRAME_SAMPLES = 512  # Silero's window at 16 kHz: 32 ms
CONTEXT_SAMPLES = 64  # Silero v5/v6 sees the last 64 samples of the previous frame
FRAME_SECONDS = FRAME_SAMPLES / SAMPLE_RATE


@dataclass(frozen=True)
class VadSettings:
    """How frames become speech regions.

    Attributes:
        threshold: A frame at or above this probability starts (or keeps alive) speech.
        neg_threshold: Below this, a frame counts toward the silence that ends a region.
        level_floor: Frames with an RMS level below this are never speech (about -54 dBFS).
        min_speech: Regions shorter than this (seconds) are dropped: clicks, a cough, a breath.
        min_silence: A quiet gap must last this long (seconds) to end a region.
    """

    threshold: float = 0.5
    neg_threshold: float = 0.35
    level_floor: float = 0.002
    min_speech: float = 0.2
    min_silence: float = 0.3


@dataclass(frozen=True)
class Region:
    """Speech between two frame indices (``end`` exclusive); ``closed`` once enough silence followed it."""

    start: int
    end: int
    closed: bool

    @property
    def start_sample(self) -> int:
        """The first sample of the region."""
        return self.start * FRAME_SAMPLES

    @property
    def end_sample(self) -> int:
        """The sample just after the region."""
        return self.end * FRAME_SAMPLES

    @property
    def seconds(self) -> float:
        """The region's length."""
        return (self.end - self.start) * FRAME_SECONDS


class FrameScorer(Protocol):
    """Turns whole frames into speech probabilities, keeping any state between calls."""

    def __call__(self, frames: np.ndarray) -> np.ndarray:
        """Probabilities (one per row of ``frames``, each row ``FRAME_SAMPLES`` long)."""


class SileroScorer:
    """Silero VAD (the ONNX model inside faster-whisper) with its recurrent state kept between calls."""

    def __init__(self) -> None:
        from faster_whisper.vad import get_vad_model

        self._session: Any = get_vad_model().session
        self._h = np.zeros((1, 1, 128), dtype=np.float32)
        self._c = np.zeros((1, 1, 128), dtype=np.float32)
        self._context = np.zeros(CONTEXT_SAMPLES, dtype=np.float32)

    def __call__(self, frames: np.ndarray) -> np.ndarray:
        """Speech probabilities of consecutive frames of the stream."""
        if frames.shape[0] == 0:
            return np.zeros(0, dtype=np.float32)
        contexts = np.concatenate([self._context[None, :], frames[:-1, -CONTEXT_SAMPLES:]], axis=0)
        self._context = frames[-1, -CONTEXT_SAMPLES:].copy()
        batch = np.concatenate([contexts, frames], axis=1).astype(np.float32)
        out, self._h, self._c = self._session.run(None, {"input": batch, "h": self._h, "c": self._c})
        return np.asarray(out, dtype=np.float32).reshape(-1)


class SpeechDetector:
    """Speech probability and level of every 32 ms frame of a stream, computed as the audio arrives."""

    def __init__(self, settings: VadSettings | None = None, scorer: FrameScorer | None = None) -> None:
        self.settings = settings or VadSettings()
        self._scorer: FrameScorer = scorer if scorer is not None else SileroScorer()
        self._remainder = np.zeros(0, dtype=np.float32)
        self._probs = np.zeros(1024, dtype=np.float32)
        self._levels = np.zeros(1024, dtype=np.float32)
        self.frames = 0

    def feed(self, samples: np.ndarray) -> None:
        """Score the whole frames of ``samples`` (the rest waits for the next block)."""
        data = np.concatenate([self._remainder, np.asarray(samples, dtype=np.float32).reshape(-1)])
        count = data.size // FRAME_SAMPLES
        self._remainder = data[count * FRAME_SAMPLES :]
        if count == 0:
            return
        frames = data[: count * FRAME_SAMPLES].reshape(count, FRAME_SAMPLES)
        probs = self._scorer(frames)
        levels = np.sqrt(np.mean(frames.astype(np.float64) ** 2, axis=1)).astype(np.float32)
        needed = self.frames + count
        if needed > self._probs.size:
            size = max(needed, self._probs.size * 2)
            self._probs = np.resize(self._probs, size)
            self._levels = np.resize(self._levels, size)
        self._probs[self.frames : needed] = probs
        self._levels[self.frames : needed] = levels
        self.frames = needed

    def speech_probabilities(self, start: int = 0, end: int | None = None) -> np.ndarray:
        """Per-frame probabilities, with frames under the level floor set to zero."""
        end = self.frames if end is None else min(end, self.frames)
        probs = self._probs[start:end].copy()
        probs[self._levels[start:end] < self.settings.level_floor] = 0.0
        return probs

    def regions(self, start: int = 0, final: bool = False) -> list[Region]:
        """Speech regions from frame ``start`` on (``final``: the stream has ended, close the last one)."""
        return find_regions(self.speech_probabilities(start), self.settings, offset=start, final=final)

    def speech_seconds(self, start: int = 0) -> float:
        """Seconds of speech from frame ``start`` on, judged frame by frame."""
        return sum(r.seconds for r in self.regions(start, final=True))


def find_regions(probs: np.ndarray, settings: VadSettings, offset: int = 0, final: bool = False) -> list[Region]:
    """Speech regions in a run of frame probabilities (frame indices shifted by ``offset``).

    A region starts at a frame at or above ``threshold``, and ends where the probability fell
    below ``neg_threshold`` for at least ``min_silence``. Without enough silence after it, the
    last region is open (``closed=False``) unless ``final``; an open region's ``end`` is where the
    current quiet began (the speaker may be pausing), or the last frame.
    """
    min_silence = max(1, int(round(settings.min_silence / FRAME_SECONDS)))
    min_speech = max(1, int(round(settings.min_speech / FRAME_SECONDS)))
    found: list[Region] = []
    start: int | None = None
    quiet_since: int | None = None
    for index, prob in enumerate(probs):
        if start is None:
            if prob >= settings.threshold:
                start, quiet_since = index, None
            continue
        if prob >= settings.threshold:
            quiet_since = None
        elif prob < settings.neg_threshold and quiet_since is None:
            quiet_since = index
        if quiet_since is not None and index + 1 - quiet_since >= min_silence:
            if quiet_since - start >= min_speech:
                found.append(Region(offset + start, offset + quiet_since, True))
            start, quiet_since = None, None
    if start is not None:
        end = quiet_since if quiet_since is not None else len(probs)
        if final:
            if end - start >= min_speech:
                found.append(Region(offset + start, offset + end, True))
        else:  # open: its end so far is where the quiet began, if the speaker has paused
            found.append(Region(offset + start, offset + end, False))
    return found
