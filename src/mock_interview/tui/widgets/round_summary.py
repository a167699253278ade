"""How a round went, in a few lines: a panel at the top of Review (ctrl+g hides or shows it)."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from mock_interview.core.session_records import Session
from mock_interview.core.summary import RoundSummary, summarise
from mock_interview.tui.usertext import user_text

TITLE = "How the round went (ctrl+g hides this)"


def summary_text(summary: RoundSummary) -> Text:
    """The summary's lines, the question texts shown literally (they come from pack files)."""
    questions = summary.questions
    text = Text(f"{questions} question{'s' if questions != 1 else ''} answered", style="bold")
    for line in summary.lines():
        text.append("\n")
        text.append_text(user_text(line))
    return text


class RoundSummaryPanel(Static):
    """The best and weakest question, the one fix worth most, the time used (see :mod:`mock_interview.core.summary`)."""

    DEFAULT_CSS = """
    RoundSummaryPanel { height: auto; border: round $accent; border-title-color: $accent; padding: 0 1; }
    """

    def show_summary(self, summary: RoundSummary) -> None:
        """Show ``summary``."""
        self.border_title = TITLE
        self.update(summary_text(summary))

    def show_for(self, session: Session | None) -> None:
        """Show how ``session`` went, or hide the panel (``None``)."""
        if session is not None:
            self.show_summary(summarise(session))
        self.display = session is not None
