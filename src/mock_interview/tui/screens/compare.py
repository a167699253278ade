"""Attempts at the same question side by side, with the checks that changed."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, Any

from rich.table import Table
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, Select, Static

from mock_interview.core.compare import (
    Attempt,
    Change,
    CheckChange,
    attempts_by_question,
    compare_checks,
    needs_checking,
)
from mock_interview.core.feedback.present import colour_of, mark_of
from mock_interview.core.safetext import visible
from mock_interview.tui.messages import AttemptsLoaded
from mock_interview.tui.usertext import user_text

if TYPE_CHECKING:
    from mock_interview.tui.app import MockInterviewApp

QUESTION_SHOWN = 60  # characters of a question in the list, cut at a word (one line of the list at 80 columns)
CHANGE_SHOWN = {
    Change.BETTER: ("▲ better", "green"),
    Change.WORSE: ("▼ worse", "red"),
    Change.NOW_CHECKED: ("new check", "grey50"),
    Change.NO_LONGER_CHECKED: ("not checked now", "grey50"),
}
PICK_BOTH = "Pick an attempt on both sides to compare them."
SAME_ATTEMPT = "Both sides show the same attempt: pick another one on one side to compare them."


def comparison_table(older: Attempt, newer: Attempt, rows: list[CheckChange]) -> Table:
    """Two attempts' checks side by side; changed rows marked."""
    table = Table(expand=True, show_lines=False)
    table.add_column("check")
    for attempt in (older, newer):
        retried = f" #{attempt.place.attempt}" if attempt.place is not None and attempt.place.attempts > 1 else ""
        table.add_column(f"{attempt.answer.started:%d %b %H:%M}{retried} · {attempt.answer.score}")
    table.add_column("")
    for row in rows:
        words, colour = CHANGE_SHOWN.get(row.change, ("", "white"))
        table.add_row(
            user_text(row.label),
            Text(mark_of(row.before), style=colour_of(row.before)),
            Text(mark_of(row.after), style=colour_of(row.after)),
            Text(words, style=colour),
        )
    return table


class CompareScreen(Screen[None]):
    """Pick a question answered more than once (a retry counts); see two attempts side by side.

    The last two attempts are compared at first; either side can be changed to any other attempt.
    """

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
            yield Label("Question (answered more than once, retries included)", classes="field-label")
            yield Select[str]([], id="compare-question", prompt="no question answered twice yet")
            with Horizontal(id="compare-sides"):
                with Vertical():
                    yield Label("Earlier", classes="field-label")
                    yield Select[int]([], id="compare-older", prompt="-", allow_blank=True)
                with Vertical():
                    yield Label("Later", classes="field-label")
                    yield Select[int]([], id="compare-newer", prompt="-", allow_blank=True)
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
        for items in attempts.values():
            if len(items) >= 2:
                for attempt in items:
                    if needs_checking(attempt):  # a draft set aside by a retry: check it as the round would have
                        attempt.answer.feedback = self.check(attempt)
        self.post_message(AttemptsLoaded(attempts, current))

    def check(self, attempt: Attempt) -> dict[str, Any]:
        """The checklist of an attempt that has none stored (runs in the worker)."""
        from mock_interview.core.rounds import check_saved_answer

        return check_saved_answer(self.app.context, attempt.session, attempt.answer).to_json()

    def on_attempts_loaded(self, message: AttemptsLoaded) -> None:
        self.attempts = message.attempts
        self.query_one("#compare-answers", Static).update("")
        repeated = {ref: items for ref, items in self.attempts.items() if len(items) >= 2}
        select = self.query_one("#compare-question", Select)
        select.set_options(
            [
                (user_text(textwrap.shorten(items[-1].answer.question_text, QUESTION_SHOWN, placeholder=" …")), ref)
                for ref, items in repeated.items()
            ]
        )
        preferred = next((a.question_ref for a in message.current.answers if a.question_ref in repeated), None)
        if preferred:
            select.value = preferred
        elif repeated:
            select.value = next(iter(repeated))
        else:
            self.query_one("#compare-answers", Static).update(
                "Answer a question twice (in two sessions, or again with f7 in a round) to compare your attempts."
            )
        select.focus()

    @on(Select.Changed, "#compare-question")
    def question_chosen(self, event: Select.Changed) -> None:
        if not isinstance(event.value, str):
            return
        items = self.attempts[event.value]
        options = [(user_text(attempt.title), index) for index, attempt in enumerate(items)]
        older, newer = self.query_one("#compare-older", Select), self.query_one("#compare-newer", Select)
        with older.prevent(Select.Changed), newer.prevent(Select.Changed):
            older.set_options(options)
            newer.set_options(options)
            older.value, newer.value = len(items) - 2, len(items) - 1
        self.show()

    @on(Select.Changed, "#compare-older")
    @on(Select.Changed, "#compare-newer")
    def side_chosen(self) -> None:
        self.show()

    def show(self) -> None:
        """The two attempts chosen, their answers and their checks side by side.

        With one side blank, or the same attempt on both, there is nothing to compare: the answer
        chosen is shown alone and the table says what to pick.
        """
        question = self.query_one("#compare-question", Select).value
        if not isinstance(question, str):
            return
        items = self.attempts[question]
        older, newer = (self.query_one(side, Select).value for side in ("#compare-older", "#compare-newer"))
        picked = sorted({index for index in (older, newer) if isinstance(index, int)})
        same = isinstance(older, int) and older == newer
        labels = (
            ("Earlier", "Later")
            if len(picked) == 2
            else ("Both sides",)
            if same
            else (("Earlier",) if isinstance(older, int) else ("Later",))
        )
        sides = [(label, items[index]) for label, index in zip(labels, picked, strict=False)]
        text = Text()
        for label, attempt in sides:
            text.append(f"{label} ({attempt.title}):\n", style="bold")
            text.append(visible(attempt.answer.text.strip()) + "\n\n")
        self.query_one("#compare-answers", Static).update(text)
        table = self.query_one("#compare-table", Static)
        if len(sides) < 2:
            self.rows = []
            table.update(SAME_ATTEMPT if same else PICK_BOTH)
            return
        (_, first), (_, second) = sides
        self.rows = compare_checks(first.answer.feedback, second.answer.feedback)
        table.update(comparison_table(first, second, self.rows))

    def action_back(self) -> None:
        self.app.pop_screen()
