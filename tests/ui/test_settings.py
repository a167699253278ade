"""Settings: leaving with unsaved edits asks first, a bad value keeps the form open, labels and dropdowns at 80x24."""

from __future__ import annotations

import pytest
from textual.widgets import Select

from mock_interview.core.settings import load_settings
from mock_interview.tui.screens.confirm import SaveChangesScreen
from mock_interview.tui.screens.home import HomeScreen
from mock_interview.tui.screens.profiles import ProfilesScreen
from mock_interview.tui.screens.settings import SettingsScreen
from tests.ui.conftest import focus, open_screen, screen_text, settled, wait_for


@pytest.mark.parametrize(("answer", "kept"), [("y", 45), ("n", 0)])
async def test_escape_from_settings_with_unsaved_edits_asks_first(make_app, isolated_data_dir, answer, kept):
    """Answer time changed to 45, escape: settings.toml still said 0 and nothing warned."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "f4", SettingsScreen)
        await pilot.press("ctrl+u", "4", "5", "escape")
        await wait_for(pilot, lambda: isinstance(app.screen, SaveChangesScreen))
        await pilot.press(answer)
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
    settings, _ = load_settings(isolated_data_dir / "settings.toml")
    assert settings.answer_seconds == kept


async def test_settings_with_a_bad_number_stay_open_when_saving_on_escape(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "f4", SettingsScreen)
        await pilot.press("ctrl+u", "9", "9", "9", "9", "escape")
        await wait_for(pilot, lambda: isinstance(app.screen, SaveChangesScreen))
        await pilot.press("y")
        await wait_for(pilot, lambda: not isinstance(app.screen, SaveChangesScreen))
        await settled(pilot)
        assert isinstance(app.screen, SettingsScreen)  # "must be a whole number from 0 to 1800": fix it first


@pytest.mark.parametrize(
    ("key", "screen_type", "field", "ending"),
    [
        ("f3", ProfilesScreen, "#profile-name", " or _)"),
        ("f4", SettingsScreen, "#model", " a folder"),
    ],
)
async def test_form_labels_wrap_at_80_columns(make_app, key, screen_type, field, ending):
    """ "Name (used on the command line: lowercase, digits, -" and "…(base.en…), or" ran off the edge."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, key, screen_type)
        app.screen.query_one(field).focus()  # scrolled into view
        await settled(pilot)
        await wait_for(pilot, lambda: ending in screen_text(app))


async def test_an_open_dropdown_leaves_the_footer_visible(make_app):
    """At 80x24 Settings' Feedback dropdown covered the footer ("e▊▁▁▁…")."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "f4", SettingsScreen)
        dropdown = app.screen.query_one("#feedback-mode", Select)
        await focus(pilot, dropdown)
        await pilot.press("enter")
        await wait_for(pilot, lambda: dropdown.expanded)
        await settled(pilot)
        last = screen_text(app).splitlines()[-1]
        assert "^s Save" in last and "f1 Help" in last, last
