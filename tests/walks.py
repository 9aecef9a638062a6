"""Realistic answers for walking a form page by page, shared by the AppTest walks and the PDF tests.

A walk is a list of (page id, answers on that page) in the order the wizard shows the pages.
"""
from __future__ import annotations

from typing import Any

from streamlit.testing.v1 import AppTest

from assistant.model import Form
from tests.testdata import ASA_PNR, MAKE_PNR

ALDREOMSORG_WALK: list[tuple[str, dict[str, Any]]] = [
    ("insatser", {"insatser": ["hemtjanst_service", "sarskilt_boende"]}),
    ("startdatum", {"startdatum": "2027-01-15"}),
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


def walk_answers(walk: list[tuple[str, dict[str, Any]]]) -> dict[str, Any]:
    answers: dict[str, Any] = {}
    for _, values in walk:
        answers.update(values)
    return answers


def set_answer(at: AppTest, form: Form, field_id: str, value: Any) -> None:
    """Put one answer into its widget the way a visitor would."""
    field = form.field(field_id)
    key = f"q:{field_id}"
    if field.type == "multi":
        for option in field.options:
            at.checkbox(key=f"{key}:{option.value}").set_value(option.value in value)
    elif field.type == "confirm":
        at.checkbox(key=key).set_value(bool(value))
    elif field.type in ("choice", "yesno"):
        at.radio(key=key).set_value(value)
    elif field.type == "multiline":
        at.text_area(key=key).input(value)
    else:
        at.text_input(key=key).input(value)


def fill_page(at: AppTest, form: Form, values: dict[str, Any]) -> None:
    """Fill a page; a field that appears only after an earlier answer gets a rerun first."""
    for field_id, value in values.items():
        try:
            set_answer(at, form, field_id, value)
        except KeyError:
            at.run()
            set_answer(at, form, field_id, value)


def current_page_title(at: AppTest) -> str:
    return at.title[0].value
