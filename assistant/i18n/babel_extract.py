"""Babel extractors for forms/*/form.yaml and forms/guide.yaml, registered in babel.cfg, so one
`pybabel extract` collects the UI strings, every form's texts (with the shared blocks' texts once) and the
guide's."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from assistant.definition.form_texts import form_texts
from assistant.wizard.guide import guide_texts, load_guide
from assistant.definition.loader import load_form


def extract_forms(fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: Any) -> Iterator[tuple]:
    """Yields (line, 'pgettext', (context, msgid), comments) as Babel expects."""
    form = load_form(Path(fileobj.name))
    for text, line in form_texts(form):
        if text:
            yield line, "pgettext", (text.context, text.source), [f"{text.context.split('|')[0]}"]


def extract_guide(fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: Any) -> Iterator[tuple]:
    """The guide's questions, choices and reasons, as extract_forms yields a form's texts."""
    for text, line in guide_texts(load_guide(Path(fileobj.name))):
        yield line, "pgettext", (text.context, text.source), ["guide"]
