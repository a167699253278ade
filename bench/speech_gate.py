"""Words invented over non-speech: the speech gate and guards against one faster-whisper call, as before.

Files made with sox where it has the signal (digital silence, a sine tone, white noise) and numpy
otherwise, at the rates and channel counts a recorder might use. For each: the words and time of
one faster-whisper call over the whole file with the disfluent prompt (how `transcribe` worked
before) and of `transcribe` today (speech gate, pieces, guards). Real speech is there too, to show
the gate lets it through: the JFK clip and an espeak-ng answer, with their word error rates.

Target: 0 words for silence, a tone and low noise.

Run: python bench/speech_gate.py [--repeats N]   (about a minute)
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import _common
import _speech
import numpy as np
import soundfile

from mock_interview.audio.wavfile import read_wav
from mock_interview.transcription.streaming import transcribe_file
from mock_interview.transcription.transcriber import Transcriber, load_transcriber
from tests.speech_samples import ANSWER_45, wer

JFK = "And so, my fellow Americans: ask not what your country can do for you, ask what you can do for your country."


def sox(path: Path, rate: int, channels: int, *effect: str) -> Path:
    subprocess.run(["sox", "-n", "-r", str(rate), "-c", str(channels), "-b", "16", str(path), *effect], check=True)
    return path


def make_files(folder: Path) -> list[tuple[str, Path, str | None]]:
    if not shutil.which("sox"):
        raise SystemExit("sox is not installed: apt-get install sox")
    rng = np.random.default_rng(5)
    noise48 = folder / "noise-48k.wav"
    soundfile.write(str(noise48), (0.01 * rng.standard_normal(48000 * 10)).astype(np.float32), 48000)
    hum = folder / "hum.wav"
    t = np.arange(16000 * 10) / 16000
    soundfile.write(
        str(hum), (0.1 * np.sin(2 * np.pi * 50 * t) + 0.05 * np.sin(2 * np.pi * 150 * t)).astype(np.float32), 16000
    )
    answer = folder / "answer.wav"
    soundfile.write(
        str(answer),
        np.concatenate([np.zeros(16000, np.float32), _speech.speak(ANSWER_45), np.zeros(3 * 16000, np.float32)]),
        16000,
        subtype="PCM_16",
    )
    return [
        ("20 s digital silence (sox)", sox(folder / "silence.wav", 16000, 1, "trim", "0", "20"), None),
        ("5 s 440 Hz tone (sox)", sox(folder / "tone.wav", 16000, 1, "synth", "5", "sine", "440", "vol", "0.5"), None),
        (
            "10 s low white noise (sox)",
            sox(folder / "noise.wav", 16000, 1, "synth", "10", "whitenoise", "vol", "0.02"),
            None,
        ),
        (
            "3 s 440 Hz tone, 8 kHz stereo (sox)",
            sox(folder / "tone8k.wav", 8000, 2, "synth", "3", "sine", "440", "vol", "0.5"),
            None,
        ),
        ("10 s low noise at 48 kHz (numpy)", noise48, None),
        ("10 s mains hum (numpy)", hum, None),
        ("10 min digital silence (sox)", sox(folder / "silence10.wav", 16000, 1, "trim", "0", "600"), None),
        ("JFK clip, 11 s of human speech", _common.ROOT / "tests" / "data" / "jfk-16k.wav", JFK),
        ("espeak-ng answer with 1 s and 3 s of silence around it", answer, ANSWER_45),
    ]


def one_call(transcriber: Transcriber, path: Path) -> str:
    """The whole file in one faster-whisper call, as before the speech gate."""
    return transcriber.transcribe(read_wav(path)).text


def today(transcriber: Transcriber, path: Path) -> str:
    """The file as ``mock-interview transcribe`` reads it today: speech gate and guards."""
    return transcribe_file(path, transcriber=transcriber).text


def timed(function: Callable[[], str], repeats: int) -> tuple[str, float]:
    times, text = [], ""
    for _ in range(repeats):
        began = time.perf_counter()
        text = function()
        times.append(time.perf_counter() - began)
    return text, statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    transcriber = load_transcriber("bundled")
    transcriber.warm_up()
    print(f"tiny.en int8 on {_common.cpu_summary()}; medians of {args.repeats}")
    print(f"{'audio':<56} {'one call, as before':>24} {'transcribe today':>22}")
    missed = []
    with tempfile.TemporaryDirectory() as tmp:
        for label, path, reference in make_files(Path(tmp)):
            repeats = 1 if "10 min" in label else args.repeats
            before, before_s = timed(partial(one_call, transcriber, path), repeats)
            after, after_s = timed(partial(today, transcriber, path), repeats)
            if reference is None:
                cells = (
                    f"{len(before.split())} words {before_s:6.2f} s",
                    f"{len(after.split())} words {after_s:6.2f} s",
                )
                if after.split():
                    missed.append(f"{label}: {after!r}")
            else:
                cells = (
                    f"WER {wer(reference, before):.3f} {before_s:6.2f} s",
                    f"WER {wer(reference, after):.3f} {after_s:6.2f} s",
                )
            print(f"{label:<56} {cells[0]:>24} {cells[1]:>22}", flush=True)
    print("\nall non-speech files: 0 words" if not missed else "\nwords invented:\n  " + "\n  ".join(missed))


if __name__ == "__main__":
    main()
