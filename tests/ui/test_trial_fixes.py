"""The app side of a new user's trial (notes: report-trial.md): each test failed before its fix.

Numbers in the test names' docstrings are the trial report's: #1 lost work on escape and fields
that select their text on focus, #7 Home and Settings, #8 the pack list after filtering, #9 the
calm-mode key, #10 retried attempts, #13 the make-active key, #14 a round with every question
skipped, #15 the profile in Review, #17 times in Compare, #18 text cut at 80x24, #21 the command
palette, #23 History's sort direction, #24 a dropdown over the footer.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, OptionList, Select, SelectionList, TextArea

from mock_interview.core.feedback import analyse
from mock_interview.core.packs import discover_packs
from mock_interview.core.profiles import Profile, ProfileStore
from mock_interview.core.sessions import RETRIED, AnswerRecord, Session, SessionStore
from mock_interview.core.settings import load_settings
from mock_interview.tui.screens.compare import CompareScreen
from mock_interview.tui.screens.confirm import SaveChangesScreen
from mock_interview.tui.screens.history import HistoryScreen
from mock_interview.tui.screens.home import HomeScreen
from mock_interview.tui.screens.profiles import ProfilesScreen
from mock_interview.tui.screens.review import ReviewScreen
from mock_interview.tui.screens.round import RoundScreen
from mock_interview.tui.screens.settings import SettingsScreen
from tests.lookups import question_of
from tests.ui.conftest import screen_text, wait_for

STAR = "behavioral-star/increased-results"
FIRST_TRY = "I improved a report once and people liked it."
SECOND_TRY = (
    "In my last role as a support lead our backlog had grown to 900 tickets. I was asked to bring response "
    "times under a day. I analysed six weeks of tickets and wrote a self-service guide. As a result the "
    "backlog fell by 80% within two months."
)


def home_ready(app) -> bool:
    return isinstance(app.screen, HomeScreen) and bool(app.screen.query("#count"))


async def open_screen(app, pilot, key: str, screen_type: type) -> None:
    await wait_for(pilot, lambda: home_ready(app))
    await pilot.press(key)
    await wait_for(pilot, lambda: isinstance(app.screen, screen_type))
    await pilot.pause(0.1)


async def focus(pilot, widget) -> None:
    """Focus ``widget`` and let it take effect (``focus()`` is carried out on the next message)."""
    widget.focus()
    await pilot.pause()


def footer_label(screen, key: str) -> str:
    """The description the footer shows for ``key``."""
    return str(screen.active_bindings[key].binding.description)


def seed_retried(data_dir: Path, *, profile: str = "") -> str:
    """A one-question session: a draft set aside by a retry, then the answer that counts."""
    packs = discover_packs()
    question = question_of(packs, STAR)
    started = datetime(2026, 11, 26, 9, 24, tzinfo=UTC)
    session = Session(
        id="20261126-092400-r1r1",
        started=started,
        packs=["behavioral-star"],
        plan=[STAR],
        status="completed",
        ended=started + timedelta(minutes=5),
        profile=profile,
    )
    session.answers.append(
        AnswerRecord(
            STAR,
            question.text,
            question.kind,
            started,
            started + timedelta(seconds=20),
            question.answer_seconds,
            FIRST_TRY,
            status=RETRIED,
        )
    )
    later = started + timedelta(minutes=1)
    session.answers.append(
        AnswerRecord(
            STAR,
            question.text,
            question.kind,
            later,
            later + timedelta(seconds=90),
            question.answer_seconds,
            SECOND_TRY,
            status="answered",
            feedback=analyse(SECOND_TRY, question).to_json(),
        )
    )
    SessionStore(data_dir / "sessions").save(session)
    return session.id


def seed_all_skipped(data_dir: Path) -> str:
    """A round that ran to its end with every question skipped in its think time: no answer recorded."""
    started = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)
    session = Session(
        id="20261127-100000-s0s0",
        started=started,
        packs=["career-goals"],
        plan=["career-goals/five-years", "career-goals/long-term"],
        status="completed",
        ended=started + timedelta(minutes=1),
    )
    SessionStore(data_dir / "sessions").save(session)
    return session.id


# -- #1 lost work on escape ----------------------------------------------------------------------


async def type_new_profile(app, pilot) -> None:
    await open_screen(app, pilot, "f3", ProfilesScreen)
    await pilot.press(*"newprof", "tab", *"Globex", "tab", *"Engineer")


@pytest.mark.parametrize(
    ("answer", "saved", "back_home"), [("y", True, True), ("n", False, True), ("escape", False, False)]
)
async def test_escape_from_profiles_with_unsaved_edits_asks_first(
    make_app, isolated_data_dir, answer, saved, back_home
):
    """#1: escape left the Profiles form and threw the new profile away, without a word."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await type_new_profile(app, pilot)
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, SaveChangesScreen))
        assert "Save changes? (y/n/cancel)" in screen_text(app)
        await pilot.press(answer)
        await pilot.pause(0.2)
        assert (isolated_data_dir / "profiles" / "newprof.toml").exists() is saved
        assert isinstance(app.screen, HomeScreen if back_home else ProfilesScreen)
        if not back_home:  # cancel: the form is as it was left
            assert app.screen.query_one("#profile-role", Input).value == "Engineer"


async def test_escape_from_profiles_without_edits_leaves_at_once(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "f3", ProfilesScreen)
        await pilot.press("escape")
        await pilot.pause(0.1)
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
        await pilot.pause(0.1)
        screen = app.screen
        assert isinstance(screen, ProfilesScreen)
        assert screen.query_one("#profile-company", Input).value == "Globex"
        assert screen.query_one("#profile-list", OptionList).highlighted == 0  # back on "+ new profile"


@pytest.mark.parametrize(("answer", "kept"), [("y", 45), ("n", 0)])
async def test_escape_from_settings_with_unsaved_edits_asks_first(make_app, isolated_data_dir, answer, kept):
    """#1: answer time changed to 45, escape: settings.toml still said 0 and nothing warned."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "f4", SettingsScreen)
        await pilot.press("ctrl+u", "4", "5", "escape")
        await wait_for(pilot, lambda: isinstance(app.screen, SaveChangesScreen))
        await pilot.press(answer)
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
    settings, _ = load_settings(isolated_data_dir / "settings.toml")
    assert settings.answer_seconds == kept


async def test_settings_with_a_bad_number_stay_open_when_saving_on_escape(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "f4", SettingsScreen)
        await pilot.press("ctrl+u", "9", "9", "9", "9", "escape")
        await wait_for(pilot, lambda: isinstance(app.screen, SaveChangesScreen))
        await pilot.press("y")
        await pilot.pause(0.2)
        assert isinstance(app.screen, SettingsScreen)  # "must be a whole number from 0 to 1800": fix it first


async def test_a_note_written_in_review_is_kept_on_escape(make_app):
    """#1: History, Review, a note, escape, the same session again: the note is there."""
    app = make_app()
    session_id = seed_retried(Path(app.context.data.root))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "f2", HistoryScreen)
        await wait_for(pilot, lambda: app.screen.query_one(DataTable).row_count == 1)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen))
        await focus(pilot, app.screen.query_one("#reflection", TextArea))
        await pilot.press(*"Unsaved note test", "escape")
        await wait_for(pilot, lambda: isinstance(app.screen, HistoryScreen))
        await pilot.pause(0.3)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen) and app.screen.session is not None)
        assert app.screen.query_one("#reflection", TextArea).text == "Unsaved note test"
    answers = SessionStore(Path(app.context.data.root) / "sessions").load(session_id).answers
    assert "Unsaved note test" in [answer.reflection for answer in answers]


async def test_tabbing_into_a_filled_field_adds_to_it(make_app, isolated_data_dir):
    """#1: tab into Company ("Acme") and type " Corp": the field said " Corp"."""
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


async def test_every_form_field_keeps_its_text_on_focus(make_app):
    """#1, "in every form": no input of the app selects its text when focused."""
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


# -- #7, #8 Home -----------------------------------------------------------------------------------


async def test_home_shows_the_question_count_saved_in_settings(make_app):
    """#7: Settings' "Questions per round" 2, saved, escape: Home still said 3 and the round had 3."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "f4", SettingsScreen)
        await focus(pilot, app.screen.query_one("#question-count", Input))
        await pilot.press("ctrl+u", "2", "ctrl+s", "escape")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        assert app.screen.query_one("#count", Input).value == "2"
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
        assert app.screen.round.total == 2


async def test_the_pack_list_has_a_highlight_after_filtering(make_app):
    """#8: filter "motiv", tab, space: nothing was ticked until an arrow key was pressed."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: home_ready(app))
        await focus(pilot, app.screen.query_one("#pack-filter", Input))
        await pilot.press(*"motiv", "tab")
        packs = app.screen.query_one("#pack-list", SelectionList)
        assert app.screen.focused is packs and packs.option_count == 1
        assert "motivation-fit" in packs.selected
        await pilot.press("space")
        assert "motivation-fit" not in packs.selected
        assert "No pack ticked" not in str(app.screen.query_one("#pack-summary").render())


# -- #9 calm mode ----------------------------------------------------------------------------------


async def test_the_feedback_key_names_the_mode_it_switches_to(make_app):
    """#9: in calm mode the footer said "f2 Calm" while the panel said "f2 switches to live feedback"."""
    app = make_app()
    app.settings = app.settings.updated(feedback="calm")
    app.start_round = {"packs": ["career-goals"], "count": 1, "order": "pack", "mode": "typed", "profile": ""}
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
        screen = app.screen
        assert footer_label(screen, "f2") == "Live" and "live feedback." in screen_text(app)  # the panel's words
        await pilot.press("f2")
        await pilot.pause(0.1)
        assert not screen.round.calm and footer_label(screen, "f2") == "Calm"
        await pilot.press("f2")
        await pilot.pause(0.1)
        assert screen.round.calm and footer_label(screen, "f2") == "Live"
        assert "f2 Live" in screen_text(app)


# -- #10 retried attempts --------------------------------------------------------------------------


async def open_review(app, pilot, session_id: str) -> ReviewScreen:
    await wait_for(pilot, lambda: home_ready(app))
    app.push_screen(ReviewScreen(session_id))
    await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen) and app.screen.session is not None)
    screen = app.screen
    assert isinstance(screen, ReviewScreen)
    return screen


async def test_review_numbers_a_retried_attempt_as_an_attempt_of_its_question(make_app):
    """#10: the set-aside draft was listed as question 1 and the answer as question 2, under "1 of 1"."""
    app = make_app()
    session_id = seed_retried(Path(app.context.data.root))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_review(app, pilot, session_id)
        options = screen.query_one("#review-answers", OptionList)
        titles = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert titles[0].startswith("1. ") and "(attempt 1, set aside)" in titles[0]
        assert titles[1].startswith("1. ") and "(attempt 2)" in titles[1]
        assert not any(title.startswith("2.") for title in titles)


async def test_a_note_written_on_a_set_aside_attempt_goes_with_the_question(make_app):
    """#10: a note written while the discarded attempt was selected was saved under it."""
    app = make_app()
    session_id = seed_retried(Path(app.context.data.root))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_review(app, pilot, session_id)
        assert screen.index == 0  # the set-aside attempt is shown
        assert "kept with attempt 2" in str(screen.query_one("#reflection-label").render())
        await focus(pilot, screen.query_one("#reflection", TextArea))
        await pilot.press(*"Lead with the number.", "ctrl+s")
        await pilot.pause(0.1)
    answers = SessionStore(Path(app.context.data.root) / "sessions").load(session_id).answers
    assert answers[0].reflection == "" and answers[1].reflection == "Lead with the number."


async def open_compare(app, pilot, session_id: str) -> None:
    """Open Compare on ``session_id`` from Home and wait until its table is filled."""
    await wait_for(pilot, lambda: home_ready(app))
    app.push_screen(CompareScreen(session_id))
    await wait_for(pilot, lambda: isinstance(app.screen, CompareScreen) and bool(app.screen.rows))


async def test_compare_offers_a_question_answered_again_after_a_retry(make_app):
    """#10: Compare said "no question answered twice yet" though the question had a retry."""
    app = make_app()
    session_id = seed_retried(Path(app.context.data.root))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_compare(app, pilot, session_id)
        assert app.screen.query_one("#compare-question", Select).value == STAR
        shown = str(app.screen.query_one("#compare-answers").render())
        assert "attempt 1, set aside" in shown and FIRST_TRY in shown and SECOND_TRY[:40] in shown
        # the draft had no checklist: it is checked now, so the table says what the second attempt gained
        assert any(row.change.value == "better" for row in app.screen.rows)


async def test_compare_headings_show_the_time_of_each_attempt(make_app):
    """#17: "Earlier (26 Nov 2026, score 95)": two attempts on one day looked alike."""
    app = make_app()
    session_id = seed_retried(Path(app.context.data.root))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_compare(app, pilot, session_id)
        shown = str(app.screen.query_one("#compare-answers").render())
        # the answers' own times (09:24 and 09:25 UTC), in local time as every screen shows them
        for attempt in app.screen.attempts[STAR]:
            assert f"{attempt.answer.started:%d %b %Y %H:%M}" in shown
        assert len({f"{a.answer.started:%H:%M}" for a in app.screen.attempts[STAR]}) == 2


# -- #14, #15 Review's header and a round with nothing answered ----------------------------------------


async def test_a_round_with_every_question_skipped_shows_no_example_or_note(make_app):
    """#14: "No answers were given", then an example answer and a note box that belonged to no question."""
    app = make_app()
    session_id = seed_all_skipped(Path(app.context.data.root))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_review(app, pilot, session_id)
        await pilot.pause(0.1)
        assert "No answers were given" in screen_text(app)
        for widget_id in ("#review-example-box", "#reflection"):
            assert not screen.query_one(widget_id).display
        assert "skipped" in str(screen.query_one("#review-summary").render())


async def test_review_names_the_target_profile(make_app):
    """#15: the export said "Target profile: northwind-analyst"; Review's header did not name it."""
    app = make_app()
    session_id = seed_retried(Path(app.context.data.root), profile="northwind-analyst")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_review(app, pilot, session_id)
        assert "profile northwind-analyst" in str(screen.query_one("#review-summary").render())


# -- #13 the make-active key -------------------------------------------------------------------------


async def test_ctrl_u_in_a_profile_field_edits_the_field(make_app, isolated_data_dir):
    """#13: ctrl+u made the profile active instead of deleting to the start of the line."""
    ProfileStore(isolated_data_dir / "profiles").save(
        Profile(name="acme-pm", company="Acme", role="PM"), overwrite=False
    )
    app = make_app()
    app.settings = app.settings.updated(active_profile="")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "f3", ProfilesScreen)
        await focus(pilot, app.screen.query_one("#profile-list", OptionList))
        await pilot.press("down")  # acme-pm
        await pilot.pause(0.1)
        await focus(pilot, app.screen.query_one("#profile-company", Input))
        await pilot.press("ctrl+u", *"Acme Corp")
        await pilot.pause(0.1)
        assert app.screen.query_one("#profile-company", Input).value == "Acme Corp"
        assert app.settings.active_profile == ""
        await pilot.press("ctrl+t")  # the key for "make active" (it saves first)
        await pilot.pause(0.2)
        assert app.settings.active_profile == "acme-pm"
    assert ProfileStore(isolated_data_dir / "profiles").load("acme-pm").company == "Acme Corp"


# -- #18 text cut at 80x24 -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "screen_type", "field", "ending"),
    [
        ("f3", ProfilesScreen, "#profile-name", " or _)"),
        ("f4", SettingsScreen, "#model", " a folder"),
    ],
)
async def test_form_labels_wrap_at_80_columns(make_app, key, screen_type, field, ending):
    """#18: "Name (used on the command line: lowercase, digits, -" and "…(base.en…), or" ran off the edge."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, key, screen_type)
        app.screen.query_one(field).focus()  # scrolled into view
        await pilot.pause(0.2)
        assert ending in screen_text(app)


async def test_reviews_note_label_wraps_at_80_columns(make_app):
    """#18: "Reflection: what will you do differently next ti"."""
    app = make_app()
    session_id = seed_retried(Path(app.context.data.root))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_review(app, pilot, session_id)
        screen.query_one("#reflection", TextArea).focus()  # scrolled into view
        await pilot.pause(0.2)
        assert "(ctrl+s saves)" in screen_text(app)


async def test_a_wrapped_checklist_item_keeps_its_second_line_after_submitting(make_app):
    """#18: after submitting, "✔ Your own actions (I, not only" showed and its "we)" line was gone."""
    app = make_app(
        start_round={"packs": ["behavioral-star"], "count": 2, "order": "pack", "mode": "typed", "profile": ""}
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
        await pilot.press("ctrl+s")
        app.screen.query_one("#answer", TextArea).insert(SECOND_TRY + " I also trained two colleagues on it.")
        await pilot.pause(0.8)
        await pilot.press("ctrl+s")
        await pilot.pause(0.5)
        lines = screen_text(app).splitlines()
        at = next(i for i, line in enumerate(lines) if "Your own actions (I, not only" in line)
        assert "we)" in lines[at + 1], "\n".join(lines)


# -- #21 the command palette -------------------------------------------------------------------------


async def test_the_palette_lists_the_screens_actions_once_each(make_app):
    """#21: every entry twice ("Copy selected text" / "Copy selected text (ctrl+c)"), and text-editing
    commands ("Cursor left word select") flooding it during a round."""
    app = make_app(start_round={"packs": ["career-goals"], "count": 1, "order": "pack", "mode": "typed", "profile": ""})
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
        await pilot.press("ctrl+s")  # the answer (a text area with its editing keys) has focus
        commands = list(app.get_system_commands(app.screen))
        names = [command.title for command in commands]
        assert len(names) == len(set(names)), names
        assert not [name for name in names if "ursor" in name or "elect" in name], names
        assert {"Submit", "Pause", "Skip", "Retry", "End", "Calm"} <= set(names)
        assert not [c.title for c in commands if c.help.startswith(c.title + " (")]


# -- #23 History: the sort direction, a round with nothing answered (#14), the packs column (#18) --------


async def test_history_lists_a_round_with_every_question_skipped_as_skipped(make_app):
    """#14: History listed it as "completed"."""
    app = make_app()
    seed_all_skipped(Path(app.context.data.root))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_screen(app, pilot, "f2", HistoryScreen)
        table = app.screen.query_one(DataTable)
        await wait_for(pilot, lambda: table.row_count == 1)
        assert table.get_cell_at((0, 5)) == "skipped"


async def test_historys_packs_column_ends_with_an_ellipsis_when_cut(make_app):
    """#18: the packs column showed "career-g" with nothing to say it was cut."""
    app = make_app()
    seed_retried(Path(app.context.data.root))
    session = SessionStore(Path(app.context.data.root) / "sessions").load("20261126-092400-r1r1")
    session.packs = ["behavioral-star", "career-goals", "motivation-fit"]
    session.status = "ended_early"  # the widest status leaves the packs the least room
    SessionStore(Path(app.context.data.root) / "sessions").save(session)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "f2", HistoryScreen)
        await wait_for(pilot, lambda: app.screen.query_one(DataTable).row_count == 1)
        await pilot.pause(0.2)
        row = next(line for line in screen_text(app).splitlines() if "2026-11-26" in line)
        assert row.rstrip().endswith("…"), row


async def test_historys_sorted_column_shows_its_direction(make_app):
    """#23: sorting by a header worked, but no header said which way."""
    app = make_app()
    seed_retried(Path(app.context.data.root))
    async with app.run_test(size=(120, 40)) as pilot:
        await open_screen(app, pilot, "f2", HistoryScreen)
        table = app.screen.query_one(DataTable)
        await wait_for(pilot, lambda: table.row_count == 1)

        def labels() -> dict[str, str]:
            return {str(key.value): str(column.label) for key, column in table.columns.items()}

        assert labels()["started"] == "date ▼" and labels()["score"] == "score"
        await pilot.click(DataTable, offset=(labels_x(table, "score"), 0))
        await pilot.pause(0.1)
        assert labels()["score"] == "score ▼" and labels()["started"] == "date"
        await pilot.click(DataTable, offset=(labels_x(table, "score"), 0))
        await pilot.pause(0.1)
        assert labels()["score"] == "score ▲"
        assert "score ▲" in screen_text(app)


def labels_x(table: DataTable[object], key: str) -> int:
    """The x offset (in the table) of the middle of column ``key``'s header."""
    x = 0
    for column_key, column in table.columns.items():
        width = column.get_render_width(table)
        if column_key.value == key:
            return x + width // 2
        x += width
    raise AssertionError(f"no column {key}")


# -- #24 a dropdown over the footer ----------------------------------------------------------------------


async def test_an_open_dropdown_leaves_the_footer_visible(make_app):
    """#24: at 80x24 Settings' Feedback dropdown covered the footer ("e▊▁▁▁…")."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot, "f4", SettingsScreen)
        await focus(pilot, app.screen.query_one("#feedback-mode", Select))
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert app.screen.query_one("#feedback-mode", Select).expanded
        last = screen_text(app).splitlines()[-1]
        assert "^s Save" in last and "f1 Help" in last, last
