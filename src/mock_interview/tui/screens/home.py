"""Home: choose packs, how many questions, the order, the mode and the target profile, then start.

Also how many practised questions are due again (the drill) and a key that starts a round of them,
and the way to debrief a real interview.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.lazy import Lazy
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Header, Input, Label, Select, SelectionList, Static
from textual.widgets.selection_list import Selection

from mock_interview.core.choices import AnswerMode, QuestionOrder
from mock_interview.core.session_records import now
from mock_interview.tui.messages import SpeechAvailabilityChecked
from mock_interview.tui.usertext import user_text
from mock_interview.tui.widgets.fields import NumberField, TextField
from mock_interview.tui.widgets.keys_footer import KeysFooter

if TYPE_CHECKING:
    from mock_interview.core.packs import Pack
    from mock_interview.tui.services import AppServices

CORE_TAG = "core"  # packs tagged "core" are ticked on a fresh start
ORDER_LABELS = {
    QuestionOrder.PACK: "As in the pack",
    QuestionOrder.SHUFFLED: "Shuffled",
    QuestionOrder.WEAKEST: "Weakest first",
}
MODE_LABELS = {AnswerMode.TYPED: "Typed", AnswerMode.SPOKEN: "Spoken"}
ORDER_OPTIONS = [(label, order.value) for order, label in ORDER_LABELS.items()]
MODE_OPTIONS = [(label, mode.value) for mode, label in MODE_LABELS.items()]


class DueQuestionsFound(Message):
    """The questions due for practice (``pack/question``, soonest first) and the problems met reading the drill."""

    def __init__(self, refs: list[str], problems: list[str]) -> None:
        super().__init__()
        self.refs = refs
        self.problems = problems


def due_line(due: int | None) -> str:
    """The drill button's label: how many questions are due."""
    if due is None:
        return "Drill: finding what is due…"
    if due == 0:
        return "Drill: nothing due yet"
    return f"Drill: {due} question{'s' if due != 1 else ''} due (f7)"


DRILL_TIP = (
    "A question you practise comes back when it is due: soon when it missed items, later when it went well. "
    "A drill's follow-up goes back to what you missed last time."
)


def default_packs(packs: tuple[Pack, ...], remembered: tuple[str, ...]) -> set[str]:
    """The packs ticked when Home opens: those of the last round that still exist, else the core packs."""
    known = {p.id for p in packs}
    kept = {p for p in remembered if p in known}
    return kept or {p.id for p in packs if CORE_TAG in p.tags}


class HomeScreen(Screen[None]):
    """Where a round is set up."""

    BINDINGS = [
        Binding("ctrl+s", "start", "Start", id="start", priority=True, tooltip="Start the round"),
        Binding("f2", "history", "History", id="history"),
        Binding("f3", "profiles", "Profiles", id="profiles"),
        Binding("f4", "settings", "Settings", id="settings"),
        # f7 is "practise again" everywhere: here the questions due, in a round, Review and Compare the one shown
        Binding("f7", "drill", "Drill", id="drill", tooltip="Practise the questions due again"),
        Binding("ctrl+l", "debrief", "Debrief", id="debrief", tooltip="Log a real interview you had"),
    ]

    def __init__(self, services: AppServices) -> None:
        super().__init__()
        self.services = services
        self.speech_reason = "checking the microphone and speech model…"
        self._speech_checked_for: tuple[str, str] | None = None  # the (model, input) the status line is about
        self.speech_available = False
        self._profile_options: list[tuple[Text, str]] = []
        self.ticked: set[str] = set()  # the source of truth: packs hidden by the filter stay ticked
        self._visible: set[str] = set()  # the packs the filter shows
        self._settings_shown: tuple[int, str] | None = None  # the question count and order the fields were given
        self.due: list[str] | None = None  # the questions due for practice, once found
        self._packs_listed: list[tuple[str, int]] = []  # the packs (and their sizes) the list was built from
        self._drill_problems_told: list[str] = []

    def compose(self) -> ComposeResult:
        self.ticked = default_packs(self.services.context.packs.packs, self.services.settings.packs)
        yield Header()
        with Horizontal(id="home"):
            with Vertical(id="home-packs"):
                yield Label("Question packs", classes="section-title")
                yield TextField(placeholder="filter by title or tag", id="pack-filter")
                # Built in compose, not after mount: one layout pass before the first paint.
                yield SelectionList[str](*self.pack_selections(), id="pack-list")
                yield Static(self.ticked_summary(), id="pack-summary")
            # The options column mounts right after the first paint (Textual's Lazy): the packs
            # show at once and the form follows a frame later, instead of a blank screen meanwhile.
            yield Lazy(self.options_column())
        yield KeysFooter(show_command_palette=False, compact=True)  # compact: every key fits at 80 columns

    def options_column(self) -> VerticalScroll:
        """Questions, order, mode, profile and the buttons."""
        options, active = self.profile_options()
        self._profile_options = options
        settings = self.services.settings
        self._settings_shown = (settings.question_count, settings.order)

        def row(label: str, field: Input | Select[str]) -> Horizontal:
            return Horizontal(Label(label, classes="option-label"), field, classes="option-row")

        return VerticalScroll(
            row(
                "Questions",
                NumberField(settings.question_count, id="count", max_length=3, compact=True),
            ),
            row("Order", Select(ORDER_OPTIONS, value=settings.order, allow_blank=False, id="order", compact=True)),
            row("Mode", Select(MODE_OPTIONS, value=AnswerMode.TYPED.value, allow_blank=False, id="mode", compact=True)),
            Static(user_text(self.speech_reason), id="speech-status"),
            row(
                "Profile",
                Select(
                    options, value=active if active else Select.NULL, id="profile", prompt="no profile", compact=True
                ),
            ),
            Button("Start", id="start", variant="primary"),
            Button(due_line(None), id="start-drill", disabled=True, compact=True, tooltip=DRILL_TIP),
            Button("Debrief a real interview (ctrl+l)", id="open-debrief", compact=True),
            Horizontal(
                Button("History", id="open-history", compact=True),
                Button("Profiles", id="open-profiles", compact=True),
                Button("Settings", id="open-settings", compact=True),
                id="home-links",
            ),
            id="home-options",
            can_focus=False,  # a scroll container is a Tab stop of its own otherwise: keys typed there vanish
        )

    def on_mount(self) -> None:
        # Probing audio imports sounddevice and numpy (~150 ms): only after the first paint.
        self.set_timer(0.3, self.check_speech)

    def on_screen_resume(self) -> None:
        self.find_due()  # on first showing too, and after a round, a debrief or a deletion changed the schedule
        packs = self.services.context.packs.packs
        if [(p.id, len(p.questions)) for p in packs] != self._packs_listed and self.query("#pack-list"):
            self.refresh_packs(self.query_one("#pack-filter", Input).value)  # a debrief made or grew My interviews
        options, active = self.profile_options()
        if options != self._profile_options:  # changed in Profiles: show the new list
            self._profile_options = options
            self.refresh_profiles(options, active)
        self.show_settings()
        if self._speech_checked_for is not None and self._speech_checked_for != self._speech_settings():
            self.check_speech()  # the model or the input changed in Settings: say what spoken answers use now

    def _speech_settings(self) -> tuple[str, str]:
        return self.services.settings.model, self.services.settings.input_device

    def show_settings(self) -> None:
        """Settings changed since the fields were filled (in Settings): show the new question count and order.

        A field the user changed here keeps its value only until the setting itself changes.
        """
        settings = self.services.settings
        wanted = (settings.question_count, settings.order)
        if self._settings_shown is None or wanted == self._settings_shown or not self.query("#count"):
            return
        self._settings_shown = wanted
        self.query_one("#count", TextField).value = str(settings.question_count)
        order: Select[str] = self.query_one("#order", Select)
        order.value = settings.order

    # -- packs -----------------------------------------------------------------------------------

    def pack_selections(self, text: str = "") -> list[Selection[str]]:
        """The packs matching ``text``, ticked as the user left them."""
        needle = text.strip().lower()
        selections = []
        self._packs_listed = [(p.id, len(p.questions)) for p in self.services.context.packs.packs]
        self._visible = set()
        for pack in self.services.context.packs.packs:
            haystack = f"{pack.title} {pack.id} {' '.join(pack.tags)}".lower()
            if needle and needle not in haystack:
                continue
            label = user_text(f"{pack.title} ({len(pack.questions)}) · {', '.join(pack.tags)}")
            selections.append(Selection(label, pack.id, pack.id in self.ticked))
            self._visible.add(pack.id)
        return selections

    def ticked_summary(self) -> str:
        """How many packs and questions are ticked, and how many of those packs the filter hides."""
        packs = [p for p in self.services.context.packs.packs if p.id in self.ticked]
        if not packs:
            return "No pack ticked: tick at least one."
        questions = sum(len(p.questions) for p in packs)
        text = f"{len(packs)} pack{'s' if len(packs) != 1 else ''} ticked · {questions} questions"
        hidden = len([p for p in packs if p.id not in self._visible])
        return text + (f" ({hidden} hidden by the filter)" if hidden else "")

    def refresh_packs(self, text: str = "") -> None:
        self.update_ticked()
        packs = self.query_one("#pack-list", SelectionList)
        with packs.prevent(SelectionList.SelectedChanged):
            packs.clear_options()
            packs.add_options(self.pack_selections(text))
        # new options have no highlight: space or enter would do nothing until an arrow key was pressed
        packs.highlighted = 0 if packs.option_count else None
        self.query_one("#pack-summary", Static).update(self.ticked_summary())

    @on(Input.Changed, "#pack-filter")
    def filter_packs(self, event: Input.Changed) -> None:
        self.refresh_packs(event.value)

    @on(SelectionList.SelectedChanged, "#pack-list")
    def packs_ticked(self) -> None:
        self.update_ticked()
        self.query_one("#pack-summary", Static).update(self.ticked_summary())

    def update_ticked(self) -> None:
        """Take the ticks of the packs shown; those the filter hides keep theirs."""
        shown = self.query_one("#pack-list", SelectionList)
        self.ticked = (self.ticked - self._visible) | {str(v) for v in shown.selected}

    # -- profiles --------------------------------------------------------------------------------

    def profile_options(self) -> tuple[list[tuple[Text, str]], str]:
        """The saved profiles as Select options, and the active one if it exists."""
        profiles, _ = self.services.context.profiles.load_all()
        options = [(user_text(f"{p.name}: {p.role} at {p.company}"), p.name) for p in profiles]
        active = self.services.settings.active_profile
        return options, active if active in {p.name for p in profiles} else ""

    def refresh_profiles(self, options: list[tuple[Text, str]], active: str) -> None:
        select = self.query_one("#profile", Select)
        select.set_options(options)
        if active:
            select.value = active

    # -- speech ----------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="speech-check", exit_on_error=False, description="checking speech input")
    def check_speech(self) -> None:
        self._speech_checked_for = self._speech_settings()
        if self.services.speech_probe is not None:
            self.post_message(SpeechAvailabilityChecked(*self.services.speech_probe()))
            return
        from mock_interview.extras import speech_missing

        if (missing := speech_missing()) is not None:
            self.post_message(SpeechAvailabilityChecked(False, f"Spoken answers unavailable: {missing}"))
            return
        from mock_interview.audio.devices import AudioUnavailable, find_input_device
        from mock_interview.transcription.models import ModelUnavailable, resolve_model

        try:
            device = find_input_device(self.services.settings.input_device or None)
            model = resolve_model(self.services.settings.model, self.services.context.data.root / "models")
        except (AudioUnavailable, ModelUnavailable) as exc:
            self.post_message(SpeechAvailabilityChecked(False, f"Spoken answers unavailable: {exc}"))
            return
        self.post_message(SpeechAvailabilityChecked(True, f"Spoken: {device.name} · {model.label}"))

    def on_speech_availability_checked(self, message: SpeechAvailabilityChecked) -> None:
        self.speech_available = message.available
        self.speech_reason = message.reason
        self.show_speech_status()

    def show_speech_status(self) -> None:
        """Show the speech check's result; retried until the lazily mounted options column is there."""
        statuses = self.query("#speech-status")
        if not statuses:
            self.set_timer(0.05, self.show_speech_status)
            return
        status = statuses.first(Static)
        status.update(user_text(self.speech_reason))  # quotes device names and library errors
        status.tooltip = user_text(self.speech_reason)  # the whole reason: the line shows three rows of it
        status.set_class(not self.speech_available, "-unavailable")

    @on(Select.Changed, "#mode")
    def mode_changed(self, event: Select.Changed) -> None:
        if event.value == AnswerMode.SPOKEN and not self.speech_available:
            self.notify(self.speech_reason, title="Typed answers only", severity="warning", timeout=8)
            mode: Select[str] = self.query_one("#mode", Select)
            mode.value = AnswerMode.TYPED.value

    # -- the drill -------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="drill", exit_on_error=False, description="finding the questions due")
    def find_due(self) -> None:
        """The questions due (reading the schedule may rebuild it from every session: seconds, off the UI thread)."""
        from mock_interview.core.drill import due_refs

        refs, problems = due_refs(self.services.context, now())
        self.post_message(DueQuestionsFound(refs, problems))

    def on_due_questions_found(self, message: DueQuestionsFound) -> None:
        self.due = message.refs
        if message.problems and message.problems != self._drill_problems_told:
            self._drill_problems_told = message.problems
            for problem in message.problems[:3]:
                self.notify(problem, title="Drill schedule", severity="warning", timeout=10)
        self.show_due()

    def show_due(self) -> None:
        """Show how many questions are due; retried until the lazily mounted options column is there."""
        buttons = self.query("#start-drill")
        if not buttons:
            self.set_timer(0.05, self.show_due)
            return
        button = buttons.first(Button)
        button.label = due_line(None if self.due is None else len(self.due))
        button.disabled = not self.due

    @on(Button.Pressed, "#start-drill")
    def action_drill(self) -> None:
        """A round of exactly the questions due, soonest first (at most the number of questions asked for)."""
        from mock_interview.core.planning import RoundRequest

        if self.due is None:
            self.notify("Still finding the questions due; try again in a moment.")
            return
        if not self.due:
            self.notify("Nothing is due for practice yet. " + DRILL_TIP, title="Drill")
            return
        raw = self.query_one("#count", TextField).value.strip() if self.query("#count") else ""
        count = int(raw) if raw.isdigit() and int(raw) > 0 else len(self.due)
        mode, profile = (self.query_one(f"#{name}", Select).value for name in ("mode", "profile"))
        refs = tuple(self.due[:count])
        request = RoundRequest(
            packs=(),
            questions=refs,
            mode=AnswerMode(mode) if isinstance(mode, str) else AnswerMode.TYPED,
            profile=profile if isinstance(profile, str) else "",
        )
        if self.services.start_new_round(request) and len(refs) < len(self.due):
            self.notify(f"The {len(refs)} soonest of the {len(self.due)} questions due (Questions: {count}).")

    @on(Button.Pressed, "#open-debrief")
    def action_debrief(self) -> None:
        from mock_interview.tui.screens.debrief import DebriefScreen

        self.app.push_screen(DebriefScreen(self.services))

    # -- actions ---------------------------------------------------------------------------------

    @on(Button.Pressed, "#start")
    def action_start(self) -> None:
        from mock_interview.core.planning import RoundRequest
        from mock_interview.core.settings import number_range

        if not self.query("#count"):  # the options column is not mounted yet (a key pressed in the first frame)
            return
        self.update_ticked()
        packs = [p.id for p in self.services.context.packs.packs if p.id in self.ticked]  # in the order they are listed
        if not packs:
            self.notify("Choose at least one pack.", severity="warning")
            return
        raw = self.query_one("#count", TextField).value.strip()
        low, high = number_range("question_count")
        if not raw.isdigit() or not low <= int(raw) <= high:
            self.notify(f"Questions: '{raw}' must be a whole number from {low} to {high}.", severity="error")
            self.query_one("#count", TextField).focus()
            return
        # a Select holds Select.NULL until it has mounted: then the settings' order and typed answers
        order, mode, profile = (self.query_one(f"#{name}", Select).value for name in ("order", "mode", "profile"))
        request = RoundRequest(
            packs=tuple(packs),
            count=int(raw),
            order=order if isinstance(order, str) else None,
            mode=AnswerMode(mode) if isinstance(mode, str) else AnswerMode.TYPED,
            profile=profile if isinstance(profile, str) else "",
        )
        if self.services.start_new_round(request) and tuple(packs) != self.services.settings.packs:
            self.services.save_settings(self.services.settings.updated(packs=tuple(packs)))  # ticked again next time

    @on(Button.Pressed, "#open-history")
    def action_history(self) -> None:
        from mock_interview.tui.screens.history import HistoryScreen

        self.app.push_screen(HistoryScreen(self.services))

    @on(Button.Pressed, "#open-profiles")
    def action_profiles(self) -> None:
        from mock_interview.tui.screens.profiles import ProfilesScreen

        self.app.push_screen(ProfilesScreen(self.services))

    @on(Button.Pressed, "#open-settings")
    def action_settings(self) -> None:
        from mock_interview.tui.screens.settings import SettingsScreen

        self.app.push_screen(SettingsScreen(self.services))
