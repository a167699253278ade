"""The app on a disk that fills up: nothing typed is lost, each failure is said once, saving resumes by itself."""

from __future__ import annotations

from textual.widgets import Static, TextArea

from mock_interview.core.planning import RoundRequest
from mock_interview.core.rounds import Phase
from mock_interview.core.sessions import SessionStore
from mock_interview.tui.screens.confirm import ConfirmScreen
from mock_interview.tui.screens.home import HomeScreen
from mock_interview.tui.screens.review import ReviewScreen
from mock_interview.tui.screens.round import RoundScreen
from mock_interview.tui.screens.settings import SettingsScreen
from tests.faults import FullDisk
from tests.lookups import phase_of
from tests.ui.conftest import choose_only, home_ready, notification_text, notifications, wait_for

TYPED = RoundRequest(("career-goals",), count=2, order="pack", profile="")


def saved_answers(data_dir):
    return SessionStore(data_dir / "sessions").load_all()[0].answers


def saved_answers_or_none(data_dir) -> str | None:
    """The first answer's text on disk, or ``None`` while the round has no file yet."""
    sessions = SessionStore(data_dir / "sessions").load_all()
    return sessions[0].answers[0].text if sessions and sessions[0].answers else None


async def test_autosave_on_a_full_disk_keeps_the_text_says_so_and_saves_when_there_is_room(
    make_app, isolated_data_dir, monkeypatch
):
    app = make_app(start_round=TYPED)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
        screen = app.screen
        await pilot.press("ctrl+s", *"In")
        await wait_for(pilot, lambda: saved_answers_or_none(isolated_data_dir) == "In")  # the file exists
        disk = FullDisk(monkeypatch)
        await pilot.press(*" two years")
        await wait_for(pilot, lambda: disk.refused > 0)  # the autosave ran, and failed
        problem = screen.query_one("#save-problem", Static)
        assert problem.display and "the disk is full" in str(problem.render())
        assert "the disk is full" in notification_text(app)
        await pilot.press(*" I lead")
        assert screen.query_one("#answer", TextArea).text == "In two years I lead"  # still typing, nothing lost
        assert phase_of(screen.round) is Phase.ANSWERING
        assert saved_answers(isolated_data_dir)[0].text == "In"
        disk.free()
        await pilot.press("space")  # the next keystroke's autosave writes it all
        await wait_for(pilot, lambda: screen.round.unsaved is None)
        assert not problem.display
        assert "saved again" in notification_text(app)
    assert saved_answers(isolated_data_dir)[0].text == "In two years I lead "


async def test_a_round_started_on_a_full_disk_says_so_at_its_first_words_and_writes_them_later(
    make_app, isolated_data_dir, monkeypatch
):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: home_ready(app))
        choose_only(app, "career-goals", 1)
        disk = FullDisk(monkeypatch)
        await pilot.press("ctrl+s")  # starts: a round's file appears with its first words
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
        screen = app.screen
        await pilot.press("ctrl+s", *"I will lead")
        await wait_for(pilot, lambda: screen.round.unsaved is not None)
        assert "the disk is full" in notification_text(app)
        disk.free()
        await pilot.press("space")
        await wait_for(pilot, lambda: screen.round.unsaved is None)
    assert saved_answers(isolated_data_dir)[0].text == "I will lead "


async def test_a_round_ended_on_a_full_disk_shows_whole_in_review_and_is_saved_on_leaving(
    make_app, isolated_data_dir, monkeypatch
):
    app = make_app(start_round=TYPED)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
        await pilot.press("ctrl+s")
        disk = FullDisk(monkeypatch)
        app.screen.query_one("#answer", TextArea).insert("I will lead a team of five by 2027.")
        await pilot.press("ctrl+s", "f8", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen))
        review = app.screen
        assert "lead a team of five" in str(review.query_one("#review-answer").render())
        assert review.unsaved is not None
        review.query_one("#reflection", TextArea).insert("Say the number first.")
        await pilot.press("ctrl+s")
        assert "Note saved" not in notification_text(app)
        disk.free()
        await pilot.press("escape")  # leaving saves the note, and the round with it
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
    answer = saved_answers(isolated_data_dir)[0]
    assert (answer.text, answer.reflection) == ("I will lead a team of five by 2027.", "Say the number first.")
    assert SessionStore(isolated_data_dir / "sessions").load_all()[0].status == "ended_early"


async def test_quitting_with_work_the_disk_refuses_asks_first(make_app, isolated_data_dir, monkeypatch):
    app = make_app(start_round=TYPED)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
        await pilot.press("ctrl+s")
        disk = FullDisk(monkeypatch)
        app.screen.query_one("#answer", TextArea).insert("Words the disk has no room for")
        await pilot.press("ctrl+q")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        assert "the disk is full" in str(app.screen.detail)
        await pilot.press("escape")  # stay
        assert isinstance(app.screen, RoundScreen) and app.is_running
        disk.free()
        await pilot.press("ctrl+q")
    assert saved_answers(isolated_data_dir)[0].text == "Words the disk has no room for"


async def test_settings_that_cannot_be_written_stay_unsaved_in_the_form(make_app, isolated_data_dir, monkeypatch):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.press("f4")
        await wait_for(pilot, lambda: isinstance(app.screen, SettingsScreen))
        screen = app.screen
        screen.query_one("#question-count").value = "7"
        disk = FullDisk(monkeypatch)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "Settings not saved" in [n.title for n in notifications(app)])
        assert screen.has_unsaved_changes and isinstance(app.screen, SettingsScreen)
        disk.free()
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not screen.has_unsaved_changes)
    assert "question_count = 7" in (isolated_data_dir / "settings.toml").read_text()
