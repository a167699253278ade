"""A real disk that fills up: a small tmpfs mounted for one test, filled and freed on demand.

Mounting needs root (CI runs as root, or with passwordless sudo); elsewhere the test says so via
``need`` (skipped locally, a failure in CI). In-process tests inject the failure instead
(tests/faults.py).
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

from tests.conftest import need


def _mount_command() -> list[str] | None:
    if os.geteuid() == 0:
        return []
    if shutil.which("sudo") and subprocess.run(["sudo", "-n", "true"], capture_output=True).returncode == 0:
        return ["sudo", "-n"]
    return None


class SmallDisk:
    """A tmpfs of ``size`` at ``path``: :meth:`fill` writes a file until the disk is full, :meth:`free` removes it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.filler = path / ".filler"

    def fill(self) -> None:
        """Write zeros until the file system says it is full."""
        fd = os.open(self.filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            for size in (65536, 4096, 512, 1):  # big blocks, then smaller, to the last byte
                try:
                    while True:
                        os.write(fd, b"\0" * size)
                except OSError as exc:
                    if exc.errno != errno.ENOSPC:
                        raise
        finally:
            os.close(fd)
        assert shutil.disk_usage(self.path).free < 8192

    def free(self) -> None:
        """Remove what :meth:`fill` wrote."""
        self.filler.unlink(missing_ok=True)


@contextlib.contextmanager
def small_disk(path: Path, size: str = "2m") -> Iterator[SmallDisk]:
    """Mount a tmpfs of ``size`` at ``path`` for the block (unmounted afterwards, whatever happens)."""
    prefix = _mount_command()
    need(prefix is not None, "mounting a small tmpfs needs root or passwordless sudo")
    assert prefix is not None
    need(shutil.which("mount") is not None, "the mount command is missing")
    path.mkdir(parents=True, exist_ok=True)
    owner = f"uid={os.getuid()},gid={os.getgid()},"
    subprocess.run(
        [*prefix, "mount", "-t", "tmpfs", "-o", f"{owner}size={size},mode=0700", "tmpfs", str(path)], check=True
    )
    try:
        yield SmallDisk(path)
    finally:
        subprocess.run([*prefix, "umount", "-l", str(path)], check=False)
