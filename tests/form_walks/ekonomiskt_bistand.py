"""An application for ekonomiskt bistånd walked by an invented family: Amina Yusuf (36, permanent
residence permit), her sambo Abdirahman Hassan (39, Swedish citizen, works part time) and their two
children; and what the PDF shows."""
from __future__ import annotations

from datetime import date
from typing import Any

from tests.testdata import make_pnr
from tests.walks import FormWalk

AMINA_PNR = make_pnr(date(1990, 2, 11), 382)          # invented
ABDIRAHMAN_PNR = make_pnr(date(1987, 7, 30), 455)     # invented
ILHAN_PNR = make_pnr(date(2016, 4, 8), 126)           # invented
YUSUF_PNR = make_pnr(date(2021, 10, 21), 517)         # invented

PAGES: list[tuple[str, dict[str, Any]]] = [
    ("period", {"manad": "december", "ar": "2026"}),
    ("sokande.namn", {"sokande.fornamn": "Amina", "sokande.efternamn": "Yusuf",
                      "sokande.personnummer": AMINA_PNR.replace("-", "")}),
    ("sokande.adress", {"sokande.adress": "Öxnehagaskolans väg 3 lgh 1102", "sokande.postnummer": "56139",
                        "sokande.postort": "Huskvarna"}),
    ("sokande.kontakt", {"sokande.telefon": "076-402 18 55", "sokande.epost": "amina.yusuf@example.se"}),
    ("medborgarskap", {"svensk": False, "medborgarskap": "Somalia", "uppehallstillstand": "permanent"}),
    ("hushall", {"civilstand": "ogift", "sammanboende": True}),
    ("medsokande.namn", {"medsokande.fornamn": "Abdirahman", "medsokande.efternamn": "Hassan",
                         "medsokande.personnummer": ABDIRAHMAN_PNR}),
    ("medsokande.kontakt", {"medsokande.telefon": "0739 81 20 47"}),
    ("medsokande_medborgarskap", {"medsokande_svensk": True}),
    ("har_barn", {"har_barn": True}),
    ("barn.1", {"barn.1.namn": "Ilhan Hassan", "barn.1.personnummer": ILHAN_PNR, "barn.1.skola": True,
                "barn.1.folkbokford": True, "barn.1.vaxelvis": False}),
    ("barn.2", {"barn.2.namn": "Yusuf Hassan", "barn.2.personnummer": YUSUF_PNR, "barn.2.skola": True,
                "barn.2.folkbokford": True, "barn.2.vaxelvis": False}),
    ("umgange", {"umgangesbarn": False}),
    ("boendeform", {"boendeform": "eget_kontrakt"}),
    ("bostad", {"antal_rum": "3", "antal_vuxna": "2", "antal_barn_bostad": "2"}),
    ("kontrakt", {"hyresvard": "Vätterhem", "kontrakt_innehavare": "Amina Yusuf"}),
    ("uthyrning", {"hyr_ut": False}),
    ("sysselsattning", {"sysselsattning": ["arbetssokande", "sfi"]}),
    ("medsokande_sysselsattning", {"medsokande_sysselsattning": ["deltid"]}),
    ("ansokan_avser", {"ansokan_avser": ["forsorjningsstod", "hyra", "tandvard"]}),
    ("kostnader", {"kostnad_hyra": "8 450 kr", "kostnad_tandvard": "3200"}),
    ("inkomster", {"har_inkomst": True, "inkomster": ["bostadsbidrag", "barnbidrag"]}),
    ("inkomst_belopp", {"ink_bostadsbidrag": "1800", "ink_barnbidrag": "2650"}),
    ("medsokande_inkomster", {"medsokande_har_inkomst": True, "medsokande_inkomster": ["lon"]}),
    ("medsokande_inkomst_belopp", {"ms_ink_lon": "9 800"}),
    ("bankmedel", {"bank_sokande": "1200", "bank_medsokande": "450"}),
    ("tillgangar", {"har_tillgangar": False}),
    ("ovrigt", {"ovrigt": "Abdirahman får fler timmar från januari."}),
    ("underskrift", {"forsakran": True}),
]

WALK = FormWalk(
    form_id="ekonomiskt_bistand",
    walk=PAGES,
    other_language="so",
    expected_pdf={
        "Ansokan_Manad": "December", "Ansokan_Ar": "2026",
        "Sokande_Fornamn": "Amina", "Sokande_Efternamn": "Yusuf", "Sokande_Personnummer": AMINA_PNR,
        "Sokande_Adress": "Öxnehagaskolans väg 3 lgh 1102", "Sokande_Postnummer": "561 39",
        "Sokande_Postort": "Huskvarna", "Sokande_Telefon": "076-402 18 55", "Sokande_Epost": "amina.yusuf@example.se",
        "Sokande_SvenskMedborgare": False, "Sokande_Medborgarskap": "Somalia",
        "Sokande_Uppehallstillstand": "Permanent",
        "Civilstand": "Ogift", "Sammanboende": "Ja",
        "Medsokande_Fornamn": "Abdirahman", "Medsokande_Efternamn": "Hassan",
        "Medsokande_Personnummer": ABDIRAHMAN_PNR, "Medsokande_Telefon": "073-981 20 47",
        "Medsokande_SvenskMedborgare": True,
        "Barn1_Namn": "Ilhan Hassan", "Barn1_Personnummer": ILHAN_PNR, "Barn1_Skola": "Ja",
        "Barn1_Folkbokford": "Ja", "Barn1_Vaxelvis": "Nej",
        "Barn2_Namn": "Yusuf Hassan", "Barn2_Personnummer": YUSUF_PNR, "Barn2_Skola": "Ja",
        "Barn2_Folkbokford": "Ja", "Barn2_Vaxelvis": "Nej",
        "Umgangesbarn": "Nej",
        "Boendeform": "EgetKontrakt", "Bostad_AntalRum": "3", "Bostad_AntalVuxna": "2", "Bostad_AntalBarn": "2",
        "Bostad_Hyresvard": "Vätterhem", "Bostad_Kontraktsinnehavare": "Amina Yusuf", "Bostad_HyrUt": "Nej",
        "Sokande_Syss_Arbetssokande": True, "Sokande_Syss_SFI": True, "Sokande_Syss_Heltid": False,
        "Sokande_Syss_Deltid": False, "Sokande_Syss_Studier": False, "Sokande_Syss_Sjukskriven": False,
        "Sokande_Syss_Foraldraledig": False, "Sokande_Syss_Annat": False,
        "Medsokande_Syss_Arbetssokande": False, "Medsokande_Syss_SFI": False, "Medsokande_Syss_Heltid": False,
        "Medsokande_Syss_Deltid": True, "Medsokande_Syss_Studier": False, "Medsokande_Syss_Sjukskriven": False,
        "Medsokande_Syss_Foraldraledig": False, "Medsokande_Syss_Annat": False,
        "Soker_Forsorjningsstod": True, "Soker_Hyra": True, "Soker_El": False, "Soker_Hemforsakring": False,
        "Soker_Fackavgift": False, "Soker_Arbetsresor": False, "Soker_Medicin": False, "Soker_Lakarvard": False,
        "Soker_Tandvard": True, "Soker_Glasogon": False, "Soker_Annat": False,
        "Kostnad_Hyra": "8 450", "Kostnad_Tandvard": "3 200",
        "Sokande_IngaInkomster": False, "Inkomst_Bostadsbidrag_Sokande": "1 800", "Inkomst_Barnbidrag_Sokande": "2 650",
        "Medsokande_IngaInkomster": False, "Inkomst_Lon_Medsokande": "9 800",
        "Bankmedel_Sokande": "1 200", "Bankmedel_Medsokande": "450", "Tillgangar": "Nej",
        "Tillgang_Fordon": False, "Tillgang_Fastighet": False, "Tillgang_Vardepapper": False,
        "Tillgang_Foretag": False, "Tillgang_Annat": False,
        "Ovrigt": "Abdirahman får fler timmar från januari.",
        "Forsakran": True, "Underskrift_Ort": "Jönköping", "Underskrift_Datum": "2026-11-25",
        "Underskrift_Sokande_Namnfortydligande": "Amina Yusuf",
        "Underskrift_Medsokande_Namnfortydligande": "Abdirahman Hassan",
    },
)
