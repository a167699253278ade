"""Settings: timers, live or calm feedback, follow-ups, transcription model, input device."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Header, Label, Select, Switch

from mock_interview.core.settings import number_range
from mock_interview.tui.messages import InputDevicesListed
from mock_interview.tui.screens.confirm import SaveChangesScreen, SaveChoice
from mock_interview.tui.usertext import user_text, user_value
from mock_interview.tui.widgets.fields import NumberField, TextField
from mock_interview.tui.widgets.keys_footer import KeysFooter

if TYPE_CHECKING:
    from mock_interview.tui.services import AppServices

DEFAULT_DEVICE = "__default__"
VOICE_OPTIONS = [("In spoken rounds", "spoken"), ("In every round", "always"), ("Never", "off")]


class SettingsScreen(Screen[None]):
    """Edit and save the user's settings; leaving with changes not saved asks "Save changes? (y/n/cancel)"."""

    CSS_PATH = "forms.tcss"

    BINDINGS = [
        Binding("escape", "back", "Back", id="back"),
        Binding("ctrl+s", "save", "Save", id="save-settings", priority=True, tooltip="Save the settings"),
    ]

    def __init__(self, services: AppServices) -> None:
        super().__init__()
        self.services = services
        self._saved_values: dict[str, object] = {}  # the form as opened or last saved

    def compose(self) -> ComposeResult:
        settings = self.services.settings
        yield Header()
        # not a Tab stop of its own: the first thing typed goes into the first field
        with VerticalScroll(id="settings-form", can_focus=False):
            yield Label("Answer time in seconds (0 = as each question says)", classes="field-label")
            yield NumberField(settings.answer_seconds, id="answer-seconds")
            yield Label("Think time in seconds (-1 = as each question says, 0 = none)", classes="field-label")
            yield NumberField(settings.prep_seconds, id="prep-seconds")
            yield Label("Questions per round", classes="field-label")
            yield NumberField(settings.question_count, id="question-count")
            yield Label("Feedback while answering", classes="field-label")
            yield Select(
                [("Live: checklist updates as you answer", "live"), ("Calm: checklist after the answer", "calm")],
                value=settings.feedback,
                allow_blank=False,
                id="feedback-mode",
            )
            yield Label(
                "The interviewer reads each question aloud (f9 in a round hears it again)", classes="field-label"
            )
            yield Select(VOICE_OPTIONS, value=settings.voice, allow_blank=False, id="voice")
            with Horizontal(classes="form-row"):
                yield Switch(settings.follow_ups, id="follow-ups")
                yield Label("Interviewer asks follow-up questions", classes="switch-label")
            yield Label(
                "Transcription model: 'bundled' (tiny.en), a downloaded name (base.en…), or a folder",
                classes="field-label",
            )
            yield TextField(user_value(settings.model), id="model")
            yield Label("Input device", classes="field-label")
            yield Select(
                [("System default", DEFAULT_DEVICE)], value=DEFAULT_DEVICE, allow_blank=False, id="input-device"
            )
            yield Button("Save", id="settings-save", variant="primary")
        yield KeysFooter(show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#answer-seconds", TextField).focus()
        self._saved_values = self.form_values()
        self.list_devices()

    @work(thread=True, exclusive=True, group="devices", exit_on_error=False, description="listing audio inputs")
    def list_devices(self) -> None:
        from mock_interview.audio.devices import AudioUnavailable, list_input_devices

        try:
            self.post_message(InputDevicesListed(list_input_devices()))
        except AudioUnavailable as exc:
            self.post_message(InputDevicesListed([], str(exc)))

    def on_input_devices_listed(self, message: InputDevicesListed) -> None:
        if message.problem:
            self.notify(message.problem, title="No audio input", severity="warning", timeout=8)
            return
        devices = message.devices
        select = self.query_one("#input-device", Select)
        options = [(user_text("System default"), DEFAULT_DEVICE)] + [
            (user_text(f"{d.index}: {d.name}" + (" (default)" if d.is_default else "")), d.name) for d in devices
        ]
        select.set_options(options)
        current = self.services.settings.input_device
        select.value = current if current in {d.name for d in devices} else DEFAULT_DEVICE
        if self._saved_values:  # the list arriving is no change of the user's (until now it held one choice)
            self._saved_values["input_device"] = select.value

    def form_values(self) -> dict[str, object]:
        """What the form holds now, field by field (as typed: "015" differs from "15")."""
        values: dict[str, object] = {
            field_id: self.query_one(f"#{field_id}", TextField).value
            for field_id in ("answer-seconds", "prep-seconds", "question-count", "model")
        }
        values["feedback"] = self.query_one("#feedback-mode", Select).value
        values["voice"] = self.query_one("#voice", Select).value
        values["follow_ups"] = self.query_one("#follow-ups", Switch).value
        values["input_device"] = self.query_one("#input-device", Select).value
        return values

    @property
    def has_unsaved_changes(self) -> bool:
        """Whether the form differs from the settings as opened or last saved."""
        return bool(self._saved_values) and self.form_values() != self._saved_values

    @on(Button.Pressed, "#settings-save")
    def action_save(self) -> bool:
        """Check and save the form; returns whether it was saved (a bad number is named, and nothing saved)."""

        def number(widget_id: str, low: int, high: int, what: str) -> int | None:
            raw = self.query_one(widget_id, TextField).value.strip()
            try:
                value = int(raw)
            except ValueError:
                value = None
            if value is None or not low <= value <= high:
                self.notify(
                    f"{what}: '{raw}' must be a whole number from {low} to {high}.", severity="error", timeout=8
                )
                return None
            return value

        answer = number("#answer-seconds", *number_range("answer_seconds"), "Answer time")
        prep = number("#prep-seconds", *number_range("prep_seconds"), "Think time")
        count = number("#question-count", *number_range("question_count"), "Questions per round")
        if answer is None or prep is None or count is None:
            return False
        device = self.query_one("#input-device", Select).value
        settings = self.services.settings.updated(
            answer_seconds=answer,
            prep_seconds=prep,
            question_count=count,
            feedback=str(self.query_one("#feedback-mode", Select).value),
            voice=str(self.query_one("#voice", Select).value),
            follow_ups=self.query_one("#follow-ups", Switch).value,
            model=self.query_one("#model", TextField).value.strip() or "bundled",
            input_device="" if device == DEFAULT_DEVICE else str(device),
        )
        model_changed = settings.model != self.services.settings.model
        if not self.services.save_settings(settings):  # said why (disk full...); in use, and the form stays unsaved
            return False
        self._saved_values = self.form_values()
        self.notify("Settings saved.")
        if model_changed:
            self.check_model(settings.model)
        return True

    @work(thread=True, exclusive=True, group="model-check", exit_on_error=False, description="checking the model")
    def check_model(self, spec: str) -> None:
        """Say at once when the chosen model is not on this machine (spoken answers would fall back to typing)."""
        from mock_interview.transcription.models import ModelUnavailable, resolve_model

        try:
            resolve_model(spec, self.services.context.data.root / "models")
        except ModelUnavailable as exc:
            self.app.call_from_thread(
                self.notify,
                f"Saved, but spoken answers cannot use it: {exc}.",
                title="Transcription model",
                severity="warning",
                timeout=12,
            )

    def action_back(self) -> None:
        if not self.has_unsaved_changes:
            self.app.pop_screen()
            return

        def decided(choice: SaveChoice | None) -> None:
            if choice is SaveChoice.DISCARD or (choice is SaveChoice.SAVE and self.action_save()):
                self.app.pop_screen()

        self.app.push_screen(SaveChangesScreen("The settings form"), decided)
