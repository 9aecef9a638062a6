"""The receipt (kvitto) in the visitor's language, and the Swedish summary to bring along, as PDF.

Rendered with WeasyPrint from a Jinja2 template with autoescaping, so an answer is always text.
WeasyPrint fetches nothing: the bundled stylesheet is handed to it already parsed, and every URL
(file:, http:, data:) is refused.
"""
from __future__ import annotations

import threading
from collections.abc import Mapping
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from assistant.paper.bidi import isolated, left_to_right
from assistant.wizard.next_steps import dated
from assistant.wizard.flow import shown
from assistant.i18n.translator import Translator
from assistant.definition.model import Form
from assistant.settings import settings
from assistant.wizard.summary import NOT_ANSWERED, review_groups

TEMPLATES = Path(__file__).resolve().parent / "templates"


class RefusedURL(ValueError):
    """Raised for any URL the receipt must not fetch."""


class FetchNothing(URLFetcher):
    """Refuses every URL (an answer's <img src=...>, say, if markup ever got through the escaping)."""

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        raise RefusedURL("the receipt fetches nothing")


_per_thread = threading.local()


def _stylesheet() -> tuple[CSS, FontConfiguration]:
    """The stylesheet, parsed once per thread together with its font configuration: parsing it and
    setting up the fonts for every receipt was a fifth of the render time. Per thread, because a
    Pango font map is not meant to be shared between threads (the receipt helper has one)."""
    if not hasattr(_per_thread, "css"):
        _per_thread.fonts = FontConfiguration()
        _per_thread.css = CSS(string=(TEMPLATES / "receipt.css").read_text(encoding="utf-8"),
                              url_fetcher=FetchNothing(), font_config=_per_thread.fonts)
    return _per_thread.css, _per_thread.fonts


def _pdf(html: str) -> bytes:
    css, fonts = _stylesheet()
    return HTML(string=html, url_fetcher=FetchNothing()).write_pdf(stylesheets=[css], font_config=fonts)


@lru_cache(maxsize=1)
def _template() -> jinja2.Template:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             undefined=jinja2.StrictUndefined)
    env.filters.update(isolated=isolated, ltr=left_to_right)   # <bdi> is ignored by WeasyPrint
    return env.get_template("receipt.html.j2")


def receipt_html(form: Form, answers: Mapping[str, Any], t: Translator, today: date, *, summary: bool = False,
                 large: bool = False) -> str:
    """The receipt's HTML. summary=True gives the Swedish summary a visitor brings to the handläggare;
    large=True the receipt in large print (the visitor chose large text)."""
    config = settings()
    return _template().render(
        lang=t.lang.html_lang, dir=t.lang.direction, is_summary=summary, large=large,
        heading=t("Sammanfattning att ta med") if summary else t("Kvitto"),
        authority=config.fill(form.authority), form_title=t.text(form.title), form_title_sv=form.title.source,
        made_on=t("Gjord %(date)s på medborgarkontoret.", date=t.date(today)),
        not_the_application=(t.text(form.notice) if form.summary_only else
                             t("Det här är inte ansökan. Ansökan är den svenska blanketten som du skriver under.")),
        answers_heading=t("Dina svar"), groups=review_groups(form, answers, t, today),
        own_heading=t("Det du skrev"), staff_heading=t("Det här skrev personalen på svenska på blanketten:"),
        not_answered=t(NOT_ANSWERED),
        sign_heading=t("Vem godkänner ansökan") if form.summary_only else t("Vem skriver under"),
        signatures=[t.text(s.text) for s in form.signatures if shown(s.show_if, answers)],
        attach_heading=t("Skicka med"),
        attachments=[t.text(a.text) for a in form.attachments if shown(a.show_if, answers)],
        send_heading=t("Så ansöker du") if form.summary_only else t("Så lämnar du in blanketten"),
        send_to=t.text(form.send_to),
        next_heading=t("Vad händer sedan?"),
        next_steps=[dated(s, t, today) for s in form.next_steps if shown(s.show_if, answers)],
        contact_heading=t("Frågor?"),
        contact=t("Ring %(where)s:", where=config.fill(form.contact)),
        phone=config.fill(form.contact_phone),
    )


def render_receipt(form: Form, answers: Mapping[str, Any], t: Translator, today: date, *,
                   summary: bool = False, large: bool = False) -> bytes:
    return _pdf(receipt_html(form, answers, t, today, summary=summary, large=large))


def warm_up() -> None:
    """Load the receipt's fonts once (Latin, Arabic and Ethiopic script), so the first visitor's
    receipt is as fast as the rest. The text is a fixed sample: nothing of a visitor."""
    _pdf('<html><body><p>Åäö Łễ Ç Жж</p><p lang="ar" dir="rtl">مرحبا</p><p lang="ti">ሰላም</p></body></html>')
