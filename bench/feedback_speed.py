"""Feedback speed: a 300-word answer in at most 15 ms (median) as the panel reruns it, linear growth
up to 5,000 words, and with ``--large`` the ``score`` command's extremes: 2 MB and 10 MB answers,
whose ratio should stay near the plain baseline's own ratio (linear).

The baseline in the same run is a single pass of ``str.lower().split()`` over the same text, so the
ratio says how many plain passes over the text one analysis costs, whatever the machine's speed.
With ``--against REV`` the same 300-word timing also runs on the engine at git revision REV
(checked out into a temporary worktree), in the same run: the figure the issue asks for next to
"today's engine".

Run: python bench/feedback_speed.py [--large] [--against 166e293]
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
        f"\n300 words: {per_word[300] * 300 * 1000:.2f} ms as the panel reruns it (target <= 15 ms); "
        "see the cold column for a first run"
    )
    print(f"cost per word at 5,000 / at 300: {per_word[5000] / per_word[300]:.2f} (1.0 = perfectly linear)")
    if "--large" in sys.argv:
        large()
    if "--against" in sys.argv:
        against(sys.argv[sys.argv.index("--against") + 1], per_word[300] * 300)


_TIMING = """
import statistics, sys, time
sys.path.insert(0, {src!r})
from mock_interview.core.feedback import analyse
text = {text!r}
analyse(text, {question!r})
times = []
for _ in range(15):
    start = time.perf_counter(); analyse(text, {question!r}); times.append(time.perf_counter() - start)
print(statistics.median(times))
"""


def against(revision: str, ours: float) -> None:
    """The 300-word median of the engine at ``revision``, timed in this run beside ours."""
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        tree = f"{folder}/tree"
        subprocess.run(
            ["git", "-C", str(_common.ROOT), "worktree", "add", "--detach", tree, revision],
            check=True,
            capture_output=True,
        )
        try:
            code = _TIMING.format(src=f"{tree}/src", text=answer_of(300), question=QUESTION)
            out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
            theirs = float(out.stdout.strip())
        finally:
            subprocess.run(["git", "-C", str(_common.ROOT), "worktree", "remove", "--force", tree], check=False)
    print(
        f"\n300 words, engine at {revision}: {theirs * 1000:.2f} ms; this engine: {ours * 1000:.2f} ms "
        f"({ours / theirs:.2f} x)"
    )


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
