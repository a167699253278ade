"""Attempts at the same question side by side, with the checks that changed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, Select, Static

from mock_interview.core.compare import Attempt, Change, CheckChange, attempts_by_question, compare_checks
from mock_interview.core.feedback.present import colour_of, mark_of
from mock_interview.core.safetext import visible
from mock_interview.tui.messages import AttemptsLoaded
from mock_interview.tui.usertext import user_text

if TYPE_CHECKING:
    from mock_interview.tui.app import MockInterviewApp

CHANGE_SHOWN = {Change.BETTER: ("▲ better", "green"), Change.WORSE: ("▼ worse", "red"),
                Change.NOW_CHECKED: ("new check", "grey50"), Change.NO_LONGER_CHECKED: ("not checked now", "grey50")}


def comparison_table(older: Attempt, newer: Attempt, rows: list[CheckChange]) -> Table:
    """Two attempts' checks side by side; changed rows marked."""
    table = Table(expand=True, show_lines=False)
    table.add_column("check")
    table.add_column(f"{older.session.started:%d %b %H:%M} · {older.answer.score}")
    table.add_column(f"{newer.session.started:%d %b %H:%M} · {newer.answer.score}")
    table.add_column("")
    for row in rows:
        words, colour = CHANGE_SHOWN.get(row.change, ("", "white"))
        table.add_row(user_text(row.label), Text(mark_of(row.before), style=colour_of(row.before)),
                      Text(mark_of(row.after), style=colour_of(row.after)), Text(words, style=colour))
    return table


class CompareScreen(Screen[None]):
    """Pick a question answered more than once; see the last two attempts side by side."""

    app: MockInterviewApp

    CSS_PATH = "history.tcss"

    BINDINGS = [Binding("escape", "back", "Back", id="back")]

    def __init__(self, session_id: str) -> None:
        super().__init__()
        self.session_id = session_id
        self.attempts: dict[str, list[Attempt]] = {}
        self.rows: list[CheckChange] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="compare-view"):
            yield Label("Question (answered more than once)", classes="field-label")
            yield Select[str]([], id="compare-question", prompt="no question answered twice yet")
            yield Static("", id="compare-answers")
            yield Static("", id="compare-table")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#compare-answers", Static).update("Reading your sessions…")
        self.load_attempts()

    @work(thread=True, exclusive=True, group="compare", exit_on_error=False, description="reading sessions")
    def load_attempts(self) -> None:
        attempts = attempts_by_question(self.app.context.sessions.load_all())
        try:
            current = self.app.context.sessions.load(self.session_id)
        except LookupError as exc:  # unreadable or gone since History listed it
            self.app.call_from_thread(self.notify, str(exc), severity="error", timeout=10)
            return
        self.post_message(AttemptsLoaded(attempts, current))

    def on_attempts_loaded(self, message: AttemptsLoaded) -> None:
        self.attempts = message.attempts
        self.query_one("#compare-answers", Static).update("")
        repeated = {ref: items for ref, items in self.attempts.items() if len(items) >= 2}
        select = self.query_one("#compare-question", Select)
        select.set_options([(user_text(items[-1].answer.question_text[:70]), ref) for ref, items in repeated.items()])
        preferred = next((a.question_ref for a in message.current.answers if a.question_ref in repeated), None)
        if preferred:
            select.value = preferred
        elif repeated:
            select.value = next(iter(repeated))
        else:
            self.query_one("#compare-answers", Static).update(
                "Answer a question in two sessions to compare your attempts.")
        select.focus()

    @on(Select.Changed, "#compare-question")
    def show(self, event: Select.Changed) -> None:
        if not isinstance(event.value, str):
            return
        items = self.attempts[event.value]
        older, newer = items[-2], items[-1]
        text = Text()
        for label, attempt in (("Earlier", older), ("Latest", newer)):
            text.append(f"{label} ({attempt.session.started:%d %b %Y}, score {attempt.answer.score}):\n", style="bold")
            text.append(visible(attempt.answer.text.strip()) + "\n\n")
        self.query_one("#compare-answers", Static).update(text)
        self.rows = compare_checks(older.answer.feedback, newer.answer.feedback)
        self.query_one("#compare-table", Static).update(comparison_table(older, newer, self.rows))

    def action_back(self) -> None:
        self.app.pop_screen()
