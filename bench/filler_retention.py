"""How many spoken fillers (um, uh) survive transcription, with and without a disfluent prompt.

Whisper was trained on transcripts that mostly leave fillers out, so it tends to drop them.
Starting the decoder from disfluent text is a known way to keep more. The app uses the prompt
(only on what the speech detector calls speech), and calls its filler count a lower bound. The
last line goes through the whole path an answer takes (speech gate, pieces, guards).

Run: python bench/filler_retention.py
"""

from __future__ import annotations

import re

import _common  # noqa: F401
import _speech

from mock_interview.transcription.streaming import transcribe_audio
from mock_interview.transcription.transcriber import DISFLUENT_PROMPT, load_transcriber

SENTENCES = [
    "Um, in my last job I, uh, led the support team.",
    "So, uh, I wrote a guide and, um, trained my colleagues.",
    "Um, my goal is, uh, to become a product manager.",
    "And, uh, I think this role is, um, the right next step.",
]
FILLER = re.compile(r"\b(um+|uh+|erm|hmm+|ah)\b", re.I)


def main() -> None:
    transcriber = load_transcriber("bundled")
    spoken = sum(len(FILLER.findall(s)) for s in SENTENCES)
    for label, prompt in (("no prompt", ""), ("disfluent prompt", DISFLUENT_PROMPT)):
        kept = 0
        for sentence in SENTENCES:
            text = transcriber.transcribe(_speech.speak(sentence, 140), prompt=prompt).text
            kept += len(FILLER.findall(text))
        print(f"{label:>17}: {kept} of {spoken} fillers kept ({kept / spoken:.0%})")
    kept = sum(len(FILLER.findall(transcribe_audio(_speech.speak(s, 140), transcriber).text)) for s in SENTENCES)
    print(f"{'answer path':>17}: {kept} of {spoken} fillers kept ({kept / spoken:.0%})")


if __name__ == "__main__":
    main()
