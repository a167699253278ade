"""History: past sessions (and debriefed interviews) in a sortable, filterable table, progress over time on a
chart (ctrl+g), attempts compared, a session deleted after a confirmation."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Header, Input, Select, Static

from mock_interview.core.feedback import GROUPS
from mock_interview.core.progress import DEFAULT_CHECK, check_rates, checks_seen, score_points
from mock_interview.core.session_records import SessionSummary
from mock_interview.core.session_statuses import SessionStatus
from mock_interview.core.session_view import status_shown
from mock_interview.tui.messages import SessionsListed
from mock_interview.tui.usertext import user_text
from mock_interview.tui.widgets.fields import TextField
from mock_interview.tui.widgets.keys_footer import KeysFooter
from mock_interview.tui.widgets.progress_chart import ProgressChart

if TYPE_CHECKING:
    from mock_interview.core.debrief import Debrief
    from mock_interview.core.sessions import Session
    from mock_interview.tui.services import AppServices

DEBRIEF_ROW = "debrief:"  # the row key of a debriefed interview: "debrief:ID"
SCORES = "__scores__"  # the chart's first choice: the scores, overall and by group
NO_SCORES = "No scored session yet: answer a round and your scores appear here, on a scale of 0 to 100."
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
    "status": lambda s: row_status(s),
    "packs": lambda s: ", ".join(s.packs),
}
SORT_MARKS = {False: " ▲", True: " ▼"}  # ascending, descending: beside the title of the column sorted by


def debrief_row(debrief: Debrief) -> SessionSummary:
    """A debriefed interview as a row of the table: its date, its questions, "debrief", the company."""
    when = debrief.created if debrief.created and debrief.created.date() == debrief.when else None
    return SessionSummary(
        id=DEBRIEF_ROW + debrief.id,
        started=when or datetime.combine(debrief.when, time(12, 0)).astimezone(),
        mode="debrief",
        status=SessionStatus.COMPLETED,  # shown as "debriefed" (row_status)
        packs=(debrief.company,),
        profile=debrief.profile,
        answers=len(debrief.questions),
        planned=len(debrief.questions),
        score=None,
        path=debrief.source or Path(debrief.id),
    )


def row_status(summary: SessionSummary) -> str:
    """The status column: the session's status in words, or "debriefed" for a debriefed interview."""
    if summary.id.startswith(DEBRIEF_ROW):
        return "debriefed"
    return status_shown(summary.status, summary.answers + summary.follow_ups)


class HistoryRead(Message):
    """The sessions (and debriefs) were read in full, for the chart of a check."""

    def __init__(self, sessions: list[Session]) -> None:
        super().__init__()
        self.sessions = sessions


class SessionDeleted(Message):
    """A session or debrief was deleted (``problem`` empty), or could not be."""

    def __init__(self, row_id: str, said: str, problem: str = "") -> None:
        super().__init__()
        self.row_id = row_id
        self.said = said
        self.problem = problem


def session_cells(summary: SessionSummary) -> tuple[str, ...]:
    """One row of the table, in the order of :data:`COLUMNS`."""
    return (
        f"{summary.started:%Y-%m-%d %H:%M}",
        f"{summary.answers}/{summary.planned}",
        str(summary.follow_ups),
        summary.mode,
        "-" if summary.score is None else str(summary.score),
        row_status(summary),
        ", ".join(summary.packs),
    )


def fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` characters with an ellipsis (the packs column takes what the others leave)."""
    return text if len(text) <= width else text[: max(1, width - 1)] + "…"


class HistoryScreen(Screen[None]):
    """Every saved session and debrief; open one, resume an unfinished round, compare attempts, delete; the chart."""

    CSS_PATH = "history.tcss"

    BINDINGS = [
        Binding("escape", "back", "Back", id="back"),
        Binding("enter", "open", "Review", id="open", priority=True, tooltip="Open the session in Review"),
        Binding("ctrl+r", "resume", "Resume", id="resume", priority=True, tooltip="Resume an unfinished round"),
        Binding(
            "ctrl+o", "compare", "Compare", id="compare", priority=True, tooltip="Compare attempts at the same question"
        ),
        # ctrl+g (graph) is labelled with the view it switches to; check_action shows the one that applies.
        # It is the overview of your scores on every screen: every round's here, one round's in Review
        Binding("ctrl+g", "chart('show')", "Progress", id="show-chart", tooltip="Your progress on a chart"),
        Binding("ctrl+g", "chart('hide')", "Sessions", id="show-sessions", tooltip="Back to the table of sessions"),
        Binding("delete", "delete", "Delete", id="delete-session", tooltip="Delete the session (it asks first)"),
    ]

    def __init__(self, services: AppServices) -> None:
        super().__init__()
        self.services = services
        self.summaries: list[SessionSummary] = []
        self._reported: list[str] = []  # the unreadable files already told about
        self.sort_key = "started"
        self.sort_reverse = True
        self.debriefs: dict[str, Debrief] = {}  # by row key
        self.sessions: list[Session] | None = None  # read in full for the chart of a check, once asked for
        self.charting = False  # the chart is shown instead of the table

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="history-view"):
            yield TextField(placeholder="filter: pack, mode, status or date", id="history-filter")
            yield DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
            yield Static("Reading your sessions…", id="history-empty")
        with Vertical(id="progress-view"):
            yield Select[str](
                [("Scores: overall and by group", SCORES)], value=SCORES, allow_blank=False, id="progress-what"
            )
            yield ProgressChart(id="progress-chart")
            yield Static("", id="progress-legend")
            yield Static("", id="progress-empty")
        yield KeysFooter(show_command_palette=False, compact=True)  # compact: every key fits at 80 columns

    def on_mount(self) -> None:
        self.fill()  # the columns, before the sessions arrive
        self.query_one("#progress-view").display = False
        self.query_one(DataTable).focus()

    def on_screen_resume(self) -> None:
        self.reload()  # on first showing too, and after Review or a resumed round changed a session

    @work(thread=True, exclusive=True, group="history", exit_on_error=False, description="listing sessions")
    def reload(self) -> None:
        """List the sessions off the UI thread (a thousand take about 0.1 s)."""
        summaries, problems = self.services.context.sessions.list()
        debriefs, _ = self.services.context.debriefs.load_all()  # a bad file is told by Home's pack problems
        self.debriefs = {DEBRIEF_ROW + d.id: d for d in debriefs}
        self.post_message(SessionsListed(summaries + [debrief_row(d) for d in debriefs], problems))
        if self.sessions is not None:  # the chart of a check is up to date too
            self.post_message(HistoryRead(self.services.context.sessions.load_all()))

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
        self.draw_chart()

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

    # -- the chart -------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """ctrl+g is labelled with the view it switches to; the table's keys rest while the chart is shown."""
        if action == "chart":
            return parameters == (("hide",) if self.charting else ("show",))
        return not (self.charting and action in ("open", "resume", "compare", "delete"))

    def action_chart(self, view: str = "show") -> None:
        """ctrl+g: the chart instead of the table, or back (``view`` names which, for the footer)."""
        self.charting = view == "show"
        self.query_one("#history-view").display = not self.charting
        self.query_one("#progress-view").display = self.charting
        if self.charting:
            self.query_one("#progress-what", Select).focus()
            if self.sessions is None:
                self.read_history()
            self.draw_chart()
        else:
            self.query_one(DataTable).focus()
        self.refresh_bindings()

    @work(thread=True, exclusive=True, group="history-read", exit_on_error=False, description="reading sessions")
    def read_history(self) -> None:
        """Every session in full (the checks of each answer), off the UI thread."""
        self.post_message(HistoryRead(self.services.context.sessions.load_all()))

    def on_history_read(self, message: HistoryRead) -> None:
        self.sessions = message.sessions
        select = self.query_one("#progress-what", Select)
        chosen = select.value
        seen = checks_seen(message.sessions)
        ordered = sorted(seen, key=lambda check_id: check_id != DEFAULT_CHECK)  # "Measurable result" first
        options = [("Scores: overall and by group", SCORES)] + [
            (f"How often it passed: {seen[check_id]}", check_id) for check_id in ordered
        ]
        with select.prevent(Select.Changed):
            select.set_options(options)
            values = {value for _, value in options}
            select.value = chosen if chosen in values else SCORES
        self.draw_chart()

    @on(Select.Changed, "#progress-what")
    def chart_chosen(self) -> None:
        self.draw_chart()

    def draw_chart(self) -> None:
        """The scores of every scored session, or how often the chosen check passed, on axes from 0 to 100."""
        if not self.charting:
            return
        chart = self.query_one(ProgressChart)
        empty = self.query_one("#progress-empty", Static)
        what = self.query_one("#progress-what", Select).value
        if what == SCORES or not isinstance(what, str):
            points = score_points(s for s in self.summaries if not s.id.startswith(DEBRIEF_ROW))
            groups = [g for g in GROUPS if any(g in p.groups for p in points)]
            chart.show_scores(points, groups)
            message = "" if points else NO_SCORES
        elif self.sessions is None:
            message = "Reading your sessions…"
        else:
            labels = checks_seen(self.sessions)
            chart.show_check(labels.get(what, what), check_rates(self.sessions, what))
            message = ""
        chart.display = not message
        legend = self.query_one("#progress-legend", Static)
        legend.update(chart.legend())
        legend.display = not message
        empty.display = bool(message)
        empty.update(message)

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

    def selected_session(self, doing: str) -> str | None:
        """The session selected; a debrief selected says it has no ``doing`` and gives ``None``."""
        row_id = self.selected_id()
        if row_id is not None and row_id.startswith(DEBRIEF_ROW):
            self.notify(f"A debriefed interview has no {doing}; enter shows it.", severity="warning")
            return None
        return row_id

    @on(DataTable.RowSelected)  # a click on a row
    def action_open(self) -> None:
        row_id = self.selected_id()
        if row_id and row_id in self.debriefs:
            from mock_interview.tui.screens.debrief import DebriefViewScreen

            self.app.push_screen(DebriefViewScreen(self.debriefs[row_id]))
        elif row_id:
            from mock_interview.tui.screens.review import ReviewScreen

            self.app.push_screen(ReviewScreen(self.services, row_id))

    def action_resume(self) -> None:
        session_id = self.selected_session("round to resume")
        if session_id:
            self.services.resume_round(session_id)

    def action_compare(self) -> None:
        session_id = self.selected_session("attempts to compare")
        if not session_id:
            return
        from mock_interview.tui.screens.compare import CompareScreen

        self.app.push_screen(CompareScreen(self.services, session_id))

    # -- deleting --------------------------------------------------------------------------------

    def action_delete(self) -> None:
        """delete: remove the selected session (and its recordings) or debrief, after a confirmation."""
        from mock_interview.tui.screens.confirm import ConfirmScreen

        row_id = self.selected_id()
        if row_id is None:
            return
        summary = next((s for s in self.summaries if s.id == row_id), None)
        if summary is None:
            return
        if row_id in self.debriefs:
            what = f"the debrief of your interview at {summary.packs[0]} on {summary.started:%d %b %Y}"
            detail = "Its questions leave My interviews and the drill. This cannot be undone."
        else:
            answered = f"{summary.answers} question{'s' if summary.answers != 1 else ''} answered"
            what = f"the session of {summary.started:%d %b %Y %H:%M} ({answered})"
            detail = "Its answers, notes and recordings are removed, and it leaves the drill. This cannot be undone."

        def decided(delete: bool | None) -> None:
            if delete:
                self.delete(row_id)

        self.app.push_screen(ConfirmScreen(f"Delete {what}?", detail, yes="Delete", no="Keep it"), decided)

    @work(thread=True, exclusive=True, group="history-delete", exit_on_error=False, description="deleting")
    def delete(self, row_id: str) -> None:
        """Delete, then rebuild the drill without it (reading every session: off the UI thread)."""
        from mock_interview.core.drill import rebuild

        context = self.services.context
        try:
            if row_id.startswith(DEBRIEF_ROW):
                path = context.debriefs.path_for(row_id[len(DEBRIEF_ROW) :])
                path.unlink()
                said = "The debrief is deleted; its questions left My interviews and the drill."
            else:
                _, recordings = context.sessions.delete(row_id, context.data.root)
                extra = f" and {len(recordings)} recording{'s' if len(recordings) != 1 else ''}" if recordings else ""
                said = f"The session{extra} deleted; its answers left the drill."
        except (LookupError, OSError) as exc:
            self.post_message(SessionDeleted(row_id, "", f"Nothing deleted: {exc}"))
            return
        problems = rebuild(context)
        self.post_message(SessionDeleted(row_id, said, "; ".join(problems)))

    def on_session_deleted(self, message: SessionDeleted) -> None:
        if message.said:
            self.notify(message.said, title="Deleted")
            if message.row_id.startswith(DEBRIEF_ROW):
                self.services.context.reload_packs()
        if message.problem:
            self.notify(message.problem, title="Delete", severity="error", timeout=12)
        self.reload()

    def action_back(self) -> None:
        self.app.pop_screen()
