"""The command line, run in-process against a temporary data directory."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from mock_interview.core.sessions import AnswerRecord, AnswerStatus, SessionStatus, SessionStore, now
from tests.cli_runner import run_cli as run


def test_version_and_help_answer_without_heavy_imports():
    result = subprocess.run(
        [sys.executable, "-m", "mock_interview", "--version"], capture_output=True, text=True, check=True
    )
    from mock_interview import __version__

    assert __version__ in result.stdout
    result = subprocess.run(
        [sys.executable, "-m", "mock_interview", "--help"], capture_output=True, text=True, check=True
    )
    for command in (
        "practice",
        "packs",
        "profiles",
        "sessions",
        "score",
        "doctor",
        "devices",
        "record",
        "transcribe",
        "models",
    ):
        assert command in result.stdout


def test_packs_list_json_counts_questions(capsys):
    code, out, _ = run(capsys, "packs", "list", "--json")
    packs = json.loads(out)
    assert code == 0 and len(packs) >= 8
    goals = next(p for p in packs if p["id"] == "career-goals")
    assert goals["questions"] >= 10 and goals["title"]


def test_packs_show_and_unknown_pack(capsys):
    code, out, _ = run(capsys, "packs", "show", "career-goals")
    assert code == 0 and "Where do you see yourself in five years?" in out and "follow-up:" in out
    code, _, err = run(capsys, "packs", "show", "nope")
    assert code == 1 and "packs list" in err


def test_packs_validate_exit_status(capsys, tmp_path: Path):
    good = tmp_path / "good.toml"
    good.write_text('[pack]\nid="g"\ntitle="G"\n[[questions]]\nid="a"\ntext="t"\nkind="goals"\n', encoding="utf-8")
    bad = tmp_path / "bad.toml"
    bad.write_text('[pack]\nid="g"\ntitle="G"\n[[questions]]\nid="a"\ntext="t"\nkind="goal"\n', encoding="utf-8")
    assert run(capsys, "packs", "validate", str(good))[0] == 0
    code, out, _ = run(capsys, "packs", "validate", str(good), str(bad))
    assert code == 1 and f"{bad}:7: questions[1].kind" in out


def test_user_pack_and_bad_pack_warning(capsys, isolated_data_dir: Path):
    packs = isolated_data_dir / "packs"
    packs.mkdir(parents=True)
    mine = '[pack]\nid="mine"\ntitle="Mine"\n[[questions]]\nid="a"\ntext="Why us?"\nkind="fit"\n'
    (packs / "mine.toml").write_text(mine, encoding="utf-8")
    (packs / "broken.toml").write_text("[pack", encoding="utf-8")
    code, out, err = run(capsys, "packs", "list", "--json")
    assert code == 0 and "mine" in {p["id"] for p in json.loads(out)}
    assert "broken.toml" in err and "Traceback" not in err


def test_profiles_new_use_show_list(capsys):
    code, out, _ = run(
        capsys,
        "profiles",
        "new",
        "acme",
        "--company",
        "Acme",
        "--role",
        "Analyst",
        "--industry",
        "finance",
        "--stage",
        "entry",
        "--values",
        "Integrity, Curiosity",
        "--mission",
        "Honest money",
    )
    assert code == 0 and "active profile: acme" in out
    code, out, _ = run(capsys, "profiles", "show", "acme")
    assert 'company = "Acme"' in out and "Curiosity" in out
    code, out, _ = run(capsys, "profiles", "list")
    assert out.startswith("* acme")
    code, _, err = run(capsys, "profiles", "new", "acme", "--company", "A", "--role", "B")
    assert code == 1 and "--force" in err
    code, _, err = run(capsys, "profiles", "use", "ghost")
    assert code == 1 and "acme" in err


def _store_session(data_dir: Path) -> str:
    store = SessionStore(data_dir / "sessions")
    session = store.create(mode="typed", packs=["career-goals"], plan=["career-goals/five-years"])
    start = now()
    current_role = {
        "id": "goals.current",
        "group": "structure",
        "label": "Current role",
        "status": "missing",
        "tip": "Start with your current role.",
        "evidence": [],
    }
    session.answers.append(
        AnswerRecord(
            "career-goals/five-years",
            "Where do you see yourself in five years?",
            "goals",
            start,
            start + timedelta(seconds=60),
            120,
            "In five years I want to lead a team of 5.",
            status=AnswerStatus.ANSWERED,
            feedback={"score": 55, "groups": {"structure": 50}, "checks": [current_role]},
            reflection="Mention my current role first.",
        )
    )
    session.status = SessionStatus.COMPLETED
    store.save(session)
    return session.id


def test_sessions_list_show_export(capsys, isolated_data_dir: Path, tmp_path: Path):
    session_id = _store_session(isolated_data_dir)
    (isolated_data_dir / "sessions" / "junk.toml").write_text("nonsense = [", encoding="utf-8")
    code, out, err = run(capsys, "sessions", "list", "--json")
    listed = json.loads(out)
    assert code == 0 and listed[0]["id"] == session_id and listed[0]["answers"] == 1 and listed[0]["mode"] == "typed"
    assert "junk.toml" in err
    code, out, _ = run(capsys, "sessions", "show", session_id)
    assert "five years" in out
    target = tmp_path / "report.md"
    code, _, _ = run(capsys, "sessions", "export", session_id, "--format", "md", "-o", str(target))
    text = target.read_text("utf-8")
    assert "Start with your current role." in text and "Mention my current role first." in text
    code, out, _ = run(capsys, "sessions", "export", session_id, "--format", "json")
    assert json.loads(out)["session"]["id"] == session_id
    code, _, err = run(capsys, "sessions", "show", "missing")
    assert code == 1 and "sessions list" in err


def test_score_json_shape_and_errors(capsys, tmp_path: Path):
    answer = tmp_path / "answer.txt"
    answer.write_text(
        "In my last role I was asked to cut costs. I renegotiated 3 contracts. As a result we saved 12%.",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "score", str(answer), "--question", "Tell me about a time you saved money.", "--json")
    data = json.loads(out)
    assert code == 0 and 0 <= data["score"] <= 100
    statuses = {c["id"]: c["status"] for c in data["checks"]}
    assert statuses["star.result"] == "pass" and statuses["star.result_measurable"] == "pass"
    code, out, _ = run(capsys, "score", str(answer), "--question-id", "behavioral-star/reduced-costs")
    assert code == 0 and "Score" in out
    code, _, err = run(capsys, "score", str(tmp_path / "none.txt"), "--question", "x")
    assert code == 1 and "cannot read" in err
    code, _, err = run(capsys, "score", str(answer), "--question-id", "nope/nope")
    assert code == 1


def test_score_refuses_standard_input_over_the_limit_with_a_message(capsys, monkeypatch):
    import io

    from mock_interview.cli import score

    monkeypatch.setattr(score, "MAX_ANSWER_BYTES", 16)
    monkeypatch.setattr(sys, "stdin", io.StringIO("In five years I want to lead a team."))
    code, out, err = run(capsys, "score", "-", "--question", "Where do you see yourself in five years?")
    assert code == 1 and out == ""
    assert "standard input" in err and "larger than" in err and "Traceback" not in err


def test_doctor_reports_each_part(capsys):
    code, out, _ = run(capsys, "doctor")
    for part in ("data directory", "question packs", "PortAudio", "transcription model"):
        assert part in out


def test_score_profile_none_scores_without_the_active_profile(capsys, tmp_path: Path):
    run(capsys, "profiles", "new", "acme", "--company", "Acme", "--role", "Analyst", "--mission", "Honest money")
    answer = tmp_path / "a.txt"
    answer.write_text("I want to grow into a senior analyst role at Acme within two years.", "utf-8")
    question = ("--question", "Where do you see yourself in five years?", "--json")
    code, out, _ = run(capsys, "score", str(answer), *question)
    assert code == 0 and json.loads(out)["checks"][0]  # the active profile is used
    with_profile = {c["id"]: c["status"] for c in json.loads(out)["checks"]}
    code, out, err = run(capsys, "score", str(answer), *question, "--profile", "none")
    assert code == 0, err
    without = {c["id"]: c["status"] for c in json.loads(out)["checks"]}
    assert with_profile["alignment.company"] != "na" and without["alignment.company"] == "na"
