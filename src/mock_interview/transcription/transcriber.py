"""Speech to text with faster-whisper, behind a small interface.

:class:`WhisperTranscriber` loads a CTranslate2 Whisper model from a local folder (CPU, int8 and
all cores by default: the measured best on a laptop, see ``bench/transcription_speed.py``) and
decodes one piece of 16 kHz audio into segments with word timings. It has no speech gate: give it
speech. Answers and files go through :class:`~mock_interview.transcription.streaming.StreamingTranscriber`,
which sends only what the speech detector calls speech and keeps only the words the guards accept
(:func:`~mock_interview.transcription.streaming.transcribe_file` and ``transcribe_audio`` do that
for a file or an array).
"""

from __future__ import annotations

import os
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from mock_interview.extras import INSTALL_SPEECH
from mock_interview.transcription.models import ModelChoice, ModelUnavailable, resolve_model
from mock_interview.transcription.transcript import Segment, TimedWord, Transcript, WordTiming

__all__ = [
    "DISFLUENT_PROMPT",
    "SAMPLE_RATE",
    "Transcriber",
    "Transcript",
    "TranscriptionError",
    "WhisperTranscriber",
    "WordTiming",
    "load_transcriber",
]

SAMPLE_RATE = 16000
# Whisper tends to drop "um" and "uh". Starting the decoder from disfluent text keeps more of them
# (measured in bench/filler_retention.py); the filler count is still a lower bound. Over silence the
# same prompt makes Whisper invent fillers, so it is only ever used on audio the speech detector
# judged to be speech.
DISFLUENT_PROMPT = "Um, so, uh, I was, like, you know, working on the, um, project, and, uh, I think it went well."
# A decode that repeats itself (compression ratio over 2.4) is tried again once with some randomness.
TEMPERATURES = (0.0, 0.4)
# Words ending this close to the end of the speech have covered it.
WINDOW_DONE_SLACK = 0.3


class TranscriptionError(Exception):
    """Transcription failed; the message says why."""


class _WindowDone(Exception):
    """Raised inside faster-whisper to stop it before a window that would only hold padding."""


class Transcriber(Protocol):
    """Anything that turns 16 kHz mono float32 audio into a :class:`Transcript`."""

    label: str

    def transcribe(self, audio: np.ndarray, prompt: str | None = None, speech_end: float | None = None) -> Transcript:
        """Transcribe ``audio``; ``prompt`` conditions the decoder (previous text, or disfluent text).

        ``speech_end`` (seconds into ``audio``) is where its last speech ends, when known.
        """
        ...


class WhisperTranscriber:
    """A faster-whisper model, loaded once; safe to call from any thread.

    Every decode runs on the model's own single thread, whichever thread asks: the C allocator
    keeps an arena per thread, and decoding from a new thread for each answer grew the resident
    memory by tens of megabytes per thread (a spoken round peaked at 394 MB; see bench/memory.py).
    """

    def __init__(
        self,
        choice: ModelChoice,
        *,
        compute_type: str = "int8",
        cpu_threads: int | None = None,
        keep_fillers: bool = True,
    ):
        try:
            from faster_whisper import WhisperModel
        except ImportError as exc:
            raise ModelUnavailable(f"faster-whisper is not installed ({exc}); add it with: {INSTALL_SPEECH}") from None
        self.choice = choice
        self.label = choice.label
        self.keep_fillers = keep_fillers
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="whisper")
        self._warm = False
        try:
            self._model = WhisperModel(
                str(choice.path),
                device="cpu",
                compute_type=compute_type,
                cpu_threads=cpu_threads or os.cpu_count() or 1,
                local_files_only=True,
            )
        except (RuntimeError, ValueError, OSError) as exc:  # CTranslate2 on a bad folder: report, never crash
            raise ModelUnavailable(
                f"could not load the model at {choice.path} ({exc}); choose another in Settings"
            ) from None

    def warm_up(self) -> None:
        """Run the model (and the speech detector) once, so the first answer does not pay for first-call set-up."""
        if self._warm:
            return
        from mock_interview.transcription.vad import SpeechDetector

        rng = np.random.default_rng(0)
        SpeechDetector().feed((0.001 * rng.standard_normal(SAMPLE_RATE)).astype(np.float32))
        self.transcribe((0.001 * rng.standard_normal(SAMPLE_RATE)).astype(np.float32), prompt="")
        self._warm = True

    def transcribe(self, audio: np.ndarray, prompt: str | None = None, speech_end: float | None = None) -> Transcript:
        """Decode one piece of 16 kHz mono float32 audio into segments with word timings (no speech gate).

        Args:
            audio: The piece.
            prompt: Text to start the decoder from (default: the disfluent prompt).
            speech_end: Where the piece's speech ends, if known. When Whisper's words reach it, no
                further window is decoded: faster-whisper would otherwise run the whole model again
                over the padding after the last word (a third of the time of a piece, and the source
                of most "Thank you."s at the end of pieces).
        """
        if audio.size < SAMPLE_RATE // 10:
            return Transcript("", [], audio.size / SAMPLE_RATE, self.label)
        return self._executor.submit(self._decode, audio, prompt, speech_end).result()

    def _decode(self, audio: np.ndarray, prompt: str | None, speech_end: float | None) -> Transcript:
        initial = prompt if prompt is not None else (DISFLUENT_PROMPT if self.keep_fillers else None)
        reached = 0.0  # where the words decoded so far end
        encodes = 0
        encode = self._model.encode

        def encode_while_speech_is_left(features: Any) -> Any:
            nonlocal encodes
            encodes += 1
            if encodes > 1 and speech_end is not None and reached >= speech_end - WINDOW_DONE_SLACK:
                raise _WindowDone
            return encode(features)

        self._model.encode = encode_while_speech_is_left  # this thread only: decodes run on it one at a time
        try:
            decoded, _info = self._model.transcribe(
                audio.astype(np.float32),
                language="en",
                beam_size=1,
                word_timestamps=True,
                condition_on_previous_text=False,
                initial_prompt=initial or None,
                vad_filter=False,
                without_timestamps=False,
                temperature=list(TEMPERATURES),
            )
            segments = []
            try:
                for raw in decoded:
                    segments.append(_segment(raw))
                    reached = max(reached, segments[-1].end)
            except _WindowDone:
                pass
        except (RuntimeError, ValueError) as exc:  # CTranslate2's errors: report them as ours
            raise TranscriptionError(f"transcription failed ({exc})") from None
        finally:
            del self._model.encode
        words: list[WordTiming] = [(w.text, w.start, w.end) for s in segments for w in s.words]
        text = " ".join(s.text for s in segments if s.text)
        return Transcript(text, words, audio.size / SAMPLE_RATE, self.label, segments)


def _segment(decoded: object) -> Segment:
    raw_words = getattr(decoded, "words", None) or []
    words = tuple(
        TimedWord(w.word.strip(), float(w.start), float(w.end), float(w.probability))
        for w in raw_words
        if w.word.strip()
    )
    return Segment(
        str(getattr(decoded, "text", "")).strip(),
        float(getattr(decoded, "start", 0.0)),
        float(getattr(decoded, "end", 0.0)),
        words,
        float(getattr(decoded, "avg_logprob", 0.0)),
        float(getattr(decoded, "no_speech_prob", 0.0)),
        float(getattr(decoded, "compression_ratio", 1.0)),
    )


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
