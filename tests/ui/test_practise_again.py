"""Practise again: f7 in Review and in Compare starts a round of that one question; its attempts stay together."""

from __future__ import annotations

from mock_interview.tui.screens.compare import CompareScreen
from mock_interview.tui.screens.confirm import ConfirmScreen
from mock_interview.tui.screens.review import ReviewScreen
from mock_interview.tui.screens.round import RoundScreen
from tests.typed_rounds import STRONG, WEAK, typed_round
from tests.ui.conftest import wait_for

REFS = ["behavioral-star/increased-results", "career-goals/long-term-goals"]


async def answer_and_end(pilot, app, text: str) -> str:
    """Answer the round's question with ``text``, end the round, and wait for its Review; the new session's id."""
    await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
    await pilot.press("ctrl+s")  # the think time ends
    app.screen.query_one("#answer").insert(text)
    await pilot.press("ctrl+s")  # submitted
    await pilot.press("f8")  # it asks first
    await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
    await pilot.press("enter")
    await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen) and app.screen.session is not None)
    return app.screen.session.id


async def test_f7_in_review_practises_the_answer_shown_and_compare_keeps_the_attempts_together(make_app):
    app = make_app()
    first = typed_round(app.context, REFS, [WEAK, STRONG])
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(ReviewScreen(app, first))
        await wait_for(pilot, lambda: app.screen.session is not None)
        await pilot.press("down")  # the second answer: the career-goals question
        await wait_for(pilot, lambda: app.screen.index == 1)
        await pilot.press("f7")
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
        assert [q.ref for q in app.screen.round.questions] == [REFS[1]]
        second = await answer_and_end(pilot, app, STRONG)
        assert second != first
        await app.push_screen(CompareScreen(app, second))
        compare = app.screen
        await wait_for(pilot, lambda: REFS[1] in compare.attempts and compare.query_one("#compare-question").value)
        # both attempts at the question, together (begun within a second of each other: in either order)
        assert sorted(a.session.id for a in compare.attempts[REFS[1]]) == sorted([first, second])
        assert compare.query_one("#compare-question").value == REFS[1]


async def test_f7_in_compare_practises_the_question_compared(make_app):
    app = make_app()
    typed_round(app.context, REFS[:1], [WEAK])
    latest = typed_round(app.context, REFS[:1], [STRONG])
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(CompareScreen(app, latest))
        await wait_for(pilot, lambda: app.screen.query_one("#compare-question").value == REFS[0])
        await pilot.press("f7")
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
        assert [q.ref for q in app.screen.round.questions] == REFS[:1]
        assert app.screen.round.session.mode == "typed"
