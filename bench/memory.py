"""Peak memory: a spoken round in the app, and `transcribe` of a 30-minute file.

Each measurement runs in a fresh process and reports its peak resident memory (ru_maxrss).

1. A spoken round (about 60 s of espeak-ng speech played into the PulseAudio null sink, see
   .ci/start-audio) in the real app, headless with Pilot. Target: at most 400 MB.
2. `transcribe` of a 30-minute WAV of speech (espeak-ng answers with pauses), and of 30 minutes of
   silence: the file streams from disk in blocks. Target: at most 500 MB. Baseline in the same
   run: the way it was done before (the whole file read, then one faster-whisper call over it).

Run: python bench/memory.py [--quick]   (full: about 6 minutes on 2 cores; --quick: the round, and
10 minutes of speech and 30 of silence without the baseline, about 2 minutes)
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import _common
import _speech
import numpy as np

from tests.speech_samples import ANSWER_45, ANSWER_90

ROUND = r"""
import asyncio, resource, subprocess, sys, time
sys.path.insert(0, sys.argv[1] + "/bench")
from mock_interview.core.context import AppContext
from mock_interview.core.planning import RoundRequest
from mock_interview.core.rounds import Phase
from mock_interview.tui.app import MockInterviewApp

def rss():
    return f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}"

async def main():
    app = MockInterviewApp(AppContext.from_options(sys.argv[3]),
                           start_round=RoundRequest(("career-goals",), count=1, order="pack", mode="spoken",
                                                    profile=""))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.5)
        screen = app.screen
        print("stage app", rss(), file=sys.stderr)
        while not screen.speech.model_ready:
            await pilot.pause(0.1)
        print("stage model", rss(), file=sys.stderr)
        await pilot.press("ctrl+s")
        while "Speak now" not in str(screen.query_one("#round-status").render()):
            await pilot.pause(0.1)
        player = subprocess.Popen(["paplay", "--device=virt", sys.argv[2]])
        while player.poll() is None:
            await pilot.pause(0.2)
        print("stage recorded", rss(), file=sys.stderr)
        await pilot.press("ctrl+s")
        while screen.round.phase is not Phase.ANSWERED:
            await pilot.pause(0.1)
        print(len(screen.round.session.answers[0].text.split()), "words transcribed")
    print("peak_rss_mb", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)

asyncio.run(main())
"""

TRANSCRIBE = r"""
import json, resource, sys, time
from pathlib import Path
began = time.perf_counter()
if sys.argv[2] == "stream":
    from mock_interview.transcription.streaming import transcribe_file
    transcript = transcribe_file(Path(sys.argv[1]))
    words = len(transcript.words)
else:  # as before: read the whole file, one faster-whisper call over it
    from mock_interview.audio.wavfile import read_wav
    from mock_interview.transcription.transcriber import load_transcriber
    words = len(load_transcriber("bundled").transcribe(read_wav(Path(sys.argv[1]))).words)
print(json.dumps({"words": words, "seconds": time.perf_counter() - began,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def child_env() -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=str(_common.ROOT / "src"))


def spoken_round(folder: Path) -> None:
    import soundfile

    audio = np.concatenate(
        [_speech.speak(ANSWER_45), np.zeros(8000, dtype=np.float32), _speech.speak(ANSWER_45)[: 16 * 16000]]
    )
    wav = folder / "round.wav"
    soundfile.write(str(wav), audio, 16000, subtype="PCM_16")
    result = subprocess.run(
        [sys.executable, "-c", ROUND, str(_common.ROOT), str(wav), str(folder / "data")],
        capture_output=True,
        text=True,
        env=child_env(),
    )
    if result.returncode:
        raise SystemExit(result.stderr[-2000:])
    print(f"spoken round of {audio.size / 16000:.0f} s in the app:")
    for line in result.stderr.splitlines():
        if line.startswith("stage "):
            print(f"  peak after {line.split()[1]:<9} {line.split()[2]:>5} MB")
    lines = result.stdout.strip().splitlines()
    peak = float(lines[-1].split()[1])
    print(f"  {lines[0]}; peak resident memory {peak:.0f} MB (target <= 400 MB)")


def long_file(path: Path, minutes: float, speech: bool) -> None:
    """Write ``minutes`` of speech (espeak-ng answers with 2 s pauses) or of silence, block by block."""
    import soundfile

    total = int(minutes * 60 * 16000)
    with soundfile.SoundFile(str(path), "w", samplerate=16000, channels=1, subtype="PCM_16") as out:
        if not speech:
            block = np.zeros(16000 * 60, dtype=np.float32)
            for start in range(0, total, block.size):
                out.write(block[: min(block.size, total - start)])
            return
        pause = np.zeros(2 * 16000, dtype=np.float32)
        once = np.concatenate([_speech.speak(ANSWER_45), pause, _speech.speak(ANSWER_90), pause])
        written = 0
        while written < total:
            part = once[: total - written]
            out.write(part)
            written += part.size


def transcribe_run(path: Path, how: str) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, "-c", TRANSCRIBE, str(path), how], capture_output=True, text=True, env=child_env()
    )
    if result.returncode:
        raise SystemExit(result.stderr[-2000:])
    data: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    return data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--skip-round", action="store_true", help="only the long files (no audio server needed)")
    args = parser.parse_args()
    print(f"on {_common.cpu_summary()}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if not args.skip_round:
            spoken_round(folder)
        files = [("speech", 10 if args.quick else 30), ("silence", 30)]
        for kind, minutes in files:
            path = folder / f"{kind}-{minutes}min.wav"
            long_file(path, minutes, kind == "speech")
            stream = transcribe_run(path, "stream")
            print(
                f"transcribe, {minutes} minutes of {kind}: peak {stream['peak_mb']:.0f} MB (target <= 500 MB), "
                f"{stream['seconds']:.0f} s, {stream['words']:.0f} words"
            )
            if not args.quick:
                before = transcribe_run(path, "whole")
                print(
                    f"  as before (whole file, one call): peak {before['peak_mb']:.0f} MB, {before['seconds']:.0f} s, "
                    f"{before['words']:.0f} words; memory ratio {stream['peak_mb'] / before['peak_mb']:.2f}"
                )


if __name__ == "__main__":
    main()
