"""The filled form and the receipt handed to the visitor from the page itself, never from a /media URL.

st.download_button serves its file at /media/<id>: the browser may keep that response in its disk cache
after the visit is erased, and the address answers until some other session runs. Here the PDF travels
inside the page (over the websocket, like every other element) and a small script turns it into a blob:
URL only when a button is pressed: a download, or the browser's PDF viewer in a new tab (it has a print
button). blob: URLs live in the tab's memory, never in the disk cache. When the result page is left
("Klar – radera allt", or back to the answers) the print tab it opened is closed and its blob URL revoked.

The scripts are plain text for st.html: DOMPurify drops a <script> whose text has "<" before a letter or a
slash, so none of them compare with "<" that way.
"""
from __future__ import annotations

import base64
import re
from html import escape

import streamlit as st

from assistant.i18n.translator import Translator

PRINT_SOURCE = "print-pdf"      # the download button whose PDF "Öppna för utskrift" opens
DOWNLOAD_KEY = re.compile(r'data-bg-download="([^"]+)"')

# Looks like Streamlit's own buttons (and grows with "Större text": everything is in rem). Primary text on
# #0b3d91 is white, 10.6:1.
_STYLE = ("<style>[data-testid=\"stMain\"] .bg-button { width: 100%; min-height: 2.5rem; padding: 0.25rem 0.75rem; "
          "font: inherit; font-size: 0.875rem; border-radius: 0.5rem; cursor: pointer; color: var(--bg-text); "
          "background: #ffffff; border: 1px solid #6b6b6b; overflow-wrap: anywhere; }"
          "[data-testid=\"stMain\"] .bg-button:hover { border-color: #0b3d91; color: #0b3d91; }"
          "[data-testid=\"stMain\"] .bg-button-primary, [data-testid=\"stMain\"] .bg-button-primary:hover { "
          "color: #ffffff; background: #0b3d91; border-color: #0b3d91; }"
          "[data-testid=\"stMain\"] .bg-print-failed { margin: 0.5rem 0 0 0; font-weight: 700; }</style>")

_PDF_BLOB = ("function bgBlob(b64){var s=atob(b64);var a=new Uint8Array(s.length);"
             "for(var i=0;i !== s.length;i++){a[i]=s.charCodeAt(i);}"
             "return URL.createObjectURL(new Blob([a],{type:'application/pdf'}));}")

_DOWNLOAD_JS = ("(function(){" + _PDF_BLOB + "var root=document.currentScript.parentNode;"
                "var b=root.querySelector('button');b.addEventListener('click',function(){"
                "var u=bgBlob(b.dataset.pdf);var a=document.createElement('a');a.href=u;a.download=b.dataset.name;"
                "a.hidden=true;document.body.appendChild(a);a.click();a.remove();"
                "setTimeout(function(){URL.revokeObjectURL(u);},60000);});})();")

_PRINT_JS = ("(function(){" + _PDF_BLOB + "var root=document.currentScript.parentNode;"
             "var b=root.querySelector('button');var failed=root.querySelector('[role=alert]');"
             # One print tab per browser tab, kept on window: Streamlit may redraw this button at any run.
             "var w=window.__bgPrint=window.__bgPrint||{tab:null,url:null,watch:null};"
             "function forget(){if(w.tab){try{w.tab.close();}catch(e){}}if(w.url){URL.revokeObjectURL(w.url);}"
             "w.tab=null;w.url=null;}"
             "b.addEventListener('click',function(){"
             "var src=document.querySelector('button[data-bg-file=\"" + PRINT_SOURCE + "\"]');"
             "forget();failed.hidden=true;"
             "if(!src){failed.hidden=false;return;}"
             "w.url=bgBlob(src.dataset.pdf);"
             "try{w.tab=window.open(w.url,'_blank');}catch(e){w.tab=null;}"
             "if(!w.tab){forget();failed.hidden=false;return;}"
             # The result page gone (erased, or back to the answers): close the tab, forget the PDF.
             "if(!w.watch){w.watch=setInterval(function(){if(!document.getElementById('bg-open-print')){"
             "clearInterval(w.watch);w.watch=null;forget();}},500);}});})();")


def download_button(label: str, pdf: bytes, file_name: str, key: str, *, primary: bool = False,
                    print_source: bool = False) -> None:
    """A button that saves `pdf` as `file_name`; the PDF is in the page, the file is made in the browser."""
    kind = "primary" if primary else "secondary"
    source = f' data-bg-file="{PRINT_SOURCE}"' if print_source else ""
    with st.container(key=key):
        st.html(f'<button type="button" class="bg-button bg-button-{kind}" data-bg-download="{escape(key)}"'
                f' data-name="{escape(file_name)}"{source} data-pdf="{base64.b64encode(pdf).decode("ascii")}">'
                f"{escape(label)}</button>{_STYLE}<script>{_DOWNLOAD_JS}</script>",
                unsafe_allow_javascript=True)


def print_button(t: Translator, failed: str | None = None) -> None:
    """"Öppna för utskrift": the PDF of the download button marked `print_source` in the browser's PDF viewer
    in a new tab. If the browser blocks the tab, the visitor is told so (`failed`, naming the page's own
    download button) and pointed to the download."""
    failed = failed or t("Fliken med blanketten gick inte att öppna. Tryck på Ladda ner blanketten (PDF) och "
                         "skriv ut filen, eller be personalen om hjälp.")
    label = t("Öppna för utskrift")
    st.html(f'<button type="button" id="bg-open-print" class="bg-button bg-button-secondary">'
            f'{escape(label)}</button>{_STYLE}'
            f'<p role="alert" class="bg-print-failed" hidden>{escape(failed)}</p><script>{_PRINT_JS}</script>',
            unsafe_allow_javascript=True)


def file_in_page(html: str, key: str) -> bytes | None:
    """The PDF a download button of `key` holds, read from the page's HTML (for tests and benchmarks that
    speak Streamlit's protocol instead of running a browser)."""
    match = re.search(rf'data-bg-download="{re.escape(escape(key))}"[^>]*?data-pdf="([A-Za-z0-9+/=]*)"', html)
    return base64.b64decode(match.group(1)) if match else None
