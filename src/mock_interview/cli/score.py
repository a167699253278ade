"""``mock-interview score``: the checklist for an answer from a file or standard input."""

from __future__ import annotations

import sys
from argparse import Namespace
from pathlib import Path
from typing import TYPE_CHECKING

from mock_interview.core.context import AppContext
from mock_interview.core.fsutil import FileTooLargeError, read_regular_file
from mock_interview.core.safetext import json_text

if TYPE_CHECKING:
    from mock_interview.core.feedback import Feedback

MAX_ANSWER_BYTES = 64 * 1024 * 1024  # far beyond any answer; stops /dev/zero or a wrong file eating memory


def run_score(context: AppContext, args: Namespace) -> int:
    """Score one answer; exit 1 on unreadable input or an unknown question or profile."""
    from mock_interview.core.feedback import QuestionInfo, analyse
    from mock_interview.core.tomlschema import InvalidFileError

    try:
        if args.file == "-":
            stream = getattr(sys.stdin, "buffer", None)  # a text stream when a caller replaced stdin
            raw = stream.read(MAX_ANSWER_BYTES + 1) if stream else sys.stdin.read(MAX_ANSWER_BYTES + 1)
            if len(raw) > MAX_ANSWER_BYTES:
                raise FileTooLargeError("standard input", MAX_ANSWER_BYTES)
        else:
            raw = read_regular_file(Path(args.file), MAX_ANSWER_BYTES)
        text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
    except (OSError, UnicodeDecodeError) as exc:
        print(
            f"mock-interview: cannot read the answer from {args.file} ({exc}); "
            "give a UTF-8 text file or - for standard input",
            file=sys.stderr,
        )
        return 1
    if args.question_id:
        question = context.packs.find_question(args.question_id)
        if question is None:
            print(
                f"mock-interview: no question '{args.question_id}'; "
                "use PACK/ID as 'mock-interview packs show PACK' lists them",
                file=sys.stderr,
            )
            return 1
        info = QuestionInfo.of(question).with_kind(args.kind)
    else:
        info = QuestionInfo.from_text(args.question, args.kind)
    profile = None
    name = args.profile
    if name is None:
        settings, _ = context.load_settings()
        name = settings.active_profile or None
    if name and name != "none":  # 'none', as for practice and 'profiles use': no profile (./none is a file)
        try:
            profile = context.profiles.load_name_or_path(name)
        except InvalidFileError as exc:
            print(f"mock-interview: {exc}", file=sys.stderr)
            return 1
    feedback = analyse(text, info, profile=profile)
    profile_name = profile.name if profile is not None else None
    if args.json:
        data = feedback.to_json()
        data.setdefault("score", None)  # not judged: null, never a 0 that reads as a judgment
        data["profile"] = profile_name  # which profile the alignment checks read (null: none)
        print(json_text(data))
        return 0
    _print_checklist(feedback, info.kind, profile_name)
    return 0


def _print_checklist(feedback: Feedback, kind: str, profile: str | None) -> None:
    """The checklist: a table on a terminal, plain unpadded lines when piped; checks that do not apply are left out.

    Every piece of it is plain text (answers and profiles are data).
    """
    from rich.table import Table
    from rich.text import Text

    from mock_interview.cli.output import console as output_console
    from mock_interview.cli.output import is_terminal, status_style, user_text
    from mock_interview.core.feedback.present import gains_line, rows, score_line

    against = f"profile {profile}" if profile else "no profile (alignment checks left out)"
    head = f"{score_line(feedback)} · {kind} question · {against}"
    shown = list(rows(feedback, include_na=False))  # typed answers: no delivery rows; no profile: no alignment
    if not is_terminal():
        print(head)
        if feedback.scored and gains_line(feedback):
            print(gains_line(feedback))
        for row in shown if feedback.scored else []:
            print(f"{row.mark} {row.group}: {row.label}" + (f" ({row.detail})" if row.detail else ""))
            if row.tip:
                print(f"  tip: {row.tip}")
        return
    # The real stream (printing goes through the control-character filter, which would show Rich's
    # own colour codes); user text as Text with its control characters made visible.
    console = output_console()
    console.print(user_text(head, style="bold"))
    if not feedback.scored:
        return
    if gains_line(feedback):
        console.print(user_text(gains_line(feedback)))
    table = Table(show_lines=False)
    for column in ("", "group", "check", "detail / evidence", "tip"):
        table.add_column(column, overflow="fold")
    for row in shown:
        table.add_row(
            Text(row.mark, style=status_style(row.status)),
            user_text(row.group),
            user_text(row.label),
            user_text(row.detail),
            user_text(row.tip),
        )
    console.print(table)
