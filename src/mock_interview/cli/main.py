"""``mock-interview``: the entry point and its argument parser.

Start-up must stay fast: ``--help`` and ``--version`` import nothing beyond the standard library,
and each command imports what it needs only when it runs.
"""

from __future__ import annotations

import argparse
import math
import sys
from typing import TYPE_CHECKING, TypeAlias

from mock_interview import __version__
from mock_interview.core.choices import AnswerMode, CareerStage, Industry, QuestionOrder, choice_values
from mock_interview.core.kinds import QuestionKind

if TYPE_CHECKING:
    Subcommands: TypeAlias = argparse._SubParsersAction[argparse.ArgumentParser]

MAX_RECORD_SECONDS = 4 * 3600  # longer than any answer; a larger value is a typo


def seconds_argument(text: str) -> float:
    """``--seconds``: a finite number of seconds above 0 (``-1``, ``0``, ``nan`` and ``inf`` are refused)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of seconds; give one such as 90") from None
    if not math.isfinite(value) or not 0 < value <= MAX_RECORD_SECONDS:
        raise argparse.ArgumentTypeError(
            f"'{text}' must be a number of seconds above 0 and at most {MAX_RECORD_SECONDS}"
        )
    return value


def build_parser() -> argparse.ArgumentParser:
    """The full command-line grammar."""
    parser = argparse.ArgumentParser(
        prog="mock-interview",
        description="Timed mock-interview practice in your terminal: typed or spoken answers, "
        "offline transcription, and a checklist on structure, specificity and alignment.",
    )
    parser.add_argument("--version", action="version", version=f"mock-interview {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="where sessions, recordings, profiles and your packs live (default: env MOCK_INTERVIEW_DATA_DIR, "
        "else the user data folder; ./recordings only in a checkout of mock-interview)",
    )
    parser.add_argument(
        "--pack-path",
        metavar="PATH",
        action="append",
        default=[],
        help="an extra pack file or folder of packs (repeatable)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_practice(sub)
    _add_packs(sub)
    _add_profiles(sub)
    _add_sessions(sub)
    _add_score(sub)
    _add_loop(sub)
    doctor = sub.add_parser("doctor", help="check the data folder, packs, audio and the transcription model")
    doctor.add_argument(
        "--remove-orphans",
        action="store_true",
        help="remove the recordings that no session points to (doctor lists them)",
    )
    _add_audio(sub)
    return parser


def _add_practice(sub: Subcommands) -> None:
    practice = sub.add_parser("practice", help="start a round directly")
    practice.add_argument("--pack", action="append", metavar="ID", help="pack id (repeatable; required without --due)")
    practice.add_argument(
        "--due", action="store_true", help="the questions due for practice ('mock-interview due'), in --pack if given"
    )
    practice.add_argument("--count", type=int, metavar="N", help="how many questions")
    mode = practice.add_mutually_exclusive_group()
    mode.add_argument(
        "--typed", dest="mode", action="store_const", const=AnswerMode.TYPED.value, help="answer by typing"
    )
    mode.add_argument(
        "--spoken", dest="mode", action="store_const", const=AnswerMode.SPOKEN.value, help="answer out loud"
    )
    practice.add_argument("--profile", metavar="NAME", help="target profile to check alignment against")
    practice.add_argument("--order", choices=choice_values(QuestionOrder), help="question order")


def _add_packs(sub: Subcommands) -> None:
    packs = sub.add_parser("packs", help="list, show and validate question packs")
    packs_sub = packs.add_subparsers(dest="packs_command", metavar="ACTION", required=True)
    packs_list = packs_sub.add_parser("list", help="every pack with its question count")
    packs_list.add_argument("--json", action="store_true", help="machine-readable output")
    packs_show = packs_sub.add_parser("show", help="a pack's questions, tips and follow-ups")
    packs_show.add_argument("pack_id", metavar="ID")
    packs_validate = packs_sub.add_parser("validate", help="check pack files; exit status 1 on any problem")
    packs_validate.add_argument("paths", nargs="+", metavar="PATH")


def _add_profiles(sub: Subcommands) -> None:
    profiles = sub.add_parser("profiles", help="target-role profiles")
    profiles_sub = profiles.add_subparsers(dest="profiles_command", metavar="ACTION", required=True)
    profiles_sub.add_parser("list", help="saved profiles, the active one marked")
    profiles_new = profiles_sub.add_parser("new", help="create a profile (asks for what flags do not give)")
    profiles_new.add_argument("name", metavar="NAME")
    profiles_new.add_argument("--company")
    profiles_new.add_argument("--role")
    profiles_new.add_argument("--industry", choices=choice_values(Industry))
    profiles_new.add_argument("--stage", choices=choice_values(CareerStage))
    profiles_new.add_argument("--mission")
    profiles_new.add_argument("--values", help="comma-separated")
    profiles_new.add_argument("--job-description-file", metavar="FILE", help="a text file ('-' for standard input)")
    profiles_new.add_argument("--use", action="store_true", help="make it the active profile")
    profiles_new.add_argument("--force", action="store_true", help="overwrite an existing profile")
    profiles_show = profiles_sub.add_parser("show", help="a profile's contents")
    profiles_show.add_argument("name", metavar="NAME")
    profiles_use = profiles_sub.add_parser("use", help="make a profile active ('none' to clear)")
    profiles_use.add_argument("name", metavar="NAME")


def _add_sessions(sub: Subcommands) -> None:
    sessions = sub.add_parser("sessions", help="past sessions")
    sessions_sub = sessions.add_subparsers(dest="sessions_command", metavar="ACTION", required=True)
    sessions_list = sessions_sub.add_parser("list", help="every session, newest first")
    sessions_list.add_argument("--json", action="store_true", help="machine-readable output")
    sessions_show = sessions_sub.add_parser("show", help="a session's questions, answers and feedback")
    sessions_show.add_argument("session_id", metavar="ID")
    sessions_show.add_argument(
        "--json", action="store_true", help="the whole record, with 'summary' and 'mentor_notes'"
    )
    sessions_export = sessions_sub.add_parser("export", help="a session as Markdown (for a mentor) or JSON")
    sessions_export.add_argument("session_id", metavar="ID")
    sessions_export.add_argument(
        "--format",
        choices=["md", "json", "mentor"],
        default="md",
        help="mentor: Markdown with places for a mentor's notes, read back by import-notes",
    )
    sessions_export.add_argument(
        "--for-mentor", dest="format", action="store_const", const="mentor", help="the same as --format mentor"
    )
    sessions_export.add_argument(
        "--output",
        "-o",
        metavar="FILE",
        help="write to FILE (a new or regular file, replaced whole) instead of standard output ('-')",
    )
    sessions_delete = sessions_sub.add_parser("delete", help="delete a session and its recordings")
    sessions_delete.add_argument("session_id", metavar="ID")
    sessions_delete.add_argument("--yes", "-y", action="store_true", help="do not ask for confirmation")
    sessions_import = sessions_sub.add_parser(
        "import-notes", help="read a mentor's filled-in export back into its session"
    )
    sessions_import.add_argument("file", metavar="FILE")


def hours_argument(text: str) -> float:
    """``--within``: a finite number of hours, 0 or more."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of hours; give one such as 24") from None
    if not math.isfinite(value) or not 0 <= value <= 24 * 3650:
        raise argparse.ArgumentTypeError(f"'{text}' must be a number of hours from 0 to {24 * 3650}")
    return value


def _add_loop(sub: Subcommands) -> None:
    due = sub.add_parser("due", help="questions due for practice, with what they missed last time")
    due.add_argument("--json", action="store_true", help="machine-readable output")
    due.add_argument(
        "--within", type=hours_argument, default=24.0, metavar="HOURS", help="due now or within HOURS (default 24)"
    )
    debrief = sub.add_parser("debrief", help="log a real interview (asks for what flags do not give); list; show")
    debrief_sub = debrief.add_subparsers(dest="debrief_command", metavar="ACTION")
    debrief_sub.add_parser("list", help="your debriefs, newest first")
    debrief_show = debrief_sub.add_parser("show", help="a debrief's questions and notes")
    debrief_show.add_argument("debrief_id", metavar="ID")
    debrief.add_argument("--company", help="the company (or give --profile)")
    debrief.add_argument("--profile", metavar="NAME", help="a profile: its company, and the debrief linked to it")
    debrief.add_argument("--date", metavar="YYYY-MM-DD", help="the interview's date (default: today)")
    debrief.add_argument("--role")
    debrief.add_argument("--question", action="append", metavar="TEXT", help="a question you were asked (repeatable)")
    debrief.add_argument(
        "--went", action="append", choices=("well", "okay", "badly"), help="how the n-th question went (repeatable)"
    )
    debrief.add_argument("--how", action="append", metavar="TEXT", help="how the n-th question went, in your words")
    debrief.add_argument("--next", action="append", metavar="TEXT", help="what you would say next time (n-th question)")
    debrief.add_argument("--notes", metavar="TEXT", help="anything else to remember")


def _add_score(sub: Subcommands) -> None:
    score = sub.add_parser("score", help="the feedback checklist for an answer")
    score.add_argument("file", nargs="?", default="-", metavar="FILE", help="answer text file, or - for standard input")
    question = score.add_mutually_exclusive_group(required=True)
    question.add_argument("--question", metavar="TEXT", help="the question as asked")
    question.add_argument("--question-id", metavar="ID", help="a pack question: PACK/ID or a unique ID")
    score.add_argument("--kind", choices=choice_values(QuestionKind))
    score.add_argument(
        "--profile",
        metavar="NAME_OR_PATH",
        help="check alignment with this profile ('none': without one, even if one is active)",
    )
    score.add_argument("--json", action="store_true", help="machine-readable output")


def _add_audio(sub: Subcommands) -> None:
    devices = sub.add_parser("devices", help="audio input devices, the default marked")
    devices.add_argument("--json", action="store_true")

    record = sub.add_parser("record", help="record an answer to a WAV file")
    record.add_argument("output", metavar="OUT.wav")
    record.add_argument(
        "--seconds", type=seconds_argument, metavar="N", help="stop after N seconds (else Enter or Ctrl+C)"
    )
    record.add_argument("--force", action="store_true", help="overwrite OUT.wav if it exists")
    record.add_argument("--device", metavar="D", help="input device index or part of its name")
    record.add_argument("--transcribe", action="store_true", help="print the transcript afterwards")
    record.add_argument("--model", metavar="M", help="model name or folder (default: your setting)")
    record.add_argument("--json", action="store_true")

    transcribe = sub.add_parser("transcribe", help="transcribe an audio file with delivery figures")
    transcribe.add_argument("file", metavar="FILE")
    transcribe.add_argument("--model", metavar="M", help="model name or folder (default: your setting)")
    transcribe.add_argument(
        "--question",
        metavar="TEXT",
        help="the question answered: for a story question (STAR), where the answer's time went (star_timeline)",
    )
    transcribe.add_argument("--json", action="store_true")

    models = sub.add_parser("models", help="transcription models")
    models_sub = models.add_subparsers(dest="models_command", metavar="ACTION", required=True)
    models_sub.add_parser("list", help="the bundled model and downloaded ones")
    models_download = models_sub.add_parser("download", help="download a Whisper model by name (needs the network)")
    models_download.add_argument("name", metavar="NAME")
    models_download.add_argument("--force", action="store_true", help="download again over a model already here")

    say = sub.add_parser("say", help="read a question aloud with the interviewer's voice (offline)")
    say.add_argument("text", nargs="*", metavar="TEXT", help="what to say")
    say.add_argument("--question-id", metavar="PACK/ID", help="a pack question instead of TEXT")
    say.add_argument("--output", "-o", metavar="FILE.wav", help="write a WAV file instead of playing it")
    say.add_argument("--force", action="store_true", help="overwrite FILE.wav if it exists")
    say.add_argument("--device", metavar="D", help="output device index or name (default: the system's)")


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status.

    Everything printed, argparse's own errors included, has its control characters made visible
    (see :mod:`mock_interview.cli.output`): arguments and files can hold escape sequences. A write
    the machine refuses (a full disk, a read-only data folder, output sent to ``/dev/full``) is one
    line naming what failed and the way out, with exit status 1; a closed pipe ends quietly.
    """
    from mock_interview.cli.output import discard_output, output_problem, usable_streams, visible_streams

    with usable_streams(), visible_streams():
        parser = build_parser()
        args = parser.parse_args(argv)
        from mock_interview.cli import commands

        try:
            status = commands.dispatch(args)
            sys.stdout.flush()  # a full disk under the output shows here, not as a traceback at exit
            if argv is None:  # the process's own command line (not a caller in the same process)
                from mock_interview.cli.launch import leave_promptly

                leave_promptly(status)  # an audio call stuck on a frozen server must not hold up the exit
            return status
        except KeyboardInterrupt:
            print("interrupted", file=sys.stderr)
            return 130
        except BrokenPipeError:
            discard_output()
            return 0
        except OSError as exc:  # WriteFailed (the data folder), or the output itself
            print(f"mock-interview: {output_problem(exc)}", file=sys.stderr)
            discard_output()
            return 1


if __name__ == "__main__":
    raise SystemExit(main())
