"""Where descriptor 2 goes while the app runs (cli/app_terminal.py) and the log it is kept in."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from mock_interview.cli.app_terminal import LOG_LIMIT_BYTES, app_terminal
from mock_interview.core.fsutil import UnsafePathError, open_private_for_appending


def test_the_log_is_created_private_and_appended_to(tmp_path: Path):
    log = tmp_path / "messages.log"
    for line in (b"first\n", b"second\n"):
        fd = open_private_for_appending(log)
        os.write(fd, line)
        os.close(fd)
    assert log.read_bytes() == b"first\nsecond\n"
    assert stat.S_IMODE(log.stat().st_mode) == 0o600


@pytest.mark.parametrize("kind", ["link", "fifo"])
def test_the_log_is_never_written_through_a_link_or_into_a_fifo(tmp_path: Path, kind: str):
    log, target = tmp_path / "messages.log", tmp_path / "elsewhere"
    if kind == "link":
        target.write_text("someone's file\n")
        log.symlink_to(target)
    else:
        os.mkfifo(log)
    with pytest.raises(UnsafePathError, match="messages.log"):
        os.close(open_private_for_appending(log))
    if kind == "link":
        assert target.read_text() == "someone's file\n"


def run_writing(log: Path, text: bytes) -> str | None:
    """Write ``text`` to descriptor 2 inside :func:`app_terminal`; what it says went wrong, if anything."""
    with app_terminal(os.open(os.devnull, os.O_WRONLY), log) as terminal:
        os.write(2, text)
        assert sys.__stderr__ is terminal.drawing
    return terminal.log_problem


def test_descriptor_2_goes_to_the_log_while_the_block_runs_and_comes_back(tmp_path: Path):
    log = tmp_path / "messages.log"
    before = os.fstat(2)
    drawing_before = sys.__stderr__
    assert run_writing(log, b"ALSA lib pcm.c:8570:(snd_pcm_recover) underrun occurred\n") is None
    after = os.fstat(2)
    assert (after.st_dev, after.st_ino) == (before.st_dev, before.st_ino)
    assert sys.__stderr__ is drawing_before
    lines = log.read_text().splitlines()
    assert "mock-interview started" in lines[0] and lines[1].endswith("underrun occurred")
    assert run_writing(log, b"the next run\n") is None
    assert log.read_text().splitlines()[-1] == "the next run"  # the earlier run is kept


def test_a_large_log_is_kept_as_the_previous_one(tmp_path: Path):
    log = tmp_path / "messages.log"
    log.write_bytes(b"x" * (LOG_LIMIT_BYTES + 1))
    run_writing(log, b"fresh\n")
    assert (tmp_path / "messages.log.1").stat().st_size == LOG_LIMIT_BYTES + 1
    assert log.read_text().splitlines()[-1] == "fresh" and log.stat().st_size < 200


def test_a_log_that_cannot_be_opened_is_named_and_the_block_still_runs(tmp_path: Path):
    log = tmp_path / "messages.log"
    log.symlink_to(tmp_path / "elsewhere")
    problem = run_writing(log, b"discarded\n")
    assert problem is not None and "messages.log" in problem and "symbolic link" in problem
    assert not (tmp_path / "elsewhere").exists()


def test_an_exception_leaving_the_app_says_where_the_messages_are(tmp_path: Path):
    log = tmp_path / "messages.log"
    with pytest.raises(RuntimeError) as raised, app_terminal(os.open(os.devnull, os.O_WRONLY), log):
        raise RuntimeError("boom")
    assert raised.value.__notes__ == [f"mock-interview: what the libraries wrote while it ran is in {log}"]


PICK = (
    "import os; from mock_interview.cli.app_terminal import open_drawing_terminal as pick; "
    "fd = pick(); print('none' if fd is None else os.ttyname(fd))"
)


@pytest.fixture
def terminals():
    """Make pseudo-terminals: each call gives a device end and its name; all are closed afterwards."""
    opened: list[int] = []

    def make() -> tuple[int, str]:
        controller, device = os.openpty()
        opened.extend((controller, device))
        return device, os.ttyname(device)

    yield make
    for fd in opened:
        os.close(fd)


@pytest.mark.parametrize("stderr_on", ["keys' terminal", "another terminal", "a file"])
def test_the_app_draws_on_the_terminal_its_keys_come_from(tmp_path: Path, terminals, stderr_on: str):
    import subprocess

    (keys, keys_name), (other, other_name) = terminals(), terminals()
    assert other_name != keys_name
    with open(tmp_path / "err", "w") as file:
        stderr = {"keys' terminal": keys, "another terminal": other, "a file": file.fileno()}[stderr_on]
        result = subprocess.run(
            [sys.executable, "-c", PICK], stdin=keys, stderr=stderr, stdout=subprocess.PIPE, text=True, check=True
        )
    assert result.stdout.strip() == keys_name  # standard output is a pipe: on 2, or on the device itself
    result = subprocess.run([sys.executable, "-c", PICK], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, text=True)
    assert result.stdout.strip() == "none"
