"""The layers hold: the pure core imports no UI, audio or speech library, and no module imports
from a layer above its own (core ← audio ← transcription ← command line and app).

The layering is checked by import-linter with the contracts in pyproject.toml; a copy of the
package with one forbidden import added shows that the check does fail."""

from __future__ import annotations

import pkgutil
import shutil
import subprocess
import sys
from pathlib import Path

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


def test_a_forbidden_import_breaks_the_layers(tmp_path: Path) -> None:
    shutil.copytree(
        ROOT / "src" / "mock_interview",
        tmp_path / "src" / "mock_interview",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    packs = tmp_path / "src" / "mock_interview" / "core" / "packs.py"
    packs.write_text(
        packs.read_text("utf-8") + "\n\ndef _leak() -> None:\n    import mock_interview.tui.app  # noqa\n", "utf-8"
    )
    result = _lint_imports(tmp_path, tmp_path / "src")
    assert result.returncode != 0
    assert "mock_interview.core.packs -> mock_interview.tui.app" in result.stdout


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
