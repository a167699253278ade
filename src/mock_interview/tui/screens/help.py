"""Help: the keys of the screen underneath first, then the app's, then the focused field's."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

SKIPPED = ("command_palette", "focus_next", "focus_previous")  # listed once, in words, under "Everywhere"


class HelpScreen(ModalScreen[None]):
    """Lists the keys of ``over`` (the screen it opened on), of the app, and of the field that has focus."""

    BINDINGS = [Binding("escape,f1,q", "dismiss", "Close", id="close-help")]

    def __init__(self, over: Screen[object]) -> None:
        super().__init__()
        self.over = over

    def key_sections(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """(heading, [(key, what it does)]) for the screen, the app and the focused field, in that order."""
        screen: list[tuple[str, str, str]] = []  # with the action, to list them in the screen's own order
        app: list[tuple[str, str]] = [("^p", "Command palette: the screen's actions by name")]
        field: list[tuple[str, str]] = []
        seen: set[tuple[str, str]] = set()
        for active in self.over.active_bindings.values():
            binding = active.binding
            key = binding.key_display or self.app.get_key_display(binding)
            what = binding.tooltip or binding.description
            if not what or (key, what) in seen or binding.action.rsplit(".", 1)[-1] in SKIPPED:
                continue
            seen.add((key, what))
            if active.node is self.over:
                screen.append((key, what, binding.action))
            elif active.node is self.app:
                app.append((key, what))
            else:
                field.append((key, what))
        app.append(("tab", "Move between fields; the mouse works too"))
        order = [binding.action for binding in Binding.make_bindings(type(self.over).BINDINGS)]
        screen.sort(key=lambda item: order.index(item[2]) if item[2] in order else len(order))
        focused = self.over.focused
        name = focused.__class__.__name__ if focused is not None else "field"
        own = [(key, what) for key, what, _ in screen]
        return [
            (self.over.__class__.__name__.replace("Screen", ""), own),
            ("Everywhere", app),
            (f"In the focused field ({name})", field),
        ]

    def compose(self) -> ComposeResult:
        text = Text("escape or f1 closes this help\n\n", style="dim")  # first: at 80x24 the end is off screen
        for heading, keys in self.key_sections():
            if not keys:
                continue
            text.append(f"Keys — {heading}\n", style="bold")
            for key, what in keys:
                text.append(f"  {key:<12} ", style="bold")
                text.append(f"{what}\n")
            text.append("\n")
        with VerticalScroll(id="help-body"):
            yield Static(text)
