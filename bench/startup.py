"""Launch to first painted screen: mock-interview's Home against a minimal Textual app.

Each app is launched the same way, as a fresh Python process on a pseudo-terminal of 80x24, and
the clock stops when the terminal has received the first frame showing the app's content (the
words "Question packs" for Home, "hello" for the minimal app). The two are alternated and the
medians compared. Target: at most 1.5x.

Run: python bench/startup.py [--repeats N]
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import select
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time

import _common

MINIMAL = """
from textual.app import App
from textual.widgets import Footer, Header, Label

class Minimal(App):
    def compose(self):
        yield Header()
        yield Label("hello")
        yield Footer()

Minimal().run()
"""

OURS = """
from mock_interview.cli.main import main
main([])
"""


def launch(code: str, marker: bytes, env: dict[str, str]) -> float:
    """Seconds from spawning the process to ``marker`` appearing on its terminal."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    began = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", code], stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
    )
    os.close(slave)
    seen = b""
    try:
        while True:
            ready, _, _ = select.select([master], [], [], 20)
            if not ready:
                raise SystemExit(f"no frame with {marker!r} within 20 s")
            try:
                chunk = os.read(master, 65536)
            except OSError as exc:
                raise SystemExit(f"the app exited before showing {marker!r}: {seen[-500:]!r}") from exc
            seen += chunk
            if marker in seen:
                return time.perf_counter() - began
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        os.close(master)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data:
        env = dict(
            os.environ,
            MOCK_INTERVIEW_DATA_DIR=data,
            PYTHONPATH=str(_common.ROOT / "src"),
            TERM="xterm-256color",
            COLUMNS="80",
            LINES="24",
        )
        launch(MINIMAL, b"hello", env), launch(OURS, b"Question packs", env)  # warm the file cache
        minimal, ours = [], []
        for _ in range(args.repeats):
            minimal.append(launch(MINIMAL, b"hello", env))
            ours.append(launch(OURS, b"Question packs", env))
    m, o = statistics.median(minimal), statistics.median(ours)
    print(f"minimal Textual app: {m * 1000:.0f} ms median over {args.repeats} launches (to 'hello' on the terminal)")
    print(f"mock-interview Home: {o * 1000:.0f} ms median (to 'Question packs' on the terminal)")
    print(f"ratio: {o / m:.2f} (target <= 1.5)")


if __name__ == "__main__":
    main()
