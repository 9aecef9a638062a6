"""Swedish personnummer and samordningsnummer (Skatteverket's rules, brief B.1–B.2).

python-stdnum rejects every samordningsnummer (day + 60) and the `personnummer` package rejects
spaces, so parsing is ours; the Luhn check digit comes from stdnum.luhn.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from stdnum import luhn

_SHAPE = re.compile(r"^(\d{2})?(\d{6})([-+]?)(\d{4})$")


class IdNumberError(ValueError):
    """Why the text is not a personnummer: one of 'format', 'date', 'future', 'checksum'."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class IdNumber:
    """A checked number, stored as 12 digits YYYYMMDDNNNC."""

    digits: str
    coordination: bool

    @property
    def birth_date(self) -> date:
        day = int(self.digits[6:8]) - (60 if self.coordination else 0)
        return date(int(self.digits[:4]), int(self.digits[4:6]), day)

    def format(self, style: str, today: date) -> str:
        """pnr12: YYYYMMDD-NNNN; pnr12_digits: YYYYMMDDNNNN; pnr10: YYMMDD-NNNN (+ from the year one turns 100)."""
        if style == "pnr12_digits":
            return self.digits
        if style == "pnr10":
            sep = "+" if today.year - self.birth_date.year >= 100 else "-"
            return f"{self.digits[2:8]}{sep}{self.digits[8:]}"
        return f"{self.digits[:8]}-{self.digits[8:]}"


def parse_id_number(text: str, today: date) -> IdNumber:
    """Accept 10 or 12 digits, with '-', '+' or nothing before the last four, spaces anywhere."""
    compact = re.sub(r"\s", "", text)
    match = _SHAPE.match(compact)
    if not match:
        raise IdNumberError("format")
    century, yymmdd, sep, tail = match.groups()
    if not luhn.is_valid(yymmdd + tail):
        raise IdNumberError("checksum")
    month, day = int(yymmdd[2:4]), int(yymmdd[4:6])
    coordination = day > 60
    real_day = day - 60 if coordination else day
    if century:
        years = [int(century + yymmdd[:2])]
    else:
        # The most recent year that is not in the future; '+' means 100 years or more ago.
        yy = int(yymmdd[:2])
        year = (today.year // 100) * 100 + yy
        if year > today.year:
            year -= 100
        if sep == "+":
            year -= 100
        years = [year, year - 100] if sep != "+" else [year]
    for year in years:
        try:
            born = date(year, month, real_day)
        except ValueError:
            raise IdNumberError("date") from None
        if born <= today:
            return IdNumber(digits=f"{year:04d}{yymmdd[2:]}{tail}", coordination=coordination)
    raise IdNumberError("future")
