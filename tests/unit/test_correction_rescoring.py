"""Correcting a spoken answer checks again what reads it: its question's score with the follow-ups,
which the status line, Review's list, ``sessions show`` and the session's score all show."""

from __future__ import annotations

from datetime import timedelta

from mock_interview.core.choices import AnswerMode
from mock_interview.core.context import AppContext
from mock_interview.core.feedback import QuestionInfo, analyse
from mock_interview.core.question_scores import follow_ups_of, main_answer_index, score_with_follow_ups
from mock_interview.core.rechecks import apply_correction, recheck_answer
from mock_interview.core.sessions import AnswerRecord, AnswerStatus, Session, now
from tests.spoken_sessions import timed

REF = "behavioral-star/reduced-costs"
QUESTION = "Describe a time you made a process more efficient or reduced costs."
STORY = (
    "Last year our invoice matching took the finance team three days every month. I was asked to cut that time "
    "before the audit. I wrote a matching script in Python and tested it on six months of invoices. I then trained two "
    "clerks to check the exceptions it flagged. As a result, the monthly close went from three days to four hours, and "
    "the error rate fell by half."
)
# What a recogniser might make of it: the figures and the tool lost.
MISHEARD = (
    "Last year are in voice matching took the fine ants team tree daze every month. I was asked to cut that time "
    "be four the or did. I wrote a matching script in pie thon and tested it on sicks months of in voices. I then "
    "trained to clerks to check the exceptions it flagged. As a rezzle, the month lee close went from tree daze to "
    "for ours, and the error rate fell by have."
)
FOLLOW_UP = "Who else was involved?"
FOLLOW_UP_ANSWER = "I worked with four colleagues from the support team and our operations manager, Priya."


def _answer(text: str, *, follow_up_to: str = "", question: str = QUESTION) -> AnswerRecord:
    began = now()
    return AnswerRecord(
        REF,
        question,
        "behavioral",
        began,
        began + timedelta(seconds=40),
        150 if not follow_up_to else 60,
        text,
        source=AnswerMode.SPOKEN,
        status=AnswerStatus.ANSWERED,
        audio="audio/x/00.wav",
        words=timed(text),
        follow_up_to=follow_up_to,
    )


def _session(context: AppContext, main_text: str) -> Session:
    """A spoken answer and its follow-up, scored together as the round does."""
    question = context.packs.find_question(REF)
    assert question is not None and question.text == QUESTION
    session = context.sessions.create(mode="spoken", packs=["behavioral-star"], plan=[REF])
    main = _answer(main_text)
    main.feedback = analyse(main_text, QuestionInfo.of(question)).to_json()
    follow_up = _answer(FOLLOW_UP_ANSWER, follow_up_to=REF, question=FOLLOW_UP)
    follow_up.feedback = analyse(FOLLOW_UP_ANSWER, QuestionInfo.follow_up(FOLLOW_UP)).to_json()
    session.answers += [main, follow_up]
    score_with_follow_ups(session, question, None)
    return session


def test_correcting_the_main_answer_scores_its_question_with_the_follow_ups_again(isolated_data_dir):
    context = AppContext.from_options(str(isolated_data_dir))
    session = _session(context, MISHEARD)
    before = session.answers[0].question_score
    rechecked = recheck_answer(context, session, 0, STORY)
    assert session.answers[0].text == MISHEARD and session.answers[0].question_score == before  # nothing changed yet
    apply_correction(session, rechecked)
    main = session.answers[0]
    assert (main.text, main.original_text) == (STORY, MISHEARD)
    # the same number the round would have made had it heard the story right
    expected = _session(context, STORY).answers[0].question_score
    assert expected is not None and before is not None and expected > before
    assert main.question_score == expected
    assert session.score == expected and session.question_scores() == {REF: expected}
    context.sessions.save(session)
    assert context.sessions.load(session.id).answers[0].question_score == expected  # as `sessions show` reads it


def test_correcting_a_follow_up_scores_its_question_again(isolated_data_dir):
    context = AppContext.from_options(str(isolated_data_dir))
    session = _session(context, STORY)
    before = session.answers[0].with_follow_ups
    rechecked = recheck_answer(context, session, 1, "Um, I do not really remember.")
    assert rechecked.main_index == 0
    apply_correction(session, rechecked)
    assert session.answers[0].with_follow_ups != before
    assert session.answers[1].text == "Um, I do not really remember."


def test_an_answer_without_follow_ups_changes_only_itself(isolated_data_dir):
    context = AppContext.from_options(str(isolated_data_dir))
    session = _session(context, MISHEARD)
    del session.answers[1]
    session.answers[0].with_follow_ups = {}
    rechecked = recheck_answer(context, session, 0, STORY)
    assert rechecked.main_index is None
    apply_correction(session, rechecked)
    assert session.answers[0].with_follow_ups == {} and session.answers[0].question_score == session.answers[0].score


def test_a_follow_up_belongs_to_the_attempt_it_followed():
    first, its_follow_up = _answer("First try."), _answer("Four of us.", follow_up_to=REF, question=FOLLOW_UP)
    second = _answer("Second try.")
    answers = [first, its_follow_up, second]
    assert main_answer_index(answers, 1) == 0
    assert follow_ups_of(answers, 0) == [its_follow_up]
    assert follow_ups_of(answers, 2) == []
