"""The interviewer's voice setting: spoken rounds by default, checked like every setting."""

from __future__ import annotations

from pathlib import Path

from mock_interview.core.settings import Settings, load_settings, save_settings


def test_the_voice_is_on_for_spoken_rounds_by_default_and_kept(tmp_path: Path):
    assert Settings().voice == "spoken"
    save_settings(tmp_path / "settings.toml", Settings(voice="always"))
    assert load_settings(tmp_path / "settings.toml") == (Settings(voice="always"), [])


def test_an_unknown_voice_is_named_and_the_default_used(tmp_path: Path):
    path = tmp_path / "settings.toml"
    path.write_text('voice = "loud"\n')
    settings, problems = load_settings(path)
    assert settings.voice == "spoken"
    assert len(problems) == 1 and "voice" in str(problems[0]) and "'loud'" in str(problems[0])
    assert "spoken" in str(problems[0])  # the choices are named
