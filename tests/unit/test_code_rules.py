"""The mechanical rules of tests/code_rules.py hold for this checkout, and each of them can fail."""

from __future__ import annotations

from pathlib import Path

from tests.code_rules import any_in_signatures, breaches, raw_threads, runtime_stubs, timed_pauses, trial_modules


def test_the_checkout_keeps_the_rules() -> None:
    assert breaches() == []


def test_each_rule_finds_its_breach(tmp_path: Path) -> None:
    tui = tmp_path / "tui"
    tui.mkdir()
    (tui / "a.py").write_text(
        "import threading\nfrom threading import Thread\nfrom typing import Any\n\n"
        "def f(x: Any) -> None:\n    threading.Thread(target=print).start()\n\n"
        "def g() -> 'dict[str, Any]':\n    return {}\n\n"
        "def h(*args: int, **kwargs: typing.Any) -> int:\n    return 0\n\n"
        "def fine(x: int, y: 'list[str]') -> object:\n    return Anything\n",
        "utf-8",
    )
    assert [line.split(": ", 1)[0].rsplit(":", 1)[1] for line in raw_threads(tui)] == ["2", "6"]
    assert [line.split(": ", 1)[1].split()[0] for line in any_in_signatures(tui)] == ["f", "g", "h"]
    (tui / "part.py").write_text(
        "from typing import TYPE_CHECKING\n\nclass Part:\n    def status(self) -> None:\n"
        "        raise NotImplementedError\n\n    def other(self) -> None:\n"
        "        raise NotImplementedError('the screen has it')\n\n"
        "    if TYPE_CHECKING:\n\n        def declared(self) -> None: ...\n\n"
        "    def fine(self) -> None:\n        raise ValueError('not a stub')\n",
        "utf-8",
    )
    assert [line.split(": ", 1)[0].rsplit(":", 1)[1] for line in runtime_stubs(tui)] == ["5", "8"]
    tests = tmp_path / "tests"
    tests.mkdir()
    timed = "pilot.pause" + "(0.2)"  # split, so that this module itself keeps the rule
    (tests / "test_trial2_fixes.py").write_text(f"async def test(pilot):\n    await {timed}\n", "utf-8")
    (tests / "test_rounds.py").write_text("async def test(pilot):\n    await pilot.pause()\n", "utf-8")
    assert [Path(line.split(":")[0]).name for line in trial_modules(tests)] == ["test_trial2_fixes.py"]
    assert [line.rsplit(":", 1)[0].rsplit(":", 1)[1] for line in timed_pauses(tests)] == ["2"]
