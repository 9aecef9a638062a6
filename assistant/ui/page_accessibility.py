"""Tillgänglighetsredogörelse: the accessibility statement the law on accessible public digital services
(lagen (2018:1937) om tillgänglighet till digital offentlig service) asks for, in plain language and in the
visitor's language.

KNOWN_GAPS lists what inside Streamlit the app cannot fix. tests/browser/test_accessibility.py fails when the
browser shows an English Streamlit text that is neither replaced nor listed here, so the statement stays true.
docs/accessibility.md has the technical detail behind each line.
"""
from __future__ import annotations

from datetime import date
from html import escape

import streamlit as st

from assistant.i18n.translator import Translator
from assistant.i18n.markers import N_
from assistant.settings import settings

LAST_REVIEWED = date(2026, 11, 25)
DIGG_URL = "https://www.digg.se/tdosanmalan"     # Digg's form for reporting a barrier

# English texts of Streamlit that a screen reader can meet, and which the app cannot replace.
STREAMLIT_ENGLISH = ("options available", "Dismiss")


KNOWN_GAPS = (
    N_("När listan med språk är öppen läser en skärmläsare upp några korta engelska ord, till exempel "
       "antalet val (”options available”) och en dold stängknapp (”Dismiss”). Det kommer från verktyget "
       "som tjänsten är byggd med (Streamlit) och går inte att ändra."),
    N_("Knappar som hör ihop (till exempel val med runda rutor) väljs med piltangenterna, som på de "
       "flesta webbsidor. Tabb flyttar till nästa fråga."),
    N_("Den ifyllda blanketten (PDF) är gjord för att skrivas ut och läses inte bra med skärmläsare. "
       "Alla dina svar finns som text på sidan Kontrollera dina svar innan blanketten skapas."),
    N_("Bilderna av blankettens sidor är bara en förhandsvisning. Det som står på dem står också "
       "på sidan Kontrollera dina svar."),
    N_("Om en text inte är översatt till ditt språk än visas den på svenska."),
)

WHAT_WORKS = (
    N_("Du kan välja språk. Sidan byter då språk och läsriktning, också för skärmläsare."),
    N_("Knappen Stor text gör all text dubbelt så stor, utan att du behöver flytta sidan i sidled."),
    N_("Texten har hög kontrast mot bakgrunden."),
    N_("Allt går att göra med bara tangentbordet. Du ser alltid var du är på sidan (en gul och svart ram)."),
    N_("Om något saknas eller är fel visas en ruta överst med vad som behöver rättas. Varje rad i rutan "
       "tar dig direkt till frågan."),
    N_("Varje fråga har en rubrik som skärmläsare läser upp, och felmeddelanden och hjälptexter hör till "
       "rätt fråga."),
    N_("Personalen kan skriva ut blanketten åt dig. Du skriver under med penna."),
    N_("Innan allt raderas efter en stunds inaktivitet får du en varning och kan be om mer tid."),
)


def show(t: Translator) -> None:
    place = settings().placeholders
    municipality = place.get("kommun.namn", "")
    st.title(t("Tillgänglighet för Blankettguiden"), anchor=False)
    st.markdown(escape(t("%(kommun)s står bakom Blankettguiden. Vi vill att så många som möjligt ska kunna "
                         "använda tjänsten. Här står hur tillgänglig den är, vad som inte fungerar än och "
                         "hur du kan säga till om något är svårt.", kommun=municipality)))

    st.header(t("Hur tillgänglig är tjänsten?"), anchor=False)
    st.markdown(escape(t("Tjänsten uppfyller delvis lagen om tillgänglighet till digital offentlig service. "
                         "Det som inte fungerar står under Kända brister.")))

    st.header(t("Det här fungerar"), anchor=False)
    _bullets([t(text) for text in WHAT_WORKS])

    st.header(t("Kända brister"), anchor=False)
    _bullets([t(text) for text in KNOWN_GAPS])

    st.header(t("Om något inte fungerar för dig"), anchor=False)
    st.markdown(escape(t("Fråga personalen här. De hjälper dig att fylla i blanketten på papper eller på "
                         "datorn.")))
    contact = ", ".join(v for v in (place.get("kommun.kontaktcenter"), place.get("kommun.telefon"),
                                    place.get("kommun.webb")) if v)
    st.markdown(escape(t("Berätta för oss om något är svårt att använda eller saknas: %(kontakt)s. "
                         "Säg att det gäller Blankettguiden.", kontakt=contact)))

    st.header(t("Tillsyn"), anchor=False)
    st.markdown(escape(t("Myndigheten för digital förvaltning (Digg) har tillsyn över lagen. Om du inte är nöjd "
                         "med hur vi svarar kan du anmäla det till Digg:"))
                + f' <a href="{DIGG_URL}" dir="ltr">{DIGG_URL.removeprefix("https://www.")}</a>', unsafe_allow_html=True)

    st.header(t("Hur vi har testat"), anchor=False)
    st.markdown(escape(t("Vi testar tjänsten i en riktig webbläsare, med bara tangentbord, på svenska och arabiska "
                         "och med stor text. Verktyget axe-core kontrollerar varje sida mot WCAG 2.1 nivå AA. "
                         "Redogörelsen uppdaterades senast %(datum)s.", datum=t.date(LAST_REVIEWED))))


def _bullets(items: list[str]) -> None:
    st.markdown("\n".join(f"- {escape(i)}" for i in items))
