"""The command line run in-process, as a test reads it: exit status, standard output, standard error."""

from __future__ import annotations

import pytest

from mock_interview.cli.main import main


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run ``mock-interview ARGV…``; returns (exit status, what it printed, what it printed to stderr)."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err
