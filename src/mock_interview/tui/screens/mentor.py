"""A mentor's read from Review: export the session for a mentor, and read their filled-in file back.

The export is :func:`~mock_interview.core.mentor.mentor_markdown` (each answer, its transcript, the
checklist with its evidence, the questions for a mentor, marked places for notes). The notes come
back with :func:`~mock_interview.core.mentor.read_mentor_file`; they are kept apart from the user's
own reflection, which they never replace. A bad or foreign file is one line and changes nothing.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from mock_interview.tui.usertext import user_value
from mock_interview.tui.widgets.fields import TextField

if TYPE_CHECKING:
    from textual.notifications import SeverityLevel

    from mock_interview.core.context import AppContext
    from mock_interview.core.mentor import MentorNotes
    from mock_interview.core.sessions import Session

MAX_MENTOR_FILE_BYTES = 2 * 1024 * 1024  # as ``sessions import-notes``


def mentor_file(context: AppContext, session_id: str) -> Path:
    """Where the app writes a session's export for a mentor."""
    return context.data.exports / f"{session_id}-for-mentor.md"


def mentor_text(context: AppContext, session: Session) -> str:
    """The session for a mentor, with the target company and role when the profile can be read."""
    from mock_interview.core.mentor import mentor_markdown
    from mock_interview.core.tomlschema import InvalidFileError

    target = ""
    if session.profile:
        try:
            profile = context.profiles.load(session.profile)
            target = f"{profile.role} at {profile.company}" + (f" ({profile.mission})" if profile.mission else "")
        except (InvalidFileError, LookupError, OSError):  # gone or broken: its name is all there is
            target = session.profile
    return mentor_markdown(session, target)


def read_notes(path: Path) -> MentorNotes:
    """A mentor's filled-in file, read as untrusted (a regular file, at most 2 MB, UTF-8).

    Raises:
        MentorFileError: The file cannot be read or is not such a file (one line naming it).
    """
    from mock_interview.core.fsutil import read_regular_file
    from mock_interview.core.mentor import MentorFileError, read_mentor_file

    try:
        raw = read_regular_file(path, MAX_MENTOR_FILE_BYTES)
    except OSError as exc:
        raise MentorFileError(f"cannot read {path} ({exc}); nothing changed") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise MentorFileError(f"{path}: not UTF-8 text; nothing changed") from None
    return read_mentor_file(text, str(path))


def export_keeping_notes(path: Path, text: str) -> Path:
    """Write an export at ``path``, or beside it when the file there may hold a mentor's writing.

    An earlier export with nothing written between its markers is replaced; a file with notes, one that
    no longer reads as an export, or one that cannot be read is kept, and the export goes to the first
    free ``…-2.md``, ``…-3.md`` beside it (never over anything). Returns where the export was written.

    Raises:
        OSError: The export could not be written.
    """
    from mock_interview.core.fsutil import atomic_create_text, atomic_write_text
    from mock_interview.core.mentor import MentorFileError, NoNotesYet

    if not os.path.lexists(path):
        atomic_write_text(path, text)
        return path
    try:
        read_notes(path)
    except NoNotesYet:  # an export nobody has filled in: the new one replaces it
        atomic_write_text(path, text)
        return path
    except MentorFileError:  # not readable as an export any more: someone wrote into it; keep it
        pass
    for number in range(2, 1000):
        beside = path.with_name(f"{path.stem}-{number}{path.suffix}")
        try:
            atomic_create_text(beside, text)
        except FileExistsError:
            continue
        return beside
    raise FileExistsError(f"{path.parent} holds {path.name} and 998 exports beside it; move some away")


@dataclass(frozen=True)
class MentorChoice:
    """What the user asked for: ``export``, or ``import`` of the file at ``path``."""

    action: str
    path: str = ""


class MentorScreen(ModalScreen[MentorChoice | None]):
    """Export for a mentor (ctrl+e), or read their notes back from a file (enter in the path)."""

    CSS_PATH = "mentor.tcss"

    BINDINGS = [
        Binding("escape", "cancel", "Close", id="mentor-close"),
        Binding("ctrl+e", "export", "Export", id="mentor-export", priority=True),
    ]

    def __init__(self, export_path: Path) -> None:
        super().__init__()
        self.export_path = export_path

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="mentor-dialog"):
            yield Static("A mentor's read", classes="section-title", markup=False)
            yield Static(
                "Export this session for a mentor: each answer, its checklist with the words behind it, and "
                "questions for them, with marked places for their notes. When they send it back, read their "
                "notes in: they show beside the checklist, and never replace your own note.",
                markup=False,
            )
            yield Label("Their file (enter in this field reads it in)", classes="field-label")
            yield TextField(user_value(str(self.export_path)), id="mentor-path")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Export (ctrl+e)", id="mentor-export-button", variant="primary")
                yield Button("Read notes in", id="mentor-import-button")
                yield Button("Close (esc)", id="mentor-close-button")

    def on_mount(self) -> None:
        # in the file field, as its label says: enter reads a mentor's notes in, never exports over them
        self.query_one("#mentor-path", TextField).focus()

    @on(Button.Pressed, "#mentor-export-button")
    def action_export(self) -> None:
        self.dismiss(MentorChoice("export"))

    @on(Button.Pressed, "#mentor-import-button")
    @on(Input.Submitted, "#mentor-path")
    def action_import_notes(self) -> None:
        path = self.query_one("#mentor-path", TextField).value.strip()
        if not path:
            self.notify("Type the path of the file your mentor sent back.", severity="warning")
            return
        self.dismiss(MentorChoice("import", path))

    @on(Button.Pressed, "#mentor-close-button")
    def action_cancel(self) -> None:
        self.dismiss(None)


@dataclass(frozen=True)
class Outcome:
    """What came of the user's choice, to be said in one notification; ``changed``: the notes shown changed."""

    message: str
    title: str
    severity: SeverityLevel = "information"
    changed: bool = False


def carry_out(context: AppContext, session: Session, choice: MentorChoice, save: Callable[[], bool]) -> Outcome:
    """Export ``session`` for a mentor, or read a mentor's file into it (``save`` writes it, saying why not).

    A file for another session is stored with that one, as ``sessions import-notes`` does; a bad or
    foreign file changes nothing.
    """
    from mock_interview.core.fsutil import ensure_private_dir
    from mock_interview.core.mentor import MentorFileError, apply_mentor_notes

    if choice.action == "export":
        path = mentor_file(context, session.id)
        try:
            ensure_private_dir(path.parent)
            written = export_keeping_notes(path, mentor_text(context, session))
        except OSError as exc:
            return Outcome(f"Not exported: {exc}", "For a mentor", "error")
        if written != path:
            return Outcome(
                f"Exported to {written}. {path} was kept: it holds your mentor's notes (f12, enter reads them in).",
                "For a mentor",
            )
        return Outcome(f"Exported to {path}. Send it to your mentor; f12 reads their notes back in.", "For a mentor")
    path = Path(choice.path).expanduser()
    failed = "Mentor's notes not read"
    try:
        notes = read_notes(path)
        if notes.session_id != session.id:  # another session's notes: stored with it
            other = context.sessions.load(notes.session_id)
            placed = apply_mentor_notes(other, notes, str(path))
            context.sessions.save(other)
            return Outcome(f"{placed} notes stored with session {other.id}: open it from History.", "Mentor's notes")
        placed = apply_mentor_notes(session, notes, str(path))
    except MentorFileError as exc:
        return Outcome(str(exc), failed, "error")
    except (LookupError, OSError) as exc:
        return Outcome(f"{path}: {exc}; nothing changed", failed, "error")
    kept = "" if save() else " They are kept here until the session can be saved."
    notes_word = "note" if placed == 1 else "notes"
    return Outcome(f"{placed} {notes_word} from your mentor, with your answers.{kept}", "Mentor's notes", changed=True)
