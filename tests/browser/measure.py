"""Measurements in the browser: text sizes, contrast of every visible text, horizontal overflow."""
from __future__ import annotations

from typing import Any

from playwright.sync_api import Page

# Every visible text on the page: its element's computed font size and its contrast against the
# background it is drawn on (colour alpha and opacity blended like a browser does; the first opaque
# background colour up the tree counts). Inputs count with their value or, when empty, their placeholder.
TEXTS_JS = """
() => {
  const parse = c => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
    const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
  const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); };
  const over = (top, alpha, bottom) => [0, 1, 2].map(i => top[i] * alpha + bottom[i] * (1 - alpha));
  const background = e => {
    const layers = [];
    for (let n = e; n; n = n.parentElement) {
      const c = parse(getComputedStyle(n).backgroundColor);
      if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
    }
    let bg = [255, 255, 255];
    for (const c of layers.reverse()) bg = over(c, c[3], bg);
    return bg;
  };
  const opacity = e => { let o = 1; for (let n = e; n; n = n.parentElement) o *= parseFloat(getComputedStyle(n).opacity); return o; };
  const ratio = (fg, bg) => { const a = lum(fg), b = lum(bg); return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05); };
  const out = [];
  const scope = document.querySelector('[data-testid="stMain"]');
  for (const e of scope.querySelectorAll('*')) {
    if (!e.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})) continue;
    const r = e.getBoundingClientRect();
    if (r.width <= 2 || r.height <= 2) continue;                  // visually hidden (for screen readers)
    let text = '', pseudo = null;
    if (e.matches('input[type="text"], input:not([type]), textarea')) {
      text = e.value || e.placeholder; if (!e.value && e.placeholder) pseudo = '::placeholder';
    } else if (!e.matches('script, style, svg, svg *')) {
      text = [...e.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join('').trim();
    }
    if (!text) continue;
    const s = getComputedStyle(e, pseudo);
    const fg = parse(s.color);
    const bg = background(e);
    const shown = over(fg, fg[3] * opacity(e), bg);
    const key = e.tagName + '|' + (e.closest('[data-testid]') || e).getAttribute('data-testid') + '|' +
                (e.getAttribute('aria-label') || text).slice(0, 60);
    out.push({key, text: text.slice(0, 60), px: parseFloat(s.fontSize), weight: s.fontWeight,
              contrast: Math.round(ratio(shown, bg) * 100) / 100});
  }
  return out;
}
"""

OVERFLOW_JS = """
() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const found = [];
  const doc = document.scrollingElement;
  if (doc.scrollWidth > innerWidth) found.push('the page scrolls sideways: ' + doc.scrollWidth + ' px');
  if (main.scrollWidth > main.clientWidth) found.push('the main area scrolls sideways: ' + main.scrollWidth + ' px');
  for (const e of main.querySelectorAll('*')) {
    if (!e.checkVisibility({checkVisibilityCSS: true})) continue;
    const r = e.getBoundingClientRect();
    if (r.width <= 2 || r.height <= 2) continue;
    const what = e.tagName + ' "' + (e.innerText || e.value || '').trim().slice(0, 40) + '"';
    const hasText = [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    const needed = hasText || e.matches('input, textarea, button, img, [role="radio"], [role="switch"]');
    if (needed && (r.left < -1 || r.right > innerWidth + 1))
      found.push(what + ' is outside the window (' + Math.round(r.left) + '..' + Math.round(r.right) + ')');
    const s = getComputedStyle(e);
    if (hasText && s.overflowX !== 'visible' && e.scrollWidth > e.clientWidth + 1 && !e.matches('textarea, input, pre, code'))
      found.push(what + ' is cut off (' + e.scrollWidth + ' > ' + e.clientWidth + ' px)');
  }
  return found;
}
"""


def texts(page: Page) -> list[dict[str, Any]]:
    return page.evaluate(TEXTS_JS)


def overflow(page: Page) -> list[str]:
    return page.evaluate(OVERFLOW_JS)
