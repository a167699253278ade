"""The safety mechanisms themselves: the terminal-text sanitiser and the file helpers of ``core/fsutil``."""

from __future__ import annotations

import json
import os
import stat
import time
from pathlib import Path

import pytest

from mock_interview.core.fsutil import (
    FileTooLargeError,
    NotRegularFileError,
    UnsafePathError,
    atomic_create_bytes,
    atomic_write_bytes,
    check_output_target,
    child_path,
    clean_stale_temp_files,
    open_private_for_writing,
    read_regular_file,
)
from mock_interview.core.safetext import json_text, markdown_escape, visible

# -- the sanitiser --------------------------------------------------------------------------------


def test_visible_replaces_every_control_character_one_for_one():
    every_control = "".join(chr(c) for c in [*range(0x20), 0x7F, *range(0x80, 0xA0)])
    shown = visible(every_control)
    assert len(shown) == len(every_control)  # offsets into the text (evidence) stay valid
    kept = {"\n", "\t"}
    for original, replacement in zip(every_control, shown, strict=True):
        if original in kept:
            assert replacement == original
        else:
            assert replacement != original and replacement.isprintable()


def test_visible_keeps_line_breaks_and_text_but_not_a_lone_carriage_return():
    assert visible("one\r\ntwo\tthree") == "one\r\ntwo\tthree"
    assert visible("fake\rreal") == "fake␍real"
    assert visible("plain [/] text, ünïcode ✔") == "plain [/] text, ünïcode ✔"
    assert visible("\x1b]8;;file:///etc/passwd\x07x") == "␛]8;;file:///etc/passwd␇x"


def test_json_text_escapes_controls_without_changing_the_data():
    value = {"text": "a\x1bb\x9bc\x7fd\u2028e ünï"}
    text = json_text(value)
    assert json.loads(text) == value
    assert not any(ord(c) < 0x20 and c not in "\n " or 0x7F <= ord(c) <= 0x9F for c in text)
    assert "ünï" in text  # readable, not \\u-escaped


def test_markdown_escape_keeps_text_inert():
    escaped = markdown_escape("# Title\n[link](file:///x) <b>hi</b> *em* `code`\n12. item\n- item\n> quote")
    assert escaped.splitlines() == [
        "\\# Title",
        "\\[link\\](file:///x) \\<b\\>hi\\</b\\> \\*em\\* \\`code\\`",
        "12\\. item",
        "\\- item",
        "\\> quote",
    ]


# -- paths ------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["../x.toml", "a/b.toml", "..", ".", ".hidden.toml", "/etc/passwd", "", "x\x00.toml"])
def test_child_path_refuses_names_that_leave_the_folder(tmp_path: Path, name: str):
    with pytest.raises(UnsafePathError):
        child_path(tmp_path, name)


def test_child_path_refuses_a_link_that_leads_outside(tmp_path: Path):
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "out.toml").symlink_to(tmp_path / "elsewhere.toml")
    with pytest.raises(UnsafePathError):
        child_path(folder, "out.toml")
    assert child_path(folder, "fine.toml") == folder / "fine.toml"


def test_check_output_target_names_what_is_there(tmp_path: Path):
    assert check_output_target(tmp_path / "new.md") is False
    (tmp_path / "file.md").write_text("x", encoding="utf-8")
    assert check_output_target(tmp_path / "file.md") is True
    os.mkfifo(tmp_path / "fifo")
    (tmp_path / "link").symlink_to(tmp_path / "file.md")
    for path, kind in (
        (tmp_path / "fifo", "a FIFO (named pipe)"),
        (tmp_path, "a folder"),
        (tmp_path / "link", "a symbolic link"),
        (Path("/dev/null"), "a character device"),
    ):
        with pytest.raises(NotRegularFileError) as caught:
            check_output_target(path)
        assert caught.value.kind == kind and "\n" not in str(caught.value)
    with pytest.raises(UnsafePathError, match="does not exist"):
        check_output_target(tmp_path / "missing" / "x.md")


def test_atomic_write_keeps_the_mode_of_an_existing_file_and_makes_new_ones_private(tmp_path: Path):
    existing = tmp_path / "shared.md"
    existing.write_text("old", encoding="utf-8")
    os.chmod(existing, 0o644)
    atomic_write_bytes(existing, b"new")
    assert existing.read_bytes() == b"new" and stat.S_IMODE(existing.stat().st_mode) == 0o644
    fresh = tmp_path / "fresh.md"
    atomic_write_bytes(fresh, b"x")
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o600


def test_atomic_write_never_replaces_a_link_or_special_file(tmp_path: Path):
    target = tmp_path / "target"
    target.write_text("keep", encoding="utf-8")
    link = tmp_path / "link"
    link.symlink_to(target)
    os.mkfifo(tmp_path / "fifo")
    for path in (link, tmp_path / "fifo"):
        with pytest.raises(UnsafePathError):
            atomic_write_bytes(path, b"data")
    assert (
        link.is_symlink() and target.read_text("utf-8") == "keep" and stat.S_ISFIFO(os.lstat(tmp_path / "fifo").st_mode)
    )
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_atomic_create_is_exclusive_and_whole(tmp_path: Path):
    path = tmp_path / "record.toml"
    atomic_create_bytes(path, b"first")
    with pytest.raises(FileExistsError):
        atomic_create_bytes(path, b"second")
    assert path.read_bytes() == b"first" and stat.S_IMODE(path.stat().st_mode) == 0o600
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere")
    with pytest.raises(FileExistsError):
        atomic_create_bytes(tmp_path / "dangling", b"x")
    assert not (tmp_path / "nowhere").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dangling", "record.toml"]


def test_open_for_writing_never_follows_a_link(tmp_path: Path):
    victim = tmp_path / "victim.txt"
    victim.write_text("text", encoding="utf-8")
    link = tmp_path / "link.wav"
    link.symlink_to(victim)
    with pytest.raises(UnsafePathError):
        open_private_for_writing(link)
    assert victim.read_text("utf-8") == "text"
    with pytest.raises(FileExistsError):
        open_private_for_writing(victim, exclusive=True)
    with open_private_for_writing(tmp_path / "new.wav", exclusive=True) as handle:
        handle.write(b"RIFF")
    assert stat.S_IMODE((tmp_path / "new.wav").stat().st_mode) == 0o600


def test_read_regular_file_refuses_fifos_devices_and_huge_files_at_once(tmp_path: Path):
    os.mkfifo(tmp_path / "fifo")
    began = time.monotonic()
    with pytest.raises(NotRegularFileError):
        read_regular_file(tmp_path / "fifo", 1024)  # used to block until a writer came
    with pytest.raises(NotRegularFileError):
        read_regular_file(Path("/dev/zero"), 1024)  # used to read until memory ran out
    assert time.monotonic() - began < 5
    big = tmp_path / "big"
    big.write_bytes(b"x" * 2049)
    with pytest.raises(FileTooLargeError):
        read_regular_file(big, 2048)
    assert read_regular_file(big, 4096) == b"x" * 2049
    (tmp_path / "link").symlink_to(big)
    assert read_regular_file(tmp_path / "link", 4096) == b"x" * 2049
    with pytest.raises(NotRegularFileError):
        read_regular_file(tmp_path / "link", 4096, follow_symlinks=False)


def test_proc_files_are_read_up_to_the_limit_only():
    proc = Path("/proc/self/status")
    if not proc.exists():
        pytest.skip("no /proc here")
    assert read_regular_file(proc, 1 << 20).startswith(b"Name:")


def test_stale_temp_files_are_removed_and_fresh_ones_kept(tmp_path: Path):
    stale = tmp_path / ".20250101-100000-ab12.toml.k3j4.tmp"
    fresh = tmp_path / ".20250101-100000-ab12.toml.zz99.tmp"
    other = tmp_path / ".keep-me"
    for path in (stale, fresh, other):
        path.write_text("x", encoding="utf-8")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    assert clean_stale_temp_files(tmp_path) == [stale]
    assert fresh.exists() and other.exists() and not stale.exists()


def test_the_data_directory_is_cleaned_on_start(tmp_path: Path):
    from mock_interview.core.datadir import DataDir

    data = DataDir(tmp_path / "data").ensure()
    left = data.sessions / ".x.toml.abcd.tmp"
    left.write_text("half a save", encoding="utf-8")
    old = time.time() - 3600
    os.utime(left, (old, old))
    data.ensure()
    assert not left.exists()
