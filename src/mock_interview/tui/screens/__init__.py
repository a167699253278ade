"""The app's screens, each a typed Textual screen."""
