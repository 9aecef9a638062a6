"""Large text and high contrast: with "Stor text" on, every page of the service-housing form passes axe-core
(WCAG 2.1 A/AA), every text is at least twice its normal size (computed font sizes, measured in the browser),
nothing scrolls sideways or is cut off at 1280 px, and every text has at least 7:1 contrast (WCAG AAA)."""
from __future__ import annotations

import json

from tests.browser.measure import overflow, texts
from tests.browser.test_walk import FORM, walk_to_the_result
from tests.browser.wizard import Visitor, axe_violations, describe, rerun_by, key_css

# Pages where the normal and the large sizes are compared (one of each kind of page and widget; the
# large-text checks run on every page).
COMPARE_SIZES = {"start", "insatser-errors", "startdatum", "sokande.namn", "hushall", "hjalp_idag", "halsa",
                 "review", "result", "accessibility-statement"}
AAA = 7.0


def test_large_text_doubles_every_text_keeps_the_layout_and_has_aaa_contrast(app, page, artifacts):
    visitor = Visitor(page, FORM, artifacts)
    visitor.open(app.url)
    visitor.set_large_text(True)
    measured: dict[str, dict] = {}

    def large_text_checks(name: str) -> None:
        problems = visitor.problems
        for what in overflow(page):
            problems.append(f"{name}: {what}")
        large = texts(page)
        low = [t for t in large if t["contrast"] < AAA]
        problems += [f"{name}: contrast {t['contrast']}:1 below {AAA}:1 for {t['text']!r}" for t in low]
        enhanced = axe_violations(page, rules=["color-contrast-enhanced"])
        if enhanced:
            problems.append(f"{name}: axe color-contrast-enhanced\n{describe(enhanced)}")
        lowest = min(large, key=lambda t: t["contrast"])
        record = {"min_px": min(t["px"] for t in large), "min_contrast": lowest["contrast"],
                  "min_contrast_text": lowest["text"]}
        if name in COMPARE_SIZES:
            visitor.set_large_text(False)
            normal = {t["key"]: t for t in texts(page)}
            visitor.set_large_text(True)
            pairs = [(normal[t["key"]], t) for t in large if t["key"] in normal]
            assert len(pairs) >= len(large) * 0.8, f"{name}: too few texts found in both sizes"
            small = [(n, t) for n, t in pairs if t["px"] < 2 * n["px"] - 0.01]
            problems += [f"{name}: {t['text']!r} is {t['px']} px large, {n['px']} px normal" for n, t in small]
            record |= {"normal_min_px": min(n["px"] for n, _ in pairs),
                       "min_ratio": round(min(t["px"] / n["px"] for n, t in pairs), 3),
                       "normal_min_contrast": min(n["contrast"] for n, _ in pairs),
                       "body_px": {"normal": max(n["px"] for n, t in pairs if n["key"].startswith("P|")),
                                   "large": max(t["px"] for n, t in pairs if t["key"].startswith("P|"))}
                       if any(n["key"].startswith("P|") for n, _ in pairs) else {}}
        measured[name] = record

    visitor.check_page("start")
    large_text_checks("start")
    # The first question with the error summary showing, then the walk with the checks on every page.
    visitor.start()
    rerun_by(page, page.locator(key_css("nav:next") + " button:visible").click)
    visitor.check_page("insatser-errors")
    large_text_checks("insatser-errors")
    walk_to_the_result(visitor, on_page=large_text_checks, started=True)
    visitor.press("view:accessibility", visitor.t("Tillgänglighet för Blankettguiden"))
    visitor.check_page("accessibility-statement", allowed_english=("options available", "Dismiss"))
    large_text_checks("accessibility-statement")

    (artifacts / "measurements.json").write_text(json.dumps(measured, ensure_ascii=False, indent=1))
    visitor.save(artifacts / "findings.json")
    assert not visitor.problems, visitor.report()
    print(json.dumps({k: v for k, v in measured.items() if "min_ratio" in v}, ensure_ascii=False))
