"""What both front ends need: the data directory, the packs, the settings, the profiles."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from mock_interview.core.datadir import DataDir, resolve_data_dir

if TYPE_CHECKING:  # the stores are imported when first used, to keep start-up lean
    from mock_interview.core.debrief import DebriefStore
    from mock_interview.core.packs import PackLoadReport
    from mock_interview.core.profiles import ProfileStore
    from mock_interview.core.sessions import SessionStore
    from mock_interview.core.settings import Settings
    from mock_interview.core.tomlschema import Problem


@dataclass
class AppContext:
    """Shared by the CLI and the TUI: one data directory and what lives in it."""

    data: DataDir
    extra_pack_paths: list[Path] = field(default_factory=list)

    @classmethod
    def from_options(
        cls, data_dir: str | None, pack_paths: list[str] | None = None, *, create: bool = True
    ) -> AppContext:
        """Resolve the data directory and remember extra pack paths.

        Args:
            data_dir: ``--data-dir``, if given.
            pack_paths: ``--pack-path`` files and folders.
            create: Create the data directory (``0700``) and clear stale temporary files in it; a
                command that only reads passes ``False`` and a missing folder stays missing.
        """
        data = resolve_data_dir(data_dir)
        return cls(data.ensure() if create else data, [Path(p) for p in pack_paths or []])

    @cached_property
    def packs(self) -> PackLoadReport:
        """Every pack that loads, and the problems of those that do not."""
        from mock_interview.core.debrief import with_debrief_pack
        from mock_interview.core.packs import discover_packs

        return with_debrief_pack(discover_packs(self.data.packs, self.extra_pack_paths), self.data.debriefs)

    def reload_packs(self) -> None:
        """Read the packs again at the next use of :attr:`packs` (a debrief changed *My interviews*)."""
        self.__dict__.pop("packs", None)

    @property
    def sessions(self) -> SessionStore:
        """The session store."""
        from mock_interview.core.sessions import SessionStore

        return SessionStore(self.data.sessions)

    @property
    def debriefs(self) -> DebriefStore:
        """The debriefs of real interviews."""
        from mock_interview.core.debrief import DebriefStore

        return DebriefStore(self.data.debriefs)

    @property
    def profiles(self) -> ProfileStore:
        """The profile store."""
        from mock_interview.core.profiles import ProfileStore

        return ProfileStore(self.data.profiles)

    def load_settings(self) -> tuple[Settings, list[Problem]]:
        """The settings and any problems in the settings file."""
        from mock_interview.core.settings import load_settings

        return load_settings(self.data.settings_file)

    def save_settings(self, settings: Settings) -> None:
        """Write the settings."""
        from mock_interview.core.settings import save_settings

        save_settings(self.data.settings_file, settings)
