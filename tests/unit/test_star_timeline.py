"""Where a spoken story's time goes: the tagger's parts placed on the word timings."""

from __future__ import annotations

import json

import pytest

from mock_interview.core.star_timeline import applies, part_seconds, star_timeline, word_offsets
from tests.cli_runner import run_cli
from tests.spoken_sessions import saved_spoken_story, timed

STORY = (
    "Last spring our support backlog had grown to nine hundred tickets. "
    "My task was to bring response times under one day. "
    "First, I analysed six weeks of tickets and grouped them by cause. "
    "Then I wrote a self-service guide for the ten most common problems. "
    "I built a simple dashboard so the team could see the queue every morning. "
    "I trained four colleagues to use the guide, and I met each of them every week to review the hardest tickets. "
    "As a result, the backlog fell by eighty percent within two months."
)


def test_a_story_with_a_long_action_spends_most_of_its_time_on_the_action():
    segments = star_timeline(STORY, timed(STORY))
    seconds = part_seconds(segments)
    assert max(seconds, key=seconds.__getitem__) == "action"
    assert [s.part for s in segments][0] == "situation" and segments[-1].part == "result"
    assert all(a.end <= b.start for a, b in zip(segments, segments[1:], strict=False))  # in the order said


def test_words_the_text_does_not_hold_are_left_out_and_the_rest_keep_their_places():
    text = "I wrote the guide. It worked."
    words = [(" I", 0.0, 0.2), (" wrote", 0.2, 0.5), (" zzz", 0.5, 0.6), (" the", 0.6, 0.7), (" guide.", 0.7, 1.0)]
    assert [at for at, _, _ in word_offsets(text, words)] == [0, 2, 8, 12]


def test_only_spoken_story_answers_get_a_timeline():
    assert applies("behavioral", timed("I did it."))
    assert not applies("goals", timed("I want to lead."))
    assert not applies("behavioral", [])


def test_sessions_show_json_has_the_timeline_of_a_spoken_story(capsys: pytest.CaptureFixture[str], isolated_data_dir):
    _store, session = saved_spoken_story(isolated_data_dir, STORY, question_id="process-improvement", with_audio=False)
    code, out, _ = run_cli(capsys, "--data-dir", str(isolated_data_dir), "sessions", "show", session.id, "--json")
    assert code == 0
    timeline = json.loads(out)["answers"][0]["star_timeline"]
    assert {"part", "start", "end"} == set(timeline[0])
    longest = max(timeline, key=lambda s: s["end"] - s["start"])
    assert longest["part"] == "action"
