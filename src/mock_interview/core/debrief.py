"""Debriefs of real interviews: who, when, what was asked, how it went, what to say next time.

One TOML file per debrief in the data folder's ``debriefs/``, created atomically and read as
untrusted (a bad file is reported on one line, naming it, and skipped). The questions of every
debrief become a personal pack, ``My interviews`` (:func:`debrief_pack`), built as pack TOML and
validated by :func:`mock_interview.core.packs.parse_pack` like any pack, then loaded with the other
packs (:func:`with_debrief_pack`); and they join the drill, rated by how they went
(:func:`mock_interview.core.drill.reviews_of_debrief`).

For the screens: :class:`DebriefStore` (``context.debriefs``) ``save``/``load_all``,
:func:`new_debrief` to build one from a form, :func:`debrief_to_text` for a read-only view.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import tomli_w

from mock_interview.core.fsutil import (
    NotRegularFileError,
    UnsafePathError,
    atomic_create_bytes,
    ensure_private_dir,
    read_regular_file,
)
from mock_interview.core.packs import Pack, PackLoadReport, parse_pack
from mock_interview.core.tomlschema import (
    FieldSpec,
    InvalidFileError,
    Problem,
    Validator,
    is_slug,
    parse_toml_text,
    quote,
)

PACK_ID = "my-interviews"
PACK_TITLE = "My interviews"
WENT = ("well", "okay", "badly")
FORMAT_VERSION = 1
MAX_DEBRIEF_BYTES = 1024 * 1024
MAX_QUESTIONS = 100


@dataclass(frozen=True)
class DebriefQuestion:
    """A question asked in a real interview, how it went, and what to say next time."""

    text: str
    went: str = "okay"  # well, okay or badly
    how: str = ""  # how it went, in the user's words
    next_time: str = ""  # what the user would say next time

    def to_dict(self) -> dict[str, Any]:
        """The TOML form."""
        return {"text": self.text, "went": self.went, "how": self.how, "next_time": self.next_time}


@dataclass(frozen=True)
class Debrief:
    """A real interview, logged after it."""

    id: str
    company: str
    when: date
    questions: tuple[DebriefQuestion, ...]
    profile: str = ""  # the profile picked for the company, if any
    role: str = ""
    created: datetime | None = None
    notes: str = ""
    source: Path | None = field(default=None, compare=False)

    def question_id(self, position: int) -> str:
        """The id of the ``position``-th question (from 1) in the ``My interviews`` pack."""
        return f"{self.id[:58]}-q{position}"

    def refs(self) -> list[str]:
        """The questions' ``pack/question`` refs, in order."""
        return [f"{PACK_ID}/{self.question_id(n)}" for n in range(1, len(self.questions) + 1)]

    def to_dict(self) -> dict[str, Any]:
        """The TOML form."""
        head: dict[str, Any] = {
            "version": FORMAT_VERSION,
            "company": self.company,
            "date": self.when,
            "profile": self.profile,
            "role": self.role,
            "notes": self.notes,
        }
        if self.created is not None:
            head["created"] = self.created
        return {"debrief": head, "questions": [q.to_dict() for q in self.questions]}


def _slug(text: str) -> str:
    words = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return words[:40].strip("-") or "interview"


def new_debrief(
    company: str,
    when: date,
    questions: list[DebriefQuestion],
    *,
    profile: str = "",
    role: str = "",
    notes: str = "",
    created: datetime | None = None,
) -> Debrief:
    """A debrief ready to save, checked as a read one would be.

    Raises:
        InvalidFileError: A field is empty or wrong (no company, no question, an unknown ``went``).
    """
    from mock_interview.core.session_records import now

    made = created or now()
    debrief = Debrief(
        id=f"{when:%Y-%m-%d}-{_slug(company)}",
        company=company.strip(),
        when=when,
        questions=tuple(
            replace(q, text=q.text.strip(), how=q.how.strip(), next_time=q.next_time.strip()) for q in questions
        ),
        profile=profile,
        role=role.strip(),
        created=made,
        notes=notes.strip(),
    )
    parse_debrief(tomli_w.dumps(debrief.to_dict()), debrief.id)  # the same checks as a file read back
    return debrief


def interview_date(text: str, today: date) -> date:
    """The day of an interview as typed (empty: ``today``), by one rule for the CLI's ``--date`` and the
    app's Date field (they once gave different examples: 2025-01-31 and today).

    Raises:
        ValueError: Not a date, or a day still to come; the message shows how to write one (today's date).
    """
    text = text.strip()
    if not text:
        return today
    try:
        when = date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"'{text[:20]}' is not a date; write it as YYYY-MM-DD, such as {today:%Y-%m-%d}") from None
    if when > today:
        raise ValueError(f"{when:%Y-%m-%d} is in the future; a debrief is written after the interview")
    return when


def _newer(version: int) -> str | None:
    return f"is {version}; this file was written by a newer mock-interview" if version > FORMAT_VERSION else None


DEBRIEF_FIELDS = (
    FieldSpec("version", "int", default=FORMAT_VERSION, minimum=1, check=_newer),
    FieldSpec("company", "str", required=True),
    FieldSpec("date", "date", required=True),
    FieldSpec("created", "datetime"),
    *(FieldSpec(name, "str", default="", exact=True) for name in ("profile", "role", "notes")),
)
QUESTION_FIELDS = (
    FieldSpec("text", "str", required=True),
    FieldSpec("went", "str", default="okay", choices=WENT, exact=True),
    FieldSpec("how", "str", default="", exact=True),
    FieldSpec("next_time", "str", default="", exact=True),
)


def parse_debrief(raw: bytes | str, debrief_id: str, source: Path | None = None) -> Debrief:
    """Parse and check a debrief file.

    Raises:
        InvalidFileError: With every problem found, each naming the key.
    """
    data, text = parse_toml_text(raw, source)
    validator = Validator(source, text)
    if "debrief" not in data:
        validator.fail("debrief", "is missing; this is not a debrief file")
        raise InvalidFileError(validator.problems)
    head = validator.table(data["debrief"], DEBRIEF_FIELDS, "debrief", unknown_keys=True)
    if head is None:
        raise InvalidFileError(validator.problems)
    raw_questions = data.get("questions", [])
    if not isinstance(raw_questions, list) or not raw_questions:
        validator.fail("questions", "must hold at least one question written as [[questions]]")
        raw_questions = []
    if len(raw_questions) > MAX_QUESTIONS:
        validator.fail("questions", f"has {len(raw_questions)} questions; a debrief holds at most {MAX_QUESTIONS}")
        raw_questions = []
    questions = validator.tables(raw_questions, QUESTION_FIELDS, "questions", unknown_keys=True)
    if validator.problems:
        raise InvalidFileError(validator.problems)
    return Debrief(
        id=debrief_id,
        company=head["company"],
        when=head["date"],
        questions=tuple(DebriefQuestion(q["text"], q["went"], q["how"], q["next_time"]) for q in questions),
        created=head["created"],
        source=source,
        profile=head["profile"],
        role=head["role"],
        notes=head["notes"],
    )


class DebriefStore:
    """The ``debriefs/`` folder of a data directory."""

    def __init__(self, folder: Path):
        self.folder = folder

    def path_for(self, debrief_id: str) -> Path:
        """The file of a debrief, always directly in the folder.

        Raises:
            LookupError: ``debrief_id`` is not a safe id.
        """
        if not is_slug(debrief_id):
            raise LookupError(f"{quote(debrief_id)} is not a debrief id; 'mock-interview debrief list' shows them")
        return self.folder / f"{debrief_id}.toml"

    def save(self, debrief: Debrief) -> Debrief:
        """Save a new debrief in a file of its own (``0600``); a taken id gets ``-2``, ``-3``…

        Returns:
            The debrief as saved (its id may differ).
        """
        ensure_private_dir(self.folder)
        base = debrief.id[:60]
        for attempt in range(1, 1000):
            candidate = replace(debrief, id=base if attempt == 1 else f"{base}-{attempt}")
            try:
                atomic_create_bytes(self.path_for(candidate.id), tomli_w.dumps(candidate.to_dict()).encode("utf-8"))
            except FileExistsError:
                continue
            return replace(candidate, source=self.path_for(candidate.id))
        raise FileExistsError(f"{self.folder}: no free name for a debrief of {debrief.id}")

    def load(self, debrief_id: str) -> Debrief:
        """A debrief by id (or a unique prefix of one).

        Raises:
            LookupError: None or several match, or the file cannot be used (one line naming it).
        """
        if not debrief_id or not is_slug(debrief_id):
            raise LookupError(f"{quote(debrief_id)} is not a debrief id; 'mock-interview debrief list' shows them")
        exact = self.path_for(debrief_id)
        if exact.exists() or exact.is_symlink():
            return self._load_file(exact)
        matches = sorted(self.folder.glob(f"{debrief_id}*.toml")) if self.folder.is_dir() else []
        if len(matches) == 1:
            return self._load_file(matches[0])
        if not matches:
            raise LookupError(f"no debrief '{debrief_id}'; 'mock-interview debrief list' shows them")
        raise LookupError(f"'{debrief_id}' matches {len(matches)} debriefs; give more of the id")

    def _load_file(self, path: Path) -> Debrief:
        try:
            raw = read_regular_file(path, MAX_DEBRIEF_BYTES, follow_symlinks=False)
            return parse_debrief(raw, path.stem, path)
        except NotRegularFileError as exc:
            raise LookupError(f"{path}: is {exc.kind}, not a debrief file; move it away") from None
        except UnsafePathError as exc:
            raise LookupError(str(exc)) from None
        except OSError as exc:
            raise LookupError(f"{path}: cannot be read ({exc.strerror})") from None
        except InvalidFileError as exc:
            raise LookupError(f"{exc.problems[0]}; the file is skipped") from None

    def load_all(self) -> tuple[list[Debrief], list[Problem]]:
        """Every readable debrief, newest interview first, and a problem for each file that is not."""
        debriefs: list[Debrief] = []
        problems: list[Problem] = []
        if not self.folder.is_dir():
            return debriefs, problems
        for path in sorted(self.folder.iterdir()):
            if path.name.startswith(".") or path.suffix != ".toml":
                continue
            if not is_slug(path.stem):
                problems.append(Problem(path, "", "the file name is not a debrief id; rename it"))
                continue
            try:
                debriefs.append(self._load_file(path))
            except LookupError as exc:
                problems.append(Problem(None, "", str(exc)))
        debriefs.sort(key=lambda d: (d.when, d.id), reverse=True)
        return debriefs, problems


def debrief_pack(debriefs: list[Debrief], source: Path | None = None) -> Pack | None:
    """The ``My interviews`` pack: every debriefed question, validated as a pack file would be.

    Each question's kind comes from its words; what the user would say next time is its example
    answer, and how it went is a tip.

    Raises:
        InvalidFileError: The questions do not make a valid pack (every problem named).
    """
    from mock_interview.core.kinds import classify_question

    questions: list[dict[str, Any]] = []
    for debrief in sorted(debriefs, key=lambda d: (d.when, d.id)):
        for position, question in enumerate(debrief.questions, 1):
            entry: dict[str, Any] = {
                "id": debrief.question_id(position),
                "text": question.text,
                "kind": classify_question(question.text).value,
                "tips": [f"Asked at {debrief.company} on {debrief.when:%d %B %Y}; it went {question.went}."]
                + ([f"In your words: {question.how}"] if question.how else []),
            }
            if question.next_time:
                entry["example"] = question.next_time
            questions.append(entry)
    if not questions:
        return None
    document = {
        "pack": {
            "id": PACK_ID,
            "title": PACK_TITLE,
            "description": "The questions of the real interviews you debriefed.",
            "tags": ["personal", "debrief"],
        },
        "questions": questions,
    }
    return parse_pack(tomli_w.dumps(document), source)


def with_debrief_pack(report: PackLoadReport, folder: Path) -> PackLoadReport:
    """The packs found, plus ``My interviews`` from the debriefs in ``folder`` (their problems added)."""
    debriefs, problems = DebriefStore(folder).load_all()
    all_problems = list(report.problems) + problems
    try:
        pack = debrief_pack(debriefs, folder)
    except InvalidFileError as exc:
        return PackLoadReport(report.packs, tuple(all_problems + list(exc.problems)))
    if pack is None:
        return PackLoadReport(report.packs, tuple(all_problems))
    if report.by_id(PACK_ID) is not None:
        all_problems.append(
            Problem(folder, "", f"your debriefs are not loaded as a pack: a pack with the id '{PACK_ID}' exists")
        )
        return PackLoadReport(report.packs, tuple(all_problems))
    return PackLoadReport((*report.packs, pack), tuple(all_problems))


def debrief_to_text(debrief: Debrief) -> str:
    """A debrief as plain text, for ``debrief show`` (the text is the user's own: shown as written)."""
    lines = [f"{debrief.company} — {debrief.when:%A %d %B %Y}" + (f" ({debrief.role})" if debrief.role else "")]
    if debrief.profile:
        lines.append(f"profile: {debrief.profile}")
    for number, (ref, question) in enumerate(zip(debrief.refs(), debrief.questions, strict=True), 1):
        lines += ["", f"{number}. {question.text}", f"   went: {question.went}   (practise it as {ref})"]
        if question.how:
            lines.append(f"   how it went: {question.how}")
        if question.next_time:
            lines.append(f"   next time: {question.next_time}")
    if debrief.notes:
        lines += ["", f"notes: {debrief.notes}"]
    return "\n".join(lines) + "\n"
