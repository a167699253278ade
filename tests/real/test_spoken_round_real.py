"""Spoken rounds in the Textual app through the real device (PulseAudio null sink) and the real model."""

from __future__ import annotations

import asyncio
import time
from difflib import SequenceMatcher
from pathlib import Path

import numpy as np

from mock_interview.audio.wavfile import read_wav
from mock_interview.core.choices import AnswerMode
from mock_interview.core.context import AppContext
from mock_interview.core.planning import RoundRequest
from mock_interview.core.rounds import Phase
from mock_interview.core.sessions import SessionStore
from mock_interview.tui.app import MockInterviewApp
from mock_interview.tui.screens.round import NO_SPEECH, RoundScreen
from tests.real.conftest import SPOKEN_ANSWER, espeak_to_wav, play_into, wer
from tests.speech_samples import ANSWER_45, normalise_words
from tests.ui.conftest import wait_for

ROUND = RoundRequest(("behavioral-star",), count=1, order="pack", mode=AnswerMode.SPOKEN, profile="")


def status(screen: RoundScreen) -> str:
    return str(screen.query_one("#round-status").render())


async def start_speaking(pilot, app: MockInterviewApp) -> RoundScreen:
    """Open a spoken round, end the think time, and wait for 'Speak now' (audio is flowing)."""
    await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
    screen = app.screen
    assert isinstance(screen, RoundScreen) and screen.speech is not None
    speech = screen.speech
    await wait_for(pilot, lambda: speech.model_ready, timeout=60)
    await pilot.press("ctrl+s")
    await wait_for(pilot, lambda: "Speak now" in status(screen), timeout=20)
    return screen


async def play_and_stop(pilot, sink: str, wav: Path, silence_after: float = 1.0) -> float:
    """Play ``wav`` into the microphone, wait, press stop; returns the monotonic time of the stop."""
    player = play_into(sink, wav)
    await wait_for(pilot, lambda: player.poll() is not None, timeout=120, what="the recording played to its end")
    await asyncio.sleep(silence_after)
    await pilot.press("ctrl+s")
    return time.monotonic()


async def test_spoken_round_through_device_and_model(tmp_path: Path, null_sink, isolated_data_dir):
    speech = espeak_to_wav(SPOKEN_ANSWER, tmp_path / "speech.wav")
    app = MockInterviewApp(AppContext.from_options(str(isolated_data_dir)), start_round=ROUND)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await start_speaking(pilot, app)
        stopped = await play_and_stop(pilot, null_sink, speech)
        await wait_for(pilot, lambda: screen.round.phase is Phase.ANSWERED, timeout=60)
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


async def test_a_silent_spoken_round_saves_no_transcript_and_no_score(null_sink, isolated_data_dir):
    app = MockInterviewApp(AppContext.from_options(str(isolated_data_dir)), start_round=ROUND)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await start_speaking(pilot, app)
        await asyncio.sleep(4.0)  # nobody speaks: the null sink's monitor delivers silence
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: NO_SPEECH in status(screen), timeout=30)
        assert screen.round.phase is Phase.ANSWERING  # offered: type, or f7 to speak again
        await pilot.press("ctrl+s")  # and nothing typed
        await wait_for(pilot, lambda: screen.round.phase is Phase.ANSWERED)
        await pilot.press("f8", "enter")
    session = SessionStore(isolated_data_dir / "sessions").load_all()[0]
    (answer,) = session.answers
    assert answer.text == "" and answer.words == [] and not answer.feedback and answer.score is None
    assert answer.status == "skipped" and session.score is None
    recording = read_wav(isolated_data_dir / answer.audio)
    assert recording.size >= 3 * 16000 and float(np.abs(recording).max()) < 0.01  # it was recorded, and silent


async def test_the_first_word_survives_when_speech_starts_half_a_second_after_speak_now(
    tmp_path: Path, null_sink, isolated_data_dir
):
    speech = espeak_to_wav(ANSWER_45, tmp_path / "answer45.wav")
    app = MockInterviewApp(AppContext.from_options(str(isolated_data_dir)), start_round=ROUND)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await start_speaking(pilot, app)
        await asyncio.sleep(0.5)
        await play_and_stop(pilot, null_sink, speech, silence_after=2.0)
        await wait_for(pilot, lambda: screen.round.phase is Phase.ANSWERED, timeout=60)
    answer = SessionStore(isolated_data_dir / "sessions").load_all()[0].answers[0]
    said, heard = normalise_words(ANSWER_45), normalise_words(answer.text)
    assert heard[:3] == said[:3], answer.text  # "Thanks for asking"
    # and nothing after the last spoken word: the last word heard is the last word said, give or
    # take one letter the tiny model mishears on a loaded machine ("uses" heard as "users")
    assert SequenceMatcher(None, heard[-1], said[-1]).ratio() >= 0.75, answer.text
    recording = read_wav(isolated_data_dir / answer.audio)
    loud = np.flatnonzero(np.abs(recording) > 0.02)
    speech_end = loud[-1] / 16000
    assert answer.words[-1][2] <= speech_end + 0.5
    assert wer(ANSWER_45, answer.text) <= 0.30, answer.text
