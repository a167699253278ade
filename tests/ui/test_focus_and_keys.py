"""Focus and keys as a new user meets them: typing lands in the field it is meant for, keys work where you are."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import Input, SelectionList, TextArea

from mock_interview.core.planning import RoundRequest
from mock_interview.core.settings import load_settings
from mock_interview.tui.screens.help import HelpScreen
from mock_interview.tui.screens.history import HistoryScreen
from mock_interview.tui.screens.home import HomeScreen
from mock_interview.tui.screens.profiles import ProfilesScreen
from mock_interview.tui.screens.review import ReviewScreen
from mock_interview.tui.screens.round import RoundScreen
from mock_interview.tui.screens.settings import SettingsScreen
from tests.ui.conftest import open_screen, seed_sessions, settled, wait_for


def footer_keys(screen) -> set[str]:
    """The keys the footer shows (enabled or dimmed)."""
    return {key for key, active in screen.active_bindings.items() if active.binding.show and active.binding.description}


async def test_settings_open_on_the_first_field(make_app, isolated_data_dir):
    """Typing 15 and ctrl+s saves 15 (it used to go to the scroll container, and the old value stayed)."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.press("f4")
        await wait_for(pilot, lambda: isinstance(app.screen, SettingsScreen))
        await settled(pilot)
        await pilot.press("backspace", "1", "5", "ctrl+s")
        await wait_for(pilot, lambda: (isolated_data_dir / "settings.toml").exists())
    settings, _ = load_settings(isolated_data_dir / "settings.toml")
    assert settings.answer_seconds == 15


async def test_home_has_no_invisible_tab_stop(make_app):
    """Tab from the pack list goes straight to Questions, so a typed number arrives."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and bool(app.screen.query("#open-settings")))
        await settled(pilot)
        screen = app.screen
        assert [w.id for w in screen.focus_chain] == [
            "pack-filter",
            "pack-list",
            "count",
            "order",
            "mode",
            "profile",
            "start",
            "open-debrief",  # the drill's button is a Tab stop only when something is due
            "open-history",
            "open-profiles",
            "open-settings",
        ]
        screen.query_one("#pack-list", SelectionList).focus()
        await pilot.press("tab")
        assert screen.focused is screen.query_one("#count", Input)
        await pilot.press("backspace", "3")
        assert screen.query_one("#count", Input).value == "3"


async def test_profiles_open_on_the_name_field(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.press("f3")
        await wait_for(pilot, lambda: isinstance(app.screen, ProfilesScreen))
        await settled(pilot)
        await pilot.press("a", "c", "m", "e")
        assert app.screen.query_one("#profile-name", Input).value == "acme"


async def test_make_active_works_from_the_job_description(make_app, isolated_data_dir):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.press("f3")
        await wait_for(pilot, lambda: isinstance(app.screen, ProfilesScreen))
        screen = app.screen
        screen.query_one("#profile-name", Input).value = "acme"
        screen.query_one("#profile-company", Input).value = "Acme"
        screen.query_one("#profile-role", Input).value = "Analyst"
        jd = screen.query_one("#profile-jd", TextArea)
        jd.focus()
        await pilot.press("S", "Q", "L")
        assert "ctrl+t" in footer_keys(screen)
        app.save_settings(app.settings.updated(active_profile=""))
        await pilot.press("ctrl+t")
        await wait_for(pilot, lambda: app.settings.active_profile == "acme")
        assert jd.text == "SQL"  # the key is not one the text area uses


async def test_export_works_while_writing_the_note(make_app, isolated_data_dir):
    """ctrl+e exports from inside the note (where ctrl+s leaves you); it is bound there, named in Help and the
    palette, though no longer in the footer (which keeps esc Back and a spoken answer's keys at 80 columns)."""
    session_id = seed_sessions(isolated_data_dir)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        app.push_screen(ReviewScreen(app, session_id))
        await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen) and app.screen.session is not None)
        note = app.screen.query_one("#reflection", TextArea)
        note.focus()
        await pilot.press("end", "!", "ctrl+s")
        assert app.screen.focused is note
        assert "ctrl+e" in app.screen.active_bindings and "ctrl+e" not in footer_keys(app.screen)
        await pilot.press("ctrl+e")
        await wait_for(pilot, lambda: (isolated_data_dir / "exports" / f"{session_id}.md").exists())
    exported = (isolated_data_dir / "exports" / f"{session_id}.md").read_text()
    assert "Open with the number.!" in exported


async def test_pausing_makes_the_answer_read_only(make_app):
    app = make_app(start_round=RoundRequest(("career-goals",), count=1, order="pack", profile=""))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
        await pilot.press("ctrl+s", "I", " ", "a", "m")
        area = app.screen.query_one("#answer", TextArea)
        assert area.text == "I am"
        await pilot.press("f5", "x", "y")
        assert area.text == "I am" and area.read_only
        await pilot.press("f5", "!")
        assert area.text == "I am!"


async def test_help_lists_the_screens_own_keys_first(make_app):
    app = make_app(start_round=RoundRequest(("career-goals",), count=1, order="pack", profile=""))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
        await pilot.press("ctrl+s")  # the answer area (with its ~35 editing keys) has focus
        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        sections = app.screen.key_sections()
        assert sections[0][0] == "Round"
        tooltips = {b.id: b.tooltip for b in RoundScreen.BINDINGS if isinstance(b, Binding)}
        # answering: ctrl+s submits and f5 pauses; the bindings for other phases are not listed
        assert [what for _, what in sections[0][1]][:2] == [tooltips["submit"], tooltips["pause"]]
        assert len(sections[0][1]) == 6, sections[0][1][6:]
        assert sections[2][0].startswith("In the focused field") and len(sections[2][1]) > 10


async def test_the_footer_names_what_ctrl_s_and_f5_do_now(make_app):
    """'^s Submit' in think time and after the answer, 'f5 Pause' while paused."""
    app = make_app(start_round=RoundRequest(("career-goals",), count=2, order="pack", profile=""))

    def shown(screen: RoundScreen, action: str) -> list[str]:
        return [
            b.description
            for b in RoundScreen.BINDINGS
            if isinstance(b, Binding)
            and b.action.startswith(action + "(")
            and screen.check_action(action, (b.action.split("'")[1],))
        ]

    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
        screen = app.screen
        assert isinstance(screen, RoundScreen)
        assert (shown(screen, "submit"), shown(screen, "pause")) == (["Start"], ["Pause"])
        await pilot.press("ctrl+s", "f5")
        assert (shown(screen, "submit"), shown(screen, "pause")) == (["Submit"], ["Resume"])
        await pilot.press("f5", "H", "i", "ctrl+s")
        await wait_for(pilot, lambda: shown(screen, "submit") == ["Next"])
        assert shown(screen, "pause") == []  # answered: the clock does not run, f5 is dimmed


async def test_every_form_field_keeps_its_text_on_focus(make_app):
    """In every form: no input of the app selects its text when focused (tab into "Acme", type: it was replaced)."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        for key, screen_type in (("f3", ProfilesScreen), ("f4", SettingsScreen), ("f2", HistoryScreen)):
            await open_screen(app, pilot, key, screen_type)
            fields = list(app.screen.query(Input))
            assert fields and not [f.id for f in fields if f.select_on_focus]
            await pilot.press("escape")
            await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        assert not [f.id for f in app.screen.query(Input) if f.select_on_focus]
        await pilot.press("tab", "tab", "4")  # the filter, the pack list, then Questions ("5")
        assert app.screen.query_one("#count", Input).value == "54"


async def test_the_palette_lists_the_screens_actions_once_each(make_app):
    """Every entry was there twice ("Copy selected text" / "Copy selected text (ctrl+c)"), and text-editing
    commands ("Cursor left word select") flooded it during a round."""
    app = make_app(start_round=RoundRequest(("career-goals",), count=1, order="pack", profile=""))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
        await pilot.press("ctrl+s")  # the answer (a text area with its editing keys) has focus
        commands = list(app.get_system_commands(app.screen))
        names = [command.title for command in commands]
        assert len(names) == len(set(names)), names
        assert not [name for name in names if "ursor" in name or "elect" in name], names
        assert {"Submit", "Pause", "Skip", "Again", "End", "Calm"} <= set(names)
        assert not [c.title for c in commands if c.help.startswith(c.title + " (")]
