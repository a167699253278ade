"""A round's clock, phases, follow-ups, retries and saving, driven by a fake clock."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from mock_interview.core.clock import Clock
from mock_interview.core.feedback import analyse
from mock_interview.core.followups import choose_follow_up
from mock_interview.core.packs import discover_packs
from mock_interview.core.report import session_to_markdown
from mock_interview.core.rounds import TRANSITIONS, InvalidTransition, Phase, Round, follow_up_seconds
from mock_interview.core.sessions import SessionStatus, SessionStore
from tests.fakes import FakeClock
from tests.lookups import check_of, draft_of, pack_of, phase_of, present, question_of, turn_of

PACKS = discover_packs()
STAR = pack_of(PACKS, "behavioral-star")
GOALS = pack_of(PACKS, "career-goals")
WEAK_STAR = (
    "In my last job our nightly builds kept failing. I rewrote the build scripts. "
    "As a result the builds stopped failing."
)


def make_round(tmp_path: Path, questions, clock: FakeClock, mode: str = "typed", **options) -> Round:
    store = SessionStore(tmp_path / "sessions")
    session = store.create(mode=mode, packs=[q.pack_id for q in questions], plan=[q.ref for q in questions])
    return Round(session=session, store=store, questions=list(questions), clock=Clock(clock), **options)


def test_clock_pauses_and_resumes():
    fake = FakeClock()
    clock = Clock(fake)
    clock.start(60)
    fake.advance(10)
    clock.pause()
    fake.advance(100)
    assert clock.remaining == 50 and clock.paused
    clock.resume()
    fake.advance(55)
    assert clock.remaining == 0


def test_prep_then_answer_then_timeout_submission(tmp_path: Path):
    fake = FakeClock()
    round_ = make_round(tmp_path, STAR.questions[:2], fake, follow_ups=False)
    assert phase_of(round_) is Phase.READY
    turn = present(round_.begin(), "the first turn")
    assert turn.question.id == STAR.questions[0].id and phase_of(round_) is Phase.THINKING
    fake.advance(STAR.prep_seconds)
    assert round_.time_is_up
    round_.start_answer()
    assert phase_of(round_) is Phase.ANSWERING and round_.clock.remaining == STAR.questions[0].answer_seconds
    round_.save_draft("In my last role I led a team.")
    saved = round_.store.load(round_.session.id)
    assert saved.answers[0].text == "In my last role I led a team." and saved.answers[0].status == "in_progress"
    fake.advance(STAR.questions[0].answer_seconds)
    assert round_.time_is_up
    feedback, follow_up = round_.submit("In my last role I led a team.", timed_out=True)
    assert follow_up is None and phase_of(round_) is Phase.ANSWERED
    saved = round_.store.load(round_.session.id)
    assert saved.answers[0].status == "timed_out" and saved.answers[0].feedback["score"] == feedback.score
    assert present(round_.next(), "the next turn").question.id == STAR.questions[1].id


def test_the_clock_stops_when_the_answer_is_in(tmp_path: Path):
    """After submitting, the clock keeps the time that was left (it does not run on to 0:00)."""
    fake = FakeClock()
    round_ = make_round(tmp_path, STAR.questions[:1], fake, prep_seconds_override=0, follow_ups=False)
    round_.begin()
    fake.advance(30)
    round_.submit("I did it.")
    left = round_.clock.remaining
    fake.advance(500)
    assert round_.clock.remaining == left == STAR.questions[0].answer_seconds - 30


def test_every_phase_lists_where_it_may_go():
    assert set(TRANSITIONS) == set(Phase)
    assert TRANSITIONS[Phase.FINISHED] == frozenset()
    for targets in TRANSITIONS.values():
        assert Phase.READY not in targets  # a round never goes back to not started


def test_moves_a_phase_does_not_allow_are_refused(tmp_path: Path):
    fake = FakeClock()
    round_ = make_round(tmp_path, STAR.questions[:1], fake, follow_ups=False)
    round_.begin()
    assert phase_of(round_) is Phase.THINKING
    with pytest.raises(InvalidTransition):
        round_.stop_answer()  # nothing is being recorded during think time
    round_.start_answer()
    round_.submit("An answer.")
    with pytest.raises(InvalidTransition):
        round_.stop_answer()
    round_.finish()
    assert phase_of(round_) is Phase.FINISHED
    with pytest.raises(InvalidTransition):
        round_.start_answer()
    with pytest.raises(InvalidTransition):
        round_.finish()


def test_a_spoken_answer_waits_for_its_transcript_and_falls_back_to_typing(tmp_path: Path):
    fake = FakeClock()
    round_ = make_round(tmp_path, STAR.questions[:2], fake, mode="spoken", prep_seconds_override=0, follow_ups=False)
    round_.begin()
    assert phase_of(round_) is Phase.ANSWERING and round_.spoken and not round_.accepts_typing
    fake.advance(round_.answer_seconds)
    round_.stop_answer(timed_out=True)
    assert phase_of(round_) is Phase.TRANSCRIBING and round_.clock.paused
    round_.fall_back_to_typing()  # the transcript failed
    assert phase_of(round_) is Phase.ANSWERING and not round_.spoken and round_.accepts_typing
    round_.submit("Typed instead.")
    saved = round_.store.load(round_.session.id)
    assert (saved.answers[0].source, saved.answers[0].status) == ("typed", "timed_out")  # the time ran out before
    round_.next()
    assert round_.spoken  # the next answer is spoken again


def test_a_spoken_answer_clock_waits_for_the_microphone(tmp_path: Path):
    fake = FakeClock()
    round_ = make_round(tmp_path, STAR.questions[:1], fake, mode="spoken", prep_seconds_override=0)
    round_.begin()
    round_.wait_for_audio()
    fake.advance(30)  # the device takes its time to open
    assert round_.waiting_for_audio and round_.clock.remaining == round_.answer_seconds
    assert not round_.paused and not round_.time_is_up  # waiting is neither a pause nor time running out
    round_.audio_started()
    fake.advance(5)
    assert not round_.waiting_for_audio and round_.clock.remaining == round_.answer_seconds - 5


def test_silence_with_time_left_is_typed_instead_and_not_scored(tmp_path: Path):
    fake = FakeClock()
    round_ = make_round(tmp_path, STAR.questions[:2], fake, mode="spoken", prep_seconds_override=0)
    round_.begin()
    round_.wait_for_audio()
    round_.audio_started()
    fake.advance(10)
    round_.stop_answer()
    assert round_.no_speech_heard()  # time is left: type instead
    assert phase_of(round_) is Phase.ANSWERING and round_.accepts_typing and round_.no_speech
    fake.advance(5)
    assert round_.clock.remaining == round_.answer_seconds - 15  # the clock runs on
    draft = draft_of(round_)
    assert draft.source == "spoken" and draft.text == "" and not draft.feedback  # nothing typed: still spoken
    round_.save_draft("I typed")
    assert draft.source == "typed"  # typed from the first word
    round_.retry()  # f7: speak again
    assert round_.spoken and not round_.no_speech


def test_silence_when_time_ran_out_is_saved_as_skipped(tmp_path: Path):
    fake = FakeClock()
    round_ = make_round(tmp_path, STAR.questions[:2], fake, mode="spoken", prep_seconds_override=0)
    round_.begin()
    round_.wait_for_audio()
    round_.audio_started()
    fake.advance(round_.answer_seconds)
    round_.stop_answer(timed_out=True)
    assert not round_.no_speech_heard()
    assert phase_of(round_) is Phase.ANSWERED and round_.pending_follow_up is None
    saved = round_.store.load(round_.session.id).answers[0]
    assert (saved.status, saved.text, saved.feedback, saved.words) == ("skipped", "", {}, [])


def test_pausing_stops_typing(tmp_path: Path):
    fake = FakeClock()
    round_ = make_round(tmp_path, STAR.questions[:1], fake, prep_seconds_override=0)
    round_.begin()
    assert round_.accepts_typing
    round_.pause()
    assert round_.paused and round_.clock.paused and not round_.accepts_typing
    round_.resume()
    assert round_.accepts_typing and not round_.clock.paused


def test_follow_up_aims_at_the_biggest_gap(tmp_path: Path):
    fake = FakeClock()
    round_ = make_round(tmp_path, STAR.questions[:1], fake, prep_seconds_override=0)
    round_.begin()
    assert phase_of(round_) is Phase.ANSWERING
    _, follow_up = round_.submit(WEAK_STAR)
    assert follow_up == "What was the measurable outcome?"
    turn = present(round_.advance(), "the follow-up")
    assert turn.follow_up_to == STAR.questions[0].ref
    assert round_.clock.remaining == follow_up_seconds(STAR.questions[0].answer_seconds)
    round_.submit("Build time fell from 40 minutes to 12.")
    saved = round_.store.load(round_.session.id)
    assert [a.follow_up_to for a in saved.answers] == ["", STAR.questions[0].ref]
    assert saved.answers[1].question_text == "What was the measurable outcome?"


@pytest.mark.parametrize(("answer", "follow_up"), [(15, 15), (30, 15), (90, 45), (120, 60), (600, 120)])
def test_follow_up_time_scales_with_the_answer_time(answer: int, follow_up: int):
    assert follow_up_seconds(answer) == follow_up


def test_a_short_answer_time_gives_a_short_follow_up(tmp_path: Path):
    """Settings' 15-second answers: the follow-up is not given 60 s."""
    fake = FakeClock()
    round_ = make_round(tmp_path, STAR.questions[:1], fake, prep_seconds_override=0, answer_seconds_override=15)
    round_.begin()
    assert round_.clock.remaining == 15
    round_.submit(WEAK_STAR)
    round_.advance()
    assert turn_of(round_).follow_up_to and round_.clock.remaining == 15
    assert round_.store.load(round_.session.id).answers[1].answer_seconds == 15


def test_follow_up_falls_back_to_the_questions_own(tmp_path: Path):
    question = question_of(PACKS, "career-goals/long-term-goals")
    no_steps = (
        "Currently I am a data analyst at a retailer. In the next two years I want to lead my first projects. "
        "In five to ten years I see myself leading an analytics team here, because your focus on data fits "
        "what I want. For example, last year I cut reporting time by 30%."
    )
    feedback = analyse(no_steps, question)
    assert check_of(feedback, "goals.company_link").status == "pass"
    chosen = choose_follow_up(question, feedback, random.Random(1), answer=no_steps)
    assert chosen in question.follow_ups and "steps" in chosen  # not the link it already gave


def test_no_follow_up_asks_for_what_the_answer_gave(tmp_path: Path):
    question = question_of(PACKS, "career-goals/long-term-goals")
    strong = (
        "Currently I am a data analyst at a retailer. In the next two years I plan to complete a PMP "
        "certification and lead two projects. In five to ten years I see myself leading an analytics team here, "
        "because your focus on data fits my plan. For example, last year I cut reporting time by 30%."
    )
    assert choose_follow_up(question, analyse(strong, question), random.Random(1), answer=strong) is None


def test_follow_ups_are_scored_as_part_of_their_question(tmp_path: Path):
    """One question with a follow-up is one question: its score is the answer and the follow-up checked together."""
    fake = FakeClock()
    round_ = make_round(tmp_path, STAR.questions[:1], fake, prep_seconds_override=0)
    round_.begin()
    main_feedback, follow_up = round_.submit(WEAK_STAR)
    assert follow_up
    round_.advance()
    follow_feedback, _ = round_.submit("Build time fell from 40 minutes to 12 minutes within a month.")
    saved = round_.store.load(round_.session.id)
    main = saved.answers[0]
    assert saved.score == main.question_score == main.with_follow_ups["score"]
    assert saved.score != round((main_feedback.score + follow_feedback.score) / 2)
    # the follow-up gave the measurable result the answer lacked
    assert present(main.question_score, "the question's score") > main_feedback.score
    assert (saved.questions_answered, saved.follow_ups_answered) == (1, 1)
    assert saved.question_scores() == {STAR.questions[0].ref: main.question_score}


def test_retry_keeps_the_earlier_attempt_in_the_record(tmp_path: Path):
    fake = FakeClock()
    round_ = make_round(tmp_path, STAR.questions[:2], fake, prep_seconds_override=0, follow_ups=False)
    round_.begin()
    round_.save_draft("A first try that went nowhere")
    assert round_.attempt_in_progress
    round_.retry()
    assert phase_of(round_) is Phase.ANSWERING and turn_of(round_).question.id == STAR.questions[0].id
    round_.submit(WEAK_STAR)
    saved = round_.store.load(round_.session.id)
    assert [(a.status, a.text) for a in saved.answers] == [
        ("retried", "A first try that went nowhere"),
        ("answered", WEAK_STAR),
    ]
    assert saved.questions_answered == 1
    assert saved.remaining_plan() == [STAR.questions[1].ref]


def test_retry_with_nothing_written_leaves_nothing_behind(tmp_path: Path):
    fake = FakeClock()
    round_ = make_round(tmp_path, STAR.questions[:1], fake, prep_seconds_override=0, follow_ups=False)
    round_.begin()
    assert not round_.attempt_in_progress
    round_.retry()
    assert len(round_.session.answers) == 1 and round_.session.answers[0].status == "in_progress"


def test_retry_after_submitting_counts_the_new_attempt(tmp_path: Path):
    fake = FakeClock()
    round_ = make_round(tmp_path, STAR.questions[:1], fake, prep_seconds_override=0, follow_ups=False)
    round_.begin()
    first, _ = round_.submit("I did something.")
    round_.retry()
    second, _ = round_.submit(WEAK_STAR)
    saved = round_.store.load(round_.session.id)
    assert [a.status for a in saved.answers] == ["answered", "answered"]
    assert saved.questions_answered == 1 and saved.score == second.score != first.score


def test_skip_retry_and_end_early(tmp_path: Path):
    fake = FakeClock()
    round_ = make_round(tmp_path, STAR.questions[:3], fake, prep_seconds_override=0, follow_ups=False)
    round_.begin()
    round_.save_draft("half an answer")
    round_.retry()
    assert phase_of(round_) is Phase.ANSWERING and turn_of(round_).question.id == STAR.questions[0].id
    round_.skip()
    round_.next()
    round_.save_draft("Something I was writing")
    round_.finish(SessionStatus.ENDED_EARLY)
    saved = round_.store.load(round_.session.id)
    assert saved.status == "ended_early"
    assert [a.status for a in saved.answers] == ["retried", "skipped", "answered"]  # the words ended on count
    assert saved.answers[-1].text == "Something I was writing" and saved.answers[-1].score is not None
    assert saved.remaining_plan() == [STAR.questions[2].ref]


def test_counts_keep_questions_and_follow_ups_apart(tmp_path: Path):
    """Ended after 3 of 5 questions with 2 follow-ups: "3 of 5 questions, 2 follow-ups", not "5 of 5"."""
    fake = FakeClock()
    round_ = make_round(tmp_path, GOALS.questions[:5], fake, prep_seconds_override=0)
    round_.begin()
    for number in range(3):
        _, follow_up = round_.submit("I want to grow. I am a hard worker.")
        if number < 2:
            assert follow_up
            round_.advance()
            round_.submit("In two years I want to lead a team of four.")
        round_.pending_follow_up = None
        if number < 2:
            round_.next()
    round_.finish(SessionStatus.ENDED_EARLY)
    saved = round_.store.load(round_.session.id)
    assert (saved.questions_answered, saved.follow_ups_answered, len(saved.plan)) == (3, 2, 5)
    summary = round_.store.list()[0][0]
    assert (summary.answers, summary.follow_ups, summary.planned) == (3, 2, 5)
    assert "- Answered: 3 of 5 questions, 2 follow-ups" in session_to_markdown(saved)


def test_resume_restores_the_interrupted_draft(tmp_path: Path):
    fake = FakeClock()
    round_ = make_round(tmp_path, STAR.questions[:2], fake, prep_seconds_override=0)
    round_.begin()
    round_.save_draft("I was halfway through")
    store = round_.store
    session = store.load(round_.session.id)
    questions = [question_of(PACKS, ref) for ref in session.remaining_plan()]
    resumed = Round(session=session, store=store, questions=questions, clock=Clock(fake), prep_seconds_override=0)
    resumed.begin()
    assert draft_of(resumed).text == "I was halfway through"
    assert len(resumed.session.answers) == 1


def test_a_resumed_round_counts_from_where_it_stopped(tmp_path: Path):
    fake = FakeClock()
    round_ = make_round(tmp_path, STAR.questions[2:4], fake, done_before=2)
    round_.begin()
    assert (round_.number, round_.total) == (3, 4)
    round_.skip()
    round_.next()
    assert (round_.number, round_.total) == (4, 4)
