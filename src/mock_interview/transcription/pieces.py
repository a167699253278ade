"""The pieces a streaming transcription is cut into, their reports, and the audio they are cut from."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from mock_interview.transcription.guards import TimeSpan
from mock_interview.transcription.transcriber import SAMPLE_RATE
from mock_interview.transcription.transcript import TimedWord


@dataclass(frozen=True)
class PieceReport:
    """One decoded piece: where it was (seconds of the recording), its speech, its decoding time, the backlog then."""

    start: float
    end: float
    speech_seconds: float
    decode_seconds: float
    backlog_seconds: float
    words: int
    provisional: bool
    began: float = 0.0  # time.perf_counter() when decoding began


@dataclass
class Piece:
    """Audio to decode and what to do with its words."""

    audio: np.ndarray
    spans: list[tuple[int, int, int]]  # (sample in the piece, sample in the recording, length)
    speech: list[TimeSpan]  # speech regions, in seconds of the piece (the context counts as speech)
    prompt: str
    context: float  # seconds at the start that were transcribed before: acoustic context only
    cut: int  # frame where the committed audio will end
    next_context: tuple[int, int] | None  # frames of this piece's speech to give the next piece as context
    last_region_end: int  # frame
    provisional: bool
    backlog: float
    speech_seconds: float

    def to_recording(self, seconds: float) -> float:
        """A time in the piece as a time in the recording."""
        sample = seconds * SAMPLE_RATE
        for piece_start, source_start, length in self.spans:
            if sample <= piece_start + length:
                return (source_start + max(0.0, sample - piece_start)) / SAMPLE_RATE
        _, source_start, length = self.spans[-1]
        return (source_start + length) / SAMPLE_RATE


@dataclass
class DecodedPiece:
    """A piece and the words heard in it, on the recording's clock."""

    piece: Piece
    words: list[TimedWord]


@dataclass
class AudioBuffer:
    """The audio still needed (not yet transcribed, or kept as context), addressed by sample index."""

    base: int = 0
    blocks: list[np.ndarray] = field(default_factory=list)
    size: int = 0

    def append(self, samples: np.ndarray) -> None:
        """Add samples at the end."""
        self.blocks.append(samples)
        self.size += samples.size

    @property
    def end(self) -> int:
        """The sample index just after the last sample held."""
        return self.base + self.size

    def _whole(self) -> np.ndarray:
        if len(self.blocks) != 1:
            self.blocks = [np.concatenate(self.blocks) if self.blocks else np.zeros(0, dtype=np.float32)]
        return self.blocks[0]

    def slice(self, start: int, end: int) -> np.ndarray:
        """A copy of the samples from ``start`` to ``end`` (recording indices), clipped to what is held."""
        start, end = max(start, self.base), min(end, self.end)
        if end <= start:
            return np.zeros(0, dtype=np.float32)
        return self._whole()[start - self.base : end - self.base].copy()

    def drop_before(self, sample: int) -> None:
        """Forget the samples before ``sample``: they are transcribed and no longer needed as context."""
        if sample <= self.base:
            return
        whole = self._whole()
        cut = min(sample - self.base, whole.size)
        rest = whole[cut:]
        self.blocks = [rest] if rest.size else []
        self.base += cut
        self.size = rest.size
