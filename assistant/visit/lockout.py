"""Wrong staff PINs, counted per browser session and for the whole server, so guessing is slowed down."""
from __future__ import annotations

import hmac
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class SessionTries:
    """This browser session's wrong PINs and when it may try again."""

    failures: int = 0
    wait_until: float = 0.0


@dataclass
class Lockout:
    """Wrong PINs are counted twice. Per session: after free_tries, each wrong PIN doubles that session's
    wait (30 s, 1 min, 2 min, … at most 15 min), so someone guessing at the kiosk only slows themselves down.
    For the whole server: at most max_failures wrong PINs in window seconds, counted across sessions, since a
    refresh or "Avsluta och radera" starts a new session. That caps guessing at 20 an hour, 480 a day: a
    six-digit PIN takes years. Staff in a fresh session are only kept out after 20 wrong PINs within the
    hour, and restarting Blankettguiden lifts that too (the counts live in this process only)."""

    free_tries: int = 3
    first_wait: float = 30
    max_wait: float = 900
    max_failures: int = 20
    window: float = 3600
    clock: Callable[[], float] = time.monotonic
    _failures: deque[float] = field(default_factory=deque)
    _mutex: threading.Lock = field(default_factory=threading.Lock)

    def _global_wait(self, now: float) -> float:
        while self._failures and self._failures[0] <= now - self.window:
            self._failures.popleft()
        if len(self._failures) < self.max_failures:
            return 0.0
        return self._failures[-self.max_failures] + self.window - now

    def remaining(self, tries: SessionTries) -> float:
        """Seconds until this session may try a PIN again; 0 when it may now."""
        now = self.clock()
        with self._mutex:
            return max(0.0, tries.wait_until - now, self._global_wait(now))

    def attempt(self, pin: str, expected: str, tries: SessionTries) -> bool:
        """True for the right PIN. While waiting even the right PIN is refused, so guessing cannot go on."""
        now = self.clock()
        with self._mutex:
            if max(tries.wait_until - now, self._global_wait(now)) > 0:
                return False
            if hmac.compare_digest(pin.encode("utf-8"), expected.encode("utf-8")):
                tries.failures = 0
                return True
            self._failures.append(now)
            tries.failures += 1
            if tries.failures >= self.free_tries:
                wait = self.first_wait * 2 ** (tries.failures - self.free_tries)
                tries.wait_until = now + min(wait, self.max_wait)
            return False
