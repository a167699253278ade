"""Question kinds: the one list of them, and how a question's words tell its kind.

A kind decides which structure the checks expect: STAR for a story, current role → short-term
goal → long-term vision → company link for career goals, and so on. Packs name the kind of each
question; for a question typed by the user (``score --question``) :func:`classify_question`
infers it from the wording.
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import lru_cache


class QuestionKind(StrEnum):
    """What a question asks for."""

    GOALS = "goals"
    BEHAVIORAL = "behavioral"
    FIT = "fit"
    MOTIVATION = "motivation"
    SKILLS = "skills"
    WEAKNESS = "weakness"
    ABOUT = "about"
    GENERAL = "general"


KIND_DESCRIPTIONS: dict[QuestionKind, str] = {
    QuestionKind.GOALS: "career goals: where you are going and how",
    QuestionKind.BEHAVIORAL: "a story from your experience (STAR)",
    QuestionKind.FIT: "why this company, this role, what you bring",
    QuestionKind.MOTIVATION: "what drives you, why this move",
    QuestionKind.SKILLS: "skills you have or will build",
    QuestionKind.WEAKNESS: "a weakness and what you do about it",
    QuestionKind.ABOUT: "tell me about yourself",
    QuestionKind.GENERAL: "any other question",
}

# Cues in a question's words, with a weight: the kind with the most weight wins. Strong cues are
# whole request forms ("tell me about a time"); weak ones are topic words ("skills").
_CUES: tuple[tuple[QuestionKind, float, str], ...] = (
    # a story: the question asks for one occasion from the past
    (
        QuestionKind.BEHAVIORAL,
        3.0,
        r"(tell|talk|walk) (me|us) (about|through) (a|an|one|the) "
        r"(time|situation|occasion|moment|instance|example|project|decision|mistake|failure|conflict|challenge|problem|"
        r"disagreement|setback|case|day|period)",
    ),
    (
        QuestionKind.BEHAVIORAL,
        3.0,
        r"(describe|share|recall|give( me| us)?|provide|think of|remember|name|cite|relate|recount) "
        r"(with (me|us) )?(a|an|one|some|the|your) ([a-z]+(ly)? )?([a-z-]+ )?"
        r"(time|times|situation|occasion|moment|instance|example|incident|occurrence|experience|story|case|project|"
        r"decision|mistake|failure|conflict|challenge|problem|disagreement|setback|accomplishment|achievement)",
    ),
    (
        QuestionKind.BEHAVIORAL,
        3.0,
        r"(a|the|one) (time|occasion|situation|moment) (when|where|that|in which) (you|your)",
    ),
    (QuestionKind.BEHAVIORAL, 3.0, r"(have|did) you ever( had| been| made| faced| worked| disagreed| failed| missed)?"),
    (
        QuestionKind.BEHAVIORAL,
        2.5,
        r"how (did|have) you (handle|handled|deal|dealt|manage|managed|approach|approached|resolve|resolved|respond|"
        r"responded|overcome|react|reacted|cope|coped|solve|solved|tackle|tackled|recover|recovered|fix|fixed|convince|"
        r"convinced|persuade|persuaded|get|got|turn|turned|go about)|"
        r"how you (handled|dealt|managed|approached|resolved|responded|overcame|reacted|coped|solved|tackled|recovered|"
        r"fixed|convinced|persuaded|got through|turned)",
    ),
    (
        QuestionKind.BEHAVIORAL,
        2.5,
        r"what (did|have) you (do|done|learn|learned|change|changed) (when|after|about|from|to)",
    ),
    (
        QuestionKind.BEHAVIORAL,
        2.0,
        r"(what|which) (was|is|has been|were) (the|your) "
        r"(most|biggest|greatest|hardest|toughest|best|worst|proudest)? ?"
        r"(difficult|challenging|hardest|toughest|biggest|greatest|proudest|worst|best|most)\b[^?]{0,40}"
        r"(you('ve| have)? (ever )?"
        r"(faced|had|made|handled|solved|done|worked|led|managed|delivered|experienced|overcome)|"
        r"(decision|mistake|failure|challenge|problem|conflict|achievement|accomplishment|project)s?\b)",
    ),
    (
        QuestionKind.BEHAVIORAL,
        1.5,
        r"\b(a|an) (challenge|conflict|mistake|failure|setback|disagreement) (you|you've|you have)",
    ),
    (QuestionKind.BEHAVIORAL, 1.0, r"\bstar\b|\bexample (of|when|where)\b"),
    # tell me about yourself
    (
        QuestionKind.ABOUT,
        4.0,
        r"(tell|talk|walk) (me|us) (a (little|bit) )?(more )?(about|through) "
        r"(yourself|you\b|your (background|resume|résumé|cv|career( so far)?|experience|story|journey|path))",
    ),
    (
        QuestionKind.ABOUT,
        4.0,
        r"(introduce|describe) yourself|who are you|(give|tell) (me|us) (a|an|your) "
        r"(quick |short |brief )?(overview|summary|introduction|rundown) of "
        r"(yourself|your (background|career|experience))",
    ),
    (
        QuestionKind.ABOUT,
        3.0,
        r"(what|how) (should|would|can) (i|we) know about you|something about yourself|"
        r"describe your (background|career|experience)",
    ),
    # a weakness
    (
        QuestionKind.WEAKNESS,
        4.0,
        r"weakness|weak (point|spot|area)|areas? (for|of|to) (improvement|develop)|"
        r"(need|needs) (to )?improv|(improve|work) on|shortcoming|blind spot|flaw|"
        r"(not|least) (good|strong|confident) at|"
        r"struggle with|development (area|need)|(like|want|need) to (do|get) better|could (do|be) better|"
        r"what would your (manager|boss|colleagues?|coworkers?) (say|want) you",
    ),
    # career goals
    (
        QuestionKind.GOALS,
        4.0,
        r"(career|professional|long[- ]term|short[- ]term|future|personal) (goals?|aims?|plans?|"
        r"aspirations?|ambitions?|objectives?|path|vision)|\bgoals?\b",
    ),
    (
        QuestionKind.GOALS,
        4.0,
        r"see yourself|"
        r"(where|what) (do|would) you (want|like|hope|plan) to (be|go|do|achieve|have)[^?]{0,30}"
        r"(years?|future|next|career|long)|(in|within) (the next )?(\d+|two|three|five|ten|a few) years|"
        r"where (are you|is your career) (going|heading)|ambitions?|aspirations?|next (step|role|move) in your career|"
        r"(what|where) (is|are) (your )?next|where do you want to (be|go)",
    ),
    (
        QuestionKind.GOALS,
        2.0,
        r"(plan|hope|want|aim) to (achieve|accomplish|become|reach|grow)|how far|"
        r"how long (do|would|will) you (see yourself|stay|plan to stay)|want to achieve|vision for",
    ),
    # why this company / role / what you bring
    (
        QuestionKind.FIT,
        4.0,
        r"why (do|would) you (want|like|wish|choose) to (work|join|be) (for|at|with|in|here|part)|"
        r"why (do|would) you want (this|the|our)? ?(job|role|position|company|industry|field|work)|"
        r"why (us|our (company|firm|organi[sz]ation|team|hospital|school|agency|bank))|"
        r"why (this|our) (company|firm|role|job|position|organi[sz]ation|team|industry|field|sector)|"
        r"why (should|would) (we|i) (hire|choose|pick|select) you|"
        r"why (are|were) you (interested|applying|drawn)|why (did|have) you appl(y|ied)|why here",
    ),
    (
        QuestionKind.FIT,
        3.0,
        r"what (do|did) you know about (us|our|the company|this company|this role|the role)|"
        r"what (can|could|would|will) you (bring|offer|contribute)|"
        r"(bring|add) to (the|this|our) (team|role|company|table)|"
        r"(why|what makes) you (the )?(right|best|ideal|good|great|strong) (fit|person|candidate|match)|"
        r"what sets you apart|(fit|fits) (in|into|with)? ?(our|the|this)? ?(culture|team|company)|"
        r"(looking for|value|want) in (a|an|the|your next) "
        r"(company|employer|workplace|culture|firm|manager|team|job)|"
        r"first (30|60|90|100|thirty|sixty|ninety|hundred) days|what attracts you|"
        r"what excites you about (the|this|our)|"
        r"what (would|will) you do in your first",
    ),
    (QuestionKind.FIT, 1.0, r"\b(culture|values|mission|work environment|company|role|position|industry)\b"),
    # what drives you
    (
        QuestionKind.MOTIVATION,
        4.0,
        r"motivat|what drives you|why (are|did) you (leav|quit|want to leave|looking)|"
        r"reason(s)? for (leaving|changing|the move|moving)|why (now|make (this|the) (move|switch|change))|"
        r"why (the|a) (career )?(change|switch|move)|what gets you (up|out of bed)|passionate about|what inspires you|"
        r"what (do|did) you (enjoy|love|like) (most )?about|(most|least) (rewarding|satisfying|fulfilling)|"
        r"what makes you (happy|tick)",
    ),
    # skills
    (
        QuestionKind.SKILLS,
        3.0,
        r"\bskills?\b|strengths?|what are you (good|great|best) at|(keep|stay) (up|current|"
        r"up[- ]to[- ]date)|certification|training|"
        r"(learn|learning|develop|developing|build|building|improve|improving|grow|growing) (in|on|your|new|as)|"
        r"what would you (like to )?learn|(technical|soft) (skills|abilities)|expertise|"
        r"qualif(y|ies|ications)|competenc",
    ),
    (QuestionKind.SKILLS, 1.0, r"\b(learn|develop|improve|grow|tools?|software|technolog)"),
)
_PRIORITY = (
    QuestionKind.BEHAVIORAL,
    QuestionKind.ABOUT,
    QuestionKind.WEAKNESS,
    QuestionKind.GOALS,
    QuestionKind.FIT,
    QuestionKind.MOTIVATION,
    QuestionKind.SKILLS,
)


@lru_cache(maxsize=1)
def _compiled() -> tuple[tuple[QuestionKind, float, re.Pattern[str]], ...]:
    return tuple((kind, weight, re.compile(pattern, re.IGNORECASE)) for kind, weight, pattern in _CUES)


def kind_scores(question: str) -> dict[QuestionKind, float]:
    """The weight of the cues for each kind found in ``question`` (kinds without cues left out)."""
    text = " ".join(question.replace("’", "'").split())
    scores: dict[QuestionKind, float] = {}
    for kind, weight, pattern in _compiled():
        if pattern.search(text):
            scores[kind] = scores.get(kind, 0.0) + weight
    return scores


def classify_question(question: str) -> QuestionKind:
    """The kind of ``question`` from its words; ``GENERAL`` when no cue fits.

    The kind with the most cue weight wins; on a tie, the more specific kind does (a story
    before a goal, a goal before a topic word such as "skills").
    """
    scores = kind_scores(question)
    if not scores:
        return QuestionKind.GENERAL
    best = max(scores.values())
    return next(kind for kind in _PRIORITY if scores.get(kind) == best)


def parse_kind(value: str) -> QuestionKind | None:
    """The kind named ``value`` (as written in packs and on the command line), or ``None``."""
    try:
        return QuestionKind(value)
    except ValueError:
        return None
