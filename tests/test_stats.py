"""Anonymous statistics: what is counted, that nothing identifying is stored, and the staff area
(PIN from secrets, table, chart and CSV; the PIN lockout is in tests/test_staff_pin.py) in the real Streamlit page."""
from __future__ import annotations

import csv
import io
import logging
import sqlite3
import threading
from datetime import date
from pathlib import Path

import pyarrow as pa
import pytest
from pypdf import PdfReader
import streamlit as st
from streamlit.runtime.secrets import Secrets
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.util import patch_config_options

from assistant.paper.documents import build_documents
from assistant.wizard.flow import Wizard
from assistant.definition.loader import load_form
from assistant.visit.stats import MAX_MINUTES, Statistics, median, stats_path, whole_minutes
from assistant.ui import page_staff
from assistant.ui.session import application
from assistant.visit.lockout import Lockout
from tests.form_walks.aldreomsorg import PAGES
from tests.testdata import make_pnr

ROOT = Path(__file__).resolve().parent.parent
NOV, DEC = date(2026, 11, 25), date(2026, 12, 2)
PIN = "482915"


@pytest.fixture
def stats(tmp_path: Path) -> Statistics:
    return Statistics(tmp_path / "var" / "statistics.sqlite")


def visit(stats: Statistics, form_id: str, lang: str, minutes: float | None, today: date = NOV) -> None:
    """One visit: minutes=None means it was abandoned."""
    stats.started(form_id, lang, today)
    stats.finished(form_id, lang, (minutes or 3) * 60, minutes is not None, today)


def test_counts_per_month_and_form_with_languages_and_median(stats):
    for minutes in (12, 20, 31):
        visit(stats, "aldreomsorg", "sv", minutes)
    visit(stats, "aldreomsorg", "ar", None)
    visit(stats, "aldreomsorg", "ar", 44)
    stats.started("aldreomsorg", "ti", NOV)                 # still in progress
    visit(stats, "fardtjanst", "sv@lattlast", 7, DEC)
    rows = stats.monthly()
    assert [(r.month, r.form_id) for r in rows] == [("2026-11", "aldreomsorg"), ("2026-12", "fardtjanst")]
    nov, dec = rows
    assert (nov.started, nov.completed, nov.abandoned) == (6, 4, 1)
    assert nov.languages == {"sv": 3, "ar": 2, "ti": 1}
    assert nov.median_minutes == 25.5                       # 12, 20, 31, 44
    assert (dec.started, dec.completed, dec.abandoned, dec.median_minutes) == (1, 1, 0, 7.0)
    assert dec.languages == {"sv@lattlast": 1}


def test_a_month_without_completed_visits_has_no_median(stats):
    visit(stats, "forskola", "so", None)
    assert stats.monthly()[0].median_minutes is None


@pytest.mark.parametrize("seconds, minutes", [(0, 1), (29, 1), (91, 2), (3599, 60), (10 * 3600, MAX_MINUTES)])
def test_durations_are_whole_minutes_within_bounds(seconds, minutes):
    assert whole_minutes(seconds) == minutes


@pytest.mark.parametrize("histogram, expected", [({}, None), ({5: 1}, 5.0), ({3: 2, 9: 1}, 3.0),
                                                 ({3: 1, 9: 1}, 6.0), ({1: 1, 2: 2, 40: 1}, 2.0)])
def test_median_from_a_histogram(histogram, expected):
    assert median(histogram) == expected


def test_csv_has_one_column_per_language(stats):
    visit(stats, "aldreomsorg", "sv", 10)
    visit(stats, "aldreomsorg", "fa", 15)
    visit(stats, "bostadstillagg", "uk", None, DEC)
    rows = list(csv.DictReader(io.StringIO(stats.to_csv())))
    assert rows == [
        {"month": "2026-11", "form_id": "aldreomsorg", "started": "2", "completed": "2", "abandoned": "0",
         "median_minutes": "12.5", "lang_fa": "1", "lang_sv": "1", "lang_uk": "0"},
        {"month": "2026-12", "form_id": "bostadstillagg", "started": "1", "completed": "0", "abandoned": "1",
         "median_minutes": "", "lang_fa": "0", "lang_sv": "0", "lang_uk": "1"},
    ]


@pytest.mark.parametrize("form_id, lang", [("Zyxwåvu Qörtbeck", "sv"), ("aldreomsorg", "19410314-4821"),
                                           ("aldreomsorg; DROP TABLE visits", "sv"), ("=HYPERLINK(1)", "sv"),
                                           ("aldreomsorg\n", "sv"), ("aldreomsorg", "sv\x00")])
def test_anything_but_identifiers_is_refused_without_repeating_it(stats, form_id, lang):
    with pytest.raises(ValueError) as info:
        stats.started(form_id, lang, NOV)
    assert form_id.strip() not in str(info.value) and lang not in str(info.value)
    assert stats.monthly() == []


def test_a_write_that_fails_is_logged_and_the_visit_goes_on(tmp_path, caplog):
    unwritable = tmp_path / "a-folder.sqlite"
    unwritable.mkdir()
    with caplog.at_level(logging.WARNING, logger="assistant.visit.stats"):
        stats = Statistics(unwritable)
        stats.started("aldreomsorg", "sv", NOV)
    assert "statistics not written" in caplog.text


def test_no_folder_for_the_database_does_not_stop_the_app(tmp_path, caplog):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    with caplog.at_level(logging.WARNING, logger="assistant.visit.stats"):
        Statistics(blocker / "var" / "statistics.sqlite").started("aldreomsorg", "sv", NOV)
    assert "no folder for statistics" in caplog.text and "statistics not written" in caplog.text


def test_threads_writing_at_once_lose_no_count(stats):
    def many() -> None:
        for _ in range(25):
            visit(stats, "aldreomsorg", "en", 5)
    threads = [threading.Thread(target=many) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    row = stats.monthly()[0]
    assert (row.started, row.completed, row.languages) == (150, 150, {"en": 150})


def test_path_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("BLANKETTGUIDEN_STATS", str(tmp_path / "x" / "s.sqlite"))
    assert stats_path() == tmp_path / "x" / "s.sqlite"
    monkeypatch.delenv("BLANKETTGUIDEN_STATS")
    assert stats_path() == ROOT / "var" / "statistics.sqlite"


def encodings(text: str) -> list[bytes]:
    return [text.encode(codec) for codec in ("utf-8", "utf-16-le", "utf-16-be")]


def database_bytes(path: Path) -> bytes:
    """The database and any journal SQLite left beside it."""
    return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))


def test_a_whole_visit_leaves_nothing_identifying_in_the_database(tmp_path):
    form = load_form(ROOT / "forms" / "aldreomsorg" / "form.yaml")
    today = date.today()                                    # the walk's dates are relative to today
    pnr = make_pnr(date(1944, 6, 17), 735)
    person = {"sokande.fornamn": "Zyxwåvu", "sokande.efternamn": "Qörtbeck", "sokande.personnummer": pnr}
    stats = Statistics(tmp_path / "statistics.sqlite")
    wizard = Wizard.start(form, today)
    stats.started(form.id, "ar", today)
    for page_id, values in PAGES:
        assert wizard.page == page_id
        wizard = wizard.next({k: person.get(k, v) for k, v in values.items()}, today)
        assert not wizard.errors, wizard.errors
    docs = build_documents(form, wizard.answers, today, fillable=True)
    filled = PdfReader(io.BytesIO(docs.fillable_pdf)).get_fields()
    assert filled["Sokande_Efternamn"]["/V"] == "Qörtbeck"                # the name did go through
    stats.finished(form.id, "ar", 1234.5, True, today)

    stored = database_bytes(stats.path)
    needles = ["Zyxwåvu", "Qörtbeck", "Zyxw", "rtbeck", pnr, pnr.replace("-", ""), pnr[2:], "1234",
               today.isoformat()]
    for needle in needles:
        for encoded in encodings(needle):
            assert encoded not in stored, needle
    with sqlite3.connect(stats.path) as conn:
        texts = {value for table in ("visits", "languages", "minutes")
                 for row in conn.execute(f"SELECT * FROM {table}") for value in row if isinstance(value, str)}
    assert texts == {f"{today:%Y-%m}", "aldreomsorg", "ar"}

    # The same scan does find a name that SQLite stored: the test can fail.
    control = tmp_path / "control.sqlite"
    with sqlite3.connect(control) as conn:
        conn.execute("CREATE TABLE t (v TEXT)")
        conn.execute("INSERT INTO t VALUES (?)", ("Zyxwåvu",))
    assert encodings("Zyxwåvu")[0] in database_bytes(control)


# --- The staff area in Streamlit ------------------------------------------------------------------

def staff_script() -> None:
    from assistant.i18n.translator import Translator
    from assistant.visit.stats import Statistics, stats_path
    from assistant.ui import page_staff

    page_staff.show(Translator.for_code("sv"), Statistics(stats_path()))


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch) -> Clock:
    """A fresh process-wide lockout with a clock the test moves."""
    fake = Clock()
    monkeypatch.setattr(application(), "lockout", Lockout(clock=fake))
    return fake


@pytest.fixture
def filled(monkeypatch, tmp_path) -> Statistics:
    path = tmp_path / "statistics.sqlite"
    monkeypatch.setenv("BLANKETTGUIDEN_STATS", str(path))
    stats = Statistics(path)
    visit(stats, "aldreomsorg", "sv", 18)
    visit(stats, "aldreomsorg", "ar", None)
    visit(stats, "fardtjanst", "sv", 9, DEC)
    return stats


def open_staff(secrets: dict[str, object]) -> AppTest:
    at = AppTest.from_function(staff_script, default_timeout=30)
    at.secrets.update(secrets)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def try_pin(at: AppTest, pin: str) -> AppTest:
    at.text_input(key=page_staff.PIN_INPUT).input(pin)
    at.button[0].click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def chart_data(at: AppTest) -> list[tuple[str, str, int]]:
    """The bar chart's rows (month, series, count), read from the Arrow data Streamlit sends."""
    chart = at.get("vega_lite_chart")[0].proto
    assert '"type": "bar"' in chart.spec
    rows = pa.ipc.open_stream(chart.datasets[0].data.data).read_all().to_pylist()
    return [(r["Månad"], r["Besök"], r["Antal"]) for r in rows]


def page_text(at: AppTest) -> str:
    return "\n".join(e.value for kind in ("error", "warning", "info", "markdown", "code") for e in at.get(kind))


@pytest.mark.parametrize("secrets", [{"other": "x"}, {"staff_pin": ""}, {"staff_pin": "1234"}])
def test_without_a_usable_pin_the_area_says_how_to_set_one_and_shows_nothing(filled, clock, secrets):
    at = open_staff(secrets)
    assert ".streamlit/secrets.toml" in at.warning[0].value and "minst 6 tecken" in at.warning[0].value
    assert at.code[0].value.startswith("staff_pin = ")
    assert not at.dataframe and not at.text_input and not at.download_button


def test_without_any_secrets_file_the_area_says_how_to_set_one(filled, clock, monkeypatch, tmp_path):
    monkeypatch.setattr(st, "secrets", Secrets())                       # nothing parsed yet
    with patch_config_options({"secrets.files": [str(tmp_path / "absent" / "secrets.toml")]}):
        at = open_staff({})
    assert ".streamlit/secrets.toml" in at.warning[0].value
    assert not at.dataframe and not at.text_input


def test_a_wrong_pin_shows_no_numbers_and_the_right_one_does(filled, clock):
    at = try_pin(open_staff({"staff_pin": PIN}), "000000")
    assert [e.value for e in at.error] == ["Fel PIN-kod."]
    assert not at.dataframe
    assert at.text_input(key=page_staff.PIN_INPUT).value == ""          # the form forgets what was typed
    at = try_pin(at, PIN)
    table = at.dataframe[0].value
    assert table.to_dict("records") == [
        {"Månad": "2026-11", "Blankett": "aldreomsorg", "Påbörjade": 2, "Klara": 1, "Avbrutna": 1,
         "Mediantid för klara (minuter)": 18.0, "Språk": "العربية 1, Svenska 1"},
        {"Månad": "2026-12", "Blankett": "fardtjanst", "Påbörjade": 1, "Klara": 1, "Avbrutna": 0,
         "Mediantid för klara (minuter)": 9.0, "Språk": "Svenska 1"},
    ]
    assert sorted(chart_data(at)) == sorted([
        ("2026-11", "Påbörjade", 2), ("2026-11", "Klara", 1), ("2026-11", "Avbrutna", 1),
        ("2026-12", "Påbörjade", 1), ("2026-12", "Klara", 1), ("2026-12", "Avbrutna", 0)])
    assert at.download_button[0].label == "Ladda ner som CSV"
    assert PIN not in page_text(at)


def test_numeric_pin_in_secrets_works(filled, clock):
    at = try_pin(open_staff({"staff_pin": 48291573}), "48291573")
    assert at.dataframe


def test_lock_closes_the_area_again(filled, clock):
    at = try_pin(open_staff({"staff_pin": PIN}), PIN)
    at.button(key="staff:lock").click().run()
    assert not at.dataframe and at.text_input(key=page_staff.PIN_INPUT)


def test_an_empty_database_says_so(monkeypatch, tmp_path, clock):
    monkeypatch.setenv("BLANKETTGUIDEN_STATS", str(tmp_path / "new" / "statistics.sqlite"))
    at = try_pin(open_staff({"staff_pin": PIN}), PIN)
    assert "Ingen statistik ännu" in at.info[0].value and not at.dataframe
