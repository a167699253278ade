"""The spoken flow with a fake microphone and a fake model: the clock waits for audio, silence is not an answer."""

from __future__ import annotations

import threading

from textual.widgets import TextArea

from mock_interview.core.rounds import Phase
from mock_interview.core.sessions import SessionStore
from mock_interview.tui.screens.round import NO_SPEECH, RoundScreen
from tests.fakes import FakeTranscriber, SilentMicrophone
from tests.ui.conftest import SPOKEN_ROUND as ROUND
from tests.ui.conftest import open_the_microphone, settled, wait_for
from tests.ui.conftest import round_status as status


class SlowMicrophone(SilentMicrophone):
    """Sends its first block only when the test says so, as a device that takes a while to open."""

    gate = threading.Event()

    def _play(self) -> None:
        self.gate.wait(10)
        super()._play()


async def test_the_answer_clock_starts_when_audio_flows(make_app, clock):
    SlowMicrophone.gate = threading.Event()
    app = make_app(start_round=ROUND, recorder_factory=SlowMicrophone, transcriber_factory=FakeTranscriber)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
        screen = app.screen
        await wait_for(pilot, lambda: screen.speech.model_ready)
        await pilot.press("ctrl+s")  # end the think time: the microphone opens
        limit = screen.round.answer_seconds
        clock.advance(5)
        await wait_for(pilot, lambda: "Opening the microphone" in str(screen.query_one("#phase").render()))
        screen.tick()  # a tick after the 5 s have gone by
        await settled(pilot, workers=False)
        assert screen.round.clock.remaining == limit  # no answer time lost while the device opens
        SlowMicrophone.gate.set()
        await wait_for(pilot, lambda: "Speak now" in status(screen))
        clock.advance(2)
        assert screen.round.clock.remaining == limit - 2
        await pilot.press("f8", "enter")


async def test_a_silent_answer_saves_no_transcript_and_no_score(make_app, isolated_data_dir):
    app = make_app(start_round=ROUND, recorder_factory=SilentMicrophone, transcriber_factory=FakeTranscriber)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_the_microphone(pilot, app)
        recorder = screen.speech.recorder
        await wait_for(pilot, lambda: recorder.stats.seconds >= 0.5)  # half a second of silence recorded
        await pilot.press("ctrl+s")  # stop: nothing was said
        await wait_for(pilot, lambda: NO_SPEECH in status(screen))
        assert screen.round.phase is Phase.ANSWERING  # not scored: the user may type, or press f7 to speak again
        answer = screen.query_one("#answer", TextArea)
        assert not answer.read_only and answer.text == ""
        saved = SessionStore(isolated_data_dir / "sessions").load_all()[0].answers[0]
        assert saved.text == "" and not saved.feedback
        await pilot.press("ctrl+s")  # nothing typed either
        assert screen.round.phase is Phase.ANSWERED
    session = SessionStore(isolated_data_dir / "sessions").load_all()[0]
    answer = session.answers[0]
    assert answer.status == "skipped" and answer.text == "" and not answer.feedback and not answer.words
    assert session.score is None


async def test_after_silence_the_answer_can_be_typed_or_spoken_again(make_app, isolated_data_dir):
    app = make_app(start_round=ROUND, recorder_factory=SilentMicrophone, transcriber_factory=FakeTranscriber)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_the_microphone(pilot, app)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: NO_SPEECH in status(screen))
        await pilot.press("f7")  # speak again: think time, then the microphone
        assert screen.round.spoken and screen.round.phase is Phase.THINKING
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "Speak now" in status(screen))
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: NO_SPEECH in status(screen))
        screen.query_one("#answer", TextArea).insert("In five years I want to lead a product team.")
        await pilot.press("ctrl+s")
        assert screen.round.phase is Phase.ANSWERED
    answers = SessionStore(isolated_data_dir / "sessions").load_all()[0].answers
    # the first attempt heard nothing: it stays set aside with its recording (no answer is dropped,
    # and the recording is not an orphan), unscored; the answer is the typed one
    assert [a.status for a in answers] == ["retried", "answered"] and answers[1].source == "typed"
    first, answer = answers
    assert first.audio and first.text == "" and not first.feedback and first.score is None
    assert (isolated_data_dir / first.audio).exists()
    assert answer.text.startswith("In five years") and answer.feedback["score"] >= 0
