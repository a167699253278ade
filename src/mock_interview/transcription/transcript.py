"""What transcription produces: words with timings, grouped in the segments the model reported."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

# (word, start seconds, end seconds): the shape of mock_interview.core.feedback.timings.WordTiming, which
# the delivery checks read (defined here too: importing the feedback package would load the whole engine)
WordTiming = tuple[str, float, float]


_ATTACHED = re.compile(r"^(?:-\w|'(?:s|t|re|ve|ll|d|m)\b|n't\b|[%.,;:!?])", re.IGNORECASE)


def join_words(words: Iterable[str]) -> str:
    """The words as text: spaces between them, none before a piece of the word before.

    The model splits "self-service" into "self" and "-service" and "it's" into "it" and "'s";
    joined with a space each, the transcript read "self -service" and "read -in -line".
    """
    text = ""
    for word in words:
        text += word if not text or _ATTACHED.match(word) else " " + word
    return text


@dataclass(frozen=True)
class TimedWord:
    """One recognised word: its text (with attached punctuation), times in seconds, and the model's confidence."""

    text: str
    start: float
    end: float
    probability: float = 1.0

    def shifted(self, start: float, end: float) -> TimedWord:
        """The same word at other times."""
        return TimedWord(self.text, start, end, self.probability)


@dataclass(frozen=True)
class Segment:
    """A stretch of decoded text with what the model said about it.

    ``no_speech_prob``, ``avg_logprob`` and ``compression_ratio`` are Whisper's own signals: the
    probability that the window held no speech, the mean log-probability of the decoded tokens,
    and how much the text compresses (high when it repeats itself).
    """

    text: str
    start: float
    end: float
    words: tuple[TimedWord, ...]
    avg_logprob: float = 0.0
    no_speech_prob: float = 0.0
    compression_ratio: float = 1.0


@dataclass
class Transcript:
    """Text with word timings (seconds from the start of the audio).

    ``speech_seconds`` is how much of the audio the speech detector judged to be speech; a
    transcript with no words means no speech was heard (:attr:`heard_speech` is false).
    """

    text: str
    words: list[WordTiming] = field(default_factory=list)
    duration: float = 0.0
    model: str = ""
    segments: list[Segment] = field(default_factory=list)
    speech_seconds: float | None = None

    @property
    def heard_speech(self) -> bool:
        """Whether any word was recognised."""
        return bool(self.words) and bool(self.text.strip())

    def to_json(self) -> dict[str, Any]:
        """The shape documented for ``transcribe --json`` (delivery figures are added by the caller)."""
        data: dict[str, Any] = {
            "text": self.text,
            "duration": round(self.duration, 3),
            "model": self.model,
            "words": [{"word": w, "start": round(s, 3), "end": round(e, 3)} for w, s, e in self.words],
        }
        if self.speech_seconds is not None:
            data["speech_seconds"] = round(self.speech_seconds, 3)
        return data
