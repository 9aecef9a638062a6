"""A first application for färdtjänst walked by an invented visitor, Hodan Warsame (54), who has MS and uses a
rollator; she wants a Somali interpreter. Phone numbers are from PTS's range for fiction."""
from __future__ import annotations

from datetime import date
from typing import Any

from tests.testdata import make_pnr
from tests.walks import FormWalk

HODAN_PNR = make_pnr(date(1972, 4, 17), 368)     # invented

PAGES: list[tuple[str, dict[str, Any]]] = [
    ("arende", {"arende": "fardtjanst"}),
    ("ansokan_avser", {"ansokan_avser": "ny"}),
    ("sokande.namn", {"sokande.fornamn": "Hodan", "sokande.efternamn": "Warsame",
                      "sokande.personnummer": HODAN_PNR}),
    ("sokande.adress", {"sokande.adress": "Råslättsgatan 14", "sokande.postnummer": "55623",
                        "sokande.postort": "Jönköping"}),
    ("sokande.kontakt", {"sokande.telefon": "070-174 06 20", "sokande.epost": "hodan.warsame@example.se"}),
    ("kontaktperson.kontaktperson", {"kontaktperson.finns": True, "kontaktperson.namn": "Abdi Warsame",
                                     "kontaktperson.relation": "Son", "kontaktperson.telefon": "070-174 06 21"}),
    ("tolk.tolk", {"tolk.behovs": True, "tolk.sprak": "Somaliska"}),
    ("funktionsnedsattning", {"diagnos": "MS (multipel skleros). Trötthet och dålig balans.",
                              "debut": "2015"}),
    ("varaktighet", {"varaktighet": "bestaende"}),
    ("forflyttning", {"forflyttning": "Jag går med rollator och måste vila efter en kort bit.",
                      "gangstracka": "100", "vader": "På snö och is kan jag inte gå ute alls."}),
    ("kollektivtrafik", {"kollektivtrafik": "Jag orkar inte gå till hållplatsen och kan inte stå upp när bussen kör."}),
    ("fardsatt", {"fardsatt": ["skjuts", "taxi"]}),
    ("hjalpmedel", {"hjalpmedel": ["rollator"]}),
    ("ledsagare", {"ledsagare": False}),
    ("villkor", {"villkor": ["framsate"], "villkor_varfor": "Jag får yrsel när jag sitter bak."}),
    ("annan_betalar", {"annan_betalar": False}),
    ("foretradare.finns", {"foretradare.finns": False}),
    ("samtycke", {"samtycke": True}),
    ("underskrift", {"forsakran": True}),
]

WALK = FormWalk(
    form_id="fardtjanst",
    walk=PAGES,
    other_language="so",
    expected_pdf={
        "Ansokan_Typ": "Fardtjanst", "Fardtjanst_Avser": "Ny",
        "Sokande_Fornamn": "Hodan", "Sokande_Efternamn": "Warsame", "Sokande_Personnummer": HODAN_PNR,
        "Sokande_Adress": "Råslättsgatan 14", "Sokande_Postnummer": "556 23", "Sokande_Postort": "Jönköping",
        "Sokande_Telefon": "070-174 06 20", "Sokande_Epost": "hodan.warsame@example.se",
        "Kontaktperson_Namn": "Abdi Warsame", "Kontaktperson_Relation": "Son",
        "Kontaktperson_Telefon": "070-174 06 21",
        "Tolk_Behovs": "Ja", "Tolk_Sprak": "Somaliska", "Tolk_Teckensprak": False,
        "Funktion_Diagnos": "MS (multipel skleros). Trötthet och dålig balans.", "Funktion_Debut": "2015",
        "Funktion_Varaktighet": "Bestaende",
        "Forflyttning_Beskrivning": "Jag går med rollator och måste vila efter en kort bit.",
        "Forflyttning_Gangstracka": "100",
        "Forflyttning_Vader": "På snö och is kan jag inte gå ute alls.",
        "Fardsatt_Skjuts": True, "Fardsatt_Taxi": True, "Fardsatt_EgenBil": False, "Fardsatt_BussTag": False,
        "Hjalpmedel_Rollator": True, "Hjalpmedel_Elrullstol": False, "Hjalpmedel_Inga": False,
        "Ledsagare_Behov": "Nej",
        "Villkor_Framsate": True, "Villkor_Ensamakning": False, "Villkor_Motivering": "Jag får yrsel när jag sitter bak.",
        "AnnanBetalar": "Nej", "Foretradare_Finns": False, "Samtycke": "Ja", "Forsakran": True,
        "Underskrift_Ort": "Jönköping", "Underskrift_Datum": "2026-11-25",
        "Underskrift_Namnfortydligande": "Hodan Warsame",
    },
)
