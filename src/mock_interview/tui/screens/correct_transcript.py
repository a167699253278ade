"""A modal to correct a misheard transcript: the recognised text, editable; ctrl+s keeps it, escape leaves it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from mock_interview.tui.usertext import user_value
from mock_interview.tui.widgets.fields import TextBox


class CorrectTranscriptScreen(ModalScreen[str | None]):
    """Returns the corrected transcript, or ``None`` when left with escape (nothing changes)."""

    CSS_PATH = "review.tcss"

    BINDINGS = [
        Binding("ctrl+s", "keep", "Keep the correction", id="keep-correction", priority=True),
        Binding("escape", "cancel", "Cancel", id="cancel-correction"),
    ]

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(id="correct-transcript", classes="dialog"):
            yield Static(
                "Correct what the model misheard. ctrl+s keeps it and checks the answer again (the recording's "
                "timing stays, and the original transcript is kept beside it); escape leaves it as it was.",
                markup=False,
            )
            yield TextBox(user_value(self.text), id="corrected-text", soft_wrap=True)

    def on_mount(self) -> None:
        box = self.query_one("#corrected-text", TextBox)
        box.focus()
        box.move_cursor(box.document.end)

    def action_keep(self) -> None:
        self.dismiss(self.query_one("#corrected-text", TextBox).text.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)
