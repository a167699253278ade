"""Planning a round: which questions, from which packs, in which order; then the round itself.

Both front ends start rounds through :func:`prepare_round` (Home and ``practice``) and
:func:`prepare_resumed_round` (History), so a round means the same wherever it starts.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import zip_longest
from typing import TYPE_CHECKING

from mock_interview.core.choices import AnswerMode, QuestionOrder, choice_values
from mock_interview.core.clock import Clock
from mock_interview.core.packs import Pack, Question
from mock_interview.core.repeats import asks_the_same as asks_the_same  # planning's word for it too
from mock_interview.core.rounds import Round
from mock_interview.core.session_statuses import SessionStatus

if TYPE_CHECKING:
    from mock_interview.core.context import AppContext
    from mock_interview.core.profiles import Profile
    from mock_interview.core.sessions import Session
    from mock_interview.core.settings import Settings


def plan_questions(
    packs: Sequence[Pack],
    count: int,
    order: str = "pack",
    past_scores: dict[str, int] | None = None,
    rng: random.Random | None = None,
) -> list[Question]:
    """The questions of a round, drawn from every pack.

    The packs take turns (the first question of each pack, then the second of each, ...), so two
    packs ticked give questions from both, whatever the order.

    Args:
        packs: The chosen packs, in the order the user listed them.
        count: How many questions (at most all of them).
        order: ``pack`` (each pack's own order, the packs taking turns), ``shuffled``, or ``weakest``
            (lowest past score first, then the never-answered ones).
        past_scores: ``pack/question`` → most recent score, for ``weakest``.
        rng: Randomness for ``shuffled`` (injectable for tests).
    """
    rng = rng or random.Random()
    scores = past_scores or {}
    columns: list[list[Question]] = []
    for pack in _unique(packs):
        questions = list(pack.questions)
        if order == QuestionOrder.SHUFFLED:
            rng.shuffle(questions)
        elif order == QuestionOrder.WEAKEST:
            questions = _weakest_first(questions, scores)
        columns.append(questions)
    if order == QuestionOrder.SHUFFLED:
        rng.shuffle(columns)  # which pack goes first is left to chance too
    taking_turns = [q for row in zip_longest(*columns) for q in row if q is not None]
    chosen = without_repeats(taking_turns)[: max(0, count)]
    if order == QuestionOrder.SHUFFLED:
        rng.shuffle(chosen)
    elif order == QuestionOrder.WEAKEST:
        chosen = _weakest_first(chosen, scores)
    return chosen


def without_repeats(questions: Sequence[Question]) -> list[Question]:
    """The questions with those that repeat an earlier one moved to the end (used only when nothing else is left)."""
    kept: list[Question] = []
    repeats: list[Question] = []
    for question in questions:
        (repeats if any(asks_the_same(q.text, question.text) for q in kept) else kept).append(question)
    return kept + repeats


def _unique(packs: Sequence[Pack]) -> list[Pack]:
    """The packs in order, each once (``--pack a --pack a`` means pack a)."""
    unique: dict[str, Pack] = {}
    for pack in packs:
        unique.setdefault(pack.id, pack)
    return list(unique.values())


def _weakest_first(questions: list[Question], scores: dict[str, int]) -> list[Question]:
    scored = sorted((q for q in questions if q.ref in scores), key=lambda q: scores[q.ref])
    return scored + [q for q in questions if q.ref not in scores]


def plan_notes(packs: Sequence[Pack], count: int, questions: Sequence[Question]) -> list[str]:
    """What the user should know about a plan that differs from what they asked for."""
    packs = _unique(packs)
    notes: list[str] = []
    available = sum(len(p.questions) for p in packs)
    if count > available:
        notes.append(f"The chosen packs hold {available} questions, so the round has {available}, not {count}.")
    used = {q.pack_id for q in questions}
    left_out = [p.title for p in packs if p.id not in used]
    if left_out:
        questions_word = "question" if len(questions) == 1 else "questions"
        notes.append(
            f"{len(questions)} {questions_word} cannot come from {len(packs)} packs: none from "
            f"{', '.join(left_out)}. Ask for at least {len(packs)} questions to hear from every pack."
        )
    return notes


@dataclass(frozen=True)
class RoundRequest:
    """What the user asked for, from Home or from ``practice``."""

    packs: tuple[str, ...]
    count: int | None = None  # None: the settings' question count
    order: str | None = None  # None: the settings' order
    mode: AnswerMode = AnswerMode.TYPED
    profile: str | None = None  # None: the active profile; "": none
    questions: tuple[str, ...] = ()  # exactly these questions (``pack/question``), in order: a drill round


class RoundNotPossible(Exception):
    """A round cannot start; the message says why and what to do instead."""


@dataclass(frozen=True)
class CheckedRequest:
    """A :class:`RoundRequest` checked against the packs found (:func:`check_request`): not checked again."""

    request: RoundRequest
    packs: tuple[Pack, ...]  # the packs asked for, each once, in the order asked (none for a drill round)


def check_request(context: AppContext, request: RoundRequest) -> CheckedRequest:
    """Check what was asked for: known packs, a count of at least 1, a known order and mode.

    ``practice`` checks its options with this before the app opens; :func:`prepare_round` takes the
    result as it is, so the packs are looked up once.

    Raises:
        RoundNotPossible: No pack, an unknown pack, a bad count, order or mode.
    """
    if request.mode not in choice_values(AnswerMode):
        raise RoundNotPossible(f"'{request.mode}' is not a mode; use {' or '.join(choice_values(AnswerMode))}.")
    if request.questions:
        return CheckedRequest(request, ())
    if not request.packs:
        raise RoundNotPossible("Choose at least one pack.")
    report = context.packs
    missing = [p for p in request.packs if report.by_id(p) is None]
    if missing:
        raise RoundNotPossible(f"No pack {', '.join(missing)}; 'mock-interview packs list' shows the ids.")
    if request.count is not None:
        _check_count(request.count)
    if request.order is not None:
        _check_order(request.order)
    return CheckedRequest(request, tuple(_unique([pack for pack in map(report.by_id, request.packs) if pack])))


def _check_count(count: int) -> None:
    if count < 1:
        raise RoundNotPossible(f"{count} is not a number of questions; ask for at least 1.")


def _check_order(order: str) -> None:
    if order not in choice_values(QuestionOrder):
        raise RoundNotPossible(f"'{order}' is not an order; use one of {', '.join(choice_values(QuestionOrder))}.")


@dataclass
class PreparedRound:
    """A round ready to run, and what the user should be told before it starts."""

    round: Round
    notes: list[str]


def prepare_round(
    context: AppContext,
    settings: Settings,
    request: RoundRequest | CheckedRequest,
    clock: Callable[[], float] = time.monotonic,
) -> PreparedRound:
    """Plan the questions, create the session (saved at once) and build its :class:`Round`.

    A :class:`RoundRequest` is checked first (:func:`check_request`); a :class:`CheckedRequest` was already.

    Raises:
        RoundNotPossible: No pack, an unknown pack, a bad count, order or mode, or no questions.
    """
    from mock_interview.core.sessions import latest_question_scores

    checked = request if isinstance(request, CheckedRequest) else check_request(context, request)
    request = checked.request
    if request.questions:
        return _prepare_chosen_round(context, settings, request, clock)
    chosen = list(checked.packs)
    count = settings.question_count if request.count is None else request.count
    _check_count(count)  # the settings' count and order too: settings.toml may say anything
    order = request.order or settings.order
    _check_order(order)
    past: dict[str, int] = {}
    if order == QuestionOrder.WEAKEST:
        summaries, _ = context.sessions.list()
        past = latest_question_scores(summaries)
    questions = plan_questions(chosen, count, order, past)
    if not questions:
        raise RoundNotPossible("Those packs have no questions.")
    notes = plan_notes(chosen, count, questions)
    return _new_round(context, settings, request, questions, order, notes, clock)


def _prepare_chosen_round(
    context: AppContext, settings: Settings, request: RoundRequest, clock: Callable[[], float]
) -> PreparedRound:
    """A round of exactly the questions asked for (a drill of the questions due), in their order."""
    refs = list(dict.fromkeys(request.questions))
    found = [(ref, context.packs.find_question(ref)) for ref in refs]
    questions = [q for _, q in found if q is not None]
    gone = [ref for ref, q in found if q is None]
    if not questions:
        raise RoundNotPossible(f"None of those questions is in a pack any more ({', '.join(gone)}).")
    notes = (
        [f"{len(gone)} of the questions are in no pack any more and are left out: {', '.join(gone)}."] if gone else []
    )
    return _new_round(context, settings, request, questions, "pack", notes, clock, missed_before(context, refs))


def missed_before(context: AppContext, refs: Sequence[str]) -> dict[str, tuple[str, ...]]:
    """The checklist items (check ids) each question's last practice missed, for the drill's follow-ups."""
    from mock_interview.core.drill import card_for, drill_path, read_drill

    # read as it is, never rebuilt here (that can take seconds); its problems are told by Home and ``due``
    cards = read_drill(drill_path(context)).cards()
    missed: dict[str, tuple[str, ...]] = {}
    for ref in refs:
        card = card_for(cards, ref)
        if card is not None and card.missed:
            missed[ref] = tuple(item.id for item in card.missed if item.id)
    return missed


def _new_round(
    context: AppContext,
    settings: Settings,
    request: RoundRequest,
    questions: list[Question],
    order: str,
    notes: list[str],
    clock: Callable[[], float],
    missed: Mapping[str, Sequence[str]] | None = None,
) -> PreparedRound:
    profile_name = settings.active_profile if request.profile is None else request.profile
    profile, profile_name = _load_profile(context, profile_name, notes)
    session = context.sessions.new(
        mode=request.mode,
        packs=list(dict.fromkeys(q.pack_id for q in questions))
        if request.questions
        else list(dict.fromkeys(request.packs)),
        plan=[q.ref for q in questions],
        profile=profile_name,
        settings={
            "order": order,
            "feedback": settings.feedback,
            "follow_ups": settings.follow_ups,
            "answer_seconds": settings.answer_seconds,
            "prep_seconds": settings.prep_seconds,
            "model": settings.model,
        }
        | ({"drill": True} if request.questions else {}),
    )
    return PreparedRound(_round(session, context, settings, questions, profile, clock, missed), notes)


def prepare_resumed_round(
    context: AppContext, settings: Settings, session: Session, clock: Callable[[], float] = time.monotonic
) -> PreparedRound:
    """Build the :class:`Round` that carries on an unfinished session where it stopped.

    Raises:
        RoundNotPossible: Nothing is left to answer, or the questions left are in no pack any more.
    """
    remaining = session.remaining_plan()
    if session.status == SessionStatus.COMPLETED or not remaining:
        raise RoundNotPossible("That session is complete; nothing to resume.")
    questions = [q for q in (context.packs.find_question(ref) for ref in remaining) if q is not None]
    if not questions:
        raise RoundNotPossible("The questions left in that session are in no pack any more; nothing to resume.")
    notes: list[str] = []
    if len(questions) < len(remaining):
        gone = len(remaining) - len(questions)
        notes.append(f"{gone} of the questions left are in no pack any more and are left out.")
    profile, profile_name = _load_profile(context, session.profile, notes)
    session.profile = profile_name
    session.status = SessionStatus.IN_PROGRESS
    return PreparedRound(_round(session, context, settings, questions, profile, clock), notes)


def _load_profile(context: AppContext, name: str, notes: list[str]) -> tuple[Profile | None, str]:
    """The named profile, or ``None`` with a note saying why it is not used."""
    from mock_interview.core.tomlschema import InvalidFileError

    if not name:
        return None, ""
    try:
        return context.profiles.load(name), name
    except InvalidFileError as exc:
        notes.append(f"Profile not used: {exc}")
        return None, ""


def _round(
    session: Session,
    context: AppContext,
    settings: Settings,
    questions: list[Question],
    profile: Profile | None,
    clock: Callable[[], float],
    missed: Mapping[str, Sequence[str]] | None = None,
) -> Round:
    from mock_interview.core.drill import record_session

    return Round(
        session=session,
        store=context.sessions,
        questions=questions,
        profile=profile,
        follow_ups=settings.follow_ups,
        answer_seconds_override=settings.answer_seconds,
        prep_seconds_override=settings.prep_seconds,
        clock=Clock(clock),
        calm=settings.feedback == "calm",
        done_before=len(session.plan) - len(questions),
        on_answers_saved=lambda saved: record_session(context, saved),
        missed_before=dict(missed or {}),
    )
