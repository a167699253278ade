"""Rounds that do what they say: the packs ticked, the counts shown, retry, the clock, playback keys."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import DataTable, SelectionList, TextArea

from mock_interview.core.choices import AnswerMode
from mock_interview.core.packs import discover_packs
from mock_interview.core.planning import RoundRequest
from mock_interview.core.rounds import Phase
from mock_interview.core.sessions import AnswerRecord, AnswerStatus, SessionStore, now
from mock_interview.tui.screens.confirm import ConfirmScreen
from mock_interview.tui.screens.history import HistoryScreen
from mock_interview.tui.screens.home import HomeScreen
from mock_interview.tui.screens.review import ReviewScreen
from mock_interview.tui.screens.round import RoundScreen
from tests.lookups import present, question_of
from tests.ui.conftest import click_when_shown, home_ready, notification_text, screen_text, settled, wait_for

CORE = {"behavioral-star", "career-goals", "motivation-fit"}
ONE_STAR_QUESTION = RoundRequest(("behavioral-star",), count=1, order="pack", profile="")
WEAK_STAR = (
    "In my last job our nightly builds kept failing. I rewrote the build scripts. "
    "As a result the builds stopped failing."
)


async def test_a_fresh_home_ticks_the_core_packs_and_remembers_the_last_choice(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: home_ready(app))
        packs = app.screen.query_one("#pack-list", SelectionList)
        assert set(packs.selected) == CORE
        packs.deselect_all()
        packs.select("industry-technology")
        packs.select("stage-mid")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
        await pilot.press("ctrl+q")
    again = make_app()
    async with again.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: home_ready(again))
        assert set(again.screen.query_one("#pack-list", SelectionList).selected) == {"industry-technology", "stage-mid"}


async def test_ticks_hidden_by_the_filter_are_kept(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: home_ready(app))
        await pilot.click("#pack-filter")
        await pilot.press("t", "e", "c", "h")
        packs = app.screen.query_one("#pack-list", SelectionList)
        assert packs.option_count == 1
        packs.select("industry-technology")
        await wait_for(pilot, lambda: "4 packs ticked" in str(app.screen.query_one("#pack-summary").render()))
        await pilot.press("ctrl+a", "ctrl+k")
        await settled(pilot)
        assert set(packs.selected) == CORE | {"industry-technology"}


async def test_two_packs_ticked_give_questions_from_both(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: home_ready(app))
        packs = app.screen.query_one("#pack-list", SelectionList)
        packs.deselect_all()
        packs.select("career-goals")
        packs.select("behavioral-star")
        app.screen.query_one("#count").value = "4"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
        planned = [q.pack_id for q in app.screen.round.questions]
    assert sorted(planned) == ["behavioral-star", "behavioral-star", "career-goals", "career-goals"]


async def test_a_round_that_cannot_cover_every_pack_says_why(make_app):
    app = make_app(
        start_round=RoundRequest(
            ("career-goals", "behavioral-star", "motivation-fit"), count=2, order="pack", profile=""
        )
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
        await wait_for(pilot, lambda: "none from Motivation and fit" in notification_text(app))


async def test_retry_asks_before_setting_an_answer_aside(make_app, isolated_data_dir):
    app = make_app(start_round=RoundRequest(("career-goals",), count=1, order="pack", profile=""))
    app.settings = app.settings.updated(follow_ups=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
        screen = app.screen
        await pilot.press("ctrl+s")
        screen.query_one("#answer", TextArea).insert("My first attempt")
        await pilot.press("f7")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        assert screen.round.clock.paused  # the clock waits while the user decides
        await pilot.press("escape")  # keep answering
        await wait_for(pilot, lambda: app.screen is screen)
        assert screen.query_one("#answer", TextArea).text == "My first attempt" and not screen.round.clock.paused
        await pilot.press("f7")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await click_when_shown(pilot, "#confirm-yes")
        await wait_for(pilot, lambda: app.screen is screen)
        assert screen.round.phase is Phase.THINKING and screen.query_one("#answer", TextArea).text == ""
    session = SessionStore(isolated_data_dir / "sessions").load_all()[0]
    assert [(a.status, a.text) for a in session.answers] == [("retried", "My first attempt")]


async def test_the_clock_keeps_the_time_left_after_submitting(make_app, clock):
    app = make_app(start_round=RoundRequest(("career-goals",), count=2, order="pack", profile=""))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
        screen = app.screen
        await pilot.press("ctrl+s")
        clock.advance(20)
        screen.query_one("#answer", TextArea).insert("In two years I want to lead a team.")
        await pilot.press("ctrl+s")
        clock.advance(300)
        screen.tick()  # a tick after the time has gone by: it must not count the answered question's clock down
        await settled(pilot)
        countdown = screen.query_one("#countdown")
        assert countdown.seconds == screen.round.turn.answer_seconds - 20 and countdown.has_class("-stopped")


async def test_the_status_line_wraps_at_80_columns(make_app, clock):
    """ "Time is up ... ctrl+s to hear it" is read whole, not cut after two lines."""
    app = make_app(start_round=ONE_STAR_QUESTION)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
        screen = app.screen
        await pilot.press("ctrl+s")
        screen.query_one("#answer", TextArea).insert(WEAK_STAR)
        clock.advance(screen.round.answer_seconds + 1)
        await wait_for(pilot, lambda: screen.round.phase is Phase.ANSWERED)
        await wait_for(pilot, lambda: "Time is up" in " ".join(screen_text(app).split()))
        flat = " ".join(screen_text(app).split())
    assert "ctrl+s to hear it" in flat


async def test_counts_keep_questions_and_follow_ups_apart_in_history_and_the_export(make_app, isolated_data_dir):
    """One question with a follow-up shows 1/1 and 1 follow-up (it showed "2/1")."""
    app = make_app(start_round=ONE_STAR_QUESTION)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
        screen = app.screen
        await pilot.press("ctrl+s")
        screen.query_one("#answer", TextArea).insert(WEAK_STAR)
        await pilot.press("ctrl+s", "ctrl+s")  # submit; hear the follow-up
        screen.query_one("#answer", TextArea).insert("Build time fell from 40 minutes to 12 within a month.")
        await pilot.press("ctrl+s", "ctrl+s")  # submit; on to Review
        await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen) and app.screen.session is not None)
        assert "1 of 1 questions, 1 follow-up" in str(app.screen.query_one("#review-summary").render())
        await pilot.press("ctrl+e", "escape")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.press("f2")
        await wait_for(
            pilot, lambda: isinstance(app.screen, HistoryScreen) and app.screen.query_one(DataTable).row_count > 0
        )
        row = app.screen.query_one(DataTable).get_row_at(0)
        assert (row[1], row[2]) == ("1/1", "1")
        assert "ended early" not in screen_text(app) and "completed" in screen_text(app)  # the status column is whole
    session = SessionStore(isolated_data_dir / "sessions").load_all()[0]
    export = (isolated_data_dir / "exports" / f"{session.id}.md").read_text()
    assert "- Answered: 1 of 1 questions, 1 follow-up" in export
    mean_of_answers = round(sum(present(a.score, "an answer's score") for a in session.answers) / 2)
    assert session.score == session.answers[0].question_score != mean_of_answers


async def test_playback_keys_only_for_spoken_answers(make_app, isolated_data_dir):
    packs = discover_packs()
    store = SessionStore(isolated_data_dir / "sessions")
    plan = ["career-goals/five-years", "career-goals/ten-years"]
    session = store.create(mode="spoken", packs=["career-goals"], plan=plan)
    for ref, audio in (("career-goals/five-years", ""), ("career-goals/ten-years", "audio/x/01.wav")):
        question = question_of(packs, ref)
        started = now()
        session.answers.append(
            AnswerRecord(
                ref,
                question.text,
                question.kind,
                started,
                started + timedelta(seconds=30),
                question.answer_seconds,
                "In five years I lead a team.",
                status=AnswerStatus.ANSWERED,
                source=AnswerMode.SPOKEN if audio else AnswerMode.TYPED,
                audio=audio,
            )
        )
    store.save(session)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        app.push_screen(ReviewScreen(app, session.id))
        await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen) and app.screen.session is not None)
        review = app.screen
        assert not {"f9", "f10"} & set(review.active_bindings)  # a typed answer: nothing to play
        review.query_one("#review-answers").highlighted = 1
        await wait_for(pilot, lambda: {"f9", "f10"} <= set(review.active_bindings))
