"""Keystroke delay while live feedback reruns on a 1,000-word answer.

A round is opened with a 1,000-word answer already typed; then keys are pressed at typing pace
with short pauses that let the debounced checklist rerun in its thread worker. Each keystroke's
handling time (from press to the app being idle again) is measured with live feedback on, and
with calm mode (no live checklist) as the baseline, in the same run. A frame is 1/60 s (16.7 ms).

Run: python bench/typing_latency.py
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time

import _common
from mock_interview.cli.context import AppContext
from mock_interview.tui.app import MockInterviewApp
from tests.corpus import load_corpus

FRAME = 1 / 60


def long_answer(words: int = 1000) -> str:
    tokens = " ".join(a.text for a in load_corpus()).split()
    out = []
    while len(out) < words:
        out += tokens
    return " ".join(out[:words])


async def measure(calm: bool) -> tuple[list[float], int]:
    with tempfile.TemporaryDirectory() as data:
        app = MockInterviewApp(AppContext.from_options(data), speech_probe=lambda: (False, "bench"),
                               start_round={"packs": ["behavioral-star"], "count": 1, "order": "pack", "mode": "typed", "profile": ""})
        app.settings = app.settings.updated(feedback="calm" if calm else "live")
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause(0.3)
            await pilot.press("ctrl+s")
            screen = app.screen
            screen.query_one("#answer").insert(long_answer())
            analyses_before = 0
            delays = []
            for burst in range(12):
                for key in "and then ":
                    began = time.perf_counter()
                    await pilot.press("space" if key == " " else key)
                    delays.append(time.perf_counter() - began)
                    await asyncio.sleep(0.08)
                await asyncio.sleep(0.45)  # a pause in typing: the checklist reruns now, during the next keys
            return delays, analyses_before


def main() -> None:
    live, _ = asyncio.run(measure(calm=False))
    calm, _ = asyncio.run(measure(calm=True))
    for label, delays in (("live feedback", live), ("calm (baseline)", calm)):
        ordered = sorted(delays)
        p95 = ordered[int(0.95 * (len(ordered) - 1))]
        print(f"{label:>16}: median {statistics.median(delays) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms, "
              f"max {max(delays) * 1000:.1f} ms over {len(delays)} keys")
    print(f"live / calm median ratio: {statistics.median(live) / statistics.median(calm):.2f}; "
          f"live keys slower than the calm median by more than a frame (16.7 ms): "
          f"{sum(1 for d in live if d - statistics.median(calm) > FRAME)} of {len(live)}")


if __name__ == "__main__":
    main()
