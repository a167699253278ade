"""Nothing leaves the machine: the environment that keeps our libraries from phoning home.

onnxruntime (1.29 and later, pulled in by faster-whisper's Silero speech detector) sends telemetry
on Linux and macOS about 9 s after it loads, and writes a device id and an event queue under
``~/.cache/Microsoft/``, unless ``ORT_DISABLE_TELEMETRY=1`` is in the environment before it
initialises. The Hugging Face client reports usage unless ``HF_HUB_DISABLE_TELEMETRY=1``, and is
only ever used on the network by ``mock-interview models download``, which points its caches into
the data folder itself (transcription/models.py).

This module imports only the standard library: it runs on every start.
"""

from __future__ import annotations

import os

#: Each variable, its value, and what it stops (``doctor`` prints these).
OFFLINE_ENVIRONMENT: tuple[tuple[str, str, str], ...] = (
    ("ORT_DISABLE_TELEMETRY", "1", "onnxruntime telemetry and its files under ~/.cache/Microsoft"),
    ("HF_HUB_DISABLE_TELEMETRY", "1", "Hugging Face usage reports"),
    ("DO_NOT_TRACK", "1", "the usage reports of any other library that honours it"),
)


def keep_libraries_offline() -> None:
    """Set the opt-outs in this process's environment (inherited by any child process).

    They are set unconditionally: the README promises that nothing leaves the machine, so a value
    inherited from the shell (``ORT_DISABLE_TELEMETRY=0``) does not switch telemetry back on.
    """
    for name, value, _what in OFFLINE_ENVIRONMENT:
        os.environ[name] = value


def offline_report() -> list[tuple[str, bool, str]]:
    """Each opt-out as (variable, whether it is set as required now, what it stops)."""
    return [(name, os.environ.get(name) == value, what) for name, value, what in OFFLINE_ENVIRONMENT]
