"""The fields of a session file, declared for :mod:`mock_interview.core.tomlschema`.

Session files are written by the app, but a sync tool, an editor or a crash of another program can
mangle them, and a shared data folder can hold files nobody here wrote. Every field is checked
for its type and range when a session is read, so a bad value becomes a one-line problem naming
the file and the key (``sessions/ID.toml:7: session.score: must be a number from 0 to 100, not the
number 140``), never a crash later in a listing, a report or a screen.

Keys this version does not know are let through (a newer version may add some); values that are
wrong are problems. A date and time without a UTC offset is read as local time. Text is kept
exactly as written (an answer's spaces are the user's).
"""

from __future__ import annotations

import math
from pathlib import PurePosixPath
from typing import Any

from mock_interview.core.choices import AnswerMode, choice_values
from mock_interview.core.session_statuses import AnswerStatus, SessionStatus
from mock_interview.core.tomlschema import FieldSpec, Validator, describe, quote

FORMAT_VERSION = 1
ANSWER_MODES = choice_values(AnswerMode)  # a session's mode, and how each answer was given
SESSION_STATUSES = choice_values(SessionStatus)
ANSWER_STATUSES = choice_values(AnswerStatus)
CHECK_STATUSES = ("pass", "partial", "missing", "na")
MAX_ANSWER_SECONDS = 24 * 3600
MAX_COUNT = 1_000_000


def _text(name: str, default: str = "", **options: Any) -> FieldSpec:
    return FieldSpec(name, "str", default=default, exact=True, **options)


def _count(name: str, default: int | None = 0) -> FieldSpec:
    return FieldSpec(name, "int", default=default, minimum=0, maximum=MAX_COUNT)


def newer_version(version: int) -> str | None:
    """The problem with a file format ``version`` this mock-interview cannot read, if any."""
    if version > FORMAT_VERSION:
        return f"is {version}; this file was written by a newer mock-interview, update to read it"
    return None


def _mentor_questions(validator: Validator, value: Any, key: str) -> list[dict[str, str]]:
    """A mentor's answers to the questions of the export: ``[{question, notes}]``."""
    return validator.tables(value, MENTOR_QUESTION_FIELDS, key, unknown_keys=True)


MENTOR_QUESTION_FIELDS = (_text("question", required=True), _text("notes"))

# The [session] table; the summary keys (counts and scores) are recomputed at every save.
SESSION_FIELDS = (
    FieldSpec("version", "int", default=FORMAT_VERSION, minimum=1, check=newer_version),
    FieldSpec("started", "datetime", required=True),
    FieldSpec("ended", "datetime"),
    _text("mode", AnswerMode.TYPED, choices=ANSWER_MODES),
    _text("status", SessionStatus.IN_PROGRESS, choices=SESSION_STATUSES),
    FieldSpec("packs", "list[str]", default=(), exact=True),
    _text("profile"),
    FieldSpec("plan", "list[str]", default=(), exact=True),
    FieldSpec("settings", "table", default={}),
    _count("answer_count"),
    # questions answered without follow-ups; files written before it was kept have only answer_count
    _count("questions_answered", None),
    _count("follow_ups_answered"),
    FieldSpec("score", "score"),
    FieldSpec("group_scores", "scores", default={}),
    FieldSpec("question_scores", "scores", default={}),
    FieldSpec("mentor_questions", "table", default=[], read=_mentor_questions),
    FieldSpec("mentor_imported", "datetime"),
)


def read_header(validator: Validator, head: Any) -> dict[str, Any]:
    """The checked ``[session]`` table, as keyword arguments of a session (plus the summary fields)."""
    values = validator.table(head, SESSION_FIELDS, "session", unknown_keys=True)
    if values is None:
        return {}
    values.pop("version")
    values["status"] = SessionStatus(values["status"])  # a wrong value was reported and replaced by the default
    values["packs"] = list(values["packs"])
    values["plan"] = list(values["plan"])
    values["settings"] = dict(values["settings"])
    return values


def _audio_path(value: str) -> str | None:
    if value and not is_inside_relative(value):
        return f"{quote(value)} must be a path inside the data folder, such as audio/ID/01-q.wav"
    return None


def _words(validator: Validator, value: Any, key: str) -> list[tuple[str, float, float]]:
    """Word timings: ``[word, start, end]`` triples with finite, non-negative seconds."""
    if not isinstance(value, list):
        validator.fail(key, f"must be a list of [word, start, end], not {describe(value)}")
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
            validator.fail(f"{key}[{position + 1}]", "must be [word, start seconds, end seconds]")
            return []
    return words


SCORED_FIELDS = (FieldSpec("score", "score"), FieldSpec("groups", "scores", default={}))
CHECK_FIELDS = (
    _text("id", required=True),
    _text("label", required=True),  # Compare and reports show it
    _text("status", required=True, choices=CHECK_STATUSES),
    *(_text(name) for name in ("group", "detail", "tip", "source", "evidence_kind")),
)
EVIDENCE_FIELDS = (_text("text"),)


def _scored(validator: Validator, value: Any, key: str) -> dict[str, Any]:
    """A score with its group scores (an answer checked together with its follow-ups); kept as written."""
    before = len(validator.problems)
    if validator.table(value, SCORED_FIELDS, key, unknown_keys=True) is None:
        return {}
    return value if len(validator.problems) == before else {}


def _feedback(validator: Validator, value: Any, key: str) -> dict[str, Any]:
    """The stored checklist of an answer; its shape is what Review, Compare and reports rely on."""
    before = len(validator.problems)
    if validator.table(value, SCORED_FIELDS, key, unknown_keys=True) is None:
        return {}
    checks = value.get("checks", [])
    if not isinstance(checks, list):
        validator.fail(f"{key}.checks", f"must be a list of tables, not {describe(checks)}")
    else:
        for position, check in enumerate(checks, 1):
            _check(validator, check, f"{key}.checks[{position}]")
            if len(validator.problems) > before:
                break  # one bad check is enough to name; the rest are likely alike
    return value if len(validator.problems) == before else {}


def _check(validator: Validator, value: Any, key: str) -> None:
    if validator.table(value, CHECK_FIELDS, key, unknown_keys=True) is None:
        return
    evidence = value.get("evidence", [])
    if not isinstance(evidence, list):
        validator.fail(f"{key}.evidence", f"must be a list of tables, not {describe(evidence)}")
        return
    for position, item in enumerate(evidence, 1):
        where = f"{key}.evidence[{position}]"
        if not isinstance(item, dict) or not isinstance(item.get("text", ""), str):  # the usual case costs no call
            validator.table(item, EVIDENCE_FIELDS, where, unknown_keys=True)
            return
        start, end = item.get("start"), item.get("end")
        if not (
            isinstance(start, int)
            and isinstance(end, int)
            and not isinstance(start, bool)
            and not isinstance(end, bool)
            and 0 <= start <= end
        ):
            validator.fail(where, "must have whole-number start and end offsets, start not after end")
            return


# One [[answers]] table: the keyword arguments of an answer record.
ANSWER_FIELDS = (
    _text("question_ref", required=True),
    _text("question_text"),
    _text("kind", "general"),
    FieldSpec("started", "datetime", required=True),
    FieldSpec("ended", "datetime"),
    FieldSpec("answer_seconds", "int", default=0, minimum=0, maximum=MAX_ANSWER_SECONDS),
    _text("text"),
    _text("source", AnswerMode.TYPED, choices=ANSWER_MODES),
    _text("status", AnswerStatus.ANSWERED, choices=ANSWER_STATUSES),
    _text("audio", check=_audio_path),
    FieldSpec("words", "table", default=[], read=_words),
    FieldSpec("feedback", "table", default={}, read=_feedback),
    FieldSpec("with_follow_ups", "table", default={}, read=_scored),
    _text("reflection"),
    _text("follow_up_to"),
    _text("transcript_model"),
    _text("mentor_notes"),
    _text("original_text"),
)


def read_answer(validator: Validator, data: Any, where: str) -> dict[str, Any]:
    """The checked fields of one ``[[answers]]`` table, as keyword arguments of an answer record."""
    values = validator.table(data, ANSWER_FIELDS, where, unknown_keys=True)
    if values is None:
        return {}
    values["status"] = AnswerStatus(values["status"])  # a wrong value was reported and replaced by the default
    return values


def is_inside_relative(path_text: str) -> bool:
    """Whether ``path_text`` is a relative path that cannot climb out of its base folder."""
    if not path_text or "\x00" in path_text or "\\" in path_text:
        return False
    path = PurePosixPath(path_text)
    return not path.is_absolute() and ".." not in path.parts


def _is_seconds(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value) and value >= 0
