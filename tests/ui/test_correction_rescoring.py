"""Correcting a main answer's transcript in Review moves its question's number where Review shows it:
the answer list, the answer's own line, the session's score in the header and the round's summary."""

from __future__ import annotations

from mock_interview.core.context import AppContext
from mock_interview.tui.screens.correct_transcript import CorrectTranscriptScreen
from mock_interview.tui.screens.review import ReviewScreen
from mock_interview.tui.widgets.fields import TextBox
from mock_interview.tui.widgets.round_summary import RoundSummaryPanel
from tests.ui.conftest import wait_for
from tests.unit.test_correction_rescoring import MISHEARD, STORY, _session


def _list_prompt(review: ReviewScreen, index: int) -> str:
    from textual.widgets import OptionList

    return str(review.query_one("#review-answers", OptionList).get_option_at_index(index).prompt)


async def test_correcting_a_main_answer_changes_its_questions_score_in_review(make_app, isolated_data_dir):
    context = AppContext.from_options(str(isolated_data_dir))
    session = _session(context, MISHEARD)
    context.sessions.save(session)
    before = session.answers[0].question_score
    after = _session(context, STORY).answers[0].question_score
    assert before is not None and after is not None and before != after
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        app.push_screen(ReviewScreen(app, session.id))
        await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen) and app.screen.session is not None)
        review = app.screen
        assert isinstance(review, ReviewScreen)
        assert _list_prompt(review, 0).endswith(f"[{before}]")
        assert f"score {before}" in str(review.query_one("#review-summary").render())
        await pilot.press("ctrl+g")  # how the round went: its best and weakest question with their scores
        panel = review.query_one(RoundSummaryPanel)
        await wait_for(pilot, lambda: panel.display and f"{before}/100" in str(panel.render()))
        await pilot.press("f11")
        await wait_for(pilot, lambda: isinstance(app.screen, CorrectTranscriptScreen))
        app.screen.query_one("#corrected-text", TextBox).load_text(STORY)
        await pilot.press("ctrl+s")
        await wait_for(
            pilot, lambda: app.screen is review and _list_prompt(review, 0).endswith(f"[{after}]"), what="the new score"
        )
        assert f"score {after}" in str(review.query_one("#review-summary").render())
        assert f"the question scores {after}" in str(review.query_one("#review-answer").render())
        # the round's summary moved with it (re-trial 5: it kept the old score until hidden and shown again)
        assert f"{after}/100" in str(panel.render()) and f"{before}/100" not in str(panel.render())
    saved = context.sessions.load(session.id)
    assert saved.answers[0].question_score == after and saved.score == after
