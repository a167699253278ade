"""History: a round with every question skipped, the packs column when cut, the sorted column's direction."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable

from mock_interview.core.sessions import SessionStatus, SessionStore
from mock_interview.tui.screens.history import HistoryScreen
from tests.ui.conftest import open_screen, screen_text, seed_all_skipped, seed_retried, settled, wait_for


async def test_history_lists_a_round_with_every_question_skipped_as_skipped(make_app):
    """History listed it as "completed"."""
    app = make_app()
    seed_all_skipped(Path(app.context.data.root))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_screen(app, pilot, "f2", HistoryScreen)
        table = app.screen.query_one(DataTable)
        await wait_for(pilot, lambda: table.row_count == 1)
        assert table.get_cell_at((0, 5)) == "skipped"


async def test_historys_packs_column_ends_with_an_ellipsis_when_cut(make_app):
    """The packs column showed "career-g" with nothing to say it was cut."""
    app = make_app()
    seed_retried(Path(app.context.data.root))
    store = SessionStore(Path(app.context.data.root) / "sessions")
    session = store.load("20261126-092400-r1r1")
    session.packs = ["behavioral-star", "career-goals", "motivation-fit"]
    session.status = SessionStatus.ENDED_EARLY  # the widest status leaves the packs the least room
    store.save(session)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "f2", HistoryScreen)
        await wait_for(pilot, lambda: app.screen.query_one(DataTable).row_count == 1)
        await settled(pilot)
        row = next(line for line in screen_text(app).splitlines() if "2026-11-26" in line)
        assert row.rstrip().endswith("…"), row


async def test_historys_sorted_column_shows_its_direction(make_app):
    """Sorting by a header worked, but no header said which way."""
    app = make_app()
    seed_retried(Path(app.context.data.root))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_screen(app, pilot, "f2", HistoryScreen)
        table = app.screen.query_one(DataTable)
        await wait_for(pilot, lambda: table.row_count == 1)

        def labels() -> dict[str, str]:
            return {str(key.value): str(column.label) for key, column in table.columns.items()}

        assert labels()["started"] == "date ▼" and labels()["score"] == "score"
        await pilot.click(DataTable, offset=(labels_x(table, "score"), 0))
        await wait_for(pilot, lambda: labels()["score"] != "score")
        assert labels()["score"] == "score ▼" and labels()["started"] == "date"
        await pilot.click(DataTable, offset=(labels_x(table, "score"), 0))
        await wait_for(pilot, lambda: labels()["score"] != "score ▼")
        assert labels()["score"] == "score ▲"
        await wait_for(pilot, lambda: "score ▲" in screen_text(app))


def labels_x(table: DataTable[object], key: str) -> int:
    """The x offset (in the table) of the middle of column ``key``'s header."""
    x = 0
    for column_key, column in table.columns.items():
        width = column.get_render_width(table)
        if column_key.value == key:
            return x + width // 2
        x += width
    raise AssertionError(f"no column {key}")
