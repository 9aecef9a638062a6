"""Anonymous statistics for the municipality's evaluation of the citizen office.

Only counters are stored, never events: per month and form, how many visits started, completed and
were abandoned, how often each language was used, and a histogram of whole minutes per completed
form (for the median). There is no row per visit, so nothing can be lined up with the time a
person was at the library; the month is the finest time there is. form_id and lang must look like
identifiers, so free text (an answer, a name, a token) cannot reach the database even by mistake.

SQLite from the standard library; one short connection per call, so Streamlit's script threads
never share a connection and several server processes may write to the same file.
"""
from __future__ import annotations

import csv
import io
import logging
import os
import re
import sqlite3
import statistics
from collections.abc import Iterator, Mapping
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

_LOG = logging.getLogger(__name__)

DEFAULT_PATH = Path(__file__).resolve().parents[2] / "var" / "statistics.sqlite"
ENV_PATH = "BLANKETTGUIDEN_STATS"
MAX_MINUTES = 180        # longer visits count as 180: the tail says nothing more and stays coarse

_FORM_ID = re.compile(r"[a-z][a-z0-9_]{0,63}")
_LANG = re.compile(r"[a-z]{2,3}(@[a-z]{1,16})?")

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS visits (month TEXT NOT NULL, form_id TEXT NOT NULL, "
    "started INTEGER NOT NULL DEFAULT 0, completed INTEGER NOT NULL DEFAULT 0, "
    "abandoned INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (month, form_id))",
    "CREATE TABLE IF NOT EXISTS languages (month TEXT NOT NULL, form_id TEXT NOT NULL, "
    "lang TEXT NOT NULL, visits INTEGER NOT NULL, PRIMARY KEY (month, form_id, lang))",
    "CREATE TABLE IF NOT EXISTS minutes (month TEXT NOT NULL, form_id TEXT NOT NULL, "
    "minutes INTEGER NOT NULL, visits INTEGER NOT NULL, PRIMARY KEY (month, form_id, minutes))",
)


def stats_path() -> Path:
    """Where this installation keeps its statistics: BLANKETTGUIDEN_STATS, else var/statistics.sqlite."""
    return Path(os.environ.get(ENV_PATH) or DEFAULT_PATH)


def whole_minutes(seconds: float) -> int:
    """A duration as whole minutes, at least 1 and at most MAX_MINUTES (rounded, never to the second)."""
    return max(1, min(MAX_MINUTES, round(seconds / 60)))


def median(histogram: Mapping[int, int]) -> float | None:
    """The median of values given as value -> count; None when there are none."""
    values = [value for value, count in sorted(histogram.items()) for _ in range(count)]
    return float(statistics.median(values)) if values else None


@dataclass(frozen=True)
class MonthRow:
    """One form in one month. median_minutes is over completed visits (None when there were none)."""

    month: str                     # "YYYY-MM"
    form_id: str
    started: int
    completed: int
    abandoned: int
    median_minutes: float | None
    languages: dict[str, int] = field(default_factory=dict)   # language code -> visits started


def _month(today: date) -> str:
    return f"{today.year:04d}-{today.month:02d}"


def _checked(form_id: str, lang: str) -> None:
    """Refuse anything that is not an identifier; the message never repeats the value (it might be a name)."""
    if not _FORM_ID.fullmatch(form_id):
        raise ValueError("form_id must be a form's id: lower-case letters, digits and _")
    if not _LANG.fullmatch(lang):
        raise ValueError("lang must be a language code, such as 'sv' or 'sv@lattlast'")


class Statistics:
    """The counters in one SQLite file. Writing never raises: a visitor's form must not fail
    because the evaluation could not be counted (the failure is logged, without any answers)."""

    def __init__(self, path: Path):
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:                        # the app must start even so; writes then log too
            _LOG.warning("no folder for statistics at %s: %s", path.parent, exc)
        self._write(*((sql, ()) for sql in _SCHEMA))

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        with closing(sqlite3.connect(self.path, timeout=5)) as conn:
            with conn:                                # one transaction: commit, or roll back on error
                yield conn

    def _write(self, *statements: tuple[str, tuple[object, ...]]) -> None:
        try:
            with self._connect() as conn:
                for sql, params in statements:
                    conn.execute(sql, params)
        except sqlite3.Error as exc:
            _LOG.warning("statistics not written to %s: %s", self.path, exc)

    def started(self, form_id: str, lang: str, today: date) -> None:
        """A visitor began filling a form in a language."""
        _checked(form_id, lang)
        month = _month(today)
        self._write(
            ("INSERT INTO visits (month, form_id, started) VALUES (?, ?, 1) "
             "ON CONFLICT (month, form_id) DO UPDATE SET started = started + 1", (month, form_id)),
            ("INSERT INTO languages VALUES (?, ?, ?, 1) "
             "ON CONFLICT (month, form_id, lang) DO UPDATE SET visits = visits + 1", (month, form_id, lang)))

    def finished(self, form_id: str, lang: str, seconds: float, completed: bool, today: date) -> None:
        """A visit ended: completed (the PDF was made) or abandoned; only completed ones are timed.

        lang is checked as in started() but not counted again: a visit counts in the language it began in.
        """
        _checked(form_id, lang)
        month = _month(today)
        column = "completed" if completed else "abandoned"
        statements = [(f"INSERT INTO visits (month, form_id, {column}) VALUES (?, ?, 1) "
                       f"ON CONFLICT (month, form_id) DO UPDATE SET {column} = {column} + 1", (month, form_id))]
        if completed:
            statements.append(("INSERT INTO minutes VALUES (?, ?, ?, 1) "
                               "ON CONFLICT (month, form_id, minutes) DO UPDATE SET visits = visits + 1",
                               (month, form_id, whole_minutes(seconds))))
        self._write(*statements)

    def monthly(self) -> list[MonthRow]:
        """Every month and form with any visit, oldest month first."""
        with self._connect() as conn:
            visits = conn.execute("SELECT month, form_id, started, completed, abandoned FROM visits "
                                  "ORDER BY month, form_id").fetchall()
            langs: dict[tuple[str, str], dict[str, int]] = {}
            for month, form_id, lang, n in conn.execute(
                    "SELECT month, form_id, lang, visits FROM languages ORDER BY visits DESC, lang"):
                langs.setdefault((month, form_id), {})[lang] = n
            minutes: dict[tuple[str, str], dict[int, int]] = {}
            for month, form_id, value, n in conn.execute("SELECT month, form_id, minutes, visits FROM minutes"):
                minutes.setdefault((month, form_id), {})[value] = n
        return [MonthRow(month, form_id, started, completed, abandoned,
                         median(minutes.get((month, form_id), {})), langs.get((month, form_id), {}))
                for month, form_id, started, completed, abandoned in visits]

    def to_csv(self) -> str:
        """The monthly table for a spreadsheet: one column per language that was ever used."""
        rows = self.monthly()
        codes = sorted({code for row in rows for code in row.languages})
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["month", "form_id", "started", "completed", "abandoned", "median_minutes",
                         *(f"lang_{code}" for code in codes)])
        for row in rows:
            writer.writerow([row.month, row.form_id, row.started, row.completed, row.abandoned,
                             "" if row.median_minutes is None else f"{row.median_minutes:g}",
                             *(row.languages.get(code, 0) for code in codes)])
        return out.getvalue()
