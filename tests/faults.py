"""Faults injected in-process: a disk that fills up and frees again, at the app's single write path.

Every record the app writes (sessions, notes, settings, profiles, exports) goes through
``fsutil._write_temp``; recordings through ``IncrementalWav``'s own ``os.write``. :class:`FullDisk`
makes those fail as a full disk does (``ENOSPC``) until :meth:`FullDisk.free` is called.
Real disks that fill up (a small tmpfs) are in ``tests/smalldisk.py``.
"""

from __future__ import annotations

import errno
import os
from typing import Any

import pytest

from mock_interview.core import fsutil


class FullDisk:
    """While ``full``, every write of a record fails with ``errno`` (``ENOSPC`` by default)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, code: int = errno.ENOSPC) -> None:
        self.full = True
        self.code = code
        self.refused = 0  # how many writes were refused
        real = fsutil._write_temp

        def write_temp(path: Any, data: bytes, mode: int) -> str:
            if self.full:
                self.refused += 1
                raise OSError(self.code, os.strerror(self.code))
            return real(path, data, mode)

        monkeypatch.setattr(fsutil, "_write_temp", write_temp)

    def free(self) -> None:
        """Space again: writes go through."""
        self.full = False

    def fill(self) -> None:
        """Full again."""
        self.full = True
