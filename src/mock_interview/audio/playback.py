"""Playing a recorded answer back, stoppable at once, never waiting on a frozen audio server."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import numpy as np

from mock_interview.audio.deadlines import OPEN_SECONDS, close_stream, within
from mock_interview.audio.devices import AudioUnavailable, load_sounddevice
from mock_interview.audio.wavfile import SAMPLE_RATE, read_wav

STALL_SECONDS = 3.0  # past the recording's end with no end of playback: the output stopped calling back


def play_file(path: Path, stop: threading.Event | None = None) -> float:
    """Play a recording on the default output until it ends or ``stop`` is set; returns the seconds played.

    The stream is this call's own (not ``sounddevice.play``'s one global stream, which a second
    playback would take over while the first still waits on it), opening and closing it have
    deadlines, and a stream that stops calling back (a frozen audio server) ends the wait too.

    Raises:
        AudioUnavailable: No PortAudio, no output device, or the audio server does not answer.
        OSError, ValueError, RuntimeError: The file is missing, special, damaged or not audio
            (see :func:`~mock_interview.audio.wavfile.read_wav`).
    """
    samples = read_wav(path)  # first: a FIFO or a damaged file is refused before any device is opened
    sd = load_sounddevice()
    played = 0
    finished = threading.Event()

    def callback(outdata: np.ndarray, frames: int, time_info: Any, status: Any) -> None:
        nonlocal played
        chunk = samples[played : played + frames]
        outdata[: chunk.size, 0] = chunk
        outdata[chunk.size :, 0] = 0.0
        played += chunk.size
        if chunk.size < frames:
            raise sd.CallbackStop

    def open_stream() -> Any:
        return sd.OutputStream(
            samplerate=SAMPLE_RATE, channels=1, dtype="float32", callback=callback, finished_callback=finished.set
        )

    try:
        stream = within(OPEN_SECONDS, "opening the speakers", open_stream)
    except (sd.PortAudioError, ValueError) as exc:
        raise AudioUnavailable(f"could not play the recording ({exc}); check your speakers or headphones") from None
    try:
        within(OPEN_SECONDS, "starting playback", stream.start)
        give_up = time.monotonic() + samples.size / SAMPLE_RATE + STALL_SECONDS
        while not finished.wait(0.05):
            if (stop is not None and stop.is_set()) or time.monotonic() > give_up:
                break
    except sd.PortAudioError as exc:
        raise AudioUnavailable(f"could not play the recording ({exc}); check your speakers or headphones") from None
    finally:
        close_stream(stream, "stopping playback", discard=True)
    return played / SAMPLE_RATE
