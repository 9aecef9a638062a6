"""Load forms/<id>/form.yaml into a :class:`~assistant.definition.model.Form`, or say exactly what is wrong.

Shared blocks (person, representative, interpreter, ...) live once in forms/_blocks/<name>.yaml; a
form's page list says ``- use: person`` with a ``prefix`` and gets that block's pages with prefixed
ids. What each file may contain is assistant/definition/schema/form.schema.yaml: it is checked first (every mistake at
once), the parts it rejects are left out, and this module checks only what a schema cannot say: references
between questions, pages and PDF fields (and whether a comparison or a computed box fits its questions' types).
Every error carries file, line, field and a fix.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field as dataclass_field, replace
from datetime import date
from pathlib import Path
from typing import Any

from assistant.definition import form_schema
from assistant.wizard.conditions import named_fields, walk
from assistant.definition.errors import FormError, Problem
from assistant.definition.model import (
    NO_TEXT, AllOf, Answered, AnyOf, Compare, Computed, Cond, Condition, DaysBetween, Field, Form, ListItem, Not,
    Option, Page, PdfMapping, PdfTarget, Repeat, Rule, Text, Total,
)
from assistant.wizard.repeat import has_row_number, row_targets
from assistant.definition.yaml_lines import LineDict, key_line, line_of, read_yaml
from assistant.fieldtypes import TYPES, type_of

BLOCKS_DIR = "_blocks"

@dataclass
class _Ctx:
    """Where we are while reading: the file, and the gettext context prefix for its texts."""

    file: Path
    where: str                     # "aldreomsorg" or "_blocks/person"
    problems: list[Problem]
    rules: list[Rule] = dataclass_field(default_factory=list)   # every rules: entry read, page or form level

    def problem(self, node: Any, message: str, fix: str = "", field: str | None = None) -> None:
        self.problems.append(Problem(file=self.file, line=line_of(node) or 1, field=field,
                                     message=message, fix=fix))

    def text(self, value: str | None, what: str) -> Text:
        return Text(value.strip(), f"{self.where}|{what}") if value else NO_TEXT


def checked(data: Any, path: Path, part: str | None, problems: list[Problem]) -> Any:
    """`data` read from `path` after the schema check: its problems added, the parts it rejects removed."""
    problems.extend(form_schema.problems(data, path, "form", part))
    form_schema.prune(data, "form", part)
    return data


OPERATORS = {"greater_than": ">", "at_least": ">=", "less_than": "<", "at_most": "<=", "equals": "==",
             "not_equals": "!=", "after": ">", "on_or_after": ">=", "before": "<", "on_or_before": "<="}


def _conditions(raw: Any, rename: dict[str, str]) -> tuple[Cond, ...]:
    """A show_if or a rule's must: as data, every part of which must hold. The schema has checked its shape
    (answers by question id, all:/any:/not:, a comparison with field:, or a list of these)."""
    if raw is None:
        return ()
    if isinstance(raw, list):
        return tuple(_condition(item, rename) for item in raw)
    if "field" in raw:
        return (_test(raw, rename),)
    conds: list[Cond] = []
    for key, value in raw.items():
        if key == "not":
            conds.append(Not(_condition(value, rename)))
        elif key in ("all", "any"):
            parts = tuple(_condition(item, rename) for item in value)
            conds.append(AllOf(parts) if key == "all" else AnyOf(parts))
        else:
            values = tuple(value) if isinstance(value, list) else (value,)
            conds.append(Condition(field=rename.get(str(key), str(key)), values=values))
    return tuple(conds)


def _condition(raw: Any, rename: dict[str, str]) -> Cond:
    """One condition: several tests in one mapping or list must all hold."""
    parts = _conditions(raw, rename)
    return parts[0] if len(parts) == 1 else AllOf(parts)


def _test(raw: LineDict, rename: dict[str, str]) -> Cond:
    """{field: x, answered: true} or a comparison {field: x, greater_than: 0} / {field: x, after: other}:
    a text after the operator is another question."""
    name = str(raw["field"])
    key, value = next((k, v) for k, v in raw.items() if k != "field")
    if key == "answered":
        return Answered(field=rename.get(name, name), expected=value)
    if isinstance(value, str):
        return Compare(field=rename.get(name, name), op=OPERATORS[key], other=rename.get(value, value))
    return Compare(field=rename.get(name, name), op=OPERATORS[key], value=value)


def _options(ctx: _Ctx, raw: list[LineDict], node: Any, fid: str, local_id: str) -> tuple[Option, ...]:
    options = []
    for item in raw:
        value = str(item["value"])
        options.append(Option(value=value, label=ctx.text(item["label"], f"{local_id}.option.{value}")))
    values = [o.value for o in options]
    for dup in {v for v in values if values.count(v) > 1}:
        ctx.problem(node, f"option value '{dup}' appears twice.", "Give every option its own value.", fid)
    return tuple(options)


def _field(ctx: _Ctx, raw: Any, prefix: str, rename: dict[str, str], required_override: bool | None) -> Field | None:
    local_id = str(raw["id"])
    fid = prefix + local_id
    ftype = raw["type"]
    options = _options(ctx, raw["options"], raw, fid, local_id) if TYPES[ftype].has_options else ()
    required = raw.get("required", False)
    if required_override is False:
        required = False
    return Field(
        id=fid, type=ftype,
        label=ctx.text(raw["label"], f"{local_id}.label"),
        help=ctx.text(raw.get("help"), f"{local_id}.help"),
        staff_note=ctx.text(raw.get("staff_note"), f"{local_id}.staff_note"),
        required=required, options=options,
        show_if=_conditions(raw.get("show_if"), rename),
        min=raw.get("min"), max=raw.get("max"), max_length=raw.get("max_length"),
        default=raw.get("default"), free_text=raw.get("free_text", False),
        warn_days=raw.get("warn_days"), warning=ctx.text(raw.get("warning"), f"{local_id}.warning"),
        error=ctx.text(raw.get("error"), f"{local_id}.error"), latin=raw.get("latin", False),
        line=line_of(raw),
    )


def _rules(ctx: _Ctx, raw: list[LineDict] | None, rename: dict[str, str], where: str,
           on_page: dict[str, str] | None = None) -> list[Rule]:
    """rules: entries, each a condition that must hold, the question its message is shown on and the message.
    ``on_page`` (a page's rules: local id -> field id) limits the questions to that page's."""
    rules = []
    for i, item in enumerate(raw or ()):
        name = str(item["field"])
        fid = (on_page or rename).get(name, name)
        if on_page is not None and name not in on_page:
            ctx.problem(item, f"the rule's field: '{name}' is not a question of this page.",
                        f"Use one of: {', '.join(sorted(on_page))}, or put the rule under the form's rules:.", fid)
            continue
        rules.append(Rule(must=_conditions(item["must"], rename), field=fid,
                          message=ctx.text(item["message"], f"{where}.{i}"), line=line_of(item)))
    return rules


def _page(ctx: _Ctx, raw: Any, prefix: str, rename: dict[str, str], extra_show_if: tuple[Cond, ...],
          required_override: bool | None) -> Page | None:
    local_id = str(raw["id"])
    pid = prefix + local_id
    fields = [f for f in (_field(ctx, rf, prefix, rename, required_override) for rf in raw["fields"]) if f]
    own = {f.id[len(prefix):]: f.id for f in fields}
    ctx.rules.extend(_rules(ctx, raw.get("rules"), {**rename, **own}, f"{local_id}.rule", own))
    title = ctx.text(raw["title"], f"{local_id}.title")
    return Page(id=pid, title=title, intro=ctx.text(raw.get("intro"), f"{local_id}.intro"),
                fields=tuple(fields),
                show_if=extra_show_if + _conditions(raw.get("show_if"), rename),
                line=line_of(raw), section=title, after_review=raw.get("after_review", False))


def _group_page(ctx: _Ctx, raw: LineDict) -> Page | None:
    """A page with repeat: its questions get the ids <page id>.<question id>, and its entries are made by the
    wizard (assistant/wizard/repeat.py)."""
    gid = str(raw["id"])
    spec = raw["repeat"]
    rename = {str(f.get("id")): f"{gid}.{f.get('id')}" for f in raw["fields"] if isinstance(f, dict)}
    ctx = replace(ctx, where=f"{ctx.where}/{gid}")      # its texts' context: ekonomiskt_bistand/barn|namn.label
    page = _page(ctx, raw, f"{gid}.", rename, (), None)
    if page is None:
        return None
    name = spec.get("name")
    if name is not None and str(name) not in rename:
        ctx.problem(spec, f"repeat: name: '{name}' is not a question of this page.",
                    f"Use one of: {', '.join(sorted(rename))}.", gid)
    low, high = spec.get("min", 1), spec["max"]
    if low > high:
        ctx.problem(spec, f"repeat: min: {low} is more than max: {high}.", "Make min: at most max:.", gid)
    group = Repeat(id=gid, item=ctx.text(spec["item"], "repeat.item"),
                   added_one=ctx.text(spec["added_one"], "repeat.added_one"),
                   added_many=ctx.text(spec["added_many"], "repeat.added_many"),
                   add_another=ctx.text(spec["add_another"], "repeat.add_another"),
                   max=high, min=low, rows=spec.get("rows"), name=str(name) if name is not None else None)
    return replace(page, id=gid, repeat=group)


def _steps(ctx: _Ctx, raw: LineDict, page: Page, prefix: str) -> list[tuple[Field, ...]]:
    """How a form.yaml page is cut into wizard steps: one question each, unless ``together: true`` keeps
    them on one page or ``steps:`` lists which questions share a page (a name, a personnummer and the
    "no personnummer" box beside it)."""
    if raw.get("together") or page.repeat is not None or len(page.fields) < 2:
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
    path = forms_dir / BLOCKS_DIR / f"{name}.yaml"
    if name not in cache:
        if not path.is_file():
            ctx.problem(use, f"there is no block '{name}'.",
                        f"Create {path} or use one of the blocks in {forms_dir / BLOCKS_DIR}.")
            cache[name] = None
        else:
            cache[name] = checked(read_yaml(path), path, "block", ctx.problems)
    data = cache[name]
    if not isinstance(data, dict) or "pages" not in data:
        return []
    prefix = str(use.get("prefix", name))
    local_ids = {str(f.get("id")) for p in data["pages"] if isinstance(p, dict)
                 for f in (p.get("fields") or []) if isinstance(f, dict)}
    rename = {local: f"{prefix}.{local}" for local in local_ids}
    only = use.get("only")
    show_if = _conditions(use.get("show_if"), {})
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
        if "repeat" in raw:
            block_ctx.problem(raw, "a block's page cannot be a repeating group.",
                              "Write the page with repeat: in the form's own pages:.", local_id)
        page = _page(block_ctx, raw, prefix + ".", rename, show_if, use.get("required"))
        if page:
            pages.extend(split_page(block_ctx, raw, _override(ctx, use, prefix, local_id, page), prefix + "."))
    return pages


def _override(ctx: _Ctx, use: LineDict, prefix: str, local_id: str, page: Page) -> Page:
    """A form's own wording for a block's page title, intro, labels and help ("" removes an intro or help)."""
    def text(key: str, local: str, what: str, current: Text) -> Text:
        values = use.get(key) or {}
        return ctx.text(values[local], f"{prefix}.{local}.{what}") if local in values else current

    fields = tuple(replace(f, label=text("labels", f.id[len(prefix) + 1:], "label", f.label),
                           help=text("helps", f.id[len(prefix) + 1:], "help", f.help)) for f in page.fields)
    title = text("titles", local_id, "title", page.title)
    return replace(page, title=title, section=title,
                   intro=text("intros", local_id, "intro", page.intro), fields=fields)


def _items(ctx: _Ctx, raw: list[Any] | None, what: str) -> tuple[ListItem, ...]:
    items = []
    for i, item in enumerate(raw or ()):
        if isinstance(item, str):
            items.append(ListItem(Text(item, f"{ctx.where}|{what}.{i}")))
        else:
            items.append(ListItem(ctx.text(item["text"], f"{what}.{i}"),
                                  _conditions(item.get("show_if"), {}),
                                  days=item.get("days"), months=item.get("months"),
                                  dated=ctx.text(item.get("dated"), f"{what}.{i}.dated")))
    return tuple(items)


def _str_map(raw: dict[Any, Any] | None) -> dict[str, str]:
    return {_answer_key(k): str(v) for k, v in (raw or {}).items()}


def _answer_key(key: Any) -> str:
    """YAML reads yes/no keys as booleans; mapping keys are compared as text."""
    return str(key).lower() if isinstance(key, bool) else str(key)


def _rows(ctx: _Ctx, targets: list[PdfTarget], groups: dict[str, Page]
          ) -> tuple[list[PdfTarget], dict[str, tuple[PdfTarget, ...]]]:
    """A repeating group's questions map to one PDF row, {n} (or {n0}, counting from 0) in the names being the
    row number. The form's targets get the paper's rows filled in (the other entries go on the bilaga), and
    each group its row."""
    plain = []
    for target in targets:
        gid = target.field_id.split(".")[0]
        numbered = [n for n in target.pdf_names() if has_row_number(n)]
        if gid in groups and "." in target.field_id:
            if len(numbered) != len(target.pdf_names()):
                ctx.problem(target, "a question of a repeating group needs the row number {n} in its PDF field name.",
                            f"Write e.g. {target.field_id}: {target.to or 'Rad'}{{n}} (or Rad{{n}}_... as the PDF "
                            "names its rows; {n0} when they are numbered from 0).", target.field_id)
        elif numbered:
            ctx.problem(target, "{n} (a row number) fits only a question of a repeating group.",
                        "Write the PDF field's own name, or put the question in a page with repeat:.", target.field_id)
        else:
            plain.append(target)
    rows = {}
    for gid, page in groups.items():
        group = page.repeat
        own = tuple(t for t in targets if t.field_id.startswith(gid + ".") and has_row_number("".join(t.pdf_names())))
        if not own or group is None:
            continue
        if group.rows is None:
            ctx.problems.append(Problem(file=ctx.file, line=page.line or None, field=gid,
                                        message="repeat: rows: is missing.",
                                        fix="Write how many rows the paper has for the group, e.g. rows: 4."))
            continue
        rows[gid] = own
        plain += [t for n in range(1, group.rows + 1) for t in row_targets(group, own, n)]
    return plain, rows


def _pdf(ctx: _Ctx, raw: LineDict | None, fields: dict[str, Field], groups: dict[str, Page]) -> PdfMapping | None:
    if raw is None or "file" not in raw:
        return None                       # the schema check said what is missing
    pdf_file = ctx.file.parent / str(raw["file"])
    if not pdf_file.is_file():
        ctx.problem(raw, f"the PDF '{raw['file']}' is not in {ctx.file.parent}.",
                    "Put the official PDF next to form.yaml, or correct pdf: file:.")
    targets = []
    mapping = raw.get("fields") or {}
    for fid, spec in mapping.items():
        if isinstance(spec, str):
            spec = {"to": spec}
        target = PdfTarget(field_id=fid, to=spec.get("to"), format=spec.get("format"),
                           states=_str_map(spec.get("states")), checkboxes=_str_map(spec.get("checkboxes")),
                           as_label=spec.get("as_label", False), line=key_line(mapping, fid, line_of(mapping)))
        if fid not in fields:             # the target's line is its entry's own key
            ctx.problem(target, "pdf: fields: names an answer that the form does not ask.",
                        "Use a field id from pages:, or remove the line.", fid)
            continue
        field = fields[fid]
        kind = type_of(field)
        if target.format and target.format not in kind.paper_formats:
            fits = ", ".join(sorted(kind.paper_formats))
            ctx.problem(target, f"format: {target.format} does not fit a {field.type} question.",
                        f"Use one of: {fits}." if fits else "Remove format: (this type has one way to be written).", fid)
        known = {kind.state_key(a) for a in kind.answers(field) or ()}
        for key in list(target.states) + list(target.checkboxes):
            if known and key not in known:
                ctx.problem(target, f"'{key}' is not an answer of this question.",
                            f"Use one of: {', '.join(sorted(known))}.", fid)
        targets.append(target)
    mapped = {t.field_id for t in targets}
    targets, rows = _rows(ctx, targets, groups)
    left = raw.get("left_blank") or {}
    not_printed = tuple(raw.get("not_printed") or ())
    computed = raw.get("computed") or {}
    for fid in fields:
        if fid not in mapped and fid not in not_printed:
            ctx.problem(raw, "this answer is neither mapped to the PDF nor listed under not_printed.",
                        "Map it under pdf: fields:, or list it under pdf: not_printed:.", fid)
    return PdfMapping(file=pdf_file, targets=tuple(targets),
                      computed={str(k): c for k, v in computed.items()
                                if (c := _computed(ctx, v, computed, fields)) is not None},
                      left_for_staff=tuple(left.get("staff") or ()), left_for_pen=tuple(left.get("pen") or ()),
                      not_printed=not_printed, line=line_of(raw), left_unused=tuple(left.get("unused") or ()), row=rows)


def _computed(ctx: _Ctx, raw: str | LineDict, node: Any, fields: dict[str, Field]) -> Computed | None:
    """What fills a computed PDF field: a text template, a sum of number/money answers, or the days between two
    dates. The schema has checked the shape; here: that the questions exist and have the right type."""
    if isinstance(raw, str):
        return raw
    wanted = "number" if "sum" in raw else "date"
    for fid in [i for key in ("sum", "minus", "days_between") for i in raw.get(key, ())]:
        if fid not in fields or type_of(fields[fid]).compares_as != wanted:
            ctx.problem(raw if hasattr(raw, "line") else node,
                        f"computed: '{fid}' is not a {'money or number' if wanted == 'number' else 'date'} question.",
                        "Use the ids of questions of that type.", fid)
            return None
    if "days_between" in raw:
        return DaysBetween(start=raw["days_between"][0], end=raw["days_between"][1])
    return Total(plus=tuple(raw["sum"]), minus=tuple(raw.get("minus", ())))


def _condition_problems(cond: Cond, fields: dict[str, Field]) -> list[tuple[str, str]]:
    """(what is wrong, fix) for one condition: each test must name a question and fit its answers."""
    problems: list[tuple[str, str]] = []
    for name in named_fields(cond):
        if name not in fields:
            problems.append((f"names '{name}', which is not a question.", "Use the id of an earlier question."))
    for test in walk(cond):
        if isinstance(test, Condition) and test.field in fields:
            target = fields[test.field]
            answers = type_of(target).answers(target)
            allowed = set(answers) if answers is not None else None
            for v in test.values:
                if allowed is not None and v not in allowed:
                    problems.append((f"expects '{v}' from '{test.field}', which cannot be an answer there.",
                                     f"Use one of: {', '.join(sorted(map(str, allowed)))}."))
        elif isinstance(test, Compare) and test.field in fields and (test.other is None or test.other in fields):
            kind = type_of(fields[test.field]).compares_as
            other = (type_of(fields[test.other]).compares_as if test.other
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
    in_groups = {f.id: p.id for p in pages if p.repeat is not None for f in p.fields}
    for page in pages:
        owners = [(page.id, "show_if", page.show_if, page.line, False)]
        owners += [(f.id, "show_if", f.show_if, page.line, True) for f in page.fields]
        owners += [(rule.field, "rules: must", rule.must, rule.line, True) for rule in page.rules]
        for owner, what, conds, line, inside in owners:
            for cond in conds:
                problems = _condition_problems(cond, fields)
                problems += [(f"names '{name}', a question of the repeating group '{in_groups[name]}' (one answer "
                              "per entry).", f"Test the number of entries, e.g. {{field: {in_groups[name]}, "
                              "greater_than: 0}, or test it inside the group's own questions.")
                             for name in named_fields(cond)
                             if name in in_groups and not (inside and in_groups[name] == page.id)]
                for message, fix in problems:
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
    checked(data, path, None, ctx.problems)
    summary_only = data.get("summary_only", False)
    if "id" in data and data["id"] != form_id:
        ctx.problem(data, f"id '{data['id']}' differs from the folder name '{form_id}'.",
                    f"Write id: {form_id}, or rename the folder.")
    pages: list[Page] = []
    cache: dict[str, Any] = {}
    for raw in data.get("pages") or []:
        if "use" in raw:
            pages.extend(_block_pages(ctx, raw, path.parent.parent, cache))
        else:
            page = _group_page(ctx, raw) if "repeat" in raw else _page(ctx, raw, "", {}, (), None)
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
    for page in pages:
        if page.repeat is not None and page.id in fields:
            ctx.problems.append(Problem(file=path, line=page.line or None, field=page.id,
                                        message="a repeating group has the id of a question (the group's id holds "
                                                "its number of entries).",
                                        fix="Give the page with repeat: an id no question has."))
    page_ids = [p.id for p in pages]
    for dup in {p for p in page_ids if page_ids.count(p) > 1}:
        line = [p.line for p in pages if p.id == dup][-1]
        ctx.problems.append(Problem(file=path, line=line or 1, field=dup, message="two pages have this id.",
                                    fix="Give each page its own id (a block used twice needs another prefix)."))
    ctx.rules.extend(_rules(ctx, data.get("rules"), {}, "rules"))
    for rule in ctx.rules:
        if rule.field not in fields:
            ctx.problems.append(Problem(file=path, line=rule.line or None, field=rule.field,
                                        message="the rule's field: is not a question.",
                                        fix="Name the question the message is shown on."))
    pages = [replace(p, rules=tuple(r for r in ctx.rules if any(f.id == r.field for f in p.fields))) for p in pages]
    counts = {p.id: Field(id=p.id, type="number", label=p.title) for p in pages if p.repeat is not None}
    _check_conditions(ctx, pages, {**fields, **counts})
    if summary_only:
        pdf: PdfMapping | None = PdfMapping(file=Path(), targets=(), computed={}, left_for_staff=(),
                                            left_for_pen=(), not_printed=tuple(fields))
    else:
        pdf = _pdf(ctx, data.get("pdf"), fields, {p.id: p for p in pages if p.repeat is not None})
    name_fields = tuple(data.get("name_fields") or ("sokande.fornamn", "sokande.efternamn"))
    id_field = str(data.get("id_field") or "sokande.personnummer")
    for fid in (*name_fields, id_field):
        if fields and fid not in fields:
            ctx.problem(data, f"'{fid}' (used to head the bilaga and the receipt) is not a question.",
                        "Set name_fields: and id_field: to the applicant's name and personnummer fields.")
    if ctx.problems:
        raise FormError(ctx.problems)
    assert pdf is not None
    return Form(
        id=form_id, title=ctx.text(data["title"], "title"), description=ctx.text(data["description"], "description"),
        authority=str(data["authority"]), form_version=str(data.get("form_version", "")),
        legal_reference=str(data.get("legal_reference", "")), pages=tuple(pages), pdf=pdf, source=path,
        intro=ctx.text(data.get("intro"), "intro"), notice=ctx.text(data.get("notice"), "notice"),
        summary_only=summary_only, send_to=ctx.text(data.get("send_to"), "send_to"),
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
