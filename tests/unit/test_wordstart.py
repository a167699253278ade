"""Word lists tried only at their first words give exactly what a full scan gives."""

from __future__ import annotations

import tomllib
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from mock_interview.core.feedback.answer import AnswerText
from mock_interview.core.feedback.lexicon import load_lexicon
from mock_interview.core.feedback.wordstart import DIGIT, FirstWord, first_words

CORPUS = Path(__file__).parents[1] / "data" / "feedback_corpus.toml"
LISTS = [
    (section, name)
    for section, lists in load_lexicon().data.items()
    for name, fragments in lists.items()
    if isinstance(fragments, list) and fragments and isinstance(fragments[0], str)
]
EXTRA = [
    "Revenue rose 40% in 2023 at [Company Name], 12 percent above plan; I'm 21 years old.",
    "AI and ML: I used A/B tests, C++ and CI/CD. Um, uh, you know, like, it was fine!",
    "My last boss was an idiot who never listened. I always give 110 percent.",
]


def _assert_same(text: str) -> None:
    lexicon = load_lexicon()
    answer = AnswerText(text, lexicon)
    for section, name in LISTS:
        got = [(s.start, s.end) for s in answer.find(section, name)]
        want = [m.span() for m in lexicon.pattern(section, name).finditer(answer.lowered)]
        assert got == want, (section, name, text[:60])


def test_every_list_matches_as_a_full_scan_on_the_corpus() -> None:
    texts = [a["text"] for a in tomllib.loads(CORPUS.read_text("utf-8"))["answers"]] + EXTRA
    for text in texts:
        _assert_same(text)


WORDS = st.sampled_from(
    [
        "I",
        "my",
        "the",
        "was",
        "asked",
        "to",
        "led",
        "a",
        "team",
        "of",
        "six",
        "in",
        "2023",
        "40%",
        "[Company",
        "Name]",
        "as",
        "result",
        "we",
        "grew",
        "by",
        "percent",
        "then",
        "so",
        "I'm",
        "boss",
        "idiot",
        "never",
        "listened",
        "next",
        "year",
        "five",
        "years",
        "AI",
        "$3m",
        ",",
        ".",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(WORDS, max_size=40))
def test_every_list_matches_as_a_full_scan_on_any_words(tokens: list[str]) -> None:
    _assert_same(" ".join(tokens))


def test_first_words_of_fragments() -> None:
    assert first_words("as a result") == frozenset({FirstWord("as", True)})
    assert first_words("(my|the) (old )?boss") == frozenset({FirstWord("my", True), FirstWord("the", True)})
    assert first_words("(the )?team was") == frozenset({FirstWord("the", True), FirstWord("team", True)})
    assert first_words("analy[sz]ed") == frozenset({FirstWord("analy", False)})
    assert first_words("\\d+ years old") == frozenset({FirstWord(DIGIT, False)})
    assert first_words("\\[company name\\]") == frozenset({FirstWord("[", False, symbol=True)})
    assert first_words("[a-z]+ed") is None
