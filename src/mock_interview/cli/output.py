"""What the command line prints: user text made visible, markup never parsed, ids never cut.

Two layers keep files from reaching the terminal as anything but text:

- :func:`visible_streams` wraps standard output and standard error for the whole run, so every
  ``print`` (this package's, argparse's errors echoing an argument, a message quoting a file)
  passes through :func:`~mock_interview.core.safetext.visible`;
- Rich output (tables, reports) is written to the unwrapped stream, because Rich emits its own
  escape codes for colour; user text reaches it only as :class:`rich.text.Text` built with
  :func:`user_text`, never as markup.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TextIO

from mock_interview.core.safetext import visible

if TYPE_CHECKING:
    from rich.console import Console, JustifyMethod
    from rich.text import Text


class VisibleStream(io.TextIOBase):
    """A text stream that makes control characters visible before they reach ``raw``."""

    def __init__(self, raw: TextIO) -> None:
        super().__init__()
        self.raw = raw

    def write(self, text: str) -> int:
        """Write ``text`` with its control characters made visible."""
        self.raw.write(visible(text))
        return len(text)

    def flush(self) -> None:
        """Flush the underlying stream."""
        self.raw.flush()

    def isatty(self) -> bool:
        """Whether the underlying stream is a terminal."""
        return self.raw.isatty()

    def fileno(self) -> int:
        """The underlying stream's file descriptor."""
        return self.raw.fileno()

    @property  # TextIOBase declares a plain attribute; a property follows the wrapped stream
    def encoding(self) -> str:  # type: ignore[override]
        """The underlying stream's encoding."""
        return getattr(self.raw, "encoding", "utf-8")

    def writable(self) -> bool:
        """Always: this is an output stream."""
        return True


@contextlib.contextmanager
def usable_streams() -> Iterator[None]:
    """Standard output and error that take whatever they are given, for the whole run.

    A stream closed before the start (``>&-``) writes nowhere instead of failing at the first
    ``print``; a character the output's encoding cannot hold (an ASCII terminal, ``LANG=C``) is
    written as ``?`` instead of raising ``UnicodeEncodeError``.
    """
    saved = sys.stdout, sys.stderr
    opened: list[TextIO] = []
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None:
            stream = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - closed below, after the run
            opened.append(stream)
            setattr(sys, name, stream)
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="replace")
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved
        for stream in opened:
            stream.close()


def output_problem(exc: OSError) -> str:
    """One line for a write that failed: a data-folder file (its own message) or the output itself."""
    from mock_interview.core.fsutil import WriteFailed

    if isinstance(exc, WriteFailed):
        return str(exc)
    where = exc.filename or "the output"
    return f"could not write {where} ({exc.strerror or exc}); check the disk, or where the output is sent"


def discard_output() -> None:
    """After the output failed (a full disk, a closed pipe): what is still buffered goes nowhere.

    Python flushes standard output at exit; without this, the same failure would print a second
    time, as "Exception ignored".
    """
    stream = raw_stream(sys.stdout)
    with contextlib.suppress(OSError, ValueError):
        stream.flush()
        return
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)


def raw_stream(stream: TextIO | Any) -> TextIO:
    """The stream under a :class:`VisibleStream` (or ``stream`` itself)."""
    return stream.raw if isinstance(stream, VisibleStream) else stream


@contextlib.contextmanager
def visible_streams() -> Iterator[None]:
    """Make every write to standard output and standard error pass through :func:`visible`."""
    saved = sys.stdout, sys.stderr
    if not isinstance(sys.stdout, VisibleStream):
        sys.stdout = VisibleStream(sys.stdout)
    if not isinstance(sys.stderr, VisibleStream):
        sys.stderr = VisibleStream(sys.stderr)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


@contextlib.contextmanager
def raw_streams() -> Iterator[None]:
    """Undo :func:`visible_streams` for a block (the Textual app draws with escape codes)."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = raw_stream(sys.stdout), raw_stream(sys.stderr)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def is_terminal() -> bool:
    """Whether standard output is a terminal (tables) rather than a pipe or file (plain text)."""
    try:
        return raw_stream(sys.stdout).isatty()
    except (AttributeError, ValueError):
        return False


def console(*, stderr: bool = False) -> Console:
    """A Rich console on the real stream; give it :class:`~rich.text.Text`, never user text as markup."""
    from rich.console import Console

    stream = raw_stream(sys.stderr if stderr else sys.stdout)
    return Console(file=stream, highlight=False, soft_wrap=False, force_terminal=is_terminal() or None)


# How the command line colours a check's status (the app has its own, in tui/styles.py).
STATUS_STYLES = {"pass": "green", "partial": "yellow", "missing": "red", "na": "grey50"}


def status_style(status: str) -> str:
    """The colour of a check's status (``pass``, ``partial``, ``missing``, ``na``) on the command line."""
    return STATUS_STYLES.get(str(status), STATUS_STYLES["na"])


def user_text(text: str, style: str = "") -> Text:
    """User text as a Rich ``Text``: shown literally (``[/]`` stays ``[/]``), controls visible."""
    from rich.text import Text

    return Text(visible(text), style=style)


@dataclass(frozen=True)
class Column:
    """A table column. ``key`` columns (ids) never shrink, wrap or get cut."""

    title: str
    key: bool = False
    justify: JustifyMethod = "left"


def print_table(title: str, columns: Sequence[Column], rows: Sequence[Sequence[str]]) -> None:
    """Rows of values, ids never cut.

    On a terminal wide enough for every column, a table; on a narrower one, each row as a block
    (its key columns on one line, the other values wrapped below), since squeezing seven columns
    into 80 would fold every word; when piped, aligned plain text with no box and nothing cut.
    """
    cells = [[_cell(value) for value in row] for row in rows]
    if not is_terminal():
        _print_plain(columns, cells)
        return
    out = console()
    widths = [max([len(column.title)] + [len(row[n]) for row in cells]) for n, column in enumerate(columns)]
    if sum(widths) + 2 * (len(columns) - 1) > out.width:
        _print_blocks(columns, cells, out.width)
        return
    from rich import box
    from rich.table import Table

    table = Table(title=title, box=box.SIMPLE_HEAD, collapse_padding=True, pad_edge=False)
    for column, width in zip(columns, widths, strict=True):
        table.add_column(column.title, no_wrap=True, min_width=width, justify=column.justify)
    for row in cells:
        table.add_row(*(user_text(value) for value in row))
    out.print(table)


def _print_blocks(columns: Sequence[Column], cells: Sequence[Sequence[str]], width: int) -> None:
    import textwrap

    for row in cells:
        print("  ".join(value for column, value in zip(columns, row, strict=True) if column.key))
        details = " · ".join(
            f"{column.title} {value}" for column, value in zip(columns, row, strict=True) if not column.key and value
        )
        print(
            textwrap.fill(
                details, width=max(20, width), initial_indent="  ", subsequent_indent="  ", break_on_hyphens=False
            )
        )


def _cell(value: str) -> str:
    """One line per cell: a line break or tab from a file would break the row."""
    return " ".join(visible(str(value)).split()) if any(c in value for c in "\n\t\r") else visible(str(value))


def _print_plain(columns: Sequence[Column], cells: Sequence[Sequence[str]]) -> None:
    widths = [max([len(column.title)] + [len(row[n]) for row in cells]) for n, column in enumerate(columns)]
    for row in [[c.title for c in columns], *cells]:
        parts = [
            value.rjust(widths[n]) if columns[n].justify == "right" else value.ljust(widths[n])
            for n, value in enumerate(row)
        ]
        print("  ".join(parts).rstrip())
