"""The registry of checks: every check's id, group, label, tip and guide section, in one place.

The ids are typed constants (:class:`CheckId`); everything else about a check is data in
``checks.toml``, so a check's wording lives in one file and the code only decides its status.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from importlib import resources

from mock_interview.core.feedback.results import Group


class CheckId(StrEnum):
    """The stable id of every check (the README lists them; sessions and weights refer to them)."""

    STAR_SITUATION = "star.situation"
    STAR_TASK = "star.task"
    STAR_ACTION = "star.action"
    STAR_RESULT = "star.result"
    STAR_RESULT_MEASURABLE = "star.result_measurable"
    STAR_FIRST_PERSON = "star.first_person"
    STAR_ORDER = "star.order"
    GOALS_CURRENT = "goals.current"
    GOALS_SHORT_TERM = "goals.short_term"
    GOALS_LONG_TERM = "goals.long_term"
    GOALS_COMPANY_LINK = "goals.company_link"
    GOALS_PROGRESSION = "goals.progression"
    FIT_WHY_COMPANY = "fit.why_company"
    FIT_WHY_ROLE = "fit.why_role"
    FIT_WHAT_YOU_BRING = "fit.what_you_bring"
    MOTIVATION_DRIVER = "motivation.driver"
    MOTIVATION_EXAMPLE = "motivation.example"
    MOTIVATION_LINK = "motivation.link"
    SKILLS_NAMED = "skills.named"
    SKILLS_PLAN = "skills.plan"
    SKILLS_LINK = "skills.link"
    WEAKNESS_NAMED = "weakness.named"
    WEAKNESS_EXAMPLE = "weakness.example"
    WEAKNESS_MITIGATION = "weakness.mitigation"
    WEAKNESS_PROGRESS = "weakness.progress"
    ABOUT_PRESENT = "about.present"
    ABOUT_PAST = "about.past"
    ABOUT_FUTURE = "about.future"
    LEAVING_REASON = "leaving.reason"
    LEAVING_POSITIVE = "leaving.positive"
    LEAVING_NEXT = "leaving.next"
    LEAVING_LINK = "leaving.link"
    ANSWER_OPENING = "answer.opening"
    ANSWER_LENGTH = "answer.length"
    ANSWER_CLOSING = "answer.closing"
    ANSWER_RELEVANCE = "answer.relevance"
    FOLLOWUP_ANSWERED = "followup.answered"
    SPECIFICITY_NUMBERS = "specificity.numbers"
    SPECIFICITY_TIMEFRAMES = "specificity.timeframes"
    SPECIFICITY_SKILLS = "specificity.skills"
    SPECIFICITY_EXAMPLE = "specificity.example"
    SPECIFICITY_VAGUE = "specificity.vague"
    SPECIFICITY_SMART = "specificity.smart"
    SPECIFICITY_PLAUSIBLE = "specificity.plausible"
    ALIGNMENT_COMPANY = "alignment.company"
    ALIGNMENT_MISSION_VALUES = "alignment.mission_values"
    ALIGNMENT_JOB_TERMS = "alignment.job_terms"
    ALIGNMENT_INDUSTRY = "alignment.industry"
    ALIGNMENT_STAGE = "alignment.stage"
    ALIGNMENT_GENERIC = "alignment.generic"
    PITFALLS_UNREALISTIC = "pitfalls.unrealistic"
    PITFALLS_GENERIC = "pitfalls.generic"
    PITFALLS_MISALIGNMENT = "pitfalls.misalignment"
    PITFALLS_NEGATIVITY = "pitfalls.negativity"
    PITFALLS_LEAVING_SOON = "pitfalls.leaving_soon"
    PITFALLS_PAY_PERKS = "pitfalls.pay_perks"
    PITFALLS_NO_PLAN = "pitfalls.no_plan"
    PITFALLS_PERSONAL = "pitfalls.personal"
    PITFALLS_RECITAL = "pitfalls.recital"
    PITFALLS_ANY_JOB = "pitfalls.any_job"
    PITFALLS_INCONSISTENT = "pitfalls.inconsistent"
    PITFALLS_REPEATED = "pitfalls.repeated"
    DELIVERY_PACE = "delivery.pace"
    DELIVERY_FILLERS = "delivery.fillers"
    DELIVERY_HEDGES = "delivery.hedges"
    DELIVERY_PAUSES = "delivery.pauses"
    DELIVERY_REPETITION = "delivery.repetition"
    DELIVERY_TIME_USED = "delivery.time_used"


@dataclass(frozen=True)
class CheckSpec:
    """What a check is, apart from how an answer does on it."""

    id: CheckId
    group: Group
    label: str
    tip: str
    source: str


@lru_cache(maxsize=1)
def registry() -> dict[CheckId, CheckSpec]:
    """Every check's :class:`CheckSpec`, in checklist order (read once from ``checks.toml``)."""
    text = resources.files("mock_interview.core.feedback").joinpath("checks.toml").read_text("utf-8")
    specs = {}
    for key, fields in tomllib.loads(text)["checks"].items():
        check_id = CheckId(key)
        specs[check_id] = CheckSpec(check_id, Group(fields["group"]), fields["label"], fields["tip"], fields["source"])
    return specs


def spec(check_id: CheckId) -> CheckSpec:
    """The :class:`CheckSpec` of one check."""
    return registry()[check_id]
