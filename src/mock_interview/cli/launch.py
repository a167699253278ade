"""Opening the Textual app from the command line (``mock-interview`` and ``practice``)."""

from __future__ import annotations

import sys
from argparse import Namespace
from typing import Any

from mock_interview.core.choices import AnswerMode
from mock_interview.core.context import AppContext

NO_TERMINAL = "mock-interview needs a terminal; for scripts use score/transcribe"


def has_terminal() -> bool:
    """Whether the app can run: it reads keys from standard input and draws on standard error."""
    streams = (sys.__stdin__, sys.__stderr__)
    try:
        return all(stream is not None and stream.isatty() for stream in streams)
    except (AttributeError, ValueError):  # a closed or replaced stream
        return False


def run_app(context: AppContext, args: Namespace) -> int:
    """Run the app; ``practice`` options start a round directly.

    Every option is checked before the app opens (an unknown pack or profile is an error naming
    it), and without a terminal the app does not start at all: it would wait for keys that can
    never come, and a round would leave an empty session behind.
    """
    start: dict[str, Any] | None = None
    if getattr(args, "command", None) == "practice":
        mode = args.mode or AnswerMode.TYPED.value
        if not args.pack and not args.due:
            print("mock-interview: practice needs --pack ID (or --due)", file=sys.stderr)
            return 2
        unknown = [p for p in args.pack or [] if context.packs.by_id(p) is None]
        if unknown:
            print(
                f"mock-interview: no pack {', '.join(unknown)}; 'mock-interview packs list' shows the ids",
                file=sys.stderr,
            )
            return 1
        if args.count is not None and args.count < 1:
            print("mock-interview: --count must be at least 1", file=sys.stderr)
            return 2
        if args.profile is not None and args.profile != "none":
            from mock_interview.core.tomlschema import InvalidFileError

            try:
                context.profiles.load(args.profile)
            except InvalidFileError as exc:
                print(f"mock-interview: --profile: {exc}", file=sys.stderr)
                return 1
        profile = "" if args.profile == "none" else args.profile
        start = {"packs": args.pack, "count": args.count, "order": args.order, "mode": mode, "profile": profile}
        if args.due:
            from mock_interview.cli.loop_commands import due_start

            chosen, status = due_start(context, args)
            if chosen is None:
                return status
            start |= chosen | {"count": None, "order": None}
    if not has_terminal():
        print(f"{NO_TERMINAL}", file=sys.stderr)
        return 1
    from mock_interview.cli.output import raw_streams
    from mock_interview.tui.app import MockInterviewApp

    with raw_streams():
        MockInterviewApp(context, start_round=start).run()
    return 0
