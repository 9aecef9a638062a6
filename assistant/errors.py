"""Errors a person can act on: each names the file, where in it, what is wrong and what to do."""
from __future__ import annotations

import traceback
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a form definition, a PDF or a catalog."""

    file: Path | str
    message: str
    fix: str = ""
    line: int | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else str(self.file)
        what = f"{self.field}: {self.message}" if self.field else self.message
        return f"{where}: {what}" + (f" Fix: {self.fix}" if self.fix else "")


class FormError(Exception):
    """Raised with one or more problems; str() is the full, readable list."""

    def __init__(self, problems: list[Problem] | Problem):
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


_PROJECT = Path(__file__).resolve().parent.parent


def describe_failure(exc: BaseException) -> str:
    """What staff and the log may be told about a failure: a FormError's problems (written for people), else
    only the exception's type and the project line it came from, never its message, which could quote a
    visitor's answer."""
    if isinstance(exc, FormError):
        return str(exc)
    where = ""
    for frame in traceback.extract_tb(exc.__traceback__):
        path = Path(frame.filename)
        if path.is_relative_to(_PROJECT) and ".venv" not in path.parts:
            where = f"{path.relative_to(_PROJECT)}:{frame.lineno}"
    return f"{type(exc).__name__} ({where})" if where else type(exc).__name__
