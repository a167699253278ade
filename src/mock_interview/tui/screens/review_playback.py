"""An answer's recording in Review: playing it (f9; f9 again stops it; leaving stops it) and transcribing it
again (f10), both in workers. Re-transcribing an answer corrected by hand asks first whether the correction
stays (the new recognition kept beside it) or is replaced; what is saved is shown at once."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.screen import Screen

from mock_interview.tui.messages import PlaybackFailed, PlaybackFinished, Retranscribed, RetranscriptionFailed
from mock_interview.tui.screens.retranscribe_choice import RetranscribeChoice, RetranscribeChoiceScreen

if TYPE_CHECKING:
    from mock_interview.core.rechecks import Rechecked
    from mock_interview.core.sessions import AnswerRecord, Session
    from mock_interview.transcription.transcriber import Transcript
    from mock_interview.tui.services import AppServices


class RecordingPlayback(Screen[None]):
    """The part of :class:`~mock_interview.tui.screens.review.ReviewScreen` that plays recordings."""

    services: AppServices
    session: Session | None
    index: int
    _playing: threading.Event | None  # set to stop the recording playing now

    if TYPE_CHECKING:  # defined by the screen itself: declared for the type checker only, so no stub shadows them

        def current_answer(self) -> AnswerRecord | None:  # the screen's own
            ...

        def save_session(self) -> bool:  # the screen's own
            ...

        def show_answer(self, index: int) -> None:  # the screen's own
            ...

        def show_scores(self) -> None:  # the screen's own
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

    # -- transcribing again ----------------------------------------------------------------------

    def action_retranscribe(self) -> None:
        """f10: transcribe the recording again with a chosen model (asking first about a hand correction)."""
        if self._speech_missing():
            return
        path = self._audio_path()
        answer = self.current_answer()
        if path is None or answer is None:
            return
        index = self.index
        if not answer.corrected:
            self._pick_model(path, index, keep_correction=False)
            return

        def chosen(choice: RetranscribeChoice | None) -> None:
            if choice in (RetranscribeChoice.KEEP, RetranscribeChoice.REPLACE):
                self._pick_model(path, index, keep_correction=choice is RetranscribeChoice.KEEP)

        self.app.push_screen(RetranscribeChoiceScreen(answer.text), chosen)

    def _pick_model(self, path: Path, index: int, *, keep_correction: bool) -> None:
        from mock_interview.tui.screens.model_picker import ModelPickerScreen

        def chosen(model: str | None) -> None:
            if model:
                self.notify(f"Transcribing with {model}…")
                self._retranscribe(path, model, index, keep_correction)

        self.app.push_screen(ModelPickerScreen(self.services.settings.model), chosen)

    @work(thread=True, exclusive=True, group="retranscribe", exit_on_error=False, description="re-transcribing")
    def _retranscribe(self, path: Path, model: str, index: int, keep_correction: bool) -> None:
        from mock_interview.transcription import streaming
        from mock_interview.transcription.models import ModelUnavailable
        from mock_interview.transcription.transcriber import TranscriptionError

        assert self.session is not None
        try:
            result = streaming.transcribe_file(path, model, self.services.context.data.root / "models")
        except (ModelUnavailable, TranscriptionError) as exc:
            self.post_message(RetranscriptionFailed(str(exc)))
            return
        rechecked = self._check_again(index, result, keep_correction)
        self.post_message(Retranscribed(index, result, rechecked, keep_correction=keep_correction))

    def _check_again(self, index: int, result: Transcript, keep_correction: bool) -> Rechecked:
        """The answer checked again with the new recognition's timing, with its question's score with the
        follow-ups made again, as a correction does (runs in the worker)."""
        from mock_interview.core.feedback import Delivery
        from mock_interview.core.rechecks import recheck_answer

        assert self.session is not None
        answer = self.session.answers[index]
        text = answer.text if keep_correction else result.text  # the checklist is of the text the answer keeps
        delivery = Delivery(tuple(result.words), result.duration, answer.answer_seconds or None)
        return recheck_answer(self.services.context, self.session, index, text, delivery)

    def on_retranscribed(self, message: Retranscribed) -> None:
        assert self.session is not None
        answer = self.session.answers[message.index]
        recognised, model = message.transcript.text, message.transcript.model
        if message.keep_correction:
            answer.original_text = recognised  # the correction stays the answer; the new recognition beside it
            said = f"Re-transcribed with {model}: your correction is kept, the new recognition is shown beside it"
        else:
            answer.text = recognised
            answer.original_text = ""  # a new recognition: no correction of it yet
            said = f"Re-transcribed with {model}: the new transcript is the answer"
        answer.words = list(message.transcript.words)
        answer.transcript_model = message.transcript.model
        rechecked = message.rechecked
        answer.feedback = rechecked.feedback
        if rechecked.main_index is not None:  # the question's score with its follow-ups reads these words too
            self.session.answers[rechecked.main_index].with_follow_ups = rechecked.with_follow_ups
        self.save_session()
        self.show_scores()  # the question's score and the session's, where Review shows them
        if message.index == self.index:
            self.show_answer(message.index)
        score = rechecked.feedback.get("score")
        self.notify(f"{said}{f' (score {score})' if score is not None else ''}.")

    def on_retranscription_failed(self, message: RetranscriptionFailed) -> None:
        self.notify(message.reason, title="Re-transcription", severity="error", timeout=10)
