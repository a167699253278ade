"""The verdicts a new user found wrong (issue 8), each fixed by a general rule, and the properties
the score promises: a pass never lowers it, a check that does not apply never moves it."""

from __future__ import annotations

from dataclasses import replace

import pytest

from mock_interview.core.feedback import (
    Check,
    CheckId,
    Feedback,
    QuestionInfo,
    Status,
    analyse,
    example_leaves_out,
    job_terms,
    registry,
)
from mock_interview.core.feedback.results import Group
from mock_interview.core.feedback.scoring import ScoreWeights, overall_score, packaged_score_weights
from mock_interview.core.feedback.text import stem
from mock_interview.core.packs import discover_packs
from mock_interview.core.profiles import Profile
from tests.lookups import check_of

JD = (
    "You will own renewals, reduce churn, run onboarding, and drive adoption across our SMB segment. "
    "Experience with cancellations and retention analysis is a plus."
)
PROFILE = Profile(
    name="p",
    company="Acme",
    role="Customer Success Manager",
    industry="technology",
    career_stage="mid",
    mission="Software that just works",
    values=("Innovation", "Collaboration"),
    job_description=JD,
)


def evidence_of(feedback: Feedback, check_id: str) -> list[str]:
    check = check_of(feedback, check_id)
    assert check is not None, check_id
    return [e.text for e in check.evidence]


def test_an_insult_about_a_past_boss_is_negativity() -> None:
    feedback = analyse("My last boss was an idiot who never listened.", "Why are you leaving your job?")
    assert check_of(feedback, "pitfalls.negativity").status == Status.MISSING
    assert "idiot" in evidence_of(feedback, "pitfalls.negativity")
    calm = analyse("My last manager never had a problem with deadlines.", "Why are you leaving?")
    assert check_of(calm, "pitfalls.negativity").status == Status.PASS


def test_effort_is_not_a_measured_result_and_vague_words_are_flagged() -> None:
    text = (
        "My manager asked me to fix our reporting. It was kind of a mess and really hard. "
        "In the end it went pretty well and everyone was happy. I always give 110 percent."
    )
    feedback = analyse(text, "Tell me about a time you fixed a problem.")
    assert check_of(feedback, "star.result_measurable").status != Status.PASS
    assert not any("110" in e for e in evidence_of(feedback, "specificity.numbers"))
    flagged = " ".join(evidence_of(feedback, "specificity.vague")).lower()
    for phrase in ("kind of a mess", "pretty well", "really hard", "110 percent"):
        assert phrase in flagged, phrase


def test_number_words_that_count_something_are_numbers_and_a_role_is_not_an_example() -> None:
    feedback = analyse("In my current role I lead a support team of six.", "Tell me about yourself.")
    assert "team of six" in evidence_of(feedback, "specificity.numbers")
    assert check_of(feedback, "specificity.example").status == Status.MISSING


def test_short_and_long_term_windows_are_kept_apart() -> None:
    text = (
        "I am a data analyst. Within five years I'd like to lead the analytics team. "
        "Next year I will finish my SQL course."
    )
    feedback = analyse(text, "What are your career goals?")
    short = " ".join(evidence_of(feedback, "goals.short_term"))
    long = " ".join(evidence_of(feedback, "goals.long_term"))
    assert "Within five years" not in short and "Next year" in short
    assert "Within five years" in long


def test_a_fragment_cut_by_the_timer_does_not_open_the_answer() -> None:
    cut = analyse("In the next year I want to", "What are your career goals?")
    assert check_of(cut, "answer.opening").status != Status.PASS
    whole = analyse("In the next year I want to finish my PMP.", "What are your career goals?")
    assert check_of(whole, "answer.opening").status == Status.PASS


def test_a_follow_up_is_judged_on_what_it_asked() -> None:
    example = analyse(
        "Last spring I ran the launch of our booking app and cut sign-up time from five minutes to two.",
        QuestionInfo.follow_up("Can you give me a specific example?", parent_kind="goals"),
    )
    assert example.focus == CheckId.SPECIFICITY_EXAMPLE
    assert check_of(example, "followup.answered").status == Status.PASS
    assert example.by_id("answer.opening") is None
    steps = analyse(
        "First I will finish a Gainsight admin course this quarter, then shadow our account managers on "
        "renewals for six months.",
        QuestionInfo.follow_up("What steps will you take to get there?", parent_kind="goals"),
        profile=PROFILE,
    )
    assert check_of(steps, "followup.answered").status == Status.PASS
    for absent in ("alignment.company", "alignment.job_terms", "answer.opening"):
        assert steps.by_id(absent) is None, absent
    assert "Gainsight" in " ".join(evidence_of(steps, "specificity.skills"))
    assert steps.score >= 70
    vague = analyse(
        "I will keep working hard and see what happens.",
        QuestionInfo.follow_up("What steps will you take to get there?", parent_kind="goals"),
    )
    assert vague.score < steps.score


def test_job_terms_are_whole_phrases_of_the_description() -> None:
    terms = [t.text for t in job_terms(JD)]
    assert not any(
        " " in t
        and t.split()[0].lower() in ("renewals", "churn", "onboarding")
        and t.split()[1].lower() in ("reduce", "run", "drive")
        for t in terms
    )
    assert "SMB segment" in terms and "churn" in terms
    feedback = analyse(
        "I cut churn in the SMB segment by winning back 300 cancelled accounts.", "Why this role?", profile=PROFILE
    )
    detail = check_of(feedback, "alignment.job_terms").detail
    for used in ("SMB segment", "churn", "cancellations"):
        assert used in detail, used


def test_mission_ignores_everyday_verbs_and_stage_is_about_the_speaker() -> None:
    feedback = analyse("My manager asked me to help. It worked out.", "Why this role?", profile=PROFILE)
    assert check_of(feedback, "alignment.mission_values").status == Status.MISSING
    assert "manager" not in [e.lower() for e in evidence_of(feedback, "alignment.stage")]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("innovation", "innovative"),
        ("collaborate", "collaboration"),
        ("integrate", "integration"),
        ("operate", "operations"),
    ],
)
def test_word_families_meet(a: str, b: str) -> None:
    assert stem(a) == stem(b)


def test_a_value_is_found_in_another_form_of_its_word() -> None:
    feedback = analyse(
        "I built an innovative tool and I collaborate closely with product.", "Why this role?", profile=PROFILE
    )
    assert "values used: Innovation, Collaboration" in check_of(feedback, "alignment.mission_values").detail


def test_no_profile_leaves_alignment_out_of_the_score() -> None:
    text = "I want to join this team because I built a similar product used by 2,000 people last year."
    without = analyse(text, "Why do you want this role?")
    assert all(c.status == Status.NA for c in without.group("alignment") if c.id != "alignment.generic")
    weights = packaged_score_weights()
    generic = next(i for i, c in enumerate(without.checks) if c.id == "alignment.generic")
    flipped = list(without.checks)
    flipped[generic] = replace(
        flipped[generic], status=Status.MISSING if flipped[generic].status == Status.PASS else Status.PASS
    )
    assert abs(overall_score(flipped, weights) - without.score) <= 10  # one check, not a fifth of the score


def test_passing_a_check_never_lowers_the_score_and_na_never_moves_it() -> None:
    weights = packaged_score_weights()
    feedback = analyse(
        "We had a disagreement about the plan. We talked it out and it was fine.",
        "Tell me about a conflict at work.",
        profile=PROFILE,
    )
    base = overall_score(feedback.checks, weights)
    for index, check in enumerate(feedback.checks):
        for better in (Status.PARTIAL, Status.PASS):
            if better.rank > check.status.rank:
                changed = list(feedback.checks)
                changed[index] = replace(check, status=better)
                assert overall_score(changed, weights) >= base, (check.id, better)
    extra = Check("alignment.industry", Group.ALIGNMENT, "x", Status.NA)
    assert overall_score([*feedback.checks, extra], weights) == base
    assert overall_score(feedback.checks, ScoreWeights(penalty=0.0)) >= overall_score(
        feedback.checks, ScoreWeights(penalty=0.3)
    )


def test_the_missing_items_that_raise_the_score_most_are_named() -> None:
    feedback = analyse("I want to be successful.", "What are your career goals?")
    assert feedback.gains and all(g.points >= 1 for g in feedback.gains)
    # the coach's order: pitfalls found first, then what is missing, each kind by the points it adds
    pitfall = [g.check_id.startswith("pitfalls.") for g in feedback.gains]
    assert pitfall == sorted(pitfall, reverse=True)
    for kind in (True, False):
        points = [g.points for g, p in zip(feedback.gains, pitfall, strict=True) if p is kind]
        assert points == sorted(points, reverse=True)
    assert feedback.to_json()["raise_most"][0]["id"] == feedback.gains[0].check_id


def test_a_vague_story_has_no_result() -> None:
    feedback = analyse(
        "We had a disagreement about the design. We talked it out and it was fine.",
        "Tell me about a disagreement with a colleague.",
    )
    assert check_of(feedback, "star.result").status == Status.MISSING
    assert check_of(feedback, "star.result_measurable").status == Status.MISSING


def test_a_hypothetical_answer_is_no_story() -> None:
    feedback = analyse(
        "I would first listen to the customer, then I would find a solution and follow up with them.",
        "Tell me about a time you handled an angry customer.",
    )
    assert all(check_of(feedback, f"star.{p}").status == Status.MISSING for p in ("situation", "result"))


def test_a_full_story_is_found_part_by_part() -> None:
    text = (
        "Last spring our biggest client threatened to leave after three late deliveries. "
        "I was asked to win them back within a month. "
        "I met their operations lead every week, rebuilt our delivery schedule and added a shared tracker. "
        "We delivered the next six orders on time and they renewed their contract for two more years."
    )
    feedback = analyse(text, "Tell me about a time you turned a client around.")
    sentences = text.split(". ")
    for index, part in enumerate(("situation", "task", "action", "result")):
        check = check_of(feedback, f"star.{part}")
        assert check.status == Status.PASS, part
        assert sentences[index][:30] in check.evidence[0].text, part
    assert check_of(feedback, "star.result_measurable").status == Status.PASS


def test_json_round_trip_and_old_files() -> None:
    feedback = analyse(
        "I led a team of 5 engineers and we shipped in 3 months.", "Tell me about a time you led.", profile=PROFILE
    )
    again = Feedback.from_json(feedback.to_json())
    assert again == feedback
    old = {
        "score": 40,
        "groups": {"structure": 50},
        "kind": "goals",
        "word_count": 3,
        "checks": [
            {
                "id": "goals.current",
                "group": "structure",
                "label": "Current role",
                "status": "pass",
                "evidence": [{"start": 0, "end": 3, "text": "I am"}],
                "tip": "",
                "source": "",
            },
            {"id": "x", "group": "nonsense", "status": "weird", "evidence": "bad"},
        ],
    }
    parsed = Feedback.from_json(old)
    assert parsed.score == 40 and parsed.checks[0].status == Status.PASS and parsed.checks[1].status == Status.NA
    assert Feedback.from_json({}).checks == ()


def test_every_check_id_has_its_registry_entry_with_a_guide_source() -> None:
    specs = registry()
    assert set(specs) == set(CheckId)
    sections = {
        "Crafting Your Answer",
        "Effective Answer Strategies",
        "Preparing to Answer",
        "Avoiding Common Pitfalls",
        "Why Interviewers Ask About Career Goals",
        "Exploring Career Goals",
        "Practicing Your Answer",
        "Body Language and Delivery",
        "Post-Interview Reflection",
        "Sample Answers to Career Goals Questions",
        "Adapting Your Answer for Different Industries",
        "Common Career Goals Interview Questions",
    }
    for spec in specs.values():
        assert spec.label and spec.tip, spec.id
        assert spec.source.split(" > ")[0] in sections, (spec.id, spec.source)


def test_pack_examples_model_the_checklist_or_say_what_they_leave_out() -> None:
    report = discover_packs()
    scores = []
    for pack in report.packs:
        for question in pack.questions:
            if not question.example:
                continue
            feedback = analyse(question.example, question)
            scores.append(feedback.score)
            missing = {
                c.label
                for c in feedback.checks
                if c.group == "structure" and c.status in ("missing", "partial") and c.id != "answer.length"
            }
            assert set(example_leaves_out(question)) == missing, question.ref
    # The guide's own examples are short (about 60 words) and, by a coach's rules, partly generic
    # ("I am passionate about leading teams"): they model the structure, and Review says what each
    # leaves out; none should read as a poor answer.
    assert min(scores) >= 50
    assert sorted(scores)[len(scores) // 2] >= 70


def test_verdicts_a_new_user_found_wrong() -> None:
    """Verdicts a new user found wrong: a vague story, harsh words about a boss, a story's actions and timeframe."""
    vague = analyse(
        "I led a project once and it went pretty well. We worked hard as a team and stuff and basically "
        "everyone was happy with it.",
        "Tell me about a time you took the lead on a project.",
    )
    assert check_of(vague, "star.result").status == Status.MISSING
    assert check_of(vague, "star.result_measurable").status == Status.MISSING
    leaving = analyse(
        "Honestly my boss is an idiot and the company is a total mess, so I want out.",
        "Why are you leaving your current job?",
    )
    assert check_of(leaving, "pitfalls.negativity").status == Status.MISSING
    assert check_of(leaving, "leaving.link").status != Status.PASS  # "the company" is the one being left
    story = analyse(
        "Our churn had climbed to 18% last year. I analysed 2,000 cancellations in SQL and I also built a "
        "Tableau dashboard for the support leads. I then rewrote the onboarding emails.",
        "Tell me about a time you used data to fix a problem.",
    )
    assert "3 'I' actions" in check_of(story, "star.first_person").detail
    assert check_of(story, "specificity.timeframes").status == Status.PASS  # "last year"
    weakness = analyse("Last year I learned to delegate.", "What is your greatest weakness?")
    assert check_of(weakness, "specificity.timeframes").status == Status.PASS


def test_follow_ups_aim_at_what_they_ask() -> None:
    from mock_interview.core.feedback import follow_up_focus

    assert follow_up_focus("How does this role fit into that plan?") == CheckId.GOALS_COMPANY_LINK
    assert follow_up_focus("What steps will you take to get there?") == CheckId.PITFALLS_NO_PLAN
    lesson = analyse(
        "We lost the client, but I learned to check in with them every week.",
        QuestionInfo.follow_up("What was the result of what you did?", parent_kind="behavioral"),
    )
    assert check_of(lesson, "followup.answered").status == Status.PASS
    measured = analyse(
        "Churn fell from 9% to 6% in two quarters.",
        QuestionInfo.follow_up("What was the measurable outcome?", parent_kind="behavioral"),
    )
    assert check_of(measured, "specificity.skills").status == Status.NA  # not what it asked for
    assert measured.score >= 90


def test_a_short_time_limit_asks_for_a_short_answer() -> None:
    info = QuestionInfo("Tell me about a time you led.", "behavioral", answer_seconds=20)
    short = analyse("I led a team of four to ship a release two weeks early last spring.", info)
    detail = check_of(short, "answer.length").detail
    high = int(detail.split("-")[1].rstrip(")"))
    assert high <= 100, detail


BEHAVIORAL = QuestionInfo("Tell me about a time you improved a process.", "behavioral", 120)


@pytest.mark.parametrize(
    "verb",
    ["rebuilt", "redid", "reran", "undertook", "spun up", "shut down", "dug into", "oversaw", "withdrew", "drew up"],
)
def test_irregular_and_prefixed_past_tenses_are_your_own_actions(verb: str) -> None:
    answer = (
        f"Our monthly report took three days to build. I {verb} the whole pipeline in SQL. "
        "Within two months the report took one hour."
    )
    feedback = analyse(answer, BEHAVIORAL)
    assert any(text.startswith(f"I {verb.split()[0]}") for text in evidence_of(feedback, "star.first_person")), verb


def test_feelings_in_the_past_are_not_actions() -> None:
    feedback = analyse("I felt nervous. I had a lot to learn. I lost sleep over it.", BEHAVIORAL)
    assert evidence_of(feedback, "star.first_person") == []


@pytest.mark.parametrize(
    "vague", ["Maybe one day I will be a manager somewhere.", "One day I would love to lead a team."]
)
def test_one_day_as_someday_is_not_a_timeframe(vague: str) -> None:
    feedback = analyse(vague, QuestionInfo("What are your career goals?", "goals", 120))
    assert check_of(feedback, "specificity.timeframes").status is not Status.PASS
    assert "one day" not in " ".join(evidence_of(feedback, "goals.short_term")).lower()


def test_within_one_day_is_still_a_timeframe() -> None:
    feedback = analyse(
        "I want to cut our response time so that every ticket is answered within one day.",
        QuestionInfo("What are your career goals?", "goals", 120),
    )
    assert "within one day" in " ".join(evidence_of(feedback, "specificity.timeframes")).lower()


def test_a_follow_up_counts_details_it_did_not_ask_for_when_they_are_there() -> None:
    question = QuestionInfo.follow_up("What did you personally do, as opposed to the team?")
    detailed = analyse(
        "I personally rewrote the twelve slowest queries, wrote 40 tests and ran two training sessions.", question
    )
    bare = analyse("I personally rewrote the slowest queries and wrote the tests myself.", question)
    assert check_of(detailed, "specificity.numbers").status is Status.PASS
    assert check_of(bare, "specificity.numbers").status is Status.NA  # not asked for: never against it
    assert bare.score >= analyse("The team rewrote the slowest queries.", question).score


def test_a_semicolon_separates_the_action_from_its_result() -> None:
    """A two-sentence story was read as 'Result' twice and nothing else."""
    story = (
        "At Globex I led the payments API team of 6 when checkout failures hit 4%. I set up alerting, rewrote "
        "the retry logic and ran weekly reviews; within six weeks failures fell to 0.5%."
    )
    feedback = analyse(story, QuestionInfo("Tell me about a time you solved a problem.", "behavioral", 120))
    for part in ("star.situation", "star.action", "star.result"):
        assert check_of(feedback, part).status is Status.PASS, part
    assert evidence_of(feedback, "star.result") == ["within six weeks failures fell to 0.5%."]


def test_a_time_of_day_is_not_a_metric() -> None:
    """Trial 2: "9 am" counted as a number that measures something."""
    info = QuestionInfo("Tell me about a time you improved a process.", "behavioral", 120)
    clock = analyse("I start every day at 9 am with a stand-up and finish by 5:30 pm.", info)
    measures = analyse("We cut costs by 30% and hired 9 people.", info)
    assert evidence_of(clock, "specificity.numbers") == []
    assert evidence_of(measures, "specificity.numbers") == ["30%", "9"]


def test_job_terms_keep_the_title_whole_and_leave_hiring_out() -> None:
    """Trial 2: 'Senior Data' (the front of 'Senior Data Analyst') and 'hiring' were terms to echo."""
    terms = [
        t.text
        for t in job_terms(
            "We are hiring a Senior Data Analyst to own the roadmap for our reporting. "
            "You will build dashboards in Tableau and write SQL."
        )
    ]
    assert "Data Analyst" in terms and "Tableau" in terms
    assert not {"Senior Data", "hiring", "Senior"} & set(terms)
