"""Snapshot tests of Home, a round, Review and History at 80x24 and 120x40.

The snapshots are SVG screenshots reviewed by eye when they change
(``./run-tests tests/ui/test_snapshots.py --snapshot-update`` rewrites them); they guard the
layout. The data shown is built here with fixed dates so the screens are the same on every run.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from mock_interview.core.context import AppContext
from mock_interview.core.feedback import analyse
from mock_interview.core.packs import discover_packs
from mock_interview.core.sessions import AnswerRecord, Session, SessionStore
from mock_interview.tui.app import MockInterviewApp
from tests.fakes import FakeClock

SIZES = [(80, 24), (120, 40)]
ANSWERS = [
    ("behavioral-star/increased-results",
     "In my previous role as a support lead, our backlog had grown to 900 tickets. I was asked to bring response times under "
     "a day. I analysed six weeks of tickets and wrote a self-service guide. As a result, the backlog fell by 80% within two months."),
    ("career-goals/five-years",
     "I want to grow in my career and be successful. I am a team player and a hard worker."),
]


def seed_sessions(data_dir) -> str:
    packs = discover_packs()
    store = SessionStore(data_dir / "sessions")
    first_id = ""
    for day in range(3):
        started = datetime(2026, 11, 1 + day * 3, 9, 30, tzinfo=timezone.utc)
        session = Session(id=f"2026110{1 + day * 3}-093000-a{day}b{day}", started=started, mode="typed",
                          packs=["behavioral-star", "career-goals"], plan=[ref for ref, _ in ANSWERS], status="completed",
                          ended=started + timedelta(minutes=6))
        for number, (ref, text) in enumerate(ANSWERS):
            question = packs.find_question(ref)
            words = text.split()
            cut = " ".join(words[: max(8, len(words) - 6 * (2 - day))])
            began = started + timedelta(minutes=3 * number)
            session.answers.append(AnswerRecord(ref, question.text, question.kind, began, began + timedelta(seconds=80),
                                                question.answer_seconds, cut, status="answered",
                                                feedback=analyse(cut, question).to_json(),
                                                reflection="Open with the number." if number == 0 else ""))
        store.save(session)
        first_id = first_id or session.id
    return first_id


def make(data_dir, **options) -> MockInterviewApp:
    return MockInterviewApp(AppContext.from_options(str(data_dir)), clock=FakeClock(),
                            speech_probe=lambda: (True, "Spoken: test microphone · tiny.en (bundled)"), **options)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_home(snap_compare, isolated_data_dir, size):
    app = make(isolated_data_dir)

    async def settle(pilot):
        for _ in range(100):  # the options column mounts after the first paint; the speech check after 0.3 s
            if app.screen.query("#speech-status") and "test microphone" in str(app.screen.query_one("#speech-status").render()):
                break
            await pilot.pause(0.05)

    assert snap_compare(app, terminal_size=size, run_before=settle)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_round_with_live_feedback(snap_compare, isolated_data_dir, size):
    app = make(isolated_data_dir, start_round={"packs": ["behavioral-star"], "count": 3, "order": "pack", "mode": "typed", "profile": ""})

    async def answer(pilot):
        await pilot.pause(0.3)
        await pilot.press("ctrl+s")
        area = app.screen.query_one("#answer")
        area.cursor_blink = False  # a blinking cursor would make the picture depend on timing
        area.insert(ANSWERS[0][1])
        panel = app.screen.query_one("#feedback")
        for _ in range(200):
            if panel.status_of("star.result") is not None:
                break
            await pilot.pause(0.05)
        await pilot.pause(0.2)
        await pilot.wait_for_scheduled_animations()

    assert snap_compare(app, terminal_size=size, run_before=answer)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_review(snap_compare, isolated_data_dir, size):
    session_id = seed_sessions(isolated_data_dir)
    app = make(isolated_data_dir)

    async def open_review(pilot):
        from mock_interview.tui.screens.review import ReviewScreen

        await pilot.pause(0.2)
        app.push_screen(ReviewScreen(session_id))
        await pilot.pause(0.5)

    assert snap_compare(app, terminal_size=size, run_before=open_review)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_history(snap_compare, isolated_data_dir, size):
    seed_sessions(isolated_data_dir)
    app = make(isolated_data_dir)

    async def open_history(pilot):
        await pilot.pause(0.2)
        await pilot.press("f2")
        await pilot.pause(0.5)

    assert snap_compare(app, terminal_size=size, run_before=open_history)
