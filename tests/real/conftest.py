"""Fixtures for tests of real components: espeak-ng speech, the bundled model, the audio server.

Each skips with its reason where the tool is missing, and fails instead when
MOCK_INTERVIEW_REQUIRE_REAL=1 (CI), so these tests cannot silently stop running there.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from mock_interview.core.sessions import Session

from mock_interview.core.choices import AnswerMode
from tests.conftest import need
from tests.speech_samples import wer  # noqa: F401  (re-exported for the real tests)

DATA = Path(__file__).resolve().parent.parent / "data"
JFK_WORDS = (
    "And so, my fellow Americans: ask not what your country can do for you, ask what you can do for your country."
)
# Plain words: "forty percent" against "40%" would count as errors of the test, not of the model.
SPOKEN_ANSWER = (
    "In my last job, I was responsible for the customer support team. I wrote a new guide for the most common "
    "problems and trained my colleagues to use it. My long term goal is to become a product manager. "
    "In the next two years, I want to complete a project management course and lead my first product launch."
)


def espeak_to_wav(text: str, path: Path, words_per_minute: int = 150) -> Path:
    """Say ``text`` into a 16 kHz mono WAV with espeak-ng (needs the espeak-ng program)."""
    need(shutil.which("espeak-ng") is not None, "espeak-ng is not installed (apt-get install espeak-ng)")
    raw = path.with_suffix(".raw.wav")
    subprocess.run(["espeak-ng", "-v", "en-us", "-s", str(words_per_minute), "-w", str(raw), text], check=True)
    import soundfile

    from mock_interview.audio.wavfile import read_wav

    soundfile.write(str(path), read_wav(raw), 16000, subtype="PCM_16")
    return path


@pytest.fixture(scope="session")
def bundled_transcriber():
    from mock_interview.transcription.transcriber import load_transcriber

    return load_transcriber("bundled")


@pytest.fixture
def null_sink():
    """The PulseAudio null sink 'virt' whose monitor is the default input (see .ci/start-audio)."""
    need(
        shutil.which("pactl") is not None and shutil.which("paplay") is not None,
        "PulseAudio tools are not installed (apt-get install pulseaudio pulseaudio-utils)",
    )
    info = subprocess.run(["pactl", "info"], capture_output=True, text=True)
    need(info.returncode == 0, "no PulseAudio server is running (run .ci/start-audio)")
    need("virt.monitor" in info.stdout, "the default input is not virt.monitor (run .ci/start-audio)")
    from mock_interview.audio.devices import AudioUnavailable, list_input_devices

    try:
        devices = list_input_devices()
    except AudioUnavailable as exc:
        need(False, f"PortAudio is unavailable: {exc}")
    need(bool(devices), "PortAudio sees no input device")
    return "virt"


def play_into(sink: str, wav: Path) -> subprocess.Popen:
    """Start playing ``wav`` into the sink (what the default input then records)."""
    return subprocess.Popen(["paplay", f"--device={sink}", str(wav)])


def wait_for_line(process: subprocess.Popen[str], text: str, timeout: float) -> str:
    """Read ``process``'s standard error until a line holds ``text``; what was read (fails loudly on timeout)."""
    assert process.stderr is not None
    read = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = process.stderr.readline()
        read.append(line)
        if text in line:
            return "".join(read)
        if not line and process.poll() is not None:
            break
    raise AssertionError(f"no line with {text!r} within {timeout} s: {''.join(read)}")


def spoken_session_with_recording(data: Path, wav: Path, text: str, seconds: float) -> Session:
    """A saved spoken session whose one answer ("Where do you see yourself in five years?") has ``wav``
    as its recording (copied into the data folder) and ``text`` as its transcript."""
    from datetime import timedelta

    from mock_interview.core.sessions import AnswerRecord, AnswerStatus, SessionStore, now

    store = SessionStore(data / "sessions")
    session = store.create(mode="spoken", packs=["career-goals"], plan=["career-goals/five-years"])
    audio = data / "audio" / session.id / "00-five-years.wav"
    audio.parent.mkdir(parents=True)
    shutil.copy(wav, audio)
    began = now()
    session.answers.append(
        AnswerRecord(
            "career-goals/five-years",
            "Where do you see yourself in five years?",
            "goals",
            began,
            began + timedelta(seconds=seconds),
            120,
            text,
            source=AnswerMode.SPOKEN,
            status=AnswerStatus.ANSWERED,
            audio=str(audio.relative_to(data)),
        )
    )
    return session
