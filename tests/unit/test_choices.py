"""Each closed set of values is defined once; the files, the app and the command line all offer all of it."""

from __future__ import annotations

import argparse
from enum import StrEnum

import pytest

from mock_interview.cli.main import build_parser
from mock_interview.core.choices import AnswerMode, CareerStage, Industry, QuestionOrder, choice_values
from mock_interview.core.kinds import QuestionKind
from mock_interview.core.packs import discover_packs
from mock_interview.core.planning import plan_questions
from mock_interview.core.profiles import parse_profile
from mock_interview.core.settings import load_settings
from mock_interview.tui.screens.home import MODE_LABELS, ORDER_LABELS
from tests.lookups import pack_of


def _choices(*command: str, option: str) -> tuple[str, ...]:
    parser = build_parser()
    for name in command:
        sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        parser = sub.choices[name]
    action = next(a for a in parser._actions if option in a.option_strings)
    assert action.choices is not None
    return tuple(action.choices)


@pytest.mark.parametrize(
    ("command", "option", "enumeration"),
    [
        (("practice",), "--order", QuestionOrder),
        (("profiles", "new"), "--industry", Industry),
        (("profiles", "new"), "--stage", CareerStage),
        (("score",), "--kind", QuestionKind),
    ],
)
def test_the_command_line_offers_every_value_as_plain_text(
    command: tuple[str, ...], option: str, enumeration: type[StrEnum]
):
    choices = _choices(*command, option=option)
    assert choices == tuple(m.value for m in enumeration)
    assert all(type(c) is str for c in choices)  # argparse quotes repr() of its choices in errors


def test_the_practice_modes_are_the_answer_modes():
    practice = build_parser().parse_args(["practice", "--pack", "x", "--spoken"])
    assert practice.mode == AnswerMode.SPOKEN and type(practice.mode) is str
    assert set(choice_values(AnswerMode)) == {"typed", "spoken"}


@pytest.mark.parametrize("order", list(QuestionOrder))
def test_every_order_is_a_setting_plans_a_round_and_has_a_label_on_home(tmp_path, order: QuestionOrder):
    settings_file = tmp_path / "settings.toml"
    settings_file.write_text(f'order = "{order}"\n', encoding="utf-8")
    settings, problems = load_settings(settings_file)
    assert problems == [] and settings.order == order
    goals = pack_of(discover_packs(), "career-goals")
    assert len(plan_questions([goals], 3, order)) == 3
    assert ORDER_LABELS[order]


def test_every_mode_has_a_label_on_home():
    assert set(MODE_LABELS) == set(AnswerMode)


@pytest.mark.parametrize("industry", list(Industry))
@pytest.mark.parametrize("stage", list(CareerStage))
def test_every_industry_and_stage_is_a_valid_profile(industry: Industry, stage: CareerStage):
    profile = parse_profile(
        f'company = "Acme"\nrole = "Analyst"\nindustry = "{industry}"\ncareer_stage = "{stage}"\n', "acme"
    )
    assert (profile.industry, profile.career_stage) == (industry, stage)
