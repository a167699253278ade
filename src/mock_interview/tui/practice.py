"""Practise a question again from Review or Compare (a round of that one question), and what a drill recalls.

Its attempts stay together: the new answer has the question's ref, so Compare lists it beside the
earlier ones and the drill schedules it with them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mock_interview.core.choices import AnswerMode

if TYPE_CHECKING:
    from mock_interview.core.rounds import Round
    from mock_interview.tui.services import AppServices


def practise_again(app: AppServices, ref: str, *, spoken: bool = False, profile: str = "") -> bool:
    """Start a round of the question ``ref``, answered as before (spoken when it was and still can be).

    Args:
        app: The app.
        ref: The question (``pack/question``).
        spoken: The earlier answer was spoken.
        profile: The profile the earlier answer was checked against (left out when it is gone).

    Returns:
        Whether the round started (a question in no pack any more is said and starts nothing).
    """
    from mock_interview.core.planning import RoundRequest
    from mock_interview.extras import speech_missing

    mode = AnswerMode.TYPED
    if spoken:
        missing = speech_missing()
        if missing is None:
            mode = AnswerMode.SPOKEN
        else:
            app.notify(f"Typed this time: {missing}", title="Practise again", severity="warning", timeout=8)
    if profile and profile not in app.context.profiles.names():
        profile = ""
    return app.start_new_round(RoundRequest(packs=(), questions=(ref,), mode=mode, profile=profile))


def missed_last_time(round_: Round, hint: str) -> str:
    """The checklist's hint before an answer, after what the question's last practice missed (a drill).

    A drill goes back to what went wrong: the user sees it before answering, and the follow-up asks
    about it if this answer misses it again.
    """
    from mock_interview.core.feedback.registry import CheckId, spec

    turn = round_.turn
    if turn is None or turn.follow_up_to:
        return hint
    labels = []
    for check_id in round_.missed_before.get(turn.question.ref, ()):
        try:
            labels.append(spec(CheckId(check_id)).label)
        except ValueError:  # a check of an older version of the app
            continue
    if not labels:
        return hint
    shown = ", ".join(labels[:3]) + (f" and {len(labels) - 3} more" if len(labels) > 3 else "")
    return f"Last time this question missed: {shown}. {hint}"
