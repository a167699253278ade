"""A round: the question, the clock, the answer (typed or spoken) and the live checklist.

The screen keeps no state of its own about where the round is: it shows what the core
:class:`~mock_interview.core.rounds.Round` and its :class:`~mock_interview.core.rounds.Phase` say.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Label, Static, TextArea

from mock_interview.core.answer_limits import capped, with_line_breaks
from mock_interview.core.choices import AnswerMode
from mock_interview.core.question_scores import follow_up_answered
from mock_interview.core.rounds import NextStep, Phase, Round, Turn
from mock_interview.core.sessions import SessionStatus
from mock_interview.tui.practice import missed_last_time
from mock_interview.tui.screens.round_keys import RoundKeys
from mock_interview.tui.screens.round_speech import NO_SPEECH as NO_SPEECH  # where the tests look for it
from mock_interview.tui.screens.round_speech import RoundSpeech
from mock_interview.tui.screens.round_typing import RoundTyping
from mock_interview.tui.usertext import user_text, user_value
from mock_interview.tui.voice import QuestionRead, RoundVoice
from mock_interview.tui.widgets.countdown import Countdown
from mock_interview.tui.widgets.feedback_panel import FeedbackPanel
from mock_interview.tui.widgets.keys_footer import KeysFooter
from mock_interview.tui.widgets.level_meter import LevelMeter
from mock_interview.tui.widgets.question_box import QuestionBox

if TYPE_CHECKING:
    from mock_interview.core.sessions import AnswerRecord
    from mock_interview.tui.services import AppServices
    from mock_interview.tui.speech import SpeechController

TICK_SECONDS = 0.2
CLOCK_RUNS = (Phase.THINKING, Phase.ANSWERING)
PAUSED_RECORDING = "Paused: nothing said now is recorded. f5 resumes."
LIVE_HINT = "Start answering; the checklist updates as you go."
CALM_HINT = "Calm mode: the checklist appears after you answer. ctrl+f switches to live feedback."


class RoundScreen(RoundKeys, RoundSpeech, RoundTyping, Screen[None]):
    """Runs a :class:`~mock_interview.core.rounds.Round` until it ends, then opens Review."""

    CSS_PATH = "round.tcss"

    BINDINGS = [
        # ctrl+s and f5 are labelled with what they do now; check_action shows the one that applies
        Binding(
            "ctrl+s",
            "submit('start')",
            "Start",
            id="start-answer",
            priority=True,
            tooltip="End the think time and start answering",
        ),
        Binding(
            "ctrl+s",
            "submit('submit')",
            "Submit",
            id="submit",
            priority=True,
            tooltip="Submit the answer (spoken: stop recording; the transcript follows)",
        ),
        Binding(
            "ctrl+s",
            "submit('next')",
            "Next",
            id="next",
            priority=True,
            tooltip="Go on: the follow-up, the next question or the review",
        ),
        Binding("f5", "pause('pause')", "Pause", id="pause", priority=True, tooltip="Pause the clock"),
        Binding("f5", "pause('resume')", "Resume", id="resume", priority=True, tooltip="Resume the clock"),
        Binding("f6", "skip", "Skip", id="skip", priority=True, tooltip="Skip the question"),
        # "Again" as on Review and Compare: f7 is one idea everywhere, this question once more
        Binding("f7", "retry", "Again", id="retry", priority=True, tooltip="Answer the question again"),
        Binding("f8", "end_round", "End", id="end-round", priority=True, tooltip="End the round early (asks first)"),
        # f9 is listening everywhere: here the question read aloud again, in Review the recording
        Binding("f9", "hear_again", "Hear", id="hear-again", priority=True, tooltip="Hear the question again"),
        # ctrl+f (feedback) is labelled with the mode it switches to; check_action shows the one that applies
        Binding(
            "ctrl+f",
            "feedback_mode('calm')",
            "Calm",
            id="calm-mode",
            priority=True,
            tooltip="Switch to calm mode (the checklist after the answer)",
        ),
        Binding(
            "ctrl+f",
            "feedback_mode('live')",
            "Live",
            id="live-feedback",
            priority=True,
            tooltip="Switch to live feedback (the checklist as you answer)",
        ),
    ]

    def __init__(self, services: AppServices, round_: Round) -> None:
        super().__init__()
        self.services = services
        self.round = round_
        self._ticker: Timer | None = None
        self._feedback_timer: Timer | None = None
        self._draft_timer: Timer | None = None
        self._feedback_asked: tuple[AnswerRecord | None, str] | None = None  # the answer and text last sent to check
        self.speech: SpeechController | None = None
        self.voice = RoundVoice(self, round_)  # the interviewer reads the questions aloud (a setting)
        self._save_problem_told = ""  # the save failure last notified (each new one is told once)

    # -- layout ----------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="round-top"):
            with Vertical(id="round-heading"):
                yield Label("", id="progress")
                yield Label("", id="phase")
            yield Countdown("0:00", id="countdown")
        with QuestionBox(id="question-box"):
            yield Static("", id="question")
        with Horizontal(id="round-main"):
            with Vertical(id="answer-column"):
                yield LevelMeter(id="level")
                yield TextArea("", id="answer", soft_wrap=True, show_line_numbers=False)
                yield Static("", id="round-status")
                yield Static("", id="save-problem")
            yield FeedbackPanel(id="feedback")
        yield KeysFooter(show_command_palette=False, compact=True)  # compact: f9 Hear fits at 80 columns too

    def on_mount(self) -> None:
        spoken = self.round.session.mode == AnswerMode.SPOKEN
        self.query_one(LevelMeter).display = spoken
        if spoken:
            from mock_interview.tui.speech import SpeechController

            self.speech = SpeechController(
                self,
                self.services.context,
                self.services.settings,
                recorder_factory=self.services.recorder_factory,
                transcriber_factory=self.services.transcriber_factory,
            )
            self.speech.preload_model()
        self.voice.turn_on(self.services.settings.voice, self.services.speaker, self.speech)
        self._ticker = self.set_interval(TICK_SECONDS, self.tick)
        self.show_turn(self.round.begin())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys that do nothing now are dimmed (``None``); ctrl+s is named by the round's next step."""
        phase = self.round.phase
        if phase is Phase.FINISHED:
            return None
        if action == "pause":  # "Pause" or "Resume", dimmed while the clock does not run
            if phase not in CLOCK_RUNS or self.round.waiting_for_audio or self.voice.reading:
                return None if parameters == ("pause",) else False
            return parameters == (("resume",) if self.round.paused else ("pause",))
        if action == "submit":  # what ctrl+s does now; nothing while the transcript is being finished
            step = self.round.next_step
            return step is not NextStep.WAIT and parameters == (str(step),)
        if action in ("skip", "retry") and phase is Phase.TRANSCRIBING:
            return None
        if action == "hear_again":  # hidden without the voice, dimmed while the microphone is open
            return self.voice.may_read_again
        if action == "feedback_mode":  # only the mode ctrl+f would switch to
            return parameters == (("live",) if self.round.calm else ("calm",))
        return True

    # -- showing state ---------------------------------------------------------------------------

    def show_turn(self, turn: Turn | None) -> None:
        if turn is None:
            self.open_review()
            return
        follow = bool(turn.follow_up_to)
        self.query_one("#progress", Label).update(
            f"Question {self.round.number} of {self.round.total}"
            + ("  ·  follow-up" if follow else "")
            + f"  ·  {turn.question.kind}"
        )
        question = Text.assemble(("Follow-up: ", "bold") if follow else "", user_text(turn.text))
        if follow:  # the question it follows stays in view (its answer and checklist are beside it)
            question.append_text(Text.assemble("\n", ("to: ", "dim"), user_text(turn.question.text, style="dim")))
        self.query_one("#question", Static).update(question)
        answer = self.query_one("#answer", TextArea)
        draft = self.round.draft
        answer.load_text(user_value(with_line_breaks(capped(draft.text))) if draft is not None else "")
        self.show_mode_hint()
        self.status("")
        self.voice.read(turn)  # the clock, and a spoken answer's microphone, wait until it has been read
        self.update_phase()
        if self.round.phase is Phase.ANSWERING:
            self.on_answer_started()
        self.tick()

    def show_mode_hint(self) -> None:
        """Before the checklist has anything to show: what it will do in the current mode."""
        hint = CALM_HINT if self.round.calm else LIVE_HINT
        self.query_one(FeedbackPanel).show_hidden(missed_last_time(self.round, hint))  # a drill: what it missed

    def update_phase(self) -> None:
        """The line under the progress, the clock's colour, what the answer area accepts and the footer."""
        round_ = self.round
        phase = round_.phase
        if round_.paused:
            text = "Paused: f5 to resume"
        elif phase is Phase.THINKING:
            text = "Think time: ctrl+s to start answering now"
        elif phase is Phase.ANSWERING and round_.waiting_for_audio:
            text = "Opening the microphone… the clock starts when it is on"
        elif phase is Phase.ANSWERING:
            text = "Speak now: ctrl+s when done" if round_.spoken else "Answer: ctrl+s to submit"
        elif phase is Phase.TRANSCRIBING:
            text = "Finishing the transcript…"
        elif phase is Phase.ANSWERED:
            then = (
                "the follow-up"
                if round_.pending_follow_up
                else "the next question"
                if round_.position + 1 < len(round_.questions)
                else "the review"
            )
            text = f"{self.key_words('next')}: {then} · {self.key_words('retry')}"  # the footer's words
        else:
            text = ""
        self.query_one("#phase", Label).update(self.voice.phase_line(text))
        countdown = self.query_one(Countdown)
        if phase is not Phase.FINISHED:  # the new phase's clock now, not at the next tick
            countdown.seconds = round_.clock.remaining
        countdown.set_class(round_.paused, "-paused")
        countdown.set_class(phase not in CLOCK_RUNS, "-stopped")  # the time left when answered: not "time ran out"
        self.query_one("#answer", TextArea).read_only = not round_.accepts_typing
        self.show_microphone_state()
        meter = self.query_one(LevelMeter)
        meter.paused = round_.spoken and round_.phase is Phase.ANSWERING and bool(round_.paused_for)
        if meter.paused:
            self.status(PAUSED_RECORDING)
        self.show_save_state()
        self.refresh_bindings()

    def key_words(self, binding_id: str) -> str:
        """A key and its footer label, as the footer shows them ("ctrl+s Next"), for the lines above it."""
        binding = next(b for b in self.BINDINGS if isinstance(b, Binding) and b.id == binding_id)
        return f"{binding.key} {binding.description}"

    def show_save_state(self) -> None:
        """A line under the answer while the session cannot be written, told once per new failure.

        What a save found (the file changed or deleted elsewhere) is told too, once.
        """
        notice = self.round.session.save_notice
        if notice:
            self.round.session.save_notice = ""
            self.notify(notice, title="Session changed elsewhere", severity="warning", timeout=15)
        problem = self.round.unsaved
        line = self.query_one("#save-problem", Static)
        if problem is None:
            if self._save_problem_told:
                self._save_problem_told = ""
                line.display = False
                self.notify("The session is saved again.", title="Saved")
            return
        # short, under the answer (the notification names the file and the way out)
        reason = getattr(problem, "reason", None) or str(problem)
        line.update(user_text(f"Not saved: {reason}. Your answer is kept here and saved again as you type."))
        line.display = True
        if str(problem) != self._save_problem_told:
            self._save_problem_told = str(problem)
            self.notify(
                f"{problem}. Your answer is kept here and saved again as you type or go on.",
                title="Not saved",
                severity="error",
                timeout=12,
            )

    def status(self, text: str) -> None:
        self.query_one("#round-status", Static).update(user_text(text))

    # -- the clock -------------------------------------------------------------------------------

    def tick(self) -> None:
        round_ = self.round
        if round_.phase is Phase.FINISHED:
            return
        self.query_one(Countdown).seconds = round_.clock.remaining
        if round_.time_is_up:
            if round_.phase is Phase.THINKING:
                round_.start_answer()
                self.update_phase()
                self.on_answer_started()
            elif round_.phase is Phase.ANSWERING:
                self.submit_answer(timed_out=True)

    def on_answer_started(self) -> None:
        answer = self.query_one("#answer", TextArea)
        if self.round.spoken and self.speech is not None:
            # The answer clock starts when audio flows (RecordingStarted): no time is lost while the
            # microphone opens, and a first word said at "Speak now" is recorded.
            self.round.wait_for_audio()
            self.voice.open_microphone(self.speech)  # once the question has been read: never part of the answer
            self.round.attach_recording(self.speech)  # paused with the round
            self.status("Opening the microphone… the clock starts when it is on.")
            self.update_phase()
        else:
            if self.round.draft is not None and self.round.draft.text and not answer.text:
                # resumed: the interrupted answer comes back (a session file's text is cut and broken as typed text is)
                answer.load_text(user_value(with_line_breaks(capped(self.round.draft.text))))
            answer.move_cursor(answer.document.end)
            answer.focus()

    def on_question_read(self, message: QuestionRead) -> None:
        if self.voice.finished(message):
            self.update_phase()

    def action_hear_again(self) -> None:
        """f9: the question read aloud again (not while the microphone is open: it would record it)."""
        self.voice.read_again()
        self.update_phase()

    # -- typing ----------------------------------------------------------------------------------

    def save_now(self) -> OSError | None:
        """Save the answer being written (on a timer, on quit, on hang-up); an earlier failed save is tried again.

        Returns:
            Why the session is not on disk, or ``None`` when it is.
        """
        if self.round.phase is Phase.ANSWERING:
            self.round.save_draft(self.query_one("#answer", TextArea).text)
        elif self.round.unsaved is not None:
            self.round.save()
        if self.is_mounted:
            self.show_save_state()
        return self.round.unsaved

    # -- actions ---------------------------------------------------------------------------------

    def action_submit(self, step: str = "") -> None:
        """ctrl+s: start answering, submit, or go on, as the phase says (``step`` names it for the footer)."""
        phase = self.round.phase
        if phase is Phase.THINKING:
            self.voice.stop()  # answering now: the reading stops, and the microphone opens once it has
            self.round.start_answer()
            self.update_phase()
            self.on_answer_started()
        elif phase is Phase.ANSWERING:
            self.submit_answer(timed_out=False)
        elif phase is Phase.ANSWERED:
            self.show_turn(self.round.advance())

    def submit_answer(self, timed_out: bool) -> None:
        if self.round.spoken and self.speech is not None and self.speech.active:
            self.round.stop_answer(timed_out=timed_out)
            self.update_phase()
            self.status("Finishing the transcript…")
            self.speech.stop()
            return
        text = self.query_one("#answer", TextArea).text
        if not timed_out and not text.strip() and not self.round.no_speech:
            # An empty answer is not sent by ctrl+s: a press meant to end the think time just as it ran
            # out would skip the question. f6 skips.
            self.status("Type your answer first; ctrl+s submits it, f6 skips the question.")
            return
        if self.round.no_speech and not text.strip():
            self.round.skip()  # nothing said and nothing typed: no transcript, no score
            self.status("Nothing recorded for this question. ctrl+s to go on, f7 to try again.")
            self.update_phase()
            return
        self._record_result(text, timed_out=timed_out)

    def _record_result(
        self,
        text: str,
        *,
        timed_out: bool | None = None,
        words: Sequence[tuple[str, float, float]] = (),
        audio: str = "",
        model: str = "",
        duration: float | None = None,
    ) -> None:
        self._stop_answer_timers()
        timed_out = self.round.timed_out if timed_out is None else timed_out
        feedback, follow_up = self.round.submit(
            text, timed_out=timed_out, words=words, audio=audio, transcript_model=model, duration=duration
        )
        self.query_one(FeedbackPanel).show(feedback)
        note = "Time is up: your answer was submitted. " if timed_out else ""
        scored = f"Score {feedback.score}." if feedback.scored else "Not scored: the checks read English only."
        turn = self.round.turn
        if turn is not None and turn.follow_up_to and feedback.scored:
            # one number for the question: the one Review, History and the session score count
            answered = follow_up_answered(self.round.session.answers[-1])
            verdict = "✔ answers the follow-up" if answered else "✘ does not answer the follow-up"
            question_score = self.round.question_score()
            scored = f"Follow-up: {verdict}." + (
                f" Question score {question_score} (with the follow-up)." if question_score is not None else ""
            )
        if not text.strip():
            note += "No answer was given; it is recorded as skipped."
        elif follow_up:
            note += f"{scored} The interviewer has a follow-up: ctrl+s to hear it."
        else:
            note += scored
        self.status(note)
        self.update_phase()

    def _stop_answer_timers(self) -> None:
        """The answer has left the answer area: no late draft save or feedback for it."""
        self._feedback_asked = None
        for timer in (self._feedback_timer, self._draft_timer):
            if timer is not None:
                timer.stop()

    def action_pause(self, _: str = "") -> None:
        """f5: pause or resume the round (its clock and recording follow; the footer names which)."""
        if self.round.phase not in CLOCK_RUNS or self.round.waiting_for_audio:
            return
        if self.round.paused:
            self.round.resume()
            if self.round.spoken and self.round.phase is Phase.ANSWERING:
                self.status("Speak now: recording again.")
        else:
            self.round.pause()
        self.update_phase()
        if self.round.accepts_typing:
            self.query_one("#answer", TextArea).focus()

    def action_skip(self) -> None:
        if self.round.phase in (Phase.TRANSCRIBING, Phase.FINISHED):
            return
        self.save_now()  # typed since the last draft save: a skipped answer keeps its words
        self._stop_answer_timers()
        self.voice.cancel()
        if self.speech is not None and self.speech.active:
            self.speech.cancel()
        if self.round.phase is not Phase.ANSWERED:
            self.round.skip()
        self.show_turn(self.round.next())

    def action_retry(self) -> None:
        if self.round.phase in (Phase.TRANSCRIBING, Phase.FINISHED):
            return
        self.save_now()  # what was typed in the last second counts as written
        if not self.round.attempt_in_progress:
            self._retry()
            return
        from mock_interview.tui.screens.confirm import ConfirmScreen

        def decided(retry: bool | None) -> None:  # the clock waited while the question was shown
            if retry:
                self._retry()
                return
            self.update_phase()
            self.query_one("#answer", TextArea).focus()

        self.app.push_screen(
            ConfirmScreen(
                "Start this question again?",
                "Your answer so far stays in the session, marked as retried.",
                yes="Start again",
                no="Keep answering",
            ),
            decided,
        )

    def _retry(self) -> None:
        self.voice.cancel()
        if self.speech is not None and self.speech.active:
            self.speech.cancel()
        self.show_turn(self.round.retry())

    def end_round(self) -> None:
        """End the round at once and open Review (the answer being given is kept)."""
        if self.round.phase is Phase.FINISHED:
            return
        self.voice.cancel()
        if self.speech is not None and self.speech.active:
            self.speech.cancel()
        self.save_now()
        self.round.finish(SessionStatus.ENDED_EARLY)
        self.open_review()

    def action_feedback_mode(self, mode: str) -> None:
        if self.round.calm != (mode == "calm"):
            self.action_toggle_feedback()
        self.refresh_bindings()

    def action_toggle_feedback(self) -> None:
        self.round.calm = not self.round.calm
        self.notify(
            "Calm mode: checklist after each answer."
            if self.round.calm
            else "Live feedback: checklist while you answer."
        )
        if self.round.phase is Phase.ANSWERING and not self.round.calm:
            self.request_feedback()
        elif self.round.phase in (Phase.THINKING, Phase.ANSWERING):  # an answered question keeps its checklist
            self.show_mode_hint()

    def open_review(self) -> None:
        """The round is over (finished and saved by the core): show it in Review."""
        from mock_interview.tui.screens.review import ReviewScreen

        if self._ticker is not None:
            self._ticker.stop()
            self._ticker = None
            if self.round.discarded:  # ended before any answer: nothing to review, no session kept
                self.app.pop_screen()
                self.app.notify("Nothing was answered, so the round was not kept.", title="Round ended")
                return
            # the session as the round holds it: on disk, or not yet when the last save failed
            round_ = self.round
            self.app.switch_screen(
                ReviewScreen(self.services, round_.session.id, session=round_.session, unsaved=round_.unsaved)
            )

    def on_unmount(self) -> None:
        self.voice.cancel()  # leaving or quitting: the speakers stop now
        if self.speech is not None:
            self.speech.cancel()
