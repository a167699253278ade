"""The real app in a pseudo-terminal, driven by keys as a person would, its screen read by a terminal emulator.

A typed round with two packs at 80x24: untick a pack, visit Profiles, Settings and History and come
back (Home must look exactly as before), start, answer every question and follow-up, write a note,
export, check History, quit. Then the files on disk say what happened.
"""

from __future__ import annotations

import os
import sys
import time
import tomllib
from pathlib import Path

import pexpect
import pytest

from tests.terminal import COLUMNS, ROWS, Terminal

ANSWERS = (
    "In my previous role as a support lead our backlog had grown to 900 tickets. I analysed six weeks of "
    "tickets "
    "and wrote a guide for the top issues. As a result the backlog fell by 80% within two months.",
    "In the next two years I want to lead a small analytics team, and in five years I want to run the data "
    "function of a company like yours, because your focus on evidence fits how I work.",
)
FOLLOW_UP_ANSWER = "I personally wrote the guide and trained four colleagues to use it within three weeks."


@pytest.fixture
def terminal(isolated_data_dir: Path):
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(COLUMNS), "LINES": str(ROWS)}
    env.pop("TEXTUAL", None)
    term = Terminal([sys.executable, "-m", "mock_interview.cli.main", "--data-dir", str(isolated_data_dir)], env)
    yield term
    if term.child.isalive():
        term.child.terminate(force=True)


def test_a_typed_round_with_two_packs_end_to_end(terminal: Terminal, isolated_data_dir: Path):
    term = terminal
    term.wait_for("3 packs ticked")  # a fresh start ticks the three core packs
    term.settle()
    # Untick "Motivation and fit": two packs stay ticked.
    term.press("tab")
    term.press(*["down"] * 8)  # to "Motivation and fit", the ninth pack by title
    term.press("space")
    term.wait_for("2 packs ticked · 26 questions")
    home = term.settle()
    for key in ("f3", "f4", "f2"):  # Profiles, Settings, History, each closed with escape
        term.press(key)
        term.settle()
        assert term.text != home
        term.press("escape")
        assert term.settle() == home, f"Home changed after {key} and escape:\n{term.text}"
    # Tab from the pack list reaches Questions (no invisible stop on the way).
    term.press("tab")
    term.settle()  # Questions has focus, its cursor after the "6", before the keys that edit it
    term.press("backspace", "2")
    term.press("ctrl+s")
    term.wait_for("Question 1 of 2")
    answered = 0
    deadline = time.monotonic() + 120
    while "^s Save f7 Again" not in term.flat():  # the footer of Review
        assert time.monotonic() < deadline, f"the round did not end; the screen shows:\n{term.text}"
        flat = term.flat()
        if "Think time" in flat:
            term.press("ctrl+s")
        elif "Answer: ctrl+s to submit" in flat:
            term.type(FOLLOW_UP_ANSWER if "Follow-up:" in flat else ANSWERS[answered % 2])
            answered += 1
            term.press("ctrl+s")
            term.wait_for("Score")
        elif "ctrl+s Next:" in flat:
            term.press("ctrl+s")
        term.settle(quiet=0.4)
        assert answered <= 6, term.text
    term.wait_for("2 of 2 questions")
    term.press("shift+tab")  # from the list of answers round to the note
    term.type("Lead with the number.")
    term.press("ctrl+s")
    term.wait_for("Note saved")
    term.press("ctrl+e")  # still in the note: export works from there
    term.wait_for("Exported to")
    term.press("escape")
    term.wait_for("packs ticked")
    term.press("f2")
    term.wait_for("2/2")
    term.press("escape")
    term.settle()
    term.press("ctrl+q")
    term.child.expect(pexpect.EOF, timeout=15)

    [session_file] = (isolated_data_dir / "sessions").glob("*.toml")
    session = tomllib.loads(session_file.read_text())
    head, answers = session["session"], session["answers"]
    assert head["packs"] == ["behavioral-star", "career-goals"] and head["status"] == "completed"
    main = [a for a in answers if not a.get("follow_up_to")]
    assert sorted(a["question_ref"].split("/")[0] for a in main) == ["behavioral-star", "career-goals"]
    assert head["questions_answered"] == 2 and head["follow_ups_answered"] == len(answers) - 2
    assert any(a.get("reflection") == "Lead with the number." for a in answers)
    export = (isolated_data_dir / "exports" / f"{head['id']}.md").read_text()
    assert "Lead with the number." in export and "- Answered: 2 of 2 questions" in export
    settings = tomllib.loads((isolated_data_dir / "settings.toml").read_text())
    assert settings["packs"] == ["behavioral-star", "career-goals"]  # ticked again next time
