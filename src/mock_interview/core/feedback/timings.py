"""What a spoken answer brings to the checks: its words with their times, its length and its limit.

Its own module because both the assessment (which carries it) and the delivery checks (which read it)
need the type: kept in either, the two would import each other.
"""

from __future__ import annotations

from dataclasses import dataclass

WordTiming = tuple[str, float, float]  # (word, start seconds, end seconds), as transcription gives them


@dataclass(frozen=True)
class Delivery:
    """A spoken answer's timings: the words with start and end seconds, the length and the limit."""

    words: tuple[WordTiming, ...]
    duration: float
    limit: float | None = None
    fillers_lower_bound: bool = True
