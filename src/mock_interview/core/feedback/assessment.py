"""What every check module works with: the analysed answer, the question, the profile, the
spoken timings, the fitted weights, and the checklist being built."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from itertools import islice
from typing import TYPE_CHECKING, Protocol

from mock_interview.core.feedback.answer import AnswerText
from mock_interview.core.feedback.lexicon import Lexicon
from mock_interview.core.feedback.question import QuestionInfo
from mock_interview.core.feedback.registry import CheckId, spec
from mock_interview.core.feedback.results import Check, Evidence, Status
from mock_interview.core.feedback.text import Span

if TYPE_CHECKING:
    from mock_interview.core.feedback.scoring import ScoreWeights
    from mock_interview.core.feedback.star import StarReading, StarWeights
    from mock_interview.core.feedback.timings import Delivery


MAX_EVIDENCE = 50  # pieces of evidence kept per check: enough to highlight, small enough to save


class TargetProfile(Protocol):
    """The parts of a :class:`~mock_interview.core.profiles.Profile` the checks read (read-only)."""

    @property
    def company(self) -> str: ...
    @property
    def role(self) -> str: ...
    @property
    def industry(self) -> str: ...
    @property
    def career_stage(self) -> str: ...
    @property
    def mission(self) -> str: ...
    @property
    def values(self) -> tuple[str, ...]: ...
    @property
    def job_description(self) -> str: ...


@dataclass(frozen=True)
class FeedbackWeights:
    """The fitted weights the checks use (the packaged ones unless a fitting run passes others)."""

    star: StarWeights
    score: ScoreWeights

    @classmethod
    def packaged(cls) -> FeedbackWeights:
        """The weights shipped in ``weights/``."""
        from mock_interview.core.feedback.scoring import packaged_score_weights
        from mock_interview.core.feedback.star import packaged_weights

        return cls(packaged_weights(), packaged_score_weights())


@dataclass
class Assessment:
    """One analysis: its inputs and the checks found so far, by id."""

    answer: AnswerText
    question: QuestionInfo
    profile: TargetProfile | None
    delivery: Delivery | None
    lex: Lexicon
    weights: FeedbackWeights
    checks: dict[CheckId, Check] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """The answer's text."""
        return self.answer.text

    @cached_property
    def star(self) -> StarReading:
        """The STAR tagger's reading of the answer (computed once)."""
        from mock_interview.core.feedback.star import read_star

        return read_star(self.answer, self.weights.star)

    def add(
        self,
        check_id: CheckId,
        status: Status,
        evidence: Iterable[Span] = (),
        *,
        detail: str = "",
        problem: bool = False,
        extra_tip: str = "",
        label: str | None = None,
        tip: str | None = None,
    ) -> Check:
        """Record the status of a check, with its evidence (spans of the answer)."""
        about = spec(check_id)
        text = tip if tip is not None else about.tip
        if extra_tip:
            text = f"{text} {extra_tip}".strip()
        kept = tuple(Evidence(s.start, s.end, s.text) for s in islice(evidence, MAX_EVIDENCE))
        check = Check(
            str(check_id), about.group, label or about.label, status, kept, text, about.source, detail, problem
        )
        self.checks[check_id] = check
        return check

    def na(self, check_id: CheckId, tip: str, label: str | None = None) -> Check:
        """Record a check that does not apply, with the tip that says how to make it apply."""
        return self.add(check_id, Status.NA, tip=tip, label=label)

    def status(self, check_id: CheckId) -> Status | None:
        """The status already recorded for ``check_id``, if any."""
        check = self.checks.get(check_id)
        return check.status if check else None


def by_count(count: int, full: int, some: int = 1) -> Status:
    """``pass`` from ``full`` findings, ``partial`` from ``some``, else ``missing``."""
    return Status.PASS if count >= full else Status.PARTIAL if count >= some else Status.MISSING


def present(found: object) -> Status:
    """``pass`` when anything was found, else ``missing``."""
    return Status.PASS if found else Status.MISSING
