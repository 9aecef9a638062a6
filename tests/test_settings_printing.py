"""CUPS keeping printed forms (issue 17, point 6): with skrivare: set, the app reads PreserveJobFiles from
cupsd.conf (CUPS's default keeps every printed file for a day) and warns staff, with the fix, until it is No."""
from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from assistant import settings as settings_module
from assistant.paper.printing import spool_keeps_copies

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "streamlit_app.py")
WARNING = "CUPS sparar en kopia av varje utskriven blankett"
BASE = "LogLevel warn\nListen localhost:631\n<Location />\n  Order allow,deny\n</Location>\n"


@pytest.mark.parametrize("lines, kept", [
    ("", True),                                           # not set: the default keeps files for 86400 s
    ("PreserveJobFiles No\n", False),
    ("PreserveJobFiles off\n", False),
    ("PreserveJobFiles Yes\n", True),
    ("PreserveJobFiles 3600\n", True),
    ("#PreserveJobFiles No\n", True),                     # a comment changes nothing
    ("<Policy default>\n  PreserveJobFiles No\n</Policy>\n", True),
    ("PreserveJobFiles No\nPreserveJobFiles Yes\n", True),  # the last one counts, as in cupsd
])
def test_preserve_job_files_is_read_as_cupsd_reads_it(tmp_path, lines, kept):
    conf = tmp_path / "cupsd.conf"
    conf.write_text(BASE + lines, encoding="utf-8")
    assert spool_keeps_copies(conf) is kept


def test_unknown_when_neither_the_file_nor_cupsctl_can_tell(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))             # no cupsctl here
    assert spool_keeps_copies(tmp_path / "absent.conf") is None


@pytest.fixture
def app_with_printer(tmp_path, monkeypatch):
    """The app on a staff PC whose settings name a printer, with a cupsd.conf the test writes."""
    from assistant.ui import app, page_staff

    def use(printer: str, cupsd: str) -> AppTest:
        config = tmp_path / "municipality.yaml"
        config.write_text((ROOT / "config" / "municipality.yaml").read_text(encoding="utf-8")
                          .replace('skrivare: ""', f'skrivare: "{printer}"'), encoding="utf-8")
        (tmp_path / "cupsd.conf").write_text(BASE + cupsd, encoding="utf-8")
        monkeypatch.setenv("BLANKETTGUIDEN_CONFIG", str(config))
        monkeypatch.setenv("CUPS_SERVERROOT", str(tmp_path))
        settings_module.settings.cache_clear()
        app.application().forms.clear()
        page_staff.cups_keeps_copies.clear()
        at = AppTest.from_file(APP, default_timeout=60).run()
        assert not at.exception, [e.value for e in at.exception]
        return at

    yield use
    settings_module.settings.cache_clear()
    app.application().forms.clear()
    page_staff.cups_keeps_copies.clear()


def warnings_of(at: AppTest) -> str:
    return "\n".join(w.value for w in at.warning)


def test_staff_are_warned_while_cups_keeps_printed_forms(app_with_printer):
    at = app_with_printer("bibliotek", "")
    assert WARNING in warnings_of(at) and "sudo cupsctl PreserveJobFiles=No" in warnings_of(at)
    at.button(key="staff:open").click().run()                     # the staff area says it too
    assert WARNING in warnings_of(at)


def test_no_warning_once_preserve_job_files_is_no(app_with_printer):
    assert WARNING not in warnings_of(app_with_printer("bibliotek", "PreserveJobFiles No\n"))


def test_no_warning_without_a_printer(app_with_printer):
    assert WARNING not in warnings_of(app_with_printer("", ""))


def test_setup_says_so_too(tmp_path, monkeypatch, capsys):
    """scripts/setup.sh ends with assistant.setup_check: it names the settings problems and the CUPS fix."""
    from assistant import setup_check

    config = tmp_path / "municipality.yaml"
    config.write_text((ROOT / "config" / "municipality.yaml").read_text(encoding="utf-8")
                      .replace('skrivare: ""', 'skrivare: "bibliotek"')
                      .replace("inaktiv_minuter: 10", "inaktiv_minuter: tio"), encoding="utf-8")
    (tmp_path / "cupsd.conf").write_text(BASE, encoding="utf-8")
    monkeypatch.setenv("BLANKETTGUIDEN_CONFIG", str(config))
    monkeypatch.setenv("CUPS_SERVERROOT", str(tmp_path))
    monkeypatch.setattr(setup_check, "missing_fonts", lambda: [])
    settings_module.settings.cache_clear()
    try:
        assert setup_check.main() == 1
    finally:
        settings_module.settings.cache_clear()
    said = capsys.readouterr().err.splitlines()
    assert any(line.startswith(f"{config}:") and "inaktiv_minuter" in line for line in said)
    assert any("sudo cupsctl PreserveJobFiles=No" in line for line in said)
