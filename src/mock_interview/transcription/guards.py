"""Hallucination guards: keep only words Whisper heard, not words it made up.

Whisper was trained on subtitles. Over silence or noise it writes what subtitles say there
("Thank you.", "Thanks for watching!"), a run of dots, or it gets stuck repeating itself
("it's, uh, it's, uh, it's…"). The speech detector keeps most of that away by giving Whisper only
speech; these rules catch what is left, using what faster-whisper reports for each decoded window
and each word:

- a segment Whisper itself judged silent (high no-speech probability and low log-probability);
- a segment mostly outside the speech regions (in the padding around them) that Whisper was not
  sure of: the sentence it likes to add at the end of a piece ("And...", "We'll see you later.");
- stock phrases from subtitles when the signals say they were not heard clearly;
- words made of punctuation only;
- words whose timing lies outside every speech region (nothing after the last spoken word);
- repetition loops: a word or phrase said four times or more in a row is kept once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from mock_interview.transcription.transcript import Segment, TimedWord

# Whisper's own "this window was silence" rule (the reference implementation's defaults).
NO_SPEECH_PROB = 0.6
SILENT_LOGPROB = -1.0
# A stock phrase survives only when the model was sure of it and heard speech under it.
STOCK_NO_SPEECH_PROB = 0.2
STOCK_LOGPROB = -0.5
STOCK_MIN_COVERAGE = 0.6
# A segment mostly outside speech is kept only if Whisper was confident of it.
OUTSIDE_COVERAGE = 0.5
OUTSIDE_NO_SPEECH_PROB = 0.3
OUTSIDE_LOGPROB = -0.7
STOCK_PHRASES = frozenset(
    {
        "thank you",
        "thank you very much",
        "thank you so much",
        "thanks",
        "thanks for watching",
        "thank you for watching",
        "thanks for listening",
        "thank you for listening",
        "please subscribe",
        "subscribe",
        "like and subscribe",
        "bye",
        "bye bye",
        "goodbye",
        "you",
        "so",
        "okay",
        "oh",
        "subtitles by the amaraorg community",
        "transcribed by",
        "the end",
        "see you next time",
        "we'll see you next time",
        "i'll see you next time",
        "see you later",
        "we'll see you later",
        "see you in the next video",
        "thanks for watching and see you next time",
    }
)
# Seconds a word may stray outside a speech region (Whisper's word timings are approximate).
WORD_TOLERANCE = 0.3
LOOP_REPEATS = 4
LOOP_MAX_PHRASE = 6
_NOT_WORD = re.compile(r"[^\w']+")
# Whisper gives some symbols as words of their own: "35" then "%". They belong to their number.
_SUFFIX_SYMBOLS = frozenset("%°")
_PREFIX_SYMBOLS = frozenset("$£€¥#")


@dataclass(frozen=True)
class TimeSpan:
    """A stretch of time, in seconds."""

    start: float
    end: float


def normalise(text: str) -> str:
    """Lower case, punctuation removed, spaces collapsed: how phrases are compared."""
    return " ".join(_NOT_WORD.sub(" ", text.lower()).split())


def has_letters(text: str) -> bool:
    """Whether ``text`` holds any letter or digit (``". . ."`` does not)."""
    return any(ch.isalnum() for ch in text)


def is_stock_phrase(text: str) -> bool:
    """Whether ``text`` is one of the phrases Whisper writes over non-speech."""
    return normalise(text) in STOCK_PHRASES


def coverage(start: float, end: float, speech: Sequence[TimeSpan]) -> float:
    """The share of [start, end] that lies inside speech."""
    if end <= start:
        return 1.0 if any(s.start <= start <= s.end for s in speech) else 0.0
    inside = sum(max(0.0, min(end, s.end) - max(start, s.start)) for s in speech)
    return inside / (end - start)


def near_speech(word: TimedWord, speech: Sequence[TimeSpan], tolerance: float = WORD_TOLERANCE) -> bool:
    """Whether a word's timing touches a speech region (widened by ``tolerance`` each side)."""
    return any(word.end >= s.start - tolerance and word.start <= s.end + tolerance for s in speech)


def is_silent_window(segment: Segment) -> bool:
    """Whisper's rule: the window held no speech and the text was not decoded with confidence."""
    return segment.no_speech_prob > NO_SPEECH_PROB and segment.avg_logprob < SILENT_LOGPROB


def _span(segment: Segment) -> tuple[float, float]:
    start = min((w.start for w in segment.words), default=segment.start)
    end = max((w.end for w in segment.words), default=segment.end)
    return start, end


def is_unsure_outside_speech(segment: Segment, speech: Sequence[TimeSpan]) -> bool:
    """A segment mostly outside the speech regions that Whisper was not sure of."""
    return coverage(*_span(segment), speech) < OUTSIDE_COVERAGE and (
        segment.no_speech_prob > OUTSIDE_NO_SPEECH_PROB or segment.avg_logprob < OUTSIDE_LOGPROB
    )


def is_unheard_stock_phrase(segment: Segment, speech: Sequence[TimeSpan]) -> bool:
    """A subtitle phrase ("Thank you.") that the signals say was not clearly spoken."""
    if not is_stock_phrase(segment.text):
        return False
    return (
        segment.no_speech_prob > STOCK_NO_SPEECH_PROB
        or segment.avg_logprob < STOCK_LOGPROB
        or coverage(*_span(segment), speech) < STOCK_MIN_COVERAGE
    )


def collapse_loops(
    words: Sequence[TimedWord], repeats: int = LOOP_REPEATS, longest: int = LOOP_MAX_PHRASE
) -> list[TimedWord]:
    """Keep one copy of any phrase (1 to ``longest`` words) repeated ``repeats`` times or more in a row.

    People repeat a word two or three times when they hesitate ("I, I, I think"); four or more
    identical phrases in a row is the decoder stuck in a loop.
    """
    keys = [normalise(w.text) for w in words]
    kept: list[TimedWord] = []
    index = 0
    while index < len(words):
        skipped = False
        for size in range(1, longest + 1):
            phrase = keys[index : index + size]
            if len(phrase) < size or not any(phrase):
                break
            count = 1
            while keys[index + count * size : index + (count + 1) * size] == phrase:
                count += 1
            if count >= repeats:
                kept.extend(words[index : index + size])
                index += count * size
                skipped = True
                break
        if not skipped:
            kept.append(words[index])
            index += 1
    return kept


def attach_symbols(words: Sequence[TimedWord]) -> list[TimedWord]:
    """Join symbol-only words to their number ("35", "%" -> "35%"); drop punctuation-only words (". . .")."""
    out: list[TimedWord] = []
    prefix: TimedWord | None = None
    for word in words:
        if has_letters(word.text):
            if prefix is not None:
                word = TimedWord(prefix.text + word.text, prefix.start, word.end, word.probability)
                prefix = None
            out.append(word)
        elif out and any(ch in _SUFFIX_SYMBOLS for ch in word.text):
            last = out[-1]
            out[-1] = TimedWord(last.text + word.text, last.start, max(last.end, word.end), last.probability)
        elif any(ch in _PREFIX_SYMBOLS for ch in word.text):
            prefix = word
    return out


def keep_heard_words(segments: Iterable[Segment], speech: Sequence[TimeSpan]) -> list[TimedWord]:
    """The words of ``segments`` that pass every guard, in order.

    Args:
        segments: What the model decoded, with word timings (seconds, same clock as ``speech``).
        speech: The speech regions of the same audio; words away from all of them are dropped.
    """
    kept: list[TimedWord] = []
    for segment in segments:
        if (
            is_silent_window(segment)
            or is_unsure_outside_speech(segment, speech)
            or is_unheard_stock_phrase(segment, speech)
        ):
            continue
        kept.extend(w for w in attach_symbols(segment.words) if near_speech(w, speech))
    return collapse_loops(kept)
