"""The line under the round's progress names ctrl+s and f7 with the footer's own words: once an answer is
in, it said "ctrl+s for the follow-up · f7 to retry" over a footer saying "^s Next" and "f7 Retry"."""

from __future__ import annotations

import re

from mock_interview.core.planning import RoundRequest
from mock_interview.core.rounds import Phase
from mock_interview.tui.screens.round import RoundScreen
from tests.ui.conftest import screen_text, wait_for

TWO = RoundRequest(("career-goals",), count=2, order="pack", profile="")


async def test_after_an_answer_the_header_and_the_footer_say_the_same_words(make_app):
    app = make_app(start_round=TWO)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen), what="the round opened")
        screen = app.screen
        await pilot.press(*"I lead a team of four analysts", "ctrl+s")
        await wait_for(pilot, lambda: screen.round.phase is Phase.ANSWERED, what="the answer submitted")
        lines = screen_text(app).splitlines()
        header, footer = lines[1], lines[-1]
        labels = dict(re.findall(r"(\^s|f7) (\w+)", footer))
        assert set(labels) == {"^s", "f7"}, footer
        assert f"ctrl+s {labels['^s']}: the " in header, (header, footer)
        assert f"f7 {labels['f7']}" in header, (header, footer)
