"""The round's keys that ask or wait: letters typed before the answer area has focus, f8's question,
and the pause while Help, the palette or a question covers the round (the round's own state says why)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.screen import Screen
from textual.widgets import TextArea

from mock_interview.core.rounds import PauseReason, Phase, Round


def not_asked(round_: Round) -> str:
    """What ending the round now leaves out, said the same way at every question ("" for nothing).

    The question in think time counts, named as "this question" (a bare count once read as counting it at
    the first question and not at the last).
    """
    after = round_.total - round_.number
    later = "the one after it" if after == 1 else f"the {after} after it"
    if round_.phase is Phase.THINKING:
        return f"this question and {later} are not asked" if after else "this question is not asked"
    if not after:
        return ""
    return (
        "the question after this one is not asked"
        if after == 1
        else f"the {after} questions after this one are not asked"
    )


class RoundKeys(Screen[None]):
    """The part of :class:`~mock_interview.tui.screens.round.RoundScreen` that handles these keys."""

    round: Round

    if TYPE_CHECKING:  # defined by the screen itself: declared for the type checker only, so no stub shadows them

        def status(self, text: str) -> None:  # the screen's own
            ...

        def update_phase(self) -> None:  # the screen's own
            ...

        def end_round(self) -> None:  # the screen's own
            ...

        def action_submit(self, step: str = "") -> None:  # the screen's own
            ...

    def on_key(self, event: events.Key) -> None:
        """A key typed in think time starts the answer with it (typed), or says how to start (spoken).

        Nothing typed is lost: before, keys pressed while reading the question went nowhere.
        """
        if not (event.is_printable and event.character):
            return
        answer = self.query_one("#answer", TextArea)
        if self.round.phase is Phase.THINKING:
            event.stop()
            if self.round.paused_for:
                self.status("Paused: f5 to resume, then type your answer.")
                return
            if self.round.spoken:
                self.status("Think time: ctrl+s starts the microphone now, or wait for the clock.")
                return
            self.action_submit()
        if self.round.accepts_typing:
            # A key the answer area did not take: it was away from it (on the checklist), or it still had
            # focus from the last answer but was read-only in think time (the first key on question 2 and later
            # was lost so). It goes in now.
            event.stop()
            answer.focus()
            answer.insert(event.character)

    def on_screen_suspend(self) -> None:
        """Help, the palette or a question over the round: its clock (and recording) wait."""
        self.round.pause(PauseReason.COVERED)

    def on_screen_resume(self) -> None:
        self.round.resume(PauseReason.COVERED)
        if self.is_mounted and self.round.phase is not Phase.FINISHED:
            self.update_phase()

    def action_end_round(self) -> None:
        """f8: end the round early, once the user says so (the clock waits while asked)."""
        if self.round.phase is Phase.FINISHED:
            return
        from mock_interview.tui.screens.confirm import ConfirmScreen

        def decided(end: bool | None) -> None:
            if end:
                self.end_round()
            elif self.round.accepts_typing:
                self.query_one("#answer", TextArea).focus()

        left_out = not_asked(self.round)
        giving = self.round.phase is Phase.ANSWERING and self.query_one("#answer", TextArea).text.strip()
        self.app.push_screen(
            ConfirmScreen(
                "End the round now?",
                "Everything answered so far is kept and reviewed"
                + (", with the answer you are giving as it stands" if giving else "")
                + (f"; {left_out}." if left_out else "."),
                yes="End the round",
                no="Keep going",
            ),
            decided,
        )
