"""Home: the question count saved in Settings, the pack list after filtering."""

from __future__ import annotations

from textual.widgets import Input, SelectionList

from mock_interview.tui.screens.home import HomeScreen
from mock_interview.tui.screens.round import RoundScreen
from mock_interview.tui.screens.settings import SettingsScreen
from tests.ui.conftest import focus, home_ready, open_screen, wait_for


async def test_home_shows_the_question_count_saved_in_settings(make_app):
    """Settings' "Questions per round" 2, saved, escape: Home still said 3 and the round had 3."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "f4", SettingsScreen)
        await focus(pilot, app.screen.query_one("#question-count", Input))
        await pilot.press("ctrl+u", "2", "ctrl+s", "escape")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        assert app.screen.query_one("#count", Input).value == "2"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
        assert app.screen.round.total == 2


async def test_the_pack_list_has_a_highlight_after_filtering(make_app):
    """Filter "motiv", tab, space: nothing was ticked until an arrow key was pressed."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: home_ready(app))
        await focus(pilot, app.screen.query_one("#pack-filter", Input))
        await pilot.press(*"motiv", "tab")
        packs = app.screen.query_one("#pack-list", SelectionList)
        assert app.screen.focused is packs and packs.option_count == 1
        assert "motivation-fit" in packs.selected
        await pilot.press("space")
        assert "motivation-fit" not in packs.selected
        assert "No pack ticked" not in str(app.screen.query_one("#pack-summary").render())
