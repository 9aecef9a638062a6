"""Marks a string for the gettext catalog without translating it yet (translated where shown)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


def N_(message: str) -> str:
    return message


@dataclass(frozen=True)
class Message:
    """A message to show in the visitor's language: msgid plus its %(name)s parameters."""

    msgid: str
    params: dict[str, Any] = field(default_factory=dict)
