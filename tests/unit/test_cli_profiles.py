"""``profiles new`` asks for the job description (paragraphs, ended by a lone dot or ctrl+d), and not when
it is given as a file."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from mock_interview.core.profiles import ProfileStore
from tests.cli_runner import run_cli as run


class _Keyboard(io.StringIO):
    """Standard input that says it is a terminal, for the interactive prompts."""

    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (
            "First paragraph of the role.\n\nSecond paragraph: SQL, Power BI.\n.\n",
            "First paragraph of the role.\n\nSecond paragraph: SQL, Power BI.",
        ),
        ("Ended with ctrl+d.\n", "Ended with ctrl+d."),  # end of input after the text
        ("\n", ""),  # Enter on an empty first line skips it
    ],
)
def test_profiles_new_asks_for_the_job_description(capsys, monkeypatch, isolated_data_dir: Path, typed, expected):
    """The prompts asked for company, role, industry, stage, mission and values, and never the job description."""
    monkeypatch.setattr(sys, "stdin", _Keyboard("Acme\nAnalyst\n\n\n\n\n" + typed))
    code, out, err = run(capsys, "profiles", "new", "acme")
    assert code == 0, err
    prompt = out[out.index("Job description") :].splitlines()[0]  # (typed answers are not echoed here)
    assert "ctrl+d" in prompt and "skips" in prompt  # it says how to end it and how to leave it out
    assert ProfileStore(isolated_data_dir / "profiles").load("acme").job_description == expected


def test_profiles_new_does_not_ask_for_a_job_description_given_as_a_file(
    capsys, monkeypatch, tmp_path: Path, isolated_data_dir: Path
):
    description = tmp_path / "jd.txt"
    description.write_text("From the file.", encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", _Keyboard("Acme\nAnalyst\n\n\n\n\n"))
    code, out, _ = run(capsys, "profiles", "new", "acme", "--job-description-file", str(description))
    assert code == 0 and "Job description" not in out
    assert ProfileStore(isolated_data_dir / "profiles").load("acme").job_description == "From the file."
