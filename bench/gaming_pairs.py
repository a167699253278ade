"""Answers written to game the score, beside the honest answers they imitate (tests/data/gaming_pairs.toml).

For each pair: the honest answer's score, the gamed one's, and the margin; the issue asks for a
margin of at least 15 points on every pair. Also prints the checks that moved, so a margin that
shrinks says why.

Run: python bench/gaming_pairs.py
"""

from __future__ import annotations

import sys

import _common  # noqa: F401  (puts the checkout on sys.path)

from tests.gaming import MARGIN, gaming_pairs


def main() -> int:
    worst = None
    for pair in gaming_pairs():
        honest, gamed = pair.scores()
        margin = honest.score - gamed.score
        worst = margin if worst is None else min(worst, margin)
        moved = [
            f"{c.id} {c.status}" for c in gamed.checks if (h := honest.by_id(c.id)) is not None and h.status != c.status
        ]
        verdict = "ok" if margin >= MARGIN else "TOO SMALL"
        print(f"{pair.name:28} honest {honest.score:3}  gamed {gamed.score:3}  margin {margin:+4}  {verdict}")
        print(f"{'':28} moved: {', '.join(moved[:8]) or '-'}")
    print(f"\nsmallest margin {worst} (needed: {MARGIN})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
