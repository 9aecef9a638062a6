"""Which system fonts the printed forms and receipts need, and whether they are installed."""
from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass


@dataclass(frozen=True)
class FontNeed:
    family: str
    scripts: str
    debian_package: str


FONT_NEEDS: tuple[FontNeed, ...] = (
    FontNeed("DejaVu Sans", "Latin, Cyrillic, Vietnamese", "fonts-dejavu-core"),
    FontNeed("Noto Sans Arabic", "Arabic, Persian", "fonts-noto-core"),
    FontNeed("Noto Sans Ethiopic", "Tigrinya (Ge'ez)", "fonts-noto-core"),
)


def installed_families() -> set[str]:
    """Font families fontconfig knows (the same list WeasyPrint uses)."""
    if not shutil.which("fc-list"):
        return set()
    out = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True, check=False).stdout
    families: set[str] = set()
    for line in out.splitlines():
        families.update(name.strip() for name in line.split(","))
    return families


def missing_fonts() -> list[FontNeed]:
    """The font needs that are not met on this machine."""
    have = installed_families()
    return [need for need in FONT_NEEDS if need.family not in have]
