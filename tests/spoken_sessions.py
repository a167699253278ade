"""A saved spoken session with one behavioural answer, as Review, `sessions show` and the timeline read it.

Shared by the Review tests (correcting, re-transcribing, the footer) and the STAR timeline's: each
had its own copy of the same ``AnswerRecord``.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from mock_interview.core.choices import AnswerMode
from mock_interview.core.sessions import AnswerRecord, AnswerStatus, Session, SessionStore, now

QUESTION = "Tell me about a time you made a process more efficient."


def timed(text: str, seconds_per_word: float = 0.4) -> list[tuple[str, float, float]]:
    """Word timings as a recogniser gives them: each word in turn, with a leading space."""
    return [(f" {w}", i * seconds_per_word, (i + 1) * seconds_per_word - 0.05) for i, w in enumerate(text.split())]


def saved_spoken_story(
    data_dir: Path,
    text: str,
    *,
    heard: str | None = None,
    original_text: str = "",
    question_id: str = "x",
    with_audio: bool = True,
) -> tuple[SessionStore, Session]:
    """A saved spoken session whose one answer is ``text`` (45 s of 150 s), its word timings those of
    ``heard`` (``text`` by default), pointing at ``audio/SESSION/00-ID.wav`` unless ``with_audio`` is
    false (the file itself is the caller's to write)."""
    store = SessionStore(data_dir / "sessions")
    ref = f"behavioral-star/{question_id}"
    session = store.create(mode=AnswerMode.SPOKEN, packs=["behavioral-star"], plan=[ref])
    began = now()
    session.answers.append(
        AnswerRecord(
            ref,
            QUESTION,
            "behavioral",
            began,
            began + timedelta(seconds=45),
            150,
            text,
            source=AnswerMode.SPOKEN,
            status=AnswerStatus.ANSWERED,
            audio=f"audio/{session.id}/00-{question_id}.wav" if with_audio else "",
            words=timed(heard if heard is not None else text),
            original_text=original_text,
        )
    )
    store.save(session)
    return store, session
