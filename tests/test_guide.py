"""'Vad behöver du hjälp med?': every form of forms/ is reached from some path, every path ends in a form
or an authority, broken rules are refused, and the texts are extracted for translation."""
from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

import pytest

from assistant.wizard.guide import Outcome, Question, guide, guide_texts, parse_guide
from assistant.i18n.translator import Translator
from assistant.definition.loader import load_library
from assistant.wizard.pictures import picture_svg

ROOT = Path(__file__).resolve().parent.parent
FORMS = load_library(ROOT / "forms").forms
SVG = "http://www.w3.org/2000/svg"


@pytest.mark.parametrize("form_id", sorted(FORMS))
def test_the_guide_leads_to_every_form(form_id):
    paths = [path for path, outcome in guide().paths() if form_id in [f for f, _ in outcome.forms]]
    assert paths, f"no path of the guide leads to {form_id}"
    step = guide().step(paths[0])
    assert isinstance(step, Outcome) and dict(step.forms)[form_id].source


def test_every_path_ends_in_a_form_of_this_app_or_an_authority():
    for path, outcome in guide().paths():
        assert outcome.forms or outcome.elsewhere, path
        assert all(f in FORMS for f, _ in outcome.forms), path
    names = {a.name for _, o in guide().paths() for a in o.elsewhere}
    assert names == {"Försäkringskassan", "Pensionsmyndigheten", "Skatteverket"}


def test_a_path_is_followed_question_by_question():
    first = guide().step([])
    assert isinstance(first, Question) and first.text.source == "Vad behöver du hjälp med?"
    second = guide().step(["hemma"])
    assert isinstance(second, Question) and second.id == "hemma"
    assert guide().step(["hemma", "larm"]).forms[0][0] == "trygghetslarm"
    assert guide().step(["finns-inte"]) == first      # a stale choice stays on the question


def _rules(choice: dict) -> dict:
    return {"start": "a", "questions": [{"id": "a", "text": "Fråga", "choices": [choice]}],
            "why": {"fullmakt": "Därför."}, "elsewhere": {}}


@pytest.mark.parametrize("choice, says", [
    ({"id": "x", "label": "X", "picture": "house"}, "leads nowhere"),
    ({"id": "x", "label": "X", "picture": "house", "next": "b"}, "no question 'b'"),
    ({"id": "x", "label": "X", "picture": "house", "forms": ["forskola"]}, "no why: text"),
    ({"id": "x", "label": "X", "picture": "house", "elsewhere": ["csn"]}, "no elsewhere: entry"),
])
def test_broken_rules_are_refused_with_a_reason(choice, says):
    with pytest.raises(ValueError, match=says):
        parse_guide(_rules(choice))


def test_the_guide_texts_are_in_the_translation_template():
    pot = (ROOT / "translations" / "messages.pot").read_text(encoding="utf-8")
    for text, _ in guide_texts(guide()):
        assert f'msgctxt "{text.context}"' in pot, text.context


def _pictures_named() -> set[str]:
    return {c.picture for q in guide().questions.values() for c in q.choices}


@pytest.mark.parametrize("name", sorted(_pictures_named()))
def test_every_picture_of_the_guide_is_drawn_here_and_decorative(name):
    markup = picture_svg(name)
    svg = ElementTree.fromstring(markup)                      # well-formed XML
    assert svg.tag == f"{{{SVG}}}svg" and svg.get("viewBox") == "0 0 64 64"
    assert svg.get("aria-hidden") == "true" and svg.get("focusable") == "false"
    for element in svg.iter():
        assert element.tag.startswith(f"{{{SVG}}}"), element.tag
        assert element.tag.removeprefix(f"{{{SVG}}}") not in {"image", "use", "a", "script", "text",
                                                                 "foreignObject", "style"}, element.tag
        for attribute, value in element.attrib.items():
            assert "href" not in attribute.lower(), (element.tag, attribute)
            assert "url(" not in value and "http" not in value and "//" not in value, (element.tag, attribute)
    assert "url(" not in markup and "href" not in markup and "@import" not in markup
    colours = set(re.findall(r"#[0-9a-f]{6}", markup))
    assert 2 <= len(colours) <= 3, colours


def test_an_unknown_picture_is_refused_naming_the_known_ones():
    with pytest.raises(ValueError, match="known pictures: .*house"):
        picture_svg("unicorn")
    with pytest.raises(ValueError, match="no picture 'unicorn'"):
        parse_guide(_rules({"id": "x", "label": "X", "picture": "unicorn", "forms": ["fullmakt"]}))


@pytest.mark.parametrize("lang", ["ar", "ti"])
def test_the_guide_speaks_the_visitors_language_with_no_swedish_sentence_left(lang):
    """Every question, choice, reason and authority text comes from the catalog (pgettext with its _guide|
    context), not the Swedish source: a Swedish term may stay inside it in brackets, a whole sentence may not."""
    t = Translator.for_code(lang)
    script = {"ar": "[\u0600-\u06ff]", "ti": "[\u1200-\u137f]"}[lang]
    for text, _ in guide_texts(guide()):
        shown = t.text(text)
        assert shown != text.source and re.search(script, shown), (text.context, shown)
