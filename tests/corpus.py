"""The labelled feedback corpus (``tests/data/feedback_corpus.toml``) and its evaluation.

Used by ``tests/unit/test_feedback_corpus.py`` and ``bench/feedback_quality.py``.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import tomli_w

from mock_interview.core.feedback import FeedbackWeights, analyse
from mock_interview.core.feedback.text import sentences
from mock_interview.core.profiles import Profile, parse_profile

CORPUS_PATH = Path(__file__).parent / "data" / "feedback_corpus.toml"
PRESENT = {"pass", "partial"}


@dataclass(frozen=True)
class CorpusAnswer:
    id: str
    source: str
    quality: str
    question: str
    kind: str
    text: str
    profile: Profile | None
    expect: dict[str, list[str]]
    star: dict[str, list[int]]


def load_corpus(path: Path = CORPUS_PATH) -> list[CorpusAnswer]:
    data = tomllib.loads(path.read_text("utf-8"))
    profiles = {name: parse_profile(tomli_w.dumps(fields), name) for name, fields in data.get("profiles", {}).items()}
    answers = []
    for item in data["answers"]:
        expect = {k: v if isinstance(v, list) else [v] for k, v in item.get("expect", {}).items()}
        answers.append(
            CorpusAnswer(
                item["id"],
                item["source"],
                item["quality"],
                item["question"],
                item["kind"],
                item["text"],
                profiles.get(item.get("profile", "")),
                expect,
                dict(item.get("star", {})),
            )
        )
    return answers


def run(answer: CorpusAnswer, weights: FeedbackWeights | None = None):
    return analyse(answer.text, answer.question, profile=answer.profile, kind=answer.kind, weights=weights)


HELD_OUT_FOLDS = 4


def held_out_weights(corpus: list[CorpusAnswer], folds: int = HELD_OUT_FOLDS) -> dict[str, FeedbackWeights]:
    """For each answer of the corpus, weights fitted without it: the corpus is cut into ``folds``
    (every ``folds``-th id), and each fold is measured with the tagger and the score fitted on the
    project's stories and the other folds. The packaged weights were fitted on every answer here,
    so only these can say how the checks do on answers they were not fitted on. Needs scipy."""
    from fitting.fit_feedback import fit_weights

    ids = sorted(answer.id for answer in corpus)
    fold_of = {answer_id: position % folds for position, answer_id in enumerate(ids)}
    fitted = {fold: fit_weights([], leave_out={i for i, f in fold_of.items() if f == fold}) for fold in range(folds)}
    return {answer_id: fitted[fold] for answer_id, fold in fold_of.items()}


@dataclass
class DetectorStats:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def evaluate(corpus: list[CorpusAnswer], weights: Mapping[str, FeedbackWeights] | None = None):
    """Per-check agreement, detector precision and recall (present = pass or partial), STAR sentence accuracy.

    ``weights`` gives each answer the weights to check it with (:func:`held_out_weights`); without
    it the packaged weights are used, which were fitted on these very answers.
    """
    agreement: dict[str, list[int]] = {}
    detectors: dict[str, DetectorStats] = {}
    sentence_stats: dict[str, DetectorStats] = {}
    disagreements = []
    scores: dict[str, list[int]] = {"strong": [], "weak": [], "mixed": []}
    for answer in corpus:
        feedback = run(answer, weights[answer.id] if weights is not None else None)
        scores[answer.quality].append(feedback.score)
        for check_id, allowed in answer.expect.items():
            check = feedback.by_id(check_id)
            got = check.status if check else "absent"
            bucket = agreement.setdefault(check_id, [0, 0])
            bucket[1] += 1
            if got in allowed:
                bucket[0] += 1
            else:
                disagreements.append((answer.id, check_id, allowed, got))
            if check_id.split(".")[0] in ("star", "goals", "fit", "skills"):
                stats = detectors.setdefault(check_id, DetectorStats())
                expected_present = all(a in PRESENT for a in allowed)
                expected_absent = all(a not in PRESENT for a in allowed)
                predicted = got in PRESENT
                if expected_present:
                    stats.tp += predicted
                    stats.fn += not predicted
                elif expected_absent:
                    stats.fp += predicted
                    stats.tn += not predicted
        if answer.star:
            spans = sentences(answer.text)
            for part, indexes in answer.star.items():
                check = feedback.by_id(f"star.{part}")
                located: set[int] = set()
                if check:
                    for evidence in check.evidence:
                        located |= {i for i, s in enumerate(spans) if s.start <= evidence.start < s.end}
                stats = sentence_stats.setdefault(part, DetectorStats())
                expected = set(indexes)
                stats.tp += len(located & expected)
                stats.fp += len(located - expected)
                stats.fn += len(expected - located)
    return agreement, detectors, sentence_stats, disagreements, scores


def f1(stats: Mapping[str, DetectorStats]) -> float:
    """The F1 of all parts' located sentences together (micro-averaged)."""
    tp = sum(s.tp for s in stats.values())
    wrong = sum(s.fp + s.fn for s in stats.values())
    return 2 * tp / (2 * tp + wrong) if tp or wrong else 1.0


def position_rule_stats(corpus: list[CorpusAnswer]) -> dict[str, DetectorStats]:
    """The trivial baseline for locating STAR parts: the first sentence is the situation, the second
    the task, the last the result, the rest the action."""
    stats: dict[str, DetectorStats] = {}
    for answer in corpus:
        if not answer.star:
            continue
        count = len(sentences(answer.text))
        guess = {"situation": {0}, "task": {1}, "result": {count - 1}, "action": set(range(2, count - 1))}
        if count < 3:
            guess = {"situation": {0}, "task": {1} if count > 1 else set(), "result": set(), "action": set()}
        for part, indexes in answer.star.items():
            located, expected = guess[part], set(indexes)
            part_stats = stats.setdefault(part, DetectorStats())
            part_stats.tp += len(located & expected)
            part_stats.fp += len(located - expected)
            part_stats.fn += len(expected - located)
    return stats
