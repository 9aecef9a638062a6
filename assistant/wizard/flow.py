"""The wizard's flow as pure functions: which pages show, where Continue and Back go, progress,
the review page and returning to it after a change.

Answers are the raw values the visitor gave, keyed by field id; conditions are read from them.
Answers of pages that became hidden are kept (the visitor may come back) but never validated,
printed or shown on the review page.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
import unicodedata
from datetime import date, timedelta
from typing import Any

from assistant.wizard.conditions import evaluate_all, named_fields
from assistant.definition.model import ORIGINAL, Cond, Field, Form, Page, Repeat, Text
from assistant.wizard import repeat
from assistant.i18n.markers import N_
from assistant.settings import settings
from assistant.fieldtypes import Invalid, clean, type_of
from assistant.fieldtypes.text import clean_limited
from assistant.i18n.markers import Message

LATIN_NEEDED = N_("Skriv namnet med latinska bokstäver (A–Z), så som det står på ditt id-kort, LMA-kort eller pass. "
                  "Det namnet kommer på blanketten.")
DATE_FORMAT = N_("Skriv ett riktigt datum så här: ÅÅÅÅ-MM-DD, till exempel 2026-03-01.")
DATE_EXAMPLE = N_("Skriv ett riktigt datum så här: ÅÅÅÅ-MM-DD, till exempel %(example)s.")


def non_latin(text: Any) -> bool:
    """A letter of another script than the Latin one (Arabic, Ethiopic, Cyrillic …)."""
    return isinstance(text, str) and any(ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN") for ch in text)


def latin_names(page: Page, answers: Mapping[str, Any]) -> dict[str, Any]:
    """A name typed in another script is kept for the receipt (as the visitor's own words) and asked
    again in Latin letters, as on the ID card, LMA card or passport: that spelling goes on the form."""
    moved: dict[str, Any] = {}
    for f in visible_fields(page, answers):
        if f.latin and non_latin(answers.get(f.id)):
            moved[f.id + ORIGINAL] = answers[f.id]
            moved[f.id] = ""
    return moved


def example_date(f: Field, today: date) -> date:
    """A date the question itself would take today: a birth date lies well back, a start date far enough
    ahead to pass its warning, anything else a month ahead (a fixed example soon lay in the past)."""
    if f.max == "today":
        return date(today.year - 40, 5, 17)
    return today + timedelta(days=(f.warn_days or 0) + 30)

REVIEW = "__review__"
WARNED = "~warned"   # answers key suffix: the value a warning was already shown for


def shown(conditions: tuple[Cond, ...], answers: Mapping[str, Any]) -> bool:
    """A page, question or list entry shows only when its conditions are surely true."""
    return evaluate_all(conditions, answers) is True


def visible_pages(form: Form, answers: Mapping[str, Any]) -> list[Page]:
    """The pages the visitor sees, in order: the questions, then (after the review) the declaration.
    A repeating group shows as its entries and its summary page."""
    pages = [p for p in repeat.expand(form, answers) if shown(p.show_if, answers) and visible_fields(p, answers)]
    return [p for p in pages if not p.after_review] + [p for p in pages if p.after_review]


def question_pages(form: Form, answers: Mapping[str, Any]) -> list[Page]:
    """The pages "Kontrollera dina svar" lists: everything before the declaration and consent."""
    return [p for p in visible_pages(form, answers) if not p.after_review]


def closing_fields(form: Form) -> list[Field]:
    return [f for p in form.pages if p.after_review for f in p.fields]


def question_answers(form: Form, answers: Mapping[str, Any]) -> dict[str, Any]:
    closing = {f.id for f in closing_fields(form)}
    return {k: v for k, v in answers.items() if k.split("~")[0] not in closing}


def declared(form: Form, answers: Mapping[str, Any]) -> dict[str, Any]:
    """The answers with the declaration and consent given (the values stand in): to plan the printout, which
    depends on the questions only, on the review page before they are asked."""
    return {**answers, **{f.id: type_of(f).stand_in(f) for f in closing_fields(form)
                          if f.required and answers.get(f.id) in (None, "", [], False)}}


def could_show(conditions: tuple[Cond, ...], answers: Mapping[str, Any], settled: set[str]) -> bool:
    """A condition on a question not answered yet may still come true (unknown counts as "could")."""
    if {name for c in conditions for name in named_fields(c)} <= settled:
        return shown(conditions, answers)
    return evaluate_all(conditions, answers, settled) is not False


def visible_fields(page: Page, answers: Mapping[str, Any]) -> list[Field]:
    return [f for f in page.fields if shown(f.show_if, answers)]


def relevant_answers(form: Form, answers: Mapping[str, Any]) -> dict[str, Any]:
    """Only the answers to questions the visitor can see now: the rest must not be printed."""
    return {f.id: answers[f.id] for p in visible_pages(form, answers) for f in visible_fields(p, answers)
            if f.id in answers}


def broken_rules(page: Page, answers: Mapping[str, Any], cleaned: Mapping[str, Any],
                 errors: Mapping[str, Any]) -> dict[str, Text]:
    """The page's cross-field rules that are surely false, by the field their message belongs to. A field
    that already has an error keeps it: the visitor fixes one thing at a time."""
    visible = {f.id for f in visible_fields(page, answers)}
    values = {**answers, **cleaned}
    broken: dict[str, Text] = {}
    for rule in page.rules:
        if rule.field in visible and rule.field not in errors and rule.field not in broken \
                and evaluate_all(rule.must, values) is False:
            broken[rule.field] = rule.message
    return broken


def validate_page(page: Page, answers: Mapping[str, Any], today: date
                  ) -> tuple[dict[str, Any], dict[str, Message | Text]]:
    """Clean the visible answers of one page, then check its rules; errors keyed by field id, in page order."""
    cleaned: dict[str, Any] = {}
    errors: dict[str, Message | Text] = {}
    for f in visible_fields(page, answers):
        try:
            cleaned[f.id] = clean(f, answers.get(f.id), today)
            if f.free_text and answers.get(f.id + ORIGINAL):
                clean_limited(answers[f.id + ORIGINAL], type_of(f).limit(f), multiline=True)
        except Invalid as exc:
            errors[f.id] = (Message(DATE_EXAMPLE, {"example": example_date(f, today).isoformat()})
                            if exc.message.msgid == DATE_FORMAT else exc.message)
    if page.summary and not errors:
        errors.update(repeat.summary_errors(page, answers))
    broken = broken_rules(page, answers, cleaned, errors)
    return cleaned, {f.id: errors.get(f.id) or broken[f.id] for f in page.fields if f.id in errors or f.id in broken}


def validate_all(form: Form, answers: Mapping[str, Any], today: date
                 ) -> tuple[dict[str, Any], dict[str, Message | Text]]:
    """Clean every visible answer and check every rule: the input to the PDF and the receipt."""
    cleaned: dict[str, Any] = {}
    errors: dict[str, Message | Text] = {}
    for page in visible_pages(form, answers):
        page_clean, page_errors = validate_page(page, answers, today)
        cleaned.update(page_clean)
        errors.update(page_errors)
    return cleaned, errors


def in_own_words(page: Page, answers: Mapping[str, Any], errors: Mapping[str, Message | Text]
                 ) -> dict[str, Message | Text]:
    """A missing answer said in the question's own words when the form gives them ("Skriv förnamnet.")."""
    fields = {f.id: f for f in page.fields}
    return {fid: fields[fid].error if (fields[fid].error and fields[fid].required
                                       and answers.get(fid) in (None, "", [], False)) else message
            for fid, message in errors.items()}


def first_incomplete_page(form: Form, answers: Mapping[str, Any], today: date) -> str | None:
    """The first question page still missing an answer (the declaration is asked after the review)."""
    for page in question_pages(form, answers):
        if validate_page(page, answers, today)[1]:
            return page.id
    return None


def default_answers(form: Form, today: date) -> dict[str, Any]:
    """Starting values: defaults from form.yaml ("today" for dates), empty lists for multi-choice."""
    answers: dict[str, Any] = {}
    for f in form.fields:
        if f.default == "today":
            answers[f.id] = today.isoformat()
        elif isinstance(f.default, str):
            answers[f.id] = settings().fill(f.default)      # "{kommun.ort}": where this municipality is
        elif f.default is not None:
            answers[f.id] = f.default
        elif type_of(f).many:
            answers[f.id] = []
    return answers


def page_warnings(page: Page, answers: Mapping[str, Any], cleaned: Mapping[str, Any], today: date) -> list[Field]:
    """Date answers sooner than the field's warn_days, whose warning the visitor has not seen for this value."""
    return [f for f in visible_fields(page, answers)
            if f.warn_days is not None and isinstance(cleaned.get(f.id), date)
            and (cleaned[f.id] - today).days < f.warn_days and answers.get(f.id + WARNED) != answers.get(f.id)]


@dataclass(frozen=True)
class Wizard:
    """Where the visitor is. ``page`` is a page id or REVIEW; ``from_review`` sends Continue back there.

    The order is: the questions, "Kontrollera dina svar" (REVIEW), then the declaration and consent pages,
    the last of which creates the form. An answer changed after the declaration asks it again."""

    form: Form
    page: str
    answers: dict[str, Any] = field(default_factory=dict)
    from_review: bool = False
    errors: dict[str, Message | Text] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()   # field ids whose warning shows; Continue again goes on

    @classmethod
    def start(cls, form: Form, today: date) -> Wizard:
        answers = default_answers(form, today)
        return cls(form=form, page=visible_pages(form, answers)[0].id, answers=answers)

    @property
    def on_review(self) -> bool:
        return self.page == REVIEW

    @property
    def on_closing(self) -> bool:
        return not self.on_review and self.current().after_review

    def pages(self) -> list[Page]:
        return visible_pages(self.form, self.answers)

    def closing(self) -> list[Page]:
        return [p for p in self.pages() if p.after_review]

    def current(self) -> Page:
        return self._page(self.page)

    def _page(self, page_id: str) -> Page:
        """A page by id, a repeating group's entries and summary page included."""
        return next(p for p in repeat.expand(self.form, self.answers) if p.id == page_id)

    def is_last(self) -> bool:
        """This page's Continue creates the form: the last declaration page, or the review without one."""
        closing = self.closing()
        return (self.on_review and not closing) or (bool(closing) and self.page == closing[-1].id)

    def _order(self) -> list[str]:
        ids = [p.id for p in self.pages()]
        closing = {p.id for p in self.closing()}
        return [i for i in ids if i not in closing] + [REVIEW] + [i for i in ids if i in closing]

    def progress(self) -> tuple[int, int]:
        """(step, total): the pages behind, this one, and every later page that may still come (its
        condition names a question not answered yet), so the total never grows, it can only shrink."""
        order = self._order()
        step = order.index(self.page) + 1 if self.page in order else 1
        here = self.page if self.page in order else order[0]
        every = repeat.expand(self.form, self.answers)
        position = {p.id: i for i, p in enumerate(every)}
        skipped = {p.id for p in every if p.id not in order and position[p.id] < position.get(here, len(every))}
        passed = set(order[:order.index(here)]) | skipped     # a page skipped on the way is not coming either
        settled = {f.id for p in every if p.id in passed for f in p.fields}
        later_pages = [p for p in every if p.id not in passed and p.id != here]
        later = 0
        for p in later_pages:
            if could_show(p.show_if, self.answers, settled) and any(could_show(f.show_if, self.answers, settled)
                                                                    for f in p.fields):
                later += 1
            else:
                settled |= {f.id for f in p.fields}    # a page that cannot come leaves its answers as they are
        review_later = 1 if here != REVIEW and not self.current().after_review else 0
        return step, step + later + review_later

    def with_answers(self, values: Mapping[str, Any]) -> Wizard:
        """Keep what was typed on this page, valid or not: nothing typed is ever lost."""
        return replace(self, answers={**self.answers, **values})

    def _declared_again(self, before: Mapping[str, Any]) -> Wizard:
        """A changed answer makes the declaration and consent given before void: they are asked again."""
        if question_answers(self.form, before) == question_answers(self.form, self.answers):
            return self
        fresh = default_answers(self.form, date.today())
        reset = {f.id: fresh.get(f.id) for f in closing_fields(self.form) if type_of(f).declaration}
        return replace(self, answers={**self.answers, **reset})

    def next(self, values: Mapping[str, Any], today: date) -> Wizard:
        """Continue: validate this page; stay with errors, else go on (or back to the review page)."""
        if self.on_review:
            closing = self.closing()
            return replace(self, page=closing[0].id if closing else REVIEW, errors={}, warnings=())
        state = self.with_answers(values)
        moved = latin_names(state.current(), state.answers)
        if moved:
            state = state.with_answers(moved)
            errors = {k: Message(LATIN_NEEDED) for k in moved if k in state.answers and "~" not in k}
            return replace(state, errors=errors, warnings=())
        cleaned, errors = validate_page(state.current(), state.answers, today)
        if errors:
            return replace(state, errors=in_own_words(state.current(), state.answers, errors), warnings=())
        warned = page_warnings(state.current(), state.answers, cleaned, today)
        if warned:
            seen = {f.id + WARNED: state.answers.get(f.id) for f in warned}
            return replace(state.with_answers(seen), errors={}, warnings=tuple(f.id for f in warned))
        state = replace(state, errors={}, warnings=())
        page = state.current()
        if page.repeat is not None and page.entry:         # an entry is counted, and listed on the summary page
            state = state.with_answers({page.repeat.id: max(repeat.count(page.repeat, state.answers), page.entry)})
            return replace(state, page=page.repeat.id)
        elif page.repeat is not None and state.answers.get(repeat.more_id(page.repeat)) is True:
            return state._add_entry(page.repeat)
        if self.from_review:
            state = state._declared_again(self.answers)
            missing = first_incomplete_page(self.form, state.answers, today)
            return replace(state, page=missing or REVIEW, from_review=missing is not None)
        order = state._order()
        later = order[order.index(self.page) + 1:] if self.page in order else order
        return replace(state, page=later[0] if later else REVIEW)

    def back(self, values: Mapping[str, Any]) -> Wizard | None:
        """Back: keep what was typed without validating. None means before the first page."""
        state = replace(self.with_answers(values), errors={}, warnings=())
        page = state.current() if self.page != REVIEW else None
        if page is not None and page.entry and page.repeat is not None:
            group, number = page.repeat, repeat.count(page.repeat, state.answers)
            if repeat.is_empty_entry(page, state.answers) and page.entry == number > 1:    # a new entry, left empty
                return replace(state, answers=repeat.removed(group, state.answers, page.entry), page=group.id)
            if number > 1 and not self.from_review:
                return replace(state, page=group.id)
        if self.from_review:
            return replace(state._declared_again(self.answers), page=REVIEW, from_review=False)
        order = state._order()
        index = order.index(self.page) if self.page in order else 0
        return replace(state, page=order[index - 1]) if index > 0 else None

    def _add_entry(self, group: Repeat) -> Wizard:
        """The summary page's "ja": a new, empty entry's page (its question is asked afresh next time). Come
        from the review page, the summary page's "nej" goes back there."""
        number = repeat.count(group, self.answers) + 1
        added = self.with_answers({group.id: number, repeat.more_id(group): None})
        return replace(added, page=f"{group.id}.{number}")

    def change_entry(self, group_id: str, n: int) -> Wizard:
        """"Ändra" on a group's summary page: that entry's page, then back to the summary page."""
        return replace(self, page=f"{group_id}.{n}", from_review=False, errors={}, warnings=())

    def remove_entry(self, group_id: str, n: int) -> Wizard:
        """"Ta bort" on a group's summary page: the entry goes, the later ones move up. Without entries
        left, the first entry's page opens empty."""
        group = repeat.template_of(self.form, group_id).repeat
        assert group is not None
        answers = repeat.removed(group, self.answers, n)
        page = group_id if repeat.count(group, answers) else f"{group_id}.1"
        return replace(self, answers=answers, page=page, errors={}, warnings=())

    def change(self, page_id: str) -> Wizard:
        """A change link on the review page: go to that page, and come back after Continue."""
        return replace(self, page=page_id, from_review=True, errors={}, warnings=())

    def goto_review(self, today: date) -> Wizard:
        missing = first_incomplete_page(self.form, self.answers, today)
        return replace(self, page=missing or REVIEW, from_review=missing is not None)
