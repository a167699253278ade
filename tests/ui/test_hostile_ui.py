"""Hostile text through every screen (issue 10): shown literally, never markup, never a raw escape.

A pack, a profile, sessions and settings full of ``[/]``, ``[link=...]``, ``[@click=...]`` and escape
sequences are loaded, and every screen is opened on them: Home, a round (typing an answer full of
markup, clicking where a planted ``[@click]`` would be), Review, History, Compare, Profiles,
Settings, the model picker and Help. Each must show the text as written, draw no raw control
character and keep working. Bad session files give one notice in History and never hide the good
ones.
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, TextArea

from mock_interview.core.planning import RoundRequest
from mock_interview.core.rounds import Phase
from mock_interview.core.sessions import AnswerRecord, SessionStore
from mock_interview.tui.screens.compare import CompareScreen
from mock_interview.tui.screens.history import HistoryScreen
from mock_interview.tui.screens.home import HomeScreen
from mock_interview.tui.screens.model_picker import ModelPickerScreen
from mock_interview.tui.screens.profiles import ProfilesScreen
from mock_interview.tui.screens.review import ReviewScreen
from mock_interview.tui.screens.round import RoundScreen
from mock_interview.tui.screens.settings import SettingsScreen
from tests.hostile import (
    CLICK,
    MARKUP,
    toml_string,
    write_bad_sessions,
    write_hostile_pack,
    write_hostile_profile,
    write_session,
)
from tests.ui.conftest import notifications, screen_text, settled, wait_for

GOOD = ["20250101-100000-aaaa", "20250101-110000-bbbb"]


def drawn_text(app) -> str:
    """The screen as drawn (from the SVG screenshot), one line per row; no raw control character in it."""
    svg = app.export_screenshot()
    assert "\x1b" not in svg and "&#27;" not in svg and "\x9b" not in svg, "a raw control character was drawn"
    return screen_text(app)


def notices(app) -> list[str]:
    return [n.message for n in notifications(app)]


def seed(data: Path) -> None:
    write_hostile_pack(data / "packs")
    write_hostile_profile(data / "profiles")
    (data / "settings.toml").write_text(f"model = {toml_string('model [/] ' + chr(27) + '[2J')}\n", encoding="utf-8")
    folder = data / "sessions"
    for session_id in GOOD:  # the same hostile question twice, for Compare
        write_session(
            folder,
            session_id,
            question=f"Where {MARKUP} {CLICK}?",
            text=f"I lead [/] {MARKUP}\x1b]0;t\x07",
            reflection=f"note {MARKUP}",
            label=f"Current [/] role {CLICK}",
        )
        text = (folder / f"{session_id}.toml").read_text("utf-8").replace('"career-goals/five-years"', '"evil/q1"')
        (folder / f"{session_id}.toml").write_text(text, encoding="utf-8")
    write_bad_sessions(folder)


async def test_every_screen_shows_hostile_text_literally(make_app, isolated_data_dir):
    seed(isolated_data_dir)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and bool(app.screen.query("#count")))
        await wait_for(pilot, lambda: "Evil [/] [link=file:///etc/passwd]click[/link]" in drawn_text(app))
        home = drawn_text(app)
        assert "Evil [/] [link=file:///etc/passwd]click[/link]" in home and "␛" in home

        await pilot.press("f2")
        await wait_for(
            pilot, lambda: isinstance(app.screen, HistoryScreen) and app.screen.query_one(DataTable).row_count == 2
        )
        await settled(pilot)
        assert any("3 session files could not be read" in n for n in notices(app))
        assert "20250102-100001-bad1.toml" in " ".join(notices(app))
        drawn_text(app)
        app.screen.query_one(DataTable).focus()
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen) and app.screen.session is not None)
        await settled(pilot)
        review = drawn_text(app)
        assert "Where [/] [link=file:///etc/passwd]click[/link]" in review
        assert "I lead [/]" in review and "Current [/] role [@click=screen.end_round]CLICKME[/]" in review
        assert app.screen.query_one("#reflection", TextArea).text.startswith("note [/] [link=")
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, HistoryScreen))
        await pilot.press("ctrl+o")
        await wait_for(
            pilot,
            lambda: (
                isinstance(app.screen, CompareScreen)
                and "Later" in str(app.screen.query_one("#compare-answers").render())
            ),
        )
        compare = drawn_text(app)
        assert "Current [/] role" in compare and "I lead [/]" in compare
        await pilot.press("escape")
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))

        await pilot.press("f3")
        await wait_for(pilot, lambda: isinstance(app.screen, ProfilesScreen))
        app.screen.query_one("#profile-list").highlighted = 1  # the hostile profile
        await wait_for(pilot, lambda: app.screen.query_one("#profile-company").value.endswith("[b]bold?[/b]␛[2J"))
        await settled(pilot)
        profiles = drawn_text(app)
        assert "evilp" in profiles and "Acme [/] [link=file:///etc/passwd]" in profiles
        assert app.screen.query_one("#profile-company").value.endswith("[b]bold?[/b]␛[2J")
        assert "␛]8;;" in app.screen.query_one("#profile-jd", TextArea).text
        await pilot.press("f1")
        await wait_for(pilot, lambda: not isinstance(app.screen, ProfilesScreen))
        await settled(pilot)
        drawn_text(app)
        await pilot.press("escape")
        await pilot.press("escape")

        await pilot.press("f4")
        await wait_for(pilot, lambda: isinstance(app.screen, SettingsScreen))
        await settled(pilot)
        assert app.screen.query_one("#model").value == "model [/] ␛[2J"
        drawn_text(app)
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        app.push_screen(ModelPickerScreen(app.settings.model))
        await wait_for(pilot, lambda: isinstance(app.screen, ModelPickerScreen))
        await settled(pilot)
        assert app.screen.query_one("#model-name").value == "model [/] ␛[2J"
        drawn_text(app)
        await pilot.press("escape")


async def test_a_round_with_a_hostile_question_and_answer(make_app, isolated_data_dir):
    seed(isolated_data_dir)
    app = make_app(start_round=RoundRequest(("evil",), count=1, order="pack", profile="evilp"))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
        screen = app.screen
        question = str(screen.query_one("#question").render())
        assert question.startswith("Prep [draft] [@click=screen.end_round]CLICKME[/]") and "␛]8;;" in question
        for x in range(
            0, 50, 2
        ):  # a live [@click] anywhere on the question line would end the round (CLICKME is 7 wide)
            await pilot.click("#question", offset=(x, 0))
        assert isinstance(app.screen, RoundScreen) and screen.round.phase in (Phase.THINKING, Phase.ANSWERING)
        await pilot.press("ctrl+s")
        area = screen.query_one("#answer", TextArea)
        area.insert(f"At Acme [/] I {MARKUP} led a team of 5 and um [link=x]grew[/link] sales 20% in a year")
        await pilot.press("full_stop")
        await wait_for(
            pilot, lambda: "Score " in str(screen.query_one("#feedback-score").render())
        )  # the live checklist
        await settled(pilot)
        drawn_text(app)
        for _ in range(3):  # the tip area quotes the answer's evidence
            await pilot.press("tab")
            await pilot.press("down")
            drawn_text(app)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: screen.round.phase == Phase.ANSWERED)
        await settled(pilot)
        drawn_text(app)
        await pilot.press("f8", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen) and app.screen.session is not None)
        await settled(pilot)
        review = drawn_text(app)
        assert "example" not in review or "[/]" in review
        assert "At Acme [/] I [/] [link=file:///etc/passwd]click[/link]" in review


async def test_weakest_first_round_starts_despite_bad_sessions(make_app, isolated_data_dir):
    write_session(isolated_data_dir / "sessions", GOOD[0])
    write_bad_sessions(isolated_data_dir / "sessions")
    app = make_app(start_round=RoundRequest(("career-goals",), count=2, order="weakest", profile=""))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, RoundScreen))
        assert app.screen.round.questions[0].ref == "career-goals/five-years"  # the good session's score counts


async def test_a_note_saved_while_another_window_changed_the_session(make_app, isolated_data_dir):
    write_session(isolated_data_dir / "sessions", GOOD[0])
    store = SessionStore(isolated_data_dir / "sessions")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        app.push_screen(ReviewScreen(app, GOOD[0]))
        await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen) and app.screen.session is not None)
        elsewhere = store.load(GOOD[0])  # another window adds an answer and edits the note
        elsewhere.answers.append(
            AnswerRecord("career-goals/ten-years", "Ten years?", "goals", elsewhere.started, text="more")
        )
        store.save(elsewhere)
        area = app.screen.query_one("#reflection", TextArea)
        area.load_text("my note")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: any("changed elsewhere" in n or "also changed" in n for n in notices(app)))
    saved = store.load(GOOD[0])
    assert saved.answers[0].reflection == "my note" and [a.text for a in saved.answers][-1] == "more"


async def test_a_bad_pack_and_bad_settings_are_notices_not_crashes(make_app, isolated_data_dir):
    packs = isolated_data_dir / "packs"
    packs.mkdir(parents=True)
    (packs / "bad [b]x [@click=app.quit]q.toml").write_text(
        '[pack]\nid = "x\\u001b[2J [/] [@click=app.quit]q[/]"\ntitle = "T"\n'
        '[[questions]]\nid = "a"\ntext = "t"\nkind = "goals"\n',
        encoding="utf-8",
    )
    (packs / "deep.toml").write_text("tags = " + "[" * 400 + "]" * 400 + "\n", encoding="utf-8")
    (isolated_data_dir / "settings.toml").write_text('feedback = "[/]\\u001b[2J"\n', encoding="utf-8")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen))
        await wait_for(pilot, lambda: any("deep.toml" in n for n in notices(app)))
        await settled(pilot)
        shown = notices(app)
        # one notice names the skipped packs (their names as they are: markup is text), then packs validate
        assert any("bad [b]x [@click=app.quit]q.toml (1 problem)" in n and "deep.toml" in n for n in shown)
        assert any("feedback" in n and "␛[2J" in n for n in shown)
        drawn_text(app)


async def test_a_device_name_with_markup_in_the_speech_status(make_app, isolated_data_dir):
    reason = "Spoken answers unavailable: the input 'USB [/] Mic [hw:1,0] \x1b[2J' refused to record"
    app = make_app(speech_probe=lambda: (False, reason))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, HomeScreen) and bool(app.screen.query("#speech-status")))
        await wait_for(pilot, lambda: "USB" in str(app.screen.query_one("#speech-status").render()))
        assert "USB [/] Mic [hw:1,0] ␛[2J" in str(app.screen.query_one("#speech-status").render())
        drawn_text(app)
