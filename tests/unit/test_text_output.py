"""Text from files reaches the terminal as text: invisible characters shown, undecodable names escaped, any encoding."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

from mock_interview.core.safetext import REPLACEMENT_FORMAT, json_text, visible
from tests.cli_runner import run_cli

RLO_PACK = """
[pack]
id = "shared"
title = "Shared \u202eevil\u202c pack"
description = "A pack from a friend"

[[questions]]
id = "q"
text = "Tell me about a\u200b time you \u2066led\u2069 a team."
kind = "behavioral"
"""


def test_every_invisible_format_character_is_made_visible_one_for_one():
    invisible = [chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cf"]
    text = "".join(f"a{c}" for c in invisible)
    shown = visible(text)
    assert len(shown) == len(text)
    assert shown == "".join(f"a{REPLACEMENT_FORMAT}" for _ in invisible)
    assert visible("plain text, café, 日本語, emoji 😀") == "plain text, café, 日本語, emoji 😀"


def test_json_output_escapes_invisible_characters_and_undecodable_names():
    name = os.fsdecode(b"pack-\xff.toml")  # a file name that is not UTF-8: a lone surrogate in Python
    text = json_text({"source": name, "title": "a\u202eb"})
    text.encode("utf-8")  # valid UTF-8: no raw surrogate left
    assert "\\udcff" in text and "\\u202e" in text
    assert json.loads(text) == {"source": name, "title": "a\u202eb"}  # the data itself is unchanged


def test_a_shared_pack_shows_its_overrides_and_zero_width_characters(isolated_data_dir: Path, capsys):
    packs = isolated_data_dir / "packs"
    packs.mkdir(parents=True)
    (packs / "shared.toml").write_text(RLO_PACK, encoding="utf-8")
    for args in (("packs", "list"), ("packs", "show", "shared")):
        code, out, _ = run_cli(capsys, *args)
        assert code == 0
        assert not any(unicodedata.category(c) == "Cf" for c in out), out
        assert REPLACEMENT_FORMAT in out


def test_packs_list_json_with_a_file_name_that_is_not_utf8_is_valid_json(isolated_data_dir: Path):
    packs = isolated_data_dir / "packs"
    packs.mkdir(parents=True)
    (packs / os.fsdecode(b"bad-\xff.toml")).write_bytes(RLO_PACK.encode())
    result = subprocess.run(
        [sys.executable, "-m", "mock_interview", "packs", "list", "--json"],
        env={**os.environ, "MOCK_INTERVIEW_DATA_DIR": str(isolated_data_dir)},
        capture_output=True,
    )
    assert result.returncode == 0, result.stderr
    listed = json.loads(result.stdout.decode("utf-8"))  # strict UTF-8 and valid JSON
    sources = [p["source"] for p in listed if not p["builtin"]]
    assert sources and os.fsencode(sources[0]).endswith(b"bad-\xff.toml")


def test_output_in_an_ascii_only_encoding_replaces_what_it_cannot_write(isolated_data_dir: Path):
    for args in (["packs", "show", "behavioral-star"], ["packs", "list"], ["sessions", "list"], ["--help"]):
        result = subprocess.run(
            [sys.executable, "-m", "mock_interview", *args],
            env={**os.environ, "MOCK_INTERVIEW_DATA_DIR": str(isolated_data_dir), "PYTHONIOENCODING": "ascii"},
            capture_output=True,
        )
        assert result.returncode == 0, (args, result.stderr)
        assert b"Traceback" not in result.stderr and b"UnicodeEncodeError" not in result.stderr
        result.stdout.decode("ascii")
