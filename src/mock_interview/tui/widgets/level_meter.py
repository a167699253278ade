"""A one-line input level meter for recording."""

from __future__ import annotations

from textual.reactive import reactive
from textual.widgets import Static


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
        cells = 20
        filled = min(cells, int(round(min(1.0, self.level * 4) * cells)))
        whole = int(self.seconds)
        return f"● REC {whole // 60}:{whole % 60:02d}  " + "▮" * filled + "▯" * (cells - filled)

    def watch_recording(self, recording: bool) -> None:
        self.set_class(not recording, "-idle")

    def watch_paused(self, paused: bool) -> None:
        self.set_class(paused, "-paused")
