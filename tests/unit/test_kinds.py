"""Question kinds from the question's words: a table of varied phrasings, written for this test
(none taken from the real-answer data the benchmarks measure on)."""

from __future__ import annotations

import pytest

from mock_interview.core.kinds import QuestionKind, classify_question, parse_kind

B, G, F, M, S, W, A, N = (
    QuestionKind.BEHAVIORAL,
    QuestionKind.GOALS,
    QuestionKind.FIT,
    QuestionKind.MOTIVATION,
    QuestionKind.SKILLS,
    QuestionKind.WEAKNESS,
    QuestionKind.ABOUT,
    QuestionKind.GENERAL,
)

PHRASINGS = [
    # stories
    ("Can you share with me a time when you had to win over a sceptical colleague?", B),
    ("Describe an example when you had a disagreement with a teammate.", B),
    ("Talk to me about a challenge you've had with a supplier.", B),
    ("Tell me about a time you had to learn something quickly.", B),
    ("Give me an example of a goal you reached and how you got there.", B),
    ("Walk me through a situation where a project slipped.", B),
    ("How did you handle a customer who kept changing the brief?", B),
    ("Recall an occasion when you had to make a call without all the facts.", B),
    ("Have you ever had to deliver bad news to a client?", B),
    ("What was the hardest decision you've made at work?", B),
    ("What is the biggest mistake you have made in a job, and what happened?", B),
    ("Share an experience where you led without authority.", B),
    ("Think of a time you disagreed with your manager. What did you do?", B),
    ("Describe a situation in which you had to juggle several deadlines.", B),
    ("Tell us about a project you are proud of.", B),
    ("Can you describe a time when you set a goal and achieved it?", B),
    ("What did you do when a key teammate left mid-project?", B),
    ("How have you dealt with a difficult stakeholder in the past?", B),
    ("Give an example of when you used data to persuade someone.", B),
    ("Tell me about an occasion when you went beyond what was asked.", B),
    # tell me about yourself
    ("Tell me a little about yourself.", A),
    ("Could you walk me through your resume?", A),
    ("Introduce yourself, please.", A),
    ("Tell us about your background.", A),
    ("Give me a quick overview of your career so far.", A),
    ("So, what should we know about you?", A),
    ("Walk us through your career path.", A),
    # weaknesses
    ("What's your biggest weakness?", W),
    ("Which areas do you most need to improve?", W),
    ("What would your manager say you need to work on?", W),
    ("Name one shortcoming you are working on.", W),
    ("What are you least confident at in this kind of work?", W),
    ("What is a development area for you?", W),
    # career goals
    ("Where do you see yourself in ten years?", G),
    ("What are your professional aspirations?", G),
    ("What do you want to achieve in the next three years?", G),
    ("What's your long-term plan?", G),
    ("Where is your career heading?", G),
    ("What are your ambitions beyond this role?", G),
    ("How does this position fit your career plans?", G),
    ("What is the next step in your career?", G),
    ("How long would you see yourself staying with us?", G),
    # fit
    ("Why do you want to work for us?", F),
    ("Why us?", F),
    ("Why should we hire you over the other candidates?", F),
    ("What do you know about our company?", F),
    ("Why are you interested in this position?", F),
    ("What can you bring to the team?", F),
    ("What makes you the right fit for this job?", F),
    ("What are you looking for in an employer?", F),
    ("What would you do in your first 90 days?", F),
    ("Why this industry?", F),
    ("Why did you apply for this role?", F),
    # motivation
    ("What motivates you at work?", M),
    ("Why are you leaving your current job?", M),
    ("What drives you?", M),
    ("Why make this move now?", M),
    ("What do you enjoy most about your work?", M),
    ("What inspires you to do this work?", M),
    # skills
    ("What are your greatest strengths?", S),
    ("Which skills do you hope to develop here?", S),
    ("How do you keep your skills current?", S),
    ("What certifications are you working towards?", S),
    ("What are you best at?", S),
    # other questions
    ("What salary are you expecting?", N),
    ("Do you have any questions for us?", N),
    ("How would you describe your ideal weekend?", N),
]


def test_table_is_large_and_varied() -> None:
    assert len(PHRASINGS) >= 60
    assert {kind for _, kind in PHRASINGS} == set(QuestionKind)


@pytest.mark.parametrize(("question", "kind"), PHRASINGS)
def test_kind_from_the_question_words(question: str, kind: QuestionKind) -> None:
    assert classify_question(question) == kind


def test_accuracy_over_the_table() -> None:
    right = sum(classify_question(question) == kind for question, kind in PHRASINGS)
    assert right / len(PHRASINGS) >= 0.95


def test_parse_kind() -> None:
    assert parse_kind("goals") is QuestionKind.GOALS
    assert parse_kind("nonsense") is None
