"""A mentor's read: a session exported for a mentor to annotate, and their notes read back.

The export (:func:`mentor_markdown`) is Markdown with each answer, its transcript, the checklist
with the words that met each item, and the questions the guide suggests asking a mentor ("Do you
think my goals align with the company's mission?"). Each place to write is between two marker
lines (HTML comments, invisible when the Markdown is rendered), keyed to the session and the
answer, so :func:`read_mentor_file` can take the notes back whatever else the mentor changed.

The notes are stored with the session, apart from the user's own reflection notes, which are
never touched (:func:`apply_mentor_notes`). A file that is not such an export, names another
session, or whose blocks no longer match the session's answers is refused with one line, and
nothing is changed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mock_interview.core.choices import AnswerMode
from mock_interview.core.feedback.present import mark_of
from mock_interview.core.feedback.results import Feedback, Status
from mock_interview.core.safetext import markdown_escape as md
from mock_interview.core.session_records import Session, now
from mock_interview.core.session_view import answer_places

FORMAT = "mock-interview mentor-notes v1"
MENTOR_QUESTIONS = (
    "Do you think my goals align with the company's mission?",
    "How can I better articulate my long-term aspirations?",
    "Which answer would you change first, and how?",
)
MAX_NOTE_CHARS = 20_000
_HEAD = re.compile(r"^<!-- mock-interview mentor-notes v(\d+) session=([a-z0-9][a-z0-9_-]{0,63}) -->$")
_OPEN = re.compile(r"^<!-- notes (answer=(\d{1,4}) ref=(\S{1,200})|question=(\d{1,2})) -->$")
_CLOSE = "<!-- end of notes -->"


class MentorFileError(ValueError):
    """A file that cannot be read back as a mentor's notes; ``str()`` is one line naming it."""


class NoNotesYet(MentorFileError):
    """An export nobody has written notes into yet (the app may write a new export over it)."""


@dataclass(frozen=True)
class MentorNotes:
    """What a mentor wrote in an exported file."""

    session_id: str
    answers: dict[int, tuple[str, str]]  # answer position (from 1) -> (question ref, notes)
    questions: dict[int, str]  # mentor question position (from 1) -> notes


def mentor_markdown(session: Session, company: str = "") -> str:
    """The session for a mentor: answers, transcripts, checklists with evidence, places for notes."""
    lines = [
        f"<!-- {FORMAT} session={session.id} -->",
        f"# Mock interview, {session.started:%A %d %B %Y} — for a mentor's read",
        "",
        "Thank you for reading this. Under each answer, and under each question at the end, write your notes",
        "between the two lines marked `notes` and `end of notes` (they are invisible in a Markdown viewer;",
        "in a text editor, leave them as they are). Then send the file back: it is read with",
        "`mock-interview sessions import-notes FILE`.",
        "",
    ]
    if company:
        lines += [f"Target: {md(company)}", ""]
    shown = 0
    for position, (answer, place) in enumerate(zip(session.answers, answer_places(session.answers), strict=True), 1):
        if not answer.text.strip():
            continue
        shown += 1
        question = " ".join(answer.question_text.split())
        prefix = "Follow-up" if answer.is_follow_up else f"{place.number}."
        label = f" ({place.attempt_label})" if place.attempt_label else ""
        lines += [f"## {prefix} {md(question)}{label}", ""]
        meta: list[str] = [answer.source]
        if answer.duration_seconds is not None:
            meta.append(f"{answer.duration_seconds:.0f} s of {answer.answer_seconds} s")
        if answer.score is not None:
            meta.append(f"score {answer.score}/100")
        lines += [
            f"*{' · '.join(meta)}*",
            "",
            "**Answer" + (" (transcript)**" if answer.source == AnswerMode.SPOKEN else "**"),
        ]
        lines += ["", *("> " + md(line) if line else ">" for line in answer.text.strip().splitlines()), ""]
        lines += _checklist(answer.feedback)
        if answer.reflection.strip():
            lines += ["**My own note**", "", md(answer.reflection.strip()), ""]
        lines += [
            "**Your notes on this answer**",
            "",
            f"<!-- notes answer={position} ref={ref_token(answer.question_ref)} -->",
            "",
            _CLOSE,
            "",
        ]
    if not shown:
        lines += ["*No answers were given in this session.*", ""]
    lines += ["## Questions for you", ""]
    for number, question in enumerate(MENTOR_QUESTIONS, 1):
        lines += [f"{number}. {md(question)}", "", f"<!-- notes question={number} -->", "", _CLOSE, ""]
    return "\n".join(lines).rstrip() + "\n"


def _checklist(feedback: dict[str, object]) -> list[str]:
    checks = [c for c in Feedback.from_json(feedback).checks if c.status is not Status.NA]
    if not checks:
        return []
    lines = ["**Checklist** (✔ met, ◐ partly, ✘ missing; the words that met it in quotes)", ""]
    for check in checks:
        line = f"- {mark_of(check.status.value)} {md(check.group.value)}: {md(check.label)}"
        quoted = [f"“{md(' '.join(e.text.split()))}”" for e in check.evidence if e.text.strip()]
        if quoted and not check.problem:
            line += " — " + "; ".join(quoted[:3])
        elif quoted:
            line += " — to change: " + "; ".join(quoted[:3])
        lines.append(line)
    return [*lines, ""]


def ref_token(ref: str) -> str:
    """A question ref as the marker lines hold it (a ref from a mangled file cannot break the line)."""
    return ref if re.fullmatch(r"[A-Za-z0-9_./-]{1,200}", ref) else "-"


def read_mentor_file(text: str, name: str) -> MentorNotes:
    """The notes in a filled-in export.

    Raises:
        MentorFileError: Not an export of this app, a block left open or doubled, or no notes at all.
    """
    lines = text.splitlines()
    first = next((line.strip() for line in lines if line.strip()), "")
    head = _HEAD.match(first)
    if head is None:
        raise MentorFileError(
            f"{name}: not a mentor's file from 'sessions export --for-mentor' (its first line must be "
            f"'<!-- {FORMAT} session=ID -->'); nothing changed"
        )
    if int(head.group(1)) != 1:
        raise MentorFileError(f"{name}: written by a newer mock-interview; update it to read this file")
    answers: dict[int, tuple[str, str]] = {}
    questions: dict[int, str] = {}
    open_at: int | None = None
    key: tuple[str, int, str] = ("", 0, "")
    body: list[str] = []
    for number, raw in enumerate(lines, 1):
        line = raw.strip()
        opening = _OPEN.match(line)
        if opening:
            if open_at is not None:
                raise MentorFileError(f"{name}:{open_at}: these notes are not closed with '{_CLOSE}'; nothing changed")
            open_at, body = number, []
            key = (
                ("answer", int(opening.group(2)), opening.group(3))
                if opening.group(2)
                else (
                    "question",
                    int(opening.group(4)),
                    "",
                )
            )
            continue
        if line == _CLOSE:
            if open_at is None:
                raise MentorFileError(f"{name}:{number}: '{_CLOSE}' without its opening line; nothing changed")
            notes = "\n".join(body).strip()
            if len(notes) > MAX_NOTE_CHARS:
                raise MentorFileError(f"{name}:{open_at}: notes longer than {MAX_NOTE_CHARS} characters")
            kind, position, ref = key
            if position in (answers if kind == "answer" else questions):
                raise MentorFileError(f"{name}:{open_at}: a second block for {kind} {position}; nothing changed")
            if kind == "answer":
                answers[position] = (ref, notes)
            else:
                questions[position] = notes
            open_at = None
            continue
        if open_at is not None:
            body.append(raw.rstrip())
    if open_at is not None:
        raise MentorFileError(f"{name}:{open_at}: these notes are not closed with '{_CLOSE}'; nothing changed")
    if not any(notes for _, notes in answers.values()) and not any(questions.values()):
        raise NoNotesYet(f"{name}: holds no notes yet (write between the marker lines); nothing changed")
    return MentorNotes(head.group(2), answers, questions)


def apply_mentor_notes(session: Session, notes: MentorNotes, name: str) -> int:
    """Put the mentor's notes into the session; returns how many places had notes.

    Notes left empty keep what an earlier import stored there. The user's reflections are never
    touched.

    Raises:
        MentorFileError: The notes name another session, or an answer the session does not have
            (checked before anything changes).
    """
    if notes.session_id != session.id:
        raise MentorFileError(
            f"{name}: the notes are for session {notes.session_id}, not {session.id}; nothing changed"
        )
    for position, (ref, _) in notes.answers.items():
        if not 1 <= position <= len(session.answers) or ref_token(session.answers[position - 1].question_ref) != ref:
            raise MentorFileError(
                f"{name}: notes for answer {position} ({ref}) match no answer of session {session.id}; nothing changed"
            )
    for position in notes.questions:
        if not 1 <= position <= len(MENTOR_QUESTIONS):
            raise MentorFileError(
                f"{name}: notes for question {position}, which the export did not ask; nothing changed"
            )
    placed = 0
    for position, (_, text) in notes.answers.items():
        if text:
            session.answers[position - 1].mentor_notes = text
            placed += 1
    answered = {q["question"]: q["notes"] for q in session.mentor_questions}
    for position, text in notes.questions.items():
        if text:
            answered[MENTOR_QUESTIONS[position - 1]] = text
            placed += 1
    session.mentor_questions = [{"question": q, "notes": n} for q, n in answered.items()]
    session.mentor_imported = now()
    return placed


def mentor_notes_json(session: Session) -> dict[str, object]:
    """The ``mentor_notes`` of ``sessions show --json``: by answer, and the questions asked of the mentor."""
    return {
        "imported": None if session.mentor_imported is None else session.mentor_imported.isoformat(),
        "answers": [
            {
                "answer": position,
                "ref": answer.question_ref,
                "question": answer.question_text,
                "notes": answer.mentor_notes,
            }
            for position, answer in enumerate(session.answers, 1)
            if answer.mentor_notes
        ],
        "questions": [dict(q) for q in session.mentor_questions],
    }
