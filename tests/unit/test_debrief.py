"""Debriefs of real interviews: logged by flags or prompts, a pack of their own, and in the drill."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from mock_interview.core.context import AppContext
from mock_interview.core.debrief import PACK_ID, DebriefQuestion, debrief_pack, new_debrief
from mock_interview.core.packs import parse_pack
from mock_interview.core.tomlschema import InvalidFileError
from tests.cli_runner import run_cli

FLAGS = [
    "debrief",
    "--company",
    "Northwind Traders",
    "--date",
    "2026-11-30",
    "--question",
    "Why do you want to work for Northwind?",
    "--went",
    "badly",
    "--how",
    "I talked about the salary",
    "--next",
    "Name the mission and my SQL work",
    "--question",
    "Tell me about a decision you made using data.",
    "--went",
    "well",
]


@pytest.fixture
def context(isolated_data_dir: Path) -> AppContext:
    return AppContext.from_options(str(isolated_data_dir))


def test_a_debrief_from_flags_becomes_a_valid_pack_and_joins_the_drill(context, capsys):
    code, out, err = run_cli(capsys, *FLAGS)
    assert code == 0, err
    assert "2026-11-30-northwind-traders" in out
    debriefs, problems = context.debriefs.load_all()
    assert problems == [] and len(debriefs) == 1
    debrief = debriefs[0]
    assert [q.went for q in debrief.questions] == ["badly", "well"]
    assert debrief.questions[0].how == "I talked about the salary"
    pack = AppContext.from_options(str(context.data.root)).packs.by_id(PACK_ID)
    assert pack is not None and pack.title == "My interviews" and not pack.builtin
    assert [q.text for q in pack.questions] == [q.text for q in debrief.questions]
    assert pack.questions[0].example == "Name the mission and my SQL work"
    code, out, _ = run_cli(capsys, "due", "--json", "--within", "80000")
    due = {card["ref"]: card for card in json.loads(out)}
    assert set(due) == set(debrief.refs())
    badly, well = (due[ref] for ref in debrief.refs())
    assert (badly["last_rating"], well["last_rating"]) == ("again", "good") and badly["due"] < well["due"]
    code, out, _ = run_cli(capsys, "packs", "show", PACK_ID)
    assert code == 0 and "Why do you want to work for Northwind?" in out and "it went badly" in out


def test_the_debrief_pack_is_checked_by_the_pack_validator():
    debrief = new_debrief("Acme", date(2026, 1, 2), [DebriefQuestion("What are your long-term goals?")])
    pack = debrief_pack([debrief])
    assert pack is not None and pack.questions[0].kind == "goals"
    import tomli_w

    document = {"pack": {"id": PACK_ID, "title": "x"}, "questions": [{"id": "Bad Id", "text": "q", "kind": "goals"}]}
    with pytest.raises(InvalidFileError):  # the same validator that rejects a bad pack file
        parse_pack(tomli_w.dumps(document))


def test_list_and_show(context, capsys):
    run_cli(capsys, *FLAGS)
    code, out, _ = run_cli(capsys, "debrief", "list")
    assert code == 0 and "2026-11-30-northwind-traders" in out and "Northwind Traders" in out
    code, out, _ = run_cli(capsys, "debrief", "show", "2026-11-30")
    assert code == 0 and "went: badly" in out and "next time: Name the mission" in out
    code, _, err = run_cli(capsys, "debrief", "show", "../etc")
    assert code == 1 and "not a debrief id" in err


def test_a_second_debrief_the_same_day_gets_its_own_file(context, capsys):
    run_cli(capsys, *FLAGS)
    run_cli(capsys, *FLAGS)
    ids = sorted(d.id for d in context.debriefs.load_all()[0])
    assert ids == ["2026-11-30-northwind-traders", "2026-11-30-northwind-traders-2"]


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        (["--company", "Acme"], "--question"),
        (["--company", "Acme", "--question", "Q?", "--how", "a", "--how", "b"], "2 --how for one --question"),
        (["--company", "Acme", "--date", "30/11/2026", "--question", "Q?"], "write it as YYYY-MM-DD"),
        (["--company", "  ", "--question", "Q?"], "company"),
        (["--profile", "nope", "--question", "Q?"], "no profile 'nope'"),
    ],
)
def test_bad_flags_are_one_line_and_save_nothing(context, capsys, extra, words):
    code, _, err = run_cli(capsys, "debrief", *extra)
    assert code == 2 and words in err and "Traceback" not in err
    assert context.debriefs.load_all() == ([], [])


def test_a_profile_gives_the_company(context, capsys):
    run_cli(capsys, "profiles", "new", "acme", "--company", "Acme Corp", "--role", "PM")
    code, _, err = run_cli(capsys, "debrief", "--profile", "acme", "--question", "Why us?")
    assert code == 0, err
    debrief = context.debriefs.load_all()[0][0]
    assert (debrief.company, debrief.profile, debrief.when) == ("Acme Corp", "acme", date.today())


def test_the_prompts_ask_for_each_question_and_stop_cleanly(context, capsys, monkeypatch):
    run_cli(capsys, "profiles", "new", "acme", "--company", "Acme Corp", "--role", "PM")
    answers = iter(["acme", "2026-12-01", "", "Why Acme?", "sometimes", "badly", "I froze", "Say the mission", "", ""])

    def fake_input(prompt: str = "") -> str:
        print(prompt)
        return next(answers)

    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("builtins.input", fake_input)
    code, out, err = run_cli(capsys, "debrief")
    assert code == 0, err
    assert "'sometimes' is not one of: well, okay, badly" in out
    debrief = context.debriefs.load_all()[0][0]
    assert (debrief.company, debrief.profile) == ("Acme Corp", "acme")
    assert debrief.questions == (DebriefQuestion("Why Acme?", "badly", "I froze", "Say the mission"),)

    def ended(prompt: str = "") -> str:
        raise EOFError

    monkeypatch.setattr("builtins.input", ended)
    code, _, err = run_cli(capsys, "debrief")
    assert code == 1 and "no debrief saved" in err and len(context.debriefs.load_all()[0]) == 1


def test_a_bad_debrief_file_is_named_and_skipped(context, capsys):
    run_cli(capsys, *FLAGS)
    folder = context.data.debriefs
    (folder / "2026-01-01-broken.toml").write_text(
        '[debrief]\ncompany = "X"\ndate = "soon"\n[[questions]]\ntext = "Q"\n'
    )
    (folder / "2026-01-02-link.toml").symlink_to("/etc/passwd")
    code, out, err = run_cli(capsys, "debrief", "list")
    assert code == 0 and "2026-11-30-northwind-traders" in out
    assert "2026-01-01-broken.toml" in err and "debrief.date" in err
    assert "2026-01-02-link.toml" in err and "Traceback" not in err
    code, out, err = run_cli(capsys, "packs", "list")
    assert code == 0 and PACK_ID in out and "2026-01-01-broken.toml" in err
