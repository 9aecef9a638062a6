"""The municipality's settings (config/municipality.yaml) and the {placeholders} form texts use.

Reading them never raises: the app imports them before it draws anything (the visit store's idle limit),
so a typo here must not take every form down. A part of the file that is wrong is replaced by its default
and described in `problems`, in Swedish, with file, line and what to write instead: what the file may hold is
assistant/definition/schema/municipality.schema.yaml, and a value it rejects is left out. Each top-level block is
parsed on its own, so a syntax error in one block leaves the others (and the forms using them) working.
Staff read the file again from the staff area (SettingsInForce.reload); a broken edit keeps the last good
settings in force.
"""
from __future__ import annotations

import logging
import os
import re
import threading
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from assistant.definition import form_schema
from assistant.definition.errors import FormError, Problem
from assistant.definition.yaml_lines import LineDict, line_of, parse_yaml, read_text

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "config" / "municipality.yaml"
FORMS_DIR = Path(__file__).resolve().parent.parent / "forms"
FORMS_ENV = "BLANKETTGUIDEN_FORMS"      # another forms folder (a test copy, the municipality's own)


def forms_dir() -> Path:
    """The forms folder the app and the CLI read: $BLANKETTGUIDEN_FORMS, else forms/."""
    return Path(os.environ.get(FORMS_ENV) or FORMS_DIR)
DEFAULT_IDLE_MINUTES = 10
DEFAULT_PAUSE_DAYS = 30
SCALAR_KEYS = {"blanketter", "inaktiv_minuter", "skrivare", "fortsatt_senare_dagar"}
_PLACEHOLDER = re.compile(r"\{([a-z_]+\.[a-z_0-9]+)\}")
_TOP_LEVEL = re.compile(r"^[^\s#\-]")     # a line that starts a top-level key
_LOG = logging.getLogger(__name__)


@dataclass(frozen=True)
class Settings:
    placeholders: dict[str, str]
    offered_forms: tuple[str, ...] | None     # None: the list could not be read, so every working form is offered
    idle_minutes: float    # a fraction works too (the browser tests use 0.5)
    printer: str
    source: Path
    problems: tuple[Problem, ...] = ()
    pause_days: int = 30        # how long a "fortsätt senare" sheet can be continued

    def fill(self, text: str) -> str:
        """Replace {kommun.namn} and the like; unknown placeholders stay visible so they get noticed."""
        return _PLACEHOLDER.sub(lambda m: self.placeholders.get(m.group(1), m.group(0)), text)

    def offered(self, available: list[str]) -> list[str]:
        """The form ids the start page shows, in the municipality's order."""
        if self.offered_forms is None:
            return sorted(available)
        return [form_id for form_id in self.offered_forms if form_id in available]


def _blocks(text: str) -> list[tuple[int, str]]:
    """The file cut at each top-level key: (first line number, the block's text)."""
    lines = text.splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if _TOP_LEVEL.match(line)] or [0]
    starts[0] = 0                                     # leading comments belong to the first block
    return [(start + 1, "".join(lines[start:end])) for start, end in zip(starts, starts[1:] + [len(lines)])]


def _read_blocks(path: Path, text: str, problems: list[Problem]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for first_line, block in _blocks(text):
        try:
            parsed = parse_yaml(block, path, first_line)
        except FormError as exc:
            problems.extend(_in_swedish(p, first_line, block) for p in exc.problems)
            continue
        if parsed is None:
            continue
        if not isinstance(parsed, dict):
            problems.append(Problem(file=path, line=first_line, message="raden är inte en inställning.",
                                    fix="Skriv namn, kolon och värde, till exempel inaktiv_minuter: 10"))
            continue
        for key, value in parsed.items():
            if key in data:
                problems.append(Problem(file=path, line=line_of(parsed, first_line), field=str(key),
                                        message="inställningen finns två gånger.", fix="Ta bort den ena."))
            else:
                data[key] = value
    return data


def _in_swedish(problem: Problem, first_line: int, block: str) -> Problem:
    """yaml_lines speaks English to form authors; the municipality's file is edited by Swedish staff."""
    if "twice" in problem.message:
        return Problem(file=problem.file, line=problem.line, field=problem.field,
                       message="namnet finns två gånger i samma block.", fix="Ta bort det ena.")
    content = [first_line + i for i, line in enumerate(block.splitlines()) if line.strip() and not line.startswith("#")]
    line = min(problem.line or first_line, content[-1]) if content else first_line
    name = next((ln.split(":")[0] for ln in block.splitlines() if _TOP_LEVEL.match(ln)), "")
    return Problem(file=problem.file, line=line, field=name or None,
                   message=f"fel i YAML-formatet i blocket som börjar på rad {content[0] if content else first_line}. "
                           "Blocket används inte förrän felet är rättat.",
                   fix="Kontrollera indragningen (två mellanslag, inga tabbar) och att citattecken är stängda.")


def _placeholders(data: dict[str, Any]) -> dict[str, str]:
    values: dict[str, str] = {}
    for group, entries in data.items():
        if group in SCALAR_KEYS:
            continue
        for key, value in entries.items():
            values[f"{group}.{key}"] = str(value)
    return values


def _lines_of_keys(text: str) -> dict[str, int]:
    """The line each top-level key is on, for messages about scalar values (which carry no line)."""
    found: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        match = re.match(r"^([A-Za-z_][\w]*)\s*:", line)
        if match:
            found.setdefault(match.group(1), number)
    return found


def _checked(path: Path, data: dict[str, Any], text: str, problems: list[Problem]) -> LineDict:
    """The settings after the schema check: its problems added in Swedish, the values it rejects left out (so
    their defaults are used). A key whose block had a YAML error is not reported missing a second time."""
    lines = _lines_of_keys(text)
    checked = LineDict(data)
    checked.line, checked.key_lines = 1, lines
    if not text.strip():
        return checked
    for problem in form_schema.problems(checked, path, "municipality", wording=form_schema.SWEDISH):
        missing = problem.field is None                 # the only top-level problem: blanketter: is missing
        if not (missing and "blanketter" in lines):
            problems.append(replace(problem, field="blanketter") if missing else problem)
    form_schema.prune(checked, "municipality")
    return checked


def load_settings(path: Path) -> Settings:
    """The settings in `path`; what cannot be used is replaced by its default and listed in problems."""
    problems: list[Problem] = []
    try:
        text = read_text(path)
    except FormError:
        problems.append(Problem(file=path, message="filen går inte att läsa (finns den, och är den sparad som UTF-8?).",
                                fix="Kopiera config/municipality.yaml från projektet och fyll i den."))
        text = ""
    if problems == [] and not text.strip():
        problems.append(Problem(file=path, line=1, message="filen är tom. Alla blanketter som fungerar visas.",
                                fix="Kopiera config/municipality.yaml från projektet och fyll i den."))
    data = _checked(path, _read_blocks(path, text, problems) if text else {}, text, problems)
    offered = tuple(data["blanketter"]) if "blanketter" in data else None
    idle = data.get("inaktiv_minuter", DEFAULT_IDLE_MINUTES)
    pause_days = data.get("fortsatt_senare_dagar", DEFAULT_PAUSE_DAYS)
    printer = data.get("skrivare") or ""
    return Settings(placeholders=_placeholders(data), offered_forms=offered, idle_minutes=idle,
                    printer=printer, source=path, problems=tuple(problems),
                    pause_days=pause_days)


def _read_installed() -> Settings:
    """The file BLANKETTGUIDEN_CONFIG names (default config/municipality.yaml). Problems are logged, so the
    server's log says what the staff notice says."""
    loaded = load_settings(Path(os.environ.get("BLANKETTGUIDEN_CONFIG", DEFAULT_PATH)))
    for problem in loaded.problems:
        _LOG.warning("%s", problem)
    return loaded


@dataclass
class SettingsInForce:
    """This installation's settings, read at the first use and again when staff press reload.

    A reload that finds problems does not replace settings that had none: the last good settings stay in
    force and `rejected` holds the problems, for the staff area, until a reading without problems is taken.
    (Settings that were never good are replaced: the file as it is now, with defaults for its broken parts.)"""

    rejected: tuple[Problem, ...] = ()
    _current: Settings | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __call__(self) -> Settings:
        with self._lock:
            if self._current is None:
                self._current = _read_installed()
            return self._current

    def reload(self) -> Settings:
        """Read the file again; the settings now in force."""
        fresh = _read_installed()
        with self._lock:
            if fresh.problems and self._current is not None and not self._current.problems:
                self.rejected = fresh.problems
            else:
                self._current, self.rejected = fresh, ()
            return self._current

    def cache_clear(self) -> None:
        """Forget the settings: the next use reads the file as at start (tests point it at other files)."""
        with self._lock:
            self._current, self.rejected = None, ()


settings = SettingsInForce()


def placeholders_in(text: str) -> list[str]:
    return _PLACEHOLDER.findall(text)
