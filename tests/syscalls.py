"""Run a command under strace and read back what it tried on the network and where it wrote.

The network check looks at every ``connect`` for an internet address (a DNS lookup is one too);
the file check at every open for writing, creation, rename and link, with paths made absolute from
the ``-y`` decoration strace adds to descriptors.
"""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

SYSCALLS = "connect,openat,open,creat,mkdir,mkdirat,rename,renameat,renameat2,link,linkat,symlink,symlinkat,truncate"
WRITE_FLAGS = ("O_WRONLY", "O_RDWR", "O_CREAT", "O_TRUNC", "O_APPEND")
# Devices and the kernel's own folders: semaphores in /dev/shm, /dev/null, the terminal.
SYSTEM_PLACES = ("/dev/", "/proc/", "/sys/")

_LINE = re.compile(r"^(?P<pid>\d+)\s+(?P<rest>.*)$")
_CALL = re.compile(r"^(?P<name>\w+)\((?P<args>.*)\)\s+=\s+(?P<result>-?\d+|\?)")
_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')
_DIRFD = re.compile(r"^(?:AT_FDCWD|\d+)<(?P<dir>[^>]*)>")
_ANY_DIRFD = re.compile(r"(?:AT_FDCWD|\b\d+)<([^>]*)>")


def strace_command(trace_file: Path) -> list[str]:
    """The strace prefix that writes the calls this module reads into ``trace_file``."""
    return ["strace", "-f", "-qq", "-y", "-s", "512", "-e", f"trace={SYSCALLS}", "-o", str(trace_file)]


def have_strace() -> bool:
    """Whether strace is installed and allowed to trace here (a container may forbid ptrace)."""
    import subprocess

    if shutil.which("strace") is None:
        return False
    return subprocess.run(["strace", "-qq", "-o", os.devnull, "true"], capture_output=True).returncode == 0


@dataclass
class Trace:
    """What a traced process tried: internet connections and the paths it wrote."""

    connections: list[str] = field(default_factory=list)
    writes: list[str] = field(default_factory=list)

    def written_outside(self, *allowed: Path) -> list[str]:
        """Paths written that are in none of ``allowed`` nor the system's device folders."""
        roots = [str(Path(a).resolve()) for a in allowed]
        outside = []
        for path in self.writes:
            if path.startswith(SYSTEM_PLACES):
                continue
            if any(path == root or path.startswith(root + os.sep) for root in roots):
                continue
            outside.append(path)
        return sorted(set(outside))


def _joined_calls(text: str) -> list[str]:
    """strace's lines with each call split by another thread (``<unfinished ...>``) put back together."""
    pending: dict[str, str] = {}
    calls = []
    for raw in text.splitlines():
        match = _LINE.match(raw)
        if not match:
            continue
        pid, rest = match["pid"], match["rest"]
        if rest.endswith("<unfinished ...>"):
            pending[pid] = rest[: -len("<unfinished ...>")].rstrip()
            continue
        resumed = re.match(r"^<\.\.\. \w+ resumed>\s*(.*)$", rest)
        if resumed:
            rest = pending.pop(pid, "") + resumed.group(1)
        calls.append(rest)
    return calls


def _absolute(dir_arg: str, path: str) -> str:
    if path.startswith("/"):
        return os.path.normpath(path)
    decorated = _DIRFD.match(dir_arg.strip())
    base = decorated["dir"] if decorated else ""
    return os.path.normpath(os.path.join(base, path))


def read_trace(trace_file: Path) -> Trace:
    """Parse a trace written with :func:`strace_command`."""
    trace = Trace()
    for call in _joined_calls(trace_file.read_text(encoding="utf-8", errors="replace")):
        match = _CALL.match(call)
        if not match:
            continue
        name, args, result = match["name"], match["args"], match["result"]
        if name == "connect":
            if "AF_INET" in args:  # AF_INET and AF_INET6; tried counts, whatever the result
                trace.connections.append(call)
            continue
        if result.startswith("-"):
            continue  # refused by the kernel: nothing was written
        strings = _STRING.findall(args)
        if not strings:
            continue
        if name in ("open", "openat", "creat"):
            if name != "creat" and not any(flag in args for flag in WRITE_FLAGS):
                continue
            dir_arg = args.split(",", 1)[0] if name == "openat" else "AT_FDCWD"
            trace.writes.append(_absolute(dir_arg, strings[0]))
        elif name in ("mkdir", "truncate"):
            trace.writes.append(_absolute("AT_FDCWD", strings[0]))
        elif name == "mkdirat":
            trace.writes.append(_absolute(args.split(",", 1)[0], strings[0]))
        else:  # rename, link, symlink and their *at forms: the new name is the last path
            last = list(_STRING.finditer(args))[-1]
            dirfds = _ANY_DIRFD.findall(args[: last.start()]) if name.endswith(("at", "at2")) else []
            trace.writes.append(_absolute(f"AT_FDCWD<{dirfds[-1]}>" if dirfds else "AT_FDCWD", strings[-1]))
    return trace
