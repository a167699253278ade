"""The round screen: the feedback-mode key and hint, a wrapped checklist item after submitting, a skip
that keeps the words typed."""

from __future__ import annotations

from textual.widgets import TextArea

from mock_interview.core.planning import RoundRequest
from mock_interview.core.rounds import Phase
from mock_interview.tui.screens.review import ReviewScreen
from mock_interview.tui.screens.round import CALM_HINT, LIVE_HINT, RoundScreen
from tests.lookups import phase_of
from tests.ui.conftest import SECOND_TRY, footer_label, screen_text, settled, wait_for

TWO_STAR_QUESTIONS = RoundRequest(("behavioral-star",), count=2, order="pack", profile="")


async def test_the_feedback_key_names_the_mode_it_switches_to(make_app):
    """In calm mode the footer said "Calm" while the panel said "switches to live feedback"."""
    app = make_app()
    app.settings = app.settings.updated(feedback="calm")
    app.start_round = RoundRequest(("career-goals",), count=1, order="pack", profile="")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
        screen = app.screen
        assert footer_label(screen, "ctrl+f") == "Live" and "live feedback." in screen_text(app)  # the panel's words
        await pilot.press("ctrl+f")
        await wait_for(pilot, lambda: not screen.round.calm)
        assert footer_label(screen, "ctrl+f") == "Calm"
        await pilot.press("ctrl+f")
        await wait_for(pilot, lambda: screen.round.calm)
        assert footer_label(screen, "ctrl+f") == "Live"
        await wait_for(pilot, lambda: "^f Live" in screen_text(app))


async def test_f2_in_think_time_shows_the_hint_of_the_mode_switched_to(make_app):
    """f2 in think time (after f7, "Start again") said calm mode, the panel still "updates as you go"."""
    app = make_app()
    app.settings = app.settings.updated(feedback="live")
    app.start_round = TWO_STAR_QUESTIONS
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
        screen = app.screen
        tip = screen.query_one("#feedback-tip")
        await pilot.press("ctrl+s", *"I led", "f7")  # answering, then "Start this question again?"
        await wait_for(pilot, lambda: app.screen is not screen)
        await pilot.press("enter")  # "Start again"
        await wait_for(pilot, lambda: app.screen is screen and phase_of(screen.round) is Phase.THINKING)
        assert str(tip.render()) == LIVE_HINT
        await pilot.press("ctrl+f")
        assert screen.round.calm and str(tip.render()) == CALM_HINT
        await pilot.press("ctrl+f")  # and back to live, still in think time
        assert not screen.round.calm and str(tip.render()) == LIVE_HINT
        await pilot.press("ctrl+f", "ctrl+s")  # calm, then answering: the calm hint stays
        assert phase_of(screen.round) is Phase.ANSWERING and str(tip.render()) == CALM_HINT


async def test_a_wrapped_checklist_item_keeps_its_second_line_after_submitting(make_app):
    """After submitting, "✔ Your own actions (I, not only" showed and its "we)" line was gone."""
    app = make_app(start_round=RoundRequest(("behavioral-star",), count=2, order="pack", profile=""))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
        screen = app.screen
        await pilot.press("ctrl+s")
        screen.query_one("#answer", TextArea).insert(SECOND_TRY + " I also trained two colleagues on it.")
        await wait_for(pilot, lambda: "Your own actions (I, not only" in screen_text(app))  # the live checklist
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: phase_of(screen.round) is not Phase.ANSWERING)
        await settled(pilot)
        lines = screen_text(app).splitlines()
        at = next(i for i, line in enumerate(lines) if "Your own actions (I, not only" in line)
        assert "we)" in lines[at + 1], "\n".join(lines)


async def test_skipping_keeps_the_words_typed_since_the_last_draft_save(make_app):
    """ "I am not sure" typed, then f6 at once: the text was in no session file."""
    app = make_app()
    app.start_round = TWO_STAR_QUESTIONS
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
        screen = app.screen
        await pilot.press("ctrl+s")  # start answering
        assert phase_of(screen.round) is Phase.ANSWERING
        await pilot.press(*"I am not sure", "f6")  # well inside the draft timer's second
        skipped = screen.round.session.answers[0]
        on_disk = app.context.sessions.load(screen.round.session.id).answers[0]
        assert (on_disk.status, on_disk.text) == ("skipped", "I am not sure")
        assert skipped.text == "I am not sure"
        await pilot.press("f8", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen) and app.screen.session is not None)
        shown = str(app.screen.query_one("#review-answer").render())
        assert "I am not sure" in shown and "skipped" in shown
