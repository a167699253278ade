"""The interviewer's voice in a spoken round on the CI audio set-up: the question is played on the default output
(the null sink 'virt', whose monitor is the microphone), and the answer's recording starts only after it."""

from __future__ import annotations

import threading
import time
from dataclasses import replace
from pathlib import Path

from mock_interview.core.choices import AnswerMode
from mock_interview.core.context import AppContext
from mock_interview.core.planning import RoundRequest
from mock_interview.core.rounds import Phase
from mock_interview.core.sessions import SessionStore
from mock_interview.tui.app import MockInterviewApp
from mock_interview.tui.messages import RecordingStarted
from mock_interview.tui.screens.round import RoundScreen
from tests.real.conftest import SPOKEN_ANSWER, espeak_to_wav, play_into, wer
from tests.real.test_spoken_round_real import play_and_stop
from tests.speech_samples import normalise_words
from tests.ui.conftest import wait_for

ROUND = RoundRequest(("career-goals",), count=1, order="pack", mode=AnswerMode.SPOKEN, profile="")
LONG_QUESTION_ROUND = replace(ROUND, packs=("behavioral-star",))  # "Tell me about a time…": about eight seconds read
COMMON = {"what", "are", "your", "you", "do", "the", "a", "to", "in", "of", "for", "me", "about", "were", "that"}


def own_words(question: str, answer: str) -> set[str]:
    """The question's words that are neither common nor in the answer: heard in a transcript only if recorded."""
    return set(normalise_words(question)) - set(normalise_words(answer)) - COMMON


class TimedVoice:
    """The app's own voice on the default output, noting when each reading began and ended."""

    def __init__(self) -> None:
        self.readings: list[tuple[str, float, float, float]] = []  # text, began, ended, seconds played

    def __call__(self, text: str, *, stop: threading.Event) -> float:
        from mock_interview.audio.voice import speak

        began = time.monotonic()
        seconds = speak(text, stop=stop)
        self.readings.append((text, began, time.monotonic(), seconds))
        return seconds


async def test_the_question_is_heard_before_the_answer_and_never_recorded_into_it(
    tmp_path: Path, null_sink, isolated_data_dir
):
    answer_wav = espeak_to_wav(SPOKEN_ANSWER, tmp_path / "answer.wav")
    voice = TimedVoice()
    recording_started: list[float] = []

    def hook(message) -> None:
        if isinstance(message, RecordingStarted):
            recording_started.append(time.monotonic())

    app = MockInterviewApp(AppContext.from_options(str(isolated_data_dir)), start_round=ROUND, speaker=voice)
    async with app.run_test(size=(120, 40), message_hook=hook) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
        screen = app.screen
        assert isinstance(screen, RoundScreen) and screen.speech is not None and screen.round.turn is not None
        round_voice = screen.voice
        assert round_voice.on  # by default in a spoken round
        question = screen.round.turn.text
        speech = screen.speech
        await wait_for(pilot, lambda: speech.model_ready, timeout=60)
        await wait_for(pilot, lambda: bool(voice.readings) and not round_voice.reading, timeout=60)
        text, _, read_end, played = voice.readings[0]
        assert text == question and played > 1.5  # the whole question, on the real output
        assert not round_voice.unavailable
        await pilot.press("ctrl+s")  # the think time ends: the microphone opens
        await wait_for(pilot, lambda: bool(recording_started), timeout=30)
        assert recording_started[0] > read_end
        await play_and_stop(pilot, null_sink, answer_wav)
        await wait_for(pilot, lambda: screen.round.phase is Phase.ANSWERED, timeout=60)
    answer = SessionStore(isolated_data_dir / "sessions").load_all()[0].answers[0]
    assert wer(SPOKEN_ANSWER, answer.text) <= 0.2, answer.text
    # the question's own words (those the answer does not use) are not in the transcript
    own = own_words(question, SPOKEN_ANSWER)
    assert own and not own & set(normalise_words(answer.text)), answer.text


async def test_answering_while_the_question_is_read_stops_it_first(tmp_path: Path, null_sink, isolated_data_dir):
    voice = TimedVoice()
    recording_started: list[float] = []

    def hook(message) -> None:
        if isinstance(message, RecordingStarted):
            recording_started.append(time.monotonic())

    app = MockInterviewApp(
        AppContext.from_options(str(isolated_data_dir)), start_round=LONG_QUESTION_ROUND, speaker=voice
    )
    async with app.run_test(size=(120, 40), message_hook=hook) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
        screen = app.screen
        assert isinstance(screen, RoundScreen) and screen.speech is not None and screen.round.turn is not None
        speech = screen.speech
        await wait_for(pilot, lambda: speech.model_ready, timeout=60)
        if voice.readings:  # the model took longer than the question: hear it again to answer over it
            await pilot.press("f9")
        round_voice = screen.voice
        await wait_for(pilot, lambda: round_voice.reading, timeout=10)
        started = time.monotonic()
        await wait_for(pilot, lambda: time.monotonic() - started > 1.0)  # a second into the reading
        await pilot.press("ctrl+s")  # answer now
        await wait_for(pilot, lambda: bool(recording_started), timeout=30)
        text, _, read_end, played = voice.readings[-1]
        assert played < 5.0  # stopped early: the whole question takes about eight seconds
        assert recording_started[0] > read_end  # and the microphone opened only after it had stopped
        player = play_into(null_sink, espeak_to_wav("Thank you for the question.", tmp_path / "short.wav"))
        await wait_for(pilot, lambda: player.poll() is not None, timeout=60, what="the answer played to its end")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: screen.round.phase is Phase.ANSWERED, timeout=60)
    answer = SessionStore(isolated_data_dir / "sessions").load_all()[0].answers[0]
    own = own_words(text, "Thank you for the question.")
    assert own and not own & set(normalise_words(answer.text)), answer.text
