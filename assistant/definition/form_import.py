"""Draft a form.yaml from a fillable PDF, close enough that an administrator finishes it in an hour.

What a person would do with the paper beside them, done from the PDF itself: read each field's tooltip
for a readable id and a label, guess its type from the words ("Datum", "Personnummer", "Amount"), read
the words printed beside each checkbox and radio button so every state has a label, cut the wizard's
pages where the PDF's own section headings are, and keep each row of a table together.
The printed words come from poppler's `pdftotext -bbox-layout` (poppler is already needed for previews).
"""
from __future__ import annotations

import re
import statistics
import subprocess
import unicodedata
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from assistant.pdf.inspect import PdfField
from assistant.wizard.repeat import row_name

PER_PAGE = 6
XHTML = "{http://www.w3.org/1999/xhtml}"
STOP_WORDS = {"the", "a", "an", "of", "and", "or", "to", "your", "you", "if", "in", "for", "on", "see", "is",
              "din", "ditt", "dina", "och", "eller", "att", "för", "på", "i", "av", "en", "ett", "om", "som"}

# (type, pattern over tooltip + name), first match wins. Swedish and English words of real forms.
TYPE_HINTS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((t, re.compile(p, re.IGNORECASE)) for t, p in (
    ("pnr", r"person\s*(nummer|nr)|samordningsnummer|\bpnr\b|social security|\bssn\b|\bi?tin\b|\batin\b"),
    ("email", r"e-?post|e-?mail"),
    ("phone", r"telefon|\btel\b|mobil|phone"),
    ("postcode", r"post\s*(nummer|nr)|\bzip\b"),
    ("date", r"datum|\bdate\b|\bdag\b|date of birth"),
    ("money", r"belopp|kronor|\bkr\b|amount|\bamt|dollars|\$|inkomst|income|\blön\b|hyra"),
    ("number", r"\bantal\b|number of|\bcount\b"),
))


@dataclass(frozen=True)
class Word:
    """A printed word in PDF user space (origin bottom left, as widget rectangles are)."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def height(self) -> float:
        return self.y1 - self.y0


@dataclass(frozen=True)
class Line:
    words: tuple[Word, ...]

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def top(self) -> float:
        return max(w.y1 for w in self.words)

    @property
    def height(self) -> float:
        return max(w.height for w in self.words)


@dataclass(frozen=True)
class PageText:
    words: tuple[Word, ...]
    lines: tuple[Line, ...]


def read_page_text(pdf: Path) -> dict[int, PageText]:
    """Each page's printed words and lines (1-based page numbers); empty if poppler is missing or fails."""
    try:
        out = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):
        return {}
    if out.returncode != 0:
        return {}
    try:  # poppler copies control characters of odd fonts into its XHTML, which XML does not allow
        root = ET.fromstring(re.sub(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]", b"", out.stdout))
    except ET.ParseError:
        return {}
    pages: dict[int, PageText] = {}
    for number, page in enumerate(root.iter(f"{XHTML}page"), start=1):
        height = float(page.get("height", 0))
        lines = []
        for line in page.iter(f"{XHTML}line"):
            words = tuple(Word(w.text or "", float(w.get("xMin", 0)), height - float(w.get("yMax", 0)),
                               float(w.get("xMax", 0)), height - float(w.get("yMin", 0)))
                          for w in line.iter(f"{XHTML}word") if (w.text or "").strip())
            if words:
                lines.append(Line(words))
        pages[number] = PageText(tuple(w for ln in lines for w in ln.words), tuple(lines))
    return pages


def slug(text: str, max_words: int = 4) -> str:
    """A readable ASCII id: "Your first name and middle initial" -> "first_name_middle_initial"."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    words = [w for w in re.split(r"[^a-z0-9]+", plain) if w]
    kept = [w for w in words if w not in STOP_WORDS] or words
    return "_".join(kept[:max_words]) or "falt"


def short_name(name: str) -> str:
    """The last part of a field name, without XFA indexes: "topmostSubform[0].Page1[0].f1_01[0]" -> "f1_01"."""
    last = re.sub(r"\[\d+\]", "", name).split(".")[-1]
    return re.sub(r"([a-zåäö])([A-ZÅÄÖ])", r"\1 \2", last).replace("_", " ").strip() or name


def _meaningful(tooltip: str | None, name: str) -> str | None:
    """A tooltip worth reading: not empty, not the field name, not just a line number such as "2b"."""
    if not tooltip or not tooltip.strip() or tooltip.strip() == name:
        return None
    tip = re.sub(r"_(Row|Rad)_?\d+$|_here$", "", tooltip.strip(), flags=re.IGNORECASE)
    return tip if re.search(r"[^\W\d_]{3}", tip) else None


def unnumbered(text: str) -> str:
    """Without the paper's question number: "1. Your first name" -> "Your first name", "b) Datum" -> "Datum".
    The wizard numbers nothing, and an id must not start with a digit."""
    return re.sub(r"^\(?(\d{1,2}[a-z]?|[a-zA-Z])[.)]\s+(?=\S)", "", text.strip()) or text


def label_of(field: PdfField, printed: str | None = None) -> str:
    """Tooltip first, then the words printed beside the field, then the field name split into words."""
    return unnumbered(_meaningful(field.tooltip, field.name) or printed or short_name(field.name).capitalize())


def guess_type(field: PdfField, label: str) -> str:
    """The field type an administrator would choose, from the words of its label, tooltip and name."""
    if field.kind == "checkbox":
        return "yesno"
    if field.kind != "text":
        return "choice"
    if field.multiline:
        return "multiline"
    haystack = " ".join(filter(None, (label, field.tooltip, short_name(field.name), field.name)))
    return next((t for t, pattern in TYPE_HINTS if pattern.search(haystack)), "text")


def words_beside(rect: tuple[float, float, float, float], page: PageText | None,
                 others: list[tuple[float, float, float, float]]) -> str | None:
    """The words printed right of a box on the same line, as a person reads a checkbox's label; up to
    the next box or a wide gap. Left of it when nothing is on the right (boxes at the end of a line)."""
    if page is None:
        return None
    x0, y0, x1, y1 = rect
    middle = (y0 + y1) / 2
    same_line = [w for w in page.words if w.y0 - 2 <= middle <= w.y1 + 2]
    stops = sorted(o[0] for o in others if o[0] > x1 and o[1] - 2 <= middle <= o[3] + 2)
    limit = stops[0] if stops else float("inf")
    right = sorted((w for w in same_line if x1 - 1 <= w.x0 < limit), key=lambda w: w.x0)
    picked: list[Word] = []
    for w in right:
        gap = w.x0 - (picked[-1].x1 if picked else x1)
        if gap > max(14.0, 1.5 * w.height):
            break
        picked.append(w)
    if not picked:
        left = sorted((w for w in same_line if w.x1 <= x0 + 1 and x0 - w.x1 < 40), key=lambda w: -w.x1)
        picked = list(reversed(left[:4]))
    text = " ".join(w.text for w in picked).strip(" .:")
    return text if re.search(r"[^\W_]", text) else None


def row_key(field: PdfField) -> tuple[str, int] | None:
    """(column pattern, row number as the name writes it) when the name can be one row of a table:
    "DependentSSN[2]", "rad3_pris", "Barn2_Namn", "Row4.Amount", "dependent_0_name"; the last number
    of a part is the row ("more than 50 of support Row2" is row 2). Whether it is one is decided by
    where the rows lie."""
    parts = field.name.split(".")
    m = re.fullmatch(r"(.+)\[(\d+)\]", parts[-1])
    if m:
        return ".".join(parts[:-1] + [m.group(1) + "[#]"]), int(m.group(2))
    for i in reversed(range(len(parts))):
        m = re.fullmatch(r"(.*[^\W\d])_?(\d+)(\D.*)?", parts[i])
        if m:
            column = m.group(1) + "#" + (m.group(3) or "")
            return ".".join(parts[:i] + [column] + parts[i + 1:]), int(m.group(2))
    return None


def _stacked(rows: dict[int, PdfField]) -> bool:
    """Rows of a table column: on one page, each lower than the one before, in the same column."""
    ordered = [rows[r] for r in sorted(rows)]
    if len({f.pages[0] for f in ordered}) != 1:
        return False
    tops = [f.rects[0][3] for f in ordered]
    lefts = [f.rects[0][0] for f in ordered]
    return all(a > b for a, b in zip(tops, tops[1:])) and max(lefts) - min(lefts) < 20


def _middle(f: PdfField) -> float:
    return (f.rects[0][1] + f.rects[0][3]) / 2


def _height(f: PdfField) -> float:
    return f.rects[0][3] - f.rects[0][1]


def _reading_order(f: PdfField) -> tuple[int, int, float]:
    """Page, then top down in bands of 6 points, then left to right: the order a person reads fields in."""
    return f.pages[0], -round(f.rects[0][3] / 6), f.rects[0][0]


def reading_order(fields: list[PdfField]) -> list[PdfField]:
    """Fields as a person reads them: page by page, top down in lines, each line left to right and a column
    within it top down. A line is the fields whose boxes overlap the height of its highest box, so a tall
    box ("4. Date of Birth") and the smaller boxes beside it, a little higher ("6. … full-time student"),
    are one line, and 4 comes before 6."""
    ordered: list[PdfField] = []
    rest = sorted(fields, key=lambda f: (f.pages[0], -f.rects[0][3], f.rects[0][0]))
    while rest:
        first = rest[0]
        bottom = first.rects[0][1]
        line = [f for f in rest if f.pages[0] == first.pages[0] and f.rects[0][3] > bottom + 0.5]
        ordered += sorted(line, key=lambda f: (round(f.rects[0][0] / 6), -f.rects[0][3]))
        taken = {id(f) for f in line}
        rest = [f for f in rest if id(f) not in taken]
    return ordered


def _same_rows(a: dict[int, PdfField], b: dict[int, PdfField]) -> bool:
    """Two columns of one table: as many rows on the same page, row by row at the same height. The
    numbers need not agree: the 13614-C numbers columns a-i from 0 (dependent_0_name) and, in a second
    band of columns j-n on the same rows, from 1 ("... yesnoRow1")."""
    first, second = [a[r] for r in sorted(a)], [b[r] for r in sorted(b)]
    return (len(first) == len(second) and first[0].pages[0] == second[0].pages[0]
            and all(abs(_middle(x) - _middle(y)) <= 0.6 * max(_height(x), _height(y)) for x, y in zip(first, second)))


def find_tables(fields: list[PdfField]) -> dict[str, dict[int, list[PdfField]]]:
    """Fields that repeat row by row: columns are name patterns with at least two stacked rows; columns
    whose rows lie at the same heights are one table, also when the paper prints it in two bands of
    columns. {table: {row, from 1 top down: [fields]}}."""
    columns: dict[str, dict[int, PdfField]] = defaultdict(dict)
    for f in fields:
        key = row_key(f)
        if key:
            columns[key[0]][key[1]] = f
    groups: list[list[str]] = []
    for pattern, rows in sorted(columns.items(), key=lambda c: _reading_order(c[1][min(c[1])])):
        if len(rows) < 2 or not _stacked(rows):
            continue
        home = next((g for g in groups if _same_rows(columns[g[0]], rows)), None)
        if home is None:
            groups.append([pattern])
        else:
            home.append(pattern)
    tables: dict[str, dict[int, list[PdfField]]] = {}
    for patterns in groups:
        name = _common_stem(patterns)
        while name in tables:
            name += "_2"
        by_row: dict[int, list[PdfField]] = defaultdict(list)
        for pattern in patterns:
            for position, r in enumerate(sorted(columns[pattern]), start=1):
                by_row[position].append(columns[pattern][r])
        tables[name] = dict(sorted(by_row.items()))
    return tables


def _common_stem(patterns: list[str]) -> str:
    """"rad#_pris" + "rad#_antal" -> "rad"; "DependentSSN[#]" + "DependentLegalNm[#]" -> "dependent"."""
    lasts = [p.split(".")[-1] for p in patterns]
    prefix = lasts[0]
    for other in lasts[1:]:
        while not other.startswith(prefix):
            prefix = prefix[:-1]
    stem = short_name(re.sub(r"[#\[\]_]+$", "", prefix.split("#")[0]) or lasts[0].split("#")[0].split("[")[0])
    return slug(re.sub(r"[\s_]*\b(row|rad|line)$", "", stem, flags=re.IGNORECASE) or stem, 3)


@dataclass(frozen=True)
class Group:
    """A table asked as a repeating group: one page of questions for a row, as often as the visitor needs."""

    id: str
    rows: int
    columns: tuple[tuple[PdfField, str], ...]   # row 1's field and its PDF name with {n} or {n0} for the row


def as_group(table: str, rows: dict[int, list[PdfField]]) -> Group | None:
    """The table as a repeating group when every column's PDF names number its rows 1, 2, 3 … ({n}) or
    0, 1, 2 … ({n0}, as XFA's [0] and "dependent_0_name" do), top down, and every row has every column."""
    columns = []
    for f in rows[1]:
        key = row_key(f)
        if key is None or key[1] not in (0, 1):
            return None
        columns.append((f, key[0].replace("#", "{n}" if key[1] == 1 else "{n0}", 1)))
    for n, fields in rows.items():
        if {row_name(template, n) for _, template in columns} != {f.name for f in fields}:
            return None
    return Group(table, len(rows), tuple(columns))


def words_above(rect: tuple[float, float, float, float], page: PageText | None) -> str | None:
    """A table column's heading: the nearest printed line above the box within its width ("CTC" over a
    column of checkboxes), for a box whose tooltip says nothing and with no words beside it."""
    if page is None:
        return None
    x0, _, x1, y1 = rect
    over = [w for w in page.words if y1 - 1 <= w.y0 < y1 + 60 and x0 - 6 <= (w.x0 + w.x1) / 2 <= x1 + 6]
    if not over:
        return None
    lowest = min(w.y0 for w in over)
    text = " ".join(w.text for w in sorted((w for w in over if w.y0 - lowest < 2), key=lambda w: w.x0)).strip(" .:")
    return text if re.search(r"[^\W\d_]", text) else None


PART = re.compile(r"\b(del|part|section|avsnitt|steg)\s+([\dIVX]+)\b", re.IGNORECASE)
NUMBERED = re.compile(r"^\d{1,2}\.\s+[A-ZÅÄÖ][a-zåäö]{2,}")


def column_heading(rect: tuple[float, float, float, float], page: PageText | None,
                   rects: list[tuple[float, float, float, float]]) -> str | None:
    """The heading of the column of boxes a box stands in: up from box to box while no words lie between
    them, then the words above the topmost one. 13614-C prints Yes, No and Unsure once over each part's
    column of radio buttons, far above most of them."""
    if page is None:
        return None
    top = rect
    while True:
        x0, _, x1, y1 = top
        above = [r for r in rects if abs(r[0] - x0) < 4 and r[1] >= y1 - 1 and r != top]
        if not above:
            break
        nearest = min(above, key=lambda r: r[1])
        between = [w for w in page.words if y1 - 1 <= w.y0 and w.y1 <= nearest[1] + 1
                   and x0 - 6 <= (w.x0 + w.x1) / 2 <= x1 + 6]
        if between or nearest[1] - y1 > 3 * (y1 - top[1]):
            break
        top = nearest
    return words_above(top, page)


def section_heading(line: Line, body: float) -> str | None:
    """The line's text when it heads a section: "Del 2", "Part II – Income" (after at most three words,
    as 13614-C prints its Yes/No/Unsure column headings on the same line), or a line in clearly larger type
    that is no question or label (ending in ? or :). A numbered line ("3. Barn som bor i hushållet") only
    when it is in larger type than the body: "6. Last year, were you:" and "1. Your first name", in the
    body's type, are questions of their section."""
    text = line.text
    if not re.search(r"[^\W\d_]{3}", text):
        return None
    part = PART.search(text)
    if part and len(text[:part.start()].split()) <= 3:
        heading = text[part.start():]
        return re.sub(r"\s*\(.*$", "", heading) if len(heading) > 90 else heading
    if not 4 <= len(text) <= 60 or text.rstrip().endswith((":", "?")):
        return None
    return text if line.height >= 1.25 * body or (NUMBERED.match(text) and line.height >= 1.05 * body) else None


def section_headings(page: PageText | None) -> list[tuple[float, str]]:
    """The page's section headings, top down, each with its height (y, PDF space)."""
    if page is None or not page.lines:
        return []
    body = statistics.median(ln.height for ln in page.lines)
    found = {round(ln.top, 1): text for ln in page.lines if (text := section_heading(ln, body))}
    return sorted(found.items(), reverse=True)


def heading_above(y: float, headings: list[tuple[float, str]]) -> str | None:
    """The nearest section heading above height y: the section the field belongs to."""
    return next((text for top, text in reversed(headings) if top >= y), None)


@dataclass
class Draft:
    form: dict
    tables: dict[str, int]          # table name -> rows found
    sections: int                   # pages cut at a section heading
    groups: tuple[str, ...] = ()    # the tables drafted as repeating groups (the others: a page per row)


def group_pages(group: Group, heading: str | None, text: PageText | None,
                rects: list[tuple[float, float, float, float]], used: set[str]) -> tuple[list[dict], dict]:
    """A table as the docs' "add another" pattern: a yes/no page (a group has at least one entry), then the
    row's questions once, with repeat: and the paper's number of rows; PDF names carry {n}."""
    gid = group.id
    while gid in used:
        gid += "_2"
    ask = f"har_{gid}"
    used.update((gid, ask))
    where = f"i tabellen {unnumbered(heading)}" if heading else "i tabellen"
    fields, targets, local = [], {}, set()
    for f, template in group.columns:
        entry, target = _entry(f, text, rects, set(), None, column=words_above(f.rects[0], text))
        entry["label"] = without_row_number(entry["label"])
        entry["id"] = slug(without_row_number(entry["id"].replace("_", " ")), 6)
        while entry["id"] in local:
            entry["id"] += "_2"
        local.add(entry["id"])
        fields.append(entry)
        targets[f"{gid}.{entry['id']}"] = _with_name(target, f.name, template)
    name = next((e["id"] for e in fields if e["type"] == "text"), None)
    repeat = {"item": "Rad %(n)s", "added_one": "Du har lagt till en rad", "added_many": "Du har lagt till %(count)s rader",
              "add_another": "Vill du lägga till en rad till?", "max": group.rows, "rows": group.rows,
              **({"name": name} if name else {})}
    pages = [{"id": ask, "title": heading or "TODO: rubrik för tabellen",
              "fields": [{"id": ask, "type": "yesno", "label": f"Finns det något att skriva {where}?", "required": True}]},
             {"id": gid, "title": heading or "TODO: rubrik för en rad", "show_if": {ask: True}, "repeat": repeat,
              "fields": fields}]
    return pages, targets


def without_row_number(text: str) -> str:
    """A group's question is asked for every row: "Barn 1, personnummer" -> "Barn, personnummer"."""
    return re.sub(r"\s*(?<![\d.])\b1\b(?![\d.])", "", text).strip() or text


def _with_name(target: object, name: str, template: str) -> object:
    """A PDF target with the row's field name replaced by the name with {n}."""
    if isinstance(target, str):
        return template if target == name else target
    assert isinstance(target, dict)
    out = dict(target)
    if out.get("to") == name:
        out["to"] = template
    if "checkboxes" in out:
        out["checkboxes"] = {k: template if v == name else v for k, v in out["checkboxes"].items()}
    return out


def draft_form(fields: dict[str, PdfField], form_id: str, pdf_file: str,
               page_text: dict[int, PageText] | None = None) -> Draft:
    """A form.yaml draft in the loader's schema: every field mapped, in reading order, pages cut at the
    PDF's section headings (at most PER_PAGE questions, a table row never split), states labelled."""
    page_text = page_text or {}
    printable = [f for f in fields.values() if not f.hidden and not f.read_only and f.kind not in ("signature", "button")]
    pen = [f.name for f in fields.values() if f.kind == "signature"]
    unused = [f.name for f in fields.values()
              if (f.hidden or f.read_only) and f.kind not in ("signature", "button")]
    printable = reading_order(printable)
    tables = find_tables(printable)
    row_of = {f.name: (t, r) for t, rows in tables.items() for r, fs in rows.items() for f in fs}
    groups = {t: g for t, rows in tables.items() if (g := as_group(t, rows)) is not None}
    asked: list[str] = []           # the yes/no question before each group: not on the paper
    drafted: set[str] = set()
    all_rects: dict[int, list[tuple[float, float, float, float]]] = defaultdict(list)
    for f in printable:
        for p, r in zip(f.pages, f.rects):
            all_rects[p].append(r)
    headings = {p: section_headings(text) for p, text in page_text.items()}

    used: set[str] = set()
    targets: dict = {}
    pages: list[dict] = []
    chunk: list[dict] = []
    title: str | None = None
    section_cuts = 0
    last: tuple[int, str | None, tuple[str, int] | None] | None = None

    def close() -> None:
        nonlocal chunk
        if chunk:
            n = len(pages) + 1
            pages.append({"id": f"sida_{n}", "title": title or f"TODO: rubrik för sida {n}", "fields": chunk})
            chunk = []

    for f in printable:
        page_no, rect = f.pages[0], f.rects[0]
        text = page_text.get(page_no)
        heading = heading_above(rect[3], headings.get(page_no, []))
        row = row_of.get(f.name)
        if row is not None and row[0] in groups:
            if row[0] not in drafted:
                drafted.add(row[0])
                close()
                group_page, group_targets = group_pages(groups[row[0]], heading, text, all_rects[page_no], used)
                pages.extend(group_page)
                targets.update(group_targets)
                asked.append(group_page[0]["id"])
                last = None
            continue
        same_row = last is not None and row is not None and last[2] == row
        if last is not None and not same_row:
            new_section = last[0] != page_no or heading != last[1]
            if new_section or row != last[2] or len(chunk) >= PER_PAGE:
                close()
                section_cuts += new_section and heading is not None
        if not chunk:
            title = heading
        last = (page_no, heading, row)
        entry, target = _entry(f, text, all_rects[page_no], used, row)
        chunk.append(entry)
        targets[entry["id"]] = target
    close()

    entries = [e for page in pages if "repeat" not in page for e in page["fields"]]
    types = {e["id"]: e["type"] for e in entries}

    def guess(pattern: str) -> str | None:
        found = re.compile(pattern, re.IGNORECASE)
        return next((e["id"] for e in entries if e["type"] == "text" and "rad" not in e["id"]
                     and (found.search(e["id"]) or found.search(e["label"]))), None)

    first, last_name = guess(r"förnamn|fornamn|first|fname"), guess(r"efternamn|last.?name|surname|lname")
    id_field = next((i for i, kind in types.items() if kind == "pnr"), None)
    who: dict = {}
    if first and last_name:
        who["name_fields"] = [first, last_name]
    if id_field:
        who["id_field"] = id_field
    form = {
        "id": form_id,
        "title": "TODO: blankettens titel",
        "description": "TODO: en mening om vad blanketten är till för",
        "authority": "TODO: myndighet eller kommun",
        "form_version": "TODO: blankettnummer och version",
        "legal_reference": "TODO",
        "pages": pages,
        **who,
        "pdf": {"file": pdf_file, "fields": targets, **({"not_printed": asked} if asked else {}),
                "left_blank": {"pen": pen, "staff": [], "unused": unused}},
    }
    return Draft(form, {t: len(rows) for t, rows in tables.items()}, section_cuts, tuple(groups))


def _entry(f: PdfField, text: PageText | None, rects: list[tuple[float, float, float, float]],
           used: set[str], row: tuple[str, int] | None, column: str | None = None) -> tuple[dict, object]:
    """One question and its PDF target; `column` is a table column's heading, for a box nothing else names."""
    others = [r for r in rects if r != f.rects[0]]
    printed = (words_beside(f.rects[0], text, others) if f.kind == "checkbox" else None) or column
    label = label_of(f, printed)
    fid = slug(unnumbered(_meaningful(f.tooltip, f.name) or printed or short_name(f.name)))
    if row is not None and str(row[1]) not in re.findall(r"\d+", label):
        label = f"{label} (rad {row[1]})"
    if row is not None and str(row[1]) not in re.findall(r"\d+", fid):
        fid += f"_rad{row[1]}"
    while fid in used:
        fid += "_2"
    used.add(fid)
    ftype = guess_type(f, label)
    entry: dict = {"id": fid, "label": label, "type": ftype}
    if ftype in ("text", "multiline") and f.max_len:
        entry["max_length"] = f.max_len
    if f.kind == "text":
        return entry, f.name
    if f.kind == "checkbox":
        return entry, ({"checkboxes": {True: f.name}} if f.on_states[:1] else f.name)
    if f.kind == "radio":
        states = list(f.on_states)
        boxes = list(f.rects)
        labels = [words_beside(r, text, [o for o in rects if o != r]) or column_heading(r, text, rects)
                  for r in boxes] if len(boxes) == len(states) else [None] * len(states)
        opts = [(s, lab or s) for s, lab in zip(states, labels)]
    else:
        opts = list(f.options)
    values: list[str] = []
    for export, _ in opts:
        value = slug(export, 6)
        while value in values:
            value += "_2"
        values.append(value)
    entry["options"] = [{"value": v, "label": d} for v, (_, d) in zip(values, opts)]
    return entry, {"to": f.name, "states": {v: e for v, (e, _) in zip(values, opts)}}
