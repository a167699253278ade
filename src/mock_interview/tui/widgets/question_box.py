"""The round's question area, which hands every typed key on to the answer."""

from __future__ import annotations

from textual import events
from textual.containers import VerticalScroll
from textual.widgets import TextArea


class QuestionBox(VerticalScroll):
    """The question, scrolled when it is longer than its share of the screen (Tab to it, then the arrows).

    A key typed while it has focus goes to the answer (the screen's ``#answer``): nothing typed is lost to it.
    """

    def on_key(self, event: events.Key) -> None:
        answer = self.screen.query_one("#answer", TextArea)
        if event.is_printable and event.character and not answer.read_only:
            answer.focus()
            answer.insert(event.character)
            event.stop()
