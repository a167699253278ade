"""The Textual application: Home, a round, Review, History, Profiles and Settings."""

from __future__ import annotations

import signal
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.dom import DOMNode
from textual.notifications import SeverityLevel
from textual.screen import Screen

from mock_interview.core.context import AppContext
from mock_interview.core.safetext import visible

if TYPE_CHECKING:
    from mock_interview.core.planning import CheckedRequest, PreparedRound, RoundRequest
    from mock_interview.core.settings import Settings
    from mock_interview.tui.services import RecorderFactory, Speaker, SpeechProbe, TranscriberFactory


class MockInterviewApp(App[None]):
    """A calm practice room: a question, a clock, space to answer, and a checklist that tells the truth.

    It is what the screens know as :class:`~mock_interview.tui.services.AppServices`: each is given the app
    when built, typed as that protocol.
    """

    TITLE = "mock-interview"
    CSS_PATH = Path(__file__).with_name("app.tcss")  # absolute, so subclasses elsewhere find it
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", id="quit", priority=True),
        Binding("f1", "help", "Help", id="help", tooltip="These keys: the screen's first"),
    ]

    def __init__(
        self,
        context: AppContext,
        *,
        start_round: RoundRequest | CheckedRequest | None = None,
        clock: Callable[[], float] = time.monotonic,
        recorder_factory: RecorderFactory | None = None,
        transcriber_factory: TranscriberFactory | None = None,
        speech_probe: SpeechProbe | None = None,
        speaker: Speaker | None = None,
    ) -> None:
        """Build the app over a data directory.

        Args:
            context: The data directory and what lives in it.
            start_round: Start this round (``practice``: checked already, so not checked again).
            clock: The monotonic time source of the round clock (tests move it by hand).
            recorder_factory: Builds the recorder of spoken answers (tests pass a fake).
            transcriber_factory: Loads the transcriber (tests pass a fake).
            speech_probe: Says whether spoken answers can be used, and why not (tests pass a fake).
            speaker: Reads a question aloud, ``speaker(text, stop=event)`` (tests pass a fake; by
                default the interviewer's voice on the default output).
        """
        super().__init__()
        self.context = context
        self.start_round = start_round
        self.clock = clock
        self.recorder_factory = recorder_factory
        self.transcriber_factory = transcriber_factory
        self.speech_probe = speech_probe
        self.speaker = speaker
        self.settings, self.settings_problems = context.load_settings()
        self._quit_question: Screen[bool] | None = None  # "Quit without saving?", while it is asked

    def get_default_screen(self) -> Screen[None]:
        """Home is the bottom of the stack (one screen to build before the first paint, not two)."""
        from mock_interview.tui.screens.home import HomeScreen

        return HomeScreen(self)

    def on_mount(self) -> None:
        for problem in self.settings_problems:
            self.notify(str(problem), title="Settings problem (defaults used)", severity="warning", timeout=10)
        if self.context.packs.problems:  # one notice for all: one per problem piled up over Start and the clock
            from mock_interview.core.packs import problems_by_file, skipped_packs_summary

            skipped = len(problems_by_file(self.context.packs.problems))
            self.notify(
                skipped_packs_summary(self.context.packs.problems),
                title="Pack skipped" if skipped == 1 else "Packs skipped",
                severity="warning",
                timeout=10,
            )
        if self.start_round is not None:
            self.call_later(self.start_new_round, self.start_round)
        self._install_hangup_handler()
        self.call_after_refresh(self._warm_up_feedback)

    @work(thread=True, exclusive=True, group="warm-up", exit_on_error=False, description="loading word lists")
    def _warm_up_feedback(self) -> None:
        """Load the feedback's word lists off the UI thread, after the first paint, so that the first
        checklist (or the first submit in calm mode) does not wait for them."""
        from mock_interview.core.feedback import warm_up

        warm_up()

    def start_new_round(self, request: RoundRequest | CheckedRequest) -> bool:
        """Plan and open a round (Home, ``practice``); a reason is shown when it cannot start.

        Returns:
            Whether the round started.
        """
        from mock_interview.core.planning import RoundNotPossible, prepare_round

        try:
            prepared = prepare_round(self.context, self.settings, request, self.clock)
        except RoundNotPossible as exc:
            self.notify(str(exc), title="No round", severity="error", timeout=10)
            return False
        self.open_round(prepared)
        return True

    def resume_round(self, session_id: str) -> bool:
        """Carry on an unfinished session where it stopped (History).

        Returns:
            Whether the round started.
        """
        from mock_interview.core.planning import RoundNotPossible, prepare_resumed_round

        try:
            session = self.context.sessions.load(session_id)
            prepared = prepare_resumed_round(self.context, self.settings, session, self.clock)
        except (LookupError, RoundNotPossible) as exc:
            self.notify(str(exc), title="Nothing to resume", severity="warning", timeout=8)
            return False
        self.open_round(prepared)
        return True

    def open_round(self, prepared: PreparedRound) -> None:
        """Show what the user should know about the plan, then the round screen."""
        from mock_interview.tui.screens.round import RoundScreen

        for note in prepared.notes:
            self.notify(note, title="About this round", severity="warning", timeout=10)
        self.push_screen(RoundScreen(self, prepared.round))

    def _install_hangup_handler(self) -> None:
        # A closed terminal sends SIGHUP, a shutdown SIGTERM, `kill -INT` SIGINT (in the app, ctrl+c
        # is a key, not a signal): each saves the answer being written before the process ends.
        def on_signal(signum: int, frame: FrameType | None) -> None:
            self.save_everything()
            self.exit()

        for name in ("SIGHUP", "SIGTERM", "SIGINT"):
            try:
                signal.signal(getattr(signal, name), on_signal)
            except (ValueError, AttributeError):  # not the main thread, or no such signal on this platform
                continue

    def save_everything(self) -> list[str]:
        """Ask every screen holding unsaved work to save it (drafts, notes).

        Returns:
            What could not be saved, one line each (empty when everything is on disk).
        """
        failures: list[str] = []
        for screen in self.screen_stack:
            saver = getattr(screen, "save_now", None)
            if saver is None:
                continue
            try:
                problem = saver()
            except Exception as exc:  # noqa: BLE001 - a boundary: saving must never stop the app from quitting
                problem = exc
            if problem is not None:
                failures.append(str(problem))
        return failures

    async def action_quit(self) -> None:
        """Quit once everything is saved; when something cannot be saved, ask before losing it."""
        from mock_interview.tui.screens.confirm import ConfirmScreen

        failures = self.save_everything()
        if not failures or self.screen is self._quit_question:  # asked already: ctrl+q again quits
            await super().action_quit()
            return

        def decided(quit_anyway: bool | None) -> None:
            self._quit_question = None
            if quit_anyway:
                self.exit()

        self._quit_question = ConfirmScreen(
            "Quit without saving?",
            "Not saved: "
            + "; ".join(failures)
            + ". Your work is kept while the app stays open: free some space, then press escape and"
            " it is saved as you go on.",
            yes="Quit and lose it",
            no="Stay",
        )
        self.push_screen(self._quit_question, decided)

    def action_help(self) -> None:
        from mock_interview.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_help_quit(self) -> None:
        """ctrl+c does not quit (it copies in a text field): say which key does, in plain words.

        Textual's own notice is markup ("Press [b]ctrl+q[/b]…"), shown raw here, where markup is off.
        """
        for key, active in self.active_bindings.items():
            if active.binding.action in ("quit", "app.quit"):
                self.notify(f"Press {key} to quit the app.", title="Do you want to quit?")
                return

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Show a notification; its text is never parsed as markup, whatever ``markup`` says.

        Messages quote packs, profiles, sessions and device names (a file name with ``[/]`` would
        break the toast, ``[@click=...]`` would become an action), and screens' ``notify`` passes
        ``markup=True`` by default: so markup is always off here, and control characters are made
        visible.
        """
        super().notify(visible(str(message)), title=visible(title), severity=severity, timeout=timeout, markup=False)

    def save_settings(self, settings: Settings) -> bool:
        """Keep new settings and write them; a write that fails is said, and the settings stay in use.

        Returns:
            Whether they were written.
        """
        self.settings = settings
        try:
            self.context.save_settings(settings)
        except OSError as exc:  # WriteFailed: disk full, read-only data folder...
            self.notify(str(exc), title="Settings not saved", severity="error", timeout=12)
            return False
        return True

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The screen's own actions (those its footer shows, and the app's help) as palette commands, one each.

        Not the focused field's: a text area's thirty editing commands ("Cursor left word select")
        would bury the screen's few. Each entry's help line says what it does and its key, rather
        than repeating its name.
        """
        # Textual's "Keys" panel says what Help (f1) says, less well, and escape does not close it: one entry, Help
        yield from (command for command in super().get_system_commands(screen) if command.title != "Keys")
        seen: set[str] = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            own = active.node is screen or active.node is self
            if not own or not binding.show or not binding.description or binding.action in seen or binding.system:
                continue
            if binding.action in ("quit", "command_palette"):  # the palette has its own Quit
                continue
            seen.add(binding.action)
            namespace = active.node

            def run(action: str = binding.action, node: DOMNode = namespace) -> None:
                self.call_later(self.run_action, action, node)

            key = binding.key_display or self.get_key_display(binding)
            yield SystemCommand(binding.description, f"{binding.tooltip or binding.description}: {key}", run)
