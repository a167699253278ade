"""Fitting the STAR tagger: a linear-chain CRF over sentence features, trained by L-BFGS.

Training stories come from two places: real answers whose pages labelled their STAR parts (each
part's verbatim text) and the project's own labelled corpus (``tests/data/feedback_corpus.toml``,
sentence indexes per part). A sentence takes the label of the part that covers most of it, or
``other``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.optimize import minimize

from fitting.realdata import RealAnswer, part_range
from mock_interview.core.feedback.answer import AnswerText
from mock_interview.core.feedback.lexicon import load_lexicon
from mock_interview.core.feedback.star import OTHER, PARTS, STATES, StarWeights, content_margin, unit_features

L2 = 1.0  # strength of the pull of every weight toward 0 (few stories: keep the model simple)


@dataclass(frozen=True)
class Story:
    """One labelled answer: its features per sentence and a label per sentence."""

    id: str
    features: list[dict[str, float]]
    labels: list[str]


def story_from_real(answer: RealAnswer) -> Story | None:
    """A real answer with page-labelled parts as a training story."""
    if not answer.star_parts:
        return None
    text = AnswerText(answer.answer, load_lexicon())
    ranges = {p: part_range(answer.answer, t) for p, t in answer.star_parts.items() if p in PARTS}
    labels = []
    for unit in text.sentences:
        best, overlap = OTHER, 0
        for part, where in ranges.items():
            if where is None:
                continue
            shared = min(where[1], unit.end) - max(where[0], unit.start)
            if shared > overlap:
                best, overlap = part, shared
        labels.append(best if overlap >= 0.5 * (unit.end - unit.start) else OTHER)
    return Story(answer.id, unit_features(text), labels)


def story_from_sentences(story_id: str, sentences: list[tuple[str, str]]) -> Story:
    """A story written as labelled sentences (``fitting/own_stories.toml``): the text is the
    sentences joined by spaces, and each unit the tagger sees takes the label that covers most of it."""
    text, ranges = "", []
    for label, sentence in sentences:
        if text:
            text += " "
        ranges.append((label, len(text), len(text) + len(sentence)))
        text += sentence
    analysed = AnswerText(text, load_lexicon())
    labels = []
    for unit in analysed.sentences:
        overlaps = {label: 0 for label, _, _ in ranges}
        for label, start, end in ranges:
            overlaps[label] += max(0, min(end, unit.end) - max(start, unit.start))
        labels.append(max(overlaps, key=lambda label: overlaps[label]))
    return Story(story_id, unit_features(analysed), labels)


def story_from_corpus(answer_id: str, text: str, star: dict[str, list[int]]) -> Story:
    """An answer of the project's corpus (sentence indexes per part) as a training story."""
    analysed = AnswerText(text, load_lexicon())
    labels = [OTHER] * len(analysed.sentences)
    for part in reversed(PARTS):  # the earlier part wins where a sentence carries two
        for index in star.get(part, []):
            if 0 <= index < len(labels):
                labels[index] = part
    return Story(answer_id, unit_features(analysed), labels)


class _Layout:
    """Where each weight sits in the flat parameter vector."""

    def __init__(self, feature_names: Sequence[str]):
        self.features = list(feature_names)
        self.index = {name: i for i, name in enumerate(self.features)}
        self.n_states = len(STATES)
        self.n_features = len(self.features)
        self.emission_size = self.n_states * self.n_features
        self.size = self.emission_size + self.n_states * self.n_states + 2 * self.n_states

    def split(self, theta: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        s, f = self.n_states, self.n_features
        emission = theta[: s * f].reshape(s, f)
        transition = theta[s * f : s * f + s * s].reshape(s, s)
        start = theta[s * f + s * s : s * f + s * s + s]
        end = theta[s * f + s * s + s :]
        return emission, transition, start, end

    def matrix(self, story: Story) -> np.ndarray:
        x = np.zeros((len(story.features), self.n_features))
        for row, unit in enumerate(story.features):
            for name, value in unit.items():
                if name in self.index:
                    x[row, self.index[name]] = value
        return x


def _logsumexp(values: np.ndarray, axis: int) -> np.ndarray:
    top = np.max(values, axis=axis, keepdims=True)
    total: np.ndarray = np.squeeze(top, axis=axis) + np.log(np.sum(np.exp(values - top), axis=axis))
    return total


def _objective(
    theta: np.ndarray, layout: _Layout, data: list[tuple[np.ndarray, np.ndarray]], sample_weights: list[float]
) -> tuple[float, np.ndarray]:
    emission, transition, start, end = layout.split(theta)
    g_emission = np.zeros_like(emission)
    g_transition = np.zeros_like(transition)
    g_start = np.zeros_like(start)
    g_end = np.zeros_like(end)
    loss = 0.0
    for (x, y), weight in zip(data, sample_weights, strict=True):
        n = x.shape[0]
        unary = x @ emission.T  # n x S
        alpha = np.zeros((n, layout.n_states))
        alpha[0] = start + unary[0]
        for t in range(1, n):
            alpha[t] = unary[t] + _logsumexp(alpha[t - 1][:, None] + transition, axis=0)
        log_z = float(_logsumexp(alpha[-1] + end, axis=0))
        beta = np.zeros((n, layout.n_states))
        beta[-1] = end
        for t in range(n - 2, -1, -1):
            beta[t] = _logsumexp(transition + (unary[t + 1] + beta[t + 1])[None, :], axis=1)
        gold = (
            start[y[0]]
            + end[y[-1]]
            + unary[np.arange(n), y].sum()
            + sum(transition[y[t - 1], y[t]] for t in range(1, n))
        )
        loss += weight * (log_z - gold)
        marginals = np.exp(alpha + beta - log_z)  # n x S
        g_emission += weight * (marginals.T @ x)
        g_start += weight * marginals[0]
        g_end += weight * marginals[-1]
        for t in range(1, n):
            pair = np.exp(alpha[t - 1][:, None] + transition + (unary[t] + beta[t])[None, :] - log_z)
            g_transition += weight * pair
        for t in range(n):
            g_emission[y[t]] -= weight * x[t]
        g_start[y[0]] -= weight
        g_end[y[-1]] -= weight
        for t in range(1, n):
            g_transition[y[t - 1], y[t]] -= weight
    loss += 0.5 * L2 * float(theta @ theta)
    gradient = np.concatenate([g_emission.ravel(), g_transition.ravel(), g_start, g_end]) + L2 * theta
    return loss, gradient


def fit_star(stories: list[Story], sample_weights: list[float] | None = None) -> StarWeights:
    """Fit the tagger's weights on ``stories`` and choose the presence thresholds."""
    names = sorted({name for story in stories for unit in story.features for name in unit})
    layout = _Layout(names)
    state_index = {s: i for i, s in enumerate(STATES)}
    data = [(layout.matrix(s), np.array([state_index[label] for label in s.labels])) for s in stories if s.labels]
    weights = sample_weights or [1.0] * len(data)
    result = minimize(
        _objective,
        np.zeros(layout.size),
        args=(layout, data, weights),
        jac=True,
        method="L-BFGS-B",
        options={"maxiter": 500},
    )
    emission, transition, start, end = layout.split(result.x)

    def rounded(value: float) -> float:
        return round(float(value), 4)

    fitted = StarWeights(
        emission={
            state: {name: rounded(emission[i, j]) for j, name in enumerate(names) if abs(emission[i, j]) > 1e-4}
            for i, state in enumerate(STATES)
        },
        transition={a: {b: rounded(transition[i, j]) for j, b in enumerate(STATES)} for i, a in enumerate(STATES)},
        start={s: rounded(start[i]) for i, s in enumerate(STATES)},
        end={s: rounded(end[i]) for i, s in enumerate(STATES)},
        partial_threshold=dict.fromkeys(PARTS, 0.0),
        pass_threshold=dict.fromkeys(PARTS, 0.0),
    )
    return _with_thresholds(fitted, stories)


def _with_thresholds(weights: StarWeights, stories: list[Story]) -> StarWeights:
    """Thresholds of the content margin: ``partial`` keeps 97 % of the labelled parts of the
    training stories, ``pass`` 85 %; a part is judged by its strongest sentence."""
    partial, passed = {}, {}
    for part in PARTS:
        margins = sorted(
            max(
                content_margin(unit, part, weights)
                for unit, label in zip(s.features, s.labels, strict=True)
                if label == part
            )
            for s in stories
            if part in s.labels
        )
        partial[part] = round(_quantile(margins, 0.03), 4)
        passed[part] = round(max(_quantile(margins, 0.15), partial[part]), 4)
    return StarWeights(weights.emission, weights.transition, weights.start, weights.end, partial, passed)


def _quantile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    position = share * (len(values) - 1)
    low, high = math.floor(position), math.ceil(position)
    return values[low] + (values[high] - values[low]) * (position - low)
