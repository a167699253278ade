"""Review's panes for what a spoken answer adds: where a story's time went, the transcript before a
correction, and the scrolling answer pane that passes letters typed on it to the note."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.widgets import Static, TextArea

from mock_interview.core.session_records import AnswerRecord
from mock_interview.core.star_timeline import RECOMMENDED_LINE, applies, star_timeline, timeline_lines
from mock_interview.tui.usertext import user_text


def timeline_text(answer: AnswerRecord) -> Text:
    """Where a spoken story's time went: each STAR part's seconds and share, beside the recommended split."""
    segments = star_timeline(answer.spoken_text, answer.words)
    text = Text("Where the time went (STAR)\n", style="bold")
    if not segments:
        text.append("No situation, task, action or result was told apart in this answer.", style="italic")
        return text
    speech = answer.words[-1][2] - answer.words[0][1]
    for line in timeline_lines(segments, speech):
        text.append(f" {line}\n")
    text.append(RECOMMENDED_LINE, style="dim")
    return text


class StarTimeline(Static):
    """Where a spoken story's time went (shown only for a spoken story answer)."""

    def show(self, answer: AnswerRecord) -> None:
        """Show ``answer``'s timeline, or hide the pane when it has none."""
        self.display = applies(answer.kind, answer.words)
        if self.display:
            self.update(timeline_text(answer))


class OriginalTranscript(Static):
    """The transcript as recognised, under a corrected one (hidden otherwise)."""

    def show(self, answer: AnswerRecord) -> None:
        """Show what the model heard, when the user corrected it."""
        self.display = answer.corrected
        if self.display:
            self.update(
                Text.assemble(("Recognised before your correction: ", "italic"), user_text(answer.original_text))
            )


def type_into_note(screen: DOMNode, event: events.Key) -> None:
    """A printable key pressed outside the note goes into the note (focus moves there, visibly)."""
    note = screen.query_one("#reflection", TextArea)
    if not (event.is_printable and event.character) or not note.display or note.has_focus:
        return
    event.stop()
    note.focus()
    note.insert(event.character)


class ReviewBody(VerticalScroll):
    """The answer shown, its checklist, example and note; focusable, so the arrows scroll it.

    A letter typed while the list or this pane has focus goes into the note: a note typed with
    the focus elsewhere is never lost.
    """

    def on_key(self, event: events.Key) -> None:
        type_into_note(self.screen, event)
