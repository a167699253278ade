"""The Textual front end: screens over the pure core (packs, feedback, sessions, profiles)."""
