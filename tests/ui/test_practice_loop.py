"""The practice loop in the app: a drill round of exactly the questions due; a round left at once keeps nothing."""

from __future__ import annotations

from mock_interview.core.drill import due_cards, load_cards
from mock_interview.core.planning import RoundRequest
from mock_interview.core.rounds import Phase
from mock_interview.core.session_records import now
from mock_interview.tui.screens.home import HomeScreen
from mock_interview.tui.screens.review import ReviewScreen
from mock_interview.tui.screens.round import RoundScreen
from tests.typed_rounds import STRONG, WEAK, typed_round
from tests.ui.conftest import wait_for

TYPED = RoundRequest(("career-goals",), count=2, order="pack", profile="")


async def test_a_drill_round_asks_exactly_the_questions_due(make_app):
    app = make_app()
    refs = ["behavioral-star/increased-results", "behavioral-star/reduced-costs", "career-goals/long-term-goals"]
    typed_round(app.context, refs, [WEAK, STRONG, WEAK])
    due = [card.ref for card in due_cards(load_cards(app.context)[0], now())]
    assert sorted(due) == [refs[0], refs[2]]
    app.start_round = RoundRequest((), questions=tuple(due), profile="")  # what practice --due asks
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
        assert [q.ref for q in app.screen.round.questions] == due
        assert app.screen.round.session.packs == ["behavioral-star", "career-goals"]


async def test_a_round_ended_in_its_think_time_goes_home_and_keeps_no_session(make_app, isolated_data_dir):
    app = make_app(start_round=TYPED)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
        assert app.screen.round.phase is Phase.THINKING
        await pilot.press("f8", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
    assert not list((isolated_data_dir / "sessions").glob("*.toml"))


async def test_a_round_quit_before_any_answer_keeps_no_session(make_app, isolated_data_dir):
    app = make_app(start_round=TYPED)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
        await pilot.press("ctrl+s")  # the answer area opens: nothing typed
        await wait_for(pilot, lambda: app.screen.round.phase is Phase.ANSWERING)
        await pilot.press("ctrl+q")
    assert not list((isolated_data_dir / "sessions").glob("*.toml"))


async def test_a_round_ended_after_a_word_is_reviewed(make_app, isolated_data_dir):
    app = make_app(start_round=TYPED)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
        await pilot.press("ctrl+s")
        await pilot.press("I")
        await pilot.press("f8", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen) and app.screen.session is not None)
    assert len(list((isolated_data_dir / "sessions").glob("*.toml"))) == 1
