"""A key typed in think time starts the answer with it, on every question of a round: after ctrl+s Next
or f6 Skip the answer area still has focus from the last answer (read-only while thinking), and its
first key once went nowhere ("Words typed slowly" saved as "ords typed slowly")."""

from __future__ import annotations

import pytest
from textual.widgets import TextArea

from mock_interview.core.planning import RoundRequest
from mock_interview.core.rounds import Phase
from mock_interview.core.sessions import SessionStore
from mock_interview.tui.screens.round import RoundScreen
from tests.ui.conftest import wait_for

TYPED = RoundRequest(("career-goals",), count=2, order="pack", profile="")


@pytest.mark.parametrize("go_on", ["ctrl+s", "f6"])
async def test_the_first_key_of_think_time_is_kept_after_the_first_question(make_app, isolated_data_dir, go_on):
    app = make_app(start_round=TYPED)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen), what="the round opened")
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        await pilot.press(*"First answer")
        await wait_for(pilot, lambda: screen.round.phase is Phase.ANSWERING)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: screen.round.phase is Phase.ANSWERED, what="the first answer was submitted")
        await pilot.press(go_on)
        if screen.round.phase is Phase.ANSWERING:  # ctrl+s brought the follow-up (no think time): answer it
            await pilot.press(*"Follow", "ctrl+s")
            await wait_for(pilot, lambda: screen.round.phase is Phase.ANSWERED, what="the follow-up answered")
            await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: screen.round.phase is Phase.THINKING, what="question 2's think time")
        assert screen.round.number == 2
        await pilot.press(*"Words typed")
        answer = screen.query_one("#answer", TextArea)
        await wait_for(pilot, lambda: len(answer.text) >= len("ords typed"), what="the typed words shown")
        assert answer.text == "Words typed"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: screen.round.phase is Phase.ANSWERED, what="the second answer was submitted")
        session = SessionStore(isolated_data_dir / "sessions").load(screen.round.session.id)
        assert [answer.text for answer in session.answers if answer.text] in (
            ["First answer", "Words typed"],
            ["First answer", "Follow", "Words typed"],
        )
