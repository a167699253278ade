"""Where a spoken story's time goes: seconds and share of the answer on situation, task, action and result.

The STAR tagger labels each sentence (see :mod:`mock_interview.core.feedback.star`); the word
timings of the recording say when each sentence was said. A part's time runs from its first word
to its last, consecutive sentences of one part making one stretch. Beside it, the split coaches
recommend: the guide asks for the action in detail ("this is where you can showcase your skills"),
and the common rule of thumb is about a fifth of the answer on situation and task together, most
of it (about 60 %) on the action, and the rest on the result.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from mock_interview.core.kinds import QuestionKind

PARTS = ("situation", "task", "action", "result")
# A coach's split of a STAR answer's time (shares of the whole; see the module docstring).
RECOMMENDED_SHARE = {"situation": 0.10, "task": 0.10, "action": 0.60, "result": 0.20}
RECOMMENDED_LINE = "Recommended: situation and task about 20%, action about 60%, result about 20%."

WordTiming = tuple[str, float, float]


@dataclass(frozen=True)
class TimelineSegment:
    """A stretch of the answer spent on one STAR part, in seconds from the start of the recording."""

    part: str
    start: float
    end: float

    @property
    def seconds(self) -> float:
        """How long the stretch lasts."""
        return max(0.0, self.end - self.start)

    def to_json(self) -> dict[str, object]:
        """``{"part": ..., "start": ..., "end": ...}`` with times to the millisecond."""
        return {"part": self.part, "start": round(self.start, 3), "end": round(self.end, 3)}


def applies(kind: str, words: Sequence[WordTiming]) -> bool:
    """Whether an answer gets a timeline: a behavioural (STAR) question answered out loud, with word timings."""
    return kind == QuestionKind.BEHAVIORAL and bool(words)


def word_offsets(text: str, words: Sequence[WordTiming]) -> list[tuple[int, float, float]]:
    """Where each timed word starts in ``text`` (the transcript they were joined into), with its times.

    Words are looked for in order; one the text does not hold (a transcript corrected by hand) is
    left out, and the rest still find their places.
    """
    found: list[tuple[int, float, float]] = []
    cursor = 0
    lowered = text.lower()
    for word, start, end in words:
        token = word.strip().lower()
        if not token:
            continue
        at = lowered.find(token, cursor)
        if at < 0 or at - cursor > 200:  # not there, or far ahead: a word of the audio the text does not have
            continue
        found.append((at, float(start), float(end)))
        cursor = at + len(token)
    return found


def star_timeline(text: str, words: Sequence[WordTiming]) -> list[TimelineSegment]:
    """The STAR parts of a spoken answer, in the order said, with when each was said.

    Args:
        text: The transcript (the words joined, as the answer was saved).
        words: Its word timings (word, start, end in seconds).
    """
    from mock_interview.core.feedback.answer import AnswerText
    from mock_interview.core.feedback.lexicon import load_lexicon
    from mock_interview.core.feedback.star import read_star

    timed = word_offsets(text, words)
    if not timed or not text.strip():
        return []
    answer = AnswerText(text, load_lexicon())
    labels = read_star(answer).labels
    segments: list[TimelineSegment] = []
    for sentence, label in zip(answer.sentences, labels, strict=False):
        inside = [(s, e) for at, s, e in timed if sentence.start <= at < sentence.end]
        if not inside or label not in PARTS:
            continue
        start, end = inside[0][0], max(e for _, e in inside)
        if segments and segments[-1].part == label:
            segments[-1] = TimelineSegment(label, segments[-1].start, end)
        else:
            segments.append(TimelineSegment(label, start, end))
    return segments


def part_seconds(segments: Sequence[TimelineSegment]) -> dict[str, float]:
    """Seconds spent on each part (every part named, 0 when it was not said)."""
    seconds = dict.fromkeys(PARTS, 0.0)
    for segment in segments:
        seconds[segment.part] += segment.seconds
    return seconds


def timeline_lines(segments: Sequence[TimelineSegment], duration: float) -> list[str]:
    """The timeline in words: each part's seconds and share of the answer beside the recommended share."""
    if not segments:
        return []
    total = duration if duration > 0 else max(s.end for s in segments)
    lines = []
    for part, seconds in part_seconds(segments).items():
        share = seconds / total if total > 0 else 0.0
        lines.append(
            f"{part.capitalize():<9} {seconds:5.1f} s  {share:4.0%}  (recommended about {RECOMMENDED_SHARE[part]:.0%})"
        )
    return lines
