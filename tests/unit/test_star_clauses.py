"""STAR: an action joined to its cause in one sentence ("…, so I rebuilt…") counts as the action,
while a purpose ("so that I could…") is no action clause."""

from __future__ import annotations

import pytest

from mock_interview.core.feedback import QuestionInfo, analyse
from mock_interview.core.feedback.answer import AnswerText
from mock_interview.core.feedback.lexicon import load_lexicon
from mock_interview.core.feedback.star import action_clauses, read_star

QUESTION = QuestionInfo.from_text("Tell me about a time you improved a process at work.", "behavioral")
# The trial's sentence: the whole of it was read as the situation, and the checklist said ✘ Action.
TRIAL = "Errors had reached 9 percent, so I rebuilt the matching rules in SQL and trained the team."
TRIAL_ACTION = "so I rebuilt the matching rules in SQL and trained the team."


def _clauses(text: str) -> list[str]:
    return [c.text for c in action_clauses(AnswerText(text, load_lexicon()))]


def _action(text: str) -> tuple[str, list[str]]:
    check = analyse(text, QUESTION).by_id("star.action")
    assert check is not None
    return str(check.status), [e.text for e in check.evidence]


@pytest.mark.parametrize(
    ("answer", "action"),
    [
        (TRIAL, TRIAL_ACTION),
        # the trial's sentence opening a short story: both sentences were read as the result
        (TRIAL + " Within two months errors fell to 1 percent.", TRIAL_ACTION),
        (
            "Our support queue had doubled over the winter, so I set up a triage rota and wrote a guide for the "
            "ten most common requests.",
            "so I set up a triage rota and wrote a guide for the ten most common requests.",
        ),
        (
            "The new hires were taking three months to become productive, so I wrote an onboarding handbook and "
            "paired each of them with a mentor.",
            "so I wrote an onboarding handbook and paired each of them with a mentor.",
        ),
        (
            "Two of our biggest clients had threatened to leave, which is why I visited both of them and drew up a "
            "recovery plan with their managers.",
            "which is why I visited both of them and drew up a recovery plan with their managers.",
        ),
    ],
)
def test_an_action_after_its_cause_is_the_action(answer: str, action: str) -> None:
    assert action in _clauses(answer)
    status, evidence = _action(answer)
    assert status == "pass"
    assert action in evidence


def test_the_sentence_is_still_read_as_its_cause() -> None:
    reading = read_star(AnswerText(TRIAL, load_lexicon()))
    assert reading.labels == ("situation",) and reading.parts["situation"].status == "pass"
    assert reading.parts["action"].shared  # found in a sentence labelled with another part


@pytest.mark.parametrize(
    "sentence",
    [
        "I stayed late every evening so that I could finish the audit report before the deadline.",
        "I moved the weekly meeting to Monday so I could brief the team before the client call.",
        "It broke, so I rebuilt it.",  # too little on one side to be two clauses
    ],
)
def test_a_purpose_or_a_short_clause_is_no_action_clause(sentence: str) -> None:
    assert _clauses(sentence) == []


def test_which_is_why_turns_to_the_action() -> None:
    sentence = "The client kept missing our invoices, which is why I moved billing to a shared portal."
    assert _clauses(sentence) == ["which is why I moved billing to a shared portal."]
