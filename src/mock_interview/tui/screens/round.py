"""A round: the question, the clock, the answer (typed or spoken) and the live checklist."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Label, Static, TextArea

from mock_interview.core.rounds import ANSWER, DONE, PREP, Round
from mock_interview.tui.messages import (
    AudioLevelMeasured,
    FeedbackReady,
    RecorderNotice,
    RecordingFailed,
    TranscriptReady,
    TranscriptUpdated,
)
from mock_interview.tui.widgets.countdown import Countdown
from mock_interview.tui.widgets.feedback_panel import FeedbackPanel
from mock_interview.tui.widgets.level_meter import LevelMeter

TICK_SECONDS = 0.2
FEEDBACK_DEBOUNCE_SECONDS = 0.4
DRAFT_SAVE_SECONDS = 1.0


class RoundScreen(Screen[None]):
    """Runs a :class:`~mock_interview.core.rounds.Round` until it ends, then opens Review."""

    CSS_PATH = "round.tcss"

    BINDINGS = [
        Binding("ctrl+s", "submit", "Submit / next", id="submit", priority=True),
        Binding("f5", "pause", "Pause", id="pause", priority=True),
        Binding("f6", "skip", "Skip", id="skip", priority=True),
        Binding("f7", "retry", "Retry", id="retry", priority=True),
        Binding("f8", "end_round", "End round", id="end-round", priority=True),
        Binding("f2", "toggle_feedback", "Live/calm", id="toggle-feedback", priority=True),
    ]

    def __init__(self, round_: Round, mode: str = "typed") -> None:
        super().__init__()
        self.round = round_
        self.mode = mode
        self.calm = False  # set from the settings on mount
        self._ticker: Timer | None = None
        self._feedback_timer: Timer | None = None
        self._draft_timer: Timer | None = None
        self._pending_follow_up: str | None = None
        self.speech = None
        self._awaiting_transcript = False
        self._timed_out = False
        self._finished = False

    # -- layout ----------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="round-top"):
            with Vertical(id="round-heading"):
                yield Label("", id="progress")
                yield Label("", id="phase")
            yield Countdown("0:00", id="countdown")
        yield Static("", id="question")
        with Horizontal(id="round-main"):
            with Vertical(id="answer-column"):
                yield LevelMeter(id="level")
                yield TextArea("", id="answer", soft_wrap=True, show_line_numbers=False)
                yield Static("", id="round-status")
            yield FeedbackPanel(id="feedback")
        yield Footer()

    def on_mount(self) -> None:
        self.calm = self.app.settings.feedback == "calm"
        self.query_one(LevelMeter).display = self.mode == "spoken"
        if self.mode == "spoken":  # show_turn makes the answer area read-only for spoken answers
            from mock_interview.tui.speech import SpeechController

            self.speech = SpeechController(self, self.app.context, self.app.settings,
                                           recorder_factory=self.app.recorder_factory, transcriber_factory=self.app.transcriber_factory)
            self.speech.preload_model()
        self._ticker = self.set_interval(TICK_SECONDS, self.tick)
        self.show_turn(self.round.begin())

    # -- showing state ---------------------------------------------------------------------------

    def show_turn(self, turn) -> None:
        if turn is None:
            self.finish_round()
            return
        follow = bool(turn.follow_up_to)
        self.query_one("#progress", Label).update(
            f"Question {self.round.number} of {self.round.total}" + ("  ·  follow-up" if follow else "")
            + f"  ·  {turn.question.kind}")
        self.query_one("#question", Static).update(("[b]Follow-up:[/b] " if follow else "") + turn.text)
        answer = self.query_one("#answer", TextArea)
        existing = self.round.draft.text if self.round.draft is not None else ""
        answer.load_text(existing)
        answer.read_only = self.mode == "spoken"
        panel = self.query_one(FeedbackPanel)
        if self.calm:
            panel.show_hidden("Calm mode: the checklist appears after you answer. f2 switches to live feedback.")
        else:
            panel.show_hidden("Start answering; the checklist updates as you go.")
        self.update_phase()
        if self.round.phase == ANSWER:
            self.on_answer_started()
        self.tick()

    def update_phase(self) -> None:
        phase = self.round.phase
        paused = self.round.clock.paused and phase in (PREP, ANSWER)
        text = {PREP: "Think time: ctrl+s to start answering now",
                ANSWER: "Speak your answer: ctrl+s when done" if self.mode == "spoken" else "Answer: ctrl+s to submit",
                DONE: "ctrl+s for the next question · f7 to retry"}[phase]
        if paused:
            text = "Paused: f5 to resume"
        self.query_one("#phase", Label).update(text)
        self.query_one(Countdown).set_class(paused, "-paused")

    def status(self, text: str) -> None:
        self.query_one("#round-status", Static).update(text)

    # -- the clock -------------------------------------------------------------------------------

    def tick(self) -> None:
        if self._finished:
            return
        round_ = self.round
        self.query_one(Countdown).seconds = round_.clock.remaining if round_.phase != DONE else 0
        if round_.time_is_up and not self._awaiting_transcript:
            if round_.phase == PREP:
                round_.start_answer()
                self.update_phase()
                self.on_answer_started()
            elif round_.phase == ANSWER:
                self.submit_answer(timed_out=True)

    def on_answer_started(self) -> None:
        answer = self.query_one("#answer", TextArea)
        if self.mode == "spoken" and self.speech is not None:
            self.speech.start(self.round)
            self.status("Recording… the transcript appears as you speak.")
        else:
            if self.round.draft is not None and self.round.draft.text and not answer.text:
                answer.load_text(self.round.draft.text)  # resumed: the interrupted answer comes back
                answer.move_cursor(answer.document.end)
            answer.focus()
            self.status("")

    # -- typing ----------------------------------------------------------------------------------

    @on(TextArea.Changed, "#answer")
    def answer_changed(self, event: TextArea.Changed) -> None:
        if self.round.phase != ANSWER or self.mode == "spoken":
            return
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self._draft_timer = self.set_timer(DRAFT_SAVE_SECONDS, self.save_now)
        if not self.calm:
            if self._feedback_timer is not None:
                self._feedback_timer.stop()
            self._feedback_timer = self.set_timer(FEEDBACK_DEBOUNCE_SECONDS, self.request_feedback)

    def request_feedback(self) -> None:
        self.compute_feedback(self.query_one("#answer", TextArea).text)

    @work(thread=True, exclusive=True, group="feedback", exit_on_error=False, description="checking the answer")
    def compute_feedback(self, text: str) -> None:
        self.post_message(FeedbackReady(self.round.analyse(text), text))

    def on_feedback_ready(self, message: FeedbackReady) -> None:
        if self.round.phase == ANSWER and not self.calm:
            self.query_one(FeedbackPanel).show(message.feedback)

    def save_now(self) -> None:
        """Save the answer being written, or the transcript so far (on a timer, on quit, on hang-up)."""
        if self.round.phase == ANSWER:
            self.round.save_draft(self.query_one("#answer", TextArea).text)

    # -- speech ----------------------------------------------------------------------------------

    def on_audio_level_measured(self, message: AudioLevelMeasured) -> None:
        meter = self.query_one(LevelMeter)
        meter.recording = True
        meter.level = message.level
        meter.seconds = message.seconds

    def on_transcript_updated(self, message: TranscriptUpdated) -> None:
        self.query_one("#answer", TextArea).load_text(message.text)
        if not self.calm and message.text.strip():
            self.compute_feedback(message.text)

    def on_recorder_notice(self, message: RecorderNotice) -> None:
        self.status(message.text)
        if message.severity != "information":
            self.notify(message.text, severity=message.severity, timeout=6)

    def on_recording_failed(self, message: RecordingFailed) -> None:
        self.query_one(LevelMeter).recording = False
        self.notify(f"{message.reason} Switching to typed answers.", title="Recording stopped", severity="error", timeout=12)
        self.mode = "spoken-failed"
        self._awaiting_transcript = False
        answer = self.query_one("#answer", TextArea)
        answer.read_only = False
        answer.focus()
        self.status("Type your answer; ctrl+s submits.")

    def on_transcript_ready(self, message: TranscriptReady) -> None:
        self._awaiting_transcript = False
        self.query_one(LevelMeter).recording = False
        spoken = message.answer
        self.query_one("#answer", TextArea).load_text(spoken.text)
        for warning in spoken.warnings:
            self.notify(warning, severity="warning", timeout=8)
        self._record_result(spoken.text, timed_out=self._timed_out, words=spoken.words, audio=spoken.audio,
                            model=spoken.model, duration=spoken.duration)

    # -- actions ---------------------------------------------------------------------------------

    def action_submit(self) -> None:
        phase = self.round.phase
        if phase == PREP:
            self.round.start_answer()
            self.update_phase()
            self.on_answer_started()
        elif phase == ANSWER:
            self.submit_answer(timed_out=False)
        elif phase == DONE and not self._awaiting_transcript:
            self.advance()

    def submit_answer(self, timed_out: bool) -> None:
        if self.mode == "spoken" and self.speech is not None and self.speech.active:
            self._awaiting_transcript = True
            self._timed_out = timed_out
            self.round.clock.pause()
            self.status("Finishing the transcript…")
            self.speech.stop()
            return
        text = self.query_one("#answer", TextArea).text
        self._record_result(text, timed_out=timed_out)

    def _record_result(self, text: str, *, timed_out: bool, words=(), audio: str = "", model: str = "", duration=None) -> None:
        if self._feedback_timer is not None:
            self._feedback_timer.stop()
        feedback, follow_up = self.round.submit(text, timed_out=timed_out, words=words, audio=audio,
                                                transcript_model=model, duration=duration)
        self.query_one(FeedbackPanel).show(feedback)
        self.query_one("#answer", TextArea).read_only = True
        self._pending_follow_up = follow_up
        note = "Time is up: your answer was submitted. " if timed_out else ""
        if follow_up:
            note += f"Score {feedback.score}. The interviewer has a follow-up: ctrl+s to hear it."
        else:
            note += f"Score {feedback.score}. ctrl+s for the next question, f7 to retry."
        self.status(note)
        self.update_phase()

    def advance(self) -> None:
        follow_up, self._pending_follow_up = self._pending_follow_up, None
        if follow_up:
            turn = self.round.ask_follow_up(follow_up)
        else:
            turn = self.round.next()
        if self.mode == "spoken-failed":
            self.mode = "spoken" if self.speech is not None else "typed"
        self.show_turn(turn)

    def action_pause(self) -> None:
        clock = self.round.clock
        if self.round.phase not in (PREP, ANSWER):
            return
        if clock.paused:
            clock.resume()
            if self.speech is not None and self.speech.active:
                self.speech.resume()
        else:
            clock.pause()
            if self.speech is not None and self.speech.active:
                self.speech.pause()
        self.update_phase()

    def action_skip(self) -> None:
        if self._awaiting_transcript:
            return
        if self.speech is not None and self.speech.active:
            self.speech.cancel()
        self._pending_follow_up = None
        self.round.skip()
        self.show_turn(self.round.next())

    def action_retry(self) -> None:
        if self._awaiting_transcript:
            return
        if self.speech is not None and self.speech.active:
            self.speech.cancel()
        self._pending_follow_up = None
        self.show_turn(self.round.retry())

    def action_end_round(self) -> None:
        if self.speech is not None and self.speech.active:
            self.speech.cancel()
        self.save_now()
        self.finish_round(status="ended_early")

    def action_toggle_feedback(self) -> None:
        self.calm = not self.calm
        self.notify("Calm mode: checklist after each answer." if self.calm else "Live feedback: checklist while you answer.")
        if self.calm and self.round.phase == ANSWER:
            self.query_one(FeedbackPanel).show_hidden("Calm mode: the checklist appears after you answer.")
        elif not self.calm and self.round.phase == ANSWER:
            self.request_feedback()

    def finish_round(self, status: str = "completed") -> None:
        if self._finished:
            return
        self._finished = True
        if self._ticker is not None:
            self._ticker.stop()
        if self.round.session.status == "in_progress":
            self.round.finish(status)
        from mock_interview.tui.screens.review import ReviewScreen

        self.app.switch_screen(ReviewScreen(self.round.session.id))

    def on_unmount(self) -> None:
        if self.speech is not None:
            self.speech.cancel()
