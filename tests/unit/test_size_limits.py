"""Size limits with a message.

Answers capped in words, long pasted lines broken, audio headers checked, special files refused.
"""

from __future__ import annotations

import os
import struct
import time
from pathlib import Path

import numpy as np
import pytest

from mock_interview.audio.wavfile import AudioFileRefused, audio_file_seconds, iter_audio_blocks, read_wav
from mock_interview.core.answer_limits import (
    LINE_PIECE_CHARS,
    LONG_LINE_CHARS,
    MAX_ANSWER_WORDS,
    answer_cut,
    capped,
    with_line_breaks,
)
from mock_interview.core.feedback import QuestionInfo, analyse
from mock_interview.core.fsutil import NotRegularFileError
from tests.cli_runner import run_cli
from tests.corpus import load_corpus


def prose(words: int) -> str:
    tokens = " ".join(a.text for a in load_corpus()).split()
    return " ".join((tokens * (words // len(tokens) + 1))[:words])


def test_an_answer_is_cut_after_the_cap_and_a_short_one_is_untouched():
    short = prose(300)
    assert answer_cut(short) is None and capped(short) == short
    long = prose(MAX_ANSWER_WORDS + 500)
    kept = capped(long)
    assert len(kept.split()) == MAX_ANSWER_WORDS and long.startswith(kept)


def test_a_one_line_paste_is_broken_at_sentence_ends_and_reads_the_same():
    text = prose(5000)
    assert "\n" not in text
    broken = with_line_breaks(text)
    lines = broken.split("\n")
    assert len(lines) > 5 and max(len(line) for line in lines) < LONG_LINE_CHARS
    assert all(line.rstrip().endswith((".", "!", "?", ";", '"', "'", ")")) for line in lines[:-1])
    assert broken.replace("\n", " ") == text  # the same characters: a space became a line break
    info = QuestionInfo("Tell me about a time you improved a process.", "behavioral", 600)
    before, after = analyse(text, info), analyse(broken, info)
    assert after.score == before.score  # the same checklist: each check's verdict is the same
    assert [(c.id, c.status) for c in after.checks] == [(c.id, c.status) for c in before.checks]
    typed = prose(120)  # a normal paragraph
    assert with_line_breaks(typed) == typed
    assert LINE_PIECE_CHARS < LONG_LINE_CHARS


def _wav_claiming(path: Path, rate: int, frames_of_data: int) -> Path:
    data = np.zeros(frames_of_data, dtype="<i2").tobytes()
    header = struct.pack(
        "<4sI4s4sIHHIIHH4sI",
        b"RIFF",
        36 + len(data),
        b"WAVE",
        b"fmt ",
        16,
        1,
        1,
        rate,
        rate * 2,
        2,
        16,
        b"data",
        len(data),
    )
    path.write_bytes(header + data)
    return path


def test_a_wav_whose_header_claims_an_absurd_rate_is_refused_before_decoding(tmp_path: Path):
    wav = _wav_claiming(tmp_path / "one-hertz.wav", 1, 200_000)  # 400 KB: 55 hours of "audio" at 1 Hz
    began = time.monotonic()
    for read in (read_wav, audio_file_seconds, lambda p: list(iter_audio_blocks(p))):
        with pytest.raises(AudioFileRefused, match="1 samples a second, which no recording uses"):
            read(wav)
    assert time.monotonic() - began < 1.0


def test_transcribe_refuses_an_absurd_header_in_one_line(tmp_path: Path, capsys):
    wav = _wav_claiming(tmp_path / "one-hertz.wav", 1, 200_000)
    code, _, err = run_cli(capsys, "transcribe", str(wav))
    assert code == 1 and err.count("\n") == 1 and "no recording uses" in err


def test_a_fifo_is_refused_before_it_is_opened(tmp_path: Path, capsys):
    fifo = tmp_path / "answer.wav"
    os.mkfifo(fifo)
    began = time.monotonic()
    with pytest.raises(NotRegularFileError, match="FIFO"):
        read_wav(fifo)
    code, _, err = run_cli(capsys, "transcribe", str(fifo))
    assert code == 1 and "FIFO" in err and err.count("\n") == 1
    assert time.monotonic() - began < 5  # never waits for a writer
