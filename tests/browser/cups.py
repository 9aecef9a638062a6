"""A private CUPS scheduler with a cups-pdf virtual printer, for the printing tests.

It has its own configuration, spool and socket in a temporary folder (CUPS_SERVER points lp/lpstat at it),
so a CUPS that already runs on the machine is neither used nor changed. Its cups-pdf queue has a configuration
of its own (cups-pdf reads /etc/cups/cups-pdf-<suffix>.conf for the device cups-pdf:/<suffix>; the file is removed
when the scheduler stops) whose Out, Spool and Log folders are inside the temporary folder: the "printed" PDF never lands in
~/PDF, where an old file of an earlier run could have the same name. Job ids start at a random number for the
same reason (NextJobId in the scheduler's job.cache).
"""
from __future__ import annotations

import os
import secrets
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


def queue_config(root: Path) -> str:
    """The machine's cups-pdf.conf with its output, spool and log folders inside `root`."""
    ours = {"Out": root / "printed", "Spool": root / "cups-pdf-spool", "Log": root / "log"}
    kept = [line for line in CUPS_PDF_CONF.read_text().splitlines()
            if not line.split() or line.split()[0] not in ours]
    return "\n".join([*kept, *(f"{key} {folder}" for key, folder in ours.items()), ""])


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
        (self.root / "cache" / "job.cache").write_text(
            f"# Job cache file for CUPS\nNextJobId {secrets.randbelow(10**8) + 10**6}\n")
        self.suffix = "blankettguiden-" + secrets.token_hex(4)
        self.device_uri = f"cups-pdf:/{self.suffix}"
        self.out_dir = self.root / "printed"
        self.out_dir.mkdir()
        self.queue_conf = CUPS_PDF_CONF.with_name(f"cups-pdf-{self.suffix}.conf")
        self.queue_conf.write_text(queue_config(self.root))
        self.env = {"CUPS_SERVER": str(self.root / "cups.sock")}
        self.process = subprocess.Popen(
            [CUPSD, "-f", "-c", str(self.root / "cupsd.conf"), "-s", str(self.root / "cups-files.conf")],
            stdout=subprocess.DEVNULL, stderr=(self.root / "log" / "cupsd.out").open("wb"))
        self._wait_running()

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
        self.run("lpadmin", "-p", self.printer, "-v", self.device_uri, "-E", "-P", str(PPD),
                 "-o", "pdftops-renderer-default=pdftocairo")
        return self.printer

    def disable(self, printer: str) -> None:
        self.run("cupsdisable", printer)

    def printed(self, timeout: float = 60) -> Path:
        """The new PDF cups-pdf wrote, once the job is completed and the file is whole."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            new = sorted(self.out_dir.rglob("*.pdf"))
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
        stop_process(self.process)
        self.queue_conf.unlink(missing_ok=True)
        shutil.rmtree(self.root, ignore_errors=True)     # the printed forms with it
