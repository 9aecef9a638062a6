"""A joint application for bostadstillägg walked by an invented married couple who live together,
Birgitta (78) and Sven Lindqvist (81), each with a tjänstepension; and what the PDF shows."""
from __future__ import annotations

from datetime import date
from typing import Any

from tests.testdata import make_pnr
from tests.walks import FormWalk

BIRGITTA_PNR = make_pnr(date(1948, 1, 27), 302)     # invented
SVEN_PNR = make_pnr(date(1945, 6, 9), 135)          # invented

PAGES: list[tuple[str, dict[str, Any]]] = [
    ("sokande.namn", {"sokande.fornamn": "Birgitta", "sokande.efternamn": "Lindqvist",
                      "sokande.personnummer": BIRGITTA_PNR[2:]}),
    ("sokande.adress", {"sokande.adress": "Västra Holmgatan 14", "sokande.postnummer": "553 23",
                        "sokande.postort": "Jönköping"}),
    ("sokande.kontakt", {"sokande.telefon": "036-12 34 56"}),
    ("civilstand", {"civilstand": "gift", "bor_tillsammans": True}),
    ("medsokande.namn", {"medsokande.fornamn": "Sven", "medsokande.efternamn": "Lindqvist",
                         "medsokande.personnummer": SVEN_PNR}),
    ("medsokande.kontakt", {"medsokande.telefon": "070-555 12 19"}),
    ("boende", {"boendeform": "hyresratt"}),
    ("bostadskostnad", {"hyra": "7350", "inflyttning": "1998-09-01", "boyta": "68"}),
    ("ingar", {"ingar": ["varme", "varmvatten"]}),
    ("uthyrning", {"hyr_ut": False, "andra_boende": False}),
    ("inkomster", {"har_inkomster": True}),
    ("inkomst.1", {"inkomst.1.typ": "tjanstepension", "inkomst.1.utbetalare": "Alecta", "inkomst.1.belopp": "2100",
                   "inkomst.1.vem": "sokande"}),
    ("inkomst.2", {"inkomst.2.typ": "tjanstepension", "inkomst.2.utbetalare": "KPA Pension",
                   "inkomst.2.belopp": "3 400", "inkomst.2.vem": "medsokande"}),
    ("kapital", {"kapitalinkomst": "150"}),
    ("tillgangar", {"over_100k": False}),
    ("foretradare.finns", {"foretradare.finns": False}),
    ("ovrigt", {}),
    ("underskrift", {"forsakran": True, "ort": "Jönköping"}),
]

WALK = FormWalk(
    form_id="bostadstillagg",
    walk=PAGES,
    other_language="fi",
    expected_pdf={
        "Sokande_Fornamn": "Birgitta", "Sokande_Efternamn": "Lindqvist", "Sokande_Personnummer": BIRGITTA_PNR,
        "Sokande_Adress": "Västra Holmgatan 14", "Sokande_Postnummer": "553 23", "Sokande_Postort": "Jönköping",
        "Sokande_Telefon": "036-12 34 56",
        "Civilstand": "Gift", "BorTillsammans": "Ja",
        "Medsokande_Fornamn": "Sven", "Medsokande_Efternamn": "Lindqvist", "Medsokande_Personnummer": SVEN_PNR,
        "Medsokande_Telefon": "070-555 12 19",
        "Boendeform": "Hyresratt", "Bostad_Hyra": "7 350", "Bostad_Inflyttning": "1998-09-01", "Bostad_Yta": "68",
        "Ingar_Varme": True, "Ingar_Hushallsel": False, "Ingar_Varmvatten": True, "Ingar_Garage": False,
        "Bostad_HyrUt": "Nej", "Bostad_AndraBoende": "Nej",
        "AndraInkomster": "Ja",
        "Inkomst1_Typ": "Tjänstepension", "Inkomst1_Utbetalare": "Alecta", "Inkomst1_Belopp": "2 100",
        "Inkomst1_Vem": "Sokande1",
        "Inkomst2_Typ": "Tjänstepension", "Inkomst2_Utbetalare": "KPA Pension", "Inkomst2_Belopp": "3 400",
        "Inkomst2_Vem": "Sokande2",
        "Kapitalinkomst": "150", "Tillgangar_Over100000": "Nej", "Foretradare_Finns": False,
        "Forsakran": True, "Underskrift_Ort": "Jönköping", "Underskrift_Datum": "2026-11-25",
        "Underskrift_Sokande_Namnfortydligande": "Birgitta Lindqvist",
    },
)
