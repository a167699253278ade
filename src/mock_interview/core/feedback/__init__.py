"""The answer feedback engine (pure: no UI, audio or speech import).

``analyse(answer, question, profile=None, delivery=None)`` returns a :class:`Feedback`: checks
grouped as structure, specificity, alignment, pitfalls and delivery, each with a status, the
evidence in the answer and a tip from the guide, plus a score from 0 to 100 and one per group.
"""

from mock_interview.core.feedback.engine import (
    Delivery,
    QuestionInfo,
    align_words,
    analyse,
    classify_question,
    job_terms,
    long_pauses,
    words_per_minute,
)
from mock_interview.core.feedback.model import GROUPS, STATUSES, Check, Evidence, Feedback

__all__ = ["GROUPS", "STATUSES", "Check", "Delivery", "Evidence", "Feedback", "QuestionInfo", "align_words", "analyse",
           "classify_question", "job_terms", "long_pauses", "words_per_minute"]
