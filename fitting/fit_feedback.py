"""Fit the feedback's weights and write them into the package.

Two things are fitted, both on labelled answers:

- the STAR tagger (``weights/star.json``): a linear-chain CRF over sentence features, on stories
  whose parts are labelled (real answers from public pages and the project's own corpus);
- the score (``weights/score.json``): one weight of zero or more per check, so that the weighted
  share of passed checks separates answers their authors call strong from weak (a logistic fit
  of that share, with every weight pulled toward 1 so that few answers cannot push a check to
  extremes).

Run: python fitting/fit_feedback.py [--data FILE]   (needs scipy: pip install -e '.[fit]')
Measure what the fit does on answers it did not see with ``bench/feedback_real.py --cv``.
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import tomli_w
from scipy.optimize import minimize

# Run as a script: the checkout goes on sys.path before the imports below can work (hence their E402).
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from fitting.realdata import DEFAULT_DATA, SECOND_DATA, RealAnswer, load_real_answers  # noqa: E402
from fitting.star_fit import Story, fit_star, story_from_corpus, story_from_real, story_from_sentences  # noqa: E402
from mock_interview.core.feedback import FeedbackWeights, analyse  # noqa: E402
from mock_interview.core.feedback.results import Status  # noqa: E402
from mock_interview.core.feedback.scoring import ScoreWeights  # noqa: E402
from mock_interview.core.profiles import Profile, parse_profile  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "feedback_corpus.toml"
OWN_STORIES = ROOT / "fitting" / "own_stories.toml"
WEIGHTS = ROOT / "src" / "mock_interview" / "core" / "feedback" / "weights"
PRIOR_PULL = 0.5  # how strongly each role's weight is pulled toward 1 (on a log scale)
MAX_PENALTY = 0.33
OWN_WEIGHT = 0.5  # the project's own answers count half as much as real ones


@dataclass(frozen=True)
class LabelledAnswer:
    """An answer with a strong/weak label, ready to analyse."""

    text: str
    question: str
    kind: str
    profile: Profile | None
    strong: bool
    weight: float


def own_corpus(leave_out: Collection[str] = ()) -> tuple[list[Story], list[LabelledAnswer]]:
    """The project's corpus: its labelled stories and its strong/weak answers.

    Args:
        leave_out: Ids of corpus answers to leave out (held out, to measure on answers the weights never saw).
    """
    data = tomllib.loads(CORPUS.read_text("utf-8"))
    profiles = {name: parse_profile(tomli_w.dumps(fields), name) for name, fields in data.get("profiles", {}).items()}
    stories, labelled = [], []
    for story in tomllib.loads(OWN_STORIES.read_text("utf-8"))["stories"]:
        stories.append(story_from_sentences(story["id"], [(label, text) for label, text in story["sentences"]]))
    for item in data["answers"]:
        if item["id"] in leave_out:
            continue
        if item.get("star"):
            stories.append(story_from_corpus(item["id"], item["text"], item["star"]))
        if item.get("quality") in ("strong", "weak"):
            labelled.append(
                LabelledAnswer(
                    item["text"],
                    item["question"],
                    item["kind"],
                    profiles.get(item.get("profile", "")),
                    item["quality"] == "strong",
                    OWN_WEIGHT,
                )
            )
    return stories, labelled


def labelled_real(answers: list[RealAnswer]) -> list[LabelledAnswer]:
    """The real answers that carry a strong/weak label."""
    return [
        LabelledAnswer(
            a.answer,
            a.question if a.stated else "",
            a.kind,
            Profile(name="page", company=a.company, role="") if a.company else None,
            a.label == "strong",
            1.0,
        )
        for a in answers
        if a.label in ("strong", "weak")
    ]


# Every check counts through the weight of its role; the roles' weights are what is fitted (a few
# numbers fit from a hundred answers generalise; a weight per check does not: see the README).
ROLES = ("kind", "answer", "specificity")  # length is a window, not a weight (scoring.LENGTH_KEEPS)
# Not fitted, for want of labelled answers to fit on: answers with a full target profile
# (alignment) and spoken answers (delivery). Alignment counts like the kind's structure checks,
# delivery half as much, and the stand-in used without a profile ("speaks of this role or
# company") half as much too, so that having no profile barely moves the score.
FIXED_WEIGHTS = {"alignment": 1.0, "delivery": 0.5}
FIXED_CHECK_WEIGHTS = {"alignment.generic": 0.5}


def role_of(check_id: str) -> str:
    """Which fitted weight a check takes (``length``: none, it is the window the score is kept in)."""
    if check_id == "answer.length":
        return "length"
    prefix = check_id.split(".")[0]
    if prefix == "answer":
        return "answer"
    if prefix in ("specificity", "alignment", "delivery", "pitfalls"):
        return prefix
    return "kind"  # the structure checks of the question's kind: STAR, goals, fit, weakness...


def _rows(answers: list[LabelledAnswer], weights: FeedbackWeights) -> list[tuple[dict[str, float], float, float]]:
    """Per answer: what each check earned, the share its length keeps, and its cap (as a fraction)."""
    from mock_interview.core.feedback.scoring import CAPS, LENGTH_CHECK, LENGTH_KEEPS

    rows = []
    for answer in answers:
        feedback = analyse(answer.text, answer.question, profile=answer.profile, kind=answer.kind, weights=weights)
        decided = [c for c in feedback.checks if c.status != Status.NA]
        length = next((LENGTH_KEEPS[Status(c.status)] for c in decided if c.id == LENGTH_CHECK), 1.0)
        cap = min([CAPS.get(c.id, {}).get(Status(c.status), 100) for c in decided] + [100]) / 100
        rows.append(({c.id: Status(c.status).value_earned for c in decided if c.id != LENGTH_CHECK}, length, cap))
    return rows


def fit_score(answers: list[LabelledAnswer], analysed_with: FeedbackWeights) -> ScoreWeights:
    """The role weights, the pitfall penalty and the score curve that best separate strong from weak
    (the checks run with ``analysed_with``: the tagger's weights matter, the score's do not)."""
    measured = _rows(answers, analysed_with)
    rows = [row for row, _, _ in measured]
    lengths = np.array([length for _, length, _ in measured])
    caps = np.array([cap for _, _, cap in measured])
    role_index = {name: i for i, name in enumerate(ROLES)}
    earned = np.zeros((len(rows), len(ROLES)))
    possible = np.zeros((len(rows), len(ROLES)))
    fixed = np.zeros(len(rows))  # earned and possible weight of the checks whose weights are not fitted
    fixed_possible = np.zeros(len(rows))
    pitfalls_missed = [[1.0 - v for k, v in row.items() if role_of(k) == "pitfalls"] for row in rows]
    for r, row in enumerate(rows):
        for check_id, value in row.items():
            role = role_of(check_id)
            if role in FIXED_WEIGHTS:
                weight = FIXED_CHECK_WEIGHTS.get(check_id, FIXED_WEIGHTS[role])
                fixed[r] += weight * value
                fixed_possible[r] += weight
            elif role != "pitfalls":
                earned[r, role_index[role]] += value
                possible[r, role_index[role]] += 1.0
    target = np.array([1.0 if a.strong else 0.0 for a in answers])
    sample = np.array([a.weight for a in answers])

    def unpack(theta: np.ndarray) -> tuple[np.ndarray, float, float, float]:
        return np.concatenate([[1.0], theta[: len(ROLES) - 1]]), theta[-3], theta[-2], theta[-1]

    def loss(theta: np.ndarray) -> float:
        weights, penalty, slope, centre = unpack(theta)
        share = (earned @ weights + fixed) / np.maximum(possible @ weights + fixed_possible, 1e-9)
        kept = np.array([np.prod([1.0 - penalty * m for m in missed]) for missed in pitfalls_missed])
        value = np.minimum(share * kept * lengths, caps)
        p = 1 / (1 + np.exp(-slope * (value - centre)))
        nll = -np.sum(sample * (target * np.log(p + 1e-9) + (1 - target) * np.log(1 - p + 1e-9)))
        return float(nll + PRIOR_PULL * np.sum(np.log(np.maximum(weights[1:], 1e-3)) ** 2))

    start = np.array([1.0] * (len(ROLES) - 1) + [0.25, 6.0, 0.4])
    # a pitfall may cost at most a third of the score: one slip should not sink an answer
    bounds = [(0.05, 5.0)] * (len(ROLES) - 1) + [(0.0, MAX_PENALTY), (1.0, 30.0), (0.0, 1.0)]
    result = minimize(loss, start, method="L-BFGS-B", bounds=bounds)
    weights, penalty, slope, centre = unpack(result.x)
    from mock_interview.core.feedback.registry import registry

    per_check = {
        str(check_id): round(float(weights[role_index[role_of(str(check_id))]]), 3)
        if role_of(str(check_id)) in role_index
        else FIXED_CHECK_WEIGHTS.get(str(check_id), FIXED_WEIGHTS[role_of(str(check_id))])
        for check_id in registry()
        if role_of(str(check_id)) not in ("pitfalls", "length")
    }
    return ScoreWeights(
        per_check,
        default=1.0,
        penalty=round(float(penalty), 3),
        slope=round(float(slope), 3),
        centre=round(float(centre), 3),
    )


def fit_weights(
    training: list[RealAnswer], include_own: bool = True, leave_out: Collection[str] = ()
) -> FeedbackWeights:
    """Fit the tagger and the score on ``training`` (plus the project's own corpus, but for the
    answers of ``leave_out``)."""
    own_stories, own_labelled = own_corpus(leave_out) if include_own else ([], [])
    stories = [s for s in (story_from_real(a) for a in training) if s is not None] + own_stories
    star = fit_star(stories)
    neutral = FeedbackWeights(star, ScoreWeights({}))
    score = fit_score(labelled_real(training) + own_labelled, neutral)
    return FeedbackWeights(star, score)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data", type=Path, action="append", help="JSON-lines answers (default: both dev files; repeatable)"
    )
    args = parser.parse_args()
    answers: list[RealAnswer] = []
    for path in args.data or [DEFAULT_DATA, SECOND_DATA]:
        if path.is_file():
            answers += load_real_answers(path)
        else:
            print(f"no data file at {path}: left out of the fit")
    fitted = fit_weights(answers)
    WEIGHTS.mkdir(parents=True, exist_ok=True)
    (WEIGHTS / "star.json").write_text(json.dumps(fitted.star.to_json(), indent=1, sort_keys=True) + "\n", "utf-8")
    (WEIGHTS / "score.json").write_text(json.dumps(fitted.score.to_json(), indent=1) + "\n", "utf-8")
    print(f"fitted on {len(answers)} real answers and the project's corpus; wrote {WEIGHTS}/star.json and score.json")
    weights = fitted.score.weights
    for role in ROLES:
        example = next(k for k in weights if role_of(k) == role)
        print(f"  {role:12} weight {weights[example]:.2f}")
    print(
        f"  pitfall penalty {fitted.score.penalty:.2f}, curve slope {fitted.score.slope:.1f}, "
        f"centre {fitted.score.centre:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
