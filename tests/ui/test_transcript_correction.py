"""Correcting a misheard transcript in Review: the answer is checked again with the recording's timing,
the recognised transcript stays beside the correction, and the session is saved."""

from __future__ import annotations

from mock_interview.tui.screens.correct_transcript import CorrectTranscriptScreen
from mock_interview.tui.screens.review import ReviewScreen
from mock_interview.tui.widgets.fields import TextBox
from tests.spoken_sessions import saved_spoken_story, timed
from tests.ui.conftest import wait_for
from tests.unit.test_star_timeline import STORY

MISHEARD = STORY.replace("eighty percent within two months", "a melt of the Maclunked").replace(
    "six weeks", "sick weeks"
)


async def test_a_corrected_transcript_is_checked_again_and_the_original_kept(make_app, isolated_data_dir):
    store, session = saved_spoken_story(isolated_data_dir, MISHEARD)
    words = timed(MISHEARD)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(ReviewScreen(app, session.id))
        await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen) and app.screen.session is not None)
        review = app.screen
        assert isinstance(review, ReviewScreen)
        await pilot.press("f11")
        await wait_for(pilot, lambda: isinstance(app.screen, CorrectTranscriptScreen))
        box = app.screen.query_one("#corrected-text", TextBox)
        assert box.text == MISHEARD
        box.load_text(STORY)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen is review and review.session.answers[0].text == STORY)
        shown = str(review.query_one("#review-original").render())
        assert "Recognised before your correction" in shown and "Maclunked" in shown
    saved = store.load(session.id).answers[0]
    assert (saved.text, saved.original_text) == (STORY, MISHEARD)
    # the recording's timing is kept (saved to the millisecond)
    assert saved.words == [(w, round(s, 3), round(e, 3)) for w, s, e in words]
    delivery = [c for c in saved.feedback["checks"] if c["group"] == "delivery" and c["status"] != "na"]
    assert delivery  # delivery is still judged, from the audio's words and times
    result = next(c for c in saved.feedback["checks"] if c["id"] == "star.result_measurable")
    assert result["status"] == "pass"  # the corrected result has its figure: checked again
