"""Property-based fuzzing (Hypothesis) of every loader of users' files and of ``score``.

Any bytes in, a value or one-line problems out: never a traceback. Inputs are random bytes,
TOML documents shaped like the real files with random and hostile values (markup, escape
sequences, NaN and infinities, deep nesting, wrong types), and such documents with bytes flipped,
cut or inserted. (Hypothesis raises the recursion limit while it runs, so the deepest nesting
tried is 5,000 levels.) Sizes stay modest: the machine is shared, and the speed of the feedback engine on
huge answers is measured in bench/, not here.
"""

from __future__ import annotations

import io
import sys
import tempfile
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mock_interview.core.packs import parse_pack
from mock_interview.core.profiles import parse_profile
from mock_interview.core.report import session_to_json, session_to_markdown
from mock_interview.core.safetext import json_text
from mock_interview.core.sessions import SessionStatus, SessionStore
from mock_interview.core.settings import load_settings
from mock_interview.core.tomlschema import InvalidFileError
from tests.hostile import CLEAR, CLICK, HYPERLINK, MARKUP, RAW_CONTROLS, RETITLE, session_text

FUZZ = settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
FUZZ_SLOW = settings(max_examples=40, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])

HOSTILE = st.sampled_from(
    [
        MARKUP,
        CLICK,
        CLEAR,
        RETITLE,
        HYPERLINK,
        "[/]",
        "\x9b31m",
        "\r",
        "\x00",
        "",
        " ",
        "career-goals",
        "../../x",
        "a" * 300,
        "é✔",
        "\u202e",
    ]
)
TEXT = st.one_of(HOSTILE, st.text(max_size=40), st.builds(lambda a, b: a + b, HOSTILE, st.text(max_size=10)))
WHEN = st.datetimes(
    min_value=datetime(1, 1, 2),
    max_value=datetime(9999, 12, 30),
    timezones=st.one_of(st.none(), st.just(UTC), st.just(timezone(timedelta(hours=-11)))),
)
SCALAR = st.one_of(
    TEXT, st.booleans(), st.integers(min_value=-(2**63), max_value=2**63 - 1), st.floats(), WHEN, st.dates(), st.times()
)
VALUE = st.recursive(
    SCALAR,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(TEXT, inner, max_size=4)),
    max_leaves=12,
)


def maybe(valid: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Mostly a plausible value, sometimes anything."""
    return st.one_of(valid, valid, VALUE)


def table(fields: dict[str, st.SearchStrategy[Any]]) -> st.SearchStrategy[dict[str, Any]]:
    """A table with any subset of ``fields`` (plausible or random values) and a few unknown keys."""
    return st.builds(
        lambda chosen, extra: {**chosen, **extra},
        st.fixed_dictionaries({}, optional={k: maybe(v) for k, v in fields.items()}),
        st.dictionaries(TEXT, VALUE, max_size=2),
    )


SLUG = st.from_regex(r"[a-z0-9][a-z0-9_-]{0,10}", fullmatch=True)
PACK = st.fixed_dictionaries(
    {
        "pack": table(
            {
                "id": SLUG,
                "title": TEXT,
                "description": TEXT,
                "tags": st.lists(TEXT, max_size=3),
                "answer_seconds": st.integers(-5, 4000),
                "prep_seconds": st.integers(-5, 4000),
            }
        ),
        "questions": st.lists(
            table(
                {
                    "id": SLUG,
                    "text": TEXT,
                    "kind": st.sampled_from(["goals", "fit", "nope"]),
                    "tips": st.lists(TEXT, max_size=2),
                    "follow_ups": st.lists(TEXT, max_size=2),
                    "example": TEXT,
                    "min_words": st.integers(-1, 6000),
                    "max_words": st.integers(-1, 6000),
                }
            ),
            max_size=4,
        ),
    }
)
PROFILE = table(
    {
        "company": TEXT,
        "role": TEXT,
        "industry": st.sampled_from(["technology", "other", "x"]),
        "career_stage": st.sampled_from(["entry", "mid", "boss"]),
        "mission": TEXT,
        "values": st.lists(TEXT, max_size=3),
        "job_description": TEXT,
    }
)
SETTINGS = table(
    {
        "active_profile": st.one_of(SLUG, TEXT),
        "answer_seconds": st.integers(-10, 5000),
        "prep_seconds": st.integers(-10, 5000),
        "feedback": st.sampled_from(["live", "calm", "x"]),
        "follow_ups": st.booleans(),
        "question_count": st.integers(-1, 500),
        "order": st.sampled_from(["pack", "weakest", "x"]),
        "model": TEXT,
        "input_device": TEXT,
    }
)
SCORE = st.one_of(st.integers(-10, 200), st.floats())
CHECK = table(
    {
        "id": TEXT,
        "group": TEXT,
        "label": TEXT,
        "status": st.sampled_from(["pass", "partial", "missing", "na", "?"]),
        "tip": TEXT,
        "detail": TEXT,
        "evidence_kind": TEXT,
        "evidence": st.lists(
            table({"start": st.integers(-5, 50), "end": st.integers(-5, 50), "text": TEXT}), max_size=2
        ),
    }
)
ANSWER = table(
    {
        "question_ref": TEXT,
        "question_text": TEXT,
        "kind": TEXT,
        "started": WHEN,
        "ended": WHEN,
        "answer_seconds": st.integers(-5, 10**6),
        "text": TEXT,
        "source": st.sampled_from(["typed", "spoken", "?"]),
        "status": st.sampled_from(["answered", "skipped", "?"]),
        "audio": TEXT,
        "reflection": TEXT,
        "words": st.lists(st.tuples(TEXT, st.floats(), st.floats()).map(list), max_size=3),
        "feedback": table(
            {"score": SCORE, "groups": st.dictionaries(TEXT, SCORE, max_size=2), "checks": st.lists(CHECK, max_size=2)}
        ),
    }
)
SESSION = st.fixed_dictionaries(
    {
        "session": table(
            {
                "version": st.integers(0, 3),
                "id": TEXT,
                "started": WHEN,
                "ended": WHEN,
                "mode": st.sampled_from(["typed", "spoken", "?"]),
                "status": st.sampled_from(["completed", "?"]),
                "packs": st.lists(TEXT, max_size=2),
                "profile": TEXT,
                "plan": st.lists(TEXT, max_size=2),
                "answer_count": st.integers(-1, 10),
                "score": SCORE,
                "settings": st.dictionaries(TEXT, SCALAR, max_size=2),
                "group_scores": st.dictionaries(TEXT, SCORE, max_size=2),
                "question_scores": st.dictionaries(TEXT, SCORE, max_size=2),
            }
        ),
        "answers": st.lists(ANSWER, max_size=3),
    }
)


def dumped(document: st.SearchStrategy[dict[str, Any]]) -> st.SearchStrategy[bytes]:
    """TOML bytes of ``document``, sometimes damaged: bytes flipped, cut short or inserted."""

    def encode(value: dict[str, Any]) -> bytes:
        try:
            return tomli_w.dumps(value).encode("utf-8", "surrogatepass")
        except (TypeError, ValueError):  # a value TOML cannot hold: fall back to its repr
            return repr(value).encode("utf-8", "surrogatepass")

    def damage(data: bytes, cut: int, position: int, noise: bytes) -> bytes:
        if not data:
            return noise
        position %= len(data)
        return (data[:position] + noise + data[position + len(noise) :])[: max(1, len(data) - cut)]

    clean = document.map(encode)
    return st.one_of(
        clean,
        st.builds(damage, clean, st.integers(0, 40), st.integers(0, 10**6), st.binary(max_size=8)),
        st.binary(max_size=400),
        st.sampled_from([b"x = " + b"[" * depth + b"]" * depth for depth in (40, 600, 5000)]),
    )


def assert_one_line_problems(error: InvalidFileError) -> None:
    assert error.problems
    for problem in error.problems:
        assert "\n" not in str(problem) and "\r" not in str(problem)


@FUZZ
@given(dumped(PACK))
def test_any_pack_file_gives_a_pack_or_one_line_problems(raw: bytes):
    try:
        pack = parse_pack(raw, Path("fuzz.toml"))
    except InvalidFileError as error:
        assert_one_line_problems(error)
    else:
        assert pack.id and pack.questions


@FUZZ
@given(dumped(PROFILE))
def test_any_profile_file_gives_a_profile_or_one_line_problems(raw: bytes):
    try:
        parse_profile(raw, "fuzz", Path("fuzz.toml"))
    except InvalidFileError as error:
        assert_one_line_problems(error)


@FUZZ
@given(dumped(SETTINGS))
def test_any_settings_file_gives_settings_and_one_line_problems(raw: bytes):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "settings.toml"
        path.write_bytes(raw)
        loaded, problems = load_settings(path)
    assert loaded is not None
    assert all("\n" not in str(p) for p in problems)


@FUZZ
@given(dumped(SESSION))
def test_any_session_file_lists_opens_and_reports_or_is_skipped_with_one_line(raw: bytes):
    with tempfile.TemporaryDirectory() as folder:
        store = SessionStore(Path(folder))
        (Path(folder) / "20250101-100000-good.toml").write_text(session_text("20250101-100000-good"), encoding="utf-8")
        (Path(folder) / "20250101-100000-fuzz.toml").write_bytes(raw)
        summaries, problems = store.list()
        assert "20250101-100000-good" in [s.id for s in summaries]  # a bad file never hides a good one
        assert all("\n" not in str(p) for p in problems)
        try:
            session = store.load("20250101-100000-fuzz")
        except LookupError as error:
            assert "\n" not in str(error) and "fuzz" in str(error)
            return
        markdown = session_to_markdown(session)
        assert not any(char in markdown for char in RAW_CONTROLS)
        json_text(session_to_json(session))
        session.status = SessionStatus.COMPLETED
        store.save(session)  # what was read can be written back and read again
        assert store.load(session.id) == session


@FUZZ_SLOW
@given(
    st.lists(
        st.one_of(
            HOSTILE,
            st.text(max_size=60),
            st.sampled_from(["I led a team of 5.", "As a result, sales grew 20%.", "um, basically", "In two years"]),
        ),
        max_size=25,
    ).map(" ".join),
    st.one_of(HOSTILE, st.text(max_size=80)),
    st.booleans(),
)
def test_score_never_gives_a_traceback_and_prints_no_raw_controls(answer: str, question: str, as_json: bool):
    from mock_interview.cli.main import main

    with tempfile.TemporaryDirectory() as folder:
        stdout, stderr, stdin = io.StringIO(), io.StringIO(), io.StringIO(answer)
        saved = sys.stdin, sys.stdout, sys.stderr
        sys.stdin, sys.stdout, sys.stderr = stdin, stdout, stderr
        try:
            code = main(
                ["--data-dir", folder, "score", f"--question={question or '?'}"] + (["--json"] if as_json else [])
            )
        finally:
            sys.stdin, sys.stdout, sys.stderr = saved
    out = stdout.getvalue()
    assert code == 0 and "Traceback" not in stderr.getvalue()
    assert not any(char in out for char in RAW_CONTROLS)
    if as_json:
        import json

        data = json.loads(out)
        # judged: a score from 0 to 100; not judged (not English): no score and a notice saying why
        assert (data["score"] is None) == bool(data.get("notice"))
        assert data["score"] is None or 0 <= data["score"] <= 100
