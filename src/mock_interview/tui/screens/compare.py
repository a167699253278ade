"""Attempts at the same question side by side, with the checks that changed."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Label, Select, Static
from textual.worker import get_current_worker

from mock_interview.core.choices import AnswerMode
from mock_interview.core.compare import (
    Attempt,
    Change,
    CheckChange,
    attempts_by_question,
    compare_checks,
    needs_checking,
)
from mock_interview.core.feedback.present import mark_of
from mock_interview.core.safetext import visible
from mock_interview.tui.messages import AttemptsLoaded
from mock_interview.tui.styles import status_style
from mock_interview.tui.usertext import user_text
from mock_interview.tui.widgets.keys_footer import KeysFooter

if TYPE_CHECKING:
    from mock_interview.core.sessions import Session
    from mock_interview.tui.services import AppServices

QUESTION_SHOWN = 60  # characters of a question in the list, cut at a word (one line of the list at 80 columns)
CHANGE_SHOWN = {
    Change.BETTER: ("▲ better", "green"),
    Change.WORSE: ("▼ worse", "red"),
    Change.NOW_CHECKED: ("new check", "grey50"),
    Change.NO_LONGER_CHECKED: ("not checked now", "grey50"),
}
PICK_BOTH = "Pick an attempt on both sides to compare them."
READ_BATCH = 100  # sessions read between two updates of the screen (5,000 take about two minutes)
READING = "reading your sessions…"
NONE_REPEATED = "no question answered twice yet"
SAME_ATTEMPT = "Both sides show the same attempt: pick another one on one side to compare them."


def comparison_table(older: Attempt, newer: Attempt, rows: list[CheckChange]) -> Table:
    """Two attempts' checks side by side; changed rows marked."""
    table = Table(expand=True, show_lines=False)
    table.add_column("check")
    for attempt in (older, newer):
        retried = f" #{attempt.place.attempt}" if attempt.place is not None and attempt.place.attempts > 1 else ""
        table.add_column(f"{attempt.answer.started:%d %b %H:%M}{retried} · {attempt.answer.question_score}")
    table.add_column("")
    for row in rows:
        words, colour = CHANGE_SHOWN.get(row.change, ("", "white"))
        table.add_row(
            user_text(row.label),
            Text(mark_of(row.before), style=status_style(row.before)),
            Text(mark_of(row.after), style=status_style(row.after)),
            Text(words, style=colour),
        )
    return table


class CompareScreen(Screen[None]):
    """Pick a question answered more than once (a retry counts); see two attempts side by side.

    The last two attempts are compared at first; either side can be changed to any other attempt.
    """

    CSS_PATH = "history.tcss"

    BINDINGS = [
        Binding("escape", "back", "Back", id="back"),
        Binding("f7", "again", "Again", id="practise-again", priority=True, tooltip="Practise this question again"),
    ]

    def __init__(self, services: AppServices, session_id: str) -> None:
        super().__init__()
        self.services = services
        self.session_id = session_id
        self.attempts: dict[str, list[Attempt]] = {}
        self.rows: list[CheckChange] = []
        self._repeated_shown: list[str] = []  # the questions the list offers now

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="compare-view"):
            yield Label("Question (answered more than once, retries included)", classes="field-label")
            yield Select[str]([], id="compare-question", prompt=READING)
            yield Static("Reading your sessions…", id="compare-progress")
            with Horizontal(id="compare-sides"):
                with Vertical():
                    yield Label("Earlier", classes="field-label")
                    yield Select[int]([], id="compare-older", prompt="-", allow_blank=True)
                with Vertical():
                    yield Label("Later", classes="field-label")
                    yield Select[int]([], id="compare-newer", prompt="-", allow_blank=True)
            yield Static("", id="compare-answers")
            yield Static("", id="compare-table")
        yield KeysFooter(show_command_palette=False)

    def on_mount(self) -> None:
        self.load_attempts()

    @work(thread=True, exclusive=True, group="compare", exit_on_error=False, description="reading sessions")
    def load_attempts(self) -> None:
        """Read the session Compare opened on, then the others newest first, posting what is found after each batch."""
        store = self.services.context.sessions
        try:
            current = store.load(self.session_id)
        except LookupError as exc:  # unreadable or gone since History listed it
            self.app.call_from_thread(self.notify, str(exc), severity="error", timeout=10)
            return
        summaries, _ = store.list()
        others = [summary for summary in summaries if summary.id != current.id]
        sessions = [current]
        total = len(others) + 1
        worker = get_current_worker()
        self.post_message(AttemptsLoaded(self.found(sessions), current, 1, total))
        for start in range(0, len(others), READ_BATCH):
            if worker.is_cancelled:  # Compare was left
                return
            for summary in others[start : start + READ_BATCH]:
                try:
                    sessions.append(store.load_file(summary.path))
                except LookupError:  # unreadable: History says which
                    continue
            self.post_message(AttemptsLoaded(self.found(sessions), current, min(total, start + READ_BATCH + 1), total))

    def found(self, sessions: list[Session]) -> dict[str, list[Attempt]]:
        """The attempts in ``sessions``; those repeated and without a checklist are checked (runs in the worker)."""
        attempts = attempts_by_question(sessions)
        for items in attempts.values():
            if len(items) >= 2:
                for attempt in items:
                    if needs_checking(attempt):  # a draft set aside by a retry: check it as the round would have
                        attempt.answer.feedback = self.check(attempt)
        return attempts

    def check(self, attempt: Attempt) -> dict[str, object]:
        """The checklist of an attempt that has none stored (runs in the worker)."""
        from mock_interview.core.rechecks import check_saved_answer

        return check_saved_answer(self.services.context, attempt.session, attempt.answer).to_json()

    def on_attempts_loaded(self, message: AttemptsLoaded) -> None:
        """More sessions read: new questions join the list (the one being compared stays), the progress line moves."""
        progress = self.query_one("#compare-progress", Static)
        progress.update(
            f"Reading your sessions… {message.read:,} of {message.total:,}; questions appear as they are found"
        )
        progress.display = not message.finished
        repeated = {ref: items for ref, items in message.attempts.items() if len(items) >= 2}
        select = self.query_one("#compare-question", Select)
        chosen = select.value if isinstance(select.value, str) else None
        changed = chosen is not None and len(repeated.get(chosen, ())) != len(self.attempts.get(chosen, ()))
        self.attempts = message.attempts
        prompt = NONE_REPEATED if message.finished else READING
        if list(repeated) == self._repeated_shown and select.prompt == prompt and not changed:
            return
        select.prompt = prompt
        with select.prevent(Select.Changed):
            select.set_options(
                [
                    (user_text(textwrap.shorten(items[-1].answer.question_text, QUESTION_SHOWN, placeholder=" …")), ref)
                    for ref, items in repeated.items()
                ]
            )
            if chosen in repeated and not changed:
                select.value = chosen  # the comparison on screen stays as the user set it
        self._repeated_shown = list(repeated)
        if chosen in repeated and not changed:
            return
        preferred = next((a.question_ref for a in message.current.answers if a.question_ref in repeated), None)
        if chosen in repeated:
            select.value = chosen  # more attempts at it arrived: its sides start again from the last two
        elif preferred:
            select.value = preferred
        elif repeated:
            select.value = next(iter(repeated))
        elif message.finished:
            self.query_one("#compare-answers", Static).update(
                "Answer a question twice (in two sessions, or again with f7 in a round) to compare your attempts."
            )
        if not isinstance(select.value, str) or chosen is None:
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
            if attempt.answer.mentor_notes:  # a mentor's read of this attempt (their words: data, never markup)
                text.append("Your mentor's notes: ", style="bold")
                text.append(visible(attempt.answer.mentor_notes.strip()) + "\n\n")
        self.query_one("#compare-answers", Static).update(text)
        table = self.query_one("#compare-table", Static)
        if len(sides) < 2:
            self.rows = []
            table.update(SAME_ATTEMPT if same else PICK_BOTH)
            return
        (_, first), (_, second) = sides
        self.rows = compare_checks(first.answer.feedback, second.answer.feedback)
        table.update(comparison_table(first, second, self.rows))

    def action_again(self) -> None:
        """f7: a round of the question compared (the new attempt joins this list)."""
        from mock_interview.tui.practice import practise_again

        question = self.query_one("#compare-question", Select).value
        if not isinstance(question, str) or not self.attempts.get(question):
            self.notify("Pick a question first.", severity="warning")
            return
        latest = self.attempts[question][-1]
        practise_again(
            self.services, question, spoken=latest.answer.source == AnswerMode.SPOKEN, profile=latest.session.profile
        )

    def action_back(self) -> None:
        self.app.pop_screen()
