"""How a round went, in a few lines: the best and weakest question, the fix worth most, the time used.

For the end of a round (the screens call :func:`summarise` with the finished session), the
Markdown export and ``sessions show``.
"""

from __future__ import annotations

from dataclasses import dataclass

from mock_interview.core.feedback.results import Feedback
from mock_interview.core.session_records import Session


@dataclass(frozen=True)
class QuestionScore:
    """A question answered in the session, with its score (the answer checked with its follow-ups)."""

    ref: str
    text: str
    score: int


@dataclass(frozen=True)
class TopFix:
    """The one missing item that would raise the session's score most."""

    ref: str
    question_text: str
    check_id: str
    label: str
    points: int  # on the question's score
    session_points: float  # on the session's score (the mean over its questions)


@dataclass(frozen=True)
class RoundSummary:
    """A finished session in a few figures."""

    questions: int  # questions answered (a retried one once)
    best: QuestionScore | None
    weakest: QuestionScore | None  # None when only one question was scored
    top_fix: TopFix | None
    answering_seconds: float  # the time spent answering, follow-ups included
    round_seconds: float | None  # from start to end of the round, when it ended

    def lines(self) -> list[str]:
        """The summary as short plain sentences (a screen or a report formats them)."""
        if self.best is None:
            return ["No answer was scored in this round."]
        lines = []
        if self.weakest is None:
            lines.append(f"Scored: {_quoted(self.best.text)} {self.best.score}/100.")
        else:
            lines.append(f"Best: {_quoted(self.best.text)} {self.best.score}/100.")
            lines.append(f"Weakest: {_quoted(self.weakest.text)} {self.weakest.score}/100.")
        if self.top_fix is not None:
            fix = self.top_fix
            lines.append(
                f"The fix worth most: {fix.label} in {_quoted(fix.question_text)} "
                f"(+{fix.points} on that question, +{fix.session_points:.0f} on the round)."
            )
        used = f"Time used: {_duration(self.answering_seconds)} answering"
        if self.round_seconds is not None:
            used += f", {_duration(self.round_seconds)} in all"
        lines.append(used + ".")
        return lines

    def to_json(self) -> dict[str, object]:
        """The JSON form."""

        def score(item: QuestionScore | None) -> dict[str, object] | None:
            return None if item is None else {"ref": item.ref, "text": item.text, "score": item.score}

        fix = self.top_fix
        return {
            "questions": self.questions,
            "best": score(self.best),
            "weakest": score(self.weakest),
            "top_fix": None
            if fix is None
            else {
                "ref": fix.ref,
                "question": fix.question_text,
                "id": fix.check_id,
                "label": fix.label,
                "points": fix.points,
                "session_points": round(fix.session_points, 1),
            },
            "answering_seconds": round(self.answering_seconds, 1),
            "round_seconds": None if self.round_seconds is None else round(self.round_seconds, 1),
        }


def summarise(session: Session) -> RoundSummary:
    """The summary of a session (finished or not: a session still running is summarised so far)."""
    results = session.question_results()
    scored = [
        QuestionScore(ref, " ".join(answer.question_text.split()), score)
        for ref, answer in results.items()
        if (score := answer.question_score) is not None
    ]
    best = max(scored, key=lambda q: q.score, default=None)
    weakest = min(reversed(scored), key=lambda q: q.score, default=None) if len(scored) > 1 else None
    top_fix: TopFix | None = None
    for ref, answer in results.items():
        for gain in Feedback.from_json(answer.feedback).gains:
            if gain.points > 0 and (top_fix is None or gain.points > top_fix.points):
                text = " ".join(answer.question_text.split())
                top_fix = TopFix(ref, text, gain.check_id, gain.label, gain.points, gain.points / max(1, len(scored)))
    answering = sum(d for a in session.answers if (d := a.duration_seconds) is not None and d > 0)
    round_seconds = (session.ended - session.started).total_seconds() if session.ended is not None else None
    return RoundSummary(len(results), best, weakest, top_fix, answering, round_seconds)


def _quoted(text: str, limit: int = 60) -> str:
    return f"“{text if len(text) <= limit else text[: limit - 1].rstrip() + '…'}”"


def _duration(seconds: float) -> str:
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest:02d} s" if minutes else f"{rest} s"
