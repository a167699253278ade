"""The user's settings: timers, feedback display, follow-ups, transcription model, input device."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

import tomli_w

from mock_interview.core.choices import QuestionOrder, choice_values
from mock_interview.core.fsutil import atomic_write_text, ensure_private_dir
from mock_interview.core.tomlschema import (
    FieldSpec,
    InvalidFileError,
    Problem,
    Validator,
    parse_toml_text,
    read_user_file,
    slug_check,
)

FEEDBACK_MODES = ("live", "calm")
VOICE_MODES = ("spoken", "always", "off")  # when the interviewer reads the questions aloud

SETTINGS_FIELDS = (
    FieldSpec(
        "active_profile", "str", default="", allow_empty=True, check=lambda v: slug_check(v) if v.strip() else None
    ),
    FieldSpec("answer_seconds", "int", default=0, minimum=0, maximum=1800),
    FieldSpec("prep_seconds", "int", default=-1, minimum=-1, maximum=1800),
    FieldSpec("feedback", "str", default="live", choices=FEEDBACK_MODES),
    FieldSpec("follow_ups", "bool", default=True),
    FieldSpec("question_count", "int", default=5, minimum=1, maximum=200),
    FieldSpec("order", "str", default="pack", choices=choice_values(QuestionOrder)),
    FieldSpec("model", "str", default="bundled"),
    FieldSpec("input_device", "str", default="", allow_empty=True),
    FieldSpec("packs", "list[str]", default=(), allow_empty=True),
    FieldSpec("voice", "str", default="spoken", choices=VOICE_MODES),
)


def number_range(key: str) -> tuple[int, int]:
    """The lowest and highest value a numeric setting takes (``question_count``: 1 to 200), for forms to say."""
    spec = next(f for f in SETTINGS_FIELDS if f.name == key)
    assert spec.minimum is not None and spec.maximum is not None, key
    return int(spec.minimum), int(spec.maximum)


@dataclass(frozen=True)
class Settings:
    """User settings. ``answer_seconds = 0`` and ``prep_seconds = -1`` mean "as the question says"."""

    active_profile: str = ""
    answer_seconds: int = 0
    prep_seconds: int = -1
    feedback: str = "live"
    follow_ups: bool = True
    question_count: int = 5
    order: str = "pack"
    model: str = "bundled"
    input_device: str = ""
    packs: tuple[str, ...] = ()  # the packs ticked for the last round started from Home (empty: the core packs)
    voice: str = "spoken"  # the interviewer reads each question aloud: in spoken rounds, in every round, or never

    def updated(self, **changes: Any) -> Settings:
        """A copy with ``changes`` applied."""
        return replace(self, **changes)


def load_settings(path: Path) -> tuple[Settings, list[Problem]]:
    """Read settings; a missing file gives the defaults, a bad one the defaults and its problems.

    Bad settings never stop the app: the problems are shown and the defaults used.
    """
    if not path.exists() and not path.is_symlink():
        return Settings(), []
    try:
        data, text = parse_toml_text(read_user_file(path), path)
    except InvalidFileError as exc:
        return Settings(), list(exc.problems)
    validator = Validator(path, text)
    values = validator.table(data, SETTINGS_FIELDS, "") or {}
    return Settings(**values), validator.problems


def save_settings(path: Path, settings: Settings) -> None:
    """Write settings atomically (``0600``)."""
    ensure_private_dir(path.parent)
    atomic_write_text(path, tomli_w.dumps(asdict(settings)))
