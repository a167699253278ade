"""Asking for what the flags do not give (``profiles new``, ``debrief``): one answer checked at once,
asked again until it is valid, or a pasted text ended by ctrl+d."""

from __future__ import annotations


class UsageError(Exception):
    """A usage mistake, reported with exit status 2."""


class InputEnded(Exception):
    """The user ended the input (ctrl+d) at a prompt."""


def ask(
    value: str | None,
    prompt: str,
    flag: str,
    *,
    interactive: bool,
    required: bool = False,
    choices: tuple[str, ...] = (),
    default: str = "",
) -> str:
    """The flag's value, or an answer asked for and checked at once (asked again until it is valid).

    Raises:
        UsageError: A required value has no flag and there is no terminal to ask on.
        InputEnded: The user ended the input (ctrl+d) instead of answering.
    """
    if value is not None:
        return value.strip()
    if not interactive:
        if required:
            raise UsageError(f"--{flag} is required when not run interactively")
        return default
    shown = f"{prompt} ({', '.join(choices)})" if choices else prompt
    while True:
        try:
            answer = input(f"{shown}: ").strip()
        except EOFError:
            raise InputEnded(prompt) from None
        if not answer:
            if required:
                print("  required: type a value, or ctrl+d to stop")
                continue
            return default
        if "\n" in answer or any(ord(c) < 32 for c in answer):
            print("  control characters are not allowed; type plain text")
            continue
        if choices and answer.lower() not in choices:
            print(f"  '{answer}' is not one of: {', '.join(choices)}")
            continue
        return answer.lower() if choices else answer


JOB_DESCRIPTION_PROMPT = (
    "Job description (optional): paste it, then finish with ctrl+d on a new line "
    "(or a line holding only '.'); Enter on an empty first line skips it"
)
END_OF_TEXT = "."


def ask_text(prompt: str) -> str:
    """A multi-line answer (a pasted job description), ended by ctrl+d or a line holding only ``.``.

    An empty first line skips it. Blank lines inside the text are kept: a job description has
    paragraphs, so an empty line cannot be what ends it.
    """
    print(f"{prompt}:")
    lines: list[str] = []
    while True:
        try:
            line = input()
        except EOFError:  # ctrl+d: the end of the text, not "stop" (it is the last question)
            print()
            break
        if line.strip() == END_OF_TEXT or (not lines and not line.strip()):
            break
        lines.append(line)
    return "\n".join(lines).strip()
