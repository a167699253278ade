"""Issue 11, "Command line": the CLI as a new user meets it.

Unknown profiles are named, the app refuses to start without a terminal, tables keep ids whole,
prompts check each answer as it is given and stop cleanly at end of input, and ``./run`` says
what it is doing while it sets up. Each test failed before its fix.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.cli_runner import run_cli as run
from tests.hostile import write_session

SESSION_IDS = ["20261126-093000-a1b2", "20261126-093000-a1b3", "20261127-101500-ffee"]


def cli(*argv: str, data: Path, stdin: str = "", timeout: float = 30) -> subprocess.CompletedProcess[str]:
    """The real command in a child process, its standard input a pipe (no terminal)."""
    env = dict(os.environ, MOCK_INTERVIEW_DATA_DIR=str(data))
    return subprocess.run(
        [sys.executable, "-m", "mock_interview", *argv],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
    )


# -- practice ------------------------------------------------------------------------------------


def test_practice_with_an_unknown_profile_names_it_and_lists_the_profiles(isolated_data_dir: Path, capsys):
    run(capsys, "profiles", "new", "acme", "--company", "Acme", "--role", "PM")
    began = time.monotonic()
    result = cli("practice", "--pack", "career-goals", "--profile", "nope", data=isolated_data_dir)
    elapsed = time.monotonic() - began
    assert result.returncode == 1 and "nope" in result.stderr and "acme" in result.stderr
    assert elapsed < 20, "it must fail at once, not open the app"  # generous: the machine is shared
    assert not list((isolated_data_dir / "sessions").glob("*.toml"))


@pytest.mark.parametrize("argv", [("practice", "--pack", "career-goals"), ()])
def test_without_a_terminal_the_app_refuses_to_start_and_leaves_no_session(isolated_data_dir: Path, argv):
    began = time.monotonic()
    result = cli(*argv, data=isolated_data_dir)
    assert time.monotonic() - began < 20
    assert result.returncode == 1
    assert result.stderr.strip() == "mock-interview needs a terminal; for scripts use score/transcribe"
    assert not list((isolated_data_dir / "sessions").glob("*.toml"))


# -- tables keep ids whole -----------------------------------------------------------------------


@pytest.fixture
def three_sessions(isolated_data_dir: Path) -> list[str]:
    for session_id in SESSION_IDS:
        write_session(isolated_data_dir / "sessions", session_id)
    return SESSION_IDS


def test_sessions_list_piped_is_plain_and_keeps_ids_whole(capsys, three_sessions):
    code, out, _ = run(capsys, "sessions", "list")
    assert code == 0 and "│" not in out and "…" not in out
    for session_id in three_sessions:
        assert session_id in out
    assert out.splitlines()[0].split()[:2] == ["id", "started"]


@pytest.mark.parametrize("columns", [200, 80, 60])
def test_sessions_and_packs_on_a_terminal_keep_ids_whole_at_any_width(capsys, three_sessions, monkeypatch, columns):
    monkeypatch.setattr("mock_interview.cli.output.is_terminal", lambda: True)
    monkeypatch.setenv("COLUMNS", str(columns))
    for argv, ids in (
        (("sessions", "list"), three_sessions),
        (("packs", "list"), ("industry-nonprofit-public", "career-goals", "behavioral-star")),
    ):
        code, out, _ = run(capsys, *argv)
        plain = re.sub(r"\x1b\[[0-9;]*m", "", out)  # Rich's colours
        assert code == 0 and "…" not in plain
        for whole in ids:
            assert re.search(rf"(^|\s){re.escape(whole)}(\s|$)", plain, re.MULTILINE), whole
        assert all(len(line) <= columns for line in plain.splitlines())
        if columns == 200:
            assert "━" in plain or "─" in plain  # wide enough: a table


def test_packs_list_piped_keeps_every_id(capsys):
    code, out, _ = run(capsys, "packs", "list")
    ids = [line.split()[0] for line in out.splitlines()[1:]]
    assert "industry-nonprofit-public" in ids and len(ids) >= 12


# -- profiles new: prompts -----------------------------------------------------------------------


class _Keyboard(io.StringIO):
    """Standard input that says it is a terminal, for the interactive prompts."""

    def isatty(self) -> bool:
        return True


def _type(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", _Keyboard(text))


def test_profiles_new_checks_each_answer_when_it_is_given(capsys, monkeypatch, isolated_data_dir: Path):
    _type(monkeypatch, "Acme\nAnalyst\nfintech\nfinance\njunior\nentry\nHonest money\nIntegrity, Care\n")
    code, out, err = run(capsys, "profiles", "new", "acme")
    assert code == 0 and "saved" in out
    assert out.index("'fintech' is not one of") < out.index("Career stage")  # rejected at once, asked again
    assert "'junior' is not one of" in out
    text = (isolated_data_dir / "profiles" / "acme.toml").read_text("utf-8")
    assert 'industry = "finance"' in text and 'career_stage = "entry"' in text and '"Care"' in text


def test_profiles_new_ends_cleanly_on_end_of_input(capsys, monkeypatch, isolated_data_dir: Path):
    _type(monkeypatch, "Acme\n")  # then ctrl+d at "Role title"
    code, out, err = run(capsys, "profiles", "new", "foo")
    assert code == 1 and "Traceback" not in err and "EOFError" not in err
    assert "no profile saved" in err and "Role title" in err
    assert not (isolated_data_dir / "profiles" / "foo.toml").exists()


def test_a_required_answer_is_asked_again_when_empty(capsys, monkeypatch, isolated_data_dir: Path):
    _type(monkeypatch, "\n  \nAcme\nPM\n\n\n\n\n")
    code, out, _ = run(capsys, "profiles", "new", "acme")
    assert code == 0 and out.count("required: type a value") == 2
    text = (isolated_data_dir / "profiles" / "acme.toml").read_text("utf-8")
    assert 'industry = "other"' in text and 'career_stage = "mid"' in text


def test_profiles_new_without_force_never_replaces_one_created_meanwhile(capsys, isolated_data_dir: Path, monkeypatch):
    from mock_interview.core.profiles import Profile, ProfileStore

    store = ProfileStore(isolated_data_dir / "profiles")
    store.save(Profile(name="same", company="First", role="R"), overwrite=False)
    with pytest.raises(FileExistsError):
        store.save(Profile(name="same", company="Second", role="R"), overwrite=False)
    assert store.load("same").company == "First"


# -- ./run says what it is doing ----------------------------------------------------------------


def test_run_script_reports_each_setup_step(tmp_path: Path, repo_root: Path):
    """``./run`` on a fresh checkout: a fake python3 makes the install instant; every step is announced."""
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    shutil.copy(repo_root / "run", checkout / "run")
    (checkout / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake_python = bin_dir / "python3"
    fake_python.write_text(
        "#!/bin/sh\n"
        "# python3 -m venv DIR: make DIR/bin/pip and DIR/bin/mock-interview\n"
        'venv="$3"; mkdir -p "$venv/bin"\n'
        'printf "#!/bin/sh\\nexit 0\\n" > "$venv/bin/pip"\n'
        'printf "#!/bin/sh\\necho app-started \\"\\$@\\"\\n" > "$venv/bin/mock-interview"\n'
        'chmod +x "$venv/bin/pip" "$venv/bin/mock-interview"\n',
        encoding="utf-8",
    )
    fake_python.chmod(0o755)
    env = dict(os.environ, PATH=f"{bin_dir}:{os.environ['PATH']}")
    first = subprocess.run([str(checkout / "run"), "doctor"], capture_output=True, text=True, env=env, timeout=60)
    assert first.returncode == 0 and first.stdout.strip() == "app-started doctor"
    for step in (
        "first run",
        "creating the virtual environment",
        "updating pip",
        "installing mock-interview",
        "done in",
    ):
        assert step in first.stderr
    again = subprocess.run([str(checkout / "run"), "doctor"], capture_output=True, text=True, env=env, timeout=60)
    assert again.stdout.strip() == "app-started doctor" and again.stderr == ""  # set up already: silent
