"""Feedback that reads what an answer says, not its cue words: each behaviour with answers written
for the test (none taken from the real-answer data the benchmarks measure on)."""

from __future__ import annotations

import json

import pytest

from mock_interview.core.feedback import analyse
from mock_interview.core.feedback.vocabulary import guess_language
from tests.cli_runner import run_cli as run
from tests.gaming import MARGIN, gaming_pairs
from tests.lookups import check_of

STORY_Q = "Tell me about a time you had a conflict with a colleague."
GOALS_Q = "Where do you see yourself in five years?"
WHY_Q = "Why do you want to work here?"
WEAKNESS_Q = "What is your greatest weakness?"


def status(answer: str, question: str, check_id: str) -> str:
    return str(check_of(analyse(answer, question), check_id).status)


# -- gaming ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("pair", gaming_pairs(), ids=lambda p: p.name)
def test_a_gamed_answer_loses_to_the_honest_one_by_a_clear_margin(pair):
    honest, gamed = pair.scores()
    assert honest.score - gamed.score >= MARGIN, (honest.score, gamed.score)


# -- English -------------------------------------------------------------------------------------------

SPANISH = (
    "Durante los últimos tres años he trabajado como analista de datos en una empresa de logística, "
    "donde reduje los costes de transporte en un quince por ciento."
)


@pytest.mark.parametrize(
    "text, language",
    [
        (SPANISH, "Spanish"),
        ("Je travaille depuis cinq ans comme responsable marketing dans une agence de Lyon.", "French"),
        ("Ich habe drei Jahre lang ein Team von acht Entwicklern in Berlin geleitet.", "German"),
        ("I work too much.", "English"),  # short: English, whatever its words
        ("I worked at El Corte Inglés in Madrid with Don Pedro de la Vega for two years.", "English"),
    ],
)
def test_the_language_is_read_from_function_words(text, language):
    assert guess_language(text).language == language


def test_a_spanish_answer_gets_a_notice_and_no_score_anywhere(capsys, tmp_path):
    feedback = analyse(SPANISH, STORY_Q)
    assert not feedback.scored and "Spanish" in feedback.notice and feedback.checks == ()
    assert "score" not in feedback.to_json()  # a session keeps no score for it
    answer = tmp_path / "answer.txt"
    answer.write_text(SPANISH, encoding="utf-8")
    code, out, _ = run(capsys, "score", str(answer), "--question", STORY_Q, "--json")
    data = json.loads(out)
    assert code == 0 and data["score"] is None and "English" in data["notice"]
    code, out, _ = run(capsys, "score", str(answer), "--question", STORY_Q)
    assert code == 0 and "Not scored" in out and "Score" not in out.replace("Not scored", "")


# -- figures, plans, repeats -----------------------------------------------------------------------------

PROCESS = (
    "In my last role I ran the returns desk at an electronics shop, where refunds took nine days. I was "
    "asked to halve that. I mapped each step, removed two sign-offs and built a tracking sheet the team "
    "updated daily. Within six weeks refunds took four days and complaints fell by 30%."
)


@pytest.mark.parametrize(
    "claim, expected",
    [
        ("Within six weeks refunds took four days and complaints fell by 30%.", "pass"),
        ("Within six weeks complaints fell by 140%.", "missing"),  # a cut of more than all of them
        ("Within six weeks 130% of customers were happier.", "missing"),  # a share above the whole
        ("Within six weeks sales grew by 9,000%.", "partial"),
        ("In one day our sign-ups grew by 800%.", "partial"),
        ("The new checks made refunds 500 times faster.", "partial"),
    ],
)
def test_figures_that_cannot_be_true_are_called_out(claim, expected):
    answer = PROCESS.rsplit(".", 2)[0] + ". " + claim
    assert status(answer, "Tell me about a time you improved a process.", "specificity.plausible") == expected


def test_an_answer_without_figures_has_nothing_to_believe():
    assert status("I listened first and then we agreed on a plan together.", STORY_Q, "specificity.plausible") == "na"


@pytest.mark.parametrize(
    "answer, expected",
    [
        (
            "In the next year I plan to leave and start my own agency. I want to stay here for the next ten "
            "years and build my career with your company.",
            "missing",
        ),
        (
            "I never want to manage people. In five years I want to be a director leading a department of managers.",
            "missing",
        ),
        ("In five years I would either be running a bakery or working as a tax lawyer in the city.", "partial"),
        (
            "In five years I want to lead a small analytics team here, after a year learning your data and "
            "another mentoring two junior analysts.",
            "pass",
        ),
        ("I don't want to manage a team; I want to become the best statistician in the department.", "pass"),
    ],
)
def test_plans_that_contradict_each_other(answer, expected):
    assert status(answer, GOALS_Q, "pitfalls.inconsistent") == expected


def test_a_pasted_answer_is_caught_and_a_repeated_phrase_is_not():
    assert status(PROCESS + " " + PROCESS, "Tell me about a time you improved a process.", "pitfalls.repeated") == (
        "missing"
    )
    once = status(PROCESS, "Tell me about a time you improved a process.", "pitfalls.repeated")
    assert once == "pass"
    echoed = PROCESS + " I mapped each step, removed two sign-offs and built a tracking sheet, as I said."
    assert status(echoed, "Tell me about a time you improved a process.", "pitfalls.repeated") == "partial"


# -- answers the question ----------------------------------------------------------------------------------


def test_a_good_story_about_something_else_answers_only_half():
    assert status(PROCESS, STORY_Q, "answer.relevance") == "partial"
    conflict = (
        "At my last agency a designer and I disagreed about a client's homepage: she wanted video, I had "
        "data showing it slowed the page. I proposed we test both for a week. The faster page converted 12% "
        "better, she agreed, and we presented the result together."
    )
    assert status(conflict, STORY_Q, "answer.relevance") == "pass"


@pytest.mark.parametrize(
    "question, answer",
    [
        (GOALS_Q, "Last year I organised our office move and it went smoothly for everyone involved."),
        (STORY_Q, "I always try to stay calm and find common ground."),
        (WHY_Q, "I need a job."),
        (GOALS_Q, "Well, nobody really knows where they will be."),
    ],
)
def test_an_answer_with_nothing_the_question_asks_for_does_not_answer_it(question, answer):
    assert status(answer, question, "answer.relevance") == "missing"


def test_without_a_question_relevance_is_left_out():
    assert status(PROCESS, "", "answer.relevance") == "na"


# -- negativity aimed at someone ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "My old manager was useless and never listened to anyone.",
        "The sales director hammered me every week.",
        "They complained a lot and were not very helpful.",
        "I hated that place.",
        "I didn't get along with my supervisor.",
    ],
)
def test_running_people_down_is_negativity(sentence):
    answer = f"I am leaving my job at a print shop. {sentence} I want to work somewhere I can grow my design skills."
    assert status(answer, "Why do you want to leave your current job?", "pitfalls.negativity") == "missing"


@pytest.mark.parametrize(
    "sentence",
    [
        "The weather that week was terrible, so the delivery was late.",
        "The client was upset about the delay, so I called her the same day.",
        "We had a serious disagreement about the budget.",
        "My manager was never unhelpful; she gave me room to try things.",
    ],
)
def test_a_hard_situation_is_not_negativity(sentence):
    answer = f"Last winter I coordinated deliveries for a florist. {sentence} I rebuilt the route plan and we met it."
    assert status(answer, STORY_Q, "pitfalls.negativity") == "pass"


# -- specificity ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "answer, expected",
    [
        ("I want to grow with the company. I am a hard worker and a team player.", "missing"),
        (
            "I want to grow with the company. Last year I cut our invoice backlog from 400 to 40 using a shared "
            "Airtable queue, and I trained three clerks in SAP. I am a hard worker and a team player.",
            "partial",
        ),
        (  # one stray phrase in an answer full of detail
            "I want to grow with the company. Last year I cut our invoice backlog from 400 to 40 using a shared "
            "Airtable queue, and I trained three clerks in SAP.",
            "pass",
        ),
        (
            "Last year I cut our invoice backlog from 400 to 40 using a shared Airtable queue, trained three "
            "clerks in SAP, and wrote the procurement checklist the finance team still uses.",
            "pass",
        ),
    ],
)
def test_stock_phrases_are_vague_by_how_much_of_the_answer_they_are(answer, expected):
    assert status(answer, GOALS_Q, "specificity.vague") == expected


@pytest.mark.parametrize(
    "answer, expected",
    [
        ("I want to be director of marketing at a charity within four years.", "pass"),
        ("In a few years I hope to move into a management position.", "partial"),
        ("Early in my career I struggled with deadlines, and since then I plan my week on Mondays.", "partial"),
        ("No one knows where they will be in five years.", "missing"),  # the question's window, echoed
    ],
)
def test_a_date_or_length_is_a_timeframe_and_a_rough_horizon_half_of_one(answer, expected):
    assert status(answer, GOALS_Q, "specificity.timeframes") == expected


@pytest.mark.parametrize(
    "answer, expected",
    [
        (
            "Last March our biggest client threatened to leave after three late shipments. I met their buyer, "
            "traced the delays to one supplier, and moved their orders to a second warehouse. They renewed for "
            "two years.",
            "pass",
        ),
        ("I tend to rush my checks when I am busy. Sometimes small errors slip through to reports.", "partial"),
        ("I want to become a nurse manager in the next five years.", "missing"),
    ],
)
def test_a_moment_from_experience_is_told_apart_from_a_habit(answer, expected):
    assert status(answer, "Give me an example of your work.", "specificity.example") == expected


@pytest.mark.parametrize(
    "answer, expected",
    [
        ("I used SQL and Tableau to build the churn dashboard, and ran A/B tests on the onboarding emails.", "pass"),
        ("I rely on communication and active listening with every customer.", "partial"),  # soft skills only
        ("I did my job well and my team liked it.", "missing"),
    ],
)
def test_tools_and_methods_are_named_skills_and_soft_skills_half_of_them(answer, expected):
    assert status(answer, "What skills would you bring?", "specificity.skills") == expected


# -- the frame -----------------------------------------------------------------------------------------------

STORY = (
    "Two weeks before a product launch at my last job, our payment page started failing for one bank's "
    "customers. I was the only engineer who knew that code, so I was asked to fix it without delaying the "
    "launch. I reproduced the failure with the bank's test cards, found a rounding bug, and shipped a fix "
    "with tests the same night."
)


@pytest.mark.parametrize(
    "ending, expected",
    [
        (
            " The launch went out on schedule with no payment errors in its first month.",
            "partial",
        ),  # ends on the result
        (" It taught me to write the test before I touch money code, and I still do.", "pass"),  # a lesson
        (" That is the care with payments I would bring to your checkout team.", "pass"),  # ties back to the role
        (" Do you want to hear more?", "missing"),
    ],
)
def test_a_close_ties_back_or_teaches_and_a_result_is_half_a_close(ending, expected):
    assert status(STORY + ending, "Tell me about a time you worked under pressure.", "answer.closing") == expected


def test_a_one_sentence_answer_has_no_separate_close():
    assert status("I want to lead a team of data analysts here within three years.", GOALS_Q, "answer.closing") == (
        "missing"
    )


def test_a_story_may_open_by_launching_its_example_and_a_deflection_does_not_open():
    assert status(STORY, "Tell me about a time you worked under pressure.", "answer.opening") == "pass"
    dodge = "That's a tough question. I suppose I would be in a similar job, maybe."
    assert status(dodge, GOALS_Q, "answer.opening") == "missing"


# -- the score -----------------------------------------------------------------------------------------------


def test_tips_put_pitfalls_first_and_never_ask_for_length_when_the_content_is_the_problem():
    rude = "My last boss was an idiot. I need a job."
    gains = analyse(rude, WHY_Q).gains
    assert gains and gains[0].check_id.startswith("pitfalls.")
    assert all(g.check_id != "answer.length" for g in gains)


def test_length_is_a_window_not_a_weight():
    """The same content a little short keeps most of its score; far too long loses more."""
    base = analyse(STORY + " It taught me to write the test first.", "Tell me about a time you worked under pressure.")
    assert check_of(base, "answer.length").status == "partial" and base.score >= 70
