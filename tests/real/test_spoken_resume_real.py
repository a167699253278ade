"""A resumed spoken answer through the real device: the recording goes on at the end of its file, and the model
hears both parts (the first part's audio never overwritten, the new words timed after it)."""

from __future__ import annotations

import stat
import time
from pathlib import Path

import numpy as np

from mock_interview.audio.wavfile import read_wav, recorded_frames
from tests.real.conftest import espeak_to_wav, play_into, wer

FIRST = "In my last job, I was responsible for the customer support team. I wrote a new guide for common problems."
SECOND = "My long term goal is to become a product manager. In the next two years, I want to lead a product launch."


def speak_into(sink: str, wav: Path, path: Path, transcriber, **options):
    from mock_interview.transcription.live import LiveAnswer

    live = LiveAnswer(path, transcriber, **options)
    live.start()  # returns once audio flows
    player = play_into(sink, wav)
    player.wait(timeout=60)
    time.sleep(1.0)  # the last word reaches the recorder
    return live.stop()


def test_a_resumed_answer_records_after_its_first_part_and_is_transcribed_whole(
    null_sink, bundled_transcriber, tmp_path: Path
):
    path = tmp_path / "answer.wav"
    first = speak_into(null_sink, espeak_to_wav(FIRST, tmp_path / "first.wav"), path, bundled_transcriber)
    assert wer(FIRST, first.transcript.text) <= 0.2, first.transcript.text
    first_audio = read_wav(path)
    first_seconds = recorded_frames(path) / 16000

    second = speak_into(
        null_sink,
        espeak_to_wav(SECOND, tmp_path / "second.wav"),
        path,
        bundled_transcriber,
        append=True,
        earlier_text=first.transcript.text,
    )
    text = second.transcript.text
    assert text.startswith(first.transcript.text)  # the words said before are kept as they were
    assert wer(f"{FIRST} {SECOND}", text) <= 0.2, text
    whole = read_wav(path)
    assert np.array_equal(whole[: first_audio.size], first_audio)  # the first part is never overwritten
    assert whole.size > first_audio.size + 16000 * 3
    later = second.transcript.words[len(first.transcript.words) :]
    assert later and later[0][1] >= first_seconds - 0.05  # the new words are timed after the first part
    assert second.stats.seconds == recorded_frames(path) / 16000
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
