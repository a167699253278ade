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
import contextlib
import os
import tomllib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import tomli_w

from mock_interview.core.choices import AnswerMode
from mock_interview.core.fsutil import (
    UnsafePathError,
    atomic_create_bytes,
    atomic_write_bytes,
    ensure_private_dir,
    folder_lock,
    read_regular_file,
)
from mock_interview.core.session_merge import apply_merged, merge_documents
from mock_interview.core.session_records import (
    AnswerRecord,
    Session,
    SessionSummary,
    latest_question_scores,
    now,
)
from mock_interview.core.session_schema import FORMAT_VERSION, read_header
from mock_interview.core.session_statuses import AnswerStatus, SessionStatus
from mock_interview.core.tomlschema import (
    InvalidFileError,
    Problem,
    Validator,
    is_slug,
    one_line,
    parse_toml_text,
    quote,
)

__all__ = [
    "FORMAT_VERSION",
    "AnswerRecord",
    "AnswerStatus",
    "Session",
    "SessionFileError",
    "SessionFileProblem",
    "SessionStatus",
    "SessionStore",
    "SessionSummary",
    "latest_question_scores",
    "new_session_id",
    "now",
]

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

    def new(
        self,
        *,
        mode: AnswerMode | str,
        packs: list[str],
        plan: list[str],
        profile: str = "",
        settings: dict[str, Any] | None = None,
        started: datetime | None = None,
    ) -> Session:
        """A new session, not written yet: its file appears with its first save.

        Rounds start this way, so a round left before any answer leaves no file. If another
        session took the id meanwhile, the first save draws another id (no notice: nothing of
        this session was ever saved under the old one).
        """
        when = started or now()
        session = Session(
            id=new_session_id(when),
            started=when,
            mode=AnswerMode(mode),
            packs=list(packs),
            profile=profile,
            plan=list(plan),
            settings=dict(settings or {}),
        )
        session._fresh = True
        return session

    def create(
        self,
        *,
        mode: AnswerMode | str,
        packs: list[str],
        plan: list[str],
        profile: str = "",
        settings: dict[str, Any] | None = None,
        started: datetime | None = None,
    ) -> Session:
        """Start a new session and save it at once, in a file of its own.

        The file is created exclusively: if the id is taken (two sessions started in the same
        second drew the same suffix), another id is drawn; an existing session is never replaced.
        """
        session = self.new(mode=mode, packs=packs, plan=plan, profile=profile, settings=settings, started=started)
        self.save(session)
        return session

    def save_unless_empty(self, session: Session) -> None:
        """Save, unless the session was never written and holds only an empty draft.

        A round's file appears with the first word typed, the first recording or the first skip:
        a round left before any answer (ended, quit, or the app killed) leaves no empty session.
        """
        if not session.is_new or session.has_content:
            self.save(session)

    def discard(self, session: Session) -> bool:
        """Remove a session that holds nothing (a round ended before any answer); returns whether a file went.

        Only the file as this session wrote or read it is removed: one changed elsewhere meanwhile
        is kept.
        """
        if session._disk is None:
            return False
        path = self.path_for(session.id)
        with folder_lock(self.folder):
            try:
                current = read_regular_file(path, MAX_SESSION_BYTES, follow_symlinks=False)
            except OSError:
                return False
            if current != session._disk:
                return False
            path.unlink()
        session._disk = None
        return True

    def delete(self, session_id: str, data_root: Path) -> tuple[Path, list[Path]]:
        """Delete a session and its recordings (those no other session refers to).

        Args:
            session_id: The id, or a unique prefix of one.
            data_root: The data folder the recordings' paths are relative to.

        Returns:
            The session file removed and the recordings removed.

        Raises:
            LookupError: No such session, or several match.
            OSError: The file could not be removed.
        """
        path = self._resolve(session_id)
        try:
            session: Session | None = self.load_file(path)
        except SessionFileError:
            session = None  # an unreadable file can still be deleted; its recordings are not known
        stem = path.stem
        recordings: set[Path] = set()
        if session is not None:
            recordings = {data_root / a.audio for a in session.answers if a.audio}
        own_folder = data_root / "audio" / stem
        if own_folder.is_dir() and not own_folder.is_symlink():
            recordings |= {p for p in own_folder.iterdir() if p.suffix == ".wav"}
        others = {
            data_root / a.audio for other in self.load_all() if other.id != stem for a in other.answers if a.audio
        }
        removed: list[Path] = []
        with folder_lock(self.folder):
            path.unlink()
        for recording in sorted(recordings - others):
            if _remove_recording(recording, data_root / "audio"):
                removed.append(recording)
        if own_folder.is_dir() and not own_folder.is_symlink():
            with contextlib.suppress(OSError):  # something else is in it: left as it is
                own_folder.rmdir()
        return path, removed

    def save(self, session: Session) -> Path:
        """Write the session atomically (a new file ``0600``; an existing one keeps its mode).

        If the file changed since this session was read or last saved (another window or process
        saved it), the two versions are merged: each side's changes are kept. If both changed the
        same field, nothing is overwritten: this version is saved as a new session instead, and
        ``session.save_notice`` says so (``session.id`` is then the new id). A file deleted
        meanwhile is written again, and ``save_notice`` says that too.

        Returns:
            The file written.
        """
        ensure_private_dir(self.folder)
        session.save_notice = ""
        with folder_lock(self.folder):
            if session._disk is None:
                if self._create_file(session):
                    return self.path_for(session.id)
                if session._fresh:  # never saved: another id, quietly
                    for _ in range(CREATE_ATTEMPTS):
                        session.id = new_session_id(session.started)
                        if self._create_file(session):
                            return self.path_for(session.id)
                self._fork(session, "a session with this id already exists")
                return self._create_fork(session)
            path = self.path_for(session.id)
            try:
                current = read_regular_file(path, MAX_SESSION_BYTES, follow_symlinks=False)
            except FileNotFoundError:
                current = None  # deleted meanwhile: written again, and said
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
            if current is None:
                session.save_notice = (
                    f"Session {session.id} had been deleted elsewhere (its file was gone); "
                    "it is saved again with your changes. Delete it again if it should go."
                )
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
        session.save_notice = (
            f"Session {original} was changed elsewhere ({reason}); nothing was overwritten: "
            f"this version is saved as {session.id}."
        )

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
        merged = merge_documents(base, ours, theirs, conflicts)
        if conflicts:
            return "both versions changed " + ", ".join(conflicts[:3]) + (" and more" if len(conflicts) > 3 else "")
        try:
            result = Session.from_dict(merged, path, session_id=session.id)
        except InvalidFileError as exc:
            return f"the merged version would be invalid: {exc.problems[0].message}"
        apply_merged(result, session)
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
            data, text = parse_toml_text(raw, path)
            session = Session.from_dict(data, path, session_id=path.stem, text=text)
        except InvalidFileError as exc:
            raise SessionFileError(path, exc.problems) from None
        session._disk = raw
        return session

    def resolve(self, session_id: str) -> Path:
        """The file of a session given by id or a unique prefix of one.

        Raises:
            LookupError: No session, or more than one, matches; or the id is not an id.
        """
        return self._resolve(session_id)

    def _resolve(self, session_id: str) -> Path:
        if not session_id or not is_slug(session_id):
            raise LookupError(f"{quote(session_id)} is not a session id; {_id_hint()}")
        exact = self.path_for(session_id)
        if exact.exists() or exact.is_symlink():
            return exact
        matches = []
        if self.folder.is_dir():
            matches = sorted(
                p
                for p in self.folder.iterdir()
                if p.suffix == ".toml" and p.name.startswith(session_id) and is_slug(p.stem)
            )
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


def _remove_recording(path: Path, audio_root: Path) -> bool:
    """Remove a recording if it is a regular file inside the audio folder (never through a link)."""
    import stat

    try:
        inside = path.parent.resolve().is_relative_to(audio_root.resolve())
        info = path.lstat()
    except OSError:
        return False
    if not inside or not stat.S_ISREG(info.st_mode):
        return False
    try:
        path.unlink()
    except OSError:
        return False
    return True


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
            data, text = parse_toml_text(raw if cut < 0 else raw[:cut], path)
        except InvalidFileError:
            data, text = parse_toml_text(raw, path)  # the cut fell inside a string: read it whole
    except InvalidFileError as exc:
        raise SessionFileError(path, exc.problems) from None
    if "session" not in data:
        raise SessionFileError(path, [Problem(path, "session", "is missing; this is not a session file")])
    validator = Validator(path, text)
    head = read_header(validator, data["session"])
    if validator.problems:
        raise SessionFileError(path, validator.problems)
    return SessionSummary(
        id=path.stem,
        started=head["started"],
        mode=AnswerMode(head["mode"]),
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
