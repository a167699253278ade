"""Feedback speed: a 300-word answer in at most 5 ms (median), linear growth up to 5,000 words, and
with ``--large`` the ``score`` command's extremes: a 2 MB answer in under 3 s, 10 MB linear (at most
5.5 times the 2 MB time).

The baseline in the same run is a single pass of ``str.lower().split()`` over the same text, so the
ratio says how many plain passes over the text one analysis costs, whatever the machine's speed.

Run: python bench/feedback_speed.py
"""

from __future__ import annotations

import sys
import time

import _common

from mock_interview.core.feedback import analyse
from mock_interview.core.feedback.text import stem
from mock_interview.core.profiles import Profile
from tests.corpus import load_corpus

QUESTION = "Tell me about a time you led a project."


def answer_of(words: int) -> str:
    pool = " ".join(a.text for a in load_corpus())
    tokens = pool.split()
    out: list[str] = []
    while len(out) < words:
        out.extend(tokens)
    return " ".join(out[:words])


def main() -> None:
    profile = Profile(
        name="p",
        company="Greenleaf",
        role="Marketing Manager",
        industry="creative",
        career_stage="mid",
        mission="Make sustainable living easy",
        values=("Sustainability", "Curiosity"),
        job_description="Own our content strategy and lead campaigns across social media using data analytics.",
    )
    print(f"{'words':>6} {'median ms':>10} {'µs/word':>8} {'cold cache ms':>14} {'baseline ms':>12} {'ratio':>7}")
    per_word = {}
    for size in (300, 1000, 2500, 5000):
        text = answer_of(size)

        def warm(text: str = text) -> None:
            analyse(text, QUESTION, profile=profile)

        def cold(text: str = text) -> None:  # a first analysis: no word stemmed before
            stem.cache_clear()
            analyse(text, QUESTION, profile=profile)

        def baseline(text: str = text) -> None:
            text.lower().split()

        ours = _common.median_seconds(warm, repeats=15)
        cold_time = _common.median_seconds(cold, repeats=15)
        base = _common.median_seconds(baseline, repeats=15)
        per_word[size] = ours / size
        print(
            f"{size:6} {ours * 1000:10.2f} {ours / size * 1e6:8.2f} {cold_time * 1000:14.2f} {base * 1000:12.3f} "
            f"{ours / base:7.0f}"
        )
    print(
        f"\n300 words: {per_word[300] * 300 * 1000:.2f} ms as the panel reruns it (target <= 5 ms); "
        "see the cold column for a first run"
    )
    print(f"cost per word at 5,000 / at 300: {per_word[5000] / per_word[300]:.2f} (1.0 = perfectly linear)")
    if "--large" in sys.argv:
        large()


def large() -> None:
    """2 MB and 10 MB answers, once each (they take seconds), against one pass of str.split."""
    print(f"\n{'size':>6} {'seconds':>8} {'baseline s':>11} {'ratio':>7}")
    timings = {}
    for megabytes in (2, 10):
        text = answer_of(int(megabytes * 1e6 / 6.3))
        start = time.perf_counter()
        analyse(text, QUESTION)
        timings[megabytes] = time.perf_counter() - start

        def baseline(text: str = text) -> None:
            text.lower().split()

        base = _common.median_seconds(baseline, repeats=3, warmup=0)
        print(f"{megabytes:>4} MB {timings[megabytes]:8.2f} {base:11.3f} {timings[megabytes] / base:7.0f}")
    print(f"2 MB: {timings[2]:.2f} s (target < 3 s); 10 MB / 2 MB: {timings[10] / timings[2]:.2f} (target <= 5.5)")


if __name__ == "__main__":
    main()
