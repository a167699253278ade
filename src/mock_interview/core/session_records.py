"""A session's data: the answers given, the round they belong to, and what a listing shows.

Plain data with the figures derived from it (scores, counts, what is left to answer). Reading and
writing the files is :mod:`mock_interview.core.sessions`; checking each field as it is read is
:mod:`mock_interview.core.session_schema`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from mock_interview.core.choices import AnswerMode
from mock_interview.core.session_schema import FORMAT_VERSION, read_answer, read_header
from mock_interview.core.session_statuses import AnswerStatus, SessionStatus
from mock_interview.core.tomlschema import InvalidFileError, Problem, Validator, is_slug, quote

# The [session] keys that summarise the answers: recomputed at every save, never read back into a Session.
SUMMARY_KEYS = ("answer_count", "questions_answered", "follow_ups_answered", "score", "group_scores", "question_scores")


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
    source: AnswerMode = AnswerMode.TYPED
    status: AnswerStatus = AnswerStatus.IN_PROGRESS
    audio: str = ""
    words: list[tuple[str, float, float]] = field(default_factory=list)
    feedback: dict[str, Any] = field(default_factory=dict)
    reflection: str = ""
    follow_up_to: str = ""
    transcript_model: str = ""
    with_follow_ups: dict[str, Any] = field(default_factory=dict)  # score and groups of this answer and its follow-ups
    mentor_notes: str = ""  # a mentor's notes on this answer, imported (never the user's own reflection)
    original_text: str = (
        ""  # the transcript as recognised, kept when the user corrected it (``text`` is the correction)
    )

    def __post_init__(self) -> None:
        self.status = AnswerStatus(self.status)  # a plain string (a caller's, a file's) becomes the member
        self.source = AnswerMode(self.source)

    @property
    def is_follow_up(self) -> bool:
        """Whether this answers a follow-up question."""
        return bool(self.follow_up_to)

    @property
    def corrected(self) -> bool:
        """Whether the user corrected the transcript (the recognised one is in ``original_text``)."""
        return bool(self.original_text) and self.original_text != self.text

    @property
    def spoken_text(self) -> str:
        """The transcript the word timings belong to: the recognised one, even after a correction."""
        return self.original_text or self.text

    @property
    def score(self) -> int | None:
        """The answer's feedback score, if it was scored."""
        value = self.feedback.get("score")
        return int(value) if isinstance(value, (int, float)) else None

    @property
    def counts(self) -> bool:
        """Whether this answer counts (answered or timed out, with words; not skipped or set aside)."""
        return self.status.counts and bool(self.text.strip())

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
        for key in ("audio", "reflection", "follow_up_to", "transcript_model", "mentor_notes", "original_text"):
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
        validator = Validator(path)
        values = read_answer(validator, data, where)
        if validator.problems:
            raise InvalidFileError(validator.problems)
        return cls(**values)


@dataclass
class Session:
    """A practice round. Mutable while the round runs; saved after every change."""

    id: str
    started: datetime
    mode: AnswerMode = AnswerMode.TYPED
    packs: list[str] = field(default_factory=list)
    profile: str = ""
    plan: list[str] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)
    status: SessionStatus = SessionStatus.IN_PROGRESS
    ended: datetime | None = None
    answers: list[AnswerRecord] = field(default_factory=list)
    # A mentor's answers to the questions asked of them in the export, and when they were imported
    mentor_questions: list[dict[str, str]] = field(default_factory=list)
    mentor_imported: datetime | None = None
    # The file's bytes as this object last read or wrote them: a save compares them with the file
    # to notice another writer, and merges against them.
    _disk: bytes | None = field(default=None, init=False, repr=False, compare=False)
    # What happened at the last save when the file had changed meanwhile (for the screens to say).
    save_notice: str = field(default="", init=False, repr=False, compare=False)
    # Made by SessionStore.new and never saved: a clash of ids at the first save draws another id.
    _fresh: bool = field(default=False, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.status = SessionStatus(self.status)  # a plain string (a caller's, a file's) becomes the member
        self.mode = AnswerMode(self.mode)

    @property
    def is_new(self) -> bool:
        """Whether the session has not been written yet (nor read from a file)."""
        return self._disk is None

    @property
    def has_content(self) -> bool:
        """Whether any answer has words, a recording or an outcome (more than an empty draft)."""
        return any(a.text.strip() or a.audio or a.status != AnswerStatus.IN_PROGRESS for a in self.answers)

    @property
    def answered(self) -> list[AnswerRecord]:
        """Answers with text (typed or transcribed), follow-ups included."""
        return [
            a for a in self.answers if a.text.strip() and a.status not in (AnswerStatus.SKIPPED, AnswerStatus.RETRIED)
        ]

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
        return {
            ref: score
            for ref, answer in self.question_results().items()
            if (score := answer.question_score) is not None
        }

    def remaining_plan(self) -> list[str]:
        """The planned questions not yet answered or skipped (for resuming)."""
        done = {
            a.question_ref
            for a in self.answers
            if not a.is_follow_up and a.status not in (AnswerStatus.IN_PROGRESS, AnswerStatus.RETRIED)
        }
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
        if self.mentor_questions:
            header["mentor_questions"] = [dict(q) for q in self.mentor_questions]
        if self.mentor_imported is not None:
            header["mentor_imported"] = self.mentor_imported
        if self.score is not None:
            header["score"] = self.score
        header["settings"] = dict(self.settings)
        header["group_scores"] = self.group_scores()
        header["question_scores"] = self.question_scores()
        return {"session": header, "answers": [a.to_dict() for a in self.answers]}

    @classmethod
    def from_dict(
        cls, data: dict[str, Any], path: Path | None = None, session_id: str | None = None, text: str | None = None
    ) -> Session:
        """Build from the TOML form, checking every field.

        Args:
            data: The parsed file.
            path: The file, for messages.
            session_id: The id (the file name); defaults to the id written in the file.
            text: The file's text, to name the line of a problem where it can be found.

        Raises:
            InvalidFileError: With every problem found, each naming the key.
        """
        validator = Validator(path, text)
        if not isinstance(data, dict) or "session" not in data:
            raise InvalidFileError([Problem(path, "session", "is missing; this is not a session file")])
        header = read_header(validator, data["session"])
        raw_answers = data.get("answers", [])
        answers: list[AnswerRecord] = []
        if not isinstance(raw_answers, list):
            validator.fail("answers", "must be an array of tables written as [[answers]]")
        else:
            for position, item in enumerate(raw_answers):
                values = read_answer(validator, item, f"answers[{position + 1}]")
                if values and not validator.problems:
                    answers.append(AnswerRecord(**values))
        if session_id is None:
            written = data["session"].get("id") if isinstance(data["session"], dict) else None
            session_id = written if isinstance(written, str) and is_slug(written) else ""
            if not session_id:
                validator.fail("session.id", f"{quote(str(written))} is not a safe session id")
        if validator.problems:
            raise InvalidFileError(validator.problems)
        for summary_only in SUMMARY_KEYS:
            header.pop(summary_only)
        return cls(id=session_id, answers=answers, **header)


@dataclass(frozen=True)
class SessionSummary:
    """What a listing shows of a session, read from the head of its file."""

    id: str
    started: datetime
    mode: str  # an AnswerMode for a session; History's rows of debriefs say "debrief"
    status: SessionStatus
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


def latest_question_scores(summaries: list[SessionSummary]) -> dict[str, int]:
    """Each question's most recent score across sessions (for "weakest first")."""
    scores: dict[str, int] = {}
    for summary in sorted(summaries, key=lambda s: s.started):
        scores.update(summary.question_scores)
    return scores
