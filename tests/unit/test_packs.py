"""Question packs: the built-in set, and every kind of malformed file reported clearly."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from mock_interview.core.packs import QUESTION_KINDS, discover_packs, load_pack, parse_pack, validate_paths
from mock_interview.core.tomlschema import InvalidFileError
from tests.lookups import pack_of, question_of

GOOD = """\
[pack]
id = "mine"
title = "My pack"
answer_seconds = 90

[[questions]]
id = "q1"
text = "Where do you see yourself in five years?"
kind = "goals"
tips = ["Be specific"]

[[questions]]
id = "q2"
text = "Tell me about a time you led a team."
kind = "behavioral"
answer_seconds = 150
prep_seconds = 0
"""


def test_good_pack_loads_with_defaults_and_overrides():
    pack = parse_pack(GOOD)
    assert pack.id == "mine" and len(pack.questions) == 2
    first, second = pack.questions
    assert first.answer_seconds == 90  # from [pack]
    assert first.prep_seconds == 15  # the default
    assert second.answer_seconds == 150 and second.prep_seconds == 0
    assert first.ref == "mine/q1"
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.text = "changed"  # type: ignore[misc]  # frozen


def test_builtin_packs_cover_the_guide():
    report = discover_packs()
    assert report.problems == ()
    ids = {p.id for p in report.packs}
    assert len(report.packs) >= 8
    assert sum(len(p.questions) for p in report.packs) >= 80
    for needed in (
        "career-goals",
        "behavioral-star",
        "motivation-fit",
        "skills-development",
        "stage-entry",
        "stage-mid",
        "stage-senior",
        "industry-technology",
        "industry-healthcare",
        "industry-finance",
        "industry-creative",
        "industry-nonprofit-public",
    ):
        assert needed in ids
    for pack in report.packs:
        for question in pack.questions:
            assert question.tips, f"{question.ref} has no tips"
            assert question.follow_ups, f"{question.ref} has no follow-ups"
            assert question.kind in QUESTION_KINDS
    guide_questions = {
        "What are your long-term career goals?",
        "Where do you see yourself in five years?",
        "How does this position align with your career goals?",
        "What skills do you hope to develop in this role?",
        "Can you describe a time when you set a career goal and achieved it?",
        "What motivates you to achieve your career goals?",
    }
    texts = {q.text for p in report.packs for q in p.questions}
    assert guide_questions <= texts


# (description, pack text, key expected in the message, line expected or None)
PACK = '[pack]\nid="x"\ntitle="T"\n'  # a valid [pack] table, three lines
QUESTION = '[[questions]]\nid="a"\ntext="t"\nkind="goals"\n'  # a valid question, four lines
MALFORMED = [
    ("syntax error", '[pack]\nid = "x"\ntitle = "unterminated\n', "", 3),
    ("missing pack table", QUESTION, "pack", None),
    ("missing pack id", '[pack]\ntitle="T"\n' + QUESTION, "pack.id", 1),
    ("empty title", '[pack]\nid="x"\ntitle="  "\n' + QUESTION, "pack.title", 3),
    ("title wrong type", '[pack]\nid="x"\ntitle=5\n' + QUESTION, "pack.title", 3),
    ("unknown pack key", PACK + 'titel="T"\n' + QUESTION, "pack.titel", 4),
    ("no questions", PACK, "questions", None),
    ("empty questions", "questions=[]\n" + PACK, "questions", None),
    ("questions not array", PACK + '[questions]\nid="a"\n', "questions", None),
    ("question missing text", PACK + '[[questions]]\nid="a"\nkind="goals"\n', "questions[1].text", 4),
    ("question missing kind", PACK + '[[questions]]\nid="a"\ntext="t"\n', "questions[1].kind", 4),
    ("unknown kind", PACK + '[[questions]]\nid="a"\ntext="t"\nkind="goal"\n', "questions[1].kind", 7),
    ("negative answer time", PACK + QUESTION + "answer_seconds=-5\n", "questions[1].answer_seconds", 8),
    ("absurd answer time", PACK + QUESTION + "answer_seconds=99999\n", "questions[1].answer_seconds", 8),
    ("float time", PACK + "answer_seconds=1.5\n" + QUESTION, "pack.answer_seconds", 4),
    ("negative prep", PACK + "prep_seconds=-1\n" + QUESTION, "pack.prep_seconds", 4),
    ("boolean as time", PACK + QUESTION + "prep_seconds=true\n", "questions[1].prep_seconds", 8),
    ("unknown question key", PACK + QUESTION + 'tip=["x"]\n', "questions[1].tip", 8),
    ("duplicate ids", PACK + QUESTION + '[[questions]]\nid="a"\ntext="u"\nkind="fit"\n', "questions[2].id", 9),
    ("unsafe pack id", '[pack]\nid="../etc"\ntitle="T"\n' + QUESTION, "pack.id", 2),
    ("id with spaces", PACK + '[[questions]]\nid="a b"\ntext="t"\nkind="goals"\n', "questions[1].id", 5),
    ("tips not a list", PACK + QUESTION + 'tips="be specific"\n', "questions[1].tips", 8),
    ("tips with a number", PACK + QUESTION + 'tips=["ok", 3]\n', "questions[1].tips", 8),
    ("empty follow-up", PACK + QUESTION + 'follow_ups=[""]\n', "questions[1].follow_ups", 8),
    ("unknown top-level key", "version=2\n" + PACK + QUESTION, "version", 1),
    ("min above max words", PACK + QUESTION + "min_words=300\nmax_words=100\n", "questions[1].min_words", 8),
    (
        "min above max words beside another problem",
        PACK + QUESTION + 'follow_ups="Why?"\nmin_words=300\nmax_words=100\n',
        "questions[1].min_words",
        9,
    ),
    ("pack is a string", 'pack="x"\n' + QUESTION, "pack", None),
    ("question is not a table", 'questions=["a"]\n' + PACK, "questions[1]", None),
]


@pytest.mark.parametrize("case, text, key, line", MALFORMED, ids=[c[0] for c in MALFORMED])
def test_malformed_pack_names_file_key_and_line(tmp_path: Path, case: str, text: str, key: str, line: int | None):
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InvalidFileError) as caught:
        load_pack(path)
    problems = caught.value.problems
    assert problems, case
    matching = [p for p in problems if p.key == key]
    assert matching, f"{case}: expected a problem on '{key}', got {[str(p) for p in problems]}"
    problem = matching[0]
    assert str(path) in str(problem)
    if line is not None:
        assert problem.line == line, f"{case}: {problem}"
    assert "Traceback" not in str(problem)
    assert len(str(problem).splitlines()) == 1


def test_not_utf8_and_binary_files_are_reported(tmp_path: Path):
    latin = tmp_path / "latin.toml"
    latin.write_bytes('[pack]\nid = "x"\ntitle = "caf\xe9"\n'.encode("latin-1"))
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"\x00\x01\x02PK")
    for path, words in ((latin, "UTF-8"), (binary, "not a text file")):
        with pytest.raises(InvalidFileError) as caught:
            load_pack(path)
        assert words in str(caught.value)
    with pytest.raises(InvalidFileError) as caught:
        load_pack(latin)
    assert caught.value.problems[0].line == 3


def test_every_problem_in_a_file_is_reported_at_once():
    text = '[pack]\nid="x"\ntitle=""\n[[questions]]\nid="a"\ntext="t"\nkind="nope"\nanswer_seconds=0\n'
    with pytest.raises(InvalidFileError) as caught:
        parse_pack(text)
    keys = {p.key for p in caught.value.problems}
    assert {"pack.title", "questions[1].kind", "questions[1].answer_seconds"} <= keys


def test_typo_suggests_the_right_key():
    text = '[pack]\nid="x"\ntitle="T"\n[[questions]]\nid="a"\ntext="t"\nkind="goals"\nfollowups=["x"]\n'
    with pytest.raises(InvalidFileError) as caught:
        parse_pack(text)
    assert "did you mean 'follow_ups'" in str(caught.value)


def test_bad_pack_is_skipped_and_good_ones_load(tmp_path: Path):
    user = tmp_path / "packs"
    user.mkdir()
    (user / "good.toml").write_text(GOOD, encoding="utf-8")
    (user / "bad.toml").write_text("[pack\n", encoding="utf-8")
    report = discover_packs(user)
    assert report.by_id("mine") is not None
    assert report.by_id("career-goals") is not None
    assert any("bad.toml" in str(p) for p in report.problems)


def test_duplicate_pack_id_is_skipped(tmp_path: Path):
    user = tmp_path / "packs"
    user.mkdir()
    (user / "clash.toml").write_text(GOOD.replace('id = "mine"', 'id = "career-goals"'), encoding="utf-8")
    report = discover_packs(user)
    assert any("already used" in str(p) for p in report.problems)
    assert pack_of(report, "career-goals").builtin


def test_extra_paths_and_question_lookup(tmp_path: Path):
    extra = tmp_path / "extra.toml"
    extra.write_text(GOOD, encoding="utf-8")
    report = discover_packs(None, [extra])
    assert question_of(report, "mine/q2").kind == "behavioral"
    assert question_of(report, "q1").pack_id == "mine"
    assert report.find_question("nope/q1") is None


def test_validate_paths_reports_missing_files(tmp_path: Path):
    problems = validate_paths([tmp_path / "missing.toml"])
    assert problems and "does not exist" in problems[0].message
