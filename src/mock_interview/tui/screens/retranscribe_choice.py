"""Asked before f10 re-transcribes an answer whose transcript was corrected by hand: keep the correction, or
replace it (saying what would be lost), or cancel."""

from __future__ import annotations

import textwrap
from enum import Enum

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

QUOTED_CHARACTERS = 160  # enough of the correction to recognise it; the dialog stays on an 80x24 screen


class RetranscribeChoice(Enum):
    """What re-transcribing does to a corrected transcript."""

    KEEP = "keep"  # the correction stays the answer; the new recognition is kept beside it as the original
    REPLACE = "replace"  # the new recognition becomes the answer; the correction is dropped
    CANCEL = "cancel"


class RetranscribeChoiceScreen(ModalScreen[RetranscribeChoice]):
    """ "This transcript was corrected by hand": ``k`` keeps the correction, ``r`` replaces it, escape cancels."""

    BINDINGS = [
        Binding("k", "choose('keep')", "Keep both", id="retranscribe-keep"),  # k means "keep both" on every screen
        Binding("r", "choose('replace')", "Replace", id="retranscribe-replace"),
        Binding("escape,c", "choose('cancel')", "Cancel", id="retranscribe-cancel"),
    ]

    def __init__(self, correction: str) -> None:
        """Ask about the hand-corrected transcript ``correction`` (quoted literally: it is the user's text)."""
        super().__init__()
        self.correction = correction

    def compose(self) -> ComposeResult:
        quoted = textwrap.shorten(" ".join(self.correction.split()), QUOTED_CHARACTERS, placeholder=" …")
        with Vertical(classes="dialog"):
            yield Static("Re-transcribe an answer you corrected?", classes="section-title", markup=False)
            yield Static(
                f'This transcript was corrected by hand: "{quoted}". Keep both (k) leaves your correction as the '
                "answer and keeps the new recognition beside it; replace (r) makes the new recognition the answer "
                "and your correction is lost; cancel (esc) changes nothing.",
                id="retranscribe-question",
                markup=False,
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Keep both (k)", id="retranscribe-keep", variant="primary")
                yield Button("Replace it (r)", id="retranscribe-replace", variant="warning")
                yield Button("Cancel (esc)", id="retranscribe-cancel")

    def on_mount(self) -> None:
        self.query_one("#retranscribe-keep", Button).focus()  # enter never loses the correction

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        choice = {"retranscribe-keep": RetranscribeChoice.KEEP, "retranscribe-replace": RetranscribeChoice.REPLACE}
        self.dismiss(choice.get(event.button.id or "", RetranscribeChoice.CANCEL))

    def action_choose(self, choice: str) -> None:
        self.dismiss(RetranscribeChoice(choice))
