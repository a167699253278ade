"""Compare gives an attempt the score Review and History give its question (with its follow-up), not the
answer's own: "attempt 2, score 75" in Compare for a question Review listed as [76]."""

from __future__ import annotations

from pathlib import Path

from mock_interview.core.sessions import SessionStore
from mock_interview.tui.screens.compare import CompareScreen
from tests.ui.conftest import STAR, home_ready, screen_text, seed_retried, wait_for


async def test_compare_shows_the_questions_score_as_review_does(make_app):
    app = make_app()
    data = Path(app.context.data.root)
    session_id = seed_retried(data)
    store = SessionStore(data / "sessions")
    session = store.load(session_id)
    counted = session.answers[1]
    own = counted.score
    assert own is not None
    with_follow_up = own + 1 if own < 100 else own - 1
    counted.with_follow_ups = {"score": with_follow_up, "groups": {}}
    store.save(session)
    assert store.load(session_id).question_scores() == {STAR: with_follow_up}  # what Review lists
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: home_ready(app))
        app.push_screen(CompareScreen(app, session_id))
        await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen) and bool(app.screen.rows))
        screen = app.screen
        answers = str(screen.query_one("#compare-answers").render())
        table = screen_text(app)  # the table's column headings: when, and the score
    assert f"score {with_follow_up}" in answers and f"score {own}" not in answers
    assert f"· {with_follow_up}" in table and f"· {own} " not in table
