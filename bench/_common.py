"""Helpers for the benchmark scripts: timing with medians, run from the checkout."""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def median_seconds(function, repeats: int = 21, warmup: int = 2) -> float:
    """The median wall time of ``function()`` over ``repeats`` runs."""
    for _ in range(warmup):
        function()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def cpu_summary() -> str:
    """The machine's cores and its load when the benchmark starts (figures from a busy machine are noisy)."""
    import os

    try:
        load = os.getloadavg()[0]
    except OSError:
        return f"{os.cpu_count()} cores"
    return f"{os.cpu_count()} cores, load average {load:.1f} at the start"
