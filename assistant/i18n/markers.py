"""Marks a string for the gettext catalog without translating it yet (translated where shown)."""


def N_(message: str) -> str:
    return message
