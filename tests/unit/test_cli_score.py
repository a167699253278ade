"""``score``'s table cuts long evidence at a word, with an ellipsis."""

from __future__ import annotations

import json
from pathlib import Path

from mock_interview.core.feedback.present import check_row
from mock_interview.core.feedback.results import Check, Evidence, Group, Status
from tests.cli_runner import run_cli as run

ANSWER = (
    "In my previous role as an operations analyst at a regional logistics firm, on-time delivery had dropped "
    "to 82% over two quarters. My task was to find out why within a quarter and fix it. I analysed six months "
    "of delivery data in SQL, found that two depots caused most of the delays, and redesigned their loading "
    "schedule with the depot managers. As a result, on-time delivery rose to 96% within ten weeks, which saved "
    "about $1.2M a year in penalties."
)


def test_score_cuts_long_evidence_at_a_word_with_an_ellipsis(capsys, monkeypatch, tmp_path: Path):
    """``regional logistic``, ``could see de``: evidence was cut in the middle of a word."""
    answer = tmp_path / "answer.txt"
    answer.write_text(ANSWER, encoding="utf-8")
    code, out, _ = run(capsys, "score", str(answer), "--question-id", "behavioral-star/increased-results", "--json")
    assert code == 0
    long_evidence = [
        e["text"]
        for check in json.loads(out)["checks"]
        if not check["detail"]
        for e in check["evidence"][:3]
        if len(e["text"]) > 60
    ]
    assert long_evidence, "the answer should give evidence longer than a row shows"
    monkeypatch.setenv("COLUMNS", "1000")  # a table wide enough that nothing folds
    code, table, _ = run(capsys, "score", str(answer), "--question-id", "behavioral-star/increased-results")
    assert code == 0
    for text in long_evidence:
        start = table.index(text[:30])
        shown = table[start : table.index("…", start) + 1]
        kept = shown[:-1]
        assert text.startswith(kept) and len(shown) <= 60, shown
        assert text[len(kept)] == " ", f"cut inside a word: {shown!r}"


def test_a_check_row_cuts_each_piece_of_evidence_at_a_word():
    long = "we kept the loading schedule steady for ten weeks, and the depot managers signed off on it"
    row = check_row(
        Check(
            id="star.action",
            group=Group.STRUCTURE,
            label="Action",
            status=Status.PASS,
            evidence=(Evidence(0, len(long), long), Evidence(0, 5, "short")),
        )
    )
    first, second = row.detail.split("; ")
    assert first.endswith("…") and long.startswith(first[:-1]) and long[len(first) - 1] == " "
    assert second == "short"
