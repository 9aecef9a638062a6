"""Every string the code hands to the translation functions reaches the template (messages.pot).

tests/test_translations_complete.py compares each catalog with the template; it cannot see a string that never
reached the template. This test reads the code itself (with `ast`, f-strings included) and finds such strings:
a `t("…")` nested inside an f-string, or a call whose text is an f-string, was once shown in Swedish in every
language because the extractor never saw it.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[1]
TRANSLATION_CALLS = {"t", "N_"}


@dataclass(frozen=True)
class Call:
    where: str
    text: ast.expr


def _called_name(node: ast.Call) -> str | None:
    if isinstance(node.func, ast.Name):
        return node.func.id
    return None


def translation_calls(source: str, filename: str) -> list[Call]:
    """Every t(…)/N_(…) call with its first argument, wherever it stands (inside f-strings too)."""
    calls: list[tuple[int, int, Call]] = []
    for node in ast.walk(ast.parse(source, filename)):
        if isinstance(node, ast.Call) and _called_name(node) in TRANSLATION_CALLS and node.args:
            calls.append((node.lineno, node.col_offset, Call(f"{filename}:{node.lineno}", node.args[0])))
    return [call for *_, call in sorted(calls, key=lambda c: c[:2])]


def literal(text: ast.expr) -> str | None:
    """The msgid when the argument is a plain string (implicit concatenation included)."""
    return text.value if isinstance(text, ast.Constant) and isinstance(text.value, str) else None


def code_files() -> list[Path]:
    return sorted((ROOT / "assistant").rglob("*.py"))


def template_msgids() -> set[str]:
    with (ROOT / "translations" / "messages.pot").open("rb") as fh:
        return {m.id for m in read_po(fh) if m.id and not m.context}


def all_calls() -> list[Call]:
    return [call for path in code_files()
            for call in translation_calls(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))]


def test_the_checker_finds_a_call_inside_an_f_string():
    """The check itself can fail: a t() nested in an f-string is found, an f-string as the text is refused."""
    calls = translation_calls('label = f"{name} – {t(\'Skriv ditt svar\')}"\nt(f"Hej {x}")\n', "example.py")
    assert [literal(c.text) for c in calls] == ["Skriv ditt svar", None]
    assert isinstance(calls[1].text, ast.JoinedStr)


def test_the_code_has_translation_calls():
    assert len(all_calls()) > 100


def test_no_translated_text_is_an_f_string():
    """t(f"…") cannot be translated: the catalog would need one entry per value. Use %(name)s parameters."""
    bad = [c.where for c in all_calls() if isinstance(c.text, ast.JoinedStr)]
    assert not bad, f"f-string passed to t()/N_(): {bad}"


def test_every_translated_string_is_in_the_template():
    known = template_msgids()
    missing = [f"{c.where}: {literal(c.text)!r}" for c in all_calls()
               if literal(c.text) is not None and literal(c.text) not in known]
    assert not missing, ("Not in translations/messages.pot (fix: run .venv/bin/python "
                         "tools/update_translations.py and translate the new entries in every catalog):\n"
                         + "\n".join(missing))
