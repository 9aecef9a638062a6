"""The receipt (kvitto) in the visitor's language, and the Swedish summary to bring along, as PDF.

Rendered with WeasyPrint from a Jinja2 template with autoescaping, so an answer is always text.
WeasyPrint may fetch only the bundled stylesheet: every other URL (file:, http:, data:) is refused.
"""
from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from assistant.flow import shown
from assistant.i18n import Translator
from assistant.model import Form
from assistant.settings import settings
from assistant.summary import NOT_ANSWERED, review_groups

TEMPLATES = Path(__file__).resolve().parent / "templates"
ALLOWED = {(TEMPLATES / "receipt.css").as_uri()}


class RefusedURL(ValueError):
    """Raised for any URL the receipt must not fetch."""


class BundledOnly(URLFetcher):
    """Fetches only the bundled stylesheet; everything else (an answer's <img src=...>, say) is refused."""

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        if url not in ALLOWED:
            raise RefusedURL("only bundled files are fetched")
        css = (TEMPLATES / "receipt.css").read_bytes()
        return URLFetcherResponse(url, body=css, headers={"Content-Type": "text/css"})


@lru_cache(maxsize=1)
def _template() -> jinja2.Template:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             undefined=jinja2.StrictUndefined)
    return env.get_template("receipt.html.j2")


def receipt_html(form: Form, answers: Mapping[str, Any], t: Translator, today: date, *, summary: bool = False) -> str:
    """The receipt's HTML. summary=True gives the Swedish summary a visitor brings to the handläggare."""
    config = settings()
    return _template().render(
        lang=t.lang.html_lang, dir=t.lang.direction, is_summary=summary,
        heading=t("Sammanfattning att ta med") if summary else t("Kvitto"),
        authority=config.fill(form.authority), form_title=t.text(form.title), form_title_sv=form.title.source,
        made_on=t("Gjord %(date)s på medborgarkontoret.", date=t.date(today)),
        not_the_application=(t.text(form.notice) if form.summary_only else
                             t("Det här är inte ansökan. Ansökan är den svenska blanketten som du skriver under.")),
        answers_heading=t("Dina svar"), groups=review_groups(form, answers, t, today),
        not_answered=t(NOT_ANSWERED),
        sign_heading=t("Vem godkänner ansökan") if form.summary_only else t("Vem skriver under"),
        signatures=[t.text(s.text) for s in form.signatures if shown(s.show_if, answers)],
        attach_heading=t("Skicka med"),
        attachments=[t.text(a.text) for a in form.attachments if shown(a.show_if, answers)],
        send_heading=t("Så ansöker du") if form.summary_only else t("Så lämnar du in blanketten"),
        send_to=t.text(form.send_to),
        next_heading=t("Vad händer sedan?"),
        next_steps=[t.text(s.text) for s in form.next_steps if shown(s.show_if, answers)],
        contact_heading=t("Frågor?"),
        contact=t("Ring %(where)s:", where=config.placeholders.get("kommun.kontaktcenter", "")),
        phone=config.placeholders.get("kommun.telefon", ""),
    )


def render_receipt(form: Form, answers: Mapping[str, Any], t: Translator, today: date, *,
                   summary: bool = False) -> bytes:
    html = receipt_html(form, answers, t, today, summary=summary)
    return HTML(string=html, base_url=TEMPLATES.as_uri() + "/", url_fetcher=BundledOnly()).write_pdf()


def warm_up() -> None:
    """Load the receipt's fonts once (Latin, Arabic and Ethiopic script), so the first visitor's
    receipt is as fast as the rest. The text is a fixed sample: nothing of a visitor."""
    sample = ('<html><head><link rel="stylesheet" href="receipt.css"></head>'
              '<body><p>Åäö Łễ Ç Жж</p><p lang="ar" dir="rtl">مرحبا</p><p lang="ti">ሰላም</p></body></html>')
    HTML(string=sample, base_url=TEMPLATES.as_uri() + "/", url_fetcher=BundledOnly()).write_pdf()
