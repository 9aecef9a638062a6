"""A disabled parking permit walked by an invented driver, Farid Rahimi (67), who has had a permit before and
signs the card himself; he reads Dari. The läkarintyg stays blank for his physician. Phone numbers are from
PTS's range for fiction."""
from __future__ import annotations

from datetime import date
from typing import Any

from tests.testdata import make_pnr
from tests.walks import FormWalk

FARID_PNR = make_pnr(date(1959, 11, 2), 335)     # invented

# Left for the pen: the card signature, the applicant's signature and the physician's whole läkarintyg.
# False in expected_pdf means the field stays empty.
FOR_THE_PEN = ["Kort_Namnteckning", "Underskrift_Namnteckning", "Lakare_Diagnos", "Lakare_Beskrivning",
               "Lakare_Gangstracka", "Lakare_Hjalpmedel", "Lakare_Varaktighet", "Lakare_Tillsyn", "Lakare_KandSedan",
               "Lakare_Undersokningsdatum", "Lakare_Namn", "Lakare_Befattning", "Lakare_Arbetsplats",
               "Lakare_Telefon", "Lakare_OrtDatum", "Lakare_Namnteckning"]

PAGES: list[tuple[str, dict[str, Any]]] = [
    ("tillstand_for", {"tillstand_for": "forare"}),
    ("sokande.namn", {"sokande.fornamn": "Farid", "sokande.efternamn": "Rahimi",
                      "sokande.personnummer": FARID_PNR[2:]}),
    ("sokande.adress", {"sokande.adress": "Bäckalyckevägen 21", "sokande.postnummer": "554 65",
                        "sokande.postort": "Jönköping"}),
    ("sokande.kontakt", {"sokande.telefon": "+46 70 174 06 50"}),
    ("tidigare", {"tidigare": True, "tidigare_nummer": "0642-2021"}),
    ("foretradare.finns", {"foretradare.finns": False}),
    ("namnteckning_kort", {"namnteckning_kort": "ja"}),
    ("underskrift", {"forsakran": True, "ort": "Huskvarna"}),
]

WALK = FormWalk(
    form_id="parkeringstillstand",
    walk=PAGES,
    other_language="fa",
    expected_pdf={
        "Tillstand_Typ": "Forare",
        "Sokande_Fornamn": "Farid", "Sokande_Efternamn": "Rahimi", "Sokande_Personnummer": FARID_PNR,
        "Sokande_Adress": "Bäckalyckevägen 21", "Sokande_Postnummer": "554 65", "Sokande_Postort": "Jönköping",
        "Sokande_Telefon": "070-174 06 50",
        "Tidigare_Tillstand": "Ja", "Tidigare_Tillstandsnummer": "0642-2021",
        "Foretradare_Finns": False, "Kort_EjSkrivkunnig": False, "Kort_KanEjUnderteckna": False,
        "Forsakran": True, "Underskrift_Ort": "Huskvarna", "Underskrift_Datum": "2026-11-25",
        "Underskrift_Namnfortydligande": "Farid Rahimi",
        "Lakarintyg_Patient_Namn": "Farid Rahimi", "Lakarintyg_Patient_Personnummer": FARID_PNR,
        **{name: False for name in FOR_THE_PEN},
    },
)
