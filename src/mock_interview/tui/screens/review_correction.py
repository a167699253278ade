"""Correcting a misheard transcript in Review: the answer is checked again with the recording's timing."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.screen import Screen

from mock_interview.tui.messages import TranscriptCorrected

if TYPE_CHECKING:
    from mock_interview.core.sessions import AnswerRecord, Session
    from mock_interview.tui.services import AppServices


class TranscriptCorrection(Screen[None]):
    """ctrl+t in Review: the screen's part that corrects a transcript (the original is kept beside it)."""

    services: AppServices
    session: Session | None
    index: int

    if TYPE_CHECKING:  # defined by the screen itself: declared for the type checker only, so no stub shadows them

        def current_answer(self) -> AnswerRecord | None:  # the screen's own
            ...

        def save_session(self) -> bool:  # the screen's own
            ...

        def show_answer(self, index: int) -> None:  # the screen's own
            ...

        def show_scores(self) -> None:  # the screen's own
            ...

    def action_correct(self) -> None:
        """ctrl+t: correct a misheard transcript; the answer is checked again with the recording's timing."""
        answer = self.current_answer()
        if answer is None or not answer.audio:
            return
        from mock_interview.tui.screens.correct_transcript import CorrectTranscriptScreen

        index = self.index

        def corrected(text: str | None) -> None:
            if text is None or self.session is None:
                return
            if not text:
                self.notify("An empty transcript is not kept; the answer is as it was.", severity="warning")
                return
            if text == self.session.answers[index].text:
                return
            self._check_correction(index, text)

        self.app.push_screen(CorrectTranscriptScreen(answer.text), corrected)

    @work(thread=True, exclusive=True, group="correct", exit_on_error=False, description="checking the correction")
    def _check_correction(self, index: int, text: str) -> None:
        from mock_interview.core.feedback import Delivery
        from mock_interview.core.rechecks import recheck_answer

        assert self.session is not None
        answer = self.session.answers[index]
        seconds = answer.duration_seconds or (answer.words[-1][2] if answer.words else 0.0)
        delivery = Delivery(tuple(answer.words), seconds, answer.answer_seconds or None) if answer.words else None
        self.post_message(
            TranscriptCorrected(recheck_answer(self.services.context, self.session, index, text, delivery))
        )

    def on_transcript_corrected(self, message: TranscriptCorrected) -> None:
        from mock_interview.core.rechecks import apply_correction

        assert self.session is not None
        apply_correction(self.session, message.rechecked)  # the recognised transcript stays beside it
        self.save_session()
        self.show_scores()  # the question's score with its follow-ups, and the session's, may have moved
        if message.index == self.index:
            self.show_answer(message.index)
        score = message.rechecked.feedback.get("score")
        self.notify(f"Transcript corrected and checked again{f': score {score}' if score is not None else ''}.")
