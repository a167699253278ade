"""Home: choose packs, how many questions, the order, the mode and the target profile, then start."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.lazy import Lazy
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Input, Label, Select, SelectionList, Static
from textual.widgets.selection_list import Selection

from mock_interview.tui.messages import SpeechAvailabilityChecked

NO_PROFILE = "__none__"


def start_round(app, packs: list[str], count: int | None = None, order: str | None = None, mode: str = "typed",
                profile: str | None = None, resume_session=None) -> None:
    """Create (or resume) a session and open the round screen."""
    from mock_interview.core.planning import plan_questions
    from mock_interview.core.rounds import Clock, Round
    from mock_interview.core.sessions import latest_question_scores
    from mock_interview.core.tomlschema import InvalidFileError
    from mock_interview.tui.screens.round import RoundScreen

    context = app.context
    settings = app.settings
    report = context.packs
    profile_obj = None
    profile_name = settings.active_profile if profile is None else profile
    if profile_name:
        try:
            profile_obj = context.profiles.load(profile_name)
        except InvalidFileError as exc:
            app.notify(str(exc), title="Profile not used", severity="warning", timeout=10)
            profile_name = ""
    if resume_session is not None:
        session = resume_session
        questions = [q for q in (report.find_question(ref) for ref in session.remaining_plan()) if q is not None]
        if not questions:
            app.notify("Nothing left to answer in that session.", severity="warning")
            return
        session.status = "in_progress"
    else:
        chosen = [report.by_id(p) for p in packs]
        missing = [p for p, pack in zip(packs, chosen) if pack is None]
        if missing:
            app.notify(f"No pack {', '.join(missing)}; 'mock-interview packs list' shows the ids.", severity="error", timeout=10)
            return
        past = {}
        order = order or settings.order
        if order == "weakest":
            summaries, _ = context.sessions.list()
            past = latest_question_scores(summaries)
        questions = plan_questions(chosen, count or settings.question_count, order, past)
        if not questions:
            app.notify("Those packs have no questions.", severity="error")
            return
        session = context.sessions.create(
            mode=mode, packs=packs, plan=[q.ref for q in questions], profile=profile_name or "",
            settings={"order": order, "feedback": settings.feedback, "follow_ups": settings.follow_ups,
                      "answer_seconds": settings.answer_seconds, "prep_seconds": settings.prep_seconds, "model": settings.model})
    round_ = Round(session=session, store=context.sessions, questions=questions, profile=profile_obj,
                   follow_ups=settings.follow_ups, answer_seconds_override=settings.answer_seconds,
                   prep_seconds_override=settings.prep_seconds, clock=Clock(app.clock),
                   done_before=len(session.plan) - len(questions))
    app.push_screen(RoundScreen(round_, mode=session.mode))


class HomeScreen(Screen[None]):
    """Where a round is set up."""

    BINDINGS = [
        Binding("ctrl+s", "start", "Start round", id="start"),
        Binding("f2", "history", "History", id="history"),
        Binding("f3", "profiles", "Profiles", id="profiles"),
        Binding("f4", "settings", "Settings", id="settings"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.speech_reason = "checking the microphone and speech model…"
        self.speech_available = False
        self._profile_options: list[tuple[str, str]] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="home"):
            with Vertical(id="home-packs"):
                yield Label("Question packs", classes="section-title")
                yield Input(placeholder="filter by title or tag", id="pack-filter")
                # Built in compose, not after mount: one layout pass before the first paint.
                yield SelectionList[str](*self.pack_selections(), id="pack-list")
            # The options column mounts right after the first paint (Textual's Lazy): the packs
            # show at once and the form follows a frame later, instead of a blank screen meanwhile.
            yield Lazy(self.options_column())
        yield Footer()

    def options_column(self) -> VerticalScroll:
        """Questions, order, mode, profile and the buttons."""
        options, active = self.profile_options()
        self._profile_options = options
        return VerticalScroll(
            Label("Questions", classes="field-label"),
            Input(str(self.app.settings.question_count), id="count", type="integer", max_length=3),
            Label("Order", classes="field-label"),
            Select([("As in the pack", "pack"), ("Shuffled", "shuffled"), ("Weakest first", "weakest")],
                   value=self.app.settings.order, allow_blank=False, id="order"),
            Label("Mode", classes="field-label"),
            Select([("Typed", "typed"), ("Spoken", "spoken")], value="typed", allow_blank=False, id="mode"),
            Static(self.speech_reason, id="speech-status"),
            Label("Target profile", classes="field-label"),
            Select(options, value=active if active else Select.NULL, id="profile", prompt="no profile"),
            Button("Start", id="start", variant="primary"),
            Horizontal(Button("History", id="history"), Button("Profiles", id="profiles"), Button("Settings", id="settings"),
                       id="home-links"),
            id="home-options",
        )

    def on_mount(self) -> None:
        # Probing audio imports sounddevice and numpy (~150 ms): only after the first paint.
        self.set_timer(0.3, self.check_speech)

    def on_screen_resume(self) -> None:
        options, active = self.profile_options()
        if options != self._profile_options:  # changed in Profiles: show the new list
            self._profile_options = options
            self.refresh_profiles(options, active)

    def pack_selections(self, text: str = "", chosen: set[str] | None = None) -> list[Selection]:
        """The packs matching ``text``, ticked as before (Career goals ticked at first)."""
        needle = text.strip().lower()
        selections = []
        for pack in self.app.context.packs.packs:
            haystack = f"{pack.title} {pack.id} {' '.join(pack.tags)}".lower()
            if needle and needle not in haystack:
                continue
            label = f"{pack.title} ({len(pack.questions)}) · {', '.join(pack.tags)}"
            ticked = pack.id in chosen if chosen else pack.id == "career-goals"
            selections.append(Selection(label, pack.id, ticked))
        return selections

    def refresh_packs(self, text: str = "") -> None:
        packs = self.query_one("#pack-list", SelectionList)
        chosen = set(packs.selected)
        packs.clear_options()
        packs.add_options(self.pack_selections(text, chosen))

    def profile_options(self) -> tuple[list[tuple[str, str]], str]:
        """The saved profiles as Select options, and the active one if it exists."""
        profiles, _ = self.app.context.profiles.load_all()
        options = [(f"{p.name}: {p.role} at {p.company}", p.name) for p in profiles]
        active = self.app.settings.active_profile
        return options, active if active in {p.name for p in profiles} else ""

    def refresh_profiles(self, options, active: str) -> None:
        select = self.query_one("#profile", Select)
        select.set_options(options)
        if active:
            select.value = active

    @on(Input.Changed, "#pack-filter")
    def filter_packs(self, event: Input.Changed) -> None:
        self.refresh_packs(event.value)

    @work(thread=True, exclusive=True, group="speech-check", exit_on_error=False, description="checking speech input")
    def check_speech(self) -> None:
        if self.app.speech_probe is not None:
            self.post_message(SpeechAvailabilityChecked(*self.app.speech_probe()))
            return
        from mock_interview.audio.devices import AudioUnavailable, find_input_device
        from mock_interview.transcription.models import ModelUnavailable, resolve_model

        try:
            device = find_input_device(self.app.settings.input_device or None)
            model = resolve_model(self.app.settings.model, self.app.context.data.root / "models")
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
        status.update(self.speech_reason)
        status.set_class(not self.speech_available, "-unavailable")

    @on(Select.Changed, "#mode")
    def mode_changed(self, event: Select.Changed) -> None:
        if event.value == "spoken" and not self.speech_available:
            self.notify(self.speech_reason, title="Typed answers only", severity="warning", timeout=8)
            event.select.value = "typed"

    @on(Button.Pressed, "#start")
    def action_start(self) -> None:
        packs = list(self.query_one("#pack-list", SelectionList).selected)
        if not packs:
            self.notify("Choose at least one pack.", severity="warning")
            return
        raw = self.query_one("#count", Input).value.strip()
        if not raw.isdigit() or int(raw) < 1:
            self.notify(f"'{raw}' is not a number of questions; type a whole number such as 5.", severity="error")
            return
        profile = self.query_one("#profile", Select).value
        start_round(self.app, packs, int(raw), self.query_one("#order", Select).value, self.query_one("#mode", Select).value,
                    profile if isinstance(profile, str) else "")

    @on(Button.Pressed, "#history")
    def action_history(self) -> None:
        from mock_interview.tui.screens.history import HistoryScreen

        self.app.push_screen(HistoryScreen())

    @on(Button.Pressed, "#profiles")
    def action_profiles(self) -> None:
        from mock_interview.tui.screens.profiles import ProfilesScreen

        self.app.push_screen(ProfilesScreen())

    @on(Button.Pressed, "#settings")
    def action_settings(self) -> None:
        from mock_interview.tui.screens.settings import SettingsScreen

        self.app.push_screen(SettingsScreen())
