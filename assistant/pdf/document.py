"""Open a form PDF and walk its field tree the same way for inspecting and for filling.

Real forms are messy: fields inherit /FT, /Ff, /DA and /MaxLen from parents, one field can have
widgets on several pages, some generators give radio kids their own /T, and a name can appear twice.
This module turns that into one list of terminal fields, each with its widgets.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from io import BytesIO
from typing import Any

import pikepdf

from assistant.definition.errors import FormError, Problem

RADIO = 1 << 15
PUSHBUTTON = 1 << 16
COMBO = 1 << 17
MULTILINE = 1 << 12
COMB = 1 << 24
READ_ONLY = 1
INHERITABLE = ("/FT", "/Ff", "/DA", "/Q", "/MaxLen", "/V", "/Opt")


@dataclass
class FieldNode:
    """One terminal field: its dictionary, its widgets (often the same object) and where they are."""

    name: str
    obj: pikepdf.Dictionary
    widgets: list[pikepdf.Dictionary] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)  # 0-based page index per widget
    _seen: dict[str, Any] = field(default_factory=dict, repr=False)

    def get(self, key: str, default: Any = None) -> Any:
        """An inheritable attribute, looked up through /Parent as the PDF spec says.

        Remembered per node (filling asks for /Ff and /FT thousands of times); /V is always read fresh."""
        if key in self._seen:
            found = self._seen[key]
            return default if found is None else found
        found, node = None, self.obj
        for _ in range(32):  # guards against /Parent loops in broken files
            if not isinstance(node, pikepdf.Dictionary):
                break
            if key in node:
                found = node[key]
                break
            node = node.get("/Parent")
        if key != "/V":
            self._seen[key] = found
        return default if found is None else found

    @property
    def flags(self) -> int:
        try:
            return int(self.get("/Ff", 0))
        except (TypeError, ValueError):
            return 0

    @property
    def kind(self) -> str:
        ft, ff = str(self.get("/FT", "")), self.flags
        if ft == "/Tx":
            return "text"
        if ft == "/Btn":
            return "button" if ff & PUSHBUTTON else "radio" if ff & RADIO else "checkbox"
        if ft == "/Ch":
            return "combo" if ff & COMBO else "list"
        return "signature" if ft == "/Sig" else "unknown"


def open_form(pdf: bytes, source: str) -> pikepdf.Pdf:
    """Open (repairing a broken xref, decrypting an empty user password) or raise one clear FormError."""
    try:
        return pikepdf.open(BytesIO(pdf))
    except pikepdf.PasswordError:
        raise FormError(Problem(source, "the PDF is protected with a password.",
                                "Ask the authority for an unprotected copy, or open it with the password, "
                                "print it to PDF and use that file.")) from None
    except pikepdf.PdfError as e:
        raise FormError(Problem(source, f"this is not a readable PDF ({str(e).splitlines()[0][:120]}).",
                                "Download the form again from the authority's web site.")) from None


def _is_widget(obj: pikepdf.Dictionary) -> bool:
    return obj.get("/Subtype") == "/Widget"


def _full_name(parent: str, obj: pikepdf.Dictionary) -> str:
    own = str(obj.get("/T", ""))
    return f"{parent}.{own}" if parent and own else parent or own


def collect_fields(pdf: pikepdf.Pdf) -> dict[str, FieldNode]:
    """Every terminal field by fully qualified name; widgets of equal names are merged."""
    page_of = {}
    for index, page in enumerate(pdf.pages):
        for annot in page.obj.get("/Annots", []):
            page_of[annot.objgen] = index
    nodes: dict[str, FieldNode] = {}
    acroform = pdf.Root.get("/AcroForm")
    top = list(acroform.get("/Fields", [])) if acroform is not None else []
    # A kid also listed at the top level (WeasyPrint does this) is reached through its parent.
    stack = [("", f) for f in reversed(top) if isinstance(f, pikepdf.Dictionary) and "/Parent" not in f]
    seen: set[tuple[int, int]] = set()
    while stack:
        parent_name, obj = stack.pop()
        if obj.objgen in seen and obj.objgen != (0, 0):
            continue
        seen.add(obj.objgen)
        name = _full_name(parent_name, obj)
        kids = [k for k in obj.get("/Kids", []) if isinstance(k, pikepdf.Dictionary)]
        # Kids that are bare widgets (or radio kids wrongly carrying /T) belong to this field.
        is_radio_parent = str(obj.get("/FT", "")) == "/Btn" and int(obj.get("/Ff", 0)) & RADIO
        if kids and all(_is_widget(k) and ("/T" not in k or is_radio_parent) and "/Kids" not in k for k in kids):
            widgets = kids
        elif kids:
            stack.extend((name, k) for k in reversed(kids))
            continue
        else:
            widgets = [obj] if _is_widget(obj) else []
        node = nodes.setdefault(name, FieldNode(name, obj))
        for w in widgets:
            seen.add(w.objgen)
            node.widgets.append(w)
            node.pages.append(page_of.get(w.objgen, -1))
    return nodes


def has_xfa(pdf: pikepdf.Pdf) -> bool:
    acroform = pdf.Root.get("/AcroForm")
    return acroform is not None and "/XFA" in acroform


def rect(widget: pikepdf.Dictionary) -> tuple[float, float, float, float]:
    """The widget's rectangle, normalised to (x1, y1, x2, y2) with x1 < x2, y1 < y2."""
    x1, y1, x2, y2 = (float(v) for v in widget.get("/Rect", [0, 0, 0, 0]))
    return min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2)
