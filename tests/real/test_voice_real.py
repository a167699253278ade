"""The interviewer's voice, for real: espeak-ng's bundled library, the app's own model, the CI microphone."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from mock_interview.audio.wavfile import read_wav
from mock_interview.transcription.streaming import transcribe_file
from tests.cli_runner import run_cli
from tests.real.conftest import wer

pytestmark = pytest.mark.real

QUESTION_ID = "career-goals/long-term-goals"
QUESTIONS = [
    "What are your long-term career goals?",
    "Tell me about a time you made a process more efficient.",
    "Why do you want to work for our company?",
    "Describe a situation where you had to meet a tight deadline.",
    "How does this role fit into your plans for the next five years?",
]


def test_say_writes_the_question_the_apps_model_hears_back(tmp_path: Path, capsys):
    """The WAV that 'say --question-id' writes, transcribed by the bundled tiny.en model, is the question."""
    from mock_interview.core.packs import discover_packs

    question = discover_packs().find_question(QUESTION_ID)
    assert question is not None
    out = tmp_path / "question.wav"
    code, _, err = run_cli(capsys, "say", "--question-id", QUESTION_ID, "-o", str(out))
    assert code == 0, err
    transcript = transcribe_file(out, "bundled")  # as 'mock-interview transcribe' reads a file
    assert wer(question.text, transcript.text) <= 0.25, transcript.text
    rates = []
    for number, text in enumerate(QUESTIONS):
        wav = tmp_path / f"q{number}.wav"
        assert run_cli(capsys, "say", text, "-o", str(wav))[0] == 0
        rates.append(wer(text, transcribe_file(wav, "bundled").text))
    assert sum(rates) / len(rates) <= 0.25, rates


def test_the_question_is_heard_by_the_microphone_and_over_when_speak_returns(
    tmp_path: Path, null_sink, bundled_transcriber, monkeypatch
):
    """speak() plays into the virtual microphone (the recorder hears the question); a recording started
    when it returns holds none of it, so a round can open the microphone right after the question."""
    from mock_interview.audio.recorder import Recorder
    from mock_interview.audio.voice import speak

    monkeypatch.setenv("PULSE_SINK", null_sink)  # play into the sink whose monitor is the default input
    during = Recorder(tmp_path / "during.wav")
    during.start()
    assert during.wait_until_live(5.0)
    played = speak(QUESTIONS[1])
    time.sleep(0.5)
    during.stop()
    assert played > 2.0
    heard = bundled_transcriber.transcribe(read_wav(tmp_path / "during.wav"))
    assert wer(QUESTIONS[1], heard.text) <= 0.25, heard.text

    speaking = threading.Thread(target=speak, args=(QUESTIONS[0],))
    speaking.start()
    speaking.join(timeout=30)  # a round's worker: the question first ...
    after = Recorder(tmp_path / "after.wav")  # ... then the microphone
    after.start()
    assert after.wait_until_live(5.0)
    time.sleep(2.0)
    stats = after.stop()
    assert stats.seconds >= 1.5
    assert stats.peak_rms < 0.005, stats.peak_rms  # silence: the question was over (the null sink adds no noise)
    assert during.stats.peak_rms > 0.02


def test_speak_can_be_stopped(null_sink, monkeypatch):
    from mock_interview.audio.voice import speak

    monkeypatch.setenv("PULSE_SINK", null_sink)
    stop = threading.Event()
    timer = threading.Timer(0.5, stop.set)
    timer.start()
    started = time.monotonic()
    played = speak(" ".join(QUESTIONS), stop=stop)
    assert time.monotonic() - started < 3.0
    assert played < 3.0
