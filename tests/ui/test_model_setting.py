"""A model chosen in Settings: a warning at once when it is not on this machine, and Home says what
spoken answers use now (it said 'Settings saved.' and nothing else, and Home was stale until a restart)."""

from __future__ import annotations

from mock_interview.tui.app import MockInterviewApp
from mock_interview.tui.screens.settings import SettingsScreen
from mock_interview.tui.widgets.fields import TextField
from tests.ui.conftest import home_ready, notifications, settled, wait_for


def messages(app) -> list[str]:
    return [n.message for n in notifications(app)]


async def choose_model(app, pilot, name: str) -> None:
    await wait_for(pilot, lambda: home_ready(app))
    await pilot.press("f4")
    await wait_for(pilot, lambda: isinstance(app.screen, SettingsScreen))
    app.screen.query_one("#model", TextField).value = name
    await pilot.press("ctrl+s")


async def test_a_model_that_is_not_here_is_named_when_saved(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await choose_model(app, pilot, "no-such-model-xyz")
        await wait_for(
            pilot, lambda: any("no-such-model-xyz" in m and "not on this machine" in m for m in messages(app))
        )
        assert app.settings.model == "no-such-model-xyz"  # saved all the same: it may be downloaded later


async def test_the_bundled_model_saves_without_a_warning(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await choose_model(app, pilot, "tiny.en")
        await settled(pilot)  # the model is looked for in the background
        assert not any("cannot use it" in m for m in messages(app))


async def test_home_says_which_model_spoken_answers_use_after_settings(make_app):
    apps: list[MockInterviewApp] = []  # the probe reads the app's settings when Home checks speech

    def probe() -> tuple[bool, str]:
        return True, f"Spoken: test microphone · {apps[0].settings.model}"

    app = make_app(speech_probe=probe)
    apps.append(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: home_ready(app) and "bundled" in app.screen.speech_reason)
        await choose_model(app, pilot, "base.en")
        await pilot.press("escape")
        await wait_for(pilot, lambda: home_ready(app))
        await wait_for(pilot, lambda: "base.en" in app.screen.speech_reason)
