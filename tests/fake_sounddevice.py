"""A stand-in for the ``sounddevice`` module: one input that calls back like PortAudio, and faults on demand.

Installed with :func:`install` (``sys.modules["sounddevice"]``), it lets unit tests drive the real
:class:`~mock_interview.audio.recorder.Recorder`: blocks of audio arrive every 50 ms on a thread of
their own, and the test can make the device go silent (unplugged), make opening or closing a
stream hang (a frozen audio server) and let it go again. The real PortAudio and audio server are
exercised in tests/real/test_devices_real.py.
"""

from __future__ import annotations

import importlib.machinery
import sys
import threading
import types
from typing import Any

import numpy as np
import pytest


class PortAudioError(Exception):
    """As sounddevice's."""


class CallbackStop(Exception):  # noqa: N818 - sounddevice's name
    """As sounddevice's."""


class Device:
    """The device and the audio server behind it, as the test sets them."""

    def __init__(self) -> None:
        self.silent = threading.Event()  # set: the device delivers nothing (unplugged, server frozen)
        self.hang_open = threading.Event()  # set: opening a stream never returns until released
        self.hang_close = threading.Event()  # set: stopping or closing a stream never returns until released
        self.released = threading.Event()  # set: hung calls return
        self.level = 0.1
        self.streams: list[InputStream] = []

    def release(self) -> None:
        """Let every hung call return (tests call this before they end)."""
        self.released.set()

    def _hang_if(self, flag: threading.Event) -> None:
        if flag.is_set():
            self.released.wait(30)


DEVICE = Device()


class InputStream:
    """Calls ``callback`` with 50 ms blocks of a steady tone on a thread, until stopped (or silent)."""

    def __init__(self, *, device: Any, samplerate: float, channels: int, dtype: str, blocksize: int, callback: Any):
        DEVICE._hang_if(DEVICE.hang_open)
        self.samplerate = samplerate
        self.blocksize = blocksize
        self.callback = callback
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        DEVICE.streams.append(self)

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        t = np.arange(self.blocksize) / self.samplerate
        tone = np.sin(2 * np.pi * 440 * t).astype(np.float32).reshape(-1, 1)
        while not self._stop.wait(self.blocksize / self.samplerate / 4):  # four times real time
            block = DEVICE.level * tone  # the test may change the level while recording (speech after silence)
            if not DEVICE.silent.is_set():
                self.callback(block, self.blocksize, None, None)

    def stop(self) -> None:
        DEVICE._hang_if(DEVICE.hang_close)
        self._stop.set()

    def close(self) -> None:
        self._stop.set()


class _Default:
    device = (0, 0)


def query_devices(kind: str | None = None) -> Any:
    info = {
        "name": "fake microphone",
        "index": 0,
        "hostapi": 0,
        "max_input_channels": 1,
        "max_output_channels": 0,
        "default_samplerate": 16000.0,
    }
    return info if kind else [info]


def query_hostapis() -> list[dict[str, Any]]:
    return [{"name": "fake"}]


def install(monkeypatch: pytest.MonkeyPatch) -> Device:
    """Put the fake in place of ``sounddevice`` for one test; returns its device (released at the end)."""
    global DEVICE
    DEVICE = Device()
    module = types.ModuleType("sounddevice")
    module.__spec__ = importlib.machinery.ModuleSpec("sounddevice", None)  # "installed", as the extras check asks
    module.PortAudioError = PortAudioError  # type: ignore[attr-defined]
    module.CallbackStop = CallbackStop  # type: ignore[attr-defined]
    module.InputStream = InputStream  # type: ignore[attr-defined]
    module.query_devices = query_devices  # type: ignore[attr-defined]
    module.query_hostapis = query_hostapis  # type: ignore[attr-defined]
    module.default = _Default()  # type: ignore[attr-defined]
    module.get_portaudio_version = lambda: (0, "fake PortAudio")  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "sounddevice", module)
    return DEVICE
