"""The interviewer's voice in a round: each question and follow-up read aloud before the think time.

The reading runs in a Textual thread worker (:func:`mock_interview.audio.voice.speak` blocks until
the question has been played). While it reads, the round's clock waits, and a spoken answer's
microphone is opened only once the reading has ended (stopped or played out), so the question is
never recorded into the answer. Leaving the round, skipping, retrying or ending stops it at once.
Without a sound output (or without the speech extra) the round says so in one line and goes on
silently.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.message import Message
from textual.screen import Screen

from mock_interview.core.choices import AnswerMode
from mock_interview.core.rounds import Phase

if TYPE_CHECKING:
    from mock_interview.core.rounds import Round, Turn
    from mock_interview.tui.speech import SpeechController

READING = "The interviewer reads the question… ctrl+s to answer now"  # fits the phase line at 80 columns
Speaker = Callable[..., float]  # speak(text, *, device=None, stop=Event) -> seconds played


def voice_on(setting: str, mode: str) -> bool:
    """Whether the questions are read aloud: ``spoken`` (the default) in spoken rounds, ``always``, or ``off``."""
    return setting == "always" or (setting == "spoken" and mode == AnswerMode.SPOKEN)


class QuestionRead(Message):
    """A reading ended: played out, stopped, or failed (``problem`` says why, in one line)."""

    def __init__(self, reading: threading.Event, seconds: float = 0.0, problem: str = "") -> None:
        super().__init__()
        self.reading = reading  # the stop event of the reading this is about: a late message for an old one is dropped
        self.seconds = seconds
        self.problem = problem


def default_speaker(text: str, *, stop: threading.Event) -> float:
    """Read ``text`` aloud on the default output with the bundled voice (blocking)."""
    from mock_interview.audio.voice import speak

    return speak(text, stop=stop)


class RoundVoice:
    """Reads a round's questions aloud; the screen asks it to read, to stop, and what to do once it has.

    Every round has one; it is silent (reads nothing, waits for nothing) until :meth:`turn_on`.
    """

    def __init__(self, screen: Screen[None], round_: Round) -> None:
        """Read ``round_``'s questions for ``screen`` (its worker runs them; its messages carry the results)."""
        self.screen = screen
        self.round = round_
        self.on = False
        self.speaker: Speaker = default_speaker
        self.speech: SpeechController | None = None  # the round's SpeechController, when answers are spoken
        self._reading: threading.Event | None = None  # set to stop the reading under way
        self._resume_clock = False  # the clock ran when the reading began: it runs again after
        self._then: list[Callable[[], None]] = []  # what waits for the reading to end (the microphone)
        self.unavailable = ""  # why the voice cannot be heard here; once said, the round goes on silently

    def turn_on(self, setting: str, speaker: Speaker | None, speech: SpeechController | None) -> None:
        """Read the questions when ``setting`` says so for this round's mode (see :func:`voice_on`)."""
        self.on = voice_on(setting, self.round.session.mode)
        self.speaker = speaker or default_speaker
        self.speech = speech

    @property
    def reading(self) -> bool:
        """Whether a question is being read now."""
        return self._reading is not None

    @property
    def microphone_open(self) -> bool:
        """Whether a spoken answer is being recorded, or its microphone is opening: no reading then."""
        return bool(self.speech is not None and self.speech.active) or self.round.phase is Phase.TRANSCRIBING

    @property
    def may_read_again(self) -> bool | None:
        """For the footer's f9: hidden (``False``) without the voice, dimmed (``None``) while the microphone is open."""
        if not self.on or self.unavailable:
            return False
        return None if self.microphone_open else True

    def phase_line(self, text: str) -> str:
        """The round's phase line: what the phase says, or that the question is being read."""
        return READING if self.reading else text

    def read_again(self) -> None:
        """f9: read the question again; while the microphone is open, say why not instead."""
        turn = self.round.turn
        if not self.on or turn is None or self.round.phase is Phase.FINISHED:
            return
        if self.microphone_open:
            self.screen.notify("Not while you answer: the microphone would record the question. It is on the screen.")
            return
        self.read(turn)

    def open_microphone(self, speech: SpeechController) -> None:
        """Start recording the answer once the question has been read (at once when nothing is being read)."""

        def start() -> None:
            if self.round.phase is Phase.ANSWERING and self.round.waiting_for_audio and not speech.active:
                speech.start(self.round)

        self.then(start)

    def read(self, turn: Turn) -> None:
        """Read the turn's question (or follow-up) aloud; the clock waits until it has been read."""
        if not self.on or self.unavailable:
            return
        round_ = self.round
        if self._reading is None:  # read again while reading: the clock stays as the first reading found it
            self._resume_clock = round_.phase in (Phase.THINKING, Phase.ANSWERING) and not round_.clock.paused
        self.stop()
        round_.clock.pause()
        reading = threading.Event()
        self._reading = reading
        text = f"Follow-up: {turn.text}" if turn.follow_up_to else turn.text
        self.screen.run_worker(
            lambda: self._speak(text, reading),
            thread=True,
            group="voice",
            exit_on_error=False,
            description="reading the question aloud",
        )

    def _speak(self, text: str, reading: threading.Event) -> None:
        """In the worker: play the question, then say so (and why not, when it could not be played)."""
        from mock_interview.audio.errors import AudioUnavailable

        try:
            seconds = self.speaker(text, stop=reading)
        except ImportError as exc:  # the speech extra is not installed
            self.screen.post_message(QuestionRead(reading, problem=f"the speech extra is not installed ({exc})"))
            return
        except Exception as exc:  # noqa: BLE001 - a worker's end: VoiceUnavailable, AudioUnavailable, a device error
            reason = str(exc) if isinstance(exc, AudioUnavailable) else f"the voice could not be played ({exc})"
            self.screen.post_message(QuestionRead(reading, problem=reason))
            return
        self.screen.post_message(QuestionRead(reading, seconds))

    def stop(self) -> None:
        """Stop the reading under way, if any (what waits for it runs when its worker has stopped playing)."""
        if self._reading is not None:
            self._reading.set()

    def then(self, action: Callable[[], None]) -> None:
        """Run ``action`` once the question has been read (at once when nothing is being read)."""
        if self._reading is None:
            action()
        else:
            self._then.append(action)

    def cancel(self) -> None:
        """Stop reading and forget what was waiting for it (leaving, skipping, ending the round)."""
        self._then = []
        self.stop()

    def finished(self, message: QuestionRead) -> bool:
        """A reading ended: the clock runs again, then what waited for it. Returns whether it was the current one."""
        if message.reading is not self._reading:
            return False
        self._reading = None
        round_ = self.round
        if self._resume_clock and round_.phase in (Phase.THINKING, Phase.ANSWERING) and not round_.waiting_for_audio:
            round_.clock.resume()
        self._resume_clock = False
        if message.problem and not self.unavailable:
            self.unavailable = message.problem
            self.screen.notify(
                f"The questions are not read aloud: {message.problem}. The round goes on without the voice.",
                title="Interviewer's voice",
                severity="warning",
                timeout=10,
            )
        waiting, self._then = self._then, []
        for action in waiting:
            action()
        return True
