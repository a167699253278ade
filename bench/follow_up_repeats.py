"""Follow-ups that ask again what their question (or an earlier question of the round) asked.

For every question of the built-in packs, every follow-up the round can put after it
(tests/follow_up_pairs.py asks the real chooser), judged by core/repeats.py: the pairs where the
follow-up repeats its own question, then the pairs where it repeats another built-in question asked
earlier in the round (topics about the person only; a story's result or numbers are fair to ask
about every story).

Run: python bench/follow_up_repeats.py [--list]
"""

from __future__ import annotations

import sys

import _common  # noqa: F401  (puts the checkout on sys.path)

from mock_interview.core.repeats import asks_again, follow_up_topic
from tests.follow_up_pairs import builtin_questions, reachable_follow_ups


def main() -> int:
    show = "--list" in sys.argv
    questions = list(builtin_questions())
    pairs = repeats = 0
    print("Repeating their own question:")
    for question in questions:
        for follow_up in reachable_follow_ups(question):
            pairs += 1
            if asks_again(follow_up, question.text):
                repeats += 1
                topic = follow_up_topic(follow_up)
                print(f"  {question.text}  ->  {follow_up}  ({topic.name if topic else 'same words'})")
    print(f"{repeats} of {pairs} (question, follow-up) pairs repeat the question\n")
    earlier_pairs = earlier_repeats = 0
    for question in questions:
        for before in questions:
            if before is question:
                continue
            for follow_up in reachable_follow_ups(question, asked=(before.text,)):
                earlier_pairs += 1
                if not asks_again(follow_up, question.text) and asks_again(follow_up, question.text, (before.text,)):
                    earlier_repeats += 1
                    if show:
                        print(f"  after {before.text!r}: {question.text}  ->  {follow_up}")
    print(
        f"{earlier_repeats} of {earlier_pairs} (earlier question, question, follow-up) triples repeat the earlier one"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
