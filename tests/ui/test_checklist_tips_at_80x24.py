"""The live checklist's tips at 80x24: each item's tip and the evidence under it can be read whole.

The tip area was 4 lines (then 8) under a list that kept the rest, so a tip with its evidence was cut
("“In my previous role as a support lead our backlog had grown to 900" and no more)."""

from __future__ import annotations

from functools import partial

import pytest
from textual.containers import VerticalScroll
from textual.widgets import OptionList, Static, TextArea

from mock_interview.core.planning import RoundRequest
from mock_interview.core.rounds import Phase
from mock_interview.tui.screens.round import RoundScreen
from mock_interview.tui.widgets.feedback_panel import FeedbackPanel
from tests.ui.conftest import wait_for

ANSWER = (  # long sentences: each quote under a tip is a full 70 characters
    "In my previous role as the support lead of a fast-growing software company in Leeds, our backlog of "
    "customer tickets had grown to 900 open tickets over the long winter of 2023. "
    "My task, given to me by the head of operations in January, was to bring our response times under one "
    "working day within three months without hiring anyone new. "
    "I analysed six weeks of tickets in Excel and SQL, wrote a self-service guide for the twenty most common "
    "questions, and trained two new colleagues on triage over four weeks in February and March. "
    "As a result, the backlog fell by 80% within two months, and customer satisfaction rose from 71% to 89% "
    "by the end of the quarter, which the company then used as its target for every team. "
    "I learned that measuring the work carefully before changing anything saves a great deal of time later."
)


def shows_tip(tip: Static, text: str) -> bool:
    """Whether ``tip`` begins with ``text``'s first words (the tip of the item just highlighted)."""
    return str(tip.render()).split()[:4] == text.split()[:4]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_every_tip_and_its_evidence_fit_the_tip_area(make_app, size):
    app = make_app()
    app.start_round = RoundRequest(("behavioral-star",), count=1, order="pack", profile="")
    async with app.run_test(size=size) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
        screen = app.screen
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: screen.round.phase is Phase.ANSWERING)
        screen.query_one("#answer", TextArea).insert(ANSWER)
        checks = screen.query_one("#feedback-checks", OptionList)
        await wait_for(pilot, lambda: checks.option_count > 10, what="the live checklist")
        checks.focus()
        panel = screen.query_one(FeedbackPanel)
        box = screen.query_one("#feedback-tip-box", VerticalScroll)
        tip = screen.query_one("#feedback-tip", Static)
        read = 0
        for check in list(panel._checks):
            index = next(i for i in range(checks.option_count) if checks.get_option_at_index(i).id == check.id)
            checks.highlighted = index  # as the arrow keys do: the tip follows the highlight
            await wait_for(pilot, partial(shows_tip, tip, check.tip), what=f"{check.id}'s tip")
            await wait_for(pilot, lambda: box.virtual_size.height == tip.outer_size.height, what="the tip laid out")
            assert box.max_scroll_y == 0, f"{check.id}: {tip.outer_size.height} lines in a box of {box.size.height}"
            assert box.region.bottom <= app.size.height - 1  # above the footer, all of it
            read += 1
        assert read > 10
