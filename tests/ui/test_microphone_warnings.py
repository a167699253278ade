"""A 'nothing heard' warning in a spoken round is taken back when words arrive, and an answer with words gets no
'nothing was heard' message."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
from textual.widgets import TextArea

from mock_interview.audio.wavfile import read_wav
from mock_interview.core.rounds import Phase
from mock_interview.tui.screens.round import RoundScreen
from mock_interview.tui.screens.round_speech import NO_SPEECH
from mock_interview.tui.speech import NOTHING_HEARD
from tests.fakes import FakeRecorder, FakeTranscriber
from tests.ui.conftest import SPOKEN_ROUND as ROUND
from tests.ui.conftest import notification_text, round_status, wait_for

SPEECH = read_wav(Path(__file__).resolve().parent.parent / "data" / "jfk-16k.wav")


class LateSpeaker(FakeRecorder):
    """Silent long enough for the warning, then speaks (the user started late, or unmuted)."""

    audio = np.concatenate([np.zeros(16000, dtype=np.float32), SPEECH])
    speaks = threading.Event()  # set by the test once it has seen the warning

    def __init__(self, *args, **options) -> None:
        super().__init__(*args, **options)
        on_live, on_silence = self.on_live, self.on_silence

        def live_then_warned() -> None:  # the recorder warns once its first seconds were silent
            on_live()
            on_silence()
            self.speaks.wait(10)  # then the user speaks

        self.on_live = live_then_warned


async def test_the_nothing_heard_warning_goes_when_speech_arrives(make_app):
    LateSpeaker.speaks = threading.Event()
    app = make_app(start_round=ROUND, recorder_factory=LateSpeaker, transcriber_factory=FakeTranscriber)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
        screen = app.screen
        await wait_for(pilot, lambda: screen.speech.model_ready)
        await pilot.press("ctrl+s")  # the think time ends: the microphone opens, then warns
        await wait_for(pilot, lambda: NOTHING_HEARD in round_status(screen))
        LateSpeaker.speaks.set()
        answer = screen.query_one("#answer", TextArea)
        await wait_for(pilot, lambda: bool(answer.text.strip()))
        await wait_for(pilot, lambda: NOTHING_HEARD not in round_status(screen))
        assert "Speech heard" in round_status(screen)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: screen.round.phase is Phase.ANSWERED, timeout=20)
        notes = notification_text(app)
        assert "Nothing was heard" not in notes and NO_SPEECH not in notes
