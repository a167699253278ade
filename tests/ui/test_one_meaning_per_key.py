"""One key, one meaning: a key means the same thing on every screen that binds it (f2 was History on
Home and Calm in a round), and the README's key map names every screen's keys."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from collections import defaultdict
from pathlib import Path

from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen

import mock_interview.tui.screens as screens_package
from mock_interview.tui.app import MockInterviewApp

README = Path(__file__).resolve().parents[2] / "README.md"

# Keys that mean one idea under different words, each with the idea. Nothing else may differ.
SAME_IDEA: dict[str, str] = {
    # Help: f1 opens it, and on Help closes it again
    "f1": "help, open or closed",
    # leave what is on top: a screen goes back, a dialog closes or says no
    "escape": "leave this screen or dialog",
    # the screen's one main action, named by what it does there
    "ctrl+s": "do the screen's main thing: start, submit, go on, save, keep",
    # something new and empty: a profile, a debrief's question
    "ctrl+n": "add a new, empty one",
    # practise again: the question shown (a round's retry, Review, Compare) or the questions due (Home's drill)
    "f7": "practise again",
    # listen: the question read aloud again (a round), the answer's recording (Review)
    "f9": "listen",
    # the overview of your scores: every round's on a chart (History), this round's (Review)
    "ctrl+g": "the overview of your scores",
}


def bound_classes() -> list[type[DOMNode]]:
    """The screens and the app: every class whose BINDINGS a user meets."""
    return [*screen_classes(), MockInterviewApp]


def screen_classes() -> list[type[Screen[object]]]:
    """Every screen the app has, from every module of the screens package."""
    found: dict[str, type[Screen[object]]] = {}
    for module_info in pkgutil.iter_modules(screens_package.__path__):
        module = importlib.import_module(f"{screens_package.__name__}.{module_info.name}")
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, Screen) and cls.__module__ == module.__name__ and "BINDINGS" in vars(cls):
                found[cls.__qualname__] = cls
    return list(found.values())


def meanings() -> dict[str, dict[str, set[str]]]:
    """key -> screen -> the descriptions it has there (a toggle has two: Pause and Resume)."""
    by_key: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for cls in bound_classes():
        for binding in Binding.make_bindings(cls.BINDINGS):
            by_key[binding.key][cls.__name__].add(binding.description)
    return by_key


def test_every_screen_is_read() -> None:
    names = {cls.__name__ for cls in screen_classes()}
    assert {"HomeScreen", "RoundScreen", "ReviewScreen", "HistoryScreen", "CompareScreen"} <= names


def clashes(by_key: dict[str, dict[str, set[str]]]) -> list[str]:
    """Keys with different descriptions on two screens, unless SAME_IDEA says why."""
    found = []
    for key, per_screen in sorted(by_key.items()):
        if len({frozenset(d) for d in per_screen.values()}) > 1 and key not in SAME_IDEA:
            found.append(f"{key}: " + "; ".join(f"{s} {sorted(d)}" for s, d in sorted(per_screen.items())))
    return found


def test_no_key_means_two_things_on_two_screens() -> None:
    found = clashes(meanings())
    assert not found, "one key, two meanings:\n" + "\n".join(found)


def test_the_check_fails_on_a_clash() -> None:
    """The check can fail: f2 as History on Home and Calm in a round, as it was."""
    by_key = meanings()
    by_key["f2"]["RoundScreen"].add("Calm")
    assert clashes(by_key) == ["f2: HomeScreen ['History']; RoundScreen ['Calm']"]


def test_the_allow_list_holds_only_keys_that_need_it() -> None:
    """A key left in SAME_IDEA after it stopped differing would let a new clash through unseen."""
    by_key = meanings()
    for key in SAME_IDEA:
        assert len({frozenset(d) for d in by_key.get(key, {}).values()}) > 1, f"{key} no longer needs the allow-list"


def test_f1_is_help_everywhere() -> None:
    """The app's own key, so every screen has it; on Help itself it closes Help."""
    assert meanings()["f1"] == {"MockInterviewApp": {"Help"}, "HelpScreen": {"Close"}}


def test_the_readme_names_every_shown_key() -> None:
    """The README's keys section lists each key a screen with a footer shows there (dialogs show theirs)."""
    text = README.read_text(encoding="utf-8")
    section = text[text.index("### Keys") : text.index("## Command line")]
    written = set(re.findall(r"`([^`]+)`", section))
    missing = sorted(
        f"{cls.__name__}: {binding.key}"
        for cls in bound_classes()
        if cls is MockInterviewApp or "KeysFooter(" in inspect.getsource(cls)
        for binding in Binding.make_bindings(cls.BINDINGS)
        if binding.show and binding.key not in written
    )
    assert not missing, missing
