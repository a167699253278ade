"""Review reads as a newcomer expects: the list fills its column, a skipped question keeps its number,
each answer opens at its top, the answer pane shows focus, and a note typed from the list lands in the note."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import OptionList

from mock_interview.core.sessions import AnswerRecord, AnswerStatus, SessionStatus, SessionStore, now
from mock_interview.tui.screens.review import ReviewScreen
from mock_interview.tui.widgets.fields import TextBox
from tests.ui.conftest import wait_for

LONG = " ".join(["In my last job our nightly builds kept failing, so I rewrote the build scripts."] * 40)


def make_session(data):
    store = SessionStore(data / "sessions")
    refs = ["career-goals/five-years", "career-goals/long-term", "career-goals/short-term"]
    session = store.create(mode="typed", packs=["career-goals"], plan=refs)
    began = now()
    for ref, status, text in zip(
        refs, (AnswerStatus.SKIPPED, AnswerStatus.ANSWERED, AnswerStatus.ANSWERED), ("", LONG, LONG), strict=True
    ):
        session.answers.append(
            AnswerRecord(
                ref, f"Question {ref}", "goals", began, began + timedelta(seconds=30), 120, text, status=status
            )
        )
    session.status = SessionStatus.COMPLETED
    store.save(session)
    return session


async def open_review(app, pilot, session_id) -> ReviewScreen:
    app.push_screen(ReviewScreen(app, session_id))
    await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen) and app.screen.session is not None)
    screen = app.screen
    assert isinstance(screen, ReviewScreen)
    return screen


async def test_a_skipped_question_keeps_its_number_and_the_list_fills_its_column(make_app, isolated_data_dir):
    session = make_session(isolated_data_dir)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        review = await open_review(app, pilot, session.id)
        options = review.query_one("#review-answers", OptionList)
        titles = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert [t.split(".")[0] for t in titles] == ["1", "2", "3"]
        assert options.outer_size.height >= review.query_one("#review-body").outer_size.height - 1


async def test_each_answer_opens_at_its_top(make_app, isolated_data_dir):
    session = make_session(isolated_data_dir)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        review = await open_review(app, pilot, session.id)
        body = review.query_one("#review-body")
        options = review.query_one("#review-answers", OptionList)
        options.highlighted = 1  # the long answer
        await pilot.pause()
        body.scroll_end(animate=False, immediate=True)
        await wait_for(pilot, lambda: body.scroll_y > 0)
        options.highlighted = 2
        await wait_for(pilot, lambda: review.index == 2)
        await pilot.pause()
        assert body.scroll_y == 0


async def test_the_answer_pane_takes_focus_and_letters_typed_from_the_list_go_to_the_note(make_app, isolated_data_dir):
    session = make_session(isolated_data_dir)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        review = await open_review(app, pilot, session.id)
        review.query_one("#review-answers", OptionList).focus()
        await pilot.press("tab")
        assert app.focused is review.query_one("#review-body")  # a Tab stop of its own, with a border when focused
        await pilot.press("shift+tab")
        await pilot.press("L", "e", "a", "d")
        note = review.query_one("#reflection", TextBox)
        assert note.text == "Lead" and app.focused is note
