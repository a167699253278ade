"""Opening the Textual app from the command line (``mock-interview`` and ``practice``)."""

from __future__ import annotations

import contextlib
import sys
from argparse import Namespace
from dataclasses import replace
from typing import TYPE_CHECKING

from mock_interview.core.choices import AnswerMode
from mock_interview.core.context import AppContext

if TYPE_CHECKING:
    from mock_interview.core.planning import CheckedRequest

NO_TERMINAL = "mock-interview needs a terminal; for scripts use score/transcribe"


def run_app(context: AppContext, args: Namespace) -> int:
    """Run the app; ``practice`` options start a round directly.

    Every option is checked before the app opens (an unknown pack or profile is an error naming
    it), and without a terminal the app does not start at all: it would wait for keys that can
    never come, and a round would leave an empty session behind.
    """
    start: CheckedRequest | None = None
    if getattr(args, "command", None) == "practice":
        start_or_status = practice_request(context, args)
        if isinstance(start_or_status, int):
            return start_or_status
        start = start_or_status
    from mock_interview.cli.app_terminal import open_drawing_terminal

    drawing = open_drawing_terminal()
    if drawing is None:
        print(f"{NO_TERMINAL}", file=sys.stderr)
        return 1
    from mock_interview.cli.app_terminal import app_terminal, describe_stderr
    from mock_interview.cli.output import is_terminal, raw_streams
    from mock_interview.tui.app import MockInterviewApp

    app = MockInterviewApp(context, start_round=start)
    with raw_streams(), app_terminal(drawing, context.data.messages_log) as terminal:
        app.run()
    status = app.return_code or 0
    where = terminal.where_messages_went()
    if status:  # Textual has printed the traceback on standard error by now
        print(f"mock-interview: the app stopped on an error; {where}", file=sys.stderr)
        if not terminal.stderr_is_terminal and is_terminal():
            print(f"mock-interview: the app stopped on an error; its message went to {describe_stderr()}")
    elif not terminal.stderr_is_terminal:  # 2>/dev/null, 2>file: the app ran all the same
        print(f"mock-interview: the app drew on the terminal, as standard error is not one; {where}", file=sys.stderr)
    return status


def practice_request(context: AppContext, args: Namespace) -> CheckedRequest | int:
    """The round ``practice`` asks for, checked once against the packs and profiles; or the exit status."""
    from mock_interview.core.planning import RoundNotPossible, RoundRequest, check_request

    mode = args.mode or AnswerMode.TYPED.value
    if mode == AnswerMode.SPOKEN.value:
        from mock_interview.extras import speech_missing

        problem = speech_missing()
        if problem is not None:
            print(f"mock-interview: --spoken: {problem}; or answer with --typed", file=sys.stderr)
            return 1
    if not args.pack and not args.due:
        print("mock-interview: practice needs --pack ID (or --due)", file=sys.stderr)
        return 2
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
    request = RoundRequest(tuple(args.pack or ()), args.count, args.order, AnswerMode(mode), profile)
    if args.due:
        from mock_interview.cli.loop_commands import due_questions

        due, status = due_questions(context, args)
        if not due:
            return status
        request = replace(request, packs=(), questions=due, count=None, order=None)
    try:
        return check_request(context, request)
    except RoundNotPossible as exc:
        print(f"mock-interview: {str(exc).rstrip('.')}", file=sys.stderr)
        return 1


EXIT_GRACE_SECONDS = 1.0


def leave_promptly(status: int, grace: float = EXIT_GRACE_SECONDS) -> None:
    """Make sure the process ends within ``grace`` seconds from now, with ``status``.

    Everything is saved by the time this is called. Python waits at exit for its worker threads,
    and PortAudio's exit handler for its streams; a thread still in a C call (playback on a frozen
    audio server, a device that never answers) cannot be interrupted, so quitting would hang. A
    daemon timer ends the process if the normal exit has not within ``grace``; when it has, the
    timer dies with the process and nothing is cut short.
    """
    import os
    import threading

    def end_now() -> None:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError, AttributeError):
                stream.flush()
        os._exit(status)

    timer = threading.Timer(grace, end_now)
    timer.daemon = True
    timer.start()
