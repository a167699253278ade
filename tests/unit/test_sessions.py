"""Sessions: atomic saves, private files, listing that survives foreign and broken files."""

from __future__ import annotations

import os
import stat
from datetime import timedelta
from pathlib import Path

import pytest

from mock_interview.core.datadir import DATA_DIR_ENV, resolve_data_dir
from mock_interview.core.report import session_to_json, session_to_markdown
from mock_interview.core.sessions import AnswerRecord, AnswerStatus, SessionStore, now


def _answered(store: SessionStore, text: str = "I led the launch and raised sign-ups by 20%.", score: int = 70):
    session = store.create(
        mode="typed",
        packs=["career-goals"],
        plan=["career-goals/five-years", "career-goals/ten-years"],
        settings={"answer_seconds": 120},
    )
    start = now()
    session.answers.append(
        AnswerRecord(
            question_ref="career-goals/five-years",
            question_text="Where do you see yourself in five years?",
            kind="goals",
            started=start,
            ended=start + timedelta(seconds=75),
            answer_seconds=120,
            text=text,
            status=AnswerStatus.ANSWERED,
            words=[("I", 0.0, 0.2), ("led", 0.2, 0.5)],
            feedback={
                "score": score,
                "groups": {"structure": 60, "specificity": 80},
                "checks": [
                    {
                        "id": "goals.short_term",
                        "group": "structure",
                        "label": "Short-term goal",
                        "status": "missing",
                        "tip": "Say what you aim for in one to three years.",
                        "evidence": [],
                    }
                ],
            },
            reflection="Say the timeframe earlier.",
        )
    )
    store.save(session)
    return session


def test_round_trip_keeps_everything(tmp_path: Path):
    store = SessionStore(tmp_path / "sessions")
    session = _answered(store, text='Line one.\nLine "two" with [[answers]] inside.')
    loaded = store.load(session.id)
    assert loaded == session
    assert loaded.answers[0].words[1] == ("led", 0.2, 0.5)
    assert loaded.remaining_plan() == ["career-goals/ten-years"]
    summaries, problems = store.list()
    assert problems == [] and summaries[0].answers == 1 and summaries[0].score == 70


def test_files_are_private(tmp_path: Path):
    store = SessionStore(tmp_path / "sessions")
    session = _answered(store)
    path = store.path_for(session.id)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".")]  # no temporary files left


def test_a_failed_write_leaves_the_previous_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    store = SessionStore(tmp_path / "sessions")
    session = _answered(store)
    before = store.path_for(session.id).read_bytes()
    session.answers[0].text = "changed"

    def explode(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", explode)
    with pytest.raises(OSError):
        store.save(session)
    assert store.path_for(session.id).read_bytes() == before
    assert not [p for p in store.folder.iterdir() if p.name.endswith(".tmp")]


def test_foreign_and_corrupt_files_are_reported_and_skipped(tmp_path: Path):
    store = SessionStore(tmp_path / "sessions")
    good = _answered(store)
    (store.folder / "notes.txt").write_text("hello", encoding="utf-8")
    (store.folder / "broken.toml").write_text("[session\nid=", encoding="utf-8")
    (store.folder / "other.toml").write_text('title = "not a session"\n', encoding="utf-8")
    (store.folder / "binary.toml").write_bytes(b"\xff\xfe\x00garbage")
    summaries, problems = store.list()
    assert [s.id for s in summaries] == [good.id]
    assert {p.path.name for p in problems} == {"notes.txt", "broken.toml", "other.toml", "binary.toml"}
    with pytest.raises(LookupError) as caught:
        store.load("broken")
    assert "broken.toml" in str(caught.value)


def test_load_by_unique_prefix_and_clear_errors(tmp_path: Path):
    store = SessionStore(tmp_path / "sessions")
    session = _answered(store)
    assert store.load(session.id[:-2]).id == session.id
    with pytest.raises(LookupError) as caught:
        store.load("nope")
    assert "sessions list" in str(caught.value)


def test_reports_include_answers_feedback_and_notes(tmp_path: Path):
    store = SessionStore(tmp_path / "sessions")
    session = _answered(store)
    markdown = session_to_markdown(session, {"career-goals": "Career goals"})
    assert session.answers[0].question_text in markdown
    assert session.answers[0].text in markdown
    assert session.answers[0].feedback["checks"][0]["tip"] in markdown
    assert session.answers[0].reflection in markdown
    assert "Career goals" in markdown
    data = session_to_json(session)
    assert data["answers"][0]["started"] == session.answers[0].started.isoformat()


def test_data_dir_resolution_order(tmp_path: Path, repo_root: Path):
    checkout = tmp_path / "checkout"
    (checkout / "recordings").mkdir(parents=True)
    (checkout / "src" / "mock_interview").mkdir(parents=True)
    (checkout / "src" / "mock_interview" / "__init__.py").write_text("", "utf-8")
    (checkout / "pyproject.toml").write_text((repo_root / "pyproject.toml").read_text("utf-8"), "utf-8")
    assert resolve_data_dir(environ={}, cwd=checkout).root == (checkout / "recordings").resolve()
    env = {DATA_DIR_ENV: str(tmp_path / "env")}
    assert resolve_data_dir(environ=env, cwd=checkout).root == (tmp_path / "env").resolve()
    assert resolve_data_dir(tmp_path / "flag", environ=env).root == (tmp_path / "flag").resolve()
    elsewhere = resolve_data_dir(environ={}, cwd=tmp_path).root
    assert "mock-interview" in str(elsewhere)
    made = resolve_data_dir(tmp_path / "new" / "data").ensure()
    for folder in (made.root, made.sessions, made.audio, made.profiles, made.packs):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
