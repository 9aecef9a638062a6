"""A private CUPS scheduler with a cups-pdf virtual printer, for the printing tests.

It has its own configuration, spool and socket in a temporary folder (CUPS_SERVER points lp/lpstat at it),
so a CUPS that already runs on the machine is neither used nor changed. The cups-pdf backend writes the
"printed" PDF to the Out folder of /etc/cups/cups-pdf.conf (${HOME}/PDF of the user who printed).
"""
from __future__ import annotations

import os
import pwd
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.browser.processes import stop_process

CUPSD = "/usr/sbin/cupsd"
BACKEND = Path("/usr/lib/cups/backend/cups-pdf")
PPD = Path("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd")
CUPS_PDF_CONF = Path("/etc/cups/cups-pdf.conf")

CUPSD_CONF = """\
Listen {root}/cups.sock
LogLevel warn
WebInterface No
Browsing No
DefaultAuthType None
# Job files hold personal data: never keep them after printing (the setting a staff PC needs too).
PreserveJobFiles No
PreserveJobHistory Yes
<Location />
  Order allow,deny
  Allow localhost
</Location>
<Policy default>
  JobPrivateAccess default
  JobPrivateValues default
  SubscriptionPrivateAccess default
  SubscriptionPrivateValues default
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
"""

CUPS_FILES_CONF = """\
ServerRoot {root}
RequestRoot {root}/spool
CacheDir {root}/cache
StateDir {root}/state
ErrorLog {root}/log/error_log
AccessLog {root}/log/access_log
PageLog {root}/log/page_log
SystemGroup root
"""


def missing() -> str | None:
    """Why a private CUPS with cups-pdf cannot run here, or None."""
    if os.geteuid() != 0:
        return "printing through CUPS is tested as root (cupsd runs the cups-pdf backend as root)"
    for path in (CUPSD, BACKEND, PPD, CUPS_PDF_CONF):
        if not Path(path).exists():
            return f"{path} is missing: run scripts/setup.sh test (Debian: cups printer-driver-cups-pdf)"
    for tool in ("lp", "lpstat", "lpadmin"):
        if not shutil.which(tool):
            return f"{tool} is missing: run scripts/setup.sh test (Debian: cups-client)"
    return None


def cups_pdf_out_dir() -> Path:
    """cups-pdf's output folder for the current user (Out in /etc/cups/cups-pdf.conf)."""
    out = "/var/spool/cups-pdf/${USER}"
    for line in CUPS_PDF_CONF.read_text().splitlines():
        m = re.match(r"\s*Out\s+(\S+)", line)
        if m:
            out = m.group(1)
    user = pwd.getpwuid(os.geteuid())
    return Path(out.replace("${HOME}", user.pw_dir).replace("${USER}", user.pw_name))


@dataclass
class PrivateCups:
    printer: str = "blankettguiden-test"
    # Filters run as the lp user and must reach the spool: not under pytest's root-only tmp_path.
    root: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="blankettguiden-cups-")))

    def __post_init__(self) -> None:
        self.root.chmod(0o755)
        for sub in ("spool", "cache", "state", "log"):
            (self.root / sub).mkdir(parents=True, exist_ok=True)
        (self.root / "cupsd.conf").write_text(CUPSD_CONF.format(root=self.root))
        (self.root / "cups-files.conf").write_text(CUPS_FILES_CONF.format(root=self.root))
        self.env = {"CUPS_SERVER": str(self.root / "cups.sock")}
        self.process = subprocess.Popen(
            [CUPSD, "-f", "-c", str(self.root / "cupsd.conf"), "-s", str(self.root / "cups-files.conf")],
            stdout=subprocess.DEVNULL, stderr=(self.root / "log" / "cupsd.out").open("wb"))
        self._wait_running()
        self.out_dir = cups_pdf_out_dir()
        self.out_before = set(self.out_dir.glob("*.pdf")) if self.out_dir.is_dir() else set()

    def run(self, *command: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run(command, env={**os.environ, **self.env}, capture_output=True, text=True,
                              timeout=30, check=check)

    def _wait_running(self) -> None:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"cupsd exited: {(self.root / 'log' / 'cupsd.out').read_text()}"
                                   f"{self.log()}")
            if (self.root / "cups.sock").exists() and self.run("lpstat", "-r", check=False).returncode == 0:
                return
            time.sleep(0.1)
        raise RuntimeError("cupsd did not start within 30 s" + self.log())

    def add_pdf_printer(self) -> str:
        """The cups-pdf virtual printer. pdftocairo renders the PostScript step, so the text of the printed
        PDF can still be read back with pdftotext (Ghostscript's Type 3 fonts cannot)."""
        self.run("lpadmin", "-p", self.printer, "-v", "cups-pdf:/", "-E", "-P", str(PPD),
                 "-o", "pdftops-renderer-default=pdftocairo")
        return self.printer

    def disable(self, printer: str) -> None:
        self.run("cupsdisable", printer)

    def printed(self, timeout: float = 60) -> Path:
        """The new PDF cups-pdf wrote, once the job is completed and the file is whole."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            new = sorted(set(self.out_dir.glob("*.pdf")) - self.out_before) if self.out_dir.is_dir() else []
            done = self.run("lpstat", "-W", "completed", "-o", self.printer, check=False).stdout.strip()
            if new and done:
                data = new[0].read_bytes()
                if data.rstrip().endswith(b"%%EOF"):
                    return new[0]
            time.sleep(0.2)
        raise AssertionError(f"cups-pdf wrote nothing to {self.out_dir} within {timeout} s" + self.log())

    def spooled_job_files(self) -> list[Path]:
        return sorted((self.root / "spool").glob("d*"))

    def log(self) -> str:
        path = self.root / "log" / "error_log"
        return f"\ncupsd error_log:\n{path.read_text()}" if path.is_file() else ""

    def stop(self) -> None:
        for path in set(self.out_dir.glob("*.pdf")) - self.out_before if self.out_dir.is_dir() else ():
            path.unlink()            # only what this scheduler printed
        stop_process(self.process)
        shutil.rmtree(self.root, ignore_errors=True)
