"""The "fortsätt senare" sheet as a one-page PDF: what is left, what to bring, and the sealed answers.

Made with WeasyPrint like the receipt, from an autoescaped template; the QR codes are vector drawings
(segno's SVG) inside it, so they print sharp at any size. Nothing is fetched and nothing is written to disk.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

import jinja2
import segno
from markupsafe import Markup
from weasyprint import HTML

from assistant.paper.bidi import isolated
from assistant.wizard.flow import REVIEW, shown, visible_pages
from assistant.i18n.translator import SOURCE_LANGUAGE, Translator
from assistant.definition.model import Form
from assistant.paper.receipt import TEMPLATES, FetchNothing
from assistant.settings import settings

QR_ERROR = "m"
TODO_SHOWN = 8          # the next questions by name; the rest as a number, so the sheet stays one page
CODE_MM = {1: 60, 2: 55, 3: 50, 4: 50}      # printed size: a version-25 code (125 modules) at 55 mm has 0.44 mm modules


@dataclass(frozen=True)
class SheetCode:
    svg: Markup
    label: str


def qr_svg(part: bytes) -> Markup:
    """One code as inline SVG: segno writes only its own path, so it is safe markup."""
    code = segno.make(part, error=QR_ERROR, mode="byte", boost_error=False)
    return Markup(code.svg_inline(scale=1, border=4, dark="#000", light="#fff", omitsize=True))


def remaining(form: Form, answers: Mapping[str, Any], page: str, t: Translator) -> list[str]:
    """The questions still ahead, from the page where the visit stopped, then the check and the print."""
    pages = visible_pages(form, answers)
    ids = [p.id for p in pages]
    ahead = pages[ids.index(page):] if page in ids else ([] if page == REVIEW else pages)
    items = [t.text(p.title) for p in ahead[:TODO_SHOWN]]
    if len(ahead) > TODO_SHOWN:
        items.append(t("… och %(n)s frågor till", n=len(ahead) - TODO_SHOWN))
    return items + [t("Kontrollera svaren och skriv ut blanketten")]


def _block(form: Form, answers: Mapping[str, Any], page: str, t: Translator, today: date,
           expires: date) -> dict[str, Any]:
    config = settings()
    return {
        "lang": t.lang.html_lang, "dir": t.lang.direction,
        "heading": t("Fortsätt senare"), "form_title": t.text(form.title),
        "valid": t("Gjord %(made)s. Gäller till och med %(until)s.", made=t.date(today), until=t.date(expires)),
        "todo_heading": t("Det här är kvar att göra"), "todo": remaining(form, answers, page, t),
        "bring_heading": t("Ta med"),
        "bring": [t.text(a.text) for a in form.attachments if shown(a.show_if, answers)],
        "how_heading": t("Så fortsätter du"),
        "how": t("Ta med papperet till %(office)s. Personalen läser koden med datorns kamera, och du fortsätter "
                 "där du slutade.", office=config.placeholders.get("kommun.kontaktcenter", "")),
        "privacy": t("Koden innehåller dina svar, krypterade. Bara Blankettguiden hos %(municipality)s kan läsa "
                     "dem. Inget sparas hos kommunen. Förvara papperet som en värdehandling och riv sönder det "
                     "efter %(until)s.", municipality=config.placeholders.get("kommun.namn", ""),
                     until=t.date(expires)),
    }


@lru_cache(maxsize=1)
def _template() -> jinja2.Template:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             undefined=jinja2.StrictUndefined)
    env.filters.update(isolated=isolated)
    return env.get_template("pause.html.j2")


def sheet_html(form: Form, answers: Mapping[str, Any], page: str, t: Translator, today: date, expires: date,
               parts: list[bytes]) -> str:
    sv = Translator.for_code(SOURCE_LANGUAGE)
    blocks = [_block(form, answers, page, t, today, expires)]
    if not t.is_source:
        blocks.append(_block(form, answers, page, sv, today, expires))
    codes = [SheetCode(qr_svg(p), t("Kod %(n)s av %(total)s", n=i, total=len(parts)) if len(parts) > 1 else "")
             for i, p in enumerate(parts, start=1)]
    return _template().render(lang=t.lang.html_lang, dir=t.lang.direction, blocks=blocks, codes=codes,
                              authority=settings().fill(form.authority), code_mm=CODE_MM[len(parts)])


def render_sheet(form: Form, answers: Mapping[str, Any], page: str, t: Translator, today: date, expires: date,
                 parts: list[bytes]) -> bytes:
    return HTML(string=sheet_html(form, answers, page, t, today, expires, parts),
                url_fetcher=FetchNothing()).write_pdf()
