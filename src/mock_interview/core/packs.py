"""Question packs: TOML files of interview questions, loaded into frozen, validated objects.

A pack file has one ``[pack]`` table and one ``[[questions]]`` table per question; the README
documents every key. :func:`load_pack` reports every problem in a file at once;
:func:`discover_packs` loads every pack it can find, skipping bad ones with their problems.
"""

from __future__ import annotations

import errno
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mock_interview.core.choices import choice_values
from mock_interview.core.fsutil import describe_kind
from mock_interview.core.kinds import QuestionKind
from mock_interview.core.tomlschema import (
    FieldSpec,
    InvalidFileError,
    Problem,
    Validator,
    parse_toml_text,
    read_user_file,
    slug_check,
)

QUESTION_KINDS = choice_values(QuestionKind)
MAX_SECONDS = 1800  # 30 minutes: longer than any interview answer; larger values are typos
DEFAULT_ANSWER_SECONDS = 120
DEFAULT_PREP_SECONDS = 15


@dataclass(frozen=True)
class Question:
    """One interview question and the help that comes with it."""

    id: str
    text: str
    kind: str
    answer_seconds: int
    prep_seconds: int
    tips: tuple[str, ...] = ()
    follow_ups: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    example: str | None = None
    min_words: int | None = None
    max_words: int | None = None
    pack_id: str = ""

    @property
    def ref(self) -> str:
        """``pack/question``: names the question across packs."""
        return f"{self.pack_id}/{self.id}"


@dataclass(frozen=True)
class Pack:
    """A titled set of questions."""

    id: str
    title: str
    description: str
    tags: tuple[str, ...]
    answer_seconds: int
    prep_seconds: int
    questions: tuple[Question, ...]
    source: Path | None = field(default=None, compare=False)
    builtin: bool = False

    def question(self, question_id: str) -> Question | None:
        """The question with ``question_id``, or ``None``."""
        return next((q for q in self.questions if q.id == question_id), None)


@dataclass(frozen=True)
class PackLoadReport:
    """What :func:`discover_packs` found: the packs that loaded and the problems of the rest."""

    packs: tuple[Pack, ...]
    problems: tuple[Problem, ...]

    def by_id(self, pack_id: str) -> Pack | None:
        """The pack with ``pack_id``, or ``None``."""
        return next((p for p in self.packs if p.id == pack_id), None)

    def find_question(self, ref: str) -> Question | None:
        """Find a question by ``pack/question`` or by a question id unique across packs."""
        if "/" in ref:
            pack_id, question_id = ref.split("/", 1)
            pack = self.by_id(pack_id)
            return pack.question(question_id) if pack else None
        for pack in self.packs:
            found = pack.question(ref)
            if found:
                return found
        return None


def _seconds(name: str, default: int | None) -> FieldSpec:
    return FieldSpec(name, "int", default=default, minimum=1, maximum=MAX_SECONDS)


PACK_FIELDS = (
    FieldSpec("id", "str", required=True, check=slug_check),
    FieldSpec("title", "str", required=True),
    FieldSpec("description", "str", default=""),
    FieldSpec("tags", "list[str]", default=(), allow_empty=True),
    _seconds("answer_seconds", DEFAULT_ANSWER_SECONDS),
    FieldSpec("prep_seconds", "int", default=DEFAULT_PREP_SECONDS, minimum=0, maximum=MAX_SECONDS),
)

QUESTION_FIELDS = (
    FieldSpec("id", "str", required=True, check=slug_check),
    FieldSpec("text", "str", required=True),
    FieldSpec("kind", "str", required=True, choices=QUESTION_KINDS),
    _seconds("answer_seconds", None),
    FieldSpec("prep_seconds", "int", default=None, minimum=0, maximum=MAX_SECONDS),
    FieldSpec("tips", "list[str]", default=(), allow_empty=True),
    FieldSpec("follow_ups", "list[str]", default=(), allow_empty=True),
    FieldSpec("keywords", "list[str]", default=(), allow_empty=True),
    FieldSpec("example", "str", default=None),
    FieldSpec("min_words", "int", default=None, minimum=1, maximum=5000),
    FieldSpec("max_words", "int", default=None, minimum=1, maximum=5000),
)


def parse_pack(raw: bytes | str, source: Path | None = None, *, builtin: bool = False) -> Pack:
    """Parse and validate one pack.

    Args:
        raw: The file's bytes (or text).
        source: Where it came from, for messages.
        builtin: Whether it ships with the app.

    Raises:
        InvalidFileError: With every problem found, each naming the key and line.
    """
    data, text = parse_toml_text(raw, source)
    validator = Validator(source, text)
    for key in data:
        if key not in ("pack", "questions"):
            validator.fail(key, "unknown top-level key; a pack has a [pack] table and [[questions]] tables")
    if "pack" not in data:
        validator.fail("pack", "the [pack] table is missing; add [pack] with id and title")
        header: dict[str, Any] = {}
    else:
        header = validator.table(data["pack"], PACK_FIELDS, "pack") or {}
    questions = _read_questions(data.get("questions"), header, validator)
    if validator.problems:
        raise InvalidFileError(validator.problems)
    return Pack(
        id=header["id"],
        title=header["title"],
        description=header["description"],
        tags=header["tags"],
        answer_seconds=header["answer_seconds"],
        prep_seconds=header["prep_seconds"],
        questions=tuple(questions),
        source=source,
        builtin=builtin,
    )


def _read_questions(raw_questions: Any, header: dict[str, Any], validator: Validator) -> list[Question]:
    """The pack's valid questions; a problem is added for each that is not, and for a missing array."""
    questions: list[Question] = []
    if raw_questions is None:
        validator.fail("questions", "no questions; add at least one [[questions]] table")
        return questions
    if not isinstance(raw_questions, list):
        validator.fail("questions", "must be an array of tables written as [[questions]]")
        return questions
    if not raw_questions:
        validator.fail("questions", "is empty; add at least one [[questions]] table")
        return questions
    problems = validator.problems
    seen: dict[str, int] = {}
    for index, item in enumerate(raw_questions):
        where = f"questions[{index + 1}]"
        before = len(problems)
        values = validator.table(item, QUESTION_FIELDS, where) or {}
        # the id is checked for duplicates even when another key of the question is wrong: every problem at once
        question_id = item.get("id") if isinstance(item, dict) else None
        duplicate = isinstance(question_id, str) and question_id in seen
        if duplicate:
            validator.fail(
                f"{where}.id",
                f"duplicate id '{question_id}' (also questions[{seen[str(question_id)]}]); "
                "ids must be unique in a pack",
            )
        elif isinstance(question_id, str):
            seen[question_id] = index + 1
        low, high = values.get("min_words"), values.get("max_words")
        if isinstance(low, int) and isinstance(high, int) and low > high:  # also beside other problems: all at once
            validator.fail(f"{where}.min_words", f"is {low}, more than max_words ({high}); swap them")
        if duplicate or len(problems) > before:
            continue
        questions.append(
            Question(
                id=values["id"],
                text=values["text"],
                kind=values["kind"],
                answer_seconds=values["answer_seconds"] or header.get("answer_seconds") or DEFAULT_ANSWER_SECONDS,
                prep_seconds=values["prep_seconds"]
                if values["prep_seconds"] is not None
                else header.get("prep_seconds", DEFAULT_PREP_SECONDS),
                tips=values["tips"],
                follow_ups=values["follow_ups"],
                keywords=values["keywords"],
                example=values["example"],
                min_words=low,
                max_words=high,
                pack_id=header.get("id") or "",
            )
        )
    return questions


def load_pack(path: Path, *, builtin: bool = False) -> Pack:
    """Read and validate the pack at ``path`` (see :func:`parse_pack`)."""
    return parse_pack(read_user_file(path), path, builtin=builtin)


def builtin_packs_dir() -> Path:
    """The folder of the packs that ship with the app (in the wheel, or the checkout's)."""
    here = Path(__file__).resolve().parent.parent
    installed = here / "question_packs"
    if installed.is_dir():
        return installed
    return here.parent.parent / "question_packs"


def scan_pack_folder(folder: Path) -> tuple[list[Path], list[Problem]]:
    """The ``.toml`` entries of ``folder`` that can be packs, and a problem for each that cannot.

    A broken symbolic link, a loop of links, a FIFO, a device or a folder named ``*.toml`` is
    reported rather than skipped in silence: the user meant it to be a pack. Hidden files are left
    out (editors keep their swap files there).
    """
    if not folder.is_dir():
        return [], []
    files: list[Path] = []
    problems: list[Problem] = []
    try:
        entries = sorted(folder.iterdir())
    except OSError as exc:
        return [], [Problem(folder, "", f"cannot be listed ({exc.strerror}); check its permissions")]
    for path in entries:
        if path.suffix != ".toml" or path.name.startswith("."):
            continue
        try:
            info = path.stat()
        except OSError as exc:
            if path.is_symlink():
                reason = "a loop of symbolic links" if exc.errno == errno.ELOOP else "a broken symbolic link"
                problems.append(Problem(path, "", f"is {reason}; fix or remove the link"))
            else:
                problems.append(Problem(path, "", f"cannot be read ({exc.strerror})"))
            continue
        if stat.S_ISREG(info.st_mode):
            files.append(path)
        else:
            problems.append(
                Problem(path, "", f"is {describe_kind(info.st_mode)}, not a pack file; move it out of {folder}")
            )
    return files, problems


def _pack_sources(paths: Iterable[Path], builtin: bool) -> tuple[list[tuple[Path, bool]], list[Problem]]:
    sources: list[tuple[Path, bool]] = []
    problems: list[Problem] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            files, found = scan_pack_folder(path)
            sources += [(p, builtin) for p in files]
            problems += found
        else:
            sources.append((path, builtin))
    return sources, problems


def discover_packs(user_folder: Path | None = None, extra_paths: Iterable[Path] = ()) -> PackLoadReport:
    """Load the built-in packs, the user's packs and any extra files or folders.

    A pack that fails validation is skipped and its problems reported; so is a pack whose id is
    already taken by one loaded before it (built-in first, then the user's, then extra paths).
    Each file is loaded on its own: one bad file never hides the others.
    """
    sources, problems = _pack_sources([builtin_packs_dir()], True)
    if user_folder is not None and (user_folder.exists() or user_folder.is_symlink()):  # missing: no packs yet
        user_sources, user_problems = _pack_sources([user_folder], False)
        sources += user_sources
        problems += user_problems
    extra_sources, extra_problems = _pack_sources(extra_paths, False)
    sources += extra_sources
    problems += extra_problems
    packs: list[Pack] = []
    taken: dict[str, Path | None] = {}
    for path, builtin in sources:
        try:
            pack = load_pack(path, builtin=builtin)
        except InvalidFileError as exc:
            problems.extend(exc.problems)
            continue
        if pack.id in taken:
            problems.append(
                Problem(
                    path, "pack.id", f"id '{pack.id}' is already used by {taken[pack.id]}; give this pack another id"
                )
            )
            continue
        taken[pack.id] = path
        packs.append(pack)
    return PackLoadReport(tuple(packs), tuple(problems))


def validate_paths(paths: Sequence[Path]) -> list[Problem]:
    """Validate pack files (or folders of them) and return every problem found."""
    problems: list[Problem] = []
    for path in paths:
        if path.is_dir():
            files, found = scan_pack_folder(path)
            problems += found
            if not files and not found:
                problems.append(Problem(path, "", "holds no .toml pack files"))
        else:
            files = [path]
        for file in files:
            try:
                load_pack(file)
            except InvalidFileError as exc:
                problems.extend(exc.problems)
    return problems


def problems_by_file(problems: Iterable[Problem]) -> dict[Path | None, list[Problem]]:
    """``problems`` grouped by the file they are about, files in the order first met."""
    grouped: dict[Path | None, list[Problem]] = {}
    for problem in problems:
        grouped.setdefault(problem.file, []).append(problem)
    return grouped


def _problems(count: int) -> str:
    return f"{count} problem{'' if count == 1 else 's'}"


def skipped_pack_lines(problems: Iterable[Problem]) -> list[str]:
    """One line per pack file skipped, however many problems it has: its first problem, and the command
    that lists the others (a file with four problems once gave four warnings, each naming the file)."""
    lines = []
    for file, found in problems_by_file(problems).items():
        more = len(found) - 1
        lines.append(
            f"{found[0]} (and {more} more problem{'' if more == 1 else 's'}: "
            f"'mock-interview packs validate {file}' lists them all)"
            if more and file is not None
            else str(found[0])
        )
    return lines


def skipped_packs_summary(problems: Iterable[Problem]) -> str:
    """All the pack files skipped, in one short notice: each file's name with its count of problems, and
    the command that shows every problem (the app says this once, not once per problem, and short: a
    toast per problem covered Home's Start and the round's clock)."""
    grouped = problems_by_file(problems)
    files = [file for file in grouped if file is not None]
    if len(files) != len(grouped) or (len(files) == 1 and len(grouped[files[0]]) == 1):
        return "; ".join(skipped_pack_lines(problems))  # one problem (or one naming no file) says it all itself
    parts = [f"{file.name} ({_problems(len(grouped[file]))})" for file in files]
    named = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    folders = {file.parent for file in files}
    where = _home_short(folders.pop()) if len(folders) == 1 else " ".join(_home_short(file) for file in files)
    return f"Skipped {named}: 'mock-interview packs validate {where}' lists every problem."


def _home_short(path: Path) -> str:
    """``path`` with the home folder written ``~`` (shorter in a narrow notice; a shell reads it the same)."""
    try:
        return f"~/{path.relative_to(Path.home())}"
    except (ValueError, RuntimeError):  # not under home, or no home known
        return str(path)
