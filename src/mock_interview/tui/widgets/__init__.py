"""Reusable widgets of the round and review screens."""
