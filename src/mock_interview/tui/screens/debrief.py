"""Debrief a real interview: who, when, the questions asked, how each went, what to say next time.

Saving writes the debrief (:class:`~mock_interview.core.debrief.DebriefStore`), its questions join
the pack *My interviews* and the drill. Every field is the user's own text: shown literally (never
markup), and checked before anything is written, with a message that names the field.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Header, Label, Select, Static

from mock_interview.core.debrief import WENT, Debrief, DebriefQuestion, debrief_to_text, new_debrief
from mock_interview.tui.usertext import user_text
from mock_interview.tui.widgets.fields import TextField
from mock_interview.tui.widgets.keys_footer import KeysFooter

if TYPE_CHECKING:
    from mock_interview.tui.services import AppServices

MAX_FIELD_CHARS = 2000  # a question or a note; the whole file is limited again when it is read back
WENT_OPTIONS = [("Went well", "well"), ("Went okay", "okay"), ("Went badly", "badly")]
# the keys new_debrief's checks name, as the form's labels say them
FIELD_NAMES = {
    "company": "Company",
    "date": "Date",
    "role": "Role",
    "notes": "Notes",
    "text": "the question",
    "went": "how it went",
    "how": "how it went, in your words",
    "next_time": "what you would say next time",
}
assert set(WENT) == {value for _, value in WENT_OPTIONS}


class DebriefFormError(ValueError):
    """What is wrong in the form, naming the field; ``field_id`` is the widget to focus."""

    def __init__(self, message: str, field_id: str) -> None:
        super().__init__(message)
        self.field_id = field_id


@dataclass(frozen=True)
class DebriefForm:
    """What the form holds, as typed."""

    profile: str
    company: str
    when: str
    role: str
    questions: list[tuple[str, str, str, str]]  # text, went, how, next time
    notes: str


def field_name(key: str) -> str:
    """A checked key (``debrief.company``, ``questions[2].text``) in the form's words."""
    head, _, last = key.rpartition(".")
    name = FIELD_NAMES.get(last or key, last or key)
    if head.startswith("questions["):
        return f"Question {head[len('questions[') : -1]}: {name}"
    return name[:1].upper() + name[1:]


def debrief_from_form(form: DebriefForm, profile_company: str, today: date) -> Debrief:
    """The debrief the form describes, checked as a saved one would be.

    Raises:
        DebriefFormError: A field is empty, too long or wrong; the message names it and says what to do.
    """
    from mock_interview.core.tomlschema import InvalidFileError

    company = form.company.strip() or profile_company
    if not company:
        raise DebriefFormError("Company is empty: pick a profile or type the company's name.", "debrief-company")
    from mock_interview.core.debrief import interview_date

    try:
        when = interview_date(form.when, today)  # the CLI's --date reads it by the same rule
    except ValueError as exc:
        raise DebriefFormError(f"Date: {exc}.", "debrief-date") from None
    fields = [("Company", company, "debrief-company"), ("Role", form.role, "debrief-role")]
    fields.append(("Notes", form.notes, "debrief-notes"))
    questions = []
    for number, (text, went, how, next_time) in enumerate(form.questions, 1):
        if not text.strip():
            if how.strip() or next_time.strip():
                raise DebriefFormError(
                    f"Question {number}: write the question you were asked (or clear its other fields).",
                    f"question-{number}-text",
                )
            continue
        for key, value in (("text", text), ("how", how), ("next_time", next_time)):
            fields.append((f"Question {number}: {FIELD_NAMES[key]}", value, f"question-{number}-{key}"))
        questions.append(DebriefQuestion(text, went if went in WENT else "okay", how, next_time))
    for label, value, field_id in fields:
        if len(value) > MAX_FIELD_CHARS:
            raise DebriefFormError(f"{label}: {len(value):,} characters; keep it under {MAX_FIELD_CHARS:,}.", field_id)
    if not questions:
        raise DebriefFormError("Questions: write at least one question you were asked.", "question-1-text")
    try:
        return new_debrief(company, when, questions, profile=form.profile, role=form.role, notes=form.notes)
    except InvalidFileError as exc:
        problem = exc.problems[0]
        raise DebriefFormError(f"{field_name(problem.key)}: {problem.message}", "debrief-company") from None


class DebriefSaved(Message):
    """A debrief was saved; ``problems`` are what the drill met recording it."""

    def __init__(self, debrief: Debrief, problems: list[str]) -> None:
        super().__init__()
        self.debrief = debrief
        self.problems = problems


class DebriefNotSaved(Message):
    """A debrief could not be written; the form keeps it."""

    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason


class QuestionFields(Vertical):
    """One question of the interview: what was asked, how it went, what to say next time."""

    def __init__(self, number: int) -> None:
        super().__init__(classes="debrief-question", id=f"question-{number}")
        self.number = number

    def compose(self) -> ComposeResult:
        number = self.number
        yield Label(f"Question {number} you were asked", classes="field-label")
        yield TextField(id=f"question-{number}-text", max_length=MAX_FIELD_CHARS + 1)
        with Horizontal(classes="debrief-went-row"):
            yield Select(WENT_OPTIONS, value="okay", allow_blank=False, id=f"question-{number}-went", compact=True)
        yield TextField(
            placeholder="how it went, in your words", id=f"question-{number}-how", max_length=MAX_FIELD_CHARS + 1
        )
        yield TextField(
            placeholder="what you would say next time",
            id=f"question-{number}-next_time",
            max_length=MAX_FIELD_CHARS + 1,
        )

    def values(self) -> tuple[str, str, str, str]:
        """The question, how it went (a word), in the user's words, and next time."""
        number = self.number
        went = self.query_one(f"#question-{number}-went", Select).value
        return (
            self.query_one(f"#question-{number}-text", TextField).value,
            went if isinstance(went, str) else "okay",
            self.query_one(f"#question-{number}-how", TextField).value,
            self.query_one(f"#question-{number}-next_time", TextField).value,
        )


class DebriefScreen(Screen[None]):
    """The debrief form; ``ctrl+s`` saves it, ``ctrl+n`` adds a question."""

    CSS_PATH = "debrief.tcss"

    BINDINGS = [
        Binding("escape", "back", "Back", id="back"),
        Binding("ctrl+s", "save", "Save", id="save-debrief", priority=True, tooltip="Save the debrief"),
        Binding("ctrl+n", "add_question", "Add question", id="add-question", priority=True),
    ]

    def __init__(self, services: AppServices) -> None:
        super().__init__()
        self.services = services
        self.questions = 1
        self.saving = False

    def compose(self) -> ComposeResult:
        profiles, _ = self.services.context.profiles.load_all()
        options = [(user_text(f"{p.name}: {p.company}"), p.name) for p in profiles]
        yield Header()
        with VerticalScroll(id="debrief-form", can_focus=False):
            yield Static("Debrief a real interview: its questions join the pack My interviews and the drill.")
            yield Label("Company: pick a profile, or type the name", classes="field-label")
            with Horizontal(classes="debrief-company-row"):
                yield Select(options, id="debrief-profile", prompt="no profile", compact=True)
                yield TextField(placeholder="company", id="debrief-company", max_length=MAX_FIELD_CHARS + 1)
            yield Label("Date of the interview (YYYY-MM-DD)", classes="field-label")
            yield TextField(f"{date.today():%Y-%m-%d}", id="debrief-date", max_length=20)
            yield Label("Role (optional)", classes="field-label")
            yield TextField(id="debrief-role", max_length=MAX_FIELD_CHARS + 1)
            yield QuestionFields(1)
            yield Button("Add a question (ctrl+n)", id="debrief-add", compact=True)
            yield Label("Notes (optional)", classes="field-label")
            yield TextField(id="debrief-notes", max_length=MAX_FIELD_CHARS + 1)
            yield Button("Save (ctrl+s)", id="debrief-save", variant="primary")
        yield KeysFooter(show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#debrief-company", TextField).focus()

    @on(Select.Changed, "#debrief-profile")
    def profile_chosen(self, event: Select.Changed) -> None:
        """A profile fills the company field (still editable)."""
        if not isinstance(event.value, str):
            return
        company = self.profile_company(event.value)
        if company:
            self.query_one("#debrief-company", TextField).value = company

    def profile_company(self, name: str) -> str:
        """The company of a profile ('' when it cannot be read)."""
        from mock_interview.core.tomlschema import InvalidFileError

        try:
            return self.services.context.profiles.load(name).company
        except (InvalidFileError, LookupError, OSError):
            return ""

    @on(Button.Pressed, "#debrief-add")
    async def action_add_question(self) -> None:
        self.questions += 1
        fields = QuestionFields(self.questions)
        await self.query_one("#debrief-form", VerticalScroll).mount(fields, before="#debrief-add")
        self.query_one(f"#question-{fields.number}-text", TextField).focus()

    def form(self) -> DebriefForm:
        """What the form holds now."""
        profile = self.query_one("#debrief-profile", Select).value
        return DebriefForm(
            profile=profile if isinstance(profile, str) else "",
            company=self.query_one("#debrief-company", TextField).value,
            when=self.query_one("#debrief-date", TextField).value,
            role=self.query_one("#debrief-role", TextField).value,
            questions=[q.values() for q in self.query(QuestionFields)],
            notes=self.query_one("#debrief-notes", TextField).value,
        )

    @on(Button.Pressed, "#debrief-save")
    def action_save(self) -> None:
        if self.saving:
            return
        form = self.form()
        try:
            debrief = debrief_from_form(form, self.profile_company(form.profile) if form.profile else "", date.today())
        except DebriefFormError as exc:
            self.notify(str(exc), title="Not saved", severity="error", timeout=10)
            focus = self.query(f"#{exc.field_id}")
            if focus:
                focus.first().focus()
            return
        self.saving = True
        self.save(debrief)

    @work(thread=True, exclusive=True, group="debrief", exit_on_error=False, description="saving the debrief")
    def save(self, debrief: Debrief) -> None:
        """Write the debrief and add its questions to the drill (the drill file can be large)."""
        from mock_interview.core.drill import record_debrief

        try:
            saved = self.services.context.debriefs.save(debrief)
        except OSError as exc:
            self.post_message(DebriefNotSaved(str(exc)))
            return
        self.post_message(DebriefSaved(saved, record_debrief(self.services.context, saved)))

    def on_debrief_not_saved(self, message: DebriefNotSaved) -> None:
        self.saving = False
        self.notify(
            f"{message.reason}. The form keeps what you wrote; ctrl+s tries again.",
            title="Debrief not saved",
            severity="error",
            timeout=12,
        )

    def on_debrief_saved(self, message: DebriefSaved) -> None:
        self.services.context.reload_packs()  # My interviews now holds its questions
        for problem in message.problems:
            self.notify(problem, title="Drill schedule", severity="warning", timeout=10)
        count = len(message.debrief.questions)
        questions = "Its question is" if count == 1 else f"Its {count} questions are"
        self.notify(f"{questions} in the pack My interviews and in the drill.", title="Debrief saved")
        self.app.pop_screen()

    def action_back(self) -> None:
        form = self.form()
        if self.saving or not any(text.strip() or how.strip() or n.strip() for text, _, how, n in form.questions):
            self.app.pop_screen()
            return
        from mock_interview.tui.screens.confirm import SaveChangesScreen, SaveChoice

        def decided(choice: SaveChoice | None) -> None:
            if choice is SaveChoice.SAVE:
                self.action_save()
            elif choice is SaveChoice.DISCARD:
                self.app.pop_screen()

        self.app.push_screen(SaveChangesScreen("This debrief"), decided)


class DebriefViewScreen(Screen[None]):
    """A saved debrief, read-only (from History)."""

    CSS_PATH = "debrief.tcss"

    BINDINGS = [Binding("escape", "back", "Back", id="back")]

    def __init__(self, debrief: Debrief) -> None:
        super().__init__()
        self.debrief = debrief

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="debrief-view"):
            yield Static(user_text(debrief_to_text(self.debrief)), id="debrief-text")
        yield KeysFooter(show_command_palette=False)

    def action_back(self) -> None:
        self.app.pop_screen()
