"""What "Läs upp" reads on each page, in the order a person reads it: plain functions of a Translator, so
the same function gives the visitor's texts and (when staff ask) the Swedish ones."""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from assistant.wizard.flow import shown
from assistant.wizard.guide import Outcome, Question
from assistant.i18n.translator import Translator
from assistant.i18n.markers import N_
from assistant.definition.model import Field, Form, Page
from assistant.wizard.next_steps import dated
from assistant.wizard.repeat import entry_names, heading
from assistant.fieldtypes import type_of
from assistant.fieldtypes.choices import NO, YES
from assistant.wizard.summary import review_groups

REVIEW_TITLE = "Kontrollera dina svar"
GUIDE_OUTCOME_TITLE = N_("Det här kan passa dig")


def field_texts(field: Field, t: Translator) -> list[str]:
    """The question, its help text and its options (yes and no for a yes/no question)."""
    texts = [t.text(field.label), t.text(field.help)]
    if type_of(field).widget == "yesno":
        texts += [t(YES), t(NO)]
    texts += [t.text(option.label) for option in field.options]
    return texts


def question_texts(form: Form, page: Page, fields: Iterable[Field], t: Translator, first: bool,
                   answers: Mapping[str, Any] | None = None) -> list[str]:
    """A question page: its title (a group's with its number or count), intro, the form's notice on the
    first page, then each shown field."""
    texts = [heading(page, answers or {}, t.text), t.text(page.intro)]
    if page.summary and page.repeat is not None:      # the entries listed on a group's summary page
        texts += entry_names(page.repeat, answers or {}, t.text)
    if first:
        texts.append(t.text(form.notice))
    for field in fields:
        texts += field_texts(field, t)
    return [text for text in texts if text]


def review_texts(form: Form, answers: Mapping[str, Any], t: Translator, today: date) -> list[str]:
    """"Kontrollera dina svar": each page's title, then each question and its answer."""
    texts = [t(REVIEW_TITLE)]
    for group in review_groups(form, answers, t, today):
        texts.append(group.title)
        for row in group.rows:
            texts += [row.label, row.value]
    return texts


def next_step_texts(form: Form, answers: Mapping[str, Any], t: Translator, today: date) -> list[str]:
    """The result page's "what happens next": who signs, what to attach, where to send it, what follows."""
    texts = [t("Vem godkänner ansökan") if form.summary_only else t("Vem skriver under")]
    texts += [t.text(s.text) for s in form.signatures if shown(s.show_if, answers)]
    texts.append(t("Personalen skriver aldrig under åt dig."))
    attachments = [t.text(a.text) for a in form.attachments if shown(a.show_if, answers)]
    if attachments:
        texts += [t("Skicka med")] + attachments
    if form.send_to:
        texts += [t("Så ansöker du") if form.summary_only else t("Så lämnar du in blanketten"), t.text(form.send_to)]
    steps = [dated(s, t, today) for s in form.next_steps if shown(s.show_if, answers)]
    if steps:
        texts += [t("Vad händer sedan?")] + steps
    return [text for text in texts if text]


def guide_texts(step: Question | Outcome, forms: Mapping[str, Form], t: Translator) -> list[str]:
    """The guide on the start page: its question and each choice, or the outcome's forms (title, then why)
    and the authorities (their own name, then where and how to reach them)."""
    if isinstance(step, Question):
        return [t.text(step.text)] + [t.text(choice.label) for choice in step.choices]
    texts = [t(GUIDE_OUTCOME_TITLE)]
    for form_id, why in step.forms:
        if form_id in forms:
            texts += [t.text(forms[form_id].title), t.text(why)]
    for authority in step.elsewhere:
        texts += [authority.name, t.text(authority.text)]
    return texts
