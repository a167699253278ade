"""Number fields take what is typed as the number: typing into Settings' filled fields and Home's count."""

from __future__ import annotations

import tomllib

from mock_interview.tui.screens.home import HomeScreen
from mock_interview.tui.screens.round import RoundScreen
from mock_interview.tui.screens.settings import SettingsScreen
from mock_interview.tui.widgets.fields import NumberField
from tests.ui.conftest import notification_text, wait_for


async def test_typing_into_a_filled_number_field_gives_the_number_typed(make_app, isolated_data_dir):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.press("f4")
        await wait_for(pilot, lambda: isinstance(app.screen, SettingsScreen))
        field = app.screen.query_one("#answer-seconds", NumberField)
        assert app.focused is field and field.value == "0"
        await pilot.press("9", "0")
        assert field.value == "90"  # not "090" or "900"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: (isolated_data_dir / "settings.toml").exists())
    saved = tomllib.loads((isolated_data_dir / "settings.toml").read_text())
    assert saved["answer_seconds"] == 90


async def test_homes_question_count_names_its_range(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and bool(app.screen.query("#count")))
        count = app.screen.query_one("#count", NumberField)
        for typed in ("500", "0"):
            count.value = typed
            await pilot.press("ctrl+s")
            said = f"'{typed}' must be a whole number from 1 to 200"

            def told(said: str = said) -> bool:
                return said in notification_text(app)

            await wait_for(pilot, told)
            assert not isinstance(app.screen, RoundScreen)
