"""Signals sent to the real app in a pseudo-terminal: INT, TERM and HUP each save what was just typed.

The words are typed and the signal sent at once, well inside the one-second autosave, so only the
signal's own save can have kept them.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

import pytest

from mock_interview.core.sessions import SessionStore
from tests.terminal import Terminal

WORDS = "In two years I want to lead the support team"


def saved_text(data_dir: Path) -> str:
    sessions = SessionStore(data_dir / "sessions").load_all()
    return sessions[0].answers[0].text if sessions and sessions[0].answers else ""


@pytest.mark.parametrize("name", ["SIGINT", "SIGTERM", "SIGHUP"])
def test_a_signal_mid_answer_saves_what_was_typed(name: str, isolated_data_dir: Path):
    env = {**os.environ, "TERM": "xterm-256color"}
    env.pop("TEXTUAL", None)
    term = Terminal(
        [
            sys.executable,
            "-m",
            "mock_interview",
            "--data-dir",
            str(isolated_data_dir),
            "practice",
            "--pack",
            "career-goals",
            "--count",
            "1",
            "--typed",
        ],
        env,
    )
    try:
        term.wait_for("Think time")
        term.settle()
        term.press("ctrl+s")
        term.wait_for("Answer: ctrl+s to submit")
        typed = ""
        for word in WORDS.split():  # until the words are on screen but not yet autosaved (a busy machine may lag)
            typed += ("" if not typed else " ") + word
            term.child.send(("" if typed == word else " ") + word)
            term.wait_for(word, timeout=10)
            if typed == WORDS and WORDS not in saved_text(isolated_data_dir):
                break
        os.kill(term.child.pid, getattr(signal, name))
        end = time.monotonic() + 10
        while term.child.isalive() and time.monotonic() < end:
            term.pump(0.1)
        assert not term.child.isalive(), f"the app did not end on {name}"
    finally:
        if term.child.isalive():
            term.child.terminate(force=True)
    assert saved_text(isolated_data_dir) == WORDS
