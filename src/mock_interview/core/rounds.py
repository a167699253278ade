"""A round in progress: its phases, the clock, and saving every answer as it happens.

No UI here: the Textual screen drives a :class:`Round` and shows what its :class:`Phase` says. The
clock is injectable, so tests move time forward without sleeping.

A save the machine refuses (disk full, read-only data folder) never stops the round: the answer
stays in memory, :attr:`Round.unsaved` says why it is not on disk, and the next save (the next
autosave, submit or key that moves the round on) writes everything again.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import timedelta
from typing import TYPE_CHECKING

from mock_interview.core.answer_limits import capped
from mock_interview.core.choices import AnswerMode
from mock_interview.core.clock import Clock
from mock_interview.core.feedback import Delivery, Feedback, analyse
from mock_interview.core.followups import choose_follow_up
from mock_interview.core.packs import Question
from mock_interview.core.question_scores import question_score, score_with_follow_ups
from mock_interview.core.round_phases import TRANSITIONS, InvalidTransition, NextStep, PauseReason, Phase, Recording
from mock_interview.core.round_recording import RoundRecording
from mock_interview.core.sessions import AnswerRecord, AnswerStatus, Session, SessionStatus, SessionStore, now
from mock_interview.core.turns import Submitted, Turn, follow_up_seconds

__all__ = [
    "TRANSITIONS",
    "InvalidTransition",
    "NextStep",
    "PauseReason",
    "Phase",
    "Recording",
    "Round",
    "Submitted",
    "Turn",
    "follow_up_seconds",
]

if TYPE_CHECKING:
    from mock_interview.core.profiles import Profile

Word = tuple[str, float, float]


@dataclass
class Round(RoundRecording):
    """A running practice round over a saved :class:`Session`."""

    session: Session
    store: SessionStore
    questions: list[Question]
    profile: Profile | None = None
    follow_ups: bool = True
    answer_seconds_override: int = 0
    prep_seconds_override: int = -1
    clock: Clock = field(default_factory=Clock)
    calm: bool = False  # the checklist shows only after each answer
    position: int = 0
    phase: Phase = Phase.READY
    turn: Turn | None = None
    draft: AnswerRecord | None = None
    done_before: int = 0  # planned questions already answered before a resumed round
    pending_follow_up: str | None = None  # asked when the user moves on from an answered question
    timed_out: bool = False  # the answer being finished ran out of time
    waiting_for_audio: bool = False  # spoken: the answer clock waits until the microphone delivers audio
    resumed_seconds: float = 0.0  # the time the answer being given had used before the round was left
    no_speech: bool = False  # the last spoken attempt of this turn heard nobody: it is typed instead
    # called with the session after an answer is submitted and when the round ends (the drill schedule)
    on_answers_saved: Callable[[Session], object] = lambda session: None
    discarded: bool = False  # ended before any answer: the session was not kept (see finish)
    # a drill: the items each question's last practice missed (ref -> check ids), asked about first
    missed_before: Mapping[str, Sequence[str]] = field(default_factory=dict)
    unsaved: OSError | None = None  # why the last save failed; None once the session is on disk again
    paused_for: set[PauseReason] = field(default_factory=set)  # why the clock is stopped (empty: it runs)
    recording: Recording | None = None  # the recording of the answer being spoken, paused with the clock

    # -- saving ----------------------------------------------------------------------------------

    def save(self, *, unless_empty: bool = False) -> bool:
        """Write the session; a refused write is kept in :attr:`unsaved` (the round goes on).

        Args:
            unless_empty: Not when the session was never written and holds only an empty draft
                (see :meth:`~mock_interview.core.sessions.SessionStore.save_unless_empty`).

        Returns:
            Whether the session is on disk now (or had nothing to write).
        """
        try:
            if unless_empty:
                self.store.save_unless_empty(self.session)
            else:
                self.store.save(self.session)
        except OSError as exc:  # WriteFailed (disk full, read-only...), or a path the store refuses
            self.unsaved = exc
            return False
        self.unsaved = None
        return True

    # -- phases ----------------------------------------------------------------------------------

    def _move(self, phase: Phase) -> None:
        if phase not in TRANSITIONS[self.phase]:
            raise InvalidTransition(f"a round cannot go from {self.phase.value} to {phase.value}")
        self.phase = phase

    @property
    def spoken(self) -> bool:
        """Whether the current turn is answered out loud."""
        return self.session.mode == AnswerMode.SPOKEN and not (self.turn is not None and self.turn.typed_fallback)

    @property
    def clock_runs(self) -> bool:
        """Whether the phase is one where the clock counts (think time, answering)."""
        return self.phase in (Phase.THINKING, Phase.ANSWERING)

    @property
    def paused(self) -> bool:
        """The user paused the clock (f5) in a phase where it runs."""
        return self.clock_runs and PauseReason.USER in self.paused_for

    @property
    def accepts_typing(self) -> bool:
        """Whether the answer area takes keystrokes now (typed, answering, clock running)."""
        return self.phase is Phase.ANSWERING and not self.spoken and not self.paused_for

    @property
    def next_step(self) -> NextStep:
        """What the round waits for from the user now (the screen's footer and status line say it)."""
        if self.phase is Phase.FINISHED:
            return NextStep.NONE
        if self.phase is Phase.TRANSCRIBING or (self.phase is Phase.ANSWERING and self.waiting_for_audio):
            return NextStep.WAIT
        if self.phase is Phase.ANSWERING:
            return NextStep.SUBMIT
        if self.phase is Phase.ANSWERED:
            return NextStep.NEXT
        return NextStep.START

    # -- pausing ---------------------------------------------------------------------------------

    def pause(self, reason: PauseReason = PauseReason.USER) -> None:
        """Stop the clock (and keeping audio) for ``reason``; nothing happens outside think time and answering.

        Help, the palette and a question shown over the round pause it as f5 does; each reason is
        lifted on its own, so closing Help does not resume a round the user had paused.
        """
        if not self.clock_runs:
            return
        if not self.paused_for and self.recording is not None:  # the first reason stops the recording
            self.recording.pause()
        self.paused_for.add(reason)
        self.clock.pause()

    def resume(self, reason: PauseReason = PauseReason.USER) -> None:
        """Lift one reason for the pause; the clock (and the recording) run again when none is left."""
        if reason not in self.paused_for:
            return
        self.paused_for.discard(reason)
        if self.paused_for or not self.clock_runs:
            return
        if not self.waiting_for_audio:  # the clock of a spoken answer starts with the audio
            self.clock.resume()
        if self.recording is not None:
            self.recording.resume()

    def _start_clock(self, limit: float, *, used: float = 0.0) -> None:
        """A new clock for a new phase: a pause of the user's ends with it; a screen over the round still holds it."""
        self.paused_for.discard(PauseReason.USER)
        self.clock.start(limit, used=used)
        if self.paused_for:
            self.clock.pause()

    @property
    def shows_live_feedback(self) -> bool:
        """Whether the checklist follows the answer as it is written."""
        return self.phase is Phase.ANSWERING and not self.calm

    @property
    def time_is_up(self) -> bool:
        """The clock has run out in a phase where it runs."""
        return (
            self.phase in (Phase.THINKING, Phase.ANSWERING) and not self.waiting_for_audio and self.clock.remaining <= 0
        )

    # -- putting questions -----------------------------------------------------------------------

    def begin(self) -> Turn | None:
        """Put the question at the current position (think time first); ``None`` when the round is over."""
        self.pending_follow_up = None
        if self.position >= len(self.questions):
            self.finish(SessionStatus.COMPLETED)
            return None
        question = self.questions[self.position]
        self.turn = Turn(question, question.text, self.main_answer_seconds(question))
        self._start_prep()
        return self.turn

    def main_answer_seconds(self, question: Question) -> int:
        """The answer time of a planned question (the settings' time, when set, wins)."""
        return self.answer_seconds_override if self.answer_seconds_override > 0 else question.answer_seconds

    def _interrupted_draft(self) -> AnswerRecord | None:
        assert self.turn is not None
        turn = self.turn
        return next(
            (
                a
                for a in self.session.answers
                if a.status == AnswerStatus.IN_PROGRESS
                and a.question_ref == turn.question.ref
                and a.follow_up_to == turn.follow_up_to
            ),
            None,
        )

    def _start_prep(self) -> None:
        self.draft = None
        self.timed_out = False
        if self.prep_seconds <= 0 or self._interrupted_draft() is not None:  # resuming mid-answer: no second think time
            self.start_answer()
        else:
            self._move(Phase.THINKING)
            self._start_clock(self.prep_seconds)

    @property
    def prep_seconds(self) -> int:
        """Think time for the current turn (none for follow-ups)."""
        if self.turn is None or self.turn.follow_up_to:
            return 0
        return self.prep_seconds_override if self.prep_seconds_override >= 0 else self.turn.question.prep_seconds

    @property
    def answer_seconds(self) -> int:
        """Answer time for the current turn."""
        return self.turn.answer_seconds if self.turn is not None else 0

    def start_answer(self) -> None:
        """Skip or end the think time and start the answer clock; the draft is saved at once."""
        assert self.turn is not None
        self._move(Phase.ANSWERING)
        self.waiting_for_audio = False
        self.no_speech = False
        interrupted = self._interrupted_draft()
        if interrupted is not None:  # resuming a round that was quit mid-answer: keep what was written
            # and the time it had used (kept in ``ended`` at each save), so the clock goes on from there
            used = min(float(self.answer_seconds), max(0.0, interrupted.duration_seconds or 0.0))
            self.resumed_seconds = used  # a spoken answer's clock, which waits for the microphone, goes on from it too
            self._start_clock(self.answer_seconds, used=used)
            self.draft = interrupted
            self.draft.started = now() - timedelta(seconds=round(used))
            self.draft.ended = None
            self.save()
            return
        self.resumed_seconds = 0.0
        self._start_clock(self.answer_seconds)
        turn = self.turn
        self.draft = AnswerRecord(
            question_ref=turn.question.ref,
            question_text=turn.text,
            kind=turn.info().kind,
            started=now(),
            answer_seconds=self.answer_seconds,
            source=AnswerMode.SPOKEN if self.spoken else AnswerMode.TYPED,
            follow_up_to=turn.follow_up_to,
        )
        self.session.answers.append(self.draft)
        self.save(unless_empty=True)

    @property
    def number(self) -> int:
        """1-based number of the planned question being asked."""
        return self.done_before + min(self.position + 1, len(self.questions))

    @property
    def total(self) -> int:
        """Planned questions in the round."""
        return self.done_before + len(self.questions)

    # -- answers ---------------------------------------------------------------------------------

    def save_draft(self, text: str) -> None:
        """Keep the text being written, so quitting at any moment loses nothing.

        The text is kept in the answer at once; it is written when it changed, or when an earlier
        save failed (so each autosave tries again until the disk takes it).
        """
        text = capped(text)
        if self.draft is None or self.phase is not Phase.ANSWERING:
            return
        ended = self.draft.ended
        self.note_time_used()
        self.typed_instead(text)
        if text != self.draft.text or self.unsaved or ended != self.draft.ended:
            self.draft.text = text
            self.save(unless_empty=True)  # an empty draft's time alone is no reason to keep a session

    def note_time_used(self) -> None:
        """Keep the time the answer being given has used (in its ``ended``), so a resumed round goes on from it."""
        if self.draft is not None and self.phase in (Phase.ANSWERING, Phase.TRANSCRIBING):
            used = 0.0 if self.waiting_for_audio else self.clock.elapsed
            self.draft.ended = self.draft.started + timedelta(seconds=round(used))

    def analyse(self, text: str, delivery: Delivery | None = None) -> Feedback:
        """The feedback for ``text`` as an answer to the current turn."""
        assert self.turn is not None
        return analyse(text, self.turn.info(), profile=self.profile, delivery=delivery)

    def stop_answer(self, *, timed_out: bool = False) -> None:
        """A spoken answer stops: the clock stops and the final transcript is awaited."""
        self._move(Phase.TRANSCRIBING)
        self.timed_out = timed_out
        self.waiting_for_audio = False
        self.clock.pause()
        self.recording = None

    def no_speech_heard(self) -> bool:
        """A spoken answer stopped and the speech detector heard nobody: no transcript, no score.

        With time left, this turn is typed instead (a retry speaks again) and ``True`` is returned.
        When the time had run out, the answer is recorded as skipped and ``False`` is returned.
        """
        assert self.phase is Phase.TRANSCRIBING and self.turn is not None
        self.no_speech = True
        if self.timed_out or self.clock.remaining <= 0:
            if self.draft is not None:
                self.draft.status = AnswerStatus.SKIPPED
                self.draft.text = ""
                self.draft.ended = now()
                self.save()
            self.pending_follow_up = None
            self._move(Phase.ANSWERED)
            return False
        self.fall_back_to_typing()
        return True

    def submit(
        self,
        text: str,
        *,
        timed_out: bool | None = None,
        words: Sequence[Word] = (),
        audio: str = "",
        transcript_model: str = "",
        duration: float | None = None,
    ) -> Submitted:
        """Record the answer with its feedback and save; returns the feedback and the follow-up to ask, if any.

        Args:
            text: The answer (typed, or the final transcript).
            timed_out: Whether the clock ran out; by default what :meth:`stop_answer` was told.
            words: Word timings of a spoken answer.
            audio: The recording, relative to the data folder.
            transcript_model: The model that transcribed it.
            duration: The length of a spoken answer (default: the time on the clock).
        """
        assert self.turn is not None and self.draft is not None
        text = capped(text)
        timed_out = self.timed_out if timed_out is None else timed_out
        seconds = self.clock.elapsed if duration is None else duration
        self.clock.pause()
        delivery = Delivery(tuple(words), seconds, self.answer_seconds) if words else None
        feedback = self.analyse(text, delivery)
        record = self.draft
        record.text = text
        record.ended = record.started + timedelta(seconds=round(seconds))
        record.status = AnswerStatus.TIMED_OUT if timed_out else AnswerStatus.ANSWERED
        record.words = [(w, float(s), float(e)) for w, s, e in words]
        record.audio = audio
        record.transcript_model = transcript_model
        record.feedback = feedback.to_json()
        self.typed_instead(text)
        if not text.strip():
            record.status = AnswerStatus.SKIPPED
        if self.turn.follow_up_to:
            self._score_question_with_follow_ups()
        self.save()
        self.on_answers_saved(self.session)
        self._move(Phase.ANSWERED)
        self.pending_follow_up = None
        if self.follow_ups and not self.turn.follow_up_to and text.strip():
            missed = self.missed_before.get(self.turn.question.ref, ())
            self.pending_follow_up = choose_follow_up(
                self.turn.question,
                feedback,
                answer=text,
                missed_before=missed,
                asked=[a.question_text for a in self.session.answers if a is not record],  # none asked again
            )
        return Submitted(feedback, self.pending_follow_up)

    def _keep_draft_as_given(self) -> None:
        """The words of the answer the round ended on are its answer: scored and listed as answered.

        Before, they stayed "in progress" and unscored, though the user had ended the round on them
        (resuming the session now goes on from the next question; f7 in Review practises this one again).
        """
        assert self.draft is not None
        record = self.draft
        record.text = capped(record.text)
        record.feedback = self.analyse(record.text).to_json()
        record.status = AnswerStatus.ANSWERED
        if self.turn is not None and self.turn.follow_up_to:
            self._score_question_with_follow_ups()

    def question_score(self) -> int | None:
        """The current question's score as the session counts it: its latest answer with its follow-ups."""
        return question_score(self.session, self.turn.question.ref) if self.turn is not None else None

    def _score_question_with_follow_ups(self) -> None:
        assert self.turn is not None
        score_with_follow_ups(self.session, self.turn.question, self.profile)

    def advance(self) -> Turn | None:
        """Move on from an answered question: the pending follow-up if there is one, else the next question."""
        follow_up, self.pending_follow_up = self.pending_follow_up, None
        if follow_up:
            return self.ask_follow_up(follow_up)
        return self.next()

    def ask_follow_up(self, text: str) -> Turn:
        """Put a follow-up to the question just answered (answered and checked the same way, in less time)."""
        assert self.turn is not None
        question = self.turn.question
        seconds = follow_up_seconds(self.main_answer_seconds(question))
        self.turn = Turn(question, text, seconds, follow_up_to=question.ref)
        self.timed_out = False
        self.start_answer()
        return self.turn

    def skip(self) -> None:
        """Skip the current question: recorded as skipped, in think time too (Review, History and a
        resumed round then know it was put and passed over, and the numbering stays as asked)."""
        self.waiting_for_audio = False
        self.recording = None
        if self.draft is not None and self.phase is Phase.ANSWERING:
            self.draft.status = AnswerStatus.SKIPPED
            self.draft.ended = now()
            self.save()
        elif self.phase is Phase.THINKING and self.turn is not None:
            turn = self.turn
            started = now()
            self.session.answers.append(
                AnswerRecord(
                    question_ref=turn.question.ref,
                    question_text=turn.text,
                    kind=turn.info().kind,
                    started=started,
                    ended=started,
                    answer_seconds=self.answer_seconds,
                    source=AnswerMode.SPOKEN if self.spoken else AnswerMode.TYPED,
                    status=AnswerStatus.SKIPPED,
                    follow_up_to=turn.follow_up_to,
                )
            )
            self.save()
        self.paused_for.discard(PauseReason.USER)
        self.pending_follow_up = None
        self._move(Phase.ANSWERED)

    @property
    def attempt_in_progress(self) -> bool:
        """An answer is being written and has words in it (retrying would set it aside)."""
        return self.phase is Phase.ANSWERING and self.draft is not None and bool(self.draft.text.strip())

    def retry(self) -> Turn:
        """Put the current question (or follow-up) again; an attempt in progress stays in the record as ``retried``.

        An answer already submitted keeps its status and feedback; the new attempt is the one that
        counts for the question's score.
        """
        assert self.turn is not None
        if self.draft is not None and self.phase is Phase.ANSWERING:
            if self.draft.text.strip() or self.draft.audio:  # words, or a recording: kept, set aside
                self.draft.status = AnswerStatus.RETRIED
                self.draft.ended = now()
            else:  # nothing written or recorded: nothing to keep
                self.session.answers.remove(self.draft)
            self.save(unless_empty=True)
        self.pending_follow_up = None
        self.recording = None
        self.turn = replace(self.turn, typed_fallback=False)
        if self.turn.follow_up_to:
            self.draft = None
            self.timed_out = False
            self.start_answer()
        else:
            self._start_prep()
        return self.turn

    def next(self) -> Turn | None:
        """Move on to the next planned question."""
        self.position += 1
        return self.begin()

    def finish(self, status: SessionStatus = SessionStatus.COMPLETED) -> None:
        """End the round and save (``ended_early`` when the user stops it)."""
        answering = self.phase in (Phase.ANSWERING, Phase.TRANSCRIBING)
        recorded = bool(self.draft is not None and self.draft.audio)  # a recording is kept, and its session
        if self.draft is not None and answering and self.draft.status == AnswerStatus.IN_PROGRESS:
            self.note_time_used()
            if self.draft.audio and not self.draft.text.strip():
                # a recording without words yet: kept, listed, re-transcribable
                self.draft.status = AnswerStatus.SKIPPED
            elif not self.draft.text.strip():
                self.session.answers.remove(self.draft)
            else:
                self._keep_draft_as_given()
        self.clock.pause()
        self.recording = None
        self.pending_follow_up = None
        self._move(Phase.FINISHED)
        self.session.status = status
        self.session.ended = now()
        if not self.session.answers and status != SessionStatus.COMPLETED and not recorded:
            # ended before any answer: nothing to review or resume, so no empty session is kept
            # (a round that went through every question by skipping it is kept, and listed as skipped)
            with contextlib.suppress(OSError):  # a read-only folder: the empty file stays, harmless
                self.store.discard(self.session)
            self.discarded = True
            return
        self.save()
        self.on_answers_saved(self.session)
