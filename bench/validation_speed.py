"""Validating packs with thousands of problems: linear, against parsing the same file.

``packs validate`` on 8,000 bad questions took 31-130 s (a scan of the whole file for the line of
each problem), and every command loading packs paid it while such a file was on the pack path.
Target (issue 10): 8,000 bad questions in under 2 s, growing linearly.

Run: python bench/validation_speed.py
"""

from __future__ import annotations

import tempfile
import time
import tomllib
from pathlib import Path

import _common

from mock_interview.core.packs import validate_paths

SIZES = (1000, 2000, 4000, 8000)


def bad_pack(count: int) -> str:
    """A pack whose every question has an unknown kind and an unknown key: two problems each."""
    questions = "".join(
        f'[[questions]]\nid = "q{i}"\ntext = "Question {i}?"\nkind = "nope"\nfollowups = ["x"]\n' for i in range(count)
    )
    return f'[pack]\nid = "big"\ntitle = "Big"\n{questions}'


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        rows = []
        for count in SIZES:
            path = Path(folder) / f"bad-{count}.toml"
            path.write_text(bad_pack(count), encoding="utf-8")
            problems = validate_paths([path])
            assert len(problems) == 2 * count, len(problems)
            repeats = 5 if count <= 2000 else 3
            ours = _common.median_seconds(lambda p=path: validate_paths([p]), repeats=repeats, warmup=1)
            parse = _common.median_seconds(
                lambda p=path: tomllib.loads(p.read_text("utf-8")), repeats=repeats, warmup=1
            )
            rows.append((count, ours, parse))
        header = ("bad questions", "problems", "validate", "parse only", "ratio", "per question")
        print("{:>13}  {:>8}  {:>9}  {:>10}  {:>5}  {:>12}".format(*header))
        for count, ours, parse in rows:
            print(
                f"{count:>13,}  {2 * count:>8,}  {ours * 1000:>7.0f} ms  {parse * 1000:>8.0f} ms  "
                f"{ours / parse:>5.2f}  {ours / count * 1e6:>9.0f} µs"
            )
        first, last = rows[0], rows[-1]
        growth = (last[1] / first[1]) / (last[0] / first[0])
        print(
            f"\ngrowth {first[0]:,} -> {last[0]:,} questions: time x{last[1] / first[1]:.1f} "
            f"for size x{last[0] / first[0]:.0f} (1.0 = linear): {growth:.2f}"
        )
        print(f"target: 8,000 bad questions under 2 s: {'met' if last[1] < 2 else 'NOT met'} ({last[1]:.2f} s)")

        huge = Path(folder) / "huge.toml"
        with open(huge, "wb") as handle:
            handle.truncate(64 * 1024 * 1024)
        began = time.perf_counter()
        refused = validate_paths([huge])
        took = (time.perf_counter() - began) * 1000
        print(f"a 64 MB file refused by the 5 MB limit in {took:.1f} ms: {refused[0].message}")


if __name__ == "__main__":
    main()
