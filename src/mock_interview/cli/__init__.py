"""The command line: a thin front end over the core (and the audio and transcription modules)."""
