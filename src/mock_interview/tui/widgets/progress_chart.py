"""History's chart: scores over time, or how often one check passed, on axes from 0 to 100.

Drawn with ``textual-plotext`` (plotext in a Textual widget): real axes and ticks, one colour per
line, instead of bars whose heights start wherever the data does. The legend is not drawn by plotext
(it puts it inside the plot, over the lines' upper left): :meth:`ProgressChart.legend` gives it as text
for a line of its own beside the chart.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from rich.text import Text
from textual_plotext import PlotextPlot

from mock_interview.core.progress import CheckRate, ScorePoint

Y_TICKS: list[float] = [0, 25, 50, 75, 100]
MAX_X_LABELS = 6  # dates under the axis; more would run into each other at 80 columns
#: One colour per line, in order; names both plotext and Rich know, so the legend matches the lines.
LINE_COLOURS: tuple[str, ...] = ("cyan", "green", "magenta", "yellow", "red", "blue")


def x_labels(times: Sequence[datetime]) -> tuple[list[int], list[str]]:
    """At most :data:`MAX_X_LABELS` evenly spread positions (1-based) and their dates (times, within one day)."""
    if not times:
        return [], []
    count = len(times)
    step = max(1, -(-count // MAX_X_LABELS))
    positions = list(range(1, count + 1, step))
    if positions[-1] != count and count - positions[-1] >= step / 2:
        positions.append(count)
    # sessions of one day are told apart by their time; over several days, by their date
    shape = "%H:%M" if times[0].date() == times[-1].date() and count > 1 else "%d %b"
    return positions, [f"{times[p - 1]:{shape}}" for p in positions]


class ProgressChart(PlotextPlot):
    """A line chart on a 0-100 scale; the sessions in time order along the bottom."""

    lines: list[tuple[str, str]] = []  # each line drawn: its label and colour (a new list per drawing)

    def legend(self) -> Text:
        """Each line's label in its colour (``── overall  ── structure …``); empty before anything is drawn."""
        legend = Text()
        for label, colour in self.lines:
            if legend:
                legend.append("   ")
            legend.append("── ", style=colour)
            legend.append(label)
        return legend

    def _line(self, xs: Sequence[float], ys: Sequence[float], label: str, marker: str) -> None:
        colour = LINE_COLOURS[len(self.lines) % len(LINE_COLOURS)]
        self.plt.plot(list(xs), list(ys), color=colour, marker=marker)
        self.lines.append((label, colour))

    def _axes(self, title: str, times: Sequence[datetime]) -> None:
        plt = self.plt
        self.lines = []
        plt.clear_data()
        plt.clear_figure()
        plt.title(title)
        plt.ylim(0, 100)
        plt.yticks(Y_TICKS)
        positions, labels = x_labels(times)
        if positions:
            plt.xticks([float(p) for p in positions], labels)
        plt.xlim(0.5, max(1, len(times)) + 0.5)

    def show_scores(self, points: Sequence[ScorePoint], groups: Sequence[str]) -> None:
        """The overall score and each group's, session by session."""
        self._axes("Score per session: overall and by group (0-100)", [p.started for p in points])
        xs = list(range(1, len(points) + 1))
        self._line(xs, [p.score for p in points], "overall", "hd")
        for group in groups:
            pairs = [(x, p.groups[group]) for x, p in zip(xs, points, strict=True) if group in p.groups]
            if pairs:
                self._line([x for x, _ in pairs], [y for _, y in pairs], group, "braille")
        self.refresh()

    def show_check(self, label: str, rates: Sequence[CheckRate]) -> None:
        """How often one check passed, session by session (the share of the answers it applied to)."""
        passed = sum(r.passed for r in rates)
        applied = sum(r.applied for r in rates)
        share = f"{passed} of {applied} answers" if applied else "never checked yet"
        self._axes(f"{label}: % of answers that passed it ({share})", [r.started for r in rates])
        xs = list(range(1, len(rates) + 1))
        if rates:
            self._line(xs, [r.percent for r in rates], label, "hd")
        self.refresh()
