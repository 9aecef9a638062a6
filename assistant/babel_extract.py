"""A Babel extractor for forms/*/form.yaml, registered in babel.cfg, so one `pybabel extract`
collects the UI strings and every form's texts (with the shared blocks' texts once)."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from assistant.form_texts import form_texts
from assistant.loader import load_form


def extract_forms(fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: Any) -> Iterator[tuple]:
    """Yields (line, 'pgettext', (context, msgid), comments) as Babel expects."""
    form = load_form(Path(fileobj.name))
    for text, line in form_texts(form):
        if text:
            yield line, "pgettext", (text.context, text.source), [f"{text.context.split('|')[0]}"]
