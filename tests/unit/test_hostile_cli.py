"""Issue 10's probes against the command line: each gives a one-line error or the right result.

Every test here failed before the fix it guards (a traceback, a raw escape sequence on the
terminal, a file written outside its folder or through a link, a hang).
"""

from __future__ import annotations

import io
import json
import os
import stat
import sys
import threading
from argparse import Namespace
from pathlib import Path

import pytest

from mock_interview.cli.main import main
from tests.cli_runner import run_cli as run
from tests.hostile import (
    BAD_SESSIONS,
    HOSTILE_TITLE,
    MARKUP,
    NAIVE_SESSION,
    RAW_CONTROLS,
    write_bad_sessions,
    write_hostile_pack,
    write_hostile_profile,
    write_session,
)

GOOD_ID = "20250101-100000-aaaa"


def assert_clean(*texts: str) -> None:
    """No traceback and no raw control character in what was printed."""
    for text in texts:
        assert "Traceback" not in text
        for char in RAW_CONTROLS:
            assert char not in text, f"raw {char!r} printed: {text[:300]!r}"


# -- terminal and markup injection ---------------------------------------------------------------


def test_validate_echoes_a_bad_id_without_its_escape_sequences(capsys, tmp_path: Path):
    bad = tmp_path / "bad.toml"
    bad.write_text(
        '[pack]\nid = "x\\u001b[2J\\u001b]0;title\\u0007"\ntitle = "T"\n'
        '[[questions]]\nid = "a"\ntext = "t"\nkind = "goals"\n',
        encoding="utf-8",
    )
    code, out, err = run(capsys, "packs", "validate", str(bad))
    assert code == 1 and "pack.id" in out and "␛[2J" in out
    assert_clean(out, err)


@pytest.mark.parametrize(
    "argv", [("packs", "list"), ("packs", "show", "evil"), ("packs", "list", "--json"), ("doctor",)]
)
def test_pack_text_is_shown_literally_and_inert(capsys, isolated_data_dir: Path, argv):
    write_hostile_pack(isolated_data_dir / "packs")
    code, out, err = run(capsys, *argv)
    assert code in (0, 1) and "Traceback" not in err
    assert_clean(out, err)
    if argv[:2] == ("packs", "show"):
        assert "[/]" in out and "[link=file:///etc/passwd]" in out and "[draft]" in out and "CLICKME" in out
    if "--json" in argv:
        evil = next(p for p in json.loads(out) if p["id"] == "evil")
        assert evil["title"] == HOSTILE_TITLE  # JSON keeps the data exactly (escaped, not altered)


def test_packs_show_on_a_terminal_prints_no_hyperlink_or_markup(capsys, isolated_data_dir: Path, monkeypatch):
    monkeypatch.setattr("mock_interview.cli.output.is_terminal", lambda: True)
    write_hostile_pack(isolated_data_dir / "packs")
    code, out, err = run(capsys, "packs", "show", "evil")
    assert code == 0 and "[/]" in out and "\x1b]8;" not in out  # Rich's own colours are fine; no OSC 8 link
    assert "\x1b]0;" not in out and "\x1b[2J" not in out


def test_profiles_list_and_show_keep_profile_text_inert(capsys, isolated_data_dir: Path):
    write_hostile_profile(isolated_data_dir / "profiles")
    for argv in (("profiles", "list"), ("profiles", "show", "evilp")):
        code, out, err = run(capsys, *argv)
        assert code == 0
        assert_clean(out, err)
    assert "Acme [/]" in run(capsys, "profiles", "list")[1]


@pytest.mark.parametrize("terminal", [False, True])
def test_score_shows_an_answer_and_a_company_with_markup_literally(
    capsys, isolated_data_dir: Path, tmp_path: Path, monkeypatch, terminal: bool
):
    monkeypatch.setattr("mock_interview.cli.output.is_terminal", lambda: terminal)
    write_hostile_profile(isolated_data_dir / "profiles")
    answer = tmp_path / "answer.txt"
    answer.write_text(f"I [/] led {MARKUP} a team of 5 at Acme [/] and we grew 20% in a year.", encoding="utf-8")
    code, out, err = run(
        capsys, "score", str(answer), "--question", "Why do you want to work here?", "--profile", "evilp"
    )
    assert code == 0 and "Score" in out and "Traceback" not in err
    assert "\x1b]8;" not in out and "\x1b]0;" not in out
    assert "␛[1m" not in out and "␛[0m" not in out  # Rich's own codes (bold score line) stay codes, not text


def test_sessions_show_and_export_escape_answers(capsys, isolated_data_dir: Path, tmp_path: Path):
    write_session(
        isolated_data_dir / "sessions",
        GOOD_ID,
        question=f"Where {MARKUP}?\x1b[2J",
        text="In five years [link](file:///etc/passwd) <b>lead</b> \x1b]0;t\x07",
        label="Current [/] role",
    )
    code, out, err = run(capsys, "sessions", "show", GOOD_ID)
    assert code == 0 and "[/]" in out
    assert_clean(out, err)
    code, out, err = run(capsys, "sessions", "export", GOOD_ID)
    assert code == 0 and r"\[link\](file:///etc/passwd)" in out and r"\<b\>lead\</b\>" in out
    assert_clean(out, err)
    code, out, err = run(capsys, "sessions", "export", GOOD_ID, "--format", "json")
    assert json.loads(out)["answers"][0]["text"].endswith("\x1b]0;t\x07")  # the data itself is kept
    assert_clean(out, err)


def test_an_argument_quoted_in_a_message_is_made_visible(capsys):
    code, out, err = run(capsys, "packs", "show", "nope\x1b[2J\x9b31m")
    assert code == 1 and "nope␛[2J" in err
    assert_clean(out, err)


def test_export_json_of_a_session_with_dates_and_times_in_its_settings(capsys, isolated_data_dir: Path):
    path = write_session(isolated_data_dir / "sessions", GOOD_ID)
    dated = path.read_text("utf-8").replace('order = "pack"', 'order = "pack"\nday = 2025-01-01\nat = 10:00:00')
    path.write_text(dated, encoding="utf-8")
    code, out, err = run(capsys, "sessions", "export", GOOD_ID, "--format", "json")
    assert code == 0 and json.loads(out)["session"]["settings"]["day"] == "2025-01-01" and "Traceback" not in err


# -- paths ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("session_id", ["../../outside/x", "/etc/passwd", "*", "[", "..", "a/b", ""])
def test_sessions_show_never_leaves_the_sessions_folder(
    capsys, isolated_data_dir: Path, tmp_path: Path, session_id: str
):
    outside = tmp_path / "outside"
    write_session(outside, "x")
    code, out, err = run(capsys, "sessions", "show", session_id)
    assert code == 1 and "not a session id" in err and len(err.strip().splitlines()) == 1
    assert_clean(out, err)


def test_profiles_show_never_leaves_the_profiles_folder(capsys, isolated_data_dir: Path, tmp_path: Path):
    (tmp_path / "secret").mkdir()
    (tmp_path / "secret" / "p.toml").write_text('company = "Secret"\nrole = "R"\n', encoding="utf-8")
    for name in ("../../secret/p", "../secret/p", str(tmp_path / "secret" / "p")):
        code, out, err = run(capsys, "profiles", "show", name)
        assert code == 1 and "Secret" not in out and "no profile" in err


@pytest.fixture
def one_session(isolated_data_dir: Path) -> str:
    write_session(isolated_data_dir / "sessions", GOOD_ID)
    return GOOD_ID


def test_export_refuses_a_fifo_a_folder_and_a_symlink(capsys, one_session: str, tmp_path: Path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    target = tmp_path / "target.txt"
    target.write_text("keep me\n", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    for path, what in ((fifo, "FIFO"), (tmp_path, "folder"), (link, "symbolic link")):
        code, out, err = run(capsys, "sessions", "export", one_session, "-o", str(path))
        assert code == 1 and what in err and len(err.strip().splitlines()) == 1
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and link.is_symlink() and target.read_text("utf-8") == "keep me\n"


def test_export_keeps_an_existing_files_mode_and_dash_is_stdout(capsys, one_session: str, tmp_path: Path):
    existing = tmp_path / "report.md"
    existing.write_text("old\n", encoding="utf-8")
    os.chmod(existing, 0o644)
    code, _, err = run(capsys, "sessions", "export", one_session, "-o", str(existing))
    assert code == 0 and "Mock interview" in existing.read_text("utf-8")
    assert stat.S_IMODE(existing.stat().st_mode) == 0o644
    code, out, _ = run(capsys, "sessions", "export", one_session, "-o", "-")
    assert code == 0 and out.startswith("# Mock interview")


def test_export_to_a_link_to_standard_output_is_refused_not_replaced(capsys, one_session: str, tmp_path: Path):
    """`-o /dev/stdout` replaced the link with a regular file (and printed nothing); this is the same
    probe on a link of the test's own, so that running it against old code cannot break /dev."""
    link = tmp_path / "stdout"
    link.symlink_to("/proc/self/fd/1")
    code, out, err = run(capsys, "sessions", "export", one_session, "-o", str(link))
    assert code == 1 and "symbolic link" in err and link.is_symlink()


def test_a_session_id_in_a_file_never_becomes_a_path(isolated_data_dir: Path, tmp_path: Path):
    from mock_interview.core.sessions import SessionStore

    folder = isolated_data_dir / "sessions"
    path = write_session(folder, "20250103-100000-evil")
    path.write_text(
        path.read_text("utf-8").replace('id = "20250103-100000-evil"', 'id = "../../../outside/evil"'), encoding="utf-8"
    )
    store = SessionStore(folder)
    session = store.load("20250103-100000-evil")
    assert session.id == "20250103-100000-evil"  # the file name is the id
    session.answers[0].reflection = "a new note"
    assert store.save(session) == path
    assert not (tmp_path / "outside").exists() and store.load(session.id).answers[0].reflection == "a new note"


# -- record and models: output paths and arguments ---------------------------------------------


@pytest.mark.parametrize("seconds", ["-1", "0", "nan", "inf", "abc"])
def test_record_rejects_impossible_durations(capsys, tmp_path: Path, seconds: str):
    with pytest.raises(SystemExit) as caught:
        main(["record", str(tmp_path / "x.wav"), "--seconds", seconds])
    out, err = capsys.readouterr()
    assert caught.value.code == 2 and "--seconds" in err and "Traceback" not in err
    assert not (tmp_path / "x.wav").exists()


def _record_args(output: Path, force: bool = False) -> Namespace:
    return Namespace(
        output=str(output), force=force, device=None, seconds=1.0, transcribe=False, json=False, model=None
    )


@pytest.fixture
def recorder_never_starts(monkeypatch):
    """Recording stops at the device (there is none in these tests): only the path checks are seen."""
    from mock_interview.audio import recorder
    from mock_interview.audio.devices import AudioUnavailable

    def refuse(self) -> None:
        raise AudioUnavailable("no audio input device was found")

    monkeypatch.setattr(recorder.Recorder, "start", refuse)


def test_record_refuses_links_folders_special_files_and_existing_files(capsys, tmp_path: Path, recorder_never_starts):
    from mock_interview.cli.audio_commands import _record

    victim = tmp_path / "victim.txt"
    victim.write_text("text\n", encoding="utf-8")
    link = tmp_path / "link.wav"
    link.symlink_to(victim)
    folder = tmp_path / "dir.wav"
    folder.mkdir()
    existing = tmp_path / "exists.wav"
    existing.write_bytes(b"old")
    fifo = tmp_path / "fifo.wav"
    os.mkfifo(fifo)
    cases = [
        (link, "symbolic link"),
        (folder, "folder"),
        (existing, "--force"),
        (fifo, "FIFO"),
        (Path("/proc/x.wav"), "cannot create"),
        (tmp_path / "no" / "such" / "x.wav", "does not exist"),
    ]
    for path, expected in cases:
        code = _record(_record_args(path), None, "bundled", tmp_path / "models")
        _, err = capsys.readouterr()
        assert code == 1 and expected in err, (path, err)
    assert victim.read_text("utf-8") == "text\n" and existing.read_bytes() == b"old"


def test_record_leaves_no_placeholder_when_the_device_fails(tmp_path: Path, recorder_never_starts):
    from mock_interview.audio.devices import AudioUnavailable
    from mock_interview.cli.audio_commands import _record

    output = tmp_path / "new.wav"
    with pytest.raises(AudioUnavailable):
        _record(_record_args(output), None, "bundled", tmp_path / "models")
    assert not output.exists()


def test_record_with_force_overwrites_only_a_regular_file(tmp_path: Path, monkeypatch):
    from mock_interview.core.fsutil import open_private_for_writing

    existing = tmp_path / "exists.wav"
    existing.write_bytes(b"old")
    os.chmod(existing, 0o640)
    with open_private_for_writing(existing) as handle:
        handle.write(b"new")
    assert existing.read_bytes() == b"new" and stat.S_IMODE(existing.stat().st_mode) == 0o640
    link = tmp_path / "link.wav"
    link.symlink_to(existing)
    from mock_interview.core.fsutil import UnsafePathError

    with pytest.raises(UnsafePathError):
        open_private_for_writing(link)
    assert existing.read_bytes() == b"new"


@pytest.mark.parametrize("name", ["../../x", "../x", "/tmp/x", "a/b", ".hidden", "x" * 100, "..", ""])
def test_models_download_refuses_names_that_are_paths(capsys, isolated_data_dir: Path, tmp_path: Path, name: str):
    code, out, err = run(capsys, "models", "download", name)
    assert code == 1 and "not a model name" in err
    assert not (isolated_data_dir.parent / "x").exists() and not (tmp_path / "x").exists()
    models = isolated_data_dir / "models"
    assert not models.exists() or not list(models.iterdir())


def test_a_failed_download_leaves_no_folder_and_list_skips_incomplete(capsys, isolated_data_dir: Path, monkeypatch):
    import faster_whisper.utils

    def fail(name: str, output_dir: str, **kwargs: object) -> str:
        Path(output_dir, "config.json").write_text("{}", encoding="utf-8")  # a partial download
        raise RuntimeError("connection reset")

    monkeypatch.setattr(faster_whisper.utils, "download_model", fail)
    code, _, err = run(capsys, "models", "download", "base.en")
    assert code == 1 and "connection reset" in err
    models = isolated_data_dir / "models"
    assert list(models.iterdir()) == []
    (models / "small.en").mkdir()  # an incomplete folder from an older version
    code, out, _ = run(capsys, "models", "list")
    assert "small.en" in out and "incomplete" in out


def test_a_successful_download_lands_whole_and_needs_force_to_repeat(capsys, isolated_data_dir: Path, monkeypatch):
    import faster_whisper.utils

    def fetch(name: str, output_dir: str, **kwargs: object) -> str:
        for file in ("model.bin", "config.json"):
            Path(output_dir, file).write_text("x", encoding="utf-8")
        return output_dir

    monkeypatch.setattr(faster_whisper.utils, "download_model", fetch)
    code, out, _ = run(capsys, "models", "download", "base.en")
    assert code == 0 and (isolated_data_dir / "models" / "base.en" / "model.bin").exists()
    code, _, err = run(capsys, "models", "download", "base.en")
    assert code == 1 and "--force" in err
    code, _, _ = run(capsys, "models", "download", "base.en", "--force")
    assert code == 0 and [p.name for p in (isolated_data_dir / "models").iterdir()] == ["base.en"]


# -- one bad file never takes the rest down -----------------------------------------------------

DEEP = "tags = " + "[" * 500 + "]" * 500 + "\n"


def test_a_deeply_nested_pack_is_skipped_with_a_warning(capsys, isolated_data_dir: Path):
    packs = isolated_data_dir / "packs"
    packs.mkdir(parents=True)
    (packs / "deep.toml").write_text(
        '[pack]\nid = "deep"\ntitle = "D"\n' + DEEP + '[[questions]]\nid = "a"\ntext = "t"\nkind = "goals"\n',
        encoding="utf-8",
    )
    for argv in (("packs", "list"), ("doctor",)):
        code, out, err = run(capsys, *argv)
        assert "Traceback" not in err and "deep.toml" in (err + out) and "levels deep" in (err + out)
    code, out, err = _score_stdin(capsys, ("score", "--question-id", "career-goals/five-years"))
    assert code == 0 and "Score" in out and "Traceback" not in err
    assert "career-goals" in run(capsys, "packs", "list")[1]


def _score_stdin(capsys, argv) -> tuple[int, str, str]:
    saved = sys.stdin
    sys.stdin = io.StringIO("In five years I want to lead a team.")
    try:
        return run(capsys, *argv)
    finally:
        sys.stdin = saved


def test_a_deeply_nested_settings_file_gives_defaults_and_a_warning(capsys, isolated_data_dir: Path):
    isolated_data_dir.mkdir(parents=True, exist_ok=True)
    (isolated_data_dir / "settings.toml").write_text(DEEP, encoding="utf-8")
    for argv in (("packs", "list"), ("profiles", "list"), ("sessions", "list"), ("doctor",)):
        code, out, err = run(capsys, *argv)
        assert "Traceback" not in err and code in (0, 1)
    code, out, _ = run(capsys, "doctor")
    assert "levels deep" in out


def test_bad_sessions_are_reported_and_good_ones_still_list_show_and_export(capsys, isolated_data_dir: Path):
    folder = isolated_data_dir / "sessions"
    write_session(folder, GOOD_ID)
    write_bad_sessions(folder)
    write_session(folder, NAIVE_SESSION[0], **NAIVE_SESSION[1])
    (folder / "20250104-100000-deep.toml").write_text("[session]\n" + DEEP, encoding="utf-8")
    code, out, err = run(capsys, "sessions", "list")
    assert code == 0 and GOOD_ID in out and NAIVE_SESSION[0] in out
    warnings = [line for line in err.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 4 and all(("bad" in w or "deep" in w) for w in warnings)
    assert "session.score" in err and "session.answer_count" in err and "session.group_scores" in err
    code, out, err = run(capsys, "sessions", "list", "--json")
    assert {s["id"] for s in json.loads(out)} == {GOOD_ID, NAIVE_SESSION[0]}
    for session_id in (GOOD_ID, NAIVE_SESSION[0]):
        assert run(capsys, "sessions", "show", session_id)[0] == 0
        code, out, _ = run(capsys, "sessions", "export", session_id, "--format", "json")
        assert code == 0 and json.loads(out)["session"]["started"].startswith("2025-01-0")
    for session_id in BAD_SESSIONS:
        for argv in (("sessions", "show", session_id), ("sessions", "export", session_id, "--format", "json")):
            code, out, err = run(capsys, *argv)
            assert code == 1 and session_id in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


# -- special files and time ---------------------------------------------------------------------


def test_validate_refuses_fifos_devices_and_reports_broken_links(capsys, tmp_path: Path):
    fifo = tmp_path / "fifo.toml"
    os.mkfifo(fifo)
    code, out, _ = run(capsys, "packs", "validate", str(fifo), "/dev/zero")
    assert code == 1 and "FIFO" in out and "character device" in out
    folder = tmp_path / "packs"
    folder.mkdir()
    (folder / "ok.toml").write_text(
        '[pack]\nid="okp"\ntitle="OK"\n[[questions]]\nid="a"\ntext="t"\nkind="goals"\n', encoding="utf-8"
    )
    (folder / "broken.toml").symlink_to(tmp_path / "nowhere.toml")
    (folder / "loop.toml").symlink_to(folder / "loop.toml")
    os.mkfifo(folder / "pipe.toml")
    code, out, _ = run(capsys, "packs", "validate", str(folder))
    assert code == 1 and "broken symbolic link" in out and "loop of symbolic links" in out and "FIFO" in out
    assert "ok:" not in out


def test_validate_refuses_a_file_over_the_size_limit(capsys, tmp_path: Path):
    huge = tmp_path / "huge.toml"
    with open(huge, "wb") as handle:
        handle.truncate(6 * 1024 * 1024)
    code, out, _ = run(capsys, "packs", "validate", str(huge))
    assert code == 1 and "larger than 5 MB" in out


def test_validating_many_bad_questions_reports_each_with_its_line(capsys, tmp_path: Path):
    # 8,000 used to take 31-130 s (a scan of the file per problem); bench/validation_speed.py times it.
    big = tmp_path / "big.toml"
    big.write_text(
        '[pack]\nid = "big"\ntitle = "Big"\n'
        + "".join(f'[[questions]]\nid = "q{i}"\ntext = "t"\nkind = "nope"\n' for i in range(2000)),
        encoding="utf-8",
    )
    code, out, err = run(capsys, "packs", "validate", str(big))
    lines = out.splitlines()
    assert code == 1 and len(lines) == 2000 and lines[1].startswith(f"{big}:11: questions[2].kind:")


# -- lost writes ---------------------------------------------------------------------------------


def test_concurrent_profiles_new_save_exactly_one(capsys, isolated_data_dir: Path, monkeypatch):
    """Twelve `profiles new same` racing: all pass the "exists?" check, exactly one may save."""
    from mock_interview.cli import commands
    from mock_interview.core.context import AppContext
    from mock_interview.core.profiles import ProfileStore

    racers = 12
    barrier = threading.Barrier(racers)
    original = ProfileStore.save

    def save_after_everyone_checked(self, profile, **options):
        barrier.wait(timeout=10)
        return original(self, profile, **options)

    monkeypatch.setattr(ProfileStore, "save", save_after_everyone_checked)
    context = AppContext.from_options(str(isolated_data_dir))
    results: list[int] = []

    def new(index: int) -> None:
        args = Namespace(
            name="same",
            company=f"C{index}",
            role="R",
            industry=None,
            stage=None,
            mission=None,
            values=None,
            job_description_file=None,
            use=False,
            force=False,
        )
        results.append(commands._profiles_new(context, args))

    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # not a terminal: no prompts
    threads = [threading.Thread(target=new, args=(i,)) for i in range(racers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    out, err = capsys.readouterr()
    assert sorted(results) == [0] + [1] * (racers - 1)
    assert out.count("saved ") == 1 and err.count("created meanwhile") == racers - 1


def _in_a_terminal(*argv: str, data: Path) -> str:
    """Run the command with its output on a pseudo-terminal (as a user sees it); return what it printed."""
    import pty
    import subprocess

    master, slave = pty.openpty()
    env = dict(os.environ, MOCK_INTERVIEW_DATA_DIR=str(data), COLUMNS="120", TERM="xterm-256color")
    process = subprocess.Popen(
        [sys.executable, "-m", "mock_interview", *argv], stdin=subprocess.DEVNULL, stdout=slave, stderr=slave, env=env
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    process.wait(timeout=60)
    return b"".join(chunks).decode("utf-8", "replace")


def test_on_a_real_terminal_colours_stay_codes_and_file_escapes_become_visible(isolated_data_dir: Path, tmp_path: Path):
    write_hostile_pack(isolated_data_dir / "packs")
    answer = tmp_path / "answer.txt"
    answer.write_text("I [/] led a team of 5 \x1b[2J and grew sales 20% in a year.", encoding="utf-8")
    for argv in (
        ("score", str(answer), "--question", "Tell me about a time you led a team."),
        ("packs", "show", "evil"),
    ):
        out = _in_a_terminal(*argv, data=isolated_data_dir)
        assert "\x1b[1m" in out  # Rich's bold: real codes, the terminal styles the text
        assert "␛[1m" not in out and "␛[0m" not in out  # ... not made visible by the filter
        assert "[/]" in out and "␛[2J" in out and "\x1b[2J" not in out and "\x1b]8;" not in out
