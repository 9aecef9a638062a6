"""The wizard's flow as pure functions: which pages show, where Continue and Back go, progress,
the review page and returning to it after a change.

Answers are the raw values the visitor gave, keyed by field id; conditions are read from them.
Answers of pages that became hidden are kept (the visitor may come back) but never validated,
printed or shown on the review page.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from assistant.model import ORIGINAL, Condition, Field, Form, Page
from assistant.validators import Invalid, Message, clean, clean_limited, text_limit

REVIEW = "__review__"
WARNED = "~warned"   # answers key suffix: the value a warning was already shown for


def condition_holds(cond: Condition, answers: Mapping[str, Any]) -> bool:
    value = answers.get(cond.field)
    if isinstance(value, (list, tuple)):
        return any(v in value for v in cond.values)
    return value is not None and value in cond.values


def shown(conditions: tuple[Condition, ...], answers: Mapping[str, Any]) -> bool:
    return all(condition_holds(c, answers) for c in conditions)


def visible_pages(form: Form, answers: Mapping[str, Any]) -> list[Page]:
    return [p for p in form.pages if shown(p.show_if, answers) and visible_fields(p, answers)]


def visible_fields(page: Page, answers: Mapping[str, Any]) -> list[Field]:
    return [f for f in page.fields if shown(f.show_if, answers)]


def relevant_answers(form: Form, answers: Mapping[str, Any]) -> dict[str, Any]:
    """Only the answers to questions the visitor can see now: the rest must not be printed."""
    return {f.id: answers[f.id] for p in visible_pages(form, answers) for f in visible_fields(p, answers)
            if f.id in answers}


def validate_page(page: Page, answers: Mapping[str, Any], today: date) -> tuple[dict[str, Any], dict[str, Message]]:
    """Clean the visible answers of one page; errors keyed by field id, in page order."""
    cleaned: dict[str, Any] = {}
    errors: dict[str, Message] = {}
    for f in visible_fields(page, answers):
        try:
            cleaned[f.id] = clean(f, answers.get(f.id), today)
            if f.free_text and answers.get(f.id + ORIGINAL):
                clean_limited(answers[f.id + ORIGINAL], text_limit(f), multiline=True)
        except Invalid as exc:
            errors[f.id] = exc.message
    return cleaned, errors


def validate_all(form: Form, answers: Mapping[str, Any], today: date) -> tuple[dict[str, Any], dict[str, Message]]:
    """Clean every visible answer: the input to the PDF and the receipt."""
    cleaned: dict[str, Any] = {}
    errors: dict[str, Message] = {}
    for page in visible_pages(form, answers):
        page_clean, page_errors = validate_page(page, answers, today)
        cleaned.update(page_clean)
        errors.update(page_errors)
    return cleaned, errors


def first_incomplete_page(form: Form, answers: Mapping[str, Any], today: date) -> str | None:
    for page in visible_pages(form, answers):
        if validate_page(page, answers, today)[1]:
            return page.id
    return None


def default_answers(form: Form, today: date) -> dict[str, Any]:
    """Starting values: defaults from form.yaml ("today" for dates), empty lists for multi-choice."""
    answers: dict[str, Any] = {}
    for f in form.fields:
        if f.default == "today":
            answers[f.id] = today.isoformat()
        elif f.default is not None:
            answers[f.id] = f.default
        elif f.type == "multi":
            answers[f.id] = []
    return answers


def page_warnings(page: Page, answers: Mapping[str, Any], cleaned: Mapping[str, Any], today: date) -> list[Field]:
    """Date answers sooner than the field's warn_days, whose warning the visitor has not seen for this value."""
    return [f for f in visible_fields(page, answers)
            if f.warn_days is not None and isinstance(cleaned.get(f.id), date)
            and (cleaned[f.id] - today).days < f.warn_days and answers.get(f.id + WARNED) != answers.get(f.id)]


@dataclass(frozen=True)
class Wizard:
    """Where the visitor is. ``page`` is a page id or REVIEW; ``from_review`` sends Continue back there."""

    form: Form
    page: str
    answers: dict[str, Any] = field(default_factory=dict)
    from_review: bool = False
    errors: dict[str, Message] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()   # field ids whose warning shows; Continue again goes on

    @classmethod
    def start(cls, form: Form, today: date) -> Wizard:
        answers = default_answers(form, today)
        return cls(form=form, page=visible_pages(form, answers)[0].id, answers=answers)

    @property
    def on_review(self) -> bool:
        return self.page == REVIEW

    def pages(self) -> list[Page]:
        return visible_pages(self.form, self.answers)

    def current(self) -> Page:
        return self.form.page(self.page)

    def progress(self) -> tuple[int, int]:
        """(step, total), counting the review page as the last step."""
        ids = [p.id for p in self.pages()]
        total = len(ids) + 1
        if self.on_review:
            return total, total
        step = ids.index(self.page) + 1 if self.page in ids else 1
        return step, total

    def with_answers(self, values: Mapping[str, Any]) -> Wizard:
        """Keep what was typed on this page, valid or not: nothing typed is ever lost."""
        return replace(self, answers={**self.answers, **values})

    def next(self, values: Mapping[str, Any], today: date) -> Wizard:
        """Continue: validate this page; stay with errors, else go on (or back to the review page)."""
        state = self.with_answers(values)
        cleaned, errors = validate_page(state.current(), state.answers, today)
        if errors:
            return replace(state, errors=errors, warnings=())
        warned = page_warnings(state.current(), state.answers, cleaned, today)
        if warned:
            seen = {f.id + WARNED: state.answers.get(f.id) for f in warned}
            return replace(state.with_answers(seen), errors={}, warnings=tuple(f.id for f in warned))
        state = replace(state, errors={}, warnings=())
        if self.from_review:
            missing = first_incomplete_page(self.form, state.answers, today)
            return replace(state, page=missing or REVIEW, from_review=missing is not None)
        ids = [p.id for p in state.pages()]
        later = ids[ids.index(self.page) + 1:] if self.page in ids else ids
        return replace(state, page=later[0] if later else REVIEW)

    def back(self, values: Mapping[str, Any]) -> Wizard | None:
        """Back: keep what was typed without validating. None means before the first page."""
        state = replace(self.with_answers(values), errors={}, warnings=())
        ids = [p.id for p in state.pages()]
        if self.on_review:
            return replace(state, page=ids[-1], from_review=False)
        if self.from_review:
            return replace(state, page=REVIEW, from_review=False)
        index = ids.index(self.page) if self.page in ids else 0
        return replace(state, page=ids[index - 1]) if index > 0 else None

    def change(self, page_id: str) -> Wizard:
        """A change link on the review page: go to that page, and come back after Continue."""
        return replace(self, page=page_id, from_review=True, errors={}, warnings=())

    def goto_review(self, today: date) -> Wizard:
        missing = first_incomplete_page(self.form, self.answers, today)
        return replace(self, page=missing or REVIEW, from_review=missing is not None)
