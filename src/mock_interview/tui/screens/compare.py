"""Attempts at the same question side by side, with the checks that changed."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, Select, Static

from mock_interview.tui.widgets.feedback_panel import MARKS


def attempts_by_question(sessions) -> dict[str, list[tuple]]:
    """``question_ref`` → [(session, answer), ...] oldest first, for answered, scored attempts."""
    found: dict[str, list[tuple]] = {}
    for session in sorted(sessions, key=lambda s: s.started):
        for answer in session.answers:
            if not answer.is_follow_up and answer.feedback and answer.status != "skipped":
                found.setdefault(answer.question_ref, []).append((session, answer))
    return found


def compare_checks(older_feedback: dict, newer_feedback: dict) -> list[tuple[str, str, str, str]]:
    """(label, earlier status, latest status, change) per check; change is "better", "worse" or ""."""
    order = {"missing": 0, "partial": 1, "pass": 2}
    before = {c["id"]: c for c in older_feedback.get("checks", [])}
    rows = []
    for check in newer_feedback.get("checks", []):
        previous = before.get(check["id"])
        if check["status"] == "na" and (previous is None or previous["status"] == "na"):
            continue
        old_status = previous["status"] if previous else "na"
        change = ""
        if old_status != check["status"]:
            change = "better" if order.get(check["status"], -1) > order.get(old_status, -1) else "worse"
        rows.append((check["label"], old_status, check["status"], change))
    return rows


def comparison_table(older, newer, rows) -> Table:
    """Two attempts' checks side by side; changed rows marked."""
    table = Table(expand=True, show_lines=False)
    table.add_column("check")
    table.add_column(f"{older[0].started:%d %b %H:%M} · {older[1].score}")
    table.add_column(f"{newer[0].started:%d %b %H:%M} · {newer[1].score}")
    table.add_column("")
    for label, old_status, new_status, change in rows:
        old_mark, old_colour = MARKS.get(old_status, ("?", "white"))
        new_mark, new_colour = MARKS.get(new_status, ("?", "white"))
        arrow = {"better": "▲ better", "worse": "▼ worse"}.get(change, "")
        table.add_row(label, Text(old_mark, style=old_colour), Text(new_mark, style=new_colour),
                      Text(arrow, style="green" if change == "better" else "red"))
    return table


class CompareScreen(Screen[None]):
    """Pick a question answered more than once; see the last two attempts side by side."""

    CSS_PATH = "history.tcss"

    BINDINGS = [Binding("escape", "back", "Back", id="back")]

    def __init__(self, session_id: str) -> None:
        super().__init__()
        self.session_id = session_id
        self.attempts: dict[str, list[tuple]] = {}
        self.rows: list[tuple[str, str, str, str]] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("Question (answered more than once)", classes="field-label")
        yield Select([], id="compare-question", prompt="no question answered twice yet")
        with VerticalScroll():
            yield Static("", id="compare-answers")
            yield Static("", id="compare-table")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#compare-answers", Static).update("Reading your sessions…")
        self.load_attempts()

    @work(thread=True, exclusive=True, group="compare", exit_on_error=False, description="reading sessions")
    def load_attempts(self) -> None:
        attempts = attempts_by_question(self.app.context.sessions.load_all())
        current = self.app.context.sessions.load(self.session_id)
        self.app.call_from_thread(self.show_choices, attempts, current)

    def show_choices(self, attempts, current) -> None:
        self.attempts = attempts
        self.query_one("#compare-answers", Static).update("")
        repeated = {ref: items for ref, items in self.attempts.items() if len(items) >= 2}
        select = self.query_one(Select)
        select.set_options([(items[-1][1].question_text[:70], ref) for ref, items in repeated.items()])
        preferred = next((a.question_ref for a in current.answers if a.question_ref in repeated), None)
        if preferred:
            select.value = preferred
        elif repeated:
            select.value = next(iter(repeated))
        else:
            self.query_one("#compare-answers", Static).update("Answer a question in two sessions to compare your attempts.")

    @on(Select.Changed, "#compare-question")
    def show(self, event: Select.Changed) -> None:
        if not isinstance(event.value, str):
            return
        items = self.attempts[event.value]
        older, newer = items[-2], items[-1]
        text = Text()
        for label, (session, answer) in (("Earlier", older), ("Latest", newer)):
            text.append(f"{label} ({session.started:%d %b %Y}, score {answer.score}):\n", style="bold")
            text.append(answer.text.strip() + "\n\n")
        self.query_one("#compare-answers", Static).update(text)
        self.rows = compare_checks(older[1].feedback, newer[1].feedback)
        self.query_one("#compare-table", Static).update(comparison_table(older, newer, self.rows))

    def action_back(self) -> None:
        self.app.pop_screen()
