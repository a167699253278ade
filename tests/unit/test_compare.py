"""Comparing attempts: a check that now fails is never called an improvement."""

from __future__ import annotations

import pytest

from mock_interview.core.compare import Change, change_between, compare_checks


@pytest.mark.parametrize(
    ("before", "after", "change"),
    [
        ("missing", "pass", Change.BETTER),
        ("missing", "partial", Change.BETTER),
        ("partial", "pass", Change.BETTER),
        ("pass", "missing", Change.WORSE),
        ("pass", "partial", Change.WORSE),
        ("partial", "missing", Change.WORSE),
        ("pass", "pass", Change.SAME),
        ("na", "na", Change.SAME),
        ("na", "missing", Change.NOW_CHECKED),
        ("na", "pass", Change.NOW_CHECKED),
        ("missing", "na", Change.NO_LONGER_CHECKED),
        ("pass", "na", Change.NO_LONGER_CHECKED),
    ],
)
def test_change_between_statuses(before: str, after: str, change: Change):
    assert change_between(before, after) is change


def check(check_id: str, status: str, label: str = "") -> dict[str, str]:
    return {"id": check_id, "label": label or check_id, "status": status}


def test_a_newly_failed_check_is_not_better():
    """Compare said "Technology language · → ✘ ▲ better" for a check that did not apply before."""
    older = {"checks": [check("alignment.industry", "na"), check("star.result", "missing")]}
    newer = {"checks": [check("alignment.industry", "missing", "Technology language"), check("star.result", "pass")]}
    rows = {row.label: row for row in compare_checks(older, newer)}
    assert rows["Technology language"].change is Change.NOW_CHECKED
    assert rows["star.result"].change is Change.BETTER


def test_checks_only_one_attempt_had_are_listed_and_those_neither_had_are_not():
    older = {"checks": [check("pitfalls.pay_perks", "missing"), check("delivery.pace", "na")]}
    newer = {"checks": [check("answer.closing", "pass"), check("delivery.pace", "na")]}
    rows = compare_checks(older, newer)
    assert [(r.label, r.before, r.after, r.change) for r in rows] == [
        ("answer.closing", "na", "pass", Change.NOW_CHECKED),
        ("pitfalls.pay_perks", "missing", "na", Change.NO_LONGER_CHECKED),
    ]
