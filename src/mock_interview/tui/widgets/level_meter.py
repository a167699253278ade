"""A one-line input level meter for recording."""

from __future__ import annotations

from textual.reactive import reactive
from textual.widgets import Static


class LevelMeter(Static):
    """``● REC 0:42 ▮▮▮▮▯▯▯▯``: the microphone level, so the user sees they are heard."""

    DEFAULT_CSS = """
    LevelMeter { height: 1; color: $error; }
    LevelMeter.-idle { color: $text-muted; }
    """

    level: reactive[float] = reactive(0.0)
    seconds: reactive[float] = reactive(0.0)
    recording: reactive[bool] = reactive(False)

    def render(self) -> str:
        if not self.recording:
            return "○ microphone idle"
        cells = 20
        filled = min(cells, int(round(min(1.0, self.level * 4) * cells)))
        whole = int(self.seconds)
        return f"● REC {whole // 60}:{whole % 60:02d}  " + "▮" * filled + "▯" * (cells - filled)

    def watch_recording(self, recording: bool) -> None:
        self.set_class(not recording, "-idle")
