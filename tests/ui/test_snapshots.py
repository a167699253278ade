"""Snapshot tests of Home, a round, Review, History, Settings and Profiles at 80x24 and 120x40.

Some navigate away and back (another screen's stylesheet once broke Home's buttons), some use long
texts at 80x24 (a long question, a long pack title, a long "speech unavailable" reason).

The snapshots are SVG screenshots reviewed by eye when they change
(``./run-tests tests/ui/test_snapshots.py --snapshot-update`` rewrites them); they guard the
layout. The data shown is built here with fixed dates so the screens are the same on every run.
"""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Input, TextArea

from mock_interview.core.context import AppContext
from mock_interview.core.planning import RoundRequest
from mock_interview.tui.app import MockInterviewApp
from mock_interview.tui.screens.home import HomeScreen
from mock_interview.tui.screens.round import RoundScreen
from mock_interview.tui.widgets.feedback_panel import FeedbackPanel
from tests.fakes import FakeClock
from tests.ui.conftest import SNAPSHOT_ANSWERS, home_ready, seed_sessions, settled, wait_for

SIZES = [(80, 24), (120, 40)]
ANSWERS = SNAPSHOT_ANSWERS


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
        # the options column mounts after the first paint; the speech check after 0.3 s
        await wait_for(pilot, lambda: "test microphone" in speech_status(app))
        steady_cursors(app)
        await settled(pilot)

    assert snap_compare(app, terminal_size=size, run_before=settle)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_round_with_live_feedback(snap_compare, isolated_data_dir, size):
    app = make(
        isolated_data_dir,
        start_round=RoundRequest(("behavioral-star",), count=3, order="pack", profile=""),
    )

    async def answer(pilot):
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
        await settled(pilot)
        await pilot.press("ctrl+s")
        area = app.screen.query_one("#answer", TextArea)
        area.cursor_blink = False  # a blinking cursor would make the picture depend on timing
        area.insert(ANSWERS[0][1])
        panel = app.screen.query_one("#feedback", FeedbackPanel)
        await wait_for(pilot, lambda: panel.status_of("star.result") is not None)
        await settled(pilot)

    assert snap_compare(app, terminal_size=size, run_before=answer)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_review(snap_compare, isolated_data_dir, size):
    session_id = seed_sessions(isolated_data_dir)
    app = make(isolated_data_dir)

    async def open_review(pilot):
        from mock_interview.tui.screens.review import ReviewScreen

        await wait_for(pilot, lambda: home_ready(app))
        app.push_screen(ReviewScreen(app, session_id))
        await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen) and app.screen.session is not None)
        await settled(pilot)

    assert snap_compare(app, terminal_size=size, run_before=open_review)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_history(snap_compare, isolated_data_dir, size):
    seed_sessions(isolated_data_dir)
    app = make(isolated_data_dir)

    async def open_history(pilot):
        await wait_for(pilot, lambda: home_ready(app))
        await pilot.press("f2")
        await wait_for(
            pilot, lambda: bool(app.screen.query(DataTable)) and app.screen.query_one(DataTable).row_count == 3
        )
        # a blinking cursor makes the picture depend on timing
        app.screen.query_one("#history-filter", Input).cursor_blink = False
        await settled(pilot)

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
        await wait_for(pilot, lambda: "test microphone" in speech_status(app))
        for key in ("f2", "f3", "f4"):
            await pilot.press(key)
            await wait_for(pilot, lambda: not isinstance(app.screen, HomeScreen))
            await settled(pilot)
            await pilot.press("escape")
            await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
            await settled(pilot)
        steady_cursors(app)
        await settled(pilot)

    assert snap_compare(app, terminal_size=size, run_before=visit)


def test_home_long_texts_80x24(snap_compare, isolated_data_dir):
    with_long_pack(isolated_data_dir)
    app = MockInterviewApp(
        AppContext.from_options(str(isolated_data_dir)), clock=FakeClock(), speech_probe=lambda: (False, LONG_REASON)
    )

    async def settle(pilot):
        await wait_for(pilot, lambda: "PortAudio" in speech_status(app))
        steady_cursors(app)
        await settled(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=settle)


def test_round_long_texts_timed_out_80x24(snap_compare, isolated_data_dir):
    """A long question, an answer that ran out of time, the status line with the follow-up, the clock kept."""
    with_long_pack(isolated_data_dir)
    clock = FakeClock()
    app = MockInterviewApp(
        AppContext.from_options(str(isolated_data_dir)),
        clock=clock,
        speech_probe=lambda: (True, "Spoken: test microphone · tiny.en (bundled)"),
        start_round=RoundRequest(("long-texts",), count=1, order="pack", profile=""),
    )

    async def time_out(pilot):
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
        await settled(pilot)
        await pilot.press("ctrl+s")
        steady_cursors(app)
        app.screen.query_one("#answer", TextArea).insert(LONG_ANSWER)
        clock.advance(21)
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen) and bool(app.screen.round.pending_follow_up))
        await settled(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=time_out)


@pytest.mark.parametrize("key", ["f3", "f4"], ids=["profiles", "settings"])
def test_forms_80x24(snap_compare, isolated_data_dir, key):
    """Profiles and Settings open with their first field focused."""
    app = make(isolated_data_dir)

    async def open_form(pilot):
        await wait_for(pilot, lambda: home_ready(app))
        await settled(pilot)
        await pilot.press(key)
        await wait_for(pilot, lambda: not isinstance(app.screen, HomeScreen))
        await settled(pilot)
        steady_cursors(app)
        await settled(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=open_form)
