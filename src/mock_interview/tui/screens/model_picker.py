"""A small modal to choose a transcription model by name or folder."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from mock_interview.tui.usertext import user_value
from mock_interview.tui.widgets.fields import TextField


class ModelPickerScreen(ModalScreen[str | None]):
    """Returns the model typed (``bundled``, a name such as ``base.en``, or a folder), or ``None``."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel")]

    def __init__(self, current: str) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="model-picker", classes="dialog"):
            yield Static("Model: 'bundled' (tiny.en), a downloaded name such as base.en, or a model folder")  # wraps
            yield TextField(user_value(self.current), id="model-name")
            yield Button("Transcribe", variant="primary", id="model-ok")

    @on(Input.Submitted)
    @on(Button.Pressed, "#model-ok")
    def accept(self) -> None:
        self.dismiss(self.query_one("#model-name", Input).value.strip() or "bundled")

    def action_cancel(self) -> None:
        self.dismiss(None)
