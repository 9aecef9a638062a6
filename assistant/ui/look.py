"""Page language and direction, visible focus, large text, contrast and right-to-left layout, and the
few things a screen reader or keyboard user needs that Streamlit does not give.

Streamlit has no RTL support and ships <html lang="en">: a small script sets lang/dir on the document,
and CSS mirrors the layout. The same script (installed once per browser tab, re-applied after every run):
- puts the focus on the new page's heading after Continue, Back and the like (a page load would reset it),
- moves focus from an error-summary link to its field,
- ties each field's error message and help text to its input (aria-describedby, aria-invalid) and gives a
  group of check boxes its question as a group name,
- puts the visitor's language in place of Streamlit's English where it can: the skip link, the progress
  bar's name, the language list's open button, the image full-screen buttons.
CSS hides Streamlit's "Link to heading" in the error summary and its "Press Enter to apply" hints. What stays
in English is listed on the accessibility statement (page_accessibility.py); docs/accessibility.md has it all.
Nothing is loaded from the network. Neither the CSS nor the script may contain "<" followed by a letter, even
in a comment: Streamlit drops the whole element (tests/browser/test_look.py).
"""
from __future__ import annotations

import json
import uuid

import streamlit as st

from assistant.i18n.translator import Language, Translator

# Colours: text #0b0c0c on white is 19.6:1, secondary text #3d3d3d 10.9:1, on the input grey (#f0f2f6)
# #3d3d3d is 9.7:1: all pass WCAG AAA (7:1); "Kvittot görs nu …" (a disabled button, but a message) too. Focus: yellow outline and a black ring (visible on any colour).
BASE_CSS = """
:root { --bg-focus: #ffbf47; --bg-error: #b00020; --bg-text: #0b0c0c; --bg-text-2: #3d3d3d; }
html, body, [data-testid="stApp"] { color: var(--bg-text); }
[data-testid="stMain"] p, [data-testid="stMain"] label, [data-testid="stMain"] li { color: var(--bg-text); }
[data-testid="stMain"] button p, [data-testid="stMain"] button { color: inherit; }
[data-testid="stMain"] button[kind="primary"], [data-testid="stMain"] button[kind="primary"] p { color: #ffffff !important; }
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p { color: var(--bg-text-2) !important;
  opacity: 1 !important; }
[data-testid="stMain"] input::placeholder, [data-testid="stMain"] textarea::placeholder { color: var(--bg-text-2) !important; opacity: 1; }
*:focus-visible, button:focus, input:focus, textarea:focus, [role="radio"]:focus-within, label:focus-within {
  outline: 3px solid var(--bg-focus) !important; outline-offset: 2px; box-shadow: 0 0 0 5px #0b0c0c !important;
}
[data-testid="stMain"] .stMarkdownEllipsis, [data-testid="stMain"] .stMarkdownEllipsis p,
[data-testid="stMain"] button p { white-space: normal !important; overflow: visible !important;
  text-overflow: clip !important; overflow-wrap: anywhere; }
[data-testid="stMain"] button { height: auto !important; }
.st-key-result-receipt-pending button, .st-key-result-receipt-pending button p { color: var(--bg-text-2) !important;
  opacity: 1 !important; }
.bg-error-summary [data-testid="stHeaderActionElements"] { display: none; }
[data-testid="InputInstructions"] { display: none !important; }
.bg-sv { color: var(--bg-text-2) !important; font-size: 0.85em; margin: -0.4rem 0 0.6rem 0; font-style: italic; }
.bg-field-error { color: var(--bg-error) !important; font-weight: 700; border-inline-start: 5px solid var(--bg-error);
  padding-inline-start: 0.6rem; margin: 0.4rem 0; }
.bg-error-summary { border: 4px solid var(--bg-error); padding: 1rem 1.2rem; margin: 0.5rem 0 1.2rem 0; }
.bg-error-summary h2 { color: var(--bg-text); font-size: 1.4em; margin: 0 0 0.5rem 0; padding: 0; }
.bg-error-summary a { color: var(--bg-error) !important; font-weight: 700; }
.bg-visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; }
.bg-label { font-weight: 700; font-size: 1.1em; margin: 0; }
.bg-h2 { font-size: 1.5em; margin: 0 0 0.5rem 0; padding: 0; }
.bg-review { margin: 0; display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); gap: 0 1rem; }
[class*="st-key-group-"] h2 { font-size: 1.35rem; padding: 0.8rem 0 0.2rem 0; }
[class*="st-key-group-"] .bg-sv { margin: 0; }
[class*="st-key-staff-"] { direction: ltr; text-align: left; }
.bg-review ul { margin: 0; padding-inline-start: 1.2rem; }
.bg-own-script { color: var(--bg-text-2) !important; margin: 0; }
.bg-own-label { display: block; font-size: 0.85em; color: var(--bg-text-2); margin-top: 0.3rem; }
[class*="st-key-row-"] { border-bottom: 1px solid #b1b4b6; padding-bottom: 0.3rem; }
[class*="st-key-row-"] [class*="st-key-change-"] button p { text-decoration: underline; }
.bg-step { font-size: 1.05em; color: var(--bg-text-2) !important; margin: 0; }
.bg-ltr { direction: ltr; unicode-bidi: isolate; display: inline-block; }
.bg-review dt { font-weight: 700; margin: 0; }
.bg-review dd { margin-inline-start: 0; white-space: pre-wrap; }
.bg-review .bg-sv { display: block; margin: 0; font-weight: 400; white-space: normal; }
.bg-staff-note { background: #fff7bf; border-inline-start: 5px solid #806000; padding: 0.4rem 0.8rem; }
.st-key-view-accessibility button p { text-decoration: underline; }
.st-key-ui-activity { display: none; }
.st-key-idle-warning { position: fixed; z-index: 1000100; bottom: 1rem; left: 1rem; right: 1rem; width: auto !important;
  max-width: 44rem; max-height: calc(100vh - 2rem); overflow: auto; margin: 0 auto; padding: 1rem; background: #ffffff;
  border: 4px solid var(--bg-text); box-shadow: 0 0.3rem 1.5rem rgba(0, 0, 0, 0.45); }
"""

RTL_CSS = """
[data-testid="stMain"], [data-testid="stSidebar"], [data-testid="stHeader"] { direction: rtl; }
[data-testid="stMain"] [data-testid="stElementContainer"], [data-testid="stMain"] .stMarkdown,
[data-testid="stMain"] [data-testid="stWidgetLabel"], [data-testid="stMain"] p, [data-testid="stMain"] li,
[data-testid="stMain"] h1, [data-testid="stMain"] h2, [data-testid="stMain"] h3 { text-align: start; }
[data-testid="stProgress"] > div { transform: scaleX(-1); }
[data-testid="stExpander"] summary [data-testid="stIconMaterial"] { transform: scaleX(-1); }
[role="listbox"], [role="option"] { direction: rtl; text-align: start; }
input[type="text"], textarea { text-align: start; unicode-bidi: plaintext; }
[data-testid="stMain"] .bg-sv { text-align: right; }   /* under the right-aligned text it translates */
"""

# Streamlit sizes its text in rem, so doubling the root size doubles every text (16 -> 32 px body text,
# 14 -> 28 px labels and buttons) and the boxes around it; measured in tests/browser/test_large_text.py.
LARGE_CSS = """
html { font-size: 32px !important; }
[data-testid="stMain"] .block-container { max-width: 100% !important; padding-left: 1.5rem; padding-right: 1.5rem; }
"""

SCRIPT = """
(function () {
  var cfg = %(config)s;
  var w = window.parent || window, d = w.document, h = d.documentElement;
  h.lang = cfg.lang; h.dir = cfg.dir; h.setAttribute('data-bg-run', cfg.run);
  w.__bgText = cfg.text;
  if (w.__bgEnhance) { w.__bgEnhance(); return; }
  var uid = 0;
  function idOf(e) { if (!e.id) { e.id = 'bg-id-' + (++uid); } return e.id; }
  function set(e, name, value) {
    if (value === null) { if (e.hasAttribute(name)) e.removeAttribute(name); }
    else if (e.getAttribute(name) !== value) e.setAttribute(name, value);
  }
  var MOVED_ON = '[class*="st-key-nav-"], [class*="st-key-start-"], [class*="st-key-change-"], ' +
    '[class*="st-key-result-"], [class*="st-key-view-"], .st-key-ui-erase';
  function newPageFocus() {
    // A new page of the wizard (a new h1 heading) after a button that moves on: put the focus on it, as
    // a page load would, so the next Tab starts at the question and a screen reader reads the new page.
    var h1 = d.querySelector('[data-testid="stMain"] h1');
    if (!h1) return;
    var title = h1.textContent;
    if (w.__bgTitle !== undefined && w.__bgTitle !== title) {
      var a = d.activeElement;
      if (!a || a === d.body || a === h || (a.closest && a.closest(MOVED_ON))) {
        h1.setAttribute('tabindex', '-1');
        h1.focus();
      }
    }
    w.__bgTitle = title;
  }
  var FOCUSABLE = 'input, textarea, button, [tabindex="0"]';
  function keyOf(e) {
    var box = e && e.closest && e.closest('[class*="st-key-"]');
    if (!box) return null;
    var cls = Array.prototype.filter.call(box.classList, function (c) { return c.indexOf('st-key-') === 0; })[0];
    return {cls: cls, index: Array.prototype.indexOf.call(box.querySelectorAll(FOCUSABLE), e)};
  }
  if (!w.__bgFocusin) {
    w.__bgFocusin = true;
    d.addEventListener('focusin', function (ev) { w.__bgLast = ev.target; w.__bgLastKey = keyOf(ev.target); }, true);
  }
  function keepFocus() {
    // A rerun that replaced the focused element (Streamlit remounts some widgets) leaves the focus on
    // the page body: put it back on the same control, so a keyboard user does not start again from the top.
    var a = d.activeElement, last = w.__bgLast, key = w.__bgLastKey;
    if ((a && a !== d.body && a !== h) || !last) return;
    if (last.isConnected) {   // blurred while the run redrew it (briefly disabled or hidden): the same control
      if (!last.disabled && last.getClientRects().length) last.focus({preventScroll: true, focusVisible: true});
      return;
    }
    if (!key || key.index === -1) return;
    if (key.cls.indexOf('st-key-nav-') === 0 || key.cls.indexOf('st-key-change-') === 0) return;
    var h1 = d.querySelector('[data-testid="stMain"] h1');
    if (!h1 || h1.textContent !== w.__bgTitle) return;
    var box = d.querySelector('.' + w.CSS.escape(key.cls));
    var e = box && box.querySelectorAll(FOCUSABLE)[key.index];
    if (e) e.focus({preventScroll: true, focusVisible: true});
  }
  function enhance() {
    var t = w.__bgText;
    newPageFocus();
    keepFocus();
    var skip = d.querySelector('[data-testid="stSkipToContent"]');
    if (skip && skip.textContent !== t.skip) skip.textContent = t.skip;
    var step = d.querySelector('[data-testid="stMain"] .bg-step');
    d.querySelectorAll('[data-testid="stProgress"] [role="progressbar"]').forEach(function (bar) {
      set(bar, 'aria-label', t.progress);
      if (step) set(bar, 'aria-valuetext', step.textContent);
    });
    d.querySelectorAll('[data-testid="stSelectbox"] button[aria-label="Open"]').forEach(function (b) {
      set(b, 'aria-label', t.open);
    });
    d.querySelectorAll('button[aria-label^="Fullscreen"]').forEach(function (b) {
      set(b, 'aria-label', b.getAttribute('aria-label').replace(/^Fullscreen/, t.fullscreen));
    });
    d.querySelectorAll('button[aria-label="Copy to clipboard"]').forEach(function (b) { set(b, 'aria-label', t.copy); });
    // Buttons that say the same on every card or row ("Börja fylla i", "Ändra") are named by what they
    // open: the visible text first (WCAG 2.5.3), then the form's title or the question.
    d.querySelectorAll('[class*="st-key-form-"] [class*="st-key-start-"] button').forEach(function (b) {
      var card = b.closest('[class*="st-key-form-"]'), title = card && card.querySelector('h3');
      if (title) set(b, 'aria-label', b.innerText.trim() + ': ' + title.innerText.trim());
    });
    d.querySelectorAll('[class*="st-key-row-"] [class*="st-key-change-"] button, '
                       + '[class*="st-key-row-"] [class*="st-key-remove-"] button').forEach(function (b) {
      var row = b.closest('[class*="st-key-row-"]'), dt = row && row.querySelector('dt');
      if (dt && dt.firstChild) set(b, 'aria-label', b.innerText.trim() + ': ' + dt.firstChild.textContent.trim());
    });
    d.querySelectorAll('[class*="st-key-field-"]').forEach(function (box) {
      var error = box.querySelector('.bg-field-error');
      var notes = [error].concat(Array.prototype.slice.call(box.querySelectorAll('[data-testid="stCaptionContainer"]')))
        .filter(Boolean).map(idOf).join(' ') || null;
      // The question is drawn above its hint (Streamlit's own label is hidden): name the check-box group
      // and the radio group by it, or by the page heading when the question is the heading.
      var label = box.querySelector('.bg-label') || d.querySelector('[data-testid="stMain"] h1');
      if (box.querySelectorAll('input[type="checkbox"]').length > 1 && label) {
        set(box, 'role', 'group'); set(box, 'aria-labelledby', idOf(label));
      }
      box.querySelectorAll('[role="radiogroup"]').forEach(function (g) { if (label) set(g, 'aria-labelledby', idOf(label)); });
      box.querySelectorAll('input:not([type="radio"]), textarea, [role="radiogroup"]').forEach(function (e) {
        set(e, 'aria-describedby', notes);
        set(e, 'aria-invalid', error ? 'true' : null);
      });
    });
  }
  w.__bgEnhance = enhance;
  d.addEventListener('keydown', function (ev) {
    // Enter in a one-line answer continues, as in a web form (Streamlit only applies the value).
    var e = ev.target;
    if (ev.key !== 'Enter' || ev.shiftKey || ev.isComposing || !e || e.tagName !== 'INPUT') return;
    if (!e.closest || !e.closest('[class*="st-key-field-"]')) return;
    var button = d.querySelector('.st-key-nav-next button, .st-key-nav-create button');
    if (button) w.setTimeout(function () { button.click(); }, 0);
  }, false);
  d.addEventListener('click', function (ev) {
    var link = ev.target.closest && ev.target.closest('.bg-error-summary a[data-target]');
    if (!link) return;
    var box = d.querySelector('.st-key-' + w.CSS.escape(link.getAttribute('data-target')));
    if (!box) return;
    var field = box.querySelector('input[type="radio"]:checked') ||
      box.querySelector('input:not([type="hidden"]), textarea, select, [tabindex="0"]');
    if (!field) return;
    ev.preventDefault();
    field.focus({preventScroll: true});
    var tall = box.getBoundingClientRect().height > w.innerHeight * 0.7;
    box.scrollIntoView({block: tall ? 'start' : 'center'});
  }, true);
  var queued = false;
  new w.MutationObserver(function () {
    if (queued) return;
    queued = true;
    w.requestAnimationFrame(function () { queued = false; enhance(); });
  }).observe(d.body, {childList: true, subtree: true, attributes: true,
                      attributeFilter: ['aria-label', 'aria-valuetext']});
  enhance();
})();
"""


def apply_look(lang: Language, large_text: bool) -> None:
    t = Translator(lang)
    css = BASE_CSS + (RTL_CSS if lang.direction == "rtl" else "") + (LARGE_CSS if large_text else "")
    st.html(f"<style>{css}</style>")
    config = {
        "lang": lang.html_lang, "dir": lang.direction,
        # New on every run: the script runs again after each run (an unchanged element would not), and
        # the browser tests can tell a finished run of the page from the idle check's fragment runs.
        "run": uuid.uuid4().hex[:12],
        "text": {"skip": t("Hoppa till innehållet"), "progress": t("Hur långt du har kommit"),
                 "open": t("Visa alla val"), "fullscreen": t("Visa större"), "copy": t("Kopiera")},
    }
    st.html("<script>" + SCRIPT % {"config": json.dumps(config, ensure_ascii=False)} + "</script>",
            unsafe_allow_javascript=True)


def focus(selector: str) -> None:
    """Move keyboard focus (e.g. to the error summary after a failed Continue)."""
    st.html(
        "<script>(function(){var s=" + json.dumps(selector) + ";var n=0;var t=setInterval(function(){"
        "var d=window.parent.document;var e=d.querySelector(s)||document.querySelector(s);"
        "if(e){e.focus();clearInterval(t);}if(++n>40){clearInterval(t);}},50);})();"
        f"/* {uuid.uuid4().hex[:12]} */</script>",
        unsafe_allow_javascript=True,
    )
