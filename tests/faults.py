"""Faults injected in-process: a disk that fills up and frees again, at the app's single write path.

Every record the app writes (sessions, notes, settings, profiles, exports) goes through
``fsutil._write_temp``; every byte of a recording through ``wavfile._pwrite`` (a write that would
grow the file is refused; rewriting the header in place is not, as on a real full disk). :class:`FullDisk`
makes those fail as a full disk does (``ENOSPC``) until :meth:`FullDisk.free` is called.
Real disks that fill up (a small tmpfs) are in ``tests/smalldisk.py``.
"""

from __future__ import annotations

import errno
import os
from typing import Any

import pytest

from mock_interview.audio import wavfile
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

        real_pwrite = wavfile._pwrite

        def pwrite(fd: int, data: Any, offset: int) -> int:
            end = os.fstat(fd).st_size
            if self.full and offset + len(data) > end:  # rewriting the header in place needs no new space
                self.refused += 1
                raise OSError(self.code, os.strerror(self.code))
            return real_pwrite(fd, data, offset)

        monkeypatch.setattr(fsutil, "_write_temp", write_temp)
        monkeypatch.setattr(wavfile, "_pwrite", pwrite)

    def free(self) -> None:
        """Space again: writes go through."""
        self.full = False

    def fill(self) -> None:
        """Full again."""
        self.full = True
