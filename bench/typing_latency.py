"""Keystroke delay while live feedback reruns on a 1,000-word answer (or a pasted 1 MB one, cut at the cap).

A round is opened with a 1,000-word answer already typed; then keys are pressed at typing pace
with short pauses that let the debounced checklist rerun in its thread worker. Each keystroke's
handling time (from press to the app being idle again) is measured with live feedback on, and
with calm mode (no live checklist) as the baseline, in the same run. A frame is 1/60 s (16.7 ms).

With ``--paste-mb 1`` the answer is a 1 MB paste instead: the round keeps its first 20,000 words
(the cap), and every key is typed at the cap (target: under 50 ms per key).

The event-loop stalls are the figure to read at the cap: a key waits for the stall it lands in,
then for its own handling and redraw, which are stalls too.

Run: python bench/typing_latency.py [--paste-mb 1]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time

from textual.widgets import TextArea

from mock_interview.core.context import AppContext
from mock_interview.core.planning import RoundRequest
from mock_interview.tui.app import MockInterviewApp
from tests.corpus import load_corpus

FRAME = 1 / 60


def long_answer(words: int = 1000) -> str:
    tokens = " ".join(a.text for a in load_corpus()).split()
    out: list[str] = []
    while len(out) < words:
        out += tokens
    return " ".join(out[:words])


async def watch_loop(stalls: list[float], stop: asyncio.Event) -> None:
    """How late the event loop wakes up: the delay any keystroke arriving then would suffer."""
    while not stop.is_set():
        began = time.perf_counter()
        await asyncio.sleep(0.002)
        stalls.append(time.perf_counter() - began - 0.002)


async def measure(calm: bool, paste_mb: float = 0.0) -> tuple[list[float], list[float]]:
    with tempfile.TemporaryDirectory() as data:
        app = MockInterviewApp(
            AppContext.from_options(data),
            speech_probe=lambda: (False, "bench"),
            start_round=RoundRequest(("behavioral-star",), count=1, order="pack", profile=""),
        )
        app.settings = app.settings.updated(feedback="calm" if calm else "live")
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause(0.3)
            await pilot.press("ctrl+s")
            screen = app.screen
            area = screen.query_one("#answer", TextArea)
            if paste_mb:
                text = long_answer(int(paste_mb * 1024 * 1024 / 6))
                area.insert(text[: int(paste_mb * 1024 * 1024)])
                await pilot.pause(2.0)  # the paste itself (cut, lines broken) is done: what follows is typing
                print(f"  pasted {paste_mb:g} MB; the answer holds {len(area.text.split()):,} words")
            else:
                area.insert(long_answer())
            stalls: list[float] = []
            stop = asyncio.Event()
            watcher = asyncio.create_task(watch_loop(stalls, stop))
            delays = []
            for _burst in range(12):
                for key in "and then ":
                    began = time.perf_counter()
                    await pilot.press("space" if key == " " else key)
                    delays.append(time.perf_counter() - began)
                    await asyncio.sleep(0.08)
                await asyncio.sleep(0.45)  # a pause in typing: the checklist reruns now, during the next keys
            stop.set()
            await watcher
            return delays, stalls


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[int(share * (len(ordered) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paste-mb", type=float, default=0.0, help="paste this many MB instead of 1,000 words")
    args = parser.parse_args()
    live, live_stalls = asyncio.run(measure(calm=False, paste_mb=args.paste_mb))
    calm, calm_stalls = asyncio.run(measure(calm=True, paste_mb=args.paste_mb))
    print("keystroke handling through Pilot (press to idle; includes the test harness's own overhead):")
    for label, delays in (("live feedback", live), ("calm (baseline)", calm)):
        print(
            f"  {label:>16}: median {statistics.median(delays) * 1000:.1f} ms, "
            f"p95 {percentile(delays, 0.95) * 1000:.1f} ms, "
            f"max {max(delays) * 1000:.1f} ms over {len(delays)} keys"
        )
    print(
        f"  live / calm: median {statistics.median(live) / statistics.median(calm):.2f}, p95 "
        f"{percentile(live, 0.95) / percentile(calm, 0.95):.2f}"
    )
    print("event-loop stalls while typing (how long a keystroke could wait before it is even handled):")
    for label, stalls in (("live feedback", live_stalls), ("calm (baseline)", calm_stalls)):
        print(
            f"  {label:>16}: p99 {percentile(stalls, 0.99) * 1000:.1f} ms, max {max(stalls) * 1000:.1f} ms "
            f"over {len(stalls)} samples"
        )
    extra = max(live_stalls) - max(calm_stalls)
    print(
        f"  live feedback adds at most {max(0.0, extra) * 1000:.1f} ms to the worst stall; "
        f"a frame is {FRAME * 1000:.1f} ms"
    )


if __name__ == "__main__":
    main()
