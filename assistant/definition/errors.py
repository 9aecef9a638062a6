"""Errors a person can act on: each names the file, where in it, what is wrong and what to do."""
from __future__ import annotations

import re
import traceback
import unicodedata
from dataclasses import dataclass
from pathlib import Path

_OBJECT_REPR = re.compile(r"(?:stream )?<[\w.]+ object at 0x[0-9a-fA-F]+>:? ?")


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
        return one_line(f"{where}: {what}" + (f" Fix: {self.fix}" if self.fix else ""))


def _escaped(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def one_line(text: str) -> str:
    """Text safe to print on one terminal line: control, format (bidi, zero-width) and separator
    characters are shown escaped, and a library's object reprs (<_io.BytesIO object at 0x…>) are dropped.
    A hostile PDF's field names reach messages, and must not move the cursor or reorder the line."""
    text = _OBJECT_REPR.sub("", text)
    return "".join(_escaped(c) if unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp") else c
                   for c in text)


class FormError(Exception):
    """Raised with one or more problems; str() is the full, readable list."""

    def __init__(self, problems: list[Problem] | Problem):
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


_PROJECT = Path(__file__).resolve().parents[2]


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
