"""Alignment with the target profile: the company named, its mission and values, the job
description's own terms, the industry's language and the career stage."""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache

from mock_interview.core.feedback.answer import AnswerText, dedupe, lower_same_length
from mock_interview.core.feedback.assessment import Assessment, TargetProfile, by_count
from mock_interview.core.feedback.lexicon import load_lexicon
from mock_interview.core.feedback.mentions import (
    common_stems,
    company_mentions,
    distinctive_stems,
    generic_company_mentions,
)
from mock_interview.core.feedback.phrases import noun_ended, participle, post_modifier
from mock_interview.core.feedback.registry import CheckId
from mock_interview.core.feedback.results import Status
from mock_interview.core.feedback.text import Span, stem

# Where a job description's phrases end: punctuation, bullets, line breaks, and joining words.
_PHRASE_BREAK = re.compile(
    r"[.,;:!?()\[\]{}/\\|•·*\n\r\t\"“”]+|\s[-–—]\s|"
    r"(?<![\w])(?:and|or|but|with|for|to|of|in|on|at|by|from|as|into|across|within|via|per|our|your|the|a|an|we|you|will|who|that|this|is|are|be|"
    r"have|has|including|such|plus|etc|against|about|through|over|under|between|among|like|"
    r"using|than|when|where|while|if|so|all|any|each|every|other|both|also|can|should|"
    r"must|may|help|helps)(?![\w])",
    re.IGNORECASE,
)
_SPEAKER_SUBJECT = re.compile(r"(?<![\w])(?:I|I'm|I've|I'd|I'll|me|my own|myself)(?![\w])")
_OTHERS_NOUN = re.compile(r"(?:my|our|the|a|an|his|her|their|your|new|former|previous)\s+$", re.IGNORECASE)
JOB_TERMS = 12


@dataclass(frozen=True)
class JobTerm:
    """A term of a job description as it is written there, with the stems of its words.

    ``anchors`` are the stems of its tool words (an acronym, a product name, "A/B"): one of them
    is enough to echo the term ("SQL" echoes "SQL queries", "A/B experiments" echoes "A/B tests").
    """

    text: str
    stems: tuple[str, ...]
    anchors: tuple[str, ...] = ()


# A word of a job description or an answer, kept whole where tools are spelled with symbols inside
# ("A/B", "CI/CD", "P&L", "C++", "C#", "Node.js", "S3").
_TERM_TOKEN = re.compile(
    r"(?<![\w/&])[A-Za-z]{1,3}[/&][A-Za-z]{1,3}(?![\w/&])|[A-Za-z0-9][A-Za-z0-9'’]*(?:[+.#-][A-Za-z0-9]+)*[+#]*"
)
_TOOL_SHAPE = re.compile(
    r"^(?:[A-Z][A-Z0-9]{1,7}s?|[A-Za-z]+[/&][A-Za-z]+|[A-Za-z]*[+#]+|[a-z]*[A-Z][a-z]+[A-Z]\w*|"
    r"[A-Za-z]+\.[a-z]{2,4}|[A-Za-z]+[0-9]+)$"
)
_TOOL_IGNORE = frozenset(
    {"I", "A", "OK", "US", "UK", "EU", "AM", "PM", "HR", "IT", "TV", "CEO", "CTO", "CFO", "COO", "VP", "EEO"}
)
_SYMBOL_INSIDE = re.compile(r"\w[/&+#.]\w|\w[+#]")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;•·*\n\r\t]\s*)$")
# Words after which a duty's verb comes ("to size opportunities", "will draft briefings").
_BEFORE_VERB = frozenset({"to", "will", "you", "also", "shall"})
# Scores by what a term is: tools and acronyms first, then named methods and domain terms, then the
# description's other noun phrases, and titles last ("Data Analyst" is a title, not a skill).
_TOOL, _METHOD, _PHRASE, _WORD, _TITLE = 5.0, 4.0, 2.0, 1.5, 0.5
_METHOD_ENDINGS = ("ing", "ment", "sis", "ics", "tion", "ance", "ence", "ogy", "ship")
# A line break inside a sentence: the line before ends on a word or comma, the next goes on in lower case.
_CONTINUED_LINE = re.compile(r"(?<=[\w,])[ \t]*\r?\n(?=[ \t]*[a-z])")


@lru_cache(maxsize=65536)
def _token_key(token: str) -> str:
    """The form a term's word is compared in: the stem, or for a word with symbols inside its
    letters and symbols lowered ("A/B" → "ab", so "AB tests" meets "A/B tests")."""
    if any(ch in token for ch in "/&.") and any(ch.isalpha() for ch in token):
        return re.sub(r"[/&.]", "", token.lower())
    if token.endswith(("+", "#")):
        return token.lower()
    return stem(token)


@lru_cache(maxsize=1)
def _job_lists() -> tuple[frozenset[str], frozenset[str], frozenset[str], re.Pattern[str], re.Pattern[str]]:
    lexicon = load_lexicon()
    titles = frozenset(lexicon.words("job_terms", "title_words"))
    everyday = frozenset(lexicon.words("job_terms", "everyday_words")) | lexicon.jd_stopwords
    verbs = frozenset(lexicon.words("alignment", "jd_verbs"))
    known = lexicon.pattern("job_terms", "domain")
    skills = lexicon.pattern("specificity", "skills")
    return titles, everyday, verbs, known, skills


@lru_cache(maxsize=32)
def job_terms(description: str, limit: int = JOB_TERMS) -> tuple[JobTerm, ...]:
    """The job description's terms to echo: its tools, methods and domain terms first.

    Phrases end at punctuation, line breaks and joining words, so a term never spans a comma
    ("renewal, reduce" gives no "renewal reduce"). A term is one to three content words in a row,
    or a method or domain term the lexicon knows ("stakeholder management", "point of sale"). It is
    scored by what it is (a tool or acronym such as SQL, Jira or A/B tests; a named method such as
    forecasting; another noun phrase of the description; a title such as "Data Analyst" last) and
    then by how often the description uses it. Title words and everyday words alone ("Manager",
    "Product", "team", "work") are never terms, a short heading line (the job's title) gives none,
    and a word already inside a chosen term is not chosen again alone.
    """
    titles, everyday, _, known, skills = _job_lists()
    common = common_stems(load_lexicon())
    counts: Counter[tuple[str, ...]] = Counter()
    surface: dict[tuple[str, ...], str] = {}
    kind: dict[tuple[str, ...], float] = {}
    anchors: dict[tuple[str, ...], tuple[str, ...]] = {}
    first_seen: dict[tuple[str, ...], int] = {}
    heads: set[tuple[str, ...]] = set()  # pairs seen at the end of a run: "Data Analyst", not "Senior Data"

    def add(words_: list[str], tools: list[bool], at_end: bool, score: float | None = None) -> None:
        key = tuple(_token_key(w) for w in words_)
        if all(k in common for k in key):
            return
        counts[key] += 1
        first_seen.setdefault(key, len(first_seen))
        if at_end:
            heads.add(key)
        if key in kind and score is None:
            return
        lowered = [w.lower() for w in words_]
        surface[key] = " ".join(words_) if any(t.isupper() for t in "".join(words_)) else " ".join(lowered)
        shaped = [bool(_TOOL_SHAPE.match(w)) and w not in _TOOL_IGNORE for w in words_]
        strong = shaped if any(shaped) else tools if len(words_) == 1 else [False] * len(words_)
        anchors[key] = tuple(k for k, tool in zip(key, strong, strict=True) if tool)
        kind[key] = score if score is not None else _term_score(lowered, tools, titles, everyday, known, skills)

    # a line wrapped inside a sentence is one line (same length, so offsets hold)
    description = _CONTINUED_LINE.sub(" ", description)
    lowered_description = lower_same_length(description)
    named = [(m.start(), m.end()) for m in known.finditer(lowered_description)]
    for start, end in named:
        phrase = description[start:end].split()
        add(phrase, [bool(_TOOL_SHAPE.match(w)) for w in phrase], True, _METHOD)
    for run in _description_runs(description, named):
        for size in (3, 2, 1):
            for start in range(len(run) - size + 1):
                piece = run[start : start + size]
                if size == 1 and not piece[0][1] and (sum(ch.isalnum() for ch in piece[0][0]) <= 2 or piece[0][2]):
                    continue  # a word capitalised only because a sentence starts with it ("Schedule staff")
                if not piece[-1][1] and participle(piece[-1][0]):
                    continue  # "distributed" of "distributed systems": a term ends on its noun
                add([w for w, _, _ in piece], [t for _, t, _ in piece], start + size == len(run))
    ranked = sorted(
        (k for k in counts if kind.get(k, 0.0) > 0),
        key=lambda k: (-(kind[k] + 0.5 * min(counts[k] - 1, 4)), -len(k), first_seen[k]),
    )
    chosen: list[tuple[str, ...]] = []
    covered: set[str] = set()
    for key in ranked:
        if len(key) == 1 and key[0] in covered:
            continue
        if len(key) > 1 and any(set(key) <= set(other) for other in chosen):
            continue
        if len(key) == 3 and counts[key] < 2 and kind[key] < _METHOD:
            continue
        if len(key) == 2 and key not in heads and any(len(k) == 3 and k[:2] == key for k in counts):
            continue  # only ever the front of a longer name ("Senior Data" of "Senior Data Analyst")
        if len(key) > 1 and any(len(other) == 1 and other[0] in key and anchors[other] for other in chosen):
            continue  # "SQL queries" once "SQL" is a term: the tool says it
        chosen.append(key)
        covered.update(key)
        if len(chosen) >= limit:
            break
    return tuple(JobTerm(surface[k], k, anchors[k]) for k in chosen)


def _term_score(
    lowered: list[str],
    tools: list[bool],
    titles: frozenset[str],
    everyday: frozenset[str],
    known: re.Pattern[str],
    skills: re.Pattern[str],
) -> float:
    """What a candidate is worth as a term (0: not a term), by what it is."""
    plain = [w in titles or w in everyday for w in lowered]
    phrase = " ".join(lowered)
    if any(tools):
        if len(lowered) > 1 and not known.fullmatch(phrase) and (not tools[0] or (plain[-1] and not tools[-1])):
            return 0.0  # "meet SOX compliance", "CFA progress": the tool alone is the term
        return _TOOL
    if all(plain):
        return _TITLE if len(lowered) > 1 and any(w in titles for w in lowered) else 0.0
    if known.fullmatch(phrase) or skills.fullmatch(phrase):
        return _METHOD
    if lowered[-1].endswith(_METHOD_ENDINGS) and not plain[-1] and (len(lowered) > 1 or len(lowered[0]) > 6):
        return _METHOD
    if len(lowered) == 1:
        return _WORD
    return _PHRASE if not plain[-1] else _WORD - 0.5  # "size opportunities": the thing is an everyday word


def _description_runs(description: str, named: list[tuple[int, int]]) -> list[list[tuple[str, bool, bool]]]:
    """The description's runs of content words, each word with whether it is spelled like a tool
    (an acronym, "A/B", "C++", a product name capitalised mid-sentence such as "Tableau"). Runs
    stop at punctuation, joining words, the lexicon's known terms (``named``, added whole) and
    short heading lines; a duty's verb is left off its run ("own renewals", "to size
    opportunities": the thing is the term)."""
    lexicon = load_lexicon()
    titles, everyday, verbs, _, _ = _job_lists()
    runs: list[list[tuple[str, bool, bool]]] = [[]]
    previous_end = 0
    previous: str = ""
    for found in re.finditer(r"[^\n]*\n?", description):
        line_start, line = found.start(), found.group()
        if _is_heading(line):
            continue
        for match in _TERM_TOKEN.finditer(line):
            at = line_start + match.start()
            token = match.group().strip("'’")
            gap = description[previous_end:at]
            previous_end = line_start + match.end()
            if gap.strip() or "\n" in gap or any(s <= at < e for s, e in named):
                if runs[-1]:
                    runs.append([])
                previous = ""
                if any(s <= at < e for s, e in named):
                    previous = ""
                    continue
            lowered = token.lower()
            stop = lowered in lexicon.jd_stopwords or _PHRASE_BREAK.fullmatch(token) is not None
            if stop or (token[0].isdigit() and not _TOOL_SHAPE.match(token)) or (len(token) < 2 and token != "C"):
                if runs[-1] and post_modifier(runs[-1][-1], lowered):
                    runs[-1].pop()  # "skilled" of "an analyst skilled in SQL" ends the analyst's phrase
                if runs[-1]:
                    runs.append([])
                previous = lowered
                continue
            starts_sentence = bool(_SENTENCE_START.search(description[max(0, at - 3) : at])) or at == 0
            if not runs[-1] and (lowered in verbs or (previous in _BEFORE_VERB and token[:1].islower())):
                previous = lowered
                continue  # the duty's verb
            tool = bool(_TOOL_SHAPE.match(token)) and token not in _TOOL_IGNORE
            capitalised = token[:1].isupper() and token[1:].islower()
            if capitalised and not starts_sentence and lowered not in titles and lowered not in everyday:
                tool = not previous[:1].isupper() or previous.isupper()  # "in Tableau", "EHR (Epic)"
            runs[-1].append((token, tool, starts_sentence and not tool))
            previous = token
    runs = [noun_ended(run) for run in runs]
    return [_untitled(run, titles) for run in runs if run]


def _untitled(run: list[tuple[str, bool, bool]], titles: frozenset[str]) -> list[tuple[str, bool, bool]]:
    """A run's capitalised words before a title word name a job ("a Registered Nurse"), not tools."""
    if len(run) > 1 and run[-1][0].lower() in titles:
        return [(word, tool and not (word[:1].isupper() and word[1:].islower()), at) for word, tool, at in run]
    return run


def _is_heading(line: str) -> bool:
    """A short line without a full stop whose words are capitalised: a title ("Store Manager",
    "Policy Officer, Department of Transport")."""
    tokens = [t for t in _TERM_TOKEN.findall(line) if t.lower() not in ("of", "and", "the", "for", "in", "at", "&")]
    stripped = line.strip()
    return (
        0 < len(tokens) <= 8
        and not stripped.endswith((".", "!", "?"))
        and all(t[:1].isupper() or t[:1].isdigit() for t in tokens)
    )


def _answer_tokens(answer: AnswerText) -> tuple[list[Span], list[str]]:
    """The answer's words split as a description's are, with the key of each."""

    def build(text: AnswerText) -> tuple[list[Span], list[str]]:
        if not _SYMBOL_INSIDE.search(text.text):
            return text.words, text.stems  # no "A/B", "C++" or "Node.js": the shared words will do
        spans = [Span(m.start(), m.end(), m.group()) for m in _TERM_TOKEN.finditer(text.text)]
        return spans, [_token_key(s.text.strip("'’")) for s in spans]

    return answer.derived("job_term_tokens", build)


def term_spans(
    term: JobTerm, keys: list[str], answer_words: list[Span], at: dict[str, list[int]] | None = None
) -> list[Span]:
    """Where the answer uses ``term``: one of its tool words, or every word of it within a window
    of four words (in any order: "cut churn" echoes "reduce churn" only through "churn", but "churn
    in the SMB segment" echoes "SMB segment"). ``at``: where each key of ``keys`` is, if known."""
    at = at if at is not None else _positions(keys)

    def positions(stem_: str) -> list[int]:
        if len(stem_) < 6:
            return at.get(stem_, [])
        return sorted(i for key, places in at.items() if _same(key, stem_) for i in places)

    if term.anchors or len(term.stems) == 1:
        hits = sorted({i for a in (term.anchors or term.stems) for i in positions(a)})
        return [answer_words[i] for i in hits]
    where = [set(positions(s)) for s in term.stems]
    if not all(where):
        return []
    spans = []
    for index in sorted(where[-1]):
        window = range(max(0, index - 3), min(len(keys), index + 4))
        found = [[i for i in window if i in places] for places in where]
        if all(found):
            first = min(i for f in found for i in f)
            last = max(i for f in found for i in f)
            spans.append(Span(answer_words[first].start, answer_words[last].end, ""))
    return spans


def _positions(keys: list[str]) -> dict[str, list[int]]:
    at: defaultdict[str, list[int]] = defaultdict(list)
    for index, key in enumerate(keys):
        at[key].append(index)
    return at


def _same(key: str, stem_: str) -> bool:
    """Whether two word keys are the same word: equal, or long and one the start of the other (the
    stemmer leaves "reconciled" and "reconciliations" as "reconcil" and "reconcili")."""
    return key == stem_ or (min(len(key), len(stem_)) >= 6 and (key.startswith(stem_) or stem_.startswith(key)))


@lru_cache(maxsize=1)
def _others() -> re.Pattern[str]:
    people = "|".join(
        sorted((re.escape(p) for p in load_lexicon().words("job_terms", "people")), key=len, reverse=True)
    )
    return re.compile(
        rf"(?<![\w])(?:(?:my|our|the|a|an|his|her|their|your|this|that|whose)\s+(?:[\w-]+\s+)?(?:{people})s?"
        r"|he|she|they|him|them|his|her|their|who|someone|somebody|nobody|everyone else)(?![\w])",
        re.IGNORECASE,
    )


_SPEAKER_WORD = re.compile(
    r"(?<![\w])(?:I|I'm|I've|I'd|I'll|I’m|I’ve|I’d|I’ll|me|my|myself|we|we're|we've|us|our)(?![\w])", re.IGNORECASE
)


@dataclass(frozen=True)
class _Mark:
    """Where an answer names a person: the speaker ("I", "we") or someone else ("my manager")."""

    start: int
    end: int
    mine: bool
    subject: bool  # someone else, opening a clause (its subject)


def _person_marks(answer: AnswerText) -> tuple[list[_Mark], list[int]]:
    """Every mention of a person in the answer, in order, and where each starts (found once per answer)."""

    def build(text: AnswerText) -> tuple[list[_Mark], list[int]]:
        sentence_starts = [s.start for s in text.sentences]
        marks: list[_Mark] = []
        others = list(_others().finditer(text.text))
        for match in others:
            sentence = sentence_starts[max(0, bisect.bisect_right(sentence_starts, match.start()) - 1)]
            opening = text.text[max(sentence, match.start() - 24) : match.start()]
            if match.start() - 24 < sentence:
                opening = "\n" + opening  # the sentence starts within the window
            marks.append(_Mark(match.start(), match.end(), False, _subject_at(opening, match)))
        taken = {at for m in others for at in range(m.start(), m.end())}
        for match in _SPEAKER_WORD.finditer(text.text):
            if match.start() not in taken:
                marks.append(_Mark(match.start(), match.end(), True, False))
        marks.sort(key=lambda m: m.start)
        return marks, [m.start for m in marks]

    return answer.derived("person_marks", build)


def said_of_own_work(assessment: Assessment, span: Span) -> bool:
    """Whether the words at ``span`` are said about the speaker's own work: the nearest subject
    before them in their sentence is "I" or "we" (or the sentence names nobody else), not "my
    manager", "she", "the client" or "a colleague who"; and they do not name someone else
    themselves ("our data scientists")."""
    sentence = assessment.answer.sentences[assessment.answer.sentence_index(span.start)]
    marks, starts = _person_marks(assessment.answer)
    inside = marks[bisect.bisect_left(starts, sentence.start) : bisect.bisect_left(starts, sentence.end)]
    if any(not m.mine and m.start < span.end and m.end > span.start for m in inside):
        return False  # the words name someone else themselves ("a data scientist", "our nurses")
    before = [m for m in inside if m.start < span.start and (m.mine or m.subject)]
    if before:
        return before[-1].mine
    after = [m for m in inside if m.start >= span.end and (m.mine or m.subject)]
    return not after or after[0].mine


_CLAUSE_OPENING = re.compile(
    r"(?:^|\n|[,;:(—–-]|\b(?:and|but|so|because|while|when|then|as|since|although|though|whereas|after|before|if|until|"
    r"that|which|where))\s*$",
    re.IGNORECASE,
)


def _subject_at(before: str, match: re.Match[str]) -> bool:
    """Whether someone named at ``match`` opens a clause (is its subject: "my manager used Jira",
    "…, and she wrote SQL"), rather than being its object ("I joined the company"); ``before`` is
    the text just before it (starting with a line break where the sentence starts)."""
    return match.group().lower() == "who" or bool(_CLAUSE_OPENING.search(before))


def check_alignment(assessment: Assessment) -> None:
    """The alignment checks (``na`` without a profile: they then leave the score alone)."""
    profile = assessment.profile
    if not profile:
        tip = "Add a target profile (company, mission, values, job description) to check this."
        for check_id in (
            CheckId.ALIGNMENT_COMPANY,
            CheckId.ALIGNMENT_MISSION_VALUES,
            CheckId.ALIGNMENT_JOB_TERMS,
            CheckId.ALIGNMENT_INDUSTRY,
            CheckId.ALIGNMENT_STAGE,
        ):
            assessment.na(check_id, tip)
        assessment.na(CheckId.ALIGNMENT_GENERIC, tip)  # without a profile alignment leaves the score alone
        return
    company = company_mentions(assessment)
    generic = generic_company_mentions(assessment)
    if profile.company.strip():
        status = Status.PASS if company else Status.PARTIAL if generic else Status.MISSING
        assessment.add(
            CheckId.ALIGNMENT_COMPANY,
            status,
            company or generic,
            label=f"{profile.company} named",
            extra_tip="" if company else f"Say “{profile.company}” where you say “the company”.",
        )
    else:
        assessment.na(CheckId.ALIGNMENT_COMPANY, "Add the company's name to your profile to check this.")
    _check_mission_values(assessment, profile)
    _check_job_terms(assessment, profile)
    _check_industry(assessment, profile)
    _check_stage(assessment, profile)


def _check_mission_values(assessment: Assessment, profile: TargetProfile) -> None:
    if not profile.values and not profile.mission.strip():
        assessment.na(
            CheckId.ALIGNMENT_MISSION_VALUES, "Add the company's mission and values to your profile to check this."
        )
        return
    matched: list[str] = []
    evidence: list[Span] = []
    for value in profile.values:
        hits = assessment.answer.stem_hits(set(distinctive_stems(value, assessment.lex)))
        if hits:
            matched.append(value)
            evidence += hits
    mission_hits = assessment.answer.stem_hits(set(distinctive_stems(profile.mission, assessment.lex)))
    evidence += mission_hits
    mission_distinct = len({stem(h.text) for h in mission_hits})
    points = len(matched) + (1 if mission_distinct >= 2 else 0.5 if mission_distinct == 1 else 0)
    needed = 2 if (len(profile.values) + (1 if profile.mission.strip() else 0)) >= 2 else 1
    status = Status.PASS if points >= needed else Status.PARTIAL if points > 0 else Status.MISSING
    missed = [v for v in profile.values if v not in matched]
    assessment.add(
        CheckId.ALIGNMENT_MISSION_VALUES,
        status,
        dedupe(evidence),
        detail=("values used: " + ", ".join(matched)) if matched else "no value named",
        extra_tip=f"Not yet reflected: {', '.join(missed[:4])}." if missed else "",
    )


def _check_job_terms(assessment: Assessment, profile: TargetProfile) -> None:
    if not profile.job_description.strip():
        assessment.na(CheckId.ALIGNMENT_JOB_TERMS, "Paste the job description into your profile to check this.")
        return
    company = profile.company.strip().lower()
    terms = [t for t in job_terms(profile.job_description) if t.text.lower() != company]
    words_, keys = _answer_tokens(assessment.answer)
    at = _positions(keys)
    used: list[str] = []
    missed: list[str] = []
    evidence: list[Span] = []
    for term in terms:
        spans = [s for s in term_spans(term, keys, words_, at) if said_of_own_work(assessment, s)]
        (used if spans else missed).append(term.text)
        evidence += assessment.answer.with_text(spans)
    share = len(used) / len(terms) if terms else 0
    status = Status.PASS if share >= 0.3 or len(used) >= 4 else Status.PARTIAL if used else Status.MISSING
    assessment.add(
        CheckId.ALIGNMENT_JOB_TERMS,
        status,
        dedupe(evidence),
        detail=f"used {len(used)} of {len(terms)}: {', '.join(used)}" if used else f"none of {len(terms)} used",
        extra_tip=f"Missed: {', '.join(missed[:6])}." if missed else "",
    )


def _check_industry(assessment: Assessment, profile: TargetProfile) -> None:
    industry = profile.industry if profile.industry in assessment.lex.data["industry"] else "other"
    if not assessment.lex.words("industry", industry):
        assessment.na(CheckId.ALIGNMENT_INDUSTRY, "Set the profile's industry to check its language.")
        return
    hits = dedupe(assessment.answer.find("industry", industry))
    assessment.add(
        CheckId.ALIGNMENT_INDUSTRY,
        by_count(len({h.text.lower() for h in hits}), 2),
        hits,
        label=f"{industry.capitalize()} language",
    )


def _check_stage(assessment: Assessment, profile: TargetProfile) -> None:
    stage = profile.career_stage if profile.career_stage in assessment.lex.data["stage"] else "mid"
    hits = [h for h in dedupe(assessment.answer.find("stage", stage)) if _about_the_speaker(assessment, h)]
    focus = {"entry": "learning and growth", "mid": "leadership and contribution", "senior": "strategy and influence"}[
        stage
    ]
    assessment.add(
        CheckId.ALIGNMENT_STAGE,
        by_count(len({h.text.lower() for h in hits}), 2),
        hits,
        label=f"Fits {stage} level ({focus})",
    )


def _about_the_speaker(assessment: Assessment, span: Span) -> bool:
    """Whether a stage cue describes the speaker ("I manage", "lead the team") rather than someone
    else ("my manager asked me")."""
    sentence = assessment.answer.sentences[assessment.answer.sentence_index(span.start)]
    if not _SPEAKER_SUBJECT.search(sentence.text):
        return False
    return not _OTHERS_NOUN.search(assessment.text[max(sentence.start, span.start - 12) : span.start])
