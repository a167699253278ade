"""The app side of the second new user's trial (notes: report-trial2.md): each test failed before its fix.

#5 f6 with an answer being typed threw the words away, #4 saving a profile moved the job
description's cursor to its start, #7 the calm-mode hint after f2 in think time, #8 Compare with a
blank or the same attempt on both sides.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Select, TextArea

from mock_interview.core.profiles import Profile, ProfileStore
from mock_interview.core.rounds import Phase
from mock_interview.tui.screens.compare import PICK_BOTH, SAME_ATTEMPT, CompareScreen
from mock_interview.tui.screens.profiles import ProfilesScreen
from mock_interview.tui.screens.review import ReviewScreen
from mock_interview.tui.screens.round import CALM_HINT, LIVE_HINT, RoundScreen
from tests.lookups import phase_of
from tests.ui.conftest import wait_for
from tests.ui.test_trial_fixes import FIRST_TRY, SECOND_TRY, STAR, focus, home_ready, open_screen, seed_retried

TWO_STAR_QUESTIONS = {"packs": ["behavioral-star"], "count": 2, "order": "pack", "mode": "typed", "profile": ""}


async def test_skipping_keeps_the_words_typed_since_the_last_draft_save(make_app):
    """#5: "I am not sure" typed, then f6 at once: the text was in no session file."""
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


JOB = "We are hiring a Senior Data Analyst to own our SQL and dbt pipelines.\n" + "\n".join(
    f"Line {n}: stakeholder management and reporting." for n in range(2, 30)
)


@pytest.mark.parametrize("ending", ["", "\n"])  # saving strips a trailing newline: the text changes under the cursor
async def test_saving_a_profile_keeps_the_job_descriptions_cursor_and_scroll(make_app, isolated_data_dir, ending):
    """#4: type "ZZ" at the end of the job description, ctrl+s, type "YY": it went to the front."""
    ProfileStore(isolated_data_dir / "profiles").save(
        Profile(name="northwind", company="Northwind", role="Analyst", job_description=JOB), overwrite=False
    )
    app = make_app()
    app.settings = app.settings.updated(active_profile="northwind")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "f3", ProfilesScreen)
        box = app.screen.query_one("#profile-jd", TextArea)
        await focus(pilot, box)  # the cursor goes to the end
        await pilot.press(*"ZZ", *(["enter"] if ending else []))
        await pilot.pause(0.1)
        where, scrolled = box.cursor_location, box.scroll_offset
        assert scrolled.y > 0  # the end of a long text: the box has scrolled
        await pilot.press("ctrl+s")
        await pilot.pause(0.1)
        assert box.cursor_location == min(where, box.document.end)  # past a stripped end: at the new end
        assert box.scroll_offset == scrolled if not ending else box.scroll_offset.y >= scrolled.y - 1
        await pilot.press(*"YY")
        assert box.text.endswith("ZZYY") and not box.text.startswith("YY")


async def test_f2_in_think_time_shows_the_hint_of_the_mode_switched_to(make_app):
    """#7: f2 in think time (after f7, "Start again") said calm mode, the panel still "updates as you go"."""
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
        await pilot.press("f2")
        assert screen.round.calm and str(tip.render()) == CALM_HINT
        await pilot.press("f2")  # and back to live, still in think time
        assert not screen.round.calm and str(tip.render()) == LIVE_HINT
        await pilot.press("f2", "ctrl+s")  # calm, then answering: the calm hint stays
        assert phase_of(screen.round) is Phase.ANSWERING and str(tip.render()) == CALM_HINT


async def open_compare(app, pilot) -> CompareScreen:
    session_id = seed_retried(Path(app.context.data.root))
    await wait_for(pilot, lambda: home_ready(app))
    app.push_screen(CompareScreen(session_id))
    await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen) and bool(app.screen.rows))
    screen = app.screen
    assert isinstance(screen, CompareScreen) and screen.query_one("#compare-question", Select).value == STAR
    return screen


@pytest.mark.parametrize(
    ("blank", "kept", "gone"), [("#compare-older", SECOND_TRY, FIRST_TRY), ("#compare-newer", FIRST_TRY, SECOND_TRY)]
)
async def test_a_blank_side_in_compare_clears_that_answer_and_the_table(make_app, blank, kept, gone):
    """#8: choosing "-" on one side left that side's old answer and the better/worse table on screen."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_compare(app, pilot)
        screen.query_one(blank, Select).value = Select.NULL
        await pilot.pause(0.1)
        answers = str(screen.query_one("#compare-answers").render())
        assert kept[:40] in answers and gone[:40] not in answers
        assert screen.rows == [] and str(screen.query_one("#compare-table").render()) == PICK_BOTH


async def test_the_same_attempt_on_both_sides_is_not_compared(make_app):
    """#8: the same attempt picked on both sides gave a comparison with an empty change column."""
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_compare(app, pilot)
        screen.query_one("#compare-older", Select).value = 1  # the later attempt on both sides
        await pilot.pause(0.1)
        answers = str(screen.query_one("#compare-answers").render())
        assert answers.count(SECOND_TRY[:40]) == 1 and FIRST_TRY not in answers
        assert screen.rows == [] and str(screen.query_one("#compare-table").render()) == SAME_ATTEMPT
