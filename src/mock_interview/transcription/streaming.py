"""Transcribing while the user speaks, and files of any length: one path for the app, ``record`` and ``transcribe``.

Audio is fed block by block. The speech detector (:mod:`~mock_interview.transcription.vad`)
scores every 32 ms frame as it arrives; a background thread cuts the speech into pieces at the
speaker's pauses and decodes each one. Only speech reaches Whisper: the silence between speech
regions is left out (each region keeps a little padding so word onsets survive) and word timings
are mapped back to the recording's clock. The guards (:mod:`~mock_interview.transcription.guards`)
then drop words that were not heard. No speech, no words.

Whisper is much more accurate with long stretches of speech than with short ones (on espeak-ng
answers, pieces of 12 s had about twice the word errors of pieces of 28 s), so:

- a piece is committed at a pause once ``min_piece`` seconds of speech wait (files: only when the
  next region would not fit in ``max_piece``, which fills each 30-second window);
- each piece starts with a few seconds of the speech before it as acoustic context (its words are
  already transcribed and are dropped again), and the words before that as the text prompt;
- when the speaker pauses for ``end_pause`` with less than ``min_piece`` waiting, the speech
  waiting is decoded *provisionally*: it shows in the live transcript, and if the speaker has
  stopped for good it becomes the end of the final transcript with nothing left to decode at
  stop. If they go on, it is thrown away and that speech is decoded again with what follows.

A piece is only cut when the decoding thread is free, so when the machine is busy and decoding
falls behind, the audio that piles up becomes one larger piece at the next pause (fewer passes,
never a growing queue), and no provisional decode is tried while committed work waits.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from mock_interview.transcription.guards import TimeSpan, keep_heard_words
from mock_interview.transcription.pieces import AudioBuffer, DecodedPiece, Piece, PieceReport
from mock_interview.transcription.transcriber import (
    DISFLUENT_PROMPT,
    SAMPLE_RATE,
    Transcriber,
    TranscriptionError,
    load_transcriber,
)
from mock_interview.transcription.transcript import Segment, TimedWord, Transcript, WordTiming, join_words
from mock_interview.transcription.vad import FRAME_SAMPLES, FRAME_SECONDS, Region, SpeechDetector

MIN_PIECE_SECONDS = 12.0
MAX_PIECE_SECONDS = 29.0  # context and padding included: one piece fits one 30-second window
END_PAUSE_SECONDS = 0.25
PAD_SECONDS = 0.3
CONTEXT_SECONDS = 4.0
PROMPT_WORDS = 40
FILE_BACKLOG_SECONDS = 60.0
# After this much silence the next speech starts afresh: no acoustic context across it.
CONTEXT_BREAK_SECONDS = 3.0


def _frames(seconds: float) -> int:
    return max(1, int(round(seconds / FRAME_SECONDS)))


class StreamingTranscriber:
    """Feeds audio as it arrives; transcribes the speech in pieces on a background thread.

    Args:
        transcriber: The model (any :class:`~mock_interview.transcription.transcriber.Transcriber`).
        on_update: Called with the transcript so far (committed and provisional) after each decode, from the worker.
        on_progress: Called while finishing with the seconds of speech still to transcribe.
        live: Audio arrives in real time (commit every ``min_piece``, decode provisionally at pauses);
            ``False`` for files (fewer, fuller pieces; :meth:`feed` waits when decoding falls behind).
        detector: The speech detector (Silero VAD by default).
        min_piece: Live: commit a piece at a pause once this many seconds of speech wait.
        max_piece: The most speech in one piece.
        end_pause: Live: a pause this long triggers a provisional decode of the speech waiting.
        pad: Silence kept before and after each speech region.
        context: Seconds of already transcribed speech given again before each piece.
        max_backlog: Files: :meth:`feed` waits while more than this many seconds are untranscribed.
    """

    def __init__(
        self,
        transcriber: Transcriber,
        *,
        on_update: Callable[[str], None] | None = None,
        on_progress: Callable[[float], None] | None = None,
        live: bool = True,
        detector: SpeechDetector | None = None,
        min_piece: float = MIN_PIECE_SECONDS,
        max_piece: float | None = None,
        end_pause: float = END_PAUSE_SECONDS,
        pad: float = PAD_SECONDS,
        context: float | None = None,
        max_backlog: float | None = None,
    ) -> None:
        self.transcriber = transcriber
        self.on_update = on_update
        self.on_progress = on_progress
        self.live = live
        self.detector = detector if detector is not None else SpeechDetector()
        self.max_frames = _frames(max_piece if max_piece is not None else MAX_PIECE_SECONDS)
        self.min_frames = min(_frames(min_piece), self.max_frames // 2)
        self.end_pause_frames = _frames(end_pause)
        self.pad_frames = _frames(pad)
        if context is None:
            context = (
                CONTEXT_SECONDS if live else 0.0
            )  # files come in full windows: context would cost a window in three
        self.context_frames = int(round(context / FRAME_SECONDS))
        self.max_backlog = max_backlog if max_backlog is not None else (None if live else FILE_BACKLOG_SECONDS)
        self.pieces: list[PieceReport] = []
        self._buffer = AudioBuffer()
        self._received = 0
        self._cut = 0  # frame up to which the audio is transcribed or skipped as silence
        self._context: tuple[int, int] | None = None
        self._provisional: DecodedPiece | None = None
        self._words: list[TimedWord] = []
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._closing = False
        self._cancelled = False
        self._finished = False
        self._idle = False  # the worker waits for audio: nothing to decode now
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="streaming-transcriber", daemon=True)
        self._thread.start()

    # -- what callers read ----------------------------------------------------------------------

    @property
    def text(self) -> str:
        """The transcript so far, provisional words included."""
        with self._lock:
            return self._text_locked()

    @property
    def words(self) -> list[WordTiming]:
        """The words so far with their times, provisional ones included (the live checklist's delivery)."""
        with self._lock:
            words = self._words + (self._provisional.words if self._provisional is not None else [])
            return [(w.text, w.start, w.end) for w in words]

    def _text_locked(self) -> str:
        words = self._words + (self._provisional.words if self._provisional is not None else [])
        return join_words(w.text for w in words)

    @property
    def chunks(self) -> int:
        """How many pieces have been decoded (provisional ones included)."""
        return len(self.pieces)

    @property
    def backlog_seconds(self) -> float:
        """Seconds of audio received whose transcript is not final yet."""
        with self._lock:
            return max(0.0, (self._received - self._cut * FRAME_SAMPLES) / SAMPLE_RATE)

    @property
    def max_backlog_seconds(self) -> float:
        """The largest backlog when a piece was cut: how far decoding fell behind the speaker."""
        return max((p.backlog_seconds for p in self.pieces if not p.provisional), default=0.0)

    def remaining_speech_seconds(self) -> float:
        """Seconds of speech not yet transcribed for good (being decoded now, or waiting)."""
        with self._lock:
            return self._remaining_locked()

    def _remaining_locked(self) -> float:
        if self._provisional is not None and self._provisional_still_valid():
            return 0.0
        return sum(r.seconds for r in self.detector.regions(self._cut, final=True))

    # -- feeding and finishing -----------------------------------------------------------------

    def feed(self, samples: np.ndarray) -> None:
        """Add 16 kHz mono audio (any block size). For files, waits while the backlog is too large.

        Raises:
            TranscriptionError: Decoding failed (files only; live callers learn it from :meth:`finish`).
        """
        samples = np.asarray(samples, dtype=np.float32).reshape(-1)
        with self._lock:
            if self._cancelled or self._closing:
                return
            self._buffer.append(samples)
            self._received += samples.size
            self.detector.feed(samples)
            self._idle = False
            self._changed.notify_all()
            if self.max_backlog is None:
                return
            limit = self.max_backlog * SAMPLE_RATE
            while (
                self._received - self._cut * FRAME_SAMPLES > limit
                and self._error is None
                and not self._cancelled
                and self._thread.is_alive()
            ):
                self._changed.wait(timeout=1.0)
            if self._error is not None:
                raise self._error

    def wait_until_idle(self, timeout: float | None = None) -> bool:
        """Wait until the worker has decoded all it can so far.

        Tests and benchmarks use this to make the cutting independent of the machine's speed.
        """
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._lock:
            while not (self._idle or self._finished or self._error is not None):
                left = None if deadline is None else deadline - time.monotonic()
                if left is not None and left <= 0:
                    return False
                self._changed.wait(left)
            return True

    def finish(self, timeout: float | None = None) -> Transcript:
        """Transcribe what is left and return the whole transcript (blocks until done).

        Raises:
            TranscriptionError: Decoding a piece failed.
        """
        with self._lock:
            self._closing = True
            self._changed.notify_all()
        if self.on_progress is not None:
            self.on_progress(self.remaining_speech_seconds())
        self._thread.join(timeout)
        if self._error is not None:
            raise self._error
        with self._lock:
            words: list[WordTiming] = [(w.text, w.start, w.end) for w in self._words]
            return Transcript(
                join_words(w for w, _, _ in words),
                words,
                self._received / SAMPLE_RATE,
                getattr(self.transcriber, "label", ""),
                speech_seconds=self.detector.speech_seconds(),
            )

    def cancel(self) -> None:
        """Drop pending audio and stop the background thread (after the piece being decoded, if any)."""
        with self._lock:
            self._cancelled = True
            self._buffer = AudioBuffer(self._buffer.end)
            self._changed.notify_all()

    # -- the worker ------------------------------------------------------------------------------

    def _run(self) -> None:
        while True:
            with self._lock:
                piece = None
                while not self._cancelled:
                    piece = self._plan()
                    if piece is not None or self._closing:
                        break
                    self._idle = True
                    self._changed.notify_all()
                    self._changed.wait()
                if piece is None:
                    self._finished = True
                    self._changed.notify_all()
                    return
            try:
                began = time.perf_counter()
                decoded, elapsed = self._decode(piece)
            except BaseException as exc:  # noqa: BLE001 - a thread's end: finish() and feed() re-raise it
                with self._lock:
                    self._error = exc
                    self._changed.notify_all()
                return
            with self._lock:
                self.pieces.append(
                    PieceReport(
                        piece.to_recording(piece.context),
                        piece.to_recording(piece.audio.size / SAMPLE_RATE),
                        piece.speech_seconds,
                        elapsed,
                        piece.backlog,
                        len(decoded.words),
                        piece.provisional,
                        began,
                    )
                )
                if piece.provisional:
                    self._provisional = decoded
                else:
                    self._commit(decoded)
                text = self._text_locked()
                remaining = self._remaining_locked() if self._closing else None
                self._changed.notify_all()
            if decoded.words and self.on_update is not None:
                self.on_update(text)
            if remaining is not None and self.on_progress is not None:
                self.on_progress(remaining)

    def _decode(self, piece: Piece) -> tuple[DecodedPiece, float]:
        started = time.perf_counter()
        speech_end = max((span.end for span in piece.speech), default=None)
        result = self.transcriber.transcribe(piece.audio, prompt=piece.prompt, speech_end=speech_end)
        elapsed = time.perf_counter() - started
        segments = result.segments or [
            Segment(result.text, 0.0, result.duration, tuple(TimedWord(w, s, e) for w, s, e in result.words))
        ]
        words = [
            w.shifted(piece.to_recording(w.start), piece.to_recording(w.end))
            for w in keep_heard_words(segments, piece.speech)
            if (w.start + w.end) / 2 >= piece.context
        ]
        return DecodedPiece(piece, words), elapsed

    def _commit(self, decoded: DecodedPiece) -> None:
        """Make a decoded piece's words final and let its audio go (except the next piece's context)."""
        piece = decoded.piece
        self._words.extend(decoded.words)
        self._cut = piece.cut
        self._context = piece.next_context
        self._provisional = None
        self._drop_audio()

    def _drop_audio(self) -> None:
        keep = self._cut if self._context is None else min(self._cut, self._context[0])
        self._buffer.drop_before(keep * FRAME_SAMPLES)

    def _provisional_still_valid(self) -> bool:
        """No speech has started since the provisional piece was decoded."""
        assert self._provisional is not None
        regions = self.detector.regions(self._cut, final=self._closing)
        return bool(regions) and regions[-1].end <= self._provisional.piece.last_region_end

    def _plan(self) -> Piece | None:
        """The next piece to decode, or ``None`` to wait (called with the lock held; may commit a provisional piece)."""
        if self._provisional is not None and not self._provisional_still_valid():
            # The speaker went on: decode that speech again with what follows. (Keeping it as a piece
            # of its own was tried: more, shorter pieces had more word errors, 5.7 % against 5.1 %.)
            self._provisional = None
        now = self.detector.frames
        if self._provisional is not None and (
            self._closing or now - self._provisional.piece.last_region_end > _frames(CONTEXT_BREAK_SECONDS)
        ):
            self._commit(self._provisional)  # the speaker stopped (or fell silent for long): it is final
        regions = self.detector.regions(self._cut, final=self._closing)
        if not regions:  # silence so far: let it go, keeping a little before "now" as padding
            keep_from = now if self._closing else now - self.pad_frames
            if keep_from > self._cut:
                self._cut = keep_from
                if self._context is not None and keep_from - self._context[1] > _frames(CONTEXT_BREAK_SECONDS):
                    self._context = None
                self._drop_audio()
                self._changed.notify_all()
            return None
        budget = self.max_frames - (self._context[1] - self._context[0] if self._context is not None else 0)
        regions = self._split_long(regions, budget)
        first = regions[0].start
        closed = [r for r in regions if r.closed]
        group: list[Region] = []
        for region in closed:
            if region.end - first > budget and group:
                break
            group.append(region)
        following = regions[len(group)].start if len(group) < len(regions) else now
        if self._closing:
            return self._make_piece(group, following, provisional=False)
        still_speaking = not regions[-1].closed
        full = len(group) < len(closed) or (still_speaking and now - first >= budget)
        if not self.live:
            # Files: full pieces, but never waiting for more once the audio has gone past the budget
            # (speech, then a silence longer than the backlog: feed() would wait for ever for a piece).
            ready = full or now - first >= budget
            return self._make_piece(group, following, provisional=False) if group and ready else None
        if group and (full or group[-1].end - first >= self.min_frames):
            return self._make_piece(group, following, provisional=False)
        # The speaker has paused (perhaps for good): decode what waits now, so it is ready at stop.
        paused = now - regions[-1].end >= self.end_pause_frames and regions[-1].end - first <= budget
        if paused and self._provisional is None:
            return self._make_piece(regions, now, provisional=True)
        return None

    def _split_long(self, regions: list[Region], budget: int) -> list[Region]:
        """Split regions too long for one piece at their quietest frame (someone talking without a pause)."""
        out: list[Region] = []
        for region in regions:
            while region.end - region.start > budget:
                low = region.start + budget // 2
                high = region.start + budget - 2 * self.pad_frames
                probs = self.detector.speech_probabilities(low, high)
                smooth = np.convolve(probs, np.ones(3) / 3, mode="same") if probs.size >= 3 else probs
                split = low + int(np.argmin(smooth)) if smooth.size else high
                out.append(Region(region.start, split, True))
                region = Region(split, region.end, region.closed)
            out.append(region)
        return out

    def _make_piece(self, group: list[Region], following: int, *, provisional: bool) -> Piece:
        """``group`` as one piece: context first, then its regions padded, the silence between them left out."""
        if provisional:  # nothing follows yet: keep the padding, up to the present
            cut = min(group[-1].end + self.pad_frames, max(group[-1].end, following))
        else:
            cut = min(group[-1].end + self.pad_frames, max(group[-1].end, (group[-1].end + following) // 2))
        intervals: list[list[int]] = []
        if self._context is not None:
            intervals.append(list(self._context))
        for region in group:
            start = max(region.start - self.pad_frames, self._cut)
            end = min(region.end + self.pad_frames, cut)
            if intervals and start <= intervals[-1][1] + 1:
                intervals[-1][1] = max(intervals[-1][1], end)
            else:
                intervals.append([start, end])
        spans: list[tuple[int, int, int]] = []
        parts: list[np.ndarray] = []
        position = 0
        for start, end in intervals:
            audio = self._buffer.slice(start * FRAME_SAMPLES, end * FRAME_SAMPLES)
            spans.append((position, start * FRAME_SAMPLES, audio.size))
            parts.append(audio)
            position += audio.size
        context = 0.0
        before = self._words
        if self._context is not None:
            context = (self._context[1] - self._context[0]) * FRAME_SECONDS
            boundary = self._context[0] * FRAME_SECONDS
            before = [w for w in self._words if w.end <= boundary]
        speech = [TimeSpan(0.0, context)] if context else []
        for region in group:
            for piece_start, source_start, length in spans:
                if source_start <= region.start_sample < source_start + length:
                    begin = (piece_start + region.start_sample - source_start) / SAMPLE_RATE
                    speech.append(TimeSpan(begin, begin + region.seconds))
                    break
        tail = " ".join(w.text for w in before[-PROMPT_WORDS:])
        # The next piece hears the end of this one again (its words are already transcribed), from a
        # pause: the padded start of one of this piece's speech regions (a context starting mid-word
        # made Whisper stumble: word errors on the espeak-ng set went from about 5 % to 6.7 %).
        next_context = None
        if self.context_frames:
            starts = [max(r.start - self.pad_frames, self._cut) for r in group]
            fitting = [x for x in starts if x >= cut - self.context_frames]
            if not fitting and cut - starts[-1] <= 2 * self.context_frames:
                fitting = starts[-1:]
            next_context = (fitting[0], cut) if fitting else None
        return Piece(
            np.concatenate(parts) if parts else np.zeros(0, dtype=np.float32),
            spans,
            speech,
            f"{DISFLUENT_PROMPT} {tail}".strip(),
            context,
            cut,
            next_context,
            group[-1].end,
            provisional,
            (self._received - self._cut * FRAME_SAMPLES) / SAMPLE_RATE,
            sum(r.seconds for r in group),
        )


# -- files and arrays: the same path as a live answer ------------------------------------------


def transcribe_file(
    path: Path,
    model_spec: str = "bundled",
    models_dir: Path | None = None,
    *,
    transcriber: Transcriber | None = None,
    on_progress: Callable[[float], None] | None = None,
) -> Transcript:
    """Transcribe an audio file of any rate and length, streamed from disk in bounded memory.

    Reads a few seconds at a time (libsndfile, so an unclosed WAV works too), resamples with
    libsoxr, and goes through the same speech gate, pieces and guards as a live answer.

    Raises:
        TranscriptionError: The file cannot be read as audio, or decoding failed.
        ModelUnavailable: The model cannot be loaded.
    """
    from mock_interview.audio.wavfile import AudioFileRefused, iter_audio_blocks

    model = transcriber if transcriber is not None else load_transcriber(model_spec, models_dir)
    stream = StreamingTranscriber(model, live=False, on_progress=on_progress)
    try:
        for block in iter_audio_blocks(Path(path)):
            stream.feed(block)
    except TranscriptionError:
        stream.cancel()
        raise
    except AudioFileRefused as exc:  # names the file and why already
        stream.cancel()
        raise TranscriptionError(f"{exc}; give a WAV, FLAC or OGG file") from None
    except (RuntimeError, OSError, ValueError) as exc:  # soundfile's LibsndfileError is a RuntimeError
        stream.cancel()
        raise TranscriptionError(f"cannot read {path} as audio ({exc}); give a WAV, FLAC or OGG file") from None
    return stream.finish()


def transcribe_audio(audio: np.ndarray, transcriber: Transcriber) -> Transcript:
    """Transcribe 16 kHz mono audio held in memory through the speech gate and the guards."""
    stream = StreamingTranscriber(transcriber, live=False)
    block = 2 * SAMPLE_RATE
    for start in range(0, audio.size, block):
        stream.feed(audio[start : start + block])
    return stream.finish()
