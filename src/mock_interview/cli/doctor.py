"""``mock-interview doctor``: every moving part, each OK or the problem with its fix."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from mock_interview.core.context import AppContext


def run_doctor(context: AppContext, *, remove_orphans: bool = False) -> int:
    """Print one line per check; exit status 1 when something needed for typed practice fails.

    Args:
        context: The data directory and what lives in it.
        remove_orphans: Remove the recordings no session points to (listed otherwise).
    """
    failures = 0

    def line(ok: bool, what: str, detail: str) -> None:
        print(f"[{'ok' if ok else '!!'}] {what}: {detail}")

    root = context.data.root
    if root.exists():
        writable = os.access(root, os.W_OK)
        mode = oct(root.stat().st_mode & 0o777)
        detail = f"{root} (mode {mode})" if writable else f"{root} is not writable; pass --data-dir"
    else:  # doctor only looks: the first round or saved profile creates the folder
        parent = next(p for p in root.parents if p.exists())
        writable = os.access(parent, os.W_OK)
        detail = (
            f"{root} (not created yet: the first round or saved profile creates it, mode 0700)"
            if writable
            else f"{root} cannot be created ({parent} is not writable); pass --data-dir"
        )
    line(writable, "data directory", detail)
    failures += not writable
    report = context.packs
    questions = sum(len(p.questions) for p in report.packs)
    line(bool(report.packs), "question packs", f"{len(report.packs)} packs, {questions} questions")
    failures += not report.packs
    for pack_problem in report.problems:
        line(False, "pack skipped", str(pack_problem))
    summaries, unreadable = context.sessions.list()
    sessions = f"{len(summaries)} readable"
    if unreadable:
        sessions += f", {len(unreadable)} could not be read ('mock-interview sessions list' names them)"
    line(not unreadable, "sessions", sessions)
    for session_problem in unreadable[:5]:
        line(False, "session skipped", str(session_problem))
    _recordings(context, line, remove_orphans)
    settings, problems = context.load_settings()
    line(not problems, "settings", str(context.data.settings_file) if not problems else "; ".join(map(str, problems)))
    if settings.active_profile:
        from mock_interview.core.tomlschema import InvalidFileError

        try:
            context.profiles.load(settings.active_profile)
            line(True, "active profile", settings.active_profile)
        except InvalidFileError as exc:
            line(False, "active profile", str(exc))
    else:
        line(True, "active profile", "none (alignment checks are skipped; 'mock-interview profiles new NAME')")

    from mock_interview.offline import offline_report

    unset = [name for name, ok, _what in offline_report() if not ok]
    settings_names = ", ".join(f"{name}={os.environ.get(name)}" for name, _ok, _what in offline_report())
    line(
        not unset,
        "offline",
        f"library telemetry off ({settings_names}); only 'models download' uses the network, "
        f"and its caches stay in {root / 'models'}"
        if not unset
        else f"{', '.join(unset)} not set; start mock-interview through its own command",
    )
    failures += bool(unset)

    _check_speech(line, settings.model, root / "models")
    return 1 if failures else 0


def _check_speech(line: Callable[[bool, str, str], None], model: str, models_dir: Path) -> None:
    """The speech extra, PortAudio and the input devices, the transcription model (none of them is
    needed for typed practice: a problem here is reported, never counted as a failure)."""
    from mock_interview.extras import speech_missing

    missing = speech_missing()
    line(
        missing is None,
        "speech",
        "installed: spoken answers and the interviewer's voice"
        if missing is None
        else f"typed answers only: {missing}",
    )
    if missing is not None:
        return

    from mock_interview.audio.devices import AudioUnavailable, list_input_devices, load_sounddevice

    try:
        sd = load_sounddevice()
        line(True, "PortAudio", sd.get_portaudio_version()[1])
        devices = list_input_devices()
        if devices:
            default = next((d for d in devices if d.is_default), devices[0])
            line(True, "input devices", f"{len(devices)}; default: {default.name}")
        else:
            from mock_interview.audio.server import audio_server_problem

            server = audio_server_problem()  # no device listed: often no server to list them, not no microphone
            line(
                False,
                "input devices",
                f"none found: {server} (typed answers still work)"
                if server
                else "none found; connect a microphone (typed answers still work)",
            )
    except AudioUnavailable as exc:
        line(False, "PortAudio", str(exc))

    from mock_interview.transcription.models import ModelUnavailable, resolve_model

    try:
        choice = resolve_model(model, models_dir)
        line(True, "transcription model", f"{choice.label} at {choice.path}")
    except ModelUnavailable as exc:
        line(False, "transcription model", str(exc))


def _recordings(context: AppContext, line: Callable[[bool, str, str], None], remove: bool) -> None:
    """Recordings no session points to: listed, or removed with ``--remove-orphans``."""
    from mock_interview.core.fsutil import format_size
    from mock_interview.core.recordings import find_orphan_recordings, remove_orphan_recordings

    root = context.data.root
    orphans = find_orphan_recordings(context.data)
    if not orphans:
        line(True, "recordings", "every recording belongs to a session")
        return
    size = format_size(sum(o.size for o in orphans))
    if remove:
        removed = remove_orphan_recordings(context.data, orphans)
        line(True, "recordings", f"removed {len(removed)} recording(s) no session pointed to ({size})")
        return
    shown = ", ".join(o.relative_to(root) for o in orphans[:3]) + (
        f" and {len(orphans) - 3} more" if len(orphans) > 3 else ""
    )
    line(
        False,
        "recordings",
        f"{len(orphans)} no session points to ({size}): {shown}; 'mock-interview doctor --remove-orphans' removes them",
    )
