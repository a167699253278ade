"""How the app colours a check's status (the command line has its own, in ``cli/output.py``)."""

from __future__ import annotations

STATUS_STYLES = {"pass": "green", "partial": "yellow", "missing": "red", "na": "grey50"}


def status_style(status: str) -> str:
    """The colour of a check's status (``pass``, ``partial``, ``missing``, ``na``) in the app."""
    return STATUS_STYLES.get(str(status), STATUS_STYLES["na"])
