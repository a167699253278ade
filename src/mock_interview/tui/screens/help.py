"""Help: every key of the screen underneath and of the app."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static


class HelpScreen(ModalScreen[None]):
    """Lists the keys of ``over`` (the screen it opened on) and the app's own keys."""

    BINDINGS = [Binding("escape,f1,q", "dismiss", "Close", id="close-help")]

    def __init__(self, over: Screen) -> None:
        super().__init__()
        self.over = over

    def compose(self) -> ComposeResult:
        lines = [f"[b]Keys — {self.over.__class__.__name__.replace('Screen', '')}[/b]", ""]
        seen = set()
        for active in self.over.active_bindings.values():
            binding = active.binding
            key = binding.key_display or self.app.get_key_display(binding)
            if binding.description and (key, binding.description) not in seen:
                seen.add((key, binding.description))
                lines.append(f"  [b]{key:<12}[/b] {binding.description}")
        lines += ["", "  [b]ctrl+p[/b]       Command palette: every action by name",
                  "  [b]tab[/b]          Move between fields; the mouse works too", "", "[dim]escape to close[/dim]"]
        with VerticalScroll(id="help-body"):
            yield Static("\n".join(lines))
