"""A spoken answer being recorded and transcribed at once: the one path for the app and ``record --transcribe``.

The recorder writes every block to the answer's WAV file and hands it to the streaming
transcriber. :meth:`LiveAnswer.start` returns only once audio is flowing, so the caller can say
"Speak now" and start the answer clock knowing that the first word will be recorded.

A resumed answer (``append``) goes on at the end of its recording: the text said before is kept
and the new words come after it, timed from the start of the file, so the answer's one WAV, its
text and its word timings describe the whole answer (playback, re-transcription, delivery and the
STAR timeline read them as they would any answer).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from mock_interview.audio.devices import AudioUnavailable
from mock_interview.audio.recorder import RecordingStats
from mock_interview.transcription.streaming import StreamingTranscriber, transcribe_file
from mock_interview.transcription.transcriber import Transcriber, TranscriptionError
from mock_interview.transcription.transcript import Transcript, WordTiming

LIVE_TIMEOUT_SECONDS = 5.0
NO_SPEECH_MESSAGE = "No speech heard — check the microphone (Settings → input device)"


class RecorderLike(Protocol):
    """What :class:`LiveAnswer` needs of a recorder (:class:`~mock_interview.audio.recorder.Recorder`, or a fake)."""

    paused: bool
    stats: RecordingStats

    def start(self) -> None:
        """Open the device and start recording."""
        ...

    def wait_until_live(self, timeout: float) -> bool:
        """Wait for the first block of audio."""
        ...

    def stop(self) -> RecordingStats:
        """Stop and close the file."""
        ...


RecorderFactory = Callable[..., Any]


@dataclass
class LiveResult:
    """A finished spoken answer: its transcript, what the recorder saw, and anything the user should know."""

    transcript: Transcript
    stats: RecordingStats
    warnings: list[str] = field(default_factory=list)
    kept_earlier: bool = False  # a resumed answer: words said before the round was left are in the transcript

    @property
    def heard_speech(self) -> bool:
        """Whether any word was recognised, now or before a resume (no words: no transcript, no score)."""
        return self.transcript.heard_speech or (self.kept_earlier and bool(self.transcript.text.strip()))


def joined(earlier: str, later: str) -> str:
    """Two parts of an answer as one text (a space between them, none around an empty one)."""
    return " ".join(part for part in (earlier.strip(), later.strip()) if part)


class LiveAnswer:
    """Records ``path`` from an input device and transcribes it while the user speaks.

    Args:
        path: The answer's WAV file (created ``0600``, written block by block).
        transcriber: A loaded model.
        device: An input device index or part of its name; ``None`` for the default.
        on_live: Called once, from the recorder's thread, when the first block of audio has arrived.
        on_level: Called with the level (RMS) and seconds recorded after each block.
        on_silence: Called once if nothing at all is heard in the first seconds.
        on_update: Called with the transcript so far (from the decoding thread).
        on_progress: Called while finishing with the seconds of speech still to transcribe.
        on_interrupted: Called once, from the recorder's thread, when recording stops by itself
            (the device stopped sending audio, or the disk refused the file), with what to say.
        recorder_factory: Builds the recorder (tests pass a fake).
        append: A resumed answer: go on at the end of ``path`` (never overwrite it).
        earlier_text: A resumed answer's text so far (kept as it was; the new words follow it).
    """

    def __init__(
        self,
        path: Path,
        transcriber: Transcriber,
        *,
        device: str | int | None = None,
        on_live: Callable[[], None] | None = None,
        on_level: Callable[[float, float], None] | None = None,
        on_silence: Callable[[], None] | None = None,
        on_update: Callable[[str], None] | None = None,
        on_progress: Callable[[float], None] | None = None,
        on_interrupted: Callable[[str], None] | None = None,
        recorder_factory: RecorderFactory | None = None,
        append: bool = False,
        earlier_text: str = "",
    ) -> None:
        from mock_interview.audio.recorder import Recorder

        self.path = path
        self.transcriber = transcriber
        self.append = append
        self.earlier_text = earlier_text
        self.earlier_words: list[WordTiming] = []
        self.earlier_seconds = 0.0  # audio the file held before (a resumed answer): the new part's times start there
        self.on_update = on_update
        self.on_level = on_level
        self.stream = StreamingTranscriber(transcriber, on_update=self._updated, on_progress=on_progress)
        factory = recorder_factory or Recorder
        self.recorder: RecorderLike = factory(
            path,
            device,
            on_block=self._feed,
            on_level=self._measured,
            on_silence=on_silence,
            on_live=on_live,
            on_interrupted=on_interrupted,
            **({"append": True} if append else {}),
        )
        self._stopped = False

    def so_far(self) -> tuple[list[WordTiming], float]:
        """The words heard so far, timed from the start of the file, and the seconds recorded: what the final
        transcript's delivery is checked on, so a live checklist can be made the same way."""
        offset = self.earlier_seconds
        later = [(w, s + offset, e + offset) for w, s, e in self.stream.words]
        return self.earlier_words + later, offset + self.recorder.stats.seconds

    def _updated(self, text: str) -> None:
        if self.on_update is not None:
            self.on_update(joined(self.earlier_text, text))

    def _measured(self, level: float, seconds: float) -> None:
        if self.on_level is not None:
            self.on_level(level, self.earlier_seconds + seconds)

    def _read_earlier_part(self) -> None:
        """A resumed answer: how long its recording is, and its words' times (its text is kept as it was).

        Raises:
            AudioFileRefused: The file is not a recording of ours (nothing is added to it).
            OSError: It cannot be read (a link, a FIFO, no permission).
        """
        from mock_interview.audio.wavfile import SAMPLE_RATE, recorded_frames

        if not self.append or not self.path.exists() or self.path.stat().st_size == 0:
            return
        self.earlier_seconds = recorded_frames(self.path) / SAMPLE_RATE
        if self.earlier_seconds <= 0:
            return
        try:
            earlier = transcribe_file(self.path, transcriber=self.transcriber)
        except TranscriptionError:
            return  # the words' times are lost, never the text or the audio
        self.earlier_words = [(w, s, e) for w, s, e in earlier.words if e <= self.earlier_seconds + 0.05]
        self.earlier_text = self.earlier_text.strip() or earlier.text

    def _feed(self, samples: np.ndarray) -> None:
        self.stream.feed(samples)

    def start(self, live_timeout: float = LIVE_TIMEOUT_SECONDS) -> None:
        """Open the device and wait until audio flows.

        Raises:
            AudioUnavailable: The device could not be opened, or sent no audio within ``live_timeout``.
            WriteFailed: The recording's file cannot be created (disk full, read-only data folder).
            AudioFileRefused: ``append`` and the file is not a recording of ours (it is left alone).
        """
        from mock_interview.audio.wavfile import AudioFileRefused

        try:
            self._read_earlier_part()
            self.recorder.start()
        except (
            AudioUnavailable,
            OSError,
            AudioFileRefused,
        ):  # OSError: WriteFailed, the recording's file cannot be created
            self.stream.cancel()
            raise
        if not self.recorder.wait_until_live(live_timeout):
            self.cancel()
            raise AudioUnavailable(
                f"the input device sent no audio in {live_timeout:g} s; check it in Settings "
                "(input device) or close other programs using it"
            )

    def pause(self) -> None:
        """Stop keeping audio (the clock is paused)."""
        self.recorder.paused = True

    def resume(self) -> None:
        """Keep audio again."""
        self.recorder.paused = False

    def stop(self) -> LiveResult:
        """Stop recording and wait for the final transcript.

        Raises:
            TranscriptionError: Decoding failed (the recording is kept on disk).
        """
        warnings: list[str] = []
        stats = RecordingStats()
        if not self._stopped:
            self._stopped = True
            try:
                stats = self.recorder.stop()
                warnings += stats.warnings
            except AudioUnavailable as exc:
                warnings.append(str(exc))
        transcript = self.stream.finish()
        if not self.append:
            return LiveResult(transcript, stats, warnings)
        offset = self.earlier_seconds
        whole = replace(
            transcript,
            text=joined(self.earlier_text, transcript.text),
            words=self.earlier_words + [(w, s + offset, e + offset) for w, s, e in transcript.words],
            duration=offset + transcript.duration,
            segments=[],  # the new part's segments alone would not describe the answer
        )
        stats = replace(stats, seconds=offset + stats.seconds)
        return LiveResult(whole, stats, warnings, kept_earlier=bool(self.earlier_text.strip()))

    def cancel(self) -> None:
        """Stop without a transcript (skip, retry, quit); the audio stays on disk."""
        self.stream.cancel()
        if not self._stopped:
            self._stopped = True
            # the audio so far is on disk; nothing to report when the answer is dropped
            with contextlib.suppress(AudioUnavailable):
                self.recorder.stop()
