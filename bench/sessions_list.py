"""Listing 1,000 sessions: reading only each file's [session] head against parsing whole files.

Also what checking every field of the 1,000 parsed sessions costs (as loading a session whole does,
for History's compare and the drill's rebuild), against parsing the same files.

Run: python bench/sessions_list.py
"""

from __future__ import annotations

import tempfile
import time
import tomllib
from datetime import timedelta
from pathlib import Path

import _common

from mock_interview.core.feedback import analyse
from mock_interview.core.sessions import AnswerRecord, AnswerStatus, Session, SessionStatus, SessionStore, now
from tests.corpus import load_corpus


def populate(store: SessionStore, count: int) -> None:
    corpus = load_corpus()
    feedbacks = [(a, analyse(a.text, a.question, kind=a.kind).to_json()) for a in corpus[:5]]
    start = now() - timedelta(days=count)
    for index in range(count):
        session = store.create(
            mode="typed",
            packs=["career-goals"],
            plan=[f"career-goals/q{i}" for i in range(5)],
            started=start + timedelta(hours=index),
            settings={"answer_seconds": 120},
        )
        for number, (answer, feedback) in enumerate(feedbacks):
            began = session.started + timedelta(minutes=2 * number)
            session.answers.append(
                AnswerRecord(
                    question_ref=f"career-goals/q{number}",
                    question_text=answer.question,
                    kind=answer.kind,
                    started=began,
                    ended=began + timedelta(seconds=95),
                    answer_seconds=120,
                    text=answer.text,
                    status=AnswerStatus.ANSWERED,
                    feedback=feedback,
                )
            )
        session.status = SessionStatus.COMPLETED
        store.save(session)


def main() -> None:
    print(_common.cpu_summary())
    with tempfile.TemporaryDirectory() as folder:
        store = SessionStore(Path(folder) / "sessions")
        began = time.perf_counter()
        populate(store, 1000)
        size = sum(p.stat().st_size for p in store.folder.iterdir()) / 1000
        print(
            f"wrote 1,000 sessions (5 scored answers each, {size / 1024:.0f} KiB a file) "
            f"in {time.perf_counter() - began:.1f} s"
        )
        ours = _common.median_seconds(store.list, repeats=7, warmup=1)
        baseline = _common.median_seconds(
            lambda: [tomllib.loads(p.read_text("utf-8")) for p in store.folder.iterdir()], repeats=5, warmup=1
        )
        summaries, problems = store.list()
        assert len(summaries) == 1000 and not problems
        print(f"sessions list (head only): {ours * 1000:.0f} ms median")
        print(f"baseline, parse every whole file: {baseline * 1000:.0f} ms median")
        print(f"ratio ours / baseline: {ours / baseline:.2f}")
        parsed = [(p, tomllib.loads(p.read_text("utf-8"))) for p in sorted(store.folder.iterdir())]
        checking = _common.median_seconds(
            lambda: [Session.from_dict(data, path, session_id=path.stem) for path, data in parsed], repeats=7, warmup=1
        )
        print(
            f"checking every field of the 1,000 parsed sessions: {checking * 1000:.0f} ms median "
            f"({checking / baseline:.3f}x parsing them)"
        )


if __name__ == "__main__":
    main()
