"""The layers hold: the pure core imports no UI, audio or speech library, and no module imports
from a layer above its own (core ← audio ← transcription ← command line and app); and no module
imports itself back through others (the import graph of src/ has no cycle).

The layering and the cycles are checked by import-linter with the contracts in pyproject.toml
(``./run-checks``); copies of the package with one forbidden import or one cycle added show that
the checks do fail. The cycles are also found here from the graph itself (grimp, which import-linter
is built on), so a contract loosened by mistake cannot hide one."""

from __future__ import annotations

import pkgutil
import shutil
import subprocess
import sys
from collections.abc import Set
from pathlib import Path

import grimp

import mock_interview.core

ROOT = Path(__file__).resolve().parents[2]
CORE_MODULES = sorted(m.name for m in pkgutil.walk_packages(mock_interview.core.__path__, "mock_interview.core."))
FORBIDDEN = ["textual", "rich", "faster_whisper", "sounddevice", "ctranslate2", "soundfile", "soxr"]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def test_every_core_module_imports_no_ui_or_audio_library() -> None:
    assert "mock_interview.core.rounds" in CORE_MODULES and "mock_interview.core.feedback.star" in CORE_MODULES
    code = (
        "import sys\n"
        f"for name in {CORE_MODULES!r}: __import__(name)\n"
        f"print(','.join(m for m in {FORBIDDEN!r} if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "", f"core imported: {result.stdout.strip()}"


def test_cli_help_imports_nothing_heavy() -> None:
    code = (
        "import sys\n"
        "from mock_interview.cli.main import build_parser\n"
        "build_parser()\n"
        "heavy = ['textual', 'rich', 'faster_whisper', 'sounddevice', 'numpy']\n"
        "print(','.join(m for m in heavy if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def _lint_imports(root: Path, source: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", str(root / "pyproject.toml")],
        capture_output=True,
        text=True,
        cwd=root,
        env={"PYTHONPATH": str(source), "PATH": "/usr/bin:/bin"},
    )


def test_the_import_layers_hold() -> None:
    result = _lint_imports(ROOT, ROOT / "src")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "broken" in result.stdout and " 0 broken" in result.stdout


def _copy_package(tmp_path: Path) -> Path:
    """A copy of src/mock_interview and pyproject.toml under ``tmp_path``; returns the copy's source folder."""
    shutil.copytree(
        ROOT / "src" / "mock_interview",
        tmp_path / "src" / "mock_interview",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path / "src"


def test_a_forbidden_import_breaks_the_layers(tmp_path: Path) -> None:
    _copy_package(tmp_path)
    packs = tmp_path / "src" / "mock_interview" / "core" / "packs.py"
    packs.write_text(
        packs.read_text("utf-8") + "\n\ndef _leak() -> None:\n    import mock_interview.tui.app  # noqa\n", "utf-8"
    )
    result = _lint_imports(tmp_path, tmp_path / "src")
    assert result.returncode != 0
    assert "mock_interview.core.packs -> mock_interview.tui.app" in result.stdout


def import_cycles(graph: grimp.ImportGraph, root: str, skip: Set[tuple[str, str]] = frozenset()) -> list[list[str]]:
    """The modules under ``root`` that import each other round in a circle (each cycle's modules, sorted).

    ``skip`` holds (importer prefix, imported) edges left out. Every import counts: at the top, in a
    function, or only for type checking. Tarjan's strongly connected components, without recursion.
    """
    modules = sorted(m for m in graph.modules if m == root or m.startswith(root + "."))
    edges = {
        m: sorted(
            n
            for n in graph.find_modules_directly_imported_by(m)
            if n in modules and not any(m.startswith(a) and n == b for a, b in skip)
        )
        for m in modules
    }
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []
    for start in modules:
        if start in index:
            continue
        work = [(start, 0)]
        while work:
            node, position = work.pop()
            if position == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            for next_position in range(position, len(edges[node])):
                target = edges[node][next_position]
                if target not in index:
                    work += [(node, next_position + 1), (target, 0)]
                    break
                if target in on_stack:
                    low[node] = min(low[node], index[target])
            else:
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1 or node in edges[node]:
                        cycles.append(sorted(component))
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
    return cycles


def _graph() -> grimp.ImportGraph:
    return grimp.build_graph("mock_interview", cache_dir=None)


def test_the_import_graph_of_src_has_no_cycle() -> None:
    assert import_cycles(_graph(), "mock_interview") == []


def test_no_screen_imports_the_app() -> None:
    """Screens are given the app's services (tui/services.py) when built: none names app.py, even for types."""
    graph = _graph()
    screens = [m for m in graph.modules if m.startswith("mock_interview.tui.screens.")]
    assert screens
    assert [m for m in screens if "mock_interview.tui.app" in graph.find_modules_directly_imported_by(m)] == []


def test_the_cycle_finder_finds_cycles_of_every_length() -> None:
    graph = grimp.ImportGraph()
    for importer, imported in [("p.a", "p.b"), ("p.b", "p.c"), ("p.c", "p.a"), ("p.d", "p.d"), ("p.e", "p.a")]:
        graph.add_import(importer=importer, imported=imported)
    graph.add_module("p")
    assert import_cycles(graph, "p") == [["p.a", "p.b", "p.c"], ["p.d"]]
    assert import_cycles(graph, "p", {("p.c", "p.a"), ("p.d", "p.d")}) == []


def test_a_lazy_import_that_closes_a_cycle_breaks_the_contract(tmp_path: Path) -> None:
    source = _copy_package(tmp_path)
    choices = source / "mock_interview" / "core" / "choices.py"  # packs.py imports choices.py
    choices.write_text(
        choices.read_text("utf-8") + "\n\ndef _back() -> None:\n    import mock_interview.core.packs  # noqa\n", "utf-8"
    )
    result = _lint_imports(tmp_path, source)
    assert result.returncode != 0
    assert (
        "No import cycles BROKEN" in result.stdout and "No cycles are allowed in mock_interview.core" in result.stdout
    )


# Sizes count statements, not lines, so the formatter's layout (one argument a line) does not move them.
MAX_MODULE_STATEMENTS = 360
MAX_FUNCTION_STATEMENTS = 60


def _statements(node: object, nested: bool = True) -> int:
    """Statements under ``node``; without ``nested``, those of functions defined inside it count as one each."""
    import ast

    count = 0
    for child in ast.iter_child_nodes(node):  # type: ignore[arg-type]
        count += isinstance(child, ast.stmt)
        if nested or not isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
            count += _statements(child, nested)
    return count


def oversized(
    source: str, max_module: int = MAX_MODULE_STATEMENTS, max_function: int = MAX_FUNCTION_STATEMENTS
) -> list[str]:
    """What is too long in one module's source: the module itself, and each function over the limit."""
    import ast

    found = []
    tree = ast.parse(source)
    if (count := _statements(tree)) > max_module:
        found.append(f"module: {count} statements")
    for node in ast.walk(tree):
        if (
            isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            and (count := _statements(node, False)) > max_function
        ):
            found.append(f"{node.name}: {count} statements")
    return found


def test_no_module_or_function_grows_past_its_limit() -> None:
    package = ROOT / "src" / "mock_interview"
    problems = {
        str(path.relative_to(package)): found
        for path in sorted(package.rglob("*.py"))
        if (found := oversized(path.read_text("utf-8")))
    }
    limits = f"modules <= {MAX_MODULE_STATEMENTS} statements, functions <= {MAX_FUNCTION_STATEMENTS}"
    assert problems == {}, f"split these ({limits}): {problems}"


def test_the_size_check_sees_a_long_function_and_a_long_module() -> None:
    long_function = "def f():\n" + "    x = 1\n" * 65
    assert oversized(long_function) == ["f: 65 statements"]
    assert oversized("x = 1\n" * 600, max_module=500)[0].startswith("module: ")
    assert oversized("def g():\n    return 1\n") == []
