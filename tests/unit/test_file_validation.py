"""One validator for every file the app reads: packs, profiles, settings, sessions, debriefs and the
drill schedule report their problems the same way (``file:line: key: message``), with the line where
it can be found, and "did you mean" for a typo in a file written by hand."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from mock_interview.core import tomlschema
from mock_interview.core.debrief import parse_debrief
from mock_interview.core.drill import read_drill
from mock_interview.core.packs import builtin_packs_dir, discover_packs, load_pack
from mock_interview.core.profiles import parse_profile
from mock_interview.core.sessions import SessionFileError, SessionStore
from mock_interview.core.settings import load_settings
from mock_interview.core.tomlschema import InvalidFileError, Problem
from tests.hostile import write_session

SID = "20250101-100000-aaaa"
ONE_LINE = re.compile(r"^(?P<file>[^:]+?)(?::(?P<line>\d+))?: (?P<key>[\w.\[\]]+): (?P<message>.+)$")


def line_of(text: str, fragment: str) -> int:
    """The 1-based line of ``text`` holding ``fragment`` (found, not written down by hand)."""
    return next(number for number, line in enumerate(text.splitlines(), 1) if fragment in line)


def _problems(error: pytest.ExceptionInfo[InvalidFileError]) -> tuple[Problem, ...]:
    return error.value.problems


def _bad_session(tmp_path: Path, old: str, new: str) -> tuple[SessionStore, Path]:
    store = SessionStore(tmp_path / "sessions")
    path = write_session(store.folder, SID)
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return store, path


def test_every_kind_of_file_reports_a_bad_value_on_one_line_naming_file_line_and_key(tmp_path: Path):
    pack = tmp_path / "pack.toml"
    pack.write_text('[pack]\nid = "p"\ntitle = "P"\n\n[[questions]]\nid = "q"\ntext = "Why?"\nkind = "nope"\n', "utf-8")
    settings = tmp_path / "settings.toml"
    settings.write_text("question_count = 0\n", "utf-8")
    debrief = tmp_path / "d.toml"
    debrief.write_text(
        '[debrief]\ncompany = "Acme"\ndate = 2025-01-31\n\n[[questions]]\ntext = "Why?"\nwent = "meh"\n', "utf-8"
    )
    store, session = _bad_session(tmp_path, 'mode = "typed"', 'mode = "telepathy"')

    found: dict[str, Problem] = {}
    with pytest.raises(InvalidFileError) as caught:
        load_pack(pack)
    found["pack"] = _problems(caught)[0]
    found["settings"] = load_settings(settings)[1][0]
    with pytest.raises(InvalidFileError) as caught:
        parse_profile('company = "Acme"\nrole = "PM"\nindustry = "spaceflight"\n', "p", tmp_path / "p.toml")
    found["profile"] = _problems(caught)[0]
    with pytest.raises(InvalidFileError) as caught:
        parse_debrief(debrief.read_bytes(), "d", debrief)
    found["debrief"] = _problems(caught)[0]
    with pytest.raises(SessionFileError) as session_error:
        store.load(SID)
    found["session"] = session_error.value.problems[0]

    expected = {
        "pack": (pack, "questions[1].kind", 'kind = "nope"'),
        "settings": (settings, "question_count", "question_count = 0"),
        "profile": (tmp_path / "p.toml", "industry", None),
        "debrief": (debrief, "questions[1].went", 'went = "meh"'),
        "session": (session, "session.mode", 'mode = "telepathy"'),
    }
    for name, problem in found.items():
        path, key, fragment = expected[name]
        match = ONE_LINE.match(str(problem))
        assert match, f"{name}: {problem}"
        assert (match["file"], match["key"]) == (str(path), key), name
        if fragment is not None:
            assert match["line"] == str(line_of(path.read_text("utf-8"), fragment)), name
    assert found["profile"].line == 3  # a profile given as text: the line still comes from that text


def test_a_typo_in_a_file_written_by_hand_is_an_error_with_the_closest_key(tmp_path: Path):
    settings = tmp_path / "settings.toml"
    settings.write_text("question_count = 3\nfolow_ups = false\n", "utf-8")
    loaded, problems = load_settings(settings)
    assert loaded.question_count == 3 and loaded.follow_ups is True  # the typo is not taken for the key
    assert [str(p) for p in problems] == [f"{settings}:2: folow_ups: unknown key; did you mean 'follow_ups'?"]


def test_files_the_app_writes_let_keys_of_a_newer_version_through(tmp_path: Path):
    store, _ = _bad_session(tmp_path, 'mode = "typed"', 'mode = "typed"\nmood = "calm"')
    assert store.load(SID).mode == "typed"
    debrief = '[debrief]\ncompany = "Acme"\ndate = 2025-01-31\nvenue = "video"\n\n[[questions]]\ntext = "Why?"\n'
    assert parse_debrief(debrief, "d").company == "Acme"


def test_a_key_inside_a_nested_table_names_no_line_rather_than_a_wrong_one(tmp_path: Path):
    store, path = _bad_session(tmp_path, "[answers.feedback]\nscore = 50", "[answers.feedback]\nscore = -inf")
    with pytest.raises(SessionFileError) as caught:
        store.load(SID)
    problem = caught.value.problems[0]
    assert problem.key == "answers[1].feedback.score" and problem.line is None
    assert str(problem).startswith(f"{path}: answers[1].feedback.score: must be a number from 0 to 100")


def test_the_drill_schedule_is_checked_by_the_same_rules_without_lines(tmp_path: Path):
    path = tmp_path / "drill.json"
    good = {"ref": "p/q", "source": "s1", "at": "2025-01-31T10:00:00+00:00", "rating": "good"}
    bad = {"ref": "p/q", "source": "s2", "at": "yesterday", "rating": "good", "score": 140}
    path.write_text(json.dumps({"version": 1, "reviews": [good, bad]}), "utf-8")
    drill = read_drill(path)
    assert [r.source for r in drill.reviews] == ["s1"]
    assert drill.problems == [
        f"{path}: reviews[2].at: must be a date and time such as 2025-01-31T09:30:00+01:00, "
        "not the string 'yesterday'; that review is left out",
        f"{path}: reviews[2].score: must be a number from 0 to 100, not the number 140; that review is left out",
    ]


def test_good_files_never_pay_for_finding_lines(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    def refuse(self: object, text: str) -> None:
        raise AssertionError("a line was looked for in a file without problems")

    monkeypatch.setattr(tomlschema.KeyLocator, "__init__", refuse)
    report = discover_packs()
    assert report.problems == () and len(report.packs) == len(list(builtin_packs_dir().glob("*.toml")))
    store = SessionStore(tmp_path / "sessions")
    write_session(store.folder, SID)
    assert store.load(SID).id == SID and store.list()[1] == []
    bad = tmp_path / "settings.toml"
    bad.write_text("question_count = 0\n", "utf-8")
    with pytest.raises(AssertionError, match="a line was looked for"):  # and a bad one does look
        load_settings(bad)
