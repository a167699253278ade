"""What a spoken answer sends the round screen: the level, the words as they come, the start,
a failure or an interruption, and the final transcript (or that nobody was heard).

Each handler ignores a message about another answer than the one being given (:func:`unless_late`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.screen import Screen
from textual.widgets import TextArea

from mock_interview.core.feedback import Delivery
from mock_interview.core.rounds import Phase, Round
from mock_interview.tui.messages import (
    AudioLevelMeasured,
    RecorderNotice,
    RecordingFailed,
    RecordingInterrupted,
    RecordingStarted,
    TranscriptReady,
    TranscriptUpdated,
    unless_late,
)
from mock_interview.tui.widgets.feedback_panel import FeedbackPanel
from mock_interview.tui.widgets.level_meter import LevelMeter

if TYPE_CHECKING:
    from mock_interview.tui.speech import SpeechController

NO_SPEECH = "No speech heard — check the microphone (Settings → input device)"
SPEECH_HEARD = "Speech heard: the transcript appears as you speak."


class RoundSpeech(Screen[None]):
    """The part of :class:`~mock_interview.tui.screens.round.RoundScreen` that handles a spoken answer's messages."""

    round: Round
    speech: SpeechController | None
    warned_nothing_heard = False  # the status says the microphone hears nothing: words arriving take it back

    if TYPE_CHECKING:  # defined by the screen itself: declared for the type checker only, so no stub shadows them

        def status(self, text: str) -> None:  # the screen's own
            ...

        def update_phase(self) -> None:  # the screen's own
            ...

        def compute_feedback(self, text: str, delivery: Delivery | None = None) -> None:  # the screen's own
            ...

        def submit_answer(self, timed_out: bool) -> None:  # the screen's own
            ...

        def _record_result(  # the screen's own
            self,
            text: str,
            *,
            timed_out: bool | None = None,
            words: Sequence[tuple[str, float, float]] = (),
            audio: str = "",
            model: str = "",
            duration: float | None = None,
        ) -> None: ...

    def show_microphone_state(self) -> None:
        """The meter lights only while this answer's audio flows: idle in think time, while the microphone
        opens (a retry's new attempt never shows the old recording's REC and time) and after."""
        meter = self.query_one(LevelMeter)
        flowing = self.round.spoken and self.round.phase is Phase.ANSWERING and not self.round.waiting_for_audio
        if not flowing and meter.recording:
            meter.recording = False
            meter.level = meter.seconds = 0.0

    @unless_late
    def on_audio_level_measured(self, message: AudioLevelMeasured) -> None:
        meter = self.query_one(LevelMeter)
        if self.round.paused_for:  # a block measured just before the pause
            return
        meter.recording = True
        meter.level = message.level
        meter.seconds = message.seconds

    @unless_late
    def on_transcript_updated(self, message: TranscriptUpdated) -> None:
        if self.round.phase not in (Phase.ANSWERING, Phase.TRANSCRIBING) or not self.round.spoken:
            return
        self.query_one("#answer", TextArea).load_text(message.text)
        if self.warned_nothing_heard and message.text.strip():
            self.warned_nothing_heard = False
            self.status(SPEECH_HEARD)
        if self.round.shows_live_feedback and message.text.strip():
            # checked with the delivery of the words so far, as the transcript will be when submitted
            delivery = Delivery(message.words, message.seconds, self.round.answer_seconds) if message.words else None
            self.compute_feedback(message.text, delivery)

    @unless_late
    def on_recording_started(self, message: RecordingStarted) -> None:
        if not self.round.waiting_for_audio:
            return
        self.round.audio_started()
        self.warned_nothing_heard = False
        self.query_one(LevelMeter).recording = True
        self.status("Speak now: the transcript appears as you speak.")
        self.update_phase()

    def on_recorder_notice(self, message: RecorderNotice) -> None:
        from mock_interview.tui.speech import NOTHING_HEARD

        self.warned_nothing_heard = message.text == NOTHING_HEARD
        self.status(message.text)
        if message.severity != "information":
            self.notify(message.text, severity=message.severity, timeout=6)

    @unless_late
    def on_recording_failed(self, message: RecordingFailed) -> None:
        self.query_one(LevelMeter).recording = False
        self.notify(
            f"{message.reason} Switching to typed answers.", title="Recording stopped", severity="error", timeout=12
        )
        if self.round.phase not in (Phase.ANSWERING, Phase.TRANSCRIBING):
            return  # the model failed to load before the first answer: that answer falls back when it starts
        self.round.fall_back_to_typing()
        self.update_phase()
        self.query_one("#answer", TextArea).focus()
        self.status("Type your answer; ctrl+s submits.")

    @unless_late
    def on_recording_interrupted(self, message: RecordingInterrupted) -> None:
        """The microphone went silent or the disk refused the file: the answer so far is stopped, kept and scored."""
        if self.round.phase is not Phase.ANSWERING or not self.round.spoken or self.speech is None:
            return
        self.notify(
            f"{message.reason}. The answer so far is kept and checked; f7 answers the question again.",
            title="Recording stopped",
            severity="error",
            timeout=15,
        )
        self.submit_answer(timed_out=False)
        self.status(f"Recording stopped: {message.reason}. The answer so far is kept; transcribing it…")

    @unless_late
    def on_transcript_ready(self, message: TranscriptReady) -> None:
        self.query_one(LevelMeter).recording = False
        if self.round.phase is not Phase.TRANSCRIBING:
            return
        spoken = message.spoken
        if not spoken.heard_speech:
            self._on_no_speech()
            return
        self.query_one("#answer", TextArea).load_text(spoken.text)
        for warning in spoken.warnings:
            self.notify(warning, severity="warning", timeout=8)
        self._record_result(
            spoken.text, words=spoken.words, audio=spoken.audio, model=spoken.model, duration=spoken.duration
        )

    def _on_no_speech(self) -> None:
        """Nobody was heard: no transcript and no score; offer to type instead, or f7 to speak again."""
        answer = self.query_one("#answer", TextArea)
        if answer.text:
            answer.load_text("")
        self.notify(NO_SPEECH, severity="warning", timeout=10)
        if not self.round.no_speech_heard():  # the time had run out: recorded as skipped
            self.status(f"{NO_SPEECH}. f7 to try again, ctrl+s to go on.")
            self.update_phase()
            return
        self.query_one(FeedbackPanel).show_hidden("Nothing was heard. Type your answer, or press f7 to speak again.")
        self.update_phase()
        answer.focus()
        self.status(f"{NO_SPEECH}. f7 to speak again, or type your answer and press ctrl+s.")
