"""The frame of an answer, whatever its kind: how it opens, how long it runs, how it closes.

- The opening answers the question in its first sentence (a story may open by launching its
  example).
- The close ties the answer back: to this role or company, to what the story shows about the
  candidate, or to a lesson. An answer that simply ends on its result, its remedy or an
  achievement has half a close; a one-sentence answer has no separate close at all.
- The length fits the time.
"""

from __future__ import annotations

import re

from mock_interview.core.feedback.answer import fold
from mock_interview.core.feedback.assessment import Assessment
from mock_interview.core.feedback.mentions import company_mentions, generic_company_mentions, negativity_spans
from mock_interview.core.feedback.registry import CheckId
from mock_interview.core.feedback.results import Status
from mock_interview.core.feedback.text import Span, stem, words
from mock_interview.core.kinds import QuestionKind

GOAL_STATEMENT = re.compile(
    r"(?<![\w])(?:I(?: (?:want|aim|hope|plan|aspire|intend|would like|see myself)|'d like)|"
    r"my (?:goal|aim|ambition|plan)|I envision)(?![\w])",
    re.IGNORECASE,
)
_QUESTION_NOISE = frozenset(
    "tell describe time give example walk through share want would think see yourself you your what why "
    "how where when which can could our us about did do does".split()
)
_TERMINATED = re.compile(r"[.!?…][\"'”’)\]]*\s*$")
# A sentence that stops on one of these words was cut off ("In the next year I want to").
_DANGLING = frozenset(
    "to the a an and or but of in on for with at by as i my our we is was be that which so because if "
    "then would will want like from into their this".split()
)
# Typed answers: the words that fit, by kind, as a career coach counts them (one to two minutes
# spoken is about 150-300): a story passes at 110-350 words (partly at 60-109 or 351-450), any
# other answer at 60-300 (partly at 30-59 or 301-400).
_WORD_BANDS = {QuestionKind.BEHAVIORAL: (110, 350)}
_DEFAULT_BAND = (60, 300)
SHORT_PARTIAL = 0.5  # down to half the band's low end is a little short (partial)
LONG_PARTIAL = 1.3  # up to 130 % of its high end is a little long


def check_frame(assessment: Assessment) -> None:
    """The opening, the length and the close of a main answer."""
    _check_opening(assessment)
    check_length(assessment)
    _check_closing(assessment)


def unfinished(assessment: Assessment, sentence: Span) -> bool:
    """A typed sentence that stops without punctuation on a joining word was cut off."""
    if assessment.delivery is not None or _TERMINATED.search(fold(sentence.text)):
        return False
    tokens = words(sentence.text)
    return not tokens or tokens[-1].text.lower() in _DANGLING


_OPENERS: dict[QuestionKind, tuple[tuple[str, str], ...]] = {
    QuestionKind.GOALS: (("goals", "current"), ("goals", "short_term"), ("goals", "long_term")),
    QuestionKind.BEHAVIORAL: (("star", "situation"), ("star", "task"), ("star", "time_anchor")),
    QuestionKind.FIT: (
        ("fit", "why_company"),
        ("fit", "why_role"),
        ("fit", "what_you_bring"),
        ("motivation", "driver"),
    ),
    QuestionKind.MOTIVATION: (("motivation", "driver"), ("fit", "why_role")),
    QuestionKind.SKILLS: (("specificity", "skills"),),
    QuestionKind.WEAKNESS: (("weakness", "named"), ("weakness", "cliche")),
    QuestionKind.ABOUT: (("about", "present"), ("goals", "current")),
    QuestionKind.LEAVING: (("leaving", "reason"), ("leaving", "next"), ("leaving", "credit")),
}
# Kinds whose question asks about the future: a stated goal answers it.
_FUTURE_KINDS = (QuestionKind.GOALS, QuestionKind.SKILLS, QuestionKind.MOTIVATION)


def _answers_question(assessment: Assessment, index: int, question_stems: set[str]) -> bool:
    """Whether sentence ``index`` takes up the question: it shares its words, states a goal for a
    question about the future, says what the kind asks for, or (in a story) launches the example."""
    answer = assessment.answer
    sentence = answer.sentences[index]
    kind = assessment.question.question_kind
    if unfinished(assessment, sentence) or _in(sentence, answer.find("answer", "deflection")):
        return False
    if question_stems & {stem(w.text) for w in words(sentence.text)}:
        return True
    if kind in _FUTURE_KINDS and GOAL_STATEMENT.search(fold(sentence.text)):
        return True
    if kind is QuestionKind.BEHAVIORAL and assessment.star.labels[index] in ("situation", "task", "action"):
        return True  # a story may open by launching its example
    if kind is QuestionKind.GENERAL:
        return bool(words(sentence.text)) and not _filler_only(assessment, sentence)
    return any(_in(sentence, answer.find(*key)) for key in _OPENERS.get(kind, ()))


def _filler_only(assessment: Assessment, sentence: Span) -> bool:
    """A sentence that is nothing but a filler opener ("Uh, well.", "Great question!")."""
    text = fold(sentence.text.strip()).lower()
    filler = assessment.lex.pattern("answer", "filler_openers").match(text)
    return filler is not None and filler.end() >= len(text) - 1


def _check_opening(assessment: Assessment) -> None:
    """Pass: the first sentence answers the question. Partial: the second does, or the first starts
    somewhere else than the question asks (a life story from graduation for "tell me about
    yourself"). Missing: a deflection, a filler, or nothing of the question in the first two."""
    answer = assessment.answer
    question_stems = {
        stem(w.text)
        for w in words(assessment.question.text)
        if w.text.lower() not in assessment.lex.stopwords and w.text.lower() not in _QUESTION_NOISE and len(w.text) > 2
    }
    first = answer.sentences[0]
    off_start = assessment.question.question_kind is QuestionKind.ABOUT and bool(
        _in(first, answer.find("answer", "life_story_start"))
    )
    if _answers_question(assessment, 0, question_stems) and not _filler_only(assessment, first):
        status, evidence = (Status.PARTIAL if off_start else Status.PASS), [first]
    elif (
        len(answer.sentences) > 1
        and _answers_question(assessment, 1, question_stems)
        and not _in(first, answer.find("answer", "deflection"))
    ):
        status, evidence = Status.PARTIAL, [answer.sentences[1]]
    else:
        status, evidence = Status.MISSING, [first]
    assessment.add(
        CheckId.ANSWER_OPENING,
        status,
        evidence,
        problem=status == Status.MISSING,
        detail="the answer stops mid-sentence" if unfinished(assessment, first) else "",
    )


def check_length(assessment: Assessment) -> None:
    """Whether the answer's length fits the time (spoken: seconds; typed: words for its kind)."""
    limit = assessment.question.answer_seconds or 120
    if assessment.delivery is not None and assessment.delivery.duration > 0:
        high = min(120.0, float(limit))
        low = min(60.0, high / 2)
        value = assessment.delivery.duration
        detail = f"{value:.0f} s spoken (aim {low:.0f}-{high:.0f} s)"
    else:
        band_low, band_high = _WORD_BANDS.get(assessment.question.question_kind, _DEFAULT_BAND)
        scale = min(1.0, limit / 90)  # a short time limit asks for a shorter answer
        low = float(assessment.question.min_words or max(8, round(band_low * scale)))
        high = float(assessment.question.max_words or max(low * 2, round(band_high * scale)))
        value = float(assessment.answer.word_count)
        detail = f"{assessment.answer.word_count} words (aim {low:.0f}-{high:.0f})"
    if low <= value <= high:
        status = Status.PASS
    elif low * SHORT_PARTIAL <= value <= high * LONG_PARTIAL:
        status = Status.PARTIAL
    else:
        status = Status.MISSING
    extra = (
        ""
        if status == Status.PASS
        else ("Say more: the detail behind each part you have." if value < low else "Cut to the essentials.")
    )
    assessment.add(CheckId.ANSWER_LENGTH, status, detail=detail, extra_tip=extra)


# What a close that stops short ends on, by kind: the story's result, the remedy for a weakness,
# an achievement or the role sought.
_HALF_CLOSES: dict[QuestionKind, tuple[tuple[str, str], ...]] = {
    QuestionKind.BEHAVIORAL: (("star", "result"), ("star", "outcome")),
    QuestionKind.WEAKNESS: (("weakness", "mitigation"),),
    QuestionKind.ABOUT: (("star", "outcome"), ("about", "future"), ("about", "past")),
}
_DEFAULT_HALF_CLOSES = (("star", "outcome"), ("about", "future"))


def _in(sentence: Span, spans: list[Span]) -> list[Span]:
    return [s for s in spans if sentence.start <= s.start < sentence.end]


def _check_closing(assessment: Assessment) -> None:
    """Pass: the last sentence ties back to this role or company, to what the answer shows about the
    candidate, or to a lesson or the progress made. Partial: it ends on the result, the remedy or an
    achievement, or is cut off. Missing: one sentence only, a question, a harsh
    word, or nothing of the kind."""
    answer = assessment.answer
    last = answer.sentences[-1]
    kind = assessment.question.question_kind
    cut_off = unfinished(assessment, last)
    tie_backs = (
        answer.find("answer", "closing")
        + answer.find("answer", "tie_back")
        + answer.find("star", "learning")
        + answer.find("weakness", "progress")
        + company_mentions(assessment)
        + generic_company_mentions(assessment)
    )
    ties = _in(last, tie_backs)
    half = _in(last, [s for key in _HALF_CLOSES.get(kind, _DEFAULT_HALF_CLOSES) for s in answer.find(*key)])
    if kind is QuestionKind.BEHAVIORAL and not half:
        half = _in(last, list(assessment.star.parts["result"].sentences))  # the story's last sentence is its result
    harsh = bool(_in(last, negativity_spans(assessment)))
    if len(answer.sentences) < 2 or last.text.rstrip().endswith("?") or harsh:
        status = Status.MISSING
    elif ties and not cut_off:
        status = Status.PASS
    elif ties or half:
        status = Status.PARTIAL
    else:
        status = Status.MISSING
    assessment.add(
        CheckId.ANSWER_CLOSING,
        status,
        [last] if status != Status.MISSING else [],
        detail="the answer stops mid-sentence" if cut_off else "",
    )
