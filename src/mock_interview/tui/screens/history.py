"""History: past sessions in a sortable, filterable table, progress over time, attempts compared."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Label, Sparkline

from mock_interview.core.feedback import GROUPS

SHORT = {"structure": "struct", "specificity": "specif", "alignment": "align", "pitfalls": "pitfall", "delivery": "deliv"}
COLUMNS = (("date", "started"), ("packs", "packs"), ("questions", "answers"), ("mode", "mode"), ("score", "score"), ("status", "status"))


class HistoryScreen(Screen[None]):
    """Every saved session; open one in Review, resume an unfinished one, compare attempts."""

    CSS_PATH = "history.tcss"

    BINDINGS = [
        Binding("escape", "back", "Back", id="back"),
        Binding("enter", "open", "Review", id="open", show=True),
        Binding("ctrl+r", "resume", "Resume", id="resume"),
        Binding("ctrl+o", "compare", "Compare attempts", id="compare"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.summaries = []
        self.sort_key = "started"
        self.sort_reverse = True

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="history"):
            yield Input(placeholder="filter: pack, mode, status or date", id="history-filter")
            yield DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
            yield Label("Progress over time (oldest → newest)", classes="section-title")
            with Horizontal(id="progress-charts"):
                for group in GROUPS:
                    with Vertical(classes="chart"):
                        yield Label(group, id=f"chart-label-{group}")
                        yield Sparkline([], id=f"chart-{group}")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        for title, key in COLUMNS:
            table.add_column(title, key=key)
        self.reload()

    def on_screen_resume(self) -> None:
        self.reload()

    @work(thread=True, exclusive=True, group="history", exit_on_error=False, description="listing sessions")
    def reload(self) -> None:
        """List the sessions off the UI thread (a thousand take about 0.1 s)."""
        summaries, problems = self.app.context.sessions.list()
        self.app.call_from_thread(self.show_sessions, summaries, problems)

    def show_sessions(self, summaries, problems) -> None:
        self.summaries = summaries
        for problem in problems:
            self.notify(str(problem), title="Skipped a file", severity="warning", timeout=8)
        self.fill(self.query_one("#history-filter", Input).value)
        self.draw_charts()

    def fill(self, needle: str = "") -> None:
        table = self.query_one(DataTable)
        table.clear()
        needle = needle.strip().lower()
        rows = []
        for s in self.summaries:
            cells = (f"{s.started:%Y-%m-%d %H:%M}", ", ".join(s.packs), f"{s.answers}/{s.planned}", s.mode,
                     "-" if s.score is None else str(s.score), s.status.replace("_", " "))
            if needle and needle not in " ".join(cells).lower():
                continue
            rows.append((s, cells))
        key = {"started": lambda r: r[0].started, "packs": lambda r: r[1][1], "answers": lambda r: r[0].answers,
               "mode": lambda r: r[0].mode, "score": lambda r: -1 if r[0].score is None else r[0].score,
               "status": lambda r: r[0].status}[self.sort_key]
        rows.sort(key=key, reverse=self.sort_reverse)
        for summary, cells in rows:
            table.add_row(*cells, key=summary.id)
        if not rows:
            self.notify("No sessions yet: start one from Home." if not self.summaries else "No session matches the filter.", timeout=4)

    def draw_charts(self) -> None:
        ordered = sorted(self.summaries, key=lambda s: s.started)
        for group in GROUPS:
            values = [s.group_scores[group] for s in ordered if group in s.group_scores]
            self.query_one(f"#chart-{group}", Sparkline).data = values
            latest = f" {values[-1]}" if values else " -"
            trend = ""
            if len(values) >= 2:
                change = values[-1] - values[0]
                trend = f" {'+' if change >= 0 else ''}{change}"
            self.query_one(f"#chart-label-{group}", Label).update(f"{SHORT[group]}{latest}{trend}")

    @on(Input.Changed, "#history-filter")
    def filter_changed(self, event: Input.Changed) -> None:
        self.fill(event.value)

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

    @on(DataTable.RowSelected)
    def action_open(self) -> None:
        session_id = self.selected_id()
        if session_id:
            from mock_interview.tui.screens.review import ReviewScreen

            self.app.push_screen(ReviewScreen(session_id))

    def action_resume(self) -> None:
        session_id = self.selected_id()
        if not session_id:
            return
        session = self.app.context.sessions.load(session_id)
        if session.status == "completed" or not session.remaining_plan():
            self.notify("That session is complete; nothing to resume.", severity="warning")
            return
        from mock_interview.tui.screens.home import start_round

        start_round(self.app, session.packs, mode=session.mode, profile=session.profile, resume_session=session)

    def action_compare(self) -> None:
        session_id = self.selected_id()
        if not session_id:
            return
        from mock_interview.tui.screens.compare import CompareScreen

        self.app.push_screen(CompareScreen(session_id))

    def action_back(self) -> None:
        self.app.pop_screen()
