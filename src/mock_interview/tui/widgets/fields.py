"""Form fields that keep what is in them when the user tabs in.

Textual's ``Input`` selects its whole text when it gets focus, so the first key typed replaces it:
tabbing into "Acme" to add " Corp" left " Corp". Here the cursor goes to the end of the text instead,
in an input and in a text area alike, so typing adds to what is there.
"""

from __future__ import annotations

import re
from typing import Literal

from textual import events, on
from textual.widgets import Input, TextArea

_LEADING_ZEROS = re.compile(r"^(-?)0+(?=\d)")
InputType = Literal["integer", "number", "text"]  # what Input's ``type`` takes


class TextField(Input):
    """An ``Input`` that puts the cursor after its text on focus instead of selecting it."""

    def __init__(
        self,
        value: str | None = None,
        placeholder: str = "",
        *,
        type: InputType = "text",
        max_length: int = 0,
        compact: bool = False,
        id: str | None = None,
    ) -> None:
        super().__init__(
            value, placeholder, type=type, max_length=max_length, compact=compact, id=id, select_on_focus=False
        )

    def on_focus(self, event: events.Focus) -> None:
        if not event.from_app_focus:  # the terminal regaining focus leaves the cursor where it was
            self.cursor_position = len(self.value)


class NumberField(TextField):
    """A whole-number ``TextField``: a leading zero goes as the next digit is typed.

    Typing 7 into a field holding "0" gives "7", not "07"; "0500" reads "500" (what is saved).
    """

    def __init__(self, value: int, *, max_length: int = 0, compact: bool = False, id: str | None = None) -> None:
        super().__init__(str(value), type="integer", max_length=max_length, compact=compact, id=id)

    @on(Input.Changed)
    def _drop_leading_zeros(self, event: Input.Changed) -> None:
        if event.input is not self:
            return
        trimmed = _LEADING_ZEROS.sub(r"\1", self.value)
        if trimmed != self.value:
            self.value = trimmed
            self.cursor_position = len(trimmed)


class TextBox(TextArea):
    """A ``TextArea`` for a form: tabbing in puts the cursor at the end of the text, ready to add to it."""

    def on_focus(self, event: events.Focus) -> None:
        if not event.from_app_focus and not self.read_only:
            self.move_cursor(self.document.end)

    def replace_text(self, text: str) -> None:
        """Put ``text`` in the box, leaving the cursor and the scroll where they were.

        For the same text refilled after saving: ``load_text`` would move the cursor to the start,
        and the next keys typed would go there. Text the save trimmed away takes the cursor to the end.
        """
        if text == self.text:
            return
        cursor, scroll = self.cursor_location, self.scroll_offset
        self.load_text(text)
        self.move_cursor(min(cursor, self.document.end))
        self.scroll_to(scroll.x, scroll.y, animate=False, immediate=True)
