"""Every shipped language has every string of the UI, of every form and of the guide (the check's
translation part, and the guide's texts, which the check does not cover)."""
from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from assistant.definition.check import translation_problems, translation_warnings, ui_msgids, warning_line
from assistant.wizard.guide import guide, guide_texts
from assistant.i18n.translator import LANGUAGES, SOURCE_LANGUAGE, catalog_path
from assistant.definition.loader import load_library

FORMS = load_library(Path(__file__).resolve().parent.parent / "forms").forms


@pytest.mark.parametrize("lang", [lang.code for lang in LANGUAGES if lang.code != SOURCE_LANGUAGE])
def test_every_shipped_language_has_every_string(lang):
    problems = [p for p in translation_problems(list(FORMS.values()), ui_msgids()) if f"/{lang}/" in str(p.file)]
    assert problems == [], "\n".join(map(str, problems))
    untranslated = [w for w in translation_warnings(list(FORMS.values())) if f"({lang})" in w.message]
    assert untranslated == [], "\n".join(map(warning_line, untranslated))


@pytest.mark.parametrize("lang", [lang.code for lang in LANGUAGES if lang.code != SOURCE_LANGUAGE])
def test_every_shipped_language_has_every_string_of_the_guide(lang):
    """The guide's texts (forms/guide.yaml, context _guide|…) are not a form's, so the check above misses them."""
    with catalog_path(lang).open("rb") as fh:
        catalog = read_po(fh)
    missing = [text.context for text, _ in guide_texts(guide())
               if not (m := catalog.get(text.source, context=text.context)) or not m.string or m.fuzzy]
    assert missing == [], missing
