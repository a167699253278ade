"""Without the speech extra the command line does typed work and says, in one line, how to add speech."""

from __future__ import annotations

import pytest

from mock_interview import extras
from tests.cli_runner import run_cli


@pytest.fixture
def no_speech_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extras, "missing_speech_packages", lambda: ["faster-whisper"])


def test_the_extra_is_found_when_installed():
    assert extras.missing_speech_packages() == []  # the test environment installs it
    assert extras.speech_missing() is None


@pytest.mark.parametrize(
    "argv",
    [("transcribe", "x.wav"), ("record", "out.wav"), ("devices",), ("models", "list"), ("say", "hello")],
    ids=lambda argv: argv[0],
)
def test_speech_commands_say_how_to_add_the_extra(argv, capsys, no_speech_extra):
    code, out, err = run_cli(capsys, *argv)
    assert code == 1 and out == ""
    assert err == (
        f"mock-interview: {argv[0]}: the speech extra is not installed (missing: faster-whisper); "
        f"add it with: {extras.INSTALL_SPEECH}\n"
    )


def test_practice_spoken_is_refused_before_the_app_opens(capsys, no_speech_extra):
    code, _, err = run_cli(capsys, "practice", "--pack", "career-goals", "--spoken")
    assert code == 1 and extras.INSTALL_SPEECH in err and "--typed" in err and err.count("\n") == 1


def test_doctor_reports_typed_answers_only(capsys, no_speech_extra):
    code, out, _ = run_cli(capsys, "doctor")
    assert code == 0
    expected = (
        "[!!] speech: typed answers only: the speech extra is not installed (missing: faster-whisper); "
        f"add it with: {extras.INSTALL_SPEECH}"
    )
    assert expected in out
    assert "PortAudio" not in out  # nothing further is tried without the extra
