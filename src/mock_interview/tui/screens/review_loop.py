"""What Review does for the practice loop: how the round went (ctrl+g), a mentor's read (f12), practise again (f7).

:class:`ReviewLoopActions` is the base of :class:`~mock_interview.tui.screens.review.ReviewScreen`:
these actions live here, beside the mentor's dialog and the summary panel they use, so Review's own
module keeps to its answers, notes and recordings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen

from mock_interview.core.choices import AnswerMode
from mock_interview.tui.widgets.mentor_notes import MentorAnswersPanel, MentorNotesPanel
from mock_interview.tui.widgets.round_summary import RoundSummaryPanel

if TYPE_CHECKING:
    from mock_interview.core.sessions import AnswerRecord, Session
    from mock_interview.tui.services import AppServices


class ReviewLoopActions(Screen[None]):
    """Review's actions of the practice loop (its bindings are Review's own)."""

    services: AppServices
    session: Session | None
    index: int

    if TYPE_CHECKING:  # Review's own, used here

        def save_now(self) -> OSError | None: ...

        def save_session(self) -> bool: ...

        def current_answer(self) -> AnswerRecord | None: ...

        def show_answer(self, index: int) -> None: ...

    def show_mentor_notes(self, answer: AnswerRecord) -> None:
        """A mentor's notes on the answer shown, and their answers to the questions the export asked."""
        self.query_one(MentorNotesPanel).show_notes(answer.mentor_notes)
        self.query_one(MentorAnswersPanel).show_answers(self.session.mentor_questions if self.session else [])

    def action_summary(self) -> None:
        """ctrl+g: show or hide how the round went."""
        panel = self.query_one(RoundSummaryPanel)
        panel.show_for(None if panel.display else self.session)

    def action_mentor(self) -> None:
        """f12: export the session for a mentor, or read their filled-in file back."""
        from mock_interview.tui.screens.mentor import MentorChoice, MentorScreen, carry_out, mentor_file

        session = self.session
        if session is None:
            return
        self.save_now()

        def chosen(choice: MentorChoice | None) -> None:
            if choice is not None and self.session is session:
                outcome = carry_out(self.services.context, session, choice, self.save_session)
                if outcome.changed:
                    self.show_answer(self.index)
                self.notify(outcome.message, title=outcome.title, severity=outcome.severity, timeout=12)

        self.app.push_screen(MentorScreen(mentor_file(self.services.context, session.id)), chosen)

    def action_again(self) -> None:
        """f7: a round of this answer's question alone (its attempts stay together in Compare)."""
        from mock_interview.tui.practice import practise_again

        answer = self.current_answer()
        if answer is None or self.session is None:
            return
        self.save_now()
        practise_again(
            self.services,
            answer.follow_up_to or answer.question_ref,
            spoken=answer.source == AnswerMode.SPOKEN,
            profile=self.session.profile,
        )
