"""The bundled tiny.en model on real audio: espeak-ng speech and a recording of a human voice."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np

from mock_interview.audio.wavfile import read_wav
from mock_interview.transcription.streaming import StreamingTranscriber
from tests.real.conftest import DATA, JFK_WORDS, SPOKEN_ANSWER, espeak_to_wav, wer


def test_espeak_answer_word_error_rate(tmp_path: Path, bundled_transcriber):
    wav = espeak_to_wav(SPOKEN_ANSWER, tmp_path / "answer.wav")
    transcript = bundled_transcriber.transcribe(read_wav(wav))
    assert wer(SPOKEN_ANSWER, transcript.text) <= 0.10, transcript.text
    assert transcript.words and transcript.words[-1][2] <= transcript.duration + 0.5


def test_human_speech_word_error_rate(bundled_transcriber):
    transcript = bundled_transcriber.transcribe(read_wav(DATA / "jfk-16k.wav"))
    assert wer(JFK_WORDS, transcript.text) <= 0.10, transcript.text


def test_streaming_matches_whole_file(tmp_path: Path, bundled_transcriber):
    text = " ".join([SPOKEN_ANSWER] * 3)
    audio = read_wav(espeak_to_wav(text, tmp_path / "long.wav"))
    stream = StreamingTranscriber(bundled_transcriber, min_piece=6, max_piece=20)
    for start in range(0, audio.size, 1600):
        stream.feed(audio[start : start + 1600])
    transcript = stream.finish()
    assert stream.chunks >= 2
    assert wer(text, transcript.text) <= 0.12, transcript.text
    starts = [w[1] for w in transcript.words]
    assert starts == sorted(starts) and starts[-1] > 0.6 * audio.size / 16000


def test_transcribe_command_json(tmp_path: Path):
    result = subprocess.run(
        [sys.executable, "-m", "mock_interview", "transcribe", str(DATA / "jfk-16k.wav"), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    data = json.loads(result.stdout)
    assert wer(JFK_WORDS, data["text"]) <= 0.10
    assert 10 < data["duration"] < 12
    assert {"word", "start", "end"} <= set(data["words"][0])
    assert 80 < data["wpm"] < 200


def test_unclosed_wav_transcribes(tmp_path: Path, bundled_transcriber):
    from mock_interview.audio.wavfile import IncrementalWav

    audio = read_wav(DATA / "jfk-16k.wav")
    wav = IncrementalWav(tmp_path / "open.wav")
    wav.write(audio)
    transcript = bundled_transcriber.transcribe(read_wav(tmp_path / "open.wav"))
    assert wer(JFK_WORDS, transcript.text) <= 0.10
    wav.close()
    assert np.allclose(read_wav(tmp_path / "open.wav")[:100], audio[:100], atol=1e-3)


def test_a_recording_left_running_after_the_words_is_transcribed(tmp_path: Path):
    """The JFK speech, then 90 s of silence (more than a file's backlog): `transcribe` ends with the words."""
    from mock_interview.audio.wavfile import IncrementalWav

    audio = read_wav(DATA / "jfk-16k.wav")
    wav = IncrementalWav(tmp_path / "left-on.wav")
    wav.write(np.concatenate([audio, np.zeros(90 * 16000, dtype=np.float32)]))
    wav.close()
    result = subprocess.run(
        [sys.executable, "-m", "mock_interview", "transcribe", str(tmp_path / "left-on.wav"), "--json"],
        capture_output=True,
        text=True,
        timeout=300,  # it waited for ever before
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert wer(JFK_WORDS, data["text"]) <= 0.10, data["text"]
    assert data["duration"] > 100
