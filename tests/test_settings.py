"""A broken config/municipality.yaml (issue 17, point 3): the app still starts, the forms it does not concern
keep working, and staff read in Swedish which line is wrong and what to write. The visitor never meets
Streamlit's English error page, not even when a page run fails."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from assistant import settings as settings_module
from assistant.settings import DEFAULT_IDLE_MINUTES, load_settings

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "streamlit_app.py")
GOOD = (ROOT / "config" / "municipality.yaml").read_text(encoding="utf-8")
SWEDISH = ("måste", "är inget", "fel i YAML-formatet", "okänd inställning", "saknas", "filen")


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), start=1) if needle in line)


def broken(tmp_path: Path, old: str, new: str) -> tuple[Path, str]:
    assert old in GOOD
    text = GOOD.replace(old, new, 1)
    path = tmp_path / "municipality.yaml"
    path.write_text(text, encoding="utf-8")
    return path, text


def test_a_word_for_the_idle_minutes_gives_the_default_and_names_the_line(tmp_path):
    path, text = broken(tmp_path, "inaktiv_minuter: 10", "inaktiv_minuter: tio")
    config = load_settings(path)
    assert config.idle_minutes == DEFAULT_IDLE_MINUTES
    [problem] = config.problems
    assert str(problem).startswith(f"{path}:{line_of(text, 'inaktiv_minuter')}: inaktiv_minuter: måste vara ett antal minuter")
    assert "Fix: Skriv till exempel inaktiv_minuter: 10" in str(problem)
    assert config.offered_forms and config.placeholders["kommun.namn"] == "Jönköpings kommun"


@pytest.mark.parametrize("old, new, key", [
    ('skrivare: ""', "skrivare: [a, b]", "skrivare"),
    ('skrivare: ""', 'skrivare: "min skrivare"', "skrivare"),
    ("inaktiv_minuter: 10", "inaktiv_minuter: 0", "inaktiv_minuter"),
    ("inaktiv_minuter: 10", "inaktiv_minuter: true", "inaktiv_minuter"),
    ("  - forskola", "  - {forskola: ja}", "blanketter"),
    ("blanketter:\n", "blanketter: aldreomsorg\nx:\n", "blanketter"),
    ("  namn: Jönköpings kommun", "  namn: [Jönköpings kommun", "kommun"),
    ("  namn: Jönköpings kommun", "\tnamn: Jönköpings kommun", "kommun"),
    ("  namn: Jönköpings kommun", "  namn:\n    - a", "kommun.namn"),
    ("inaktiv_minuter: 10", "inaktiv_minuter: 2026-13-45", "inaktiv_minuter"),
    ("  namn: Jönköpings kommun", "  [namn]: Jönköpings kommun", "kommun"),
])
def test_every_wrong_type_or_syntax_error_is_one_swedish_problem_with_line_and_fix(tmp_path, old, new, key):
    path, text = broken(tmp_path, old, new)
    config = load_settings(path)
    assert config.problems, new
    for problem in config.problems:
        assert problem.file == path and problem.line and problem.fix, str(problem)
        assert any(word in problem.message for word in SWEDISH), str(problem)
    assert any(problem.field == key for problem in config.problems), [str(p) for p in config.problems]


def test_a_syntax_error_in_one_block_keeps_the_others(tmp_path):
    path, text = broken(tmp_path, 'skrivare: ""', 'skrivare: "bibliotek')
    config = load_settings(path)
    assert config.placeholders["adress.socialtjansten"].startswith("Jönköpings kommun")
    assert config.offered_forms and len(config.offered_forms) == 9 and config.printer == ""
    assert [p.line for p in config.problems] == [line_of(text, 'skrivare: "bibliotek')]


def test_an_unreadable_list_of_forms_offers_every_working_form(tmp_path):
    path, _ = broken(tmp_path, "blanketter:\n", "blanketter: {\n")
    config = load_settings(path)
    assert config.offered_forms is None and config.offered(["b", "a"]) == ["a", "b"]


def test_the_visit_store_is_built_even_from_a_broken_file(tmp_path):
    """assistant/ui/session.py reads the settings at import time: that import must not fail."""
    path, _ = broken(tmp_path, "inaktiv_minuter: 10", "inaktiv_minuter: tio")
    done = subprocess.run([sys.executable, "-c", "import assistant.ui.session as s; print(s.application().visits.limit_seconds)"],
                          cwd=ROOT, capture_output=True, text=True, env={"BLANKETTGUIDEN_CONFIG": str(path),
                                                                          "PATH": "/usr/bin:/bin"}, timeout=120)
    assert done.returncode == 0 and done.stdout.split()[-1] == str(DEFAULT_IDLE_MINUTES * 60), done.stderr


@pytest.fixture
def app_with(monkeypatch):
    """Run the real app with another settings file (the settings and the checked forms are cached)."""
    from assistant.ui import app, page_staff

    def use(path: Path) -> AppTest:
        monkeypatch.setenv("BLANKETTGUIDEN_CONFIG", str(path))
        settings_module.settings.cache_clear()
        app.application().forms.clear()
        page_staff.cups_keeps_copies.clear()
        return AppTest.from_file(APP, default_timeout=60).run()

    yield use
    settings_module.settings.cache_clear()
    app.application().forms.clear()
    page_staff.cups_keeps_copies.clear()


def test_the_app_starts_with_a_broken_file_and_keeps_serving_the_forms(tmp_path, app_with):
    path, text = broken(tmp_path, "inaktiv_minuter: 10", "inaktiv_minuter: tio")
    at = app_with(path)
    assert not at.exception, [e.value for e in at.exception]
    starts = {b.key for b in at.button if b.key and b.key.startswith("start:")}
    assert len(starts) == 9
    assert any("Inställningsfilen har fel" in w.value for w in at.warning)
    assert any(f"{path}:{line_of(text, 'inaktiv_minuter')}: inaktiv_minuter: måste vara ett antal minuter" in c.value
               for c in at.code)


def test_a_broken_group_takes_down_only_the_forms_that_use_it(tmp_path, app_with):
    path, _ = broken(tmp_path, "  pensionsmyndigheten: Pensionsmyndigheten, 839 77 Östersund",
                     "  pensionsmyndigheten: 'Pensionsmyndigheten, 839 77 Östersund")
    at = app_with(path)
    assert not at.exception, [e.value for e in at.exception]
    starts = {b.key for b in at.button if b.key and b.key.startswith("start:")}
    uses_adress = {p.parent.name for p in (ROOT / "forms").glob("*/form.yaml") if "{adress." in p.read_text()}
    assert starts == {f"start:{f}" for f in settings_module.settings().offered(
        [p.parent.name for p in (ROOT / "forms").glob("*/form.yaml")]) if f not in uses_adress}
    assert starts, "the forms that do not use {adress.…} stay"


def test_a_failing_page_shows_a_kind_swedish_message_and_keeps_the_visit(monkeypatch):
    from assistant.ui import page_question

    at = AppTest.from_file(APP, default_timeout=60).run()
    at.button(key="start:parkeringstillstand").click().run()
    visit = at.session_state["visit"]
    real = page_question.show

    def failing(*args, **kwargs):
        raise KeyError("Stina Svensson")

    monkeypatch.setattr(page_question, "show", failing)
    at.run()
    assert not at.exception, [e.value for e in at.exception]           # the framework's page would be here
    assert at.error[0].value.startswith("Något gick fel på sidan. Det du har skrivit finns kvar.")
    assert "Stina" not in "\n".join(c.value for c in at.code)
    monkeypatch.setattr(page_question, "show", real)
    at.button(key="failure:again").click().run()
    assert not at.exception and at.session_state["visit"] is visit and at.button(key="nav:next")


def test_a_failing_button_action_shows_the_same_message_instead_of_streamlits_page(monkeypatch):
    """Streamlit runs a button's action before the page, outside the page's own try: "Fortsätt" is guarded."""
    from assistant.wizard.flow import Wizard

    at = AppTest.from_file(APP, default_timeout=60).run()
    at.button(key="start:parkeringstillstand").click().run()
    title = at.title[0].value
    real = Wizard.next

    def failing(self, *args, **kwargs):
        raise ValueError("invalid literal for int() with base 10: 'Stina'")

    monkeypatch.setattr(Wizard, "next", failing)
    at.button(key="nav:next").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.error[0].value.startswith("Något gick fel på sidan.") and at.title[0].value == title
    assert "Stina" not in "\n".join(c.value for c in at.code)
    monkeypatch.setattr(Wizard, "next", real)
    at.button(key="failure:again").click().run()
    assert not at.exception and not at.error and at.title[0].value == title


def test_a_failing_language_switch_shows_the_kind_message_too(monkeypatch):
    """Every callback is guarded, not only the navigation: the language picker's, for one (the message
    comes in the language just chosen)."""
    from assistant.i18n.translator import Translator
    from assistant.ui import app as app_module

    at = AppTest.from_file(APP, default_timeout=60).run()
    at.button(key="start:parkeringstillstand").click().run()

    def failing(*args, **kwargs):
        raise RuntimeError("Stina Svensson")

    monkeypatch.setattr(app_module, "forget_widgets", failing)
    at.selectbox(key="ui:lang").set_value("ar").run()
    assert not at.exception, [e.value for e in at.exception]
    kind = Translator.for_code("ar")("Något gick fel på sidan. Det du har skrivit finns kvar. Tryck på knappen och "
                                     "försök igen, eller be personalen om hjälp.")
    assert kind != "Något gick fel på sidan." and any(e.value == kind for e in at.error)
    assert "Stina" not in "\n".join(c.value for c in at.code)


def test_every_callback_in_the_ui_is_guarded():
    """A widget's on_click/on_change runs outside the page's try: each goes through failure.guarded."""
    import ast

    unguarded = []
    for path in sorted((ROOT / "assistant/ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            for kw in getattr(node, "keywords", []) if isinstance(node, ast.Call) else []:
                if kw.arg in ("on_click", "on_change") and not (
                        isinstance(kw.value, ast.Constant)
                        or (isinstance(kw.value, ast.Call) and getattr(kw.value.func, "id", "") == "guarded")):
                    unguarded.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not unguarded, unguarded
