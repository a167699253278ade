"""Review: each answer with its evidence highlighted, the checklist, the example, and a note to keep."""

from __future__ import annotations

import textwrap
import threading
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Collapsible, Header, Label, OptionList, Static
from textual.widgets.option_list import Option

from mock_interview.core.feedback.present import GROUP_TITLES, gains_line, rows
from mock_interview.core.feedback.results import Feedback
from mock_interview.core.question_scores import follow_up_answered
from mock_interview.core.safetext import visible
from mock_interview.core.session_view import AnswerPlace, answer_places, status_shown
from mock_interview.tui.screens.review_correction import TranscriptCorrection
from mock_interview.tui.screens.review_loop import ReviewLoopActions
from mock_interview.tui.screens.review_playback import RecordingPlayback
from mock_interview.tui.styles import status_style
from mock_interview.tui.usertext import user_text, user_value
from mock_interview.tui.widgets.fields import TextBox
from mock_interview.tui.widgets.keys_footer import KeysFooter
from mock_interview.tui.widgets.mentor_notes import MentorAnswersPanel, MentorNotesPanel
from mock_interview.tui.widgets.round_summary import RoundSummaryPanel
from mock_interview.tui.widgets.spoken_answer import OriginalTranscript, ReviewBody, StarTimeline, type_into_note

if TYPE_CHECKING:
    from mock_interview.core.packs import Question
    from mock_interview.core.sessions import AnswerRecord, Session
    from mock_interview.tui.services import AppServices

SUPPORT_STYLES = {"structure": "underline green", "specificity": "bold cyan", "alignment": "bold magenta"}
PROBLEM_STYLE = "reverse red"
RECORDING_ACTIONS = ("play", "retranscribe", "correct")
QUESTION_SHOWN = 60  # characters of a question in the list of answers, cut at a word
NOTE_LABEL = "Reflection: what will you do differently next time? (ctrl+s saves)"
NO_ANSWERS = "No answers were given in this session."


def highlighted_answer(text: str, feedback: Feedback) -> Text:
    """The answer with evidence styled: strengths by group, problems (vague phrases, fillers) in red."""
    rich_text = user_text(text)  # same length as text: evidence offsets still apply
    for check in feedback.checks:
        if check.status == "na" or (not check.problem and check.status == "missing"):
            continue
        style = PROBLEM_STYLE if check.problem else SUPPORT_STYLES.get(check.group)
        if not style:
            continue
        for evidence in check.evidence:
            if 0 <= evidence.start < evidence.end <= len(text):
                # sentence-wide evidence only underlines; word-level evidence stands out more
                wide = evidence.end - evidence.start > 80 and not check.problem
                rich_text.stylize("underline" if wide else style, evidence.start, evidence.end)
    return rich_text


def checklist_text(feedback: Feedback) -> Text:
    """The checklist as lines of marks, labels, details and tips, then what would raise the score."""
    lines = Text()
    group = None
    for row in rows(feedback, include_na=False):
        if row.group != group:
            group = row.group
            lines.append(f"\n{visible(str(GROUP_TITLES.get(group, group)))}\n", style="bold")
        lines.append(f" {row.mark} ", style=status_style(row.status))
        lines.append(visible(row.label))  # labels, details and tips may quote the answer or profile
        if row.check.detail:
            lines.append(f"  {visible(row.check.detail)}", style="dim")
        if row.tip:
            lines.append(f"\n     {visible(row.tip)}", style="italic")
        lines.append("\n")
    if gains_line(feedback):
        lines.append(f"\n{visible(gains_line(feedback))}\n", style="bold")
    return lines


def example_text(question: Question) -> Text:
    """A pack's example answer, and plainly which parts of the checklist it leaves out."""
    from mock_interview.core.feedback import example_leaves_out

    text = user_text(question.example or "")
    left_out = example_leaves_out(question)
    if left_out:
        text.append(f"\n\nThis example leaves out: {', '.join(left_out)}.", style="italic")
    return text


def answer_meta(answer: AnswerRecord) -> str:
    """How the answer was given: typed or spoken, its status, the time used and the question's score."""
    meta = f"{answer.source} · {answer.status.replace('_', ' ')}"
    if answer.duration_seconds is not None:
        meta += f" · {answer.duration_seconds:.0f} s of {answer.answer_seconds} s"
    if answer.with_follow_ups and answer.question_score is not None:
        meta += f" · with the follow-up the question scores {answer.question_score}"
    if answer.audio:
        meta += " · recording: f9 play, f10 re-transcribe, f11 correct"
    if answer.corrected:
        meta += " · transcript corrected"
    return meta


def session_summary(session: Session) -> str:
    """The header line: when, which packs, the target profile, how many questions and follow-ups, the scores."""
    score = "-" if session.score is None else str(session.score)
    follow_ups = session.follow_ups_answered
    counts = f"{session.questions_answered} of {len(session.plan)} questions" + (
        f", {follow_ups} follow-up{'s' if follow_ups != 1 else ''}" if follow_ups else ""
    )
    groups = "  ".join(f"{g} {s}" for g, s in session.group_scores().items())
    profile = f"profile {session.profile}" if session.profile else "no profile"
    status = status_shown(session.status, session.questions_answered + follow_ups)
    return (
        f"{session.started:%a %d %b %Y %H:%M} · {', '.join(session.packs)} · {session.mode} · {profile} · "
        f"{status} · {counts} · score {score}" + (f"  ({groups})" if groups else "")
    )


def answer_title(answer: AnswerRecord, place: AnswerPlace) -> str:
    """An answer in the list: "3. Tell me about a time … (attempt 1, set aside)", "  ↳ follow-up …", the score."""
    short = textwrap.shorten(answer.question_text, QUESTION_SHOWN, placeholder=" …")
    prefix = "  ↳ follow-up" if place.follow_up else f"{place.number}."
    attempt = f" ({place.attempt_label})" if place.attempt_label else ""
    if place.follow_up:  # its verdict: the question's score (above) already counts it
        score = "" if not answer.counts else " ✔" if follow_up_answered(answer) else " ✘"
    else:  # the number the session counts: the question with its follow-ups
        score = "" if answer.question_score is None else f" [{answer.question_score}]"
    return f"{prefix} {short}{attempt}{score}"


def note_label(place: AnswerPlace, index: int, places: list[AnswerPlace]) -> str:
    """The note's label; says so when the note shown is the question's, kept with another attempt."""
    if place.note_index == index:
        return NOTE_LABEL
    kept_with = places[place.note_index]
    return f"{NOTE_LABEL} This is the note of question {place.number}, kept with attempt {kept_with.attempt}."


class ReviewScreen(TranscriptCorrection, RecordingPlayback, ReviewLoopActions):
    """One session, answer by answer."""

    CSS_PATH = "review.tcss"

    BINDINGS = [
        # At 80 columns a spoken answer's keys, the way back, ^q Quit and f1 Help must fit (the footer once ended
        # "f10 Re-transcribe ^t"): the note's key says "Save", and ctrl+e (Export) and f12 (Mentor) are in Help
        # and the palette, not the footer. Back stays: a newcomer in Review must see how to leave it
        Binding("escape", "back", "Back", id="back"),
        # priority: they work while the note is being written (the text area has its own ctrl+e)
        Binding("ctrl+s", "save_note", "Save", id="save-note", priority=True, tooltip="Save the note"),
        Binding(
            "ctrl+e",
            "export",
            "Export",
            id="export",
            priority=True,
            show=False,
            tooltip="Export the session as Markdown",
        ),
        Binding("f7", "again", "Again", id="practise-again", priority=True, tooltip="Practise this question again"),
        Binding("f9", "play", "Play", id="play", priority=True, tooltip="Play the recording of this answer"),
        Binding(
            "f10",
            "retranscribe",
            "Re-transcribe",
            id="retranscribe",
            priority=True,
            tooltip="Transcribe this answer's recording again, with another model",
        ),
        # f11 beside f10: both mend a transcript (ctrl+t is Profiles' "make active": one key, one meaning)
        Binding(
            "f11",
            "correct",
            "Correct",
            id="correct-transcript",
            priority=True,
            tooltip="Correct what the model misheard and check the answer again (the original is kept)",
        ),
        Binding(
            "f12", "mentor", "Mentor", id="mentor", show=False, tooltip="Export for a mentor, or read their notes in"
        ),
        # not in the footer (the panel's title names it): the footer keeps room for f9 and f10 at 80 columns.
        # ctrl+g is the overview of your scores on every screen: this round's here, every round's in History
        Binding(
            "ctrl+g", "summary", "Summary", id="round-summary", show=False, tooltip="Show or hide how the round went"
        ),
    ]

    def __init__(
        self, services: AppServices, session_id: str, *, session: Session | None = None, unsaved: OSError | None = None
    ) -> None:
        """Review the session ``session_id``, read from disk, or ``session`` as a round just left it.

        Args:
            services: The app's data folder and settings.
            session_id: The session's id.
            session: The session in memory (a round that just ended), instead of reading it.
            unsaved: Why ``session`` is not on disk (its last save failed): it is saved again at
                once, and at the next note, ctrl+s, leaving or quitting, until it is.
        """
        super().__init__()
        self.services = services
        self.session_id = session_id
        self.session: Session | None = session
        self.from_round = session is not None  # a round just ended: its summary shows first
        self.unsaved: OSError | None = unsaved  # why the session is not on disk (a failed save), if it is not
        self._playing: threading.Event | None = None  # set to stop the recording playing now
        self.places: list[AnswerPlace] = []
        self.index = 0  # the answer shown
        self.note_index = 0  # the answer whose note the note box holds (the question's, for a set-aside attempt)

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="review-view"):
            yield OptionList(id="review-answers")
            with ReviewBody(id="review-body"):
                yield RoundSummaryPanel(id="review-round-summary")
                yield Static("", id="review-summary")
                yield MentorAnswersPanel(id="review-mentor-questions")
                yield Static("", id="review-question")
                yield Static("", id="review-answer")
                yield OriginalTranscript(id="review-original")
                yield StarTimeline(id="review-timeline")
                yield MentorNotesPanel(id="review-mentor")  # above the checklist
                yield Static("", id="review-checklist")
                with Collapsible(title="Example answer", collapsed=True, id="review-example-box"):
                    yield Static("", id="review-example", markup=False)
                yield Label(NOTE_LABEL, classes="field-label", id="reflection-label")
                yield TextBox("", id="reflection")
        yield KeysFooter(show_command_palette=False, compact=True)  # compact: every key fits at 80 columns

    def on_mount(self) -> None:
        if self.session is None:
            try:
                self.session = self.services.context.sessions.load(self.session_id)
            except LookupError as exc:
                self.notify(str(exc), severity="error", timeout=10)
                self.app.pop_screen()
                return
        elif self.unsaved is not None:
            self.save_session()  # a round's session whose last save failed: try once more now
        session = self.session
        self.query_one(RoundSummaryPanel).show_for(session if self.from_round else None)
        self.query_one("#review-summary", Static).update(user_text(session_summary(session)))
        options = self.query_one("#review-answers", OptionList)
        self.places = answer_places(session.answers)
        for index, (answer, place) in enumerate(zip(session.answers, self.places, strict=True)):
            options.add_option(Option(user_text(answer_title(answer, place)), id=str(index)))
        if session.answers:
            options.highlighted = 0
            self.show_answer(0)
        else:  # nothing to show an example or keep a note for
            self.query_one("#review-question", Static).update(NO_ANSWERS)
            for widget_id in ("#review-example-box", "#reflection-label", "#reflection", "#review-answers"):
                self.query_one(widget_id).display = False
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Playback and re-transcription are offered only for an answer with a recording."""
        if action in RECORDING_ACTIONS:
            answer = self.current_answer()
            return answer is not None and bool(answer.audio)
        if action == "again":
            return self.current_answer() is not None
        if action in ("save_note", "export"):
            return self.session is not None
        return True

    def current_answer(self) -> AnswerRecord | None:
        """The answer shown, if any."""
        if self.session is None or not self.session.answers:
            return None
        return self.session.answers[self.index]

    def note_answer(self) -> AnswerRecord | None:
        """The answer whose note the note box holds, if any."""
        if self.session is None or not self.session.answers:
            return None
        return self.session.answers[self.note_index]

    def on_key(self, event: events.Key) -> None:
        if self.focused is not None and self.focused.id == "review-answers":
            type_into_note(self, event)

    @on(OptionList.OptionHighlighted, "#review-answers")
    def answer_chosen(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_id is not None:
            self.save_now()
            self.show_answer(int(event.option_id))

    def show_answer(self, index: int) -> None:
        assert self.session is not None
        self.index = index
        self.query_one("#review-body", ReviewBody).scroll_home(animate=False)  # a new answer reads from its top
        answer = self.session.answers[index]
        self.query_one("#review-question", Static).update(user_text(answer.question_text, style="bold"))
        body = Text(answer_meta(answer) + "\n\n", style="dim")
        feedback = Feedback.from_json(answer.feedback)
        body.append_text(
            highlighted_answer(answer.text, feedback) if answer.text else Text("(no answer)", style="italic")
        )
        self.query_one("#review-answer", Static).update(body)
        self.query_one(OriginalTranscript).show(answer)
        self.query_one(StarTimeline).show(answer)
        self.query_one("#review-checklist", Static).update(checklist_text(feedback))
        self.show_mentor_notes(answer)
        question = self.services.context.packs.find_question(answer.question_ref)
        example_box = self.query_one("#review-example-box", Collapsible)
        example_box.display = bool(question and question.example and not answer.is_follow_up)
        if question and question.example:
            self.query_one("#review-example", Static).update(example_text(question))
        place = self.places[index]
        self.note_index = place.note_index
        self.query_one("#reflection-label", Label).update(note_label(place, index, self.places))
        self.query_one("#reflection", TextBox).load_text(user_value(self.session.answers[self.note_index].reflection))
        self.refresh_bindings()

    def show_scores(self) -> None:
        """Show the scores again after an answer was checked again: the header's, each answer's in the list
        and, when it is shown, how the round went (its best, weakest and the fix worth most move with them)."""
        assert self.session is not None
        self.query_one("#review-summary", Static).update(user_text(session_summary(self.session)))
        round_summary = self.query_one(RoundSummaryPanel)
        if round_summary.display:
            round_summary.show_for(self.session)
        options = self.query_one("#review-answers", OptionList)
        for index, (answer, place) in enumerate(zip(self.session.answers, self.places, strict=True)):
            options.replace_option_prompt(str(index), user_text(answer_title(answer, place)))

    def save_now(self) -> OSError | None:
        """Keep the reflection note being written (on leaving, on choosing another answer, on ctrl+s, on quit).

        The note is kept in memory at once; the session is written when the note changed or an
        earlier save failed.

        Returns:
            Why the session is not on disk, or ``None`` when it is.
        """
        answer = self.note_answer()
        if self.session is None:
            return None
        if answer is not None and self.is_mounted:
            note = self.query_one("#reflection", TextBox).text
            if note != answer.reflection:
                answer.reflection = note
                self.save_session()
                return self.unsaved
        if self.unsaved is not None:
            self.save_session()
        return self.unsaved

    def save_session(self) -> bool:
        """Save the session; say so when it fails, or when another window or process had changed it meanwhile.

        Returns:
            Whether it is on disk now.
        """
        session = self.session
        if session is None:
            return False
        failed_before = self.unsaved is not None
        try:
            self.services.context.sessions.save(session)
        except OSError as exc:  # WriteFailed: disk full, read-only data folder...
            self.unsaved = exc
            self.notify(
                f"{exc}. The note is kept here; ctrl+s (or leaving) saves it again.",
                title="Not saved",
                severity="error",
                timeout=12,
            )
            return False
        self.unsaved = None
        if session.save_notice:
            self.session_id = session.id  # a conflicting edit is kept as a session of its own
            self.notify(session.save_notice, title="Session changed elsewhere", severity="warning", timeout=15)
        elif failed_before:
            self.notify("The session is saved again.", title="Saved")
        return True

    def action_save_note(self) -> None:
        if self.current_answer() is None:
            self.notify("This session has no answer to write a note on.", severity="warning")
            return
        if self.save_now() is None:
            self.notify("Note saved.")

    def action_export(self) -> None:
        from mock_interview.core.fsutil import atomic_write_text, ensure_private_dir
        from mock_interview.core.report import session_to_markdown

        if self.session is None:
            return
        self.save_now()
        path = self.services.context.data.exports / f"{self.session.id}.md"
        titles = {p.id: p.title for p in self.services.context.packs.packs}
        try:
            ensure_private_dir(path.parent)
            atomic_write_text(path, session_to_markdown(self.session, titles))
        except OSError as exc:
            self.notify(f"Not exported: {exc}", severity="error", timeout=10)
            return
        self.notify(f"Exported to {path}", title="Markdown report", timeout=10)

    # -- recordings: playback and re-transcription in review_playback.py ----------------------

    def action_back(self) -> None:
        self.save_now()
        self.app.pop_screen()
