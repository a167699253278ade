"""The commands behind ``mock-interview``; each returns an exit status."""

from __future__ import annotations

import json
import sys
from argparse import Namespace
from pathlib import Path

from mock_interview.core.context import AppContext

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE = 0, 1, 2


def _console():
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def _err(message: str) -> None:
    print(f"mock-interview: {message}", file=sys.stderr)


def dispatch(args: Namespace) -> int:
    """Run the command that ``args`` names."""
    try:
        context = AppContext.from_options(args.data_dir, args.pack_path)
    except OSError as exc:
        _err(f"cannot use the data directory ({exc}); pass --data-dir or set MOCK_INTERVIEW_DATA_DIR to a writable folder")
        return EXIT_PROBLEM
    command = args.command
    if command is None or command == "practice":
        from mock_interview.cli.launch import run_app

        return run_app(context, args)
    handler = {
        "packs": _packs,
        "profiles": _profiles,
        "sessions": _sessions,
        "doctor": _doctor,
        "score": _score,
        "devices": _audio_command,
        "record": _audio_command,
        "transcribe": _audio_command,
        "models": _audio_command,
    }[command]
    return handler(context, args)


# -- packs ---------------------------------------------------------------------------------------

def _packs(context: AppContext, args: Namespace) -> int:
    action = args.packs_command
    if action == "validate":
        from mock_interview.core.packs import validate_paths

        problems = validate_paths([Path(p) for p in args.paths])
        for problem in problems:
            print(problem)
        if problems:
            files = len({p.file for p in problems})
            print(f"{len(problems)} problem(s) in {files} file(s)", file=sys.stderr)
            return EXIT_PROBLEM
        print(f"ok: {len(args.paths)} path(s) valid")
        return EXIT_OK
    for problem in context.packs.problems:
        print(f"warning: pack skipped: {problem}", file=sys.stderr)
    report = context.packs
    if action == "list":
        if args.json:
            print(json.dumps([
                {"id": p.id, "title": p.title, "questions": len(p.questions), "tags": list(p.tags),
                 "description": p.description, "builtin": p.builtin, "source": str(p.source) if p.source else None}
                for p in report.packs], indent=2))
            return EXIT_OK
        from rich.table import Table

        table = Table(title=f"{len(report.packs)} question packs")
        for column in ("id", "title", "questions", "tags", "from"):
            table.add_column(column)
        for pack in report.packs:
            table.add_row(pack.id, pack.title, str(len(pack.questions)), ", ".join(pack.tags),
                          "built-in" if pack.builtin else str(pack.source))
        _console().print(table)
        return EXIT_OK
    pack = report.by_id(args.pack_id)
    if pack is None:
        _err(f"no pack '{args.pack_id}'; 'mock-interview packs list' shows the ids")
        return EXIT_PROBLEM
    console = _console()
    console.print(f"[bold]{pack.title}[/] ({pack.id}) — {len(pack.questions)} questions")
    if pack.description:
        console.print(pack.description)
    for number, question in enumerate(pack.questions, 1):
        console.print(f"\n[bold]{number}. {question.text}[/]  [dim]{question.id} · {question.kind} · "
                      f"{question.answer_seconds} s answer · {question.prep_seconds} s prep[/]")
        for tip in question.tips:
            console.print(f"   tip: {tip}")
        for follow_up in question.follow_ups:
            console.print(f"   follow-up: {follow_up}")
        if question.example:
            console.print("   [italic]example answer available[/]")
    return EXIT_OK


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
            print(f"{mark} {profile.name:<20} {profile.role} at {profile.company} ({profile.industry}, {profile.career_stage})")
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
    from mock_interview.core.profiles import Profile
    from mock_interview.core.tomlschema import SLUG_HINT, is_slug

    store = context.profiles
    if not is_slug(args.name):
        _err(f"profile name '{args.name}' is not allowed; {SLUG_HINT}")
        return EXIT_USAGE
    if store.path_for(args.name).exists() and not args.force:
        _err(f"profile '{args.name}' exists at {store.path_for(args.name)}; pass --force to overwrite it")
        return EXIT_PROBLEM
    interactive = sys.stdin.isatty()

    def ask(value: str | None, prompt: str, required: bool = False) -> str:
        if value is not None:
            return value.strip()
        if not interactive:
            if required:
                raise SystemExit(_usage_exit(f"--{prompt.split()[0].lower()} is required when not run interactively"))
            return ""
        while True:
            answer = input(f"{prompt}: ").strip()
            if answer or not required:
                return answer
            print("  (required)")

    job_description = ""
    if args.job_description_file:
        source = sys.stdin if args.job_description_file == "-" else None
        try:
            job_description = source.read() if source else Path(args.job_description_file).read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            _err(f"cannot read the job description from {args.job_description_file} ({exc}); give a UTF-8 text file")
            return EXIT_PROBLEM
    company = ask(args.company, "Company name", required=True)
    role = ask(args.role, "Role title", required=True)
    industry = args.industry or ask(None, "Industry (technology, healthcare, finance, creative, nonprofit, public, other)") or "other"
    stage = args.stage or ask(None, "Career stage (entry, mid, senior)") or "mid"
    mission = ask(args.mission, "Mission (one sentence, optional)")
    values_text = ask(args.values, "Values (comma-separated, optional)")
    profile = Profile(name=args.name, company=company, role=role, industry=industry.lower(), career_stage=stage.lower(),
                      mission=mission, values=tuple(v.strip() for v in values_text.split(",") if v.strip()),
                      job_description=job_description.strip())
    from mock_interview.core.profiles import parse_profile
    from mock_interview.core.tomlschema import InvalidFileError

    try:
        parse_profile(profile.to_toml(), profile.name)
    except InvalidFileError as exc:
        for problem in exc.problems:
            _err(problem.message if not problem.key else f"{problem.key}: {problem.message}")
        return EXIT_USAGE
    path = store.save(profile)
    print(f"saved {path}")
    if args.use or not context.load_settings()[0].active_profile:
        settings, _ = context.load_settings()
        context.save_settings(settings.updated(active_profile=profile.name))
        print(f"active profile: {profile.name}")
    return EXIT_OK


def _usage_exit(message: str) -> int:
    _err(message)
    return EXIT_USAGE


# -- sessions ------------------------------------------------------------------------------------

def _sessions(context: AppContext, args: Namespace) -> int:
    store = context.sessions
    action = args.sessions_command
    if action == "list":
        summaries, problems = store.list()
        for problem in problems:
            print(f"warning: {problem}", file=sys.stderr)
        if args.json:
            print(json.dumps([s.to_json() for s in summaries], indent=2))
            return EXIT_OK
        if not summaries:
            print("no sessions yet; start one with 'mock-interview'")
            return EXIT_OK
        from rich.table import Table

        table = Table(title=f"{len(summaries)} sessions")
        for column in ("id", "started", "packs", "mode", "answers", "score", "status"):
            table.add_column(column)
        for s in summaries:
            table.add_row(s.id, f"{s.started:%Y-%m-%d %H:%M}", ", ".join(s.packs), s.mode,
                          f"{s.answers}/{s.planned}", "-" if s.score is None else str(s.score), s.status.replace("_", " "))
        _console().print(table)
        return EXIT_OK
    try:
        session = store.load(args.session_id)
    except LookupError as exc:
        _err(str(exc))
        return EXIT_PROBLEM
    from mock_interview.core.report import session_to_json, session_to_markdown

    titles = {p.id: p.title for p in context.packs.packs}
    if action == "show":
        from rich.markdown import Markdown

        _console().print(Markdown(session_to_markdown(session, titles)))
        return EXIT_OK
    text = session_to_markdown(session, titles) if args.format == "md" else json.dumps(session_to_json(session), indent=2) + "\n"
    if args.output:
        from mock_interview.core.fsutil import atomic_write_text

        try:
            atomic_write_text(Path(args.output), text)
        except OSError as exc:
            _err(f"cannot write {args.output} ({exc.strerror}); choose another path")
            return EXIT_PROBLEM
        print(f"wrote {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return EXIT_OK


# -- score ---------------------------------------------------------------------------------------

def _score(context: AppContext, args: Namespace) -> int:
    from mock_interview.cli.score import run_score

    return run_score(context, args)


# -- doctor --------------------------------------------------------------------------------------

def _doctor(context: AppContext, args: Namespace) -> int:
    from mock_interview.cli.doctor import run_doctor

    return run_doctor(context)


def _audio_command(context: AppContext, args: Namespace) -> int:
    from mock_interview.cli.audio_commands import run_audio_command

    return run_audio_command(context, args)
