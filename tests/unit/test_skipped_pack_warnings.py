"""A pack file that is skipped is warned about once, however many problems it has: the CLI prints one line
per file (its first problem and 'packs validate FILE' for the rest), and the app's one notice names every
skipped file with its count of problems (four problems in one file once gave four warnings)."""

from __future__ import annotations

from pathlib import Path

from mock_interview.core.packs import discover_packs, skipped_pack_lines, skipped_packs_summary
from tests.cli_runner import run_cli as run
from tests.unit.test_cli_packs import BROKEN_PACK

ONE_PROBLEM = '[pack]\nid = "lone"\ntitle = "Lone"\n\n[[questions]]\nid = "q"\nkind = "fitt"\ntext = "Why us?"\n'


def bad_packs(tmp_path: Path) -> Path:
    packs = tmp_path / "packs"
    packs.mkdir(parents=True)
    (packs / "broken.toml").write_text(BROKEN_PACK, encoding="utf-8")
    (packs / "lone.toml").write_text(ONE_PROBLEM, encoding="utf-8")
    return packs


def test_the_cli_warns_once_per_skipped_file(capsys, tmp_path: Path):
    packs = bad_packs(tmp_path)
    problems = discover_packs(None, [packs]).problems
    assert len([p for p in problems if p.file == packs / "broken.toml"]) > 3  # the file has several problems
    code, out, err = run(capsys, "--pack-path", str(packs), "packs", "list")
    assert code == 0 and "career-goals" in out
    warnings = [line for line in err.splitlines() if line.startswith("warning: pack skipped:")]
    assert len(warnings) == 2
    broken, lone = warnings
    assert str(packs / "broken.toml") in broken and f"'mock-interview packs validate {packs / 'broken.toml'}'" in broken
    assert str(packs / "lone.toml") in lone and "packs validate" not in lone  # its one problem is the whole story


def test_the_apps_notice_names_each_file_with_its_count_and_the_way_to_see_them_all(tmp_path: Path):
    packs = bad_packs(tmp_path)
    problems = discover_packs(None, [packs]).problems
    broken = len([p for p in problems if p.file == packs / "broken.toml"])
    summary = skipped_packs_summary(problems)
    assert summary.startswith("Skipped broken.toml (")
    assert f"broken.toml ({broken} problems)" in summary and "lone.toml (1 problem)" in summary
    assert summary.endswith(f": 'mock-interview packs validate {packs}' lists every problem.")
    only_one = [p for p in problems if p.file == packs / "broken.toml"]
    assert skipped_packs_summary(only_one).startswith(f"Skipped broken.toml ({broken} problems): ")
    lone = [p for p in problems if p.file == packs / "lone.toml"]
    assert skipped_packs_summary(lone) == skipped_pack_lines(lone)[0] == str(lone[0])  # one problem says it all
    assert f"(and {broken - 1} more problems: " in skipped_pack_lines(only_one)[0]
