"""The drill in the app: Home says how many questions are due and f7 starts a round of exactly them."""

from __future__ import annotations

from textual.widgets import Button

from mock_interview.core.drill import due_cards, load_cards
from mock_interview.core.planning import RoundRequest
from mock_interview.core.session_records import now
from mock_interview.tui.screens.home import HomeScreen
from mock_interview.tui.screens.round import RoundScreen
from tests.typed_rounds import STRONG, WEAK, typed_round
from tests.ui.conftest import notifications, screen_text, wait_for

REFS = ["behavioral-star/increased-results", "behavioral-star/reduced-costs", "career-goals/long-term-goals"]


async def test_home_counts_the_questions_due_and_f7_drills_exactly_them(make_app):
    app = make_app()
    typed_round(app.context, REFS, [WEAK, STRONG, WEAK])
    due = [card.ref for card in due_cards(load_cards(app.context)[0], now())]
    assert sorted(due) == [REFS[0], REFS[2]]
    async with app.run_test(size=(80, 24)) as pilot:
        home = app.screen
        assert isinstance(home, HomeScreen)
        await wait_for(pilot, lambda: home.due is not None and bool(home.query("#start-drill")))
        await wait_for(pilot, lambda: not home.query_one("#start-drill", Button).disabled)
        assert home.due == due
        assert "Drill: 2 questions due (f7)" in screen_text(app)
        await pilot.press("f7")
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
        round_ = app.screen.round
        assert [q.ref for q in round_.questions] == due
        # the follow-up of each question goes back to what its last answer missed
        assert set(round_.missed_before) == set(due)
        weak_missed = {item.id for item in load_cards(app.context)[0][due[0]].missed}
        assert set(round_.missed_before[due[0]]) == weak_missed


async def test_nothing_due_says_so_and_starts_nothing(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        home = app.screen
        await wait_for(pilot, lambda: home.due == [] and bool(home.query("#start-drill")))
        await wait_for(pilot, lambda: "Drill: nothing due yet" in screen_text(app))
        await pilot.press("f7")
        await wait_for(pilot, lambda: any("Nothing is due" in str(n.message) for n in notifications(app)))
        assert isinstance(app.screen, HomeScreen)


async def test_a_drill_asks_at_most_the_number_of_questions_set(make_app):
    app = make_app()
    typed_round(app.context, REFS, [WEAK, WEAK, WEAK])
    async with app.run_test(size=(120, 40)) as pilot:
        home = app.screen
        await wait_for(pilot, lambda: home.due is not None and len(home.due) == 3 and bool(home.query("#count")))
        home.query_one("#count").value = "2"
        await pilot.press("f7")
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
        assert [q.ref for q in app.screen.round.questions] == home.due[:2]


async def test_a_drill_question_says_what_it_missed_last_time_before_the_answer(make_app):
    from mock_interview.core.feedback.registry import CheckId, spec

    app = make_app()
    typed_round(app.context, REFS[:1], [WEAK])
    missed = [spec(CheckId(m.id)).label for m in load_cards(app.context)[0][REFS[0]].missed]
    async with app.run_test(size=(120, 40)) as pilot:
        home = app.screen
        await wait_for(pilot, lambda: home.due == REFS[:1] and bool(home.query("#count")))
        await pilot.press("f7")
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
        tip = app.screen.query_one("#feedback-tip")
        await wait_for(pilot, lambda: "Last time this question missed: " in str(tip.render()))
        shown = " ".join(str(tip.render()).split())
        assert shown.startswith(f"Last time this question missed: {missed[0]}, {missed[1]}, {missed[2]}")
        assert f"and {len(missed) - 3} more" in shown


async def test_a_round_from_packs_recalls_nothing(make_app):
    app = make_app(start_round=RoundRequest(("behavioral-star",), count=1, profile=""))
    typed_round(app.context, REFS[:1], [WEAK])
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen) and "Start answering" in screen_text(app))
        assert "Last time" not in screen_text(app)
