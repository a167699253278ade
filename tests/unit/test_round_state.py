"""The round owns its state: pauses for any reason (f5, Help, the palette, a question), the recording
following the clock, the next step the footer names, skipped questions kept, time used kept on resume,
and a question's score that a failed follow-up cannot raise."""

from __future__ import annotations

from pathlib import Path

from mock_interview.core.rounds import NextStep, PauseReason, Phase
from tests.fakes import FakeClock
from tests.unit.test_rounds import GOALS, STAR, WEAK_STAR, make_round

# asked "What was the measurable outcome?", this tells more of the story and gives no outcome
DODGED_OUTCOME = (
    "My task was to find out why the builds failed. I read the logs, talked to the team and rewrote the "
    "scripts in Python with Jenkins."
)
GAVE_OUTCOME = (
    "I analysed six weeks of tickets, wrote a self-service guide in Confluence and trained four colleagues, "
    "then we reviewed it every Friday."
)


class FakeRecording:
    def __init__(self) -> None:
        self.calls: list[str] = []

    def pause(self) -> None:
        self.calls.append("pause")

    def resume(self) -> None:
        self.calls.append("resume")


def test_help_over_the_round_stops_the_clock_and_closing_it_does_not_undo_the_users_pause(tmp_path: Path):
    fake = FakeClock()
    round_ = make_round(tmp_path, STAR.questions[:1], fake, prep_seconds_override=0)
    round_.begin()
    fake.advance(7)
    round_.pause(PauseReason.COVERED)  # Help opens
    fake.advance(60)
    assert round_.clock.elapsed == 7 and not round_.accepts_typing
    round_.resume(PauseReason.COVERED)
    assert round_.accepts_typing
    round_.pause()  # f5
    round_.pause(PauseReason.COVERED)  # Help opens while paused
    round_.resume(PauseReason.COVERED)
    fake.advance(30)
    assert round_.paused and round_.clock.elapsed == 7
    round_.resume()
    fake.advance(3)
    assert not round_.paused and round_.clock.elapsed == 10


def test_a_recording_follows_the_rounds_pauses(tmp_path: Path):
    fake = FakeClock()
    round_ = make_round(tmp_path, STAR.questions[:1], fake, mode="spoken", prep_seconds_override=0)
    round_.begin()
    recording = FakeRecording()
    round_.attach_recording(recording)
    round_.pause()
    round_.pause(PauseReason.COVERED)
    round_.resume(PauseReason.COVERED)
    round_.resume()
    assert recording.calls == ["pause", "resume"]
    round_.pause(PauseReason.COVERED)  # a recording attached while paused starts paused
    later = FakeRecording()
    round_.attach_recording(later)
    assert later.calls == ["pause"]


def test_the_next_step_follows_the_phase(tmp_path: Path):
    fake = FakeClock()
    round_ = make_round(tmp_path, STAR.questions[:1], fake, prep_seconds_override=10, follow_ups=False)
    round_.begin()
    assert round_.next_step is NextStep.START
    round_.start_answer()
    assert round_.next_step is NextStep.SUBMIT
    fake.advance(round_.answer_seconds)
    assert round_.time_is_up
    round_.submit(WEAK_STAR, timed_out=True)
    assert round_.next_step is NextStep.NEXT
    round_.advance()
    assert round_.next_step is NextStep.NONE


def test_a_question_skipped_in_think_time_is_recorded_and_not_asked_again(tmp_path: Path):
    fake = FakeClock()
    round_ = make_round(tmp_path, GOALS.questions[:2], fake, prep_seconds_override=10)
    round_.begin()
    assert round_.phase is Phase.THINKING
    round_.skip()
    [skipped] = round_.store.load(round_.session.id).answers
    assert (skipped.question_ref, skipped.status) == (GOALS.questions[0].ref, "skipped")
    assert round_.session.remaining_plan() == [GOALS.questions[1].ref]


def test_a_resumed_answer_keeps_the_time_it_had_used(tmp_path: Path):
    fake = FakeClock()
    round_ = make_round(tmp_path, STAR.questions[:1], fake, prep_seconds_override=0)
    round_.begin()
    fake.advance(40)
    round_.save_draft("In my last job our nightly builds kept failing.")
    fake.advance(5)
    round_.save_draft("In my last job our nightly builds kept failing.")  # quitting: the time is saved too
    session = round_.store.load(round_.session.id)
    again = make_round(tmp_path, STAR.questions[:1], fake, prep_seconds_override=30)
    again.session, again.store = session, round_.store
    again.begin()
    assert again.phase is Phase.ANSWERING  # no second think time
    assert again.clock.remaining == again.answer_seconds - 45
    fake.advance(10)
    again.submit(WEAK_STAR)
    assert again.session.answers[0].duration_seconds == 55


def test_a_follow_up_that_misses_its_point_never_raises_the_questions_score(tmp_path: Path):
    round_ = make_round(tmp_path, STAR.questions[:1], FakeClock(), prep_seconds_override=0)
    round_.begin()
    own, follow_up = round_.submit(WEAK_STAR)
    assert follow_up == "What was the measurable outcome?"
    round_.advance()
    round_.submit(DODGED_OUTCOME)
    check = next(c for c in round_.session.answers[-1].feedback["checks"] if c["id"] == "followup.answered")
    assert check["status"] == "missing"
    score = round_.question_score()
    assert score is not None and own.score is not None and score <= own.score
    assert round_.session.score == score  # the session counts the number the round showed


def test_a_follow_up_that_answers_can_raise_the_questions_score(tmp_path: Path):
    round_ = make_round(tmp_path, STAR.questions[:1], FakeClock(), prep_seconds_override=0)
    round_.begin()
    own, _ = round_.submit(WEAK_STAR)
    round_.advance()
    round_.submit(GAVE_OUTCOME)
    score = round_.question_score()
    assert score is not None and own.score is not None and score > own.score
