"""A mentor's read: a session exported with places for notes, and the filled-in file read back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mock_interview.core.context import AppContext
from mock_interview.core.mentor import MENTOR_QUESTIONS
from tests.cli_runner import run_cli
from tests.typed_rounds import STRONG, WEAK, typed_round

REFS = ["behavioral-star/increased-results", "behavioral-star/reduced-costs"]
NOTE_1 = "Too short: say what the result was, with a number.\n\nThen stop."
NOTE_Q1 = "Mostly; name the mission [link=x] in a sentence."


@pytest.fixture
def exported(isolated_data_dir: Path, capsys) -> tuple[AppContext, str, Path]:
    context = AppContext.from_options(str(isolated_data_dir))
    session_id = typed_round(context, REFS, [WEAK, STRONG])
    session = context.sessions.load(session_id)
    session.answers[0].reflection = "My own note: I panicked."
    context.sessions.save(session)
    out = isolated_data_dir.parent / "for-mentor.md"
    code, _, err = run_cli(capsys, "sessions", "export", session_id[:15], "--for-mentor", "-o", str(out))
    assert code == 0, err
    return context, session_id, out


def fill(text: str, marker: str, notes: str) -> str:
    assert marker in text
    return text.replace(marker + "\n", marker + "\n" + notes + "\n", 1)


def test_the_export_has_answers_checklists_with_evidence_and_questions_for_the_mentor(exported):
    context, session_id, out = exported
    text = out.read_text()
    assert text.startswith(f"<!-- mock-interview mentor-notes v1 session={session_id} -->")
    assert "> I worked hard." in text and "backlog had grown to 900 tickets" in text
    assert "✘ structure: Result" in text
    assert "“customer satisfaction rose from 72% to 91%" in text or "“As a result" in text  # evidence quoted
    assert "My own note: I panicked." in text
    for question in MENTOR_QUESTIONS:
        assert question.replace("'", "\\'") in text or question in text
    assert "Do you think my goals align with the company's mission?" in MENTOR_QUESTIONS
    assert text.count("<!-- notes answer=") == 2 and text.count("<!-- notes question=") == len(MENTOR_QUESTIONS)
    assert text.count("<!-- end of notes -->") == 2 + len(MENTOR_QUESTIONS)
    assert run_cli_format_alias(session_id, out) == text


def run_cli_format_alias(session_id: str, out: Path) -> str:
    from mock_interview.cli.main import main

    other = out.with_name("alias.md")
    assert main(["sessions", "export", session_id, "--format", "mentor", "-o", str(other)]) == 0
    return other.read_text()


def test_notes_come_back_beside_the_users_own_and_show_in_show_json(exported, capsys):
    context, session_id, out = exported
    text = fill(out.read_text(), f"<!-- notes answer=1 ref={REFS[0]} -->", NOTE_1)
    text = fill(text, "<!-- notes question=1 -->", NOTE_Q1)
    filled = out.with_name("filled.md")
    filled.write_text(text)
    code, printed, err = run_cli(capsys, "sessions", "import-notes", str(filled))
    assert code == 0, err
    assert "imported 2 notes" in printed
    session = context.sessions.load(session_id)
    assert session.answers[0].mentor_notes == NOTE_1
    assert session.answers[0].reflection == "My own note: I panicked."  # the user's note is untouched
    assert session.answers[1].mentor_notes == ""
    code, printed, _ = run_cli(capsys, "sessions", "show", session_id, "--json")
    shown = json.loads(printed)
    assert shown["mentor_notes"]["answers"] == [
        {"answer": 1, "ref": REFS[0], "question": session.answers[0].question_text, "notes": NOTE_1}
    ]
    assert shown["mentor_notes"]["questions"] == [{"question": MENTOR_QUESTIONS[0], "notes": NOTE_Q1}]
    assert shown["answers"][0]["mentor_notes"] == NOTE_1
    code, printed, _ = run_cli(capsys, "sessions", "show", session_id)
    assert "Mentor's notes" in printed and "Too short: say what the result was" in printed
    assert "name the mission [link=x]" in printed  # text, never markup

    # a second import of the same file changes nothing; a later note replaces the earlier one
    again = fill(out.read_text(), f"<!-- notes answer=1 ref={REFS[0]} -->", "Better now.")
    filled.write_text(again)
    assert run_cli(capsys, "sessions", "import-notes", str(filled))[0] == 0
    session = context.sessions.load(session_id)
    assert session.answers[0].mentor_notes == "Better now."
    assert session.mentor_questions == [{"question": MENTOR_QUESTIONS[0], "notes": NOTE_Q1}]


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda text, sid: "# My notes\n\nlooks good\n", "not a mentor's file"),
        (lambda text, sid: text, "holds no notes"),
        (
            lambda text, sid: fill(text.replace(sid, "20200101-000000-dead"), "<!-- notes question=1 -->", "x"),
            "no session '20200101-000000-dead'",
        ),
        (lambda text, sid: fill(text, "<!-- notes question=1 -->", "x").replace("answer=2", "answer=7"), "answer 7"),
        (
            lambda text, sid: fill(text, "<!-- notes question=1 -->", "x").replace(
                f"ref={REFS[1]}", "ref=career-goals/long-term-goals"
            ),
            "match no answer",
        ),
        (
            lambda text, sid: fill(text, "<!-- notes question=1 -->", "x").replace("<!-- end of notes -->", "", 1),
            "not closed",
        ),
        (lambda text, sid: text.replace("v1 session", "v2 session"), "newer"),
    ],
)
def test_bad_or_foreign_files_get_one_line_and_change_nothing(exported, capsys, change, words):
    context, session_id, out = exported
    before = context.sessions.path_for(session_id).read_bytes()
    bad = out.with_name("bad.md")
    bad.write_text(change(out.read_text(), session_id))
    code, _, err = run_cli(capsys, "sessions", "import-notes", str(bad))
    assert code == 1 and words in err, err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert "nothing changed" in err or "update" in err
    assert context.sessions.path_for(session_id).read_bytes() == before


def test_unreadable_files_are_refused(exported, capsys, tmp_path):
    context, session_id, out = exported
    binary = tmp_path / "binary.md"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    code, _, err = run_cli(capsys, "sessions", "import-notes", str(binary))
    assert code == 1 and "not UTF-8" in err
    code, _, err = run_cli(capsys, "sessions", "import-notes", str(tmp_path / "missing.md"))
    assert code == 1 and "nothing changed" in err
