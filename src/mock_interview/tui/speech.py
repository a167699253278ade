"""Spoken answers in a round: record, transcribe while speaking, and hand the result to the screen.

All the blocking work runs off the UI thread, as Textual thread workers of the app in named groups
("speech-model", "recording-start", "recording-finish", "recording-cancel"): the model loads (and warms
up), the microphone opens, the last words are transcribed and a device is closed there. PortAudio calls
its callback on its own thread, and the recorder and the streaming transcriber have theirs (below this
layer). Results come back as messages that name the answer they are about (its record), so the screen
drops those of an answer it has left: ``RecordingStarted`` when audio is flowing (the screen says "Speak
now" and starts the clock only then), ``TranscriptUpdated`` as the words come, ``TranscriptReady`` at the
end.

The workers belong to the app, not the round screen: the screen goes when the round ends, and a device
must still be closed then.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message
from textual.widget import Widget

from mock_interview.core.fsutil import UnsafePathError
from mock_interview.tui.messages import (
    AudioLevelMeasured,
    RecorderNotice,
    RecordingFailed,
    RecordingInterrupted,
    RecordingStarted,
    SpokenAnswer,
    TranscriptReady,
    TranscriptUpdated,
)

if TYPE_CHECKING:  # only for annotations: the app starts without importing audio or speech libraries
    from mock_interview.core.context import AppContext
    from mock_interview.core.rounds import Round
    from mock_interview.core.sessions import AnswerRecord
    from mock_interview.core.settings import Settings
    from mock_interview.transcription.live import LiveAnswer, RecorderLike
    from mock_interview.transcription.transcriber import Transcriber
    from mock_interview.tui.services import RecorderFactory, TranscriberFactory

MODEL_WAIT_SECONDS = 120.0
NOTHING_HEARD = "Nothing heard for a few seconds: check your microphone (Settings → input device)."


@dataclass
class _Attempt:
    """One answer being recorded: its record and file, its live answer once the microphone is on, and its fate."""

    answer: AnswerRecord
    path: Path
    relative: str  # the file as the session names it (``audio/ID/00-q.wav``)
    earlier_text: str | None = None  # a resumed answer: its text so far (its recording goes on at the end)
    live: LiveAnswer | None = None
    settled: threading.Event = field(default_factory=threading.Event)  # the microphone is on, or failed
    lock: threading.Lock = field(default_factory=threading.Lock)
    stopped: bool = False
    cancelled: bool = False


class SpeechController:
    """Owns the live answer (recorder and streaming transcriber) of the answer being spoken."""

    def __init__(
        self,
        screen: Widget,
        context: AppContext,
        settings: Settings,
        recorder_factory: RecorderFactory | None = None,
        transcriber_factory: TranscriberFactory | None = None,
    ) -> None:
        """Record the answers of the round on ``screen`` (which receives the messages).

        Args:
            screen: The round screen: the messages are posted to it.
            context: The data folder (the recordings go in it).
            settings: The model and input device to use.
            recorder_factory: Builds the recorder (tests pass a fake).
            transcriber_factory: Loads the transcriber (tests pass a fake).
        """
        self.screen = screen
        self.context = context
        self.settings = settings
        self.recorder_factory = recorder_factory
        self.transcriber_factory = transcriber_factory
        self.transcriber: Transcriber | None = None
        self._model_ready = threading.Event()
        self._model_error: str | None = None
        self._attempt: _Attempt | None = None
        self.audio_path: Path | None = None

    @property
    def active(self) -> bool:
        """Whether an answer is being recorded (or the microphone is opening for one)."""
        return self._attempt is not None

    @property
    def live(self) -> LiveAnswer | None:
        """The live answer being recorded, once the microphone is on."""
        return self._attempt.live if self._attempt is not None else None

    @property
    def recorder(self) -> RecorderLike | None:
        """The recorder of the answer being spoken, if any."""
        live = self.live
        return live.recorder if live is not None else None

    @property
    def model_ready(self) -> bool:
        """Whether the model is loaded and warmed up."""
        return self._model_ready.is_set() and self.transcriber is not None

    def _post(self, message: Message) -> None:
        self.screen.post_message(message)

    def _run(self, work: Callable[[], None], group: str, description: str) -> None:
        """Run ``work`` as a thread worker of the app in ``group`` (it reports by posting messages)."""
        self.screen.app.run_worker(work, group=group, description=description, thread=True, exit_on_error=False)

    def preload_model(self) -> None:
        """Load and warm up the model in a worker so the first answer does not wait for it."""
        self._post(RecorderNotice("Loading the speech model…"))
        self._run(self._load_model, "speech-model", "loading the speech model")

    def _load_model(self) -> None:
        from mock_interview.extras import speech_missing

        if self.transcriber_factory is None and (missing := speech_missing()) is not None:
            self._model_error = f"Spoken answers are unavailable: {missing}."
            self._post(RecordingFailed(self._model_error))
            self._model_ready.set()
            return
        from mock_interview.transcription.models import ModelUnavailable
        from mock_interview.transcription.transcriber import TranscriptionError, load_transcriber

        try:
            if self.transcriber_factory is not None:
                transcriber = self.transcriber_factory()
            else:
                transcriber = load_transcriber(self.settings.model, self.context.data.root / "models")
            warm_up = getattr(transcriber, "warm_up", None)
            if warm_up is not None:
                warm_up()  # the first decode pays for set-up: pay it now, not after the first answer
            self.transcriber = transcriber
            self._post(RecorderNotice(f"Speech model ready ({transcriber.label})."))
        except (ModelUnavailable, TranscriptionError) as exc:
            self._model_error = str(exc)
            self._post(RecordingFailed(f"The speech model could not be loaded: {exc}."))
        finally:
            self._model_ready.set()  # before the microphone: an audio server that hangs never holds up the model
        if self.transcriber is not None and self.recorder_factory is None:
            self._warm_up_microphone()

    def _warm_up_microphone(self) -> None:
        from mock_interview.audio.devices import AudioUnavailable
        from mock_interview.audio.recorder import warm_up_input

        with contextlib.suppress(AudioUnavailable):  # the answer's own start reports it, with the way out
            warm_up_input(self.settings.input_device or None)

    def start(self, round_: Round) -> None:
        """Open the microphone for the current answer, on the file the round chose for it (``0600``).

        ``RecordingStarted`` is posted when the first block of audio has arrived.
        """
        draft = round_.draft
        assert draft is not None, "a spoken answer starts while answering"
        earlier = round_.earlier_recording(self.context.data)  # resumed: its recording goes on, its text is kept
        try:
            self.audio_path = round_.begin_recording_file(self.context.data)  # the session points at the file from here
        except UnsafePathError as exc:
            self._post(RecordingFailed(str(exc), draft))
            return
        attempt = _Attempt(draft, self.audio_path, draft.audio)
        if earlier is not None and earlier == self.audio_path:
            attempt.earlier_text = draft.text
        self._attempt = attempt
        if not self._model_ready.is_set():
            self._post(RecorderNotice("Loading the speech model… the clock starts when the microphone is on."))
        self._run(partial(self._begin, attempt), "recording-start", "opening the microphone")

    def _begin(self, attempt: _Attempt) -> None:
        from mock_interview.audio.devices import AudioUnavailable
        from mock_interview.audio.wavfile import AudioFileRefused

        answer = attempt.answer

        def post(message: Message) -> None:
            if not attempt.cancelled:
                self._post(message)

        try:
            if not self._model_ready.wait(timeout=MODEL_WAIT_SECONDS) or self.transcriber is None:
                if not (attempt.stopped or attempt.cancelled):
                    self._drop(attempt)
                    post(RecordingFailed(self._model_error or "The speech model did not load in time.", answer))
                return
            from mock_interview.transcription.live import LiveAnswer  # the speech extra is there: the model loaded

            with attempt.lock:
                if attempt.stopped or attempt.cancelled:
                    return
                live = LiveAnswer(
                    attempt.path,
                    self.transcriber,
                    device=self.settings.input_device or None,
                    on_live=lambda: post(RecordingStarted(answer)),
                    on_level=lambda level, seconds: post(AudioLevelMeasured(level, seconds, answer)),
                    on_silence=lambda: post(RecorderNotice(NOTHING_HEARD, "warning")),
                    on_update=lambda text: post(TranscriptUpdated(text, answer, *live.so_far())),
                    on_progress=lambda seconds: post(
                        RecorderNotice(
                            f"Transcribing the last {max(1, round(seconds))} s…"
                            if seconds >= 0.5
                            else "Finishing the transcript…"
                        )
                    ),
                    on_interrupted=lambda reason: post(RecordingInterrupted(reason, answer)),
                    recorder_factory=self.recorder_factory,
                    append=attempt.earlier_text is not None,
                    earlier_text=attempt.earlier_text or "",
                )
                try:
                    live.start()
                # OSError: WriteFailed (the file cannot be created); AudioFileRefused: a resumed file not ours
                except (AudioUnavailable, OSError, AudioFileRefused) as exc:
                    if not (attempt.stopped or attempt.cancelled):
                        self._drop(attempt)
                        post(RecordingFailed(str(exc), answer))
                    return
                attempt.live = live
                if attempt.cancelled:
                    live.cancel()
        finally:
            attempt.settled.set()

    def _drop(self, attempt: _Attempt) -> None:
        if self._attempt is attempt:
            self._attempt = None

    def pause(self) -> None:
        """Stop keeping audio while the clock is paused."""
        if self.live is not None:
            self.live.pause()

    def resume(self) -> None:
        """Keep audio again."""
        if self.live is not None:
            self.live.resume()

    def stop(self) -> None:
        """Stop recording; the final transcript arrives as :class:`TranscriptReady`."""
        attempt = self._attempt
        self._attempt = None
        if attempt is None:
            return
        attempt.stopped = True
        self._run(partial(self._finish, attempt), "recording-finish", "finishing the transcript")

    def _finish(self, attempt: _Attempt) -> None:
        from mock_interview.transcription.transcriber import TranscriptionError

        answer = attempt.answer
        attempt.settled.wait(MODEL_WAIT_SECONDS + 10)
        relative = attempt.relative
        label = self.transcriber.label if self.transcriber is not None else ""
        with attempt.lock:
            live = attempt.live
        if live is None:  # stopped before the microphone was on: nothing was recorded (now)
            spoken = self._nothing_added(attempt, label)
            self._post(TranscriptReady(spoken, answer))
            return
        try:
            result = live.stop()
        except TranscriptionError as exc:
            reason = f"Transcription failed ({exc}); the recording is kept at {attempt.path}."
            self._post(RecordingFailed(reason, answer))
            return
        except Exception as exc:  # noqa: BLE001 - a worker's end: the round must hear of it, never wait for ever
            reason = f"Recording could not be finished ({exc}); what was saved is in {attempt.path}."
            self._post(RecordingFailed(reason, answer))
            return
        transcript = result.transcript
        spoken = SpokenAnswer(
            text=transcript.text,
            words=list(transcript.words),
            audio=relative,
            duration=result.stats.seconds or transcript.duration,
            model=transcript.model or label,
            warnings=result.warnings,
            heard_speech=result.heard_speech,
        )
        self._post(TranscriptReady(spoken, answer))

    def _nothing_added(self, attempt: _Attempt, label: str) -> SpokenAnswer:
        """The answer when the microphone never came on: empty, or a resumed answer's earlier part as it was."""
        text = (attempt.earlier_text or "").strip()
        seconds = 0.0
        if text:
            from mock_interview.audio.wavfile import SAMPLE_RATE, AudioFileRefused, recorded_frames

            with contextlib.suppress(OSError, AudioFileRefused):
                seconds = recorded_frames(attempt.path) / SAMPLE_RATE
        return SpokenAnswer(text, [], attempt.relative, seconds, label, [], heard_speech=bool(text))

    def cancel(self) -> None:
        """Stop without a transcript (skip, retry, end, quit); the audio stays on disk.

        Returns at once: the device is closed in a worker, so a frozen audio server never holds up the
        screen (and quitting does not wait for it: see ``leave_promptly``).
        """
        attempt = self._attempt
        self._attempt = None
        if attempt is None:
            return
        attempt.cancelled = True
        if attempt.settled.is_set():
            with attempt.lock:
                live = attempt.live
            if live is not None:
                self._run(live.cancel, "recording-cancel", "closing the microphone")
