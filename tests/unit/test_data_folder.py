"""The data folder is the one the user chose, else the platform's; a checkout's ``recordings/`` only
in a checkout; and commands that only read never create it."""

from __future__ import annotations

from pathlib import Path

import pytest

from mock_interview.core.datadir import DATA_DIR_ENV, is_checkout, resolve_data_dir
from tests.cli_runner import run_cli

ANSWER = "In five years I want to lead a data team of six, after two years as a senior analyst."
# Every command that only reads: none of them may create the data folder (or the platform's default one).
READ_ONLY = [
    ("packs", "list"),
    ("packs", "show", "career-goals"),
    ("packs", "validate", "{packs}"),
    ("profiles", "list"),
    ("profiles", "show", "nobody"),
    ("sessions", "list"),
    ("sessions", "show", "20250101-100000-aaaa"),
    ("sessions", "export", "20250101-100000-aaaa"),
    ("score", "{answer}", "--question", "Where do you see yourself in five years?"),
    ("score", "{answer}", "--question", "Why?", "--profile", "nobody"),
    ("due",),
    ("due", "--json"),
    ("debrief", "list"),
    ("debrief", "show", "2025-01-31-acme"),
    ("doctor",),
    ("models", "list"),
    ("transcribe", "{missing_wav}"),
]


def _argv(command: tuple[str, ...], tmp_path: Path, repo_root: Path) -> list[str]:
    answer = tmp_path / "answer.txt"
    answer.write_text(ANSWER, "utf-8")
    fills = {
        "{answer}": str(answer),
        "{packs}": str(repo_root / "question_packs"),
        "{missing_wav}": str(tmp_path / "missing.wav"),
    }
    return [fills.get(part, part) for part in command]


@pytest.mark.parametrize("command", READ_ONLY, ids=[" ".join(c) for c in READ_ONLY])
def test_a_command_that_only_reads_creates_no_data_folder(
    command: tuple[str, ...], capsys, tmp_path: Path, repo_root: Path, isolated_data_dir: Path, monkeypatch
):
    chosen = isolated_data_dir  # MOCK_INTERVIEW_DATA_DIR: not there yet
    platform_default = tmp_path / "home" / ".local" / "share" / "mock-interview"
    _, _, err = run_cli(capsys, *_argv(command, tmp_path, repo_root))
    assert not chosen.exists()
    assert "pack skipped" not in err  # a folder not created yet holds no packs: nothing to warn about
    monkeypatch.delenv(DATA_DIR_ENV)
    monkeypatch.chdir(tmp_path)
    run_cli(capsys, *_argv(command, tmp_path, repo_root))
    assert not platform_default.exists() and not (tmp_path / "recordings").exists()


def test_score_works_without_a_data_folder(capsys, tmp_path: Path, isolated_data_dir: Path):
    answer = tmp_path / "answer.txt"
    answer.write_text(ANSWER, "utf-8")
    code, out, _ = run_cli(capsys, "score", str(answer), "--question", "Where do you see yourself in five years?")
    assert code == 0 and "Score" in out and not isolated_data_dir.exists()


def test_doctor_says_the_folder_is_not_created_yet(capsys, isolated_data_dir: Path):
    _, out, _ = run_cli(capsys, "doctor")
    assert f"[ok] data directory: {isolated_data_dir} (not created yet" in out
    assert not isolated_data_dir.exists()


def test_a_command_that_writes_creates_the_folder_private(capsys, isolated_data_dir: Path):
    code, _, err = run_cli(capsys, "profiles", "new", "acme", "--company", "Acme", "--role", "PM")
    assert code == 0, err
    assert (isolated_data_dir / "profiles" / "acme.toml").is_file()
    assert isolated_data_dir.stat().st_mode & 0o777 == 0o700


def test_a_recordings_folder_outside_a_checkout_is_not_taken_for_the_data_folder(tmp_path: Path):
    somewhere = tmp_path / "project-of-mine"
    (somewhere / "recordings").mkdir(parents=True)  # the user's own recordings: not ours
    (somewhere / "pyproject.toml").write_text('[project]\nname = "my-podcast"\n', "utf-8")
    chosen = resolve_data_dir(environ={}, cwd=somewhere).root
    assert chosen != (somewhere / "recordings").resolve()
    assert chosen.name == "mock-interview"  # the platform's user data folder


def test_a_checkout_of_this_project_keeps_its_data_in_recordings(repo_root: Path):
    assert is_checkout(repo_root)
    assert resolve_data_dir(environ={}, cwd=repo_root).root == (repo_root / "recordings").resolve()
    assert resolve_data_dir(environ={DATA_DIR_ENV: "/elsewhere"}, cwd=repo_root).root == Path("/elsewhere")


@pytest.mark.parametrize(
    "pyproject", ['[project]\nname = "mock-interview"\n', "[project", None], ids=["no package", "bad toml", "no file"]
)
def test_only_a_real_checkout_counts(tmp_path: Path, pyproject: str | None):
    if pyproject is not None:
        (tmp_path / "pyproject.toml").write_text(pyproject, "utf-8")
    if pyproject == "[project":
        (tmp_path / "src" / "mock_interview").mkdir(parents=True)
        (tmp_path / "src" / "mock_interview" / "__init__.py").write_text("", "utf-8")
    assert not is_checkout(tmp_path)
