"""Finding PortAudio and the input devices, with problems phrased as fixes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mock_interview.audio.errors import AudioUnavailable as AudioUnavailable  # raised by every audio call
from mock_interview.extras import INSTALL_SPEECH

PORTAUDIO_FIX = (
    "install the PortAudio library: 'sudo apt-get install libportaudio2' (Debian, Ubuntu), "
    "'sudo dnf install portaudio' (Fedora) or 'brew install portaudio' (macOS)"
)


@dataclass(frozen=True)
class InputDevice:
    """An audio input as PortAudio reports it."""

    index: int
    name: str
    channels: int
    default_samplerate: float
    hostapi: str
    is_default: bool

    def to_json(self) -> dict[str, Any]:
        """The ``devices --json`` form."""
        return {
            "index": self.index,
            "name": self.name,
            "channels": self.channels,
            "default_samplerate": self.default_samplerate,
            "hostapi": self.hostapi,
            "default": self.is_default,
        }


def load_sounddevice():
    """Import ``sounddevice`` (which starts PortAudio, and PortAudio asks the audio server for its devices).

    The import runs with a deadline (:mod:`~mock_interview.audio.deadlines`): a frozen audio server
    makes it wait 30 s or more.

    Raises:
        AudioUnavailable: PortAudio (or sounddevice itself) is missing, or the audio server does not answer.
    """
    import sys

    loaded = sys.modules.get("sounddevice")
    # A module is in sys.modules from the start of its import: one stuck in PortAudio's start is half made.
    if loaded is not None and not getattr(getattr(loaded, "__spec__", None), "_initializing", False):
        return loaded
    from mock_interview.audio.deadlines import OPEN_SECONDS, within

    def load():
        import sounddevice

        return sounddevice

    # While PortAudio starts, sounddevice points the process's standard error (descriptor 2) at
    # /dev/null to hide ALSA's messages; when the server hangs it stays there, and every error
    # message after that would vanish. So a start that overruns gives descriptor 2 back.
    import os

    try:
        saved_stderr = os.dup(2)
    except OSError:
        saved_stderr = -1
    try:
        return within(OPEN_SECONDS, "starting PortAudio", load)
    except OSError as exc:  # sounddevice raises OSError when libportaudio cannot be loaded
        raise AudioUnavailable(f"PortAudio was not found ({exc}); {PORTAUDIO_FIX}") from None
    except ImportError as exc:
        raise AudioUnavailable(f"the sounddevice package is missing ({exc}); add it with: {INSTALL_SPEECH}") from None
    except AudioUnavailable:
        if saved_stderr >= 0:
            os.dup2(saved_stderr, 2)
        raise
    finally:
        if saved_stderr >= 0:
            os.close(saved_stderr)


def list_input_devices() -> list[InputDevice]:
    """Every device with at least one input channel, the default marked (within a deadline).

    Raises:
        AudioUnavailable: PortAudio is missing, cannot list devices, or the audio server does not answer.
    """
    from mock_interview.audio.deadlines import OPEN_SECONDS, within

    sd = load_sounddevice()

    def query():
        devices = sd.query_devices()
        hostapis = sd.query_hostapis()
        try:
            default_input = sd.default.device[0]
        except (sd.PortAudioError, TypeError, IndexError):
            default_input = -1
        if default_input is None or default_input < 0:
            try:
                default_input = sd.query_devices(kind="input")["index"]
            except (sd.PortAudioError, ValueError, KeyError):  # no default input
                default_input = -1
        return devices, hostapis, default_input

    try:
        devices, hostapis, default_input = within(OPEN_SECONDS, "listing the audio devices", query)
    except (sd.PortAudioError, OSError) as exc:  # report, never crash
        raise AudioUnavailable(f"PortAudio could not list audio devices ({exc})") from None
    found = []
    for index, info in enumerate(devices):
        if info.get("max_input_channels", 0) <= 0:
            continue
        hostapi = hostapis[info["hostapi"]]["name"] if 0 <= info.get("hostapi", -1) < len(hostapis) else ""
        found.append(
            InputDevice(
                index,
                info["name"],
                int(info["max_input_channels"]),
                float(info["default_samplerate"]),
                hostapi,
                index == default_input,
            )
        )
    return found


def find_input_device(spec: str | int | None) -> InputDevice:
    """The device named by ``spec`` (an index, or part of a name), or the default input.

    Raises:
        AudioUnavailable: No input device, or none matches ``spec``.
    """
    devices = list_input_devices()
    if not devices:
        raise AudioUnavailable("no audio input device was found; connect a microphone, or answer by typing")
    if spec is None or spec == "":
        for device in devices:
            if device.is_default:
                return device
        return devices[0]
    if isinstance(spec, int) or str(spec).isdigit():
        for device in devices:
            if device.index == int(spec):
                return device
    else:
        matches = [d for d in devices if str(spec).lower() in d.name.lower()]
        if len(matches) >= 1:
            return matches[0]
    names = "; ".join(f"{d.index}: {d.name}" for d in devices)
    raise AudioUnavailable(
        f"no input device matches '{spec}'; inputs are: {names} ('mock-interview devices' lists them)"
    )
