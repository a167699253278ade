"""Real answers (JSON lines from public career pages) and the measures the feedback is judged by.

The data stays outside the project (its text belongs to its pages); this module only reads it.
Every measure sits next to a trivial baseline computed on the same answers.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlparse

if TYPE_CHECKING:
    from mock_interview.core.feedback import FeedbackWeights

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "answers-dev.jsonl"
SECOND_DATA = ROOT.parent / "shared" / "data" / "answers-dev-2.jsonl"
STAR_PARTS = ("situation", "task", "action", "result")
COVERAGE_NEEDED = 0.30
# The page's question type and the kinds of the app that count as right for it.
KINDS_FOR_QTYPE: dict[str, frozenset[str]] = {
    "goals": frozenset({"goals"}),
    "behavioral": frozenset({"behavioral"}),
    "fit": frozenset({"fit", "motivation"}),
    "skills": frozenset({"skills", "weakness"}),
    "about": frozenset({"about"}),
    "other": frozenset({"general", "fit"}),
    "leaving": frozenset({"leaving"}),
    "weakness": frozenset({"weakness"}),
    "strengths": frozenset({"skills"}),
}
# The kind an answer is checked as when the page's type is known.
KIND_FOR_QTYPE = {
    "goals": "goals",
    "behavioral": "behavioral",
    "fit": "fit",
    "skills": "skills",
    "about": "about",
    "other": "general",
    "leaving": "leaving",
    "weakness": "weakness",
    "strengths": "skills",
}
_LONG_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_PLAIN_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+")


@dataclass(frozen=True)
class RealAnswer:
    """One answer of the data file."""

    id: str
    host: str
    question: str
    stated: bool
    qtype: str
    answer: str
    label: str | None
    star_parts: dict[str, str] | None
    company: str | None
    flaws: tuple[str, ...] = ()  # the page's stated reasons a weak answer is weak (answers-dev-2)

    @property
    def kind(self) -> str:
        """The app's kind for the answer: what the question's words say where that agrees with the
        page's type (a weakness question is a "skills" question there), else the type's kind."""
        from mock_interview.core.kinds import classify_question

        inferred = str(classify_question(self.question.removeprefix("[not stated]")))
        if inferred in KINDS_FOR_QTYPE.get(self.qtype, frozenset()):
            return inferred
        return KIND_FOR_QTYPE.get(self.qtype, "general")


def load_real_answers(path: Path = DEFAULT_DATA) -> list[RealAnswer]:
    """Every answer of a JSON-lines file, with its source host."""
    answers = []
    for line in path.read_text("utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        host = (urlparse(row.get("source_url") or "").hostname or "unknown").removeprefix("www.")
        question = row.get("question") or ""
        company = row.get("company_context") or None
        answers.append(
            RealAnswer(
                id=row.get("id", ""),
                host=host,
                question=question,
                stated=not question.startswith("[not stated]"),
                qtype=row.get("qtype") or "other",
                answer=row.get("answer") or "",
                label=row.get("page_label"),
                star_parts={k: v for k, v in row["star_parts"].items() if v} if row.get("star_parts") else None,
                company=(company.get("name") if isinstance(company, dict) else company) or None,
                flaws=tuple(f for f in row.get("flaws") or () if f != "none"),
            )
        )
    return answers


def roc_auc(scores: Sequence[float], positives: Sequence[bool]) -> float | None:
    """Probability that a random positive outscores a random negative (ties count half)."""
    pos = [s for s, p in zip(scores, positives, strict=True) if p]
    neg = [s for s, p in zip(scores, positives, strict=True) if not p]
    if not pos or not neg:
        return None
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def word_count(text: str) -> int:
    """Words as a person counts them."""
    return len(text.split())


def long_words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Character ranges of the words of four letters or more in ``text[start:end]``."""
    return [
        (m.start(), m.end())
        for m in _LONG_WORD.finditer(text, start, end)
        if sum(ch.isalpha() for ch in m.group()) >= 4
    ]


def part_range(answer: str, part_text: str) -> tuple[int, int] | None:
    """Where a labelled part's verbatim text sits in the answer."""
    position = answer.find(part_text)
    if position >= 0:
        return position, position + len(part_text)
    squeezed = re.sub(r"\s+", " ", part_text.strip())
    position = answer.find(squeezed)
    return (position, position + len(squeezed)) if position >= 0 else None


def covered(words: list[tuple[int, int]], spans: Sequence[tuple[int, int]]) -> float:
    """Share of ``words`` inside any of ``spans``."""
    if not words:
        return 0.0
    inside = sum(1 for ws, we in words if any(s <= ws and we <= e for s, e in spans))
    return inside / len(words)


def plain_sentences(text: str) -> list[tuple[int, int]]:
    """Sentences split at . ! ? only (the baseline's notion of a sentence)."""
    spans, start = [], 0
    for match in _PLAIN_SENTENCE_END.finditer(text):
        if text[start : match.start()].strip():
            spans.append((start, match.start()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return spans


def position_rule(text: str) -> dict[str, list[tuple[int, int]]]:
    """First sentence = situation, second = task, last = result, the rest = action."""
    spans = plain_sentences(text)
    parts: dict[str, list[tuple[int, int]]] = {p: [] for p in STAR_PARTS}
    if not spans:
        return parts
    parts["situation"] = [spans[0]]
    if len(spans) > 1:
        parts["task"] = [spans[1]]
    if len(spans) > 2:
        parts["result"] = [spans[-1]]
        parts["action"] = spans[2:-1]
    return parts


# What the checks give for an answer, in the shape the measures need.
@dataclass(frozen=True)
class Outcome:
    """The standing behind the score and, for STAR, each part's status and evidence ranges."""

    score: float
    kind: str
    star: dict[str, tuple[str, list[tuple[int, int]]]] = field(default_factory=dict)
    measurable: str = "na"
    statuses: dict[str, str] = field(default_factory=dict)  # check id -> status
    gains: tuple[str, ...] = ()  # the "raise it most" check ids, first first
    shown_score: int = 0  # the score as the app shows it


Analyser = Callable[[RealAnswer, str | None], Outcome]


def default_analyser(weights: FeedbackWeights | None = None) -> Analyser:
    """Runs the app's checks with ``weights`` (the packaged ones when it is ``None``)."""
    from mock_interview.core.feedback import FeedbackWeights, analyse
    from mock_interview.core.feedback.scoring import standing
    from mock_interview.core.profiles import Profile

    score_weights = (weights if weights is not None else FeedbackWeights.packaged()).score

    def run(answer: RealAnswer, kind: str | None) -> Outcome:
        profile = Profile(name="page", company=answer.company, role="") if answer.company else None
        question = answer.question if answer.stated else ""
        feedback = analyse(answer.answer, question, profile=profile, kind=kind, weights=weights)
        star = {}
        for part in STAR_PARTS:
            check = feedback.by_id(f"star.{part}")
            if check is not None:
                star[part] = (str(check.status), [(e.start, e.end) for e in check.evidence])
        measurable = feedback.by_id("star.result_measurable")
        # ranked by the standing before the score's curve: the same order as the score for one
        # model, and comparable across the models of cross-validation folds
        value = standing(feedback.checks, score_weights)
        return Outcome(
            value if value is not None else 0.0,
            str(feedback.kind),
            star,
            str(measurable.status) if measurable else "na",
            {c.id: str(c.status) for c in feedback.checks},
            tuple(g.check_id for g in feedback.gains),
            int(feedback.score),
        )

    return run


def classify(question: str) -> str:
    """The app's kind for a question's words."""
    from mock_interview.core.feedback import classify_question

    return str(classify_question(question))


@dataclass
class EvaluationResult:
    """The figures of one run."""

    labelled: int = 0
    score_auc: float = 0.0
    word_count_auc: float = 0.0
    auc_by_type: dict[str, tuple[float | None, float | None, int]] = field(default_factory=dict)
    star_answers: int = 0
    star_parts: int = 0
    star_located: float = 0.0
    star_position: float = 0.0
    star_by_part: dict[str, tuple[float, float, int]] = field(default_factory=dict)
    weak_behavioral: int = 0
    weak_behavioral_all_pass: int = 0
    kind_total: int = 0
    kind_accuracy: float = 0.0
    kind_errors: list[tuple[str, str, str]] = field(default_factory=list)
    pairs: int = 0  # strong/weak pairs whose lengths are within LENGTH_MATCH of each other
    pairs_score: float = 0.0  # share the score ranks right (ties half)
    pairs_word_count: float = 0.0  # share word count ranks right (the baseline)
    outcomes: dict[str, Outcome] = field(default_factory=dict)


def evaluate_answers(
    answers: list[RealAnswer],
    cross_validate: bool = False,
    analyser_for: Callable[[list[RealAnswer] | None], Analyser] | None = None,
    pool: list[RealAnswer] | None = None,
) -> EvaluationResult:
    """Every measure on ``answers``; with ``cross_validate``, each host's answers are checked by a
    model fitted without that host (``analyser_for(training answers)``), on ``pool`` (every answer
    the fit may learn from, ``answers`` when not given) less that host's."""
    if analyser_for is None:
        analyser_for = _packaged_or_fitted
    result = EvaluationResult()
    outcomes: dict[str, Outcome] = {}
    star_outcomes: dict[str, Outcome] = {}
    groups = sorted({a.host for a in answers}) if cross_validate else [None]
    for host in groups:
        training = [a for a in (pool or answers) if a.host != host] if host is not None else None
        analyser = analyser_for(training)
        for answer in answers:
            if host is not None and answer.host != host:
                continue
            outcomes[answer.id] = analyser(answer, answer.kind)
            if answer.star_parts:
                star_outcomes[answer.id] = analyser(answer, "behavioral")
    _score_figures(answers, outcomes, result)
    _pair_figures(answers, outcomes, result)
    _star_figures(answers, star_outcomes, outcomes, result)
    _kind_figures(answers, result)
    result.outcomes = outcomes
    return result


LENGTH_MATCH = 1.25  # a strong and a weak answer are "of similar length" within 25 %


def length_matched_pairs(answers: Sequence[RealAnswer]) -> list[tuple[RealAnswer, RealAnswer]]:
    """Every (strong, weak) pair whose word counts are within :data:`LENGTH_MATCH` of each other."""
    strong = [a for a in answers if a.label == "strong"]
    weak = [a for a in answers if a.label == "weak"]
    pairs = []
    for s in strong:
        for w in weak:
            longer, shorter = (
                max(word_count(s.answer), word_count(w.answer)),
                min(word_count(s.answer), word_count(w.answer)),
            )
            if shorter and longer / shorter <= LENGTH_MATCH:
                pairs.append((s, w))
    return pairs


def _ranked_right(strong: float, weak: float) -> float:
    return 1.0 if strong > weak else 0.5 if strong == weak else 0.0


def _pair_figures(answers: list[RealAnswer], outcomes: dict[str, Outcome], result: EvaluationResult) -> None:
    pairs = length_matched_pairs(answers)
    result.pairs = len(pairs)
    if pairs:
        result.pairs_score = sum(_ranked_right(outcomes[s.id].score, outcomes[w.id].score) for s, w in pairs) / len(
            pairs
        )
        result.pairs_word_count = sum(
            _ranked_right(word_count(s.answer), word_count(w.answer)) for s, w in pairs
        ) / len(pairs)


def _packaged_or_fitted(training: list[RealAnswer] | None) -> Analyser:
    if training is None:
        return default_analyser()
    from fitting.fit_feedback import fit_weights

    return default_analyser(fit_weights(training))


def _score_figures(answers: list[RealAnswer], outcomes: dict[str, Outcome], result: EvaluationResult) -> None:
    labelled = [a for a in answers if a.label in ("strong", "weak")]
    result.labelled = len(labelled)
    strong = [a.label == "strong" for a in labelled]
    result.score_auc = roc_auc([outcomes[a.id].score for a in labelled], strong) or 0.0
    result.word_count_auc = roc_auc([word_count(a.answer) for a in labelled], strong) or 0.0
    for qtype in sorted({a.qtype for a in labelled}):
        subset = [a for a in labelled if a.qtype == qtype]
        flags = [a.label == "strong" for a in subset]
        result.auc_by_type[qtype] = (
            roc_auc([outcomes[a.id].score for a in subset], flags),
            roc_auc([word_count(a.answer) for a in subset], flags),
            len(subset),
        )


def _star_figures(
    answers: list[RealAnswer], star_outcomes: dict[str, Outcome], outcomes: dict[str, Outcome], result: EvaluationResult
) -> None:
    located: dict[str, list[bool]] = {p: [] for p in STAR_PARTS}
    position: dict[str, list[bool]] = {p: [] for p in STAR_PARTS}
    for answer in answers:
        if not answer.star_parts:
            continue
        result.star_answers += 1
        outcome = star_outcomes[answer.id]
        baseline = position_rule(answer.answer)
        for part, text in answer.star_parts.items():
            where = part_range(answer.answer, text)
            if where is None or part not in STAR_PARTS:
                continue
            words = long_words(answer.answer, *where)
            if not words:
                continue
            status, evidence = outcome.star.get(part, ("missing", []))
            located[part].append(status in ("pass", "partial") and covered(words, evidence) >= COVERAGE_NEEDED)
            position[part].append(covered(words, baseline[part]) >= COVERAGE_NEEDED)
    everything_ours = [x for p in STAR_PARTS for x in located[p]]
    everything_position = [x for p in STAR_PARTS for x in position[p]]
    result.star_parts = len(everything_ours)
    if everything_ours:
        result.star_located = sum(everything_ours) / len(everything_ours)
        result.star_position = sum(everything_position) / len(everything_position)
    result.star_by_part = {
        p: (sum(located[p]) / len(located[p]), sum(position[p]) / len(position[p]), len(located[p]))
        for p in STAR_PARTS
        if located[p]
    }
    weak = [a for a in answers if a.qtype == "behavioral" and a.label == "weak"]
    result.weak_behavioral = len(weak)
    for answer in weak:
        outcome = outcomes[answer.id]
        if all(outcome.star.get(p, ("missing", []))[0] == "pass" for p in STAR_PARTS) and outcome.measurable == "pass":
            result.weak_behavioral_all_pass += 1


def _kind_figures(answers: list[RealAnswer], result: EvaluationResult) -> None:
    stated = [a for a in answers if a.stated]
    right = 0
    for answer in stated:
        got = classify(answer.question)
        if got in KINDS_FOR_QTYPE.get(answer.qtype, frozenset()):
            right += 1
        else:
            result.kind_errors.append((answer.question, answer.qtype, got))
    result.kind_total = len(stated)
    result.kind_accuracy = right / len(stated) if stated else 0.0


def evaluate_pack_examples() -> tuple[list[int], list[tuple[str, int, list[str]]]]:
    """Each built-in pack example answer scored against its own question: the scores, and per
    example the structure checks it does not pass."""
    from mock_interview.core.feedback import analyse
    from mock_interview.core.packs import discover_packs

    scores, details = [], []
    for pack in discover_packs().packs:
        for question in pack.questions:
            if not question.example:
                continue
            feedback = analyse(question.example, question)
            scores.append(int(feedback.score))
            missing = [c.id for c in feedback.checks if c.group == "structure" and c.status not in ("pass", "na")]
            details.append((question.ref, int(feedback.score), missing))
    return scores, sorted(details, key=lambda d: d[1])
