"""History's chart (ctrl+g): scores over time and how often one check passed, on axes from 0 to 100."""

from __future__ import annotations

from textual.widgets import Select

from mock_interview.core.progress import check_rates
from mock_interview.tui.screens.history import SCORES, HistoryScreen
from mock_interview.tui.widgets.progress_chart import ProgressChart, x_labels
from tests.typed_rounds import STRONG, WEAK, typed_round
from tests.ui.conftest import screen_text, wait_for

REF = "behavioral-star/increased-results"


def test_dates_under_the_axis_are_few_and_spread_to_the_last():
    from datetime import datetime, timedelta

    times = [datetime(2026, 11, 1) + timedelta(days=n) for n in range(20)]
    positions, labels = x_labels(times)
    assert len(positions) <= 7 and positions[0] == 1 and positions[-1] == 20
    assert labels[0] == "01 Nov" and labels[-1] == "20 Nov"
    assert x_labels(times[:1]) == ([1], ["01 Nov"])
    assert x_labels([]) == ([], [])
    same_day = [datetime(2026, 12, 6, 9, 30), datetime(2026, 12, 6, 14, 5)]
    assert x_labels(same_day) == ([1, 2], ["09:30", "14:05"])


async def test_ctrl_g_shows_the_scores_on_a_0_to_100_scale_and_a_check_how_often_it_passed(make_app):
    app = make_app()
    typed_round(app.context, [REF], [WEAK])
    typed_round(app.context, [REF], [STRONG])
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(HistoryScreen(app))
        history = app.screen
        await wait_for(pilot, lambda: len(history.summaries) == 2)
        await pilot.press("ctrl+g")
        await wait_for(pilot, lambda: history.charting and "Score per session" in screen_text(app))
        text = screen_text(app)
        assert all(f"{tick}┤" in text for tick in (0, 25, 50, 75, 100))  # the axis starts at zero
        assert "overall" in text and "^g Sessions" in text
        select = history.query_one("#progress-what", Select)
        await wait_for(pilot, lambda: history.sessions is not None)
        values = [value for _, value in select._options]
        assert values[:2] == [SCORES, "star.result_measurable"]  # "Measurable result" first among the checks
        select.value = "star.result_measurable"
        rates = check_rates(history.sessions, "star.result_measurable")
        # the weak answer missed it, the strong one met it (both sessions began in the same second: either order)
        assert sorted((r.passed, r.applied) for r in rates) == [(0, 1), (1, 1)]
        await wait_for(pilot, lambda: "Measurable result: % of answers that passed it (1 of 2" in screen_text(app))
        assert history.query_one(ProgressChart).display
        await pilot.press("ctrl+g")
        await wait_for(pilot, lambda: not history.charting and "^g Progress" in screen_text(app))


async def test_no_scored_session_says_so_instead_of_an_empty_chart(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(HistoryScreen(app))
        await pilot.press("ctrl+g")
        await wait_for(pilot, lambda: "No scored session yet" in screen_text(app))
        assert not app.screen.query_one(ProgressChart).display


async def test_the_legend_is_a_line_of_its_own_not_drawn_over_the_lines(make_app):
    """plotext draws its legend inside the plot, over the lines' upper left (trial 4, minor 23)."""
    app = make_app()
    typed_round(app.context, [REF], [WEAK])
    typed_round(app.context, [REF], [STRONG])
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(HistoryScreen(app))
        history = app.screen
        await wait_for(pilot, lambda: len(history.summaries) == 2)
        await pilot.press("ctrl+g")
        await wait_for(pilot, lambda: history.charting and "Score per session" in screen_text(app))
        chart = history.query_one(ProgressChart)
        labels = [label for label, _ in chart.lines]
        assert labels[0] == "overall" and len(labels) > 1  # the overall score and at least one group
        rows = screen_text(app).splitlines()
        plot_rows = rows[chart.region.y + 1 : chart.region.bottom]  # under the chart's title row
        assert not [row for row in plot_rows if any(label in row for label in labels)]
        legend = history.query_one("#progress-legend")
        assert legend.region.y >= chart.region.bottom and legend.region.height >= 1
        legend_row = rows[legend.region.y]
        assert all(label in legend_row for label in labels)
