"""The commands behind ``mock-interview``; each returns an exit status.

Output goes through :mod:`mock_interview.cli.output`: text from files is shown literally with its
control characters visible, and tables keep ids whole.
"""

from __future__ import annotations

import sys
from argparse import Namespace
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from mock_interview.cli.output import Column, console, is_terminal, print_table, user_text
from mock_interview.cli.prompts import JOB_DESCRIPTION_PROMPT, InputEnded, UsageError, ask, ask_text
from mock_interview.core.context import AppContext
from mock_interview.core.safetext import json_text

if TYPE_CHECKING:
    from mock_interview.core.packs import Pack

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE = 0, 1, 2


def _err(message: str) -> None:
    print(f"mock-interview: {message}", file=sys.stderr)


# The commands that change the data folder, by (command, action): only these create it. Every other
# one only reads (score, transcribe, packs, sessions list, doctor…) and leaves a missing folder missing.
WRITERS = {
    (None, None),  # the app
    ("practice", None),
    ("profiles", "new"),
    ("profiles", "use"),
    ("sessions", "delete"),
    ("sessions", "import-notes"),
    ("debrief", None),  # logging a debrief ('debrief list' and 'debrief show' only read)
    ("models", "download"),
}


def writes_data(args: Namespace) -> bool:
    """Whether the command ``args`` names changes the data folder (and so may create it)."""
    action = getattr(args, f"{args.command}_command", None) if args.command else None
    return (args.command, action) in WRITERS


def dispatch(args: Namespace) -> int:
    """Run the command that ``args`` names."""
    try:
        context = AppContext.from_options(args.data_dir, args.pack_path, create=writes_data(args))
    except OSError as exc:
        _err(
            f"cannot use the data directory ({exc}); "
            "pass --data-dir or set MOCK_INTERVIEW_DATA_DIR to a writable folder"
        )
        return EXIT_PROBLEM
    command = args.command
    if command is None or command == "practice":
        from mock_interview.cli.launch import run_app

        return run_app(context, args)
    handler: Callable[[AppContext, Namespace], int] = {
        "packs": _packs,
        "profiles": _profiles,
        "sessions": _sessions,
        "doctor": _doctor,
        "score": _score,
        "devices": _audio_command,
        "record": _audio_command,
        "transcribe": _audio_command,
        "models": _audio_command,
        "say": _audio_command,
        "due": _loop_command,
        "debrief": _loop_command,
    }[command]
    return handler(context, args)


# -- packs ---------------------------------------------------------------------------------------


def _packs(context: AppContext, args: Namespace) -> int:
    action = args.packs_command
    if action == "validate":
        from mock_interview.core.feedback.text import counted
        from mock_interview.core.packs import validate_paths

        problems = validate_paths([Path(p) for p in args.paths])
        # file by file, top to bottom (a file's unknown keys were found before its bad values)
        order = {file: n for n, file in enumerate(dict.fromkeys(p.file for p in problems))}
        for problem in sorted(problems, key=lambda p: (order[p.file], p.line or 0)):
            print(problem)
        if problems:
            files = len({p.file for p in problems})
            print(f"{counted(len(problems), 'problem')} in {counted(files, 'file')}", file=sys.stderr)
            return EXIT_PROBLEM
        print(f"ok: {counted(len(args.paths), 'path')} valid")
        return EXIT_OK
    from mock_interview.core.packs import skipped_pack_lines

    for line in skipped_pack_lines(context.packs.problems):  # once per file, however many problems it has
        print(f"warning: pack skipped: {line}", file=sys.stderr)
    report = context.packs
    if action == "list":
        if args.json:
            print(
                json_text(
                    [
                        {
                            "id": p.id,
                            "title": p.title,
                            "questions": len(p.questions),
                            "tags": list(p.tags),
                            "description": p.description,
                            "builtin": p.builtin,
                            "source": str(p.source) if p.source else None,
                        }
                        for p in report.packs
                    ]
                )
            )
            return EXIT_OK
        columns = [
            Column("id", key=True),
            Column("title"),
            Column("questions", justify="right"),
            Column("tags"),
            Column("from"),
        ]
        rows = [
            [
                pack.id,
                pack.title,
                str(len(pack.questions)),
                ", ".join(pack.tags),
                "built-in" if pack.builtin else str(pack.source),
            ]
            for pack in report.packs
        ]
        print_table(f"{len(report.packs)} question packs", columns, rows)
        return EXIT_OK
    pack = report.by_id(args.pack_id)
    if pack is None:
        _err(f"no pack '{args.pack_id}'; 'mock-interview packs list' shows the ids")
        return EXIT_PROBLEM
    _show_pack(pack)
    return EXIT_OK


def _show_pack(pack: Pack) -> None:
    """A pack's questions with their times, tips and follow-ups.

    On a terminal, styled, long lines wrapped under their label; piped or redirected, plain text
    with one line per item and nothing wrapped (for grep, less or a file).
    """
    from rich.padding import Padding
    from rich.text import Text

    from mock_interview.cli.output import is_terminal
    from mock_interview.core.feedback.text import counted

    heading = f"{pack.title} ({pack.id}) — {counted(len(pack.questions), 'question')}"
    items = [
        (
            question,
            f"{question.id} · {question.kind} · {question.answer_seconds} s answer · {question.prep_seconds} s prep",
        )
        for question in pack.questions
    ]
    if not is_terminal():  # print() goes through the stream that makes control characters visible
        print(_one_line(heading))
        if pack.description:
            print(_one_line(pack.description))
        for number, (question, times) in enumerate(items, 1):
            print()
            print(f"{number}. {_one_line(question.text)}  {times}")
            for label, texts in (("tip", question.tips), ("follow-up", question.follow_ups)):
                for text in texts:
                    print(f"   {label}: {_one_line(text)}")
            if question.example:
                print("   example answer available")
        return
    out = console()
    out.print(
        Text.assemble(user_text(pack.title, "bold"), f" ({pack.id}) — {counted(len(pack.questions), 'question')}")
    )
    if pack.description:
        out.print(user_text(pack.description))
    for number, (question, times) in enumerate(items, 1):
        out.print()
        out.print(
            Text.assemble(
                Text(f"{number}. ", style="bold"), user_text(question.text, "bold"), "  ", Text(times, style="dim")
            )
        )
        for label, texts in (("tip", question.tips), ("follow-up", question.follow_ups)):
            for text in texts:  # a long tip wraps indented under its label, not at the left margin
                out.print(Padding(Text.assemble(f"{label}: ", user_text(text)), (0, 0, 0, 3)))
        if question.example:
            out.print(Text("   example answer available", style="italic"))


def _one_line(text: str) -> str:
    """Text from a pack on one line (a line break inside a tip would look like a new item)."""
    return " ".join(text.split())


# -- profiles ------------------------------------------------------------------------------------


def _profiles(context: AppContext, args: Namespace) -> int:
    from mock_interview.core.tomlschema import InvalidFileError

    store = context.profiles
    settings, _ = context.load_settings()
    action = args.profiles_command
    if action == "list":
        profiles, problems = store.load_all()
        for problem in problems:
            print(f"warning: profile skipped: {problem}", file=sys.stderr)
        if not profiles:
            print("no profiles yet; create one with 'mock-interview profiles new NAME'")
            return EXIT_OK
        for profile in profiles:
            mark = "*" if profile.name == settings.active_profile else " "
            print(
                " ".join(
                    f"{mark} {profile.name:<20} {profile.role} at {profile.company} "
                    f"({profile.industry}, {profile.career_stage})".splitlines()
                )
            )
        return EXIT_OK
    if action == "show":
        try:
            profile = store.load(args.name)
        except InvalidFileError as exc:
            _err(str(exc))
            return EXIT_PROBLEM
        print(profile.to_toml(), end="")
        return EXIT_OK
    if action == "use":
        if args.name == "none":
            context.save_settings(settings.updated(active_profile=""))
            print("no active profile")
            return EXIT_OK
        try:
            store.load(args.name)
        except InvalidFileError as exc:
            _err(str(exc))
            return EXIT_PROBLEM
        context.save_settings(settings.updated(active_profile=args.name))
        print(f"active profile: {args.name}")
        return EXIT_OK
    return _profiles_new(context, args)


def _profiles_new(context: AppContext, args: Namespace) -> int:
    from mock_interview.core.choices import CareerStage, Industry, choice_values
    from mock_interview.core.profiles import Profile, parse_profile
    from mock_interview.core.tomlschema import SLUG_HINT, InvalidFileError, is_slug

    store = context.profiles
    if not is_slug(args.name):
        _err(f"profile name '{args.name}' is not allowed; {SLUG_HINT}")
        return EXIT_USAGE
    if store.path_for(args.name).exists() and not args.force:
        _err(f"profile '{args.name}' exists at {store.path_for(args.name)}; pass --force to overwrite it")
        return EXIT_PROBLEM
    interactive = sys.stdin.isatty()

    job_description = ""
    if args.job_description_file:
        try:
            job_description = _read_text_argument(args.job_description_file)
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            _err(f"cannot read the job description from {args.job_description_file} ({exc}); give a UTF-8 text file")
            return EXIT_PROBLEM
    try:
        company = ask(args.company, "Company name", "company", interactive=interactive, required=True)
        role = ask(args.role, "Role title", "role", interactive=interactive, required=True)
        industry = ask(
            args.industry,
            "Industry",
            "industry",
            interactive=interactive,
            choices=choice_values(Industry),
            default=Industry.OTHER.value,
        )
        stage = ask(
            args.stage,
            "Career stage",
            "stage",
            interactive=interactive,
            choices=choice_values(CareerStage),
            default=CareerStage.MID.value,
        )
        mission = ask(args.mission, "Mission (one sentence, optional)", "mission", interactive=interactive)
        values_text = ask(args.values, "Values (comma-separated, optional)", "values", interactive=interactive)
        if interactive and not args.job_description_file:
            job_description = ask_text(JOB_DESCRIPTION_PROMPT)
    except UsageError as exc:
        _err(str(exc))
        return EXIT_USAGE
    except InputEnded as exc:
        print(file=sys.stderr)
        _err(f"stopped at '{exc}': input ended, no profile saved")
        return EXIT_PROBLEM
    profile = Profile(
        name=args.name,
        company=company,
        role=role,
        industry=industry.lower(),
        career_stage=stage.lower(),
        mission=mission,
        values=tuple(v.strip() for v in values_text.split(",") if v.strip()),
        job_description=job_description.strip(),
    )
    try:
        parse_profile(profile.to_toml(), profile.name)
    except InvalidFileError as exc:
        for problem in exc.problems:
            _err(problem.message if not problem.key else f"{problem.key}: {problem.message}")
        return EXIT_USAGE
    try:
        path = store.save(profile, overwrite=args.force)
    except FileExistsError:
        _err(
            f"profile '{args.name}' was created meanwhile (by another command?); nothing was overwritten, "
            "pass --force to replace it"
        )
        return EXIT_PROBLEM
    except OSError as exc:
        _err(f"cannot save the profile ({exc}); check the data folder")
        return EXIT_PROBLEM
    print(f"saved {path}")
    if args.use or not context.load_settings()[0].active_profile:
        settings, _ = context.load_settings()
        context.save_settings(settings.updated(active_profile=profile.name))
        print(f"active profile: {profile.name}")
    return EXIT_OK


def _read_text_argument(source: str, max_bytes: int = 1024 * 1024) -> str:
    """A text argument given as a file path, or ``-`` for standard input (at most ``max_bytes``)."""
    if source == "-":
        text = sys.stdin.read(max_bytes + 1)
        if len(text) > max_bytes:
            raise ValueError(f"more than {max_bytes // 1024} KB")
        return text
    from mock_interview.core.fsutil import read_regular_file

    return read_regular_file(Path(source), max_bytes).decode("utf-8")


# -- sessions ------------------------------------------------------------------------------------


def _sessions(context: AppContext, args: Namespace) -> int:
    store = context.sessions
    action = args.sessions_command
    if action in ("delete", "import-notes"):
        from mock_interview.cli.loop_commands import run_delete, run_import_notes

        return run_delete(context, args) if action == "delete" else run_import_notes(context, args)
    if action == "list":
        summaries, problems = store.list()
        for problem in problems:
            print(f"warning: {problem}", file=sys.stderr)
        if args.json:
            print(json_text([s.to_json() for s in summaries]))
            return EXIT_OK
        if not summaries:
            print("no sessions yet; start one with 'mock-interview'")
            return EXIT_OK
        columns = [
            Column("id", key=True),
            Column("started", key=True),
            Column("packs"),
            Column("mode"),
            Column("answers", justify="right"),
            Column("score", justify="right"),
            Column("status"),
        ]
        from mock_interview.core.session_view import status_shown

        rows = [
            [
                s.id,
                f"{s.started:%Y-%m-%d %H:%M}",
                ", ".join(s.packs),
                s.mode,
                f"{s.answers}/{s.planned}",
                "-" if s.score is None else str(s.score),
                status_shown(s.status, s.answers + s.follow_ups),
            ]
            for s in summaries
        ]
        print_table(f"{len(summaries)} sessions", columns, rows)
        return EXIT_OK
    try:
        session = store.load(args.session_id)
    except LookupError as exc:
        _err(str(exc))
        return EXIT_PROBLEM
    from mock_interview.core.report import session_to_json, session_to_markdown

    titles = {p.id: p.title for p in context.packs.packs}
    if action == "show":
        if args.json:
            from mock_interview.core.mentor import mentor_notes_json
            from mock_interview.core.star_timeline import applies, star_timeline
            from mock_interview.core.summary import summarise

            shown = session_to_json(session) | {
                "summary": summarise(session).to_json(),
                "mentor_notes": mentor_notes_json(session),
            }
            for answer, data in zip(session.answers, shown["answers"], strict=True):
                if applies(answer.kind, answer.words):  # a spoken story: where its time went
                    data["star_timeline"] = [
                        segment.to_json() for segment in star_timeline(answer.spoken_text, answer.words)
                    ]
            print(json_text(shown))
            return EXIT_OK
        report = session_to_markdown(session, titles)
        if not is_terminal():  # piped or redirected: the report's own lines, nothing padded or centred
            import re

            plain = re.sub(r"\\([\\`*_{}\[\]()#+\-.!<>|~])", r"\1", report)  # text, not Markdown's escapes
            sys.stdout.write(plain if plain.endswith("\n") else plain + "\n")
            return EXIT_OK
        from rich.markdown import Markdown

        console().print(Markdown(report, hyperlinks=False))
        return EXIT_OK
    if args.format == "mentor":
        from mock_interview.cli.loop_commands import mentor_export

        text = mentor_export(context, session)
    elif args.format == "md":
        text = session_to_markdown(session, titles)
    else:
        text = json_text(session_to_json(session)) + "\n"
    if args.output and args.output != "-":
        return _write_output(Path(args.output), text)
    sys.stdout.write(text)
    return EXIT_OK


def _write_output(path: Path, text: str) -> int:
    """Write a report to ``path``: a new file, or a regular file replaced whole (its mode kept)."""
    from mock_interview.core.fsutil import NotRegularFileError, UnsafePathError, WriteFailed, atomic_write_text

    try:
        atomic_write_text(path, text)
    except UnsafePathError as exc:
        special = isinstance(exc, NotRegularFileError) and exc.kind != "a folder"
        hint = "; -o - writes to standard output" if special else ""
        _err(f"not written: {exc}{hint}")
        return EXIT_PROBLEM
    except WriteFailed as exc:  # a full disk, a read-only folder: said plainly, no temporary file left
        _err(f"could not write {path}: {exc.reason}; free some space or choose another path (-o -: standard output)")
        return EXIT_PROBLEM
    except OSError as exc:
        _err(f"cannot write {path} ({exc.strerror}); choose another path")
        return EXIT_PROBLEM
    print(f"wrote {path}", file=sys.stderr)
    return EXIT_OK


# -- score ---------------------------------------------------------------------------------------


def _score(context: AppContext, args: Namespace) -> int:
    from mock_interview.cli.score import run_score

    return run_score(context, args)


# -- doctor --------------------------------------------------------------------------------------


def _doctor(context: AppContext, args: Namespace) -> int:
    from mock_interview.cli.doctor import run_doctor

    return run_doctor(context, remove_orphans=args.remove_orphans)


def _audio_command(context: AppContext, args: Namespace) -> int:
    from mock_interview.cli.audio_commands import run_audio_command

    return run_audio_command(context, args)


def _loop_command(context: AppContext, args: Namespace) -> int:
    from mock_interview.cli.loop_commands import run_debrief, run_due

    return run_due(context, args) if args.command == "due" else run_debrief(context, args)
