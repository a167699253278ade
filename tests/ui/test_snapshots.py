"""Snapshot tests of Home, a round, Review, History, Settings and Profiles at 80x24 and 120x40.

Some navigate away and back (another screen's stylesheet once broke Home's buttons), some use long
texts at 80x24 (a long question, a long pack title, a long "speech unavailable" reason).

The snapshots are SVG screenshots reviewed by eye when they change
(``./run-tests tests/ui/test_snapshots.py --snapshot-update`` rewrites them); they guard the
layout. The data shown is built here with fixed dates so the screens are the same on every run.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from textual.widgets import Input, TextArea

from mock_interview.core.context import AppContext
from mock_interview.core.feedback import analyse
from mock_interview.core.packs import discover_packs
from mock_interview.core.sessions import AnswerRecord, Session, SessionStore
from mock_interview.tui.app import MockInterviewApp
from mock_interview.tui.screens.round import RoundScreen
from mock_interview.tui.widgets.feedback_panel import FeedbackPanel
from tests.fakes import FakeClock
from tests.lookups import question_of

SIZES = [(80, 24), (120, 40)]
ANSWERS = [
    (
        "behavioral-star/increased-results",
        "In my previous role as a support lead, our backlog had grown to 900 tickets. "
        "I was asked to bring response times under a day. "
        "I analysed six weeks of tickets and wrote a self-service guide. "
        "As a result, the backlog fell by 80% within two months.",
    ),
    ("career-goals/five-years", "I want to grow in my career and be successful. I am a team player and a hard worker."),
]


def seed_sessions(data_dir) -> str:
    packs = discover_packs()
    store = SessionStore(data_dir / "sessions")
    first_id = ""
    for day in range(3):
        started = datetime(2026, 11, 1 + day * 3, 9, 30, tzinfo=UTC)
        session = Session(
            id=f"2026110{1 + day * 3}-093000-a{day}b{day}",
            started=started,
            mode="typed",
            packs=["behavioral-star", "career-goals"],
            plan=[ref for ref, _ in ANSWERS],
            status="completed",
            ended=started + timedelta(minutes=6),
        )
        for number, (ref, text) in enumerate(ANSWERS):
            question = question_of(packs, ref)
            words = text.split()
            cut = " ".join(words[: max(8, len(words) - 6 * (2 - day))])
            began = started + timedelta(minutes=3 * number)
            session.answers.append(
                AnswerRecord(
                    ref,
                    question.text,
                    question.kind,
                    began,
                    began + timedelta(seconds=80),
                    question.answer_seconds,
                    cut,
                    status="answered",
                    feedback=analyse(cut, question).to_json(),
                    reflection="Open with the number." if number == 0 else "",
                )
            )
        store.save(session)
        first_id = first_id or session.id
    return first_id


def steady_cursors(app) -> None:
    """A blinking cursor would make the picture depend on timing."""
    for field in app.screen.query("Input, TextArea"):
        field.cursor_blink = False


def speech_status(app) -> str:
    """Home's line about spoken answers, or "" until it has mounted (and Home knows what is due)."""
    if not app.screen.query("#speech-status") or getattr(app.screen, "due", []) is None:
        return ""
    return str(app.screen.query_one("#speech-status").render())


def make(data_dir, **options) -> MockInterviewApp:
    return MockInterviewApp(
        AppContext.from_options(str(data_dir)),
        clock=FakeClock(),
        speech_probe=lambda: (True, "Spoken: test microphone · tiny.en (bundled)"),
        **options,
    )


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_home(snap_compare, isolated_data_dir, size):
    app = make(isolated_data_dir)

    async def settle(pilot):
        for _ in range(100):  # the options column mounts after the first paint; the speech check after 0.3 s
            if "test microphone" in speech_status(app):
                break
            await pilot.pause(0.05)
        steady_cursors(app)

    assert snap_compare(app, terminal_size=size, run_before=settle)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_round_with_live_feedback(snap_compare, isolated_data_dir, size):
    app = make(
        isolated_data_dir,
        start_round={"packs": ["behavioral-star"], "count": 3, "order": "pack", "mode": "typed", "profile": ""},
    )

    async def answer(pilot):
        await pilot.pause(0.3)
        await pilot.press("ctrl+s")
        area = app.screen.query_one("#answer", TextArea)
        area.cursor_blink = False  # a blinking cursor would make the picture depend on timing
        area.insert(ANSWERS[0][1])
        panel = app.screen.query_one("#feedback", FeedbackPanel)
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
        # a blinking cursor makes the picture depend on timing
        app.screen.query_one("#history-filter", Input).cursor_blink = False
        await pilot.pause(0.5)

    assert snap_compare(app, terminal_size=size, run_before=open_history)


LONG_QUESTION = (
    "Tell me about a time when you had to lead a cross-functional project with stakeholders in three "
    "countries, a budget that was cut halfway through, and a deadline you could not move: what did you "
    "do, and what was the measurable result?"
)
LONG_PACK = f"""
[pack]
id = "long-texts"
title = "A pack with a rather long title for practising answers about cross-functional leadership"
tags = ["leadership", "cross-functional", "long"]
answer_seconds = 20
prep_seconds = 5

[[questions]]
id = "long-question"
kind = "behavioral"
text = "{LONG_QUESTION}"
"""
LONG_ANSWER = (
    "In my previous role as a support lead at a logistics company, our backlog had grown to 900 tickets and "
    "customers waited four days for a first reply."
)
LONG_REASON = (
    "Spoken answers unavailable: PortAudio was not found on this machine; install it with 'sudo apt-get "
    "install libportaudio2' (Debian, Ubuntu) or 'brew install portaudio' (macOS), then restart"
)


def with_long_pack(data_dir) -> None:
    (data_dir / "packs").mkdir(parents=True, exist_ok=True)
    (data_dir / "packs" / "long-texts.toml").write_text(LONG_PACK)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_home_after_visiting_every_screen(snap_compare, isolated_data_dir, size):
    """Home, then History, Profiles and Settings, each closed with escape: Home looks as it did (compare test_home)."""
    app = make(isolated_data_dir)

    async def visit(pilot):
        for _ in range(100):
            if "test microphone" in speech_status(app):
                break
            await pilot.pause(0.05)
        for key in ("f2", "f3", "f4"):
            await pilot.press(key)
            await pilot.pause(0.3)
            await pilot.press("escape")
            await pilot.pause(0.3)
        steady_cursors(app)

    assert snap_compare(app, terminal_size=size, run_before=visit)


def test_home_long_texts_80x24(snap_compare, isolated_data_dir):
    with_long_pack(isolated_data_dir)
    app = MockInterviewApp(
        AppContext.from_options(str(isolated_data_dir)), clock=FakeClock(), speech_probe=lambda: (False, LONG_REASON)
    )

    async def settle(pilot):
        for _ in range(100):
            if "PortAudio" in speech_status(app):
                break
            await pilot.pause(0.05)
        steady_cursors(app)
        await pilot.pause(0.1)

    assert snap_compare(app, terminal_size=(80, 24), run_before=settle)


def test_round_long_texts_timed_out_80x24(snap_compare, isolated_data_dir):
    """A long question, an answer that ran out of time, the status line with the follow-up, the clock kept."""
    with_long_pack(isolated_data_dir)
    clock = FakeClock()
    app = MockInterviewApp(
        AppContext.from_options(str(isolated_data_dir)),
        clock=clock,
        speech_probe=lambda: (True, "Spoken: test microphone · tiny.en (bundled)"),
        start_round={"packs": ["long-texts"], "count": 1, "order": "pack", "mode": "typed", "profile": ""},
    )

    async def time_out(pilot):
        await pilot.pause(0.3)
        await pilot.press("ctrl+s")
        steady_cursors(app)
        app.screen.query_one("#answer", TextArea).insert(LONG_ANSWER)
        clock.advance(21)
        for _ in range(100):
            if isinstance(app.screen, RoundScreen) and app.screen.round.pending_follow_up:
                break
            await pilot.pause(0.05)
        await pilot.pause(0.3)
        await pilot.wait_for_scheduled_animations()

    assert snap_compare(app, terminal_size=(80, 24), run_before=time_out)


@pytest.mark.parametrize("key", ["f3", "f4"], ids=["profiles", "settings"])
def test_forms_80x24(snap_compare, isolated_data_dir, key):
    """Profiles and Settings open with their first field focused."""
    app = make(isolated_data_dir)

    async def open_form(pilot):
        await pilot.pause(0.4)
        await pilot.press(key)
        await pilot.pause(0.5)
        steady_cursors(app)
        await pilot.pause(0.1)

    assert snap_compare(app, terminal_size=(80, 24), run_before=open_form)
