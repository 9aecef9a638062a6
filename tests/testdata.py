"""Invented test people. Personnummer are generated here with a valid check digit, never copied."""
from __future__ import annotations

from datetime import date, timedelta


def luhn_digit(nine: str) -> str:
    """Skatteverket's check digit: weights 2,1,2,1,... over YYMMDDNNN."""
    total = 0
    for i, ch in enumerate(nine):
        product = int(ch) * (2 if i % 2 == 0 else 1)
        total += product // 10 + product % 10
    return str((10 - total % 10) % 10)


def make_pnr(born: date, serial: int = 239, coordination: bool = False) -> str:
    """12-digit form YYYYMMDD-NNNC; coordination=True adds 60 to the day (samordningsnummer)."""
    day = born.day + (60 if coordination else 0)
    yymmddnnn = f"{born:%y%m}{day:02d}{serial:03d}"
    return f"{born:%Y%m}{day:02d}-{serial:03d}{luhn_digit(yymmddnnn)}"


TODAY = date(2026, 11, 25)
ASA_PNR = make_pnr(date(1941, 3, 14), 482)        # Åsa Öberg, invented
MAKE_PNR = make_pnr(date(1939, 8, 2), 117)         # her husband, invented
SAMORDNING = make_pnr(date(1970, 10, 3), 239, coordination=True)


def days_ahead(days: int) -> str:
    """A date in the future as the visitor types it: walks stay valid whatever day the tests run."""
    return (date.today() + timedelta(days=days)).isoformat()
