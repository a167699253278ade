"""Feedback quality on the labelled corpus: detector precision and recall, score separation.

The packaged weights were fitted on this corpus (among other answers), so its figures say how well
they remember it; the STAR parts are also measured with weights fitted without each answer measured
(four folds), beside the position rule.

Run: python bench/feedback_quality.py
"""

from __future__ import annotations

import statistics

import _common  # noqa: F401  (puts the checkout on sys.path)

from tests.corpus import evaluate, f1, held_out_weights, load_corpus, position_rule_stats


def main() -> None:
    corpus = load_corpus()
    agreement, detectors, sentence_stats, disagreements, scores = evaluate(corpus)
    print(f"corpus: {len(corpus)} answers ({sum(a.source == 'guide' for a in corpus)} from the guide)")
    total = sum(n for _, n in agreement.values())
    agreed = sum(a for a, _ in agreement.values())
    print(f"check outcomes agreeing with the labels: {agreed}/{total} ({agreed / total:.0%})")
    for source in ("guide", "written", "heldout"):
        subset = [a for a in corpus if a.source == source]
        sub_agreement = evaluate(subset)[0]
        got = sum(a for a, _ in sub_agreement.values())
        of = sum(n for _, n in sub_agreement.values())
        print(f"  {source:>8}: {len(subset):2} answers, {got}/{of} outcomes agree ({got / of:.0%})")
    print("\nstructure detectors (present = pass or partial)")
    print(f"{'check':28} {'precision':>9} {'recall':>7} {'n':>4}")
    for check_id, stats in sorted(detectors.items()):
        n = stats.tp + stats.fp + stats.fn + stats.tn
        print(f"{check_id:28} {stats.precision:9.2f} {stats.recall:7.2f} {n:4}")
    print("\nSTAR parts, sentence by sentence")
    for part, stats in sentence_stats.items():
        print(f"{part:28} {stats.precision:9.2f} {stats.recall:7.2f}")
    held_out = evaluate(corpus, held_out_weights(corpus))
    print(
        f"F1 of the located sentences: held out {f1(held_out[2]):.2f}, position rule "
        f"{f1(position_rule_stats(corpus)):.2f}, packaged weights (fitted on these stories) {f1(sentence_stats):.2f}"
    )
    strong, weak = scores["strong"], scores["weak"]
    print(
        f"\nscores: strong median {statistics.median(strong):.0f} (min {min(strong)}, n={len(strong)}), "
        f"weak median {statistics.median(weak):.0f} (max {max(weak)}, n={len(weak)}); "
        f"gap {statistics.median(strong) - statistics.median(weak):.0f} points"
    )
    if disagreements:
        print("\ndisagreements:")
        for answer_id, check_id, allowed, got in disagreements:
            print(f"  {answer_id}: {check_id} expected {'/'.join(allowed)}, got {got}")


if __name__ == "__main__":
    main()
