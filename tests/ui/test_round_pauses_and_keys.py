"""A round's clock stops whenever the user cannot answer (f5, Help, the palette, a question on top),
keys typed in think time start the answer, f8 asks first, the footer follows the round's next step,
and a paused spoken answer says it is not recording."""

from __future__ import annotations

from dataclasses import replace

from textual.widgets import OptionList, TextArea

from mock_interview.core.choices import AnswerMode
from mock_interview.core.planning import RoundRequest
from mock_interview.core.rounds import Phase
from mock_interview.tui.screens.help import HelpScreen
from mock_interview.tui.screens.review import ReviewScreen
from mock_interview.tui.screens.round import RoundScreen
from mock_interview.tui.widgets.level_meter import LevelMeter
from tests.fakes import FakeRecorder, FakeTranscriber
from tests.ui.conftest import open_the_microphone, screen_text, wait_for

TYPED = RoundRequest(("career-goals",), count=2, order="pack", profile="")
SPOKEN = replace(TYPED, count=1, mode=AnswerMode.SPOKEN)


async def started(pilot, app) -> RoundScreen:
    await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
    screen = app.screen
    assert isinstance(screen, RoundScreen)
    return screen


def footer(app) -> str:
    return screen_text(app).splitlines()[-1]


async def test_help_and_the_palette_stop_the_answer_clock(make_app, clock):
    app = make_app(start_round=TYPED)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(pilot, app)
        await pilot.press("ctrl+s")
        assert screen.round.phase is Phase.ANSWERING
        left = screen.round.clock.remaining
        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        clock.advance(7)  # reading Help
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is screen)
        assert screen.round.clock.remaining == left
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: app.screen is not screen)
        clock.advance(9)  # reading the palette
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is screen)
        assert screen.round.clock.remaining == left and not screen.round.paused
        clock.advance(2)
        assert screen.round.clock.remaining == left - 2  # and it runs again


async def test_closing_help_keeps_a_round_the_user_paused_paused(make_app, clock):
    app = make_app(start_round=TYPED)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(pilot, app)
        await pilot.press("ctrl+s", "f5", "f1")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is screen)
        clock.advance(30)
        assert screen.round.paused and screen.round.clock.elapsed == 0
        assert "Resume" in footer(app)


async def test_keys_typed_in_think_time_start_the_answer_with_them(make_app):
    app = make_app(start_round=TYPED)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(pilot, app)
        assert screen.round.phase is Phase.THINKING
        await pilot.press("I", " ", "w")
        assert screen.round.phase is Phase.ANSWERING
        assert screen.query_one("#answer", TextArea).text == "I w"


async def test_f8_asks_before_ending_the_round(make_app):
    app = make_app(start_round=TYPED)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(pilot, app)
        await pilot.press("ctrl+s", "I", "f8")
        await wait_for(pilot, lambda: app.screen is not screen)
        asked = " ".join(" ".join(line.strip(" │") for line in screen_text(app).splitlines()).split())
        assert "End the round now?" in asked
        # "I" is being answered: it counts as it stands; of 2 questions, the one after it is not asked
        assert "with the answer you are giving as it stands; the question after" in asked
        await pilot.press("escape")  # keep going
        await wait_for(pilot, lambda: app.screen is screen)
        assert screen.round.phase is Phase.ANSWERING
        await pilot.press("f8", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen))


async def test_after_the_clock_submits_the_footer_offers_the_next_step(make_app, clock):
    app = make_app(start_round=TYPED)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(pilot, app)
        await pilot.press("ctrl+s", "I", " ", "l", "e", "d")
        assert "Submit" in footer(app)
        clock.advance(screen.round.answer_seconds + 1)
        await wait_for(pilot, lambda: screen.round.phase is Phase.ANSWERED)
        await wait_for(pilot, lambda: "Next" in footer(app))
        assert "Submit" not in footer(app)


async def test_a_paused_spoken_answer_says_it_is_not_recording(make_app):
    app = make_app(start_round=SPOKEN, recorder_factory=FakeRecorder, transcriber_factory=FakeTranscriber)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_the_microphone(pilot, app)
        speech = screen.speech
        assert speech is not None
        await wait_for(pilot, lambda: speech.live is not None)
        await pilot.press("f5")
        meter = screen.query_one(LevelMeter)
        assert meter.paused and "PAUSED" in str(meter.render()) and "REC" not in str(meter.render())
        assert speech.live.recorder.paused
        assert "nothing said now is recorded" in str(screen.query_one("#round-status").render())
        await pilot.press("f1")  # Help over a paused answer, then closed: still paused
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is screen)
        assert speech.live.recorder.paused
        await pilot.press("f5")
        assert not meter.paused and not speech.live.recorder.paused


async def test_a_follow_up_keeps_the_question_it_follows_in_view(make_app):
    app = make_app(start_round=replace(TYPED, packs=("behavioral-star",), count=1))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(pilot, app)
        turn = screen.round.turn
        assert turn is not None
        question = turn.question.text
        await pilot.press("ctrl+s")
        screen.query_one("#answer", TextArea).insert("In my last job our builds failed. I rewrote the scripts.")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: screen.round.pending_follow_up is not None)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: screen.round.turn is not None and bool(screen.round.turn.follow_up_to))
        shown = str(screen.query_one("#question").render())
        assert shown.startswith("Follow-up:") and f"to: {question}" in shown


async def test_letters_typed_away_from_the_answer_area_go_into_it(make_app):
    """In a terminal the first key of think time moved focus after the next keys arrived ("I led" kept "I")."""
    app = make_app(start_round=TYPED)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await started(pilot, app)
        await pilot.press("I")
        answer = screen.query_one("#answer", TextArea)
        screen.query_one("#feedback").query_one(OptionList).focus()  # focus not (yet) on the answer area
        await pilot.pause()
        assert not answer.has_focus
        await pilot.press(" ", "l", "e", "d")
        assert answer.text == "I led" and answer.has_focus
