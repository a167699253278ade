"""Recordings no session points to: found, reported by ``doctor``, and removed only when asked.

A spoken answer's WAV is written under ``audio/SESSION/`` from its first block, and its session
points to it from the start. A recording can still end up pointed to by nothing: a session file
deleted by hand, a round that crashed before it saved, an answer dropped by an older release.
They take space and hold someone's voice, so ``doctor`` lists them and ``doctor --remove-orphans``
removes them.

A recording counts as an orphan only when no session file names it, readable or not (a damaged
session file is searched as bytes: it may be repaired), and when it is older than
:data:`RECENT_SECONDS` (a round in progress in another window is never touched).
"""

from __future__ import annotations

import contextlib
import os
import stat
import time
from dataclasses import dataclass
from pathlib import Path

from mock_interview.core.datadir import DataDir
from mock_interview.core.fsutil import read_regular_file
from mock_interview.core.sessions import MAX_SESSION_BYTES, SessionStore

RECENT_SECONDS = 600.0
AUDIO_SUFFIXES = (".wav",)


@dataclass(frozen=True)
class Orphan:
    """A recording no session names."""

    path: Path
    size: int

    def relative_to(self, root: Path) -> str:
        """The path as sessions write it (``audio/ID/00-q.wav``)."""
        return self.path.relative_to(root).as_posix()


def find_orphan_recordings(data: DataDir, *, now: float | None = None) -> list[Orphan]:
    """Every recording under ``audio/`` that no session file names, oldest first.

    Args:
        data: The data directory.
        now: The current time (tests pass their own).
    """
    audio = data.audio
    if not audio.is_dir():
        return []
    cutoff = (time.time() if now is None else now) - RECENT_SECONDS
    candidates: list[Orphan] = []
    for folder, _dirs, files in os.walk(audio, followlinks=False):
        for name in files:
            path = Path(folder) / name
            if path.suffix.lower() not in AUDIO_SUFFIXES:
                continue
            try:
                info = os.lstat(path)
            except OSError:
                continue
            if stat.S_ISREG(info.st_mode) and info.st_mtime < cutoff:
                candidates.append(Orphan(path, info.st_size))
    if not candidates:
        return []
    named = _named_recordings(data)
    orphans = [o for o in candidates if o.relative_to(data.root) not in named]
    orphans.sort(key=lambda o: (os.lstat(o.path).st_mtime, str(o.path)))
    return orphans


def _named_recordings(data: DataDir) -> set[str]:
    """The recordings the session files name (and, for files that do not read, every audio path in their bytes)."""
    store = SessionStore(data.sessions)
    summaries, problems = store.list()
    named: set[str] = set()
    unreadable = [problem.path for problem in problems]
    for summary in summaries:
        try:
            session = store.load_file(summary.path)
        except LookupError:
            unreadable.append(summary.path)
            continue
        named.update(answer.audio for answer in session.answers if answer.audio)
    for path in unreadable:
        try:
            raw = read_regular_file(path, MAX_SESSION_BYTES, follow_symlinks=False)
        except OSError:
            continue
        named.update(_audio_paths_in(raw))
    return named


def _audio_paths_in(raw: bytes) -> set[str]:
    """Every ``audio/...wav`` string in a damaged session file's bytes."""
    import re

    text = raw.decode("utf-8", errors="replace")
    return set(re.findall(r"audio/[^\"'\s]+?\.wav", text))


def remove_orphan_recordings(data: DataDir, orphans: list[Orphan]) -> list[Path]:
    """Remove the given orphans (each checked again: still a regular file in ``audio/``, still named by nobody).

    Session folders under ``audio/`` left empty are removed too.

    Returns:
        The files removed.
    """
    still = {o.path for o in find_orphan_recordings(data)}
    removed: list[Path] = []
    audio = data.audio.resolve()
    for orphan in orphans:
        path = orphan.path
        if path not in still or not path.resolve().is_relative_to(audio):
            continue
        try:
            os.unlink(path)
        except OSError:
            continue
        removed.append(path)
        parent = path.parent
        if parent != data.audio:
            with contextlib.suppress(OSError):
                parent.rmdir()  # only if empty
    return removed
