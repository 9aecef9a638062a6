"""Load forms/<id>/form.yaml into a :class:`~assistant.model.Form`, or say exactly what is wrong.

Shared blocks (person, representative, interpreter, ...) live once in forms/_blocks/<name>.yaml; a
form's page list says ``- use: person`` with a ``prefix`` and gets that block's pages with prefixed
ids. Every error carries file, line, field and a fix.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field as dataclass_field, replace
from datetime import date
from pathlib import Path
from typing import Any

from assistant.errors import FormError, Problem
from assistant.conditions import named_fields, walk
from assistant.model import (
    FIELD_TYPES, NO_TEXT, AllOf, Answered, AnyOf, Compare, Computed, Cond, Condition, DaysBetween, Field, Form,
    ListItem, Not, Option, Page, PdfMapping, PdfTarget, Rule, Text, Total,
)
from assistant.yaml_lines import LineDict, line_of, read_yaml

BLOCKS_DIR = "_blocks"

FORM_KEYS = {"id", "title", "description", "authority", "form_version", "legal_reference", "intro", "notice",
             "summary_only",
             "pages", "pdf", "send_to", "next_steps", "attachments", "signatures", "name_fields", "id_field",
             "contact", "contact_phone", "rules"}
PAGE_KEYS = {"id", "title", "intro", "fields", "show_if", "steps", "together", "after_review", "rules"}
RULE_KEYS = {"must", "field", "message"}
USE_KEYS = {"use", "prefix", "show_if", "only", "titles", "intros", "labels", "helps", "required"}
FIELD_KEYS = {"id", "type", "label", "help", "staff_note", "required", "options", "show_if",
              "min", "max", "max_length", "default", "free_text", "warn_days", "warning", "error", "latin"}
PDF_KEYS = {"file", "fields", "computed", "left_blank", "not_printed"}
LEFT_BLANK_KEYS = {"pen", "staff", "unused"}
TARGET_KEYS = {"to", "format", "states", "checkboxes", "as_label"}
FORMATS = {"pnr10", "pnr12", "pnr12_digits", "date_iso", "born", "phone_national", "phone_e164"}
CHOICE_TYPES = {"choice", "multi"}


@dataclass
class _Ctx:
    """Where we are while reading: the file, and the gettext context prefix for its texts."""

    file: Path
    where: str                     # "aldreomsorg" or "_blocks/person"
    problems: list[Problem]
    near: int = 1                  # the line of the list being read: a plain value in it has no line of its own
    rules: list[Rule] = dataclass_field(default_factory=list)   # every rules: entry read, page or form level

    def problem(self, node: Any, message: str, fix: str = "", field: str | None = None) -> None:
        self.problems.append(Problem(file=self.file, line=line_of(node) or self.near, field=field,
                                     message=message, fix=fix))

    def text(self, value: Any, what: str, node: Any, field: str | None = None) -> Text:
        if value is None or value == "":
            return NO_TEXT
        if not isinstance(value, str):
            self.problem(node, f"'{what}' must be text.", "Put the text in quotes.", field)
            return NO_TEXT
        return Text(value.strip(), f"{self.where}|{what}")


def _unknown_keys(ctx: _Ctx, node: LineDict, allowed: set[str], what: str, field: str | None = None) -> None:
    for key in node:
        if key not in allowed:
            ctx.problem(node, f"unknown key '{key}' in {what}.",
                        f"Use one of: {', '.join(sorted(allowed))}.", field)


COMBINERS = ("all", "any", "not")
OPERATORS = {"greater_than": ">", "at_least": ">=", "less_than": "<", "at_most": "<=", "equals": "==",
             "not_equals": "!=", "after": ">", "on_or_after": ">=", "before": "<", "on_or_before": "<="}
TEST_KEYS = {"field", "answered", *OPERATORS}
_CONDITION_FIX = ("Write e.g. show_if: {tolk.behovs: true}, {field: belopp, greater_than: 0}, "
                  "or any: / all: / not: with such conditions under it (see docs/adding-a-form.md).")


def _conditions(ctx: _Ctx, raw: Any, node: Any, rename: dict[str, str], field: str | None,
                what: str = "show_if") -> tuple[Cond, ...]:
    """A show_if (or a rule's must:): a mapping of one-field tests, all:/any:/not:, a comparison
    {field: x, greater_than: 0}, or a list of these; every part must hold."""
    if raw is None:
        return ()
    if isinstance(raw, list):
        parts = [_condition(ctx, item, raw, rename, field, what) for item in raw]
        if not raw:
            ctx.problem(node, f"{what}: is an empty list.", _CONDITION_FIX, field)
        return tuple(c for c in parts if c is not None)
    if not isinstance(raw, dict) or not raw:
        ctx.problem(node, f"{what} must be a mapping such as {{tolk.behovs: true}}.", _CONDITION_FIX, field)
        return ()
    if "field" in raw:
        test = _test(ctx, raw, rename, field, what)
        return (test,) if test else ()
    conds: list[Cond] = []
    for key, value in raw.items():
        if key in COMBINERS:
            combined = _combined(ctx, str(key), value, raw, rename, field, what)
            if combined is not None:
                conds.append(combined)
            continue
        values = tuple(value) if isinstance(value, list) else (value,)
        if not isinstance(key, str) or any(isinstance(v, (dict, list)) for v in values):
            ctx.problem(raw, f"{what}: '{key}' must name a question and its answer (or a list of answers).",
                        "Write e.g. {tolk.behovs: true} or {boende: [hyresratt, bostadsratt]}; to combine "
                        "conditions, put them in a list under all:, any: or not:.", field)
            continue
        conds.append(Condition(field=rename.get(key, key), values=values))
    return tuple(conds)


def _condition(ctx: _Ctx, raw: Any, node: Any, rename: dict[str, str], field: str | None, what: str) -> Cond | None:
    """One item of a list of conditions: several tests in one mapping must all hold."""
    parts = _conditions(ctx, raw, raw if hasattr(raw, "line") else node, rename, field, what)
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else AllOf(parts)


def _combined(ctx: _Ctx, key: str, value: Any, node: Any, rename: dict[str, str], field: str | None,
              what: str) -> Cond | None:
    if key == "not":
        inner = _condition(ctx, value, node, rename, field, what)
        return Not(inner) if inner is not None else None
    if not isinstance(value, list) or not value:
        ctx.problem(node, f"{what}: {key}: must be a list of conditions.",
                    f"Write {key}: and one '- {{question: answer}}' per line under it.", field)
        return None
    parts = tuple(c for c in (_condition(ctx, item, value, rename, field, what) for item in value) if c is not None)
    return (AllOf(parts) if key == "all" else AnyOf(parts)) if parts else None


def _test(ctx: _Ctx, raw: LineDict, rename: dict[str, str], field: str | None, what: str) -> Cond | None:
    """{field: x, answered: true} or a comparison {field: x, greater_than: 0} / {field: x, after: other}."""
    for key in raw:
        if key not in TEST_KEYS:
            ctx.problem(raw, f"{what}: unknown key '{key}' beside field:.",
                        f"Use one of: {', '.join(sorted(TEST_KEYS))}.", field)
            return None
    tests = [k for k in raw if k != "field"]
    name = raw["field"]
    if not isinstance(name, str) or len(tests) != 1:
        ctx.problem(raw, f"{what}: a test names one question and says one thing about it.",
                    "Write e.g. {field: inkomst, greater_than: 0}, {field: retur, on_or_after: avresa} "
                    "or {field: telefon, answered: true}.", field)
        return None
    key, value = tests[0], raw[tests[0]]
    if key == "answered":
        if not isinstance(value, bool):
            ctx.problem(raw, f"{what}: answered: must be true or false.", "Write answered: true", field)
            return None
        return Answered(field=rename.get(name, name), expected=value)
    if isinstance(value, str):
        return Compare(field=rename.get(name, name), op=OPERATORS[key], other=rename.get(value, value))
    if isinstance(value, bool) or not isinstance(value, (int, float, date)):
        ctx.problem(raw, f"{what}: {key}: {value!r} is neither a number, a date nor a question.",
                    f"Write a number, a date such as 2026-01-31, or the id of another question: {key}: 0", field)
        return None
    return Compare(field=rename.get(name, name), op=OPERATORS[key], value=value)


def _options(ctx: _Ctx, raw: Any, node: Any, fid: str, local_id: str) -> tuple[Option, ...]:
    if not isinstance(raw, list) or not raw:
        ctx.problem(node, "a choice needs a list of options.",
                    "Add options: - {value: ja, label: Ja}", fid)
        return ()
    options = []
    for item in raw:
        if not isinstance(item, dict) or "value" not in item or "label" not in item:
            ctx.problem(item if hasattr(item, "line") else node, "each option needs 'value' and 'label'.",
                        "Write - {value: hemtjanst, label: Hemtjänst}", fid)
            continue
        _unknown_keys(ctx, item, {"value", "label"}, "an option (quote labels that contain a comma)", fid)
        value = str(item["value"])
        options.append(Option(value=value, label=ctx.text(item["label"], f"{local_id}.option.{value}", item, fid)))
    values = [o.value for o in options]
    for dup in {v for v in values if values.count(v) > 1}:
        ctx.problem(node, f"option value '{dup}' appears twice.", "Give every option its own value.", fid)
    return tuple(options)


def _field(ctx: _Ctx, raw: Any, prefix: str, rename: dict[str, str], required_override: bool | None) -> Field | None:
    if not isinstance(raw, dict) or "id" not in raw or "type" not in raw:
        ctx.problem(raw, "a field needs at least 'id' and 'type'.", "Write - {id: fornamn, type: text, label: Förnamn}")
        return None
    local_id = str(raw["id"])
    fid = prefix + local_id
    _unknown_keys(ctx, raw, FIELD_KEYS, "a field", fid)
    ftype = raw["type"]
    if ftype not in FIELD_TYPES:
        ctx.problem(raw, f"unknown field type '{ftype}'.", f"Use one of: {', '.join(FIELD_TYPES)}.", fid)
        return None
    if "label" not in raw:
        ctx.problem(raw, "the field has no label.", "Add label: with the question in Swedish.", fid)
    options = _options(ctx, raw.get("options"), raw, fid, local_id) if ftype in CHOICE_TYPES else ()
    if ftype not in CHOICE_TYPES and "options" in raw:
        ctx.problem(raw, f"a {ftype} field has no options.", "Remove options: or use type: choice.", fid)
    if ("warn_days" in raw) != ("warning" in raw) or ("warn_days" in raw and ftype != "date"):
        ctx.problem(raw, "warn_days and warning go together, on a date question.",
                    "Write both, e.g. warn_days: 120 and warning: Ansök minst fyra månader innan.", fid)
    _check_limits(ctx, raw, ftype, fid)
    required = bool(raw.get("required", False))
    if required_override is False:
        required = False
    return Field(
        id=fid, type=ftype,
        label=ctx.text(raw.get("label"), f"{local_id}.label", raw, fid),
        help=ctx.text(raw.get("help"), f"{local_id}.help", raw, fid),
        staff_note=ctx.text(raw.get("staff_note"), f"{local_id}.staff_note", raw, fid),
        required=required, options=options,
        show_if=_conditions(ctx, raw.get("show_if"), raw, rename, fid),
        min=raw.get("min"), max=raw.get("max"), max_length=raw.get("max_length"),
        default=raw.get("default"), free_text=bool(raw.get("free_text", False)),
        warn_days=raw.get("warn_days"), warning=ctx.text(raw.get("warning"), f"{local_id}.warning", raw, fid),
        error=ctx.text(raw.get("error"), f"{local_id}.error", raw, fid), latin=bool(raw.get("latin", False)),
        line=line_of(raw),
    )


def _limit_fits(ftype: str, value: Any) -> bool:
    if ftype == "date":
        if value == "today" or isinstance(value, date):
            return True
        try:
            return isinstance(value, str) and bool(date.fromisoformat(value))
        except ValueError:
            return False
    return ftype in ("number", "money") and isinstance(value, (int, float)) and not isinstance(value, bool)


def _check_limits(ctx: _Ctx, raw: LineDict, ftype: str, fid: str) -> None:
    """min/max/max_length/warn_days of the wrong kind would only fail when a visitor answers: say it now."""
    for key in ("min", "max"):
        if raw.get(key) is not None and not _limit_fits(ftype, raw[key]):
            ctx.problem(raw, f"{key}: {raw[key]!r} does not fit a {ftype} question.",
                        "Write a number (number, money), or today or a date such as 2026-01-31 (date).", fid)
    for key in ("max_length", "warn_days"):
        value = raw.get(key)
        if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value <= 0):
            ctx.problem(raw, f"{key}: must be a whole number above 0, not {value!r}.", f"Write e.g. {key}: 120", fid)


def _rules(ctx: _Ctx, raw: Any, node: Any, rename: dict[str, str], where: str,
           on_page: dict[str, str] | None = None) -> list[Rule]:
    """rules: entries, each a condition that must hold, the question its message is shown on and the message.
    ``on_page`` (a page's rules: local id -> field id) limits the questions to that page's."""
    if raw is None:
        return []
    if not isinstance(raw, list):
        ctx.problem(node, "rules: must be a list.",
                    "Write rules: and under it - {must: {...}, field: question_id, message: Text}.")
        return []
    rules = []
    for i, item in enumerate(raw):
        if not isinstance(item, dict) or not {"must", "field", "message"} <= set(item):
            ctx.problem(item if hasattr(item, "line") else raw, "a rule needs must:, field: and message:.",
                        "Write - must: {field: retur_datum, on_or_after: avresa_datum}, field: retur_datum, "
                        "message: Hemresan kan inte vara före avresan.")
            continue
        _unknown_keys(ctx, item, RULE_KEYS, "a rule")
        name = str(item["field"])
        fid = (on_page or rename).get(name, name)
        if on_page is not None and name not in on_page:
            ctx.problem(item, f"the rule's field: '{name}' is not a question of this page.",
                        f"Use one of: {', '.join(sorted(on_page))}, or put the rule under the form's rules:.", fid)
            continue
        must = _conditions(ctx, item["must"], item, rename, fid, "rules: must")
        message = ctx.text(item["message"], f"{where}.{i}", item, fid)
        if not message:
            ctx.problem(item, "the rule has no message.", "Write message: what the visitor should correct.", fid)
        if must and message:
            rules.append(Rule(must=must, field=fid, message=message, line=line_of(item)))
    return rules


def _page(ctx: _Ctx, raw: Any, prefix: str, rename: dict[str, str], extra_show_if: tuple[Cond, ...],
          required_override: bool | None) -> Page | None:
    if not isinstance(raw, dict) or "id" not in raw:
        ctx.problem(raw, "a page needs an 'id'.", "Write - id: insatser")
        return None
    local_id = str(raw["id"])
    pid = prefix + local_id
    _unknown_keys(ctx, raw, PAGE_KEYS, f"page '{pid}'", pid)
    raw_fields = raw.get("fields") or []
    if not isinstance(raw_fields, list) or not raw_fields:
        ctx.problem(raw, "the page has no fields.", "Add fields: with at least one question.", pid)
        raw_fields = []
    ctx.near = line_of(raw_fields) or line_of(raw) or ctx.near
    fields = [f for f in (_field(ctx, rf, prefix, rename, required_override) for rf in raw_fields) if f]
    own = {f.id[len(prefix):]: f.id for f in fields}
    ctx.rules.extend(_rules(ctx, raw.get("rules"), raw, {**rename, **own}, f"{local_id}.rule", own))
    title = ctx.text(raw.get("title"), f"{local_id}.title", raw, pid)
    if not title:
        ctx.problem(raw, "the page has no title.", "Add title: the question or heading of the page.", pid)
    return Page(id=pid, title=title, intro=ctx.text(raw.get("intro"), f"{local_id}.intro", raw, pid),
                fields=tuple(fields),
                show_if=extra_show_if + _conditions(ctx, raw.get("show_if"), raw, rename, pid),
                line=line_of(raw), section=title, after_review=bool(raw.get("after_review", False)))


def _steps(ctx: _Ctx, raw: LineDict, page: Page, prefix: str) -> list[tuple[Field, ...]]:
    """How a form.yaml page is cut into wizard steps: one question each, unless ``together: true`` keeps
    them on one page or ``steps:`` lists which questions share a page (a name, a personnummer and the
    "no personnummer" box beside it)."""
    if raw.get("together") or len(page.fields) < 2:
        return [page.fields]
    spec = raw.get("steps")
    if spec is None:
        return [(f,) for f in page.fields]
    by_id = {f.id: f for f in page.fields}
    steps = []
    for group in spec if isinstance(spec, list) else []:
        ids = [prefix + str(g) for g in (group if isinstance(group, list) else [group])]
        for unknown in [i for i in ids if i not in by_id]:
            ctx.problem(raw, f"steps: names '{unknown}', which is not a question of this page.",
                        "List the page's field ids, e.g. steps: [[fornamn, efternamn], [personnummer]].", page.id)
        steps.append(tuple(by_id[i] for i in ids if i in by_id))
    listed = {f.id for group in steps for f in group}
    for f in page.fields:
        if f.id not in listed:
            ctx.problem(raw, f"steps: leaves out '{f.id}'.", "Put every question of the page in one step.", page.id)
    return [group for group in steps if group]


def split_page(ctx: _Ctx, raw: LineDict, page: Page, prefix: str) -> list[Page]:
    """One page per step. The first keeps the page's id, title and intro; the next ones are named by
    their first question (its label is their heading) and keep the page's conditions."""
    steps = _steps(ctx, raw, page, prefix)
    if len(steps) == 1:
        return [page]
    pages = []
    for i, fields in enumerate(steps):
        if i == 0:
            pages.append(replace(page, fields=fields))
        else:
            local = fields[0].id[len(prefix):]
            pages.append(replace(page, id=f"{page.id}-{local}", title=fields[0].label, intro=NO_TEXT,
                                 fields=fields))
    return pages


def _block_pages(ctx: _Ctx, use: LineDict, forms_dir: Path, cache: dict[str, Any]) -> list[Page]:
    name = str(use["use"])
    _unknown_keys(ctx, use, USE_KEYS, f"'use: {name}'")
    for key, kind, example in (("titles", dict, "{page_id: Rubrik}"), ("intros", dict, "{page_id: Text}"),
                               ("labels", dict, "{field_id: Fråga}"), ("helps", dict, "{field_id: Hjälptext}"),
                               ("only", list, "[page_id, page_id]"), ("prefix", str, "sokande")):
        if key in use and not isinstance(use[key], kind):
            ctx.problem(use, f"{key}: of 'use: {name}' has the wrong form.", f"Write {key}: {example}")
            return []
    path = forms_dir / BLOCKS_DIR / f"{name}.yaml"
    if name not in cache:
        if not path.is_file():
            ctx.problem(use, f"there is no block '{name}'.",
                        f"Create {path} or use one of the blocks in {forms_dir / BLOCKS_DIR}.")
            cache[name] = None
        else:
            cache[name] = read_yaml(path)
    data = cache[name]
    if data is None:
        return []
    prefix = str(use.get("prefix", name))
    if not isinstance(data, dict) or not isinstance(data.get("pages"), list):
        ctx.problems.append(Problem(file=path, line=line_of(data) or None, message="a block needs a list 'pages:'.",
                                    fix="Start the file with pages: and list its pages."))
        return []
    local_ids = {str(f.get("id")) for p in data["pages"] if isinstance(p, dict)
                 for f in (p.get("fields") or []) if isinstance(f, dict)}
    rename = {local: f"{prefix}.{local}" for local in local_ids}
    only = use.get("only")
    show_if = _conditions(ctx, use.get("show_if"), use, {}, None)
    block_ctx = _Ctx(file=path, where=f"{BLOCKS_DIR}/{name}", problems=ctx.problems, rules=ctx.rules)
    page_ids = {str(p.get("id")) for p in data["pages"] if isinstance(p, dict)}
    for key, known in (("titles", page_ids), ("intros", page_ids), ("labels", local_ids), ("helps", local_ids)):
        for unknown in set(use.get(key) or {}) - known:
            ctx.problem(use, f"{key}: names '{unknown}', which block '{name}' does not have.",
                        f"Use one of: {', '.join(sorted(known))}.")
    pages = []
    for raw in data["pages"]:
        local_id = str(raw.get("id")) if isinstance(raw, dict) else ""
        if only is not None and local_id not in only:
            continue
        page = _page(block_ctx, raw, prefix + ".", rename, show_if, use.get("required"))
        if page:
            pages.extend(split_page(block_ctx, raw, _override(ctx, use, prefix, local_id, page), prefix + "."))
    return pages


def _override(ctx: _Ctx, use: LineDict, prefix: str, local_id: str, page: Page) -> Page:
    """A form's own wording for a block's page title, intro, labels and help ("" removes an intro or help)."""
    def text(key: str, local: str, what: str, current: Text) -> Text:
        values = use.get(key) or {}
        return ctx.text(values[local], f"{prefix}.{local}.{what}", values) if local in values else current

    fields = tuple(replace(f, label=text("labels", f.id[len(prefix) + 1:], "label", f.label),
                           help=text("helps", f.id[len(prefix) + 1:], "help", f.help)) for f in page.fields)
    title = text("titles", local_id, "title", page.title)
    return replace(page, title=title, section=title,
                   intro=text("intros", local_id, "intro", page.intro), fields=fields)


def _items(ctx: _Ctx, raw: Any, what: str) -> tuple[ListItem, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        ctx.problem(raw, f"'{what}' must be a list.", f"Write {what}: and one '- text: ...' per line.")
        return ()
    items = []
    for i, item in enumerate(raw):
        if isinstance(item, str):
            items.append(ListItem(Text(item, f"{ctx.where}|{what}.{i}")))
        elif isinstance(item, dict) and "text" in item:
            _unknown_keys(ctx, item, {"text", "show_if", "days", "months", "dated"}, f"an entry of '{what}'")
            if ("dated" in item) != ("days" in item or "months" in item):
                ctx.problem(item, "dated: and days: (or months:) go together.",
                            "Write e.g. days: 14 and dated: Räkna med att hen hör av sig senast %(date)s.")
            items.append(ListItem(ctx.text(item["text"], f"{what}.{i}", item),
                                  _conditions(ctx, item.get("show_if"), item, {}, None),
                                  days=item.get("days"), months=item.get("months"),
                                  dated=ctx.text(item.get("dated"), f"{what}.{i}.dated", item)))
        else:
            ctx.problem(item, f"each entry of '{what}' needs 'text'.", "Write - text: ... (and show_if: if needed).")
    return tuple(items)


def _str_map(ctx: _Ctx, raw: Any, node: Any, what: str, fid: str) -> dict[str, str]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        ctx.problem(node, f"'{what}' must be a mapping.", f"Write {what}: {{answer: PdfName}}", fid)
        return {}
    return {_answer_key(k): str(v) for k, v in raw.items()}


def _answer_key(key: Any) -> str:
    """YAML reads yes/no keys as booleans; mapping keys are compared as text."""
    return str(key).lower() if isinstance(key, bool) else str(key)


def _pdf(ctx: _Ctx, raw: Any, fields: dict[str, Field]) -> PdfMapping | None:
    if not isinstance(raw, dict) or "file" not in raw:
        ctx.problem(raw, "the form needs a 'pdf:' section with 'file:'.",
                    "Add pdf: file: <the official PDF in this folder> and fields:.")
        return None
    _unknown_keys(ctx, raw, PDF_KEYS, "pdf:")
    pdf_file = ctx.file.parent / str(raw["file"])
    if not pdf_file.is_file():
        ctx.problem(raw, f"the PDF '{raw['file']}' is not in {ctx.file.parent}.",
                    "Put the official PDF next to form.yaml, or correct pdf: file:.")
    targets = []
    mapping = raw.get("fields") or {}
    if not isinstance(mapping, dict):
        ctx.problem(raw, "pdf: fields: must map answers to PDF fields.", "Write one 'field.id: PdfFieldName' per line.")
        mapping = {}
    for fid, spec in mapping.items():
        node = spec if hasattr(spec, "line") else mapping
        if fid not in fields:
            ctx.problem(node, "pdf: fields: names an answer that the form does not ask.",
                        "Use a field id from pages:, or remove the line.", fid)
            continue
        if isinstance(spec, str):
            spec = {"to": spec}
        if not isinstance(spec, dict):
            ctx.problem(node, "the mapping must be a PDF field name or a mapping.",
                        "Write: field.id: PdfFieldName", fid)
            continue
        _unknown_keys(ctx, spec, TARGET_KEYS, "a PDF mapping", fid)
        fmt = spec.get("format")
        if fmt is not None and (not isinstance(fmt, str) or fmt not in FORMATS):
            ctx.problem(node, f"unknown format '{fmt}'.", f"Use one of: {', '.join(sorted(FORMATS))}.", fid)
            fmt = None
        to = spec.get("to")
        if to is not None and not isinstance(to, str):
            ctx.problem(node, "to: must be the name of one PDF field.", "Write to: PdfFieldName", fid)
            to = None
        target = PdfTarget(field_id=fid, to=to, format=fmt,
                           states=_str_map(ctx, spec.get("states"), node, "states", fid),
                           checkboxes=_str_map(ctx, spec.get("checkboxes"), node, "checkboxes", fid),
                           as_label=bool(spec.get("as_label", False)), line=line_of(node))
        if not target.to and not target.checkboxes:
            ctx.problem(node, "the mapping names no PDF field.", "Add to: PdfFieldName or checkboxes:.", fid)
        field = fields[fid]
        known = {o.value for o in field.options} if field.options else ({"true", "false"} if field.type == "yesno" else set())
        for key in list(target.states) + list(target.checkboxes):
            if known and key not in known:
                ctx.problem(node, f"'{key}' is not an answer of this question.",
                            f"Use one of: {', '.join(sorted(known))}.", fid)
        targets.append(target)
    left = raw.get("left_blank") or {}
    if not isinstance(left, dict):
        ctx.problem(raw, "left_blank must be a mapping with pen:, staff: and unused: lists.",
                    "Write left_blank: with pen: [...], staff: [...] or unused: [...] under it.")
        left = {}
    for key in sorted(set(left) - LEFT_BLANK_KEYS, key=str):
        ctx.problem(left, f"unknown key '{key}' under left_blank.", f"Use one of: {', '.join(sorted(LEFT_BLANK_KEYS))}.")
    not_printed = _names(ctx, raw, raw.get("not_printed"), "not_printed")
    computed = raw.get("computed") or {}
    if not isinstance(computed, dict):
        ctx.problem(raw, "computed: must map PDF fields to what fills them.", "Write one 'PdfFieldName: today' per line.")
        computed = {}
    mapped = {t.field_id for t in targets}
    for fid in fields:
        if fid not in mapped and fid not in not_printed:
            ctx.problem(raw, "this answer is neither mapped to the PDF nor listed under not_printed.",
                        "Map it under pdf: fields:, or list it under pdf: not_printed:.", fid)
    return PdfMapping(file=pdf_file, targets=tuple(targets),
                      computed={str(k): c for k, v in computed.items()
                                if (c := _computed(ctx, v, computed, str(k), fields)) is not None},
                      left_for_staff=_names(ctx, raw, left.get("staff"), "left_blank: staff"),
                      left_for_pen=_names(ctx, raw, left.get("pen"), "left_blank: pen"),
                      not_printed=not_printed, line=line_of(raw),
                      left_unused=_names(ctx, raw, left.get("unused"), "left_blank: unused"))


COMPUTED_KEYS = {"sum", "minus", "days_between"}
_COMPUTED_FIX = ('Write e.g. Namn: "{sokande.fornamn} {sokande.efternamn}", Summa: {sum: [lon, pension]} '
                 "or Antal_dagar: {days_between: [avresa_datum, retur_datum]}.")


def _computed(ctx: _Ctx, raw: Any, node: Any, name: str, fields: dict[str, Field]) -> Computed | None:
    """What fills a computed PDF field: a text template, a sum of number/money answers, or days between dates."""
    if isinstance(raw, (str, int, float)) and not isinstance(raw, bool):
        return str(raw)
    if not isinstance(raw, dict) or not raw or set(raw) - COMPUTED_KEYS \
            or ("days_between" in raw) == ("sum" in raw) or ("minus" in raw and "sum" not in raw):
        ctx.problem(raw if hasattr(raw, "line") else node, f"computed: {name} must be a text, sum: (with minus:) "
                    "or days_between:.", _COMPUTED_FIX)
        return None
    wanted = {"number", "money"} if "sum" in raw else {"date"}
    lists: dict[str, tuple[str, ...]] = {}
    for key in sorted(raw, key=str):
        ids = raw[key]
        if not isinstance(ids, list) or not ids or not all(isinstance(i, str) for i in ids) \
                or (key == "days_between" and len(ids) != 2):
            ctx.problem(raw, f"computed: {name}: {key}: must list question ids"
                        + (" (two: the first date and the last)." if key == "days_between" else "."), _COMPUTED_FIX)
            return None
        for fid in ids:
            if fid not in fields or fields[fid].type not in wanted:
                ctx.problem(raw, f"computed: {name}: '{fid}' is not a {' or '.join(sorted(wanted))} question.",
                            "Use the ids of questions of that type.", fid)
                return None
        lists[key] = tuple(ids)
    if "days_between" in lists:
        return DaysBetween(start=lists["days_between"][0], end=lists["days_between"][1])
    return Total(plus=lists["sum"], minus=lists.get("minus", ()))


def _names(ctx: _Ctx, node: Any, raw: Any, what: str) -> tuple[str, ...]:
    """A list of names (PDF fields or answers); anything else is a problem, not a crash later."""
    if raw is None:
        return ()
    if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
        ctx.problem(raw if hasattr(raw, "line") else node, f"{what} must be a list of names.",
                    f"Write {what.split(':')[-1].strip()}: [Name1, Name2]")
        return tuple(x for x in raw if isinstance(x, str)) if isinstance(raw, list) else ()
    return tuple(raw)


COMPARABLE = {"number": "number", "money": "number", "date": "date"}


def _condition_problems(cond: Cond, fields: dict[str, Field]) -> list[tuple[str, str]]:
    """(what is wrong, fix) for one condition: each test must name a question and fit its answers."""
    problems: list[tuple[str, str]] = []
    for name in named_fields(cond):
        if name not in fields:
            problems.append((f"names '{name}', which is not a question.", "Use the id of an earlier question."))
    for test in walk(cond):
        if isinstance(test, Condition) and test.field in fields:
            target = fields[test.field]
            allowed = ({o.value for o in target.options} if target.options
                       else {True, False} if target.type == "yesno" else None)
            for v in test.values:
                if allowed is not None and v not in allowed:
                    problems.append((f"expects '{v}' from '{test.field}', which cannot be an answer there.",
                                     f"Use one of: {', '.join(sorted(map(str, allowed)))}."))
        elif isinstance(test, Compare) and test.field in fields and (test.other is None or test.other in fields):
            kind = COMPARABLE.get(fields[test.field].type)
            other = (COMPARABLE.get(fields[test.other].type) if test.other
                     else "date" if isinstance(test.value, date) else "number")
            if kind is None:
                problems.append((f"compares '{test.field}', a {fields[test.field].type} question.",
                                 "Compare only number, money or date questions; test a choice with "
                                 "{question: [answer, answer]}."))
            elif other != kind:
                problems.append((f"compares the {kind} '{test.field}' with "
                                 f"{repr(test.value) if test.other is None else repr(test.other)}, which is not a {kind}.",
                                 "Compare dates with dates (2026-01-31 or a date question), numbers and money "
                                 "with numbers."))
    return problems


def _check_conditions(ctx: _Ctx, pages: list[Page], fields: dict[str, Field]) -> None:
    for page in pages:
        owners = [(page.id, "show_if", page.show_if, page.line)]
        owners += [(f.id, "show_if", f.show_if, page.line) for f in page.fields]
        owners += [(rule.field, "rules: must", rule.must, rule.line) for rule in page.rules]
        for owner, what, conds, line in owners:
            for cond in conds:
                for message, fix in _condition_problems(cond, fields):
                    ctx.problems.append(Problem(file=ctx.file, line=line or None, field=owner,
                                                message=f"{what} {message}", fix=fix))


def load_form(path: Path) -> Form:
    """Read and check one form.yaml (and the blocks it uses). Raises FormError listing every problem."""
    path = Path(path)
    data = read_yaml(path)
    form_id = path.parent.name
    ctx = _Ctx(file=path, where=form_id, problems=[])
    if not isinstance(data, dict):
        raise FormError(Problem(file=path, message="a form file must be a YAML mapping.",
                                fix="Start with id:, title:, pages: and pdf:."))
    _unknown_keys(ctx, data, FORM_KEYS, "the form")
    summary_only = bool(data.get("summary_only", False))
    for key in ("id", "title", "description", "authority", "pages") + (() if summary_only else ("pdf",)):
        if key not in data:
            ctx.problem(data, f"the form has no '{key}'.", f"Add {key}: (see docs/adding-a-form.md).")
    if "id" in data and data["id"] != form_id:
        ctx.problem(data, f"id '{data['id']}' differs from the folder name '{form_id}'.",
                    f"Write id: {form_id}, or rename the folder.")
    pages: list[Page] = []
    cache: dict[str, Any] = {}
    raw_pages = data.get("pages") or []
    if not isinstance(raw_pages, list):
        ctx.problem(raw_pages if hasattr(raw_pages, "line") else data, "pages: must be a list of pages.",
                    "Write pages: and one '- id: ...' per page (see docs/adding-a-form.md).")
        raw_pages = []
    for raw in raw_pages:
        ctx.near = line_of(raw_pages) or 1
        if isinstance(raw, dict) and "use" in raw:
            pages.extend(_block_pages(ctx, raw, path.parent.parent, cache))
        else:
            page = _page(ctx, raw, "", {}, (), None)
            if page:
                pages.extend(split_page(ctx, raw, page, ""))
    fields: dict[str, Field] = {}
    for page in pages:
        for f in page.fields:
            if f.id in fields:
                ctx.problems.append(Problem(file=path, line=f.line or None, field=f.id,
                                            message="two questions have this id.",
                                            fix="Give each question its own id (blocks: use another prefix)."))
            fields[f.id] = f
    page_ids = [p.id for p in pages]
    for dup in {p for p in page_ids if page_ids.count(p) > 1}:
        line = [p.line for p in pages if p.id == dup][-1]
        ctx.problems.append(Problem(file=path, line=line or 1, field=dup, message="two pages have this id.",
                                    fix="Give each page its own id (a block used twice needs another prefix)."))
    ctx.rules.extend(_rules(ctx, data.get("rules"), data, {}, "rules"))
    for rule in ctx.rules:
        if rule.field not in fields:
            ctx.problems.append(Problem(file=path, line=rule.line or None, field=rule.field,
                                        message="the rule's field: is not a question.",
                                        fix="Name the question the message is shown on."))
    pages = [replace(p, rules=tuple(r for r in ctx.rules if any(f.id == r.field for f in p.fields))) for p in pages]
    _check_conditions(ctx, pages, fields)
    if summary_only:
        if "pdf" in data:
            ctx.problem(data, "a summary_only form has no official PDF.", "Remove pdf:, or summary_only:.")
        pdf: PdfMapping | None = PdfMapping(file=Path(), targets=(), computed={}, left_for_staff=(),
                                            left_for_pen=(), not_printed=tuple(fields))
    else:
        pdf = _pdf(ctx, data.get("pdf"), fields)
    name_fields = tuple(data.get("name_fields") or ("sokande.fornamn", "sokande.efternamn"))
    if len(name_fields) != 2 or not all(isinstance(f, str) for f in name_fields) or isinstance(data.get("name_fields"), str):
        ctx.problem(data.get("name_fields") or data, "name_fields: must name two questions: first and last name.",
                    "Write name_fields: [sokande.fornamn, sokande.efternamn]")
        name_fields = ("sokande.fornamn", "sokande.efternamn")
    id_field = str(data.get("id_field") or "sokande.personnummer")
    for fid in (*name_fields, id_field):
        if fields and fid not in fields:
            ctx.problem(data, f"'{fid}' (used to head the bilaga and the receipt) is not a question.",
                        "Set name_fields: and id_field: to the applicant's name and personnummer fields.")
    if ctx.problems:
        raise FormError(ctx.problems)
    assert pdf is not None
    return Form(
        id=form_id, title=ctx.text(data["title"], "title", data), description=ctx.text(data["description"], "description", data),
        authority=str(data["authority"]), form_version=str(data.get("form_version", "")),
        legal_reference=str(data.get("legal_reference", "")), pages=tuple(pages), pdf=pdf, source=path,
        intro=ctx.text(data.get("intro"), "intro", data), notice=ctx.text(data.get("notice"), "notice", data),
        summary_only=summary_only, send_to=ctx.text(data.get("send_to"), "send_to", data),
        next_steps=_items(ctx, data.get("next_steps"), "next_steps"),
        attachments=_items(ctx, data.get("attachments"), "attachments"),
        signatures=_items(ctx, data.get("signatures"), "signatures"),
        name_fields=(name_fields[0], name_fields[1]), id_field=id_field,
        contact=str(data.get("contact") or "{kommun.kontaktcenter}"),
        contact_phone=str(data.get("contact_phone") or "{kommun.telefon}"),
    )


@dataclass(frozen=True)
class FormLibrary:
    """Every form that loaded, and the problems of those that did not (they stay unavailable)."""

    forms: dict[str, Form]
    broken: dict[str, FormError]


def load_library(forms_dir: Path, vet: Callable[[Form], list[Problem]] | None = None) -> FormLibrary:
    """Every form in forms_dir; with `vet`, a form it finds problems in is broken too (never offered)."""
    forms: dict[str, Form] = {}
    broken: dict[str, FormError] = {}
    for folder in sorted(p for p in Path(forms_dir).iterdir() if p.is_dir() and not p.name.startswith(("_", "."))):
        try:
            form = load_form(folder / "form.yaml")
            problems = vet(form) if vet else []
            if problems:
                raise FormError(problems)
            forms[folder.name] = form
        except FormError as exc:
            broken[folder.name] = exc
    return FormLibrary(forms=forms, broken=broken)
