"""Job-description terms: the skills, tools, methods and domain terms of a description (not its
title words or everyday words), and an answer credited only where it uses them about the speaker's
own work. The descriptions and answers are written for this test, one per industry."""

from __future__ import annotations

import pytest

from mock_interview.core.feedback import analyse, job_terms
from mock_interview.core.profiles import Profile
from tests.lookups import check_of

TECH = """Senior Product Manager, Growth
We are hiring a Senior Product Manager to join our growth team. You will own the roadmap for
onboarding, run A/B tests with our data scientists, and write SQL to size opportunities. Experience
with Jira, Amplitude and Tableau is a plus. Strong stakeholder management and forecasting skills are
required. You will work closely with engineering and design to ship product improvements every week."""

HEALTHCARE = """Registered Nurse - Medical/Surgical Unit
Our hospital seeks a Registered Nurse to provide patient care on a busy medical-surgical unit.
Responsibilities include medication administration, wound care, patient education and accurate
charting in the EHR (Epic). Knowledge of HIPAA and infection control practices is required. BLS and
ACLS certification required. Work with physicians and the care team to deliver safe, compassionate care."""

FINANCE = """Financial Analyst
The Financial Analyst will support month-end close, prepare account reconciliations and build
financial models in Excel. You will own budgeting and forecasting for two business units, present
variance analysis to senior managers, and help the team meet SOX compliance. CPA or CFA progress
preferred; experience with SAP and Power BI a plus."""

RETAIL = """Store Manager
Lead a team of 20 sales associates in a high-volume store. Drive sales targets, manage inventory and
shrink, and oversee visual merchandising and loss prevention. Schedule staff, coach associates on
customer service, and run the point of sale system. Experience with workforce scheduling tools and P&L
responsibility preferred."""

PUBLIC = """Policy Officer, Department of Transport
The Policy Officer will draft briefings for ministers, lead public consultations and carry out policy
analysis on road safety. You will handle Freedom of Information requests, manage stakeholder
engagement with local councils, and prepare evidence for impact assessments. Experience with
procurement rules and GDPR is desirable."""

TERMS = [
    (
        TECH,
        {"SQL", "Jira", "Tableau", "A/B tests", "stakeholder management", "forecasting", "roadmap", "onboarding"},
        {"Manager", "Product Manager", "Senior Product Manager", "Product", "product", "team", "work", "Growth"},
    ),
    (
        HEALTHCARE,
        {"EHR", "Epic", "HIPAA", "BLS", "medication administration", "infection control", "charting"},
        {"Nurse", "Registered Nurse", "hospital", "Unit", "team", "work", "accurate charting"},
    ),
    (
        FINANCE,
        {"Excel", "SOX", "CPA", "SAP", "Power BI", "budgeting", "forecasting", "variance analysis", "reconciliations"},
        {"Financial Analyst", "Analyst", "managers", "team", "business units", "meet SOX compliance"},
    ),
    (
        RETAIL,
        {"P&L", "point of sale", "visual merchandising", "loss prevention", "inventory"},
        {"Store Manager", "Manager", "team", "customer", "Schedule"},
    ),
    (
        PUBLIC,
        {"GDPR", "Freedom of Information", "policy analysis", "procurement", "stakeholder engagement"},
        {"Policy Officer", "Officer", "Department", "Transport", "Freedom", "work"},
    ),
]


@pytest.mark.parametrize(("description", "must", "must_not"), TERMS)
def test_the_terms_are_skills_tools_and_domain_words(description: str, must: set[str], must_not: set[str]) -> None:
    terms = {term.text for term in job_terms(description)}
    assert must <= terms, must - terms
    assert not must_not & terms, must_not & terms


@pytest.mark.parametrize(("description", "must", "must_not"), TERMS)
def test_tools_and_methods_rank_before_other_phrases(description: str, must: set[str], must_not: set[str]) -> None:
    ranked = [term.text for term in job_terms(description)]
    last_named = max(ranked.index(term) for term in must)
    assert last_named < len(ranked), ranked
    # the named tools and methods fill the front of the list
    assert len(must & set(ranked[: len(must) + 3])) >= len(must) - 1, ranked


def _used(description: str, answer: str) -> tuple[str, str, list[str]]:
    profile = Profile(name="p", company="Acme", role="Analyst", job_description=description)
    check = check_of(analyse(answer, "Why this role?", profile=profile), "alignment.job_terms")
    assert check is not None
    return str(check.status), check.detail, [e.text for e in check.evidence]


def test_a_term_counts_where_the_speaker_uses_it_about_their_own_work() -> None:
    _, detail, evidence = _used(TECH, "I wrote SQL queries every week and I ran A/B testing on our onboarding emails.")
    assert "SQL" in detail and "A/B tests" in detail and "onboarding" in detail
    assert {"SQL", "A/B", "onboarding"} <= set(evidence)


@pytest.mark.parametrize(
    "answer",
    [
        "My manager was terrible and she lived in Jira all day.",
        "My manager was terrible. She used Tableau for everything.",
        "Our data scientists owned the forecasting, and they wrote all the SQL.",
        "I sat next to a colleague who ran the A/B tests.",
    ],
)
def test_a_term_in_a_sentence_about_someone_else_does_not_count(answer: str) -> None:
    status, detail, evidence = _used(TECH, answer)
    assert status == "missing", (detail, evidence)
    assert evidence == []


def test_a_title_word_is_never_echoed() -> None:
    status, detail, _ = _used(TECH, "My manager was terrible, and the product was late.")
    assert status == "missing" and "none of" in detail


def test_variants_of_a_term_match() -> None:
    for answer in (
        "I ran A/B tests on the pricing page.",
        "I ran an A/B test on the pricing page.",
        "I set up A/B experiments on the pricing page.",
        "I did AB testing on the pricing page.",
    ):
        _, detail, _ = _used(TECH, answer)
        assert "A/B tests" in detail, answer
    _, detail, _ = _used(HEALTHCARE, "I chart in the EHR every shift and I keep my ACLS current.")
    assert "EHR" in detail and "ACLS certification" in detail
    _, detail, _ = _used(FINANCE, "I forecast cash for three units and I reconciled the accounts each month.")
    assert "forecasting" in detail and "reconciliations" in detail


def test_acronyms_and_multi_word_terms_in_other_industries() -> None:
    _, detail, evidence = _used(
        RETAIL, "I ran the point of sale rollout for twelve stores and I cut shrink through better loss prevention."
    )
    assert "point of sale" in detail and "loss prevention" in detail and "shrink" in detail
    assert "point of sale" in evidence
    _, detail, _ = _used(PUBLIC, "I handled Freedom of Information requests and wrote GDPR guidance for two councils.")
    assert "Freedom of Information" in detail and "GDPR" in detail


def test_the_evidence_is_the_answer_s_own_words() -> None:
    answer = "At my last job I built dashboards in Tableau and I wrote SQL every day."
    _, _, evidence = _used(TECH, answer)
    for text in evidence:
        assert text in answer
