"""``mock-interview score``: the checklist for an answer from a file or standard input."""

from __future__ import annotations

import json
import sys
from argparse import Namespace
from pathlib import Path

from mock_interview.core.context import AppContext

MARKS = {"pass": ("✔", "green"), "partial": ("◐", "yellow"), "missing": ("✘", "red"), "na": ("·", "dim")}


def run_score(context: AppContext, args: Namespace) -> int:
    """Score one answer; exit 1 on unreadable input or an unknown question or profile."""
    from mock_interview.core.feedback import QuestionInfo, analyse, classify_question
    from mock_interview.core.tomlschema import InvalidFileError

    try:
        text = sys.stdin.read() if args.file == "-" else Path(args.file).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"mock-interview: cannot read the answer from {args.file} ({exc}); give a UTF-8 text file or - for standard input", file=sys.stderr)
        return 1
    if args.question_id:
        question = context.packs.find_question(args.question_id)
        if question is None:
            print(f"mock-interview: no question '{args.question_id}'; use PACK/ID as 'mock-interview packs show PACK' lists them", file=sys.stderr)
            return 1
        info = QuestionInfo.of(question).with_kind(args.kind)
    else:
        info = QuestionInfo(args.question, args.kind or classify_question(args.question))
    profile = None
    name = args.profile
    if name is None:
        settings, _ = context.load_settings()
        name = settings.active_profile or None
    if name:
        try:
            profile = context.profiles.load(name)
        except InvalidFileError as exc:
            print(f"mock-interview: {exc}", file=sys.stderr)
            return 1
    feedback = analyse(text, info, profile=profile)
    if args.json:
        print(json.dumps(feedback.to_json(), indent=2, ensure_ascii=False))
        return 0
    from rich.console import Console
    from rich.table import Table

    console = Console(highlight=False)
    groups = "  ".join(f"{g} {s}" for g, s in feedback.group_scores.items())
    console.print(f"[bold]Score {feedback.score}/100[/]  ({groups})  · {info.kind} question · {feedback.word_count} words")
    table = Table(show_lines=False)
    for column in ("", "group", "check", "detail / evidence", "tip"):
        table.add_column(column, overflow="fold")
    for check in feedback.checks:
        mark, colour = MARKS[check.status]
        evidence = check.detail or "; ".join(e.text[:50] for e in check.evidence[:3])
        tip = "" if check.status == "pass" else check.tip
        table.add_row(f"[{colour}]{mark}[/]", check.group, check.label, evidence, tip)
    console.print(table)
    return 0
