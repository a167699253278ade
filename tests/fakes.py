"""Fakes for fast unit tests (the real components have their own tests in tests/real)."""

from __future__ import annotations

import threading
import time
import weakref
from pathlib import Path
from typing import Any

import numpy as np

RATE = 16000
FRAME = 512
LOUD = 0.02


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def bursts(pattern: list[tuple[float, int | None]], rate: int = RATE, seed: int = 7) -> np.ndarray:
    """Audio made of (seconds, frequency) parts: a tone burst stands for a word, ``None`` for a quiet pause.

    Each burst's frequency is its identity: :class:`FakeTranscriber` "recognises" it as ``f<Hz>``.
    """
    rng = np.random.default_rng(seed)
    parts = []
    for seconds, frequency in pattern:
        count = int(seconds * rate)
        if frequency:
            t = np.arange(count) / rate
            parts.append((0.3 * np.sin(2 * np.pi * frequency * t)).astype(np.float32))
        else:
            parts.append((0.0005 * rng.standard_normal(count)).astype(np.float32))
    return np.concatenate(parts)


def tone_with_pauses(pattern: list[tuple[float, bool]], rate: int = RATE) -> np.ndarray:
    """Audio made of (seconds, is_speech) parts: bursts at 200, 300, 400 Hz... and quiet pauses."""
    frequencies = iter(range(200, 200 + 100 * len(pattern), 100))
    return bursts([(seconds, next(frequencies) if speech else None) for seconds, speech in pattern], rate)


class EnergyScorer:
    """A speech detector's frame scorer for tests: a loud frame is "speech" (the real one is Silero)."""

    def __call__(self, frames: np.ndarray) -> np.ndarray:
        levels = np.sqrt(np.mean(frames.astype(np.float64) ** 2, axis=1))
        return (levels > LOUD).astype(np.float32)


def energy_detector() -> Any:
    """A :class:`~mock_interview.transcription.vad.SpeechDetector` that takes loud frames for speech."""
    from mock_interview.transcription.vad import SpeechDetector

    return SpeechDetector(scorer=EnergyScorer())


class FakeTranscriber:
    """ "Recognises" each tone burst of a piece as the word ``f<Hz>`` at its place; records the pieces and prompts."""

    label = "fake"

    def __init__(self, delay: float = 0.0) -> None:
        self.pieces: list[int] = []
        self.prompts: list[str | None] = []
        self.delay = delay

    def transcribe(self, audio: np.ndarray, prompt: str | None = None, speech_end: float | None = None) -> Any:
        from mock_interview.transcription.transcriber import Transcript

        self.pieces.append(audio.size)
        self.prompts.append(prompt)
        if self.delay:
            time.sleep(self.delay)
        words = []
        count = audio.size // FRAME
        loud = np.sqrt(np.mean(audio[: count * FRAME].reshape(count, FRAME).astype(np.float64) ** 2, axis=1)) > LOUD
        index = 0
        while index < count:
            if not loud[index]:
                index += 1
                continue
            end = index
            while end < count and loud[end]:
                end += 1
            if end - index >= 3:
                burst = audio[index * FRAME : end * FRAME]
                spectrum = np.abs(np.fft.rfft(burst))
                frequency = int(round(np.argmax(spectrum) * RATE / burst.size / 10.0) * 10)
                words.append((f"f{frequency}", index * FRAME / RATE, end * FRAME / RATE))
            index = end
        return Transcript(" ".join(w for w, _, _ in words), words, audio.size / RATE, self.label)


_started_recorders: weakref.WeakSet[FakeRecorder] = weakref.WeakSet()


def stop_running_recorders() -> int:
    """Stop every fake microphone still playing; returns how many were.

    Quitting the app does not wait for its microphone to close (a frozen audio server must never hold
    it up), so a test that ends mid-recording leaves its fake playing: its writes would land in the next
    test's faults (a full disk counting them as its own refusals) and its WAV would grow for ever.
    """
    running = [recorder for recorder in list(_started_recorders) if recorder.playing]
    for recorder in running:
        recorder.stop()
    return len(running)


class FakeRecorder:
    """Plays an array into ``on_block`` in 100 ms blocks, as a microphone would, and writes the WAV file."""

    audio: np.ndarray = np.zeros(0, dtype=np.float32)
    speed = 20.0  # times faster than real time

    def __init__(
        self,
        path: Path,
        device: Any = None,
        *,
        on_block: Any = None,
        on_level: Any = None,
        on_silence: Any = None,
        on_live: Any = None,
        on_interrupted: Any = None,
        append: bool = False,
    ) -> None:
        from mock_interview.audio.recorder import RecordingStats

        self.path = path
        self.append = append
        self.on_block = on_block
        self.on_level = on_level
        self.on_silence = on_silence
        self.on_live = on_live
        self.on_interrupted = on_interrupted
        self.paused = False
        self.stats = RecordingStats(device="fake microphone")
        self.live = threading.Event()
        self.unplugged = threading.Event()  # set by a test: the device stops, as the real recorder reports it
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        from mock_interview.audio.wavfile import IncrementalWav

        self._wav = IncrementalWav(self.path, append=self.append)
        self._thread = threading.Thread(target=self._play, daemon=True)
        self._thread.start()
        _started_recorders.add(self)

    @property
    def playing(self) -> bool:
        """Whether the fake's thread still runs (not stopped, not unplugged)."""
        return self._thread is not None and self._thread.is_alive()

    def _play(self) -> None:
        block = RATE // 10
        position = 0
        while not self._stop.is_set():
            if self.unplugged.is_set():
                if self.on_interrupted is not None:
                    self.on_interrupted("the microphone stopped: no audio from 'fake microphone' for 1.5 s (unplugged)")
                return
            samples = self.audio[position : position + block]
            if samples.size < block:  # the end of the clip: silence from then on
                samples = np.concatenate([samples, np.zeros(block - samples.size, dtype=np.float32)])
            position += block
            self._wav.write(samples)
            self.stats.seconds += samples.size / RATE
            if not self.live.is_set():
                self.live.set()
                if self.on_live is not None:
                    self.on_live()
            if self.on_level is not None:
                self.on_level(float(np.sqrt(np.mean(samples**2))), self.stats.seconds)
            if self.on_block is not None and not self.paused:
                self.on_block(samples)
            time.sleep(0.1 / self.speed)

    def wait_until_live(self, timeout: float) -> bool:
        return self.live.wait(timeout)

    def stop(self) -> Any:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        self._wav.close()
        return self.stats


class SilentMicrophone(FakeRecorder):
    """A microphone that works but hears nothing (muted, or the wrong input)."""

    audio = np.zeros(16000, dtype=np.float32)
