"""Delivery of a spoken answer: pace, fillers, hedges, long pauses, repeated words, time used.

Computed from the transcript's word timings; every check is ``na`` for a typed answer or when
no words were heard.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from mock_interview.core.feedback.answer import AnswerText, dedupe
from mock_interview.core.feedback.assessment import Assessment
from mock_interview.core.feedback.registry import CheckId
from mock_interview.core.feedback.results import Status
from mock_interview.core.feedback.text import Span, counted
from mock_interview.core.feedback.timings import WordTiming

LONG_PAUSE_SECONDS = 2.5
DELIVERY_CHECKS = (
    CheckId.DELIVERY_PACE,
    CheckId.DELIVERY_FILLERS,
    CheckId.DELIVERY_HEDGES,
    CheckId.DELIVERY_PAUSES,
    CheckId.DELIVERY_REPETITION,
    CheckId.DELIVERY_TIME_USED,
)


def words_per_minute(words: Sequence[WordTiming]) -> float:
    """Speaking rate over the span from the first word to the last (leading and trailing silence left out)."""
    spoken = [w for w in words if re.search(r"\w", w[0])]
    if len(spoken) < 2:
        return 0.0
    span = spoken[-1][2] - spoken[0][1]
    return len(spoken) / max(span / 60, 1e-6)


def long_pauses(words: Sequence[WordTiming]) -> list[tuple[int, float]]:
    """(index of the word after the pause, seconds of silence) for every gap over 2.5 s."""
    return [
        (index, words[index][1] - words[index - 1][2])
        for index in range(1, len(words))
        if words[index][1] - words[index - 1][2] > LONG_PAUSE_SECONDS
    ]


def align_words(text: str, timed_words: Sequence[WordTiming]) -> list[tuple[int, int] | None]:
    """Character offsets in ``text`` of each timed word, found in order (``None`` where not found)."""
    lowered = text.lower()
    cursor = 0
    offsets: list[tuple[int, int] | None] = []
    for word, _, _ in timed_words:
        token = re.sub(r"[^\w'%$.-]", "", word.strip().lower()).strip(".")
        if not token:
            offsets.append(None)
            continue
        position = lowered.find(token, cursor, cursor + 200 + len(token))
        if position < 0:
            offsets.append(None)
            continue
        offsets.append((position, position + len(token)))
        cursor = position + len(token)
    return offsets


def filler_spans(answer: AnswerText) -> list[Span]:
    """Fillers ("um", "you know", "like" used as a filler rather than a verb or preposition)."""
    found = []
    text = answer.text
    for span in answer.find("delivery", "fillers"):
        if span.text.lower() == "like":
            before = text[max(0, span.start - 40) : span.start].rstrip()
            previous = re.findall(r"[\w']+$", before)
            if previous and previous[0].lower() in answer.lex.like_not_after:
                continue
            after = text[span.end : span.end + 3]
            if (
                not (before.endswith(",") or after.startswith(","))
                and previous
                and not re.match(r"\s*(um|uh|you know|i mean)", text[span.end : span.end + 12], re.IGNORECASE)
            ):
                continue  # "like" between two words with no comma is usually a verb or preposition
        found.append(span)
    return found


def repeated_words(answer: AnswerText) -> list[tuple[str, int]]:
    """Content words said often (5 times, or 4 % of the words, or more), most repeated first."""
    counts = Counter(
        w.text.lower()
        for w in answer.words
        if w.text.lower() not in answer.lex.stopwords and len(w.text) > 2 and not w.text[0].isdigit()
    )
    threshold = max(5, round(0.04 * answer.word_count))
    return [(word, n) for word, n in counts.most_common(5) if n >= threshold][:3]


def repeated_phrases(answer: AnswerText, limit: int = 2) -> dict[str, list[Span]]:
    """The longest phrases (two to six words) said three times or more ("at the end of the day"):
    the most repeated first, longer before shorter, none inside one already chosen."""
    lowered = [w.text.lower().strip("'’") for w in answer.words]
    candidates: list[tuple[int, int, str, list[int]]] = []
    for size in range(6, 1, -1):
        positions: dict[str, list[int]] = {}
        for index in range(len(lowered) - size + 1):
            gram = lowered[index : index + size]
            if all(g in answer.lex.stopwords for g in gram) or any(g[:1].isdigit() for g in gram):
                continue
            positions.setdefault(" ".join(gram), []).append(index)
        candidates += [(len(starts), size, phrase, starts) for phrase, starts in positions.items() if len(starts) >= 3]
    chosen: dict[str, list[Span]] = {}
    for _count, size, phrase, starts in sorted(candidates, key=lambda c: (-c[0], -c[1])):
        if len(chosen) >= limit:
            break
        if any(phrase in longer or longer in phrase for longer in chosen):
            continue
        chosen[phrase] = [
            Span(
                answer.words[i].start,
                answer.words[i + size - 1].end,
                answer.text[answer.words[i].start : answer.words[i + size - 1].end],
            )
            for i in starts
        ]
    return chosen


def check_delivery(assessment: Assessment) -> None:
    """The delivery checks, ``na`` unless the answer was spoken and words were heard."""
    delivery = assessment.delivery
    if delivery is None or not delivery.words:
        for check_id in DELIVERY_CHECKS:
            assessment.na(check_id, "Answer out loud to get delivery feedback.")
        return
    answer = assessment.answer
    # Rates over the speech (first word to last), not over silence before or after it.
    minutes = max(delivery.words[-1][2] - delivery.words[0][1], 1.0) / 60
    wpm = words_per_minute(delivery.words)
    status = Status.PASS if 120 <= wpm <= 160 else Status.PARTIAL if 100 <= wpm <= 185 else Status.MISSING
    extra = (
        ""
        if status == Status.PASS
        else "Slow down a little."
        if wpm > 160
        else "Speak a little faster, or cut the pauses."
    )
    assessment.add(CheckId.DELIVERY_PACE, status, detail=f"{wpm:.0f} words a minute", extra_tip=extra)

    fillers = filler_spans(answer)
    rate = len(fillers) / minutes
    status = Status.PASS if rate <= 2 else Status.PARTIAL if rate <= 5 else Status.MISSING
    bound = " (at least: speech recognition drops some)" if delivery.fillers_lower_bound else ""
    assessment.add(
        CheckId.DELIVERY_FILLERS,
        status,
        fillers,
        detail=f"{counted(len(fillers), 'filler')}, {rate:.1f} a minute{bound}",
        problem=True,
    )
    hedges = answer.find("delivery", "hedges")
    status = Status.PASS if not hedges else Status.PARTIAL if len(hedges) <= 2 else Status.MISSING
    assessment.add(CheckId.DELIVERY_HEDGES, status, hedges, detail=counted(len(hedges), "hedge"), problem=True)

    offsets = align_words(assessment.text, delivery.words)
    pauses = []
    for index, gap in long_pauses(delivery.words):
        where = offsets[index]
        if where is not None:
            pauses.append((gap, Span(where[0], where[1], assessment.text[where[0] : where[1]])))
    status = Status.PASS if not pauses else Status.PARTIAL if len(pauses) <= 2 else Status.MISSING
    detail = ", ".join(f"{gap:.1f} s before “{span.text}”" for gap, span in pauses[:4]) or "none over 2.5 s"
    assessment.add(CheckId.DELIVERY_PAUSES, status, [s for _, s in pauses], detail=detail, problem=True)

    repeated, phrase_spans = repeated_words(answer), repeated_phrases(answer)
    overused = repeated + [(phrase, len(spans)) for phrase, spans in phrase_spans.items()]
    status = Status.PASS if not overused else Status.PARTIAL if len(overused) == 1 else Status.MISSING
    repeated_set = {r for r, _ in repeated}
    evidence = dedupe(
        [w for w in answer.words if w.text.lower() in repeated_set]
        + [span for spans in phrase_spans.values() for span in spans]
    )
    assessment.add(
        CheckId.DELIVERY_REPETITION,
        status,
        evidence,
        detail=", ".join(f"“{w}” ×{n}" for w, n in overused) or "no word or phrase overused",
        problem=True,
    )

    limit = delivery.limit or assessment.question.answer_seconds
    share = delivery.duration / limit if limit else 1.0
    # "Length fits the time" already judges a spoken answer's seconds: counting the share of the time
    # used as well would mark one fact down twice. It stays on the list, for reference.
    assessment.add(
        CheckId.DELIVERY_TIME_USED,
        Status.NA,
        detail=f"{delivery.duration:.0f} s of {limit:.0f} s ({share:.0%})",
        tip="For reference: 'Length fits the time' judges how long a spoken answer runs.",
    )
