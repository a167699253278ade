"""Results that come late are dropped: every result message names the answer (and, for a checklist, the
text) it is about, and the round screen paints only what is about the answer being given now."""

from __future__ import annotations

import threading

from textual.widgets import TextArea

from mock_interview.core.choices import AnswerMode
from mock_interview.core.planning import RoundRequest
from mock_interview.core.rounds import Phase
from mock_interview.tui.messages import (
    FeedbackReady,
    RecordingFailed,
    RecordingInterrupted,
    TranscriptReady,
    TranscriptUpdated,
)
from mock_interview.tui.screens.round import RoundScreen
from mock_interview.tui.speech import SpokenAnswer
from tests.fakes import FakeTranscriber, SilentMicrophone
from tests.lookups import phase_of
from tests.ui.conftest import SECOND_TRY, open_the_microphone, round_status, settled, wait_for

TWO_QUESTIONS = RoundRequest(("behavioral-star",), count=2, order="pack", profile="")
SHORT = "I led a team."


def score_line(screen: RoundScreen) -> str:
    return str(screen.query_one("#feedback-score").render())


async def test_a_checklist_for_the_previous_answer_is_never_painted_over_the_current_one(make_app, monkeypatch):
    app = make_app(start_round=TWO_QUESTIONS)
    app.settings = app.settings.updated(feedback="live", follow_ups=False)
    release, held = threading.Event(), threading.Event()
    arrived: list[FeedbackReady] = []

    def hook(message) -> None:
        if isinstance(message, FeedbackReady):
            arrived.append(message)

    async with app.run_test(size=(120, 40), message_hook=hook) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
        screen = app.screen
        analyse = screen.round.analyse

        def slow_for_the_first_answer(text, delivery=None):
            if threading.current_thread() is not threading.main_thread() and text.startswith(SECOND_TRY[:30]):
                held.set()
                release.wait(30)  # the live checklist of the first answer takes its time
            return analyse(text, delivery)

        monkeypatch.setattr(screen.round, "analyse", slow_for_the_first_answer)
        await pilot.press("ctrl+s")
        area = screen.query_one("#answer", TextArea)
        area.insert(SECOND_TRY)
        await wait_for(pilot, held.is_set)  # its checklist is being made in the background
        await pilot.press("ctrl+s")  # submitted (checked at once), then on to the next question
        await wait_for(pilot, lambda: phase_of(screen.round) is Phase.ANSWERED)
        first = screen.round.session.answers[0]
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: phase_of(screen.round) is Phase.THINKING)
        await pilot.press("ctrl+s")
        area.insert(SHORT)
        await wait_for(pilot, lambda: "4 words" in score_line(screen))  # the second answer's live checklist
        shown = score_line(screen)
        release.set()
        await wait_for(pilot, lambda: any(m.answer is first for m in arrived))  # the first one, late
        await settled(pilot)
        assert score_line(screen) == shown and area.text == SHORT


async def test_recording_results_about_an_answer_already_left_are_dropped(make_app):
    """The words, the start and the end of the first answer's recording, arriving while the second is spoken."""
    two_spoken = RoundRequest(("career-goals",), count=2, order="pack", mode=AnswerMode.SPOKEN, profile="")
    app = make_app(start_round=two_spoken, recorder_factory=SilentMicrophone, transcriber_factory=FakeTranscriber)
    app.settings = app.settings.updated(follow_ups=False)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_the_microphone(pilot, app)
        await pilot.press("f6")  # the first question is skipped while its microphone is on
        await wait_for(pilot, lambda: len(screen.round.session.answers) == 1 and screen.speech is not None)
        first = screen.round.session.answers[0]
        await pilot.press("ctrl+s")  # the second question's microphone
        await wait_for(pilot, lambda: "Speak now" in round_status(screen) and screen.round.draft is not first)
        late = SpokenAnswer("words of the first answer", [], "audio/x.wav", 3.0, "tiny.en", [])
        for message in (
            TranscriptUpdated("words of the first answer", first),
            RecordingInterrupted("the microphone stopped", first),
            RecordingFailed("the device went away", first),
            TranscriptReady(late, first),
        ):
            screen.post_message(message)
        await settled(pilot, workers=False)  # the second answer is still being recorded
        assert screen.query_one("#answer", TextArea).text == ""
        assert phase_of(screen.round) is Phase.ANSWERING and screen.round.spoken and screen.speech.active
        assert first.text == "" and first.status == "skipped"
