"""Rules a reader can check by eye, checked by machine (``./run-checks``, and tests/unit/test_code_rules.py).

- No ``threading.Thread`` under ``tui/``: the app's background work runs as Textual workers in named groups.
- No ``Any`` in a signature under ``tui/``: the joins between the app, its screens and the layers below are typed.
- No ``raise NotImplementedError`` under ``tui/``: a screen's part declares the screen's own methods under
  ``if TYPE_CHECKING:``; a stub that exists at run time can shadow a sibling part's real method (by the MRO).
- No test module named after a trial: tests are named for the feature they protect.
- No ``pilot.pause`` with a duration in the tests: they wait for a condition (``wait_for``), never for a fixed time.

Run ``python -m tests.code_rules`` from the checkout: it prints each breach on a line and exits 1.
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TIMED_PAUSE = re.compile(r"pilot\.pause\(\s*[^)\s]")
TRIAL_NAME = re.compile(r"trial", re.IGNORECASE)


def raw_threads(tui: Path) -> Iterator[str]:
    """Every use of ``threading.Thread`` (or a ``Thread`` imported from ``threading``) under ``tui``."""
    for path in sorted(tui.rglob("*.py")):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            named = (
                isinstance(node, ast.Attribute)
                and node.attr == "Thread"
                and isinstance(node.value, ast.Name)
                and node.value.id == "threading"
            )
            imported = (
                isinstance(node, ast.ImportFrom)
                and node.module == "threading"
                and any(alias.name == "Thread" for alias in node.names)
            )
            if (named or imported) and isinstance(node, (ast.Attribute, ast.ImportFrom)):
                yield f"{path}:{node.lineno}: threading.Thread (run it as a Textual worker in a named group)"


def _mentions_any(annotation: ast.expr | None) -> bool:
    if annotation is None:
        return False
    if isinstance(annotation, ast.Constant) and isinstance(annotation.value, str):  # a quoted annotation
        try:
            annotation = ast.parse(annotation.value, mode="eval").body
        except SyntaxError:
            return False
    return any(
        (isinstance(node, ast.Name) and node.id == "Any") or (isinstance(node, ast.Attribute) and node.attr == "Any")
        for node in ast.walk(annotation)
    )


def any_in_signatures(tui: Path) -> Iterator[str]:
    """Every function under ``tui`` with ``Any`` in a parameter's or its return's annotation."""
    for path in sorted(tui.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            arguments = node.args
            parameters = [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]
            parameters += [a for a in (arguments.vararg, arguments.kwarg) if a is not None]
            if _mentions_any(node.returns) or any(_mentions_any(p.annotation) for p in parameters):
                yield f"{path}:{node.lineno}: {node.name} has Any in its signature (name the type)"


def runtime_stubs(tui: Path) -> Iterator[str]:
    """Every ``raise NotImplementedError`` under ``tui``: a stub that exists at run time."""
    for path in sorted(tui.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Raise) or node.exc is None:
                continue
            raised = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
            if isinstance(raised, ast.Name) and raised.id == "NotImplementedError":
                yield f"{path}:{node.lineno}: raise NotImplementedError (declare it under 'if TYPE_CHECKING:' instead)"


def trial_modules(tests: Path) -> Iterator[str]:
    """Every test module named after a trial instead of a feature."""
    for path in sorted(tests.rglob("test_*.py")):
        if TRIAL_NAME.search(path.stem):
            yield f"{path}: named after a trial (name it for the feature it tests)"


def timed_pauses(tests: Path) -> Iterator[str]:
    """Every ``pilot.pause`` given a duration in the tests: a fixed sleep instead of waiting for a condition."""
    for path in sorted(tests.rglob("*.py")):
        if path.resolve() == Path(__file__).resolve():  # its own docstrings name the rule
            continue
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if TIMED_PAUSE.search(line):
                yield f"{path}:{number}: pilot.pause with a duration (wait_for the condition instead)"


def breaches(root: Path = ROOT) -> list[str]:
    """Every breach of the rules in the checkout at ``root``."""
    tui, tests = root / "src" / "mock_interview" / "tui", root / "tests"
    return [
        *raw_threads(tui),
        *any_in_signatures(tui),
        *runtime_stubs(tui),
        *trial_modules(tests),
        *timed_pauses(tests),
    ]


def main() -> int:
    """Print each breach; the exit status is 1 when there is one."""
    found = breaches()
    for line in found:
        print(line)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
