"""Snapshots of the practice loop's screens at 80x24 and 120x40: History's chart, the round's summary over
Review, the debrief form, the mentor's dialog (reviewed by eye when they change; data with fixed dates)."""

from __future__ import annotations

import pytest
from textual.widgets import Input, Select

from mock_interview.tui.screens.debrief import DebriefScreen
from mock_interview.tui.screens.history import HistoryScreen
from mock_interview.tui.screens.review import ReviewScreen
from mock_interview.tui.widgets.progress_chart import ProgressChart
from tests.ui.conftest import home_ready, seed_sessions, settled, wait_for
from tests.ui.test_snapshots import SIZES, make, steady_cursors

IDS = [f"{w}x{h}" for w, h in SIZES]


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_history_chart(snap_compare, isolated_data_dir, size):
    seed_sessions(isolated_data_dir)
    app = make(isolated_data_dir)

    async def open_chart(pilot):
        await wait_for(pilot, lambda: home_ready(app))
        app.push_screen(HistoryScreen(app))
        await wait_for(pilot, lambda: isinstance(app.screen, HistoryScreen))
        history = app.screen
        assert isinstance(history, HistoryScreen)
        await wait_for(pilot, lambda: len(history.summaries) == 3)
        await pilot.press("ctrl+g")
        await wait_for(pilot, lambda: history.sessions is not None and history.query_one(ProgressChart).display)
        history.query_one("#history-filter", Input).cursor_blink = False
        await settled(pilot)

    assert snap_compare(app, terminal_size=size, run_before=open_chart)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_history_check_chart(snap_compare, isolated_data_dir, size):
    """How often "Measurable result" passed, session by session."""
    seed_sessions(isolated_data_dir)
    app = make(isolated_data_dir)

    async def open_chart(pilot):
        await wait_for(pilot, lambda: home_ready(app))
        app.push_screen(HistoryScreen(app))
        await wait_for(pilot, lambda: isinstance(app.screen, HistoryScreen))
        history = app.screen
        assert isinstance(history, HistoryScreen)
        await settled(pilot)
        await pilot.press("ctrl+g")
        await wait_for(pilot, lambda: history.sessions is not None)
        history.query_one("#progress-what", Select).value = "star.result_measurable"
        history.query_one("#history-filter", Input).cursor_blink = False
        await settled(pilot)

    assert snap_compare(app, terminal_size=size, run_before=open_chart)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_round_summary_over_review(snap_compare, isolated_data_dir, size):
    """Review as a round leaves it: how the round went, first."""
    session_id = seed_sessions(isolated_data_dir)
    app = make(isolated_data_dir)

    async def end_of_round(pilot):
        await wait_for(pilot, lambda: home_ready(app))
        session = app.context.sessions.load(session_id)
        app.push_screen(ReviewScreen(app, session_id, session=session))
        await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen))
        await settled(pilot)
        steady_cursors(app)
        await settled(pilot)

    assert snap_compare(app, terminal_size=size, run_before=end_of_round)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_debrief_form(snap_compare, isolated_data_dir, size):
    app = make(isolated_data_dir)

    async def open_form(pilot):
        await wait_for(pilot, lambda: home_ready(app))
        app.push_screen(DebriefScreen(app))
        await wait_for(pilot, lambda: isinstance(app.screen, DebriefScreen))
        await settled(pilot)
        screen = app.screen
        screen.query_one("#debrief-date", Input).value = "2026-12-01"
        screen.query_one("#debrief-company", Input).value = "Acme [b]Corp[/b]"
        screen.query_one("#question-1-text", Input).value = "Why do you want to work here?"
        steady_cursors(app)
        await settled(pilot)

    assert snap_compare(app, terminal_size=size, run_before=open_form)
