"""Home's one-line dropdowns and number field look like controls (a frame at both ends, not "Mode      Typed"
as plain text), and an open menu has a frame of its own over what it covers (the profile menu over Start)."""

from __future__ import annotations

import pytest
from textual.widgets import Select

from mock_interview.core.profiles import Profile, ProfileStore
from mock_interview.tui.screens.home import HomeScreen
from tests.ui.conftest import screen_text, wait_for

SIZES = [(80, 24), (120, 40)]


def line_with(text: str, words: str) -> str:
    return next(line for line in text.splitlines() if words in line)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_homes_dropdowns_have_a_frame_and_an_open_menu_covers_start_cleanly(make_app, isolated_data_dir, size):
    store = ProfileStore(isolated_data_dir / "profiles")
    for name in ("acme", "globex", "initech"):
        store.save(Profile(name=name, company=name.title(), role="PM"))
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and bool(app.screen.query("#profile")))
        await wait_for(pilot, lambda: "Typed" in screen_text(app))
        shown = screen_text(app)
        for label, value in (("Order", "As in the pack"), ("Mode", "Typed"), ("Questions", "5")):
            row = line_with(shown, label)
            assert f"▊{value}" in row and row.rstrip().endswith("▎"), row  # framed at both ends
        profile = app.screen.query_one("#profile", Select)
        profile.focus()
        await pilot.press("enter")
        await wait_for(pilot, lambda: profile.expanded and "globex: PM at Globex" in screen_text(app))
        shown = screen_text(app)
        for option in ("no profile", "acme: PM at Acme", "globex: PM at Globex", "initech: PM at Initech"):
            row = line_with(shown, option)
            assert f"▊{option}" in row, row  # the menu's own frame, between it and the Start button under it
        lines = shown.splitlines()
        top = lines.index(line_with(shown, "▊acme: PM at Acme")) - 2  # over "no profile", the first option
        assert "▊▔▔▔▔" in lines[top], lines[top]  # and a top edge
