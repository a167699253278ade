"""``due`` and ``debrief``: what to practise again, and the real interviews you had."""

from __future__ import annotations

import sys
from argparse import Namespace
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from mock_interview.cli.output import Column, print_table
from mock_interview.core.context import AppContext
from mock_interview.core.safetext import json_text

if TYPE_CHECKING:
    from mock_interview.core.session_records import Session


def _err(message: str) -> None:
    print(f"mock-interview: {message}", file=sys.stderr)


# -- due -----------------------------------------------------------------------------------------


def run_due(context: AppContext, args: Namespace) -> int:
    """``due [--json] [--within HOURS]``: the questions due, soonest first, with what they missed last time."""
    from mock_interview.core.drill import due_cards, load_cards
    from mock_interview.core.session_records import now

    cards, problems = load_cards(context)
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    moment = now()
    due = due_cards(cards, moment, timedelta(hours=args.within))
    if args.json:
        print(json_text([card.to_json(moment) for card in due]))
        return 0
    if not due:
        later = min((c.due for c in cards.values()), default=None)
        when = f"; the next is due {later:%Y-%m-%d %H:%M}" if later else "; practise a round first"
        print(f"nothing is due in the next {args.within:g} hours{when}")
        return 0
    rows = [
        [
            card.ref,
            "now" if card.due <= moment else f"{card.due:%Y-%m-%d %H:%M}",
            card.question_text,
            ", ".join(m.label + (" (partly)" if m.status == "partial" else "") for m in card.missed) or "-",
        ]
        for card in due
    ]
    columns = [Column("question", key=True), Column("due", key=True), Column("text"), Column("missed last time")]
    print_table(f"{len(due)} question{'s' if len(due) != 1 else ''} due", columns, rows)
    print("practise them with 'mock-interview practice --due'", file=sys.stderr)
    return 0


def due_questions(context: AppContext, args: Namespace) -> tuple[tuple[str, ...], int]:
    """The questions ``practice --due`` asks (those due, in the packs given if any), or none and an exit status."""
    from mock_interview.core.drill import due_refs
    from mock_interview.core.session_records import now

    refs, problems = due_refs(context, now())
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    if args.pack:
        refs = [ref for ref in refs if ref.split("/", 1)[0] in args.pack]
    if args.count is not None:
        refs = refs[: args.count]
    if not refs:
        print("nothing is due; 'mock-interview due' shows when the next question is", file=sys.stderr)
        return (), 0
    return tuple(refs), 0


# -- debrief -------------------------------------------------------------------------------------


def run_debrief(context: AppContext, args: Namespace) -> int:
    """``debrief [list | show ID]``, or log a new one (asked for, or from flags)."""
    store = context.debriefs
    if args.debrief_command == "list":
        debriefs, problems = store.load_all()
        for problem in problems:
            print(f"warning: {problem}", file=sys.stderr)
        if not debriefs:
            print("no debriefs yet; log an interview with 'mock-interview debrief'")
            return 0
        rows = [[d.id, f"{d.when:%Y-%m-%d}", d.company, str(len(d.questions))] for d in debriefs]
        columns = [Column("id", key=True), Column("date", key=True), Column("company"), Column("questions")]
        print_table(f"{len(debriefs)} debrief{'s' if len(debriefs) != 1 else ''}", columns, rows)
        return 0
    if args.debrief_command == "show":
        from mock_interview.core.debrief import debrief_to_text

        try:
            debrief = store.load(args.debrief_id)
        except LookupError as exc:
            _err(str(exc))
            return 1
        print(debrief_to_text(debrief), end="")
        return 0
    return _debrief_new(context, args)


def _debrief_new(context: AppContext, args: Namespace) -> int:
    from mock_interview.cli.prompts import InputEnded, UsageError, ask
    from mock_interview.core.debrief import WENT, DebriefQuestion, new_debrief
    from mock_interview.core.drill import record_debrief
    from mock_interview.core.tomlschema import InvalidFileError

    interactive = sys.stdin.isatty()
    names = context.profiles.names()
    try:
        if args.profile is not None and args.profile not in names:
            raise UsageError(f"--profile: no profile '{args.profile}'; 'mock-interview profiles list' shows them")
        if args.profile is None and args.company is None and interactive and names:
            print(f"profiles: {', '.join(names)}")
        company = args.company
        profile = args.profile or ""
        if company is None and profile:
            company = context.profiles.load(profile).company
        company = ask(
            company, "Company (a profile name or the company's name)", "company", interactive=interactive, required=True
        )
        if not profile and company in names:
            profile, company = company, context.profiles.load(company).company
        when_text = ask(
            args.date, "Date of the interview (YYYY-MM-DD, Enter for today)", "date", interactive=interactive
        )
        when = _parse_date(when_text)
        role = ask(args.role, "Role (optional)", "role", interactive=interactive)
        questions = _flag_questions(args)
        if not questions and interactive:
            questions = _ask_questions(ask, WENT)
        if not questions:
            raise UsageError("give at least one --question (or run it in a terminal to be asked)")
    except UsageError as exc:
        _err(str(exc))
        return 2
    except InputEnded as exc:
        print(file=sys.stderr)
        _err(f"stopped at '{exc}': input ended, no debrief saved")
        return 1
    except (InvalidFileError, ValueError) as exc:
        _err(str(exc))
        return 2
    try:
        debrief = new_debrief(
            company, when, [DebriefQuestion(*q) for q in questions], profile=profile, role=role, notes=args.notes or ""
        )
    except InvalidFileError as exc:
        for problem in exc.problems:
            _err(f"{problem.key}: {problem.message}" if problem.key else problem.message)
        return 2
    try:
        saved = context.debriefs.save(debrief)
    except OSError as exc:
        _err(f"cannot save the debrief ({exc}); check the data folder")
        return 1
    for warning in record_debrief(context, saved):
        print(f"warning: {warning}", file=sys.stderr)
    print(f"saved {saved.source}")
    count = len(saved.questions)
    told = "its question is" if count == 1 else f"its {count} questions are"
    print(f"{told} in the pack 'my-interviews' and in 'mock-interview due'")
    return 0


def _parse_date(text: str) -> date:
    from mock_interview.core.debrief import interview_date

    try:
        return interview_date(text, date.today())
    except ValueError as exc:
        raise ValueError(f"--date: {exc}") from None


def _flag_questions(args: Namespace) -> list[tuple[str, str, str, str]]:
    """``--question`` with its ``--went``, ``--how`` and ``--next`` (the n-th of each belongs to the n-th question)."""
    from mock_interview.cli.prompts import UsageError

    texts: list[str] = args.question or []
    extra = {"--went": args.went or [], "--how": args.how or [], "--next": args.next or []}
    for flag, values in extra.items():
        if len(values) > len(texts):
            given = f"{len(values)} {flag}" if len(values) != 1 else f"one {flag}"
            questions = {0: "no --question", 1: "one --question"}.get(len(texts), f"{len(texts)} --question")
            raise UsageError(f"{given} for {questions}; give one per question, after its --question")
    went, how, next_time = (values + [""] * (len(texts) - len(values)) for values in extra.values())
    return [(t, w or "okay", h, n) for t, w, h, n in zip(texts, went, how, next_time, strict=True)]


def _ask_questions(ask: Callable[..., str], went_choices: tuple[str, ...]) -> list[tuple[str, str, str, str]]:
    """The questions asked one by one; an empty question ends the list."""
    questions: list[tuple[str, str, str, str]] = []
    while True:
        number = len(questions) + 1
        hint = "" if questions else " (Enter on an empty line when you have listed them all)"
        text = ask(None, f"Question {number} you were asked{hint}", "question", interactive=True)
        if not text:
            return questions
        went = ask(None, "How did it go", "went", interactive=True, choices=went_choices, default="okay")
        how = ask(None, "How it went, in your words (optional)", "how", interactive=True)
        next_time = ask(None, "What you would say next time (optional)", "next", interactive=True)
        questions.append((text, went, how, next_time))


# -- sessions: delete, a mentor's read -----------------------------------------------------------


def run_delete(context: AppContext, args: Namespace) -> int:
    """``sessions delete ID [--yes]``: the session and its recordings, after a confirmation."""
    store = context.sessions
    try:
        path = store.resolve(args.session_id)
    except LookupError as exc:
        _err(str(exc))
        return 1
    if not args.yes:
        if not sys.stdin.isatty():
            _err(f"deleting {path.stem} needs a confirmation; pass --yes to delete it without one")
            return 2
        try:
            answer = input(f"Delete session {path.stem} and its recordings? This cannot be undone. (y/N): ")
        except EOFError:
            answer = ""
        if answer.strip().lower() not in ("y", "yes"):
            print("nothing deleted")
            return 1
    try:
        removed, recordings = store.delete(path.stem, context.data.root)
    except (LookupError, OSError) as exc:
        _err(f"could not delete {path.stem} ({exc}); nothing else was removed")
        return 1
    extra = f" and {len(recordings)} recording{'s' if len(recordings) != 1 else ''}" if recordings else ""
    print(f"deleted {removed.stem}{extra}")
    from mock_interview.core.drill import rebuild

    for warning in rebuild(context):  # its answers no longer count in the drill
        print(f"warning: {warning}", file=sys.stderr)
    return 0


def mentor_export(context: AppContext, session: Session) -> str:
    """``sessions export ID --for-mentor``: the session with places for a mentor's notes."""
    from mock_interview.core.mentor import mentor_markdown
    from mock_interview.core.tomlschema import InvalidFileError

    company = ""
    if session.profile:
        try:
            profile = context.profiles.load(session.profile)
            company = f"{profile.role} at {profile.company}" + (f" ({profile.mission})" if profile.mission else "")
        except InvalidFileError:  # the profile is gone or broken: its name is all there is
            company = session.profile
    return mentor_markdown(session, company)


def run_import_notes(context: AppContext, args: Namespace) -> int:
    """``sessions import-notes FILE``: a mentor's notes stored with their session; a bad file changes nothing."""
    from mock_interview.core.fsutil import read_regular_file
    from mock_interview.core.mentor import MentorFileError, apply_mentor_notes, read_mentor_file

    source = Path(args.file)
    try:
        text = read_regular_file(source, 2 * 1024 * 1024).decode("utf-8")
    except UnicodeDecodeError:
        _err(f"{source}: not UTF-8 text; nothing changed")
        return 1
    except OSError as exc:
        _err(f"cannot read {source} ({exc}); nothing changed")
        return 1
    try:
        notes = read_mentor_file(text, str(source))
        session = context.sessions.load(notes.session_id)
        placed = apply_mentor_notes(session, notes, str(source))
    except MentorFileError as exc:
        _err(str(exc))
        return 1
    except LookupError as exc:
        _err(f"{source}: {exc}; nothing changed")
        return 1
    try:
        context.sessions.save(session)
    except OSError as exc:
        _err(f"could not save session {session.id} ({exc}); nothing changed")
        return 1
    if session.save_notice:
        print(session.save_notice, file=sys.stderr)
    print(f"imported {placed} note{'s' if placed != 1 else ''} into session {session.id}")
    return 0
