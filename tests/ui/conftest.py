"""Helpers for Pilot tests: an app over a temporary data directory with a fake clock, waiting for
conditions (never for a fixed time), the screen as text, the notifications shown, and the sessions and
navigation several feature modules share."""

from __future__ import annotations

import asyncio
import contextlib
import html
import inspect
import re
import threading
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.app import App
from textual.widgets import SelectionList
from textual.worker import WorkerState

from mock_interview.core.choices import AnswerMode
from mock_interview.core.context import AppContext
from mock_interview.core.feedback import analyse
from mock_interview.core.packs import discover_packs
from mock_interview.core.planning import RoundRequest
from mock_interview.core.sessions import AnswerRecord, AnswerStatus, Session, SessionStatus, SessionStore
from mock_interview.tui.app import MockInterviewApp
from mock_interview.tui.screens.home import HomeScreen
from tests.fakes import FakeClock
from tests.lookups import question_of

WAIT_SECONDS = 20.0  # generous: on a loaded 2-core machine a worker can take seconds; a pass costs nothing


def silent_speaker(text: str, *, stop: threading.Event) -> float:
    """The interviewer's voice, read in no time and heard by no one."""
    return 0.0


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def make_app(clock, isolated_data_dir):
    def build(**options) -> MockInterviewApp:
        options.setdefault("speech_probe", lambda: (True, "Spoken: test microphone · tiny.en (bundled)"))
        options.setdefault("speaker", silent_speaker)  # the interviewer's voice never plays from a Pilot test
        return MockInterviewApp(AppContext.from_options(str(isolated_data_dir)), clock=clock, **options)

    return build


async def wait_for(pilot, condition: Callable[[], object], timeout: float = WAIT_SECONDS, what: str = "") -> None:
    """Let the app run until ``condition()`` holds (workers finish, messages arrive, timers fire).

    Fails naming the condition when it does not hold within ``timeout`` seconds of real time.
    """
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met in {timeout:g} s: {what or _source_of(condition)}")
        await asyncio.sleep(0.02)  # real time passes, so the app's timers can fire
        await pilot.pause()


def _source_of(condition: Callable[[], object]) -> str:
    try:
        return " ".join(inspect.getsource(condition).split())
    except (OSError, TypeError):
        return repr(condition)


def background_work_done(app) -> bool:
    """Whether no worker of ``app`` is waiting to run or running."""
    return not [w for w in app.workers if w.state in (WorkerState.PENDING, WorkerState.RUNNING)]


async def settled(pilot, *, workers: bool = True) -> None:
    """Let the background work finish (unless ``workers`` is false: a recording runs until stopped),
    every message already posted be handled and every scheduled animation finish."""
    if workers:
        await wait_for(pilot, lambda: background_work_done(pilot.app), what="the background work finished")
    await pilot.pause()
    # A live level meter keeps scheduling animations while a recording runs: waiting for "all of them"
    # once hung a full run for ten minutes. Animations are cosmetic; the messages above are what count.
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(pilot.wait_for_scheduled_animations(), timeout=5.0)


def screen_text(app) -> str:
    """What the terminal shows now, as plain text (one line per row), read from the SVG screenshot.

    Each piece of text in the SVG names its row (its clip path) and its column (``x`` over the width of
    a cell); blank cells are not drawn there, so they are spaces here.
    """
    width, height = app.size
    rows = [[" "] * width for _ in range(height)]
    svg = app.export_screenshot()
    pieces = (
        r'<text class="[^"]*" x="([\d.]+)" y="[\d.]+" textLength="([\d.]+)"'
        r' clip-path="url\(#[^)]*-line-(\d+)\)"\s*>(.*?)</text>'
    )
    for match in re.finditer(pieces, svg):
        text = html.unescape(match.group(4)).replace("\xa0", " ")
        cell = float(match.group(2)) / len(text)
        column, row = round(float(match.group(1)) / cell), int(match.group(3))
        for char in text:
            if 0 <= column < width and row < height:
                rows[row][column] = char
                for spare in range(1, cell_len(char)):  # the second cell of a wide character
                    if column + spare < width:
                        rows[row][column + spare] = ""
            column += cell_len(char)
    return "\n".join("".join(row) for row in rows)


@dataclass(frozen=True)
class Shown:
    """A notification as the app handed it to Textual (after its own clean-up of the text)."""

    message: str
    title: str
    severity: str


_SHOWN: weakref.WeakKeyDictionary[App[object], list[Shown]] = weakref.WeakKeyDictionary()


@pytest.fixture(autouse=True)
def record_notifications(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every notification an app shows, readable with :func:`notifications` (Textual's own list
    is private, and forgets a notification when it times out)."""
    original = App.notify

    def notify(self, message, *, title="", severity="information", timeout=None, markup=True) -> None:
        _SHOWN.setdefault(self, []).append(Shown(str(message), str(title), str(severity)))
        original(self, message, title=title, severity=severity, timeout=timeout, markup=markup)

    monkeypatch.setattr(App, "notify", notify)


def notifications(app) -> list[Shown]:
    """The notifications ``app`` has shown so far, oldest first."""
    return list(_SHOWN.get(app, []))


def notification_text(app) -> str:
    """Every notification's message so far, joined with " | "."""
    return " | ".join(n.message for n in notifications(app))


# -- navigation ---------------------------------------------------------------------------------------


def home_ready(app) -> bool:
    """Home is shown and its options column (mounted lazily, after the first paint) is there."""
    return isinstance(app.screen, HomeScreen) and bool(app.screen.query("#count"))


async def open_screen(app, pilot, key: str, screen_type: type) -> None:
    """From Home, press ``key`` and wait until ``screen_type`` is shown and has handled its mount."""
    await wait_for(pilot, lambda: home_ready(app))
    await pilot.press(key)
    await wait_for(pilot, lambda: isinstance(app.screen, screen_type))
    await settled(pilot)


async def click_when_shown(pilot, selector: str) -> None:
    """Click the widget ``selector`` names once it is laid out on the current screen.

    A click on a screen just pushed can land before its widgets have a place (under load a
    confirmation's Yes was clicked at nothing, and the test waited in vain for its effect).
    """
    app = pilot.app

    def shown() -> bool:
        found = app.screen.query(selector)
        return bool(found) and found.first().region.area > 0

    await wait_for(pilot, shown, what=f"{selector} laid out")
    await pilot.click(selector)


async def focus(pilot, widget) -> None:
    """Focus ``widget`` and let it take effect (``focus()`` is carried out on the next message)."""
    widget.focus()
    await pilot.pause()


def footer_label(screen, key: str) -> str:
    """The description the footer shows for ``key``."""
    return str(screen.active_bindings[key].binding.description)


def choose_only(app, pack_id: str, count: int) -> None:
    """On Home, tick only ``pack_id`` and ask for ``count`` questions."""
    packs = app.screen.query_one("#pack-list", SelectionList)
    packs.deselect_all()
    packs.select(pack_id)
    app.screen.query_one("#count").value = str(count)


# -- spoken answers ------------------------------------------------------------------------------------

SPOKEN_ROUND = RoundRequest(("career-goals",), count=1, order="pack", mode=AnswerMode.SPOKEN, profile="")


def round_status(screen) -> str:
    """The round's status line."""
    return str(screen.query_one("#round-status").render())


async def open_the_microphone(pilot, app):
    """Wait for the round and its model, end the think time, and wait for 'Speak now'; returns the round screen."""
    from mock_interview.tui.screens.round import RoundScreen

    await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
    screen = app.screen
    assert isinstance(screen, RoundScreen) and screen.speech is not None
    speech = screen.speech
    await wait_for(pilot, lambda: speech.model_ready)
    await pilot.press("ctrl+s")
    await wait_for(pilot, lambda: "Speak now" in round_status(screen))
    return screen


# -- saved sessions -------------------------------------------------------------------------------------

STAR = "behavioral-star/increased-results"
FIRST_TRY = "I improved a report once and people liked it."
SECOND_TRY = (
    "In my last role as a support lead our backlog had grown to 900 tickets. I was asked to bring response "
    "times under a day. I analysed six weeks of tickets and wrote a self-service guide. As a result the "
    "backlog fell by 80% within two months."
)
SNAPSHOT_ANSWERS = [
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
    """Three completed typed sessions three days apart, each a little longer; returns the first one's id."""
    packs = discover_packs()
    store = SessionStore(data_dir / "sessions")
    first_id = ""
    for day in range(3):
        started = datetime(2026, 11, 1 + day * 3, 9, 30, tzinfo=UTC)
        session = Session(
            id=f"2026110{1 + day * 3}-093000-a{day}b{day}",
            started=started,
            mode=AnswerMode.TYPED,
            packs=["behavioral-star", "career-goals"],
            plan=[ref for ref, _ in SNAPSHOT_ANSWERS],
            status=SessionStatus.COMPLETED,
            ended=started + timedelta(minutes=6),
        )
        for number, (ref, text) in enumerate(SNAPSHOT_ANSWERS):
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
                    status=AnswerStatus.ANSWERED,
                    feedback=analyse(cut, question).to_json(),
                    reflection="Open with the number." if number == 0 else "",
                )
            )
        store.save(session)
        first_id = first_id or session.id
    return first_id


def seed_retried(data_dir: Path, *, profile: str = "") -> str:
    """A one-question session: a draft set aside by a retry, then the answer that counts."""
    packs = discover_packs()
    question = question_of(packs, STAR)
    started = datetime(2026, 11, 26, 9, 24, tzinfo=UTC)
    session = Session(
        id="20261126-092400-r1r1",
        started=started,
        packs=["behavioral-star"],
        plan=[STAR],
        status=SessionStatus.COMPLETED,
        ended=started + timedelta(minutes=5),
        profile=profile,
    )
    session.answers.append(
        AnswerRecord(
            STAR,
            question.text,
            question.kind,
            started,
            started + timedelta(seconds=20),
            question.answer_seconds,
            FIRST_TRY,
            status=AnswerStatus.RETRIED,
        )
    )
    later = started + timedelta(minutes=1)
    session.answers.append(
        AnswerRecord(
            STAR,
            question.text,
            question.kind,
            later,
            later + timedelta(seconds=90),
            question.answer_seconds,
            SECOND_TRY,
            status=AnswerStatus.ANSWERED,
            feedback=analyse(SECOND_TRY, question).to_json(),
        )
    )
    SessionStore(data_dir / "sessions").save(session)
    return session.id


def seed_all_skipped(data_dir: Path) -> str:
    """A round that ran to its end with every question skipped in its think time: no answer recorded."""
    started = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)
    session = Session(
        id="20261127-100000-s0s0",
        started=started,
        packs=["career-goals"],
        plan=["career-goals/five-years", "career-goals/long-term"],
        status=SessionStatus.COMPLETED,
        ended=started + timedelta(minutes=1),
    )
    SessionStore(data_dir / "sessions").save(session)
    return session.id
