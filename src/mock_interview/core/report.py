"""Session reports: Markdown to share with a mentor, and JSON for tools.

Every piece of text that came from a user's file (pack titles, questions, answers, notes, the
stored checklist) is escaped for Markdown and has its control characters made visible
(:func:`~mock_interview.core.safetext.markdown_escape`): a report shows what was written, and a
``[link](file:///...)`` or an escape sequence in an answer stays inert text in any viewer.
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from mock_interview.core.feedback.present import gains_line, rows
from mock_interview.core.feedback.results import Feedback
from mock_interview.core.safetext import markdown_escape as md
from mock_interview.core.session_view import answer_places, status_shown
from mock_interview.core.sessions import AnswerStatus, Session
from mock_interview.core.summary import summarise


def session_to_json(session: Session) -> dict[str, Any]:
    """The session as JSON-ready data (dates as ISO 8601 strings)."""
    data: dict[str, Any] = _jsonable(session.to_dict())
    return data


def _jsonable(value: Any) -> Any:
    if isinstance(value, (datetime, date, time)):  # TOML has dates and times of day too (in settings)
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


def session_to_markdown(session: Session, title_of_pack: dict[str, str] | None = None) -> str:
    """A readable report: each question with the answer, the checklist, scores and notes."""
    titles = title_of_pack or {}
    lines = [f"# Mock interview, {session.started:%A %d %B %Y, %H:%M}", ""]
    packs = ", ".join(md(titles.get(p, p)) for p in session.packs) or "-"
    follow_ups = session.follow_ups_answered
    status = status_shown(session.status, session.questions_answered + follow_ups)
    lines += [f"- Packs: {packs}", f"- Mode: {session.mode}", f"- Status: {status}"]
    if session.profile:
        lines.append(f"- Target profile: {md(session.profile)}")
    lines.append(
        f"- Answered: {session.questions_answered} of {len(session.plan)} questions"
        + (f", {follow_ups} follow-up{'s' if follow_ups != 1 else ''}" if follow_ups else "")
    )
    if session.score is not None:
        groups = ", ".join(f"{md(g)} {s}" for g, s in session.group_scores().items())
        lines.append(f"- Score: {session.score}/100" + (f" ({groups})" if groups else ""))
    lines.append("")
    summary = ["**Summary**", "", *(f"- {md(line)}" for line in summarise(session).lines()), ""]
    lines += summary if session.answers else ["*No answers were given in this session.*", ""]
    # numbered by question: every attempt at a question sits under its heading
    for answer, place in zip(session.answers, answer_places(session.answers), strict=True):
        headings = []
        if answer.is_follow_up:
            label = f" ({place.attempt_label})" if place.attempt_label else ""
            headings.append(f"### Follow-up: {md(_one_line(answer.question_text))}{label}")
        else:
            if place.attempt == 1:
                headings.append(f"## {place.number}. {md(_one_line(answer.question_text))}")
            if place.attempt_label:
                headings.append(f"### {place.attempt_label.capitalize()}")
        for heading in headings:
            lines += [heading, ""]
        meta: list[str] = [answer.source]
        if answer.duration_seconds is not None:
            meta.append(f"{answer.duration_seconds:.0f} s of {answer.answer_seconds} s")
        if answer.score is not None:
            meta.append(f"score {answer.score}/100")
        if answer.with_follow_ups and answer.question_score is not None:
            meta.append(f"{answer.question_score}/100 with the follow-up")
        if answer.status != AnswerStatus.ANSWERED:
            meta.append(answer.status.replace("_", " "))
        lines.append(f"*{' · '.join(meta)}*")
        lines.append("")
        if answer.text.strip():
            lines += ["> " + md(para) if para else ">" for para in answer.text.strip().splitlines()]
        else:
            lines.append("*(no answer)*")
        lines.append("")
        feedback = Feedback.from_json(answer.feedback)
        if feedback.checks:
            lines.append("**Feedback**")
            lines.append("")
            for row in rows(feedback, include_na=False):
                line = f"- {row.mark} {md(row.group)}: {md(_one_line(row.label))}"
                if row.tip:
                    line += f" — {md(_one_line(row.tip))}"
                lines.append(line)
            if gains_line(feedback):
                lines += ["", md(_one_line(gains_line(feedback)))]
            lines.append("")
        for title, note in (("Reflection", answer.reflection), ("Mentor's notes", answer.mentor_notes)):
            if note.strip():
                lines += [f"**{title}**", "", md(note.strip()), ""]
    lines += _mentor_answers(session)
    return "\n".join(lines).rstrip() + "\n"


def _mentor_answers(session: Session) -> list[str]:
    """A mentor's answers to the questions the export asked them (imported with ``import-notes``)."""
    answered = [q for q in session.mentor_questions if q.get("notes", "").strip()]
    lines = ["## Mentor's answers", ""] if answered else []
    for item in answered:
        lines += [f"**{md(_one_line(item['question']))}**", "", md(item["notes"].strip()), ""]
    return lines


def _one_line(text: str) -> str:
    """Headings and list items hold one line: a line break in a question would end them early."""
    return " ".join(text.split())
