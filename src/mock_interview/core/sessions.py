"""Practice sessions: what was asked, what was answered, the feedback shown, and notes after.

One TOML file per session in the data directory's ``sessions/`` folder; the file name is the
session's id. The file is rewritten atomically after every change (see
:mod:`mock_interview.core.fsutil`), so a crash can never leave half a session. The ``[session]``
table comes first and carries a summary (answer count, score), so listing parses only the head of
each file (the file is still read whole, within its size limit: the cut is made on the bytes).

Session files are checked field by field when read (:mod:`mock_interview.core.session_schema`):
a bad file is reported on one line and skipped, and every good one still lists and opens. Ids are
safe slugs before they touch a path. New sessions are created exclusively, and a save that finds
the file changed since it was read (another window, another process) merges the two versions, or
keeps its own as a separate session when both changed the same thing: no write is silently lost.
"""

from __future__ import annotations

import builtins
import copy
import os
import tomllib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import tomli_w

from mock_interview.core.fsutil import (
    UnsafePathError,
    atomic_create_bytes,
    atomic_write_bytes,
    ensure_private_dir,
    folder_lock,
    read_regular_file,
)
from mock_interview.core.session_schema import FORMAT_VERSION, FieldReader, read_answer, read_header
from mock_interview.core.tomlschema import InvalidFileError, Problem, is_slug, one_line, parse_toml_text, quote

__all__ = ["FORMAT_VERSION", "AnswerRecord", "Session", "SessionFileError", "SessionFileProblem", "SessionStore",
           "SessionSummary", "latest_question_scores", "new_session_id", "now"]

RETRIED = "retried"  # an attempt set aside when the user started the question again; its text is kept
_COUNTED = ("answered", "timed_out")  # statuses of answers that count for scores and totals
_ANSWERS_HEADER = "\n[[answers]]"
MAX_SESSION_BYTES = 32 * 1024 * 1024  # an hour of spoken answers with word timings is under 1 MB
CREATE_ATTEMPTS = 50


class SessionFileError(LookupError):
    """A session file that cannot be used; ``str()`` is one line naming the file and the problem."""

    def __init__(self, path: Path, problems: list[Problem] | tuple[Problem, ...]) -> None:
        self.path = path
        self.problems = tuple(problems)
        first = str(self.problems[0]) if self.problems else f"{path}: not a readable session"
        more = f" (and {len(self.problems) - 1} more problems)" if len(self.problems) > 1 else ""
        super().__init__(f"{first}{more}; the file is kept as it is")


def now() -> datetime:
    """The current local time, to the second, with its UTC offset (TOML keeps offsets)."""
    return datetime.now().astimezone().replace(microsecond=0)


@dataclass
class AnswerRecord:
    """One answer given in a session (a follow-up is an answer of its own)."""

    question_ref: str
    question_text: str
    kind: str
    started: datetime
    ended: datetime | None = None
    answer_seconds: int = 0
    text: str = ""
    source: str = "typed"
    status: str = "in_progress"
    audio: str = ""
    words: list[tuple[str, float, float]] = field(default_factory=list)
    feedback: dict[str, Any] = field(default_factory=dict)
    reflection: str = ""
    follow_up_to: str = ""
    transcript_model: str = ""
    with_follow_ups: dict[str, Any] = field(default_factory=dict)  # score and groups of this answer and its follow-ups

    @property
    def is_follow_up(self) -> bool:
        """Whether this answers a follow-up question."""
        return bool(self.follow_up_to)

    @property
    def score(self) -> int | None:
        """The answer's feedback score, if it was scored."""
        value = self.feedback.get("score")
        return int(value) if isinstance(value, (int, float)) else None

    @property
    def counts(self) -> bool:
        """Whether this answer counts (answered or timed out, with words; not skipped or set aside)."""
        return self.status in _COUNTED and bool(self.text.strip())

    @property
    def question_score(self) -> int | None:
        """The question's score: this answer checked together with its follow-ups, else on its own."""
        value = self.with_follow_ups.get("score")
        return int(value) if isinstance(value, (int, float)) else self.score

    @property
    def question_groups(self) -> dict[str, Any]:
        """The group scores of this answer together with its follow-ups, else on its own."""
        return dict(self.with_follow_ups.get("groups") or self.feedback.get("groups", {}))

    @property
    def duration_seconds(self) -> float | None:
        """How long the answer took, if it ended."""
        if self.ended is None:
            return None
        return (self.ended - self.started).total_seconds()

    def to_dict(self) -> dict[str, Any]:
        """The TOML form (no ``None``: TOML has no null)."""
        data: dict[str, Any] = {
            "question_ref": self.question_ref,
            "question_text": self.question_text,
            "kind": self.kind,
            "started": self.started,
            "answer_seconds": self.answer_seconds,
            "source": self.source,
            "status": self.status,
            "text": self.text,
        }
        if self.ended is not None:
            data["ended"] = self.ended
        for key in ("audio", "reflection", "follow_up_to", "transcript_model"):
            if getattr(self, key):
                data[key] = getattr(self, key)
        if self.words:
            data["words"] = [[w, round(float(s), 3), round(float(e), 3)] for w, s, e in self.words]
        if self.feedback:
            data["feedback"] = self.feedback
        if self.with_follow_ups:
            data["with_follow_ups"] = self.with_follow_ups
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any], path: Path | None = None, where: str = "answers[1]") -> AnswerRecord:
        """Build from the TOML form, checking every field.

        Raises:
            InvalidFileError: A field is missing or has the wrong type or range.
        """
        reader = FieldReader(path)
        values = read_answer(reader, data, where)
        if reader.problems:
            raise InvalidFileError(reader.problems)
        return cls(**values)


@dataclass
class Session:
    """A practice round. Mutable while the round runs; saved after every change."""

    id: str
    started: datetime
    mode: str = "typed"
    packs: list[str] = field(default_factory=list)
    profile: str = ""
    plan: list[str] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)
    status: str = "in_progress"
    ended: datetime | None = None
    answers: list[AnswerRecord] = field(default_factory=list)
    # The file's bytes as this object last read or wrote them: a save compares them with the file
    # to notice another writer, and merges against them.
    _disk: bytes | None = field(default=None, init=False, repr=False, compare=False)
    # What happened at the last save when the file had changed meanwhile (for the screens to say).
    save_notice: str = field(default="", init=False, repr=False, compare=False)

    @property
    def answered(self) -> list[AnswerRecord]:
        """Answers with text (typed or transcribed), follow-ups included."""
        return [a for a in self.answers if a.text.strip() and a.status not in ("skipped", RETRIED)]

    def question_results(self) -> dict[str, AnswerRecord]:
        """Each planned question answered, by ``pack/question``: its latest counted attempt (follow-ups left out)."""
        results: dict[str, AnswerRecord] = {}
        for answer in self.answers:
            if not answer.is_follow_up and answer.counts:
                results[answer.question_ref] = answer
        return results

    @property
    def questions_answered(self) -> int:
        """How many questions were answered (a retried question counts once; follow-ups do not count)."""
        return len(self.question_results())

    @property
    def follow_ups_answered(self) -> int:
        """How many follow-up questions were answered."""
        return sum(1 for a in self.answers if a.is_follow_up and a.counts)

    @property
    def score(self) -> int | None:
        """The mean of the questions' scores (each question scored with its follow-ups), or ``None``."""
        scores = [s for s in (a.question_score for a in self.question_results().values()) if s is not None]
        return round(sum(scores) / len(scores)) if scores else None

    def group_scores(self) -> dict[str, int]:
        """The mean score of each feedback group over the questions answered."""
        totals: dict[str, list[float]] = {}
        for answer in self.question_results().values():
            for group, value in answer.question_groups.items():
                if isinstance(value, (int, float)):
                    totals.setdefault(group, []).append(value)
        return {group: round(sum(v) / len(v)) for group, v in totals.items()}

    def question_scores(self) -> dict[str, int]:
        """The score of each question answered in this session (its latest attempt, with its follow-ups)."""
        return {ref: score for ref, answer in self.question_results().items() if (score := answer.question_score) is not None}

    def remaining_plan(self) -> list[str]:
        """The planned questions not yet answered or skipped (for resuming)."""
        done = {a.question_ref for a in self.answers if not a.is_follow_up and a.status not in ("in_progress", RETRIED)}
        return [ref for ref in self.plan if ref not in done]

    def to_dict(self) -> dict[str, Any]:
        """The TOML form; the ``[session]`` table comes first and carries the summary."""
        header: dict[str, Any] = {
            "version": FORMAT_VERSION,
            "id": self.id,
            "started": self.started,
            "mode": self.mode,
            "status": self.status,
            "packs": list(self.packs),
            "profile": self.profile,
            "plan": list(self.plan),
            "answer_count": len(self.answered),
            "questions_answered": self.questions_answered,
            "follow_ups_answered": self.follow_ups_answered,
        }
        if self.ended is not None:
            header["ended"] = self.ended
        if self.score is not None:
            header["score"] = self.score
        header["settings"] = dict(self.settings)
        header["group_scores"] = self.group_scores()
        header["question_scores"] = self.question_scores()
        return {"session": header, "answers": [a.to_dict() for a in self.answers]}

    @classmethod
    def from_dict(cls, data: dict[str, Any], path: Path | None = None, session_id: str | None = None) -> Session:
        """Build from the TOML form, checking every field.

        Args:
            data: The parsed file.
            path: The file, for messages.
            session_id: The id (the file name); defaults to the id written in the file.

        Raises:
            InvalidFileError: With every problem found, each naming the key.
        """
        reader = FieldReader(path)
        if not isinstance(data, dict) or "session" not in data:
            raise InvalidFileError([Problem(path, "session", "is missing; this is not a session file")])
        header = read_header(reader, data["session"])
        raw_answers = data.get("answers", [])
        answers: list[AnswerRecord] = []
        if not isinstance(raw_answers, list):
            reader.fail("answers", "must be an array of tables written as [[answers]]")
        else:
            for position, item in enumerate(raw_answers):
                values = read_answer(reader, item, f"answers[{position + 1}]")
                if values and not reader.problems:
                    answers.append(AnswerRecord(**values))
        if session_id is None:
            written = data["session"].get("id") if isinstance(data["session"], dict) else None
            session_id = written if isinstance(written, str) and is_slug(written) else ""
            if not session_id:
                reader.fail("session.id", f"{quote(str(written))} is not a safe session id")
        if reader.problems:
            raise InvalidFileError(reader.problems)
        for summary_only in ("answer_count", "questions_answered", "follow_ups_answered", "score", "group_scores",
                             "question_scores"):
            header.pop(summary_only)
        return cls(id=session_id, answers=answers, **header)


@dataclass(frozen=True)
class SessionSummary:
    """What a listing shows of a session, read from the head of its file."""

    id: str
    started: datetime
    mode: str
    status: str
    packs: tuple[str, ...]
    profile: str
    answers: int  # planned questions answered (follow-ups not counted)
    planned: int
    score: int | None
    path: Path
    group_scores: dict[str, int] = field(default_factory=dict)
    question_scores: dict[str, int] = field(default_factory=dict)
    follow_ups: int = 0  # follow-up questions answered

    def to_json(self) -> dict[str, Any]:
        """The ``sessions list --json`` form."""
        return {
            "id": self.id,
            "started": self.started.isoformat(),
            "mode": self.mode,
            "status": self.status,
            "packs": list(self.packs),
            "profile": self.profile,
            "answers": self.answers,
            "follow_ups": self.follow_ups,
            "planned": self.planned,
            "score": self.score,
            "group_scores": dict(self.group_scores),
        }


@dataclass(frozen=True)
class SessionFileProblem:
    """A file in the sessions folder that is not a readable session."""

    path: Path
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def new_session_id(started: datetime) -> str:
    """A sortable id: the start time and a random suffix (a clash is retried by :meth:`SessionStore.create`)."""
    return f"{started:%Y%m%d-%H%M%S}-{os.urandom(2).hex()}"


def latest_question_scores(summaries: list[SessionSummary]) -> dict[str, int]:
    """Each question's most recent score across sessions (for "weakest first")."""
    scores: dict[str, int] = {}
    for summary in sorted(summaries, key=lambda s: s.started):
        scores.update(summary.question_scores)
    return scores


def _id_hint() -> str:
    return "ids look like 20250131-093000-ab12; 'mock-interview sessions list' shows them"


class SessionStore:
    """The sessions folder of a data directory."""

    def __init__(self, folder: Path):
        self.folder = folder

    def path_for(self, session_id: str) -> Path:
        """The file of a session: always a name directly in the folder.

        Session files are read and written without following symbolic links (a link in their
        place is reported, never followed), so a safe slug is all it takes to stay inside.

        Raises:
            LookupError: ``session_id`` is not a safe id (it would not name a file in the folder).
        """
        if not is_slug(session_id):
            raise LookupError(f"{quote(session_id)} is not a session id; {_id_hint()}")
        return self.folder / f"{session_id}.toml"

    # -- writing ---------------------------------------------------------------------------------

    def create(self, *, mode: str, packs: list[str], plan: list[str], profile: str = "",
               settings: dict[str, Any] | None = None, started: datetime | None = None) -> Session:
        """Start a new session and save it at once, in a file of its own.

        The file is created exclusively: if the id is taken (two sessions started in the same
        second drew the same suffix), another id is drawn; an existing session is never replaced.
        """
        when = started or now()
        ensure_private_dir(self.folder)
        for _ in range(CREATE_ATTEMPTS):
            session = Session(id=new_session_id(when), started=when, mode=mode, packs=list(packs),
                              profile=profile, plan=list(plan), settings=dict(settings or {}))
            if self._create_file(session):
                return session
        raise FileExistsError(f"{self.folder}: could not find a free session id after {CREATE_ATTEMPTS} tries")

    def save(self, session: Session) -> Path:
        """Write the session atomically (a new file ``0600``; an existing one keeps its mode).

        If the file changed since this session was read or last saved (another window or process
        saved it), the two versions are merged: each side's changes are kept. If both changed the
        same field, nothing is overwritten: this version is saved as a new session instead, and
        ``session.save_notice`` says so (``session.id`` is then the new id).

        Returns:
            The file written.
        """
        ensure_private_dir(self.folder)
        session.save_notice = ""
        with folder_lock(self.folder):
            if session._disk is None:
                if self._create_file(session):
                    return self.path_for(session.id)
                self._fork(session, "a session with this id already exists")
                return self._create_fork(session)
            path = self.path_for(session.id)
            try:
                current = read_regular_file(path, MAX_SESSION_BYTES, follow_symlinks=False)
            except FileNotFoundError:
                current = None  # deleted meanwhile: write it again
            except UnsafePathError as exc:
                self._fork(session, f"the file {exc.strerror}")
                return self._create_fork(session)
            if current is not None and current != session._disk:
                conflict = self._merge_from(session, current, path)
                if conflict:
                    self._fork(session, conflict)
                    return self._create_fork(session)
            data = _encode(session)
            atomic_write_bytes(path, data)
            session._disk = data
            return path

    def _create_file(self, session: Session) -> bool:
        data = _encode(session)
        try:
            atomic_create_bytes(self.path_for(session.id), data)
        except FileExistsError:
            return False
        session._disk = data
        return True

    def _create_fork(self, session: Session) -> Path:
        original = session.id
        for _ in range(CREATE_ATTEMPTS):
            if self._create_file(session):
                return self.path_for(session.id)
            session.id = _fork_id(original)
        raise FileExistsError(f"{self.folder}: could not find a free session id after {CREATE_ATTEMPTS} tries")

    def _fork(self, session: Session, reason: str) -> None:
        original = session.id
        session.id = _fork_id(original)
        session._disk = None
        session.save_notice = (f"Session {original} was changed elsewhere ({reason}); nothing was overwritten: "
                               f"this version is saved as {session.id}.")

    def _merge_from(self, session: Session, current: bytes, path: Path) -> str:
        """Merge the file's newer version into ``session``; returns why not, or ``""`` when merged."""
        assert session._disk is not None
        try:
            base, _ = parse_toml_text(session._disk, path)
            theirs, _ = parse_toml_text(current, path)
        except InvalidFileError:
            return "the file on disk is no longer a readable session"
        ours = tomllib.loads(_encode(session).decode("utf-8"))
        conflicts: list[str] = []
        merged = _merge_documents(base, ours, theirs, conflicts)
        if conflicts:
            return "both versions changed " + ", ".join(conflicts[:3]) + (" and more" if len(conflicts) > 3 else "")
        try:
            result = Session.from_dict(merged, path, session_id=session.id)
        except InvalidFileError as exc:
            return f"the merged version would be invalid: {exc.problems[0].message}"
        _apply(result, session)
        session.save_notice = f"Session {session.id} was also changed elsewhere; both sets of changes are kept."
        return ""

    # -- reading ---------------------------------------------------------------------------------

    def load(self, session_id: str) -> Session:
        """Load a session by id (or a unique prefix of one).

        Raises:
            LookupError: No session, or more than one, matches; the id is not an id; or the file
                is unreadable (:class:`SessionFileError`, one line naming the file and the key).
        """
        return self.load_file(self._resolve(session_id))

    def load_file(self, path: Path) -> Session:
        """Load the session in ``path`` (a file of this folder, as :meth:`list` found it).

        Raises:
            SessionFileError: The file cannot be read or is not a valid session.
        """
        raw = _read_session_bytes(path)
        try:
            data, _ = parse_toml_text(raw, path)
            session = Session.from_dict(data, path, session_id=path.stem)
        except InvalidFileError as exc:
            raise SessionFileError(path, exc.problems) from None
        session._disk = raw
        return session

    def _resolve(self, session_id: str) -> Path:
        if not session_id or not is_slug(session_id):
            raise LookupError(f"{quote(session_id)} is not a session id; {_id_hint()}")
        exact = self.path_for(session_id)
        if exact.exists() or exact.is_symlink():
            return exact
        matches = []
        if self.folder.is_dir():
            matches = sorted(p for p in self.folder.iterdir()
                             if p.suffix == ".toml" and p.name.startswith(session_id) and is_slug(p.stem))
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise LookupError(f"no session '{session_id}' in {self.folder}; {_id_hint()}")
        raise LookupError(f"'{session_id}' matches {len(matches)} sessions; give more of the id")

    def list(self) -> tuple[list[SessionSummary], list[SessionFileProblem]]:
        """Summaries of every session, newest first, and the files that could not be read.

        Each file is read on its own: a bad one is reported (with its first problem) and every
        good one is still listed.
        """
        summaries: list[SessionSummary] = []
        problems: list[SessionFileProblem] = []
        if not self.folder.is_dir():
            return summaries, problems
        for path in sorted(self.folder.iterdir()):
            if path.name.startswith(".") or (path.is_dir() and not path.is_symlink()):
                continue
            if path.suffix != ".toml":
                problems.append(SessionFileProblem(path, "not a session file (sessions are .toml); move it elsewhere"))
                continue
            if not is_slug(path.stem):
                message = f"the file name is not a session id ({_id_hint()}); rename it"
                problems.append(SessionFileProblem(path, message))
                continue
            try:
                summaries.append(_read_summary(path))
            except SessionFileError as exc:
                problems.append(SessionFileProblem(path, _without_file(exc.problems) + "; skipped"))
        summaries.sort(key=lambda s: (s.started, s.id), reverse=True)
        return summaries, problems

    def load_all(self) -> builtins.list[Session]:
        """Every readable session, newest first (unreadable ones are skipped)."""
        summaries, _ = self.list()
        sessions = []
        for summary in summaries:
            try:
                sessions.append(self.load_file(summary.path))
            except SessionFileError:
                continue
        return sessions


def _fork_id(original: str) -> str:
    stem = original if len(original) <= 58 else original[:58]
    return f"{stem}-{os.urandom(2).hex()}"


def _encode(session: Session) -> bytes:
    return tomli_w.dumps(session.to_dict()).encode("utf-8")


def _read_session_bytes(path: Path) -> bytes:
    from mock_interview.core.fsutil import NotRegularFileError

    try:
        return read_regular_file(path, MAX_SESSION_BYTES, follow_symlinks=False)
    except NotRegularFileError as exc:
        raise SessionFileError(path, [Problem(path, "", f"is {exc.kind}, not a regular file")]) from None
    except UnsafePathError as exc:
        raise SessionFileError(path, [Problem(path, "", exc.strerror or "cannot be read")]) from None
    except OSError as exc:
        raise SessionFileError(path, [Problem(path, "", f"cannot be read ({exc.strerror})")]) from None


def _without_file(problems: tuple[Problem, ...]) -> str:
    """The first problem without the file's name (the listing names the file itself)."""
    first = problems[0]
    text = f"{first.key}: {first.message}" if first.key else first.message
    if first.line:
        text = f"line {first.line}: {text}"
    return one_line(text) + (f" (and {len(problems) - 1} more)" if len(problems) > 1 else "")


def _read_summary(path: Path) -> SessionSummary:
    raw = _read_session_bytes(path)
    cut = raw.find(_ANSWERS_HEADER.encode())
    try:
        try:
            data, _ = parse_toml_text(raw if cut < 0 else raw[:cut], path)
        except InvalidFileError:
            data, _ = parse_toml_text(raw, path)  # the cut fell inside a string: read it whole
    except InvalidFileError as exc:
        raise SessionFileError(path, exc.problems) from None
    if "session" not in data:
        raise SessionFileError(path, [Problem(path, "session", "is missing; this is not a session file")])
    reader = FieldReader(path)
    head = read_header(reader, data["session"])
    if reader.problems:
        raise SessionFileError(path, reader.problems)
    return SessionSummary(
        id=path.stem,
        started=head["started"],
        mode=head["mode"],
        status=head["status"],
        packs=tuple(head["packs"]),
        profile=head["profile"],
        answers=head["answer_count"] if head["questions_answered"] is None else head["questions_answered"],
        planned=len(head["plan"]),
        score=head["score"],
        path=path,
        group_scores=head["group_scores"],
        question_scores=head["question_scores"],
        follow_ups=head["follow_ups_answered"],
    )


# -- merging two versions of a session --------------------------------------------------------------

_MISSING = object()
# recomputed from the answers at every save
_SUMMARY_KEYS = ("answer_count", "questions_answered", "follow_ups_answered", "score", "group_scores", "question_scores")


def _merge_value(base: Any, ours: Any, theirs: Any, key: str, conflicts: list[str]) -> Any:
    if ours == theirs or theirs == base:
        return ours
    if ours == base:
        return theirs
    conflicts.append(key)
    return ours


def _merge_tables(base: dict[str, Any], ours: dict[str, Any], theirs: dict[str, Any], where: str,
                  conflicts: list[str], skip: tuple[str, ...] = ()) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for key in list(dict.fromkeys([*ours, *theirs, *base])):
        if key in skip:
            if key in ours:
                merged[key] = ours[key]
            continue
        value = _merge_value(base.get(key, _MISSING), ours.get(key, _MISSING), theirs.get(key, _MISSING),
                             f"{where}.{key}" if where else key, conflicts)
        if value is not _MISSING:
            merged[key] = value
    return merged


def _same_answer(one: Any, other: Any) -> bool:
    return (isinstance(one, dict) and isinstance(other, dict) and one.get("question_ref") == other.get("question_ref")
            and one.get("follow_up_to") == other.get("follow_up_to"))


def _merge_answers(base: list[Any], ours: list[Any], theirs: list[Any], conflicts: list[str]) -> list[Any]:
    shared = len(base)
    aligned = len(ours) >= shared and len(theirs) >= shared and all(
        _same_answer(b, o) and _same_answer(b, t) for b, o, t in zip(base, ours, theirs, strict=False))
    if not aligned:  # answers were removed or reordered on one side: only a one-sided change merges
        chosen: list[Any] = _merge_value(base, ours, theirs, "answers", conflicts)
        return chosen
    merged = [_merge_tables(b, o, t, f"answers[{n + 1}]", conflicts)
              for n, (b, o, t) in enumerate(zip(base, ours, theirs, strict=False))]
    added_ours, added_theirs = ours[shared:], theirs[shared:]
    if added_ours and added_theirs and added_ours != added_theirs:
        conflicts.append("new answers")
    return merged + (added_ours or added_theirs)


def _merge_documents(base: dict[str, Any], ours: dict[str, Any], theirs: dict[str, Any],
                     conflicts: list[str]) -> dict[str, Any]:
    def table(document: dict[str, Any]) -> dict[str, Any]:
        value = document.get("session", {})
        return value if isinstance(value, dict) else {}

    def answers(document: dict[str, Any]) -> list[Any]:
        value = document.get("answers", [])
        return value if isinstance(value, list) else []

    head = _merge_tables(table(base), table(ours), table(theirs), "session", conflicts, skip=_SUMMARY_KEYS)
    return {"session": head, "answers": _merge_answers(answers(base), answers(ours), answers(theirs), conflicts)}


def _apply(source: Session, target: Session) -> None:
    """Make ``target`` hold ``source``'s contents, keeping ``target``'s answer objects (a running round holds them)."""
    from dataclasses import fields

    for spec in fields(Session):
        if spec.name not in ("id", "answers", "_disk", "save_notice"):
            setattr(target, spec.name, copy.copy(getattr(source, spec.name)))
    for position, answer in enumerate(source.answers):
        if position < len(target.answers):
            for spec in fields(AnswerRecord):
                setattr(target.answers[position], spec.name, getattr(answer, spec.name))
        else:
            target.answers.append(answer)
    del target.answers[len(source.answers):]
