"""The typed flow, end to end with Pilot: Home, a round, feedback, follow-up, Review, History."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import DataTable, TextArea

from mock_interview.core.choices import AnswerMode
from mock_interview.core.planning import RoundRequest
from mock_interview.core.rounds import Phase
from mock_interview.core.sessions import SessionStore
from mock_interview.tui.screens.history import HistoryScreen
from mock_interview.tui.screens.home import HomeScreen
from mock_interview.tui.screens.review import ReviewScreen
from mock_interview.tui.screens.round import RoundScreen
from mock_interview.tui.widgets.feedback_panel import FeedbackPanel
from tests.lookups import phase_of
from tests.ui.conftest import choose_only, home_ready, seed_sessions, settled, wait_for

STAR_ANSWER = (
    "In my previous role as a support lead, our backlog had grown to 900 tickets. "
    "I was asked to bring response times under a day. "
    "I analysed six weeks of tickets and wrote a self-service guide for the top issues. "
    "As a result, the backlog was cleared within two months"
)  # no measure: the follow-up asks for one


async def test_typed_round_feedback_follow_up_review_history(make_app, isolated_data_dir):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: home_ready(app))
        choose_only(app, "behavioral-star", 1)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
        screen = app.screen
        assert "Question 1 of 1" in str(screen.query_one("#progress").render())
        await pilot.press("ctrl+s")  # skip the think time
        assert phase_of(screen.round) is Phase.ANSWERING
        area = screen.query_one("#answer", TextArea)
        area.insert(STAR_ANSWER)
        await pilot.press("full_stop")  # a real keystroke ends the last sentence
        panel = screen.query_one(FeedbackPanel)
        await wait_for(pilot, lambda: panel.status_of("star.result") == "pass")
        for part in ("situation", "task", "action", "result"):
            assert panel.status_of(f"star.{part}") == "pass", part
        await pilot.press("ctrl+s")  # submit
        assert phase_of(screen.round) is Phase.ANSWERED
        follow_up = screen.round.pending_follow_up
        assert follow_up
        await pilot.press("ctrl+s")  # hear the follow-up
        assert screen.round.turn.follow_up_to and follow_up in str(screen.query_one("#question").render())
        screen.query_one("#answer", TextArea).insert(
            "The backlog fell from 900 to 120 tickets, and replies came within 6 hours."
        )
        await pilot.press("ctrl+s")  # submit the follow-up
        await pilot.press("ctrl+s")  # next: the round is over
        await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen) and app.screen.session is not None)
        review = app.screen
        assert "backlog was cleared" in str(review.query_one("#review-answer").render())
        review.query_one("#reflection", TextArea).insert("Lead with the number.")
        await pilot.press("ctrl+s")
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.press("f2")
        await wait_for(pilot, lambda: isinstance(app.screen, HistoryScreen))
        assert app.screen.query_one(DataTable).row_count == 1
    sessions = SessionStore(isolated_data_dir / "sessions").load_all()
    assert len(sessions) == 1
    session = sessions[0]
    assert session.status == "completed"
    assert [bool(a.follow_up_to) for a in session.answers] == [False, True]
    assert session.answers[0].text.endswith("within two months.")
    assert session.answers[0].feedback["score"] > 0
    assert session.answers[1].question_text == follow_up
    assert session.answers[0].reflection == "Lead with the number."


async def test_clock_running_out_submits_the_answer(make_app, clock, isolated_data_dir):
    app = make_app(start_round=RoundRequest(("career-goals",), count=2, order="pack", profile=""))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
        screen = app.screen
        question = screen.round.turn.question
        clock.advance(question.prep_seconds + 0.1)
        await wait_for(pilot, lambda: phase_of(screen.round) is Phase.ANSWERING)
        screen.query_one("#answer", TextArea).insert("In two years I want to lead a small team.")
        clock.advance(question.answer_seconds - 25)
        await wait_for(pilot, lambda: screen.query_one("#countdown").has_class("-warn"))
        clock.advance(20)
        await wait_for(pilot, lambda: screen.query_one("#countdown").has_class("-danger"))
        clock.advance(10)
        await wait_for(pilot, lambda: phase_of(screen.round) is Phase.ANSWERED)
    session = SessionStore(isolated_data_dir / "sessions").load_all()[0]
    assert session.answers[0].status == "timed_out"
    assert session.answers[0].text == "In two years I want to lead a small team."


async def test_ctrl_s_as_think_time_runs_out_does_not_skip_the_question(make_app, clock, isolated_data_dir):
    """ctrl+s pressed to end the think time just after it ran out submitted an empty answer."""
    app = make_app(start_round=RoundRequest(("career-goals",), count=2, order="pack", profile=""))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
        screen = app.screen
        clock.advance(screen.round.turn.question.prep_seconds + 0.1)
        await wait_for(pilot, lambda: phase_of(screen.round) is Phase.ANSWERING)
        await pilot.press("ctrl+s")  # meant for the think time
        await settled(pilot)
        assert phase_of(screen.round) is Phase.ANSWERING
        assert "f6 skips" in str(screen.query_one("#round-status").render())
        await pilot.press("I", "d", "e", "a", "ctrl+s")
        await wait_for(pilot, lambda: phase_of(screen.round) is Phase.ANSWERED)
    answer = SessionStore(isolated_data_dir / "sessions").load_all()[0].answers[0]
    assert (answer.status, answer.text) == ("answered", "Idea")


async def test_quitting_mid_answer_keeps_the_text(make_app, isolated_data_dir):
    app = make_app(start_round=RoundRequest(("career-goals",), count=3, order="pack", profile=""))
    async with app.run_test() as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
        await pilot.press("ctrl+s")
        app.screen.query_one("#answer", TextArea).insert("Half of my answer, not yet saved by the timer")
        await pilot.press("ctrl+q")
    session = SessionStore(isolated_data_dir / "sessions").load_all()[0]
    assert session.status == "in_progress"
    assert session.answers[0].text == "Half of my answer, not yet saved by the timer"


async def test_resume_an_unfinished_round_from_history(make_app, isolated_data_dir):
    app = make_app(start_round=RoundRequest(("career-goals",), count=2, order="pack", profile=""))
    async with app.run_test() as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
        await pilot.press("ctrl+s")
        app.screen.query_one("#answer", TextArea).insert("Where I stopped")
        await pilot.press("ctrl+q")
    second = make_app()
    async with second.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(second.screen, HomeScreen))
        await pilot.press("f2")
        await wait_for(pilot, lambda: isinstance(second.screen, HistoryScreen))
        await pilot.press("ctrl+r")
        await wait_for(pilot, lambda: isinstance(second.screen, RoundScreen))
        screen = second.screen
        assert screen.round.total == 2
        assert phase_of(screen.round) is Phase.ANSWERING  # straight back into the interrupted answer
        assert screen.query_one("#answer", TextArea).text == "Where I stopped"


async def test_calm_mode_hides_the_checklist_until_submitted(make_app, isolated_data_dir):
    app = make_app(start_round=RoundRequest(("behavioral-star",), count=1, order="pack", profile=""))
    app.settings = app.settings.updated(feedback="calm", follow_ups=False)
    async with app.run_test() as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
        screen = app.screen
        await pilot.press("ctrl+s")
        screen.query_one("#answer", TextArea).insert(STAR_ANSWER)
        await pilot.press("full_stop")
        # the draft is saved a second after the last key: by then a live checklist would have been asked for
        await wait_for(pilot, lambda: screen.round.draft is not None and screen.round.draft.text.endswith("."))
        await settled(pilot)
        panel = screen.query_one(FeedbackPanel)
        assert panel.status_of("star.result") is None
        await pilot.press("ctrl+s")
        assert panel.status_of("star.result") == "pass"


async def test_spoken_mode_unavailable_keeps_typed_with_the_reason(make_app):
    reason = "Spoken answers unavailable: PortAudio was not found; install libportaudio2"
    app = make_app(speech_probe=lambda: (False, reason))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(
            pilot,
            lambda: home_ready(app) and not app.screen.speech_available and "PortAudio" in app.screen.speech_reason,
        )
        app.screen.query_one("#mode").value = "spoken"
        await wait_for(pilot, lambda: app.screen.query_one("#mode").value == "typed")
        assert "libportaudio2" in str(app.screen.query_one("#speech-status").render())


async def test_recording_failure_falls_back_to_typing(make_app, isolated_data_dir):
    from mock_interview.audio.devices import AudioUnavailable
    from tests.fakes import FakeTranscriber

    class BrokenRecorder:
        def __init__(self, *args, **kwargs):
            pass

        def start(self):
            raise AudioUnavailable("the input 'USB mic' is busy")

    app = make_app(
        start_round=RoundRequest(("career-goals",), count=1, order="pack", mode=AnswerMode.SPOKEN, profile=""),
        recorder_factory=BrokenRecorder,
        transcriber_factory=FakeTranscriber,
    )
    async with app.run_test() as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
        screen = app.screen
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not screen.query_one("#answer", TextArea).read_only)
        screen.query_one("#answer", TextArea).insert("Typed instead.")
        await pilot.press("ctrl+s")
        assert phase_of(screen.round) is Phase.ANSWERED
    session = SessionStore(isolated_data_dir / "sessions").load_all()[0]
    assert session.answers[0].text == "Typed instead."


async def test_help_lists_keys_and_palette_has_actions(make_app):
    app = make_app(start_round=RoundRequest(("career-goals",), count=1, order="pack", profile=""))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
        round_screen = app.screen
        titles = {command.title for command in app.get_system_commands(round_screen)}
        assert {"Start", "Pause", "Skip", "Again", "End", "Calm"} <= titles  # think time: ctrl+s starts
        await pilot.press("f1")
        await wait_for(pilot, lambda: app.screen is not round_screen)
        await settled(pilot)
        text = str(app.screen.query_one("#help-body Static").render())
        shown = {"start-answer", "pause", "skip", "retry", "end-round"}  # think time: ctrl+s starts, f5 pauses
        for binding in RoundScreen.BINDINGS:
            if isinstance(binding, Binding) and binding.id in shown:
                assert binding.tooltip in text, binding.id
        assert text.index("Keys — Round") < text.index("End the round early") < text.index("Keys — Everywhere")
        await pilot.press("escape")
        assert app.screen is round_screen


async def test_profile_form_saves_a_profile(make_app, isolated_data_dir):
    from mock_interview.core.profiles import ProfileStore
    from mock_interview.tui.screens.profiles import ProfilesScreen

    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.press("f3")
        await wait_for(pilot, lambda: isinstance(app.screen, ProfilesScreen))
        screen = app.screen
        screen.query_one("#profile-name").value = "acme"
        screen.query_one("#profile-company").value = "Acme"
        screen.query_one("#profile-role").value = "Data Analyst"
        screen.query_one("#profile-values").value = "Curiosity, Ownership"
        screen.query_one("#profile-jd", TextArea).insert("Build dashboards in Tableau and write SQL.")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: (isolated_data_dir / "profiles" / "acme.toml").exists())
    profile = ProfileStore(isolated_data_dir / "profiles").load("acme")
    assert profile.values == ("Curiosity", "Ownership") and "Tableau" in profile.job_description
    assert app.settings.active_profile == "acme"


async def test_compare_attempts_shows_changed_checks(make_app, isolated_data_dir):
    from mock_interview.core.compare import Change
    from mock_interview.tui.screens.compare import CompareScreen

    seed_sessions(isolated_data_dir)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.press("f2")
        await wait_for(pilot, lambda: isinstance(app.screen, HistoryScreen))
        await pilot.press("ctrl+o")
        await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen) and app.screen.attempts)
        await wait_for(pilot, lambda: bool(app.screen.rows))
        changes = {row.label: row.change for row in app.screen.rows if row.change is not Change.SAME}
        assert changes, app.screen.rows  # the seeded attempts grow longer: some checks must change
