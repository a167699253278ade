"""Strict reading of every file the app reads, with problems that say where and how to fix them.

One mechanism for all of them. Packs, profiles and settings are small TOML documents written by
hand: a typo must not be silently ignored (an unknown key is an error, with "did you mean"). Sessions
and debriefs are written by the app, but a sync tool, an editor or a crash elsewhere can mangle them:
every value is checked, and keys a newer version may add are let through. The drill schedule is JSON
read into the same checks. Each file declares its keys as :class:`FieldSpec` tuples beside its own
code; a :class:`Validator` checks parsed tables against them and collects every problem, each on one
line naming the file, the line where it can be known, the key and what was expected::

    packs/mine.toml:12: questions[3].follow_up: unknown key; did you mean 'follow_ups'?

The lines are searched for only once a problem is found, so a good file costs no search.

Why not a schema library: msgspec stops at the first error of a document (its maintainer keeps it so:
msgspec/msgspec#264, #721), and a pack's author wants every problem at once (8,000 bad questions
give 16,000 lines, see ``bench/validation_speed.py``); pydantic collects them all but would be one
more large dependency loaded before the first screen, for tables this small.
"""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
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
    """What one key of a table may hold.

    Attributes:
        name: The key.
        kind: ``str``, ``int``, ``bool``, ``list[str]``, ``score`` (a number from 0 to 100, rounded),
            ``scores`` (a table of scores by name), ``datetime`` (one without a UTC offset is local
            time), ``date`` (a date, or the date of a date and time) or ``table`` (any table).
        required: Missing is a problem (otherwise ``default`` is used).
        default: The value when the key is missing or its value is wrong.
        choices: The strings allowed.
        minimum: The smallest whole number allowed.
        maximum: The largest whole number allowed.
        allow_empty: An empty string or list is allowed.
        exact: Text the app wrote, kept exactly: not trimmed, and empty text allowed (text typed by a
            person is trimmed, and an empty piece of a list is a problem).
        check: A further check of a value of the right kind: the problem, or ``None``.
        read: Reads a value of a shape the kinds do not cover (``read(validator, value, key)``); it
            reports its own problems.
    """

    name: str
    kind: str
    required: bool = False
    default: Any = None
    choices: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    allow_empty: bool = False
    exact: bool = False
    check: Callable[[Any], str | None] | None = field(default=None, compare=False)
    read: Callable[[Validator, Any, str], Any] | None = field(default=None, compare=False)
    # any string, kept as it is: checked inline (a session holds thousands of such values)
    plain_text: bool = field(default=False, init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        plain = self.kind == "str" and self.exact and not self.choices and self.check is None and self.read is None
        object.__setattr__(self, "plain_text", plain)


_TYPE_NAMES = {
    "str": "a string",
    "int": "a whole number",
    "bool": "true or false",
    "list[str]": "a list of strings",
    "score": "a number from 0 to 100",
    "scores": "a table of scores from 0 to 100",
    "datetime": "a date and time such as 2025-01-31T09:30:00+01:00",
    "date": "a date such as 2025-01-31",
    "table": "a table",
}


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

    def line_of_key(self, key: str) -> int | None:
        """The line of a key as problems name it: ``pack.title``, ``questions[3].kind``, ``questions[3]``,
        ``answer_seconds`` (the top level) or ``pack`` (a table).

        A key inside a table inside a table (``answers[1].feedback.score``) has no line here: its
        table's header does not say which answer it belongs to.
        """
        match = _KEY_PATH.match(key)
        if match is None:
            return None
        table, number, name = match.group(1), match.group(2), match.group(3)
        if number is not None:
            return self.line_of(table, name, int(number) - 1)
        if name is not None:
            return self.line_of(table, name)
        return self.line_of(None, table) or self.line_of(table, None) or self.line_of(table, None, 0)

    def _table_span(self, table: str | None, index: int | None) -> tuple[int | None, int]:
        if table is None:
            return 0, self._first_header
        spans = self._spans.get(f"[[{table}]]" if index is not None else f"[{table}]", [])
        position = index or 0
        if position >= len(spans):
            return None, len(self._lines)
        return spans[position]


# a key as problems name it: a table or top-level key, then an optional [n], then an optional .key
_KEY_PATH = re.compile(r"^([^.\[\]]+)(?:\[(\d+)\])?(?:\.([^.\[\]]+))?$")


class Validator:
    """Checks the values of one file against :class:`FieldSpec` tuples, collecting every problem.

    Args:
        file: The file, for messages.
        text: Its text, to find the line of each problem (``None``: no lines, as for JSON).
    """

    def __init__(self, file: Path | None, text: str | None = None) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self._text = text
        self._locator: KeyLocator | None = None

    def fail(self, key: str, message: str) -> None:
        """Record a problem with ``key``, on its line where the line can be found."""
        self.problems.append(Problem(self.file, key, message, self._line_of(key)))

    def _line_of(self, key: str) -> int | None:
        if self._text is None or not key:
            return None
        if self._locator is None:  # built at the first problem: a good file never pays for it
            self._locator = KeyLocator(self._text)
        return self._locator.line_of_key(key)

    def table(
        self, value: Any, specs: Sequence[FieldSpec], where: str, *, unknown_keys: bool = False
    ) -> dict[str, Any] | None:
        """Check one table; ``None`` (and a problem) when ``value`` is not a table.

        Args:
            value: The parsed table.
            specs: The keys it may hold.
            where: The table's name in messages (``pack``, ``questions[3]``, or ``""`` for the top).
            unknown_keys: Let keys the specs do not name through (files the app writes, which a newer
                version may extend); otherwise each is a problem with the closest known key.

        Returns:
            Every key of the specs: its value when valid, else its default.
        """
        if not isinstance(value, dict):
            self.fail(where, f"must be a table, not {describe(value)}")
            return None
        prefix = f"{where}." if where else ""
        if not unknown_keys:
            known = [spec.name for spec in specs]
            for key in value:
                if key not in known:
                    close = _closest(key, known)
                    hint = f"did you mean '{close}'?" if close else f"allowed keys: {', '.join(known)}"
                    self.fail(prefix + key, f"unknown key; {hint}")
        values: dict[str, Any] = {}
        for spec in specs:
            if spec.name in value:
                item = value[spec.name]
                plain = spec.plain_text and isinstance(item, str)
                values[spec.name] = item if plain else self.value(item, spec, prefix + spec.name)
                continue
            if spec.required:
                self.fail(prefix + spec.name, f"is missing; add {spec.name} = <{_expected(spec)}>")
            values[spec.name] = _fresh(spec.default)
        return values

    def tables(
        self, value: Any, specs: Sequence[FieldSpec], key: str, *, unknown_keys: bool = False
    ) -> list[dict[str, Any]]:
        """A list of tables (an array of tables in TOML), each checked; bad items are left out."""
        if not isinstance(value, list):
            self.fail(key, f"must be a list of tables, not {describe(value)}")
            return []
        found = []
        for position, item in enumerate(value, 1):
            checked = self.table(item, specs, f"{key}[{position}]", unknown_keys=unknown_keys)
            if checked is not None:
                found.append(checked)
        return found

    def value(self, value: Any, spec: FieldSpec, key: str) -> Any:
        """One value checked against ``spec``: converted (trimmed, rounded, local time) when valid,
        else a problem and the default."""
        if spec.read is not None:
            return spec.read(self, value, key)
        message = _problem_with(value, spec)
        if message is None and spec.kind == "datetime" and value.tzinfo is None:
            try:
                return value.astimezone()
            except (OverflowError, ValueError, OSError):
                message = "is out of the range of dates this computer can handle"
        if message is None and spec.kind == "scores":
            return self._scores(value, key)
        if message is not None:
            self.fail(key, message)
            return _fresh(spec.default)
        if spec.exact:
            return value
        if spec.kind == "str":
            return value.strip()
        if spec.kind == "list[str]":
            return tuple(item.strip() for item in value)
        if spec.kind == "score":
            return round(value)
        if spec.kind == "date" and isinstance(value, datetime):
            return value.date()
        return value

    def _scores(self, table: dict[str, Any], key: str) -> dict[str, int]:
        result: dict[str, int] = {}
        for name, value in table.items():
            if _is_score(value):
                result[name] = round(value)
            else:
                self.fail(f"{key}.{name}", f"must be {_TYPE_NAMES['score']}, not {describe(value)}")
        return result


def _fresh(default: Any) -> Any:
    """A default that is a list or a table, copied (a record must not share it with the next one)."""
    if isinstance(default, (list, dict)):
        return type(default)(default)
    return default


def _expected(spec: FieldSpec) -> str:
    if spec.kind == "int" and spec.minimum is not None and spec.maximum is not None:
        return f"a whole number from {spec.minimum} to {spec.maximum}"
    return _TYPE_NAMES[spec.kind]


def _problem_with(value: Any, spec: FieldSpec) -> str | None:
    """What is wrong with ``value`` for ``spec`` (``None``: nothing); the message is built only then."""
    kind = spec.kind
    if kind == "str":
        if not isinstance(value, str):
            return _wrong(value, spec)
        if not spec.exact and not spec.allow_empty and not value.strip():
            return "must not be empty"
        if spec.choices and (value if spec.exact else value.strip()) not in spec.choices:
            close = _closest(value.strip(), list(spec.choices))
            hint = f"; did you mean '{close}'?" if close else ""
            return f"{quote(value)} is not one of: {', '.join(spec.choices)}{hint}"
    elif kind == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            return _wrong(value, spec)
        if (spec.minimum is not None and value < spec.minimum) or (spec.maximum is not None and value > spec.maximum):
            return _out_of_range(value, spec)
    elif kind == "list[str]":
        if not isinstance(value, list):
            return _wrong(value, spec)
        for position, item in enumerate(value):
            if not isinstance(item, str):
                return f"item {position + 1} must be a string, not {describe(item)}"
            if not spec.exact and not item.strip():
                return f"item {position + 1} is empty; remove it or write the text"
        if not value and not spec.allow_empty and not spec.exact:
            return "must not be an empty list"
    elif not _KIND_TEST[kind](value):
        return _wrong(value, spec)
    return spec.check(value) if spec.check is not None else None


def _wrong(value: Any, spec: FieldSpec) -> str:
    return f"must be {_expected(spec)}, not {describe(value)}"


_KIND_TEST: dict[str, Callable[[Any], bool]] = {
    "bool": lambda value: isinstance(value, bool),
    "score": lambda value: _is_score(value),
    "datetime": lambda value: isinstance(value, datetime),
    "date": lambda value: isinstance(value, date),
    "table": lambda value: isinstance(value, dict),
    "scores": lambda value: isinstance(value, dict),
}


def _out_of_range(value: int, spec: FieldSpec) -> str:
    if spec.minimum is not None and spec.maximum is not None:
        return f"is {value}; it must be from {spec.minimum} to {spec.maximum}"
    if spec.minimum is not None:
        return f"is {value}; it must be at least {spec.minimum}"
    return f"is {value}; it must be at most {spec.maximum}"


def _is_score(value: Any) -> bool:
    return (
        isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value) and 0 <= value <= 100
    )


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
    if isinstance(value, datetime):
        return f"the date and time {value.isoformat()}"
    if isinstance(value, date):
        return f"the date {value.isoformat()}"
    return f"a {type(value).__name__}"


def _closest(key: str, known: list[str]) -> str | None:
    import difflib

    matches = difflib.get_close_matches(key, known, n=1, cutoff=0.7)
    return matches[0] if matches else None


def is_slug(value: str) -> bool:
    """Whether ``value`` is a safe identifier for file names and command lines."""
    return bool(SLUG_PATTERN.match(value))


def slug_check(value: Any) -> str | None:
    """A :class:`FieldSpec` check that rejects ids which are not safe slugs."""
    if isinstance(value, str) and not is_slug(value.strip()):
        return f"{quote(value)} is not a safe id; {SLUG_HINT}"
    return None
