"""Whether the audio server (PulseAudio, or PipeWire's PulseAudio service) can be contacted.

With no server to talk to, PortAudio simply lists no input device, and "no microphone" sends the user
to check hardware that is fine. This asks the server itself, so a doctor can say which it is.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess

ASK_SECONDS = 3.0
START_IT = "start it (pulseaudio --start, or systemctl --user start pipewire-pulse)"


def audio_server_problem() -> str | None:
    """Why the audio server cannot be contacted, in a sentence with the way out; ``None`` when it answers.

    ``PULSE_SERVER``, when set, is tried directly (a ``unix:`` socket or ``tcp:`` host and port). Otherwise
    ``pactl info`` is asked, when it is installed; without it, or with no PulseAudio-compatible server
    in use at all (plain ALSA), nothing is said.
    """
    configured = os.environ.get("PULSE_SERVER", "").strip()
    if configured:
        reason = _unreachable(configured)
        if reason is None:
            return None
        said = f"PULSE_SERVER={configured}: {reason}"
        return f"the audio server could not be contacted ({said}); {START_IT}, or fix PULSE_SERVER"
    pactl = shutil.which("pactl")
    if pactl is None:
        return None
    try:
        answer = subprocess.run(
            [pactl, "info"], capture_output=True, text=True, timeout=ASK_SECONDS, stdin=subprocess.DEVNULL
        )
    except subprocess.TimeoutExpired:
        return f"the audio server did not answer within {ASK_SECONDS:g} s (pactl info); restart it"
    except OSError:
        return None
    if answer.returncode == 0:
        return None
    said = next((line.strip() for line in answer.stderr.splitlines() if line.strip()), "no answer")
    return f"the audio server could not be contacted (pactl info: {said}); {START_IT}"


def _unreachable(server: str) -> str | None:
    """Why a PulseAudio server address does not take a connection, or ``None`` when it does."""
    address = server.split()[0]  # a list of servers: the first is the one tried first
    if address.startswith("{"):  # "{machine-id}unix:/path": the address follows the braces
        address = address.partition("}")[2]
    try:
        if address.startswith("tcp:") or (not address.startswith(("unix:", "/")) and address):
            host, _, port = address.removeprefix("tcp:").partition(":")
            with socket.create_connection((host or "localhost", int(port or 4713)), timeout=ASK_SECONDS):
                return None
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
            client.settimeout(ASK_SECONDS)
            client.connect(address.removeprefix("unix:"))
            return None
    except (OSError, ValueError) as exc:
        return exc.strerror or str(exc) if isinstance(exc, OSError) else str(exc)
