"""Visits kept in server memory under an unguessable token, so a browser refresh or a dropped
connection does not lose a half-filled form. Nothing is written to disk; a visit expires after the
idle limit and is dropped at once when the visitor ends the visit.

An erased visit is final: its token goes into a bounded set of erased tokens, and the store never takes
that token again, so another tab or session that still holds the visit cannot put it back.
"""
from __future__ import annotations

import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Generic, TypeVar

V = TypeVar("V")

WARN_BEFORE_SECONDS = 60
# Erased tokens remembered: far more visits than a library PC sees between restarts. A token older than
# that can only be held by a session whose visit was emptied when it was erased (session.erase_visit).
ERASED_KEPT = 10_000


def new_token() -> str:
    """192 random bits, URL-safe: not guessable, and says nothing about the visitor."""
    return secrets.token_urlsafe(24)


def warn_seconds(limit_seconds: float) -> float:
    """How long before the erase the warning comes: a minute, or half the limit when that is shorter."""
    return min(WARN_BEFORE_SECONDS, limit_seconds / 2)


def idle_state(idle: float, limit_seconds: float) -> str:
    """'active', 'warn' (the last minute: offer more time, WCAG 2.2.1) or 'expired'."""
    if idle >= limit_seconds:
        return "expired"
    if idle >= limit_seconds - warn_seconds(limit_seconds):
        return "warn"
    return "active"


class VisitStore(Generic[V]):
    def __init__(self, limit_seconds: float, clock: Callable[[], float] = time.monotonic):
        self._limit = limit_seconds
        self._clock = clock
        self._visits: dict[str, tuple[V, float]] = {}
        self._erased: OrderedDict[str, None] = OrderedDict()
        self._lock = threading.Lock()

    def put(self, token: str, visit: V) -> bool:
        """Keep `visit` under `token`; an erased token is refused (False): an erase is final."""
        with self._lock:
            self._sweep()
            if token in self._erased:
                return False
            self._visits[token] = (visit, self._clock())
            return True

    def get(self, token: str) -> V | None:
        """The visit, if the token is known and not expired (an expired one is dropped here)."""
        with self._lock:
            self._sweep()
            entry = self._visits.get(token)
            return entry[0] if entry else None

    def touch(self, token: str) -> None:
        """The visitor did something; a visit already past the limit stays expired (it is not revived)."""
        with self._lock:
            self._sweep()
            if token in self._visits:
                self._visits[token] = (self._visits[token][0], self._clock())

    def idle_seconds(self, token: str) -> float | None:
        """Seconds since the visit was last active; None when it is unknown or expired."""
        with self._lock:
            self._sweep()
            entry = self._visits.get(token)
            return self._clock() - entry[1] if entry else None

    @property
    def limit_seconds(self) -> float:
        return self._limit

    @limit_seconds.setter
    def limit_seconds(self, seconds: float) -> None:
        """A new idle limit (staff reloaded the settings); it counts for visits already open too."""
        with self._lock:
            self._limit = seconds

    def drop(self, token: str) -> None:
        with self._lock:
            self._visits.pop(token, None)

    def erase(self, token: str) -> None:
        """Forget the visit and never take its token again (another tab may still hold the visit)."""
        with self._lock:
            self._visits.pop(token, None)
            self._erased[token] = None
            self._erased.move_to_end(token)
            while len(self._erased) > ERASED_KEPT:
                self._erased.popitem(last=False)

    def is_erased(self, token: str) -> bool:
        with self._lock:
            return token in self._erased

    def __len__(self) -> int:
        with self._lock:
            self._sweep()
            return len(self._visits)

    def _sweep(self) -> None:
        now = self._clock()
        for token in [t for t, (_, seen) in self._visits.items() if now - seen >= self._limit]:
            del self._visits[token]
