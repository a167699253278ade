"""Session files: checked field by field, isolated when listed, never overwritten by a second writer."""

from __future__ import annotations

import os
import threading
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from mock_interview.core import sessions as sessions_module
from mock_interview.core.sessions import AnswerRecord, SessionFileError, SessionStore, now
from tests.hostile import session_text, without_key, write_session

SID = "20250101-100000-aaaa"


@pytest.fixture
def store(tmp_path: Path) -> SessionStore:
    return SessionStore(tmp_path / "sessions")


def _variant(
    store: SessionStore, session_id: str, replace: tuple[str, str] | None = None, *, drop: str = "", add: str = ""
) -> Path:
    path = write_session(store.folder, session_id)
    text = path.read_text("utf-8")
    if drop:
        text = without_key(text, drop)
    if replace:
        assert replace[0] in text
        text = text.replace(*replace, 1)
    if add:
        text = text.replace("[session.settings]", add + "\n[session.settings]", 1)
    path.write_text(text, encoding="utf-8")
    return path


BAD_FIELDS = [
    ("session.score", dict(drop="score", add="score = inf")),
    ("session.score", dict(drop="score", add="score = 140")),
    ("session.answer_count", dict(drop="answer_count", add="answer_count = inf")),
    ("session.answer_count", dict(drop="answer_count", add="answer_count = -3")),
    (
        "session.group_scores",
        dict(replace=("[session.group_scores]\nstructure = 50\n", ""), add='group_scores = "oops"'),
    ),
    (
        "session.group_scores.structure",
        dict(replace=("structure = 50\n\n[session.question", 'structure = "x"\n\n[session.question')),
    ),
    ("session.started", dict(replace=("started = 2025-01-01T10:00:00+01:00", "started = 2025-01-01"))),
    ("session.started", dict(replace=("started = 2025-01-01T10:00:00+01:00", 'started = "yesterday"'))),
    ("session.mode", dict(replace=('mode = "typed"', 'mode = "telepathy"'))),
    ("session.status", dict(replace=('status = "completed"', "status = 3"))),
    ("session.packs", dict(replace=('packs = ["career-goals"]', "packs = [1, 2]"))),
    ("session.version", dict(replace=("version = 1", "version = 9"))),
    ("answers[1].started", dict(replace=("started = 2025-01-01T10:00:05+01:00", "started = 12"))),
    ("answers[1].answer_seconds", dict(replace=("answer_seconds = 120", "answer_seconds = nan"))),
    ("answers[1].audio", dict(replace=("reflection = ", 'audio = "../../../etc/passwd"\nreflection = '))),
    ("answers[1].audio", dict(replace=("reflection = ", 'audio = "/etc/passwd"\nreflection = '))),
    ("answers[1].words[1]", dict(replace=("reflection = ", 'words = [["a", 0.0, inf]]\nreflection = '))),
    ("answers[1].feedback.score", dict(replace=("[answers.feedback]\nscore = 50", "[answers.feedback]\nscore = -inf"))),
    ("answers[1].feedback.checks[1].status", dict(replace=('status = "missing"', 'status = "great"'))),
    ("answers[1].feedback.checks[1].label", dict(replace=('label = "Current role"\n', ""))),
    ("answers[1].feedback.checks[1].evidence[1]", dict(replace=("start = 0, end = 2", "start = 5, end = 2"))),
]


@pytest.mark.parametrize("key, change", BAD_FIELDS, ids=[f"{k}-{i}" for i, (k, _) in enumerate(BAD_FIELDS)])
def test_every_bad_field_is_one_line_naming_the_file_and_key(store: SessionStore, key: str, change: dict[str, Any]):
    path = _variant(store, SID, **change)
    with pytest.raises(SessionFileError) as caught:
        store.load(SID)
    message = str(caught.value)
    assert str(path) in message and key in message and "\n" not in message
    write_session(store.folder, "20250101-090000-good")
    summaries, problems = store.list()
    if key.startswith("session."):  # the head is all a listing reads
        assert [s.id for s in summaries] == ["20250101-090000-good"]
        assert len(problems) == 1 and problems[0].path == path and key in problems[0].message
    else:
        assert {s.id for s in summaries} == {SID, "20250101-090000-good"}


def test_a_time_without_offset_is_read_as_local_time(store: SessionStore):
    write_session(store.folder, SID, started="2025-01-02T10:00:00")
    write_session(store.folder, "20250101-090000-good")
    summaries, problems = store.list()
    assert problems == [] and [s.id for s in summaries] == [SID, "20250101-090000-good"]
    session = store.load(SID)
    assert session.started.tzinfo is not None and session.started.hour == 10


def test_listing_reports_foreign_entries_without_hanging(store: SessionStore, tmp_path: Path):
    write_session(store.folder, SID)
    folder = store.folder
    os.mkfifo(folder / "20250101-100001-fifo.toml")
    (folder / "20250101-100002-link.toml").symlink_to(tmp_path / "elsewhere.toml")
    (folder / "not a slug!.toml").write_text(session_text("x"), encoding="utf-8")
    (folder / "20250101-100003-nul.toml").write_bytes(b"[session]\x00")
    (folder / "20250101-100004-latin1.toml").write_bytes(b'[session]\nid = "\xe9"\n')
    (folder / "subfolder").mkdir()
    summaries, problems = store.list()
    assert [s.id for s in summaries] == [SID]
    assert {p.path.name for p in problems} == {
        "20250101-100001-fifo.toml",
        "20250101-100002-link.toml",
        "not a slug!.toml",
        "20250101-100003-nul.toml",
        "20250101-100004-latin1.toml",
    }
    assert all("\n" not in str(p) for p in problems)


def test_a_session_file_over_the_limit_is_refused(store: SessionStore, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(sessions_module, "MAX_SESSION_BYTES", 1024)
    write_session(store.folder, SID, text="x" * 4000)
    with pytest.raises(SessionFileError, match="larger than"):
        store.load(SID)


def test_prefixes_are_matched_without_globbing(store: SessionStore):
    write_session(store.folder, SID)
    write_session(store.folder, "20250101-100000-aabb")
    assert store.load("20250101-100000-aaa").id == SID
    with pytest.raises(LookupError, match="matches 2 sessions"):
        store.load("20250101-100000-aa")
    for pattern in ("*", "2025*", "[2]*", "?"):
        with pytest.raises(LookupError, match="not a session id"):
            store.load(pattern)


# -- creating ------------------------------------------------------------------------------------


def test_create_never_overwrites_when_ids_clash(store: SessionStore, monkeypatch: pytest.MonkeyPatch):
    draws = iter([b"\x00\x01", b"\x00\x01", b"\x00\x01", b"\x00\x02"])
    monkeypatch.setattr(os, "urandom", lambda n: next(draws))
    when = now()
    first = store.create(mode="typed", packs=["career-goals"], plan=["a"], started=when)
    first.answers.append(AnswerRecord("a", "Q", "goals", when, text="kept"))
    store.save(first)
    second = store.create(mode="typed", packs=["career-goals"], plan=["b"], started=when)
    assert first.id.endswith("0001") and second.id.endswith("0002")
    assert store.load(first.id).answers[0].text == "kept"


def test_many_sessions_created_in_the_same_second_all_survive(store: SessionStore):
    when = now()
    created = [store.create(mode="typed", packs=["p"], plan=[str(n)], started=when) for n in range(300)]
    assert len({s.id for s in created}) == 300
    assert len(list(store.folder.glob("*.toml"))) == 300
    assert {store.load(s.id).plan[0] for s in created} == {str(n) for n in range(300)}


# -- two writers ---------------------------------------------------------------------------------


def test_two_windows_editing_different_answers_both_keep_their_edits(store: SessionStore):
    path = write_session(store.folder, SID)
    review = store.load(SID)
    other = store.load(SID)
    other.answers[0].text = "edited elsewhere"
    store.save(other)
    review.answers[0].reflection = "my new note"
    assert store.save(review) == path
    saved = store.load(SID)
    assert saved.answers[0].reflection == "my new note" and saved.answers[0].text == "edited elsewhere"
    assert "both sets of changes" in review.save_notice
    assert review.answers[0].text == "edited elsewhere"  # the screen's copy now shows it too


def test_a_round_adding_answers_while_review_saves_a_note(store: SessionStore):
    write_session(store.folder, SID)
    round_copy = store.load(SID)
    review_copy = store.load(SID)
    draft = AnswerRecord("career-goals/ten-years", "Ten years?", "goals", now(), text="being typed")
    round_copy.answers.append(draft)
    store.save(round_copy)
    review_copy.answers[0].reflection = "note from review"
    store.save(review_copy)
    draft.text = "being typed, more"  # the round goes on with its own objects
    store.save(round_copy)
    saved = store.load(SID)
    assert [a.text for a in saved.answers] == ["In five years I lead a team.", "being typed, more"]
    assert saved.answers[0].reflection == "note from review"


def test_a_conflicting_edit_is_kept_as_its_own_session_not_dropped(store: SessionStore):
    path = write_session(store.folder, SID)
    first = store.load(SID)
    second = store.load(SID)
    first.answers[0].reflection = "note A"
    store.save(first)
    second.answers[0].reflection = "note B"
    saved_to = store.save(second)
    assert saved_to != path and second.id != SID and second.id.startswith(SID)
    assert store.load(SID).answers[0].reflection == "note A"
    assert store.load(second.id).answers[0].reflection == "note B"
    assert "nothing was overwritten" in second.save_notice and second.id in second.save_notice


def test_a_save_after_the_file_was_deleted_or_replaced_by_a_link(store: SessionStore, tmp_path: Path):
    path = write_session(store.folder, SID)
    session = store.load(SID)
    path.unlink()
    store.save(session)
    assert store.load(SID) == session
    path.unlink()
    victim = tmp_path / "victim.txt"
    victim.write_text("keep", encoding="utf-8")
    path.symlink_to(victim)
    store.save(session)
    assert victim.read_text("utf-8") == "keep" and path.is_symlink() and session.id != SID


def test_concurrent_saves_from_threads_lose_nothing(store: SessionStore):
    write_session(store.folder, SID)
    copies = [store.load(SID) for _ in range(6)]
    for number, copy in enumerate(copies):
        copy.answers.append(
            AnswerRecord(f"q/{number}", "Q", "goals", now() + timedelta(seconds=number), text=f"answer {number}")
        )

    def save(copy) -> None:
        store.save(copy)

    threads = [threading.Thread(target=save, args=(c,)) for c in copies]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    texts = {a.text for s in store.load_all() for a in s.answers}
    assert {f"answer {n}" for n in range(6)} <= texts  # in the session itself or in a kept copy
