"""f7 on a spoken answer: the new attempt's header, meter and clock say the microphone is opening, never the old
recording's REC and time."""

from __future__ import annotations

import threading
from pathlib import Path

from mock_interview.audio.wavfile import read_wav
from mock_interview.tui.screens.confirm import ConfirmScreen
from mock_interview.tui.widgets.countdown import Countdown
from mock_interview.tui.widgets.level_meter import LevelMeter
from tests.fakes import FakeRecorder, FakeTranscriber
from tests.ui.conftest import SPOKEN_ROUND as ROUND
from tests.ui.conftest import open_the_microphone, round_status, wait_for

SPEECH = read_wav(Path(__file__).resolve().parent.parent / "data" / "jfk-16k.wav")


class Microphone(FakeRecorder):
    """Speaks at once the first time; a later attempt's device opens only when the test says so."""

    audio = SPEECH
    opened = 0
    gate = threading.Event()

    def _play(self) -> None:
        Microphone.opened += 1
        if Microphone.opened > 1:
            self.gate.wait(10)
        super()._play()


async def test_a_retried_spoken_answer_shows_the_microphone_opening_not_the_old_recording(make_app, clock):
    Microphone.opened, Microphone.gate = 0, threading.Event()
    app = make_app(start_round=ROUND, recorder_factory=Microphone, transcriber_factory=FakeTranscriber)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_the_microphone(pilot, app)
        meter = screen.query_one(LevelMeter)
        await wait_for(pilot, lambda: meter.seconds >= 2 and "● REC" in str(meter.render()))
        clock.advance(7)
        await pilot.press("f7")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("enter")  # Start again
        await wait_for(pilot, lambda: app.screen is screen)
        if screen.round.phase.value == "thinking":
            await pilot.press("ctrl+s")  # end the think time: the microphone opens (and waits, here)
        await wait_for(pilot, lambda: "Opening the microphone" in round_status(screen))
        assert "● REC" not in str(meter.render())  # the old recording's REC and time are gone
        assert screen.query_one(Countdown).seconds == screen.round.answer_seconds  # the full time, waiting
        Microphone.gate.set()
        await wait_for(pilot, lambda: "Speak now" in round_status(screen))
        await wait_for(pilot, lambda: "● REC" in str(meter.render()))
        await pilot.press("f8", "enter")
