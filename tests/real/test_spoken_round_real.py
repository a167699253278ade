"""One spoken round in the Textual app through the real device and the real model."""

from __future__ import annotations

import time
from pathlib import Path

from mock_interview.core.context import AppContext
from mock_interview.core.sessions import SessionStore
from mock_interview.tui.app import MockInterviewApp
from mock_interview.tui.screens.round import RoundScreen
from tests.real.conftest import SPOKEN_ANSWER, espeak_to_wav, play_into, wer
from tests.ui.conftest import wait_for


async def test_spoken_round_through_device_and_model(tmp_path: Path, null_sink, isolated_data_dir):
    speech = espeak_to_wav(SPOKEN_ANSWER, tmp_path / "speech.wav")
    app = MockInterviewApp(AppContext.from_options(str(isolated_data_dir)),
                           start_round={"packs": ["behavioral-star"], "count": 1, "order": "pack", "mode": "spoken", "profile": ""})
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
        screen = app.screen
        await wait_for(pilot, lambda: screen.speech.transcriber is not None, timeout=60)
        await pilot.press("ctrl+s")  # start answering: recording begins
        await wait_for(pilot, lambda: screen.speech.recorder is not None and screen.speech.recorder.stats.seconds > 0.3, timeout=20)
        player = play_into(null_sink, speech)
        while player.poll() is None:
            await pilot.pause(0.2)
        await pilot.pause(1.0)
        await pilot.press("ctrl+s")  # stop: the final transcript follows
        stopped = time.monotonic()
        await wait_for(pilot, lambda: screen.round.phase == "done", timeout=60)
        latency = time.monotonic() - stopped
    session = SessionStore(isolated_data_dir / "sessions").load_all()[0]
    answer = session.answers[0]
    assert answer.source == "spoken"
    assert wer(SPOKEN_ANSWER, answer.text) <= 0.15, answer.text
    assert answer.words and answer.feedback["checks"]
    delivery = {c["id"]: c for c in answer.feedback["checks"] if c["group"] == "delivery"}
    assert delivery["delivery.pace"]["status"] != "na"
    audio = isolated_data_dir / answer.audio
    assert audio.exists() and oct(audio.stat().st_mode & 0o777) == "0o600"
    assert latency < 30
