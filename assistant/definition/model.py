"""The form model: plain, frozen data built by the loader from forms/<id>/form.yaml.

Every visitor-facing string is a :class:`Text`: the Swedish source plus a gettext context that
says where it was defined, so one block (e.g. the person block) is translated once for all forms.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

@dataclass(frozen=True)
class Text:
    """A translatable string: Swedish source and its gettext context (``<where>|<what>``)."""

    source: str
    context: str

    def __bool__(self) -> bool:
        return bool(self.source)

    def __str__(self) -> str:
        return self.source


NO_TEXT = Text("", "")


@dataclass(frozen=True)
class Condition:
    """True when the answer to ``field`` is one of ``values`` (for a multi answer: includes one)."""

    field: str
    values: tuple[Any, ...]


@dataclass(frozen=True)
class Answered:
    """True when ``field`` has an answer (``expected`` False: when it has none)."""

    field: str
    expected: bool = True


Operator = Literal["<", "<=", ">", ">=", "==", "!="]


@dataclass(frozen=True)
class Compare:
    """A number, money or date answer compared with a literal (``value``) or another answer (``other``)."""

    field: str
    op: Operator
    value: Any = None
    other: str | None = None


@dataclass(frozen=True)
class AllOf:
    conditions: tuple[Cond, ...]


@dataclass(frozen=True)
class AnyOf:
    conditions: tuple[Cond, ...]


@dataclass(frozen=True)
class Not:
    condition: Cond


# One condition of a show_if or a rule: a plain tuple of them means all must hold.
Cond = Condition | Answered | Compare | AllOf | AnyOf | Not


@dataclass(frozen=True)
class Rule:
    """A cross-field rule: when ``must`` is false on the page that holds ``field``, ``message`` shows there."""

    must: tuple[Cond, ...]
    field: str
    message: Text
    line: int = 0


@dataclass(frozen=True)
class Option:
    value: str
    label: Text


# Answer keys beside a free-text field's own: the visitor's own-language text, and whether it goes on a bilaga.
ORIGINAL, ON_BILAGA = "~original", "~bilaga"


@dataclass(frozen=True)
class Field:
    id: str
    type: str                      # a name in assistant/fieldtypes' registry (the loader checks it)
    label: Text
    help: Text = NO_TEXT
    staff_note: Text = NO_TEXT
    required: bool = False
    options: tuple[Option, ...] = ()
    show_if: tuple[Cond, ...] = ()
    min: Any = None                 # number: int; date: ISO date or "today"
    max: Any = None
    max_length: int | None = None
    default: Any = None             # "today" for dates, or a literal
    free_text: bool = False         # visitor may answer in own language; staff writes the Swedish wording
    warn_days: int | None = None    # a date sooner than this many days from today gets a warning (not an error)
    warning: Text = NO_TEXT         # the warning, e.g. "Ansök minst fyra månader innan"
    error: Text = NO_TEXT           # said when a required answer is missing, e.g. "Skriv ditt förnamn."
    latin: bool = False             # a name as on the ID document: typed in another script, it is asked in Latin letters
    line: int = 0

    def option(self, value: str) -> Option | None:
        return next((o for o in self.options if o.value == value), None)


@dataclass(frozen=True)
class Repeat:
    """A repeating group ("add another child"): its page is asked once per entry, then a summary page lists
    the entries with change and remove, and asks whether to add another.

    Answers are flat: ``<group>.<n>.<question>`` for entry n (from 1), ``<group>`` the number of entries
    and ``<group>.more`` the summary page's yes/no. ``item`` names entry n ("Barn %(n)s"); ``rows`` is how
    many entries the paper has rows for: the others go on the bilaga."""

    id: str
    item: Text
    added_one: Text
    added_many: Text                # "Du har lagt till %(count)s barn"
    add_another: Text               # the summary page's question
    max: int
    min: int = 1
    rows: int | None = None
    name: str | None = None         # the question whose answer names an entry on the summary page

    def more_field(self) -> Field:
        """The summary page's question: add another?"""
        return Field(id=f"{self.id}.more", type="yesno", label=self.add_another, required=True)


@dataclass(frozen=True)
class Page:
    """One step of the wizard: one question, or a small group that belongs together (a name, an address).

    ``section`` is the title of the form.yaml page it came from (the review page's headings);
    ``after_review`` pages (the declaration, consent) come after "Kontrollera dina svar"."""

    id: str
    title: Text
    intro: Text = NO_TEXT
    fields: tuple[Field, ...] = ()
    show_if: tuple[Cond, ...] = ()
    line: int = 0
    section: Text = NO_TEXT
    after_review: bool = False
    rules: tuple[Rule, ...] = ()     # the rules whose message belongs to one of this page's fields
    repeat: Repeat | None = None     # a group's page: the template form.yaml declares, an entry or the summary
    entry: int = 0                   # the entry (from 1) this page asks; 0 for the template and the summary
    summary: bool = False            # the group's "Du har lagt till 2 barn" page


@dataclass(frozen=True)
class PdfTarget:
    """How one answer reaches the PDF.

    ``to`` names a text, radio or combo field; ``states`` maps an answer (option value, or
    "true"/"false" for yes/no) to the export state; ``checkboxes`` maps option values (or "true")
    to checkbox fields; ``as_label`` writes a choice's Swedish label into a text field.
    """

    field_id: str
    to: str | None = None
    format: str | None = None
    states: dict[str, str] = field(default_factory=dict)
    checkboxes: dict[str, str] = field(default_factory=dict)
    as_label: bool = False
    line: int = 0

    def pdf_names(self) -> list[str]:
        return ([self.to] if self.to else []) + list(self.checkboxes.values())


def field_pattern(pattern: str) -> re.Pattern[str]:
    """A left_blank: unused: pattern: * stands for any text, everything else is literal, so that the
    brackets of XFA names ("Page1[0].Rad*[0]") need no escaping."""
    return re.compile(".*".join(re.escape(part) for part in pattern.split("*")))


@dataclass(frozen=True)
class Total:
    """A sum of number or money answers (``minus`` ones subtracted): a form's total box."""

    plus: tuple[str, ...]
    minus: tuple[str, ...] = ()


@dataclass(frozen=True)
class DaysBetween:
    """The days from the first date answer to the second (a trip's length)."""

    start: str
    end: str


# What fills a computed PDF field: a template such as "{sokande.fornamn} {sokande.efternamn}", a total or a day count.
Computed = str | Total | DaysBetween


@dataclass(frozen=True)
class PdfMapping:
    file: Path
    targets: tuple[PdfTarget, ...]
    computed: dict[str, Computed]
    left_for_staff: tuple[str, ...]
    left_for_pen: tuple[str, ...]
    not_printed: tuple[str, ...]        # answer ids that stay in the wizard and the receipt only
    line: int = 0
    left_unused: tuple[str, ...] = ()   # glob patterns of PDF fields nobody fills (hidden copies, spare rows)
    row: dict[str, tuple[PdfTarget, ...]] = field(default_factory=dict)   # a group's row: {n} in the PDF names

    def target(self, field_id: str) -> PdfTarget | None:
        return next((t for t in self.targets if t.field_id == field_id), None)


@dataclass(frozen=True)
class ListItem:
    """An attachment, a signature or a next step; shown only when its condition holds."""

    text: Text
    show_if: tuple[Cond, ...] = ()
    days: int | None = None         # a time the rules give from today ("inom två veckor"): the receipt dates it
    months: int | None = None
    dated: Text = NO_TEXT           # that date in a sentence, e.g. "… senast omkring %(date)s."


@dataclass(frozen=True)
class Form:
    id: str
    title: Text
    description: Text
    authority: str
    form_version: str
    legal_reference: str
    pages: tuple[Page, ...]
    pdf: PdfMapping
    source: Path
    intro: Text = NO_TEXT
    notice: Text = NO_TEXT          # shown before the first question, e.g. "call first" or "apply online"
    summary_only: bool = False      # no official PDF: the wizard prints a summary to bring along
    send_to: Text = NO_TEXT
    next_steps: tuple[ListItem, ...] = ()
    attachments: tuple[ListItem, ...] = ()
    signatures: tuple[ListItem, ...] = ()
    name_fields: tuple[str, str] = ("sokande.fornamn", "sokande.efternamn")
    id_field: str = "sokande.personnummer"
    contact: str = "{kommun.kontaktcenter}"     # whom the visitor calls with questions: the body that handles it
    contact_phone: str = "{kommun.telefon}"

    @property
    def fields(self) -> tuple[Field, ...]:
        return tuple(f for p in self.pages for f in p.fields)

    def field(self, field_id: str) -> Field:
        """A question by id; an entry's question (``barn.2.namn``) is its group's question with that id."""
        for f in self.fields:
            if f.id == field_id:
                return f
        for p in self.pages:
            if p.repeat is not None and field_id == p.repeat.more_field().id:
                return p.repeat.more_field()
        group, _, rest = field_id.partition(".")
        number, _, local = rest.partition(".")
        if number.isdigit():
            for f in self.fields:
                if f.id == f"{group}.{local}":
                    return replace(f, id=field_id)
        raise KeyError(field_id)

    def page(self, page_id: str) -> Page:
        for p in self.pages:
            if p.id == page_id:
                return p
        raise KeyError(page_id)

    def page_of(self, field_id: str) -> Page:
        for p in self.pages:
            if any(f.id == field_id for f in p.fields):
                return p
        raise KeyError(field_id)
