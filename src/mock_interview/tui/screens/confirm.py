"""Small questions asked before something the user may not mean to do: yes or no, and save or discard."""

from __future__ import annotations

from enum import Enum

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ConfirmScreen(ModalScreen[bool]):
    """Returns ``True`` for yes (enter on the first button) and ``False`` for no (escape)."""

    BINDINGS = [Binding("escape", "no", "No", id="confirm-no")]

    def __init__(self, question: str, detail: str = "", *, yes: str = "Yes", no: str = "No") -> None:
        super().__init__()
        self.question = question
        self.detail = detail
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self.question, classes="section-title", markup=False)
            if self.detail:
                yield Static(self.detail, markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.yes, id="confirm-yes", variant="warning")
                yield Button(f"{self.no} (esc)", id="confirm-no")

    @on(Button.Pressed, "#confirm-yes")
    def action_yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#confirm-no")
    def action_no(self) -> None:
        self.dismiss(False)


class SaveChoice(Enum):
    """What to do with unsaved changes when leaving a form."""

    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"  # stay in the form, changes kept


class SaveChangesScreen(ModalScreen[SaveChoice]):
    """ "Save changes? (y/n/cancel)": ``y`` saves, ``n`` discards, escape (or ``c``) stays in the form."""

    BINDINGS = [
        Binding("y", "choose('save')", "Save", id="save-changes-yes"),
        Binding("n", "choose('discard')", "Discard", id="save-changes-no"),
        Binding("escape,c", "choose('cancel')", "Cancel", id="save-changes-cancel"),
    ]

    def __init__(self, what: str) -> None:
        """Ask about the unsaved changes to ``what`` (shown literally: it may name a profile)."""
        super().__init__()
        self.what = what

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("Save changes? (y/n/cancel)", classes="section-title", markup=False)
            yield Static(f"{self.what} has changes that are not saved yet.", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (y)", id="save-changes-save", variant="primary")
                yield Button("Discard (n)", id="save-changes-discard", variant="warning")
                yield Button("Cancel (esc)", id="save-changes-cancel")

    def on_mount(self) -> None:
        self.query_one("#save-changes-save", Button).focus()

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        choice = {"save-changes-save": SaveChoice.SAVE, "save-changes-discard": SaveChoice.DISCARD}
        self.dismiss(choice.get(event.button.id or "", SaveChoice.CANCEL))

    def action_choose(self, choice: str) -> None:
        self.dismiss(SaveChoice(choice))


class ConflictChoice(Enum):
    """What to do when what is being saved was changed elsewhere since it was opened."""

    OVERWRITE = "overwrite"
    KEEP_BOTH = "keep_both"
    CANCEL = "cancel"


class ChangedElsewhereScreen(ModalScreen[ConflictChoice]):
    """ "Changed elsewhere: overwrite it, keep both, or cancel?" (``o``, ``k``, escape)."""

    BINDINGS = [
        Binding("o", "choose('overwrite')", "Overwrite", id="conflict-overwrite"),
        Binding("k", "choose('keep_both')", "Keep both", id="conflict-keep-both"),
        Binding("escape,c", "choose('cancel')", "Cancel", id="conflict-cancel"),
    ]

    def __init__(self, what: str, keep_both_as: str) -> None:
        """Ask about ``what`` (a sentence saying what changed, shown literally); ``keep_both_as`` names the copy."""
        super().__init__()
        self.what = what
        self.keep_both_as = keep_both_as

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("Changed elsewhere: overwrite, keep both, or cancel?", classes="section-title", markup=False)
            yield Static(
                f"{self.what}. Overwrite replaces that version with this form; keep both saves this form "
                f"as '{self.keep_both_as}'; cancel keeps the form open, unsaved.",
                markup=False,
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Overwrite (o)", id="conflict-overwrite", variant="warning")
                yield Button("Keep both (k)", id="conflict-keep-both", variant="primary")
                yield Button("Cancel (esc)", id="conflict-cancel")

    def on_mount(self) -> None:
        self.query_one("#conflict-keep-both", Button).focus()

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        choice = {"conflict-overwrite": ConflictChoice.OVERWRITE, "conflict-keep-both": ConflictChoice.KEEP_BOTH}
        self.dismiss(choice.get(event.button.id or "", ConflictChoice.CANCEL))

    def action_choose(self, choice: str) -> None:
        self.dismiss(ConflictChoice(choice))
