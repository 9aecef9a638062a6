"""The forms the app offers, shared by every visitor: read at the first visit and again when staff press
"Läs in blanketterna och inställningarna igen" in the staff area.

A reload replaces the whole library at once. A visit in progress is not touched by it: its Wizard holds the
Form object it started with, so a half-filled form keeps its questions even when the file was changed or
broken meanwhile. A form whose file is broken now is in the new library's `broken` (not offered, staff see why).
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from assistant.definition.loader import FormLibrary


@dataclass
class FormsInForce:
    """The library `read` returns, read once and kept until `reload` (or `clear`), with when it was read."""

    read: Callable[[], FormLibrary]
    clock: Callable[[], datetime] = datetime.now
    _library: FormLibrary | None = None
    _read_at: datetime | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __call__(self) -> FormLibrary:
        """The library in force; the first caller reads it while the others wait for that one reading."""
        with self._lock:
            return self._library if self._library is not None else self._load()

    def reload(self) -> FormLibrary:
        """Read every form again; the new library is offered from the next page on."""
        with self._lock:
            return self._load()

    @property
    def read_at(self) -> datetime | None:
        """When the library in force was read (None before the first visit)."""
        return self._read_at

    def clear(self) -> None:
        """Forget the library: the next visit reads it again (the tests point the app at other folders)."""
        with self._lock:
            self._library, self._read_at = None, None

    def _load(self) -> FormLibrary:
        library = self.read()
        self._library, self._read_at = library, self.clock()
        return library
