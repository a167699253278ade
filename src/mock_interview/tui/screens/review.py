"""Review: each answer with its evidence highlighted, the checklist, the example, and a note to keep."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Collapsible, Footer, Header, Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from mock_interview.tui.widgets.feedback_panel import GROUP_TITLES, MARKS

SUPPORT_STYLES = {"structure": "underline green", "specificity": "bold cyan", "alignment": "bold magenta"}
PROBLEM_STYLE = "reverse red"


def highlighted_answer(text: str, checks: list[dict]) -> Text:
    """The answer with evidence styled: strengths by group, problems (vague phrases, fillers) in red."""
    rich_text = Text(text)
    for check in checks:
        if check.get("status") == "na":
            continue
        problem = check.get("evidence_kind") == "problem"
        if not problem and check.get("status") == "missing":
            continue
        style = PROBLEM_STYLE if problem else SUPPORT_STYLES.get(check.get("group", ""))
        if not style:
            continue
        for evidence in check.get("evidence", []):
            start, end = int(evidence["start"]), int(evidence["end"])
            if 0 <= start < end <= len(text):
                # sentence-wide evidence only underlines; word-level evidence stands out more
                rich_text.stylize("underline" if (end - start > 80 and not problem) else style, start, end)
    return rich_text


def checklist_text(feedback: dict) -> Text:
    """The checklist as lines of marks, labels and tips."""
    lines = Text()
    group = None
    for check in feedback.get("checks", []):
        if check.get("status") == "na":
            continue
        if check.get("group") != group:
            group = check.get("group")
            lines.append(f"\n{GROUP_TITLES.get(group, group)}\n", style="bold")
        mark, colour = MARKS.get(check.get("status"), ("?", "white"))
        lines.append(f" {mark} ", style=colour)
        lines.append(check.get("label", ""))
        if check.get("detail"):
            lines.append(f"  {check['detail']}", style="dim")
        if check.get("status") != "pass" and check.get("tip"):
            lines.append(f"\n     {check['tip']}", style="italic")
        lines.append("\n")
    return lines


class ReviewScreen(Screen[None]):
    """One session, answer by answer."""

    CSS_PATH = "review.tcss"

    BINDINGS = [
        Binding("escape", "back", "Back", id="back"),
        Binding("ctrl+s", "save_note", "Save note", id="save-note"),
        Binding("ctrl+e", "export", "Export Markdown", id="export"),
        Binding("f9", "play", "Play recording", id="play"),
        Binding("f10", "retranscribe", "Re-transcribe", id="retranscribe"),
    ]

    def __init__(self, session_id: str) -> None:
        super().__init__()
        self.session_id = session_id
        self.session = None
        self.index = 0

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="review"):
            yield OptionList(id="review-answers")
            with VerticalScroll(id="review-body"):
                yield Label("", id="review-summary")
                yield Static("", id="review-question")
                yield Static("", id="review-answer")
                yield Static("", id="review-checklist")
                with Collapsible(title="Example answer", collapsed=True, id="review-example-box"):
                    yield Static("", id="review-example")
                yield Label("Reflection: what will you do differently next time? (ctrl+s saves)", classes="field-label")
                yield TextArea("", id="reflection")
        yield Footer()

    def on_mount(self) -> None:
        try:
            self.session = self.app.context.sessions.load(self.session_id)
        except LookupError as exc:
            self.notify(str(exc), severity="error", timeout=10)
            self.app.pop_screen()
            return
        session = self.session
        score = "-" if session.score is None else session.score
        groups = "  ".join(f"{g} {s}" for g, s in session.group_scores().items())
        self.query_one("#review-summary", Label).update(
            f"{session.started:%a %d %b %Y %H:%M} · {', '.join(session.packs)} · {session.mode} · score {score}  {groups}")
        options = self.query_one("#review-answers", OptionList)
        number = 0
        for index, answer in enumerate(session.answers):
            if not answer.is_follow_up:
                number += 1
            prefix = "  ↳ follow-up" if answer.is_follow_up else f"{number}."
            score = "" if answer.score is None else f" [{answer.score}]"
            options.add_option(Option(f"{prefix} {answer.question_text[:40]}{score}", id=str(index)))
        if session.answers:
            options.highlighted = 0
            self.show_answer(0)
        else:
            self.query_one("#review-question", Static).update("No answers were given in this session.")

    @on(OptionList.OptionHighlighted, "#review-answers")
    def answer_chosen(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_id is not None:
            self.save_now()
            self.show_answer(int(event.option_id))

    def show_answer(self, index: int) -> None:
        self.index = index
        answer = self.session.answers[index]
        self.query_one("#review-question", Static).update(Text(answer.question_text, style="bold"))
        meta = f"{answer.source} · {answer.status.replace('_', ' ')}"
        if answer.duration_seconds is not None:
            meta += f" · {answer.duration_seconds:.0f} s of {answer.answer_seconds} s"
        if answer.audio:
            meta += " · recording: f9 play, f10 re-transcribe"
        body = Text(meta + "\n\n", style="dim")
        body.append_text(highlighted_answer(answer.text, answer.feedback.get("checks", [])) if answer.text else Text("(no answer)", style="italic"))
        self.query_one("#review-answer", Static).update(body)
        self.query_one("#review-checklist", Static).update(checklist_text(answer.feedback))
        question = self.app.context.packs.find_question(answer.question_ref)
        example_box = self.query_one("#review-example-box", Collapsible)
        example_box.display = bool(question and question.example and not answer.is_follow_up)
        if question and question.example:
            self.query_one("#review-example", Static).update(question.example)
        self.query_one("#reflection", TextArea).load_text(answer.reflection)

    def save_now(self) -> None:
        """Keep the reflection note being written."""
        if self.session is None or not self.session.answers:
            return
        note = self.query_one("#reflection", TextArea).text
        answer = self.session.answers[self.index]
        if note != answer.reflection:
            answer.reflection = note
            self.app.context.sessions.save(self.session)

    def action_save_note(self) -> None:
        self.save_now()
        self.notify("Note saved.")

    def action_export(self) -> None:
        from mock_interview.core.fsutil import atomic_write_text, ensure_private_dir
        from mock_interview.core.report import session_to_markdown

        self.save_now()
        folder = ensure_private_dir(self.app.context.data.root / "exports")
        path = folder / f"{self.session.id}.md"
        titles = {p.id: p.title for p in self.app.context.packs.packs}
        atomic_write_text(path, session_to_markdown(self.session, titles))
        self.notify(f"Exported to {path}", title="Markdown report", timeout=10)

    def _audio_path(self):
        answer = self.session.answers[self.index] if self.session and self.session.answers else None
        if answer is None or not answer.audio:
            self.notify("This answer has no recording.", severity="warning")
            return None
        path = self.app.context.data.root / answer.audio
        if not path.exists():
            self.notify(f"The recording {path} is missing.", severity="error")
            return None
        return path

    def action_play(self) -> None:
        path = self._audio_path()
        if path is not None:
            self._play(path)

    @work(thread=True, exclusive=True, group="playback", exit_on_error=False, description="playing the recording")
    def _play(self, path) -> None:
        from mock_interview.audio.playback import play_file
        from mock_interview.audio.devices import AudioUnavailable

        try:
            seconds = play_file(path)
        except AudioUnavailable as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error", timeout=10)
            return
        self.app.call_from_thread(self.notify, f"Played {seconds:.0f} s.")

    def action_retranscribe(self) -> None:
        path = self._audio_path()
        if path is None:
            return
        from mock_interview.tui.screens.model_picker import ModelPickerScreen

        def chosen(model: str | None) -> None:
            if model:
                self.notify(f"Transcribing with {model}…")
                self._retranscribe(path, model, self.index)

        self.app.push_screen(ModelPickerScreen(self.app.settings.model), chosen)

    @work(thread=True, exclusive=True, group="retranscribe", exit_on_error=False, description="re-transcribing")
    def _retranscribe(self, path, model: str, index: int) -> None:
        from mock_interview.transcription.transcriber import TranscriptionError, transcribe_file
        from mock_interview.transcription.models import ModelUnavailable

        try:
            result = transcribe_file(path, model, self.app.context.data.root / "models")
        except (ModelUnavailable, TranscriptionError) as exc:
            self.app.call_from_thread(self.notify, str(exc), severity="error", timeout=10)
            return
        feedback = self._check_again(self.session.answers[index], result)
        self.app.call_from_thread(self._apply_transcript, index, result, feedback)

    def _check_again(self, answer, result) -> dict:
        """The checklist for the new transcript, as the round would have made it (runs in the worker)."""
        from mock_interview.core.feedback import Delivery, QuestionInfo, analyse
        from mock_interview.core.tomlschema import InvalidFileError

        question = self.app.context.packs.find_question(answer.question_ref)
        if answer.is_follow_up:
            info = QuestionInfo.follow_up(answer.question_text)
        elif question is not None:
            info = QuestionInfo.of(question)
        else:  # the pack is gone: check against the question as it was asked
            info = QuestionInfo(answer.question_text, answer.kind, answer.answer_seconds or 120)
        profile = None
        if self.session.profile:
            try:
                profile = self.app.context.profiles.load(self.session.profile)
            except InvalidFileError:
                profile = None  # the profile was deleted or broken since: check without it
        delivery = Delivery(tuple(result.words), result.duration, answer.answer_seconds or None)
        return analyse(result.text, info, profile=profile, delivery=delivery).to_json()

    def _apply_transcript(self, index: int, result, feedback: dict) -> None:
        answer = self.session.answers[index]
        answer.text = result.text
        answer.words = list(result.words)
        answer.transcript_model = result.model
        answer.feedback = feedback
        self.app.context.sessions.save(self.session)
        self.show_answer(index)
        self.notify(f"Re-transcribed with {result.model}.")

    def action_back(self) -> None:
        self.save_now()
        self.app.pop_screen()
