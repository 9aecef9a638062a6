"""Small flat pictures for the guide's choices (forms/guide.yaml `picture:`), drawn here as inline SVG.

Each is a 64×64 drawing in three colours: dark blue (#0b3d91, 10.4:1 on white) for outlines and shapes,
yellow (#ffbf47) as a fill inside the blue, and white. They are decorative (the choice's text label says
what it is), so they are hidden from screen readers. Nothing is fetched: no href, no url(), no fonts, no text.
"""
from __future__ import annotations

INK = "#0b3d91"
SUN = "#ffbf47"
WHITE = "#ffffff"



def _s(width: float = 3) -> str:
    """A blue round-cornered outline `width` units wide."""
    return f'stroke="{INK}" stroke-width="{width:g}" stroke-linejoin="round" stroke-linecap="round"'


_S = _s()

_DRAWINGS: dict[str, str] = {
    "house": (
        f'<path d="M8 30 L32 9 L56 30" fill="none" {_s(4)}/>'
        f'<path d="M14 27 V55 H50 V27 L32 12 Z" fill="{SUN}" {_S}/>'
        f'<rect x="27" y="37" width="10" height="18" fill="{INK}"/>'
        f'<rect x="17" y="32" width="8" height="8" fill="{WHITE}" {_s(2)}/>'
    ),
    "car": (
        f'<path d="M10 40 L15 26 Q17 21 22 21 H42 Q47 21 49 26 L54 40 Z" fill="{INK}"/>'
        f'<rect x="6" y="36" width="52" height="13" rx="4" fill="{INK}"/>'
        f'<path d="M19 36 L22 26 H30 V36 Z M34 36 V26 H42 L45 36 Z" fill="{WHITE}"/>'
        f'<circle cx="18" cy="49" r="6" fill="{SUN}" {_S}/>'
        f'<circle cx="46" cy="49" r="6" fill="{SUN}" {_S}/>'
    ),
    "taxi": (
        f'<rect x="24" y="9" width="16" height="8" rx="2" fill="{INK}"/>'
        f'<path d="M10 40 L15 26 Q17 21 22 21 H42 Q47 21 49 26 L54 40 Z" fill="{SUN}" {_S}/>'
        f'<rect x="6" y="36" width="52" height="13" rx="4" fill="{SUN}" {_S}/>'
        f'<path d="M19 36 L22 26 H30 V36 Z M34 36 V26 H42 L45 36 Z" fill="{INK}"/>'
        f'<circle cx="18" cy="49" r="6" fill="{INK}"/>'
        f'<circle cx="46" cy="49" r="6" fill="{INK}"/>'
        f'<circle cx="18" cy="49" r="2" fill="{WHITE}"/><circle cx="46" cy="49" r="2" fill="{WHITE}"/>'
    ),
    "parking": (
        f'<rect x="8" y="8" width="48" height="48" rx="8" fill="{INK}"/>'
        f'<path d="M25 48 V16 H35 A9 9 0 0 1 35 34 H25" fill="none" stroke="{WHITE}" stroke-width="6" '
        f'stroke-linejoin="round" stroke-linecap="round"/>'
    ),
    "coins": (
        f'<ellipse cx="32" cy="48" rx="20" ry="7" fill="{SUN}" {_S}/>'
        f'<path d="M12 38 V48 M52 38 V48" {_S}/>'
        f'<ellipse cx="32" cy="38" rx="20" ry="7" fill="{SUN}" {_S}/>'
        f'<path d="M12 28 V38 M52 28 V38" {_S}/>'
        f'<ellipse cx="32" cy="28" rx="20" ry="7" fill="{SUN}" {_S}/>'
        f'<path d="M12 18 V28 M52 18 V28" {_S}/>'
        f'<ellipse cx="32" cy="18" rx="20" ry="7" fill="{SUN}" {_S}/>'
        f'<ellipse cx="32" cy="18" rx="9" ry="3" fill="none" {_s(2)}/>'
    ),
    "house_coins": (
        f'<path d="M6 30 L26 12 L46 30" fill="none" {_s(4)}/>'
        f'<path d="M11 27 V52 H41 V27 L26 15 Z" fill="{WHITE}" {_S}/>'
        f'<rect x="21" y="37" width="9" height="15" fill="{INK}"/>'
        f'<circle cx="46" cy="44" r="13" fill="{SUN}" {_S}/>'
        f'<circle cx="46" cy="44" r="7" fill="none" {_s(2)}/>'
    ),
    "child": (
        f'<circle cx="32" cy="17" r="9" fill="{SUN}" {_S}/>'
        f'<path d="M20 58 L23 32 Q24 28 28 28 H36 Q40 28 41 32 L44 58 Z" fill="{INK}"/>'
        f'<path d="M23 34 L13 42 M41 34 L51 42" {_s(5)}/>'
        f'<circle cx="52" cy="50" r="6" fill="{SUN}" {_S}/>'
    ),
    "handshake": (
        f'<path d="M4 22 L16 20 L26 26 L16 38 Z" fill="{INK}"/>'
        f'<path d="M60 22 L48 20 L38 26 L48 38 Z" fill="{INK}"/>'
        f'<path d="M16 26 L28 22 Q32 21 36 23 L48 30 Q51 33 48 36 L40 44 Q37 47 34 44 L16 36 Z" '
        f'fill="{SUN}" {_S}/>'
        f'<path d="M30 24 L22 32 Q20 35 24 36 L32 30" fill="{SUN}" {_S}/>'
        f'<path d="M30 40 L38 32 M35 44 L43 36 M25 37 L33 29" {_s(2)}/>'
    ),
    "question": (
        f'<circle cx="32" cy="32" r="26" fill="{INK}"/>'
        f'<path d="M23 24 A9 9 0 1 1 36 32 Q32 34 32 39 V41" fill="none" stroke="{WHITE}" stroke-width="6" '
        f'stroke-linecap="round" stroke-linejoin="round"/>'
        f'<circle cx="32" cy="50" r="3.5" fill="{SUN}"/>'
    ),
    "helper": (
        f'<circle cx="24" cy="16" r="8" fill="{SUN}" {_S}/>'
        f'<path d="M10 58 V36 Q10 27 19 27 H29 Q38 27 38 36 V58 Z" fill="{INK}"/>'
        f'<path d="M46 54 L36 44 A6 6 0 1 1 46 36 A6 6 0 1 1 56 44 Z" fill="{SUN}" {_S}/>'
    ),
    "alarm": (
        f'<path d="M18 44 V30 A14 14 0 0 1 46 30 V44 L50 48 H14 Z" fill="{SUN}" {_S}/>'
        f'<circle cx="32" cy="52" r="5" fill="{INK}"/>'
        f'<rect x="29" y="10" width="6" height="6" rx="2" fill="{INK}"/>'
        f'<path d="M10 20 Q6 28 10 36 M54 20 Q58 28 54 36" fill="none" {_S}/>'
    ),
    "ramp": (
        f'<path d="M4 58 L60 58 L60 34 Z" fill="{SUN}" {_S}/>'
        f'<circle cx="22" cy="12" r="5" fill="{INK}"/>'
        f'<path d="M22 19 V33 H33 L37 44" fill="none" {_s(5)}/>'
        f'<path d="M22 25 H31" {_s(4)}/>'
        f'<circle cx="22" cy="40" r="10" fill="none" {_s(4)}/>'
    ),
    "food": (
        f'<circle cx="32" cy="34" r="20" fill="{WHITE}" {_S}/>'
        f'<circle cx="32" cy="34" r="12" fill="{SUN}" {_s(2)}/>'
        f'<path d="M6 10 V24 Q6 28 9 28 V56 M3 10 V22 M9 10 V22" fill="none" {_S}/>'
        f'<path d="M58 10 Q52 16 54 30 H58 V56" fill="{INK}" {_S}/>'
    ),
    "health": (
        f'<path d="M32 56 L10 34 A12 12 0 0 1 32 16 A12 12 0 0 1 54 34 Z" fill="{INK}"/>'
        f'<path d="M32 24 V44 M22 34 H42" stroke="{WHITE}" stroke-width="6" stroke-linecap="round"/>'
    ),
    "pension": (
        f'<circle cx="26" cy="13" r="7" fill="{SUN}" {_S}/>'
        f'<path d="M16 40 V30 Q16 22 24 22 H28 Q34 22 34 30 V40 Z" fill="{INK}"/>'
        f'<path d="M20 40 L18 58 M30 40 L32 58" {_s(5)}/>'
        f'<path d="M34 30 L42 34 V58 M42 34 Q42 28 47 29" fill="none" {_S}/>'
        f'<circle cx="52" cy="48" r="8" fill="{SUN}" {_S}/>'
    ),
    "document": (
        f'<path d="M14 6 H40 L52 18 V58 H14 Z" fill="{WHITE}" {_S}/>'
        f'<path d="M40 6 V18 H52" fill="{SUN}" {_S}/>'
        f'<path d="M21 28 H45 M21 36 H45 M21 44 H37" {_S}/>'
        f'<circle cx="44" cy="50" r="5" fill="{SUN}" {_s(2)}/>'
    ),
}

NAMES: tuple[str, ...] = tuple(sorted(_DRAWINGS))


def picture_svg(name: str, size: str = "3rem") -> str:
    """The inline SVG markup for `name` (hidden from screen readers); ValueError for an unknown name.
    `size` is a CSS length: in rem, so the picture grows with the large-text setting."""
    try:
        drawing = _DRAWINGS[name]
    except KeyError:
        raise ValueError(f"no picture '{name}' (known pictures: {', '.join(NAMES)})") from None
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64" '
            f'style="width:{size};height:{size};display:block" class="bg-picture" '
            f'aria-hidden="true" focusable="false">{drawing}</svg>')
