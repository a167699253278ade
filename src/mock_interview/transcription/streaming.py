"""Transcribing while the user speaks: cut the audio at natural pauses and transcribe each piece.

Every Whisper call costs a full 30-second window whatever the input's length, so tiny pieces
waste CPU. Audio is buffered until at least ``min_chunk`` seconds are waiting; then Silero VAD
(shipped with faster-whisper) finds the last pause of at least ``pause`` seconds and the audio up
to it is transcribed in the background. When the user stops, only the tail since the last cut is
left, so the final transcript is ready about a second later whatever the answer's length.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import numpy as np

from mock_interview.transcription.transcriber import SAMPLE_RATE, DISFLUENT_PROMPT, Transcript, Transcriber

MIN_CHUNK_SECONDS = 6.0
MAX_CHUNK_SECONDS = 24.0
PAUSE_SECONDS = 0.35


VAD_WINDOW_SECONDS = 4.0


def find_cut(audio: np.ndarray, min_samples: int, pause_samples: int) -> int | None:
    """The sample index of the last pause (after ``min_samples``) in ``audio``, or ``None``.

    Looks backwards from the end in windows of a few seconds: Silero VAD (from faster-whisper)
    batches a whole input at once, and a 24-second input costs a couple of hundred megabytes,
    while a 4-second window costs a few. Falls back to quiet-energy search where VAD is unavailable
    or the audio is loud but not speech.
    """
    window = int(VAD_WINDOW_SECONDS * SAMPLE_RATE)
    end = audio.size
    while end > min_samples:
        start = max(0, min_samples - pause_samples, end - window)
        cut = _cut_in_window(audio[start:end], start, min_samples, pause_samples, at_end=end == audio.size)
        if cut is not None:
            return cut
        if start <= max(0, min_samples - pause_samples):
            break
        end = start + pause_samples  # overlap, so a pause across the edge is seen
    return None


def _cut_in_window(piece: np.ndarray, offset: int, min_samples: int, pause_samples: int, at_end: bool) -> int | None:
    speech = _speech_segments(piece, pause_samples)
    if speech is None:
        return _quiet_cut(piece, offset, min_samples, pause_samples)
    if not speech:
        return offset + piece.size if at_end and piece.size >= pause_samples else None  # silence only
    cut = None
    for current, following in zip(speech, speech[1:]):
        middle = offset + (current["end"] + following["start"]) // 2
        if middle >= min_samples and following["start"] - current["end"] >= pause_samples // 2:
            cut = middle
    if at_end and piece.size - speech[-1]["end"] >= pause_samples and offset + speech[-1]["end"] >= min_samples:
        cut = offset + speech[-1]["end"] + (piece.size - speech[-1]["end"]) // 2
    return cut


def _speech_segments(piece: np.ndarray, pause_samples: int) -> list[dict] | None:
    """Silero VAD speech segments, or ``None`` to use the energy fallback."""
    try:
        from faster_whisper.vad import VadOptions, get_speech_timestamps

        speech = get_speech_timestamps(piece, VadOptions(min_silence_duration_ms=int(pause_samples * 1000 / SAMPLE_RATE),
                                                         speech_pad_ms=100))
    except Exception:
        return None
    if not speech and float(np.sqrt(np.mean(piece.astype(np.float64) ** 2))) > 0.01:
        return None  # loud but "no speech" (music, a tone): judge pauses by energy instead
    return speech


def _quiet_cut(piece: np.ndarray, offset: int, min_samples: int, pause_samples: int) -> int | None:
    frame = SAMPLE_RATE // 50
    if piece.size < frame:
        return None
    energies = np.sqrt(np.mean(piece[: piece.size // frame * frame].reshape(-1, frame) ** 2, axis=1))
    quiet = energies < max(0.01, float(np.percentile(energies, 20)) * 1.5)
    needed = max(1, pause_samples // frame)
    run = 0
    cut = None
    for index, is_quiet in enumerate(quiet):
        run = run + 1 if is_quiet else 0
        position = offset + (index - run // 2) * frame
        if run >= needed and position >= min_samples:
            cut = position
    return cut


class StreamingTranscriber:
    """Feeds audio as it arrives; transcribes finished pieces in a background thread."""

    def __init__(self, transcriber: Transcriber, *, on_update: Callable[[str], None] | None = None,
                 min_chunk: float = MIN_CHUNK_SECONDS, max_chunk: float = MAX_CHUNK_SECONDS, pause: float = PAUSE_SECONDS):
        self.transcriber = transcriber
        self.on_update = on_update
        self.min_samples = int(min_chunk * SAMPLE_RATE)
        self.max_samples = int(max_chunk * SAMPLE_RATE)
        self.pause_samples = int(pause * SAMPLE_RATE)
        self._pending: list[np.ndarray] = []
        self._pending_size = 0
        self._offset = 0  # samples already handed to the transcriber
        self._texts: list[str] = []
        self._words: list[tuple[str, float, float]] = []
        self._lock = threading.Lock()
        self._work = threading.Condition(self._lock)
        self._jobs: list[tuple[np.ndarray, int]] = []
        self._closing = False
        self._busy = False
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="streaming-transcriber", daemon=True)
        self._thread.start()
        self.chunks = 0

    @property
    def text(self) -> str:
        """The transcript so far."""
        with self._lock:
            return " ".join(self._texts)

    def feed(self, samples: np.ndarray) -> None:
        """Add 16 kHz audio; cut and queue a piece when a pause is found."""
        with self._lock:
            self._pending.append(samples.astype(np.float32))
            self._pending_size += samples.size
            if self._pending_size < self.min_samples or self._busy or self._jobs:
                if self._pending_size < self.max_samples:
                    return
            audio = np.concatenate(self._pending)
        cut = find_cut(audio, self.min_samples, self.pause_samples) if audio.size < self.max_samples else None
        if cut is None and audio.size >= self.max_samples:
            cut = find_cut(audio, self.min_samples // 2, self.pause_samples // 2) or self.max_samples
        if cut is None:
            return
        with self._lock:
            # audio may have grown meanwhile: only the first `cut` samples of what we looked at leave
            merged = np.concatenate(self._pending)
            piece, rest = merged[:cut], merged[cut:]
            self._pending = [rest] if rest.size else []
            self._pending_size = rest.size
            self._jobs.append((piece, self._offset))
            self._offset += piece.size
            self._work.notify()

    def _run(self) -> None:
        while True:
            with self._lock:
                while not self._jobs and not self._closing:
                    self._work.wait()
                if not self._jobs and self._closing:
                    return
                piece, offset = self._jobs.pop(0)
                self._busy = True
                prompt = self._prompt()
            try:
                result = self.transcriber.transcribe(piece, prompt=prompt)
            except BaseException as exc:
                with self._lock:
                    self._error = exc
                    self._busy = False
                    self._work.notify_all()
                continue
            start = offset / SAMPLE_RATE
            with self._lock:
                if result.text:
                    self._texts.append(result.text)
                self._words.extend((w, s + start, e + start) for w, s, e in result.words)
                self._busy = False
                self.chunks += 1
                self._work.notify_all()
                text = " ".join(self._texts)
            if self.on_update is not None:
                self.on_update(text)

    def _prompt(self) -> str:
        # Disfluent text keeps fillers; the tail of what was said keeps the pieces coherent.
        tail = " ".join(" ".join(self._texts).split()[-30:])
        return f"{DISFLUENT_PROMPT} {tail}".strip()

    def finish(self) -> Transcript:
        """Transcribe the remaining tail and return the whole transcript (blocks until done)."""
        with self._lock:
            if self._pending_size:
                piece = np.concatenate(self._pending)
                self._jobs.append((piece, self._offset))
                self._offset += piece.size
                self._pending, self._pending_size = [], 0
            self._closing = True
            self._work.notify_all()
        self._thread.join()
        if self._error is not None:
            raise self._error
        return Transcript(" ".join(self._texts), list(self._words), self._offset / SAMPLE_RATE,
                          getattr(self.transcriber, "label", ""))

    def cancel(self) -> None:
        """Drop pending audio and stop the background thread."""
        with self._lock:
            self._jobs.clear()
            self._pending, self._pending_size = [], 0
            self._closing = True
            self._work.notify_all()
