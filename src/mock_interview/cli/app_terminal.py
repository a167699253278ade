"""The terminal the app draws on, and where standard error goes while it runs.

Textual draws on ``sys.__stderr__``, and descriptor 2 is also where C libraries write (ALSA's
"underrun occurred", PortAudio, CTranslate2, onnxruntime) and what child processes inherit as
their standard error. Text written there while the app runs would land on the screen, over what
the app drew. So while the app runs:

- it draws on a descriptor of its own on the terminal its keys come from: a copy of standard
  error's, else of standard output's (``2>/dev/null``, ``2>file``), else the terminal device
  itself (``>file 2>file``). A copy is not moved when a library points descriptor 2 elsewhere
  (sounddevice does, to /dev/null, while PortAudio starts, and a frozen audio server keeps it there);
- descriptor 2 points at ``messages.log`` in the data folder (created ``0600``, never through a
  link; each run starts with a dated line), so what the libraries write is kept, not drawn;
- Python's ``sys.stderr`` writes to the user's own standard error: that is where Textual prints
  a crash's traceback, once it has left the screen.

All of it is put back when the app ends, however it ends.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TextIO

LOG_LIMIT_BYTES = 1024 * 1024  # past this, the log is kept as messages.log.1 and a new one begun


@dataclass(frozen=True)
class AppTerminal:
    """Where things went while the app ran."""

    log: Path
    """The file descriptor 2 pointed at."""
    log_problem: str | None
    """Why the log could not be opened (the libraries' messages were then discarded), or ``None``."""
    drawing: TextIO
    """The stream the app drew on."""
    stderr_is_terminal: bool
    """Whether the user's standard error is the terminal the app drew on."""

    def where_messages_went(self) -> str:
        """Where the libraries' messages of this run are, for a line after the app closed."""
        if self.log_problem is not None:
            return f"the libraries' messages were discarded: {self.log_problem}"
        return f"what the libraries wrote while it ran is in {self.log}"


def open_drawing_terminal() -> int | None:
    """A new descriptor on the terminal the app reads its keys from, to draw on; ``None`` without one.

    Standard error is tried first (where Textual draws), then standard output, then the terminal
    device standard input reads from (``/dev/pts/N``); each only if it is the same terminal as
    standard input, so redirecting standard error to another terminal does not move the app there.
    """
    if sys.__stdin__ is None:
        return None
    try:
        keys = sys.__stdin__.fileno()
        if not os.isatty(keys):
            return None
        device = os.fstat(keys).st_rdev
    except (AttributeError, ValueError, OSError):  # a closed or replaced stream
        return None
    for candidate in (2, 1):
        if _is_terminal(candidate, device):
            return _copy_above_stderr(candidate)
    try:  # standard input's own terminal (/dev/pts/N): /dev/tty would be the same, but cannot be told so
        tty = os.open(os.ttyname(keys), os.O_WRONLY | os.O_NOCTTY)
    except (AttributeError, OSError):  # no ttyname on this system, or no device to open
        return None
    try:
        return _copy_above_stderr(tty) if _is_terminal(tty, device) else None
    finally:
        os.close(tty)


def _copy_above_stderr(fd: int) -> int:
    """A copy of ``fd`` numbered 3 or more: with descriptor 2 closed (``2>&-``), a plain copy could
    be 2 itself, and pointing 2 at the log would then move the app's drawing there too."""
    try:
        import fcntl
    except ImportError:  # not a POSIX system
        return os.dup(fd)
    return fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 3)


def describe_stderr() -> str:
    """Standard error, with the file it goes to where the system says (``/proc/self/fd/2``)."""
    try:
        return f"standard error ({os.readlink('/proc/self/fd/2')})"
    except OSError:
        return "standard error"


def _is_terminal(fd: int, device: int) -> bool:
    try:
        return os.isatty(fd) and os.fstat(fd).st_rdev == device
    except OSError:
        return False


@contextlib.contextmanager
def app_terminal(drawing_fd: int, log: Path) -> Iterator[AppTerminal]:
    """Run a block with the app drawing on ``drawing_fd`` and descriptor 2 pointing at ``log``.

    ``drawing_fd`` (from :func:`open_drawing_terminal`) is closed at the end. An exception leaving
    the block gets a note saying where the libraries' messages are; Python prints it after the
    terminal is restored.
    """
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            stream.flush()
    encoding = getattr(sys.__stderr__, "encoding", None) or getattr(sys.__stdout__, "encoding", None) or "utf-8"
    drawing = os.fdopen(drawing_fd, "w", encoding=encoding, errors="replace")
    saved = _copy(2)
    user_stderr = (
        os.fdopen(os.dup(saved), "w", encoding=encoding, errors="replace", buffering=1) if saved is not None else None
    )
    problem = _point_stderr_at(log)
    terminal = AppTerminal(log, problem, drawing, saved is not None and _same_file(saved, drawing_fd))
    replaced: dict[str, object] = {"__stderr__": drawing}
    if user_stderr is not None:
        replaced["stderr"] = user_stderr
    if not os.isatty(1):  # shutil.get_terminal_size, which Textual asks, reads standard output's size
        replaced["__stdout__"] = drawing
    before = {name: getattr(sys, name) for name in replaced}
    for name, value in replaced.items():
        setattr(sys, name, value)
    try:
        yield terminal
    except BaseException as exc:
        exc.add_note(f"mock-interview: {terminal.where_messages_went()}")
        raise
    finally:
        for stream in (user_stderr, drawing):
            with contextlib.suppress(OSError, ValueError, AttributeError):
                stream.flush()  # type: ignore[union-attr]
        for name, value in before.items():
            setattr(sys, name, value)
        if saved is not None:
            os.dup2(saved, 2)
            os.close(saved)
        else:
            with contextlib.suppress(OSError):
                os.close(2)  # it was closed before the app ran
        for stream in (user_stderr, drawing):
            with contextlib.suppress(OSError, ValueError, AttributeError):
                stream.close()  # type: ignore[union-attr]


def _copy(fd: int) -> int | None:
    try:
        return os.dup(fd)
    except OSError:  # closed (2>&-)
        return None


def _same_file(one: int, other: int) -> bool:
    try:
        first, second = os.fstat(one), os.fstat(other)
    except OSError:
        return False
    return (first.st_dev, first.st_ino, first.st_rdev) == (second.st_dev, second.st_ino, second.st_rdev)


def _point_stderr_at(log: Path) -> str | None:
    """Point descriptor 2 at ``log`` (or at /dev/null when it cannot be opened: why is returned)."""
    from mock_interview.core.fsutil import open_private_for_appending

    problem = None
    try:
        _keep_previous_when_large(log)
        fd = open_private_for_appending(log)
    except OSError as exc:
        problem = str(exc)
        fd = os.open(os.devnull, os.O_WRONLY)
    if fd != 2:
        os.dup2(fd, 2)  # the copy at 2 is inherited by child processes (dup2 clears close-on-exec)
        os.close(fd)
    started = datetime.now().astimezone().isoformat(timespec="seconds")
    with contextlib.suppress(OSError):
        os.write(2, f"--- {started} mock-interview started (process {os.getpid()})\n".encode())
    return problem


def _keep_previous_when_large(log: Path) -> None:
    """Past :data:`LOG_LIMIT_BYTES`, the log becomes ``messages.log.1`` (replacing an older one)."""
    import stat

    try:
        info = os.lstat(log)
    except FileNotFoundError:
        return
    if stat.S_ISREG(info.st_mode) and info.st_size > LOG_LIMIT_BYTES:
        os.replace(log, log.with_name(log.name + ".1"))
