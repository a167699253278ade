"""ctrl+c does not quit the app: its notice names the key that does, as plain words (markup is off in
notifications, so Textual's own "Press [b]ctrl+q[/b] to quit the app" was shown with its brackets)."""

from __future__ import annotations

from mock_interview.core.planning import RoundRequest
from mock_interview.core.rounds import Phase
from mock_interview.tui.screens.round import RoundScreen
from tests.ui.conftest import notifications, wait_for

TYPED = RoundRequest(("career-goals",), count=1, order="pack", profile="")


async def test_ctrl_c_during_an_answer_says_in_plain_words_which_key_quits(make_app):
    app = make_app(start_round=TYPED)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen), what="the round opened")
        screen = app.screen
        await pilot.press(*"I led")
        await wait_for(pilot, lambda: screen.round.phase is Phase.ANSWERING)
        await pilot.press("ctrl+c")
        await wait_for(pilot, lambda: any(n.title == "Do you want to quit?" for n in notifications(app)))
        told = [n.message for n in notifications(app) if n.title == "Do you want to quit?"]
        assert told == ["Press ctrl+q to quit the app."]  # shown as given: markup is off in notifications
        assert screen.round.phase is Phase.ANSWERING  # nothing else happened
