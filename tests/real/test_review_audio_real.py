"""Review's audio actions for real: playback through PortAudio, re-transcription with the model."""

from __future__ import annotations

from pathlib import Path

from mock_interview.audio.playback import play_file
from mock_interview.core.context import AppContext
from mock_interview.core.sessions import SessionStore
from mock_interview.tui.app import MockInterviewApp
from mock_interview.tui.screens.review import ReviewScreen
from tests.real.conftest import DATA, JFK_WORDS, espeak_to_wav, spoken_session_with_recording, wer
from tests.ui.conftest import wait_for


def test_playback_plays_the_whole_recording(tmp_path: Path, null_sink):
    wav = espeak_to_wav("One short answer.", tmp_path / "short.wav")
    seconds = play_file(wav)
    assert 0.5 < seconds < 3


async def test_review_retranscribes_a_recorded_answer(isolated_data_dir: Path):
    session = spoken_session_with_recording(isolated_data_dir, DATA / "jfk-16k.wav", "an old, wrong transcript", 11)
    store = SessionStore(isolated_data_dir / "sessions")
    store.save(session)
    app = MockInterviewApp(AppContext.from_options(str(isolated_data_dir)), speech_probe=lambda: (True, "test"))
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(ReviewScreen(app, session.id))
        await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen) and app.screen.session is not None)
        review = app.screen
        assert isinstance(review, ReviewScreen)
        await pilot.press("f10")
        await wait_for(pilot, lambda: app.screen is not review)  # the model picker
        await pilot.press("enter")  # accept the model offered (the bundled one)
        await wait_for(
            pilot,
            lambda: review.session is not None and review.session.answers[0].text != "an old, wrong transcript",
            timeout=60,
        )
    saved = store.load(session.id).answers[0]
    assert wer(JFK_WORDS, saved.text) <= 0.10
    assert saved.words and saved.feedback["checks"]
    assert any(c["group"] == "delivery" and c["status"] != "na" for c in saved.feedback["checks"])
