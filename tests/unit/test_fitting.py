"""The fitting code: the measures next to their baselines, the tagger's fit, the score's fit.

These run on the project's own labelled stories and answers only; the real answers that the
benchmark measures on live outside the project."""

from __future__ import annotations

import pytest

pytest.importorskip("scipy", reason="the fitting code needs scipy (pip install -e '.[fit]')")
# imported only once scipy is known to be there (hence E402): the fitting modules need it

from fitting.fit_feedback import LabelledAnswer, fit_score, fit_weights, own_corpus, role_of  # noqa: E402
from fitting.realdata import covered, long_words, plain_sentences, position_rule, roc_auc  # noqa: E402
from fitting.star_fit import fit_star  # noqa: E402
from mock_interview.core.feedback import FeedbackWeights, Status, analyse  # noqa: E402
from mock_interview.core.feedback.answer import AnswerText  # noqa: E402
from mock_interview.core.feedback.lexicon import load_lexicon  # noqa: E402
from mock_interview.core.feedback.star import emission_scores, read_star, viterbi  # noqa: E402
from tests.lookups import check_of, present  # noqa: E402


def test_roc_auc_counts_pairs_and_ties() -> None:
    assert roc_auc([3, 2, 1], [True, False, False]) == 1.0
    assert roc_auc([1, 2, 3], [True, False, False]) == 0.0
    assert roc_auc([1, 1], [True, False]) == 0.5
    assert roc_auc([1, 2], [True, True]) is None


def test_position_rule_and_coverage() -> None:
    text = "First one. Second one. Third one here. Last one."
    spans = plain_sentences(text)
    assert [text[a:b] for a, b in spans] == ["First one.", "Second one.", "Third one here.", "Last one."]
    rule = position_rule(text)
    assert rule["situation"] == [spans[0]] and rule["task"] == [spans[1]]
    assert rule["result"] == [spans[-1]] and rule["action"] == [spans[2]]
    words = long_words(text, *spans[2])
    assert [text[a:b] for a, b in words] == ["Third", "here"]
    assert covered(words, [spans[2]]) == 1.0 and covered(words, [spans[0]]) == 0.0


def test_the_tagger_learns_the_stories_it_is_fitted_on() -> None:
    stories, _ = own_corpus()
    weights = fit_star(stories)
    right = total = 0
    for story in stories:
        labels = viterbi(emission_scores(story.features, weights), weights)
        right += sum(a == b for a, b in zip(labels, story.labels, strict=True))
        total += len(labels)
    assert right / total >= 0.8
    for part in ("situation", "task", "action", "result"):
        assert weights.partial_threshold[part] <= weights.pass_threshold[part]
    reading = read_star(AnswerText("I always try to stay calm. I think listening matters.", load_lexicon()), weights)
    assert all(p.status == "missing" for p in reading.parts.values())


def test_the_score_fit_separates_strong_from_weak() -> None:
    _, labelled = own_corpus()
    packaged = FeedbackWeights.packaged()
    weights = fit_score(labelled, packaged)
    assert 0.0 <= weights.penalty <= 0.33
    assert all(w >= 0 for w in weights.weights.values())
    strong = [a for a in labelled if a.strong]
    weak = [a for a in labelled if not a.strong]
    fitted = FeedbackWeights(packaged.star, weights)

    def score(answer: LabelledAnswer) -> int:
        return analyse(answer.text, answer.question, profile=answer.profile, kind=answer.kind, weights=fitted).score

    auc = present(roc_auc([score(a) for a in strong + weak], [True] * len(strong) + [False] * len(weak)), "AUC")
    assert auc >= 0.8


def test_weights_fitted_without_real_answers_still_work() -> None:
    fitted = fit_weights([])
    feedback = analyse(
        "Last year I led a team of four and we shipped two weeks early.",
        "Tell me about a time you led a team.",
        weights=fitted,
    )
    assert check_of(feedback, "star.action").status in (Status.PASS, Status.PARTIAL)
    assert role_of("answer.length") == "length" and role_of("star.task") == "kind"
