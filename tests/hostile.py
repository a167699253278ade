"""Hostile inputs shared by the integrity tests: markup, escape sequences, path tricks, bad sessions.

Each string is what a shared pack, a mangled session or a careless sync tool can put in front of
the app (issue 10). Tests assert that such text is shown literally (``[/]`` stays ``[/]``), that no
raw control character reaches a terminal, and that nothing crashes.
"""

from __future__ import annotations

from pathlib import Path

ESC = "\x1b"
CSI = "\x9b"  # the one-byte C1 way to start an escape sequence
CLEAR = f"{ESC}[2J"
RETITLE = f"{ESC}]0;pwned\x07"
HYPERLINK = f"{ESC}]8;;file:///etc/passwd\x07link{ESC}]8;;\x07"
MARKUP = "[/] [link=file:///etc/passwd]click[/link] [b]bold?[/b]"
CLICK = "[@click=screen.end_round]CLICKME[/]"
RAW_CONTROLS = (ESC, CSI, "\x07", "\x08", "\x00")

HOSTILE_TITLE = f"Evil {MARKUP} {RETITLE} {CLEAR}"
HOSTILE_QUESTION = f"Prep [draft] {CLICK} {HYPERLINK}"


def toml_string(text: str) -> str:
    """``text`` as a TOML basic string (control characters as \\u escapes)."""
    out = []
    for char in text:
        if char in '"\\':
            out.append("\\" + char)
        elif ord(char) < 0x20 or 0x7F <= ord(char) <= 0x9F:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def write_hostile_pack(folder: Path, pack_id: str = "evil") -> Path:
    """A valid pack whose title, question, tips and example are hostile."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{pack_id}.toml"
    path.write_text(
        "[pack]\n"
        f'id = "{pack_id}"\n'
        f"title = {toml_string(HOSTILE_TITLE)}\n"
        f"description = {toml_string('desc ' + MARKUP + CLEAR)}\n"
        f"tags = [{toml_string('tag' + CSI + '31m')}]\n"
        "[[questions]]\n"
        'id = "q1"\n'
        f"text = {toml_string(HOSTILE_QUESTION)}\n"
        'kind = "goals"\n'
        "answer_seconds = 60\n"
        "prep_seconds = 5\n"
        f"tips = [{toml_string('tip ' + MARKUP + ESC + '[31mred')}]\n"
        f"follow_ups = [{toml_string('follow ' + CLICK)}]\n"
        f"example = {toml_string('example ' + MARKUP + HYPERLINK)}\n",
        encoding="utf-8",
    )
    return path


def write_hostile_profile(folder: Path, name: str = "evilp") -> Path:
    """A profile whose company, role, mission, values and job description are hostile."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.toml"
    path.write_text(
        f"company = {toml_string('Acme ' + MARKUP + CLEAR)}\n"
        f"role = {toml_string('PM ' + RETITLE)}\n"
        f"mission = {toml_string('mission ' + CLICK)}\n"
        f"values = [{toml_string('[/]')}, {toml_string('care' + ESC + '[5m')}]\n"
        f"job_description = {toml_string('Own the roadmap ' + MARKUP + HYPERLINK)}\n",
        encoding="utf-8",
    )
    return path


SESSION_TEMPLATE = """[session]
version = 1
id = "{id}"
started = {started}
mode = "typed"
status = "completed"
packs = ["career-goals"]
profile = ""
plan = ["career-goals/five-years"]
answer_count = 1
score = 50
{extra_header}
[session.settings]
order = "pack"

[session.group_scores]
structure = 50

[session.question_scores]
"career-goals/five-years" = 50

[[answers]]
question_ref = "career-goals/five-years"
question_text = {question}
kind = "goals"
started = 2025-01-01T10:00:05+01:00
ended = 2025-01-01T10:01:05+01:00
answer_seconds = 120
source = "typed"
status = "answered"
text = {text}
reflection = {reflection}

[answers.feedback]
score = 50

[answers.feedback.groups]
structure = 50

[[answers.feedback.checks]]
id = "goals.current"
group = "structure"
label = {label}
status = "missing"
tip = "Start with your current role."
evidence = [{{start = 0, end = 2, text = "In"}}]
"""


def session_text(
    session_id: str,
    *,
    started: str = "2025-01-01T10:00:00+01:00",
    extra_header: str = "",
    question: str = "Where do you see yourself in five years?",
    text: str = "In five years I lead a team.",
    reflection: str = "Open with the number.",
    label: str = "Current role",
) -> str:
    """The TOML of a small completed session; ``extra_header`` adds or overrides ``[session]`` keys."""
    return SESSION_TEMPLATE.format(
        id=session_id,
        started=started,
        extra_header=extra_header,
        question=toml_string(question),
        text=toml_string(text),
        reflection=toml_string(reflection),
        label=toml_string(label),
    )


def write_session(folder: Path, session_id: str, **options: str) -> Path:
    """Write :func:`session_text` as ``folder/<session_id>.toml``."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{session_id}.toml"
    path.write_text(session_text(session_id, **options), encoding="utf-8")
    return path


def without_key(text: str, key: str) -> str:
    """``text`` with the first ``key = ...`` line of ``[session]`` removed (to override it)."""
    lines = text.splitlines(keepends=True)
    for number, line in enumerate(lines):
        if line.startswith(f"{key} = "):
            del lines[number]
            break
    return "".join(lines)


# The four session files of the issue that took listing, History and "weakest first" down.
BAD_SESSIONS = {
    "20250102-100001-bad1": {"extra_header": "score = inf"},
    "20250102-100002-bad2": {"extra_header": "answer_count = inf"},
    "20250102-100003-bad3": {"extra_header": 'group_scores = "oops"'},
}
NAIVE_SESSION = ("20250102-100000-bad0", {"started": "2025-01-02T10:00:00"})


def write_bad_sessions(folder: Path) -> list[Path]:
    """The issue's bad sessions: score = inf, answer_count = inf, group_scores = "oops"."""
    paths = []
    for session_id, options in BAD_SESSIONS.items():
        path = write_session(folder, session_id)
        text = path.read_text("utf-8")
        key = options["extra_header"].split(" = ")[0]
        text = without_key(text, key)
        if key == "group_scores":
            text = text.replace("[session.group_scores]\nstructure = 50\n", "")
        text = text.replace("[session.settings]", options["extra_header"] + "\n[session.settings]", 1)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
