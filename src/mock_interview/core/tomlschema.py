"""Strict reading of the user's TOML files, with problems that say where and how to fix them.

Packs, profiles and settings are all small TOML documents written by hand. A typo must not be
silently ignored, and a mistake must be reported on one line naming the file, the key, the line
where it can be known and what was expected, so the user can fix it without reading code.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SLUG_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
SLUG_HINT = "use lowercase letters, digits, '-' or '_' (at most 64, starting with a letter or digit)"
MAX_USER_FILE_BYTES = 5 * 1024 * 1024  # packs, profiles, settings: the largest real one is a few KB
MAX_DEPTH = 32  # levels of nested lists and tables; sessions, the deepest files, use 7


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a user's file."""

    file: Path | None
    key: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = str(self.file) if self.file else ("<input>" if self.line or self.key else "")
        if self.line:
            where += f":{self.line}"
        key = f" {self.key}:" if self.key else ""
        return one_line(f"{where}:{key} {self.message}" if where else self.message)


def one_line(text: str) -> str:
    """``text`` on one line: line breaks written as ``\\n`` (messages quote values from files)."""
    return text.replace("\r", "\\r").replace("\n", "\\n") if "\n" in text or "\r" in text else text


def quote(value: str, limit: int = 60) -> str:
    """``value`` quoted for a message: one line, and cut to ``limit`` characters with an ellipsis."""
    text = one_line(value)
    return f"'{text[:limit]}…'" if len(text) > limit else f"'{text}'"


class InvalidFileError(Exception):
    """A file could not be used; ``problems`` lists every reason, one per line."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass(frozen=True)
class FieldSpec:
    """What one key of a table may hold."""

    name: str
    kind: str  # "str", "int", "bool", "list[str]"
    required: bool = False
    default: Any = None
    choices: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    allow_empty: bool = False
    check: Callable[[Any], str | None] | None = field(default=None, compare=False)


_TYPE_NAMES = {"str": "a string", "int": "a whole number", "bool": "true or false", "list[str]": "a list of strings"}


def read_user_file(path: Path, max_bytes: int = MAX_USER_FILE_BYTES, *, follow_symlinks: bool = True) -> bytes:
    """The bytes of a user's file: a regular file of at most ``max_bytes``.

    Raises:
        InvalidFileError: The file cannot be used (missing, a folder, a FIFO or device, too
            large, no permission), with a one-line problem naming it.
    """
    from mock_interview.core.fsutil import FileTooLargeError, NotRegularFileError, format_size, read_regular_file

    try:
        return read_regular_file(path, max_bytes, follow_symlinks=follow_symlinks)
    except NotRegularFileError as exc:
        raise InvalidFileError([Problem(path, "", f"is {exc.kind}, not a regular file; give a .toml file")]) from None
    except FileTooLargeError:
        raise InvalidFileError(
            [
                Problem(
                    path, "", f"is larger than {format_size(max_bytes)}, the limit for this file; is it the right file?"
                )
            ]
        ) from None
    except FileNotFoundError:
        raise InvalidFileError([Problem(path, "", "does not exist; check the path")]) from None
    except OSError as exc:
        raise InvalidFileError(
            [Problem(path, "", f"cannot be read ({exc.strerror}); check the path and its permissions")]
        ) from None


def parse_toml_text(raw: bytes | str, path: Path | None = None) -> tuple[dict[str, Any], str]:
    """Parse TOML from bytes or text, reporting encoding and syntax errors as :class:`Problem`.

    Values nested deeper than :data:`MAX_DEPTH` levels are refused (no user file needs more, and
    Python's parser would otherwise recurse until it fails).
    """
    if isinstance(raw, bytes):
        if b"\x00" in raw[:4096]:
            raise InvalidFileError(
                [Problem(path, "", "is not a text file (it contains NUL bytes); a pack or profile must be UTF-8 TOML")]
            )
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            raise InvalidFileError(
                [Problem(path, "", f"is not UTF-8 text (byte {exc.start}); save it as UTF-8", line)]
            ) from None
    else:
        text = raw
    if text.startswith("\ufeff"):
        text = text[1:]
    too_deep = Problem(path, "", f"nests values more than {MAX_DEPTH} levels deep; flatten the lists and tables")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = re.search(r"\(at line (\d+), column (\d+)\)", message)
        where = int(match.group(1)) if match else None
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", message) if match else message
        raise InvalidFileError(
            [Problem(path, "", f"is not valid TOML: {message}; fix the syntax on that line", where)]
        ) from None
    except RecursionError:  # nesting deep enough to exhaust the parser's stack
        raise InvalidFileError([too_deep]) from None
    if nesting_depth(data) > MAX_DEPTH:
        raise InvalidFileError([too_deep])
    return data, text


def nesting_depth(value: Any) -> int:
    """How deeply lists and tables nest in ``value`` (a scalar is 0), computed without recursion."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        depth += 1
        deepest = max(deepest, depth)
        if depth > MAX_DEPTH:
            return depth
        stack.extend((child, depth) for child in children)
    return deepest


class KeyLocator:
    """Finds the line of a key in TOML text, for tables and arrays of tables written by hand.

    The table headers are indexed once, so finding the lines of N problems costs N small scans,
    not N passes over the file (8,000 bad questions used to take a minute).
    """

    def __init__(self, text: str):
        self._lines = text.splitlines()
        headers = [n for n, line in enumerate(self._lines) if line.lstrip().startswith("[")]
        self._first_header = headers[0] if headers else len(self._lines)
        self._spans: dict[str, list[tuple[int, int]]] = {}
        for position, number in enumerate(headers):
            name = self._lines[number].split("#")[0].strip().replace(" ", "")
            end = headers[position + 1] if position + 1 < len(headers) else len(self._lines)
            self._spans.setdefault(name, []).append((number + 1, end))

    def line_of(self, table: str | None, key: str | None, index: int | None = None) -> int | None:
        """The 1-based line of ``key`` in ``[table]`` (or the ``index``-th ``[[table]]``).

        ``table=None`` means the top level. Without ``key``, the table header's line.
        """
        start, end = self._table_span(table, index)
        if start is None:
            return None
        if key is None:
            return start if table is not None else None
        pattern = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=")
        for number in range(start, end):
            if pattern.match(self._lines[number]):
                return number + 1
        return start if table is not None else None

    def _table_span(self, table: str | None, index: int | None) -> tuple[int | None, int]:
        if table is None:
            return 0, self._first_header
        spans = self._spans.get(f"[[{table}]]" if index is not None else f"[{table}]", [])
        position = index or 0
        if position >= len(spans):
            return None, len(self._lines)
        return spans[position]


def check_table(
    table: Any,
    specs: Sequence[FieldSpec],
    *,
    file: Path | None,
    where: str,
    locate: Callable[[str | None], int | None],
    problems: list[Problem],
) -> dict[str, Any]:
    """Validate one table against ``specs``; append every problem found to ``problems``.

    Args:
        table: The parsed table.
        specs: The keys it may hold.
        file: The file, for messages.
        where: The table's name in messages (``pack``, ``questions[3]``, or ``""`` for the top).
        locate: Maps a key (or ``None`` for the table itself) to its line.
        problems: Collects the problems.

    Returns:
        The valid values, with defaults filled in for missing optional keys.
    """
    prefix = f"{where}." if where else ""
    if not isinstance(table, dict):
        problems.append(Problem(file, where, "must be a table", locate(None)))
        return {}
    known = {spec.name: spec for spec in specs}
    for key in table:
        if key not in known:
            close = _closest(key, known)
            hint = f"did you mean '{close}'?" if close else f"allowed keys: {', '.join(known)}"
            problems.append(Problem(file, prefix + key, f"unknown key; {hint}", locate(key)))
    values: dict[str, Any] = {}
    for spec in specs:
        key_path = prefix + spec.name
        if spec.name not in table:
            if spec.required:
                problems.append(
                    Problem(file, key_path, f"is missing; add {spec.name} = <{_TYPE_NAMES[spec.kind]}>", locate(None))
                )
            else:
                values[spec.name] = spec.default
            continue
        value = table[spec.name]
        message = _check_value(value, spec)
        if message:
            problems.append(Problem(file, key_path, message, locate(spec.name)))
            continue
        if isinstance(value, str):
            value = value.strip()
        elif isinstance(value, list):
            value = tuple(item.strip() for item in value)
        values[spec.name] = value
    return values


def _check_value(value: Any, spec: FieldSpec) -> str | None:
    expected = _TYPE_NAMES[spec.kind]
    if spec.kind == "str":
        if not isinstance(value, str):
            return f"must be {expected}, not {_describe(value)}"
        if not value.strip() and not spec.allow_empty:
            return "must not be empty"
        if spec.choices and value.strip() not in spec.choices:
            return f"{quote(value)} is not one of: {', '.join(spec.choices)}"
    elif spec.kind == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            return f"must be {expected}, not {_describe(value)}"
        if spec.minimum is not None and value < spec.minimum:
            return f"is {value}; it must be at least {spec.minimum}"
        if spec.maximum is not None and value > spec.maximum:
            return f"is {value}; it must be at most {spec.maximum}"
    elif spec.kind == "bool":
        if not isinstance(value, bool):
            return f"must be {expected}, not {_describe(value)}"
    elif spec.kind == "list[str]":
        if not isinstance(value, list):
            return f"must be {expected}, not {_describe(value)}"
        for position, item in enumerate(value):
            if not isinstance(item, str):
                return f"item {position + 1} must be a string, not {_describe(item)}"
            if not item.strip():
                return f"item {position + 1} is empty; remove it or write the text"
        if not value and not spec.allow_empty:
            return "must not be an empty list"
    if spec.check is not None:
        return spec.check(value)
    return None


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        return f"the string {quote(value)}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


def _closest(key: str, known: dict[str, FieldSpec]) -> str | None:
    import difflib

    matches = difflib.get_close_matches(key, list(known), n=1, cutoff=0.7)
    return matches[0] if matches else None


def is_slug(value: str) -> bool:
    """Whether ``value`` is a safe identifier for file names and command lines."""
    return bool(SLUG_PATTERN.match(value))


def slug_check(value: Any) -> str | None:
    """A :class:`FieldSpec` check that rejects ids which are not safe slugs."""
    if isinstance(value, str) and not is_slug(value.strip()):
        return f"{quote(value)} is not a safe id; {SLUG_HINT}"
    return None
