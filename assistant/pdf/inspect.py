"""What fields a PDF form has: the facts an administrator maps answers to, and the fill step checks against."""
from __future__ import annotations

import re
from dataclasses import dataclass

import pikepdf
import pikepdf.codec  # noqa: F401  (registers the "pdfdoc" codec)

from assistant.definition.errors import FormError, Problem
from assistant.pdf.document import COMB, MULTILINE, READ_ONLY, FieldNode, collect_fields, has_xfa, open_form, rect

HIDDEN, PRINT, NO_VIEW = 2, 4, 32


@dataclass(frozen=True)
class PdfField:
    name: str                 # fully qualified name (parent.kid)
    kind: str                 # "text" | "checkbox" | "radio" | "combo" | "list" | "signature" | "button"
    pages: tuple[int, ...]    # 1-based page numbers of its widgets
    rects: tuple[tuple[float, float, float, float], ...]
    on_states: tuple[str, ...]            # checkbox: its on-state(s); radio: the kids' export states
    options: tuple[tuple[str, str], ...]  # combo/list: (export value, display text)
    max_len: int | None
    multiline: bool
    comb: bool
    read_only: bool
    hidden: bool              # every widget hidden or not printed
    tooltip: str | None       # /TU


def _name_bytes(key: str) -> bytes:
    """The raw bytes of a name as pikepdf gives it (undecodable bytes come as surrogate escapes)."""
    return key.encode("utf-8", "surrogateescape").lstrip(b"/")


def readable_name(key: str | pikepdf.Object) -> str:
    """A state name (a dictionary key, or a Name object such as /AS) as text: UTF-16 with a byte order
    mark, UTF-8, PDFDocEncoding, else Latin-1.

    Real forms write "/Yttre#20unders#F6k#20ja": the byte F6 is "ö" in PDFDocEncoding, not UTF-8."""
    if isinstance(key, pikepdf.Object):
        key = re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]),
                     key.unparse()).decode("utf-8", "surrogateescape")
    raw = _name_bytes(key)
    if raw[:2] == b"\xfe\xff":
        return raw[2:].decode("utf-16-be", "replace")
    for codec in ("utf-8", "pdfdoc"):
        try:
            return raw.decode(codec)
        except UnicodeDecodeError:
            continue
    return raw.decode("latin-1")


def name_object(key: str) -> pikepdf.Object:
    """A pikepdf Name with exactly the bytes of `key` (pikepdf.Name() refuses undecodable bytes)."""
    raw = _name_bytes(key)
    escaped = "".join(chr(b) if 33 <= b < 127 and chr(b) not in "#/()<>[]{}%" else f"#{b:02X}" for b in raw)
    return pikepdf.Object.parse(("/" + escaped).encode("ascii"))


def state_names(widget: pikepdf.Dictionary) -> dict[str, str]:
    """A button widget's on-states: readable name -> the key as pikepdf gives it, from /AP /N (or /D)."""
    ap = widget.get("/AP")
    out: dict[str, str] = {}
    if not isinstance(ap, pikepdf.Dictionary):
        return out
    for kind in ("/N", "/D"):
        states = ap.get(kind)
        if isinstance(states, pikepdf.Dictionary) and not isinstance(states, pikepdf.Stream):
            for key in states.keys():
                if key != "/Off":
                    out.setdefault(readable_name(key), key)
            if out:
                break
    return out


def on_states(widget: pikepdf.Dictionary) -> list[str]:
    """A button widget's on-state names as readable text (without "/")."""
    return list(state_names(widget))


def options(node: FieldNode) -> tuple[tuple[str, str], ...]:
    out = []
    for opt in node.get("/Opt", []):
        if isinstance(opt, pikepdf.Array) and len(opt) >= 2:
            out.append((str(opt[0]), str(opt[1])))
        else:
            out.append((str(opt), str(opt)))
    return tuple(out)


def is_hidden(widget: pikepdf.Dictionary) -> bool:
    flags = int(widget.get("/F", 0))
    return bool(flags & HIDDEN) or not flags & PRINT


def describe(node: FieldNode) -> PdfField:
    kind = node.kind
    states: list[str] = []
    for w in node.widgets:
        states += [s for s in on_states(w) if s not in states]
    max_len = node.get("/MaxLen")
    tooltip = node.obj.get("/TU")
    return PdfField(
        name=node.name,
        kind=kind,
        pages=tuple(p + 1 for p in node.pages),
        rects=tuple(rect(w) for w in node.widgets),
        on_states=tuple(states) if kind in ("checkbox", "radio") else (),
        options=options(node) if kind in ("combo", "list") else (),
        max_len=int(max_len) if max_len is not None else None,
        multiline=kind == "text" and bool(node.flags & MULTILINE),
        comb=kind == "text" and bool(node.flags & COMB) and max_len is not None,
        read_only=bool(node.flags & READ_ONLY),
        hidden=bool(node.widgets) and all(is_hidden(w) for w in node.widgets),
        tooltip=str(tooltip) if tooltip is not None else None,
    )


def require_fields(pdf: pikepdf.Pdf, source: str) -> dict[str, FieldNode]:
    """The form's fields, or a FormError that says what kind of PDF this is and what to do."""
    nodes = {name: n for name, n in collect_fields(pdf).items() if n.widgets}
    if nodes:
        return nodes
    if has_xfa(pdf):
        raise FormError(Problem(source, "this is a pure XFA form (Adobe LiveCycle): it has no AcroForm fields, "
                                "so only Adobe Reader can fill it.",
                                "Ask the authority for an AcroForm version (a 'static' PDF form), or open it in "
                                "Adobe Acrobat and save it as a static PDF form."))
    raise FormError(Problem(source, "the PDF has no fillable fields.",
                            "Use the authority's fillable version, or make one (docs/adding-a-form.md)."))


def read_fields(pdf: bytes, *, source: str = "<pdf>") -> dict[str, PdfField]:
    """Every fillable field of a PDF by fully qualified name, in document order."""
    with open_form(pdf, source) as doc:
        return {name: describe(node) for name, node in require_fields(doc, source).items()}
