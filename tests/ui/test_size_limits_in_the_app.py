"""Size limits in the app.

A 1 MB paste is cut at the cap with a notice and typing goes on; Compare says it is loading as it fills.
"""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import Select, Static, TextArea

from mock_interview.core.answer_limits import LONG_LINE_CHARS, MAX_ANSWER_WORDS
from mock_interview.core.planning import RoundRequest
from mock_interview.core.sessions import AnswerRecord, AnswerStatus, SessionStatus, SessionStore, now
from mock_interview.tui.messages import AttemptsLoaded
from mock_interview.tui.screens import compare
from mock_interview.tui.screens.compare import CompareScreen
from mock_interview.tui.screens.round import RoundScreen
from tests.ui.conftest import notification_text, settled, wait_for
from tests.unit.test_size_limits import prose

TYPED = RoundRequest(("behavioral-star",), count=1, order="pack", profile="")


async def test_a_1_mb_paste_is_cut_at_the_cap_with_a_notice_and_typing_goes_on(make_app):
    app = make_app(start_round=TYPED)
    app.settings = app.settings.updated(feedback="calm")
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
        await pilot.press("ctrl+s")
        area = app.screen.query_one("#answer", TextArea)
        pasted = prose(180_000)[: 1024 * 1024]  # one line, as a document pasted whole
        area.insert(pasted)
        await wait_for(pilot, lambda: f"{MAX_ANSWER_WORDS:,} words" in notification_text(app))
        await settled(pilot)
        text = area.text
        assert len(text.split()) == MAX_ANSWER_WORDS
        assert pasted.startswith(text.replace("\n", " ").rstrip())
        assert max(len(line) for line in text.split("\n")) < LONG_LINE_CHARS  # no giant line to redraw per key
        before = area.text
        await pilot.press(*"and then")  # at the cap: each new word is refused (per-key delay: bench/typing_latency.py)
        assert area.text.split() == before.split()  # no word added (a space is no word)
        await pilot.press("backspace", "backspace", "backspace", *"ok")  # editing within the cap works as ever
        assert area.text.rstrip().endswith("ok") and len(area.text.split()) == MAX_ANSWER_WORDS


def _sessions_answering_twice(data_dir, count: int) -> str:
    """``count`` sessions that each answer the same question; returns the newest one's id."""
    store = SessionStore(data_dir / "sessions")
    began = now() - timedelta(days=count)
    newest = ""
    for n in range(count):
        session = store.create(
            mode="typed", packs=["career-goals"], plan=["career-goals/five-years"], started=began + timedelta(days=n)
        )
        session.answers.append(
            AnswerRecord(
                "career-goals/five-years",
                "Where do you see yourself in five years?",
                "goals",
                session.started,
                session.started + timedelta(seconds=60),
                120,
                f"In five years I want to lead a team of {n + 2}.",
                status=AnswerStatus.ANSWERED,
                feedback={"score": 50, "checks": []},
            )
        )
        session.status = SessionStatus.COMPLETED
        store.save(session)
        newest = session.id
    return newest


async def test_compare_says_it_is_reading_and_fills_as_it_goes(make_app, isolated_data_dir, monkeypatch):
    newest = _sessions_answering_twice(isolated_data_dir, 60)
    monkeypatch.setattr(compare, "READ_BATCH", 10)
    batches: list[tuple[int, int]] = []
    states: list[tuple[str, str]] = []

    app = make_app()
    screen = CompareScreen(app, newest)

    def hook(message) -> None:
        if isinstance(message, AttemptsLoaded):
            batches.append((message.read, message.total))
            if screen.is_mounted:  # what the screen shows as each batch arrives (the batches before it drawn)
                progress = screen.query_one("#compare-progress", Static)
                prompt = str(screen.query_one("#compare-question", Select).prompt)
                states.append((prompt, str(progress.render()) if progress.display else ""))

    async with app.run_test(size=(120, 40), message_hook=hook) as pilot:
        app.push_screen(screen)
        await wait_for(pilot, lambda: bool(batches) and batches[-1][0] == batches[-1][1], timeout=30)
        await settled(pilot)
        assert isinstance(screen.query_one("#compare-question", Select).value, str)  # a question to compare
        assert not screen.query_one("#compare-progress", Static).display
    assert len(batches) >= 3 and batches[0][0] < batches[0][1] == 60  # filled in steps, not once at the end
    loading = [state for state in states if state[1]]
    assert loading and all("Reading your sessions" in progress for _, progress in loading)
    assert all(prompt != "no question answered twice yet" for prompt, _ in loading)
