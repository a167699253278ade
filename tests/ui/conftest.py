"""Helpers for Pilot tests: an app over a temporary data directory with a fake clock."""

from __future__ import annotations

import threading

import pytest

from mock_interview.core.context import AppContext
from mock_interview.tui.app import MockInterviewApp
from tests.fakes import FakeClock


def silent_speaker(text: str, *, stop: threading.Event) -> float:
    """The interviewer's voice, read in no time and heard by no one."""
    return 0.0


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def make_app(clock, isolated_data_dir):
    def build(**options) -> MockInterviewApp:
        options.setdefault("speech_probe", lambda: (True, "Spoken: test microphone · tiny.en (bundled)"))
        options.setdefault("speaker", silent_speaker)  # the interviewer's voice never plays from a Pilot test
        return MockInterviewApp(AppContext.from_options(str(isolated_data_dir)), clock=clock, **options)

    return build


async def wait_for(pilot, condition, timeout: float = 10.0) -> None:
    """Let the app run until ``condition()`` holds (workers finish, messages arrive)."""
    steps = int(timeout / 0.05)
    for _ in range(steps):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError("condition not met in time")


def screen_text(app) -> str:
    """What the terminal shows now, as plain text (one line per row)."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())
