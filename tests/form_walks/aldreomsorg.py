"""The service-housing application walked by an invented visitor, Åsa Öberg (81), and what the PDF shows."""
from __future__ import annotations

from typing import Any

from tests.testdata import ASA_PNR, MAKE_PNR, days_ahead
from tests.walks import FormWalk

START = days_ahead(60)

BY_TOPIC: list[tuple[str, dict[str, Any]]] = [
    ("insatser", {"insatser": ["hemtjanst_service", "sarskilt_boende"]}),
    ("startdatum", {"startdatum": START}),
    ("sokande.namn", {"sokande.fornamn": "Åsa", "sokande.efternamn": "Öberg",
                      "sokande.personnummer": ASA_PNR[:8] + " " + ASA_PNR[9:]}),
    ("sokande.adress", {"sokande.adress": "Storgatan 12 B", "sokande.postnummer": "55315",
                        "sokande.postort": "Jönköping"}),
    ("sokande.kontakt", {"sokande.telefon": "070-123 45 67", "sokande.epost": "asa.oberg@example.se"}),
    ("hushall", {"civilstand": "gift", "bor_ensam": False}),
    ("parboende", {"parboende": True}),
    ("make.namn", {"make.fornamn": "Göran", "make.efternamn": "Öberg", "make.personnummer": MAKE_PNR}),
    ("boende", {"boendeform": "hyresratt", "vaning": "3", "hiss": True}),
    ("hjalp_idag", {"har_hjalp": True, "hjalp_idag": "Hemtjänst två gånger i veckan. Dottern handlar."}),
    ("behov", {"behov": "Jag har svårt att gå i trappor och har fallit två gånger i år. Jag klarar inte dusch själv."}),
    ("halsa", {"sjukdom": "Artros i knäna", "hjalpmedel": ["rollator"], "vardcentral": "Vårdcentralen Öxnehaga"}),
    ("onskat_boende", {"onskat_boende": "Ekbacken"}),
    ("foretradare.finns", {"foretradare.finns": False}),
    ("kontaktperson.kontaktperson", {"kontaktperson.finns": True, "kontaktperson.namn": "Karin Öberg",
                                     "kontaktperson.relation": "Dotter", "kontaktperson.telefon": "0701234568"}),
    ("tolk.tolk", {"tolk.behovs": False}),
    ("samtycke", {"samtycke": ["vardcentral", "hemtjanst"]}),
    ("underskrift", {"forsakran": True}),
]



WALK = FormWalk(
    form_id="aldreomsorg",
    walk=BY_TOPIC,
    other_language="ar",
    expected_pdf={
        "Insats_Hemtjanst_Service": True, "Insats_SarskiltBoende": True, "Insats_Trygghetslarm": False,
        "Onskat_Startdatum": START,
        "Sokande_Fornamn": "Åsa", "Sokande_Efternamn": "Öberg", "Sokande_Personnummer": ASA_PNR,
        "Sokande_Adress": "Storgatan 12 B", "Sokande_Postnummer": "553 15", "Sokande_Postort": "Jönköping",
        "Sokande_Telefon": "070-123 45 67", "Sokande_Epost": "asa.oberg@example.se",
        "Civilstand": "Gift", "BorEnsam": "Nej", "Parboende": True,
        "Make_Fornamn": "Göran", "Make_Personnummer": MAKE_PNR,
        "Boendeform": "Hyresratt", "Vaning": "3", "Hiss": "Ja", "HarHjalpIdag": "Ja",
        "Halsa_Vardcentral": "Vårdcentralen Öxnehaga", "Hjalpmedel_Rollator": True, "Hjalpmedel_Kapp": False,
        "Onskemal_Boende": "Ekbacken", "Foretradare_Finns": False, "Kontaktperson_Namn": "Karin Öberg",
        "Kontaktperson_Telefon": "070-123 45 68", "Tolk_Behovs": "Nej",
        "Samtycke_Vardcentral": True, "Samtycke_Sjukhus": False, "Forsakran": True,
        "Underskrift_Ort": "Jönköping", "Underskrift_Namnfortydligande": "Åsa Öberg",
    },
)

# Page by page, as the wizard asks: the questions, "Kontrollera dina svar", the declaration (it creates the form).
PAGES = WALK.walk
