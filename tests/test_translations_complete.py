"""Every shipped language has every string of the UI and of every form (the check's translation part)."""
from __future__ import annotations

from pathlib import Path

import pytest

from assistant.check import translation_problems, ui_msgids
from assistant.i18n import LANGUAGES, SOURCE_LANGUAGE
from assistant.loader import load_library

FORMS = load_library(Path(__file__).resolve().parent.parent / "forms").forms


@pytest.mark.parametrize("lang", [lang.code for lang in LANGUAGES if lang.code != SOURCE_LANGUAGE])
def test_every_shipped_language_has_every_string(lang):
    problems = [p for p in translation_problems(list(FORMS.values()), ui_msgids()) if f"/{lang}/" in str(p.file)]
    assert problems == [], "\n".join(map(str, problems))
