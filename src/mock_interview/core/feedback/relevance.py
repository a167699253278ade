"""Answers the question asked: the least an answer of the question's kind must say, and the topic a
story question names.

- Each kind asks for something: a goal looks ahead, a story tells of something that happened, a
  weakness names one, a "why here" gives a reason. An answer with none of it does not answer.
- A story question often names its topic (a conflict, a failure, a deadline, a customer); an answer
  that tells a good story about something else ("the right story to the wrong question") answers
  only half. Topics and their words are in ``[topics]`` of lexicon.toml: a question names a topic
  by one list, an answer shows it by the other, in any words ("we disagreed" for a conflict).
- Sidestepping ("no one really knows") with nothing of substance is no answer.

A question whose text is not known (a pasted answer with no question) leaves the check out.
"""

from __future__ import annotations

from mock_interview.core.feedback.assessment import Assessment
from mock_interview.core.feedback.detail import read_details
from mock_interview.core.feedback.events import read_moment, speaker_timeframes
from mock_interview.core.feedback.frame import GOAL_STATEMENT
from mock_interview.core.feedback.registry import CheckId
from mock_interview.core.feedback.results import Status
from mock_interview.core.feedback.text import Span
from mock_interview.core.kinds import QuestionKind

DODGE_WORDS = 30  # a dodge in an answer this short, with nothing of substance, is the whole answer
TOPICS = (
    "conflict",
    "failure",
    "leadership",
    "pressure",
    "customer",
    "change",
    "feedback",
    "persuasion",
    "initiative",
    "process",
    "problem",
    "teamwork",
    "learning",
    "ethics",
)
# What each kind asks for at the least, as lexicon lists ("section", "name").
_KIND_NEEDS: dict[QuestionKind, tuple[tuple[str, str], ...]] = {
    QuestionKind.GOALS: (("goals", "short_term"), ("goals", "long_term"), ("goals", "current")),
    QuestionKind.WEAKNESS: (
        ("weakness", "named"),
        ("weakness", "cliche"),
        ("weakness", "canned"),
        ("specificity", "habit"),
    ),
    QuestionKind.FIT: (
        ("fit", "why_company"),
        ("fit", "why_role"),
        ("fit", "what_you_bring"),
        ("motivation", "driver"),
        ("alignment", "generic_company"),
        ("relevance", "reasons"),
    ),
    QuestionKind.MOTIVATION: (("motivation", "driver"), ("fit", "why_role"), ("relevance", "reasons")),
    QuestionKind.ABOUT: (("about", "present"), ("about", "past"), ("goals", "current"), ("relevance", "self")),
    QuestionKind.SKILLS: (("specificity", "skills"), ("pitfalls", "plan_cues"), ("relevance", "self")),
}
_WHAT_IT_ASKS = {
    QuestionKind.GOALS: "where you are heading",
    QuestionKind.BEHAVIORAL: "a time it happened",
    QuestionKind.WEAKNESS: "a weakness",
    QuestionKind.FIT: "a reason for this company or role",
    QuestionKind.MOTIVATION: "what drives you",
    QuestionKind.ABOUT: "who you are",
    QuestionKind.SKILLS: "the skills themselves",
}


def question_topics(assessment: Assessment) -> list[str]:
    """The topics a question names ("a conflict with a coworker": conflict)."""
    question = assessment.question.text.lower()
    return [t for t in TOPICS if assessment.lex.pattern("topics", f"{t}_question").search(question)]


def check_relevance(assessment: Assessment) -> None:
    """``answer.relevance``: pass, partial (the kind's part is there but not the question's topic)
    or missing (nothing the question asks for, or a dodge with nothing behind it)."""
    if not assessment.question.text.strip():
        assessment.na(CheckId.ANSWER_RELEVANCE, "Checked when the question is known.")
        return
    answer = assessment.answer
    kind = assessment.question.question_kind
    needs = _kind_evidence(assessment)
    substance = read_details(answer).distinct_details > 0 or bool(needs)
    dodges = answer.find("answer", "deflection") + answer.find("pitfalls", "no_plan")
    if dodges and not substance and answer.word_count <= DODGE_WORDS:
        assessment.add(CheckId.ANSWER_RELEVANCE, Status.MISSING, dodges, problem=True, detail="sidesteps the question")
        return
    if needs is not None and not needs:
        asks = _WHAT_IT_ASKS.get(kind, "what was asked")
        assessment.add(CheckId.ANSWER_RELEVANCE, Status.MISSING, [], detail=f"the question asks for {asks}")
        return
    topics = question_topics(assessment)
    shown = {t: answer.find("topics", f"{t}_answer") for t in topics}
    if topics and not any(shown.values()):
        named = " or ".join(topics)
        assessment.add(
            CheckId.ANSWER_RELEVANCE, Status.PARTIAL, [], detail=f"the question asks about {named}; the answer does not"
        )
        return
    evidence = [s for spans in shown.values() for s in spans] + (needs or [])
    assessment.add(CheckId.ANSWER_RELEVANCE, Status.PASS, answer.sentences_of(evidence)[:3])


def _kind_evidence(assessment: Assessment) -> list[Span] | None:
    """What the answer says of what its kind asks for (``None``: the kind asks nothing particular)."""
    answer = assessment.answer
    kind = assessment.question.question_kind
    if kind is QuestionKind.BEHAVIORAL:
        moment = read_moment(answer)
        if moment.evidence:
            return list(moment.evidence)
        parts = assessment.star.parts
        return [
            s for p in ("situation", "action", "result") if parts[p].status != "missing" for s in parts[p].sentences
        ]
    if kind is QuestionKind.GOALS:
        statements = [Span(m.start(), m.end(), m.group()) for m in GOAL_STATEMENT.finditer(answer.folded)]
        statements += [t.span for t in speaker_timeframes(answer) if t.horizon != "past"]
        return statements + [s for key in _KIND_NEEDS[kind] for s in answer.find(*key)]
    keys = _KIND_NEEDS.get(kind)
    if keys is None:
        return None
    return [s for key in keys for s in answer.find(*key)]
