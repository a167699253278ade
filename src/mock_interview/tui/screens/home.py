"""Home: choose packs, how many questions, the order, the mode and the target profile, then start."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
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
                   prep_seconds_override=settings.prep_seconds, clock=Clock(app.clock))
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

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="home"):
            with Vertical(id="home-packs"):
                yield Label("Question packs", classes="section-title")
                yield Input(placeholder="filter by title or tag", id="pack-filter")
                yield SelectionList[str](id="pack-list")
            with VerticalScroll(id="home-options"):
                yield Label("Questions", classes="field-label")
                yield Input(str(self.app.settings.question_count), id="count", type="integer", max_length=3)
                yield Label("Order", classes="field-label")
                yield Select([("As in the pack", "pack"), ("Shuffled", "shuffled"), ("Weakest first", "weakest")],
                             value=self.app.settings.order, allow_blank=False, id="order")
                yield Label("Mode", classes="field-label")
                yield Select([("Typed", "typed"), ("Spoken", "spoken")], value="typed", allow_blank=False, id="mode")
                yield Static(self.speech_reason, id="speech-status")
                yield Label("Target profile", classes="field-label")
                yield Select([], id="profile", prompt="no profile")
                yield Button("Start", id="start", variant="primary")
                with Horizontal(id="home-links"):
                    yield Button("History", id="history")
                    yield Button("Profiles", id="profiles")
                    yield Button("Settings", id="settings")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_packs()
        self.refresh_profiles()
        self.check_speech()

    def on_screen_resume(self) -> None:
        self.refresh_profiles()

    def refresh_packs(self, text: str = "") -> None:
        packs = self.query_one("#pack-list", SelectionList)
        chosen = set(packs.selected)
        packs.clear_options()
        needle = text.strip().lower()
        for pack in self.app.context.packs.packs:
            haystack = f"{pack.title} {pack.id} {' '.join(pack.tags)}".lower()
            if needle and needle not in haystack:
                continue
            label = f"{pack.title} ({len(pack.questions)}) · {', '.join(pack.tags)}"
            packs.add_option(Selection(label, pack.id, pack.id in chosen or (not chosen and pack.id == "career-goals")))

    def refresh_profiles(self) -> None:
        profiles, _ = self.app.context.profiles.load_all()
        select = self.query_one("#profile", Select)
        select.set_options([(f"{p.name}: {p.role} at {p.company}", p.name) for p in profiles])
        active = self.app.settings.active_profile
        if active in {p.name for p in profiles}:
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
        status = self.query_one("#speech-status", Static)
        status.update(message.reason)
        status.set_class(not message.available, "-unavailable")

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
