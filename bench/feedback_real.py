"""Feedback on real answers nobody on the team wrote, judged against their pages and a career coach,
next to trivial baselines in the same run.

Reads JSON-lines files of answers from public career pages (default: ``../shared/data/answers-dev.jsonl``
and ``answers-dev-2.jsonl``; ``--data FILE`` measures other files of the same shape, such as a held-out
set) and the coach's verdicts on them (default ``../shared/data/verdicts-dev.jsonl``; ``--verdicts``),
and prints, per file:

- how well the score separates answers their authors call strong from weak (ROC AUC) against word
  count alone, and on strong/weak pairs of similar length (within 25 %), how often each ranks the
  strong one first;
- STAR parts located on answers whose parts the page labelled, against the position rule (first
  sentence = situation, second = task, last = result, the rest = action);
- the question kind inferred from the question's words (stated questions only);
- where there are coach verdicts: agreement per check and overall (strict, partial-as-half and
  three-way; see fitting/coach.py), pitfall recall and false alarms, and the share of "raise it
  most" tips that point at something the answer already has, next to two trivial baselines (every
  element present; each check's most common verdict on the other hosts);
- where the page named the flaws of its weak answers (``flaws``): the share of each flaw the
  checklist flags, and how often it flags a pitfall on the strong answers;

then the packs' own example answers scored against their own questions.

With ``--cv``, the fitted parts (the STAR tagger's and the score's weights) are refitted on the
answers of every file but one host's and measured on that host, for every host (cross-validation
grouped by source host: answers from one page share a style).

Run: python bench/feedback_real.py [--data FILE ...] [--verdicts FILE] [--cv] [--list]
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

import _common  # noqa: F401  (puts the checkout on sys.path)

from fitting.coach import (
    DEFAULT_VERDICTS,
    CoachResult,
    Verdict,
    always_pass_baseline,
    load_verdicts,
    majority_baseline,
    measure,
)
from fitting.realdata import (
    DEFAULT_DATA,
    SECOND_DATA,
    EvaluationResult,
    RealAnswer,
    evaluate_answers,
    evaluate_pack_examples,
    load_real_answers,
)

# The checks that flag each flaw a page names (answers-dev-2's ``flaws``).
FLAW_CHECKS: dict[str, tuple[str, ...]] = {
    "negative": ("pitfalls.negativity",),
    "pay": ("pitfalls.pay_perks",),
    "leaving_soon": ("pitfalls.leaving_soon",),
    "unrealistic": ("pitfalls.unrealistic",),
    "private_life": ("pitfalls.personal",),
    "cliche": ("pitfalls.generic", "specificity.vague", "weakness.named"),
    "vague": ("pitfalls.generic", "specificity.vague"),
    "off_topic": ("answer.relevance",),
    "we_not_i": ("star.first_person",),
    "no_numbers": ("specificity.numbers", "star.result_measurable"),
    "no_result": ("star.result",),
    "rambling": ("answer.length", "pitfalls.repeated"),
    "too_short": ("answer.length",),
}


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
    if result.pairs:
        print(
            f"length-matched strong/weak pairs ranked right (n={result.pairs}): score {result.pairs_score:.3f}"
            f"   word count {result.pairs_word_count:.3f}"
        )
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


def _agreement_line(name: str, coach: CoachResult) -> str:
    a = coach.overall
    return (
        f"  {name:26} definite verdicts right: strict {a.strict:.3f}  partial-as-half {a.half:.3f}"
        f"  (n={a.definite})   both clear {a.clear_share:.3f} (n={a.clear})"
        f"   three-way {a.three_way:.3f} (n={a.decided})"
    )


def _print_coach(ours: CoachResult, answers: list[RealAnswer], verdicts: list[Verdict], show: bool) -> None:
    hosts = {a.id: a.host for a in answers}
    majority = majority_baseline(verdicts, hosts)
    everything = always_pass_baseline(verdicts)
    print(f"\n-- the coach's verdicts ({len(verdicts)} on {len({v.answer_id for v in verdicts})} answers)")
    print(_agreement_line("the app", ours))
    print(_agreement_line("baseline: all present", everything))
    print(_agreement_line("baseline: majority by host", majority))
    print(
        f"  pitfalls flagged (recall): {ours.pitfalls_flagged} of {ours.pitfalls_present} = {ours.recall:.3f}"
        f"   false alarms: {ours.false_alarms} of {ours.pitfalls_absent} = {ours.false_alarm_rate:.3f}"
        f"   (majority baseline: recall {majority.recall:.3f}, false alarms {majority.false_alarm_rate:.3f})"
    )
    print(
        f"  'raise it most' tips at an element already there: {ours.tips_at_present} of {ours.tips}"
        f" = {ours.tips_present_rate:.3f}"
    )
    print("  per check (strict on definite, three-way on all decided):")
    for check, agreement in sorted(ours.by_check.items(), key=lambda kv: kv[1].strict):
        base = majority.by_check.get(check)
        print(
            f"    {check:26} strict {agreement.strict:.2f} (n={agreement.definite:2})"
            f"  three-way {agreement.three_way:.2f} (n={agreement.decided:2})"
            + (f"   majority {base.three_way:.2f}" if base else "")
        )
    if show:
        for answer_id, check, reason in ours.missed:
            print(f"    missed pitfall {check} on {answer_id}: {reason}")
        for answer_id, check in ours.alarms:
            print(f"    false alarm {check} on {answer_id}")
        for answer_id, check in ours.tips_at_present_list:
            print(f"    tip at a present element: {check} on {answer_id}")


def _print_flaws(answers: list[RealAnswer], result: EvaluationResult, show: bool) -> None:
    flawed = [a for a in answers if a.flaws]
    if not flawed:
        return
    print(f"\n-- flaws the pages name ({sum(len(a.flaws) for a in flawed)} on {len(flawed)} weak answers)")
    caught_all = total_all = 0
    for flaw, checks in FLAW_CHECKS.items():
        having = [a for a in flawed if flaw in a.flaws]
        if not having:
            continue
        caught = [
            a for a in having if any(result.outcomes[a.id].statuses.get(c) in ("missing", "partial") for c in checks)
        ]
        caught_all += len(caught)
        total_all += len(having)
        print(f"  {flaw:13} flagged {len(caught):2} of {len(having):2}   by {', '.join(checks)}")
        if show:
            for a in having:
                if a not in caught:
                    print(f"      not flagged: {a.id}")
    print(f"  all flaws flagged: {caught_all} of {total_all}")
    strong = [a for a in answers if a.label == "strong"]
    pitfall_rows = [
        (a, c, s) for a in strong for c, s in result.outcomes[a.id].statuses.items() if c.startswith("pitfalls.")
    ]
    alarms = [(a, c) for a, c, s in pitfall_rows if s in ("missing", "partial")]
    print(f"  pitfalls flagged on strong answers: {len(alarms)} of {len(pitfall_rows)} pitfall verdicts")
    if show:
        for a, c in alarms:
            print(f"      {c} on {a.id}")


def _coach_of(result: EvaluationResult, verdicts: list[Verdict]) -> CoachResult:
    statuses = {answer_id: outcome.statuses for answer_id, outcome in result.outcomes.items()}
    gains = {answer_id: outcome.gains for answer_id, outcome in result.outcomes.items()}
    return measure(verdicts, statuses, gains)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--data", type=Path, action="append", help="JSON-lines answers (default: the two dev files, repeatable)"
    )
    parser.add_argument("--verdicts", type=Path, default=DEFAULT_VERDICTS, help="coach verdicts (JSON lines)")
    parser.add_argument("--cv", action="store_true", help="refit per host and measure on the held-out host")
    parser.add_argument("--list", action="store_true", help="list each missed pitfall, false alarm and stray tip")
    args = parser.parse_args()
    files = args.data or [DEFAULT_DATA, SECOND_DATA]
    present = [f for f in files if f.is_file()]
    if not present:
        print(f"skipped: no data file at {', '.join(map(str, files))} (it lives outside the project; see its README)")
        return 0
    verdicts = load_verdicts(args.verdicts) if args.verdicts.is_file() else []
    pool = [a for path in present for a in load_real_answers(path)]  # cross-validation learns from every file
    for path in present:
        answers: list[RealAnswer] = load_real_answers(path)
        hosts = {a.host for a in answers}
        print(
            f"\n######## {path.name}: {len(answers)} answers from {len(hosts)} hosts; "
            f"{sum(a.label is not None for a in answers)} labelled strong/weak, "
            f"{sum(a.star_parts is not None for a in answers)} with STAR parts"
        )
        ids = {a.id for a in answers}
        own_verdicts = [v for v in verdicts if v.answer_id in ids]
        runs = [("packaged weights", False)] + ([("cross-validated by host", True)] if args.cv else [])
        for title, cv in runs:
            result = evaluate_answers(answers, cross_validate=cv, pool=pool)
            _print_result(f"{title} ({path.name})", result)
            if own_verdicts:
                _print_coach(_coach_of(result, own_verdicts), answers, own_verdicts, args.list)
            _print_flaws(answers, result, args.list)
    scores, failures = evaluate_pack_examples()
    print(f"\n== pack example answers scored against their own questions (n={len(scores)})")
    print(
        f"median {statistics.median(scores):.0f}, min {min(scores)}, "
        f"{sum(s < 50 for s in scores)} below 50, {sum(s >= 75 for s in scores)} at 75 or more"
    )
    for ref, score, missing in failures[:8]:
        print(f"  {ref}: {score}  structure not passed: {', '.join(missing) or '-'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
