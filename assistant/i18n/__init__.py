"""Translations: the visitor's language, gettext catalogs built in memory, and their extraction."""
