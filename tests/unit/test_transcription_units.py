"""The speech gate, the hallucination guards and the streaming transcriber, with fakes for the model.

The Silero tests run the real (small, fast) VAD model shipped with faster-whisper; the streaming
tests use a loudness-based detector and a fake model that "recognises" tone bursts, so every
word's identity and time is known.
"""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pytest

from mock_interview.transcription.guards import (
    TimeSpan,
    collapse_loops,
    is_unheard_stock_phrase,
    keep_heard_words,
)
from mock_interview.transcription.streaming import StreamingTranscriber
from mock_interview.transcription.transcript import Segment, TimedWord, Transcript
from mock_interview.transcription.vad import FRAME_SAMPLES, SpeechDetector, VadSettings, find_regions
from tests.fakes import FakeRecorder, FakeTranscriber, bursts, energy_detector

RATE = 16000
SETTINGS = VadSettings()


def frames_of(pattern: list[tuple[int, float]]) -> np.ndarray:
    return np.concatenate([np.full(count, prob, dtype=np.float32) for count, prob in pattern])


# -- the speech detector -------------------------------------------------------------------------


def test_regions_need_speech_long_enough_and_a_long_enough_pause_to_end():
    probs = frames_of([(10, 0.0), (20, 0.9), (5, 0.1), (20, 0.9), (15, 0.1), (3, 0.9), (15, 0.0)])
    regions = find_regions(probs, SETTINGS)
    # a 5-frame (160 ms) dip does not end a region; 15 frames (480 ms) does; a 3-frame blip is not speech
    assert [(r.start, r.end, r.closed) for r in regions] == [(10, 55, True)]


def test_a_region_still_going_is_open_until_the_stream_ends():
    probs = frames_of([(5, 0.0), (30, 0.8), (4, 0.1)])
    (region,) = find_regions(probs, SETTINGS, offset=100)
    assert not region.closed and region.start == 105
    (final,) = find_regions(probs, SETTINGS, offset=100, final=True)
    assert final.closed and final.end == 135


def test_frames_under_the_level_floor_are_never_speech():
    detector = SpeechDetector(scorer=lambda frames: np.ones(frames.shape[0], dtype=np.float32))
    quiet = np.full(RATE, 0.0005, dtype=np.float32)
    loud = np.full(RATE, 0.1, dtype=np.float32)
    detector.feed(np.concatenate([quiet, loud, quiet]))
    (region,) = detector.regions(final=True)
    assert region.start_sample == pytest.approx(RATE, abs=FRAME_SAMPLES)
    assert region.end_sample == pytest.approx(2 * RATE, abs=FRAME_SAMPLES)


def test_silero_fed_in_blocks_scores_exactly_as_the_whole_signal():
    speech = bursts([(0.5, None), (1.0, 220), (0.3, None), (1.0, 330)])
    whole = SpeechDetector()
    whole.feed(speech)
    blocks = SpeechDetector()
    for start in range(0, speech.size, 1600):
        blocks.feed(speech[start : start + 1600])
    assert blocks.frames == whole.frames == speech.size // FRAME_SAMPLES
    assert np.allclose(blocks.speech_probabilities(), whole.speech_probabilities(), atol=1e-6)


@pytest.mark.parametrize("name", ["digital silence", "440 Hz tone", "low white noise", "loud white noise", "hum"])
def test_silero_hears_no_speech_in_silence_tones_or_noise(name: str):
    rng = np.random.default_rng(3)
    t = np.arange(5 * RATE) / RATE
    audio = {
        "digital silence": np.zeros(5 * RATE),
        "440 Hz tone": 0.5 * np.sin(2 * np.pi * 440 * t),
        "low white noise": 0.02 * rng.uniform(-1, 1, 5 * RATE),
        "loud white noise": 0.3 * rng.standard_normal(5 * RATE),
        "hum": 0.2 * np.sin(2 * np.pi * 50 * t) + 0.1 * np.sin(2 * np.pi * 100 * t),
    }[name].astype(np.float32)
    detector = SpeechDetector()
    detector.feed(audio)
    assert detector.regions(final=True) == []


# -- the guards ----------------------------------------------------------------------------------


def words(*specs: tuple[str, float, float]) -> tuple[TimedWord, ...]:
    return tuple(TimedWord(text, start, end) for text, start, end in specs)


def test_loops_are_kept_once_but_a_hesitation_stays():
    loop = words(*[(w, i * 0.2, i * 0.2 + 0.1) for i, w in enumerate(["it's,", "uh,"] * 6 + ["done."])])
    assert [w.text for w in collapse_loops(loop)] == ["it's,", "uh,", "done."]
    stutter = words(("I,", 0, 0.1), ("I,", 0.2, 0.3), ("I", 0.4, 0.5), ("think", 0.6, 0.9))
    assert [w.text for w in collapse_loops(stutter)] == ["I,", "I,", "I", "think"]
    fillers = words(*[("uh,", i, i + 0.2) for i in range(9)])
    assert [w.text for w in collapse_loops(fillers)] == ["uh,"]


def test_words_away_from_speech_and_punctuation_runs_are_dropped():
    segment = Segment(
        "Hello there. . . .",
        0.0,
        6.0,
        words(("Hello", 0.5, 0.8), ("there.", 0.9, 1.2), (".", 2.0, 2.1), (".", 3.0, 3.1), ("Bye.", 5.0, 5.5)),
    )
    kept = keep_heard_words([segment], [TimeSpan(0.4, 1.3)])
    assert [w.text for w in kept] == ["Hello", "there."]


def test_symbols_join_their_number():
    segment = Segment(
        "Up 35 % for $ 40",
        0.0,
        3.0,
        words(
            ("Up", 0.1, 0.3), ("35", 0.4, 0.6), ("%", 0.6, 0.7), ("for", 0.8, 0.9), ("$", 1.0, 1.1), ("40", 1.1, 1.3)
        ),
    )
    assert [w.text for w in keep_heard_words([segment], [TimeSpan(0, 3)])] == ["Up", "35%", "for", "$40"]


def test_stock_phrases_go_unless_clearly_spoken():
    thanks = Segment(
        "Thank you.",
        10.0,
        11.0,
        words(("Thank", 10.1, 10.4), ("you.", 10.4, 10.8)),
        avg_logprob=-0.9,
        no_speech_prob=0.4,
    )
    assert is_unheard_stock_phrase(thanks, [TimeSpan(0, 9)])
    said = Segment(
        "Thank you.",
        10.0,
        11.0,
        words(("Thank", 10.1, 10.4), ("you.", 10.4, 10.8)),
        avg_logprob=-0.2,
        no_speech_prob=0.01,
    )
    assert not is_unheard_stock_phrase(said, [TimeSpan(9.9, 11)])
    assert is_unheard_stock_phrase(said, [TimeSpan(0, 9)])  # no speech under it
    answer = Segment(
        "Thank you for asking.",
        0,
        2,
        words(("Thank", 0, 0.3), ("you", 0.3, 0.5), ("for", 0.5, 0.7), ("asking.", 0.7, 1)),
        avg_logprob=-0.9,
        no_speech_prob=0.4,
    )
    assert not is_unheard_stock_phrase(answer, [])


def test_a_window_whisper_judged_silent_is_dropped():
    silent = Segment(
        "You know, I think it's",
        0,
        5,
        words(("You", 1, 1.2), ("know,", 1.2, 1.5)),
        avg_logprob=-1.4,
        no_speech_prob=0.9,
    )
    assert keep_heard_words([silent], [TimeSpan(0, 5)]) == []


# -- streaming -----------------------------------------------------------------------------------


def feed_all(stream: StreamingTranscriber, audio: np.ndarray, block: int = 1600, settle: bool = True) -> None:
    for start in range(0, audio.size, block):
        stream.feed(audio[start : start + block])
        if settle:
            assert stream.wait_until_idle(timeout=10)


def test_no_speech_means_no_decoding_and_no_words():
    fake = FakeTranscriber()
    stream = StreamingTranscriber(fake)  # the real Silero detector
    rng = np.random.default_rng(1)
    feed_all(stream, (0.01 * rng.standard_normal(8 * RATE)).astype(np.float32), settle=False)
    transcript = stream.finish()
    assert fake.pieces == [] and transcript.words == [] and not transcript.heard_speech
    assert transcript.duration == pytest.approx(8.0)


def test_every_word_once_in_order_at_its_time_whatever_the_cuts():
    pattern: list[tuple[float, int | None]] = [(1.0, None)]
    expected = []
    for index in range(12):
        frequency = 200 + 50 * index
        pattern += [(1.5, frequency), (0.6 if index % 3 else 1.2, None)]
        expected.append(f"f{frequency}")
    audio = bursts(pattern)
    fake = FakeTranscriber()
    stream = StreamingTranscriber(fake, detector=energy_detector(), min_piece=5, context=3)
    feed_all(stream, audio)
    transcript = stream.finish()
    assert [w for w, _, _ in transcript.words] == expected
    assert stream.chunks >= 3
    starts = [s for _, s, _ in transcript.words]
    for index, start in enumerate(starts):  # each burst starts 1 s + 2.1 s per burst before it (+0.6 s per 3rd pause)
        assert start == pytest.approx(sum(seconds for seconds, _ in pattern[: 1 + 2 * index]), abs=0.1)
    assert all(size <= 29.1 * RATE for size in fake.pieces)


def test_pieces_after_the_first_carry_context_and_the_words_before_as_prompt():
    audio = bursts([(0.5, None), (6, 300), (0.8, None), (6, 500), (0.8, None), (2, 700), (1.0, None)])
    fake = FakeTranscriber()
    stream = StreamingTranscriber(fake, detector=energy_detector(), min_piece=5, context=8)
    feed_all(stream, audio)
    transcript = stream.finish()
    assert transcript.text == "f300 f500 f700"
    first, last = fake.prompts[0], fake.prompts[-1]
    assert first is not None and first.endswith("went well.")  # the disfluent prompt only: nothing said before
    assert last is not None and last.endswith("f300")  # the words before the context


def test_a_pause_at_the_end_is_decoded_before_stop():
    audio = bursts([(0.5, None), (3, 300), (1.5, None)])  # less than min_piece, then the speaker stops
    fake = FakeTranscriber()
    updates: list[str] = []
    stream = StreamingTranscriber(fake, detector=energy_detector(), min_piece=12, on_update=updates.append)
    feed_all(stream, audio)
    assert updates == ["f300"] and len(fake.pieces) == 1  # provisional, shown live
    transcript = stream.finish()
    assert transcript.text == "f300" and len(fake.pieces) == 1  # nothing left to decode at stop


def test_a_provisional_piece_is_decoded_again_when_the_speaker_goes_on():
    audio = bursts([(0.5, None), (3, 300), (1.0, None), (3, 400), (0.5, None)])
    fake = FakeTranscriber()
    stream = StreamingTranscriber(fake, detector=energy_detector(), min_piece=12)
    feed_all(stream, audio)
    transcript = stream.finish()
    assert transcript.text == "f300 f400"
    assert len(fake.pieces) == 2  # the pause's provisional decode, then both together at stop
    assert fake.pieces[1] > fake.pieces[0] + 3 * RATE


def test_a_long_silence_is_let_go_and_memory_stays_bounded():
    fake = FakeTranscriber()
    stream = StreamingTranscriber(fake, detector=energy_detector())
    feed_all(stream, bursts([(2, 300), (1, None)]))
    feed_all(stream, np.zeros(60 * RATE, dtype=np.float32), block=16000)
    assert stream._buffer.size < 12 * RATE  # the context of the last piece at most, not a minute of silence
    assert stream.finish().text == "f300"


def test_files_are_cut_into_full_pieces_and_feeding_waits_for_a_slow_model():
    pattern: list[tuple[float, int | None]] = []
    for index in range(40):
        pattern += [(2.0, 200 + 20 * index), (0.4, None)]
    audio = bursts(pattern)  # 96 s of "speech"
    fake = FakeTranscriber(delay=0.05)
    stream = StreamingTranscriber(fake, detector=energy_detector(), live=False, max_backlog=30)
    biggest = 0
    for start in range(0, audio.size, 2 * RATE):
        stream.feed(audio[start : start + 2 * RATE])
        biggest = max(biggest, stream._buffer.size)
    transcript = stream.finish()
    assert len(transcript.words) == 40
    assert biggest <= 40 * RATE  # fed faster than decoded: the feeder waited
    assert 4 <= len(fake.pieces) <= 5  # about 27 s each, not one per pause


def test_a_decoding_error_reaches_finish():
    class Broken(FakeTranscriber):
        def transcribe(self, audio: np.ndarray, prompt: str | None = None, speech_end: float | None = None):
            raise RuntimeError("model crashed")

    stream = StreamingTranscriber(Broken(), detector=energy_detector())
    feed_all(stream, bursts([(2, 300), (1, None)]), settle=False)
    with pytest.raises(RuntimeError, match="model crashed"):
        stream.finish()


def test_a_live_answer_starts_when_audio_flows_and_hears_nobody_in_silence(tmp_path: Path):
    from mock_interview.transcription.live import LiveAnswer

    class SilentMicrophone(FakeRecorder):
        audio = np.zeros(RATE, dtype=np.float32)

    started: list[bool] = []
    live = LiveAnswer(
        tmp_path / "a.wav", FakeTranscriber(), on_live=lambda: started.append(True), recorder_factory=SilentMicrophone
    )
    live.start()
    assert started == [True]  # start() returned only once audio was flowing
    result = live.stop()
    assert not result.heard_speech and result.transcript.text == ""
    assert (tmp_path / "a.wav").stat().st_size > 44


def test_a_microphone_that_sends_nothing_is_reported(tmp_path: Path):
    from mock_interview.audio.devices import AudioUnavailable
    from mock_interview.transcription.live import LiveAnswer

    class DeadMicrophone(FakeRecorder):
        def start(self) -> None:
            pass

        def stop(self):
            return self.stats

    live = LiveAnswer(tmp_path / "a.wav", FakeTranscriber(), recorder_factory=DeadMicrophone)
    with pytest.raises(AudioUnavailable, match="sent no audio"):
        live.start(live_timeout=0.2)


def test_an_unsure_sentence_in_the_padding_after_speech_is_dropped():
    said = Segment(
        "three weeks ahead.",
        14.0,
        16.6,
        words(("three", 14.0, 14.5), ("weeks", 14.5, 15.0), ("ahead.", 15.0, 16.6)),
        avg_logprob=-0.23,
        no_speech_prob=0.19,
    )
    added = Segment(
        "We'll see you later.",
        16.7,
        17.0,
        words(("We'll", 16.7, 16.8), ("see", 16.8, 16.85), ("you", 16.85, 16.9), ("later.", 16.9, 17.0)),
        avg_logprob=-1.1,
        no_speech_prob=0.45,
    )
    sure = Segment("Yes.", 16.7, 17.0, words(("Yes.", 16.7, 17.0)), avg_logprob=-0.2, no_speech_prob=0.05)
    speech = [TimeSpan(0.3, 16.6)]
    assert [w.text for w in keep_heard_words([said, added], speech)] == ["three", "weeks", "ahead."]
    assert [w.text for w in keep_heard_words([said, sure], speech)][-1] == "Yes."


@pytest.mark.parametrize("silence_after", [70.0, 200.0])
def test_a_file_of_a_few_words_then_a_long_silence_is_transcribed_not_stuck(silence_after: float):
    """Speech, then more silence than the file backlog holds (a microphone left on): the words are decoded
    once no more speech can join their piece, so the reader never waits for a piece that cannot come."""
    audio = bursts([(2.0, 300), (silence_after, None)])
    stream = StreamingTranscriber(FakeTranscriber(), detector=energy_detector(), live=False, max_backlog=60)
    done = threading.Event()
    result: list[Transcript] = []

    def read_the_file() -> None:
        for start in range(0, audio.size, 2 * RATE):
            stream.feed(audio[start : start + 2 * RATE])
        result.append(stream.finish())
        done.set()

    threading.Thread(target=read_the_file, daemon=True).start()
    finished = done.wait(30)
    stream.cancel()  # a stuck reader's feed() returns, so the thread ends either way
    assert finished, "feed() waited for a piece the stream never planned"
    assert len(result[0].words) == 1
