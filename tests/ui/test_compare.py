"""Compare: attempts set aside by a retry, the time of each attempt, a blank side, the same attempt twice."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Select

from mock_interview.tui.screens.compare import PICK_BOTH, SAME_ATTEMPT, CompareScreen
from tests.ui.conftest import FIRST_TRY, SECOND_TRY, STAR, home_ready, seed_retried, wait_for


async def open_compare(app, pilot) -> CompareScreen:
    """Open Compare on a session with a retried question, from Home, and wait until its table is filled."""
    session_id = seed_retried(Path(app.context.data.root))
    await wait_for(pilot, lambda: home_ready(app))
    app.push_screen(CompareScreen(app, session_id))
    await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen) and bool(app.screen.rows))
    screen = app.screen
    assert isinstance(screen, CompareScreen) and screen.query_one("#compare-question", Select).value == STAR
    return screen


async def test_compare_offers_a_question_answered_again_after_a_retry(make_app):
    """Compare said "no question answered twice yet" though the question had a retry."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_compare(app, pilot)
        shown = str(screen.query_one("#compare-answers").render())
        assert "attempt 1, set aside" in shown and FIRST_TRY in shown and SECOND_TRY[:40] in shown
        # the draft had no checklist: it is checked now, so the table says what the second attempt gained
        assert any(row.change.value == "better" for row in screen.rows)


async def test_compare_headings_show_the_time_of_each_attempt(make_app):
    """ "Earlier (26 Nov 2026, score 95)": two attempts on one day looked alike."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_compare(app, pilot)
        shown = str(screen.query_one("#compare-answers").render())
        # the answers' own times (09:24 and 09:25 UTC), in local time as every screen shows them
        for attempt in screen.attempts[STAR]:
            assert f"{attempt.answer.started:%d %b %Y %H:%M}" in shown
        assert len({f"{a.answer.started:%H:%M}" for a in screen.attempts[STAR]}) == 2


@pytest.mark.parametrize(
    ("blank", "kept", "gone"), [("#compare-older", SECOND_TRY, FIRST_TRY), ("#compare-newer", FIRST_TRY, SECOND_TRY)]
)
async def test_a_blank_side_in_compare_clears_that_answer_and_the_table(make_app, blank, kept, gone):
    """Choosing "-" on one side left that side's old answer and the better/worse table on screen."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_compare(app, pilot)
        screen.query_one(blank, Select).value = Select.NULL
        await wait_for(pilot, lambda: gone[:40] not in str(screen.query_one("#compare-answers").render()))
        assert kept[:40] in str(screen.query_one("#compare-answers").render())
        assert screen.rows == [] and str(screen.query_one("#compare-table").render()) == PICK_BOTH


async def test_the_same_attempt_on_both_sides_is_not_compared(make_app):
    """The same attempt picked on both sides gave a comparison with an empty change column."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_compare(app, pilot)
        screen.query_one("#compare-older", Select).value = 1  # the later attempt on both sides
        await wait_for(pilot, lambda: FIRST_TRY not in str(screen.query_one("#compare-answers").render()))
        answers = str(screen.query_one("#compare-answers").render())
        assert answers.count(SECOND_TRY[:40]) == 1
        assert screen.rows == [] and str(screen.query_one("#compare-table").render()) == SAME_ATTEMPT
