"""The pure core must not import the UI or the heavy audio and speech libraries."""

from __future__ import annotations

import subprocess
import sys

CORE_MODULES = ["mock_interview.core.packs", "mock_interview.core.profiles", "mock_interview.core.sessions",
                "mock_interview.core.settings", "mock_interview.core.report", "mock_interview.core.datadir",
                "mock_interview.core.feedback"]
FORBIDDEN = ["textual", "faster_whisper", "sounddevice", "ctranslate2", "soundfile"]


def test_core_imports_no_ui_or_audio_library():
    code = (
        "import sys\n"
        f"for name in {CORE_MODULES!r}: __import__(name)\n"
        "from mock_interview.core.feedback import analyse\n"
        f"print(','.join(m for m in {FORBIDDEN!r} if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "", f"core imported: {result.stdout.strip()}"


def test_cli_help_imports_nothing_heavy():
    code = (
        "import sys\n"
        "from mock_interview.cli.main import build_parser\n"
        "build_parser()\n"
        "print(','.join(m for m in ['textual', 'rich', 'faster_whisper', 'sounddevice', 'numpy'] if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""
