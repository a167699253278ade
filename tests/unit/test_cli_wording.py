"""The command line's words read as English: counts in the right number ("1 question", "1 path"), a
--went given without its --question said plainly, a text file given to `transcribe` called not audio
(not "[Errno 9] Bad file descriptor"), and a date that is not one shown the same way as in the app."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from mock_interview.transcription.streaming import transcribe_file
from mock_interview.transcription.transcriber import TranscriptionError
from mock_interview.tui.screens.debrief import DebriefForm, DebriefFormError, debrief_from_form
from tests.cli_runner import run_cli as run
from tests.fakes import FakeTranscriber

ONE_QUESTION = '[pack]\nid = "one"\ntitle = "One"\n\n[[questions]]\nid = "q"\nkind = "fit"\ntext = "Why us?"\n'


def test_counts_of_one_are_singular(capsys, tmp_path: Path):
    packs = tmp_path / "packs"
    packs.mkdir()
    (packs / "one.toml").write_text(ONE_QUESTION, encoding="utf-8")
    code, out, err = run(capsys, "--pack-path", str(packs), "packs", "show", "one")
    assert code == 0, err
    assert out.splitlines()[0] == "One (one) — 1 question"
    code, out, _ = run(capsys, "packs", "validate", str(packs / "one.toml"))
    assert (code, out.strip()) == (0, "ok: 1 path valid")
    code, out, _ = run(capsys, "packs", "validate", str(packs / "one.toml"), str(packs))
    assert (code, out.strip()) == (0, "ok: 2 paths valid")


def test_a_went_without_its_question_is_said_plainly(capsys):
    code, _, err = run(capsys, "debrief", "--company", "Acme", "--went", "well")
    assert code != 0
    assert "one --went for no --question; give one per question, after its --question" in err
    assert "1 times" not in err


def test_a_text_file_given_as_audio_is_called_not_audio(tmp_path: Path):
    text = tmp_path / "ans.txt"
    text.write_text("I led a team of five.\n")
    with pytest.raises(TranscriptionError) as told:
        transcribe_file(text, "tiny.en", tmp_path, transcriber=FakeTranscriber())
    assert str(told.value).startswith(f"{text} is not an audio file (")
    assert str(told.value).endswith("); give a WAV, FLAC or OGG file")
    assert "Errno" not in str(told.value)


def test_a_date_that_is_not_one_gets_the_same_example_in_the_cli_and_in_the_app(capsys):
    today = date.today()
    code, _, err = run(capsys, "debrief", "--company", "Acme", "--date", "31/01/2025", "--question", "Why?")
    assert code != 0
    example = f"'31/01/2025' is not a date; write it as YYYY-MM-DD, such as {today:%Y-%m-%d}"
    assert f"--date: {example}" in err
    form = DebriefForm(profile="", company="Acme", when="31/01/2025", role="", questions=[], notes="")
    with pytest.raises(DebriefFormError) as told:
        debrief_from_form(form, "", today)
    assert str(told.value) == f"Date: {example}."
