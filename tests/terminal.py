"""The real app in a pseudo-terminal: keys sent as a terminal sends them, the screen read by a VT emulator."""

from __future__ import annotations

import time

import pexpect
import pyte

COLUMNS, ROWS = 80, 24
KEYS = {
    "ctrl+s": "\x13",
    "ctrl+e": "\x05",
    "ctrl+q": "\x11",
    "escape": "\x1b",
    "f1": "\x1bOP",
    "enter": "\r",
    "tab": "\t",
    "shift+tab": "\x1b[Z",
    "down": "\x1b[B",
    "space": " ",
    "backspace": "\x7f",
    "f2": "\x1bOQ",
    "f3": "\x1bOR",
    "f4": "\x1bOS",
    "f5": "\x1b[15~",
    "f6": "\x1b[17~",
    "f7": "\x1b[18~",
    "f8": "\x1b[19~",
    "f9": "\x1b[20~",
    "f10": "\x1b[21~",
    "f11": "\x1b[23~",
    "f12": "\x1b[24~",
    "ctrl+f": "\x06",
    "ctrl+g": "\x07",
    "ctrl+l": "\x0c",
}


class Terminal:
    """A pseudo-terminal running the app, with a VT emulator holding what its screen shows."""

    def __init__(
        self, argv: list[str], env: dict[str, str], columns: int = COLUMNS, rows: int = ROWS, cwd: str | None = None
    ) -> None:
        self.screen = pyte.Screen(columns, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.child = pexpect.spawn(argv[0], argv[1:], env=env, dimensions=(rows, columns), cwd=cwd)

    def pump(self, seconds: float = 0.2) -> None:
        """Read what the app wrote for ``seconds``."""
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            try:
                self.stream.feed(self.child.read_nonblocking(65536, timeout=0.05))
            except pexpect.TIMEOUT:
                continue
            except pexpect.EOF:
                return

    @property
    def text(self) -> str:
        return "\n".join(line.rstrip() for line in self.screen.display)

    def flat(self) -> str:
        """The screen's words on one line (wrapped lines joined, a notification's left bar left out)."""
        return " ".join(self.text.replace("▌", " ").split())

    def wait_for(self, words: str, timeout: float = 30.0) -> None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            self.pump(0.1)
            if words in self.flat():
                return
        raise AssertionError(f"{words!r} did not appear; the screen shows:\n{self.text}")

    def settle(self, quiet: float = 0.6, timeout: float = 10.0) -> str:
        """Wait until the screen stops changing for ``quiet`` seconds; return it."""
        end = time.monotonic() + timeout
        last = self.text
        calm_since = time.monotonic()
        while time.monotonic() < end:
            self.pump(0.1)
            if self.text != last:
                last, calm_since = self.text, time.monotonic()
            elif time.monotonic() - calm_since >= quiet:
                break
        return last

    def press(self, *keys: str, pause: float = 0.15) -> None:
        for key in keys:
            self.child.send(KEYS.get(key, key))
            self.pump(0.4 if key == "escape" else pause)  # a lone escape is told from a sequence by waiting

    def type(self, text: str) -> None:
        self.child.send(text)
        self.pump(0.3)
