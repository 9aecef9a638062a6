"""Every visitor-facing text of a form, in one walk: for the gettext extractor and the completeness check."""
from __future__ import annotations

from collections.abc import Iterator

from assistant.definition.model import Form, Text


def form_texts(form: Form) -> Iterator[tuple[Text, int]]:
    """(text, line) for every translatable string; staff notes stay Swedish (they are for staff)."""
    for text in (form.title, form.description, form.intro, form.notice, form.send_to):
        yield text, 1
    for items in (form.next_steps, form.attachments, form.signatures):
        for item in items:
            yield item.text, 1
            yield item.dated, 1
    for page in form.pages:
        yield page.title, page.line
        yield page.intro, page.line
        if page.repeat is not None:
            group = page.repeat
            for text in (group.item, group.added_one, group.added_many, group.add_another):
                yield text, page.line
        for rule in page.rules:
            yield rule.message, rule.line
        for field in page.fields:
            yield field.label, field.line
            yield field.help, field.line
            yield field.warning, field.line
            yield field.error, field.line
            for option in field.options:
                yield option.label, field.line
