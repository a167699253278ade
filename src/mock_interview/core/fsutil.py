"""Private, crash-safe, hostile-input-safe file access: the one place that touches paths.

Everything mock-interview writes is personal data (answers, transcripts, recordings), so folders
are created ``0700`` and files ``0600``. Records are replaced atomically: a temporary file in the
same folder is written, flushed to disk and renamed over the old one, so a crash at any moment
leaves either the old record or the new one, never half of one.

Paths come from people and from files they did not write (a shared pack, a mangled session), so:

- a name becomes a path only through :func:`child_path`, which keeps it inside its folder;
- the app writes only to regular files: never through a symbolic link, never over a FIFO, a
  device or a folder (:func:`check_output_target`, ``O_NOFOLLOW``), and a file the user already
  has keeps its permissions when it is replaced;
- a new record is created exclusively (:func:`atomic_create_bytes`): two writers can never both
  believe they created it;
- reading a user's file (:func:`read_regular_file`) accepts only a regular file of bounded size,
  so a FIFO cannot hang the app and ``/dev/zero`` cannot fill the memory;
- temporary files left by an interrupted save are removed once they are stale
  (:func:`clean_stale_temp_files`).

Every write the app makes goes through this module, and a write the machine refuses (disk full,
read-only file system, no permission, I/O error) raises :class:`WriteFailed`: one type, whose
``str()`` names the file, says what happened and how to fix it, on one line. Callers keep what
they hold in memory and try again when the user acts; nothing here retries or exits.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600
TEMP_SUFFIX = ".tmp"
STALE_TEMP_SECONDS = 600  # a save takes milliseconds; a temp file this old was left by a crash


class UnsafePathError(OSError):
    """A path the app refuses to use. ``str()`` names the path and says why, on one line."""

    def __init__(self, path: Path | str, message: str) -> None:
        super().__init__(errno.EPERM, message, str(path))

    def __str__(self) -> str:
        return f"{self.filename}: {self.strerror}"


class NotRegularFileError(UnsafePathError):
    """The path is a folder, a FIFO, a device, a socket or a symbolic link, not a regular file."""

    def __init__(self, path: Path | str, kind: str, message: str) -> None:
        super().__init__(path, message)
        self.kind = kind


class FileTooLargeError(UnsafePathError):
    """The file is larger than the limit for its kind."""

    def __init__(self, path: Path | str, limit: int) -> None:
        super().__init__(path, f"is larger than {format_size(limit)}, the limit for this kind of file")
        self.limit = limit


# What the machine said, in words, and what the user can do about it. Keyed by errno.
_WRITE_FAILURES: dict[int, tuple[str, str]] = {
    errno.ENOSPC: ("the disk is full", "free some space, or choose another data folder (--data-dir)"),
    errno.EDQUOT: ("the disk quota is used up", "free some space, or choose another data folder (--data-dir)"),
    errno.EROFS: ("the file system is read-only", "choose another data folder (--data-dir or MOCK_INTERVIEW_DATA_DIR)"),
    errno.EACCES: ("permission denied", "check the folder's permissions, or choose another data folder (--data-dir)"),
    errno.EPERM: (
        "operation not permitted",
        "check the folder's permissions, or choose another data folder (--data-dir)",
    ),
    errno.EIO: (
        "the disk reported an input/output error",
        "check the disk, or choose another data folder (--data-dir)",
    ),
    errno.ENOENT: ("its folder is gone", "the folder was removed meanwhile; save again to create it"),
}


class WriteFailed(OSError):
    """A file could not be written: disk full, read-only, no permission, an I/O error.

    ``str()`` is one line: the file, what happened, and the way out. ``errno`` and ``strerror``
    are the system's, so code that handles ``OSError`` keeps working.
    """

    def __init__(self, path: Path | str, cause: OSError) -> None:
        super().__init__(cause.errno, cause.strerror or str(cause), str(path))
        self.reason, self.fix = _WRITE_FAILURES.get(
            cause.errno or 0,
            (cause.strerror or str(cause), "check the disk, or choose another data folder (--data-dir)"),
        )
        if cause.errno == errno.ENOENT and Path(path).parent.is_dir():  # the folder is there: /proc, /sys...
            self.reason, self.fix = "this file system cannot create a file there", "choose another folder"

    def __str__(self) -> str:
        return f"could not write {self.filename}: {self.reason}; {self.fix}"


@contextlib.contextmanager
def reporting_write_failures(path: Path | str) -> Iterator[None]:
    """Turn an ``OSError`` raised while writing ``path`` into :class:`WriteFailed`.

    The app's own refusals (:class:`UnsafePathError`) and an exclusive create that lost its race
    (``FileExistsError``) are not write failures and pass through unchanged.
    """
    try:
        yield
    except (UnsafePathError, FileExistsError, WriteFailed):
        raise
    except OSError as exc:
        raise WriteFailed(path, exc) from exc


def format_size(size: int) -> str:
    """``5 MB``, ``64 KB``: sizes in messages."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):g} MB"
    return f"{size / 1024:g} KB"


def describe_kind(mode: int) -> str:
    """What a file is, for messages: ``a folder``, ``a FIFO (named pipe)``..."""
    if stat.S_ISREG(mode):
        return "a regular file"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) if needed; folders this call creates are made ``0700``.

    Args:
        path: The folder to create.

    Returns:
        The same path, for chaining.

    Raises:
        WriteFailed: A folder could not be created (disk full, read-only, no permission).
    """
    missing = []
    probe = path
    while not probe.exists():
        missing.append(probe)
        if probe.parent == probe:
            break
        probe = probe.parent
    for folder in reversed(missing):
        with reporting_write_failures(folder):
            try:
                folder.mkdir(mode=PRIVATE_DIR_MODE)
            except FileExistsError:
                continue
            os.chmod(folder, PRIVATE_DIR_MODE)  # mkdir's mode is filtered by the umask
    return path


def is_safe_name(name: str) -> bool:
    """Whether ``name`` can be one path component: no separator, not ``.``/``..``, not hidden."""
    return (
        bool(name)
        and name not in (".", "..")
        and not name.startswith(".")
        and "/" not in name
        and "\\" not in name
        and "\x00" not in name
    )


def child_path(folder: Path, name: str) -> Path:
    """``folder / name``, guaranteed to stay inside ``folder``.

    Args:
        folder: The folder the file must be in.
        name: A file name (one component, such as ``20250101-100000-ab12.toml``).

    Raises:
        UnsafePathError: ``name`` has a separator, is ``..`` or hidden, or the result would lie
            outside ``folder`` (through a symbolic link).
    """
    if not is_safe_name(name):
        raise UnsafePathError(folder, f"'{name}' is not a safe file name here (one name, no '/', not hidden)")
    path = folder / name
    base = folder.resolve()
    if path.resolve().parent != base:
        raise UnsafePathError(path, f"leads outside {folder}; remove the link or choose another name")
    return path


def check_output_target(path: Path) -> bool:
    """Check that ``path`` may be written: missing (in an existing folder) or a regular file.

    Returns:
        Whether a regular file already exists there.

    Raises:
        UnsafePathError: The path is a symbolic link, a folder, a FIFO, a device or a socket,
            or its folder does not exist.
    """
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        parent = path.parent
        if not parent.is_dir():
            raise UnsafePathError(
                path, f"its folder {parent} does not exist; create it or choose another path"
            ) from None
        return False
    if stat.S_ISREG(info.st_mode):
        return True
    kind = describe_kind(info.st_mode)
    if stat.S_ISLNK(info.st_mode):
        target = os.readlink(path)
        raise NotRegularFileError(
            path, kind, f"is a symbolic link (to {target}); nothing is written through links, give the file's own path"
        )
    if stat.S_ISDIR(info.st_mode):
        raise NotRegularFileError(path, kind, "is a folder; give a file name inside it")
    raise NotRegularFileError(path, kind, f"is {kind}, not a regular file; give the path of a file")


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically.

    A new file is ``0600``; an existing one keeps its permissions (the user chose them). Only a
    regular file is ever replaced: a symbolic link, FIFO, device or folder at ``path`` is refused,
    so nothing is written through a link or over a special file.

    Args:
        path: The destination file. Its folder must exist.
        data: The complete new contents.

    Raises:
        UnsafePathError: ``path`` is not a regular file (see :func:`check_output_target`).
        WriteFailed: The write failed (disk full, read-only, no permission); the old file is
            untouched and no temporary file is left.
    """
    existed = check_output_target(path)
    with reporting_write_failures(path):
        mode = stat.S_IMODE(os.stat(path).st_mode) if existed else PRIVATE_FILE_MODE
        tmp_name = _write_temp(path, data, mode)
        try:
            os.replace(tmp_name, path)
        except BaseException:
            _unlink_quietly(tmp_name)
            raise
    _fsync_dir(path.parent)


def atomic_write_text(path: Path, text: str) -> None:
    """Replace ``path`` with UTF-8 ``text`` atomically (see :func:`atomic_write_bytes`)."""
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_create_bytes(path: Path, data: bytes) -> None:
    """Create ``path`` with ``data`` (``0600``), complete and only if nothing is there yet.

    The data is written to a temporary file first and then hard-linked into place: the link fails
    if the name exists, so of several writers racing for one name exactly one wins, and a crash
    never leaves a half-written file under the final name.

    Raises:
        FileExistsError: Something already exists at ``path``.
        WriteFailed: The write failed (disk full, read-only, no permission); nothing is left behind.
    """
    with reporting_write_failures(path):
        tmp_name = _write_temp(path, data, PRIVATE_FILE_MODE)
        try:
            try:
                os.link(tmp_name, path, follow_symlinks=False)
            except OSError as exc:
                if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
                    raise
                _create_exclusive_in_place(path, data)  # a file system without hard links
        finally:
            _unlink_quietly(tmp_name)
    _fsync_dir(path.parent)


def atomic_create_text(path: Path, text: str) -> None:
    """Create ``path`` with UTF-8 ``text`` exclusively (see :func:`atomic_create_bytes`)."""
    atomic_create_bytes(path, text.encode("utf-8"))


def open_private_for_writing(path: Path, *, exclusive: bool = False, keep: bool = False) -> BinaryIO:
    """Open a binary file for writing, emptied (unless ``keep``), never through a symbolic link.

    A new file is ``0600`` from its first byte; an existing regular file keeps its permissions.

    Args:
        path: The file.
        exclusive: Refuse if the file exists (``O_EXCL``).
        keep: Keep an existing file's bytes (a recording that goes on at its end).

    Raises:
        FileExistsError: ``exclusive`` and the file exists.
        UnsafePathError: The path is a symbolic link, a folder, a FIFO or a device.
        WriteFailed: The file cannot be created (disk full, read-only, no permission).
    """
    with reporting_write_failures(path):
        return _open_private_for_writing(path, exclusive=exclusive, keep=keep)


def _open_private_fd(path: Path, flags: int, *, exclusive: bool, way_out: str) -> tuple[int, bool]:
    """A descriptor on ``path`` opened with ``flags`` (never through a link), and whether it was created.

    A new file is ``0600`` from its first byte; an existing one must be a regular file (``way_out``
    ends the message when it is not).
    """
    flags |= getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    created = True
    try:
        fd = os.open(path, flags | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    except FileExistsError:
        if exclusive:
            raise
        check_output_target(path)
        created = False
        try:
            fd = os.open(path, flags)
        except OSError as exc:
            if exc.errno in (errno.ELOOP, errno.ENXIO):  # became a link or a FIFO meanwhile
                check_output_target(path)
            raise
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = describe_kind(info.st_mode)
            raise NotRegularFileError(path, kind, f"is {kind}, not a regular file; {way_out}")
        if created:
            os.fchmod(fd, PRIVATE_FILE_MODE)  # the umask may have narrowed it; never widened
    except BaseException:
        os.close(fd)
        raise
    return fd, created


def _open_private_for_writing(path: Path, *, exclusive: bool, keep: bool = False) -> BinaryIO:
    flags = os.O_RDWR if keep else os.O_WRONLY
    fd, created = _open_private_fd(path, flags, exclusive=exclusive, way_out="choose a file path")
    if not created and not keep:
        try:
            os.ftruncate(fd, 0)
        except BaseException:
            os.close(fd)
            raise
    return os.fdopen(fd, "w+b")


def open_private_for_appending(path: Path) -> int:
    """Open a log file for appending and return its descriptor, never through a symbolic link.

    A new file is ``0600`` from its first byte; an existing regular file keeps its permissions and
    its contents (each writer's lines go to the end, so two runs at once do not overwrite each other).

    Args:
        path: The file.

    Raises:
        UnsafePathError: The path is a symbolic link, a folder, a FIFO or a device.
        WriteFailed: The file cannot be created (disk full, read-only, no permission).
    """
    with reporting_write_failures(path):
        fd, _created = _open_private_fd(path, os.O_WRONLY | os.O_APPEND, exclusive=False, way_out="remove it")
        return fd


def read_regular_file(path: Path, max_bytes: int, *, follow_symlinks: bool = True) -> bytes:
    """The bytes of a regular file no larger than ``max_bytes``.

    Opening never blocks (a FIFO is refused, not waited on) and at most ``max_bytes + 1`` bytes
    are read, whatever the file claims to be (files in ``/proc`` report size 0).

    Args:
        path: The file.
        max_bytes: The largest size accepted.
        follow_symlinks: Read through a symbolic link (a pack linked into the packs folder);
            when false, a link is refused as not a regular file.

    Raises:
        NotRegularFileError: The path is a folder, FIFO, device, socket (or a link, when not
            followed).
        FileTooLargeError: The file is larger than ``max_bytes``.
        OSError: The file is missing or cannot be read.
    """
    fd = open_regular_file(path, follow_symlinks=follow_symlinks)
    try:
        info = os.fstat(fd)
        if info.st_size > max_bytes:
            raise FileTooLargeError(path, max_bytes)
        chunks = []
        remaining = max_bytes + 1
        while remaining > 0:
            chunk = os.read(fd, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        data = b"".join(chunks)
        if len(data) > max_bytes:
            raise FileTooLargeError(path, max_bytes)
        return data
    finally:
        os.close(fd)


def open_regular_file(path: Path, *, follow_symlinks: bool = True) -> int:
    """A read-only descriptor of ``path``, checked to be a regular file before anything reads it.

    Opening never blocks: a FIFO is refused, not waited on (``O_NONBLOCK``; a plain open of a FIFO
    waits for a writer for ever), and a device or folder is refused too. The caller closes it.

    Args:
        path: The file.
        follow_symlinks: Open through a symbolic link; when false, a link is refused.

    Raises:
        NotRegularFileError: The path is a folder, FIFO, device, socket (or a link, when not followed).
        OSError: The file is missing or cannot be opened.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
    if not follow_symlinks:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            kind = "a symbolic link" if not follow_symlinks and os.path.islink(path) else "a loop of symbolic links"
            raise NotRegularFileError(path, kind, f"is {kind}, not a regular file") from None
        raise
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = describe_kind(info.st_mode)
            raise NotRegularFileError(path, kind, f"is {kind}, not a regular file")
    except BaseException:
        os.close(fd)
        raise
    return fd


def clean_stale_temp_files(folder: Path, max_age_seconds: float = STALE_TEMP_SECONDS) -> list[Path]:
    """Remove the temporary files of saves that never finished (``.NAME.XXXX.tmp``).

    Only regular files older than ``max_age_seconds`` go: a save in progress in another process
    keeps its temporary file.

    Returns:
        The files removed.
    """
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    cutoff = time.time() - max_age_seconds
    for entry in entries:
        if not (entry.name.startswith(".") and entry.name.endswith(TEMP_SUFFIX)):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(info.st_mode) and info.st_mtime < cutoff:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


@contextlib.contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold an exclusive advisory lock on ``folder`` (``flock``) while the block runs.

    Read-check-write sequences on records of one folder (a session save that must notice another
    process's save) run under it, so they cannot interleave. Where ``flock`` is unavailable the
    block simply runs.
    """
    try:
        import fcntl
    except ImportError:  # not a POSIX system: no advisory locks
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _write_temp(path: Path, data: bytes, mode: int) -> str:
    import tempfile  # deferred: only writers need it, and start-up stays lean

    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, mode)
    except BaseException:
        _unlink_quietly(tmp_name)
        raise
    return tmp_name


def _create_exclusive_in_place(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), PRIVATE_FILE_MODE)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        _unlink_quietly(str(path))
        raise
    os.close(fd)


def _unlink_quietly(name: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(name)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
