"""Where mock-interview keeps its data: one place for every path.

One data directory holds sessions, recordings, profiles, the user's own packs and settings. It is
the one the user chose (``--data-dir``, else the ``MOCK_INTERVIEW_DATA_DIR`` environment variable),
else the platform's user data directory; only when the current directory is a checkout of this
project is it the checkout's ``recordings/`` (a ``recordings`` folder anywhere else is the user's own
business, never silently taken for ours).

Nothing is created by choosing it: commands that only read (``score``, ``packs list``, ``doctor``…)
leave a missing data directory missing; the first that writes calls :meth:`DataDir.ensure`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from mock_interview.core.fsutil import clean_stale_temp_files, ensure_private_dir

APP_NAME = "mock-interview"
DATA_DIR_ENV = "MOCK_INTERVIEW_DATA_DIR"
CHECKOUT_FOLDER = "recordings"
MAX_PYPROJECT_BYTES = 1024 * 1024


@dataclass(frozen=True)
class DataDir:
    """The folders inside one data directory."""

    root: Path

    @property
    def sessions(self) -> Path:
        """One TOML file per practice session."""
        return self.root / "sessions"

    @property
    def audio(self) -> Path:
        """Recorded spoken answers, one WAV per answer."""
        return self.root / "audio"

    @property
    def profiles(self) -> Path:
        """Target-role profiles, one TOML file each."""
        return self.root / "profiles"

    @property
    def packs(self) -> Path:
        """The user's own question packs."""
        return self.root / "packs"

    @property
    def debriefs(self) -> Path:
        """Debriefs of real interviews, one TOML file each (their questions make the "My interviews" pack)."""
        return self.root / "debriefs"

    @property
    def drill_file(self) -> Path:
        """The drill schedule: each practised question's reviews and when it is due again."""
        return self.root / "drill.json"

    @property
    def settings_file(self) -> Path:
        """The user's settings."""
        return self.root / "settings.toml"

    @property
    def messages_log(self) -> Path:
        """What C libraries and child processes wrote to standard error while the app ran."""
        return self.root / "messages.log"

    @property
    def exports(self) -> Path:
        """Markdown reports exported from Review."""
        return self.root / "exports"

    def ensure(self) -> DataDir:
        """Create the data directory and its folders (``0700``) if they are missing.

        Temporary files that interrupted saves left behind (older than a few minutes, so a save in
        progress elsewhere is never disturbed) are removed on the way.
        """
        for folder in (self.root, self.sessions, self.audio, self.profiles, self.packs):
            ensure_private_dir(folder)
        for folder in (self.root, self.sessions, self.profiles, self.exports):
            clean_stale_temp_files(folder)
        return self


def resolve_data_dir(
    explicit: str | os.PathLike[str] | None = None,
    *,
    environ: dict[str, str] | None = None,
    cwd: Path | None = None,
) -> DataDir:
    """Choose the data directory (see the module docstring for the order).

    Args:
        explicit: A path given on the command line, if any.
        environ: The environment to read (defaults to ``os.environ``).
        cwd: The current directory (defaults to ``Path.cwd()``).

    Returns:
        The data directory; nothing is created until :meth:`DataDir.ensure` is called.
    """
    env = os.environ if environ is None else environ
    if explicit:
        return DataDir(Path(explicit).expanduser().resolve())
    if env.get(DATA_DIR_ENV):
        return DataDir(Path(env[DATA_DIR_ENV]).expanduser().resolve())
    here = cwd or Path.cwd()
    if is_checkout(here):
        return DataDir((here / CHECKOUT_FOLDER).resolve())
    from platformdirs import user_data_path

    return DataDir(user_data_path(APP_NAME, appauthor=False))


def is_checkout(folder: Path) -> bool:
    """Whether ``folder`` is a checkout of this project: its ``pyproject.toml`` names mock-interview and
    its ``src/mock_interview`` package is there (a file that cannot be read as one is not a checkout)."""
    import tomllib

    from mock_interview.core.fsutil import read_regular_file

    if not (folder / "src" / "mock_interview" / "__init__.py").is_file():
        return False
    try:
        project = tomllib.loads(read_regular_file(folder / "pyproject.toml", MAX_PYPROJECT_BYTES).decode("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return False
    table = project.get("project")
    return isinstance(table, dict) and table.get("name") == APP_NAME
