"""The answer feedback engine (pure: no UI, audio or speech import).

``analyse(answer, question, profile=None, delivery=None)`` returns a :class:`Feedback`: checks
grouped as structure, specificity, alignment, pitfalls and delivery, each with a status, the
evidence in the answer and a tip from the guide, plus a score from 0 to 100, one per group, and
the missing items that would raise it most.
"""

from mock_interview.core.feedback.alignment import JobTerm, job_terms
from mock_interview.core.feedback.assessment import FeedbackWeights
from mock_interview.core.feedback.delivery import align_words, long_pauses, words_per_minute
from mock_interview.core.feedback.engine import analyse, example_leaves_out, warm_up
from mock_interview.core.feedback.question import QuestionInfo, follow_up_focus
from mock_interview.core.feedback.registry import CheckId, CheckSpec, registry
from mock_interview.core.feedback.results import GROUPS, STATUSES, Check, Evidence, Feedback, Gain, Group, Status
from mock_interview.core.feedback.timings import Delivery, WordTiming
from mock_interview.core.kinds import QuestionKind, classify_question

__all__ = [
    "GROUPS",
    "STATUSES",
    "Check",
    "CheckId",
    "CheckSpec",
    "Delivery",
    "Evidence",
    "Feedback",
    "FeedbackWeights",
    "Gain",
    "Group",
    "JobTerm",
    "QuestionInfo",
    "QuestionKind",
    "Status",
    "WordTiming",
    "align_words",
    "analyse",
    "classify_question",
    "example_leaves_out",
    "follow_up_focus",
    "job_terms",
    "long_pauses",
    "warm_up",
    "registry",
    "words_per_minute",
]
