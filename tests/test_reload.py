"""Staff read the forms and the settings again without restarting Blankettguiden (issue 13, point 7): the
staff area's "Läs in blanketterna och inställningarna igen". A changed form is offered as it is now, a form
whose file is now broken is not offered and staff read why (file:line, fix), a broken settings file keeps the
last good settings in force, and a visit in progress goes on with the form it started with.

The app is pointed at copies of forms/ and config/municipality.yaml (BLANKETTGUIDEN_FORMS and
BLANKETTGUIDEN_CONFIG), which the tests then edit as an administrator would."""
from __future__ import annotations

import re
import shutil
from datetime import datetime
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from assistant.definition.loader import FormLibrary, load_form
from assistant.settings import SettingsInForce, settings
from assistant.definition.forms_in_force import FormsInForce
from assistant.ui.session import application
from tests.walks import fill_page

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "streamlit_app.py")
RELOAD = "Läs in blanketterna och inställningarna igen"
OLD_TITLE = "Ansökan om färdtjänst eller riksfärdtjänst"
NEW_TITLE = "Färdtjänst och riksfärdtjänst (ny version)"
OLD_QUESTION = "Vad vill du ansöka om?"
NEW_QUESTION = "Vilken sorts resor gäller det?"
KEPT = "Inställningsfilen har fel, så de senaste fungerande inställningarna gäller fortfarande."


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def installation(tmp_path, monkeypatch):
    """Copies of forms/ and of the settings file that the running app reads (nothing is read yet)."""
    from assistant.ui import app, page_staff

    forms = tmp_path / "forms"
    shutil.copytree(ROOT / "forms", forms)
    config = tmp_path / "municipality.yaml"
    shutil.copy(ROOT / "config" / "municipality.yaml", config)
    monkeypatch.setenv("BLANKETTGUIDEN_FORMS", str(forms))
    monkeypatch.setenv("BLANKETTGUIDEN_CONFIG", str(config))
    monkeypatch.setattr(application().visits, "limit_seconds", application().visits.limit_seconds)    # put back after the test
    settings.cache_clear()
    application().forms.clear()
    page_staff.cups_keeps_copies.clear()
    yield forms, config
    settings.cache_clear()
    application().forms.clear()


def session() -> AppTest:
    """A browser tab of its own, on the start page."""
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def press(at: AppTest, key: str) -> AppTest:
    at.button(key=key).click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def staff_reload() -> AppTest:
    """Staff open "För personalen" in another tab and press the reload button."""
    staff = press(session(), "staff:open")
    assert staff.button(key="staff:reload").label == RELOAD
    return press(staff, "staff:reload")


def offered(at: AppTest) -> set[str]:
    return {b.key.removeprefix("start:") for b in at.button if b.key and b.key.startswith("start:")}


def start_page_titles(at: AppTest) -> list[str]:
    return [s.value for s in at.subheader]


def warnings(at: AppTest) -> str:
    return "\n".join(w.value for w in at.warning)


def staff_code(at: AppTest) -> str:
    return "\n".join(c.value for c in at.code)


# --- In the app ----------------------------------------------------------------------------------------------

def test_a_changed_form_is_offered_as_it_is_now_after_the_reload(installation):
    forms, _ = installation
    before = session()
    assert OLD_TITLE in start_page_titles(before)
    edit(forms / "fardtjanst" / "form.yaml", f"title: {OLD_TITLE}", f"title: {NEW_TITLE}")
    assert OLD_TITLE in start_page_titles(before.run())                  # read once: nothing changes by itself
    staff = staff_reload()
    assert "Blanketterna och inställningarna är inlästa igen." in staff.success[0].value
    assert any(m.value.startswith("Blanketterna och inställningarna lästes senast in 20") for m in staff.markdown)
    back = press(staff, "view:back")
    assert NEW_TITLE in start_page_titles(back) and OLD_TITLE not in start_page_titles(back)
    assert NEW_TITLE in start_page_titles(session())                    # every visitor's start page


def test_a_form_broken_meanwhile_is_not_offered_and_staff_read_why_while_the_others_start(installation):
    forms, _ = installation
    assert {"aldreomsorg", "fardtjanst", "trygghetslarm"} <= offered(session())
    path = forms / "aldreomsorg" / "form.yaml"
    edit(path, "vaning: Vaning", "vaning: Vaaning")
    staff = staff_reload()
    assert "Blanketten aldreomsorg visas inte för besökare:" in [m.value for m in staff.markdown]
    assert re.search(rf"^{re.escape(str(path))}:\d+: vaning: PDF field 'Vaaning' is not in .* Fix: ",
                     staff_code(staff), re.MULTILINE), staff_code(staff)
    visitor = session()
    assert "aldreomsorg" not in offered(visitor) and {"fardtjanst", "trygghetslarm"} <= offered(visitor)
    started = press(visitor, "start:trygghetslarm")
    assert started.title[0].value and not offered(started)              # the other forms still start


def test_a_visit_in_progress_keeps_the_form_it_started_with(installation):
    forms, _ = installation
    form = load_form(ROOT / "forms" / "fardtjanst" / "form.yaml")
    visitor = press(session(), "start:fardtjanst")
    assert visitor.title[0].value == OLD_QUESTION
    path = forms / "fardtjanst" / "form.yaml"
    edit(path, f"title: {OLD_QUESTION}", f"title: {NEW_QUESTION}")
    edit(path, "id: ansokan_avser\n    title:", "id: ansokan_avser\n    titel:")      # and broken on top
    staff = staff_reload()
    assert "Blanketten fardtjanst visas inte för besökare:" in [m.value for m in staff.markdown]
    visitor.run()
    assert not visitor.exception and visitor.title[0].value == OLD_QUESTION
    fill_page(visitor, form, {"arende": "fardtjanst"})
    assert press(visitor, "nav:next").title[0].value == "Är det en ny ansökan?"     # its next page, as it was
    assert "fardtjanst" not in offered(session())                       # while new visitors cannot start it


def test_changed_settings_count_after_the_reload_and_a_broken_edit_keeps_the_last_good_ones(installation):
    _, config = installation
    assert "fullmakt" in offered(session())
    edit(config, "  - fullmakt\n", "")
    edit(config, "inaktiv_minuter: 10", "inaktiv_minuter: 20")
    back = press(staff_reload(), "view:back")
    assert "fullmakt" not in offered(back) and application().visits.limit_seconds == 20 * 60
    edit(config, "inaktiv_minuter: 20", "inaktiv_minuter: tjugo")
    edit(config, "  - trygghetslarm\n", "")
    line = next(i for i, text in enumerate(config.read_text(encoding="utf-8").splitlines(), 1) if "tjugo" in text)
    staff = staff_reload()
    assert KEPT in warnings(staff)
    assert f"{config}:{line}: inaktiv_minuter: måste vara ett antal minuter" in staff_code(staff)
    assert application().visits.limit_seconds == 20 * 60                               # the last good settings
    assert "trygghetslarm" in offered(press(staff, "view:back"))
    edit(config, "inaktiv_minuter: tjugo", "inaktiv_minuter: 15")         # fixed: the new file counts
    staff = staff_reload()
    assert KEPT not in warnings(staff) and application().visits.limit_seconds == 15 * 60
    assert "trygghetslarm" not in offered(press(staff, "view:back"))


# --- The parts on their own ----------------------------------------------------------------------------------

def test_forms_are_read_once_and_again_only_on_reload():
    readings: list[FormLibrary] = []
    times = iter([datetime(2026, 3, 14, 9, 0), datetime(2026, 3, 14, 11, 30)])

    def read() -> FormLibrary:
        readings.append(FormLibrary(forms={}, broken={}))
        return readings[-1]

    forms = FormsInForce(read, clock=lambda: next(times))
    assert forms.read_at is None
    assert forms() is forms() is readings[0] and forms.read_at == datetime(2026, 3, 14, 9, 0)
    assert forms.reload() is readings[1] and forms() is readings[1]
    assert forms.read_at == datetime(2026, 3, 14, 11, 30) and len(readings) == 2


def test_settings_that_were_never_good_are_replaced_by_the_file_as_it_is_now(tmp_path, monkeypatch):
    config = tmp_path / "municipality.yaml"
    config.write_text((ROOT / "config" / "municipality.yaml").read_text(encoding="utf-8")
                      .replace("inaktiv_minuter: 10", "inaktiv_minuter: tio"), encoding="utf-8")
    monkeypatch.setenv("BLANKETTGUIDEN_CONFIG", str(config))
    in_force = SettingsInForce()
    assert in_force().problems and in_force().idle_minutes == 10             # the default stands in
    edit(config, "fortsatt_senare_dagar: 30", "fortsatt_senare_dagar: 7")
    assert in_force.reload().pause_days == 7 and in_force.rejected == ()
