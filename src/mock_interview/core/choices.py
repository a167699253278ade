"""The closed sets of values a user chooses from, each defined once.

Settings and profile files are checked against them, Home and the Profiles screen offer them, and
the command line takes its ``choices`` from them. The module imports nothing beyond the standard
library, so ``mock-interview --help`` can build its parser from it without loading the core.
(Question kinds live in :mod:`mock_interview.core.kinds`, with how a question's words tell them.)
"""

from __future__ import annotations

from enum import StrEnum


class QuestionOrder(StrEnum):
    """The order of a round's questions."""

    PACK = "pack"  # each pack's own order, the packs taking turns
    SHUFFLED = "shuffled"
    WEAKEST = "weakest"  # lowest past score first, then the questions never answered


class AnswerMode(StrEnum):
    """How a round is answered, and how one answer was given (a spoken round can fall back to typing)."""

    TYPED = "typed"
    SPOKEN = "spoken"


class Industry(StrEnum):
    """The industry of a target profile (alignment checks name its expectations)."""

    TECHNOLOGY = "technology"
    HEALTHCARE = "healthcare"
    FINANCE = "finance"
    CREATIVE = "creative"
    NONPROFIT = "nonprofit"
    PUBLIC = "public"
    OTHER = "other"


class CareerStage(StrEnum):
    """Where the user is in their career (what a realistic goal looks like depends on it)."""

    ENTRY = "entry"
    MID = "mid"
    SENIOR = "senior"


def choice_values(choices: type[StrEnum]) -> tuple[str, ...]:
    """The plain strings of an enumeration, in its order: for ``choices=`` lists and messages.

    argparse quotes the ``repr`` of each choice in its errors, so it is given the strings, not the members.
    """
    return tuple(member.value for member in choices)
