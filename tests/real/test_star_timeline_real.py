"""The STAR timeline for real: a story spoken by espeak-ng, written with a long action part, through
the bundled model; its action is the part that takes longest, in Review, in ``transcribe --question
--json`` and in ``sessions show --json``."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from mock_interview.core.choices import AnswerMode
from mock_interview.core.context import AppContext
from mock_interview.core.sessions import AnswerRecord, AnswerStatus, SessionStore, now
from mock_interview.core.star_timeline import part_seconds, star_timeline
from mock_interview.transcription.streaming import transcribe_file
from mock_interview.tui.app import MockInterviewApp
from mock_interview.tui.screens.review import ReviewScreen
from tests.real.conftest import espeak_to_wav
from tests.ui.conftest import wait_for
from tests.unit.test_star_timeline import STORY

QUESTION = "Tell me about a time you made a process more efficient."


def longest(timeline: list[dict[str, float | str]]) -> str:
    seconds: dict[str, float] = {}
    for segment in timeline:
        seconds[str(segment["part"])] = (
            seconds.get(str(segment["part"]), 0.0) + float(segment["end"]) - float(segment["start"])
        )
    return max(seconds, key=seconds.__getitem__)


def test_transcribe_with_the_question_gives_the_timeline_with_the_action_longest(tmp_path: Path):
    wav = espeak_to_wav(STORY, tmp_path / "story.wav")
    result = subprocess.run(
        [sys.executable, "-m", "mock_interview", "--data-dir", str(tmp_path / "data"), "transcribe", str(wav)]
        + ["--question", QUESTION, "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    data = json.loads(result.stdout)
    timeline = data["star_timeline"]
    assert {"part", "start", "end"} == set(timeline[0])
    assert longest(timeline) == "action", timeline
    assert timeline[0]["part"] == "situation"


async def test_review_shows_where_a_spoken_storys_time_went(tmp_path: Path, isolated_data_dir: Path):
    wav = espeak_to_wav(STORY, tmp_path / "story.wav")
    transcript = transcribe_file(wav, "bundled", isolated_data_dir / "models")
    seconds = part_seconds(star_timeline(transcript.text, transcript.words))
    assert max(seconds, key=seconds.__getitem__) == "action", seconds
    store = SessionStore(isolated_data_dir / "sessions")
    session = store.create(mode="spoken", packs=["behavioral-star"], plan=["behavioral-star/x"])
    began = now()
    session.answers.append(
        AnswerRecord(
            "behavioral-star/x",
            QUESTION,
            "behavioral",
            began,
            began + timedelta(seconds=transcript.duration),
            150,
            transcript.text,
            source=AnswerMode.SPOKEN,
            status=AnswerStatus.ANSWERED,
            words=list(transcript.words),
        )
    )
    store.save(session)
    app = MockInterviewApp(AppContext.from_options(str(isolated_data_dir)), speech_probe=lambda: (True, "test"))
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(ReviewScreen(app, session.id))
        await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen) and app.screen.session is not None)
        shown = str(app.screen.query_one("#review-timeline").render())
    assert "Where the time went (STAR)" in shown and "Action" in shown and "recommended about 60%" in shown
