"""Speech to text with faster-whisper, behind a small interface.

:class:`WhisperTranscriber` loads a CTranslate2 Whisper model from a local folder (CPU, int8 and
all cores by default: the measured best on a laptop, see ``bench/transcription_speed.py``) and
turns 16 kHz audio into text with word timings.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import numpy as np

from mock_interview.transcription.models import ModelChoice, ModelUnavailable, resolve_model

SAMPLE_RATE = 16000
# Whisper tends to drop "um" and "uh". Starting the decoder from disfluent text keeps more of them
# (measured in bench/filler_retention.py); the filler count is still a lower bound.
DISFLUENT_PROMPT = "Um, so, uh, I was, like, you know, working on the, um, project, and, uh, I think it went well."


class TranscriptionError(Exception):
    """Transcription failed; the message says why."""


@dataclass
class Transcript:
    """Text with word timings (seconds from the start of the audio)."""

    text: str
    words: list[tuple[str, float, float]] = field(default_factory=list)
    duration: float = 0.0
    model: str = ""

    def to_json(self) -> dict:
        """The shape documented for ``transcribe --json`` (delivery figures are added by the caller)."""
        return {"text": self.text, "duration": round(self.duration, 3), "model": self.model,
                "words": [{"word": w, "start": round(s, 3), "end": round(e, 3)} for w, s, e in self.words]}


class Transcriber(Protocol):
    """Anything that turns 16 kHz mono float32 audio into a :class:`Transcript`."""

    label: str

    def transcribe(self, audio: np.ndarray, prompt: str | None = None) -> Transcript:
        """Transcribe ``audio``; ``prompt`` conditions the decoder (previous text, or disfluent text)."""


class WhisperTranscriber:
    """A faster-whisper model, loaded once; safe to call from one worker thread at a time."""

    def __init__(self, choice: ModelChoice, *, compute_type: str = "int8", cpu_threads: int | None = None,
                 keep_fillers: bool = True):
        try:
            from faster_whisper import WhisperModel
        except ImportError as exc:
            raise ModelUnavailable(f"faster-whisper is not installed ({exc}); reinstall mock-interview") from None
        self.choice = choice
        self.label = choice.label
        self.keep_fillers = keep_fillers
        self._lock = threading.Lock()
        try:
            self._model = WhisperModel(str(choice.path), device="cpu", compute_type=compute_type,
                                       cpu_threads=cpu_threads or os.cpu_count() or 1, local_files_only=True)
        except Exception as exc:
            raise ModelUnavailable(f"could not load the model at {choice.path} ({exc}); choose another in Settings") from None

    def transcribe(self, audio: np.ndarray, prompt: str | None = None) -> Transcript:
        """Transcribe 16 kHz mono float32 audio with word timings."""
        if audio.size < SAMPLE_RATE // 10:
            return Transcript("", [], audio.size / SAMPLE_RATE, self.label)
        initial = prompt if prompt is not None else (DISFLUENT_PROMPT if self.keep_fillers else None)
        with self._lock:
            try:
                segments, _info = self._model.transcribe(
                    audio.astype(np.float32), language="en", beam_size=1, word_timestamps=True,
                    condition_on_previous_text=False, initial_prompt=initial, vad_filter=False,
                    without_timestamps=False, temperature=0.0)
                words: list[tuple[str, float, float]] = []
                texts = []
                for segment in segments:
                    texts.append(segment.text.strip())
                    for word in segment.words or []:
                        words.append((word.word.strip(), float(word.start), float(word.end)))
            except Exception as exc:
                raise TranscriptionError(f"transcription failed ({exc})") from None
        text = " ".join(t for t in texts if t)
        return Transcript(text, words, audio.size / SAMPLE_RATE, self.label)


_cache: dict[tuple[str, str], WhisperTranscriber] = {}
_cache_lock = threading.Lock()


def load_transcriber(model_spec: str, models_dir: Path | None = None) -> WhisperTranscriber:
    """A loaded model for a setting (cached per process, so a round loads it once).

    Raises:
        ModelUnavailable: The model cannot be found or loaded.
    """
    choice = resolve_model(model_spec, models_dir)
    key = (str(choice.path), "int8")
    with _cache_lock:
        if key not in _cache:
            _cache[key] = WhisperTranscriber(choice)
        return _cache[key]


def transcribe_file(path: Path, model_spec: str = "bundled", models_dir: Path | None = None) -> Transcript:
    """Transcribe an audio file (any rate; read with libsndfile, so an unclosed WAV works too)."""
    from mock_interview.audio.wavfile import read_wav

    try:
        audio = read_wav(Path(path))
    except Exception as exc:
        raise TranscriptionError(f"cannot read {path} as audio ({exc}); give a WAV, FLAC or OGG file") from None
    transcriber = load_transcriber(model_spec, models_dir)
    return transcriber.transcribe(audio)
