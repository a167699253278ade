"""A drill's follow-up goes back to what the question's last practice missed."""

from __future__ import annotations

import pytest

from mock_interview.core.context import AppContext
from mock_interview.core.drill import card_for, load_cards
from mock_interview.core.feedback import analyse
from mock_interview.core.followups import choose_follow_up
from mock_interview.core.planning import RoundRequest, prepare_round
from mock_interview.core.settings import Settings
from tests.lookups import question_of
from tests.typed_rounds import STRONG, typed_round


@pytest.fixture
def context(isolated_data_dir) -> AppContext:
    return AppContext.from_options(str(isolated_data_dir))


REF = "behavioral-star/increased-results"
# partly a result, no measure, "we" throughout, no timeframe: several gaps, the measure the biggest
TEAM_ANSWER = "Our team had too many tickets. We changed the process. As a result, things got much better."


def test_an_item_missed_last_time_and_missed_again_is_asked_about_before_the_biggest_gap(context: AppContext):
    question = question_of(context.packs, REF)
    feedback = analyse(TEAM_ANSWER, question)
    biggest = choose_follow_up(question, feedback, answer=TEAM_ANSWER)
    aimed = choose_follow_up(question, feedback, answer=TEAM_ANSWER, missed_before=["star.first_person"])
    assert biggest == "What was the measurable outcome?"
    assert aimed == "What did you personally do, as opposed to the team?"


def test_an_item_missed_last_time_but_met_now_is_not_asked_about(context: AppContext):
    question = question_of(context.packs, REF)
    feedback = analyse(STRONG, question)
    first_person = feedback.by_id("star.first_person")
    assert first_person is not None and first_person.status == "pass"
    assert choose_follow_up(question, feedback, answer=STRONG, missed_before=["star.first_person"]) != (
        "What did you personally do, as opposed to the team?"
    )


def test_a_drill_round_knows_what_each_question_missed_last_time_and_asks_about_it(context: AppContext):
    team_with_result = (
        "Our team had a backlog of 900 tickets. We changed the process and wrote a guide. "
        "As a result, the backlog fell by 80% within two months."
    )
    typed_round(context, [REF], [team_with_result])  # measured, but never "I"
    card = card_for(load_cards(context)[0], REF)
    assert card is not None
    missed = {item.id for item in card.missed}
    assert "star.first_person" in missed and "star.result_measurable" not in missed
    settings = Settings(follow_ups=True, prep_seconds=0)
    round_ = prepare_round(context, settings, RoundRequest(packs=(), questions=(REF,), profile="")).round
    assert set(round_.missed_before[REF]) == missed
    round_.begin()
    _, follow_up = round_.submit(TEAM_ANSWER)  # misses the measure (the bigger gap) and "I" again
    assert follow_up == "What did you personally do, as opposed to the team?"


def test_a_round_from_packs_asks_about_the_biggest_gap(context: AppContext):
    typed_round(context, [REF], ["Our team had a backlog. We changed the process. The backlog fell by 80%."])
    settings = Settings(follow_ups=True, prep_seconds=0)
    round_ = prepare_round(context, settings, RoundRequest(packs=("behavioral-star",), count=1, profile="")).round
    assert round_.questions[0].ref == REF and not round_.missed_before
    round_.begin()
    _, follow_up = round_.submit(TEAM_ANSWER)
    assert follow_up == "What was the measurable outcome?"
