"""The keys that moved so each means one thing arrive as themselves in a real terminal (the app in a
pseudo-terminal): ctrl+l debriefs from Home, ctrl+g shows History's chart, ctrl+f switches a round to
calm mode, f7 is "Again" in a round."""

from __future__ import annotations

from pathlib import Path

from tests.ui.test_round_keys_in_a_terminal import app, quit_app


def test_the_moved_keys_work_in_a_terminal(isolated_data_dir: Path):
    term = app(isolated_data_dir)
    try:
        term.wait_for("packs ticked", timeout=60)
        term.settle()
        term.press("ctrl+l")
        term.wait_for("Debrief")
        term.wait_for("^s Save")
        term.press("escape")
        term.wait_for("packs ticked")
        term.settle()
        term.press("f2")
        term.wait_for("^g Progress")
        term.press("ctrl+g")
        term.wait_for("^g Sessions")
        term.press("escape")
        term.wait_for("packs ticked")
        quit_app(term)
    finally:
        if term.child.isalive():
            term.child.terminate(force=True)

    term = app(isolated_data_dir, "practice", "--pack", "behavioral-star", "--count", "1", "--typed")
    try:
        term.wait_for("Think time", timeout=60)
        term.press("ctrl+s")
        term.wait_for("Answer: ctrl+s to submit")
        assert "f7 Again" in term.settle() and "^f Calm" in term.text, term.text
        term.press("ctrl+f")
        term.wait_for("^f Live")
        assert "Calm mode" in term.flat(), term.text
        quit_app(term)
    finally:
        if term.child.isalive():
            term.child.terminate(force=True)
