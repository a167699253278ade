"""A transcript's words joined as text: a piece of the word before ("-service", "'s", "%") is not spaced off."""

from __future__ import annotations

from mock_interview.transcription.transcript import join_words


def test_pieces_of_a_word_join_it_and_words_are_spaced():
    words = ["I", "wrote", "a", "self", "-service", "guide.", "It", "'s", "wind", "-to", "-wind", "at", "40", "%"]
    assert join_words(words) == "I wrote a self-service guide. It's wind-to-wind at 40%"


def test_a_dash_between_words_stays_spaced():
    assert join_words(["We", "shipped", "-", "late", "but", "whole."]) == "We shipped - late but whole."
