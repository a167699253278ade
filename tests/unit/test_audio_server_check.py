"""doctor tells an audio server it cannot contact from a missing microphone."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from mock_interview.audio.server import audio_server_problem
from tests.cli_runner import run_cli as run


def test_a_pulse_server_that_takes_no_connection_is_named(monkeypatch, tmp_path: Path):
    monkeypatch.setenv("PULSE_SERVER", f"unix:{tmp_path / 'native'}")
    problem = audio_server_problem()
    assert problem is not None
    assert "audio server could not be contacted" in problem and str(tmp_path / "native") in problem


def test_a_pulse_server_that_listens_is_fine(monkeypatch, tmp_path: Path):
    path = tmp_path / "native"
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(str(path))
        server.listen(1)
        monkeypatch.setenv("PULSE_SERVER", f"unix:{path}")
        assert audio_server_problem() is None


@pytest.mark.parametrize("reachable", [False, True])
def test_doctor_blames_the_server_not_the_microphone_when_the_server_is_unreachable(
    reachable: bool, capsys, monkeypatch, tmp_path: Path
):
    from mock_interview.audio import devices

    monkeypatch.setattr(devices, "list_input_devices", lambda: [])  # what PortAudio lists with no server
    path = tmp_path / "native"
    listening = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    if reachable:
        listening.bind(str(path))
        listening.listen(1)
    monkeypatch.setenv("PULSE_SERVER", f"unix:{path}")
    try:
        _, out, _ = run(capsys, "doctor")
    finally:
        listening.close()
    line = next(line for line in out.splitlines() if "input devices" in line)
    if reachable:  # the server answers and lists nothing: then it is the microphone
        assert "connect a microphone" in line and "audio server" not in line
    else:
        assert "audio server could not be contacted" in line and "connect a microphone" not in line
