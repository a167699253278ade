"""Checking a session file field by field before anything uses it.

Session files are written by the app, but a sync tool, an editor or a crash of another program can
mangle them, and a shared data folder can hold files nobody here wrote. Every field is checked
for its type and range when a session is read, so a bad value becomes a one-line problem naming
the file and the key (``sessions/ID.toml: session.score: must be a number from 0 to 100``), never
a crash later in a listing, a report or a screen.

Keys this version does not know are ignored (a newer version may add some); values that are
wrong are problems. A date and time without a UTC offset is read as local time.
"""

from __future__ import annotations

import math
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Any

from mock_interview.core.choices import AnswerMode, choice_values
from mock_interview.core.tomlschema import Problem, quote

FORMAT_VERSION = 1
ANSWER_MODES = choice_values(AnswerMode)  # a session's mode, and how each answer was given
SESSION_STATUSES = ("in_progress", "completed", "ended_early")
ANSWER_STATUSES = ("answered", "skipped", "timed_out", "in_progress", "retried")
CHECK_STATUSES = ("pass", "partial", "missing", "na")
MAX_ANSWER_SECONDS = 24 * 3600
MAX_COUNT = 1_000_000


class FieldReader:
    """Reads typed values out of parsed TOML tables, collecting a problem for each bad one."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def fail(self, key: str, message: str) -> None:
        """Record a problem with ``key``."""
        self.problems.append(Problem(self.path, key, message))

    def table(self, value: Any, key: str) -> dict[str, Any] | None:
        """``value`` if it is a table, else a problem and ``None``."""
        if isinstance(value, dict):
            return value
        self.fail(key, f"must be a table, not {describe(value)}")
        return None

    def text(
        self,
        table: dict[str, Any],
        name: str,
        where: str,
        default: str = "",
        *,
        required: bool = False,
        choices: tuple[str, ...] = (),
    ) -> str:
        """A string field (one of ``choices`` when given)."""
        key = f"{where}.{name}"
        if name not in table:
            if required:
                self.fail(key, "is missing")
            return default
        value = table[name]
        if not isinstance(value, str):
            self.fail(key, f"must be a string, not {describe(value)}")
            return default
        if choices and value not in choices:
            self.fail(key, f"{quote(value)} is not one of: {', '.join(choices)}")
            return default
        return value

    def integer(self, table: dict[str, Any], name: str, where: str, default: int, low: int, high: int) -> int:
        """A whole number from ``low`` to ``high``."""
        key = f"{where}.{name}"
        value = table.get(name, default)
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(key, f"must be a whole number from {low} to {high}, not {describe(value)}")
            return default
        if not low <= value <= high:
            self.fail(key, f"is {value}; it must be from {low} to {high}")
            return default
        return value

    def score(self, value: Any, key: str) -> int | None:
        """A score: a finite number from 0 to 100, rounded."""
        if (
            isinstance(value, bool)
            or not isinstance(value, (int, float))
            or not math.isfinite(value)
            or not 0 <= value <= 100
        ):
            self.fail(key, f"must be a number from 0 to 100, not {describe(value)}")
            return None
        return round(value)

    def scores(self, table: dict[str, Any], name: str, where: str) -> dict[str, int]:
        """A table of scores by name."""
        key = f"{where}.{name}"
        found = self.table(table.get(name, {}), key)
        if found is None:
            return {}
        result: dict[str, int] = {}
        for item, value in found.items():
            checked = self.score(value, f"{key}.{item}")
            if checked is not None:
                result[item] = checked
        return result

    def texts(self, table: dict[str, Any], name: str, where: str) -> list[str]:
        """A list of strings."""
        key = f"{where}.{name}"
        value = table.get(name, [])
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            self.fail(key, f"must be a list of strings, not {describe(value)}")
            return []
        return list(value)

    def when(self, table: dict[str, Any], name: str, where: str, *, required: bool = False) -> datetime | None:
        """A date and time; one without a UTC offset is taken as local time."""
        key = f"{where}.{name}"
        if name not in table:
            if required:
                self.fail(key, "is missing; it must be a date and time such as 2025-01-31T09:30:00+01:00")
            return None
        value = table[name]
        if not isinstance(value, datetime):
            self.fail(key, f"must be a date and time such as 2025-01-31T09:30:00+01:00, not {describe(value)}")
            return None
        if value.tzinfo is None:
            try:
                return value.astimezone()
            except (OverflowError, ValueError, OSError):
                self.fail(key, "is out of the range of dates this computer can handle")
                return None
        return value


def describe(value: Any) -> str:
    """A value's type (and a short quote of it), for messages."""
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the string {quote(value, 40)}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return f"a {type(value).__name__}"


def read_header(reader: FieldReader, head: Any) -> dict[str, Any]:
    """The checked ``[session]`` table, as keyword arguments (plus the summary fields)."""
    table = reader.table(head, "session")
    if table is None:
        return {}
    version = table.get("version", FORMAT_VERSION)
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        reader.fail(
            "session.version", f"is {version}; this file was written by a newer mock-interview, update to read it"
        )
    else:
        reader.integer(table, "version", "session", FORMAT_VERSION, 1, FORMAT_VERSION)
    started = reader.when(table, "started", "session", required=True)
    raw_score = table.get("score")
    return {
        "started": started,
        "ended": reader.when(table, "ended", "session"),
        "mode": reader.text(table, "mode", "session", "typed", choices=ANSWER_MODES),
        "status": reader.text(table, "status", "session", "in_progress", choices=SESSION_STATUSES),
        "packs": reader.texts(table, "packs", "session"),
        "profile": reader.text(table, "profile", "session"),
        "plan": reader.texts(table, "plan", "session"),
        "settings": dict(reader.table(table.get("settings", {}), "session.settings") or {}),
        "answer_count": reader.integer(table, "answer_count", "session", 0, 0, MAX_COUNT),
        # questions answered without follow-ups; files written before it was kept have only answer_count
        "questions_answered": None
        if "questions_answered" not in table
        else reader.integer(table, "questions_answered", "session", 0, 0, MAX_COUNT),
        "follow_ups_answered": reader.integer(table, "follow_ups_answered", "session", 0, 0, MAX_COUNT),
        "score": None if raw_score is None else reader.score(raw_score, "session.score"),
        "group_scores": reader.scores(table, "group_scores", "session"),
        "question_scores": reader.scores(table, "question_scores", "session"),
        "mentor_questions": read_mentor_questions(reader, table.get("mentor_questions", [])),
        "mentor_imported": reader.when(table, "mentor_imported", "session"),
    }


def read_mentor_questions(reader: FieldReader, value: Any) -> list[dict[str, str]]:
    """A mentor's answers to the questions of the export: ``[{question, notes}]``."""
    key = "session.mentor_questions"
    if not isinstance(value, list):
        reader.fail(key, f"must be a list of tables, not {describe(value)}")
        return []
    found: list[dict[str, str]] = []
    for position, item in enumerate(value, 1):
        table = reader.table(item, f"{key}[{position}]")
        if table is not None:
            found.append(
                {
                    "question": reader.text(table, "question", f"{key}[{position}]", required=True),
                    "notes": reader.text(table, "notes", f"{key}[{position}]"),
                }
            )
    return found


def read_answer(reader: FieldReader, data: Any, where: str) -> dict[str, Any]:
    """The checked fields of one ``[[answers]]`` table, as keyword arguments of an answer record."""
    table = reader.table(data, where)
    if table is None:
        return {}
    audio = reader.text(table, "audio", where)
    if audio and not is_inside_relative(audio):
        reader.fail(
            f"{where}.audio", f"{quote(audio)} must be a path inside the data folder, such as audio/ID/01-q.wav"
        )
        audio = ""
    return {
        "question_ref": reader.text(table, "question_ref", where, required=True),
        "question_text": reader.text(table, "question_text", where),
        "kind": reader.text(table, "kind", where, "general"),
        "started": reader.when(table, "started", where, required=True),
        "ended": reader.when(table, "ended", where),
        "answer_seconds": reader.integer(table, "answer_seconds", where, 0, 0, MAX_ANSWER_SECONDS),
        "text": reader.text(table, "text", where),
        "source": reader.text(table, "source", where, "typed", choices=ANSWER_MODES),
        "status": reader.text(table, "status", where, "answered", choices=ANSWER_STATUSES),
        "audio": audio,
        "words": read_words(reader, table.get("words", []), f"{where}.words"),
        "feedback": read_feedback(reader, table.get("feedback", {}), f"{where}.feedback"),
        "with_follow_ups": read_scored(reader, table.get("with_follow_ups", {}), f"{where}.with_follow_ups"),
        "reflection": reader.text(table, "reflection", where),
        "follow_up_to": reader.text(table, "follow_up_to", where),
        "transcript_model": reader.text(table, "transcript_model", where),
        "mentor_notes": reader.text(table, "mentor_notes", where),
    }


def read_words(reader: FieldReader, value: Any, key: str) -> list[tuple[str, float, float]]:
    """Word timings: ``[word, start, end]`` triples with finite, non-negative seconds."""
    if not isinstance(value, list):
        reader.fail(key, f"must be a list of [word, start, end], not {describe(value)}")
        return []
    words: list[tuple[str, float, float]] = []
    for position, item in enumerate(value):
        if (
            isinstance(item, list)
            and len(item) == 3
            and isinstance(item[0], str)
            and all(_is_seconds(number) for number in item[1:])
        ):
            words.append((item[0], float(item[1]), float(item[2])))
        else:
            reader.fail(f"{key}[{position + 1}]", "must be [word, start seconds, end seconds]")
            return []
    return words


def read_scored(reader: FieldReader, value: Any, key: str) -> dict[str, Any]:
    """A score with its group scores (an answer checked together with its follow-ups)."""
    table = reader.table(value, key)
    if table is None:
        return {}
    before = len(reader.problems)
    if "score" in table:
        reader.score(table["score"], f"{key}.score")
    reader.scores(table, "groups", key)
    return table if len(reader.problems) == before else {}


def read_feedback(reader: FieldReader, value: Any, key: str) -> dict[str, Any]:
    """The stored checklist of an answer; its shape is what Review, Compare and reports rely on."""
    table = reader.table(value, key)
    if table is None:
        return {}
    before = len(reader.problems)
    if "score" in table:
        reader.score(table["score"], f"{key}.score")
    reader.scores(table, "groups", key)
    checks = table.get("checks", [])
    if not isinstance(checks, list):
        reader.fail(f"{key}.checks", f"must be a list of tables, not {describe(checks)}")
    else:
        for position, check in enumerate(checks):
            _read_check(reader, check, f"{key}.checks[{position + 1}]")
            if len(reader.problems) > before:
                break  # one bad check is enough to name; the rest are likely alike
    return table if len(reader.problems) == before else {}


def _read_check(reader: FieldReader, value: Any, key: str) -> None:
    check = reader.table(value, key)
    if check is None:
        return
    reader.text(check, "id", key, required=True)
    reader.text(check, "label", key, required=True)  # Compare and reports show it
    reader.text(check, "status", key, required=True, choices=CHECK_STATUSES)
    for name in ("group", "detail", "tip", "source", "evidence_kind"):
        reader.text(check, name, key)
    evidence = check.get("evidence", [])
    if not isinstance(evidence, list):
        reader.fail(f"{key}.evidence", f"must be a list of tables, not {describe(evidence)}")
        return
    for position, item in enumerate(evidence):
        where = f"{key}.evidence[{position + 1}]"
        span = reader.table(item, where)
        if span is None:
            return
        start, end = span.get("start"), span.get("end")
        if not (
            isinstance(start, int)
            and isinstance(end, int)
            and not isinstance(start, bool)
            and not isinstance(end, bool)
            and 0 <= start <= end
        ):
            reader.fail(where, "must have whole-number start and end offsets, start not after end")
            return
        reader.text(span, "text", where)


def is_inside_relative(path_text: str) -> bool:
    """Whether ``path_text`` is a relative path that cannot climb out of its base folder."""
    if not path_text or "\x00" in path_text or "\\" in path_text:
        return False
    path = PurePosixPath(path_text)
    return not path.is_absolute() and ".." not in path.parts


def _is_seconds(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value) and value >= 0
