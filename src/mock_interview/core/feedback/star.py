"""The STAR tagger: which sentences of a story carry its situation, task, action and result.

Sequence labelling, not keyword spotting. Each sentence (or clause of a long spoken run-on) gets
features: where it sits (first, second, last, fifth of the answer) and what it says (cue phrases,
past tense with "I", obligations, outcomes, numbers, time anchors, lessons, habits stated in the
present). A linear-chain model scores every labelling with fitted weights for each
(label, feature) pair and each label-to-label step (stories run situation → task → action →
result), and Viterbi decoding picks the best one. The weights are fitted on labelled stories by
``fitting/fit_feedback.py`` and shipped as ``weights/star.json``.

One sentence can carry two parts: "Errors had reached 9 percent, so I rebuilt the rules" is the
situation, then the action. The sentence takes one label; when the reading finds no action at all,
the clause that turns from the cause to what was done ("…, so I…", "… and so we…", "…, which is
why I…": :func:`action_clauses`) is scored on its own words and can make the case for the action.

Where a part sits is one question; whether the answer really has it is another. A part is present
when the words of its sentences, not their position, make the case: the content margin of the
part over "none of the parts" must reach a fitted threshold. So a vague ending ("it was fine")
sits where a result would, but the result still shows as missing.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from mock_interview.core.feedback.answer import AnswerText, dedupe, overlaps_any
from mock_interview.core.feedback.text import Span

PARTS = ("situation", "task", "action", "result")
OTHER = "other"
STATES = (*PARTS, OTHER)
# Lexicon lists of [star] whose presence in a sentence is a feature.
CUE_LISTS = (
    "situation",
    "task",
    "action",
    "result",
    "outcome",
    "learning",
    "time_anchor",
    "obligation",
    "problem",
    "sequencer",
    "generic_habit",
    "we_subject",
    "i_past",
)
_STARTS_I = re.compile(r"^\W*(?:and |so |then |but |and so |which is why |that is why |that's why )?I\b")
_FUTURE = re.compile(r"(?<![\w])(?:will|would|'ll|going to|plan to|hope to)(?![\w])", re.IGNORECASE)
_PERCENT = re.compile(r"%|(?<![\w])per ?cent(?![\w])", re.IGNORECASE)
_TO_START = re.compile(r"^\W*to [a-z]+", re.IGNORECASE)
# Where a sentence turns from a cause to what the speaker did about it: "…, so I rebuilt…", "… and so
# we…", "…, which is why I…". Not a purpose: "so that I…" and "so I could…" say why, not what
# was done next.
_CAUSE_TO_ACTION = re.compile(
    r",?\s+(?:and so|so|which is why|that is why|that's why|and that's why|and that is why)\s+"
    r"(?=(?:i|we)\b(?!\s+(?:could|can|would|might|may|will|should|'d)\b))",
    re.IGNORECASE,
)
# What may come before the speaker's outcome at a sentence's start ("Then I cut…", "In the end we halved…").
_OPENERS = frozenset({"", "and", "so", "then", "and then", "in the end", "finally", "overall", "together"})
CLAUSE_MIN_WORDS = 3  # each side of a cut keeps more than this many words
_OUTCOME_LISTS = frozenset({"result", "outcome"})
# Where a goal set in a sentence ends: the clause that turns to something else ("…, and I…", "…; …").
_CLAUSE_END = re.compile(r"[;:]|,\s+(?:and|but|so|which|then)\b|\s(?:but|so) (?:i|we)\b", re.IGNORECASE)
# Outcome words said as a goal: "to cut", "will reduce" (a past form after "to" is an outcome: "led to reduced costs").
_GOAL_VERB = re.compile(r"(?:\bto|\bwill|\bwould|\bshould|\bmust|'ll)\s+(?:\w+\s+)?$", re.IGNORECASE)


@dataclass(frozen=True)
class StarWeights:
    """Fitted weights of the tagger: per label and feature, per label step, and the thresholds of
    the content margin above which a part counts as present (``partial``) or clearly so (``pass``)."""

    emission: dict[str, dict[str, float]]
    transition: dict[str, dict[str, float]]
    start: dict[str, float]
    end: dict[str, float]
    partial_threshold: dict[str, float]
    pass_threshold: dict[str, float]

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> StarWeights:
        """From the JSON of ``weights/star.json``."""
        return cls(
            data["emission"],
            data["transition"],
            data["start"],
            data["end"],
            data["partial_threshold"],
            data["pass_threshold"],
        )

    def to_json(self) -> dict[str, Any]:
        """The JSON written by the fitting script."""
        return {
            "emission": self.emission,
            "transition": self.transition,
            "start": self.start,
            "end": self.end,
            "partial_threshold": self.partial_threshold,
            "pass_threshold": self.pass_threshold,
        }


@lru_cache(maxsize=1)
def packaged_weights() -> StarWeights:
    """The weights shipped with the app."""
    text = resources.files("mock_interview.core.feedback").joinpath("weights", "star.json").read_text("utf-8")
    return StarWeights.from_json(json.loads(text))


def targets(answer: AnswerText) -> list[Span]:
    """The goals set in the answer, each from its obligation ("my task was to", "I was asked to",
    "we needed to") to the end of its clause: what was to be done, not what came of it. A number
    or an outcome word inside one ("to cut the error in half", "bring it under 10 percent") is a
    target, not a result."""

    def compute() -> list[Span]:
        found = []
        for cue in answer.find("star", "obligation") + answer.find("star", "task"):
            sentence = answer.sentences[answer.sentence_index(cue.start)]
            end = _CLAUSE_END.search(answer.text, cue.end, sentence.end)
            stop = end.start() if end else sentence.end
            found.append(Span(cue.start, stop, answer.text[cue.start : stop]))
        return dedupe(found)

    return answer.memo("star.targets", compute)


def said_of_outcome(answer: AnswerText, span: Span) -> bool:
    """Whether ``span`` (a number or an outcome word) tells what came of the story rather than a goal
    set in it ("my task was to cut it by half")."""
    return not overlaps_any(span, targets(answer))


def _outcome_word(answer: AnswerText, span: Span) -> bool:
    """Whether an outcome word tells what came of the story: not inside a goal, and not a verb said
    as one ("to cut", "will reduce"; a past form after "to" is an outcome: "led to reduced costs")."""
    if not said_of_outcome(answer, span):
        return False
    lead = answer.text[answer.sentences[answer.sentence_index(span.start)].start : span.start]
    return not (_GOAL_VERB.search(lead) and not span.text.lower().split()[0].endswith("ed"))


def unit_features(answer: AnswerText) -> list[dict[str, float]]:
    """The features of each sentence of ``answer``: ``pos:…`` for where it sits, ``form:…`` for its
    shape (a short sentence), ``cue:…`` for what it says (``cue:bias`` is always 1). Only the
    ``cue:`` features make the case that a part is present (:func:`content_margin`)."""
    return _features(answer, answer.sentences, within=False)


def action_clauses(answer: AnswerText) -> list[Span]:
    """The clauses where a sentence turns from a cause to the action taken on it ("Errors had reached
    9 percent, so I rebuilt the rules": "so I rebuilt the rules"), each to the sentence's end or the
    next turn; only where both sides keep more than a few words."""
    clauses: list[Span] = []
    text = answer.text
    for sentence in answer.sentences:
        cuts = [
            m.start()
            for m in _CAUSE_TO_ACTION.finditer(text, sentence.start, sentence.end)
            if len(text[sentence.start : m.start()].split()) > CLAUSE_MIN_WORDS
            and len(text[m.start() : sentence.end].split()) > CLAUSE_MIN_WORDS
        ]
        for start, end in zip(cuts, [*cuts[1:], sentence.end], strict=False):
            while start < end and text[start] in " ,\t\n":
                start += 1
            clauses.append(Span(start, end, text[start:end]))
    return clauses


def _features(answer: AnswerText, units: Sequence[Span], *, within: bool = True) -> list[dict[str, float]]:
    """The features of each of ``units`` (in order, not overlapping). A cue counts for the unit it
    starts in; with ``within`` false, for the last unit starting before it (the sentences cover the
    whole answer that way)."""
    count = len(units)
    starts = [u.start for u in units]

    def unit_at(offset: int) -> dict[str, float] | None:
        index = bisect.bisect_right(starts, offset) - 1
        if not within:
            return features[max(0, index)] if features else None
        return features[index] if index >= 0 and offset < units[index].end else None

    features: list[dict[str, float]] = [{"cue:bias": 1.0} for _ in units]
    for name in CUE_LISTS:
        for span in answer.find("star", name):
            if name in _OUTCOME_LISTS and not _outcome_word(answer, span):
                continue  # "my task was to cut the error by half" sets a goal
            if (unit := unit_at(span.start)) is not None:
                unit[f"cue:{name}"] = 1.0
    for span in answer.quantities:
        if (unit := unit_at(span.start)) is not None:
            unit["cue:number"] = 1.0
            if _PERCENT.search(span.text):
                unit["cue:percent"] = 1.0
    for span in answer.find("specificity", "vague"):
        if (unit := unit_at(span.start)) is not None:
            unit["cue:vague"] = 1.0
    for index, unit_span in enumerate(units):
        unit = features[index]
        if _STARTS_I.match(unit_span.text):
            unit["cue:starts_i"] = 1.0
        if _FUTURE.search(unit_span.text):
            unit["cue:future"] = 1.0
        if _TO_START.match(unit_span.text):
            unit["cue:starts_to"] = 1.0
        if len(unit_span.text.split()) <= 6:
            unit["form:short"] = 1.0
        _position_features(unit, index, count)
    return features


def _position_features(unit: dict[str, float], index: int, count: int) -> None:
    if index == 0:
        unit["pos:first"] = 1.0
    if index == 1:
        unit["pos:second"] = 1.0
    if index == count - 1 and count > 1:
        unit["pos:last"] = 1.0
    if index == count - 2 and count > 2:
        unit["pos:penultimate"] = 1.0
    if count <= 3:
        unit["pos:few"] = 1.0
    position = index / (count - 1) if count > 1 else 0.0
    unit[f"pos:fifth{min(4, int(position * 5))}"] = 1.0


def emission_scores(features: Sequence[dict[str, float]], weights: StarWeights) -> list[dict[str, float]]:
    """Each unit's score for each label."""
    return [
        {state: sum(weights.emission[state].get(name, 0.0) * value for name, value in unit.items()) for state in STATES}
        for unit in features
    ]


def content_margin(unit: dict[str, float], part: str, weights: StarWeights) -> float:
    """How much more the unit's words (not its position) say ``part`` than "none of the parts"."""
    mine, other = weights.emission[part], weights.emission[OTHER]
    return sum(
        (mine.get(name, 0.0) - other.get(name, 0.0)) * value for name, value in unit.items() if name.startswith("cue:")
    )


def viterbi(scores: Sequence[dict[str, float]], weights: StarWeights) -> list[str]:
    """The best label sequence for the units' ``scores`` under the fitted label steps."""
    if not scores:
        return []
    best = {state: weights.start.get(state, 0.0) + scores[0][state] for state in STATES}
    back: list[dict[str, str]] = []
    for unit in scores[1:]:
        step: dict[str, float] = {}
        pointers: dict[str, str] = {}
        for state in STATES:
            arriving = {p: best[p] + weights.transition[p].get(state, 0.0) for p in STATES}
            previous = max(arriving, key=arriving.__getitem__)
            step[state] = arriving[previous] + unit[state]
            pointers[state] = previous
        best = step
        back.append(pointers)
    state = max(STATES, key=lambda s: best[s] + weights.end.get(s, 0.0))
    labels = [state]
    for pointers in reversed(back):
        state = pointers[state]
        labels.append(state)
    return labels[::-1]


def _only_vague(unit: dict[str, float]) -> bool:
    """A sentence whose outcome is only a vague phrase: no number, no concrete outcome verb."""
    return "cue:vague" in unit and not any(f in unit for f in ("cue:number", "cue:outcome", "cue:percent"))


def _may_carry(
    part: str, answer: AnswerText, labels: Sequence[str], features: Sequence[dict[str, float]], index: int
) -> bool:
    """Whether a sentence labelled with another part may carry ``part`` beside its own.

    For the result: not the set-up before any action ("sales had dropped by 30 percent" is the
    problem, and with no action told there is no outcome yet), but the action's sentence or one after
    it ("I rebuilt the rota and overtime fell by half"), or one that opens with the speaker moving a
    figure ("I cut costs by 20 percent", "we halved the backlog": alone, or the result said first).
    """
    if part == "result" and _opens_with_speaker_outcome(answer, answer.sentences[index]):
        return True
    if f"cue:{part}" not in features[index]:
        return False
    if part != "result":
        return True
    first_action = next((i for i, label in enumerate(labels) if label == "action"), None)
    if first_action is None:
        return labels[index] not in ("situation", "task")
    return index >= first_action


def _opens_with_speaker_outcome(answer: AnswerText, sentence: Span) -> bool:
    """Whether ``sentence`` opens with the speaker moving a figure (``[star] speaker_outcome``), said
    as done (not a goal: "I was asked to cut costs by 20 percent" opens otherwise)."""
    for match in answer.find_in(sentence, "star", "speaker_outcome"):
        opening = answer.text[sentence.start : match.start].strip(" \t\n\"'-,").lower()
        if opening in _OPENERS and said_of_outcome(answer, match):
            return True
    return False


@dataclass(frozen=True)
class StarPart:
    """One STAR part in an answer: its status, the sentences that carry it, and its margin."""

    name: str
    status: str  # pass | partial | missing
    sentences: tuple[Span, ...]
    margin: float
    shared: bool = False  # found in a sentence labelled with another part


@dataclass(frozen=True)
class StarReading:
    """The tagger's reading of an answer: a label per sentence and the four parts."""

    labels: tuple[str, ...]
    parts: dict[str, StarPart]


def read_star(answer: AnswerText, weights: StarWeights | None = None) -> StarReading:
    """Label each sentence of ``answer`` and decide which STAR parts it has."""
    weights = weights or packaged_weights()
    features = unit_features(answer)
    labels = viterbi(emission_scores(features, weights), weights)
    parts: dict[str, StarPart] = {}
    for part in PARTS:
        indexes = [i for i, label in enumerate(labels) if label == part]
        margins = [content_margin(features[i], part, weights) for i in indexes]
        shared = False
        if not indexes or max(margins) < weights.pass_threshold[part]:
            # one sentence often carries two parts ("In my last job I was asked to..."): look for a
            # sentence labelled otherwise whose words make a clear case for this part
            candidates = [
                (content_margin(unit, part, weights), i)
                for i, unit in enumerate(features)
                if labels[i] != part and _may_carry(part, answer, labels, features, i)
            ]
            clear = [(m, i) for m, i in candidates if m >= weights.pass_threshold[part]]
            if clear:
                margin, index = max(clear)
                indexes, margins, shared = [index], [margin], True
        top = max(margins, default=float("-inf"))
        if part == "result" and indexes and all(_only_vague(features[i]) for i in indexes):
            top = float("-inf")  # "it went well and everyone was happy" sits where a result would, and is none
        spans = [answer.sentences[i] for i in indexes]
        if part == "action" and top < weights.partial_threshold[part]:
            # no action found: the sentence may have been read as its cause ("…, so I rebuilt…")
            clauses = action_clauses(answer)
            said = [
                (margin, clause)
                for clause, unit in zip(clauses, _features(answer, clauses), strict=True)
                if (margin := content_margin(unit, part, weights)) >= weights.pass_threshold[part]
            ]
            if said:
                top, spans, shared = max(m for m, _ in said), [clause for _, clause in said], True
        if top >= weights.pass_threshold[part]:
            status = "pass"
        elif top >= weights.partial_threshold[part]:
            status = "partial"
        else:
            status = "missing"
        parts[part] = StarPart(part, status, tuple(spans) if status != "missing" else (), top, shared)
    return StarReading(tuple(labels), parts)
