"""The gaming pairs of tests/data/gaming_pairs.toml: an honest answer and a version written to game the score."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from mock_interview.core.feedback import Feedback, analyse

PAIRS_FILE = Path(__file__).resolve().parent / "data" / "gaming_pairs.toml"
MARGIN = 15  # the gamed answer must score at least this many points below the honest one


@dataclass(frozen=True)
class GamingPair:
    """An honest answer, a gamed one, and the question both are given to."""

    name: str
    question: str
    honest: str
    gamed: str

    def scores(self) -> tuple[Feedback, Feedback]:
        """The feedback on the honest answer and on the gamed one."""
        return analyse(self.honest, self.question), analyse(self.gamed, self.question)


def gaming_pairs() -> list[GamingPair]:
    """Every pair of the file."""
    data = tomllib.loads(PAIRS_FILE.read_text("utf-8"))
    answers = {**data["answers"], **data.get("extra_honest", {})}
    return [
        GamingPair(g["name"], data["questions"][g["question"]], answers[g["honest"]], g["text"]) for g in data["gamed"]
    ]
