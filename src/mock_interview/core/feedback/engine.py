"""``analyse``: one answer in, the checklist with scores out.

The checks live in one module per group (structure, specificity, alignment, pitfalls, delivery)
over one shared analysis of the answer (``answer.py``); this module only runs them in order and
scores the result with the fitted weights.
"""

from __future__ import annotations

from mock_interview.core.feedback.alignment import check_alignment
from mock_interview.core.feedback.answer import AnswerText
from mock_interview.core.feedback.assessment import Assessment, FeedbackWeights, TargetProfile
from mock_interview.core.feedback.coherence import check_consistent, check_plausible, check_said_once
from mock_interview.core.feedback.delivery import check_delivery
from mock_interview.core.feedback.lexicon import load_lexicon
from mock_interview.core.feedback.pitfalls import check_pitfalls
from mock_interview.core.feedback.question import PackQuestion, QuestionInfo
from mock_interview.core.feedback.registry import CheckId
from mock_interview.core.feedback.relevance import check_relevance
from mock_interview.core.feedback.results import Feedback, Status
from mock_interview.core.feedback.scoring import largest_gains, score_checks
from mock_interview.core.feedback.specificity import check_specificity
from mock_interview.core.feedback.structure import check_structure
from mock_interview.core.feedback.timings import Delivery
from mock_interview.core.feedback.vocabulary import guess_language


def analyse(
    answer: str,
    question: QuestionInfo | PackQuestion | str,
    profile: TargetProfile | None = None,
    delivery: Delivery | None = None,
    kind: str | None = None,
    weights: FeedbackWeights | None = None,
) -> Feedback:
    """Check an answer and return the checklist with scores.

    Args:
        answer: The typed answer or transcript.
        question: A pack :class:`~mock_interview.core.packs.Question`, a :class:`QuestionInfo`, or the question text
            (its kind then comes from its words).
        profile: The target :class:`~mock_interview.core.profiles.Profile`, if any.
        delivery: Word timings when the answer was spoken.
        kind: Overrides the question's kind.
        weights: Fitted weights to use instead of the packaged ones (the fitting scripts pass their own).

    Returns:
        The :class:`Feedback`: checks in groups, each with status, evidence and tip, the score, the score of each
        group, and the missing items that would raise the score most.
    """
    info = _question_info(question, kind)
    assessment = Assessment(
        AnswerText(answer or "", load_lexicon()),
        info,
        profile,
        delivery,
        load_lexicon(),
        weights or FeedbackWeights.packaged(),
    )
    focus = str(info.focus) if info.is_follow_up and info.focus else ""
    language = guess_language(answer or "")
    if not language.is_english:
        notice = (
            f"This answer looks like {language.language}. The checks read English only, so it is not "
            "scored; answer in English to get the checklist."
        )
        return Feedback(info.kind, (), assessment.answer.word_count, {}, 0, focus=focus, notice=notice)
    if assessment.answer.word_count == 0:
        assessment.add(CheckId.ANSWER_LENGTH, Status.MISSING, detail="no words yet", label="Answer given")
        checks = tuple(assessment.checks.values())
        groups, _ = score_checks(checks, assessment.weights.score)
        return Feedback(info.kind, checks, 0, groups, 0, focus=focus)
    check_structure(assessment)
    if not info.is_follow_up:
        check_relevance(assessment)
    check_specificity(assessment)
    check_plausible(assessment)
    if not info.is_follow_up:
        check_alignment(assessment)
        check_pitfalls(assessment)
        check_consistent(assessment)
        check_said_once(assessment)
    check_delivery(assessment)
    checks = tuple(assessment.checks.values())
    groups, overall = score_checks(checks, assessment.weights.score)
    return Feedback(
        info.kind,
        checks,
        assessment.answer.word_count,
        groups,
        overall,
        largest_gains(checks, assessment.weights.score),
        focus,
    )


def _question_info(question: QuestionInfo | PackQuestion | str, kind: str | None) -> QuestionInfo:
    if isinstance(question, QuestionInfo):
        info = question
    elif isinstance(question, str):
        info = QuestionInfo.from_text(question)
    else:
        info = QuestionInfo.of(question)
    return info.with_kind(kind)


def example_leaves_out(question: PackQuestion, profile: TargetProfile | None = None) -> tuple[str, ...]:
    """The labels of the structure parts a pack question's example answer does not pass, so that
    Review can say plainly what the example leaves out (empty when it models every part)."""
    example = getattr(question, "example", None)
    if not example:
        return ()
    feedback = analyse(example, question, profile=profile)
    return tuple(
        c.label
        for c in feedback.checks
        if c.group == "structure" and c.status in ("missing", "partial") and c.id != "answer.length"
    )


def warm_up() -> None:
    """Load what the first analysis would (word frequencies, the sentiment lexicon, the sentence
    splitter, the fitted weights) so that it is as fast as the rest; the app calls this in a worker
    after its first paint."""
    analyse("I led a team of four to cut our backlog by half last year. It taught me a lot.", "Tell me about a time.")
