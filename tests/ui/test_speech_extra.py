"""Without the speech extra the app offers typed answers and says how to add spoken ones."""

from __future__ import annotations

import pytest

from mock_interview import extras
from mock_interview.tui.screens.home import HomeScreen
from tests.ui.conftest import wait_for


@pytest.fixture
def no_speech_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extras, "missing_speech_packages", lambda: ["faster-whisper", "sounddevice"])


async def test_home_says_how_to_add_spoken_answers(make_app, no_speech_extra):
    app = make_app(speech_probe=None)  # the real check, as the installed app runs it
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and "speech extra" in app.screen.speech_reason)
        assert not app.screen.speech_available
        assert app.screen.speech_reason == (
            "Spoken answers unavailable: the speech extra is not installed (missing: faster-whisper, sounddevice); "
            f"add it with: {extras.INSTALL_SPEECH}"
        )
        await wait_for(pilot, lambda: bool(app.screen.query("#mode")))
        app.screen.query_one("#mode").value = "spoken"
        await wait_for(pilot, lambda: app.screen.query_one("#mode").value == "typed")
