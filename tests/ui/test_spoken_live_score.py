"""The live score of a spoken answer is computed as the submitted one is (delivery included), for a question and
for its follow-up: what the panel shows while recording is what ctrl+s saves."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Label, TextArea

from mock_interview.audio.wavfile import read_wav
from mock_interview.core.rounds import Phase
from mock_interview.tui.widgets.feedback_panel import FeedbackPanel
from tests.fakes import FakeRecorder, FakeTranscriber
from tests.ui.conftest import SPOKEN_ROUND as ROUND
from tests.ui.conftest import open_the_microphone, round_status, wait_for

SPEECH = read_wav(Path(__file__).resolve().parent.parent / "data" / "jfk-16k.wav")
SPEECH_SECONDS = SPEECH.size / 16000


class Microphone(FakeRecorder):
    audio = SPEECH
    speed = 2.0  # near real time: ctrl+s comes about when the last word has been checked, as a user's would


def panel_score(screen) -> str:
    return str(screen.query_one(FeedbackPanel).query_one("#feedback-score", Label).render())


async def speak_and_compare(pilot, screen) -> None:
    """Let the whole clip be heard and checked live, then submit: the saved score is the one shown."""
    assert screen.speech is not None
    microphone = screen.speech.recorder
    answer = screen.query_one("#answer", TextArea)
    await wait_for(pilot, lambda: microphone.stats.seconds > SPEECH_SECONDS)
    live = screen.speech.live
    await wait_for(pilot, lambda: live.stream.remaining_speech_seconds() < 0.05 and answer.text.strip())
    asked = screen._feedback_asked
    await wait_for(pilot, lambda: screen._feedback_asked is asked and "Score" in panel_score(screen))
    live, text = panel_score(screen), answer.text  # "Score 41/100  15 words"
    await pilot.press("ctrl+s")
    await wait_for(pilot, lambda: screen.round.phase is Phase.ANSWERED, timeout=20)
    if screen.round.draft.text == text:  # the final decode added nothing: the same words, the same score
        assert panel_score(screen) == live


async def test_the_live_score_of_a_spoken_answer_and_its_follow_up_is_the_submitted_one(make_app):
    app = make_app(start_round=ROUND, recorder_factory=Microphone, transcriber_factory=FakeTranscriber)
    app.settings = app.settings.updated(follow_ups=True)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_the_microphone(pilot, app)
        await speak_and_compare(pilot, screen)
        assert screen.round.pending_follow_up, "this answer gets a follow-up"
        await pilot.press("ctrl+s")  # the follow-up is asked: its microphone opens
        await wait_for(pilot, lambda: screen.round.turn.follow_up_to and "Speak now" in round_status(screen))
        await speak_and_compare(pilot, screen)
