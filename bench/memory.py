"""Peak memory of the app while recording and transcribing a spoken answer with tiny.en.

Runs one spoken round in the real app (headless, Pilot) in a fresh process, with speech played
into the PulseAudio null sink (see .ci/start-audio), and reports the process's peak resident
memory. Target: at most 500 MB.

Run: python bench/memory.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile

import _common

CHILD = r"""
import asyncio, resource, subprocess, sys, time
sys.path.insert(0, sys.argv[1] + "/bench")
import _speech
from mock_interview.core.context import AppContext
from mock_interview.tui.app import MockInterviewApp
import soundfile

audio, _ = _speech.answer_of_seconds(60)
soundfile.write(sys.argv[2], audio, 16000, subtype="PCM_16")

def rss():
    return f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}"

async def main():
    app = MockInterviewApp(AppContext.from_options(sys.argv[3]),
                           start_round={"packs": ["career-goals"], "count": 1, "order": "pack", "mode": "spoken", "profile": ""})
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.5)
        screen = app.screen
        print("stage app", rss(), file=sys.stderr)
        while screen.speech.transcriber is None:
            await pilot.pause(0.1)
        print("stage model", rss(), file=sys.stderr)
        await pilot.press("ctrl+s")
        await pilot.pause(1.0)
        player = subprocess.Popen(["paplay", "--device=virt", sys.argv[2]])
        while player.poll() is None:
            await pilot.pause(0.2)
        print("stage recorded", rss(), file=sys.stderr)
        await pilot.press("ctrl+s")
        while screen.round.phase != "done":
            await pilot.pause(0.1)
        print(len(screen.round.session.answers[0].text.split()), "words transcribed")
    print("peak_rss_mb", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)

asyncio.run(main())
"""


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        result = subprocess.run([sys.executable, "-c", CHILD, str(_common.ROOT), os.path.join(folder, "speech.wav"),
                                 os.path.join(folder, "data")], capture_output=True, text=True,
                                env=dict(os.environ, PYTHONPATH=str(_common.ROOT / "src")))
    if result.returncode:
        raise SystemExit(result.stderr[-2000:])
    for line in result.stderr.splitlines():
        if line.startswith("stage "):
            print(f"  peak after {line.split()[1]}: {line.split()[2]} MB")
    lines = result.stdout.strip().splitlines()
    words = lines[0]
    peak = float(lines[-1].split()[1])
    print(f"spoken round of about 60 s: {words}")
    print(f"peak resident memory: {peak:.0f} MB (target <= 500 MB)")


if __name__ == "__main__":
    main()
