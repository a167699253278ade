"""What the checks need to know about the question: its kind, time, length band and, for a
follow-up, the one gap it asks about."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Protocol

from mock_interview.core.feedback.registry import CheckId
from mock_interview.core.kinds import QuestionKind, classify_question, parse_kind

FOLLOW_UP_SECONDS = 60

# The gap a follow-up asks about, from its words: the first pattern that matches names it.
_FOLLOW_UP_FOCUS: tuple[tuple[CheckId, str], ...] = (
    (CheckId.STAR_RESULT_MEASURABLE, r"measur|how much|how many|numbers?|metric|quantif|percent"),
    (CheckId.STAR_RESULT, r"result|outcome|what happened|how did it (end|turn out|go)|impact|difference did"),
    (
        CheckId.STAR_FIRST_PERSON,
        r"you personally|your (own )?(part|role|contribution)|you yourself|as opposed to the team",
    ),
    (CheckId.SPECIFICITY_TIMEFRAMES, r"by when|how long|when do you|timeline|timeframe|how soon|what year"),
    (
        CheckId.GOALS_COMPANY_LINK,
        r"(fit|fits|align|relate|connect)[^?]*(role|plan|company|here|us|position|team)|"
        r"why (here|us|this)|our (company|team|organi[sz]ation)",
    ),
    (
        CheckId.PITFALLS_NO_PLAN,
        r"steps?\b|what is your plan|how (will|would|do) you (get|reach|achieve|prepare|build|"
        r"learn|develop)|what (will|would) you (need|do) to|prepare|learn",
    ),
    (CheckId.FIT_WHAT_YOU_BRING, r"bring|contribute|offer|add to"),
    (CheckId.WEAKNESS_MITIGATION, r"(doing|do) about it|work(ing)? on it|overcome|manage it|improve (it|on)"),
    (CheckId.GOALS_SHORT_TERM, r"(next|coming) (one|two|three|1|2|3|few|year)|short[- ]term|this year"),
    (CheckId.GOALS_LONG_TERM, r"(five|ten|5|10) years|long[- ]term|eventually|ultimately"),
    (CheckId.SPECIFICITY_EXAMPLE, r"example|instance|specific (time|case|situation)|tell me (more )?about (a|one)"),
)


class PackQuestion(Protocol):
    """The parts of a pack question the checks read (read-only, so frozen dataclasses fit)."""

    @property
    def text(self) -> str: ...
    @property
    def kind(self) -> str: ...
    @property
    def answer_seconds(self) -> int: ...
    @property
    def min_words(self) -> int | None: ...
    @property
    def max_words(self) -> int | None: ...
    @property
    def keywords(self) -> tuple[str, ...]: ...


@dataclass(frozen=True)
class QuestionInfo:
    """What the checks need to know about the question."""

    text: str
    kind: str
    answer_seconds: int = 120
    min_words: int | None = None
    max_words: int | None = None
    keywords: tuple[str, ...] = ()
    focus: CheckId | None = None  # a follow-up: the gap it asks about
    parent_kind: str = ""  # a follow-up: the kind of the question it follows

    FOLLOW_UP_SECONDS = FOLLOW_UP_SECONDS

    @property
    def question_kind(self) -> QuestionKind:
        """:attr:`kind` as a :class:`QuestionKind` (unknown kinds read as ``GENERAL``)."""
        return parse_kind(self.kind) or QuestionKind.GENERAL

    @property
    def is_follow_up(self) -> bool:
        """Whether this is a follow-up checked for one gap rather than as a whole answer."""
        return bool(self.parent_kind)

    @classmethod
    def of(cls, question: PackQuestion) -> QuestionInfo:
        """From a pack :class:`~mock_interview.core.packs.Question`."""
        return cls(
            question.text,
            question.kind,
            question.answer_seconds,
            question.min_words,
            question.max_words,
            tuple(question.keywords),
        )

    @classmethod
    def follow_up(cls, text: str, answer_seconds: int | None = None, parent_kind: str = "general") -> QuestionInfo:
        """A follow-up: a short answer checked for the gap its words ask about (the result, the
        timeframe, the plan, the link to the company…) and for specificity."""
        seconds = answer_seconds or FOLLOW_UP_SECONDS
        return cls(
            text,
            parent_kind or "general",
            seconds,
            min_words=8,
            max_words=150,
            focus=follow_up_focus(text),
            parent_kind=parent_kind or "general",
        )

    @classmethod
    def from_text(cls, text: str, kind: str | None = None, answer_seconds: int = 120) -> QuestionInfo:
        """A question typed by the user: its kind from its words unless given."""
        return cls(text, kind or classify_question(text), answer_seconds)

    def with_kind(self, kind: str | None) -> QuestionInfo:
        """The same question checked as ``kind`` (when given)."""
        return replace(self, kind=kind) if kind else self


def follow_up_focus(text: str) -> CheckId | None:
    """The gap a follow-up question asks about, from its words (``None`` when it asks for more in general)."""
    for check_id, pattern in _FOLLOW_UP_FOCUS:
        if re.search(pattern, text, re.IGNORECASE):
            return check_id
    return None
