"""A round in progress: the clock, the phases, and saving every answer as it happens.

No UI here: the Textual screen drives a :class:`Round` and shows what it says. The clock is
injectable, so tests move time forward without sleeping.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from mock_interview.core.feedback import Delivery, Feedback, QuestionInfo, analyse
from mock_interview.core.followups import choose_follow_up
from mock_interview.core.packs import Question
from mock_interview.core.sessions import AnswerRecord, Session, SessionStore, now

PREP, ANSWER, DONE = "prep", "answer", "done"
FOLLOW_UP_SECONDS = QuestionInfo.FOLLOW_UP_SECONDS


@dataclass
class Clock:
    """A pausable countdown over a monotonic time source."""

    source: Callable[[], float] = time.monotonic
    limit: float = 0.0
    _started: float | None = None
    _elapsed_before: float = 0.0

    def start(self, limit: float) -> None:
        """Start counting down ``limit`` seconds from now."""
        self.limit = float(limit)
        self._elapsed_before = 0.0
        self._started = self.source()

    @property
    def paused(self) -> bool:
        """Whether the clock is stopped."""
        return self._started is None

    def pause(self) -> None:
        """Stop the clock, keeping the time used."""
        if self._started is not None:
            self._elapsed_before += self.source() - self._started
            self._started = None

    def resume(self) -> None:
        """Restart a paused clock."""
        if self._started is None:
            self._started = self.source()

    @property
    def elapsed(self) -> float:
        """Seconds counted so far."""
        running = self.source() - self._started if self._started is not None else 0.0
        return self._elapsed_before + running

    @property
    def remaining(self) -> float:
        """Seconds left, never below zero."""
        return max(0.0, self.limit - self.elapsed)


@dataclass
class Turn:
    """One question put to the user: a planned question or a follow-up to one."""

    question: Question
    text: str
    follow_up_to: str = ""

    @property
    def answer_seconds(self) -> int:
        """The time to answer."""
        return FOLLOW_UP_SECONDS if self.follow_up_to else self.question.answer_seconds

    def info(self) -> QuestionInfo:
        """What the feedback engine needs to know of this turn."""
        return QuestionInfo.follow_up(self.text) if self.follow_up_to else QuestionInfo.of(self.question)


@dataclass
class Round:
    """A running practice round over a saved :class:`Session`."""

    session: Session
    store: SessionStore
    questions: list[Question]
    profile: object | None = None
    follow_ups: bool = True
    answer_seconds_override: int = 0
    prep_seconds_override: int = -1
    clock: Clock = field(default_factory=Clock)
    position: int = 0
    phase: str = PREP
    turn: Turn | None = None
    draft: AnswerRecord | None = None
    done_before: int = 0  # planned questions already answered before a resumed round

    # -- lifecycle -------------------------------------------------------------------------------

    def begin(self) -> Turn | None:
        """Put the question at the current position (prep phase first); ``None`` when done."""
        if self.position >= len(self.questions):
            self.finish("completed")
            return None
        question = self.questions[self.position]
        self.turn = Turn(question, question.text)
        self._start_prep()
        return self.turn

    def _interrupted_draft(self) -> AnswerRecord | None:
        assert self.turn is not None
        return next((a for a in self.session.answers if a.status == "in_progress" and a.question_ref == self.turn.question.ref
                     and a.follow_up_to == self.turn.follow_up_to), None)

    def _start_prep(self) -> None:
        prep = self.prep_seconds
        self.draft = None
        if prep <= 0 or self._interrupted_draft() is not None:  # resuming mid-answer: no second think time
            self.start_answer()
        else:
            self.phase = PREP
            self.clock.start(prep)

    @property
    def prep_seconds(self) -> int:
        """Think time for the current turn (none for follow-ups)."""
        if self.turn is None or self.turn.follow_up_to:
            return 0
        return self.prep_seconds_override if self.prep_seconds_override >= 0 else self.turn.question.prep_seconds

    @property
    def answer_seconds(self) -> int:
        """Answer time for the current turn."""
        if self.turn is None:
            return 0
        if self.answer_seconds_override > 0 and not self.turn.follow_up_to:
            return self.answer_seconds_override
        return self.turn.answer_seconds

    def start_answer(self) -> None:
        """Skip or end the think time and start the answer clock; the draft is saved at once."""
        assert self.turn is not None
        self.phase = ANSWER
        self.clock.start(self.answer_seconds)
        interrupted = self._interrupted_draft()
        if interrupted is not None:  # resuming a round that was quit mid-answer: keep what was written
            self.draft = interrupted
            self.draft.started = now()
            self.store.save(self.session)
            return
        self.draft = AnswerRecord(question_ref=self.turn.question.ref, question_text=self.turn.text, kind=self.turn.info().kind,
                                  started=now(), answer_seconds=self.answer_seconds, source=self.session.mode,
                                  follow_up_to=self.turn.follow_up_to)
        self.session.answers.append(self.draft)
        self.store.save(self.session)

    @property
    def number(self) -> int:
        """1-based number of the planned question being asked."""
        return self.done_before + min(self.position + 1, len(self.questions))

    @property
    def total(self) -> int:
        """Planned questions in the round."""
        return self.done_before + len(self.questions)

    @property
    def time_is_up(self) -> bool:
        """The clock has run out in the current phase."""
        return self.phase in (PREP, ANSWER) and self.clock.remaining <= 0

    # -- answers ---------------------------------------------------------------------------------

    def save_draft(self, text: str) -> None:
        """Keep the text being written, so quitting at any moment loses nothing."""
        if self.draft is not None and self.phase == ANSWER and text != self.draft.text:
            self.draft.text = text
            self.store.save(self.session)

    def analyse(self, text: str, delivery: Delivery | None = None) -> Feedback:
        """The feedback for ``text`` as an answer to the current turn."""
        assert self.turn is not None
        return analyse(text, self.turn.info(), profile=self.profile, delivery=delivery)

    def submit(self, text: str, *, timed_out: bool = False, words=(), audio: str = "", transcript_model: str = "",
               duration: float | None = None) -> tuple[Feedback, str | None]:
        """Record the answer with its feedback and save; returns the feedback and the follow-up to ask, if any."""
        assert self.turn is not None and self.draft is not None
        seconds = self.clock.elapsed if duration is None else duration
        delivery = Delivery(tuple(words), seconds, self.answer_seconds) if words else None
        feedback = self.analyse(text, delivery)
        record = self.draft
        record.text = text
        record.ended = record.started + timedelta(seconds=round(seconds))
        record.status = "timed_out" if timed_out else "answered"
        record.words = [(w, float(s), float(e)) for w, s, e in words]
        record.audio = audio
        record.transcript_model = transcript_model
        record.feedback = feedback.to_json()
        if not text.strip():
            record.status = "skipped"
        self.store.save(self.session)
        self.phase = DONE
        follow_up = None
        if self.follow_ups and not self.turn.follow_up_to and text.strip():
            follow_up = choose_follow_up(self.turn.question, feedback)
        return feedback, follow_up

    def ask_follow_up(self, text: str) -> Turn:
        """Put a follow-up to the question just answered (answered and checked the same way)."""
        assert self.turn is not None
        self.turn = Turn(self.turn.question, text, follow_up_to=self.turn.question.ref)
        self.start_answer()
        return self.turn

    def skip(self) -> None:
        """Skip the current question (recorded as skipped if it was started)."""
        if self.draft is not None and self.phase == ANSWER:
            self.draft.status = "skipped"
            self.draft.ended = now()
            self.store.save(self.session)
        self.phase = DONE

    def retry(self) -> Turn:
        """Ask the same question again from its think time; the earlier attempt stays saved."""
        assert self.turn is not None
        if self.draft is not None and self.phase == ANSWER:
            self.draft.status = "skipped"
            self.draft.ended = now()
            self.store.save(self.session)
        question = self.turn.question
        self.turn = Turn(question, question.text)
        self._start_prep()
        return self.turn

    def next(self) -> Turn | None:
        """Move on to the next planned question."""
        self.position += 1
        return self.begin()

    def finish(self, status: str = "completed") -> None:
        """End the round and save (``ended_early`` when the user stops it)."""
        if self.draft is not None and self.phase == ANSWER and self.draft.status == "in_progress":
            self.draft.ended = now()
            if not self.draft.text.strip():
                self.session.answers.remove(self.draft)
        self.phase = DONE
        self.session.status = status
        self.session.ended = now()
        self.store.save(self.session)
