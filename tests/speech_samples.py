"""Known answers to say with espeak-ng, and word error rate, for the real tests and the speech benchmarks."""

from __future__ import annotations

import re

# About 45 s at espeak-ng's 150 words a minute: varied vocabulary, names, a year, numbers and a percentage.
ANSWER_45 = (
    "Thanks for asking. In 2019 I joined a logistics startup in Rotterdam as its second data analyst. "
    "Within six months our delivery delays had doubled, so I built a forecasting model in Python that predicted "
    "warehouse demand three weeks ahead. I presented the results to the operations director, and we changed the "
    "night shift schedule. By the end of the year, late deliveries fell by 35% and we saved roughly 400 hours of "
    "overtime. The drivers asked for a weekly summary, so I wrote a short report that went out every Monday at 7. "
    "What I learned is that a simple model people trust beats a clever one nobody uses."
)

# About 90 s: another field, other numbers, long sentences and short ones.
ANSWER_90 = (
    "Thank you. My background is in nursing, and for the last seven years I have worked on a busy cardiology ward "
    "at a teaching hospital in Leeds. Two years ago our team noticed that patients were waiting up to 90 minutes "
    "for their discharge letters. I volunteered to lead a small improvement project with two junior doctors and a "
    "pharmacist. We mapped every step of the discharge process on a whiteboard, and found that most of the delay "
    "came from prescriptions being checked twice. We piloted a shared checklist for four weeks, measured waiting "
    "times every morning, and held a short review each Friday. The average wait dropped from 90 minutes to 35, "
    "and complaints about discharge fell by half. The hospital later rolled the checklist out to eleven other "
    "wards. In the next three years, I want to move into a clinical informatics role, where I can design tools "
    "like that checklist for whole departments. I am already studying for a certificate in health data "
    "analytics, and I expect to finish it in June. Last autumn I also presented our results at a regional "
    "conference in Manchester, in front of about 200 nurses and managers. Two other trusts have since asked "
    "for our templates, and we shared them free of charge. Your focus on safe, paperless care is "
    "exactly where I want to build that career."
)

_UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SPELLING = {"organisation": "organization", "organisations": "organizations", "okay": "ok"}


def normalise_words(text: str) -> list[str]:
    """Lower case, no punctuation, numbers as digits ("thirty five" and "35" compare equal), "%" as "percent"."""
    text = text.lower().replace("%", " percent").replace("-", " ")
    text = re.sub(r"(?<=\d),(?=\d)", "", text)
    words = re.sub(r"[^\w' ]+", " ", text).split()
    out: list[str] = []
    index = 0
    while index < len(words):
        word = words[index]
        if word in _TENS:
            value = _TENS[word]
            if index + 1 < len(words) and words[index + 1] in _UNITS and _UNITS[words[index + 1]] < 10:
                value += _UNITS[words[index + 1]]
                index += 1
            out.append(str(value))
        elif word in _UNITS:
            out.append(str(_UNITS[word]))
        else:
            out.append(_SPELLING.get(word, word))
        index += 1
    return out


def wer(reference: str, hypothesis: str) -> float:
    """Word error rate (jiwer) after :func:`normalise_words` on both sides."""
    import jiwer

    ref = " ".join(normalise_words(reference))
    hyp = " ".join(normalise_words(hypothesis))
    if not hyp:
        return 1.0 if ref else 0.0
    return float(jiwer.wer(ref, hyp))
