"""Alignment with the target profile: the company named, its mission and values, the job
description's own terms, the industry's language and the career stage."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from mock_interview.core.feedback.answer import content_stems, dedupe
from mock_interview.core.feedback.context import Context, TargetProfile, by_count
from mock_interview.core.feedback.lexicon import Lexicon, load_lexicon
from mock_interview.core.feedback.model import Status
from mock_interview.core.feedback.registry import CheckId
from mock_interview.core.feedback.text import Span, stem, words

_COMPANY_SUFFIXES = frozenset({"inc", "ltd", "llc", "the", "co", "corp", "group", "plc", "gmbh", "company"})
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


def company_mentions(ctx: Context) -> list[Span]:
    """Where the answer names the profile's company."""
    profile = ctx.profile
    if not profile or not profile.company.strip():
        return []

    def compute() -> list[Span]:
        name = profile.company.strip()
        tokens = [t for t in re.findall(r"[\w&]+", name) if t.lower() not in _COMPANY_SUFFIXES]
        variants = {re.escape(name)} | ({re.escape(tokens[0])} if tokens and len(tokens[0]) >= 3 else set())
        pattern = re.compile(
            rf"(?<![\w])(?:{'|'.join(sorted(variants, key=len, reverse=True))})(?:'s|’s)?(?![\w])", re.IGNORECASE
        )
        return [Span(m.start(), m.end(), m.group()) for m in pattern.finditer(ctx.text)]

    return ctx.answer.memo("company", compute)


def generic_company_mentions(ctx: Context) -> list[Span]:
    """ "This company", "your team", "the role": speaking of the employer without its name."""
    return [s for s in ctx.answer.find("alignment", "generic_company") if s.text.lower() not in ("here", "you")]


def _distinctive_stems(phrase: str, lexicon: Lexicon) -> frozenset[str]:
    common = _common_stems(lexicon)
    return frozenset(s for s in content_stems(phrase, lexicon.jd_stopwords) if s not in common)


@lru_cache(maxsize=2)
def _common_stems(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(stem(w) for w in lexicon.common_verbs)


def value_mentions(ctx: Context) -> list[Span]:
    """Words of the answer that echo the profile's mission or values (everyday verbs left out)."""
    if not ctx.profile:
        return []
    targets: set[str] = set()
    for phrase in (*ctx.profile.values, ctx.profile.mission):
        targets |= _distinctive_stems(phrase, ctx.lex)
    return ctx.answer.stem_hits(targets)


@dataclass(frozen=True)
class JobTerm:
    """A term of a job description as it is written there, with the stems of its words."""

    text: str
    stems: tuple[str, ...]


@lru_cache(maxsize=32)
def job_terms(description: str, limit: int = JOB_TERMS) -> tuple[JobTerm, ...]:
    """The job description's most distinctive terms, taken whole from its own phrases.

    Phrases end at punctuation, line breaks and joining words, so a term never spans a comma
    ("renewal, reduce" gives no "renewal reduce"). A term is one to three content words in a row;
    terms used more often rank higher, longer ones break ties, and a word already inside a chosen
    term is not chosen again alone.
    """
    lexicon = load_lexicon()
    counts: Counter[tuple[str, ...]] = Counter()
    surface: dict[tuple[str, ...], str] = {}
    first_seen: dict[tuple[str, ...], int] = {}
    heads: set[tuple[str, ...]] = set()  # pairs seen at the end of a run: "Data Analyst", not "Senior Data"
    for chunk in _PHRASE_BREAK.split(description):
        tokens = [w.text for w in words(chunk)]
        runs: list[list[str]] = [[]]
        for token in tokens:
            keep = token.lower() not in lexicon.jd_stopwords and len(token) > 1 and not token[0].isdigit()
            if keep:
                runs[-1].append(token)
            elif runs[-1]:
                runs.append([])
        jd_verbs = frozenset(lexicon.words("alignment", "jd_verbs"))
        for run in runs:
            while run and run[0].lower() in jd_verbs:
                run = run[1:]
            for size in (3, 2, 1):
                for start in range(len(run) - size + 1):
                    piece = run[start : start + size]
                    if size == 1 and len(piece[0]) <= 2:
                        continue
                    key = tuple(stem(t) for t in piece)
                    counts[key] += 1
                    surface.setdefault(
                        key, " ".join(piece) if any(t.isupper() for t in "".join(piece)) else " ".join(piece).lower()
                    )
                    first_seen.setdefault(key, len(first_seen))
                    if start + size == len(run):
                        heads.add(key)
    common = _common_stems(lexicon)
    ranked = sorted(
        (k for k in counts if not all(s in common for s in k)),
        key=lambda k: (-(counts[k] + 0.6 * (len(k) - 1) * (counts[k] >= 1)), -len(k), first_seen[k]),
    )
    chosen: list[tuple[str, ...]] = []
    covered: set[str] = set()
    for key in ranked:
        if len(key) == 1 and key[0] in covered:
            continue
        if len(key) > 1 and any(set(key) <= set(other) for other in chosen):
            continue
        if len(key) == 3 and counts[key] < 2:
            continue
        if len(key) == 2 and key not in heads and any(len(k) == 3 and k[:2] == key for k in counts):
            continue  # only ever the front of a longer name ("Senior Data" of "Senior Data Analyst")
        chosen.append(key)
        covered.update(key)
        if len(chosen) >= limit:
            break
    return tuple(JobTerm(surface[k], k) for k in chosen)


def term_spans(term: JobTerm, stems: list[str], answer_words: list[Span]) -> list[Span]:
    """Where the answer uses ``term``: every stem of it within a window of four words (in any
    order: "cut churn" echoes "reduce churn" only through "churn", but "churn in the SMB segment"
    echoes "SMB segment")."""
    if len(term.stems) == 1:
        return [w for w, s in zip(answer_words, stems, strict=True) if s == term.stems[0]]
    spans = []
    head = term.stems[-1]
    for index, current in enumerate(stems):
        if current != head:
            continue
        window = range(max(0, index - 3), min(len(stems), index + 4))
        found = [i for i in window if stems[i] in term.stems]
        if {stems[i] for i in found} >= set(term.stems):
            spans.append(Span(answer_words[min(found)].start, answer_words[max(found)].end, ""))
    return spans


def check_alignment(ctx: Context) -> None:
    """The alignment checks (``na`` without a profile: they then leave the score alone)."""
    profile = ctx.profile
    if not profile:
        tip = "Add a target profile (company, mission, values, job description) to check this."
        for check_id in (
            CheckId.ALIGNMENT_COMPANY,
            CheckId.ALIGNMENT_MISSION_VALUES,
            CheckId.ALIGNMENT_JOB_TERMS,
            CheckId.ALIGNMENT_INDUSTRY,
            CheckId.ALIGNMENT_STAGE,
        ):
            ctx.na(check_id, tip)
        ctx.na(CheckId.ALIGNMENT_GENERIC, tip)  # without a profile alignment leaves the score alone
        return
    company = company_mentions(ctx)
    generic = generic_company_mentions(ctx)
    if profile.company.strip():
        status = Status.PASS if company else Status.PARTIAL if generic else Status.MISSING
        ctx.add(
            CheckId.ALIGNMENT_COMPANY,
            status,
            company or generic,
            label=f"{profile.company} named",
            extra_tip="" if company else f"Say “{profile.company}” where you say “the company”.",
        )
    else:
        ctx.na(CheckId.ALIGNMENT_COMPANY, "Add the company's name to your profile to check this.")
    _check_mission_values(ctx, profile)
    _check_job_terms(ctx, profile)
    _check_industry(ctx, profile)
    _check_stage(ctx, profile)


def _check_mission_values(ctx: Context, profile: TargetProfile) -> None:
    if not profile.values and not profile.mission.strip():
        ctx.na(CheckId.ALIGNMENT_MISSION_VALUES, "Add the company's mission and values to your profile to check this.")
        return
    matched: list[str] = []
    evidence: list[Span] = []
    for value in profile.values:
        hits = ctx.answer.stem_hits(set(_distinctive_stems(value, ctx.lex)))
        if hits:
            matched.append(value)
            evidence += hits
    mission_hits = ctx.answer.stem_hits(set(_distinctive_stems(profile.mission, ctx.lex)))
    evidence += mission_hits
    mission_distinct = len({stem(h.text) for h in mission_hits})
    points = len(matched) + (1 if mission_distinct >= 2 else 0.5 if mission_distinct == 1 else 0)
    needed = 2 if (len(profile.values) + (1 if profile.mission.strip() else 0)) >= 2 else 1
    status = Status.PASS if points >= needed else Status.PARTIAL if points > 0 else Status.MISSING
    missed = [v for v in profile.values if v not in matched]
    ctx.add(
        CheckId.ALIGNMENT_MISSION_VALUES,
        status,
        dedupe(evidence),
        detail=("values used: " + ", ".join(matched)) if matched else "no value named",
        extra_tip=f"Not yet reflected: {', '.join(missed[:4])}." if missed else "",
    )


def _check_job_terms(ctx: Context, profile: TargetProfile) -> None:
    if not profile.job_description.strip():
        ctx.na(CheckId.ALIGNMENT_JOB_TERMS, "Paste the job description into your profile to check this.")
        return
    terms = job_terms(profile.job_description)
    used: list[str] = []
    missed: list[str] = []
    evidence: list[Span] = []
    for term in terms:
        spans = term_spans(term, ctx.answer.stems, ctx.answer.words)
        (used if spans else missed).append(term.text)
        evidence += ctx.answer.with_text(spans)
    share = len(used) / len(terms) if terms else 0
    status = Status.PASS if share >= 0.3 or len(used) >= 4 else Status.PARTIAL if used else Status.MISSING
    ctx.add(
        CheckId.ALIGNMENT_JOB_TERMS,
        status,
        dedupe(evidence),
        detail=f"used {len(used)} of {len(terms)}: {', '.join(used)}" if used else f"none of {len(terms)} used",
        extra_tip=f"Missed: {', '.join(missed[:6])}." if missed else "",
    )


def _check_industry(ctx: Context, profile: TargetProfile) -> None:
    industry = profile.industry if profile.industry in ctx.lex.data["industry"] else "other"
    if not ctx.lex.words("industry", industry):
        ctx.na(CheckId.ALIGNMENT_INDUSTRY, "Set the profile's industry to check its language.")
        return
    hits = dedupe(ctx.answer.find("industry", industry))
    ctx.add(
        CheckId.ALIGNMENT_INDUSTRY,
        by_count(len({h.text.lower() for h in hits}), 2),
        hits,
        label=f"{industry.capitalize()} language",
    )


def _check_stage(ctx: Context, profile: TargetProfile) -> None:
    stage = profile.career_stage if profile.career_stage in ctx.lex.data["stage"] else "mid"
    hits = [h for h in dedupe(ctx.answer.find("stage", stage)) if _about_the_speaker(ctx, h)]
    focus = {"entry": "learning and growth", "mid": "leadership and contribution", "senior": "strategy and influence"}[
        stage
    ]
    ctx.add(
        CheckId.ALIGNMENT_STAGE,
        by_count(len({h.text.lower() for h in hits}), 2),
        hits,
        label=f"Fits {stage} level ({focus})",
    )


def _about_the_speaker(ctx: Context, span: Span) -> bool:
    """Whether a stage cue describes the speaker ("I manage", "lead the team") rather than someone
    else ("my manager asked me")."""
    sentence = ctx.answer.sentences[ctx.answer.sentence_index(span.start)]
    if not _SPEAKER_SUBJECT.search(sentence.text):
        return False
    return not _OTHERS_NOUN.search(ctx.text[max(sentence.start, span.start - 12) : span.start])
