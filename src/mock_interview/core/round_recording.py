"""A round's spoken answer on disk: the file it is recorded to, and its recording paused with the clock.

A part of :class:`~mock_interview.core.rounds.Round` (core/rounds.py is at its module limit): the
round picks the file and points the answer at it before the first block of audio, so the screen and
the speech controller only open the microphone on the path they are given; the answer clock waits for
the microphone's first audio, and a turn whose recording fails is typed instead.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mock_interview.core.choices import AnswerMode
from mock_interview.core.datadir import DataDir
from mock_interview.core.fsutil import UnsafePathError, child_path
from mock_interview.core.round_phases import PauseReason, Phase, Recording

if TYPE_CHECKING:
    from mock_interview.core.clock import Clock
    from mock_interview.core.sessions import AnswerRecord, Session
    from mock_interview.core.turns import Turn


class RoundRecording:
    """The part of the round that looks after the recording of the answer being spoken."""

    if TYPE_CHECKING:  # the round's own: declared for the type checker only
        session: Session
        turn: Turn | None
        draft: AnswerRecord | None
        phase: Phase
        paused_for: set[PauseReason]
        recording: Recording | None

        clock: Clock
        waiting_for_audio: bool
        resumed_seconds: float

        def save(self, *, unless_empty: bool = False) -> bool: ...

        @property
        def spoken(self) -> bool: ...

        @property
        def answer_seconds(self) -> int: ...

        def _start_clock(self, limit: float, *, used: float = 0.0) -> None: ...

        def _move(self, phase: Phase) -> None: ...

    def typed_instead(self, text: str) -> None:
        """A spoken turn answered by typing (the microphone failed or heard nobody) is typed from its first word."""
        if self.draft is not None and self.turn is not None and self.turn.typed_fallback and text.strip():
            self.draft.source = AnswerMode.TYPED

    def wait_for_audio(self) -> None:
        """A spoken answer is starting: its clock waits (full time) until the microphone delivers audio."""
        if self.phase is Phase.ANSWERING and self.spoken:
            self._start_clock(self.answer_seconds, used=self.resumed_seconds)
            self.clock.pause()
            self.waiting_for_audio = True

    def audio_started(self) -> None:
        """Audio is flowing: the answer clock starts now, from the time a resumed answer had used (held if paused)."""
        if self.waiting_for_audio:
            self.waiting_for_audio = False
            self.clock.start(self.answer_seconds, used=self.resumed_seconds)
            if self.paused_for:
                self.clock.pause()
                if self.recording is not None:  # the microphone came on while paused: it keeps nothing yet
                    self.recording.pause()

    def fall_back_to_typing(self) -> None:
        """Recording failed or heard nobody: this turn is typed instead (the next one is spoken again).

        The answer stays a spoken attempt until something is typed (:meth:`typed_instead`): one set aside
        by f7 is told as what it was."""
        assert self.turn is not None
        self.turn.typed_fallback = True
        self.audio_started()  # a clock still waiting for the microphone starts now
        self.recording = None
        if self.phase is Phase.TRANSCRIBING:
            self._move(Phase.ANSWERING)
            if not self.paused_for:
                self.clock.resume()

    def attach_recording(self, recording: Recording | None) -> None:
        """The recording of the answer being spoken (``None`` when it stops): it is paused with the clock."""
        self.recording = recording
        if recording is not None and self.paused_for:
            recording.pause()

    def begin_recording_file(self, data: DataDir) -> Path:
        """Choose the file the spoken answer being given is recorded to, point the answer at it, and save.

        The file is ``audio/SESSION/NN-QUESTION.wav`` in the data folder (``NN`` the answer's place in
        the session), and the session names it before the first block of audio is written: a round
        that crashes while the user speaks leaves a recording its session points to. The file itself
        is created by the recorder (``0600``, never through a link).

        Args:
            data: The data folder the session belongs to.

        Returns:
            The file to record to.

        Raises:
            UnsafePathError: The session's or the question's id would not make one file name inside
                the audio folder (or a link there leads outside it); the answer is left as it was.
        """
        assert self.phase is Phase.ANSWERING and self.turn is not None and self.draft is not None
        if (earlier := self.earlier_recording(data)) is not None:  # a resumed answer goes on in its own file
            return earlier
        path = self._recording_path(data)
        self.draft.audio = path.relative_to(data.root).as_posix()
        session_id = self.session.id
        self.save()
        if self.session.id != session_id:  # the first save drew another id (a clash): the folder takes the new one
            path = self._recording_path(data)
            self.draft.audio = path.relative_to(data.root).as_posix()
            self.save()
        return path

    def earlier_recording(self, data: DataDir) -> Path | None:
        """The file a resumed spoken answer was already being recorded to, if it holds audio.

        The recording goes on at its end (never overwriting it), so Review plays, re-transcribes and
        times the whole answer from one file. ``None`` for a new answer, or when the file the answer
        names is missing, empty or would lead outside the session's audio folder (a new file is chosen).
        """
        draft = self.draft
        if draft is None or not draft.audio:  # only a resumed answer names a file before it is recorded
            return None
        try:
            path = child_path(child_path(data.audio, self.session.id), Path(draft.audio).name)
        except UnsafePathError:
            return None
        if path.relative_to(data.root).as_posix() != draft.audio or path.is_symlink() or not path.is_file():
            return None
        return path if path.stat().st_size > 0 else None

    def _recording_path(self, data: DataDir) -> Path:
        assert self.turn is not None
        folder = child_path(data.audio, self.session.id)
        return child_path(folder, f"{len(self.session.answers):02d}-{self.turn.question.id}.wav")
