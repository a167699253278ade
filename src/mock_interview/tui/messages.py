"""Messages posted from thread workers back to the UI, named for what happened."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


class FeedbackReady(Message):
    """The checklist for the current text was computed."""

    def __init__(self, feedback, text: str) -> None:
        super().__init__()
        self.feedback = feedback
        self.text = text


class SpeechAvailabilityChecked(Message):
    """Whether spoken answers can be used here, and if not, why."""

    def __init__(self, available: bool, reason: str) -> None:
        super().__init__()
        self.available = available
        self.reason = reason


class AudioLevelMeasured(Message):
    """The input level of the latest audio block (0..1). Floods collapse into the newest."""

    def __init__(self, level: float, seconds: float) -> None:
        super().__init__()
        self.level = level
        self.seconds = seconds

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, AudioLevelMeasured)


class TranscriptUpdated(Message):
    """More of the spoken answer has been transcribed."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, TranscriptUpdated)


@dataclass
class SpokenAnswer:
    """A finished spoken answer: transcript, word timings, the audio file and its length."""

    text: str
    words: list[tuple[str, float, float]]
    audio: str
    duration: float
    model: str
    warnings: list[str]


class TranscriptReady(Message):
    """The final transcript of a spoken answer is ready."""

    def __init__(self, answer: SpokenAnswer) -> None:
        super().__init__()
        self.answer = answer


class RecordingFailed(Message):
    """Recording could not start or stopped with an error; typed answers still work."""

    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason


class RecorderNotice(Message):
    """Something the user should know while recording (silence, overflows, model loading)."""

    def __init__(self, text: str, severity: str = "information") -> None:
        super().__init__()
        self.text = text
        self.severity = severity
