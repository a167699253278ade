"""A mentor's filled-in file is never lost: the dialog starts in the file field (enter there reads the
notes in, as its label says), and exporting again writes beside a file that holds notes instead of over it."""

from __future__ import annotations

from pathlib import Path

from textual.binding import Binding
from textual.widgets import Input

from mock_interview.tui.screens.mentor import MentorScreen, export_keeping_notes, mentor_file
from mock_interview.tui.screens.review import ReviewScreen
from tests.typed_rounds import WEAK, typed_round
from tests.ui.conftest import notifications, wait_for
from tests.ui.test_mentor_notes_in_the_app import MENTOR_NOTE, REF, fill_in, open_review


def mentor_key(review: ReviewScreen) -> str:
    """The key Review's footer gives the mentor's dialog (whatever it is called this week)."""
    return next(
        binding.key for binding in review.BINDINGS if isinstance(binding, Binding) and binding.action == "mentor"
    )


async def open_dialog(pilot, app, review: ReviewScreen) -> MentorScreen:
    await pilot.press(mentor_key(review))
    await wait_for(pilot, lambda: isinstance(app.screen, MentorScreen), what="the mentor's dialog open")
    assert isinstance(app.screen, MentorScreen)
    return app.screen


async def test_enter_in_the_dialog_reads_the_filled_in_file_and_leaves_it_as_it_is(make_app):
    app = make_app()
    session_id = typed_round(app.context, [REF], [WEAK])
    path = mentor_file(app.context, session_id)
    async with app.run_test(size=(80, 24)) as pilot:
        review = await open_review(app, pilot, session_id)
        await open_dialog(pilot, app, review)
        await pilot.press("ctrl+e")
        await wait_for(pilot, lambda: path.exists(), what="the export written")
        filled = fill_in(path.read_text())
        path.write_text(filled)
        dialog = await open_dialog(pilot, app, review)
        assert dialog.focused is dialog.query_one("#mentor-path", Input)
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen is review, what="the dialog closed")
        await wait_for(pilot, lambda: any(n.title == "Mentor's notes" for n in notifications(app)), what="notes read")
    assert path.read_text() == filled
    assert app.context.sessions.load(session_id).answers[0].mentor_notes == MENTOR_NOTE


async def test_exporting_again_writes_beside_a_file_with_notes_and_says_so(make_app):
    app = make_app()
    session_id = typed_round(app.context, [REF], [WEAK])
    path = mentor_file(app.context, session_id)
    async with app.run_test(size=(80, 24)) as pilot:
        review = await open_review(app, pilot, session_id)
        await open_dialog(pilot, app, review)
        await pilot.press("ctrl+e")
        await wait_for(pilot, lambda: path.exists(), what="the export written")
        filled = fill_in(path.read_text())
        path.write_text(filled)
        await open_dialog(pilot, app, review)
        await pilot.press("ctrl+e")
        beside = path.with_name(f"{path.stem}-2.md")
        await wait_for(pilot, lambda: beside.exists(), what="the new export beside the mentor's file")
        told = [n.message for n in notifications(app) if n.title == "For a mentor"][-1]
    assert path.read_text() == filled
    assert str(beside) in told and f"{path} was kept" in told and "mentor's notes" in told


def test_an_export_nobody_filled_in_is_replaced(tmp_path: Path) -> None:
    path = tmp_path / "s-for-mentor.md"
    export = "<!-- mock-interview mentor-notes v1 session=s -->\n<!-- notes question=1 -->\n\n<!-- end of notes -->\n"
    path.write_text(export)
    assert export_keeping_notes(path, export + "more\n") == path
    assert path.read_text() == export + "more\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s-for-mentor.md"]


def test_a_file_someone_wrote_into_is_kept_whatever_its_shape(tmp_path: Path) -> None:
    path = tmp_path / "s-for-mentor.md"
    for written in ("Great answers! (the markers are gone)\n", ""):
        path.write_text(written)
        beside = export_keeping_notes(path, "the export\n")
        assert path.read_text() == written and beside != path and beside.read_text() == "the export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s-for-mentor-2.md", "s-for-mentor-3.md", "s-for-mentor.md"]
