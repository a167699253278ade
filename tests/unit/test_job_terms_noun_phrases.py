"""A job description's terms are noun phrases: a title and the adjective or participle that starts
the next phrase ("an analyst skilled in SQL") make no term, and neither word alone is one.
Descriptions written for the test."""

from __future__ import annotations

import pytest

from mock_interview.core.feedback.alignment import job_terms
from mock_interview.core.feedback.phrases import participle

DESCRIPTIONS = [
    (
        "We are hiring a data analyst skilled in SQL, Python and Tableau to run A/B tests and build dashboards.",
        {"SQL", "Python", "Tableau", "A/B tests", "dashboards"},
    ),
    ("Looking for a nurse experienced in triage and engineers proficient in Kubernetes.", {"triage", "Kubernetes"}),
    (
        "A developer passionate about accessibility, comfortable with React, based in Berlin.",
        {"React", "accessibility"},
    ),
    ("A recruiter fluent in Spanish and versed in sourcing tools, eager to learn.", {"Spanish", "sourcing tools"}),
    ("Field technician certified in HVAC repair, available on weekends.", {"HVAC repair"}),
    ("Product designer obsessed with usability testing. Teachers trained in phonics preferred.", {"usability testing"}),
]
ADJECTIVES = {
    "skilled", "experienced", "proficient", "passionate", "comfortable", "based", "fluent", "versed",
    "eager", "certified", "available", "obsessed", "trained", "preferred",
}  # fmt: skip


@pytest.mark.parametrize(("description", "expected"), DESCRIPTIONS)
def test_terms_are_noun_phrases_not_a_title_and_its_adjective(description, expected):
    terms = [t.text for t in job_terms(description)]
    assert expected <= set(terms), terms
    for term in terms:
        assert term.split()[-1].lower() not in ADJECTIVES, term


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("skilled", True),
        ("based", True),
        ("certified", True),
        ("planned", True),
        ("need", False),
        ("speed", False),
        ("indeed", False),
        ("hundred", False),
    ],
)
def test_a_participle_is_told_by_its_base(word, expected):
    assert participle(word) is expected


def test_a_noun_before_its_complement_stays_a_term():
    terms = {
        t.text for t in job_terms("You will manage stakeholder engagement with local councils and vendor onboarding.")
    }
    assert "stakeholder engagement" in terms
