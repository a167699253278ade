"""Whether a question asks again what another already asked.

Two questions can ask the same thing in the same words ("What are your long-term career goals?" and
"What are your long-term goals in healthcare?": :func:`asks_the_same`) or in other words ("What are
your long-term career goals?" and "And where do you want to be in five to ten years?":
:func:`asks_again`). The second is found by the topic groups below: each names one thing an
interviewer asks for and the phrasings that ask it ("long-term" ~ "five to ten years" ~ "in the
future" ~ "where do you see yourself" for the far goal horizon). A follow-up asks for the first
topic its words match; a question asks for every topic its words match. The groups are written for
the questions and follow-ups an interviewer puts, not for answers, and are short on purpose: a
topic that a question only mentions ("What would make you stay somewhere for the long term?" is
about staying, not about long-term goals) is caught by a group listed before it.

Topics about the story just told (its result, its numbers, your own part, an example) repeat only
the question of that story: "What was the measurable outcome?" is a fair follow-up to every story
of a round. Topics about the person (goals, plans, why this company, what you bring, why you are
leaving) repeat any question already asked in the round.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from mock_interview.core.kinds import QuestionKind, classify_question

_STOPWORDS = frozenset(
    "a an and are as at be can could did do does for from have how i in into is it me of on or our tell the "
    "this to us was were what when where which who why will with would you your".split()
)

REPEAT_OVERLAP = 0.5


def _content(text: str) -> frozenset[str]:
    words = re.findall(r"[a-z]+", text.lower())
    return frozenset(w[:-1] if w.endswith("s") and len(w) > 3 else w for w in words if w not in _STOPWORDS)


def asks_the_same(first: str, second: str) -> bool:
    """Whether two questions ask the same thing in other words: most of their content words are shared.

    "What are your long-term career goals?" and "What are your long-term goals in healthcare?"
    share long, term and goal (3 of 4 and 5): the second repeats the first in a round.
    """
    a, b = _content(first), _content(second)
    if not a or not b:
        return False
    return len(a & b) / len(a | b) >= REPEAT_OVERLAP


@dataclass(frozen=True)
class Topic:
    """One thing an interviewer asks for, and the phrasings that ask it."""

    name: str
    pattern: str
    about_the_story: bool = False  # asks about the story just told, not about the person
    story_question: bool = False  # also asked by any question whose words ask for a story (kinds.py)


_NEAR = r"(one|two|three|few|couple of|1|2|3)"
_FAR = r"(five|ten|fifteen|twenty|5|10|15|20)"
_AIM = r"(goals?|achieve|accomplish|vision|look like|want to be|plans?|aims?)"
_SOON = rf"(next|coming|first|this)( {_NEAR}( to {_NEAR})?)? years?"

# In order: a follow-up asks for the first that matches, so a topic a question only mentions comes
# after the one it asks for (the result before what you bring: "What result did the change bring?";
# staying before long-term, the plan before this year, fit before steps). A short-term horizon counts
# only beside what it is for ("goals", "achieve", "look like"): "skills … over the next two years"
# asks for skills.
TOPICS: tuple[Topic, ...] = (
    Topic(
        "a measurable result",
        r"\bmeasurable\b|\bmeasured?\b[^?]*\b(results?|outcomes?|impact|difference|savings|improvement|success)\b|"
        r"\bquantif|\bmetrics?\b|\bhow (much|many)\b|\bin numbers\b",
        about_the_story=True,
    ),
    Topic(
        "the result",
        r"what (was|were) the (results?|outcomes?)|\b(results?|outcomes?) of what you did\b|\bwhat result\b|"
        r"\bwhat happened\b|how did it (end|turn out|go)\b|\bwhat did ([a-z]+ )+achieve\b",
        about_the_story=True,
    ),
    Topic(
        "your own part",
        r"\byou personally\b|\byour (own )?(part|contribution)\b|\byou yourself\b|\bas opposed to the team\b",
        about_the_story=True,
    ),
    Topic(
        "role fits your plan",
        r"\b(role|position|job|company)\b[^?.]*\b(fit|fits|align|aligns)\b[^?.]*\b(plans?|goals?)\b|"
        r"\b(plans?|goals?)\b[^?.]*\b(fit|fits|align|aligns)\b[^?.]*\b(role|position|job|company|us|here)\b|"
        r"\bright (next )?(step|role|move) for you",
    ),
    Topic(
        "steps to get there",
        r"\bsteps? (will|would|are|do) you\b|\bsteps? to\b|stepping stones|\bfirst step\b|what is your plan|"
        r"\byour plan to\b|how (will|would|do) you (get|reach|achieve) (there|it|that)|"
        r"what (would|will) you need to (learn|do|get|show)",
    ),
    Topic("staying", r"\bstay(ing|ed)?\b"),
    Topic(
        "long-term goals",
        rf"\blong[- ]term\b|\b(in|within|over) (the next )?{_FAR}( to {_FAR})? years\b|"
        r"\b(in|for) the (long|distant|far) (run|future|term)\b|\bin (the )?future\b|\beventually\b|\bultimately\b|"
        r"where do you (see yourself|see your career|want to be)\b|where do you want your ([a-z]+ )*career to (go|be)|"
        r"how far do you want to go",
    ),
    Topic(
        "short-term goals",
        rf"\bshort[- ]term\b|\bnear future\b|\b{_AIM}\b[^?]*\b{_SOON}\b|\b{_SOON}\b[^?]*\b{_AIM}\b",
    ),
    Topic("first days", r"\bfirst (30|60|90|100|thirty|sixty|ninety|hundred) days\b|\bfirst (few )?(weeks?|months?)\b"),
    Topic(
        "why this company",
        r"why (do you want to |would you like to |did you apply to )?(work|join|build|start)\b[^?]*\b(our|us|here)\b|"
        r"\bwhy (our|us|here)\b|\b(draws?|attracts?|drew|attracted) you to (our|us|this)\b|"
        r"\bwhy (this|our) (company|organi[sz]ation|firm|studio|agency|hospital|practice)\b",
    ),
    Topic(
        "what you bring",
        r"\bbring\b|\bcontribute\b|\bset you apart\b|\bother candidates\b|why should (we|i) hire you|"
        r"what (can|could|would) you offer|\badd to (the|our|this) team\b",
    ),
    Topic("a weakness", r"\bweakness(es)?\b|\bareas? (for|of) (improvement|development)\b|\bdevelopment areas?\b"),
    Topic(
        "why you are leaving",
        r"why (are|did|do|would) you (want to )?(leave|leaving|left|quit|quitting|move on|moving on)\b|"
        r"what made you (start looking|leave|want to leave|look)\b|why (make|making) (this|the|a) move\b|"
        r"\breasons? for leaving\b",
    ),
    Topic("your next role", r"\bnext ([a-z]+ )?(role|job|position)\b|what are you looking for\b"),
    Topic(
        "an example",
        r"\bexamples?\b|\binstance\b|\bspecific (time|case|situation|occasion)\b|\b(a|one) time (when|that|you)\b",
        about_the_story=True,
        story_question=True,
    ),
)


@lru_cache(maxsize=1)
def _compiled() -> tuple[tuple[Topic, re.Pattern[str]], ...]:
    return tuple((topic, re.compile(topic.pattern, re.IGNORECASE)) for topic in TOPICS)


def _normal(text: str) -> str:
    return " ".join(text.lower().replace("’", "'").split())


@lru_cache(maxsize=2048)
def follow_up_topic(follow_up: str) -> Topic | None:
    """What a follow-up asks for: the first topic its words match (``None`` when none does)."""
    text = _normal(follow_up)
    return next((topic for topic, pattern in _compiled() if pattern.search(text)), None)


@lru_cache(maxsize=2048)
def topics_asked(question: str) -> frozenset[Topic]:
    """Every topic a question's words ask for; a question asking for a story ("Tell me about a
    time…", by :func:`~mock_interview.core.kinds.classify_question`) asks for an example too."""
    text = _normal(question)
    story = classify_question(question) == QuestionKind.BEHAVIORAL
    return frozenset(
        topic for topic, pattern in _compiled() if pattern.search(text) or (topic.story_question and story)
    )


def asks_again(follow_up: str, question: str, earlier: Iterable[str] = ()) -> bool:
    """Whether ``follow_up`` asks again what ``question`` (the one it follows) or an ``earlier``
    question of the round already asked: the same words, or the same topic in other words.

    "And where do you want to be in five to ten years?" asks again after "What are your long-term
    career goals?" (both ask for long-term goals); "What was the measurable outcome?" asks again
    after "Tell me about a time you made a measurable difference", but not after an earlier story's
    question (a topic about the story repeats only its own question).
    """
    if asks_the_same(question, follow_up):
        return True
    topic = follow_up_topic(follow_up)
    if topic is None:
        return False
    if topic in topics_asked(question):
        return True
    return not topic.about_the_story and any(topic in topics_asked(text) for text in earlier)
