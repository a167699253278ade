"""Profiles: create and edit target-role profiles in a form, including a pasted job description."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Header, Label, OptionList, Select
from textual.widgets.option_list import Option

from mock_interview.core.choices import CareerStage, Industry, choice_values
from mock_interview.core.profiles import Profile, ProfileChangedElsewhere, ProfileVersion
from mock_interview.core.safetext import visible
from mock_interview.tui.screens.confirm import ChangedElsewhereScreen, ConflictChoice, SaveChangesScreen, SaveChoice
from mock_interview.tui.usertext import user_text, user_value
from mock_interview.tui.widgets.fields import TextBox, TextField
from mock_interview.tui.widgets.keys_footer import KeysFooter

if TYPE_CHECKING:
    from mock_interview.tui.services import AppServices

NEW = "__new__"
FormValues = tuple[str, str, str, object, object, str, str, str]  # what the form holds, to notice unsaved changes


class ProfilesScreen(Screen[None]):
    """A list of profiles and the form of the selected one.

    Leaving the form with changes not saved (escape, another profile in the list, ctrl+n) asks
    "Save changes? (y/n/cancel)" first.
    """

    CSS_PATH = "forms.tcss"
    editing = ""  # the name of the profile in the form ("" for a new one)

    BINDINGS = [
        Binding("escape", "back", "Back", id="back"),
        # priority: they work from inside the job description too. ctrl+t, not a key a text field
        # uses: ctrl+u here once made the profile active instead of deleting to the line's start.
        Binding("ctrl+s", "save", "Save", id="save-profile", priority=True, tooltip="Save the profile"),
        Binding(
            "ctrl+t",
            "use",
            "Make active",
            id="use-profile",
            priority=True,
            tooltip="Save it and make it the active profile",
        ),
        Binding("ctrl+n", "new", "New", id="new-profile", priority=True, tooltip="A new, empty profile"),
    ]

    def __init__(self, services: AppServices) -> None:
        super().__init__()
        self.services = services
        self.profiles: dict[str, Profile] = {}
        self._saved_values: FormValues | None = None  # the form as filled or last saved
        self._version: ProfileVersion | None = None  # the file of the profile in the form, as it was read

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="profiles-view"):
            yield OptionList(id="profile-list")
            with VerticalScroll(id="profile-form", can_focus=False):
                yield Label("Name (used on the command line: lowercase, digits, - or _)", classes="field-label")
                yield TextField(id="profile-name", placeholder="acme-pm")
                yield Label("Company", classes="field-label")
                yield TextField(id="profile-company")
                yield Label("Role title", classes="field-label")
                yield TextField(id="profile-role")
                with Horizontal(classes="form-row"):
                    with Vertical():
                        yield Label("Industry", classes="field-label")
                        yield Select(
                            [(i, i) for i in choice_values(Industry)],
                            value=Industry.OTHER.value,
                            allow_blank=False,
                            id="profile-industry",
                        )
                    with Vertical():
                        yield Label("Career stage", classes="field-label")
                        yield Select(
                            [(s, s) for s in choice_values(CareerStage)],
                            value=CareerStage.MID.value,
                            allow_blank=False,
                            id="profile-stage",
                        )
                yield Label("Mission", classes="field-label")
                yield TextField(id="profile-mission")
                yield Label("Values (comma-separated)", classes="field-label")
                yield TextField(id="profile-values")
                yield Label("Job description (paste it here)", classes="field-label")
                yield TextBox("", id="profile-jd")
                with Horizontal(classes="form-buttons"):
                    yield Button("Save", id="profile-save", variant="primary")
                    yield Button("Make active", id="profile-use")
        yield KeysFooter(show_command_palette=False)

    def on_mount(self) -> None:
        self.reload()
        self.query_one("#profile-name", TextField).focus()  # the form's first field: typing goes there

    def reload(self, select: str | None = None, *, saved: bool = False) -> None:
        """List the profiles again and fill the form with ``select`` (``saved``: the one just saved, edited on)."""
        profiles, problems = self.services.context.profiles.load_all()
        for problem in problems:
            self.notify(str(problem), title="Profile skipped", severity="warning", timeout=8)
        options = self.query_one("#profile-list", OptionList)
        active = self.services.settings.active_profile
        with options.prevent(OptionList.OptionHighlighted):  # the form is filled below, once
            options.clear_options()
            options.add_option(Option("+ new profile", id=NEW))
            for profile in profiles:
                shown = f"● {profile.name} (active)" if profile.name == active else f"  {profile.name}"
                options.add_option(Option(user_text(shown), id=profile.name))
        self.profiles = {p.name: p for p in profiles}
        target = select or (active if active in self.profiles else None)
        self.show_profile(target or NEW, saved=saved)

    def show_profile(self, option_id: str, *, saved: bool = False) -> None:
        """Highlight ``option_id`` in the list (a profile's name, or ``NEW``) and fill the form with it."""
        self.highlight(option_id)
        self.fill(self.profiles.get(option_id) if option_id != NEW else None, saved=saved)

    @on(OptionList.OptionHighlighted, "#profile-list")
    def chosen(self, event: OptionList.OptionHighlighted) -> None:
        target = event.option_id or NEW
        if target == (self.editing or NEW):
            return
        self.leave_form(lambda: self.show_profile(target), stay=lambda: self.highlight(self.editing or NEW))

    def highlight(self, option_id: str) -> None:
        """Highlight ``option_id`` in the list without filling the form again."""
        options = self.query_one("#profile-list", OptionList)
        with options.prevent(OptionList.OptionHighlighted):
            for index in range(options.option_count):
                if options.get_option_at_index(index).id == option_id:
                    options.highlighted = index

    def fill(self, profile: Profile | None, *, saved: bool = False) -> None:
        """Fill the form; ``saved``: with the profile just saved from it, so the job description keeps its cursor."""
        profile = profile or Profile(name="", company="", role="")
        self.editing = profile.name
        self._version = self.services.context.profiles.version(profile.name) if profile.name else None
        self.query_one("#profile-name", TextField).value = user_value(profile.name)
        self.query_one("#profile-company", TextField).value = user_value(profile.company)
        self.query_one("#profile-role", TextField).value = user_value(profile.role)
        self.query_one("#profile-industry", Select).value = profile.industry
        self.query_one("#profile-stage", Select).value = profile.career_stage
        self.query_one("#profile-mission", TextField).value = user_value(profile.mission)
        self.query_one("#profile-values", TextField).value = user_value(", ".join(profile.values))
        job_description = self.query_one("#profile-jd", TextBox)
        if saved:  # the user may be typing on in it
            job_description.replace_text(user_value(profile.job_description))
        else:
            job_description.load_text(user_value(profile.job_description))
        self._saved_values = self.form_values()

    def form_values(self) -> FormValues:
        """What the form holds now, field by field."""

        def text(widget_id: str) -> str:
            return self.query_one(widget_id, TextField).value

        return (
            text("#profile-name"),
            text("#profile-company"),
            text("#profile-role"),
            self.query_one("#profile-industry", Select).value,
            self.query_one("#profile-stage", Select).value,
            text("#profile-mission"),
            text("#profile-values"),
            self.query_one("#profile-jd", TextBox).text,
        )

    @property
    def has_unsaved_changes(self) -> bool:
        """Whether the form differs from the profile as it was filled in or last saved."""
        return self._saved_values is not None and self.form_values() != self._saved_values

    def leave_form(self, then: Callable[[], None], *, stay: Callable[[], None] | None = None) -> None:
        """Run ``then`` (which replaces the form), asking first to save changes not saved yet.

        Save: the profile is saved, and ``then`` runs only if it could be (a bad name keeps the
        form open with its message). Discard: ``then`` runs. Cancel: ``stay`` runs, the edits stay.
        """
        if not self.has_unsaved_changes:
            then()
            return
        name = self.query_one("#profile-name", TextField).value.strip() or self.editing
        what = f"The profile '{visible(name)}'" if name else "The new profile"

        def decided(choice: SaveChoice | None) -> None:
            if choice is SaveChoice.SAVE:
                if self.action_save() is not None:
                    then()
                elif stay is not None:
                    stay()
            elif choice is SaveChoice.DISCARD:
                then()
            elif stay is not None:
                stay()

        self.app.push_screen(SaveChangesScreen(what), decided)

    def action_new(self) -> None:
        def new_form() -> None:
            self.show_profile(NEW)
            self.query_one("#profile-name", TextField).focus()

        self.leave_form(new_form)

    @on(Button.Pressed, "#profile-save")
    def action_save(self) -> Profile | None:
        from mock_interview.core.profiles import parse_profile
        from mock_interview.core.tomlschema import SLUG_HINT, InvalidFileError, is_slug

        name = self.query_one("#profile-name", TextField).value.strip()
        if not is_slug(name):
            self.notify(f"Name '{name}' is not allowed; {SLUG_HINT}.", severity="error", timeout=8)
            return None
        profile = Profile(
            name=name,
            company=self.query_one("#profile-company", TextField).value.strip(),
            role=self.query_one("#profile-role", TextField).value.strip(),
            industry=str(self.query_one("#profile-industry", Select).value),
            career_stage=str(self.query_one("#profile-stage", Select).value),
            mission=self.query_one("#profile-mission", TextField).value.strip(),
            values=tuple(v.strip() for v in self.query_one("#profile-values", TextField).value.split(",") if v.strip()),
            job_description=self.query_one("#profile-jd", TextBox).text.strip(),
        )
        try:
            parse_profile(profile.to_toml(), profile.name)
        except InvalidFileError as exc:
            self.notify(
                "\n".join(f"{p.key}: {p.message}" for p in exc.problems),
                title="Not saved",
                severity="error",
                timeout=10,
            )
            return None
        editing_it = name == self.editing
        try:  # a new name never replaces another profile; the one being edited is replaced, if unchanged elsewhere
            path = self.services.context.profiles.save(
                profile, overwrite=editing_it, since=self._version if editing_it else None
            )
        except ProfileChangedElsewhere as exc:
            self.resolve_conflict(profile, exc)
            return None
        except FileExistsError:
            self.notify(
                f"A profile named '{name}' exists already; choose another name or edit that one.",
                title="Not saved",
                severity="error",
                timeout=10,
            )
            return None
        except OSError as exc:  # WriteFailed: says what failed and the way out; the form keeps every field
            self.notify(str(exc), title="Profile not saved", severity="error", timeout=12)
            return None
        self.notify(f"Saved {path}")
        if not self.services.settings.active_profile:
            self.services.save_settings(self.services.settings.updated(active_profile=profile.name))
        self.reload(select=profile.name, saved=True)
        return profile

    def resolve_conflict(self, profile: Profile, conflict: ProfileChangedElsewhere) -> None:
        """The profile changed elsewhere since the form was filled: overwrite it, keep both, or cancel."""
        store = self.services.context.profiles
        copy_name = store.free_name(profile.name)

        def decided(choice: ConflictChoice | None) -> None:
            if choice is ConflictChoice.OVERWRITE:
                self._version = store.version(profile.name)  # the user has seen it changed: theirs goes
                self.action_save()
            elif choice is ConflictChoice.KEEP_BOTH:
                self.query_one("#profile-name", TextField).value = copy_name
                self.action_save()  # a new name: created, never replacing anything

        self.app.push_screen(ChangedElsewhereScreen(str(conflict), copy_name), decided)

    @on(Button.Pressed, "#profile-use")
    def action_use(self) -> None:
        profile = self.action_save()
        if profile is not None:
            self.services.save_settings(self.services.settings.updated(active_profile=profile.name))
            self.notify(f"Active profile: {profile.name}")
            self.reload(select=profile.name, saved=True)

    def action_back(self) -> None:
        def close() -> None:
            self.app.pop_screen()

        self.leave_form(close)
