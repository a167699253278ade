"""An incrementally written WAV file that survives a crash up to its last block.

Each block is written and flushed at once. If the process dies, the header still says the data is
empty, but libsndfile (through ``soundfile``) reads such a file up to its last complete frame;
:func:`read_wav` does exactly that. The file is private (``0600``) from its first byte.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from mock_interview.core.fsutil import ensure_private_dir, open_private_for_writing

SAMPLE_RATE = 16000


class IncrementalWav:
    """A 16-bit PCM mono WAV file written block by block."""

    def __init__(self, path: Path, samplerate: int = SAMPLE_RATE):
        import soundfile

        ensure_private_dir(path.parent)
        self.path = path
        self.samplerate = samplerate
        self._raw = open_private_for_writing(path)
        self._file = soundfile.SoundFile(self._raw, mode="w", samplerate=samplerate, channels=1, subtype="PCM_16", format="WAV")
        self.frames = 0

    def write(self, samples: np.ndarray) -> None:
        """Append float samples in [-1, 1] and flush them to disk."""
        if samples.size == 0:
            return
        self._file.write(np.clip(samples, -1.0, 1.0).astype(np.float32))
        self._file.flush()
        self._raw.flush()
        self.frames += len(samples)

    @property
    def seconds(self) -> float:
        """Seconds written so far."""
        return self.frames / self.samplerate

    def close(self) -> None:
        """Finish the header and close the file."""
        try:
            self._file.close()
        finally:
            self._raw.close()


def read_wav(path: Path, samplerate: int = SAMPLE_RATE) -> np.ndarray:
    """Read a WAV (even one whose writer was killed) as mono float32 at ``samplerate``."""
    import soundfile

    data, rate = soundfile.read(str(path), dtype="float32", always_2d=True)
    mono = data.mean(axis=1)
    if rate != samplerate:
        mono = resample(mono, rate, samplerate)
    return mono.astype(np.float32)


def resample(samples: np.ndarray, source_rate: float, target_rate: float) -> np.ndarray:
    """Linear-interpolation resampling (enough for speech recognition at 16 kHz)."""
    if source_rate == target_rate or samples.size == 0:
        return samples.astype(np.float32)
    duration = samples.size / source_rate
    target_count = int(round(duration * target_rate))
    positions = np.arange(target_count) * (source_rate / target_rate)
    return np.interp(positions, np.arange(samples.size), samples).astype(np.float32)


class StreamResampler:
    """Resamples a stream block by block without clicks at the block edges."""

    def __init__(self, source_rate: float, target_rate: float = SAMPLE_RATE):
        self.ratio = source_rate / target_rate
        self.source_rate = source_rate
        self._position = 0.0  # next output sample's position, in input samples, relative to the pending block
        self._last = np.zeros(0, dtype=np.float32)

    def process(self, block: np.ndarray) -> np.ndarray:
        """Resample the next block of input."""
        if self.ratio == 1.0:
            return block.astype(np.float32)
        data = np.concatenate([self._last, block.astype(np.float32)])
        available = data.size - 1
        if available <= self._position:
            self._last = data
            return np.zeros(0, dtype=np.float32)
        positions = np.arange(self._position, available, self.ratio)
        out = np.interp(positions, np.arange(data.size), data)
        next_position = positions[-1] + self.ratio if positions.size else self._position
        keep_from = int(np.floor(next_position))
        self._last = data[keep_from:]
        self._position = next_position - keep_from
        return out.astype(np.float32)
