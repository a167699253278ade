"""Spoken answers through the microphone, as in the app: streaming against transcribing the whole file.

Issue 9's targets, measured through the PulseAudio null sink (see .ci/start-audio) with the bundled
tiny.en. For each espeak-ng answer (about 45 s and 90 s: varied words, names and numbers), the
app's own live path (LiveAnswer: recorder -> speech gate -> streaming transcriber) records from
the default input while the answer is played into the sink, starting 0.5 s after the microphone is
live. Stop is pressed 0.5 s after the playback ends (a quick user). Then, in the same run and on the
same recording, the whole-file baselines:

- "one call": one faster-whisper call over the whole file, as `transcribe` and `record --transcribe`
  did before (disfluent prompt, no speech gate);
- "file path": today's `transcribe` (speech gate, full pieces, guards).

Figures per answer and condition (medians over the repeats): word error rate of each, stop-to-text
time of the stream against the whole-file times (ratio), words after the last spoken word, the
first words kept, the largest decoding backlog. "one core busy" runs a busy loop in another process
for the whole measurement (baselines included).

Targets: stream WER <= whole-file WER + 0.03; stop-to-text <= 1.5 s and <= 0.35 x whole-file time
(one core busy: <= 2.0 s and <= 0.5 x); nothing after the last spoken word; the first word kept.

Run: python bench/spoken_answers.py [--quick] [--repeats N] [--conditions quiet,busy]
(full: 3 repeats, about 15 minutes; --quick: one repeat of the 45 s answer, about 3 minutes)
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import _common
import _speech
import numpy as np

from mock_interview.audio.wavfile import read_wav
from mock_interview.transcription.live import LiveAnswer
from mock_interview.transcription.streaming import transcribe_file
from mock_interview.transcription.transcriber import load_transcriber
from tests.speech_samples import ANSWER_45, ANSWER_90, normalise_words, wer

SINK = "virt"
START_AFTER_LIVE = 0.5
STOP_AFTER_PLAYBACK = 0.5


@dataclass
class Run:
    stream_wer: float
    one_call_wer: float
    file_wer: float
    latency: float
    one_call_seconds: float
    file_seconds: float
    words_after_end: int
    first_words_kept: bool
    max_backlog: float
    pieces: int
    text: str
    recorder_stop: float
    final_from_pause: bool
    final_decode: float  # seconds the last decode took
    final_lead: float  # seconds before stop that it began (negative: after)


def speech_end(recording: np.ndarray) -> float:
    """Seconds from the start of the recording to the end of the last loud stretch."""
    loud = np.flatnonzero(np.abs(recording) > 0.02)
    return float(loud[-1]) / 16000 if loud.size else 0.0


def measure(transcriber, wav: Path, reference: str, folder: Path, index: int) -> Run:
    path = folder / f"answer-{index}.wav"
    live = LiveAnswer(path, transcriber)
    live.start()
    time.sleep(START_AFTER_LIVE)
    subprocess.run(["paplay", f"--device={SINK}", str(wav)], check=True)
    time.sleep(STOP_AFTER_PLAYBACK)
    stopped = time.perf_counter()
    stats = live.recorder.stop()  # what LiveAnswer.stop does first, timed on its own
    recorder_stop = time.perf_counter() - stopped
    result = live.stop()
    latency = time.perf_counter() - stopped
    result.stats = stats
    # the final words came from the decode started at the speaker's last pause (nothing new decoded after stop)
    last = live.stream.pieces[-1] if live.stream.pieces else None
    final_from_pause = last is not None and last.provisional and last.began < stopped
    final_decode = last.decode_seconds if last is not None else 0.0
    final_lead = stopped - last.began if last is not None else 0.0
    recording = read_wav(path)
    began = time.perf_counter()
    one_call = transcriber.transcribe(recording)
    one_call_seconds = time.perf_counter() - began
    began = time.perf_counter()
    whole = transcribe_file(path, transcriber=transcriber)
    file_seconds = time.perf_counter() - began
    end = speech_end(recording)
    words = result.transcript.words
    said, heard = normalise_words(reference), normalise_words(result.transcript.text)
    return Run(
        wer(reference, result.transcript.text),
        wer(reference, one_call.text),
        wer(reference, whole.text),
        latency,
        one_call_seconds,
        file_seconds,
        sum(1 for _, start, _ in words if start > end + 0.3),
        heard[:2] == said[:2],
        live.stream.max_backlog_seconds,
        live.stream.chunks,
        result.transcript.text,
        recorder_stop,
        final_from_pause,
        final_decode,
        final_lead,
    )


def busy_core() -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", "while True: pass"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one repeat of the 45 s answer")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--conditions", default="quiet,busy", help="quiet, busy or both (comma-separated)")
    parser.add_argument("--show-text", action="store_true")
    args = parser.parse_args()
    if not shutil.which("paplay"):
        raise SystemExit("paplay is missing: apt-get install pulseaudio-utils, then bash .ci/start-audio")
    answers = [("45 s", ANSWER_45)] if args.quick else [("45 s", ANSWER_45), ("90 s", ANSWER_90)]
    repeats = 1 if args.quick else args.repeats
    transcriber = load_transcriber("bundled")
    transcriber.warm_up()
    print(f"tiny.en int8 on {_common.cpu_summary()}; {repeats} repeat(s); medians", flush=True)
    failures: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for label, text in answers:
            wav = folder / f"{label.split()[0]}.wav"
            import soundfile

            audio = _speech.speak(text)
            soundfile.write(str(wav), audio, 16000, subtype="PCM_16")
            for condition in args.conditions.split(","):
                load = busy_core() if condition == "busy" else None
                try:
                    runs = [measure(transcriber, wav, text, folder, i) for i in range(repeats)]
                finally:
                    if load is not None:
                        load.kill()
                        load.wait()
                failures += report(
                    f"{label} answer ({audio.size / 16000:.0f} s of speech), "
                    f"{'one core busy' if condition == 'busy' else 'quiet'}",
                    runs,
                    condition == "busy",
                    args.show_text,
                )
    print("\nall targets met" if not failures else "\ntargets missed:\n  " + "\n  ".join(failures))


def report(title: str, runs: list[Run], busy: bool, show_text: bool) -> list[str]:
    med = lambda values: statistics.median(values)  # noqa: E731
    latency = med([r.latency for r in runs])
    one_call, file_time = med([r.one_call_seconds for r in runs]), med([r.file_seconds for r in runs])
    stream_wer, one_wer, file_wer = (
        med([r.stream_wer for r in runs]),
        med([r.one_call_wer for r in runs]),
        med([r.file_wer for r in runs]),
    )
    print(f"\n{title}")
    print(
        f"  word error rate    stream {stream_wer:.3f} | whole file: one call {one_wer:.3f}, file path {file_wer:.3f}"
    )
    print(
        f"  stop to text       stream {latency:.2f} s | whole file: one call {one_call:.2f} s, "
        f"file path {file_time:.2f} s"
    )
    print(f"  ratio              {latency / one_call:.2f} of one call, {latency / file_time:.2f} of the file path")
    print(
        f"  of which           closing the device {med([r.recorder_stop for r in runs]):.2f} s; "
        "final decode begun at the "
        f"last pause, before stop, in {sum(r.final_from_pause for r in runs)} of {len(runs)}"
    )
    print(f"  after last word    {max(r.words_after_end for r in runs)} word(s) (worst run)")
    print(f"  first words kept   {sum(r.first_words_kept for r in runs)} of {len(runs)}")
    print(
        f"  decoding backlog   {max(r.max_backlog for r in runs):.1f} s at most; "
        f"{med([r.pieces for r in runs]):.0f} decodes"
    )
    print(
        "  each run           "
        + "; ".join(
            f"{r.latency:.2f} s (last decode {r.final_decode:.2f} s, begun {r.final_lead:.2f} s before stop)"
            for r in runs
        )
    )
    if show_text:
        for run in runs:
            print(f"  text: {run.text}")
    limit, ratio = (2.0, 0.5) if busy else (1.5, 0.35)
    failures = []
    best_whole = min(one_wer, file_wer)
    if stream_wer > best_whole + 0.03:
        failures.append(f"{title}: stream WER {stream_wer:.3f} > best whole-file {best_whole:.3f} + 0.03")
    if latency > limit or latency > ratio * one_call:
        failures.append(f"{title}: stop to text {latency:.2f} s (limit {limit} s and {ratio} x {one_call:.2f} s)")
    if any(r.words_after_end for r in runs):
        failures.append(f"{title}: words after the last spoken word")
    if not all(r.first_words_kept for r in runs):
        failures.append(f"{title}: first words lost")
    return failures


if __name__ == "__main__":
    main()
