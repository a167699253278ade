"""The one error every audio call raises when sound cannot be used (no PortAudio, no device, a
server that does not answer); its message says why and what to do."""

from __future__ import annotations


class AudioUnavailable(Exception):
    """Recording is not possible; the message says why and what to do."""
