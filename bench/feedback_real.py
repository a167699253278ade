"""Feedback on real answers nobody on the team wrote, next to trivial baselines in the same run.

Reads a JSON-lines file of answers from public career pages (default
``../shared/data/answers-dev.jsonl``; ``--data FILE`` measures another file of the same shape, such
as a held-out set) and prints:

- how well the overall score separates answers their authors call strong from weak (ROC AUC),
  overall and per question type, against word count alone;
- STAR parts located on answers whose parts the page labelled (the question known to be
  behavioral), against the position rule "first sentence = situation, second = task, last =
  result, the rest = action"; a part counts as located when its check passes or is partial and
  its evidence covers at least 30 % of the labelled part's words of four letters or more;
- how many weak answers to behavioral questions pass every STAR check and the measurable result;
- the question kind inferred from the question's words (stated questions only);
- the packs' own example answers scored against their own questions.

With ``--cv``, the fitted parts (the STAR tagger's and the score's weights) are refitted on all
hosts but one and measured on the held-out host, for every host (cross-validation grouped by
source host: answers from one page share a style). Without it, the packaged weights are used.

Run: python bench/feedback_real.py [--data FILE] [--cv]
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

import _common  # noqa: F401  (puts the checkout on sys.path)

from fitting.realdata import (
    DEFAULT_DATA,
    EvaluationResult,
    RealAnswer,
    evaluate_answers,
    evaluate_pack_examples,
    load_real_answers,
)


def _print_result(title: str, result: EvaluationResult) -> None:
    print(f"\n== {title}")
    print(
        f"score separates strong from weak (AUC, n={result.labelled}): {result.score_auc:.3f}"
        f"   word count: {result.word_count_auc:.3f}   difference {result.score_auc - result.word_count_auc:+.3f}"
    )
    for qtype, (score_auc, words_auc, n) in sorted(result.auc_by_type.items()):
        if score_auc is None or words_auc is None:
            print(f"  {qtype:11} n={n:3}  (one class only)")
        else:
            print(f"  {qtype:11} n={n:3}  score {score_auc:.3f}   word count {words_auc:.3f}")
    if result.star_parts:
        print(
            f"STAR parts located (n={result.star_parts} parts in {result.star_answers} answers): "
            f"{result.star_located:.3f}   position rule: {result.star_position:.3f}"
            f"   difference {result.star_located - result.star_position:+.3f}"
        )
        for part, (ours, position, n) in result.star_by_part.items():
            print(f"  {part:10} n={n:3}  ours {ours:.2f}   position {position:.2f}")
    if result.weak_behavioral:
        print(
            f"weak behavioral answers passing every STAR check and the measurable result: "
            f"{result.weak_behavioral_all_pass} of {result.weak_behavioral}"
        )
    if result.kind_total:
        print(f"question kind right (stated questions, n={result.kind_total}): {result.kind_accuracy:.3f}")
        for question, expected, got in result.kind_errors:
            print(f"  wrong: {question[:70]!r}: {got}, expected {expected}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="JSON-lines answers (default: %(default)s)")
    parser.add_argument("--cv", action="store_true", help="refit per host and measure on the held-out host")
    args = parser.parse_args()
    if not args.data.is_file():
        print(f"skipped: no data file at {args.data} (it lives outside the project; see its README)")
        return 0
    answers: list[RealAnswer] = load_real_answers(args.data)
    hosts = {a.host for a in answers}
    print(
        f"{len(answers)} answers from {len(hosts)} hosts in {args.data}; "
        f"{sum(a.label is not None for a in answers)} labelled strong/weak, "
        f"{sum(a.star_parts is not None for a in answers)} with STAR parts"
    )
    _print_result(
        "packaged weights" if not args.cv else "packaged weights (fitted on every host: optimistic)",
        evaluate_answers(answers),
    )
    if args.cv:
        _print_result(
            "cross-validated by host (weights refitted without the host measured)",
            evaluate_answers(answers, cross_validate=True),
        )
    scores, failures = evaluate_pack_examples()
    print(f"\n== pack example answers scored against their own questions (n={len(scores)})")
    print(
        f"median {statistics.median(scores):.0f}, min {min(scores)}, "
        f"{sum(s < 50 for s in scores)} below 50, {sum(s >= 75 for s in scores)} at 75 or more"
    )
    for ref, score, missing in failures:
        print(f"  {ref}: {score}  structure not passed: {', '.join(missing) or '-'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
