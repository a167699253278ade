"""Audio files: an incrementally written WAV that survives a crash, and reading any file at 16 kHz.

Each block of a recording is written and flushed at once. If the process dies, the header still
says the data is empty, but libsndfile (through ``soundfile``) reads such a file up to its last
complete frame; :func:`read_wav` and :func:`iter_audio_blocks` do exactly that. The file is
private (``0600``) from its first byte.

Resampling uses libsoxr (``soxr``): a proper low-pass filter, so a device recording at 48 kHz
does not fold 10-15 kHz noise into the speech band as linear interpolation would, at about the
same speed. :class:`StreamResampler` does the same block by block for the recorder and for long
files read from disk.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import soxr

from mock_interview.core.fsutil import ensure_private_dir, open_private_for_writing

SAMPLE_RATE = 16000
READ_BLOCK_SECONDS = 2.0


class IncrementalWav:
    """A 16-bit PCM mono WAV file written block by block."""

    def __init__(self, path: Path, samplerate: int = SAMPLE_RATE):
        import soundfile

        ensure_private_dir(path.parent)
        self.path = path
        self.samplerate = samplerate
        self._raw = open_private_for_writing(path)
        self._file = soundfile.SoundFile(
            self._raw, mode="w", samplerate=samplerate, channels=1, subtype="PCM_16", format="WAV"
        )
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
    """Read a whole audio file (even a WAV whose writer was killed) as mono float32 at ``samplerate``.

    For short files (playback, tests); long files should go through :func:`iter_audio_blocks`.
    """
    import soundfile

    data, rate = soundfile.read(str(path), dtype="float32", always_2d=True)
    mono = data.mean(axis=1)
    if rate != samplerate:
        mono = resample(mono, rate, samplerate)
    return mono.astype(np.float32)


def audio_file_seconds(path: Path) -> float:
    """The length of an audio file in seconds, from its header (or its size, for an unclosed WAV)."""
    import soundfile

    info = soundfile.info(str(path))
    return float(info.frames) / float(info.samplerate) if info.samplerate else 0.0


def iter_audio_blocks(
    path: Path, samplerate: int = SAMPLE_RATE, block_seconds: float = READ_BLOCK_SECONDS
) -> Iterator[np.ndarray]:
    """Yield a file's audio as mono float32 blocks at ``samplerate``, reading a few seconds at a time.

    Memory stays bounded whatever the file's length: a 30-minute recording is never held whole.
    """
    import soundfile

    with soundfile.SoundFile(str(path)) as source:
        rate = source.samplerate
        resampler = StreamResampler(rate, samplerate)
        frames = max(1, int(rate * block_seconds))
        for block in source.blocks(blocksize=frames, dtype="float32", always_2d=True):
            out = resampler.process(block.mean(axis=1))
            if out.size:
                yield out
        tail = resampler.flush()
        if tail.size:
            yield tail


def resample(samples: np.ndarray, source_rate: float, target_rate: float) -> np.ndarray:
    """Resample a whole signal with libsoxr (band-limited: no aliasing into the speech band)."""
    if source_rate == target_rate or samples.size == 0:
        return samples.astype(np.float32)
    return np.asarray(
        soxr.resample(samples.astype(np.float32), source_rate, target_rate, quality="HQ"), dtype=np.float32
    )


class StreamResampler:
    """Resamples a stream block by block (libsoxr's ``ResampleStream``), with no clicks at block edges.

    The filter delays the output by a few milliseconds; :meth:`flush` returns what is held back
    at the end, so a stream resampled in blocks has the length of the whole signal resampled.
    """

    def __init__(self, source_rate: float, target_rate: float = SAMPLE_RATE):
        self.source_rate = float(source_rate)
        self.target_rate = float(target_rate)
        self._passthrough = self.source_rate == self.target_rate
        self._stream = (
            None
            if self._passthrough
            else soxr.ResampleStream(self.source_rate, self.target_rate, 1, dtype="float32", quality="HQ")
        )

    def process(self, block: np.ndarray) -> np.ndarray:
        """Resample the next block of input (may return fewer samples at first, while the filter fills)."""
        samples = np.ascontiguousarray(block, dtype=np.float32).reshape(-1)
        if self._stream is None:
            return samples
        return np.asarray(self._stream.resample_chunk(samples), dtype=np.float32)

    def flush(self) -> np.ndarray:
        """The samples still held in the filter, at the end of the stream (call once)."""
        if self._stream is None:
            return np.zeros(0, dtype=np.float32)
        return np.asarray(self._stream.resample_chunk(np.zeros(0, dtype=np.float32), last=True), dtype=np.float32)
