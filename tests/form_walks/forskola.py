"""A preschool application prepared by an invented family: Hiwet Gebremedhin and Tesfaye Haile, both
vårdnadshavare, for their daughter Selam (1). There is no paper form: the result is a summary to bring
to the e-service, so no PDF fields are expected."""
from __future__ import annotations

from datetime import date
from typing import Any

from tests.testdata import make_pnr, days_ahead
from tests.walks import FormWalk

SELAM_PNR = make_pnr(date(2025, 6, 14), 348)      # invented
HIWET_PNR = make_pnr(date(1994, 12, 2), 662)      # invented
TESFAYE_PNR = make_pnr(date(1991, 3, 23), 577)    # invented

PAGES: list[tuple[str, dict[str, Any]]] = [
    ("barn.namn", {"barn.fornamn": "Selam", "barn.efternamn": "Haile", "barn.personnummer": SELAM_PNR}),
    ("verksamhet", {"verksamhet": "forskola"}),
    ("startdatum", {"startdatum": days_ahead(270)}),
    ("onskemal", {"forskola1": "Råslätts förskola", "forskola2": "Kålgårdens förskola"}),
    ("vistelse", {"vistelsetid": "40", "grund": "arbete"}),
    ("obekvam_tid", {"obekvam_tid": False}),
    ("syskon", {"syskon": False}),
    ("barnets_behov", {"sarskilda_behov": "Allergisk mot nötter.", "modersmal": "Tigrinja och svenska"}),
    ("vh1.namn", {"vh1.fornamn": "Hiwet", "vh1.efternamn": "Gebremedhin", "vh1.personnummer": HIWET_PNR}),
    ("vh1.adress", {"vh1.adress": "Råslättsgatan 22", "vh1.postnummer": "556 25", "vh1.postort": "Jönköping"}),
    ("vh1.kontakt", {"vh1.telefon": "072-318 40 96", "vh1.epost": "hiwet.g@example.se"}),
    ("vh1_arbete", {"vh1_sysselsattning": "arbetar", "vh1_arbetsgivare": "Region Jönköpings län"}),
    ("vardnad", {"tva_vardnadshavare": True}),
    ("vh2.namn", {"vh2.fornamn": "Tesfaye", "vh2.efternamn": "Haile", "vh2.personnummer": TESFAYE_PNR}),
    ("vh2_samma_adress", {"vh2_samma_adress": True}),
    ("vh2.kontakt", {"vh2.telefon": "0735 66 10 72"}),
    ("vh2_arbete", {"vh2_sysselsattning": "studerar", "vh2_arbetsgivare": "Jönköping University"}),
]

WALK = FormWalk(
    form_id="forskola",
    walk=PAGES,
    other_language="ti",
    expected_pdf={},
)
