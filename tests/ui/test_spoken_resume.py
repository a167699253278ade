"""A spoken answer left mid-recording (ctrl+q) and resumed (History, ctrl+r) goes on where it was."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import TextArea

from mock_interview.audio.wavfile import audio_file_seconds, read_wav
from mock_interview.core.rounds import Phase
from mock_interview.core.sessions import SessionStore
from mock_interview.tui.screens.history import HistoryScreen
from mock_interview.tui.screens.home import HomeScreen
from mock_interview.tui.screens.round import RoundScreen
from tests.fakes import FakeRecorder, FakeTranscriber, stop_running_recorders
from tests.ui.conftest import SPOKEN_ROUND as ROUND
from tests.ui.conftest import open_the_microphone, round_status, wait_for

SPEECH = read_wav(Path(__file__).resolve().parent.parent / "data" / "jfk-16k.wav")
SPEECH_SECONDS = SPEECH.size / 16000


class Microphone(FakeRecorder):
    audio = SPEECH


async def test_a_resumed_spoken_answer_keeps_its_words_its_recording_and_its_time(make_app, clock, isolated_data_dir):
    first = make_app(start_round=ROUND, recorder_factory=Microphone, transcriber_factory=FakeTranscriber)
    async with first.run_test(size=(120, 40)) as pilot:
        screen = await open_the_microphone(pilot, first)
        assert screen.speech is not None
        microphone = screen.speech.recorder
        limit = screen.round.answer_seconds
        await wait_for(pilot, lambda: microphone.stats.seconds > SPEECH_SECONDS + 0.5)
        answer = screen.query_one("#answer", TextArea)
        await wait_for(pilot, lambda: len(answer.text.split()) >= 3)
        clock.advance(15)
        await pilot.press("ctrl+q")
    stop_running_recorders()  # the first app's microphone is closed before the second opens the file
    session = SessionStore(isolated_data_dir / "sessions").load_all()[0]
    said_before = session.answers[0].text
    recording = isolated_data_dir / session.answers[0].audio
    seconds_before = audio_file_seconds(recording)
    first_part = read_wav(recording)
    assert said_before and seconds_before > SPEECH_SECONDS

    second = make_app(recorder_factory=Microphone, transcriber_factory=FakeTranscriber)
    async with second.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(second.screen, HomeScreen))
        await pilot.press("f2")
        await wait_for(pilot, lambda: isinstance(second.screen, HistoryScreen))
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: isinstance(second.screen, RoundScreen))
        screen = second.screen
        assert screen.speech is not None
        await wait_for(pilot, lambda: "Speak now" in round_status(screen))
        assert screen.round.clock.remaining == limit - 15  # the clock goes on from the time used
        microphone = screen.speech.recorder
        answer = screen.query_one("#answer", TextArea)
        await wait_for(pilot, lambda: microphone.stats.seconds > SPEECH_SECONDS + 0.5)
        await wait_for(pilot, lambda: len(answer.text) > len(said_before) + 5)
        assert answer.text.startswith(said_before)  # the new words come after the old ones
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: screen.round.phase is Phase.ANSWERED, timeout=20)
    saved = SessionStore(isolated_data_dir / "sessions").load_all()[0].answers[0]
    assert saved.text.startswith(said_before) and len(saved.text) > len(said_before)
    assert saved.audio == session.answers[0].audio  # one recording for the whole answer
    whole = read_wav(recording)
    assert whole.size > first_part.size + SPEECH.size  # the second part was added after the first
    assert (whole[: first_part.size] == first_part).all()  # and the first was never overwritten
    assert saved.words and saved.words[-1][2] > seconds_before  # the new words are timed after the first part
    assert saved.duration_seconds is not None and saved.duration_seconds >= seconds_before
