"""Stop-to-transcript latency: streaming while the user speaks, against transcribing the whole file after stop.

Speech made with espeak-ng is fed at real-time pace, in 100 ms blocks, through the same
StreamingTranscriber the app uses (no audio device: see spoken_answers.py for the microphone
path and issue 9's targets). The latency is measured from the last block (0.6 s after the last
word) to the final transcript. The baseline, in the same run, is one faster-whisper call over the
whole recording after stop. For long answers (180 s) the wait must stay flat.

Run: python bench/streaming_latency.py [--repeats N]   (takes about 5 minutes per repeat)
"""

from __future__ import annotations

import argparse
import statistics
import time

import _common  # noqa: F401
import _speech

from mock_interview.transcription.streaming import StreamingTranscriber
from mock_interview.transcription.transcriber import load_transcriber


def stream_once(transcriber, audio) -> tuple[float, int]:
    stream = StreamingTranscriber(transcriber)
    block = 1600
    start = time.perf_counter()
    for index, offset in enumerate(range(0, audio.size, block)):
        stream.feed(audio[offset : offset + block])
        target = start + (index + 1) * block / 16000
        delay = target - time.perf_counter()
        if delay > 0:
            time.sleep(delay)
    stopped = time.perf_counter()
    stream.finish()
    return time.perf_counter() - stopped, stream.chunks


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--lengths", default="30,90,180")
    args = parser.parse_args()
    transcriber = load_transcriber("bundled")
    transcriber.transcribe(_speech.speak("warm up"))
    print(f"{'answer':>7} {'streaming (median)':>19} {'whole file (median)':>20} {'ratio':>6} {'pieces':>7}")
    for seconds in (float(x) for x in args.lengths.split(",")):
        audio, _ = _speech.answer_of_seconds(seconds)
        streamed, whole, pieces = [], [], 0
        for _ in range(args.repeats):
            latency, pieces = stream_once(transcriber, audio)
            streamed.append(latency)
            began = time.perf_counter()
            transcriber.transcribe(audio)
            whole.append(time.perf_counter() - began)
        s, w = statistics.median(streamed), statistics.median(whole)
        print(f"{seconds:6.0f}s {s:18.2f}s {w:19.2f}s {s / w:6.2f} {pieces:7}", flush=True)


if __name__ == "__main__":
    main()
