"""Playing a recorded answer back."""

from __future__ import annotations

from pathlib import Path

from mock_interview.audio.devices import AudioUnavailable, load_sounddevice
from mock_interview.audio.wavfile import SAMPLE_RATE, read_wav


def play_file(path: Path) -> float:
    """Play a WAV on the default output and wait until it ends; returns its length in seconds.

    Raises:
        AudioUnavailable: No PortAudio or no output device.
    """
    sd = load_sounddevice()
    samples = read_wav(path)
    try:
        sd.play(samples, SAMPLE_RATE)
        sd.wait()
    except (sd.PortAudioError, ValueError) as exc:
        raise AudioUnavailable(f"could not play the recording ({exc}); check your speakers or headphones") from None
    return samples.size / SAMPLE_RATE
