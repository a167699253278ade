"""Profiles and settings: round trips, clear errors, private files."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from mock_interview.core.profiles import Profile, ProfileStore, parse_profile
from mock_interview.core.settings import Settings, load_settings, save_settings
from mock_interview.core.tomlschema import InvalidFileError


def test_profile_round_trip_and_private_file(tmp_path: Path):
    store = ProfileStore(tmp_path / "profiles")
    profile = Profile(
        name="acme-pm",
        company="Acme",
        role="Product Manager",
        industry="technology",
        career_stage="mid",
        mission="Make tools people love.",
        values=("Ownership", "Curiosity"),
        job_description="Lead discovery.\nOwn the roadmap for onboarding.",
    )
    path = store.save(profile)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert store.load("acme-pm") == profile
    assert store.load_name_or_path(str(path)) == profile  # a file path only where a path is asked for
    assert store.names() == ["acme-pm"]


def test_profile_errors_name_the_key_and_the_way_out(tmp_path: Path):
    with pytest.raises(InvalidFileError) as caught:
        parse_profile('company = "A"\nrole = "B"\ncareer_stage = "junior"\nvalue = ["x"]\n', "p", tmp_path / "p.toml")
    text = str(caught.value)
    assert "career_stage" in text and "entry, mid, senior" in text
    assert "value: unknown key; did you mean 'values'?" in text
    with pytest.raises(InvalidFileError) as caught:
        parse_profile('role = "B"\n', "p")
    assert "company: is missing" in str(caught.value)


def test_missing_profile_lists_the_known_ones(tmp_path: Path):
    store = ProfileStore(tmp_path)
    store.save(Profile(name="one", company="A", role="B"))
    with pytest.raises(InvalidFileError) as caught:
        store.load("two")
    assert "one" in str(caught.value) and "profiles new" in str(caught.value)


def test_unsafe_profile_name_is_refused(tmp_path: Path):
    with pytest.raises(ValueError):
        ProfileStore(tmp_path).save(Profile(name="../x", company="A", role="B"))


def test_bad_profile_is_skipped_in_load_all(tmp_path: Path):
    store = ProfileStore(tmp_path)
    store.save(Profile(name="good", company="A", role="B"))
    (tmp_path / "bad.toml").write_text("company = [", encoding="utf-8")
    profiles, problems = store.load_all()
    assert [p.name for p in profiles] == ["good"]
    assert problems and "bad.toml" in str(problems[0])


def test_settings_defaults_round_trip_and_bad_values(tmp_path: Path):
    path = tmp_path / "settings.toml"
    assert load_settings(path) == (Settings(), [])
    changed = Settings(feedback="calm", question_count=8, model="base.en")
    save_settings(path, changed)
    assert load_settings(path) == (changed, [])
    path.write_text('feedback = "loud"\nquestion_count = 3\n', encoding="utf-8")
    settings, problems = load_settings(path)
    assert settings.feedback == "live" and settings.question_count == 3
    assert problems and problems[0].key == "feedback" and problems[0].line == 1
