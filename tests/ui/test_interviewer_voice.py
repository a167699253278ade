"""The interviewer's voice in a round (a fake speaker): the question is read before the think time, the clock
and the microphone wait for it, f4 reads it again, leaving stops it, no sound output is one line."""

from __future__ import annotations

import threading
import time
from dataclasses import replace

from mock_interview.audio.errors import AudioUnavailable
from mock_interview.core.choices import AnswerMode
from mock_interview.core.planning import RoundRequest
from mock_interview.core.rounds import Phase
from mock_interview.tui.screens.round import RoundScreen
from mock_interview.tui.voice import READING, voice_on
from tests.fakes import FakeRecorder, FakeTranscriber
from tests.ui.conftest import notifications, settled, wait_for

SPOKEN = RoundRequest(("career-goals",), count=2, order="pack", mode=AnswerMode.SPOKEN, profile="")
TYPED = replace(SPOKEN, mode=AnswerMode.TYPED)


class Speaker:
    """Reads nothing aloud: each reading lasts until the test releases it or the round stops it."""

    def __init__(self, problem: Exception | None = None, linger: float = 0.0) -> None:
        self.linger = linger  # how long the output takes to stop once told to (a device draining its buffer)
        self.texts: list[str] = []
        self.stops: list[threading.Event] = []
        self.release = threading.Event()
        self.ended: list[float] = []  # when each reading returned (time.monotonic)
        self.problem = problem
        self.heard_by_microphone = False

    def __call__(self, text: str, *, stop: threading.Event) -> float:
        self.texts.append(text)
        self.stops.append(stop)
        if self.problem is not None:
            raise self.problem
        while not (self.release.is_set() or stop.is_set()):
            time.sleep(0.01)
        # the output takes a while to stop: had the round opened the microphone meanwhile, it would hear this
        deadline = time.monotonic() + self.linger
        while time.monotonic() < deadline and not Microphone.opened:
            time.sleep(0.01)
        self.heard_by_microphone = bool(Microphone.opened)
        self.ended.append(time.monotonic())
        return 3.0


class Microphone(FakeRecorder):
    """Notes when it was opened."""

    opened: list[float] = []

    def start(self) -> None:
        Microphone.opened.append(time.monotonic())
        super().start()


def phase_line(screen: RoundScreen) -> str:
    return str(screen.query_one("#phase").render())


def test_the_voice_is_on_for_spoken_rounds_by_default():
    assert voice_on("spoken", "spoken") and not voice_on("spoken", "typed")
    assert voice_on("always", "typed") and not voice_on("off", "spoken")


async def test_the_question_is_read_before_the_think_time_and_the_clock_waits(make_app, clock):
    speaker = Speaker()
    app = make_app(
        start_round=SPOKEN, speaker=speaker, recorder_factory=Microphone, transcriber_factory=FakeTranscriber
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen) and speaker.texts)
        screen = app.screen
        assert speaker.texts == [screen.round.turn.text]
        assert screen.round.phase is Phase.THINKING and READING in phase_line(screen)
        think = screen.round.clock.remaining
        clock.advance(5)
        screen.tick()  # a tick after the 5 s have gone by
        await settled(pilot, workers=False)  # the question is still being read (a worker)
        assert screen.round.clock.remaining == think  # no think time lost while the question is read
        await pilot.press("f9")  # again, from the start, while it reads
        await wait_for(pilot, lambda: len(speaker.texts) == 2 and speaker.stops[0].is_set())
        speaker.release.set()
        await wait_for(pilot, lambda: not screen.voice.reading)
        assert "Think time" in phase_line(screen)
        clock.advance(2)
        assert screen.round.clock.remaining == think - 2
        await pilot.press("f8", "enter")


async def test_ctrl_s_while_reading_stops_it_and_the_microphone_opens_only_after(make_app):
    speaker = Speaker(linger=1.5)
    Microphone.opened = []
    app = make_app(
        start_round=SPOKEN, speaker=speaker, recorder_factory=Microphone, transcriber_factory=FakeTranscriber
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen) and speaker.texts)
        screen = app.screen
        await wait_for(pilot, lambda: screen.speech.model_ready)
        await pilot.press("ctrl+s")  # answer now
        await wait_for(pilot, lambda: Microphone.opened)
        assert speaker.stops[0].is_set()
        assert not speaker.heard_by_microphone  # never opened while the question plays
        assert speaker.ended and Microphone.opened[0] >= speaker.ended[0]
        await wait_for(pilot, lambda: screen.round.phase is Phase.ANSWERING and not screen.round.waiting_for_audio)
        await pilot.press("f9")  # not while the microphone is open
        await settled(pilot, workers=False)
        assert len(speaker.texts) == 1
        await pilot.press("f8", "enter")


async def test_f4_reads_the_question_again_and_leaving_stops_the_reading(make_app):
    speaker = Speaker()
    app = make_app(start_round=TYPED, speaker=speaker)
    app.settings = app.settings.updated(voice="always")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen) and speaker.texts)
        screen = app.screen
        speaker.release.set()
        await wait_for(pilot, lambda: not screen.voice.reading)
        speaker.release.clear()
        await pilot.press("f9")
        await wait_for(pilot, lambda: len(speaker.texts) == 2 and screen.voice.reading)
        assert speaker.texts[1] == speaker.texts[0]
        await pilot.press("f8", "enter")  # leaving: the speakers stop now
        await wait_for(pilot, lambda: speaker.stops[1].is_set())


async def test_no_sound_output_is_one_line_and_the_round_goes_on_silently(make_app):
    speaker = Speaker(AudioUnavailable("no sound output (no default output device); connect speakers"))
    app = make_app(start_round=TYPED, speaker=speaker)
    app.settings = app.settings.updated(voice="always", prep_seconds=10)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen) and speaker.texts)
        screen = app.screen
        await wait_for(pilot, lambda: screen.voice.unavailable)
        told = [n for n in notifications(app) if "not read aloud" in str(n.message)]
        assert len(told) == 1 and "no sound output" in str(told[0].message)
        assert not screen.round.clock.paused and "Think time" in phase_line(screen)
        await pilot.press("ctrl+s")
        screen.query_one("#answer").insert("I want to lead a support team within three years.")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: screen.round.phase is Phase.ANSWERED)
        await pilot.press("f6")  # the next question: not read, and nothing said again
        await wait_for(pilot, lambda: screen.round.position == 1)
        assert len(speaker.texts) == 1
        assert len([n for n in notifications(app) if "not read aloud" in str(n.message)]) == 1


async def test_a_typed_round_is_not_read_by_default(make_app):
    speaker = Speaker()
    app = make_app(start_round=TYPED, speaker=speaker)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
        await settled(pilot)
        assert not app.screen.voice.on and speaker.texts == []


async def test_the_voice_setting_is_saved_from_settings(make_app, isolated_data_dir):
    from textual.widgets import Select

    from mock_interview.core.settings import load_settings
    from mock_interview.tui.screens.settings import SettingsScreen

    app = make_app()
    assert app.settings.voice == "spoken"
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f4")
        await wait_for(pilot, lambda: isinstance(app.screen, SettingsScreen))
        app.screen.query_one("#voice", Select).value = "off"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.settings.voice == "off")
    assert load_settings(isolated_data_dir / "settings.toml")[0].voice == "off"
