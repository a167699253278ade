"""The round's clock: a pausable countdown over an injectable time source (tests move time by hand)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Clock:
    """A pausable countdown over a monotonic time source."""

    source: Callable[[], float] = time.monotonic
    limit: float = 0.0
    _started: float | None = None
    _elapsed_before: float = 0.0

    def start(self, limit: float, *, used: float = 0.0) -> None:
        """Start counting down ``limit`` seconds from now, ``used`` of them already spent (a resumed answer)."""
        self.limit = float(limit)
        self._elapsed_before = max(0.0, float(used))
        self._started = self.source()

    @property
    def paused(self) -> bool:
        """Whether the clock is stopped."""
        return self._started is None

    def pause(self) -> None:
        """Stop the clock, keeping the time used."""
        if self._started is not None:
            self._elapsed_before += self.source() - self._started
            self._started = None

    def resume(self) -> None:
        """Restart a paused clock."""
        if self._started is None:
            self._started = self.source()

    @property
    def elapsed(self) -> float:
        """Seconds counted so far."""
        running = self.source() - self._started if self._started is not None else 0.0
        return self._elapsed_before + running

    @property
    def remaining(self) -> float:
        """Seconds left, never below zero."""
        return max(0.0, self.limit - self.elapsed)
