"""A housing-adaptation grant walked by an invented mother, Olena Kovalenko (41), for her son Taras (10), who has
cerebral pares and a manual wheelchair: grab rails, thresholds, a shower instead of the bath and a ramp at the
entrance of their rented flat. Phone numbers are from PTS's range for fiction."""
from __future__ import annotations

from datetime import date
from typing import Any

from tests.testdata import make_pnr
from tests.walks import FormWalk

OLENA_PNR = make_pnr(date(1985, 9, 30), 284)     # invented
TARAS_PNR = make_pnr(date(2016, 3, 8), 417)      # invented

PAGES: list[tuple[str, dict[str, Any]]] = [
    ("sokande.namn", {"sokande.fornamn": "Olena", "sokande.efternamn": "Kovalenko",
                      "sokande.personnummer": OLENA_PNR}),
    ("sokande.adress", {"sokande.adress": "Öxnehagaplan 9", "sokande.co": "",
                        "sokande.postnummer": "561 51", "sokande.postort": "Huskvarna"}),
    ("sokande.kontakt", {"sokande.telefon": "070-174 06 40", "sokande.epost": "olena.k@example.se"}),
    ("galler", {"galler_sokande": False}),
    ("fn.namn", {"fn.fornamn": "Taras", "fn.efternamn": "Kovalenko", "fn.personnummer": TARAS_PNR}),
    ("foretradare.finns", {"foretradare.finns": False}),
    ("kontaktperson.kontaktperson", {"kontaktperson.finns": False}),
    ("funktionsnedsattning", {"funktionsnedsattning": "Cerebral pares. Taras kan inte gå själv.",
                              "hjalpmedel": ["manuell_rullstol"]}),
    ("bostaden", {"hustyp": "flerbostadshus", "upplatelse": "hyresratt"}),
    ("agare", {"fastighetsagare": "Fastighets AB Exempelhus"}),
    ("huset", {"fastighetsbeteckning": "", "byggnadsar": "1968", "portkod": "2580"}),
    ("bostad_rum", {"inflyttningsar": "2023", "antal_rum": "3", "utrymmen": ["kok", "badrum"],
                    "antal_boende": "3"}),
    ("atgardstyp", {"atgardstyp": ["enkla", "ovriga"]}),
    ("handtag", {"handtag_badrum_30": "", "handtag_badrum_60": "2", "handtag_ovrigt_30": "1",
                 "handtag_ovrigt_60": ""}),
    ("trosklar", {"troskel_badrum": "1", "troskel_ovrigt": "3"}),
    ("atgard_plats", {"atgard_plats": ["i_bostaden", "utanfor"]}),
    ("atgarder", {"atgard_i_bostaden": "Byta badkaret mot en dusch med duschstol.",
                  "atgard_utanfor": "Ramp vid entrén, tre trappsteg."}),
    ("bilagor", {"bilagor": ["intyg", "medgivande"]}),
    ("underskrift", {"forsakran": True}),
]

WALK = FormWalk(
    form_id="bostadsanpassning",
    walk=PAGES,
    other_language="uk",
    expected_pdf={
        "Sokande_Fornamn": "Olena", "Sokande_Efternamn": "Kovalenko", "Sokande_Personnummer": OLENA_PNR,
        "Sokande_Adress": "Öxnehagaplan 9", "Sokande_Postnummer": "561 51", "Sokande_Postort": "Huskvarna",
        "Sokande_Telefon": "070-174 06 40", "Sokande_Epost": "olena.k@example.se", "Sokande_Portkod": "2580",
        "FN_Fornamn": "Taras", "FN_Efternamn": "Kovalenko", "FN_Personnummer": TARAS_PNR,
        "Foretradare_Finns": False,
        "Funktionsnedsattning": "Cerebral pares. Taras kan inte gå själv.",
        "Hjalpmedel_ManuellRullstol": True, "Hjalpmedel_Elrullstol": False,
        "Hustyp": "Flerbostadshus", "Upplatelseform": "Hyresratt", "Fastighetsagare": "Fastighets AB Exempelhus",
        "Bostad_Byggnadsar": "1968", "Bostad_Inflyttningsar": "2023", "Bostad_AntalRum": "3",
        "Bostad_AntalBoende": "3", "Bostad_Kok": True, "Bostad_Badrum": True, "Bostad_Duschrum": False,
        "Handtag_Badrum_60": "2", "Handtag_Ovrigt_30": "1", "Troskel_Badrum": "1", "Troskel_Ovrigt": "3",
        "Atgard_IBostaden": "Byta badkaret mot en dusch med duschstol.",
        "Atgard_Utanfor": "Ramp vid entrén, tre trappsteg.",
        "Bilaga_Intyg": True, "Bilaga_Medgivande": True, "Bilaga_Offert": False, "Bilaga_Annat": False,
        "Forsakran": True, "Underskrift_Ort": "Jönköping", "Underskrift_Datum": "2026-11-25",
        "Underskrift_Namnfortydligande": "Olena Kovalenko",
    },
)
