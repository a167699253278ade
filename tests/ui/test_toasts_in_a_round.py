"""A notification in a round leaves the round's status line readable: it used to cover its end."""

from __future__ import annotations

import pytest
from textual.widgets._toast import Toast

from mock_interview.core.planning import RoundRequest
from mock_interview.core.rounds import Phase
from mock_interview.tui.screens.round import RoundScreen
from tests.ui.conftest import screen_text, wait_for

SIZES = [(80, 24), (120, 40)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_a_toast_does_not_cover_the_status_line(make_app, size):
    app = make_app()
    app.start_round = RoundRequest(("behavioral-star",), count=2, order="pack", profile="")
    async with app.run_test(size=size, notifications=True) as pilot:  # toasts are off in tests unless asked
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
        screen = app.screen
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: screen.round.phase is Phase.ANSWERING)
        status = screen.query_one("#round-status")
        words = ["status"] * 40
        screen.status(" ".join(words))  # as long as the answer column is wide, and longer
        app.notify("The session is saved again, and this notice is long enough to wrap.", title="Saved")
        await wait_for(pilot, lambda: bool(app.screen.query(Toast)) and "Saved" in screen_text(app))
        rows = screen_text(app).splitlines()
        top, height = status.region.y, status.region.height
        shown = " ".join(rows[top : top + height])
        assert shown.split().count("status") == len(words), shown  # every word of it on screen
        toast = app.screen.query_one(Toast)
        assert not toast.region.overlaps(status.region), (toast.region, status.region)
