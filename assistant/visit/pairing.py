"""The visitor's own screen (issue 16): a short one-use code pairs a second browser with a staff visit.

Both screens show the one visit they share, held in server memory like every visit; nothing else of a visit
reaches the second screen, and nothing is written anywhere. A code works once, for two minutes, and only from
the branch's own network: the second screen's address must be loopback, or private and (when the staff PC is
not the server itself) in the staff PC's subnet. Wrong codes are counted for the whole server: after too many
no code works for a while, so guessing gets nowhere. Erasing the visit ends its pairing.
"""
from __future__ import annotations

import ipaddress
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

CODE_DIGITS = 6
CODE_SECONDS = 120.0
MAX_WRONG = 10              # wrong codes (all screens together) before joining is locked ...
LOCK_SECONDS = 120.0        # ... for this long
VISITOR_SESSION_KEY = "pair:token"     # in the visitor screen's session: the token of the visit it shows


class PairingRefused(ValueError):
    """reason: wrong (no such code, or already used), expired, network, locked."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass
class Pairing:
    token: str                  # the shared visit's token
    staff_ip: str | None
    code: str | None            # None once used
    offered_at: float
    joined: bool = False
    may_answer: bool = True     # the staff's choice: the visitor answers, or only follows


def _address(text: str | None) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        ip = ipaddress.ip_address((text or "").strip().split("%")[0])
    except ValueError:
        return None
    mapped = getattr(ip, "ipv4_mapped", None)
    return mapped or ip


def same_network(staff_ip: str | None, visitor_ip: str | None) -> bool:
    """Whether the second screen is on the branch's network (see the module's docstring)."""
    staff, visitor = _address(staff_ip), _address(visitor_ip)
    if visitor is None:
        return False
    if visitor.is_loopback:
        return True
    if not visitor.is_private or staff is None:
        return False
    if staff.is_loopback:           # the staff PC runs Blankettguiden itself: its own network is private
        return True
    if not staff.is_private or staff.version != visitor.version:
        return False
    prefix = 24 if visitor.version == 4 else 64
    return ipaddress.ip_network(f"{staff}/{prefix}", strict=False) == \
        ipaddress.ip_network(f"{visitor}/{prefix}", strict=False)


class Pairings:
    """The open codes and the paired visits of this server process."""

    def __init__(self, clock: Callable[[], float] = time.monotonic):
        self._clock = clock
        self._by_token: dict[str, Pairing] = {}
        self._wrong = 0
        self._locked_until = 0.0
        self._lock = threading.Lock()

    def offer(self, token: str, staff_ip: str | None) -> str:
        """A new code for the visit; an earlier code, or a screen paired before, no longer counts."""
        with self._lock:
            open_codes = {p.code for p in self._by_token.values() if p.code}
            code = ""
            while not code or code in open_codes:
                code = f"{secrets.randbelow(10 ** CODE_DIGITS):0{CODE_DIGITS}d}"
            self._by_token[token] = Pairing(token=token, staff_ip=staff_ip, code=code, offered_at=self._clock())
            return code

    def join(self, code: str, visitor_ip: str | None) -> Pairing:
        """Use a code: the pairing it opens, or PairingRefused."""
        code = "".join(ch for ch in code if ch.isdigit())
        with self._lock:
            now = self._clock()
            if now < self._locked_until:
                raise PairingRefused("locked")
            found = next((p for p in self._by_token.values() if p.code and secrets.compare_digest(p.code, code)),
                         None)
            if found is None:
                self._wrong += 1
                if self._wrong >= MAX_WRONG:
                    self._wrong, self._locked_until = 0, now + LOCK_SECONDS
                raise PairingRefused("wrong")
            if now - found.offered_at > CODE_SECONDS:
                found.code = None
                raise PairingRefused("expired")
            if not same_network(found.staff_ip, visitor_ip):
                raise PairingRefused("network")
            found.code, found.joined = None, True
            return found

    def get(self, token: str) -> Pairing | None:
        with self._lock:
            return self._by_token.get(token)

    def joined(self, token: str) -> bool:
        pairing = self.get(token)
        return pairing is not None and pairing.joined

    def seconds_left(self, token: str) -> float:
        """Seconds the visit's open code still works; 0 when there is none."""
        pairing = self.get(token)
        if pairing is None or not pairing.code:
            return 0.0
        return max(0.0, CODE_SECONDS - (self._clock() - pairing.offered_at))

    def end(self, token: str) -> None:
        with self._lock:
            self._by_token.pop(token, None)


