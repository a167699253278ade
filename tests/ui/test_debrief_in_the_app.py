"""Debriefing a real interview in the app: ctrl+l on Home, the form checked field by field, saved into the drill."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from textual.widgets import DataTable, Input, Select

from mock_interview.core.debrief import PACK_ID
from mock_interview.core.drill import due_refs
from mock_interview.core.session_records import now
from mock_interview.tui.screens.debrief import (
    MAX_FIELD_CHARS,
    DebriefForm,
    DebriefFormError,
    DebriefScreen,
    DebriefViewScreen,
    debrief_from_form,
)
from mock_interview.tui.screens.history import HistoryScreen
from mock_interview.tui.screens.home import HomeScreen
from tests.ui.conftest import notifications, screen_text, wait_for

TODAY = date(2026, 12, 6)
HOSTILE = "Acme [b]Corp[/b] [@click=app.quit]x[/]"


def form(**changes) -> DebriefForm:
    values = {
        "profile": "",
        "company": "Acme",
        "when": "2026-12-01",
        "role": "",
        "questions": [("Why do you want this job?", "badly", "I froze", "Name the product I use")],
        "notes": "",
    }
    return DebriefForm(**(values | changes))


@pytest.mark.parametrize(
    ("changes", "field_id", "words"),
    [
        ({"company": "  "}, "debrief-company", "Company is empty"),
        (
            {"when": "2026-13-45"},
            "debrief-date",
            "Date: '2026-13-45' is not a date; write it as YYYY-MM-DD, such as 2026-12-06",
        ),
        ({"when": "2026-12-07"}, "debrief-date", "Date: 2026-12-07 is in the future"),
        ({"questions": [("", "okay", "", "")]}, "question-1-text", "Questions: write at least one question"),
        ({"questions": [("", "okay", "it went badly", "")]}, "question-1-text", "Question 1: write the question"),
        ({"role": "x" * (MAX_FIELD_CHARS + 1)}, "debrief-role", "Role: 2,001 characters"),
        (
            {"questions": [("Q?", "okay", "", "y" * (MAX_FIELD_CHARS + 1))]},
            "question-1-next_time",
            "Question 1: what you would say next time: 2,001 characters",
        ),
    ],
)
def test_each_bad_field_is_named_with_the_way_out(changes, field_id, words):
    with pytest.raises(DebriefFormError) as caught:
        debrief_from_form(form(**changes), "", TODAY)
    assert str(caught.value).startswith(words)
    assert caught.value.field_id == field_id


def test_a_good_form_is_a_debrief_and_blank_question_rows_are_left_out():
    debrief = debrief_from_form(form(questions=[("", "okay", "", ""), ("Why us?", "well", "", "")]), "", TODAY)
    assert [q.text for q in debrief.questions] == ["Why us?"]
    assert debrief.when == date(2026, 12, 1) and debrief.company == "Acme"
    assert debrief_from_form(form(when=""), "", TODAY).when == TODAY
    assert debrief_from_form(form(company=""), "Profile Co", TODAY).company == "Profile Co"


async def test_ctrl_l_debriefs_an_interview_into_my_interviews_the_drill_and_history(make_app, isolated_data_dir):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and bool(app.screen.query("#count")))
        await pilot.press("ctrl+l")
        await wait_for(pilot, lambda: isinstance(app.screen, DebriefScreen))
        screen = app.screen
        screen.query_one("#debrief-company").insert_text_at_cursor(HOSTILE)  # as if typed or pasted
        screen.query_one("#debrief-date").value = (date.today() - timedelta(days=1)).isoformat()
        screen.query_one("#question-1-text").value = "Why do you want to work here?"
        screen.query_one("#question-1-went", Select).value = "badly"
        screen.query_one("#question-1-how").value = "I said [red]nothing[/red] useful"
        await pilot.press("ctrl+n")
        await wait_for(pilot, lambda: bool(screen.query("#question-2-text")) and screen.focused.id == "question-2-text")
        await pilot.press(*"Tell me about yourself")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        saved = list((isolated_data_dir / "debriefs").glob("*.toml"))
        assert len(saved) == 1
        pack = app.context.packs.by_id(PACK_ID)
        assert pack is not None and [q.text for q in pack.questions] == [
            "Why do you want to work here?",
            "Tell me about yourself",
        ]
        refs, _ = due_refs(app.context, now())
        assert f"{PACK_ID}/{pack.questions[0].id}" in refs  # went badly: back within hours
        await wait_for(pilot, lambda: "My interviews (2)" in screen_text(app))
        await pilot.press("f2")
        await wait_for(pilot, lambda: isinstance(app.screen, HistoryScreen) and app.screen.summaries)
        history = app.screen
        await wait_for(pilot, lambda: history.query_one(DataTable).row_count == 1)
        assert "debrief" in screen_text(app)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, DebriefViewScreen))
        shown = screen_text(app)
        assert "[b]Corp[/b]" in shown and "[red]nothing[/red]" in shown  # data, never markup
        assert app.is_running


async def test_a_bad_form_says_which_field_and_saves_nothing(make_app, isolated_data_dir):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(DebriefScreen(app))
        screen = app.screen
        screen.query_one("#debrief-company").value = "Acme"
        screen.query_one("#debrief-date").value = "yesterday"
        screen.query_one("#question-1-text").value = "Why us?"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: any("Date: 'yesterday'" in str(n.message) for n in notifications(app)))
        assert screen.focused is not None and screen.focused.id == "debrief-date"
        assert isinstance(app.screen, DebriefScreen)
    assert not list((isolated_data_dir / "debriefs").glob("*.toml"))


async def test_a_profile_fills_the_company(make_app):
    app = make_app()
    from mock_interview.core.profiles import Profile

    app.context.profiles.save(Profile(name="acme", company="Acme Corp", role="Support lead"))
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(DebriefScreen(app))
        screen = app.screen
        screen.query_one("#debrief-profile", Select).value = "acme"
        await wait_for(pilot, lambda: screen.query_one("#debrief-company").value == "Acme Corp")


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_company_field_beside_the_profile_fits_the_screen(make_app, size):
    """At 80x24 the company field ran off the right edge (the form's 80-column rule won over the row's)."""
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await app.push_screen(DebriefScreen(app))
        screen = app.screen
        await wait_for(pilot, lambda: screen.query_one("#debrief-company").region.width > 0)
        company = screen.query_one("#debrief-company").region
        profile = screen.query_one("#debrief-profile").region
        assert company.right <= size[0] - 1 and company.x >= profile.right, (company, profile)


async def test_leaving_a_started_debrief_asks_and_n_discards_it(make_app, isolated_data_dir):
    from mock_interview.tui.screens.confirm import SaveChangesScreen

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.press("ctrl+l")
        await wait_for(pilot, lambda: isinstance(app.screen, DebriefScreen))
        app.screen.query_one("#question-1-text", Input).value = "Why us?"
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, SaveChangesScreen))
        await pilot.press("escape")  # cancel: the form stays, as written
        await wait_for(pilot, lambda: isinstance(app.screen, DebriefScreen))
        assert app.screen.query_one("#question-1-text", Input).value == "Why us?"
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, SaveChangesScreen))
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
    assert not (isolated_data_dir / "debriefs").exists() or not list((isolated_data_dir / "debriefs").iterdir())
