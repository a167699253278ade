"""``devices``, ``record``, ``transcribe``, ``models`` and ``say``: the audio side of the command line."""

from __future__ import annotations

import contextlib
import json
import math
import signal
import sys
import threading
import time
from argparse import Namespace
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mock_interview.core.context import AppContext
from mock_interview.core.fsutil import UnsafePathError, WriteFailed

if TYPE_CHECKING:
    from mock_interview.transcription.live import RecorderLike
    from mock_interview.transcription.transcript import Transcript


def _err(message: str) -> None:
    print(f"mock-interview: {message}", file=sys.stderr)


def delivery_figures(transcript: Transcript, limit: float | None = None) -> dict[str, Any]:
    """Words per minute, fillers, hedges, pauses and time used, from the feedback engine's delivery checks.

    Rates are over the speech (first word to last), never over leading or trailing silence; with
    no words there are no figures and the delivery checks are ``na``.
    """
    from mock_interview.core.feedback import Delivery, QuestionInfo, analyse, long_pauses, words_per_minute

    wpm = words_per_minute(transcript.words)
    speech_minutes = (transcript.words[-1][2] - transcript.words[0][1]) / 60 if transcript.words else 0.0
    feedback = analyse(
        transcript.text,
        # no limit given: the recording's own length, rounded up (12.5 s is 13 s of 13, not 105% of 12)
        QuestionInfo("", "general", int(limit or max(math.ceil(transcript.duration), 1))),
        delivery=Delivery(tuple(transcript.words), transcript.duration, limit),
    )
    fillers = feedback.by_id("delivery.fillers")
    pauses = [(gap, transcript.words[index][1]) for index, gap in long_pauses(transcript.words)]
    return {
        "wpm": round(wpm, 1),
        "fillers": len(fillers.evidence) if fillers else 0,
        "fillers_per_minute": round((len(fillers.evidence) if fillers else 0) / speech_minutes, 2)
        if speech_minutes > 0
        else 0.0,
        "fillers_lower_bound": True,
        "filler_words": [e.text for e in fillers.evidence] if fillers else [],
        "long_pauses": [{"seconds": round(gap, 2), "at": round(at, 2)} for gap, at in pauses],
        "delivery": {c.id: {"status": c.status, "detail": c.detail} for c in feedback.group("delivery")},
    }


CLI_NO_SPEECH = "no speech heard; check the microphone ('mock-interview devices' lists inputs, --device picks one)"


def _transcript_output(
    transcript: Transcript,
    as_json: bool,
    limit: float | None = None,
    no_speech: str = "no speech heard in the audio",
    question: str | None = None,
) -> None:
    from mock_interview.core.feedback.text import counted
    from mock_interview.core.kinds import classify_question
    from mock_interview.core.star_timeline import RECOMMENDED_LINE, applies, star_timeline, timeline_lines

    figures = delivery_figures(transcript, limit)
    timeline = None
    if question is not None and applies(classify_question(question), transcript.words):
        timeline = star_timeline(transcript.text, transcript.words)
    if as_json:
        data = transcript.to_json()
        data["speech_heard"] = transcript.heard_speech
        data.update(figures)
        if question is not None:
            data["question"] = question
            data["star_timeline"] = [segment.to_json() for segment in timeline] if timeline is not None else None
        print(json.dumps(data, indent=2, ensure_ascii=False))
    elif transcript.heard_speech:
        print(transcript.text)
        print(
            f"\n{transcript.duration:.1f} s · {counted(len(transcript.words), 'word')} · "
            f"{figures['wpm']:.0f} words a minute · "
            f"{counted(figures['fillers'], 'filler')} (at least) · "
            f"{counted(len(figures['long_pauses']), 'pause')} over 2.5 s · "
            f"model {transcript.model}"
        )
        if timeline:
            print("\nWhere the time went (STAR):")
            speech = transcript.words[-1][2] - transcript.words[0][1]
            for line in timeline_lines(timeline, speech):
                print(f"  {line}")
            print(f"  {RECOMMENDED_LINE}")
    if not transcript.heard_speech:
        _err(f"{no_speech} ({transcript.duration:.1f} s of audio, model {transcript.model})")


def _progress(seconds: float) -> None:
    if seconds >= 0.5:
        print(f"transcribing the last {seconds:.0f} s…", file=sys.stderr, flush=True)


def run_audio_command(context: AppContext, args: Namespace) -> int:
    """Dispatch the audio commands (each needs the speech extra: said in one line when it is missing)."""
    from mock_interview.extras import speech_missing

    problem = speech_missing()
    if problem is not None:
        _err(f"{args.command}: {problem}")
        return 1
    from mock_interview.audio.devices import AudioUnavailable
    from mock_interview.transcription.models import ModelUnavailable
    from mock_interview.transcription.transcriber import TranscriptionError

    settings, _ = context.load_settings()
    models_dir = context.data.root / "models"
    try:
        if args.command == "devices":
            from mock_interview.audio.devices import list_input_devices

            devices = list_input_devices()
            if args.json:
                print(json.dumps([d.to_json() for d in devices], indent=2))
            elif not devices:
                print("no input devices; connect a microphone (typed answers still work)")
            for device in devices if not args.json else []:
                mark = "*" if device.is_default else " "
                print(
                    f"{mark} {device.index:>3}  {device.name}  "
                    f"({device.channels} ch, {device.default_samplerate:.0f} Hz, {device.hostapi})"
                )
            return 0
        if args.command == "transcribe":
            from mock_interview.transcription.streaming import transcribe_file

            path = Path(args.file)
            if not path.exists():
                _err(f"{path} does not exist; give the path of a WAV file")
                return 1
            transcript = transcribe_file(path, args.model or settings.model, models_dir)
            _transcript_output(
                transcript, args.json, no_speech=f"no speech heard in {path}", question=getattr(args, "question", None)
            )
            return 0
        if args.command == "record":
            return _record(args, settings.input_device or None, args.model or settings.model, models_dir)
        if args.command == "models":
            return _models(args, models_dir, settings.model)
        if args.command == "say":
            return _say(context, args)
    except (AudioUnavailable, ModelUnavailable, TranscriptionError) as exc:
        _err(str(exc))
        return 1
    return 2


def _record(args: Namespace, default_device: str | None, model: str, models_dir: Path) -> int:
    """Record until N seconds, Enter or Ctrl+C; with ``--transcribe``, transcribe while recording (as the app does)."""
    from mock_interview.audio.devices import AudioUnavailable
    from mock_interview.audio.recorder import Recorder
    from mock_interview.transcription.models import ModelUnavailable
    from mock_interview.transcription.transcriber import TranscriptionError

    output = Path(args.output)
    if output.suffix.lower() != ".wav":
        _err(f"{output}: the output must be a .wav file")
        return 2
    try:
        created = _claim_output(output, force=args.force)
    except FileExistsError:
        _err(f"{output} exists; pass --force to overwrite it, or choose another name")
        return 1
    except OSError as exc:
        _err(f"not recording: {exc}")  # UnsafePathError or WriteFailed: names the file and the way out
        return 1
    device = args.device or default_device
    live = None
    try:
        if args.transcribe:
            from mock_interview.transcription.live import LiveAnswer
            from mock_interview.transcription.transcriber import load_transcriber

            transcriber = load_transcriber(model, models_dir)
            transcriber.warm_up()  # before the microphone opens: the first seconds are decoded without delay
            live = LiveAnswer(output, transcriber, device=device, on_progress=_progress)
            live.start()
            recorder = live.recorder
        else:
            recorder = Recorder(output, device)
            recorder.start()
    except OSError as exc:
        if created:
            output.unlink(missing_ok=True)  # the empty placeholder this command made
        _err(f"not recording: {exc}")  # UnsafePathError or WriteFailed: names the file and the way out
        return 1
    except (AudioUnavailable, ModelUnavailable, TranscriptionError):
        if created:
            output.unlink(missing_ok=True)
        raise  # run_audio_command says what to install or choose
    if live is None and not recorder.wait_until_live(5.0):
        recorder.stop()
        _err(
            f"the input '{recorder.stats.device}' sent no audio in 5 s; check it with 'mock-interview devices' "
            "or close other programs using it"
        )
        return 1
    _wait_until_stopped(recorder, output, args.seconds)
    if live is not None:
        result = live.stop()
        stats, warnings = result.stats, result.warnings
    else:
        stats = recorder.stop()
        warnings = stats.warnings
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"recorded {stats.seconds:.1f} s to {output}", file=sys.stderr)
    if live is not None:
        _transcript_output(result.transcript, args.json, no_speech=CLI_NO_SPEECH)
    elif args.json:
        print(
            json.dumps(
                {
                    "path": str(output),
                    "duration": round(stats.seconds, 3),
                    "overflows": stats.overflows,
                    "device": stats.device,
                }
            )
        )
    if stats.interrupted:  # the device went silent or the disk filled: what was recorded is in the file
        _err(f"recording stopped early: {stats.interrupted}")
        return 1
    return 0


def _wait_until_stopped(recorder: RecorderLike, output: Path, seconds: float | None) -> None:
    """Say that recording runs, then wait for ``seconds`` of audio, Enter (on a terminal), Ctrl+C, SIGTERM or SIGHUP.

    Each of them ends the recording the same way, so the file is closed properly whatever stopped
    it (its header is true after every block anyway, see :mod:`mock_interview.audio.wavfile`). A
    recording that stops by itself (the device went silent, the disk filled up) ends the wait too.
    """
    stop = threading.Event()
    interrupted = getattr(recorder, "interrupted", None)
    interactive = sys.stdin.isatty()
    # Printed only now that audio is flowing: what is said from here on is recorded.
    print(
        f"recording from {recorder.stats.device} to {output}"
        + (f" for {seconds:g} s" if seconds else "")
        + ("; press Enter or Ctrl+C to stop" if interactive else ""),
        file=sys.stderr,
        flush=True,
    )
    if interactive:

        def wait_for_enter() -> None:
            sys.stdin.readline()
            stop.set()

        threading.Thread(target=wait_for_enter, daemon=True).start()
    started = time.monotonic()
    with _signals_stop(stop, "SIGTERM", "SIGHUP"):
        try:
            while not stop.is_set():
                if seconds is not None and recorder.stats.seconds >= seconds:
                    break
                if seconds is not None and time.monotonic() - started > seconds + 5:
                    break
                if interrupted is not None and interrupted.is_set():
                    break
                time.sleep(0.02)
        except KeyboardInterrupt:
            pass


@contextlib.contextmanager
def _signals_stop(stop: threading.Event, *names: str) -> Iterator[None]:
    """While the block runs, the named signals set ``stop`` instead of killing the process."""
    saved = {}
    for name in names:
        number = getattr(signal, name, None)
        if number is None:
            continue
        with contextlib.suppress(ValueError):  # not the main thread: the default action stays
            saved[number] = signal.signal(number, lambda signum, frame: stop.set())
    try:
        yield
    finally:
        for number, handler in saved.items():
            signal.signal(number, handler)


def _claim_output(output: Path, *, force: bool) -> bool:
    """Check (and, without ``force``, reserve) the recording's path; returns whether a file was created.

    Only a new file, or with ``force`` an existing regular file, is accepted: never a folder, a
    symbolic link, a FIFO or a device. Without ``force`` the file is created empty at once
    (``O_EXCL``), so no other program can slip in between the check and the recording.
    """
    from mock_interview.core.fsutil import check_output_target, open_private_for_writing

    if check_output_target(output):
        if not force:
            raise FileExistsError(output)
        return False
    open_private_for_writing(output, exclusive=True).close()
    return True


def _models(args: Namespace, models_dir: Path, current: str) -> int:
    """``models list`` and ``models download NAME``."""
    from mock_interview.transcription.models import bundled_model_path, download, remove_stale_downloads

    for folder in remove_stale_downloads(models_dir):
        print(f"removed {folder.name}, left by a download that was stopped", file=sys.stderr)
    if args.models_command == "list":
        print(
            f"  bundled   tiny.en at {bundled_model_path()}"
            + ("   (in use)" if current in ("bundled", "tiny.en", "") else "")
        )
        if models_dir.is_dir():
            from mock_interview.transcription.models import is_complete_model

            for folder in sorted(p for p in models_dir.iterdir() if p.is_dir() and not p.name.startswith(".")):
                if not is_complete_model(folder):
                    print(
                        f"  {folder.name:<9} {folder}   "
                        "(incomplete: download it again with --force, or remove the folder)"
                    )
                    continue
                print(f"  {folder.name:<9} {folder}" + ("   (in use)" if current == folder.name else ""))
        print("\ndownload another with 'mock-interview models download NAME' (needs the network); set it in Settings")
        return 0
    path = download(args.name, models_dir, force=args.force)
    print(f"downloaded {args.name} to {path}; choose it in Settings or pass --model {args.name}")
    return 0


def _say(context: AppContext, args: Namespace) -> int:
    """``say``: a question read by the interviewer's voice, aloud or into a WAV file."""
    from mock_interview.audio.voice import VoiceUnavailable, speak, write_wav

    if args.question_id:
        question = context.packs.find_question(args.question_id)
        if question is None:
            _err(f"no question '{args.question_id}'; use PACK/ID as 'mock-interview packs show PACK' lists them")
            return 1
        text = question.text
    elif args.text:
        text = " ".join(args.text)
    else:
        _err("say what? give the text, or --question-id PACK/ID")
        return 2
    try:
        if args.output is None:
            seconds = speak(text, device=args.device)
            print(f"said {seconds:.1f} s", file=sys.stderr)
            return 0
        output = Path(args.output)
        if output.suffix.lower() != ".wav":
            _err(f"{output}: the output must be a .wav file")
            return 2
        seconds = write_wav(output, text, force=args.force)
    except FileExistsError:
        _err(f"{args.output} exists; pass --force to overwrite it, or choose another name")
        return 1
    except (UnsafePathError, WriteFailed) as exc:  # a link or special file; a full disk, a read-only folder
        _err(f"not written: {exc}")
        return 1
    except OSError as exc:
        _err(f"cannot write {args.output} ({exc.strerror}); choose another path")
        return 1
    except (VoiceUnavailable, ValueError) as exc:
        _err(str(exc))
        return 1
    print(f"wrote {seconds:.1f} s of speech to {output}", file=sys.stderr)
    return 0
