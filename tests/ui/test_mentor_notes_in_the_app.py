"""A mentor's read in the app: f12 in Review exports for a mentor and reads their notes back; they show beside
the checklist and in Compare, never over the user's own note; a bad file changes nothing."""

from __future__ import annotations

from textual.widgets import Input, TextArea

from mock_interview.core.mentor import MENTOR_QUESTIONS
from mock_interview.tui.screens.compare import CompareScreen
from mock_interview.tui.screens.mentor import MentorScreen, mentor_file
from mock_interview.tui.screens.review import ReviewScreen
from tests.typed_rounds import STRONG, WEAK, typed_round
from tests.ui.conftest import notifications, screen_text, wait_for

REF = "behavioral-star/increased-results"
MENTOR_NOTE = "Lead with the 80% [b]cut[/b]; say what you did yourself."


def fill_in(export: str) -> str:
    """The export as a mentor sends it back: a note on the first answer and on the first question."""
    lines = export.splitlines()
    first_answer = next(i for i, line in enumerate(lines) if line.startswith("<!-- notes answer=1 "))
    lines.insert(first_answer + 1, MENTOR_NOTE)
    first_question = next(i for i, line in enumerate(lines) if line == "<!-- notes question=1 -->")
    lines.insert(first_question + 1, "Yes, mostly.")
    return "\n".join(lines) + "\n"


async def open_review(app, pilot, session_id: str) -> ReviewScreen:
    await app.push_screen(ReviewScreen(app, session_id))
    review = app.screen
    await wait_for(pilot, lambda: review.session is not None)
    return review


async def test_export_then_import_shows_the_notes_beside_the_checklist_and_keeps_the_users_note(make_app):
    app = make_app()
    session_id = typed_round(app.context, [REF], [WEAK])
    async with app.run_test(size=(120, 40)) as pilot:
        review = await open_review(app, pilot, session_id)
        review.query_one("#reflection", TextArea).load_text("My own note: open with the number.")
        await pilot.press("f12")
        await wait_for(pilot, lambda: isinstance(app.screen, MentorScreen))
        await pilot.press("ctrl+e")
        path = mentor_file(app.context, session_id)
        await wait_for(pilot, lambda: path.exists())
        assert "**Checklist**" in path.read_text() and MENTOR_QUESTIONS[0] in path.read_text()
        path.write_text(fill_in(path.read_text()))
        await pilot.press("f12")
        await wait_for(pilot, lambda: isinstance(app.screen, MentorScreen))
        assert app.screen.query_one("#mentor-path").value == str(path)  # the export's own path, to begin with
        assert app.screen.focused.id == "mentor-path"  # enter there reads the notes in
        await pilot.press("enter")
        await wait_for(pilot, lambda: "Your mentor's notes" in screen_text(app))
        text = screen_text(app)
        assert "[b]cut[/b]" in text  # the mentor's words are data
        assert "Your mentor's answers" in text and "Yes, mostly." in text
    stored = app.context.sessions.load(session_id)
    assert stored.answers[0].mentor_notes == MENTOR_NOTE
    assert stored.answers[0].reflection == "My own note: open with the number."


async def test_a_foreign_file_is_one_line_and_changes_nothing(make_app, tmp_path):
    app = make_app()
    session_id = typed_round(app.context, [REF], [WEAK])
    foreign = tmp_path / "notes.md"
    foreign.write_text("# My notes\nGreat answers!\n")
    async with app.run_test(size=(80, 24)) as pilot:
        review = await open_review(app, pilot, session_id)
        await pilot.press("f12")
        await wait_for(pilot, lambda: isinstance(app.screen, MentorScreen))
        path_field = app.screen.query_one("#mentor-path", Input)
        path_field.value = str(foreign)
        path_field.focus()
        await pilot.press("enter")
        await wait_for(pilot, lambda: any("not a mentor's file" in str(n.message) for n in notifications(app)))
        assert not review.query_one("#review-mentor").display
    assert app.context.sessions.load(session_id).answers[0].mentor_notes == ""


async def test_compare_shows_each_attempts_mentor_notes(make_app):
    app = make_app()
    first = typed_round(app.context, [REF], [WEAK])
    second = typed_round(app.context, [REF], [STRONG])
    session = app.context.sessions.load(first)
    session.answers[0].mentor_notes = MENTOR_NOTE
    app.context.sessions.save(session)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.push_screen(CompareScreen(app, second))
        await wait_for(pilot, lambda: "Your mentor's notes: Lead with the 80% [b]cut[/b]" in screen_text(app))
