"""A large countdown that turns amber at 30 seconds and red at 10."""

from __future__ import annotations

from textual.reactive import reactive
from textual.widgets import Digits


class Countdown(Digits):
    """Shows ``m:ss``; CSS classes ``-warn`` (≤30 s) and ``-danger`` (≤10 s) change its colour.

    ``-paused`` and ``-stopped`` (the answer is in: the time that was left stays, dimmed) mute it.
    """

    DEFAULT_CSS = """
    Countdown { width: auto; color: $success; }
    Countdown.-warn { color: $warning; }
    Countdown.-danger { color: $error; }
    Countdown.-paused { color: $text-muted; }
    Countdown.-stopped { color: $text-muted; text-style: dim; }
    """

    seconds: reactive[float] = reactive(0.0)

    def watch_seconds(self, seconds: float) -> None:
        whole = max(0, int(seconds + 0.999))
        self.update(f"{whole // 60}:{whole % 60:02d}")
        self.set_class(10 < whole <= 30, "-warn")
        self.set_class(whole <= 10, "-danger")
