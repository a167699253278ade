"""The side panel: the checklist by group, a status mark per item, the tip of the selected item."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from mock_interview.core.feedback.present import GROUP_TITLES, check_row, gains_line
from mock_interview.core.feedback.text import counted
from mock_interview.core.safetext import visible
from mock_interview.tui.styles import status_style

if TYPE_CHECKING:
    from mock_interview.core.feedback import Check, Feedback

EVIDENCE_SHOWN = 3  # pieces of evidence under a tip
EVIDENCE_WIDTH = 70  # characters of each, cut at a word


class FeedbackPanel(Vertical):
    """Checklist with marks; highlight an item (keys or mouse) to read its tip and evidence."""

    DEFAULT_CSS = """
    FeedbackPanel { width: 38; border-left: tall $panel; padding: 0 1; }
    FeedbackPanel #feedback-score { text-style: bold; height: 1; }
    /* a stable gutter: the scrollbar appearing later must not narrow the list under lines measured
       without it (a wrapped item then lost its second line: "Your own actions (I, not only") */
    FeedbackPanel OptionList { height: 1fr; border: none; padding: 0; scrollbar-gutter: stable; }
    /* the tip and its evidence take what they need, up to 60% of the panel (10 lines at 80x24, 20 at
       120x40; a fixed 8 cut a tip with three quotes): the list above keeps the rest and scrolls to the
       highlighted item. Longer still, the tip scrolls (Tab to it) */
    FeedbackPanel #feedback-tip-box { height: auto; max-height: 60%; border-top: solid $panel; }
    FeedbackPanel OptionList { min-height: 4; }
    FeedbackPanel #feedback-tip { color: $text-muted; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._checks: list[Check] = []
        self._gains = ""

    def compose(self) -> ComposeResult:
        yield Label("Feedback", id="feedback-score")
        yield OptionList(id="feedback-checks")
        with VerticalScroll(id="feedback-tip-box"):  # a long tip with its evidence scrolls (keys or wheel)
            yield Static("", id="feedback-tip")

    def show_hidden(self, reason: str) -> None:
        """Calm mode: no checklist until the answer is in."""
        self._checks = []
        self.query_one("#feedback-score", Label).update("Feedback")
        options = self.query_one(OptionList)
        options.clear_options()
        self.query_one("#feedback-tip", Static).update(reason)

    def show(self, feedback: Feedback) -> None:
        """Show a :class:`~mock_interview.core.feedback.Feedback`, keeping the highlighted item."""
        options = self.query_one(OptionList)
        previous = options.highlighted  # an index among the options, group titles included
        previous_id = options.get_option_at_index(previous).id if previous is not None else None
        if not feedback.scored:
            self.show_hidden(feedback.notice)
            self.query_one("#feedback-score", Label).update(
                Text.assemble("Not scored  ", (counted(feedback.word_count, "word"), "dim"))
            )
            return
        score = Text.assemble(f"Score {feedback.score}/100  ", (counted(feedback.word_count, "word"), "dim"))
        self.query_one("#feedback-score", Label).update(score)
        self._checks = []
        items: list[Option | None] = []
        current_group = None
        for check in feedback.checks:
            if check.status == "na" and check.group in ("delivery",):
                continue
            if check.group != current_group:
                current_group = check.group
                group_score = feedback.group_scores.get(check.group)
                title = GROUP_TITLES.get(check.group, check.group)
                title += f" · {group_score}" if group_score is not None else ""
                items.append(Option(Text(title, style="bold"), disabled=True))
            row = check_row(check)
            items.append(
                Option(Text.assemble((f"{row.mark} ", status_style(row.status)), visible(row.label)), id=check.id)
            )
            self._checks.append(check)
        options.clear_options()
        options.add_options(items)
        self._gains = visible(gains_line(feedback))  # labels can name the company
        ids = [c.id for c in self._checks]
        if previous_id in ids:
            options.highlighted = self._option_index(options, previous_id)
        self._show_tip(self._checks[ids.index(previous_id)] if previous_id in ids else None)

    def status_of(self, check_id: str) -> str | None:
        """The status shown for ``check_id`` (for tests and screens)."""
        return next((c.status for c in self._checks if c.id == check_id), None)

    @staticmethod
    def _option_index(options: OptionList, option_id: str) -> int | None:
        for index in range(options.option_count):
            if options.get_option_at_index(index).id == option_id:
                return index
        return None

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        check = next((c for c in self._checks if c.id == event.option_id), None)
        self._show_tip(check)

    def _show_tip(self, check: Check | None) -> None:
        tip = self.query_one("#feedback-tip", Static)
        if check is None:
            tip.update(
                Text.assemble("Highlight an item to see its tip.", (f"\n{self._gains}", "dim") if self._gains else "")
            )
            return
        text = Text(visible(check.tip))  # tips, details and evidence quote files and answers
        if check.detail:
            text.append("\n" + visible(check.detail), style="dim")
        elif check.evidence:
            quoted = ", ".join(
                f"“{textwrap.shorten(visible(e.text), EVIDENCE_WIDTH, placeholder=' …')}”"
                for e in check.evidence[:EVIDENCE_SHOWN]
            )
            text.append("\n" + quoted, style="dim")
        tip.update(text)
