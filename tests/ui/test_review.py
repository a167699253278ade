"""Review: retried attempts numbered by question, notes kept with the question and on escape, a round
with nothing answered, the target profile, the note's label at 80x24."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, OptionList, TextArea

from mock_interview.core.sessions import SessionStore
from mock_interview.tui.screens.history import HistoryScreen
from mock_interview.tui.screens.review import ReviewScreen
from tests.ui.conftest import (
    focus,
    home_ready,
    open_screen,
    screen_text,
    seed_all_skipped,
    seed_retried,
    settled,
    wait_for,
)


async def open_review(app, pilot, session_id: str) -> ReviewScreen:
    await wait_for(pilot, lambda: home_ready(app))
    app.push_screen(ReviewScreen(app, session_id))
    await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen) and app.screen.session is not None)
    screen = app.screen
    assert isinstance(screen, ReviewScreen)
    return screen


async def test_a_note_written_in_review_is_kept_on_escape(make_app):
    """History, Review, a note, escape, the same session again: the note is there."""
    app = make_app()
    session_id = seed_retried(Path(app.context.data.root))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "f2", HistoryScreen)
        await wait_for(pilot, lambda: app.screen.query_one(DataTable).row_count == 1)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen))
        await focus(pilot, app.screen.query_one("#reflection", TextArea))
        await pilot.press(*"Unsaved note test", "escape")
        await wait_for(pilot, lambda: isinstance(app.screen, HistoryScreen))
        await settled(pilot)  # History lists the sessions again
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen) and app.screen.session is not None)
        assert app.screen.query_one("#reflection", TextArea).text == "Unsaved note test"
    answers = SessionStore(Path(app.context.data.root) / "sessions").load(session_id).answers
    assert "Unsaved note test" in [answer.reflection for answer in answers]


async def test_review_numbers_a_retried_attempt_as_an_attempt_of_its_question(make_app):
    """The set-aside draft was listed as question 1 and the answer as question 2, under "1 of 1"."""
    app = make_app()
    session_id = seed_retried(Path(app.context.data.root))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_review(app, pilot, session_id)
        options = screen.query_one("#review-answers", OptionList)
        titles = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert titles[0].startswith("1. ") and "(attempt 1, set aside)" in titles[0]
        assert titles[1].startswith("1. ") and "(attempt 2)" in titles[1]
        assert not any(title.startswith("2.") for title in titles)


async def test_a_note_written_on_a_set_aside_attempt_goes_with_the_question(make_app):
    """A note written while the discarded attempt was selected was saved under it."""
    app = make_app()
    session_id = seed_retried(Path(app.context.data.root))
    store = SessionStore(Path(app.context.data.root) / "sessions")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_review(app, pilot, session_id)
        assert screen.index == 0  # the set-aside attempt is shown
        assert "kept with attempt 2" in str(screen.query_one("#reflection-label").render())
        await focus(pilot, screen.query_one("#reflection", TextArea))
        await pilot.press(*"Lead with the number.", "ctrl+s")
        await wait_for(pilot, lambda: any(a.reflection for a in store.load(session_id).answers))
    answers = store.load(session_id).answers
    assert answers[0].reflection == "" and answers[1].reflection == "Lead with the number."


async def test_a_round_with_every_question_skipped_shows_no_example_or_note(make_app):
    """ "No answers were given", then an example answer and a note box that belonged to no question."""
    app = make_app()
    session_id = seed_all_skipped(Path(app.context.data.root))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_review(app, pilot, session_id)
        await settled(pilot)
        assert "No answers were given" in screen_text(app)
        for widget_id in ("#review-example-box", "#reflection"):
            assert not screen.query_one(widget_id).display
        assert "skipped" in str(screen.query_one("#review-summary").render())


async def test_review_names_the_target_profile(make_app):
    """The export said "Target profile: northwind-analyst"; Review's header did not name it."""
    app = make_app()
    session_id = seed_retried(Path(app.context.data.root), profile="northwind-analyst")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_review(app, pilot, session_id)
        assert "profile northwind-analyst" in str(screen.query_one("#review-summary").render())


async def test_reviews_note_label_wraps_at_80_columns(make_app):
    """ "Reflection: what will you do differently next ti"."""
    app = make_app()
    session_id = seed_retried(Path(app.context.data.root))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_review(app, pilot, session_id)
        screen.query_one("#reflection", TextArea).focus()  # scrolled into view
        await settled(pilot)
        await wait_for(pilot, lambda: "(ctrl+s saves)" in screen_text(app))
