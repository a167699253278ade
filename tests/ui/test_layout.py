"""Layouts that hold: navigating away and back, and the smallest supported terminal (80x24)."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable

from mock_interview.tui.screens.history import HistoryScreen
from mock_interview.tui.screens.home import HomeScreen
from mock_interview.tui.screens.model_picker import ModelPickerScreen
from mock_interview.tui.screens.review import ReviewScreen
from mock_interview.tui.widgets.feedback_panel import FeedbackPanel
from tests.ui.conftest import screen_text, seed_sessions, settled, wait_for

SIZES = [(80, 24), (120, 40)]


def home_settled(app) -> bool:
    statuses = app.screen.query("#speech-status")
    return isinstance(app.screen, HomeScreen) and bool(statuses) and "test microphone" in str(statuses.first().render())


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("key", ["f2", "f3", "f4"])
async def test_home_is_unchanged_after_visiting_another_screen(make_app, size, key):
    """Another screen's stylesheet must not restyle Home's widgets (it broke the bottom buttons)."""
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await wait_for(pilot, lambda: home_settled(app))
        await settled(pilot)
        before = screen_text(app)
        await pilot.press(key)
        await wait_for(pilot, lambda: not isinstance(app.screen, HomeScreen))
        await settled(pilot)
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        await settled(pilot)
        assert screen_text(app) == before


async def test_history_shows_the_whole_status_at_80_columns(make_app, isolated_data_dir):
    seed_sessions(isolated_data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: home_settled(app))
        await pilot.press("f2")
        await wait_for(
            pilot, lambda: isinstance(app.screen, HistoryScreen) and app.screen.query_one(DataTable).row_count > 0
        )
        await settled(pilot)
        rows = [line for line in screen_text(app).splitlines() if "2026-11-" in line]
    assert len(rows) == 3 and all("completed" in row for row in rows)


async def test_review_header_is_whole_at_120_columns(make_app, isolated_data_dir):
    session_id = seed_sessions(isolated_data_dir)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: home_settled(app))
        app.push_screen(ReviewScreen(app, session_id))
        await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen) and app.screen.session is not None)
        await settled(pilot)
        last_group, score = list(app.screen.session.group_scores().items())[-1]
        flat = " ".join(screen_text(app).split())
    assert f"{last_group} {score})" in flat


async def test_the_model_dialog_label_is_whole_at_80_columns(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: home_settled(app))
        app.push_screen(ModelPickerScreen("bundled"))
        await wait_for(pilot, lambda: isinstance(app.screen, ModelPickerScreen))
        await settled(pilot)
        flat = " ".join(screen_text(app).split())
    assert "or a model folder" in flat


async def test_evidence_under_a_tip_is_cut_at_a_word():
    """Evidence used to be cut at 40 characters, mid-word ("move int", "lead a pro")."""
    from textual.app import App, ComposeResult

    from mock_interview.core.feedback import QuestionInfo, analyse

    answer = (
        "In two years I want to move into a product management role where I lead a product from discovery to "
        "launch, and in five years I want to lead a product organisation of several teams in a growing company "
        "like yours."
    )
    feedback = analyse(answer, QuestionInfo("Where do you see yourself in five years?", "goals"))
    check = next(c for c in feedback.checks if c.evidence and not c.detail)

    class PanelApp(App[None]):
        def compose(self) -> ComposeResult:
            yield FeedbackPanel(id="feedback")

    app = PanelApp()
    async with app.run_test(size=(80, 24)) as pilot:
        panel = app.query_one(FeedbackPanel)
        panel.show(feedback)
        panel._show_tip(check)
        await settled(pilot)
        shown = str(panel.query_one("#feedback-tip").render())
    words = set(answer.replace(",", " ").replace(".", " ").split())
    quoted = [part for part in shown.split("“")[1:]]
    assert quoted
    for part in quoted:
        for word in part.split("”")[0].replace(",", " ").replace(".", " ").split():
            assert word in words or word == "…", word
