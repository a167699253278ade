"""A question as a round shows it: all of a long one can be read, and invisible characters are shown."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from textual.widgets import TextArea

from mock_interview.core.planning import RoundRequest
from mock_interview.core.safetext import REPLACEMENT_FORMAT
from mock_interview.tui.screens.round import RoundScreen
from tests.ui.conftest import screen_text, wait_for

LONG_QUESTION = (
    "Imagine that you have joined our organisation as a senior analyst and, in your first quarter, the leadership "
    "team asks you to review how the regional offices report their monthly results, because the numbers arrive "
    "late, in different formats, and are often corrected after the board has already seen them; describe how you "
    "would find out what is going wrong, whom you would involve, how you would decide what to change first, how "
    "you would measure whether the change worked, and what you would do if one of the regional directors refused "
    "to adopt the new process, and finish by telling us the one thing you would want to have achieved by the end."
)
PACK = f"""
[pack]
id = "long"
title = "Long \u202equestions\u202c"
answer_seconds = 120
prep_seconds = 10

[[questions]]
id = "long"
text = "{LONG_QUESTION}"
kind = "general"

[[questions]]
id = "hidden"
text = "Tell me about a\u200b time you \u2066led\u2069 a team."
kind = "behavioral"
"""


def write_pack(data: Path) -> None:
    (data / "packs").mkdir(parents=True, exist_ok=True)
    (data / "packs" / "long.toml").write_text(PACK, encoding="utf-8")


async def test_a_long_question_can_be_read_to_its_end_at_80x24(make_app, isolated_data_dir):
    assert len(LONG_QUESTION) > 600
    write_pack(isolated_data_dir)
    app = make_app(start_round=RoundRequest(("long",), count=1, order="pack", profile=""))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
        box = app.screen.query_one("#question-box")
        box.scroll_end(animate=False)
        await wait_for(
            pilot,
            lambda: "the one thing you would want to have achieved by the end." in " ".join(screen_text(app).split()),
        )
        await pilot.press("ctrl+s")  # answering: the answer area still has room
        assert app.screen.query_one("#answer", TextArea).size.height >= 5


async def test_invisible_characters_in_a_shared_pack_are_shown(make_app, isolated_data_dir):
    write_pack(isolated_data_dir)
    app = make_app(start_round=RoundRequest(("long",), count=2, order="pack", profile=""))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
        await pilot.press("f6")  # to the second question
        await wait_for(pilot, lambda: "team" in screen_text(app))
        text = screen_text(app)
        assert not any(unicodedata.category(c) == "Cf" for c in text)
        assert f"a{REPLACEMENT_FORMAT} time you {REPLACEMENT_FORMAT}led{REPLACEMENT_FORMAT} a team" in text
