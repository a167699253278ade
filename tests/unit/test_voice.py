"""The interviewer's voice: espeak-ng's bundled library, ``say``, and no output device said in one line."""

from __future__ import annotations

import os
import wave
from pathlib import Path

import numpy as np
import pytest

from mock_interview.audio import voice
from mock_interview.audio.devices import AudioUnavailable
from tests.cli_runner import run_cli

QUESTION = "Where do you see yourself in five years?"


def test_synthesize_speaks_the_text_with_silence_around_it():
    samples, rate = voice.synthesize(QUESTION)
    assert rate == 22050 and samples.dtype == np.float32
    padding = int(rate * voice.PADDING_SECONDS)
    assert np.abs(samples[: padding - 10]).max() == 0 and np.abs(samples[-padding + 10 :]).max() == 0
    assert np.abs(samples).max() > 0.1
    seconds = samples.size / rate - 2 * voice.PADDING_SECONDS
    assert 1.0 < seconds < 5.0  # 8 words at 130 a minute is about 3.7 s
    longer, _ = voice.synthesize(QUESTION + " " + QUESTION)
    assert longer.size > samples.size * 1.5


def test_control_characters_and_markup_are_only_text():
    as_text, _ = voice.synthesize("Hello [2J there")
    hostile, _ = voice.synthesize("Hello\x1b[2J\x07 there")  # the control characters are dropped, not sent
    assert abs(hostile.size - as_text.size) < 0.02 * as_text.size  # espeak-ng varies by a few samples
    ssml, rate = voice.synthesize('Hello <break time="20s"/> there')  # never read as SSML: no 20 s pause
    assert ssml.size / rate < 10


@pytest.mark.parametrize("text", ["", "   \n\t", "x" * (voice.MAX_TEXT_CHARS + 1)])
def test_nothing_or_too_much_to_say_is_refused(text):
    with pytest.raises(ValueError):
        voice.synthesize(text)


def test_say_writes_a_wav_and_never_over_a_file_without_force(isolated_data_dir, capsys, tmp_path: Path):
    out = tmp_path / "q.wav"
    code, _, err = run_cli(capsys, "say", "--question-id", "career-goals/long-term-goals", "-o", str(out))
    assert code == 0 and "wrote" in err
    with wave.open(str(out)) as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, 22050)
        assert wav.getnframes() > 22050
    before = out.read_bytes()
    code, _, err = run_cli(capsys, "say", "Something else", "-o", str(out))
    assert code == 1 and "--force" in err and out.read_bytes() == before
    assert run_cli(capsys, "say", "Something else entirely", "-o", str(out), "--force")[0] == 0
    assert out.read_bytes() != before


def test_say_refuses_links_special_files_and_other_suffixes(isolated_data_dir, capsys, tmp_path: Path):
    target = tmp_path / "target.wav"
    target.write_bytes(b"keep")
    link = tmp_path / "link.wav"
    link.symlink_to(target)
    fifo = tmp_path / "fifo.wav"
    os.mkfifo(fifo)
    for path in (link, fifo):
        code, _, err = run_cli(capsys, "say", "hello", "-o", str(path), "--force")
        assert code == 1 and "not written" in err and len(err.strip().splitlines()) == 1
    assert target.read_bytes() == b"keep"
    code, _, err = run_cli(capsys, "say", "hello", "-o", str(tmp_path / "q.mp3"))
    assert code == 2 and ".wav" in err


def test_say_needs_text_or_a_known_question(isolated_data_dir, capsys):
    assert run_cli(capsys, "say")[0] == 2
    code, _, err = run_cli(capsys, "say", "--question-id", "nope/nope")
    assert code == 1 and "no question 'nope/nope'" in err


def test_no_output_device_is_one_clear_line(isolated_data_dir, capsys, monkeypatch):
    sd = pytest.importorskip("sounddevice")

    def no_device(*args, **kwargs):
        raise sd.PortAudioError("Error querying device -1")

    monkeypatch.setattr(sd, "OutputStream", no_device)
    with pytest.raises(AudioUnavailable, match="no sound output"):
        voice.speak(QUESTION)
    code, _, err = run_cli(capsys, "say", QUESTION)
    assert code == 1 and "no sound output" in err and len(err.strip().splitlines()) == 1
