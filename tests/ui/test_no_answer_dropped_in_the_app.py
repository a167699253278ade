"""No answer dropped, in the app.

f8 before the first words, a profile edited in two places, a note on a session deleted elsewhere.
"""

from __future__ import annotations

from dataclasses import replace

from textual.widgets import OptionList, TextArea

from mock_interview.core.choices import AnswerMode
from mock_interview.core.profiles import Profile, ProfileStore
from mock_interview.core.sessions import SessionStore
from mock_interview.tui.screens.confirm import ChangedElsewhereScreen
from mock_interview.tui.screens.home import HomeScreen
from mock_interview.tui.screens.profiles import ProfilesScreen
from mock_interview.tui.screens.review import ReviewScreen
from tests.fakes import FakeTranscriber, SilentMicrophone
from tests.ui.conftest import SPOKEN_ROUND as ROUND
from tests.ui.conftest import notification_text, open_the_microphone, wait_for


def notes(app) -> str:
    return notification_text(app)


async def test_ending_a_spoken_round_before_the_first_words_keeps_the_recording_listed(make_app, isolated_data_dir):
    app = make_app(start_round=ROUND, recorder_factory=SilentMicrophone, transcriber_factory=FakeTranscriber)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_the_microphone(pilot, app)
        await pilot.press("f8", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen) and app.screen.session is not None)
        review = app.screen
        assert review.query_one("#review-answers", OptionList).option_count == 1
        assert "recording: f9 play, f10 re-transcribe" in str(review.query_one("#review-answer").render())
    answer = SessionStore(isolated_data_dir / "sessions").load_all()[0].answers[0]
    assert answer.audio and (isolated_data_dir / answer.audio).exists() and answer.status == "skipped"


async def test_a_profile_changed_in_another_window_asks_and_can_keep_both(make_app, isolated_data_dir):
    store = ProfileStore(isolated_data_dir / "profiles")
    store.save(Profile(name="acme", company="Acme", role="PM"))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.press("f3")
        await wait_for(pilot, lambda: isinstance(app.screen, ProfilesScreen))
        screen = app.screen
        screen.show_profile("acme")  # as a click on it in the list does
        await wait_for(pilot, lambda: screen.editing == "acme")
        screen.query_one("#profile-role").value = "Senior PM"
        store.save(Profile(name="acme", company="Acme", role="Head of Product"))  # another window saves first
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, ChangedElsewhereScreen))
        await pilot.press("k")
        await wait_for(pilot, lambda: "acme-2" in store.names())
    assert store.load("acme").role == "Head of Product"  # theirs kept
    assert store.load("acme-2").role == "Senior PM"  # ours kept too


async def test_a_note_for_a_session_deleted_elsewhere_says_so(make_app, isolated_data_dir):
    store = SessionStore(isolated_data_dir / "sessions")
    session = store.create(mode="typed", packs=["career-goals"], plan=["career-goals/five-years"])
    app = make_app(start_round=replace(ROUND, mode=AnswerMode.TYPED))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: app.screen is not None)
        await pilot.press("ctrl+s")
        app.screen.query_one("#answer", TextArea).insert("I will lead a team.")
        await pilot.press("ctrl+s", "f8", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen) and app.screen.session is not None)
        review = app.screen
        store.path_for(review.session.id).unlink()  # deleted in another window
        review.query_one("#reflection", TextArea).insert("Start with the number.")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "deleted elsewhere" in notes(app))
    assert store.load(review.session.id).answers[0].reflection == "Start with the number."
    assert store.load(session.id).status == "in_progress"
