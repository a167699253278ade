"""Messages posted from thread workers back to the UI, named for what happened.

A result about an answer names it (``answer``: the record being written, and for a checklist the text it
was computed for), so the screen can drop one that comes late, after that answer was left.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, TypeVar

from textual.message import Message
from textual.notifications import SeverityLevel

if TYPE_CHECKING:  # only for annotations: the app starts without importing audio or speech libraries
    from mock_interview.audio.devices import InputDevice
    from mock_interview.core.compare import Attempt
    from mock_interview.core.feedback import Feedback
    from mock_interview.core.rechecks import Rechecked
    from mock_interview.core.rounds import Round
    from mock_interview.core.sessions import AnswerRecord, Session, SessionFileProblem, SessionSummary
    from mock_interview.transcription.transcriber import Transcript


class AboutAnAnswer(Protocol):
    """A message about one answer (``None``: about no answer in particular)."""

    answer: AnswerRecord | None


class GivingAnAnswer(Protocol):
    """A screen running a round: its draft is the answer being given."""

    round: Round


AboutT = TypeVar("AboutT", bound=AboutAnAnswer)
ScreenT = TypeVar("ScreenT", bound=GivingAnAnswer)


def unless_late(handler: Callable[[ScreenT, AboutT], None]) -> Callable[[ScreenT, AboutT], None]:
    """Make a round screen's handler ignore a message about an answer other than the one being given.

    A recording's words, start, failure or transcript can come after its answer was skipped, retried or
    submitted; painted then, they would land on the next answer.
    """

    @functools.wraps(handler)
    def unless_late_handler(screen: ScreenT, message: AboutT) -> None:
        if message.answer is None or message.answer is screen.round.draft:
            handler(screen, message)

    return unless_late_handler


class FeedbackReady(Message):
    """The checklist of ``answer`` was computed for ``text`` (maybe no longer its text: then it is stale)."""

    def __init__(self, feedback: Feedback, text: str, answer: AnswerRecord | None) -> None:
        super().__init__()
        self.feedback = feedback
        self.text = text
        self.answer = answer


class SpeechAvailabilityChecked(Message):
    """Whether spoken answers can be used here, and if not, why."""

    def __init__(self, available: bool, reason: str) -> None:
        super().__init__()
        self.available = available
        self.reason = reason


class AudioLevelMeasured(Message):
    """The input level of the latest audio block (0..1) of ``answer``. Floods collapse into the newest."""

    def __init__(self, level: float, seconds: float, answer: AnswerRecord | None = None) -> None:
        super().__init__()
        self.level = level
        self.seconds = seconds
        self.answer = answer

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, AudioLevelMeasured)


class TranscriptUpdated(Message):
    """More of the spoken ``answer`` has been transcribed: ``text`` is its transcript so far, ``words`` its
    timed words and ``seconds`` the audio recorded (the live checklist checks delivery as the final one does)."""

    def __init__(
        self,
        text: str,
        answer: AnswerRecord | None = None,
        words: Sequence[tuple[str, float, float]] = (),
        seconds: float = 0.0,
    ) -> None:
        super().__init__()
        self.text = text
        self.answer = answer
        self.words = tuple(words)
        self.seconds = seconds

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, TranscriptUpdated)


@dataclass
class SpokenAnswer:
    """A finished spoken answer: transcript, word timings, the audio file and its length.

    ``heard_speech`` is false when the speech detector heard nobody: then there is no transcript
    and the answer must not be scored.
    """

    text: str
    words: list[tuple[str, float, float]]
    audio: str
    duration: float
    model: str
    warnings: list[str]
    heard_speech: bool = True


class RecordingStarted(Message):
    """Audio is flowing from the microphone: what is said from now on is recorded ("Speak now")."""

    def __init__(self, answer: AnswerRecord | None = None) -> None:
        super().__init__()
        self.answer = answer


class TranscriptReady(Message):
    """The final transcript (``spoken``) of the spoken ``answer`` is ready."""

    def __init__(self, spoken: SpokenAnswer, answer: AnswerRecord | None = None) -> None:
        super().__init__()
        self.spoken = spoken
        self.answer = answer


class RecordingFailed(Message):
    """Recording ``answer`` could not start or stopped with an error (no ``answer``: the model did not load);
    typed answers still work."""

    def __init__(self, reason: str, answer: AnswerRecord | None = None) -> None:
        super().__init__()
        self.reason = reason
        self.answer = answer


class RecordingInterrupted(Message):
    """Recording stopped by itself mid-answer (the microphone went silent, the disk refused the file).

    The answer so far is kept: the screen stops it as if the user had, and it is transcribed and
    scored; ``reason`` says what happened and what to do.
    """

    def __init__(self, reason: str, answer: AnswerRecord | None = None) -> None:
        super().__init__()
        self.reason = reason
        self.answer = answer


class RecorderNotice(Message):
    """Something the user should know while recording (silence, overflows, model loading)."""

    def __init__(self, text: str, severity: SeverityLevel = "information") -> None:
        super().__init__()
        self.text = text
        self.severity = severity


class SessionsListed(Message):
    """The saved sessions were listed (History), with the files that could not be read."""

    def __init__(self, summaries: list[SessionSummary], problems: list[SessionFileProblem]) -> None:
        super().__init__()
        self.summaries = summaries
        self.problems = problems


class AttemptsLoaded(Message):
    """The attempts at each question found so far (Compare), and the session Compare opened on.

    Sent after each batch of sessions is read: ``read`` of ``total`` sessions so far.
    """

    def __init__(self, attempts: dict[str, list[Attempt]], current: Session, read: int = 1, total: int = 1) -> None:
        super().__init__()
        self.attempts = attempts
        self.current = current
        self.read = read
        self.total = total

    @property
    def finished(self) -> bool:
        """Whether every session has been read."""
        return self.read >= self.total


class PlaybackFinished(Message):
    """A recording was played to the end (or stopped); ``playback`` is the event that stops that playback."""

    def __init__(self, seconds: float, playback: object = None) -> None:
        super().__init__()
        self.seconds = seconds
        self.playback = playback


class PlaybackFailed(Message):
    """A recording could not be played; the reason says what to fix."""

    def __init__(self, reason: str, playback: object = None) -> None:
        super().__init__()
        self.reason = reason
        self.playback = playback


class Retranscribed(Message):
    """A recording was transcribed again; its answer gets the new text and checklist."""

    def __init__(
        self, index: int, transcript: Transcript, rechecked: Rechecked, *, keep_correction: bool = False
    ) -> None:
        super().__init__()
        self.index = index
        self.transcript = transcript
        self.rechecked = rechecked  # the answer's checklist, and its question's score with the follow-ups, again
        self.keep_correction = keep_correction  # a hand correction stays the answer; the transcript goes beside it


class TranscriptCorrected(Message):
    """A transcript the user corrected was checked again; its answer gets the text and the new checklist,
    and its question the score with the follow-ups made again (``rechecked``)."""

    def __init__(self, rechecked: Rechecked) -> None:
        super().__init__()
        self.rechecked = rechecked
        self.index = rechecked.index


class RetranscriptionFailed(Message):
    """Transcribing a recording again failed; the reason says why."""

    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason


class InputDevicesListed(Message):
    """The audio inputs were listed (Settings); ``problem`` says why there are none."""

    def __init__(self, devices: list[InputDevice], problem: str = "") -> None:
        super().__init__()
        self.devices = devices
        self.problem = problem
