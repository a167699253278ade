"""The command line's pack commands: ``packs validate`` lists every problem of a file, a duplicate id
among them; ``packs show`` piped is plain text, one line per tip."""

from __future__ import annotations

from pathlib import Path

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
