"""f10 Re-transcribe in Review: a hand correction is never thrown away without asking, and the screen shows what
is saved at once."""

from __future__ import annotations

import numpy as np
import pytest

from mock_interview.audio.wavfile import IncrementalWav
from mock_interview.transcription.transcript import Transcript
from mock_interview.tui.screens.model_picker import ModelPickerScreen
from mock_interview.tui.screens.retranscribe_choice import RetranscribeChoiceScreen
from mock_interview.tui.screens.review import ReviewScreen
from tests.spoken_sessions import saved_spoken_story, timed
from tests.ui.conftest import notification_text, wait_for
from tests.unit.test_star_timeline import STORY

CORRECTED = STORY
RECOGNISED_BEFORE = STORY.replace("six weeks", "sick weeks")
RECOGNISED_NOW = STORY.replace("six weeks", "six weaks").replace("a self-service guide", "a self service gold")


@pytest.fixture
def transcribed(monkeypatch):
    """The model, faked: re-transcription 'hears' RECOGNISED_NOW (the real model has its own test in tests/real)."""
    calls: list[str] = []

    def transcribe_file(path, model="bundled", models_dir=None, **options):
        calls.append(model)
        return Transcript(RECOGNISED_NOW, timed(RECOGNISED_NOW), 45.0, "fake-model")

    monkeypatch.setattr("mock_interview.transcription.streaming.transcribe_file", transcribe_file)
    return calls


def spoken_session(data, *, text: str, original_text: str = ""):
    store, session = saved_spoken_story(data, text, heard=original_text or text, original_text=original_text)
    wav = IncrementalWav(data / session.answers[0].audio)  # a real file: re-transcription reads it
    wav.write(np.zeros(16000, dtype=np.float32))
    wav.close()
    return store, session


def shown(review: ReviewScreen) -> str:
    return str(review.query_one("#review-answer").render()) + str(review.query_one("#review-original").render())


async def open_review(app, pilot, session_id: str) -> ReviewScreen:
    app.push_screen(ReviewScreen(app, session_id))
    await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen) and app.screen.session is not None)
    review = app.screen
    assert isinstance(review, ReviewScreen)
    return review


async def test_a_corrected_transcript_is_kept_when_asked_and_the_new_recognition_shown_beside_it(
    make_app, isolated_data_dir, transcribed
):
    store, session = spoken_session(isolated_data_dir, text=CORRECTED, original_text=RECOGNISED_BEFORE)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        review = await open_review(app, pilot, session.id)
        await pilot.press("f10")
        await wait_for(pilot, lambda: isinstance(app.screen, RetranscribeChoiceScreen))
        question = str(app.screen.query_one("#retranscribe-question").render())
        assert "corrected by hand" in question and "six weeks" in question  # says what could be lost
        await pilot.press("k")  # keep the correction
        await wait_for(pilot, lambda: isinstance(app.screen, ModelPickerScreen))
        await pilot.press("enter")
        await wait_for(pilot, lambda: "weaks" in shown(review))  # at once, without leaving Review
        assert "Re-transcribed" in notification_text(app) and "correction is kept" in notification_text(app)
        assert "transcript corrected" in shown(review)
    saved = store.load(session.id).answers[0]
    assert (saved.text, saved.original_text) == (CORRECTED, RECOGNISED_NOW)
    assert transcribed == ["bundled"]


async def test_replacing_a_correction_shows_the_new_transcript_at_once(make_app, isolated_data_dir, transcribed):
    store, session = spoken_session(isolated_data_dir, text=CORRECTED, original_text=RECOGNISED_BEFORE)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        review = await open_review(app, pilot, session.id)
        await pilot.press("f10")
        await wait_for(pilot, lambda: isinstance(app.screen, RetranscribeChoiceScreen))
        await pilot.press("r")
        await wait_for(pilot, lambda: isinstance(app.screen, ModelPickerScreen))
        await pilot.press("enter")
        await wait_for(pilot, lambda: store.load(session.id).answers[0].text == RECOGNISED_NOW)
        await wait_for(pilot, lambda: "gold" in shown(review))
        assert "transcript corrected" not in shown(review)
    saved = store.load(session.id).answers[0]
    assert (saved.text, saved.original_text) == (RECOGNISED_NOW, "")


async def test_escape_leaves_the_correction_and_transcribes_nothing(make_app, isolated_data_dir, transcribed):
    store, session = spoken_session(isolated_data_dir, text=CORRECTED, original_text=RECOGNISED_BEFORE)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        review = await open_review(app, pilot, session.id)
        await pilot.press("f10")
        await wait_for(pilot, lambda: isinstance(app.screen, RetranscribeChoiceScreen))
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is review)
    assert transcribed == []
    saved = store.load(session.id).answers[0]
    assert (saved.text, saved.original_text) == (CORRECTED, RECOGNISED_BEFORE)


async def test_an_uncorrected_transcript_is_transcribed_again_without_a_question(
    make_app, isolated_data_dir, transcribed
):
    store, session = spoken_session(isolated_data_dir, text=RECOGNISED_BEFORE)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        review = await open_review(app, pilot, session.id)
        await pilot.press("f10")
        await wait_for(pilot, lambda: isinstance(app.screen, ModelPickerScreen))
        await pilot.press("enter")
        await wait_for(pilot, lambda: "gold" in shown(review))
    assert store.load(session.id).answers[0].text == RECOGNISED_NOW


async def test_a_re_transcription_moves_its_questions_score_with_the_follow_ups(
    make_app, isolated_data_dir, monkeypatch
):
    from textual.widgets import OptionList

    from mock_interview.core.context import AppContext
    from tests.unit.test_correction_rescoring import MISHEARD, _session
    from tests.unit.test_correction_rescoring import STORY as HEARD_NOW

    def transcribe_file(path, model="bundled", models_dir=None, **options):
        return Transcript(HEARD_NOW, timed(HEARD_NOW), 40.0, "fake-model")

    monkeypatch.setattr("mock_interview.transcription.streaming.transcribe_file", transcribe_file)
    context = AppContext.from_options(str(isolated_data_dir))
    session = _session(context, MISHEARD)
    audio = isolated_data_dir / "audio" / session.id / "00-x.wav"
    wav = IncrementalWav(audio)
    wav.write(np.zeros(16000, dtype=np.float32))
    wav.close()
    session.answers[0].audio = f"audio/{session.id}/00-x.wav"
    context.sessions.save(session)
    before = session.answers[0].question_score
    after = _session(context, HEARD_NOW).answers[0].question_score
    assert before is not None and after is not None and before != after
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        review = await open_review(app, pilot, session.id)
        await pilot.press("f10")
        await wait_for(pilot, lambda: isinstance(app.screen, ModelPickerScreen))
        await pilot.press("enter")
        answers = review.query_one("#review-answers", OptionList)
        await wait_for(pilot, lambda: str(answers.get_option_at_index(0).prompt).endswith(f"[{after}]"))
        assert f"score {after}" in str(review.query_one("#review-summary").render())
    saved = context.sessions.load(session.id)
    assert saved.answers[0].question_score == after and saved.score == after
