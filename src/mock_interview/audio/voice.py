"""The interviewer's voice: questions read aloud, offline, with espeak-ng's library.

The library and its voices come in the ``espeakng-loader`` wheel (``libespeak-ng.so`` and
``espeak-ng-data``), so nothing is downloaded and no system espeak-ng is needed. It is called
through ``ctypes`` in synchronous mode: the samples come back through a callback, and are then
played with sounddevice (:func:`speak`) or written to a WAV file (:func:`wav_bytes`).

The library keeps global state (one voice, one callback), so every call holds one lock.

For the round screen: :func:`speak` blocks until the question has been played, so a worker that
calls it and then opens the microphone can never record the question into the answer; ``stop``
(a :class:`threading.Event`) ends it early, for a key that skips the reading.
"""

from __future__ import annotations

import ctypes
import io
import threading
import wave
from pathlib import Path
from typing import Any

import numpy as np

from mock_interview.audio.devices import AudioUnavailable, load_sounddevice
from mock_interview.extras import INSTALL_SPEECH

# Chosen on the 40 first built-in questions transcribed back by the bundled tiny.en model through the
# app's own file path: en-gb-x-rp at 130 words a minute, mean word error rate 0.06 (3 of 40 above
# 0.25); en-us at 150, 0.12 (5 of 40). espeak-ng's default of 175 sounds hurried and scores worse.
VOICE = "en-gb-x-rp"
WORDS_PER_MINUTE = 130
PADDING_SECONDS = 0.5  # silence around the words: an output device that wakes up late cuts none of them
MAX_TEXT_CHARS = 5000  # longer than any question; a larger text is a mistake, not a question

# espeak-ng's API constants (speak_lib.h)
_AUDIO_OUTPUT_SYNCHRONOUS = 2
_INITIALIZE_DONT_EXIT = 0x8000
_POS_CHARACTER = 1
_CHARS_UTF8 = 1
_PARAMETER_RATE = 1
_OK = 0

_SYNTH_CALLBACK = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p)


class VoiceUnavailable(Exception):
    """The speech engine cannot be used; the message says why and what to do."""


class _Engine:
    """espeak-ng's library, loaded and initialised once per process."""

    def __init__(self) -> None:
        try:
            import espeakng_loader
        except ImportError as exc:
            raise VoiceUnavailable(
                f"the interviewer's voice needs the speech extra ({exc}); add it with: {INSTALL_SPEECH}"
            ) from None
        try:
            self.lib = ctypes.CDLL(espeakng_loader.get_library_path())
            data = espeakng_loader.get_data_path()
        except (OSError, RuntimeError) as exc:
            raise VoiceUnavailable(
                f"espeak-ng's library could not be loaded ({exc}); reinstall mock-interview"
            ) from None
        self.lib.espeak_Initialize.restype = ctypes.c_int
        self.lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
        self.lib.espeak_SetSynthCallback.argtypes = [_SYNTH_CALLBACK]
        self.lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
        self.lib.espeak_SetParameter.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int]
        self.lib.espeak_Synth.argtypes = [
            ctypes.c_char_p,
            ctypes.c_size_t,
            ctypes.c_uint,
            ctypes.c_int,
            ctypes.c_uint,
            ctypes.c_uint,
            ctypes.c_void_p,
            ctypes.c_void_p,
        ]
        rate = self.lib.espeak_Initialize(_AUDIO_OUTPUT_SYNCHRONOUS, 0, data.encode(), _INITIALIZE_DONT_EXIT)
        if rate <= 0:
            raise VoiceUnavailable(f"espeak-ng could not start with its voices in {data}; reinstall mock-interview")
        self.rate = int(rate)
        self.chunks: list[np.ndarray] = []
        self._callback = _SYNTH_CALLBACK(self._receive)  # kept: the library holds only a raw pointer
        self.lib.espeak_SetSynthCallback(self._callback)
        if self.lib.espeak_SetVoiceByName(VOICE.encode()) != _OK:
            raise VoiceUnavailable(f"espeak-ng has no voice '{VOICE}' in {data}; reinstall mock-interview")

    def _receive(self, wav: Any, count: int, events: Any) -> int:
        if count > 0 and wav:
            self.chunks.append(np.ctypeslib.as_array(wav, shape=(count,)).copy())
        return 0  # go on

    def synthesize(self, text: str, words_per_minute: int) -> np.ndarray:
        self.chunks = []
        self.lib.espeak_SetParameter(_PARAMETER_RATE, words_per_minute, 0)
        data = text.encode("utf-8") + b"\0"
        status = self.lib.espeak_Synth(data, len(data), 0, _POS_CHARACTER, 0, _CHARS_UTF8, None, None)
        if status != _OK:
            raise VoiceUnavailable(f"espeak-ng could not read the text (error {status})")
        samples = np.concatenate(self.chunks) if self.chunks else np.zeros(0, dtype=np.int16)
        self.chunks = []
        return samples


_lock = threading.Lock()
_engine: _Engine | None = None


def synthesize(text: str, words_per_minute: int = WORDS_PER_MINUTE) -> tuple[np.ndarray, int]:
    """The text spoken by the interviewer's voice.

    Args:
        text: What to say (plain text: it is never read as SSML or markup).
        words_per_minute: The pace, from 80 to 450.

    Returns:
        Mono float32 samples in [-1, 1] and their sample rate.

    Raises:
        VoiceUnavailable: The engine cannot be loaded.
        ValueError: The text is empty or longer than :data:`MAX_TEXT_CHARS`.
    """
    global _engine
    cleaned = " ".join("".join(c if c.isprintable() else " " for c in text).split())
    if not cleaned:
        raise ValueError("there is nothing to say; give some text")
    if len(cleaned) > MAX_TEXT_CHARS:
        raise ValueError(f"the text has {len(cleaned)} characters; the voice reads at most {MAX_TEXT_CHARS}")
    pace = min(max(int(words_per_minute), 80), 450)
    with _lock:
        if _engine is None:
            _engine = _Engine()
        samples = _engine.synthesize(cleaned, pace)
        rate = _engine.rate
    silence = np.zeros(int(rate * PADDING_SECONDS), dtype=np.float32)
    return np.concatenate([silence, samples.astype(np.float32) / 32768.0, silence]), rate


def wav_bytes(samples: np.ndarray, rate: int) -> bytes:
    """A 16-bit mono WAV file holding ``samples`` (floats in [-1, 1])."""
    pcm = (np.clip(samples, -1.0, 1.0) * 32767).astype("<i2")
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(pcm.tobytes())
    return buffer.getvalue()


def write_wav(path: Path, text: str, *, force: bool = False) -> float:
    """Write the text spoken by the interviewer's voice to a WAV file; returns its length in seconds.

    Only a new file, or with ``force`` an existing regular file, is written: never through a
    symbolic link or over a folder, FIFO or device.

    Raises:
        FileExistsError: The file exists and ``force`` is false.
        mock_interview.core.fsutil.UnsafePathError: The path is a link or a special file.
        VoiceUnavailable: The engine cannot be loaded.
        ValueError: Nothing to say, or too much.
    """
    from mock_interview.core.fsutil import atomic_create_bytes, atomic_write_bytes, check_output_target

    exists = check_output_target(path)
    if exists and not force:
        raise FileExistsError(path)
    samples, rate = synthesize(text)
    data = wav_bytes(samples, rate)
    if exists:
        atomic_write_bytes(path, data)
    else:
        atomic_create_bytes(path, data)
    return samples.size / rate


def play(
    samples: np.ndarray, rate: int, *, device: str | int | None = None, stop: threading.Event | None = None
) -> float:
    """Play samples on an output device and return when they have been played (or ``stop`` is set).

    Returns:
        The seconds played.

    Raises:
        AudioUnavailable: No PortAudio, or no output device could be opened.
    """
    sd = load_sounddevice()
    stop = stop or threading.Event()
    done = threading.Event()
    position = 0
    data = samples.astype(np.float32).reshape(-1, 1)

    def callback(outdata: np.ndarray, frames: int, time_info: Any, status: Any) -> None:
        nonlocal position
        chunk = data[position : position + frames]
        outdata[: len(chunk)] = chunk
        outdata[len(chunk) :] = 0
        position += len(chunk)
        if len(chunk) < frames or stop.is_set():
            raise sd.CallbackStop

    try:
        stream = sd.OutputStream(
            samplerate=rate, channels=1, dtype="float32", device=device, callback=callback, finished_callback=done.set
        )
    except (sd.PortAudioError, ValueError) as exc:
        raise AudioUnavailable(
            f"no sound output ({exc}); connect speakers or headphones, or turn the interviewer's voice off"
        ) from None
    with stream:
        while not done.wait(0.05):
            if stop.is_set():
                stream.abort()
                break
    return position / rate


def speak(
    text: str,
    *,
    device: str | int | None = None,
    stop: threading.Event | None = None,
    words_per_minute: int = WORDS_PER_MINUTE,
) -> float:
    """Read ``text`` aloud and return when it has been played (or ``stop`` was set); blocking.

    Call it from a thread worker: a question takes a few seconds to read.

    Returns:
        The seconds played.

    Raises:
        VoiceUnavailable: The speech engine cannot be loaded.
        AudioUnavailable: No PortAudio, or no output device.
        ValueError: Nothing to say, or too much.
    """
    samples, rate = synthesize(text, words_per_minute)
    return play(samples, rate, device=device, stop=stop)
