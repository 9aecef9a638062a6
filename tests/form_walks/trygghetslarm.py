"""The safety-alarm application walked by an invented couple, Aino Lindqvist (78) and her husband Bertil (80),
who both want an alarm; Aino needs a Finnish interpreter. Phone numbers are from PTS's range for fiction."""
from __future__ import annotations

from datetime import date
from typing import Any

from tests.testdata import make_pnr
from tests.walks import FormWalk

AINO_PNR = make_pnr(date(1948, 6, 9), 246)       # invented
BERTIL_PNR = make_pnr(date(1946, 2, 21), 153)    # invented

PAGES: list[tuple[str, dict[str, Any]]] = [
    ("alder", {"alder_65": True}),
    ("sokande.namn", {"sokande.fornamn": "Aino", "sokande.efternamn": "Lindqvist",
                      "sokande.personnummer": AINO_PNR}),
    ("sokande.adress", {"sokande.adress": "Klostergatan 7", "sokande.postnummer": "553 24",
                        "sokande.postort": "Jönköping"}),
    ("sokande.kontakt", {"sokande.telefon": "036-390 06 00"}),
    ("hitta_hem", {"portkod": "4711", "lagenhetsnummer": "1203", "vaning": "2"}),
    ("hushall", {"bor_ensam": False}),
    ("medsokande", {"medsokande_finns": True}),
    ("medsokande.namn", {"medsokande.fornamn": "Bertil", "medsokande.efternamn": "Lindqvist",
                         "medsokande.personnummer": BERTIL_PNR.replace("-", "")}),
    ("nycklar", {"nycklar_antal": "2", "tagg": True, "extralas": False}),
    ("halsa", {"halsa": "Bertil har diabetes. Jag hör dåligt på vänster öra."}),
    ("hemtjanst", {"har_hemtjanst": True, "hemtjanst_utforare": "Hemtjänsten Öster"}),
    ("larmkontakt1.kontaktperson", {"larmkontakt1.finns": True, "larmkontakt1.namn": "Sanna Lindqvist",
                                    "larmkontakt1.relation": "Dotter", "larmkontakt1.telefon": "0701740610"}),
    ("larmkontakt2.kontaktperson", {"larmkontakt2.finns": True, "larmkontakt2.namn": "Olof Berg",
                                    "larmkontakt2.relation": "Granne", "larmkontakt2.telefon": "070-174 06 11"}),
    ("kontakt_nycklar", {"larmkontakt1_nyckel": True, "larmkontakt2_nyckel": False}),
    ("foretradare.finns", {"foretradare.finns": False}),
    ("tolk.tolk", {"tolk.behovs": True, "tolk.sprak": "Finska"}),
    ("samtycke", {"samtycke": ["hemtjanst", "anhorig"]}),
    ("underskrift", {"forsakran": True}),
]

WALK = FormWalk(
    form_id="trygghetslarm",
    walk=PAGES,
    other_language="fi",
    expected_pdf={
        "Sokande_Fornamn": "Aino", "Sokande_Efternamn": "Lindqvist", "Sokande_Personnummer": AINO_PNR,
        "Sokande_Adress": "Klostergatan 7", "Sokande_Postnummer": "553 24", "Sokande_Postort": "Jönköping",
        "Sokande_Telefon": "036-390 06 00", "Sokande_Portkod": "4711", "Sokande_Lagenhetsnummer": "1203",
        "Sokande_Vaning": "2",
        "BorEnsam": "Nej", "Medsokande_Finns": True,
        "Medsokande_Fornamn": "Bertil", "Medsokande_Efternamn": "Lindqvist", "Medsokande_Personnummer": BERTIL_PNR,
        "Larm_Nycklar_Antal": "2", "Larm_Tagg": "Ja", "Larm_Extralas": "Nej",
        "Larm_Halsa": "Bertil har diabetes. Jag hör dåligt på vänster öra.",
        "Hemtjanst": "Ja", "Hemtjanst_Utforare": "Hemtjänsten Öster",
        "Kontakt1_Namn": "Sanna Lindqvist", "Kontakt1_Relation": "Dotter", "Kontakt1_Telefon": "070-174 06 10",
        "Kontakt1_Nyckel": "Ja",
        "Kontakt2_Namn": "Olof Berg", "Kontakt2_Relation": "Granne", "Kontakt2_Telefon": "070-174 06 11",
        "Kontakt2_Nyckel": "Nej",
        "Foretradare_Finns": False, "Tolk_Behovs": "Ja", "Tolk_Sprak": "Finska", "Tolk_Teckensprak": False,
        "Samtycke_Hemtjanst": True, "Samtycke_Anhorig": True, "Samtycke_Vardcentral": False,
        "Samtycke_GodMan": False, "Forsakran": True,
        "Underskrift_Ort": "Jönköping", "Underskrift_Datum": "2026-11-25",
        "Underskrift_Namnfortydligande": "Aino Lindqvist",
        "Underskrift_Medsokande_Namnfortydligande": "Bertil Lindqvist",
    },
)
