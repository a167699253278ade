"""``record`` stopped by a signal, as a service manager or a closed terminal stops it: the WAV is complete.

The file is read with the standard library's ``wave``, which trusts the header (libsndfile would
recover a header that says 0 frames; other programs do not).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import wave
from pathlib import Path

import pytest

pytestmark = pytest.mark.real


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP"])
def test_record_stopped_by_a_signal_finishes_its_file(name: str, null_sink, tmp_path: Path):
    out = tmp_path / "answer.wav"
    env = {**os.environ, "MOCK_INTERVIEW_DATA_DIR": str(tmp_path / "data"), "PYTHONDONTWRITEBYTECODE": "1"}
    recorder = subprocess.Popen(
        [sys.executable, "-m", "mock_interview", "record", str(out)],
        env=env,
        stdin=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert recorder.stderr is not None
        line = recorder.stderr.readline()  # printed once audio flows
        assert line.startswith("recording from"), line
        time.sleep(1.5)
        recorder.send_signal(getattr(signal, name))
        recorder.wait(timeout=10)
    finally:
        if recorder.poll() is None:
            recorder.kill()
    rest = recorder.stderr.read() if recorder.stderr else ""
    assert recorder.returncode == 0, rest
    assert "recorded" in rest and "Traceback" not in rest
    with wave.open(str(out)) as wav:
        frames = wav.getnframes()
    assert frames >= 16000  # at least the second and a half said before the signal (less the start-up)
    assert out.stat().st_size == 44 + 2 * frames  # the header says exactly what is there
