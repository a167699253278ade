"""The answer checks: structure, specificity, alignment, pitfalls and delivery.

Every detector works on general cues (from ``lexicon.toml``) and the answer's own sentences, never
on the wording of particular sample answers. All regexes run once over the whole text, so the cost
grows linearly with the answer's length.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from mock_interview.core.feedback.lexicon import Lexicon, load_lexicon
from mock_interview.core.feedback.model import Check, Evidence, Feedback, score_checks
from mock_interview.core.feedback.text import Span, numbers, sentences, stem, words

KINDS = ("goals", "behavioral", "fit", "skills", "motivation", "general")
STAR_PARTS = ("situation", "task", "action", "result")
_WE_ACTION = re.compile(r"(?<![\w])we (?:\w+ed|built|ran|led|made|took|wrote|began|brought|gave|spent|set up|put|won|grew|cut|did)(?![\w])", re.I)
_GOAL_STATEMENT = re.compile(r"(?<![\w])(?:I (?:want|aim|hope|plan|aspire|intend|would like|'d like)|my (?:goal|aim|ambition|plan)|I see myself|I envision)(?![\w])", re.I)
_ACRONYM = re.compile(r"(?<![\w])[A-Z][A-Z0-9&+]{1,5}s?(?![\w])")
_ACRONYM_IGNORE = frozenset({"I", "OK", "CEO", "CTO", "CFO", "COO", "VP", "US", "UK", "EU", "AM", "PM", "TV", "HR"})
_QUESTION_NOISE = frozenset({"tell", "describe", "time", "give", "example", "walk", "through", "share", "want", "would", "think",
                             "see", "yourself", "you", "your", "what", "why", "how", "where", "when", "which", "can", "could", "our", "us"})


@dataclass(frozen=True)
class QuestionInfo:
    """What the checks need to know about the question."""

    text: str
    kind: str
    answer_seconds: int = 120
    min_words: int | None = None
    max_words: int | None = None
    keywords: tuple[str, ...] = ()

    FOLLOW_UP_SECONDS = 60

    @classmethod
    def of(cls, question) -> "QuestionInfo":
        """From a pack :class:`~mock_interview.core.packs.Question`."""
        return cls(question.text, question.kind, question.answer_seconds, question.min_words, question.max_words,
                   tuple(question.keywords))

    @classmethod
    def follow_up(cls, text: str) -> "QuestionInfo":
        """A follow-up: a short answer to a general question."""
        return cls(text, "general", cls.FOLLOW_UP_SECONDS, min_words=15, max_words=150)

    def with_kind(self, kind: str | None) -> "QuestionInfo":
        """The same question checked as ``kind`` (when given)."""
        return replace(self, kind=kind) if kind else self


@dataclass(frozen=True)
class Delivery:
    """A spoken answer's timings: the words with start and end seconds, the length and the limit."""

    words: tuple[tuple[str, float, float], ...]
    duration: float
    limit: float | None = None
    fillers_lower_bound: bool = True


LONG_PAUSE_SECONDS = 2.5


def words_per_minute(words) -> float:
    """Speaking rate over the span from the first word to the last (leading and trailing silence left out)."""
    spoken = [w for w in words if re.search(r"\w", w[0])]
    if len(spoken) < 2:
        return 0.0
    span = spoken[-1][2] - spoken[0][1]
    return len(spoken) / max(span / 60, 1e-6)


def long_pauses(words) -> list[tuple[int, float]]:
    """(index of the word after the pause, seconds of silence) for every gap over 2.5 s."""
    return [(index, words[index][1] - words[index - 1][2]) for index in range(1, len(words))
            if words[index][1] - words[index - 1][2] > LONG_PAUSE_SECONDS]


def classify_question(text: str) -> str:
    """Guess a question's kind from its wording (``general`` when nothing fits)."""
    lexicon = load_lexicon()
    for kind in ("behavioral", "goals", "fit", "motivation", "skills"):
        if lexicon.pattern("kinds", kind).search(text):
            return kind
    return "general"


def analyse(answer: str, question, profile=None, delivery: Delivery | None = None, kind: str | None = None) -> Feedback:
    """Check an answer and return the checklist with scores.

    Args:
        answer: The typed answer or transcript.
        question: A pack :class:`~mock_interview.core.packs.Question`, a :class:`QuestionInfo`, or the question text.
        profile: The target :class:`~mock_interview.core.profiles.Profile`, if any.
        delivery: Word timings when the answer was spoken.
        kind: Overrides the question's kind.

    Returns:
        The :class:`Feedback`: checks in groups, each with status, evidence and tip, and scores.
    """
    info = _question_info(question, kind)
    return _Analysis(answer or "", info, profile, delivery, load_lexicon()).run()


def _question_info(question, kind: str | None) -> QuestionInfo:
    if isinstance(question, QuestionInfo):
        info = question
    elif isinstance(question, str):
        info = QuestionInfo(question, classify_question(question))
    else:  # a pack Question
        info = QuestionInfo.of(question)
    return info.with_kind(kind)


class _Analysis:
    def __init__(self, text: str, question: QuestionInfo, profile, delivery: Delivery | None, lexicon: Lexicon):
        self.text = text
        self.question = question
        self.profile = profile
        self.delivery = delivery
        self.lex = lexicon
        self.sentences = sentences(text)
        self.words = words(text)
        self.word_count = len(self.words)
        self.numbers = numbers(text)
        self._matches: dict[tuple[str, str], list[Span]] = {}
        self._cache: dict[str, list[Span]] = {}
        self._sentence_starts = [s.start for s in self.sentences]
        self.checks: list[Check] = []

    # -- helpers ---------------------------------------------------------------------------------

    def find(self, section: str, name: str) -> list[Span]:
        key = (section, name)
        if key not in self._matches:
            self._matches[key] = [Span(m.start(), m.end(), m.group()) for m in self.lex.pattern(section, name).finditer(self.text)]
        return self._matches[key]

    def sentence_index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._sentence_starts, offset) - 1)

    def cached(self, name: str, compute) -> list[Span]:
        if name not in self._cache:
            self._cache[name] = compute()
        return self._cache[name]

    def sentences_of(self, spans: list[Span]) -> list[Span]:
        seen = sorted({self.sentence_index(s.start) for s in spans if self.sentences})
        return [self.sentences[i] for i in seen]

    def add(self, check_id: str, group: str, label: str, status: str, evidence=(), detail: str = "",
            weight: float = 1.0, problem: bool = False, extra_tip: str = "") -> None:
        tip = self.lex.tips.get(check_id)
        text = tip.text if tip else ""
        if extra_tip:
            text = f"{text} {extra_tip}".strip()
        self.checks.append(Check(check_id, group, label, status, tuple(Evidence(s.start, s.end, s.text) for s in evidence),
                                 text, tip.source if tip else "", detail, weight, problem))

    @staticmethod
    def by_count(count: int, full: int, some: int = 1) -> str:
        return "pass" if count >= full else "partial" if count >= some else "missing"

    # -- the run ---------------------------------------------------------------------------------

    def run(self) -> Feedback:
        if self.word_count == 0:
            return self._empty()
        kind = self.question.kind
        if kind == "behavioral":
            self.structure_star()
        elif kind == "goals":
            self.structure_goals()
        elif kind in ("fit", "motivation"):
            self.structure_fit()
        elif kind == "skills":
            self.structure_skills()
        self.structure_common()
        self.specificity()
        self.alignment()
        self.pitfalls()
        self.delivery_checks()
        groups, overall = score_checks(self.checks)
        return Feedback(kind, tuple(self.checks), self.word_count, groups, overall)

    def _empty(self) -> Feedback:
        self.add("answer.length", "structure", "Answer given", "missing", detail="no words yet")
        groups, overall = score_checks(self.checks)
        return Feedback(self.question.kind, tuple(self.checks), 0, groups, overall)

    # -- structure: STAR -------------------------------------------------------------------------

    def star_labels(self) -> list[str | None]:
        """Label each sentence S/T/A/R or None, preferring the STAR order (a small Viterbi)."""
        count = len(self.sentences)
        cue_scores = [[0.0] * 4 for _ in range(count)]
        for part_index, part in enumerate(STAR_PARTS):
            for span in self.find("star", part):
                cue_scores[self.sentence_index(span.start)][part_index] += 1.0
        for index in range(count):
            position = index / max(count - 1, 1)
            if cue_scores[index][0] and position <= 0.34:
                cue_scores[index][0] += 0.5
            if cue_scores[index][3] and position >= 0.5:
                cue_scores[index][3] += 0.5
        for index in {self.sentence_index(number.start) for number in self.numbers}:
            if cue_scores[index][3]:
                cue_scores[index][3] += 0.5
        none_state = 4
        backwards_penalty = 0.6
        neg = float("-inf")
        best = [[neg] * 5 for _ in range(count + 1)]
        back: list[list[tuple[int, int | None]]] = [[(0, None)] * 5 for _ in range(count + 1)]
        best[0][none_state] = 0.0
        for index in range(count):
            for state in range(5):
                if best[index][state] == neg:
                    continue
                # leave the sentence unlabelled
                score = best[index][state] + 0.25
                if score > best[index + 1][state]:
                    best[index + 1][state] = score
                    back[index + 1][state] = (state, None)
                for part in range(4):
                    cue = cue_scores[index][part]
                    if cue <= 0:
                        continue
                    penalty = backwards_penalty if state != none_state and part < state else 0.0
                    score = best[index][state] + cue - penalty
                    if score > best[index + 1][part]:
                        best[index + 1][part] = score
                        back[index + 1][part] = (state, part)
        state = max(range(5), key=lambda s: best[count][s])
        labels: list[str | None] = [None] * count
        for index in range(count, 0, -1):
            previous, label = back[index][state]
            labels[index - 1] = STAR_PARTS[label] if label is not None else None
            state = previous
        return labels

    def structure_star(self) -> None:
        labels = self.star_labels()
        names = {"situation": "Situation", "task": "Task", "action": "Action", "result": "Result"}
        cued = {part: self.sentences_of(self.find("star", part)) for part in STAR_PARTS}
        for part in STAR_PARTS:
            found = [s for s, label in zip(self.sentences, labels) if label == part]
            status = "pass" if found else "missing"
            if not found and cued[part]:
                # one sentence often carries two parts ("In my last job I was asked to..."): the part
                # is there, sharing a sentence labelled with another
                found, status = cued[part], "pass"
            if part == "action" and not found and _WE_ACTION.search(self.text):
                status = "partial"
                found = self.sentences_of([Span(m.start(), m.end(), m.group()) for m in _WE_ACTION.finditer(self.text)])
            self.add(f"star.{part}", "structure", names[part], status, found)
        result_sentences = [s for s, label in zip(self.sentences, labels) if label == "result"]
        measured = [n for n in self.number_mentions() if any(s.start <= n.start < s.end for s in result_sentences)]
        status = "pass" if measured else "partial" if result_sentences else "missing"
        self.add("star.result_measurable", "structure", "Measurable result", status, measured or result_sentences, weight=0.5)
        i_actions = [s for s in self.find("star", "action") if re.match(r"(?i)(I|so I|first|then|next|after that|finally|my approach|to do)", s.text)]
        we_actions = [Span(m.start(), m.end(), m.group()) for m in _WE_ACTION.finditer(self.text)]
        if i_actions and len(i_actions) * 2 >= len(we_actions):
            status = "pass"
        elif i_actions:
            status = "partial"
        else:
            status = "missing"
        self.add("star.first_person", "structure", "Your own actions (I, not only we)", status, i_actions or we_actions,
                 detail=f"{len(i_actions)} 'I' actions, {len(we_actions)} 'we' actions", weight=0.5, problem=not i_actions and bool(we_actions))
        sequence = [STAR_PARTS.index(label) for label in labels if label is not None]
        inversions = sum(1 for a, b in zip(sequence, sequence[1:]) if b < a)
        parts_found = len(set(sequence))
        if parts_found < 2:
            status = "missing"
        elif inversions == 0 and parts_found >= 3:
            status = "pass"
        elif inversions <= 1:
            status = "partial"
        else:
            status = "missing"
        order = " → ".join(dict.fromkeys(STAR_PARTS[i][0].upper() for i in sequence)) or "none found"
        self.add("star.order", "structure", "Parts in order", status, detail=order, weight=0.5)

    # -- structure: career goals -----------------------------------------------------------------

    def structure_goals(self) -> None:
        current = self.find("goals", "current")
        short = self.find("goals", "short_term")
        long = self.find("goals", "long_term")
        link = self.company_mentions() + self.find("goals", "company_link")
        self.add("goals.current", "structure", "Current role or background", "pass" if current else "missing", self.sentences_of(current))
        vague_time = self.find("specificity", "vague_timeframes")
        short_status = "pass" if short else "partial" if (_GOAL_STATEMENT.search(self.text) and not long) else "missing"
        self.add("goals.short_term", "structure", "Short-term goal (1-3 years)", short_status, self.sentences_of(short))
        long_status = "pass" if long else "partial" if vague_time else "missing"
        self.add("goals.long_term", "structure", "Long-term vision (5-10 years)", long_status, self.sentences_of(long))
        self.add("goals.company_link", "structure", "Link to this company or role", "pass" if link else "missing", self.sentences_of(link))
        connective = self.find("goals", "progression") + self.find("pitfalls", "plan_cues")
        if short and long:
            status = "pass" if connective else "partial"
        elif short or long:
            status = "partial" if connective else "missing"
        else:
            status = "missing"
        self.add("goals.progression", "structure", "Progression from one step to the next", status, self.sentences_of(connective), weight=0.5)

    # -- structure: fit, motivation, skills ------------------------------------------------------

    def structure_fit(self) -> None:
        company = self.company_mentions()
        reasons = self.find("fit", "why_company") + self.profile_value_mentions()
        generic = [s for s in self.find("alignment", "generic_company") if s.text.lower() not in ("here", "you")]
        status = "pass" if reasons or (company and len(company) >= 1 and generic) else "partial" if (company or generic) else "missing"
        self.add("fit.why_company", "structure", "Why this company", status, self.sentences_of(reasons or company or generic))
        role = self.find("fit", "why_role") + self.job_term_hits()
        self.add("fit.why_role", "structure", "Why this role", "pass" if role else "missing", self.sentences_of(role))
        bring = self.find("fit", "what_you_bring")
        self.add("fit.what_you_bring", "structure", "What you bring", "pass" if bring else "missing", self.sentences_of(bring))

    def structure_skills(self) -> None:
        named = self.skill_mentions()
        self.add("skills.named", "structure", "Skills named", self.by_count(len({s.text.lower() for s in named}), 2), named)
        plan = self.find("pitfalls", "plan_cues")
        self.add("skills.plan", "structure", "How you will build them", "pass" if plan else "missing", self.sentences_of(plan))
        link = self.company_mentions() + self.find("goals", "company_link") + self.find("goals", "progression")
        self.add("skills.link", "structure", "Why they matter for the role and your path", "pass" if link else "missing", self.sentences_of(link))

    # -- structure: every answer -----------------------------------------------------------------

    def structure_common(self) -> None:
        self.check_opening()
        self.check_length()
        self.check_closing()

    def check_opening(self) -> None:
        question_stems = {stem(w.text) for w in words(self.question.text)
                          if w.text.lower() not in self.lex.stopwords and w.text.lower() not in _QUESTION_NOISE and len(w.text) > 2}
        openers = {
            "goals": [("goals", "current"), ("goals", "short_term"), ("goals", "long_term")],
            "behavioral": [("star", "situation"), ("star", "task")],
            "fit": [("fit", "why_company"), ("fit", "why_role"), ("fit", "what_you_bring")],
            "motivation": [("fit", "why_company"), ("fit", "why_role")],
            "skills": [("specificity", "skills")],
        }.get(self.question.kind, [])

        def answers_question(sentence: Span) -> bool:
            stems = {stem(w.text) for w in words(sentence.text)}
            if question_stems & stems:
                return True
            if _GOAL_STATEMENT.search(sentence.text) and self.question.kind in ("goals", "skills", "motivation"):
                return True
            return any(sentence.start <= s.start < sentence.end for key in openers for s in self.find(*key))

        first = self.sentences[0]
        filler = self.lex.pattern("answer", "filler_openers").match(first.text.strip())
        if answers_question(first) and not (filler and filler.end() >= len(first.text.strip()) - 1):
            status, evidence = "pass", [first]
        elif len(self.sentences) > 1 and answers_question(self.sentences[1]):
            status, evidence = "partial", [self.sentences[1]]
        else:
            status, evidence = "missing", [first]
        self.add("answer.opening", "structure", "Opening answers the question", status, evidence, weight=0.5, problem=status == "missing")

    def check_length(self) -> None:
        limit = self.question.answer_seconds or 120
        if self.delivery is not None and self.delivery.duration > 0:
            high = min(120.0, float(limit))
            low = min(60.0, high / 2)
            value = self.delivery.duration
            detail = f"{value:.0f} s spoken (aim {low:.0f}-{high:.0f} s)"
        else:
            low = float(self.question.min_words or (120 if limit >= 90 else max(40, round(limit * 1.0))))
            high = float(self.question.max_words or (320 if limit >= 120 else max(150, round(limit * 2.7))))
            value = float(self.word_count)
            detail = f"{self.word_count} words (aim {low:.0f}-{high:.0f})"
        if low <= value <= high:
            status = "pass"
        elif low * 0.6 <= value <= high * 1.3:
            status = "partial"
        else:
            status = "missing"
        extra = "" if status == "pass" else ("Add an example or a result." if value < low else "Cut to the essentials.")
        self.add("answer.length", "structure", "Length fits the time", status, detail=detail, weight=0.5, extra_tip=extra)

    def check_closing(self) -> None:
        last = self.sentences[-1]
        closers = self.find("answer", "closing")
        if self.question.kind == "behavioral":
            closers = closers + self.find("star", "result")
        closes = len(self.sentences) >= 2 and any(last.start <= s.start < last.end for s in closers)
        unfinished = self.delivery is None and not re.search(r"[.!?][\"'”’)\]]*\s*$", self.text)
        status = "pass" if closes and not unfinished else "partial" if closes or (len(self.sentences) >= 2 and not unfinished and any(
            self.sentences[-2].start <= s.start < self.sentences[-2].end for s in closers)) else "missing"
        self.add("answer.closing", "structure", "A closing line", status, [last] if closes else [], weight=0.5,
                 detail="the answer stops mid-sentence" if unfinished else "")

    # -- specificity -----------------------------------------------------------------------------

    def number_mentions(self) -> list[Span]:
        def compute() -> list[Span]:
            pattern = _number_phrase_pattern(self.lex)
            spans = list(self.numbers) + [Span(m.start(), m.end(), m.group()) for m in pattern.finditer(self.text)]
            return _dedupe(spans)

        return self.cached("numbers", compute)

    def skill_mentions(self) -> list[Span]:
        def compute() -> list[Span]:
            spans = list(self.find("specificity", "skills"))
            spans += [Span(m.start(), m.end(), m.group()) for m in _ACRONYM.finditer(self.text) if m.group().rstrip("s") not in _ACRONYM_IGNORE]
            return _dedupe(spans)

        return self.cached("skills", compute)

    def specificity(self) -> None:
        found_numbers = self.number_mentions()
        self.add("specificity.numbers", "specificity", "Numbers and metrics", self.by_count(len(found_numbers), 2), found_numbers,
                 detail=f"{len(found_numbers)} found")
        times = self.find("specificity", "timeframes")
        vague_times = self.find("specificity", "vague_timeframes")
        status = "pass" if times else "partial" if vague_times else "missing"
        self.add("specificity.timeframes", "specificity", "Timeframes", status, times or vague_times, problem=not times and bool(vague_times))
        skills = self.skill_mentions()
        distinct = len({s.text.lower() for s in skills})
        self.add("specificity.skills", "specificity", "Named skills, tools, certifications", self.by_count(distinct, 2), skills, detail=f"{distinct} named")
        examples = self.find("specificity", "example_cues")
        self.add("specificity.example", "specificity", "A concrete example", "pass" if examples else "missing", self.sentences_of(examples))
        vague = self.vague_phrases()
        self.add("specificity.vague", "specificity", "No vague phrases", "pass" if not vague else "partial" if len(vague) == 1 else "missing",
                 vague, detail=", ".join(f"“{v.text}”" for v in vague), problem=True)
        if self.question.kind == "goals":
            self.check_smart(found_numbers, skills, times)

    def vague_phrases(self) -> list[Span]:
        return self.cached("vague", self._vague_phrases)

    def _vague_phrases(self) -> list[Span]:
        found = list(self.find("specificity", "vague"))
        backing = self.number_mentions() + self.skill_mentions() + self.find("specificity", "example_cues")
        for span in self.find("specificity", "passion"):
            index = self.sentence_index(span.start)
            window = self.sentences[index: index + 2]
            if not any(s.start <= b.start < s.end for s in window for b in backing):
                found.append(span)
        return _dedupe(found)

    def check_smart(self, found_numbers: list[Span], skills: list[Span], times: list[Span]) -> None:
        parts = {
            "specific": self.find("smart", "specific_role") + skills,
            "measurable": self.find("smart", "measurable") + found_numbers,
            "achievable": [] if self.unrealistic_spans() else self.find("smart", "achievable"),
            "relevant": self.find("smart", "relevant") + self.company_mentions(),
            "time-bound": times,
        }
        met = [name for name, spans in parts.items() if spans]
        missing = [name for name in parts if name not in met]
        status = "pass" if len(met) >= 4 else "partial" if len(met) >= 2 else "missing"
        evidence = _dedupe([s for spans in parts.values() for s in spans])
        self.add("specificity.smart", "specificity", "SMART goal", status, evidence,
                 detail="met: " + (", ".join(met) or "none"), extra_tip=f"Missing: {', '.join(missing)}." if missing else "")

    # -- alignment -------------------------------------------------------------------------------

    def company_mentions(self) -> list[Span]:
        if not self.profile or not self.profile.company.strip():
            return []
        name = self.profile.company.strip()
        tokens = [t for t in re.findall(r"[\w&]+", name) if t.lower() not in {"inc", "ltd", "llc", "the", "co", "corp", "group", "plc", "gmbh"}]
        variants = {re.escape(name)} | ({re.escape(tokens[0])} if tokens and len(tokens[0]) >= 3 else set())
        pattern = re.compile(rf"(?<![\w])(?:{'|'.join(sorted(variants, key=len, reverse=True))})(?:'s|’s)?(?![\w])", re.I)
        return [Span(m.start(), m.end(), m.group()) for m in pattern.finditer(self.text)]

    @property
    def word_stems(self) -> list[str]:
        if "_stems" not in self.__dict__:
            self.__dict__["_stems"] = [stem(w.text) for w in self.words]
        return self.__dict__["_stems"]

    def stem_hits(self, targets: set[str]) -> list[Span]:
        return [w for w, s in zip(self.words, self.word_stems) if s in targets]

    def profile_value_mentions(self) -> list[Span]:
        if not self.profile:
            return []
        targets = set()
        for phrase in (*self.profile.values, self.profile.mission):
            targets |= _content_stems(phrase, self.lex)
        return self.stem_hits(targets)

    def job_term_hits(self) -> list[Span]:
        if not self.profile or not self.profile.job_description.strip():
            return []
        terms = job_terms(self.profile.job_description)
        answer_stems = self.word_stems
        hits = []
        for term in terms:
            hits += _term_spans(term, answer_stems, self.words)
        return _with_text(hits, self.text)

    def alignment(self) -> None:
        if not self.profile:
            tip = "Add a target profile (company, mission, values, job description) to check this."
            for check_id, label in (("alignment.company", "Company named"), ("alignment.mission_values", "Mission and values"),
                                    ("alignment.job_terms", "Job description terms"), ("alignment.industry", "Industry language"),
                                    ("alignment.stage", "Fits your career stage")):
                self.checks.append(Check(check_id, "alignment", label, "na", (), tip, self.lex.tips[check_id].source))
            generic = [s for s in self.find("alignment", "generic_company") if s.text.lower() not in ("here", "you")]
            self.add("alignment.generic", "alignment", "Speaks of this role or company", "pass" if generic else "missing", generic)
            return
        profile = self.profile
        company = self.company_mentions()
        generic = [s for s in self.find("alignment", "generic_company") if s.text.lower() not in ("here", "you")]
        status = "pass" if company else "partial" if generic else "missing"
        self.add("alignment.company", "alignment", f"{profile.company} named", status, company or generic,
                 extra_tip="" if company else f"Say “{profile.company}” where you say “the company”.")
        self.check_mission_values()
        self.check_job_terms()
        industry = profile.industry if profile.industry in self.lex.data["industry"] else "other"
        industry_words = self.lex.words("industry", industry)
        if industry_words:
            hits = _dedupe(list(self.find("industry", industry)))
            self.add("alignment.industry", "alignment", f"{industry.capitalize()} language", self.by_count(len({h.text.lower() for h in hits}), 2), hits)
        else:
            self.checks.append(Check("alignment.industry", "alignment", "Industry language", "na", (),
                                     "Set the profile's industry to check its language.", self.lex.tips["alignment.industry"].source))
        stage = profile.career_stage if profile.career_stage in self.lex.data["stage"] else "mid"
        hits = _dedupe(list(self.find("stage", stage)))
        focus = {"entry": "learning and growth", "mid": "leadership and contribution", "senior": "strategy and influence"}[stage]
        self.add("alignment.stage", "alignment", f"Fits {stage} level ({focus})", self.by_count(len({h.text.lower() for h in hits}), 2), hits)

    def check_mission_values(self) -> None:
        profile = self.profile
        if not profile.values and not profile.mission.strip():
            self.checks.append(Check("alignment.mission_values", "alignment", "Mission and values", "na", (),
                                     "Add the company's mission and values to your profile to check this.",
                                     self.lex.tips["alignment.mission_values"].source))
            return
        matched_values = []
        evidence: list[Span] = []
        for value in profile.values:
            hits = self.stem_hits(_content_stems(value, self.lex))
            if hits:
                matched_values.append(value)
                evidence += hits
        mission_hits = self.stem_hits(_content_stems(profile.mission, self.lex))
        evidence += mission_hits
        mission_distinct = len({stem(h.text) for h in mission_hits})
        points = len(matched_values) + (1 if mission_distinct >= 2 else 0.5 if mission_distinct == 1 else 0)
        needed = 2 if (len(profile.values) + (1 if profile.mission else 0)) >= 2 else 1
        status = "pass" if points >= needed else "partial" if points > 0 else "missing"
        missed = [v for v in profile.values if v not in matched_values]
        self.add("alignment.mission_values", "alignment", "Mission and values", status, _dedupe(evidence),
                 detail=("values used: " + ", ".join(matched_values)) if matched_values else "no value named",
                 extra_tip=f"Not yet reflected: {', '.join(missed[:4])}." if missed else "")

    def check_job_terms(self) -> None:
        profile = self.profile
        if not profile.job_description.strip():
            self.checks.append(Check("alignment.job_terms", "alignment", "Job description terms", "na", (),
                                     "Paste the job description into your profile to check this.", self.lex.tips["alignment.job_terms"].source))
            return
        terms = job_terms(profile.job_description)
        answer_stems = self.word_stems
        used, missed, evidence = [], [], []
        for term in terms:
            spans = _term_spans(term, answer_stems, self.words)
            (used if spans else missed).append(term.text)
            evidence += _with_text(spans, self.text)
        share = len(used) / len(terms) if terms else 0
        status = "pass" if share >= 0.3 or len(used) >= 4 else "partial" if used else "missing"
        self.add("alignment.job_terms", "alignment", "Job description terms", status, _dedupe(evidence),
                 detail=f"used {len(used)} of {len(terms)}: {', '.join(used)}" if used else f"none of {len(terms)} used",
                 extra_tip=f"Missed: {', '.join(missed[:6])}." if missed else "")

    # -- pitfalls --------------------------------------------------------------------------------

    def unrealistic_spans(self) -> list[Span]:
        titles = self.find("pitfalls", "top_titles")
        if not titles:
            return []
        windows = self.find("pitfalls", "short_windows")
        window_sentences = {self.sentence_index(w.start) for w in windows}
        entry = bool(self.profile and self.profile.career_stage == "entry")
        found = []
        for title in titles:
            if title.text.lower() in ("partner", "your job", "take over") and not entry:
                continue
            if self.sentence_index(title.start) in window_sentences or entry:
                found.append(title)
        return found

    def pitfalls(self) -> None:
        unrealistic = self.unrealistic_spans()
        self.add("pitfalls.unrealistic", "pitfalls", "Realistic goals", "missing" if unrealistic else "pass",
                 self.sentences_of(unrealistic), problem=True)
        specific_groups = [c for c in self.checks if c.id in ("specificity.numbers", "specificity.skills", "specificity.example", "specificity.timeframes")]
        absent = sum(1 for c in specific_groups if c.status == "missing")
        vague = self.vague_phrases()
        status = "missing" if absent >= 4 or (absent >= 3 and vague) else "partial" if absent >= 3 else "pass"
        self.add("pitfalls.generic", "pitfalls", "Specific to you, not generic", status, vague, problem=True)
        misaligned = self.find("pitfalls", "misalignment")
        self.add("pitfalls.misalignment", "pitfalls", "Fits the role and culture", "missing" if misaligned else "pass", misaligned, problem=True)
        negative = self.find("pitfalls", "negativity")
        self.add("pitfalls.negativity", "pitfalls", "Positive about past employers", "missing" if negative else "pass", negative, problem=True)
        leaving = self.find("pitfalls", "leaving_soon")
        self.add("pitfalls.leaving_soon", "pitfalls", "Signals commitment", "missing" if leaving else "pass", leaving, problem=True)
        pay = self.find("pitfalls", "pay_perks")
        focus = [p for p in pay if re.search(r"(?i)\b(want|looking for|main|reason|because|attract|most important|care about|need)\b",
                                             self.sentences[self.sentence_index(p.start)].text)]
        status = "missing" if focus or len(pay) >= 2 else "partial" if pay else "pass"
        self.add("pitfalls.pay_perks", "pitfalls", "Focus beyond pay and perks", status, pay, problem=True)
        no_plan = self.find("pitfalls", "no_plan")
        if self.question.kind in ("goals", "skills"):
            plan = self.find("pitfalls", "plan_cues") + self.find("goals", "progression")
            status = "missing" if no_plan or not plan else "pass"
            self.add("pitfalls.no_plan", "pitfalls", "Has a plan", status, no_plan or self.sentences_of(plan), problem=bool(no_plan) or not plan)
        elif no_plan:
            self.add("pitfalls.no_plan", "pitfalls", "Has a plan", "missing", no_plan, problem=True)

    # -- delivery --------------------------------------------------------------------------------

    def delivery_checks(self) -> None:
        labels = (("delivery.pace", "Pace (120-160 words a minute)"), ("delivery.fillers", "Few filler words"),
                  ("delivery.hedges", "Confident wording (few hedges)"), ("delivery.pauses", "No long pauses"),
                  ("delivery.repetition", "Varied wording"), ("delivery.time_used", "Time used"))
        if self.delivery is None or not self.delivery.words:
            for check_id, label in labels:
                self.checks.append(Check(check_id, "delivery", label, "na", (), "Answer out loud to get delivery feedback.",
                                         self.lex.tips[check_id].source))
            return
        delivery = self.delivery
        minutes = max(delivery.duration, 1e-6) / 60
        wpm = words_per_minute(delivery.words)
        status = "pass" if 120 <= wpm <= 160 else "partial" if 100 <= wpm <= 185 else "missing"
        extra = "" if status == "pass" else ("Slow down a little." if wpm > 160 else "Speak a little faster, or cut the pauses.")
        self.add("delivery.pace", "delivery", labels[0][1], status, detail=f"{wpm:.0f} words a minute", extra_tip=extra)

        fillers = self.filler_spans()
        rate = len(fillers) / minutes
        status = "pass" if rate <= 2 else "partial" if rate <= 5 else "missing"
        bound = " (at least: speech recognition drops some)" if delivery.fillers_lower_bound else ""
        self.add("delivery.fillers", "delivery", labels[1][1], status, fillers,
                 detail=f"{len(fillers)} fillers, {rate:.1f} a minute{bound}", problem=True)
        hedges = self.find("delivery", "hedges")
        self.add("delivery.hedges", "delivery", labels[2][1], "pass" if not hedges else "partial" if len(hedges) <= 2 else "missing",
                 hedges, detail=f"{len(hedges)} hedges", problem=True)

        offsets = align_words(self.text, delivery.words)
        pauses = []
        for index, gap in long_pauses(delivery.words):
            if offsets[index] is not None:
                start, end = offsets[index]
                pauses.append((gap, Span(start, end, self.text[start:end])))
        status = "pass" if not pauses else "partial" if len(pauses) <= 2 else "missing"
        detail = ", ".join(f"{gap:.1f} s before “{span.text}”" for gap, span in pauses[:4]) or "none over 2.5 s"
        self.add("delivery.pauses", "delivery", labels[3][1], status, [s for _, s in pauses], detail=detail, problem=True)

        repeated, phrase_spans = self.repeated_words(), self.repeated_phrases()
        overused = repeated + [(phrase, len(spans)) for phrase, spans in phrase_spans.items()]
        status = "pass" if not overused else "partial" if len(overused) == 1 else "missing"
        evidence = [w for w in self.words if w.text.lower() in {r for r, _ in repeated}]
        evidence = _dedupe(evidence + [span for spans in phrase_spans.values() for span in spans])
        self.add("delivery.repetition", "delivery", labels[4][1], status, evidence,
                 detail=", ".join(f"“{w}” ×{n}" for w, n in overused) or "no word or phrase overused", problem=True)

        limit = delivery.limit or self.question.answer_seconds
        share = delivery.duration / limit if limit else 1.0
        status = "pass" if 0.5 <= share <= 1.0 else "partial" if 0.3 <= share <= 1.1 else "missing"
        self.add("delivery.time_used", "delivery", labels[5][1], status,
                 detail=f"{delivery.duration:.0f} s of {limit:.0f} s ({share:.0%})")

    def filler_spans(self) -> list[Span]:
        found = []
        for span in self.find("delivery", "fillers"):
            if span.text.lower() == "like":
                before = self.text[: span.start].rstrip()
                previous = re.findall(r"[\w']+$", before)
                if previous and previous[0].lower() in self.lex.like_not_after:
                    continue
                after = self.text[span.end: span.end + 3]
                if not (before.endswith(",") or after.startswith(",")) and previous:
                    # "like" between two words with no comma is usually a verb or preposition
                    if not re.match(r"\s*(um|uh|you know|i mean)", self.text[span.end:], re.I):
                        continue
            found.append(span)
        return found

    def repeated_words(self) -> list[tuple[str, int]]:
        counts = Counter(w.text.lower() for w in self.words if w.text.lower() not in self.lex.stopwords and len(w.text) > 2 and not w.text[0].isdigit())
        threshold = max(5, round(0.04 * self.word_count))
        return [(word, n) for word, n in counts.most_common(5) if n >= threshold][:3]

    def repeated_phrases(self) -> dict[str, list[Span]]:
        """The longest phrases (two to six words) said three times or more ("at the end of the day")."""
        lowered = [w.text.lower().strip("'’") for w in self.words]
        chosen: dict[str, list[Span]] = {}
        for size in range(6, 1, -1):
            positions: dict[str, list[int]] = {}
            for index in range(len(lowered) - size + 1):
                gram = lowered[index:index + size]
                if all(g in self.lex.stopwords for g in gram) or any(g[:1].isdigit() for g in gram):
                    continue
                positions.setdefault(" ".join(gram), []).append(index)
            for phrase, starts in positions.items():
                if len(starts) >= 3 and not any(phrase in longer for longer in chosen):
                    chosen[phrase] = [Span(self.words[i].start, self.words[i + size - 1].end,
                                           self.text[self.words[i].start:self.words[i + size - 1].end]) for i in starts]
        ranked = sorted(chosen.items(), key=lambda item: (-len(item[1]), -len(item[0])))
        return dict(ranked[:2])


@lru_cache(maxsize=4)
def _number_phrase_pattern(lexicon: Lexicon) -> re.Pattern[str]:
    number_words = "|".join(lexicon.words("specificity", "number_words"))
    nouns = "|".join(re.escape(n) for n in lexicon.words("specificity", "measure_nouns"))
    return re.compile(rf"(?<![\w])(?:{number_words})(?:[- ](?:{number_words}))?\s+(?:{nouns})(?![\w])", re.I)


# -- job description terms -----------------------------------------------------------------------

@dataclass(frozen=True)
class JobTerm:
    """A distinctive term of a job description: one or two words, with their stems."""

    text: str
    stems: tuple[str, ...]


@lru_cache(maxsize=32)
def job_terms(description: str, limit: int = 12) -> tuple[JobTerm, ...]:
    """The most distinctive terms of a job description (cached per text)."""
    lexicon = load_lexicon()
    scores: Counter[tuple[str, ...]] = Counter()
    surface: dict[tuple[str, ...], str] = {}
    first_seen: dict[tuple[str, ...], int] = {}
    for sentence in sentences(description):
        tokens = [w.text for w in words(sentence.text)]
        content = [(t, t.lower() not in lexicon.jd_stopwords and len(t) > 2 and not t[0].isdigit()) for t in tokens]
        for index, (token, keep) in enumerate(content):
            if not keep:
                continue
            key = (stem(token),)
            scores[key] += 1
            surface.setdefault(key, token.lower())
            first_seen.setdefault(key, len(first_seen))
            if index + 1 < len(content) and content[index + 1][1]:
                pair = (stem(token), stem(content[index + 1][0]))
                scores[pair] += 1.6
                surface.setdefault(pair, f"{token.lower()} {content[index + 1][0].lower()}")
                first_seen.setdefault(pair, len(first_seen))
    ranked = sorted(scores, key=lambda k: (-scores[k] * (1.3 if len(k) == 2 else 1.0), first_seen[k]))
    chosen: list[tuple[str, ...]] = []
    covered: set[str] = set()
    for key in ranked:
        if len(key) == 1 and key[0] in covered:
            continue
        if len(key) == 2 and scores[key] < 1.6 * 1 and len(chosen) >= limit // 2:
            continue
        chosen.append(key)
        covered.update(key)
        if len(chosen) >= limit:
            break
    return tuple(JobTerm(surface[k], k) for k in chosen)


def _term_spans(term: JobTerm, answer_stems: list[str], answer_words: list[Span]) -> list[Span]:
    spans = []
    if len(term.stems) == 1:
        return [w for w, s in zip(answer_words, answer_stems) if s == term.stems[0]]
    for index in range(len(answer_stems) - 1):
        if answer_stems[index] == term.stems[0] and term.stems[1] in answer_stems[index + 1: index + 3]:
            end_index = answer_stems.index(term.stems[1], index + 1)
            spans.append(Span(answer_words[index].start, answer_words[end_index].end, ""))
    return spans


def _with_text(spans: list[Span], text: str) -> list[Span]:
    return [Span(s.start, s.end, text[s.start:s.end]) for s in spans]


def _content_stems(phrase: str, lexicon: Lexicon) -> set[str]:
    return {stem(w.text) for w in words(phrase) if w.text.lower() not in lexicon.jd_stopwords and len(w.text) > 2}


def _dedupe(spans: list[Span]) -> list[Span]:
    """Sorted, without spans contained in another."""
    result: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if result and span.start < result[-1].end:
            continue
        result.append(span)
    return result


def align_words(text: str, timed_words) -> list[tuple[int, int] | None]:
    """Character offsets in ``text`` of each timed word, found in order (``None`` where not found)."""
    lowered = text.lower()
    cursor = 0
    offsets: list[tuple[int, int] | None] = []
    for word, _, _ in timed_words:
        token = re.sub(r"[^\w'%$.-]", "", word.strip().lower()).strip(".")
        if not token:
            offsets.append(None)
            continue
        position = lowered.find(token, cursor)
        if position < 0 or position - cursor > 200:
            offsets.append(None)
            continue
        offsets.append((position, position + len(token)))
        cursor = position + len(token)
    return offsets
