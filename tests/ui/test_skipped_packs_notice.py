"""Bad pack files at start: one notice for all of them (each file with its count of problems and the
command that lists them), not a toast per problem piled over Home's Start or the round's clock."""

from __future__ import annotations

from textual.geometry import Region
from textual.widgets import Button

from mock_interview.core.context import AppContext
from mock_interview.core.planning import RoundRequest
from mock_interview.tui.app import MockInterviewApp
from mock_interview.tui.screens.home import HomeScreen
from mock_interview.tui.screens.round import RoundScreen
from tests.ui.conftest import notifications, settled, silent_speaker, wait_for
from tests.unit.test_skipped_pack_warnings import bad_packs


def toasts(app) -> list[Region]:
    """Where the notifications are drawn, the part of each on the screen."""
    screen = app.screen.region
    return [toast.region.intersection(screen) for toast in app.screen.query("Toast")]


async def test_bad_packs_are_one_notice_under_start(clock, tmp_path, monkeypatch):
    home = tmp_path / "h"
    data = home / ".local" / "share" / "mock-interview"  # the usual data folder: its path as long as a user's
    monkeypatch.setenv("HOME", str(home))
    bad_packs(data)  # the data folder's packs/: a file with several problems and one with one
    app = MockInterviewApp(AppContext.from_options(str(data)), clock=clock, speaker=silent_speaker)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and app.screen.query("Toast"))
        await settled(pilot)  # the toasts in place (they slide in)
        told = [n for n in notifications(app) if "skipped" in n.title]
        assert len(told) == 1 and told[0].title == "Packs skipped"
        assert "broken.toml (7 problems) and lone.toml (1 problem)" in told[0].message
        assert "'mock-interview packs validate ~/.local/share/mock-interview/packs'" in told[0].message
        start = app.screen.query_one("#start", Button).region
        for toast in toasts(app):
            assert toast.y >= start.bottom, f"a notice {toast} covers Start {start}"


async def test_bad_packs_leave_the_rounds_clock_and_question_in_view(clock, tmp_path, monkeypatch):
    home = tmp_path / "h"
    data = home / ".local" / "share" / "mock-interview"
    monkeypatch.setenv("HOME", str(home))
    bad_packs(data)
    request = RoundRequest(("career-goals",), count=1, order="pack", profile="")
    app = MockInterviewApp(
        AppContext.from_options(str(data)), clock=clock, speaker=silent_speaker, start_round=request
    )  # as `practice` opens it
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen) and app.screen.query("Toast"))
        await settled(pilot)  # the toasts in place (they slide in)
        for toast in toasts(app):
            for covered in ("#countdown", "#question-box", "#progress"):
                region = app.screen.query_one(covered).region
                assert not toast.overlaps(region), f"a notice {toast} covers {covered} {region}"
