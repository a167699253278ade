"""A typed answer as it is written: kept to its word limit, long pasted lines broken, saved a second
after each change, and checked live (in a worker; a checklist for a text since changed is dropped)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import TextArea

from mock_interview.core.answer_limits import MAX_ANSWER_WORDS, answer_cut, long_line_breaks
from mock_interview.core.rounds import Phase, Round
from mock_interview.tui.messages import FeedbackReady
from mock_interview.tui.widgets.feedback_panel import FeedbackPanel

if TYPE_CHECKING:
    from mock_interview.core.feedback import Delivery
    from mock_interview.core.sessions import AnswerRecord

FEEDBACK_DEBOUNCE_SECONDS = 0.4
DRAFT_SAVE_SECONDS = 1.0
LIVE_FEEDBACK_MAX_WORDS = 5000
LONG_ANSWER_HINT = (
    f"A long answer (over {LIVE_FEEDBACK_MAX_WORDS:,} words): the checklist is made when you submit it, "
    "so typing stays quick."
)


class RoundTyping(Screen[None]):
    """The part of :class:`~mock_interview.tui.screens.round.RoundScreen` that follows the typed answer."""

    round: Round
    _feedback_timer: Timer | None
    _draft_timer: Timer | None
    _feedback_asked: tuple[AnswerRecord | None, str] | None  # the answer and text last sent to check

    if TYPE_CHECKING:  # defined by the screen itself: declared for the type checker only, so no stub shadows them

        def save_now(self) -> OSError | None:  # the screen's own
            ...

    @on(TextArea.Changed, "#answer")
    def answer_changed(self, event: TextArea.Changed) -> None:
        if self.round.phase is not Phase.ANSWERING or self.round.spoken:
            return
        area = event.text_area
        text = area.text
        cut = answer_cut(text)
        if cut is not None:  # a pasted document: keep the first MAX_ANSWER_WORDS words, and say so
            row = text.count("\n", 0, cut)
            area.delete((row, cut - (text.rfind("\n", 0, cut) + 1)), area.document.end)
            self.notify(
                f"Answers are kept to {MAX_ANSWER_WORDS:,} words; what was past them was not added.",
                title="Answer too long",
                severity="warning",
                timeout=8,
            )
            return  # the deletion is a change of its own: it sets the timers
        self.break_long_lines(area)
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self._draft_timer = self.set_timer(DRAFT_SAVE_SECONDS, self.save_now)
        if self.round.shows_live_feedback:
            if self._feedback_timer is not None:
                self._feedback_timer.stop()
            self._feedback_timer = self.set_timer(FEEDBACK_DEBOUNCE_SECONDS, self.request_feedback)

    def break_long_lines(self, area: TextArea) -> None:
        """Break a line longer than a couple of thousand characters at sentence ends (typing stays instant).

        See :func:`~mock_interview.core.answer_limits.long_line_breaks`: words, sentences, verdicts stay the same.
        """
        document = area.document
        for row in range(document.line_count - 1, -1, -1):
            line = document.get_line(row)
            for column in reversed(long_line_breaks(line)):
                area.replace("\n", (row, column), (row, column + 1))

    def request_feedback(self) -> None:
        text = self.query_one("#answer", TextArea).text
        if answer_cut(text, LIVE_FEEDBACK_MAX_WORDS) is not None:
            # Checking 5,000+ words takes long stretches of the interpreter's lock in regular expressions:
            # keys would wait for it. The checklist comes when the answer is submitted.
            self.query_one(FeedbackPanel).show_hidden(LONG_ANSWER_HINT)
            return
        self.compute_feedback(text)

    def compute_feedback(self, text: str, delivery: Delivery | None = None) -> None:
        """Check ``text`` as the answer being given (a spoken one with its ``delivery`` so far), in a worker;
        only the last text asked about is shown."""
        answer = self.round.draft
        self._feedback_asked = (answer, text)
        self._check(text, answer, delivery)

    @work(thread=True, exclusive=True, group="feedback", exit_on_error=False, description="checking the answer")
    def _check(self, text: str, answer: AnswerRecord | None, delivery: Delivery | None = None) -> None:
        self.post_message(FeedbackReady(self.round.analyse(text, delivery), text, answer))

    def on_feedback_ready(self, message: FeedbackReady) -> None:
        asked = self._feedback_asked
        if asked is None or message.answer is not asked[0] or message.text != asked[1]:
            return  # late: about an answer already submitted or left, or a text since changed
        if self.round.shows_live_feedback:
            self.query_one(FeedbackPanel).show(message.feedback)
