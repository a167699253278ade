"""A spoken answer left mid-recording and resumed goes on: its recording, its text and its clock continue."""

from __future__ import annotations

import stat
import time
from pathlib import Path

import numpy as np
import pytest

from mock_interview.audio.wavfile import AudioFileRefused, IncrementalWav, read_wav, recorded_frames
from mock_interview.core.clock import Clock
from mock_interview.core.datadir import DataDir
from mock_interview.core.packs import discover_packs
from mock_interview.core.rounds import Round
from tests.fakes import RATE, FakeClock, FakeRecorder, FakeTranscriber
from tests.lookups import draft_of, question_of
from tests.unit.test_recording_file import spoken_round

SPEECH = read_wav(Path(__file__).resolve().parent.parent / "data" / "jfk-16k.wav")


def tone(seconds: float, frequency: float) -> np.ndarray:
    t = np.arange(int(seconds * RATE)) / RATE
    return (0.3 * np.sin(2 * np.pi * frequency * t)).astype(np.float32)


def test_a_recording_goes_on_at_its_end_and_stays_private(tmp_path: Path):
    path = tmp_path / "a.wav"
    first = IncrementalWav(path)
    first.write(tone(1.0, 440))
    first.close()
    path.chmod(0o644)  # widened by hand: the recording is made private again
    second = IncrementalWav(path, append=True)
    assert second.earlier_frames == RATE
    second.write(tone(0.5, 880))
    second.close()
    audio = read_wav(path)
    assert audio.size == int(1.5 * RATE)
    assert np.allclose(audio[:RATE], tone(1.0, 440), atol=1e-3)  # the first part untouched
    assert np.allclose(audio[RATE:], tone(0.5, 880), atol=1e-3)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_block_whose_header_update_never_landed_is_cut_before_going_on(tmp_path: Path):
    path = tmp_path / "a.wav"
    wav = IncrementalWav(path)
    wav.write(tone(1.0, 440))
    wav.close()
    with path.open("ab") as file:  # the writer was killed between a block and its header update
        file.write(b"\x01\x02\x03")
    assert recorded_frames(path) == RATE
    again = IncrementalWav(path, append=True)
    again.write(tone(0.25, 880))
    again.close()
    assert read_wav(path).size == int(1.25 * RATE)
    assert path.stat().st_size == 44 + int(1.25 * RATE) * 2


def test_a_file_that_is_not_our_recording_is_left_alone(tmp_path: Path):
    path = tmp_path / "a.wav"
    path.write_bytes(b"not audio at all, but somebody's words" * 4)
    before = path.read_bytes()
    with pytest.raises(AudioFileRefused, match="not a recording this app wrote"):
        IncrementalWav(path, append=True)
    assert path.read_bytes() == before


class Microphone(FakeRecorder):
    audio = SPEECH


def record(path: Path, **options: object):
    from mock_interview.transcription.live import LiveAnswer

    live = LiveAnswer(path, FakeTranscriber(), recorder_factory=Microphone, **options)  # type: ignore[arg-type]
    live.start()
    deadline = time.monotonic() + 20
    while live.recorder.stats.seconds < SPEECH.size / RATE + 0.5 and time.monotonic() < deadline:
        time.sleep(0.02)
    return live, live.stop()


def test_a_resumed_live_answer_keeps_the_text_said_before_and_times_the_new_words_after_it(tmp_path: Path):
    path = tmp_path / "a.wav"
    _, first = record(path)
    assert first.heard_speech and first.transcript.words
    first_seconds = recorded_frames(path) / RATE
    updates: list[str] = []
    live, second = record(path, append=True, earlier_text="What was said before.", on_update=updates.append)
    assert live.earlier_seconds == pytest.approx(first_seconds)
    assert updates and all(text.startswith("What was said before. ") for text in updates)
    assert second.transcript.text.startswith("What was said before. ")
    assert second.transcript.text.endswith(first.transcript.text)  # the same speech again, after the first part
    new_words = second.transcript.words[len(first.transcript.words) :]
    assert second.transcript.words[: len(first.transcript.words)] == first.transcript.words  # times of the first part
    assert new_words and min(start for _, start, _ in new_words) >= first_seconds
    whole = recorded_frames(path) / RATE
    assert second.stats.seconds == pytest.approx(whole, abs=0.01)  # the answer's length is the whole file's
    assert whole > 2 * (SPEECH.size / RATE)


def test_a_resumed_live_answer_with_nothing_new_said_still_has_its_words(tmp_path: Path):
    from mock_interview.transcription.live import LiveAnswer

    class Silent(FakeRecorder):
        audio = np.zeros(RATE, dtype=np.float32)

    path = tmp_path / "a.wav"
    _, first = record(path)
    live = LiveAnswer(path, FakeTranscriber(), recorder_factory=Silent, append=True, earlier_text=first.transcript.text)
    live.start()
    result = live.stop()
    assert result.heard_speech and result.transcript.text == first.transcript.text


def test_a_resumed_spoken_answer_goes_on_in_its_file_and_from_the_time_it_had_used(tmp_path: Path):
    data = DataDir(tmp_path / "data")
    round_ = spoken_round(data)
    path = round_.begin_recording_file(data)
    round_.audio_started()
    wav = IncrementalWav(path)
    wav.write(tone(1.0, 440))
    wav.close()
    limit = round_.answer_seconds
    assert isinstance(round_.clock.source, FakeClock)
    round_.clock.source.advance(15)
    round_.save_draft("In my last role I was a analyst.")  # quit here: ctrl+q saves the draft
    session = round_.store.load(round_.session.id)
    packs = discover_packs()
    questions = [question_of(packs, ref) for ref in session.remaining_plan()]
    fake = FakeClock()
    resumed = Round(
        session=session,
        store=round_.store,
        questions=questions,
        clock=Clock(fake),
        prep_seconds_override=0,
        follow_ups=False,
    )
    resumed.begin()
    resumed.wait_for_audio()
    assert resumed.clock.remaining == limit - 15  # waiting for the microphone: the time used stays used
    assert resumed.earlier_recording(data) == path
    assert resumed.begin_recording_file(data) == path  # the same file: it goes on, never overwritten
    assert draft_of(resumed).audio == session.answers[0].audio
    assert draft_of(resumed).text == "In my last role I was a analyst."
    fake.advance(3)
    resumed.audio_started()
    fake.advance(2)
    assert resumed.clock.remaining == limit - 17


def test_a_new_answer_never_takes_an_earlier_answers_file(tmp_path: Path):
    data = DataDir(tmp_path / "data")
    round_ = spoken_round(data)
    assert round_.earlier_recording(data) is None  # a new answer names no file yet
    round_.begin_recording_file(data)
    assert round_.earlier_recording(data) is None  # named, but no audio in it yet: nothing to go on from


def test_a_spoken_attempt_that_heard_nobody_stays_spoken_unless_typed(tmp_path: Path):
    data = DataDir(tmp_path / "data")
    round_ = spoken_round(data)
    round_.begin_recording_file(data)
    round_.audio_started()
    round_.stop_answer()
    assert round_.no_speech_heard()  # time left: the user may type instead
    assert draft_of(round_).source == "spoken"
    attempt = draft_of(round_)
    round_.retry()  # f7: speak again; the silent attempt is set aside, as what it was
    assert attempt.status == "retried" and attempt.source == "spoken"
    round_.wait_for_audio()
    round_.begin_recording_file(data)
    round_.audio_started()
    round_.stop_answer()
    assert round_.no_speech_heard()
    round_.submit("I typed it instead: I led the migration of our reports to a new tool.")
    assert round_.session.answers[-1].source == "typed"
