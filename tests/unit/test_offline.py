"""Nothing leaves the machine: telemetry opt-outs on every entry point, downloads that stay in the data folder."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from mock_interview.offline import OFFLINE_ENVIRONMENT
from mock_interview.transcription import models
from tests.cli_runner import run_cli as run

ENTRY_POINTS = [
    ["-c", "import mock_interview.cli.main, os, json; print(json.dumps(dict(os.environ)))"],
    ["-c", "import mock_interview.tui.app, os, json; print(json.dumps(dict(os.environ)))"],
    ["-c", "import mock_interview.transcription.vad, os, json; print(json.dumps(dict(os.environ)))"],
]


@pytest.mark.parametrize("argv", ENTRY_POINTS, ids=["cli", "app", "speech"])
def test_every_entry_point_switches_telemetry_off_even_when_the_shell_says_otherwise(argv: list[str]):
    import json

    env = {**os.environ, **{name: "0" for name, _value, _what in OFFLINE_ENVIRONMENT}}
    out = subprocess.run([sys.executable, *argv], env=env, capture_output=True, text=True, check=True).stdout
    seen = json.loads(out)
    assert {name: seen.get(name) for name, _v, _w in OFFLINE_ENVIRONMENT} == {
        name: value for name, value, _what in OFFLINE_ENVIRONMENT
    }


def test_doctor_says_what_it_checked(capsys):
    _, out, _ = run(capsys, "doctor")
    line = next(line for line in out.splitlines() if "offline" in line)
    assert line.startswith("[ok]") and all(f"{name}=1" in line for name, _v, _w in OFFLINE_ENVIRONMENT)


def test_a_download_keeps_the_hub_caches_inside_its_staging_folder(isolated_data_dir: Path, monkeypatch):
    import huggingface_hub.constants as hub  # already imported: its paths must be redirected too

    seen: dict[str, str] = {}

    def fake_download(name: str, output_dir: str, cache_dir: str | None = None, **kwargs: object) -> str:
        seen.update(HF_HOME=os.environ["HF_HOME"], xet=hub.HF_XET_CACHE, hub=hub.HF_HUB_CACHE, cache_dir=str(cache_dir))
        for file in ("model.bin", "config.json"):
            Path(output_dir, file).write_text("x", encoding="utf-8")
        Path(seen["xet"]).mkdir(parents=True)  # what the client leaves behind
        return output_dir

    import faster_whisper.utils

    monkeypatch.setattr(faster_whisper.utils, "download_model", fake_download)
    before = (os.environ.get("HF_HOME"), hub.HF_XET_CACHE)
    target = models.download("base.en", isolated_data_dir / "models")
    models_dir = str(isolated_data_dir / "models")
    assert all(value.startswith(models_dir + os.sep) for value in seen.values()), seen
    assert sorted(p.name for p in target.iterdir()) == ["config.json", "model.bin"]  # the caches are gone
    assert (os.environ.get("HF_HOME"), hub.HF_XET_CACHE) == before


def test_stale_staging_folders_go_and_live_ones_stay(isolated_data_dir: Path, capsys):
    models_dir = isolated_data_dir / "models"
    models_dir.mkdir(parents=True)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = models_dir / f".base.en{models.STAGING_MARK}{dead.pid}-abc"
    live = models_dir / f".small.en{models.STAGING_MARK}{os.getpid()}-def"
    older = models_dir / ".tiny.partial-xyz"  # an older release's name, with no process id
    for folder in (stale, live, older):
        (folder / "sub").mkdir(parents=True)
    code, out, err = run(capsys, "models", "list")
    assert code == 0
    assert not stale.exists() and not older.exists() and live.exists()
    assert f"removed {stale.name}" in err and "small.en" not in out


def test_ctrl_c_stops_a_download_at_once_and_removes_its_staging_folder(tmp_path: Path):
    models_dir = tmp_path / "models"
    script = textwrap.dedent(f"""
        import sys, time
        from pathlib import Path
        from mock_interview.transcription.models import download

        def endless(name, staging):
            (staging / "model.bin.incomplete").write_text("x")
            print("fetching", flush=True)
            while True:
                time.sleep(0.01)  # a worker thread, as the Hugging Face client uses

        try:
            download("base.en", Path({str(models_dir)!r}), fetch=endless)
        except KeyboardInterrupt:
            print("stopped", flush=True)
            sys.exit(130)
    """)
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "fetching"
    sent = time.monotonic()
    child.send_signal(signal.SIGINT)
    out, _ = child.communicate(timeout=20)
    assert child.returncode == 130 and "stopped" in out
    assert time.monotonic() - sent < 2.0
    assert list(models_dir.iterdir()) == []
