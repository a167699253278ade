"""Typed rounds played through the app's own round code, with a weak and a strong answer."""

from __future__ import annotations

from mock_interview.core.context import AppContext
from mock_interview.core.planning import RoundRequest, prepare_round
from mock_interview.core.settings import Settings

WEAK = "I worked hard."
STRONG = (
    "In my previous role as a support lead at a software company, our backlog had grown to 900 tickets and "
    "customers waited four days for a reply. My task was to bring response times under one day within a quarter. "
    "I analysed six weeks of tickets in SQL, wrote a self-service guide for the ten most common problems, and "
    "trained four colleagues to use Zendesk macros. As a result, the backlog fell by 80% within two months and "
    "customer satisfaction rose from 72% to 91%. That taught me to start from the data, and I would bring the "
    "same approach to your support team."
)
SETTINGS = Settings(follow_ups=False, prep_seconds=0)


def typed_round(context: AppContext, refs: list[str], answers: list[str]) -> str:
    """A typed round of exactly ``refs`` answered with ``answers``, through the app's own round; its session id."""
    round_ = prepare_round(context, SETTINGS, RoundRequest(packs=(), questions=tuple(refs), profile="")).round
    round_.begin()
    for number, answer in enumerate(answers):
        round_.submit(answer)
        if number < len(answers) - 1:
            round_.next()
    round_.next()
    assert round_.session.status == "completed"
    return round_.session.id
