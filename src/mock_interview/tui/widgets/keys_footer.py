"""The footer, its keys in one order per screen whatever has focus.

Textual's own footer lists the keys in the order the focused widget's binding chain meets them, so a
key the focused widget also binds (the answer area's f6 and f7) moved to the front when it had focus:
the same screen showed "f6 Skip f7 Retry ^s Submit …" or "^s Submit f5 Pause f6 Skip …".
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

if TYPE_CHECKING:
    from textual.app import ComposeResult
    from textual.screen import Screen

LATER = 1_000_000  # the focused widget's own keys, after the screen's and the app's


def key_order(screen: Screen[object]) -> dict[tuple[str, str], int]:
    """The place of each (key, action) in the footer: the screen's keys as its BINDINGS list them, then the app's."""
    declared = Binding.make_bindings([*type(screen).BINDINGS, *type(screen.app).BINDINGS])
    order: dict[tuple[str, str], int] = {}
    for binding in declared:
        order.setdefault((binding.key, binding.action), len(order))
    return order


class KeysFooter(Footer):
    """A :class:`~textual.widgets.Footer` whose keys keep the screen's order when focus moves."""

    def compose(self) -> ComposeResult:
        if not self._bindings_ready:
            return
        order = key_order(self.screen)
        shown = [
            (binding, enabled, tooltip)
            for (_, binding, enabled, tooltip) in self.screen.active_bindings.values()
            if binding.show
        ]
        # sorted is stable: keys the screen does not declare (a focused widget's) keep their own order, last
        shown.sort(key=lambda item: order.get((item[0].key, item[0].action), LATER))
        by_action: defaultdict[str, list[tuple[Binding, bool, str]]] = defaultdict(list)
        for item in shown:
            by_action[item[0].action].append(item)
        self.styles.grid_size_columns = len(by_action)
        for binding, enabled, tooltip in (items[0] for items in by_action.values()):  # no key here is grouped
            yield FooterKey(
                binding.key,
                self.app.get_key_display(binding),
                binding.description,
                binding.action,
                disabled=not enabled,
                tooltip=tooltip,
            ).data_bind(compact=Footer.compact)
