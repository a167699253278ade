"""A spoken answer whose recording stops underneath the user: said at once, the answer kept and scored, f7 retries."""

from __future__ import annotations

from pathlib import Path

from mock_interview.audio.wavfile import read_wav
from mock_interview.core.rounds import Phase
from mock_interview.core.sessions import SessionStore
from mock_interview.tui.screens.review import ReviewScreen
from mock_interview.tui.screens.round import RoundScreen
from tests.fakes import FakeRecorder, FakeTranscriber
from tests.ui.conftest import SPOKEN_ROUND as ROUND
from tests.ui.conftest import notification_text, open_the_microphone, round_status, wait_for

SPOKEN = read_wav(Path(__file__).resolve().parent.parent / "data" / "jfk-16k.wav")  # speech, for the speech gate


class Microphone(FakeRecorder):
    audio = SPOKEN


async def test_an_unplugged_microphone_is_said_at_once_and_the_answer_so_far_is_kept_and_scored(
    make_app, isolated_data_dir
):
    app = make_app(start_round=ROUND, recorder_factory=Microphone, transcriber_factory=FakeTranscriber)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_the_microphone(pilot, app)
        assert screen.speech is not None
        microphone = screen.speech.recorder
        await wait_for(pilot, lambda: microphone.stats.seconds > SPOKEN.size / 16000 + 0.5)  # all of it said
        microphone.unplugged.set()
        await wait_for(pilot, lambda: screen.round.phase is Phase.ANSWERED, timeout=20)
        notes = notification_text(app)
        assert "the microphone stopped" in notes and "kept" in notes and "f7" in notes
        assert "Score" in round_status(screen)
        answer = screen.round.session.answers[-1]
        assert answer.text and answer.score is not None and answer.audio
        said = answer.text
        await pilot.press("f7")  # the user can try again
        await wait_for(pilot, lambda: screen.round.phase in (Phase.THINKING, Phase.ANSWERING))
        await pilot.press("f8", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen))
    saved = SessionStore(isolated_data_dir / "sessions").load_all()[0].answers[0]
    assert saved.text == said and saved.status == "answered"
    assert isinstance(screen, RoundScreen)


async def test_a_spoken_round_whose_disk_fills_stops_recording_says_why_and_f8_still_works(
    make_app, isolated_data_dir, monkeypatch
):
    from mock_interview.tui.screens.home import HomeScreen
    from tests import fake_sounddevice
    from tests.faults import FullDisk

    fake_sounddevice.install(monkeypatch)  # the real recorder, over a stand-in device
    app = make_app(start_round=ROUND, transcriber_factory=FakeTranscriber)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_the_microphone(pilot, app)
        assert screen.speech is not None
        recorder = screen.speech.recorder
        await wait_for(pilot, lambda: recorder.stats.seconds >= 0.3)  # some audio is on disk
        disk = FullDisk(monkeypatch)
        await wait_for(pilot, lambda: "disk is full" in notification_text(app))
        speech = screen.speech
        assert speech is not None
        await wait_for(pilot, lambda: screen.round.phase is not Phase.TRANSCRIBING and not speech.active)
        assert screen.round.phase is not Phase.TRANSCRIBING  # not stuck on "Finishing the transcript…"
        await pilot.press("f8", "enter")  # crashed before, on the save the full disk refused
        await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen))
        disk.free()
        await pilot.press("escape")  # leaving Review saves what the disk refused
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
    answer = SessionStore(isolated_data_dir / "sessions").load_all()[0].answers[0]
    assert answer.audio and (isolated_data_dir / answer.audio).stat().st_size > 44
