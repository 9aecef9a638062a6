"""One Application owns what the server shares between visitors; importing a module makes none of it."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from assistant.application import Application

ROOT = Path(__file__).resolve().parents[1]


def test_the_statistics_are_made_when_first_asked_for_not_at_import(tmp_path: Path) -> None:
    """A statistics file named after the app was imported is the one used, and application() is one object
    (before, the store and the statistics were made at import, with the environment as it was then)."""
    stats = tmp_path / "later.sqlite"
    probe = ("import os, assistant.ui.app as app; from assistant.ui.session import application; "
             f"os.environ['BLANKETTGUIDEN_STATS'] = {str(stats)!r}; "
             "a = application(); print(a.stats.path, a is application())")
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.split() == [str(stats), "True"], out.stderr


def test_two_applications_share_no_visit_and_no_pairing(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("BLANKETTGUIDEN_STATS", str(tmp_path / "s.sqlite"))
    one, other = Application.start(), Application.start()
    one.visits.put("token-a", object())
    assert one.visits.get("token-a") is not None and other.visits.get("token-a") is None
    one.pairings.offer("token-a", "127.0.0.1")
    assert one.pairings.get("token-a") is not None and other.pairings.get("token-a") is None


def test_the_forms_folder_is_read_when_the_forms_are_first_asked_for(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("BLANKETTGUIDEN_STATS", str(tmp_path / "s.sqlite"))
    app = Application.start()
    monkeypatch.setenv("BLANKETTGUIDEN_FORMS", str(ROOT / "forms"))
    assert app.forms.read_at is None
    assert "aldreomsorg" in app.forms().forms and app.forms.read_at is not None
