"""A mentor's read in Review: their notes on the answer shown, and their answers to the questions asked of them.

Their words are the user's data (a file that came back by mail): shown literally, never as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.widgets import Static

from mock_interview.tui.usertext import user_text


class MentorNotesPanel(Static):
    """A mentor's notes on one answer, above its checklist (hidden when there are none)."""

    HEADING: ClassVar[str] = "Your mentor's notes"

    def show_notes(self, notes: str) -> None:
        """Show ``notes`` under the heading, or hide the panel when there are none."""
        self.display = bool(notes.strip())
        if self.display:
            self.update(Text.assemble((self.HEADING + "\n", "bold"), user_text(notes.strip())))


class MentorAnswersPanel(Static):
    """The mentor's answers to the questions the export asked them (hidden when none was answered)."""

    def show_answers(self, asked: Sequence[dict[str, str]]) -> None:
        """Show each answered question (in italics) with the mentor's answer."""
        answered = [item for item in asked if item.get("notes", "").strip()]
        self.display = bool(answered)
        text = Text("Your mentor's answers", style="bold")
        for item in answered:
            text.append("\n")
            text.append_text(user_text(item.get("question", ""), style="italic"))
            text.append("\n")
            text.append_text(user_text(item["notes"].strip()))
        self.update(text)
