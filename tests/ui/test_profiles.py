"""Profiles: leaving with unsaved edits asks first, fields keep their text and cursor, the make-active key."""

from __future__ import annotations

import pytest
from textual.widgets import Input, OptionList, TextArea

from mock_interview.core.profiles import Profile, ProfileStore
from mock_interview.tui.screens.confirm import SaveChangesScreen
from mock_interview.tui.screens.home import HomeScreen
from mock_interview.tui.screens.profiles import ProfilesScreen
from tests.ui.conftest import focus, open_screen, screen_text, settled, wait_for


async def type_new_profile(app, pilot) -> None:
    await open_screen(app, pilot, "f3", ProfilesScreen)
    await pilot.press(*"newprof", "tab", *"Globex", "tab", *"Engineer")


@pytest.mark.parametrize(
    ("answer", "saved", "back_home"), [("y", True, True), ("n", False, True), ("escape", False, False)]
)
async def test_escape_from_profiles_with_unsaved_edits_asks_first(
    make_app, isolated_data_dir, answer, saved, back_home
):
    """Escape left the Profiles form and threw the new profile away, without a word."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await type_new_profile(app, pilot)
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, SaveChangesScreen))
        assert "Save changes? (y/n/cancel)" in screen_text(app)
        await pilot.press(answer)
        await wait_for(pilot, lambda: not isinstance(app.screen, SaveChangesScreen))
        await settled(pilot)
        assert (isolated_data_dir / "profiles" / "newprof.toml").exists() is saved
        assert isinstance(app.screen, HomeScreen if back_home else ProfilesScreen)
        if not back_home:  # cancel: the form is as it was left
            assert app.screen.query_one("#profile-role", Input).value == "Engineer"


async def test_escape_from_profiles_without_edits_leaves_at_once(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "f3", ProfilesScreen)
        await pilot.press("escape")
        await settled(pilot)
        assert isinstance(app.screen, HomeScreen)


async def test_choosing_another_profile_with_unsaved_edits_asks_first(make_app, isolated_data_dir):
    """Moving in the list replaced the form too: the same question, and cancel keeps the edits."""
    ProfileStore(isolated_data_dir / "profiles").save(
        Profile(name="acme-pm", company="Acme", role="PM"), overwrite=False
    )
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await type_new_profile(app, pilot)
        await focus(pilot, app.screen.query_one("#profile-list", OptionList))
        await pilot.press("down")
        await wait_for(pilot, lambda: isinstance(app.screen, SaveChangesScreen))
        await pilot.press("escape")
        await wait_for(pilot, lambda: not isinstance(app.screen, SaveChangesScreen))
        await settled(pilot)
        screen = app.screen
        assert isinstance(screen, ProfilesScreen)
        assert screen.query_one("#profile-company", Input).value == "Globex"
        assert screen.query_one("#profile-list", OptionList).highlighted == 0  # back on "+ new profile"


async def test_tabbing_into_a_filled_field_adds_to_it(make_app, isolated_data_dir):
    """Tab into Company ("Acme") and type " Corp": the field said " Corp"."""
    ProfileStore(isolated_data_dir / "profiles").save(
        Profile(name="acme-pm", company="Acme", role="PM", job_description="Own the roadmap."), overwrite=False
    )
    app = make_app()
    app.settings = app.settings.updated(active_profile="acme-pm")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "f3", ProfilesScreen)
        await pilot.press("tab", *" Corp")
        assert app.screen.query_one("#profile-company", Input).value == "Acme Corp"
        await focus(pilot, app.screen.query_one("#profile-values", Input))
        await pilot.press("tab", *" Ship it.")  # the job description: added at its end too
        assert app.screen.query_one("#profile-jd", TextArea).text == "Own the roadmap. Ship it."


async def test_ctrl_u_in_a_profile_field_edits_the_field(make_app, isolated_data_dir):
    """ctrl+u made the profile active instead of deleting to the start of the line."""
    ProfileStore(isolated_data_dir / "profiles").save(
        Profile(name="acme-pm", company="Acme", role="PM"), overwrite=False
    )
    app = make_app()
    app.settings = app.settings.updated(active_profile="")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "f3", ProfilesScreen)
        await focus(pilot, app.screen.query_one("#profile-list", OptionList))
        await pilot.press("down")  # acme-pm
        company = app.screen.query_one("#profile-company", Input)
        await wait_for(pilot, lambda: company.value == "Acme")
        await focus(pilot, company)
        await pilot.press("ctrl+u", *"Acme Corp")
        await settled(pilot)
        assert company.value == "Acme Corp"
        assert app.settings.active_profile == ""
        await pilot.press("ctrl+t")  # the key for "make active" (it saves first)
        await wait_for(pilot, lambda: app.settings.active_profile == "acme-pm")
    assert ProfileStore(isolated_data_dir / "profiles").load("acme-pm").company == "Acme Corp"


JOB = "We are hiring a Senior Data Analyst to own our SQL and dbt pipelines.\n" + "\n".join(
    f"Line {n}: stakeholder management and reporting." for n in range(2, 30)
)


@pytest.mark.parametrize("ending", ["", "\n"])  # saving strips a trailing newline: the text changes under the cursor
async def test_saving_a_profile_keeps_the_job_descriptions_cursor_and_scroll(make_app, isolated_data_dir, ending):
    """Type "ZZ" at the end of the job description, ctrl+s, type "YY": it went to the front."""
    ProfileStore(isolated_data_dir / "profiles").save(
        Profile(name="northwind", company="Northwind", role="Analyst", job_description=JOB), overwrite=False
    )
    app = make_app()
    app.settings = app.settings.updated(active_profile="northwind")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "f3", ProfilesScreen)
        box = app.screen.query_one("#profile-jd", TextArea)
        await focus(pilot, box)  # the cursor goes to the end
        await pilot.press(*"ZZ", *(["enter"] if ending else []))
        await wait_for(pilot, lambda: box.scroll_offset.y > 0)  # the end of a long text: the box has scrolled
        await settled(pilot)
        where, scrolled = box.cursor_location, box.scroll_offset
        await pilot.press("ctrl+s")
        await wait_for(
            pilot, lambda: "ZZ" in ProfileStore(isolated_data_dir / "profiles").load("northwind").job_description
        )
        await settled(pilot)
        assert box.cursor_location == min(where, box.document.end)  # past a stripped end: at the new end
        assert box.scroll_offset == scrolled if not ending else box.scroll_offset.y >= scrolled.y - 1
        await pilot.press(*"YY")
        assert box.text.endswith("ZZYY") and not box.text.startswith("YY")
