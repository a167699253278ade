"""Merging two versions of a session file: the one this window holds and the one on disk.

A three-way merge against the version both started from (the bytes last read or written): a
change made on one side only is kept; the same field changed on both sides is a conflict, and the
caller then keeps its version as a session of its own rather than overwrite anything.
"""

from __future__ import annotations

import copy
from dataclasses import fields
from typing import Any

from mock_interview.core.session_records import SUMMARY_KEYS, AnswerRecord, Session

_MISSING = object()


def _merge_value(base: Any, ours: Any, theirs: Any, key: str, conflicts: list[str]) -> Any:
    if ours == theirs or theirs == base:
        return ours
    if ours == base:
        return theirs
    conflicts.append(key)
    return ours


def _merge_tables(
    base: dict[str, Any],
    ours: dict[str, Any],
    theirs: dict[str, Any],
    where: str,
    conflicts: list[str],
    skip: tuple[str, ...] = (),
) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for key in list(dict.fromkeys([*ours, *theirs, *base])):
        if key in skip:
            if key in ours:
                merged[key] = ours[key]
            continue
        value = _merge_value(
            base.get(key, _MISSING),
            ours.get(key, _MISSING),
            theirs.get(key, _MISSING),
            f"{where}.{key}" if where else key,
            conflicts,
        )
        if value is not _MISSING:
            merged[key] = value
    return merged


def _same_answer(one: Any, other: Any) -> bool:
    return (
        isinstance(one, dict)
        and isinstance(other, dict)
        and one.get("question_ref") == other.get("question_ref")
        and one.get("follow_up_to") == other.get("follow_up_to")
    )


def _merge_answers(base: list[Any], ours: list[Any], theirs: list[Any], conflicts: list[str]) -> list[Any]:
    shared = len(base)
    aligned = (
        len(ours) >= shared
        and len(theirs) >= shared
        and all(_same_answer(b, o) and _same_answer(b, t) for b, o, t in zip(base, ours, theirs, strict=False))
    )
    if not aligned:  # answers were removed or reordered on one side: only a one-sided change merges
        chosen: list[Any] = _merge_value(base, ours, theirs, "answers", conflicts)
        return chosen
    merged = [
        _merge_tables(b, o, t, f"answers[{n + 1}]", conflicts)
        for n, (b, o, t) in enumerate(zip(base, ours, theirs, strict=False))
    ]
    added_ours, added_theirs = ours[shared:], theirs[shared:]
    if added_ours and added_theirs and added_ours != added_theirs:
        conflicts.append("new answers")
    return merged + (added_ours or added_theirs)


def merge_documents(
    base: dict[str, Any], ours: dict[str, Any], theirs: dict[str, Any], conflicts: list[str]
) -> dict[str, Any]:
    """The session document that keeps both sides' changes to ``base``.

    Each key both sides changed differently is added to ``conflicts`` (``session.profile``,
    ``answers[2].reflection``, ``new answers``); the result then holds our value there. The summary
    keys are taken from ours: they are recomputed from the answers at every save.
    """

    def table(document: dict[str, Any]) -> dict[str, Any]:
        value = document.get("session", {})
        return value if isinstance(value, dict) else {}

    def answers(document: dict[str, Any]) -> list[Any]:
        value = document.get("answers", [])
        return value if isinstance(value, list) else []

    head = _merge_tables(table(base), table(ours), table(theirs), "session", conflicts, skip=SUMMARY_KEYS)
    return {"session": head, "answers": _merge_answers(answers(base), answers(ours), answers(theirs), conflicts)}


def apply_merged(source: Session, target: Session) -> None:
    """Make ``target`` hold ``source``'s contents, keeping ``target``'s answer objects (a running round holds them)."""
    for spec in fields(Session):
        if spec.name not in ("id", "answers", "_disk", "save_notice", "_fresh"):
            setattr(target, spec.name, copy.copy(getattr(source, spec.name)))
    for position, answer in enumerate(source.answers):
        if position < len(target.answers):
            for spec in fields(AnswerRecord):
                setattr(target.answers[position], spec.name, getattr(answer, spec.name))
        else:
            target.answers.append(answer)
    del target.answers[len(source.answers) :]
