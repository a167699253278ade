"""Opening the Textual app from the command line (``mock-interview`` and ``practice``)."""

from __future__ import annotations

import sys
from argparse import Namespace

from mock_interview.core.context import AppContext


def run_app(context: AppContext, args: Namespace) -> int:
    """Run the app; ``practice`` options start a round directly."""
    start = None
    if getattr(args, "command", None) == "practice":
        mode = args.mode or "typed"
        unknown = [p for p in args.pack if context.packs.by_id(p) is None]
        if unknown:
            print(f"mock-interview: no pack {', '.join(unknown)}; 'mock-interview packs list' shows the ids", file=sys.stderr)
            return 1
        if args.count is not None and args.count < 1:
            print("mock-interview: --count must be at least 1", file=sys.stderr)
            return 2
        start = {"packs": args.pack, "count": args.count, "order": args.order, "mode": mode, "profile": args.profile}
    from mock_interview.tui.app import MockInterviewApp

    MockInterviewApp(context, start_round=start).run()
    return 0
