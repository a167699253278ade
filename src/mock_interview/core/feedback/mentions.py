"""What the answer says of the company and of people, read by the checks of more than one group.

The company named and spoken of, the profile's mission and values echoed (alignment, structure and
the opening and close read them), harsh words said of a boss, colleagues or a past employer
(pitfalls, structure and the close), and top titles wanted too soon (pitfalls, and SMART goals'
"achievable"). Each check module imports these from here, never from another check module.
"""

from __future__ import annotations

import re
from functools import lru_cache

from mock_interview.core.feedback.answer import content_stems, dedupe
from mock_interview.core.feedback.assessment import Assessment
from mock_interview.core.feedback.lexicon import Lexicon
from mock_interview.core.feedback.text import Span, stem
from mock_interview.core.feedback.vocabulary import valence

_COMPANY_SUFFIXES = frozenset({"inc", "ltd", "llc", "the", "co", "corp", "group", "plc", "gmbh", "company"})


def company_mentions(assessment: Assessment) -> list[Span]:
    """Where the answer names the profile's company."""
    profile = assessment.profile
    if not profile or not profile.company.strip():
        return []

    def compute() -> list[Span]:
        name = profile.company.strip()
        tokens = [t for t in re.findall(r"[\w&]+", name) if t.lower() not in _COMPANY_SUFFIXES]
        variants = {re.escape(name)} | ({re.escape(tokens[0])} if tokens and len(tokens[0]) >= 3 else set())
        pattern = re.compile(
            rf"(?<![\w])(?:{'|'.join(sorted(variants, key=len, reverse=True))})(?:'s|’s)?(?![\w])", re.IGNORECASE
        )
        return [Span(m.start(), m.end(), m.group()) for m in pattern.finditer(assessment.text)]

    return assessment.answer.memo("company", compute)


def generic_company_mentions(assessment: Assessment) -> list[Span]:
    """ "This company", "your team", "the role": speaking of the employer without its name."""
    return [s for s in assessment.answer.find("alignment", "generic_company") if s.text.lower() not in ("here", "you")]


def distinctive_stems(phrase: str, lexicon: Lexicon) -> frozenset[str]:
    """The stems of ``phrase`` that say something (stop words and everyday verbs left out)."""
    common = common_stems(lexicon)
    return frozenset(s for s in content_stems(phrase, lexicon.jd_stopwords) if s not in common)


@lru_cache(maxsize=2)
def common_stems(lexicon: Lexicon) -> frozenset[str]:
    """The stems of everyday verbs, which echo nothing of a company's values."""
    return frozenset(stem(w) for w in lexicon.common_verbs)


def value_mentions(assessment: Assessment) -> list[Span]:
    """Words of the answer that echo the profile's mission or values (everyday verbs left out)."""
    if not assessment.profile:
        return []
    targets: set[str] = set()
    for phrase in (*assessment.profile.values, assessment.profile.mission):
        targets |= distinctive_stems(phrase, assessment.lex)
    return assessment.answer.stem_hits(targets)


_NEGATED = re.compile(r"(?i)\b(not|never|no|wasn't|isn't|weren't|aren't|nothing)\s+(\w+\s+)?$")


def unrealistic_spans(assessment: Assessment) -> list[Span]:
    """Top titles (CEO, partner, "your job") in a short window, or at entry level."""
    titles = assessment.answer.find("pitfalls", "top_titles")
    if not titles:
        return []
    windows = {assessment.answer.sentence_index(w.start) for w in assessment.answer.find("pitfalls", "short_windows")}
    entry = bool(assessment.profile and assessment.profile.career_stage == "entry")
    found = []
    for title in titles:
        if title.text.lower() in ("partner", "your job", "take over") and not entry:
            continue
        if assessment.answer.sentence_index(title.start) in windows or entry:
            found.append(title)
    return found


HARSH_VALENCE = -1.5  # this negative in VADER's lexicon, a word said of someone is a judgment of them
TARGET_REACH = 7  # one of our judgment words counts within this many words after who it is about
_COPULA = re.compile(
    r"^\W*(?:\w+\W+){0,3}?(?:was|were|is|are|'s|'re|seemed|seems|got|became|acted|being|been)\W+"
    r"(?:(?:so|very|really|completely|totally|just|always|pretty|quite|extremely|incredibly|such|a|an|kind of|"
    r"a bit)\W+)*$"
)
_JUDGEMENT_WORD = re.compile(r"[a-z][a-z'-]*")


def negativity_spans(assessment: Assessment) -> list[Span]:
    """Running down a boss, colleagues, customers or a past employer: an explicit blame pattern
    ("didn't get along with my supervisor"); a judgment said of someone ("the sales director
    hammered me", "my manager was useless", "a terrible boss"; VADER's lexicon rates the words); or
    hostility to the job ("I hated that place"). A feeling in a story ("the client was upset"), a
    problem ("a disagreement") and a harsh word about a thing ("terrible weather") are not
    negativity; nor is anything negated ("never a problem")."""
    answer = assessment.answer

    def compute() -> list[Span]:
        found = list(answer.find("pitfalls", "negativity")) + list(answer.find("pitfalls", "hostility"))
        found += _targeted(assessment, answer.find("pitfalls", "judgments"))
        found += _judged(assessment)
        return [s for s in dedupe(found) if not _NEGATED.search(assessment.text[max(0, s.start - 20) : s.start])]

    return answer.memo("negativity", compute)


def _judged(assessment: Assessment) -> list[Span]:
    """Harsh words in "<someone> was <word>" or "<word> <someone>" (VADER valence at most
    :data:`HARSH_VALENCE`, feelings and problems left out)."""
    answer = assessment.answer
    targets = _targets_by_sentence(assessment)
    if not targets:
        return []
    feelings = frozenset(w.lower() for w in assessment.lex.words("pitfalls", "feelings"))
    found = []
    for match in _JUDGEMENT_WORD.finditer(answer.lowered):
        word = match.group()
        if word in feelings or valence(word) > HARSH_VALENCE:
            continue
        for target in targets.get(answer.sentence_index(match.start()), ()):
            after = answer.lowered[target.end : match.start()] if target.end <= match.start() else None
            before = answer.lowered[match.end() : target.start] if match.end() <= target.start else None
            if (after is not None and _COPULA.match(after)) or (before is not None and not before.strip()):
                found.append(Span(match.start(), match.end(), assessment.text[match.start() : match.end()]))
                break
    return found


def _targets_by_sentence(assessment: Assessment) -> dict[int, list[Span]]:
    """The mentions of people and workplaces, by the sentence they are in."""
    grouped: dict[int, list[Span]] = {}
    for target in assessment.answer.find("pitfalls", "targets"):
        grouped.setdefault(assessment.answer.sentence_index(target.start), []).append(target)
    return grouped


def _targeted(assessment: Assessment, spans: list[Span]) -> list[Span]:
    """The spans that fall within a few words after a mention of a person or a workplace, or that
    are followed by one ("a terrible boss"), in the same sentence."""
    answer = assessment.answer
    targets = _targets_by_sentence(assessment)
    kept = []
    for span in spans:
        for target in targets.get(answer.sentence_index(span.start), ()):
            between = (
                assessment.text[target.end : span.start]
                if target.end <= span.start
                else assessment.text[span.end : target.start]
            )
            if len(between.split()) <= (TARGET_REACH if target.end <= span.start else 1):
                kept.append(span)
                break
    return kept
