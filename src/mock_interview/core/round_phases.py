"""Where a round is, what it waits for from the user, and why its clock may be stopped.

The vocabulary of :class:`~mock_interview.core.rounds.Round`: the screen shows what these say.
"""

from __future__ import annotations

from enum import Enum, StrEnum
from typing import Protocol


class Phase(Enum):
    """Where a round is; the screen shows what the phase says. :data:`TRANSITIONS` lists the moves."""

    READY = "ready"  # built; no question put yet
    THINKING = "thinking"  # the question is shown and the think time runs
    ANSWERING = "answering"  # the answer clock runs; the answer is typed or spoken
    TRANSCRIBING = "transcribing"  # a spoken answer has stopped; its final transcript is on its way
    ANSWERED = "answered"  # the answer is recorded (or skipped); a follow-up or the next question comes next
    FINISHED = "finished"  # the round is over and saved


TRANSITIONS: dict[Phase, frozenset[Phase]] = {
    Phase.READY: frozenset({Phase.THINKING, Phase.ANSWERING, Phase.FINISHED}),
    # a retry puts the question again: thinking or answering again
    Phase.THINKING: frozenset({Phase.THINKING, Phase.ANSWERING, Phase.ANSWERED, Phase.FINISHED}),
    Phase.ANSWERING: frozenset({Phase.THINKING, Phase.ANSWERING, Phase.TRANSCRIBING, Phase.ANSWERED, Phase.FINISHED}),
    # the transcript arrives (answered) or recording failed and the user types instead (answering)
    Phase.TRANSCRIBING: frozenset({Phase.ANSWERING, Phase.ANSWERED, Phase.FINISHED}),
    Phase.ANSWERED: frozenset({Phase.THINKING, Phase.ANSWERING, Phase.FINISHED}),
    Phase.FINISHED: frozenset(),
}


class InvalidTransition(RuntimeError):
    """A round was asked to move to a phase it cannot reach from where it is."""


class NextStep(StrEnum):
    """What the round waits for from the user now; the screen names it in its footer and status line."""

    START = "start"  # think time: ctrl+s starts the answer
    SUBMIT = "submit"  # an answer is being given: ctrl+s submits it
    WAIT = "wait"  # nothing to press: the microphone is opening or the transcript is being finished
    NEXT = "next"  # answered: ctrl+s puts the follow-up, the next question or ends the round
    NONE = "none"  # the round is over


class PauseReason(StrEnum):
    """Why a round's clock is stopped; it runs again only when every reason is gone."""

    USER = "user"  # f5
    COVERED = "covered"  # Help, the command palette or a question is shown over the round


class Recording(Protocol):
    """A recording the round's pauses apply to (the speech controller of a spoken answer)."""

    def pause(self) -> None:
        """Stop keeping audio."""

    def resume(self) -> None:
        """Keep audio again."""
