"""The command line side of a new user's trial (notes: report-trial.md); each test failed before its fix.

#6 ``packs validate`` missed a duplicate id when the file had other problems; #12 ``profiles new``
never asked for the job description; #20 ``packs show`` wrapped at 80 columns when piped; #22
``score`` cut evidence in the middle of a word.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from mock_interview.core.feedback.present import check_row
from mock_interview.core.feedback.results import Check, Evidence, Group, Status
from mock_interview.core.profiles import ProfileStore
from tests.cli_runner import run_cli as run

BROKEN_PACK = """\
[pack]
id = "My Pack"
title = ""
answer_seconds = -5
colour = "blue"

[[questions]]
id = "q1"
kind = "fitt"
text = "Why us?"

[[questions]]
id = "q1"
kind = "fit"
text = "Why this role?"
answer_seconds = 99999
"""
LONG_TIP = (
    "Open with the situation in one sentence, then spend most of your time on what you did yourself, "
    "step by step, and end with a result you can count."
)
PACK_WITH_A_LONG_TIP = f"""\
[pack]
id = "long-tips"
title = "Long tips"

[[questions]]
id = "lead"
kind = "behavioral"
text = "Tell me about a time you took the lead on a project that was at risk of missing its deadline."
tips = ["{LONG_TIP}"]
"""
ANSWER = (
    "In my previous role as an operations analyst at a regional logistics firm, on-time delivery had dropped "
    "to 82% over two quarters. My task was to find out why within a quarter and fix it. I analysed six months "
    "of delivery data in SQL, found that two depots caused most of the delays, and redesigned their loading "
    "schedule with the depot managers. As a result, on-time delivery rose to 96% within ten weeks, which saved "
    "about $1.2M a year in penalties."
)


class _Keyboard(io.StringIO):
    """Standard input that says it is a terminal, for the interactive prompts."""

    def isatty(self) -> bool:
        return True


# -- #6 -----------------------------------------------------------------------------------------


def test_validate_reports_a_duplicate_id_beside_the_files_other_problems(capsys, tmp_path: Path):
    """Six problems were listed and the duplicate ``q1`` was not among them."""
    path = tmp_path / "broken.toml"
    path.write_text(BROKEN_PACK, encoding="utf-8")
    code, out, _ = run(capsys, "packs", "validate", str(path))
    assert code == 1
    problems = out.splitlines()
    assert any("questions[2].id" in line and "duplicate id 'q1'" in line for line in problems), out
    for key in (
        "pack.id",
        "pack.title",
        "pack.answer_seconds",
        "colour",
        "questions[1].kind",
        "questions[2].answer_seconds",
    ):
        assert any(key in line for line in problems), (key, out)


def test_a_duplicate_id_is_reported_once_per_repeat(capsys, tmp_path: Path):
    path = tmp_path / "three.toml"
    question = '[[questions]]\nid = "q1"\nkind = "fit"\ntext = "Why?"\n'
    path.write_text('[pack]\nid = "three"\ntitle = "Three"\n' + question * 3, encoding="utf-8")
    code, out, _ = run(capsys, "packs", "validate", str(path))
    assert code == 1 and out.count("duplicate id 'q1'") == 2 and "also questions[1]" in out


# -- #12 ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (
            "First paragraph of the role.\n\nSecond paragraph: SQL, Power BI.\n.\n",
            "First paragraph of the role.\n\nSecond paragraph: SQL, Power BI.",
        ),
        ("Ended with ctrl+d.\n", "Ended with ctrl+d."),  # end of input after the text
        ("\n", ""),  # Enter on an empty first line skips it
    ],
)
def test_profiles_new_asks_for_the_job_description(capsys, monkeypatch, isolated_data_dir: Path, typed, expected):
    """The prompts asked for company, role, industry, stage, mission and values, and never the job description."""
    monkeypatch.setattr(sys, "stdin", _Keyboard("Acme\nAnalyst\n\n\n\n\n" + typed))
    code, out, err = run(capsys, "profiles", "new", "acme")
    assert code == 0, err
    prompt = out[out.index("Job description") :].splitlines()[0]  # (typed answers are not echoed here)
    assert "ctrl+d" in prompt and "skips" in prompt  # it says how to end it and how to leave it out
    assert ProfileStore(isolated_data_dir / "profiles").load("acme").job_description == expected


def test_profiles_new_does_not_ask_for_a_job_description_given_as_a_file(
    capsys, monkeypatch, tmp_path: Path, isolated_data_dir: Path
):
    description = tmp_path / "jd.txt"
    description.write_text("From the file.", encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", _Keyboard("Acme\nAnalyst\n\n\n\n\n"))
    code, out, _ = run(capsys, "profiles", "new", "acme", "--job-description-file", str(description))
    assert code == 0 and "Job description" not in out
    assert ProfileStore(isolated_data_dir / "profiles").load("acme").job_description == "From the file."


# -- #20 ----------------------------------------------------------------------------------------


def test_packs_show_piped_is_plain_and_unwrapped(capsys, tmp_path: Path):
    """Piped, it wrapped at 80 columns, the continuation lines at the left margin."""
    packs = tmp_path / "packs"
    packs.mkdir()
    (packs / "long-tips.toml").write_text(PACK_WITH_A_LONG_TIP, encoding="utf-8")
    code, out, _ = run(capsys, "--pack-path", str(packs), "packs", "show", "long-tips")
    assert code == 0
    assert len(LONG_TIP) > 80
    assert f"   tip: {LONG_TIP}" in out.splitlines()
    assert any(line.startswith("1. Tell me about a time") and line.endswith("s prep") for line in out.splitlines())
    assert "\x1b" not in out  # no colour codes when not a terminal


# -- #22 ----------------------------------------------------------------------------------------


def test_score_cuts_long_evidence_at_a_word_with_an_ellipsis(capsys, monkeypatch, tmp_path: Path):
    """``regional logistic``, ``could see de``: evidence was cut in the middle of a word."""
    answer = tmp_path / "answer.txt"
    answer.write_text(ANSWER, encoding="utf-8")
    code, out, _ = run(capsys, "score", str(answer), "--question-id", "behavioral-star/increased-results", "--json")
    assert code == 0
    long_evidence = [
        e["text"]
        for check in json.loads(out)["checks"]
        if not check["detail"]
        for e in check["evidence"][:3]
        if len(e["text"]) > 60
    ]
    assert long_evidence, "the answer should give evidence longer than a row shows"
    monkeypatch.setenv("COLUMNS", "1000")  # a table wide enough that nothing folds
    code, table, _ = run(capsys, "score", str(answer), "--question-id", "behavioral-star/increased-results")
    assert code == 0
    for text in long_evidence:
        start = table.index(text[:30])
        shown = table[start : table.index("…", start) + 1]
        kept = shown[:-1]
        assert text.startswith(kept) and len(shown) <= 60, shown
        assert text[len(kept)] == " ", f"cut inside a word: {shown!r}"


def test_a_check_row_cuts_each_piece_of_evidence_at_a_word():
    long = "we kept the loading schedule steady for ten weeks, and the depot managers signed off on it"
    row = check_row(
        Check(
            id="star.action",
            group=Group.STRUCTURE,
            label="Action",
            status=Status.PASS,
            evidence=(Evidence(0, len(long), long), Evidence(0, 5, "short")),
        )
    )
    first, second = row.detail.split("; ")
    assert first.endswith("…") and long.startswith(first[:-1]) and long[len(first) - 1] == " "
    assert second == "short"
