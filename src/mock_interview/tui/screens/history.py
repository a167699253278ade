"""History: past sessions in a sortable, filterable table, progress over time, attempts compared."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Label, Sparkline, Static

from mock_interview.core.feedback import GROUPS
from mock_interview.core.session_view import status_shown
from mock_interview.tui.messages import SessionsListed
from mock_interview.tui.usertext import user_text
from mock_interview.tui.widgets.fields import TextField

if TYPE_CHECKING:
    from mock_interview.core.sessions import SessionSummary
    from mock_interview.tui.app import MockInterviewApp

SHORT = {
    "structure": "struct",
    "specificity": "specif",
    "alignment": "align",
    "pitfalls": "pitfall",
    "delivery": "deliv",
}
# (title, sort key); the packs come last: at 80 columns they are what runs off the edge, not the status
COLUMNS = (
    ("date", "started"),
    ("questions", "answers"),
    ("follow-ups", "follow_ups"),
    ("mode", "mode"),
    ("score", "score"),
    ("status", "status"),
    ("packs", "packs"),
)
SORT_KEYS: dict[str, Callable[[SessionSummary], Any]] = {
    "started": lambda s: s.started,
    "answers": lambda s: s.answers,
    "follow_ups": lambda s: s.follow_ups,
    "mode": lambda s: s.mode,
    "score": lambda s: -1 if s.score is None else s.score,
    "status": lambda s: status_shown(s.status, s.answers + s.follow_ups),
    "packs": lambda s: ", ".join(s.packs),
}
SORT_MARKS = {False: " ▲", True: " ▼"}  # ascending, descending: beside the title of the column sorted by


def session_cells(summary: SessionSummary) -> tuple[str, ...]:
    """One row of the table, in the order of :data:`COLUMNS`."""
    return (
        f"{summary.started:%Y-%m-%d %H:%M}",
        f"{summary.answers}/{summary.planned}",
        str(summary.follow_ups),
        summary.mode,
        "-" if summary.score is None else str(summary.score),
        status_shown(summary.status, summary.answers + summary.follow_ups),
        ", ".join(summary.packs),
    )


def fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters with an ellipsis (the packs column takes what the others leave)."""
    return text if len(text) <= width else text[: max(1, width - 1)] + "…"


class HistoryScreen(Screen[None]):
    """Every saved session; open one in Review, resume an unfinished one, compare attempts."""

    app: MockInterviewApp

    CSS_PATH = "history.tcss"

    BINDINGS = [
        Binding("escape", "back", "Back", id="back"),
        Binding("enter", "open", "Review", id="open", priority=True, tooltip="Open the session in Review"),
        Binding("ctrl+r", "resume", "Resume", id="resume", priority=True, tooltip="Resume an unfinished round"),
        Binding(
            "ctrl+o", "compare", "Compare", id="compare", priority=True, tooltip="Compare attempts at the same question"
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.summaries: list[SessionSummary] = []
        self._reported: list[str] = []  # the unreadable files already told about
        self.sort_key = "started"
        self.sort_reverse = True

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="history-view"):
            yield TextField(placeholder="filter: pack, mode, status or date", id="history-filter")
            yield DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
            yield Static("Reading your sessions…", id="history-empty")
            yield Label("Progress over time (oldest → newest)", classes="section-title")
            with Horizontal(id="progress-charts"):
                for group in GROUPS:
                    with Vertical(classes="chart"):
                        yield Label(group, id=f"chart-label-{group}")
                        yield Sparkline([], id=f"chart-{group}")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.fill()  # the columns, before the sessions arrive
        self.query_one(DataTable).focus()

    def on_screen_resume(self) -> None:
        self.reload()  # on first showing too, and after Review or a resumed round changed a session

    @work(thread=True, exclusive=True, group="history", exit_on_error=False, description="listing sessions")
    def reload(self) -> None:
        """List the sessions off the UI thread (a thousand take about 0.1 s)."""
        summaries, problems = self.app.context.sessions.list()
        self.post_message(SessionsListed(summaries, problems))

    def on_sessions_listed(self, message: SessionsListed) -> None:
        self.summaries = message.summaries
        names = [p.path.name for p in message.problems]
        if names and names != self._reported:  # one notice for all of them, once; every readable session is listed
            self._reported = names
            more = f" and {len(names) - 3} more" if len(names) > 3 else ""
            files = "file" if len(names) == 1 else "files"
            self.notify(
                f"{len(names)} session {files} could not be read: {', '.join(names[:3])}{more}. "
                "'mock-interview sessions list' says why.",
                title="Sessions skipped",
                severity="warning",
                timeout=15,
            )
        self.fill(self.query_one("#history-filter", Input).value)
        self.draw_charts()

    def fill(self, needle: str = "") -> None:
        table = self.query_one(DataTable)
        selected = self.selected_id()
        table.clear(columns=True)  # and built again: a column's title carries the sort mark
        for title, key in COLUMNS:
            table.add_column(self.column_title(title, key), key=key)
        needle = needle.strip().lower()
        rows = [(s, session_cells(s)) for s in self.summaries]
        rows = [(s, cells) for s, cells in rows if not needle or needle in " ".join(cells).lower()]
        rows.sort(key=lambda row: SORT_KEYS[self.sort_key](row[0]), reverse=self.sort_reverse)
        packs_width = self.packs_width([cells for _, cells in rows])
        for summary, cells in rows:
            table.add_row(*cells[:-1], user_text(fit(cells[-1], packs_width)), key=summary.id)  # packs come from files
        if selected is not None and any(s.id == selected for s, _ in rows):
            table.move_cursor(row=table.get_row_index(selected))
        empty = self.query_one("#history-empty", Static)
        empty.display = not rows
        empty.update(
            "No session matches the filter." if self.summaries else "No sessions yet: start a round from Home."
        )

    def column_title(self, title: str, key: str) -> str:
        """A column's header: its title, with ▲ (ascending) or ▼ (descending) if the table is sorted by it."""
        return title + (SORT_MARKS[self.sort_reverse] if key == self.sort_key else "")

    def packs_width(self, rows: list[tuple[str, ...]]) -> int:
        """What is left for the packs once the other columns have their width (they are never cut).

        At least a few characters, so a cut list of packs still shows its "…".
        """
        table = self.query_one(DataTable)
        others = sum(
            max([len(self.column_title(title, key))] + [len(cells[i]) for cells in rows]) + 2
            for i, (title, key) in enumerate(COLUMNS[:-1])
        )
        scrollbar = table.styles.scrollbar_size_vertical if len(rows) > table.size.height - 1 else 0
        return max(4, table.size.width - scrollbar - others - 2)  # the packs column's own cell padding

    def on_resize(self) -> None:
        self.fill(self.query_one("#history-filter", Input).value)

    def draw_charts(self) -> None:
        ordered = sorted(self.summaries, key=lambda s: s.started)
        for group in GROUPS:
            values = [float(s.group_scores[group]) for s in ordered if group in s.group_scores]
            self.query_one(f"#chart-{group}", Sparkline).data = values
            latest = f" {values[-1]:.0f}" if values else " -"
            trend = ""
            if len(values) >= 2:
                change = values[-1] - values[0]
                trend = f" {'+' if change >= 0 else ''}{change:.0f}"
            self.query_one(f"#chart-label-{group}", Label).update(f"{SHORT[group]}{latest}{trend}")

    @on(Input.Changed, "#history-filter")
    def filter_changed(self, event: Input.Changed) -> None:
        self.fill(event.value)

    @on(Input.Submitted, "#history-filter")
    def filter_done(self) -> None:
        self.query_one(DataTable).focus()

    def on_key(self, event: events.Key) -> None:
        """Typing while the table has focus filters it (as the README says: type to filter)."""
        table = self.query_one(DataTable)
        if self.focused is table and event.is_printable and event.character:
            field = self.query_one("#history-filter", Input)
            field.focus()
            field.insert_text_at_cursor(event.character)
            event.stop()

    @on(DataTable.HeaderSelected)
    def sort_by(self, event: DataTable.HeaderSelected) -> None:
        key = str(event.column_key.value)
        self.sort_reverse = not self.sort_reverse if key == self.sort_key else key in ("started", "score")
        self.sort_key = key
        self.fill(self.query_one("#history-filter", Input).value)

    def selected_id(self) -> str | None:
        table = self.query_one(DataTable)
        if table.row_count == 0:
            return None
        row_key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return str(row_key.value)

    @on(DataTable.RowSelected)  # a click on a row
    def action_open(self) -> None:
        session_id = self.selected_id()
        if session_id:
            from mock_interview.tui.screens.review import ReviewScreen

            self.app.push_screen(ReviewScreen(session_id))

    def action_resume(self) -> None:
        session_id = self.selected_id()
        if session_id:
            self.app.resume_round(session_id)

    def action_compare(self) -> None:
        session_id = self.selected_id()
        if not session_id:
            return
        from mock_interview.tui.screens.compare import CompareScreen

        self.app.push_screen(CompareScreen(session_id))

    def action_back(self) -> None:
        self.app.pop_screen()
