"""The footer's keys keep one order per screen, whatever has focus (the answer area binds f6 and f7 too,
and its focus moved them to the front: "f6 Skip f7 Retry ^s Submit f5 Pause …")."""

from __future__ import annotations

from textual.widgets import DataTable, OptionList, TextArea
from textual.widgets._footer import FooterKey

from mock_interview.core.planning import RoundRequest
from mock_interview.core.rounds import Phase
from mock_interview.tui.screens.history import HistoryScreen
from mock_interview.tui.screens.home import HomeScreen
from mock_interview.tui.screens.round import RoundScreen
from tests.ui.conftest import open_screen, wait_for


def footer_order(app) -> list[str]:
    """The keys the footer shows, left to right."""
    return [key.key for key in app.screen.query(FooterKey)]


async def focus_and_read(app, pilot, widget) -> list[str]:
    widget.focus()
    await wait_for(pilot, lambda: app.focused is widget and footer_order(app), what="focus moved, footer drawn")
    await pilot.pause()  # the footer recomposes after the focus change
    return footer_order(app)


async def test_a_rounds_footer_keeps_its_order_on_the_answer_and_on_the_checklist(make_app):
    app = make_app()
    app.start_round = RoundRequest(("behavioral-star",), count=1, order="pack", profile="")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen.round.phase is Phase.ANSWERING)
        on_answer = await focus_and_read(app, pilot, app.screen.query_one("#answer", TextArea))
        on_checklist = await focus_and_read(app, pilot, app.screen.query_one("#feedback-checks", OptionList))
        assert on_answer == on_checklist
        assert on_answer[:5] == ["ctrl+s", "f5", "f6", "f7", "f8"]  # the screen's order: main key, then f-keys


async def test_homes_and_historys_footers_keep_their_order_whatever_has_focus(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and bool(app.screen.query("#count")))
        home = app.screen
        orders = [await focus_and_read(app, pilot, home.query_one(selector)) for selector in ("#pack-filter", "#count")]
        assert orders[0] == orders[1] and orders[0][:4] == ["ctrl+s", "f2", "f3", "f4"]
        await open_screen(app, pilot, "f2", HistoryScreen)
        history = app.screen
        orders = [await focus_and_read(app, pilot, history.query_one(w)) for w in ("#history-filter", DataTable)]
        in_both = [key for key in orders[1] if key in orders[0]]  # the filter keeps delete for its text
        assert orders[0] == in_both and len(in_both) >= 5
