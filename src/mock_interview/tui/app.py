"""The Textual application: Home, a round, Review, History, Profiles and Settings."""

from __future__ import annotations

import signal
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from mock_interview.core.context import AppContext


class MockInterviewApp(App[None]):
    """A calm practice room: a question, a clock, space to answer, and a checklist that tells the truth."""

    TITLE = "mock-interview"
    CSS_PATH = Path(__file__).with_name("app.tcss")  # absolute, so subclasses elsewhere find it
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", id="quit", priority=True),
        Binding("f1", "help", "Help", id="help"),
    ]

    def __init__(self, context: AppContext, *, start_round: dict | None = None,
                 clock: Callable[[], float] = time.monotonic, recorder_factory=None, transcriber_factory=None,
                 speech_probe: Callable[[], tuple[bool, str]] | None = None) -> None:
        super().__init__()
        self.context = context
        self.start_round = start_round
        self.clock = clock
        self.recorder_factory = recorder_factory
        self.transcriber_factory = transcriber_factory
        self.speech_probe = speech_probe
        self.settings, self.settings_problems = context.load_settings()

    def get_default_screen(self) -> Screen:
        """Home is the bottom of the stack (one screen to build before the first paint, not two)."""
        from mock_interview.tui.screens.home import HomeScreen

        return HomeScreen()

    def on_mount(self) -> None:
        for problem in self.settings_problems:
            self.notify(str(problem), title="Settings problem (defaults used)", severity="warning", timeout=10)
        for problem in self.context.packs.problems:
            self.notify(str(problem), title="Pack skipped", severity="warning", timeout=10)
        if self.start_round:
            self.call_later(self._start_requested_round)
        self._install_hangup_handler()

    def _start_requested_round(self) -> None:
        from mock_interview.tui.screens.home import start_round

        start_round(self, **self.start_round)

    def _install_hangup_handler(self) -> None:
        # A closed terminal sends SIGHUP: save the answer being written before the process ends.
        def on_hangup(signum, frame) -> None:
            self.save_everything()
            self.exit()

        try:
            signal.signal(signal.SIGHUP, on_hangup)
            signal.signal(signal.SIGTERM, on_hangup)
        except (ValueError, AttributeError):  # not the main thread, or no SIGHUP on this platform
            pass

    def save_everything(self) -> None:
        """Ask every screen holding unsaved work to save it (drafts, notes)."""
        for screen in self.screen_stack:
            saver = getattr(screen, "save_now", None)
            if saver is not None:
                try:
                    saver()
                except Exception as exc:  # saving must never stop the app from quitting
                    self.log.error(f"could not save {screen}: {exc}")

    async def action_quit(self) -> None:
        self.save_everything()
        await super().action_quit()

    def action_help(self) -> None:
        from mock_interview.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def save_settings(self, settings) -> None:
        """Keep and write new settings."""
        self.settings = settings
        self.context.save_settings(settings)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Every key binding of the current screen is also a palette command."""
        yield from super().get_system_commands(screen)
        seen = set()
        for active in screen.active_bindings.values():
            binding = active.binding
            if not binding.description or binding.action in seen or binding.action in ("quit", "command_palette"):
                continue
            seen.add(binding.action)
            namespace = active.node

            def run(action: str = binding.action, node=namespace) -> None:
                self.call_later(self.run_action, action, node)

            yield SystemCommand(binding.description, f"{binding.description} ({binding.key_display or binding.key})", run)
