"""Audio calls with a deadline: a frozen or busy audio server is reported, never waited on for ever.

PortAudio's calls block inside the audio server's client library (PulseAudio, PipeWire, ALSA):
when the server is stopped (``SIGSTOP``), overloaded or gone, listing devices, opening a stream or
closing one can wait 30 s or for good, and a C call cannot be interrupted. So each runs on a
daemon thread, and the caller waits at most a few seconds: past that, it gets
:class:`AudioServerNotAnswering` (an :class:`~mock_interview.audio.errors.AudioUnavailable`,
whose message says what to do) and goes on. The stuck thread is left behind (it is a daemon: it
never holds up the process's exit); while it is stuck, later calls fail at once instead of piling
up behind it, and they work again as soon as it returns.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from mock_interview.audio.errors import AudioUnavailable

T = TypeVar("T")

OPEN_SECONDS = 5.0  # listing devices, opening or starting a stream: the first can take 2 s through PulseAudio
CLOSE_SECONDS = 1.0  # stopping and closing a stream: normally milliseconds
# Every message of a call past its deadline starts with NOT_ANSWERING, so the cause is the first thing read
# (and a narrow notification never splits it), then what waited, then the way out.
NOT_ANSWERING = "the audio server is not answering"
SERVER_FIX = (
    "it may be frozen or busy: restart it ('pulseaudio -k', or "
    "'systemctl --user restart pipewire pipewire-pulse'), check the microphone, or answer by typing"
)

_stuck_lock = threading.Lock()
_stuck: list[tuple[threading.Thread, str]] = []  # calls past their deadline that have not returned yet


class AudioServerNotAnswering(AudioUnavailable):
    """An audio call did not return within its deadline; the message says what to do."""


def stuck_calls() -> list[str]:
    """What is still waiting on the audio server past its deadline (empty when nothing is)."""
    with _stuck_lock:
        _stuck[:] = [(thread, what) for thread, what in _stuck if thread.is_alive()]
        return [what for _, what in _stuck]


def within(seconds: float, what: str, call: Callable[[], T]) -> T:
    """``call()``'s result, if it returns within ``seconds``.

    Args:
        seconds: The deadline.
        what: What the call does, for the message ("listing the audio devices").
        call: A blocking audio call.

    Raises:
        AudioServerNotAnswering: The call took longer (or an earlier call is still stuck).
        Exception: Whatever ``call`` raised, re-raised here.
    """
    waiting = stuck_calls()
    if waiting:
        raise AudioServerNotAnswering(
            f"{NOT_ANSWERING} ({waiting[0]} is still waiting, so {what} was not tried); {SERVER_FIX}"
        )
    outcome: list[T] = []
    failure: list[BaseException] = []

    def run() -> None:
        try:
            outcome.append(call())
        except BaseException as exc:  # noqa: BLE001 - handed to the waiting thread as is
            failure.append(exc)

    thread = threading.Thread(target=run, name=f"audio: {what}", daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        with _stuck_lock:
            _stuck.append((thread, what))
        raise AudioServerNotAnswering(f"{NOT_ANSWERING} ({what} did not finish within {seconds:g} s); {SERVER_FIX}")
    if failure:
        raise failure[0]
    return outcome[0]


def close_stream(stream: Any, what: str = "closing the audio stream", *, discard: bool = False) -> None:
    """Stop and close a PortAudio stream within :data:`CLOSE_SECONDS`, whatever happens.

    A vanished device raises, a frozen server never returns: neither is the caller's problem when
    it is done with the stream, so neither is raised.

    Args:
        stream: The stream.
        what: What closing it is, for the message of a stuck call.
        discard: Drop what is buffered instead of letting it play out (stopping playback: a
            second of sound queued in the server would otherwise still play, and be waited for).
    """

    def close() -> None:
        try:
            stream.abort() if discard else stream.stop()
        finally:
            stream.close()

    with contextlib.suppress(Exception):  # PortAudioError from a vanished device, or the deadline
        within(CLOSE_SECONDS, what, close)
