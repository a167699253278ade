"""Spoken answers in a round: record, transcribe while speaking, and hand the result to the screen.

All the blocking work runs off the UI thread: the model loads in a thread worker, PortAudio calls
its callback on its own thread, the recorder writes on a writer thread, and the streaming
transcriber decodes on a thread of its own. Results come back as messages.
"""

from __future__ import annotations

import threading
from pathlib import Path

from mock_interview.tui.messages import (
    AudioLevelMeasured,
    RecorderNotice,
    RecordingFailed,
    SpokenAnswer,
    TranscriptReady,
    TranscriptUpdated,
)


class SpeechController:
    """Owns the recorder and the streaming transcriber of the answer being spoken."""

    def __init__(self, screen, context, settings, recorder_factory=None, transcriber_factory=None) -> None:
        self.screen = screen
        self.context = context
        self.settings = settings
        self.recorder_factory = recorder_factory
        self.transcriber_factory = transcriber_factory
        self.transcriber = None
        self._model_ready = threading.Event()
        self._model_error: str | None = None
        self.recorder = None
        self.stream = None
        self.audio_path: Path | None = None
        self.active = False

    def _post(self, message) -> None:
        self.screen.post_message(message)

    def preload_model(self) -> None:
        """Load the model in a background thread so the first answer does not wait for it."""
        self._post(RecorderNotice("Loading the speech model…"))
        threading.Thread(target=self._load_model, name="model-loader", daemon=True).start()

    def _load_model(self) -> None:
        from mock_interview.transcription.models import ModelUnavailable
        from mock_interview.transcription.transcriber import load_transcriber

        try:
            if self.transcriber_factory is not None:
                self.transcriber = self.transcriber_factory()
            else:
                self.transcriber = load_transcriber(self.settings.model, self.context.data.root / "models")
            self._post(RecorderNotice(f"Speech model ready ({self.transcriber.label})."))
        except ModelUnavailable as exc:
            self._model_error = str(exc)
            self._post(RecordingFailed(f"The speech model could not be loaded: {exc}."))
        finally:
            self._model_ready.set()

    def start(self, round_) -> None:
        """Start recording the current answer into the data folder (``0600``)."""
        from mock_interview.audio.devices import AudioUnavailable
        from mock_interview.audio.recorder import Recorder
        from mock_interview.transcription.streaming import StreamingTranscriber

        session = round_.session
        index = len(session.answers)
        relative = Path("audio") / session.id / f"{index:02d}-{round_.turn.question.id}.wav"
        self.audio_path = self.context.data.root / relative
        round_.draft.audio = str(relative)
        round_.store.save(session)  # the session points at the audio from its first block
        self.active = True

        def begin() -> None:
            if not self._model_ready.wait(timeout=120) or self.transcriber is None:
                self.active = False
                self._post(RecordingFailed(self._model_error or "The speech model did not load in time."))
                return
            self.stream = StreamingTranscriber(self.transcriber, on_update=lambda text: self._post(TranscriptUpdated(text)))
            factory = self.recorder_factory or Recorder
            self.recorder = factory(self.audio_path, self.settings.input_device or None, on_block=self.stream.feed,
                                    on_level=lambda level, seconds: self._post(AudioLevelMeasured(level, seconds)),
                                    on_silence=lambda: self._post(RecorderNotice(
                                        "Nothing heard for a few seconds: check your microphone.", "warning")))
            try:
                self.recorder.start()
            except AudioUnavailable as exc:
                self.active = False
                self.stream.cancel()
                self._post(RecordingFailed(str(exc)))

        threading.Thread(target=begin, name="recording-start", daemon=True).start()

    def pause(self) -> None:
        """Stop keeping audio while the clock is paused."""
        if self.recorder is not None:
            self.recorder.paused = True

    def resume(self) -> None:
        """Keep audio again."""
        if self.recorder is not None:
            self.recorder.paused = False

    def stop(self) -> None:
        """Stop recording; the final transcript arrives as :class:`TranscriptReady`."""
        recorder, stream, path = self.recorder, self.stream, self.audio_path
        self.active = False
        self.recorder = None
        self.stream = None

        def finish() -> None:
            from mock_interview.audio.devices import AudioUnavailable

            warnings: list[str] = []
            duration = 0.0
            try:
                if recorder is not None:
                    stats = recorder.stop()
                    warnings += stats.warnings
                    duration = stats.seconds
            except AudioUnavailable as exc:
                warnings.append(str(exc))
            try:
                transcript = stream.finish() if stream is not None else None
            except Exception as exc:
                self._post(RecordingFailed(f"Transcription failed ({exc}); the recording is kept at {path}."))
                return
            relative = str(path.relative_to(self.context.data.root)) if path else ""
            self._post(TranscriptReady(SpokenAnswer(
                text=transcript.text if transcript else "", words=list(transcript.words) if transcript else [],
                audio=relative, duration=duration or (transcript.duration if transcript else 0.0),
                model=getattr(self.transcriber, "label", ""), warnings=warnings)))

        threading.Thread(target=finish, name="recording-finish", daemon=True).start()

    def cancel(self) -> None:
        """Stop without a transcript (skip, retry, end, quit); the audio stays on disk."""
        recorder, stream = self.recorder, self.stream
        self.active = False
        self.recorder = None
        self.stream = None
        if stream is not None:
            stream.cancel()
        if recorder is not None:
            try:
                recorder.stop()
            except Exception:
                pass
