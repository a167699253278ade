"""Drills: every question practised gets a schedule from how it went (FSRS spaced repetition).

An answer whose checklist missed items comes back soon; one answered well, later. The schedule
is the FSRS algorithm of the ``fsrs`` package, not a hand-made one: each practice of a question is
a review rated from its feedback (:func:`rating_for`), and a question's card is its reviews played
through the scheduler in time order.

The data folder's ``drill.json`` keeps the reviews (one per question per session, and one per
question of a debriefed interview) and, for anyone reading it, the card each gives. Reviews are
keyed by where they came from, so recording a session again (after each answer, after a resumed
round) replaces its reviews instead of counting them twice, and :func:`rebuild` gives the same
schedule from all saved sessions. The file is untrusted when read: a bad review is reported with
the file's name and left out, and a file that cannot be read at all is reported and rebuilt.

For the screens: :func:`record_session` after a session's answers are saved (the rounds of
:mod:`mock_interview.core.planning` already call it), :func:`due_cards` for Home's "due" count and
a drill round (:func:`due_refs`), :func:`card_for` for "missed last time" beside a question.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fsrs import Card, Rating, Scheduler, State

from mock_interview.core.fsutil import UnsafePathError, atomic_write_bytes, folder_lock, read_regular_file
from mock_interview.core.tomlschema import FieldSpec, Validator, describe

if TYPE_CHECKING:
    from mock_interview.core.context import AppContext
    from mock_interview.core.debrief import Debrief
    from mock_interview.core.session_records import AnswerRecord, Session

FORMAT_VERSION = 1
MAX_DRILL_BYTES = 16 * 1024 * 1024
RATINGS = ("again", "hard", "good", "easy")
DUE_WINDOW = timedelta(days=1)  # "due": now or within the next day, what a day's practice takes in
# A question is practised once in a sitting, not every minute as a flashcard: a missed one comes
# back in hours, and a good answer graduates to days at once.
LEARNING_STEPS = (timedelta(hours=4),)
STRONG_SCORE = 85  # with nothing missing or partial: Easy
WEAK_SCORE = 50  # below it, or three items missing or more: Again
SCHEDULER = Scheduler(learning_steps=LEARNING_STEPS, relearning_steps=LEARNING_STEPS, enable_fuzzing=False)
_RATING = {"again": Rating.Again, "hard": Rating.Hard, "good": Rating.Good, "easy": Rating.Easy}
# How a debriefed question went, as a rating: a question that went badly comes back within hours.
_RATING_OF_WENT = {"badly": "again", "okay": "hard", "well": "good"}
_STATES = {State.Learning: "learning", State.Review: "review", State.Relearning: "relearning"}


@dataclass(frozen=True)
class MissedItem:
    """A checklist item an answer missed (``missing``) or half-met (``partial``)."""

    id: str
    label: str
    status: str = "missing"

    def to_json(self) -> dict[str, str]:
        """The stored and ``due --json`` form."""
        return {"id": self.id, "label": self.label, "status": self.status}


@dataclass(frozen=True)
class Review:
    """One practice of a question: when, how it went, and what it missed."""

    ref: str
    source: str  # the session id, or "debrief:ID"
    at: datetime
    rating: str
    question_text: str = ""
    score: int | None = None
    missed: tuple[MissedItem, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The TOML form."""
        data: dict[str, Any] = {
            "ref": self.ref,
            "source": self.source,
            "at": self.at.isoformat(),
            "rating": self.rating,
            "question_text": self.question_text,
            "missed": [m.to_json() for m in self.missed],
        }
        if self.score is not None:
            data["score"] = self.score
        return data


@dataclass(frozen=True)
class DrillCard:
    """A question's schedule: when it is due and what the last practice missed."""

    ref: str
    question_text: str
    due: datetime
    state: str
    last: Review
    reviews: int
    card: Card = field(compare=False, repr=False)

    @property
    def missed(self) -> tuple[MissedItem, ...]:
        """The items missed last time."""
        return self.last.missed

    def is_due(self, now: datetime, within: timedelta = timedelta(0)) -> bool:
        """Whether the question is due at ``now`` (or within ``within`` of it)."""
        return self.due <= now + within

    def to_json(self, now: datetime | None = None) -> dict[str, Any]:
        """The ``due --json`` form."""
        data: dict[str, Any] = {
            "ref": self.ref,
            "text": self.question_text,
            "due": self.due.isoformat(),
            "state": self.state,
            "last_practised": self.last.at.isoformat(),
            "last_rating": self.last.rating,
            "last_score": self.last.score,
            "missed": [m.to_json() for m in self.missed],
            "reviews": self.reviews,
        }
        if now is not None:
            data["due_now"] = self.due <= now
        return data


# -- rating an answer ----------------------------------------------------------------------------


def missed_items(feedback: Mapping[str, Any]) -> tuple[MissedItem, ...]:
    """The checklist items of stored feedback that were missing or only partly there."""
    checks = feedback.get("checks", [])
    found: list[MissedItem] = []
    for check in checks if isinstance(checks, list) else []:
        if not isinstance(check, Mapping):
            continue
        status, label = check.get("status"), check.get("label")
        if status in ("missing", "partial") and isinstance(label, str):
            found.append(MissedItem(str(check.get("id", "")), label, str(status)))
    return tuple(found)


def rating_for(score: int | None, missed: Sequence[MissedItem]) -> str:
    """How a practice went, as an FSRS rating: missed items bring it back soon, a strong answer later.

    ``again`` for a weak answer (score under 50, or three items missing or more), ``hard`` for any
    item missing, ``easy`` for a score of 85 or more with nothing missing or partial, else ``good``.
    """
    missing = sum(1 for item in missed if item.status == "missing")
    if score is None or score < WEAK_SCORE or missing >= 3:
        return "again"
    if missing:
        return "hard"
    if score >= STRONG_SCORE and not missed:
        return "easy"
    return "good"


def review_of_answer(session_id: str, answer: AnswerRecord) -> Review | None:
    """The review an answer gives its question (``None`` for one that does not count: skipped, set aside)."""
    if answer.is_follow_up or not answer.counts or answer.ended is None:
        return None
    missed = missed_items(answer.feedback)
    score = answer.question_score
    return Review(
        ref=answer.question_ref,
        source=session_id,
        at=answer.ended,
        rating=rating_for(score, missed),
        question_text=answer.question_text,
        score=score,
        missed=missed,
    )


def reviews_of_session(session: Session) -> list[Review]:
    """One review per question answered in the session (its latest counted attempt, with its follow-ups)."""
    reviews = [review_of_answer(session.id, answer) for answer in session.question_results().values()]
    return [r for r in reviews if r is not None]


def reviews_of_debrief(debrief: Debrief) -> list[Review]:
    """The drill reviews a debrief gives: each question practised for real, rated by how it went."""
    at = debrief.created if debrief.created and debrief.created.date() == debrief.when else None
    if at is None:
        at = datetime.combine(debrief.when, time(12, 0)).astimezone()
    return [
        Review(ref=ref, source=f"debrief:{debrief.id}", at=at, rating=_RATING_OF_WENT[q.went], question_text=q.text)
        for ref, q in zip(debrief.refs(), debrief.questions, strict=True)
    ]


# -- the schedule --------------------------------------------------------------------------------


def schedule(reviews: Iterable[Review]) -> dict[str, DrillCard]:
    """Each question's card: its reviews played through the FSRS scheduler in time order."""
    by_ref: dict[str, list[Review]] = {}
    for review in sorted(reviews, key=lambda r: (r.at, r.source)):
        by_ref.setdefault(review.ref, []).append(review)
    cards: dict[str, DrillCard] = {}
    for number, (ref, history) in enumerate(sorted(by_ref.items()), 1):
        card = Card(card_id=number)
        for review in history:
            card, _ = SCHEDULER.review_card(card, _RATING[review.rating], review.at.astimezone(UTC))
        last = history[-1]
        text = next((r.question_text for r in reversed(history) if r.question_text), "")
        due = card.due.astimezone(last.at.tzinfo)
        cards[ref] = DrillCard(ref, text, due, _STATES.get(card.state, "learning"), last, len(history), card)
    return cards


@dataclass
class DrillFile:
    """What ``drill.json`` holds, and the problems found reading it."""

    path: Path
    reviews: list[Review] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    unreadable: bool = False  # the file exists but could not be used at all
    complete: bool = True  # false: written before the earlier sessions were folded in (see load_cards)

    def cards(self) -> dict[str, DrillCard]:
        """Each question's card."""
        return schedule(self.reviews)


def drill_path(context: AppContext) -> Path:
    """Where the data folder keeps the drill schedule."""
    return context.data.drill_file


def read_drill(path: Path) -> DrillFile:
    """Read ``drill.json``; a bad review is reported (naming the file) and left out, never raised."""
    result = DrillFile(path)
    try:
        raw = read_regular_file(path, MAX_DRILL_BYTES, follow_symlinks=False)
    except FileNotFoundError:
        return result
    except UnsafePathError as exc:
        result.problems.append(f"{exc}; the drill schedule is rebuilt from your sessions")
        result.unreadable = True
        return result
    except OSError as exc:
        result.problems.append(f"{path}: cannot be read ({exc.strerror}); the drill schedule is not used")
        result.unreadable = True
        return result
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        reason = f"line {exc.lineno}: {exc.msg}" if isinstance(exc, json.JSONDecodeError) else "not UTF-8 JSON"
        result.problems.append(f"{path}: {reason}; the drill schedule is rebuilt from your sessions")
        result.unreadable = True
        return result
    if not isinstance(data, dict):
        result.problems.append(f"{path}: not a drill schedule (an object); it is rebuilt from your sessions")
        result.unreadable = True
        return result
    result.complete = data.get("complete", True) is True
    validator = Validator(path)
    version = data.get("version", FORMAT_VERSION)
    if not isinstance(version, int) or isinstance(version, bool) or version > FORMAT_VERSION:
        validator.fail("version", f"is {describe(version)}; this file was written by a newer mock-interview")
        result.problems += [str(p) for p in validator.problems]
        result.unreadable = True
        return result
    raw_reviews = data.get("reviews", [])
    if not isinstance(raw_reviews, list):
        validator.fail("reviews", f"must be a list, not {describe(raw_reviews)}")
        result.problems += [f"{p}; the drill schedule is rebuilt from your sessions" for p in validator.problems]
        result.unreadable = True
        return result
    for position, item in enumerate(raw_reviews, 1):
        before = len(validator.problems)
        values = validator.table(item, REVIEW_FIELDS, f"reviews[{position}]", unknown_keys=True)
        if values is not None and len(validator.problems) == before:
            result.reviews.append(
                Review(
                    values["ref"],
                    values["source"],
                    values["at"],
                    values["rating"],
                    values["question_text"],
                    values["score"],
                    tuple(MissedItem(m["id"], m["label"], m["status"]) for m in values["missed"]),
                )
            )
    result.problems += [f"{p}; that review is left out" for p in validator.problems]
    return result


_AT = FieldSpec("at", "datetime")


def _iso_time(validator: Validator, value: Any, key: str) -> datetime | None:
    """A date and time written as ISO 8601 text (JSON has no dates)."""
    try:
        when = datetime.fromisoformat(value) if isinstance(value, str) else value
    except ValueError:
        when = value  # reported below as not a date and time
    checked: datetime | None = validator.value(when, _AT, key)
    return checked


def _missed(validator: Validator, value: Any, key: str) -> list[dict[str, Any]]:
    return validator.tables(value, MISSED_FIELDS, key, unknown_keys=True)


MISSED_FIELDS = (
    FieldSpec("id", "str", default="", exact=True),
    FieldSpec("label", "str", required=True, exact=True),
    FieldSpec("status", "str", default="missing", choices=("missing", "partial"), exact=True),
)
# One review in drill.json (JSON: the same checks as the TOML files, without line numbers).
REVIEW_FIELDS = (
    FieldSpec("ref", "str", required=True),
    FieldSpec("source", "str", required=True),
    FieldSpec("at", "datetime", required=True, read=_iso_time),
    FieldSpec("rating", "str", required=True, choices=RATINGS),
    FieldSpec("question_text", "str", default="", exact=True),
    FieldSpec("score", "score"),
    FieldSpec("missed", "table", default=[], read=_missed),
)


def _encode(reviews: Sequence[Review], *, complete: bool = True) -> bytes:
    ordered = sorted(reviews, key=lambda r: (r.at, r.source, r.ref))
    cards = schedule(ordered)
    document: dict[str, Any] = {
        "version": FORMAT_VERSION,
        "complete": complete,  # false: the sessions from before the file are still to be folded in
        "reviews": [r.to_dict() for r in ordered],
        # for anyone reading the file: the card each question's reviews give (recomputed when read)
        "cards": {
            ref: {
                "due": card.due.isoformat(),
                "state": card.state,
                "reviews": card.reviews,
                "last_rating": card.last.rating,
            }
            for ref, card in cards.items()
        },
    }
    return json.dumps(document, ensure_ascii=False).encode("utf-8")  # no indent: the C encoder, 5x faster


def replace_reviews(path: Path, sources: Iterable[str], reviews: Iterable[Review]) -> DrillFile:
    """Replace the reviews that came from ``sources`` with ``reviews`` and save the file atomically.

    Runs under the data folder's lock, so two windows recording sessions cannot lose each other's.

    Raises:
        OSError: The file could not be written (its old version is kept).
    """
    gone = set(sources)
    added = list(reviews)
    with folder_lock(path.parent):
        current = read_drill(path)
        if current.unreadable:
            return current  # never written over: load_cards() rebuilds it
        if not path.exists():
            current.complete = False  # the first record: the history before it is folded in when read
        kept = [r for r in current.reviews if r.source not in gone]
        current.reviews = kept + added
        atomic_write_bytes(path, _encode(current.reviews, complete=current.complete))
    return current


# -- what the front ends call --------------------------------------------------------------------


def record_session(context: AppContext, session: Session) -> list[str]:
    """Update the schedule with a session's answers (call it after the answers are saved).

    Safe to call again for the same session: its reviews are replaced, never counted twice. A
    drill file that cannot be read is rebuilt from every saved session. Never raises: problems
    come back as one-line messages.
    """
    return _record(context, session.id, reviews_of_session(session))


def _record(context: AppContext, source: str, reviews: list[Review]) -> list[str]:
    path = drill_path(context)
    try:
        result = replace_reviews(path, [source], reviews)
    except OSError as exc:
        return [f"{path}: the drill schedule could not be saved ({exc}); it is rebuilt next time"]
    return result.problems


def record_debrief(context: AppContext, debrief: Debrief) -> list[str]:
    """Add a debrief's questions to the schedule (each rated by how it went); never raises."""
    return _record(context, f"debrief:{debrief.id}", reviews_of_debrief(debrief))


def rebuild(context: AppContext) -> list[str]:
    """Rebuild the schedule from every saved session and debrief (so existing history counts).

    Returns:
        The problems met, one line each (unreadable sessions are skipped).
    """
    from mock_interview.core.debrief import DebriefStore

    reviews: list[Review] = []
    for session in context.sessions.load_all():
        reviews += reviews_of_session(session)
    debriefs, problems = DebriefStore(context.data.debriefs).load_all()
    for debrief in debriefs:
        reviews += reviews_of_debrief(debrief)
    path = drill_path(context)
    messages = [str(p) for p in problems]
    try:
        with folder_lock(path.parent):
            atomic_write_bytes(path, _encode(reviews))
    except OSError as exc:
        messages.append(f"{path}: the drill schedule could not be saved ({exc})")
    return messages


def load_cards(context: AppContext) -> tuple[dict[str, DrillCard], list[str]]:
    """Every question's card and the problems met reading the schedule.

    The schedule is rebuilt from every saved session and debrief when the file is missing, cannot
    be read, or was started by a round before the earlier sessions were folded in: that can take
    a few seconds with hundreds of sessions, so a screen calls this from a thread worker.
    """
    path = drill_path(context)
    if not context.data.root.exists():  # nothing practised yet; and a command that only reads creates nothing
        return {}, []
    drill = read_drill(path)
    missing = not path.exists() and not path.is_symlink()
    if missing or drill.unreadable or not drill.complete:
        problems = drill.problems + rebuild(context)
        drill = read_drill(path)
        return drill.cards(), problems + drill.problems
    return drill.cards(), drill.problems


def due_cards(cards: Mapping[str, DrillCard], now: datetime, within: timedelta = DUE_WINDOW) -> list[DrillCard]:
    """The cards due at ``now`` or within ``within`` of it, soonest first."""
    return sorted((c for c in cards.values() if c.is_due(now, within)), key=lambda c: (c.due, c.ref))


def due_refs(context: AppContext, now: datetime, within: timedelta = DUE_WINDOW) -> tuple[list[str], list[str]]:
    """The questions due (``pack/question``, soonest first) that a pack still holds, and the problems met.

    A drill round is ``RoundRequest(packs=(), questions=tuple(refs), ...)``.
    """
    cards, problems = load_cards(context)
    refs = [c.ref for c in due_cards(cards, now, within) if context.packs.find_question(c.ref) is not None]
    return refs, problems


def card_for(cards: Mapping[str, DrillCard], ref: str) -> DrillCard | None:
    """The card of a question, if it has been practised."""
    return cards.get(ref)
