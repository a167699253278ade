"""f8's question says what ending now leaves out the same way at every question: the one in think time
is "this question" at the first question and at the last (a bare count read as counting it at Q1 of 4,
"3 questions not asked", and not at Q5 of 5, "1 question not asked")."""

from __future__ import annotations

from mock_interview.core.planning import RoundRequest
from mock_interview.core.rounds import Phase
from mock_interview.core.sessions import AnswerStatus, SessionStore
from mock_interview.tui.screens.confirm import ConfirmScreen
from mock_interview.tui.screens.review import ReviewScreen
from mock_interview.tui.screens.round import RoundScreen
from tests.ui.conftest import screen_text, wait_for

THREE = RoundRequest(("career-goals",), count=3, order="pack", profile="")


async def asked_on_f8(pilot, app) -> str:
    """The question f8 puts, as one line, after which it is answered 'Keep going'."""
    round_screen = app.screen
    await pilot.press("f8")
    await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen), what="f8's question")
    text = " ".join(" ".join(line.strip(" │") for line in screen_text(app).splitlines()).split())
    await pilot.press("escape")
    await wait_for(pilot, lambda: app.screen is round_screen, what="back in the round")
    return text


async def test_f8_names_what_is_left_out_the_same_way_at_the_first_and_the_last_question(make_app):
    app = make_app(start_round=THREE)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen), what="the round opened")
        screen = app.screen
        assert screen.round.phase is Phase.THINKING and screen.round.number == 1
        assert "kept and reviewed; this question and the 2 after it are not asked." in await asked_on_f8(pilot, app)
        await pilot.press("ctrl+s")  # answering question 1
        await wait_for(pilot, lambda: screen.round.phase is Phase.ANSWERING)
        assert "kept and reviewed; the 2 questions after this one are not asked." in await asked_on_f8(pilot, app)
        await pilot.press("f6")  # skipped: question 2 in think time
        await wait_for(pilot, lambda: screen.round.number == 2 and screen.round.phase is Phase.THINKING)
        assert "kept and reviewed; this question and the one after it are not asked." in await asked_on_f8(pilot, app)
        await pilot.press("f6")
        await wait_for(pilot, lambda: screen.round.number == 3 and screen.round.phase is Phase.THINKING)
        assert "kept and reviewed; this question is not asked." in await asked_on_f8(pilot, app)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: screen.round.phase is Phase.ANSWERING)
        assert "Everything answered so far is kept and reviewed. " in await asked_on_f8(pilot, app) + " "


async def test_f8_while_typing_keeps_the_words_as_the_answer_scored_not_in_progress(make_app, isolated_data_dir):
    app = make_app(start_round=THREE)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen), what="the round opened")
        await pilot.press("ctrl+s", *"In two years I want to lead a team of five analysts")
        asked = await asked_on_f8(pilot, app)
        assert "with the answer you are giving as it stands" in asked
        await pilot.press("f8", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen) and app.screen.session is not None)
        shown = screen_text(app)
    session = SessionStore(isolated_data_dir / "sessions").load_all()[0]
    (answer,) = session.answers
    assert answer.text == "In two years I want to lead a team of five analysts"
    assert answer.status == AnswerStatus.ANSWERED and answer.score is not None
    assert "in progress" not in shown and f"{answer.score}" in shown
