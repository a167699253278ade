"""Target profiles: the company and role a user practises for.

Each profile is a TOML file in the data directory's ``profiles/`` folder, named after the
profile (``acme-pm.toml`` is the profile ``acme-pm``). One of them may be active; which one is kept
in the settings.

A form that edits a profile remembers the file as it read it (:meth:`ProfileStore.version`); a
save given that version writes only if the file is still the same, so an edit made meanwhile in
another window or by ``profiles new --force`` is never overwritten without the user choosing it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

import tomli_w

from mock_interview.core.choices import CareerStage, Industry, choice_values
from mock_interview.core.fsutil import (
    UnsafePathError,
    atomic_create_text,
    atomic_write_text,
    child_path,
    ensure_private_dir,
    folder_lock,
    read_regular_file,
)
from mock_interview.core.tomlschema import (
    MAX_USER_FILE_BYTES,
    SLUG_HINT,
    FieldSpec,
    InvalidFileError,
    Problem,
    Validator,
    is_slug,
    parse_toml_text,
    quote,
    read_user_file,
)

PROFILE_FIELDS = (
    FieldSpec("company", "str", required=True),
    FieldSpec("role", "str", required=True),
    FieldSpec("industry", "str", default="other", choices=choice_values(Industry)),
    FieldSpec("career_stage", "str", default="mid", choices=choice_values(CareerStage)),
    FieldSpec("mission", "str", default="", allow_empty=True),
    FieldSpec("values", "list[str]", default=(), allow_empty=True),
    FieldSpec("job_description", "str", default="", allow_empty=True),
)


@dataclass(frozen=True)
class Profile:
    """The role a user is preparing for."""

    name: str
    company: str
    role: str
    industry: str = "other"
    career_stage: str = "mid"
    mission: str = ""
    values: tuple[str, ...] = ()
    job_description: str = ""

    def to_toml(self) -> str:
        """The profile as the TOML text of its file (the name is the file name)."""
        data = asdict(self)
        data.pop("name")
        data["values"] = list(self.values)
        return tomli_w.dumps(data, multiline_strings=True)


def parse_profile(raw: bytes | str, name: str, source: Path | None = None) -> Profile:
    """Parse and validate a profile's TOML.

    Raises:
        InvalidFileError: With every problem found.
    """
    data, text = parse_toml_text(raw, source)
    validator = Validator(source, text)
    values = validator.table(data, PROFILE_FIELDS, "")
    if validator.problems or values is None:
        raise InvalidFileError(validator.problems)
    return Profile(name=name, **values)


@dataclass(frozen=True)
class ProfileVersion:
    """A profile's file as it was read: its bytes, or ``None`` when there was no file."""

    data: bytes | None


class ProfileChangedElsewhere(Exception):
    """The profile's file changed (or was deleted) since the form read it; nothing was written."""

    def __init__(self, name: str, path: Path, deleted: bool) -> None:
        self.name = name
        self.path = path
        self.deleted = deleted
        what = "was deleted" if deleted else "was changed"
        super().__init__(
            f"The profile '{name}' {what} elsewhere (another window, or the command line) since it was opened"
        )


class ProfileStore:
    """The profiles folder of a data directory.

    A profile's name is its file name, and only a safe slug (``acme-pm``) is ever turned into a
    path, so a name from the command line, the settings or a session file cannot reach outside
    the folder.
    """

    def __init__(self, folder: Path):
        self.folder = folder

    def path_for(self, name: str) -> Path:
        """The file of the profile called ``name``.

        Raises:
            InvalidFileError: ``name`` is not a safe profile name.
        """
        if not is_slug(name):
            raise InvalidFileError([Problem(None, "", f"{quote(name)} is not a profile name; {SLUG_HINT}")])
        try:
            return child_path(self.folder, f"{name}.toml")
        except UnsafePathError as exc:
            problem = Problem(self.folder / f"{name}.toml", "", exc.strerror or "is not usable")
            raise InvalidFileError([problem]) from None

    def names(self) -> list[str]:
        """The names of the saved profiles, sorted (files whose name is not a safe slug are left out)."""
        return self._scan()[0]

    def _scan(self) -> tuple[list[str], list[Problem]]:
        if not self.folder.is_dir():
            return [], []
        names: list[str] = []
        problems: list[Problem] = []
        for path in sorted(self.folder.iterdir()):
            if path.suffix != ".toml" or path.name.startswith("."):
                continue
            if is_slug(path.stem):
                names.append(path.stem)
            else:
                problems.append(
                    Problem(path, "", f"{quote(path.stem)} is not a usable profile name; rename the file ({SLUG_HINT})")
                )
        return names, problems

    def load(self, name: str) -> Profile:
        """Load the profile called ``name``.

        Raises:
            InvalidFileError: The name is not a profile name, or the profile does not exist or is
                invalid; one problem per line, naming the file.
        """
        if not is_slug(name):
            known = ", ".join(self.names()) or "none yet"
            raise InvalidFileError(
                [
                    Problem(
                        None,
                        "",
                        f"no profile {quote(name)}; known profiles: {known}; "
                        "create one with 'mock-interview profiles new NAME'",
                    )
                ]
            )
        path = self.path_for(name)
        if not path.exists() and not path.is_symlink():
            known = ", ".join(self.names()) or "none yet"
            raise InvalidFileError(
                [
                    Problem(
                        path,
                        "",
                        f"no profile '{name}'; known profiles: {known}; "
                        "create one with 'mock-interview profiles new NAME'",
                    )
                ]
            )
        return parse_profile(read_user_file(path), name, path)

    def load_name_or_path(self, name_or_path: str) -> Profile:
        """Load a profile by name, or from a ``.toml`` file the user names on the command line.

        Raises:
            InvalidFileError: The profile does not exist or is invalid.
        """
        if name_or_path.endswith(".toml") and not is_slug(name_or_path):
            path = Path(name_or_path).expanduser()
            if not path.exists():
                message = "does not exist; give a profile name or the path of a profile file"
                raise InvalidFileError([Problem(path, "", message)])
            return parse_profile(read_user_file(path), path.stem, path)
        return self.load(name_or_path)

    def load_all(self) -> tuple[list[Profile], list[Problem]]:
        """Every valid profile, and the problems of the invalid ones (each file on its own)."""
        names, problems = self._scan()
        profiles: list[Profile] = []
        for name in names:
            try:
                profiles.append(self.load(name))
            except InvalidFileError as exc:
                problems.extend(exc.problems)
        return profiles, problems

    def version(self, name: str) -> ProfileVersion:
        """The profile's file as it is now, to hand back to :meth:`save` (``since``)."""
        try:
            return ProfileVersion(read_regular_file(self.path_for(name), MAX_USER_FILE_BYTES, follow_symlinks=False))
        except (OSError, InvalidFileError):  # missing (or not a file a save would replace)
            return ProfileVersion(None)

    def free_name(self, name: str) -> str:
        """``name`` if no profile has it, else the first of ``name-2``, ``name-3``... that is free."""
        candidate, number = name, 1
        while (self.folder / f"{candidate}.toml").exists() or (self.folder / f"{candidate}.toml").is_symlink():
            number += 1
            candidate = f"{name[:56]}-{number}"
        return candidate

    def save(self, profile: Profile, *, overwrite: bool = True, since: ProfileVersion | None = None) -> Path:
        """Write ``profile`` atomically as ``<name>.toml`` (``0600``).

        Args:
            profile: The profile.
            overwrite: Replace an existing profile of that name. When false the file is created
                exclusively: if another process created it first, nothing is written.
            since: The file as the caller read it (:meth:`version`): the save goes ahead only if
                it is unchanged (checked and written under the folder's lock).

        Raises:
            ValueError: The name is not a safe slug.
            FileExistsError: ``overwrite`` is false and the profile exists.
            ProfileChangedElsewhere: ``since`` was given and the file is no longer that version.
            WriteFailed: The file cannot be written (disk full, read-only data folder...).
        """
        if not is_slug(profile.name):
            raise ValueError(f"profile name {quote(profile.name)} is not allowed; {SLUG_HINT}")
        ensure_private_dir(self.folder)
        path = child_path(self.folder, f"{profile.name}.toml")
        with folder_lock(self.folder):
            if since is not None:
                current = self.version(profile.name)
                if current != since:
                    raise ProfileChangedElsewhere(profile.name, path, deleted=current.data is None)
            if overwrite:
                atomic_write_text(path, profile.to_toml())
            else:
                atomic_create_text(path, profile.to_toml())
        return path
