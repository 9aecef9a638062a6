"""Printing on the library's printer through CUPS, for a staff PC where CUPS is set up.

The printer is `skrivare:` in config/municipality.yaml (assistant.settings.settings().printer). When it is
empty, or CUPS does not know it, the app offers the browser's own print instead.

The PDF holds personal data: it goes to `lp` on standard input and is never written to a file here. CUPS
keeps its own copy in its spool folder until the job is done, and by default for a day after that
(`PreserveJobFiles`, default 86400 s): a staff PC must set `PreserveJobFiles No` in /etc/cups/cupsd.conf
(docs/privacy.md, docs/accessibility.md "Printing at the library"); spool_keeps_copies() lets the app warn
staff when it is not set. The job title is fixed, so the queue (`lpstat`) never shows a visitor's name.

`lp` and `lpstat` talk to the CUPS server that CUPS_SERVER or ~/.cups/client.conf names, else the local one.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

from assistant.definition.errors import FormError, Problem

JOB_TITLE = "Blankettguiden"
LPSTAT_TIMEOUT = 5      # seconds; lpstat answers in milliseconds when CUPS runs
LP_TIMEOUT = 60         # seconds to hand the job over (not to print it)
_JOB_ID = re.compile(r"request id is (\S+)")
_PRINTER_NAME = re.compile(r"[^\s/#@\\]+")


class PrintError(FormError):
    """The print job could not be handed to CUPS; str() says what went wrong and what to do."""


def _problem(printer: str, message: str, fix: str) -> PrintError:
    return PrintError(Problem(file="CUPS", field=f"skrivare {printer!r}" if printer else "skrivare",
                              message=message, fix=fix))


def printer_available(name: str) -> bool:
    """True when CUPS runs, knows the printer `name`, and the printer is enabled and accepting jobs."""
    if not name or not _PRINTER_NAME.fullmatch(name) or not shutil.which("lpstat"):
        return False
    try:
        done = subprocess.run(["lpstat", "-p", name, "-a", name], capture_output=True, text=True,
                              timeout=LPSTAT_TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return False
    if done.returncode != 0:
        return False
    lines = done.stdout.splitlines()
    enabled = any(line.startswith(f"printer {name} ") and " disabled" not in line for line in lines)
    accepting = any(line.startswith(f"{name} accepting requests") for line in lines)
    return enabled and accepting


def print_pdf(pdf: bytes, printer: str) -> str:
    """Send `pdf` to `printer` with lp, reading from standard input; returns the CUPS job id.

    Raises PrintError (a FormError) with a message a staff member can act on.
    """
    if not printer or not _PRINTER_NAME.fullmatch(printer):
        raise _problem(printer, "no valid printer name is set.",
                       "Set skrivare: in config/municipality.yaml to a name that `lpstat -p` lists.")
    if not pdf.startswith(b"%PDF-"):
        raise _problem(printer, "what was to be printed is not a PDF.", "Create the form again and print it.")
    if not shutil.which("lp"):
        raise _problem(printer, "the lp command is missing: CUPS is not installed on this computer.",
                       "Install CUPS (Debian: apt-get install cups cups-client), or use the browser's print.")
    command = ["lp", "-d", printer, "-t", JOB_TITLE]       # no file: lp reads the job from standard input
    try:
        done = subprocess.run(command, input=pdf, capture_output=True, timeout=LP_TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        raise _problem(printer, f"CUPS did not take the job within {LP_TIMEOUT} seconds.",
                       "Check that CUPS runs (lpstat -r) and try again.") from None
    except OSError as exc:
        raise _problem(printer, f"lp could not be started ({exc.strerror}).",
                       "Check the CUPS installation, or use the browser's print.") from None
    said = (done.stderr or b"").decode("utf-8", "replace").strip().rstrip(".")
    if done.returncode != 0:
        raise _problem(printer, f"lp refused the job: {said or 'exit status ' + str(done.returncode)}.",
                       "Check the name with `lpstat -p`, that CUPS runs (`lpstat -r`) and that the printer "
                       "is enabled (`cupsenable`) and accepting jobs (`cupsaccept`).")
    match = _JOB_ID.search((done.stdout or b"").decode("utf-8", "replace"))
    if not match:
        raise _problem(printer, f"lp gave no job id ({said or 'no message'}).",
                       "Look at the queue with `lpstat -o`; the job may still have been printed.")
    return match.group(1)


def cupsd_conf() -> Path:
    """The scheduler's configuration file; CUPS_SERVERROOT moves it, as it does for cupsd itself."""
    return Path(os.environ.get("CUPS_SERVERROOT") or "/etc/cups") / "cupsd.conf"


_OFF = {"no", "off", "false", "0"}


def _preserve_value(lines: list[str], separator: str) -> str | None:
    """The PreserveJobFiles value in cupsd.conf lines (separator " ") or `cupsctl` output ("="), if set."""
    depth = 0
    value = None
    for line in lines:
        line = line.strip()
        if line.startswith("</"):
            depth -= 1
        elif line.startswith("<"):
            depth += 1
        elif depth == 0 and line.split(separator)[0].strip().lower() == "preservejobfiles":
            value = line.split(separator, 1)[1].strip() if separator in line else ""
    return value


def _cupsctl_value() -> str | None:
    """What the running scheduler reports, when the configuration file cannot be read here."""
    if not shutil.which("cupsctl"):
        return None
    try:       # a session of its own: cupsctl must never stop to ask for a password on a terminal
        done = subprocess.run(["cupsctl"], capture_output=True, text=True, timeout=LPSTAT_TIMEOUT, check=False,
                              stdin=subprocess.DEVNULL, start_new_session=True)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return _preserve_value(done.stdout.splitlines(), "=") if done.returncode == 0 else None


def spool_keeps_copies(conf: Path | None = None) -> bool | None:
    """True when CUPS keeps a copy of each printed form in its spool (PreserveJobFiles Yes, a number of
    seconds, or not set: the default keeps them for a day); False when it deletes them; None when neither
    the file nor cupsctl could tell."""
    try:
        text = (conf or cupsd_conf()).read_text(encoding="utf-8", errors="replace")
        value, known = _preserve_value(text.splitlines(), " "), True
    except OSError:
        value, known = _cupsctl_value(), False
    if value is None:
        return True if known else None
    return value.strip().lower() not in _OFF
