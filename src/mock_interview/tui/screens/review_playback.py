"""Playing an answer's recording in Review (f9; f9 again stops it), in a worker; leaving stops it."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.screen import Screen

from mock_interview.tui.messages import PlaybackFailed, PlaybackFinished

if TYPE_CHECKING:
    from mock_interview.core.sessions import AnswerRecord
    from mock_interview.tui.services import AppServices


class RecordingPlayback(Screen[None]):
    """The part of :class:`~mock_interview.tui.screens.review.ReviewScreen` that plays recordings."""

    services: AppServices
    _playing: threading.Event | None  # set to stop the recording playing now

    if TYPE_CHECKING:  # defined by the screen itself: declared for the type checker only, so no stub shadows them

        def current_answer(self) -> AnswerRecord | None:  # the screen's own
            ...

    def _audio_path(self) -> Path | None:
        answer = self.current_answer()
        if answer is None or not answer.audio:
            self.notify("This answer has no recording.", severity="warning")
            return None
        path = self.services.context.data.root / answer.audio
        if not path.exists():
            self.notify(f"The recording {path} is missing.", severity="error")
            return None
        return path

    def _speech_missing(self) -> bool:
        """Say so when this install has no speech extra (the recording was made with one)."""
        from mock_interview.extras import speech_missing

        missing = speech_missing()
        if missing is not None:
            self.notify(missing, title="Recordings", severity="warning", timeout=10)
        return missing is not None

    def action_play(self) -> None:
        """f9: play this answer's recording; f9 while it plays stops it."""
        if self._playing is not None:
            self._playing.set()
            self._playing = None
            self.notify("Playback stopped.")
            return
        if self._speech_missing():
            return
        path = self._audio_path()
        if path is not None:
            self.notify("Playing the recording… (f9 stops it)")
            self._playing = threading.Event()
            self._play(path, self._playing)

    @work(thread=True, exclusive=True, group="playback", exit_on_error=False, description="playing the recording")
    def _play(self, path: Path, stop: threading.Event) -> None:
        from mock_interview.audio.devices import AudioUnavailable
        from mock_interview.audio.playback import play_file

        try:
            seconds = play_file(path, stop)
        except (AudioUnavailable, OSError, ValueError, RuntimeError) as exc:  # no device; a FIFO, damaged file...
            self.post_message(PlaybackFailed(str(exc), stop))
            return
        self.post_message(PlaybackFinished(seconds, stop))

    def on_playback_finished(self, message: PlaybackFinished) -> None:
        if message.playback is self._playing:
            self._playing = None
            self.notify(f"Played {message.seconds:.0f} s.")

    def on_playback_failed(self, message: PlaybackFailed) -> None:
        if message.playback is self._playing:
            self._playing = None
        self.notify(message.reason, title="Playback", severity="error", timeout=10)

    def on_unmount(self) -> None:
        if self._playing is not None:  # leaving or quitting: the speakers stop now, not at the recording's end
            self._playing.set()
