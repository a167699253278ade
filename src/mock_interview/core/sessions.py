"""Practice sessions: what was asked, what was answered, the feedback shown, and notes after.

One TOML file per session in the data directory's ``sessions/`` folder. The file is rewritten
atomically after every change (see :mod:`mock_interview.core.fsutil`), so a crash can never leave
half a session. The ``[session]`` table comes first and carries a summary (answer count, score), so
listing reads only the head of each file.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import tomli_w

from mock_interview.core.fsutil import atomic_write_text, ensure_private_dir

FORMAT_VERSION = 1
MODES = ("typed", "spoken")
ANSWER_SOURCES = ("typed", "spoken")
SESSION_STATUSES = ("in_progress", "completed", "ended_early")
ANSWER_STATUSES = ("answered", "skipped", "timed_out", "in_progress", "retried")
RETRIED = "retried"  # an attempt set aside when the user started the question again; its text is kept
_COUNTED = ("answered", "timed_out")  # statuses of answers that count for scores and totals
_ANSWERS_HEADER = "\n[[answers]]"


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
    def from_dict(cls, data: dict[str, Any]) -> "AnswerRecord":
        """Build from the TOML form."""
        return cls(
            question_ref=str(data["question_ref"]),
            question_text=str(data.get("question_text", "")),
            kind=str(data.get("kind", "general")),
            started=data["started"],
            ended=data.get("ended"),
            answer_seconds=int(data.get("answer_seconds", 0)),
            text=str(data.get("text", "")),
            source=str(data.get("source", "typed")),
            status=str(data.get("status", "answered")),
            audio=str(data.get("audio", "")),
            words=[(str(w[0]), float(w[1]), float(w[2])) for w in data.get("words", [])],
            feedback=dict(data.get("feedback", {})),
            reflection=str(data.get("reflection", "")),
            follow_up_to=str(data.get("follow_up_to", "")),
            transcript_model=str(data.get("transcript_model", "")),
            with_follow_ups=dict(data.get("with_follow_ups", {})),
        )


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
    def from_dict(cls, data: dict[str, Any]) -> "Session":
        """Build from the TOML form.

        Raises:
            KeyError, TypeError, ValueError: The document is not a session.
        """
        head = data["session"]
        return cls(
            id=str(head["id"]),
            started=head["started"],
            mode=str(head.get("mode", "typed")),
            packs=[str(p) for p in head.get("packs", [])],
            profile=str(head.get("profile", "")),
            plan=[str(p) for p in head.get("plan", [])],
            settings=dict(head.get("settings", {})),
            status=str(head.get("status", "in_progress")),
            ended=head.get("ended"),
            answers=[AnswerRecord.from_dict(a) for a in data.get("answers", [])],
        )


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
    """A sortable, unique id: the start time and a random suffix."""
    return f"{started:%Y%m%d-%H%M%S}-{os.urandom(2).hex()}"


def latest_question_scores(summaries: list[SessionSummary]) -> dict[str, int]:
    """Each question's most recent score across sessions (for "weakest first")."""
    scores: dict[str, int] = {}
    for summary in sorted(summaries, key=lambda s: s.started):
        scores.update(summary.question_scores)
    return scores


class SessionStore:
    """The sessions folder of a data directory."""

    def __init__(self, folder: Path):
        self.folder = folder

    def path_for(self, session_id: str) -> Path:
        """The file of a session."""
        return self.folder / f"{session_id}.toml"

    def create(self, *, mode: str, packs: list[str], plan: list[str], profile: str = "",
               settings: dict[str, Any] | None = None, started: datetime | None = None) -> Session:
        """Start a new session and save it at once."""
        when = started or now()
        session = Session(id=new_session_id(when), started=when, mode=mode, packs=list(packs),
                          profile=profile, plan=list(plan), settings=dict(settings or {}))
        self.save(session)
        return session

    def save(self, session: Session) -> Path:
        """Write the session atomically (``0600``)."""
        ensure_private_dir(self.folder)
        path = self.path_for(session.id)
        atomic_write_text(path, tomli_w.dumps(session.to_dict()))
        return path

    def load(self, session_id: str) -> Session:
        """Load a session by id (or a unique prefix of one).

        Raises:
            LookupError: No session, or more than one, matches; or the file is unreadable.
        """
        path = self._resolve(session_id)
        try:
            return Session.from_dict(tomllib.loads(path.read_text("utf-8")))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as exc:
            raise LookupError(f"{path}: not a readable session ({exc}); it is kept as it is") from None

    def _resolve(self, session_id: str) -> Path:
        exact = self.path_for(session_id)
        if exact.exists():
            return exact
        matches = sorted(self.folder.glob(f"{session_id}*.toml")) if self.folder.is_dir() else []
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise LookupError(f"no session '{session_id}' in {self.folder}; 'mock-interview sessions list' shows the ids")
        raise LookupError(f"'{session_id}' matches {len(matches)} sessions; give more of the id")

    def list(self) -> tuple[list[SessionSummary], list[SessionFileProblem]]:
        """Summaries of every session, newest first, and the files that could not be read."""
        summaries: list[SessionSummary] = []
        problems: list[SessionFileProblem] = []
        if not self.folder.is_dir():
            return summaries, problems
        for path in self.folder.iterdir():
            if path.name.startswith(".") or path.is_dir():
                continue
            if path.suffix != ".toml":
                problems.append(SessionFileProblem(path, "not a session file (sessions are .toml); move it elsewhere"))
                continue
            try:
                summaries.append(_read_summary(path))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as exc:
                problems.append(SessionFileProblem(path, f"not a readable session ({exc.__class__.__name__}: {exc}); skipped"))
        summaries.sort(key=lambda s: (s.started, s.id), reverse=True)
        return summaries, problems

    def load_all(self) -> list[Session]:
        """Every readable session, newest first (unreadable ones are skipped)."""
        summaries, _ = self.list()
        sessions = []
        for summary in summaries:
            try:
                sessions.append(self.load(summary.id))
            except LookupError:
                continue
        return sessions


def _read_summary(path: Path) -> SessionSummary:
    text = path.read_text("utf-8")
    cut = text.find(_ANSWERS_HEADER)
    head_text = text if cut < 0 else text[:cut]
    try:
        head = tomllib.loads(head_text)["session"]
    except tomllib.TOMLDecodeError:
        head = tomllib.loads(text)["session"]
    started = head["started"]
    if not isinstance(started, datetime):
        raise ValueError("session.started is not a date and time")
    score = head.get("score")
    return SessionSummary(
        id=str(head["id"]),
        started=started,
        mode=str(head.get("mode", "typed")),
        status=str(head.get("status", "in_progress")),
        packs=tuple(str(p) for p in head.get("packs", [])),
        profile=str(head.get("profile", "")),
        answers=int(head.get("questions_answered", head.get("answer_count", 0))),  # older files: answer_count, follow-ups included
        planned=len(head.get("plan", [])),
        score=int(score) if isinstance(score, (int, float)) else None,
        path=path,
        group_scores={str(k): int(v) for k, v in head.get("group_scores", {}).items() if isinstance(v, (int, float))},
        question_scores={str(k): int(v) for k, v in head.get("question_scores", {}).items() if isinstance(v, (int, float))},
        follow_ups=int(head.get("follow_ups_answered", 0)),
    )
