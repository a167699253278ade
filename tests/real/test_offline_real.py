"""Nothing leaves the machine: the real commands and a spoken round in the app, traced with strace.

Each runs with HOME, the XDG folders and TMPDIR inside the test's temporary folder, and must try no
internet connection (onnxruntime's telemetry starts with a DNS lookup about 9 s after it loads,
so each run lasts longer than that) and write nothing outside the data folder and that temporary
folder (onnxruntime writes its device id under ``~/.cache/Microsoft`` as soon as it loads).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import need
from tests.real.conftest import SPOKEN_ANSWER, espeak_to_wav, play_into, wait_for_line
from tests.speech_samples import ANSWER_90
from tests.syscalls import Trace, have_strace, read_trace, strace_command
from tests.terminal import Terminal

pytestmark = pytest.mark.real


@pytest.fixture
def sandbox(tmp_path: Path) -> dict[str, Path]:
    """A home, a temporary folder and a data folder, all inside the test's own folder."""
    need(have_strace(), "strace is not installed or may not trace here (apt-get install strace)")
    places = {name: tmp_path / name for name in ("home", "tmp", "data", "work")}
    for place in places.values():
        place.mkdir()
    return places


def sandbox_env(places: dict[str, Path]) -> dict[str, str]:
    home = places["home"]
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_STATE_HOME": str(home / ".local" / "state"),
        "TMPDIR": str(places["tmp"]),
        "MOCK_INTERVIEW_DATA_DIR": str(places["data"]),
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    cookie = os.environ.get("PULSE_COOKIE")
    if cookie and Path(cookie).is_file():  # the audio client opens its cookie for writing: use a copy
        copy = places["tmp"] / "pulse-cookie"
        copy.write_bytes(Path(cookie).read_bytes())
        env["PULSE_COOKIE"] = str(copy)
    for inherited in ("ORT_DISABLE_TELEMETRY", "HF_HUB_DISABLE_TELEMETRY", "DO_NOT_TRACK"):
        env.pop(inherited, None)  # the app must set them itself
    return env


def assert_stayed_home(trace: Trace, places: dict[str, Path], tmp_path: Path) -> None:
    assert trace.connections == [], "internet connections were tried:\n" + "\n".join(trace.connections[:5])
    outside = trace.written_outside(places["data"], tmp_path)
    assert outside == [], f"written outside the data and temporary folders: {outside[:10]}"
    home_files = [p for p in places["home"].rglob("*") if p.is_file()]
    assert home_files == [], f"files appeared in HOME: {home_files[:10]}"


def _saved_words(data: Path, word: str) -> bool:
    """Whether a session file under ``data`` holds ``word`` (the transcript has been saved)."""
    return any(
        word in p.read_text(encoding="utf-8", errors="replace").lower() for p in (data / "sessions").glob("*.toml")
    )


def test_the_trace_sees_a_connection_and_a_write_outside(tmp_path: Path, sandbox: dict[str, Path]):
    """The check itself can fail: a process that does both is caught."""
    trace_file = tmp_path / "trace.txt"
    script = (
        "import os, socket; open(os.path.join(os.environ['HOME'], 'id'), 'w').write('x'); "
        "s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.connect(('10.255.255.1', 53))"
    )
    subprocess.run(
        [*strace_command(trace_file), sys.executable, "-c", script],
        env=sandbox_env(sandbox),
        cwd=sandbox["work"],
        check=True,
        timeout=60,
    )
    trace = read_trace(trace_file)
    assert trace.connections and str(sandbox["home"] / "id") in trace.written_outside(sandbox["data"])


def test_transcribe_tries_no_connection_and_writes_nothing_outside(tmp_path: Path, sandbox: dict[str, Path]):
    wav = espeak_to_wav(ANSWER_90, tmp_path / "long.wav")  # about 90 s: the run outlasts telemetry's first send
    trace_file = tmp_path / "trace.txt"
    result = subprocess.run(
        [*strace_command(trace_file), sys.executable, "-m", "mock_interview", "transcribe", str(wav)],
        env=sandbox_env(sandbox),
        cwd=sandbox["work"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    assert "nursing" in result.stdout.lower(), result.stdout
    assert_stayed_home(read_trace(trace_file), sandbox, tmp_path)


def test_record_and_transcribe_tries_no_connection_and_writes_nothing_outside(
    tmp_path: Path, sandbox: dict[str, Path], null_sink
):
    speech = espeak_to_wav(SPOKEN_ANSWER, tmp_path / "speech.wav")
    out = sandbox["data"] / "answer.wav"
    trace_file = tmp_path / "trace.txt"
    recorder = subprocess.Popen(
        [
            *strace_command(trace_file),
            sys.executable,
            "-m",
            "mock_interview",
            "record",
            str(out),
            "--seconds",
            "14",
            "--transcribe",
        ],
        env=sandbox_env(sandbox),
        cwd=sandbox["work"],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    # Play once the command says it records (the model loads first: seconds on a busy machine)
    said = wait_for_line(recorder, "recording from", timeout=120)
    player = play_into(null_sink, speech)
    stdout, stderr = recorder.communicate(timeout=180)
    player.wait(timeout=30)
    assert recorder.returncode == 0, said + stderr
    assert "team" in stdout.lower(), stdout  # it did record and transcribe the speech
    assert_stayed_home(read_trace(trace_file), sandbox, tmp_path)


def test_a_spoken_round_in_the_app_tries_no_connection_and_writes_nothing_outside(
    tmp_path: Path, sandbox: dict[str, Path], null_sink
):
    speech = espeak_to_wav(SPOKEN_ANSWER, tmp_path / "speech.wav")
    trace_file = tmp_path / "trace.txt"
    env = {**sandbox_env(sandbox), "TERM": "xterm-256color"}
    env.pop("TEXTUAL", None)
    term = Terminal(
        [
            *strace_command(trace_file),
            sys.executable,
            "-m",
            "mock_interview",
            "practice",
            "--pack",
            "behavioral-star",
            "--count",
            "1",
            "--spoken",
        ],
        env,
        columns=120,
        rows=40,
        cwd=str(sandbox["work"]),
    )
    try:
        term.wait_for("Think time", timeout=90)
        term.settle()
        term.press("ctrl+s")  # start answering: the microphone opens once the model is loaded
        term.wait_for("Speak now", timeout=120)
        started = time.monotonic()
        player = play_into(null_sink, speech)
        while player.poll() is None:
            term.pump(0.2)
        term.pump(max(0.5, 12 - (time.monotonic() - started)))  # past onnxruntime's first send
        term.press("ctrl+s")
        # the answer is in once its transcript is saved (under load the panel may show a score of
        # the words so far before the last piece is transcribed)
        deadline = time.monotonic() + 180
        while not _saved_words(sandbox["data"], "team"):
            assert time.monotonic() < deadline, f"no transcript was saved; the screen shows:\n{term.text}"
            term.pump(0.5)
        term.wait_for("Score", timeout=60)
        term.press("ctrl+q")
        end = time.monotonic() + 30
        while term.child.isalive() and time.monotonic() < end:
            term.pump(0.2)
    finally:
        if term.child.isalive():
            term.child.terminate(force=True)
    sessions = list((sandbox["data"] / "sessions").glob("*.toml"))
    assert sessions and "team" in sessions[0].read_text(encoding="utf-8").lower()
    assert_stayed_home(read_trace(trace_file), sandbox, tmp_path)
