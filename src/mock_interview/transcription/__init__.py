"""Local speech-to-text with ``faster-whisper``.

``faster_whisper`` is imported lazily and only here, inside worker threads: it is heavy to import
(hundreds of milliseconds) and the app must paint before any model is loaded. Nothing here touches
the network unless the user asks with ``mock-interview models download``.
"""
