"""A one-line input level meter for recording."""

from __future__ import annotations

import math

from textual.reactive import reactive
from textual.widgets import Static

FLOOR_DB = -54.0  # an empty meter: a quiet room through a laptop microphone is about -60 dBFS
CELLS = 20


def meter_fraction(rms: float) -> float:
    """How much of the meter a block's level (RMS, full scale 1.0) fills: decibels, from ``FLOOR_DB`` to 0 dBFS.

    A voice's level is heard on a log scale, and a linear one left normal speech in the first quarter
    (the level times four: "▮▮▮▮▮▯▯▯…" at best). Measured per 50 ms block of speech: espeak-ng played into
    a PulseAudio null sink and recorded from its monitor, median RMS 0.061 (-24 dBFS, 55 % of the meter
    here, 25 % before); the JFK recording in tests/data, 0.036 (-29 dBFS, 46 %, before 14 %); the
    recorder's silence threshold 0.004 (-48 dBFS) lights one or two cells.
    """
    if rms <= 0.0:
        return 0.0
    return min(1.0, max(0.0, 1.0 - 20.0 * math.log10(rms) / FLOOR_DB))


class LevelMeter(Static):
    """``● REC 0:42 ▮▮▮▮▯▯▯▯``: the microphone level, so the user sees they are heard.

    Paused, it says so (``❚❚ PAUSED``) instead of a lit REC and a frozen level: nothing said then is kept.
    """

    DEFAULT_CSS = """
    LevelMeter { height: 1; color: $error; }
    LevelMeter.-idle { color: $text-muted; }
    LevelMeter.-paused { color: $warning; }
    """

    level: reactive[float] = reactive(0.0)
    seconds: reactive[float] = reactive(0.0)
    recording: reactive[bool] = reactive(False)
    paused: reactive[bool] = reactive(False)

    def render(self) -> str:
        if self.paused:
            whole = int(self.seconds)
            return f"❚❚ PAUSED {whole // 60}:{whole % 60:02d}  not recording"
        if not self.recording:
            return "○ microphone idle"
        filled = int(round(meter_fraction(self.level) * CELLS))
        whole = int(self.seconds)
        return f"● REC {whole // 60}:{whole % 60:02d}  " + "▮" * filled + "▯" * (CELLS - filled)

    def watch_recording(self, recording: bool) -> None:
        self.set_class(not recording, "-idle")

    def watch_paused(self, paused: bool) -> None:
        self.set_class(paused, "-paused")
