"""Driving the wizard in AppTest with a walk: a list of (page id, answers on that page) in the order
the wizard shows the pages. Each form's walk lives in tests/form_walks/<form_id>.py.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from streamlit.testing.v1 import AppTest

from assistant.fieldtypes import type_of
from assistant.definition.model import Form

FORMS = Path(__file__).resolve().parent.parent / "forms"
REVIEW_STEP = "__review__"     # the walk's entry for "Kontrollera dina svar": nothing to fill, Continue


def page_by_page(form: Form, answers_by_topic: list[tuple[str, dict[str, Any]]]) -> list[tuple[str, dict[str, Any]]]:
    """The wizard's pages in the order it shows them, each with the answers given on it: the questions, the
    review page, then the declaration. A walk is written by topic (a name, an address); this cuts it up
    the way the form asks it, one thing per page, with the optional pages the walk leaves empty."""
    from assistant.wizard.flow import default_answers, visible_fields, visible_pages
    from tests.testdata import TODAY

    answers = {**default_answers(form, TODAY), **walk_answers(answers_by_topic)}
    given = walk_answers(answers_by_topic)
    steps: list[tuple[str, dict[str, Any]]] = []
    pages = visible_pages(form, answers)
    for page in pages:
        if page.after_review and REVIEW_STEP not in dict(steps):
            steps.append((REVIEW_STEP, {}))
        if page.summary:
            continue                # a repeating group's summary page comes after each of its entries
        steps.append((page.id, {f.id: given[f.id] for f in visible_fields(page, answers) if f.id in given}))
        if page.entry and page.repeat is not None:
            more = any(p.repeat == page.repeat and p.entry > page.entry for p in pages)
            steps.append((page.repeat.id, {f"{page.repeat.id}.more": more}))
    if REVIEW_STEP not in dict(steps):
        steps.append((REVIEW_STEP, {}))
    return steps


def forward_key(steps: list[tuple[str, dict[str, Any]]], index: int) -> str:
    """The button that goes on from step `index`: the last one creates the form."""
    return "nav:create" if index == len(steps) - 1 else "nav:next"


@dataclass(frozen=True)
class FormWalk:
    """A form's realistic walk and what its official PDF must show afterwards. ``walk`` is given by topic
    and kept page by page (see page_by_page), ending on the page that creates the form."""

    form_id: str
    walk: list[tuple[str, dict[str, Any]]]
    expected_pdf: dict[str, str | bool]      # PDF field -> value read back (text) or ticked (True/False)
    other_language: str                      # a second language the walk is also done in

    def __post_init__(self) -> None:
        from assistant.definition.loader import load_form

        form = load_form(FORMS / self.form_id / "form.yaml")
        object.__setattr__(self, "walk", page_by_page(form, self.walk))


def all_walks() -> list[FormWalk]:
    folder = Path(__file__).resolve().parent / "form_walks"
    walks = []
    for path in sorted(folder.glob("*.py")):
        if path.name.startswith("_"):
            continue
        module = importlib.import_module(f"tests.form_walks.{path.stem}")
        walks.append(module.WALK)
    return walks


def walk_answers(walk: list[tuple[str, dict[str, Any]]]) -> dict[str, Any]:
    answers: dict[str, Any] = {}
    for _, values in walk:
        answers.update(values)
    return answers


def set_answer(at: AppTest, form: Form, field_id: str, value: Any) -> None:
    """Put one answer into its widget the way a visitor would."""
    field = form.field(field_id)
    key = f"q:{field_id}"
    widget = type_of(field).widget
    if widget == "ticks":
        for option in field.options:
            at.checkbox(key=f"{key}:{option.value}").set_value(option.value in value)
    elif widget == "tick":
        at.checkbox(key=key).set_value(bool(value))
    elif widget in ("radio", "yesno"):
        at.radio(key=key).set_value(value)
    elif widget == "area":
        at.text_area(key=key).input(value)
    else:
        at.text_input(key=key).input(value)


def fill_page(at: AppTest, form: Form, values: dict[str, Any]) -> None:
    """Fill a page; a field that appears only after an earlier answer gets a rerun first."""
    for field_id, value in values.items():
        try:
            set_answer(at, form, field_id, value)
        except KeyError:
            at.run()
            set_answer(at, form, field_id, value)


def current_page_title(at: AppTest) -> str:
    return at.title[0].value


def page_text(at: AppTest) -> str:
    """What the page says in Markdown and in st.html blocks (the review page's answers are HTML text)."""
    return "\n".join([*(m.value for m in at.markdown), *(h.value for h in at.get("html"))])


def answer_pages(at: AppTest, form: Form, steps: list[tuple[str, dict[str, Any]]], stop_before: str | None = None,
                 seen: list[str] | None = None) -> None:
    """Answer each page and press its button (the last one creates the form), as a visitor would; stop
    when the page `stop_before` is reached. `seen` collects each page's heading."""
    for i, (page_id, values) in enumerate(steps):
        if page_id == stop_before:
            return
        if seen is not None:
            seen.append(current_page_title(at))
        fill_page(at, form, values)
        at.button(key=forward_key(steps, i)).click().run()
        assert not at.exception, (page_id, [e.value for e in at.exception])
        errors = [m.value for m in at.markdown if "bg-error-summary" in m.value]
        assert not errors, (page_id, errors)
