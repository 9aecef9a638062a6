"""A fullmakt walked by an invented visitor, Leila Haddad (68), who lets her son Omar handle one errand
with the municipality until a given date; and what the PDF shows."""
from __future__ import annotations

from datetime import date
from typing import Any

from tests.testdata import make_pnr, days_ahead
from tests.walks import FormWalk

LEILA_PNR = make_pnr(date(1958, 5, 19), 624)     # invented
OMAR_PNR = make_pnr(date(1986, 9, 3), 271)       # invented

VALID_UNTIL = days_ahead(700)

PAGES: list[tuple[str, dict[str, Any]]] = [
    ("fullmaktsgivare.namn", {"fullmaktsgivare.fornamn": "Leila", "fullmaktsgivare.efternamn": "Haddad",
                              "fullmaktsgivare.personnummer": LEILA_PNR[2:]}),
    ("fullmaktsgivare.adress", {"fullmaktsgivare.adress": "Råslättsvägen 41", "fullmaktsgivare.postnummer": "556 12",
                                "fullmaktsgivare.postort": "Jönköping"}),
    ("fullmaktsgivare.kontakt", {"fullmaktsgivare.telefon": "073-561 22 40"}),
    ("ombud.namn", {"ombud.fornamn": "Omar", "ombud.efternamn": "Haddad", "ombud.personnummer": OMAR_PNR}),
    ("ombud.adress", {"ombud.adress": "Kungsgatan 5", "ombud.co": "Lind", "ombud.postnummer": "55332",
                      "ombud.postort": "Jönköping"}),
    ("ombud.kontakt", {"ombud.telefon": "0701112233", "ombud.epost": "omar.haddad@example.se"}),
    ("relation", {"ombud_relation": "Son"}),
    ("omfattning", {"omfattning": "visst_arende"}),
    ("arende", {"myndighet": "Jönköpings kommun, socialtjänsten",
                "arende": "Ansökan om bistånd, hemtjänst"}),
    ("befogenheter", {"befogenheter": ["sekretess", "delgivning"]}),
    ("giltighet", {"giltighet": "datum", "giltig_tom": VALID_UNTIL}),
    ("underskrift", {"ort": "Jönköping"}),
]

WALK = FormWalk(
    form_id="fullmakt",
    walk=PAGES,
    other_language="fa",
    expected_pdf={
        "Fullmaktsgivare_Fornamn": "Leila", "Fullmaktsgivare_Efternamn": "Haddad",
        "Fullmaktsgivare_Personnummer": LEILA_PNR, "Fullmaktsgivare_Adress": "Råslättsvägen 41",
        "Fullmaktsgivare_Postnummer": "556 12", "Fullmaktsgivare_Postort": "Jönköping",
        "Fullmaktsgivare_Telefon": "073-561 22 40",
        "Ombud_Fornamn": "Omar", "Ombud_Efternamn": "Haddad", "Ombud_Personnummer": OMAR_PNR,
        "Ombud_Adress": "Kungsgatan 5", "Ombud_CO": "Lind", "Ombud_Postnummer": "553 32",
        "Ombud_Postort": "Jönköping", "Ombud_Telefon": "070-111 22 33", "Ombud_Epost": "omar.haddad@example.se",
        "Ombud_Relation": "Son",
        "Omfattning": "VisstArende",
        "Omfattning_Myndighetsnamn": "Jönköpings kommun, socialtjänsten",
        "Omfattning_Arende": "Ansökan om bistånd, hemtjänst",
        "Befogenhet_Sekretess": True, "Befogenhet_Delgivning": True, "Befogenhet_Overklaga": False,
        "Befogenhet_Substitution": False,
        "Giltighet": "Datum",
        "Giltig_Tom": VALID_UNTIL,
        "Underskrift_Ort": "Jönköping", "Underskrift_Datum": "2026-11-25",
        "Underskrift_Namnfortydligande": "Leila Haddad", "Ombud_Namnfortydligande": "Omar Haddad",
    },
)
