"""Drills: a schedule per question from how it went (FSRS), ``due`` and ``practice --due``."""

from __future__ import annotations

import json
import os
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from mock_interview.core.context import AppContext
from mock_interview.core.drill import (
    MissedItem,
    Review,
    due_cards,
    load_cards,
    rating_for,
    read_drill,
    rebuild,
    record_session,
    schedule,
)
from mock_interview.core.planning import CheckedRequest, prepare_round
from mock_interview.core.session_records import now
from tests.cli_runner import run_cli
from tests.typed_rounds import SETTINGS, STRONG, WEAK, typed_round


@pytest.fixture
def context(isolated_data_dir: Path) -> AppContext:
    return AppContext.from_options(str(isolated_data_dir))


def test_ratings_follow_what_the_checklist_missed():
    missing = MissedItem("star.result", "Result")
    partial = MissedItem("answer.length", "Length fits the time", "partial")
    assert rating_for(30, []) == "again"
    assert rating_for(80, [missing] * 3) == "again"
    assert rating_for(80, [missing]) == "hard"
    assert rating_for(80, [partial]) == "good"
    assert rating_for(90, [partial]) == "good"
    assert rating_for(90, []) == "easy"
    assert rating_for(None, []) == "again"


def test_a_weak_typed_answer_is_due_within_a_day_with_its_missed_items_and_a_strong_one_later(context, capsys):
    typed_round(context, ["behavioral-star/increased-results", "behavioral-star/reduced-costs"], [WEAK, STRONG])
    code, out, err = run_cli(capsys, "due", "--json", "--within", "80000")
    assert code == 0, err
    cards = {card["ref"]: card for card in json.loads(out)}
    weak, strong = cards["behavioral-star/increased-results"], cards["behavioral-star/reduced-costs"]
    practised = datetime.fromisoformat(weak["last_practised"])
    assert datetime.fromisoformat(weak["due"]) - practised <= timedelta(days=1)
    assert weak["last_rating"] == "again" and weak["text"].startswith("Tell me about a time you were asked")
    missed = {item["label"] for item in weak["missed"]}
    assert {"Result", "Measurable result", "Numbers and metrics"} <= missed
    assert strong["last_rating"] in ("good", "easy") and not [m for m in strong["missed"] if m["status"] == "missing"]
    assert datetime.fromisoformat(strong["due"]) - datetime.fromisoformat(weak["due"]) >= timedelta(days=1)

    code, out, _ = run_cli(capsys, "due", "--json")  # the default window: the next 24 hours
    assert [card["ref"] for card in json.loads(out)] == ["behavioral-star/increased-results"]


def test_recording_a_session_again_does_not_count_it_twice_and_a_rebuild_gives_the_same_schedule(context):
    session_id = typed_round(context, ["career-goals/long-term-goals"], [WEAK])
    session = context.sessions.load(session_id)
    for _ in range(3):
        assert record_session(context, session) == []
    drill = read_drill(context.data.drill_file)
    assert [(r.ref, r.source) for r in drill.reviews] == [("career-goals/long-term-goals", session_id)]
    before = drill.cards()["career-goals/long-term-goals"].due
    context.data.drill_file.unlink()
    assert rebuild(context) == []
    assert read_drill(context.data.drill_file).cards()["career-goals/long-term-goals"].due == before


def test_history_from_before_the_drill_counts(context):
    """Sessions saved before drill.json existed are scheduled the first time the drill is read.

    A round never rebuilds (that can take seconds, and a round records on the app's thread): the
    file it starts is marked incomplete, and reading the drill folds the history in.
    """
    earlier = typed_round(context, ["career-goals/long-term-goals"], [WEAK])
    context.data.drill_file.unlink()
    later = typed_round(context, ["career-goals/short-term-goals"], [WEAK])
    started = read_drill(context.data.drill_file)
    assert not started.complete and [r.source for r in started.reviews] == [later]
    cards, problems = load_cards(context)
    assert problems == [] and cards["career-goals/long-term-goals"].last.source == earlier
    assert cards["career-goals/short-term-goals"].last.source == later
    assert read_drill(context.data.drill_file).complete


def test_each_review_moves_the_card_through_fsrs():
    start = datetime(2026, 1, 5, 9, 0).astimezone()
    again = Review("p/q", "s1", start, "again")
    card = schedule([again])["p/q"]
    assert card.due == start + timedelta(hours=4) and card.reviews == 1
    good = Review("p/q", "s2", card.due, "good")
    later = schedule([good, again])["p/q"]  # order of the list does not matter: time does
    assert later.reviews == 2 and later.due > card.due + timedelta(hours=12) and later.last.source == "s2"


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("not = [json", "line 1"),
        ('{"version": 1, "reviews": "x"}', "reviews"),
        ('{"version": 99}', "newer"),
        ("[1, 2]", "not a drill schedule"),
        ('"\\ud800', "drill.json"),
    ],
)
def test_a_bad_drill_file_is_named_and_rebuilt_never_a_traceback(context, capsys, content, words):
    session_id = typed_round(context, ["career-goals/long-term-goals"], [WEAK])
    context.data.drill_file.write_text(content)
    code, out, err = run_cli(capsys, "due", "--json")
    assert code == 0 and "Traceback" not in err
    assert words in err and "warning:" in err
    assert [card["ref"] for card in json.loads(out)] == ["career-goals/long-term-goals"]
    assert read_drill(context.data.drill_file).reviews[0].source == session_id  # rebuilt


def test_a_bad_review_is_left_out_with_the_files_name(context, capsys):
    typed_round(context, ["career-goals/long-term-goals"], [WEAK])
    data = json.loads(context.data.drill_file.read_text())
    data["reviews"] += [
        {"ref": "x/y", "source": "s", "at": "2026-01-01T00:00:00Z", "rating": "superb"},
        {"ref": "x/z", "source": "s", "at": "yesterday", "rating": "good"},
        {"ref": "x/w", "source": "s", "at": "2026-01-01T00:00:00Z", "rating": "good", "score": 1e999},
        "not a review",
    ]
    context.data.drill_file.write_text(json.dumps(data))
    code, out, err = run_cli(capsys, "due", "--json")
    assert code == 0 and "drill.json" in err and "rating" in err and "left out" in err
    assert "reviews[3].at" in err and "reviews[4].score" in err and "reviews[5]" in err
    assert [card["ref"] for card in json.loads(out)] == ["career-goals/long-term-goals"]


def test_due_says_when_nothing_is_due(context, capsys):
    code, out, _ = run_cli(capsys, "due")
    assert code == 0 and "nothing is due" in out


def test_practice_due_runs_exactly_the_due_questions(context, capsys, monkeypatch):
    typed_round(
        context,
        ["behavioral-star/increased-results", "behavioral-star/reduced-costs", "career-goals/long-term-goals"],
        [WEAK, STRONG, WEAK],
    )
    due = [c.ref for c in due_cards(load_cards(context)[0], now())]
    assert sorted(due) == ["behavioral-star/increased-results", "career-goals/long-term-goals"]
    started: list[CheckedRequest] = []

    class App:  # the app itself is tested with Pilot; here, what practice asks it to start
        return_code = 0

        def __init__(self, context, start_round=None):
            started.append(start_round)

        def run(self):
            pass

    monkeypatch.setattr(
        "mock_interview.cli.app_terminal.open_drawing_terminal", lambda: os.open(os.devnull, os.O_WRONLY)
    )
    monkeypatch.setattr("mock_interview.tui.app.MockInterviewApp", App)
    code, _, err = run_cli(capsys, "practice", "--due")
    assert code == 0, err
    prepared = prepare_round(context, SETTINGS, started[0])
    assert [q.ref for q in prepared.round.questions] == due and prepared.notes == []
    assert prepared.round.session.plan == due and prepared.round.session.settings["drill"] is True

    started.clear()
    assert run_cli(capsys, "practice", "--due", "--pack", "career-goals")[0] == 0
    assert started[0].request.questions == ("career-goals/long-term-goals",)


def test_practice_due_with_nothing_due_opens_nothing(context, capsys, monkeypatch):
    monkeypatch.setattr(
        "mock_interview.cli.app_terminal.open_drawing_terminal", lambda: os.open(os.devnull, os.O_WRONLY)
    )
    code, _, err = run_cli(capsys, "practice", "--due")
    assert code == 0 and "nothing is due" in err


def test_practice_needs_a_pack_or_due(context, capsys):
    code, _, err = run_cli(capsys, "practice")
    assert code == 2 and "--pack" in err and "--due" in err
