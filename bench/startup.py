"""Launch to first painted screen: mock-interview's Home against a minimal Textual app.

Both are launched the same way, as a fresh Python process running the app headless, and each
exits as soon as its first screen has been painted (``call_after_refresh``). The wall time of the
whole process is measured, alternating the two apps, and the medians compared. Target: at most 1.5x.

Run: python bench/startup.py [--repeats N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
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

    def on_mount(self):
        self.call_after_refresh(self.exit)

Minimal().run(headless=True)
"""

OURS = """
from mock_interview.cli.context import AppContext
from mock_interview.tui.app import MockInterviewApp
from mock_interview.tui.screens.home import HomeScreen

class Measured(MockInterviewApp):
    def on_mount(self):
        super().on_mount()
        self.screen_stack[-1].call_after_refresh(self.exit)

Measured(AppContext.from_options(None)).run(headless=True)
"""


def launch(code: str, env: dict) -> float:
    began = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env=env, stdout=subprocess.DEVNULL)
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=11)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data:
        env = dict(os.environ, MOCK_INTERVIEW_DATA_DIR=data, PYTHONPATH=str(_common.ROOT / "src"))
        launch(MINIMAL, env), launch(OURS, env)  # warm the file cache
        minimal, ours = [], []
        for _ in range(args.repeats):
            minimal.append(launch(MINIMAL, env))
            ours.append(launch(OURS, env))
    m, o = statistics.median(minimal), statistics.median(ours)
    print(f"minimal Textual app: {m * 1000:.0f} ms median over {args.repeats} launches")
    print(f"mock-interview Home: {o * 1000:.0f} ms median")
    print(f"ratio: {o / m:.2f} (target <= 1.5)")


if __name__ == "__main__":
    main()
