"""Recording an answer: an input stream whose callback only queues blocks, and a writer thread.

The PortAudio callback runs on a real-time thread and must never block, so it copies the block
into a queue and returns. A writer thread takes blocks off the queue, resamples them to 16 kHz
mono with libsoxr if the device could not record at that rate, appends them to the answer's WAV
file (its header true after every block, see :mod:`mock_interview.audio.wavfile`), measures the
level and hands the block to the streaming transcriber.

Opening a stream is not the same as recording: PulseAudio and others take a moment before the
first block arrives. :attr:`Recorder.live` is set (and ``on_live`` called) only when audio is
flowing, so callers say "Speak now" and start the answer clock then, never before.

Recording can stop underneath the user: the microphone is unplugged or the audio server freezes
(no block for :data:`DEVICE_SILENT_SECONDS`), or the disk refuses the file. Either way
``on_interrupted`` is called at once with a sentence saying what happened and what to do; the
audio so far stays on disk (and what the disk refused, in memory), and the transcriber has had
every block. Opening, starting, stopping and closing the stream all run with deadlines
(:mod:`mock_interview.audio.deadlines`), so a frozen audio server is reported, never waited on.
"""

from __future__ import annotations

import contextlib
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from mock_interview.audio.deadlines import OPEN_SECONDS, AudioServerNotAnswering, close_stream, within
from mock_interview.audio.devices import AudioUnavailable, find_input_device, load_sounddevice
from mock_interview.audio.wavfile import SAMPLE_RATE, AudioFileRefused, IncrementalWav, StreamResampler
from mock_interview.core.fsutil import WriteFailed

BLOCK_SECONDS = 0.05  # short blocks: stopping waits for at most one
SILENCE_RMS = 0.004
SILENCE_WARNING_SECONDS = 4.0
DEVICE_SILENT_SECONDS = 1.5  # no block at all for this long (blocks come every 50 ms): the device stopped
WRITER_JOIN_SECONDS = 5.0


@dataclass
class RecordingStats:
    """What happened during a recording."""

    seconds: float = 0.0
    overflows: int = 0
    peak_rms: float = 0.0
    device: str = ""
    device_rate: float = SAMPLE_RATE
    warnings: list[str] = field(default_factory=list)
    interrupted: str = ""  # why recording stopped by itself (device gone, disk full), if it did


class Recorder:
    """Records from an input device into ``path`` as it goes; ``on_block`` gets each 16 kHz block.

    Args:
        path: The WAV file (created ``0600``).
        device: An input device index or part of its name; ``None`` for the default.
        on_block: Called with each 16 kHz block (the transcriber), written to disk or not.
        on_level: Called with the level (RMS) and seconds recorded after each block.
        on_silence: Called once if nothing at all is heard in the first seconds.
        on_live: Called once when the first block of audio has arrived.
        on_interrupted: Called once, from the writer thread, when recording stops by itself: the
            device sent nothing for :data:`DEVICE_SILENT_SECONDS`, or the disk refused the file.
        append: Go on at the end of an existing recording (a resumed answer); ``stats.seconds`` and
            the levels' seconds count only what this recorder adds.
    """

    def __init__(
        self,
        path: Path,
        device: str | int | None = None,
        *,
        on_block: Callable[[np.ndarray], None] | None = None,
        on_level: Callable[[float, float], None] | None = None,
        on_silence: Callable[[], None] | None = None,
        on_live: Callable[[], None] | None = None,
        on_interrupted: Callable[[str], None] | None = None,
        append: bool = False,
    ):
        self.path = path
        self.append = append
        self.device_spec = device
        self.on_block = on_block
        self.on_level = on_level
        self.on_silence = on_silence
        self.on_live = on_live
        self.on_interrupted = on_interrupted
        self.stats = RecordingStats()
        self.paused = False
        self.live = threading.Event()  # set when the first block of audio has been written
        self.interrupted = threading.Event()  # set when recording stopped by itself (stats.interrupted says why)
        self._queue: queue.Queue[np.ndarray | None] = queue.Queue()
        self._stream: Any = None
        self._writer: threading.Thread | None = None
        self._wav: IncrementalWav | None = None
        self._resampler: StreamResampler | None = None
        self._portaudio_error: type[Exception] = OSError
        self._error: BaseException | None = None
        self._silence_reported = False
        self._last_callback = time.monotonic()
        self._stopping = False

    def start(self) -> None:
        """Open the device and start recording.

        Raises:
            AudioUnavailable: No PortAudio, no device, the device refused every setting, or the
                audio server did not answer in time.
            WriteFailed: The recording's file cannot be created (disk full, read-only).
            AudioFileRefused: ``append`` and the file is not a recording of ours (it is left alone).
        """
        sd = load_sounddevice()
        device = find_input_device(self.device_spec)
        self.stats.device = device.name
        stream = None
        errors = []
        for rate in (SAMPLE_RATE, device.default_samplerate, 48000, 44100):

            def open_stream(rate: float = rate) -> Any:
                return sd.InputStream(
                    device=device.index,
                    samplerate=rate,
                    channels=1,
                    dtype="float32",
                    blocksize=int(rate * BLOCK_SECONDS),
                    callback=self._callback,
                )

            try:
                stream = within(OPEN_SECONDS, f"opening the input '{device.name}'", open_stream)
                self.stats.device_rate = float(rate)
                break
            except (sd.PortAudioError, ValueError) as exc:  # unsupported rate, busy device, ...
                errors.append(f"{rate:.0f} Hz: {exc}")
        if stream is None:
            raise AudioUnavailable(
                f"the input '{device.name}' refused to record ({'; '.join(errors)}); "
                "close other programs using it or pick another device in Settings"
            )
        try:
            self._wav = IncrementalWav(self.path, append=self.append)
        except (WriteFailed, AudioFileRefused):
            close_stream(stream, "closing the input")
            raise
        self._stream = stream
        self._portaudio_error = sd.PortAudioError
        self._resampler = StreamResampler(self.stats.device_rate, SAMPLE_RATE)
        self._last_callback = time.monotonic()
        self._writer = threading.Thread(target=self._write_loop, name="recorder-writer", daemon=True)
        self._writer.start()
        try:
            within(OPEN_SECONDS, f"starting the input '{device.name}'", stream.start)
        except (sd.PortAudioError, AudioServerNotAnswering) as exc:
            self._stream = None
            close_stream(stream, "closing the input")
            self._queue.put(None)
            self._writer.join(WRITER_JOIN_SECONDS)
            with contextlib.suppress(WriteFailed):
                self._wav.close()
            if isinstance(exc, AudioServerNotAnswering):
                raise
            raise AudioUnavailable(f"the input '{device.name}' could not start ({exc}); it may be busy") from None

    @property
    def _earlier_seconds(self) -> float:
        wav = self._wav
        return wav.earlier_frames / wav.samplerate if wav is not None else 0.0

    def wait_until_live(self, timeout: float) -> bool:
        """Wait until audio is flowing (the first block is on disk); ``False`` if it did not within ``timeout``."""
        return self.live.wait(timeout)

    def _callback(self, indata: np.ndarray, frames: int, time_info: Any, status: Any) -> None:
        self._last_callback = time.monotonic()
        if status and status.input_overflow:
            self.stats.overflows += 1
        if not self.paused:
            self._queue.put(indata[:, 0].copy())

    def _write_loop(self) -> None:
        assert self._resampler is not None
        try:
            while True:
                try:
                    block = self._queue.get(timeout=0.25)
                except queue.Empty:
                    self._check_device()
                    continue
                if block is None:
                    self._write(self._resampler.flush())
                    break
                self._write(self._resampler.process(block))
        except BaseException as exc:  # noqa: BLE001 - a thread's end: stop() re-raises it; the audio so far is on disk
            self._error = exc

    def _check_device(self) -> None:
        """No block for a while: a device that stopped delivering (unplugged, or the server froze)."""
        if self._stopping or not self.live.is_set() or self.interrupted.is_set():
            return
        silent = time.monotonic() - self._last_callback
        if silent >= DEVICE_SILENT_SECONDS:
            self._interrupt(
                f"the microphone stopped: no audio from '{self.stats.device}' for {silent:.1f} s "
                "(unplugged, or the audio server stopped)"
            )

    def _interrupt(self, reason: str) -> None:
        if self.interrupted.is_set():
            return
        self.stats.interrupted = reason
        self.interrupted.set()
        if self.on_interrupted is not None:
            self.on_interrupted(reason)

    def _write(self, samples: np.ndarray) -> None:
        if samples.size == 0:
            return
        assert self._wav is not None
        if self.stats.interrupted and self._wav.pending_seconds:
            self._wav.keep(samples)  # the disk refused the last block: keep this one with it, for stop()
        else:
            try:
                self._wav.write(samples)
            except WriteFailed as exc:
                self._interrupt(str(exc))  # "could not write FILE: the disk is full; free some space..."
        self.stats.seconds = self._wav.seconds + self._wav.pending_seconds - self._earlier_seconds
        if not self.live.is_set():
            self.live.set()
            if self.on_live is not None:
                self.on_live()
        rms = float(np.sqrt(np.mean(samples.astype(np.float64) ** 2)))
        self.stats.peak_rms = max(self.stats.peak_rms, rms)
        if self.on_level is not None:
            self.on_level(rms, self.stats.seconds)
        if (
            not self._silence_reported
            and self.stats.seconds >= SILENCE_WARNING_SECONDS
            and self.stats.peak_rms < SILENCE_RMS
        ):
            self._silence_reported = True  # the warning is kept at stop() only if nothing is heard after it either
            if self.on_silence is not None:
                self.on_silence()
        if self.on_block is not None:
            self.on_block(samples)

    def stop(self) -> RecordingStats:
        """Stop the stream, write what is queued (audio the disk refused gets a last try), and close the file.

        Never waits long on the audio server: stopping and closing the stream have a deadline.
        """
        self._stopping = True
        if self._stream is not None:
            stream, self._stream = self._stream, None
            close_stream(
                stream, "closing the input"
            )  # a device unplugged mid-answer: what was recorded is on disk, and that matters
        if self._writer is not None:
            self._queue.put(None)
            self._writer.join(WRITER_JOIN_SECONDS)
            self._writer = None
        if self._wav is not None:
            wav, self._wav = self._wav, None
            try:
                wav.close()
            except WriteFailed as exc:
                self.stats.warnings.append(
                    f"the last {wav.pending_seconds:.1f} s could not be written ({exc.reason}); "
                    f"{wav.path} holds the first {wav.seconds:.1f} s"
                )
            self.stats.seconds = wav.seconds - wav.earlier_frames / wav.samplerate
        if self._silence_reported and self.stats.peak_rms < SILENCE_RMS:
            self.stats.warnings.append("Nothing was heard in the first seconds: check your microphone.")
        if self.stats.overflows:
            self.stats.warnings.append(
                f"{self.stats.overflows} audio block(s) were lost (input overflow); the machine was busy."
            )
        if self._error is not None:
            raise AudioUnavailable(f"recording failed ({self._error}); the audio up to that point is in {self.path}")
        return self.stats


def warm_up_input(device: str | int | None = None, timeout: float = 5.0) -> float:
    """Open the input once and wait for its first block, then close it; returns the seconds that took.

    The first stream a process opens can take seconds to deliver audio (about 2 s through
    PulseAudio's ALSA plugin here; later ones take 0.1 s). Doing it while the user reads the question
    means "Speak now" comes at once when they start answering.

    Raises:
        AudioUnavailable: No PortAudio, no usable device, or the audio server does not answer (the
            real start will say so again).
    """
    sd = load_sounddevice()
    chosen = find_input_device(device)
    arrived = threading.Event()

    def callback(indata: np.ndarray, frames: int, time_info: Any, status: Any) -> None:
        arrived.set()

    began = time.monotonic()
    for rate in (SAMPLE_RATE, chosen.default_samplerate):

        def open_stream(rate: float = rate) -> Any:
            return sd.InputStream(
                device=chosen.index,
                samplerate=rate,
                channels=1,
                dtype="float32",
                blocksize=int(rate * BLOCK_SECONDS),
                callback=callback,
            )

        try:
            stream = within(OPEN_SECONDS, f"opening the input '{chosen.name}'", open_stream)
        except (sd.PortAudioError, ValueError):
            continue  # try the device's own rate; Recorder.start reports a real failure with its reasons
        try:
            within(OPEN_SECONDS, f"starting the input '{chosen.name}'", stream.start)
            arrived.wait(timeout)
        except sd.PortAudioError as exc:
            raise AudioUnavailable(f"the input '{chosen.name}' could not start ({exc})") from None
        finally:
            close_stream(stream, "closing the input")
        break
    return time.monotonic() - began
