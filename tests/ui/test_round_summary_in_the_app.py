"""The round's summary: at the end of a round, over its answers in Review; ctrl+g hides it and shows it again."""

from __future__ import annotations

from mock_interview.core.planning import RoundRequest
from mock_interview.core.summary import summarise
from mock_interview.tui.screens.review import ReviewScreen
from mock_interview.tui.screens.round import RoundScreen
from mock_interview.tui.widgets.round_summary import RoundSummaryPanel
from tests.typed_rounds import STRONG, WEAK, typed_round
from tests.ui.conftest import screen_text, wait_for

DRILL = RoundRequest((), questions=("behavioral-star/increased-results", "career-goals/long-term-goals"), profile="")


async def test_a_finished_round_opens_review_with_its_summary_and_ctrl_g_hides_it(make_app):
    app = make_app(start_round=DRILL)
    async with app.run_test(size=(120, 40)) as pilot:
        for answer in (STRONG, WEAK):
            await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
            await pilot.press("ctrl+s")
            app.screen.query_one("#answer").insert(answer)
            await pilot.press("ctrl+s")
            await wait_for(pilot, lambda: app.screen.round.pending_follow_up is not None or "Score" in screen_text(app))
            if app.screen.round.pending_follow_up:
                await pilot.press("ctrl+s")  # the follow-up: skipped
                await pilot.press("f6")
            else:
                await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen) and app.screen.session is not None)
        review = app.screen
        panel = review.query_one(RoundSummaryPanel)
        summary = summarise(review.session)
        assert summary.best is not None and summary.weakest is not None and summary.best != summary.weakest
        assert panel.display
        shown = " ".join(screen_text(app).split())
        for line in summary.lines():  # as the core words it, question texts cut by the core
            assert " ".join(line.split())[:30] in shown
        await pilot.press("ctrl+g")
        await wait_for(pilot, lambda: not panel.display)
        assert "How the round went" not in screen_text(app)
        await pilot.press("ctrl+g")
        await wait_for(pilot, lambda: panel.display)


async def test_a_session_opened_from_history_shows_its_summary_only_on_ctrl_g(make_app):
    app = make_app()
    session_id = typed_round(app.context, list(DRILL.questions), [STRONG, WEAK])
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(ReviewScreen(app, session_id))
        await wait_for(pilot, lambda: app.screen.session is not None)
        panel = app.screen.query_one(RoundSummaryPanel)
        assert not panel.display
        await pilot.press("ctrl+g")
        await wait_for(pilot, lambda: panel.display and "Best:" in screen_text(app))
