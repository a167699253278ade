"""Recording when the machine misbehaves: a full disk, a device that goes silent, an audio server that hangs.

The real recorder over a stand-in ``sounddevice`` (tests/fake_sounddevice.py) and the real WAV
writer; the real audio server is in tests/real/test_devices_real.py.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
import threading
import time
import wave
from pathlib import Path

import numpy as np
import pytest

from mock_interview.audio import deadlines, recorder
from mock_interview.audio.deadlines import AudioServerNotAnswering, within
from mock_interview.audio.recorder import Recorder
from mock_interview.audio.wavfile import IncrementalWav, read_wav
from mock_interview.core.fsutil import WriteFailed
from tests import fake_sounddevice
from tests.cli_runner import run_cli
from tests.faults import FullDisk


def frames_in_header(path: Path) -> int:
    """What the WAV header says, read by the standard library (which trusts it, unlike libsndfile)."""
    with wave.open(str(path)) as wav:
        return wav.getnframes()


@pytest.fixture
def device(monkeypatch):
    fake = fake_sounddevice.install(monkeypatch)
    monkeypatch.setattr(deadlines, "OPEN_SECONDS", 0.5)
    monkeypatch.setattr(recorder, "OPEN_SECONDS", 0.5)
    yield fake
    fake.release()  # no call of the fake is left hanging for the next test
    end = time.monotonic() + 5
    while deadlines.stuck_calls() and time.monotonic() < end:
        time.sleep(0.01)


def test_the_header_is_true_after_every_block_and_after_a_kill(tmp_path: Path):
    path = tmp_path / "a.wav"
    wav = IncrementalWav(path)
    for blocks in range(1, 4):
        wav.write(np.full(800, 0.1, dtype=np.float32))
        assert frames_in_header(path) == blocks * 800
    wav.close()
    killed = tmp_path / "killed.wav"
    script = textwrap.dedent(f"""
        import os, signal, numpy as np
        from pathlib import Path
        from mock_interview.audio.wavfile import IncrementalWav
        wav = IncrementalWav(Path({str(killed)!r}))
        for _ in range(30):
            wav.write(np.full(1600, 0.1, dtype=np.float32))
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    assert subprocess.run([sys.executable, "-c", script]).returncode == -signal.SIGKILL
    assert frames_in_header(killed) == 30 * 1600


def test_a_block_the_disk_refuses_is_kept_and_written_in_order_once_there_is_room(tmp_path: Path, monkeypatch):
    path = tmp_path / "a.wav"
    wav = IncrementalWav(path)
    first, second, third = (np.full(800, level, dtype=np.float32) for level in (0.1, 0.2, 0.3))
    wav.write(first)
    disk = FullDisk(monkeypatch)
    with pytest.raises(WriteFailed, match="the disk is full"):
        wav.write(second)
    assert frames_in_header(path) == 800 and path.stat().st_size == 44 + 1600  # a whole WAV, no half block
    assert wav.pending_seconds == pytest.approx(0.05)
    disk.free()
    wav.write(third)
    wav.close()
    audio = read_wav(path)
    assert frames_in_header(path) == 2400
    assert [round(float(audio[i]), 1) for i in (0, 800, 1600)] == [0.1, 0.2, 0.3]


def test_a_device_that_goes_silent_interrupts_the_recording_at_once(device, tmp_path: Path):
    reasons: list[str] = []
    rec = Recorder(tmp_path / "a.wav", on_interrupted=reasons.append)
    rec.start()
    assert rec.wait_until_live(5)
    time.sleep(0.3)
    device.silent.set()  # unplugged
    silenced = time.monotonic()
    assert rec.interrupted.wait(5)
    assert time.monotonic() - silenced < recorder.DEVICE_SILENT_SECONDS + 2.0
    assert len(reasons) == 1 and "the microphone stopped" in reasons[0] and "fake microphone" in reasons[0]
    stats = rec.stop()
    assert stats.interrupted == reasons[0]
    assert frames_in_header(tmp_path / "a.wav") > 0


def test_a_disk_that_fills_mid_answer_interrupts_keeps_feeding_and_writes_the_rest_at_stop(
    device, tmp_path: Path, monkeypatch
):
    reasons: list[str] = []
    fed: list[int] = []
    rec = Recorder(tmp_path / "a.wav", on_interrupted=reasons.append, on_block=lambda b: fed.append(b.size))
    rec.start()
    assert rec.wait_until_live(5)
    time.sleep(0.2)
    disk = FullDisk(monkeypatch)
    assert rec.interrupted.wait(5)
    assert "the disk is full" in reasons[0] and "free some space" in reasons[0]
    blocks_when_full = len(fed)
    time.sleep(0.2)
    assert len(fed) > blocks_when_full  # the transcriber still gets every block
    disk.free()
    stats = rec.stop()
    assert frames_in_header(tmp_path / "a.wav") == sum(fed)  # nothing heard is missing from the file
    assert stats.seconds == pytest.approx(sum(fed) / 16000)


def test_a_device_that_never_opens_is_reported_within_the_deadline(device, tmp_path: Path):
    device.hang_open.set()
    began = time.monotonic()
    with pytest.raises(AudioServerNotAnswering, match="opening the input 'fake microphone' did not finish"):
        Recorder(tmp_path / "a.wav").start()
    assert time.monotonic() - began < 3.0
    with pytest.raises(AudioServerNotAnswering, match="still waiting"):  # no pile-up behind the stuck call
        Recorder(tmp_path / "b.wav").start()
    device.release()
    end = time.monotonic() + 5
    while deadlines.stuck_calls() and time.monotonic() < end:
        time.sleep(0.01)
    device.hang_open.clear()
    rec = Recorder(tmp_path / "c.wav")
    rec.start()  # the server answers again: so does the recorder
    assert rec.wait_until_live(5)
    rec.stop()


def test_stopping_on_a_server_that_hangs_returns_within_the_deadline(device, tmp_path: Path):
    rec = Recorder(tmp_path / "a.wav")
    rec.start()
    assert rec.wait_until_live(5)
    device.hang_close.set()
    began = time.monotonic()
    stats = rec.stop()
    assert time.monotonic() - began < deadlines.CLOSE_SECONDS + 2.0
    assert stats.seconds > 0 and frames_in_header(tmp_path / "a.wav") > 0


def test_within_reports_a_call_that_hangs_and_works_again_once_it_returns():
    gate = threading.Event()
    with pytest.raises(AudioServerNotAnswering, match="listing the audio devices did not finish within 0.2 s"):
        within(0.2, "listing the audio devices", lambda: gate.wait(10))
    with pytest.raises(AudioServerNotAnswering, match="was not tried"):
        within(0.2, "opening the input", lambda: 1)
    gate.set()
    end = time.monotonic() + 5
    while deadlines.stuck_calls() and time.monotonic() < end:
        time.sleep(0.01)
    assert within(0.2, "opening the input", lambda: 1) == 1
    with pytest.raises(ZeroDivisionError):
        within(0.2, "a failing call", lambda: 1 / 0)


def test_record_on_a_full_disk_is_one_line_and_leaves_no_file(device, capsys, tmp_path: Path, monkeypatch):
    FullDisk(monkeypatch)
    code, _, err = run_cli(capsys, "record", str(tmp_path / "a.wav"), "--seconds", "1")
    assert code == 1
    assert err.count("\n") == 1 and "not recording: could not write" in err and "the disk is full" in err
    assert "Traceback" not in err and "Exception ignored" not in err
    assert not (tmp_path / "a.wav").exists()


def test_record_whose_disk_fills_stops_with_a_playable_file_and_says_why(device, capsys, tmp_path: Path, monkeypatch):
    disk = FullDisk(monkeypatch)
    disk.free()
    threading.Timer(0.6, disk.fill).start()
    code, _, err = run_cli(capsys, "record", str(tmp_path / "a.wav"), "--seconds", "20")
    assert code == 1
    assert "recording stopped early: could not write" in err and "the disk is full" in err
    assert "Traceback" not in err and "Exception ignored" not in err
    assert frames_in_header(tmp_path / "a.wav") > 0
