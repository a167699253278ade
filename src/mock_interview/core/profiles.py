"""Target profiles: the company and role a user practises for.

Each profile is a TOML file in the data directory's ``profiles/`` folder, named after the
profile (``acme-pm.toml`` is the profile ``acme-pm``). One of them may be active; which one is kept
in the settings.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

import tomli_w

from mock_interview.core.fsutil import atomic_write_text, ensure_private_dir
from mock_interview.core.tomlschema import (
    SLUG_HINT,
    FieldSpec,
    InvalidFileError,
    KeyLocator,
    Problem,
    check_table,
    is_slug,
    parse_toml_text,
    read_user_file,
)

CAREER_STAGES = ("entry", "mid", "senior")
INDUSTRIES = ("technology", "healthcare", "finance", "creative", "nonprofit", "public", "other")

PROFILE_FIELDS = (
    FieldSpec("company", "str", required=True),
    FieldSpec("role", "str", required=True),
    FieldSpec("industry", "str", default="other", choices=INDUSTRIES),
    FieldSpec("career_stage", "str", default="mid", choices=CAREER_STAGES),
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
    locator = KeyLocator(text)
    problems: list[Problem] = []
    values = check_table(data, PROFILE_FIELDS, file=source, where="",
                         locate=lambda key: locator.line_of(None, key), problems=problems)
    if problems:
        raise InvalidFileError(problems)
    return Profile(name=name, **values)


class ProfileStore:
    """The profiles folder of a data directory."""

    def __init__(self, folder: Path):
        self.folder = folder

    def path_for(self, name: str) -> Path:
        """The file of the profile called ``name``."""
        return self.folder / f"{name}.toml"

    def names(self) -> list[str]:
        """The names of the saved profiles, sorted."""
        if not self.folder.is_dir():
            return []
        return sorted(p.stem for p in self.folder.glob("*.toml") if not p.name.startswith("."))

    def load(self, name_or_path: str) -> Profile:
        """Load a profile by name, or from a path to a TOML file.

        Raises:
            InvalidFileError: The profile does not exist or is invalid.
        """
        candidate = Path(name_or_path).expanduser()
        if candidate.suffix == ".toml" and (candidate.exists() or "/" in name_or_path):
            path = candidate
        else:
            path = self.path_for(name_or_path)
        if not path.exists():
            known = ", ".join(self.names()) or "none yet"
            raise InvalidFileError([Problem(path, "", f"no such profile; known profiles: {known}; create one with 'mock-interview profiles new'")])
        return parse_profile(read_user_file(path), path.stem, path)

    def load_all(self) -> tuple[list[Profile], list[Problem]]:
        """Every valid profile, and the problems of the invalid ones."""
        profiles: list[Profile] = []
        problems: list[Problem] = []
        for name in self.names():
            try:
                profiles.append(self.load(name))
            except InvalidFileError as exc:
                problems.extend(exc.problems)
        return profiles, problems

    def save(self, profile: Profile) -> Path:
        """Write ``profile`` atomically as ``<name>.toml`` (``0600``).

        Raises:
            ValueError: The name is not a safe slug.
        """
        if not is_slug(profile.name):
            raise ValueError(f"profile name '{profile.name}' is not allowed; {SLUG_HINT}")
        ensure_private_dir(self.folder)
        path = self.path_for(profile.name)
        atomic_write_text(path, profile.to_toml())
        return path
