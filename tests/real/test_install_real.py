"""An install that fits the user, proved by installing it: ``pip install mock-interview`` into a fresh
virtual environment brings typed practice without the speech libraries, and ``score`` and a typed
round in the app work there; ``mock-interview[speech]`` brings them, and a file is transcribed.

Both environments really install the declared dependencies (from pip's configured index and its
local cache), from a copy of the checkout (a build never writes into the checkout). Slow: a minute
or two.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pexpect
import pytest

from tests.terminal import COLUMNS, ROWS, Terminal

pytestmark = pytest.mark.real

SPEECH_LIBRARIES = ("faster_whisper", "ctranslate2", "onnxruntime", "sounddevice", "soundfile", "soxr", "numpy")
ANSWER = (
    "In the next two years I want to lead a small analytics team, and in five years I want to run the data "
    "function of a company like yours, because your focus on evidence fits how I work."
)


def _source_copy(repo_root: Path, tmp_path: Path) -> Path:
    """What a wheel is built from, copied: pyproject.toml, the README, src/ and the packs."""
    copy = tmp_path / "source"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("src", "question_packs"):
        shutil.copytree(repo_root / name, copy / name, ignore=ignore)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(repo_root / name, copy / name)
    return copy


def _environment(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME")}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


def _install(tmp_path: Path, name: str, requirement: str) -> Path:
    """A fresh virtual environment holding ``requirement``; returns its bin folder."""
    venv = tmp_path / name
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    result = subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", requirement],
        capture_output=True,
        text=True,
        env=_environment(tmp_path),
        timeout=900,
    )
    assert result.returncode == 0, f"pip install {requirement} failed:\n{result.stdout}\n{result.stderr}"
    return venv / "bin"


def _importable(bin_folder: Path, modules: tuple[str, ...]) -> list[str]:
    code = f"import importlib.util; print(' '.join(m for m in {modules!r} if importlib.util.find_spec(m)))"
    result = subprocess.run([str(bin_folder / "python"), "-c", code], capture_output=True, text=True, check=True)
    return result.stdout.split()


def _site_packages_bytes(bin_folder: Path) -> int:
    return sum(f.stat().st_size for f in (bin_folder.parent / "lib").rglob("*") if f.is_file())


def _run(bin_folder: Path, tmp_path: Path, *argv: str, data: Path) -> subprocess.CompletedProcess[str]:
    env = _environment(tmp_path) | {"MOCK_INTERVIEW_DATA_DIR": str(data)}
    return subprocess.run(
        [str(bin_folder / "mock-interview"), *argv], capture_output=True, text=True, env=env, timeout=300
    )


def _typed_round(bin_folder: Path, tmp_path: Path, data: Path) -> None:
    env = _environment(tmp_path) | {
        "MOCK_INTERVIEW_DATA_DIR": str(data),
        "TERM": "xterm-256color",
        "COLUMNS": str(COLUMNS),
        "LINES": str(ROWS),
    }
    argv = [str(bin_folder / "mock-interview"), "practice", "--pack", "career-goals", "--count", "1", "--typed"]
    term = Terminal(argv, env)
    try:
        term.wait_for("Question 1 of 1", timeout=60)
        deadline = time.monotonic() + 60
        while "Answer: ctrl+s to submit" not in term.flat():
            assert time.monotonic() < deadline, f"no answer box; the screen shows:\n{term.text}"
            if "Think time" in term.flat():
                term.press("ctrl+s")
            term.pump(0.2)
        term.type(ANSWER)
        term.press("ctrl+s")
        term.wait_for("Score", timeout=60)
        term.press("ctrl+q")
        term.child.expect(pexpect.EOF, timeout=30)
    finally:
        if term.child.isalive():
            term.child.terminate(force=True)
    sessions = list((data / "sessions").glob("*.toml"))
    assert len(sessions) == 1, sessions
    answers = tomllib.loads(sessions[0].read_text("utf-8"))["answers"]
    assert answers[0]["text"] == ANSWER and answers[0]["source"] == "typed"


def test_typed_practice_installs_without_speech_and_the_extra_brings_it(repo_root: Path, tmp_path: Path):
    source = _source_copy(repo_root, tmp_path)

    typed = _install(tmp_path, "typed", str(source))
    assert _importable(typed, SPEECH_LIBRARIES) == []
    data = tmp_path / "data"
    answer = tmp_path / "answer.txt"
    answer.write_text(ANSWER, "utf-8")
    scored = _run(
        typed, tmp_path, "score", str(answer), "--question", "Where do you see yourself in five years?", data=data
    )
    assert scored.returncode == 0 and "Score" in scored.stdout, scored.stderr
    doctor = _run(typed, tmp_path, "doctor", data=data)
    assert "[!!] speech: typed answers only" in doctor.stdout and "mock-interview[speech]" in doctor.stdout
    spoken = _run(typed, tmp_path, "transcribe", str(repo_root / "tests" / "data" / "jfk-16k.wav"), data=data)
    assert spoken.returncode == 1 and spoken.stderr.count("\n") == 1 and "mock-interview[speech]" in spoken.stderr
    _typed_round(typed, tmp_path, data)

    speech = _install(tmp_path, "speech", f"{source}[speech]")
    assert _importable(speech, SPEECH_LIBRARIES) == list(SPEECH_LIBRARIES)
    heard = _run(speech, tmp_path, "transcribe", str(repo_root / "tests" / "data" / "jfk-16k.wav"), data=data)
    assert heard.returncode == 0 and "ask not what your country" in heard.stdout.lower(), heard.stderr
    typed_size, speech_size = _site_packages_bytes(typed), _site_packages_bytes(speech)
    print(f"site-packages: typed only {typed_size / 1e6:.0f} MB, with speech {speech_size / 1e6:.0f} MB")
    assert speech_size > typed_size + 100e6  # the speech libraries are most of the weight
