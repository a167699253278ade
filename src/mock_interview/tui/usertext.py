"""User text for widgets: shown literally, never parsed as markup, control characters visible.

Textual parses a plain ``str`` given to ``Static``, ``Label``, ``Option``, ``Select``, ``DataTable``
or ``notify`` as content markup: a pack title with ``[/]`` would crash a screen, and
``[@click=screen.end_round]`` would become a live action. Text from packs, profiles, sessions,
answers and devices therefore reaches a widget only through :func:`user_text` (or, in an input
box, :func:`user_value`).
"""

from __future__ import annotations

from rich.text import Text

from mock_interview.core.safetext import visible


def user_text(text: str, style: str = "") -> Text:
    """``text`` as a Rich ``Text``: literal, with control characters made visible."""
    return Text(visible(text), style=style)


def user_value(text: str) -> str:
    """``text`` for an ``Input`` or ``TextArea``: literal already, but no raw control characters."""
    return visible(text)
