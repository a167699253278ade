"""Real-time factor of the bundled tiny.en (int8 against float32, 1 against 2 threads) and its word error rate.

Run: python bench/transcription_speed.py
"""

from __future__ import annotations

import statistics
import time

import _common
import _speech

from mock_interview.audio.wavfile import read_wav
from mock_interview.transcription.models import resolve_model
from mock_interview.transcription.transcriber import WhisperTranscriber
from tests.real.conftest import JFK_WORDS, wer


def main() -> None:
    choice = resolve_model("bundled")
    audio, text = _speech.answer_of_seconds(30)
    jfk = read_wav(_common.ROOT / "tests" / "data" / "jfk-16k.wav")
    print(f"{'compute':>8} {'threads':>7} {'RTF (median)':>12} {'x real time':>11} {'WER espeak':>10} {'WER jfk':>8}")
    for compute in ("int8", "float32"):
        for threads in (1, 2):
            model = WhisperTranscriber(choice, compute_type=compute, cpu_threads=threads)
            model.transcribe(jfk)
            times = []
            for _ in range(3):
                began = time.perf_counter()
                result = model.transcribe(audio)
                times.append(time.perf_counter() - began)
            rtf = statistics.median(times) / (audio.size / 16000)
            print(
                f"{compute:>8} {threads:7} {rtf:12.3f} {1 / rtf:11.1f} {wer(text, result.text):10.3f} "
                f"{wer(JFK_WORDS, model.transcribe(jfk).text):8.3f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
