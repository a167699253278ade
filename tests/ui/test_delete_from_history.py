"""Deleting from History: the delete key asks first; yes removes the session and it leaves the drill."""

from __future__ import annotations

from textual.widgets import DataTable

from mock_interview.core.drill import load_cards
from mock_interview.tui.screens.confirm import ConfirmScreen
from mock_interview.tui.screens.history import HistoryScreen
from tests.typed_rounds import WEAK, typed_round
from tests.ui.conftest import click_when_shown, wait_for

REFS = ["behavioral-star/increased-results", "career-goals/long-term-goals"]


async def open_history(app, pilot) -> HistoryScreen:
    await app.push_screen(HistoryScreen(app))
    history = app.screen
    await wait_for(pilot, lambda: history.query_one(DataTable).row_count == len(history.summaries) > 0)
    return history


async def test_delete_asks_and_escape_keeps_the_session(make_app, isolated_data_dir):
    app = make_app()
    session_id = typed_round(app.context, REFS[:1], [WEAK])
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(app, pilot)
        await pilot.press("delete")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        assert app.screen.question.startswith("Delete the session of ")
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, HistoryScreen))
    assert (isolated_data_dir / "sessions" / f"{session_id}.toml").exists()


async def test_yes_deletes_the_session_and_its_questions_leave_the_drill(make_app, isolated_data_dir):
    app = make_app()
    older = typed_round(app.context, REFS[:1], [WEAK])
    newer = typed_round(app.context, REFS[1:], [WEAK])
    assert set(load_cards(app.context)[0]) == set(REFS)
    async with app.run_test(size=(80, 24)) as pilot:
        history = await open_history(app, pilot)
        chosen = history.selected_id()  # the newest (both were made in the same second: either)
        kept = older if chosen == newer else newer
        await pilot.press("delete")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await click_when_shown(pilot, "#confirm-yes")
        await wait_for(pilot, lambda: [s.id for s in history.summaries] == [kept])
        assert history.query_one(DataTable).row_count == 1
    assert not (isolated_data_dir / "sessions" / f"{chosen}.toml").exists()
    assert set(load_cards(app.context)[0]) == {REFS[0] if kept == older else REFS[1]}


async def test_a_debrief_deleted_leaves_my_interviews_and_the_drill(make_app, isolated_data_dir):
    from datetime import date

    from mock_interview.core.debrief import PACK_ID, DebriefQuestion, new_debrief
    from mock_interview.core.drill import record_debrief

    app = make_app()
    saved = app.context.debriefs.save(new_debrief("Globex", date(2026, 12, 1), [DebriefQuestion("Why us?", "badly")]))
    record_debrief(app.context, saved)
    app.context.reload_packs()
    assert app.context.packs.by_id(PACK_ID) is not None
    async with app.run_test(size=(80, 24)) as pilot:
        history = await open_history(app, pilot)
        assert history.selected_id() == f"debrief:{saved.id}"
        await pilot.press("delete")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        assert "debrief of your interview at Globex" in app.screen.question
        await click_when_shown(pilot, "#confirm-yes")
        await wait_for(pilot, lambda: history.summaries == [] and history.query_one(DataTable).row_count == 0)
    assert not list((isolated_data_dir / "debriefs").glob("*.toml"))
    assert app.context.packs.by_id(PACK_ID) is None
    assert load_cards(app.context)[0] == {}
