"""Help says first how to close it, the palette lists Help once (not Textual's Keys panel beside it),
and a long reason spoken answers are unavailable never pushes Start off an 80x24 Home."""

from __future__ import annotations

from mock_interview.tui.screens.help import HelpScreen
from mock_interview.tui.screens.home import HomeScreen
from tests.ui.conftest import screen_text, wait_for

NO_PORTAUDIO = "Spoken answers unavailable: " + " ".join(["PortAudio library not found; install it with apt."] * 12)


async def test_the_palette_lists_help_and_not_the_keys_panel(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "Help" in titles and "Keys" not in titles


async def test_help_says_how_to_close_it_first(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        assert "escape or f1 closes this help" in screen_text(app)
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))


async def test_a_long_speech_notice_leaves_start_on_screen(make_app):
    app = make_app(speech_probe=lambda: (False, NO_PORTAUDIO))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and bool(app.screen.query("#start")))
        status = app.screen.query_one("#speech-status")
        await wait_for(pilot, lambda: "PortAudio" in str(status.render()))
        await pilot.pause()
        assert status.outer_size.height <= 3
        start = app.screen.query_one("#start")
        assert start.region.y >= 0 and start.region.bottom <= 24 and start.region.height > 0
