"""The real app in a pseudo-terminal, as a newcomer drives it: a number typed into Settings' filled
field is the number saved; Help read during a timed answer does not use its time; a follow-up that
misses its point does not raise the question's score."""

from __future__ import annotations

import os
import re
import sys
import time
import tomllib
from pathlib import Path

import pexpect

from tests.terminal import COLUMNS, ROWS, Terminal
from tests.unit.test_round_state import DODGED_OUTCOME
from tests.unit.test_rounds import WEAK_STAR

HELP_SECONDS = 4.0


def app(data: Path, *args: str) -> Terminal:
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(COLUMNS), "LINES": str(ROWS)}
    env.pop("TEXTUAL", None)
    return Terminal([sys.executable, "-m", "mock_interview.cli.main", "--data-dir", str(data), *args], env)


def quit_app(term: Terminal) -> None:
    term.press("ctrl+q")
    term.child.expect(pexpect.EOF, timeout=15)


def test_settings_help_and_a_failed_follow_up_in_a_terminal(isolated_data_dir: Path):
    data = isolated_data_dir
    term = app(data)
    try:
        term.wait_for("packs ticked", timeout=60)
        term.settle()
        term.press("f4")
        term.wait_for("Answer time in seconds")
        term.settle()
        term.type("90")  # into the field holding "0"
        assert re.search(r"▊\s+90\s+▎", term.settle()), term.text  # the field reads 90, not 090 or 900
        term.press("ctrl+s")
        term.wait_for("Settings saved")
        term.press("escape")
        quit_app(term)
    finally:
        if term.child.isalive():
            term.child.terminate(force=True)
    assert tomllib.loads((data / "settings.toml").read_text())["answer_seconds"] == 90

    term = app(data, "practice", "--pack", "behavioral-star", "--count", "1", "--typed", "--profile", "none")
    try:
        term.wait_for("Think time", timeout=60)
        term.press("ctrl+s")
        term.wait_for("Answer: ctrl+s to submit")
        answer_opened = time.monotonic()
        term.type(WEAK_STAR)
        term.press("f1")
        term.wait_for("Keys — Round")
        time.sleep(HELP_SECONDS)  # reading Help: the answer's clock waits
        term.press("escape")
        term.settle(quiet=0.3)
        term.press("ctrl+s")
        answer_wall_seconds = time.monotonic() - answer_opened  # typing, Help and settling, as the test saw them
        term.wait_for("follow-up: ctrl+s to hear it")
        own = int(re.search(r"Score (\d+)\.", term.flat()).group(1))  # type: ignore[union-attr]
        term.press("ctrl+s")
        term.wait_for("Follow-up:")
        term.type(DODGED_OUTCOME)
        term.press("ctrl+s")
        term.wait_for("ctrl+s Next: the review")
        status = " ".join(
            line[:40] for line in term.text.splitlines()[-4:-1]
        )  # under the answer, left of the checklist
        assert "does not answer the" in status, term.text
        question = int(re.search(r"Question score (\d+)", " ".join(status.split())).group(1))  # type: ignore[union-attr]
        assert question <= own
        term.press("ctrl+s")
        term.wait_for("^s Save f7 Again")
        quit_app(term)
    finally:
        if term.child.isalive():
            term.child.terminate(force=True)
    [session_file] = (data / "sessions").glob("*.toml")
    session = tomllib.loads(session_file.read_text())
    main = session["answers"][0]
    # Help's seconds were not counted: the answer's time is the wall time less (nearly all of) Help's,
    # however long typing took on a busy machine (a fixed bound under HELP_SECONDS failed under load)
    answer_seconds = (main["ended"] - main["started"]).total_seconds()
    assert answer_seconds < answer_wall_seconds - HELP_SECONDS / 2, (answer_seconds, answer_wall_seconds)
    assert session["session"]["score"] == question <= own
