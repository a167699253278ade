"""The real app in a pseudo-terminal while something writes to descriptor 2 at C level, as ALSA's
"underrun occurred" does: the terminal never receives it, the data folder's messages.log keeps
it, and after the app the terminal is as before (descriptor 2 on it, echo and line editing on);
a crash still prints its traceback there, with the log's path. With standard error redirected
(``2>file``, ``2>/dev/null``) the app runs on the terminal all the same and says where its
messages went."""

from __future__ import annotations

import io
import os
import shlex
import stat
import sys
import time
from pathlib import Path

import pexpect
import pytest

from tests.terminal import COLUMNS, ROWS, Terminal

# Run as the child: the app's own command line, with a thread that writes to descriptor 2 (and
# starts a child process that writes to its standard error) when the test asks, or makes the app
# fail in an event handler; after the app, what the terminal looks like.
CHILD = r"""
import os, subprocess, sys, termios, threading, time
from pathlib import Path

signals = Path(sys.argv[1])
from mock_interview.tui import app as app_module

apps = []
opened = app_module.MockInterviewApp.__init__


def remember(self, *args, **kwargs):
    apps.append(self)
    opened(self, *args, **kwargs)


app_module.MockInterviewApp.__init__ = remember


def wait_for(name):
    while not (signals / name).exists():
        time.sleep(0.05)


def plant():
    wait_for("write")
    os.write(2, b"ALSA lib pcm.c:8570:(snd_pcm_recover) underrun occurred\n")
    subprocess.run(["sh", "-c", "echo a child process complains >&2"], check=True)
    (signals / "written").touch()
    wait_for("crash")

    def fail():
        raise RuntimeError("a planted failure in an event handler")

    apps[0].call_from_thread(apps[0].call_later, fail)


threading.Thread(target=plant, daemon=True).start()
from mock_interview.cli.main import main

status = main(sys.argv[2:])
os.write(2, b"descriptor 2 is back\n")
modes = termios.tcgetattr(0)[3]
print(f"echo {bool(modes & termios.ECHO)}, line editing {bool(modes & termios.ICANON)}")
sys.exit(status)
"""

PLANTED = b"underrun occurred"


def start(data: Path, signals: Path, redirect: str = "") -> Terminal:
    """The app in a pseudo-terminal; ``redirect`` is a shell redirection such as ``2>/dev/null``."""
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(COLUMNS), "LINES": str(ROWS)}
    env.pop("TEXTUAL", None)
    argv = [sys.executable, "-c", CHILD, str(signals), "--data-dir", str(data)]
    if redirect:
        argv = ["/bin/sh", "-c", f"exec {shlex.join(argv)} {redirect}"]
    term = Terminal(argv, env)
    term.child.logfile_read = io.BytesIO()  # every byte the terminal receives
    return term


def received(term: Terminal) -> bytes:
    return term.child.logfile_read.getvalue()


def signal(term: Terminal, signals: Path, name: str, then: str | None = None, timeout: float = 20.0) -> None:
    """Ask the child to act (``name``) and wait, reading the terminal, until it says ``then``."""
    (signals / name).touch()
    if then is None:
        return
    end = time.monotonic() + timeout
    while not (signals / then).exists():
        assert time.monotonic() < end, f"the child did not say {then!r}"
        term.pump(0.05)


def finish(term: Terminal) -> int:
    term.child.expect(pexpect.EOF, timeout=20)
    term.child.close()
    return term.child.exitstatus


@pytest.fixture
def signals(tmp_path: Path) -> Path:
    folder = tmp_path / "signals"
    folder.mkdir()
    return folder


def test_what_c_libraries_write_goes_to_the_log_not_the_screen(isolated_data_dir: Path, signals: Path):
    term = start(isolated_data_dir, signals)
    try:
        term.wait_for("packs ticked", timeout=60)
        signal(term, signals, "write", then="written")
        assert "ALSA" not in term.settle(quiet=1.0)
        assert PLANTED not in received(term) and b"complains" not in received(term)
        term.press("ctrl+q")
        assert finish(term) == 0
    finally:
        if term.child.isalive():
            term.child.terminate(force=True)
    after = received(term).decode(errors="replace")
    assert "descriptor 2 is back" in after and "echo True, line editing True" in after
    assert "underrun" not in after
    log = isolated_data_dir / "messages.log"
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    text = log.read_text()
    assert "mock-interview started" in text
    assert "ALSA lib pcm.c:8570:(snd_pcm_recover) underrun occurred" in text and "a child process complains" in text


def test_a_crash_still_prints_its_traceback_and_the_logs_path(isolated_data_dir: Path, signals: Path):
    term = start(isolated_data_dir, signals)
    try:
        term.wait_for("packs ticked", timeout=60)
        signal(term, signals, "write", then="written")
        signal(term, signals, "crash")
        assert finish(term) == 1
    finally:
        if term.child.isalive():
            term.child.terminate(force=True)
    after = " ".join(received(term).decode(errors="replace").split())
    log = isolated_data_dir / "messages.log"
    assert "a planted failure in an event handler" in after
    assert f"the app stopped on an error; what the libraries wrote while it ran is in {log}" in after
    assert "descriptor 2 is back" in after and "echo True, line editing True" in after
    assert "underrun" in log.read_text() and "underrun" not in after


@pytest.mark.parametrize("redirect", ["2>{err}", "2>/dev/null", ">{out} 2>{err}"])
def test_the_app_runs_with_standard_error_redirected(isolated_data_dir: Path, signals: Path, tmp_path: Path, redirect):
    err, out = tmp_path / "stderr.txt", tmp_path / "stdout.txt"
    term = start(isolated_data_dir, signals, redirect.format(err=shlex.quote(str(err)), out=shlex.quote(str(out))))
    try:
        term.wait_for("packs ticked", timeout=60)  # drawn on standard output, or on /dev/tty
        signal(term, signals, "write", then="written")
        assert "ALSA" not in term.settle(quiet=1.0)
        term.press("ctrl+q")
        assert finish(term) == 0
    finally:
        if term.child.isalive():
            term.child.terminate(force=True)
    assert PLANTED not in received(term)
    log = isolated_data_dir / "messages.log"
    assert "underrun occurred" in log.read_text()
    if "{err}" in redirect:
        said = err.read_text()
        assert "the app drew on the terminal, as standard error is not one" in said
        assert f"what the libraries wrote while it ran is in {log}" in said
        assert "descriptor 2 is back" in said and "underrun" not in said
    if "{out}" in redirect:
        assert out.read_text() == "echo True, line editing True\n"  # the app drew nothing there


def test_a_crash_with_standard_error_in_a_file_says_where_its_message_went(
    isolated_data_dir: Path, signals: Path, tmp_path: Path
):
    stderr = tmp_path / "stderr.txt"
    term = start(isolated_data_dir, signals, f"2>{shlex.quote(str(stderr))}")
    try:
        term.wait_for("packs ticked", timeout=60)
        signal(term, signals, "write", then="written")
        signal(term, signals, "crash")
        assert finish(term) == 1
    finally:
        if term.child.isalive():
            term.child.terminate(force=True)
    after = " ".join(received(term).decode(errors="replace").split())
    assert f"the app stopped on an error; its message went to standard error ({stderr})" in after
    assert "a planted failure in an event handler" in stderr.read_text()
