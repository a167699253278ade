"""What the screens use of the app, as a typed protocol: each screen is given it when built, and none
imports the app (harlequin and posting pass what a screen needs to its constructor, too)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # only for annotations: the app starts without importing audio or speech libraries
    from textual.notifications import SeverityLevel

    from mock_interview.core.context import AppContext
    from mock_interview.core.planning import RoundRequest
    from mock_interview.core.settings import Settings
    from mock_interview.transcription.live import RecorderLike
    from mock_interview.transcription.transcriber import Transcriber

RecorderFactory = Callable[..., "RecorderLike"]
"""Builds the recorder of a spoken answer (:class:`~mock_interview.audio.recorder.Recorder`'s arguments)."""
TranscriberFactory = Callable[[], "Transcriber"]
"""Loads the transcriber of spoken answers."""
SpeechProbe = Callable[[], tuple[bool, str]]
"""Says whether spoken answers can be used here, and why not."""
Speaker = Callable[..., float]
"""Reads a question aloud, ``speaker(text, stop=event)``; returns the seconds it took."""


class AppServices(Protocol):
    """The app's data, settings and jobs that screens use (:class:`~mock_interview.tui.app.MockInterviewApp`)."""

    context: AppContext
    """The data folder and what lives in it."""
    settings: Settings
    """The settings in use (replaced by :meth:`save_settings`)."""
    recorder_factory: RecorderFactory | None
    """Builds the recorder of spoken answers; ``None``: the real one."""
    transcriber_factory: TranscriberFactory | None
    """Loads the transcriber; ``None``: the model the settings name."""
    speech_probe: SpeechProbe | None
    """Says whether spoken answers can be used; ``None``: look at the device and model."""
    speaker: Speaker | None
    """Reads questions aloud; ``None``: the interviewer's voice on the default output."""

    def notify(
        self,
        message: str,
        *,
        title: str = ...,
        severity: SeverityLevel = ...,
        timeout: float | None = ...,
        markup: bool = ...,
    ) -> None:
        """Show a notification (its text never read as markup)."""
        ...

    def save_settings(self, settings: Settings) -> bool:
        """Keep and write new settings; returns whether they were written (a failure is said)."""
        ...

    def start_new_round(self, request: RoundRequest) -> bool:
        """Plan and open a round; returns whether it started (a reason is shown when not)."""
        ...

    def resume_round(self, session_id: str) -> bool:
        """Carry on an unfinished session; returns whether it started."""
        ...
