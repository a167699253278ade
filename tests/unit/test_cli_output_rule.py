"""One rule for what the command line prints: a table only on a terminal; piped or redirected, plain
lines with nothing padded, boxed or centred; and the facts a reader needs (the profile used, counts
in the right number, a time used that cannot pass 100% of itself)."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from mock_interview.core.sessions import AnswerRecord, AnswerStatus, SessionStore, now
from tests.cli_runner import run_cli
from tests.unit.test_rounds import WEAK_STAR

BOX = set("┃│━─┏┓┗┛╭╮╰╯┡┩")


def plain(out: str) -> None:
    lines = out.splitlines()
    assert lines and not BOX & set(out), out
    assert not [line for line in lines if line != line.rstrip()], "a piped line is padded"


def test_score_piped_is_plain_lines_naming_the_profile_without_rows_that_do_not_apply(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, isolated_data_dir: Path
):
    answer = tmp_path / "answer.txt"
    answer.write_text(WEAK_STAR)
    code, out, _ = run_cli(capsys, "score", str(answer), "--question", "Tell me about a time you fixed a problem.")
    assert code == 0
    plain(out)
    assert "no profile" in out.splitlines()[0]
    assert "delivery" not in out  # a typed answer: the delivery checks do not apply, and are not listed
    assert len(out.splitlines()) < 60
    code, out, _ = run_cli(capsys, "score", str(answer), "--question", "Tell me about a time.", "--json")
    assert json.loads(out)["profile"] is None


def test_sessions_show_piped_is_the_reports_own_lines(capsys: pytest.CaptureFixture[str], isolated_data_dir: Path):
    store = SessionStore(isolated_data_dir / "sessions")
    session = store.create(mode="typed", packs=["career-goals"], plan=["career-goals/five-years"])
    began = now()
    session.answers.append(
        AnswerRecord(
            "career-goals/five-years",
            "Where do you see yourself in five years?",
            "goals",
            began,
            began + timedelta(seconds=30),
            120,
            "I want to lead a team.",
            status=AnswerStatus.ANSWERED,
        )
    )
    store.save(session)
    code, out, _ = run_cli(capsys, "--data-dir", str(isolated_data_dir), "sessions", "show", session.id)
    assert code == 0
    plain(out)
    assert out.startswith("# Mock interview")  # not centred


def test_transcribe_says_counts_in_the_right_number_and_never_more_than_the_whole_recording(
    capsys: pytest.CaptureFixture[str],
):
    pytest.importorskip("faster_whisper")
    from mock_interview.cli.audio_commands import _transcript_output
    from mock_interview.transcription.transcript import Transcript

    words = [(" So", 0.0, 0.3), (" um", 0.5, 0.8), (" I", 1.0, 1.2), (" led", 1.3, 1.6), (" it.", 1.7, 12.4)]
    _transcript_output(Transcript("So um I led it.", words, 12.5, "test"), as_json=False)
    out = capsys.readouterr().out
    assert "1 filler (at least)" in out and "0 pauses" in out
    _transcript_output(Transcript("So um I led it.", words, 12.5, "test"), as_json=True)
    detail = json.loads(capsys.readouterr().out)["delivery"]["delivery.time_used"]["detail"]
    assert "of 13 s" in detail


def test_packs_validate_lists_a_files_problems_top_to_bottom_and_suggests_kinds(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
):
    pack = tmp_path / "mine.toml"
    pack.write_text(
        '[pack]\nid = "mine"\ntitle = "Mine"\ndescription = "x"\n\n[[questions]]\nid = "q1"\n'
        'text = "Tell me about a time you led."\nkind = "behaviorl"\nskils = ["a"]\n'
    )
    code, out, err = run_cli(capsys, "packs", "validate", str(pack))
    assert code == 1
    lines = [int(line.split(":")[1]) for line in out.splitlines()]
    assert lines == sorted(lines) == [9, 10]
    assert "did you mean 'behavioral'?" in out and err.strip() == "2 problems in 1 file"
