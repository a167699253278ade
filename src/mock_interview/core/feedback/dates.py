"""Dates said in an answer ("in March 2024", "since 2015", "by 2027", "from 2019 to 2021").

One home for the patterns: :mod:`~mock_interview.core.feedback.events` reads them as time windows,
and :class:`~mock_interview.core.feedback.answer.AnswerText` leaves the numbers of a date out of the
figures an answer gives (a year says when, not how much). The patterns expect lower-case text.
"""

from __future__ import annotations

import re

YEAR = re.compile(r"(?:19|20)\d\d")
# "by 2027", "in 2026", "before the end of 2025": a year ahead reads as a horizon.
BY_YEAR = re.compile(r"(?<![\w])(?:by|in|before|until)\s+(?:the end of\s+)?(20\d\d)(?![\w])")
_MONTHS = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"sept?|oct|nov|dec|jan|feb|aug)"
)
# A month alone needs a word that makes it a date ("in", "last", "by", "since"...): "may" and
# "march" are verbs too.
_DATE_LEAD = r"(?:in|last|this|next|since|by|until|before|after|from|during|early|late|mid|that|on)"
_YEARS = r"(?:19|20)\d\d(?:\s*(?:to|-|until|and)\s*(?:19|20)\d\d)?"  # one year, or a span of them
# A date named by its month: "in March 2024", "March 3rd", "3 March", "Q3 2023", "last May", "by June";
# or by its year after a word that makes it one: "in 2019", "since 2015", "from 2019 to 2021".
DATE = re.compile(
    rf"(?<![\w])(?:(?:{_DATE_LEAD}[- ])?{_MONTHS}\.? (?:\d{{1,2}}(?:st|nd|rd|th)?,? )?(?:19|20)\d\d|"
    rf"(?:{_DATE_LEAD} )?{_MONTHS} \d{{1,2}}(?:st|nd|rd|th)?|"
    rf"(?:{_DATE_LEAD} )?\d{{1,2}}(?:st|nd|rd|th)? (?:of )?{_MONTHS}(?:,? (?:19|20)\d\d)?|"
    rf"{_DATE_LEAD}[- ]{_MONTHS}|(?:in )?q[1-4] (?:of )?(?:19|20)\d\d|"
    rf"(?:in|since|during|from|throughout|between) {_YEARS})(?![\w])"
)


def date_spans(lowered: str) -> list[tuple[int, int]]:
    """Where ``lowered`` names a date: (start, end) of each, in order. Not "by 2027" (:data:`BY_YEAR`),
    which reads as a horizon but may as well be an amount ("cut costs by 2000 dollars")."""
    return [m.span() for m in DATE.finditer(lowered)]
