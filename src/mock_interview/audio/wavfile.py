"""Audio files: an incrementally written WAV that survives a crash or a full disk, and reading any file at 16 kHz.

Each block of a recording is appended and then the header's two sizes are rewritten in place, so
the header is true after every block: a process killed at any moment (``SIGKILL`` included) leaves
a WAV that any reader plays up to its last whole block, not only libsndfile. The file is private
(``0600``) from its first byte. A block the disk refuses raises
:class:`~mock_interview.core.fsutil.WriteFailed`; the file is cut back to its last whole block and
the samples are kept in memory, to be written when there is room again.

The WAV is written with ``os.pwrite`` on the file's own descriptor rather than through libsndfile:
libsndfile writes to a Python file object through C callbacks, where a full disk becomes "Exception
ignored from cffi callback" lines and a header that still says 0 frames.

Reading goes through libsndfile (``soundfile``), on a descriptor opened by
:func:`~mock_interview.core.fsutil.open_regular_file` (a FIFO or device is refused before anything
waits on it), and a header is checked before decoding: a sample rate no recording uses, or more
frames than the file can hold, is an error, not hours of "audio".

Resampling uses libsoxr (``soxr``): a proper low-pass filter, so a device recording at 48 kHz
does not fold 10-15 kHz noise into the speech band as linear interpolation would, at about the
same speed. :class:`StreamResampler` does the same block by block for the recorder and for long
files read from disk.
"""

from __future__ import annotations

import contextlib
import os
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import soxr

from mock_interview.core.fsutil import (
    WriteFailed,
    ensure_private_dir,
    open_private_for_writing,
    open_regular_file,
    reporting_write_failures,
)

SAMPLE_RATE = 16000
READ_BLOCK_SECONDS = 2.0
MIN_RATE, MAX_RATE = 4000, 384000  # telephone audio is 8 kHz, studio audio 192 kHz: outside this, not a recording
MAX_PENDING_SECONDS = 600.0  # audio kept in memory while the disk refuses it (about 19 MB)
# RIFF header, "fmt " chunk (16-bit PCM), "data" chunk header: 44 bytes, the sizes at offsets 4 and 40.
_HEADER = struct.Struct("<4sI4s4sIHHIIHH4sI")
_RIFF_SIZE_AT, _DATA_SIZE_AT = 4, 40
# Decoded bytes per byte of file: WAV and other PCM is 1; FLAC, Ogg and MP3 squeeze speech 2-30 times.
_MAX_EXPANSION = {"WAV": 1.0, "WAVEX": 1.0, "AIFF": 1.0, "RAW": 1.0}
_COMPRESSED_EXPANSION = 64.0
_pwrite = os.pwrite  # every byte of a recording goes through here (tests make it refuse, as a full disk does)
_SAMPLE_BYTES = {"PCM_S8": 1, "PCM_U8": 1, "PCM_16": 2, "PCM_24": 3, "PCM_32": 4, "FLOAT": 4, "DOUBLE": 8}


class AudioFileRefused(ValueError):
    """A file that is not decoded: its header cannot be true. ``str()`` names the file and the reason."""


def wav_header(frames: int, samplerate: int) -> bytes:
    """The 44-byte header of a mono 16-bit PCM WAV holding ``frames`` samples."""
    data = frames * 2
    return _HEADER.pack(
        b"RIFF", 36 + data, b"WAVE", b"fmt ", 16, 1, 1, samplerate, samplerate * 2, 2, 16, b"data", data
    )


def recorded_frames(path: Path, samplerate: int = SAMPLE_RATE) -> int:
    """The whole samples a recording of ours holds (a WAV this module wrote, its writer killed or not).

    A block whose header update never landed (the writer was killed between the two) is not counted:
    the header is the truth, and the bytes after it are cut when the recording goes on.

    Raises:
        AudioFileRefused: The file is not a mono 16-bit WAV at ``samplerate`` as this module writes
            (going on at its end would make it unreadable).
        NotRegularFileError: The path is a link, FIFO, device or folder.
        OSError: The file is missing or unreadable.
    """
    fd = open_regular_file(path, follow_symlinks=False)
    try:
        return _frames_of(fd, path, samplerate)
    finally:
        os.close(fd)


def _frames_of(fd: int, path: Path, samplerate: int) -> int:
    size = os.fstat(fd).st_size
    head = os.pread(fd, _HEADER.size, 0)
    if len(head) == _HEADER.size:
        riff, _, wave, fmt, fmt_size, pcm, channels, rate, _, _, bits, data, data_size = _HEADER.unpack(head)
        ours = (b"RIFF", b"WAVE", b"fmt ", b"data", 16, 1, 1, samplerate, 16)
        if (riff, wave, fmt, data, fmt_size, pcm, channels, rate, bits) == ours:
            return int(min(data_size, size - _HEADER.size) // 2)
    raise AudioFileRefused(
        f"{path}: not a recording this app wrote (mono 16-bit WAV at {samplerate} Hz), so nothing is added to it"
    )


class IncrementalWav:
    """A 16-bit PCM mono WAV file written block by block, its header true after each block.

    With ``append``, an existing recording (see :func:`recorded_frames`) goes on at its end: a
    resumed answer keeps what was said before, and a crash at any moment still leaves one WAV whose
    header covers every whole block. The file is made ``0600`` again if it had been widened.

    Raises (from the constructor and :meth:`write`):
        WriteFailed: The disk refused the file or a block (see the module docstring).
        AudioFileRefused: ``append`` and the file is not a recording of ours (nothing is written).
    """

    def __init__(self, path: Path, samplerate: int = SAMPLE_RATE, *, append: bool = False):
        ensure_private_dir(path.parent)
        self.path = path
        self.samplerate = samplerate
        self.frames = 0  # samples on disk
        self.dropped = 0  # samples lost because more than MAX_PENDING_SECONDS waited for the disk
        self._pending: list[bytes] = []  # samples the disk refused, oldest first (16-bit, little-endian)
        self._file = open_private_for_writing(path, keep=append)
        self._fd = self._file.fileno()
        try:
            # an empty file (its writer killed before the header) has nothing to keep
            earlier = _frames_of(self._fd, path, samplerate) if append and os.fstat(self._fd).st_size else None
            with reporting_write_failures(path):
                if earlier is None:
                    self._write_at(wav_header(0, samplerate), 0)
                else:
                    os.fchmod(self._fd, 0o600)
                    os.ftruncate(self._fd, _HEADER.size + earlier * 2)  # a half-written last block is not audio
                    self._write_at(wav_header(earlier, samplerate), 0)
                    self.frames = earlier
        except BaseException:
            self._file.close()
            raise
        self.earlier_frames = self.frames  # samples the file held before this writer (a resumed answer)

    def write(self, samples: np.ndarray) -> None:
        """Append float samples in [-1, 1]; on disk (header updated) when this returns.

        Raises:
            WriteFailed: The disk refused them; they are kept and written first by the next call
                (or :meth:`write_pending`, or :meth:`close`).
        """
        if samples.size:
            self.keep(samples)
        self.write_pending()

    def keep(self, samples: np.ndarray) -> None:
        """Hold samples in memory, to be written by the next :meth:`write_pending` (after a failure)."""
        pcm = (np.clip(np.asarray(samples, dtype=np.float32), -1.0, 1.0) * 32767.0).round().astype("<i2").tobytes()
        self._pending.append(pcm)
        limit = int(MAX_PENDING_SECONDS * self.samplerate) * 2
        while sum(len(block) for block in self._pending) > limit and len(self._pending) > 1:
            self.dropped += len(self._pending.pop(0)) // 2

    @property
    def pending_seconds(self) -> float:
        """Seconds of audio held in memory, not on disk yet."""
        return sum(len(block) for block in self._pending) / 2 / self.samplerate

    def write_pending(self) -> None:
        """Write what the disk refused before (oldest first).

        Raises:
            WriteFailed: The disk still refuses it; it stays in memory.
        """
        while self._pending:
            block = self._pending[0]
            end = _HEADER.size + self.frames * 2
            try:
                with reporting_write_failures(self.path):
                    self._write_at(block, end)
                    frames = self.frames + len(block) // 2
                    self._write_at(struct.pack("<I", 36 + frames * 2), _RIFF_SIZE_AT)
                    self._write_at(struct.pack("<I", frames * 2), _DATA_SIZE_AT)
            except WriteFailed:
                with contextlib.suppress(OSError):
                    os.ftruncate(self._fd, end)  # a half-written block is not audio: back to the last whole one
                    self._write_at(struct.pack("<I", 36 + self.frames * 2), _RIFF_SIZE_AT)
                    self._write_at(struct.pack("<I", self.frames * 2), _DATA_SIZE_AT)
                raise
            self.frames = frames
            self._pending.pop(0)

    def _write_at(self, data: bytes, offset: int) -> None:
        view = memoryview(data)
        while view:
            written = _pwrite(self._fd, view, offset)
            view, offset = view[written:], offset + written

    @property
    def seconds(self) -> float:
        """Seconds on disk so far."""
        return self.frames / self.samplerate

    def close(self) -> None:
        """Write what is still held (a last try) and close the file; its header is already final.

        Raises:
            WriteFailed: Audio held in memory could not be written even now (what is on disk is
                a complete WAV of :attr:`seconds`).
        """
        try:
            self.write_pending()
            with contextlib.suppress(OSError):
                os.fsync(self._fd)
        finally:
            self._file.close()


def _close_quietly(fd: int) -> None:
    with contextlib.suppress(OSError):  # already closed by the library that failed to open it
        os.close(fd)


@contextlib.contextmanager
def open_audio(path: Path) -> Iterator[Any]:
    """An audio file opened for reading (a ``soundfile.SoundFile``), its header checked first.

    Raises:
        NotRegularFileError: The path is a FIFO, device or folder (refused before it is read).
        AudioFileRefused: The header says a sample rate no recording uses, or more audio than the
            file holds.
        OSError, RuntimeError: The file is missing, unreadable or not audio (libsndfile's errors).
    """
    import soundfile

    fd = open_regular_file(path)
    size = os.fstat(fd).st_size
    try:
        source = soundfile.SoundFile(fd, closefd=True)
    except soundfile.LibsndfileError as exc:
        # libsndfile has closed the descriptor already: closing it again raised EBADF, which hid the reason
        # ("cannot read ans.txt as audio ([Errno 9] Bad file descriptor)" for a text file)
        _close_quietly(fd)
        reason = exc.error_string.rstrip(".") or "not a format it reads"
        raise AudioFileRefused(f"{path} is not an audio file ({reason})") from None
    except BaseException:
        _close_quietly(fd)
        raise
    with source:
        rate = source.samplerate
        if not MIN_RATE <= rate <= MAX_RATE:
            raise AudioFileRefused(
                f"{path}: its header says {rate} samples a second, which no recording uses "
                f"({MIN_RATE:,} to {MAX_RATE:,}); the file is damaged or not audio"
            )
        sample_bytes = _SAMPLE_BYTES.get(source.subtype, 2)
        expansion = _MAX_EXPANSION.get(source.format, _COMPRESSED_EXPANSION)
        claimed = source.frames * source.channels * sample_bytes
        if source.frames > 0 and claimed > size * expansion + 4096:
            raise AudioFileRefused(
                f"{path}: its header claims {source.frames / rate:.0f} s of audio, more than its "
                f"{size:,} bytes can hold; the file is damaged"
            )
        yield source


def read_wav(path: Path, samplerate: int = SAMPLE_RATE) -> np.ndarray:
    """Read a whole audio file (even a WAV whose writer was killed) as mono float32 at ``samplerate``.

    For short files (playback, tests); long files should go through :func:`iter_audio_blocks`.

    Raises:
        See :func:`open_audio`.
    """
    with open_audio(path) as source:
        data = source.read(dtype="float32", always_2d=True)
        rate = source.samplerate
    mono = data.mean(axis=1)
    if rate != samplerate:
        mono = resample(mono, rate, samplerate)
    return mono.astype(np.float32)


def audio_file_seconds(path: Path) -> float:
    """The length of an audio file in seconds, from its header (or its size, for an unclosed WAV).

    Raises:
        See :func:`open_audio`.
    """
    with open_audio(path) as source:
        return float(source.frames) / float(source.samplerate)


def iter_audio_blocks(
    path: Path, samplerate: int = SAMPLE_RATE, block_seconds: float = READ_BLOCK_SECONDS
) -> Iterator[np.ndarray]:
    """Yield a file's audio as mono float32 blocks at ``samplerate``, reading a few seconds at a time.

    Memory stays bounded whatever the file's length: a 30-minute recording is never held whole.

    Raises:
        See :func:`open_audio`.
    """
    with open_audio(path) as source:
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
