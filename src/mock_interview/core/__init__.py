"""The pure core of mock-interview.

Question packs, target profiles, sessions, settings and the feedback engine live here. Nothing in
this package imports ``textual``, ``sounddevice`` or ``faster_whisper``: the terminal app and the
command line are thin front ends over it (``tests/unit/test_architecture.py`` guards the boundary).
"""
