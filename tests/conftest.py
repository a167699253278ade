"""Shared fixtures: every test gets its own data directory, never the checkout or the home folder."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

REQUIRE_REAL_ENV = "MOCK_INTERVIEW_REQUIRE_REAL"

# Hypothesis keeps a cache in ./.hypothesis by default: tests never write into the checkout.
os.environ.setdefault("HYPOTHESIS_STORAGE_DIRECTORY", os.path.join(tempfile.gettempdir(), "mock-interview-hypothesis"))


def pytest_configure(config: pytest.Config) -> None:
    """A failed snapshot's HTML report goes to the temporary folder, not into the checkout."""
    if getattr(config.option, "snapshot_report", None) == "snapshot_report.html":  # the plugin's default
        config.option.snapshot_report = os.path.join(tempfile.gettempdir(), "mock-interview-snapshot-report.html")


def need(condition: bool, reason: str) -> None:
    """Skip the test with ``reason`` when ``condition`` is false; fail instead in CI.

    CI sets ``MOCK_INTERVIEW_REQUIRE_REAL=1`` so that the tests of real components (audio server,
    espeak-ng, the model) cannot silently stop running there.
    """
    if condition:
        return
    if os.environ.get(REQUIRE_REAL_ENV) == "1":
        pytest.fail(f"{reason} ({REQUIRE_REAL_ENV}=1, so this cannot be skipped)")
    pytest.skip(reason)


def _keep_audio_server_reachable() -> None:
    """Tests move HOME to a temporary folder; PulseAudio clients find the server through HOME.

    So, once per run and before HOME moves, name the running server and its cookie explicitly.
    """
    import shutil
    import subprocess

    if os.environ.get("PULSE_SERVER") or not shutil.which("pactl"):
        return
    try:
        info = subprocess.run(["pactl", "info"], capture_output=True, text=True, timeout=5)
    except (OSError, subprocess.TimeoutExpired):
        return
    for line in info.stdout.splitlines():
        if line.startswith("Server String:"):
            server = line.split(":", 1)[1].strip()
            os.environ["PULSE_SERVER"] = server if server.startswith(("unix:", "tcp:")) else f"unix:{server}"
    cookie = Path.home() / ".config" / "pulse" / "cookie"
    if cookie.exists():
        os.environ.setdefault("PULSE_COOKIE", str(cookie))


_keep_audio_server_reachable()


@pytest.fixture(autouse=True)
def isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the data directory and HOME at a temporary folder for every test."""
    data = tmp_path / "data"
    monkeypatch.setenv("MOCK_INTERVIEW_DATA_DIR", str(data))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home" / ".local" / "share"))
    return data


@pytest.fixture(autouse=True)
def no_fake_microphone_outlives_its_test() -> Iterator[None]:
    """Stop the fake microphones a test left playing (quitting the app does not wait for them)."""
    yield
    fakes = sys.modules.get("tests.fakes")  # not imported: no fake was started (and numpy may be absent)
    if fakes is not None:
        fakes.stop_running_recorders()


@pytest.fixture
def repo_root() -> Path:
    """The checkout's root folder."""
    return Path(__file__).resolve().parent.parent
