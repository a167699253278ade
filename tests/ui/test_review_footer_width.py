"""Review's footer at 80 columns keeps the keys that matter for a spoken answer: playing it, mending its
transcript (re-transcribe, correct), the way back (escape), Quit and Help; it ended "… f7 Again f10
Re-transcribe ^t", the correction's label, ^q Quit and f1 Help cut off."""

from __future__ import annotations

import pytest

from mock_interview.tui.screens.review import ReviewScreen
from tests.spoken_sessions import saved_spoken_story
from tests.ui.conftest import screen_text, settled, wait_for
from tests.unit.test_star_timeline import STORY

KEPT = ("back", "play", "retranscribe", "correct-transcript")  # binding ids: whatever key and label they have


def spoken_session(data_dir) -> str:
    return saved_spoken_story(data_dir, STORY)[1].id


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_keys_for_a_spoken_answer_fit_the_footer(make_app, isolated_data_dir, size):
    session_id = spoken_session(isolated_data_dir)
    app = make_app()
    async with app.run_test(size=size) as pilot:
        app.push_screen(ReviewScreen(app, session_id))
        await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen) and app.screen.session is not None)
        await settled(pilot)
        review = app.screen
        footer = screen_text(app).splitlines()[-1]
        labels = {b.id: b.description for b in review.BINDINGS if hasattr(b, "id")}
        for binding_id in KEPT:
            assert f" {labels[binding_id]}" in footer, (binding_id, footer)
        assert "Quit" in footer and footer.rstrip().endswith("Help"), footer
