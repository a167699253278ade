"""Progress over time (History's chart): scored sessions oldest first, how often a check passed."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from mock_interview.core.context import AppContext
from mock_interview.core.progress import check_rates, checks_seen, score_points
from tests.typed_rounds import STRONG, WEAK, typed_round

REF = "behavioral-star/increased-results"


@pytest.fixture
def context(isolated_data_dir) -> AppContext:
    return AppContext.from_options(str(isolated_data_dir))


def test_scored_sessions_come_oldest_first_and_unscored_ones_are_left_out(context):
    typed_round(context, [REF], [STRONG])
    typed_round(context, [REF], [""])  # skipped: no score
    summaries, _ = context.sessions.list()
    older = replace(summaries[0], started=summaries[0].started - timedelta(days=1), score=40)
    points = score_points([*summaries, older])
    assert [p.score for p in points][0] == 40 and len(points) == 2
    assert all(0 <= p.score <= 100 for p in points) and points[1].groups


def test_a_check_counts_the_answers_it_applied_to_and_those_that_passed(context):
    typed_round(context, [REF, "career-goals/long-term-goals"], [WEAK, STRONG])
    typed_round(context, [REF], [STRONG])
    sessions = sorted(context.sessions.load_all(), key=lambda s: s.started)
    rates = check_rates(sessions, "star.result_measurable")
    # the goals question does not ask for a STAR result: it is not counted for that check
    assert sorted((r.passed, r.applied) for r in rates) == [(0, 1), (1, 1)]
    assert check_rates(sessions, "no.such_check") == []
    seen = checks_seen(sessions)
    assert seen["star.result_measurable"] == "Measurable result"
    assert all(label for label in seen.values())
