"""Filling real-world kinds of forms, checked by what prints: pdftotext, Ghostscript, MuPDF, pixels."""
from __future__ import annotations

import shutil
import subprocess
import unicodedata
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from assistant.definition.errors import FormError
from assistant.pdf.fill import BilagaInfo, fill_pdf, plan_overflow
from assistant.pdf.inspect import read_fields
from assistant.pdf.render import render_png_pages
from tests.pdf.fixtures import Spec, big_form, broken_xref, encrypted, make_form, no_fields, pure_xfa

ROOT = Path(__file__).resolve().parents[2]
ALDRE = (ROOT / "forms/aldreomsorg/ansokan-aldreomsorg.pdf").read_bytes()
BILAGA = BilagaInfo("Ansökan om bistånd – äldreomsorg", "Åsa Öberg", "19450312-1234",
                    {"Behov_Beskrivning": "Vad behöver du hjälp med, och varför?"})
NAMES = {
    "Sokande_Fornamn": "Åsa Öberg",
    "Sokande_Efternamn": "Łukasz Wójcik-Ćwikła",
    "Sokande_Adress": "Nguyễn Thị Hồng",
    "Sokande_CO": "محمد أحمد",
    "Sokande_Postort": "Иван",
    "Sokande_Epost": "ሰላም",
    "Sokande_Telefon": "Çağrı Öztürk",
}


def words(text: str) -> str:
    """Normalised for comparison: Arabic presentation forms folded, whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def pdftotext(pdf: bytes, *options: str) -> str:
    return subprocess.run(["pdftotext", *options, "-", "-"], input=pdf, capture_output=True, check=True).stdout.decode()


def mutool_text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "print.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["mutool", "draw", "-q", "-F", "txt", "-o", "-", str(path)],
                          capture_output=True, check=True).stdout.decode()


def page_png(renderer: str, pdf: bytes, tmp_path: Path, dpi: int = 100) -> bytes:
    """Page 1 as PNG from poppler, Ghostscript or MuPDF."""
    if renderer == "poppler":
        return render_png_pages(pdf, dpi=dpi, last=1)[0]
    if not shutil.which("gs") or not shutil.which("mutool"):
        pytest.skip("ghostscript and mupdf-tools are test dependencies (scripts/setup.sh test)")
    path = tmp_path / "form.pdf"
    path.write_bytes(pdf)
    cmd = {"gs": ["gs", "-q", "-sDEVICE=pnggray", f"-r{dpi}", "-dFirstPage=1", "-dLastPage=1", "-o", "-", str(path)],
           "mupdf": ["mutool", "draw", "-q", "-F", "png", "-r", str(dpi), "-o", "-", str(path), "1"]}[renderer]
    return subprocess.run(cmd, capture_output=True, check=True).stdout


@pytest.fixture(scope="module")
def names_filled() -> bytes:
    return fill_pdf(ALDRE, NAMES | {"Civilstand": "Gift", "Insats_SarskiltBoende": True}, bilaga=BILAGA)


def test_every_script_prints_in_poppler(names_filled) -> None:
    text = words(pdftotext(names_filled.print_pdf))
    for name in NAMES.values():
        assert words(name) in text or words(name[::-1]) in text, name


def test_every_script_prints_in_mupdf(names_filled, tmp_path) -> None:
    if not shutil.which("mutool"):
        pytest.skip("mupdf-tools is a test dependency (scripts/setup.sh test)")
    text = words(mutool_text(names_filled.print_pdf, tmp_path))
    for name in NAMES.values():
        assert words(name) in text or words(name[::-1]) in text, name


@pytest.mark.parametrize("renderer", ["poppler", "gs", "mupdf"])
def test_every_value_inks_its_field_in_every_renderer(names_filled, renderer, tmp_path) -> None:
    """Ghostscript's text extraction cannot read WeasyPrint's fonts, so compare rendered pixels."""
    fields = read_fields(ALDRE)
    blank = page_png(renderer, ALDRE, tmp_path)
    filled = page_png(renderer, names_filled.print_pdf, tmp_path)
    for name in [*NAMES, "Insats_SarskiltBoende", "Civilstand"]:
        box = _pixel_box(fields[name].rects[1 if name == "Civilstand" else 0], 100)
        assert _dark_pixels(filled, box) > _dark_pixels(blank, box) + 15, name


def test_print_version_is_flat_and_fillable_copy_keeps_values(names_filled) -> None:
    assert PdfReader(BytesIO(names_filled.print_pdf)).get_fields() in (None, {})
    fields = PdfReader(BytesIO(names_filled.fillable_pdf)).get_fields()
    assert fields["Sokande_CO"]["/V"] == "محمد أحمد"
    assert fields["Civilstand"]["/V"] == "/Gift"
    assert fields["Insats_SarskiltBoende"]["/V"] == "/Ja"


def _dark_pixels(png: bytes, box: tuple[int, int, int, int]) -> int:
    from PIL import Image

    image = Image.open(BytesIO(png)).convert("L").crop(box)
    return sum(1 for v in image.tobytes() if v < 100)


def _pixel_box(rect: tuple[float, float, float, float], dpi: int, page_h: float = 842.0) -> tuple[int, int, int, int]:
    k = dpi / 72
    x1, y1, x2, y2 = rect
    return int(x1 * k), int((page_h - y2) * k), int(x2 * k), int((page_h - y1) * k)


def test_arabic_and_a_ticked_checkbox_show_on_the_rendered_page(names_filled) -> None:
    fields = read_fields(ALDRE)
    blank, filled = render_png_pages(ALDRE, dpi=100, last=1)[0], render_png_pages(names_filled.print_pdf, dpi=100, last=1)[0]
    for name in ("Sokande_CO", "Insats_SarskiltBoende"):
        box = _pixel_box(fields[name].rects[0], 100)
        assert _dark_pixels(filled, box) > _dark_pixels(blank, box) + 15, name
    unticked = _pixel_box(fields["Insats_Trygghetslarm"].rects[0], 100)
    assert _dark_pixels(filled, unticked) == _dark_pixels(blank, unticked)


def test_long_text_goes_to_a_labelled_bilaga_and_the_field_says_so() -> None:
    long = "Jag behöver hjälp med dusch och trappor. " * 80
    values = {"Behov_Beskrivning": long, "Sokande_Fornamn": "Åsa"}
    assert [c.field_name for c in plan_overflow(ALDRE, values)] == ["Behov_Beskrivning"]
    result = fill_pdf(ALDRE, values, bilaga=BILAGA)
    assert [(c.number, c.label) for c in result.continued] == [(1, "Vad behöver du hjälp med, och varför?")]
    text = pdftotext(result.print_pdf)
    assert "Se bilaga 1" in text
    assert "Bilaga 1: Vad behöver du hjälp med, och varför?" in text
    assert "Bilaga till Ansökan om bistånd – äldreomsorg" in text and "19450312-1234" in text
    assert words(text).count("dusch och trappor") == 80
    assert len(PdfReader(BytesIO(result.print_pdf)).pages) > 3


def test_a_value_that_fits_by_shrinking_is_not_sent_to_the_bilaga() -> None:
    values = {"Sokande_Adress": "Storgatan 12 B, lägenhet 1104, trappa 3, porten mot gården"}
    assert plan_overflow(ALDRE, values) == []
    assert words(values["Sokande_Adress"]) in words(pdftotext(fill_pdf(ALDRE, values, bilaga=BILAGA).print_pdf))


def test_every_kind_of_field() -> None:
    pdf = make_form([
        Spec("namn", rects=[(0, 72, 700, 200, 18), (1, 72, 700, 200, 18)]),
        Spec("pnr", flags=1 << 24, max_len=10, rects=[(0, 72, 650, 200, 18)]),
        Spec("kryss", "checkbox", [(0, 72, 600, 12, 12)], states=("Val1",)),
        Spec("farg", "radio", [(0, 72, 560, 12, 12), (0, 100, 560, 12, 12)], states=("rod", "bla"), kids_have_t=True),
        Spec("sprak", "combo", [(0, 72, 520, 150, 18)], options=(("en", "English"), ("sv", "Svenska"))),
        Spec("lista", "list", [(0, 72, 440, 150, 50)], options=(("a", "Alfa"), ("b", "Beta"))),
        Spec("dold", rects=[(0, 72, 400, 200, 18)], widget_flags=2),
    ], pages=2)
    fields = read_fields(pdf)
    assert fields["farg"].kind == "radio" and fields["farg"].on_states == ("rod", "bla")
    assert fields["pnr"].comb and fields["pnr"].max_len == 10 and fields["dold"].hidden
    assert fields["namn"].pages == (1, 2)
    result = fill_pdf(pdf, {"namn": "Åsa Öberg", "pnr": "450312-1234", "kryss": "Val1", "farg": "bla",
                            "sprak": "sv", "lista": "b", "dold": "HEMLIG"}, bilaga=BILAGA)
    text = pdftotext(result.print_pdf)
    assert text.count("Åsa Öberg") == 2
    assert "Svenska" in text and "Beta" in text and "sv\n" not in text
    assert "HEMLIG" not in text
    assert "4503121234" in pdftotext(result.print_pdf, "-layout").replace(" ", ""), "one digit per comb box"
    reader = PdfReader(BytesIO(result.fillable_pdf))
    got = reader.get_fields()
    assert got["farg"]["/V"] == "/bla" and got["kryss"]["/V"] == "/Val1" and got["sprak"]["/V"] == "sv"
    assert "farg.farg" not in got


def test_need_appearances_acrobat_font_without_dr_broken_xref_xfa_hybrid_and_empty_password() -> None:
    base = make_form([Spec("namn", da="/ArialMT 9 Tf 0 0 1 rg")], need_appearances=True, dr_fonts={}, xfa=True)
    for pdf in (base, broken_xref(base), encrypted(base)):
        result = fill_pdf(pdf, {"namn": "Łukasz Wójcik-Ćwikła"}, bilaga=BILAGA)
        assert "Łukasz Wójcik-Ćwikła" in pdftotext(result.print_pdf)
        reader = PdfReader(BytesIO(result.fillable_pdf))
        assert "/XFA" not in reader.trailer["/Root"]["/AcroForm"] and not reader.is_encrypted


@pytest.mark.parametrize("pdf, says", [
    (pure_xfa(), "pure XFA"), (no_fields(), "no fillable fields"),
    (encrypted(make_form([Spec("a")]), user="secret"), "password"), (b"%PDF-1.7 garbage", "not a readable PDF")])
def test_unusable_pdfs_get_one_clear_message(pdf, says) -> None:
    with pytest.raises(FormError) as error:
        read_fields(pdf, source="blankett.pdf")
    assert str(error.value).startswith("blankett.pdf: ") and says in str(error.value)
    assert "Fix:" in str(error.value)


def test_unknown_fields_and_states_are_refused() -> None:
    with pytest.raises(FormError) as error:
        fill_pdf(ALDRE, {"Nope": "x", "Civilstand": "Ankling", "Forsakran": "On"}, bilaga=BILAGA)
    message = str(error.value)
    assert "Nope: no such field" in message and "'Ankling' does not exist" in message and "Use one of: Ja" in message


def test_seven_hundred_fields_on_thirteen_pages() -> None:
    pdf, values = big_form()
    assert len(values) >= 700
    result = fill_pdf(pdf, values, bilaga=BILAGA)
    text = pdftotext(result.print_pdf)
    assert "Värde 13-53 Åsa Öberg" in text and "Värde 1-1 Åsa Öberg" in text
    assert len(PdfReader(BytesIO(result.print_pdf)).pages) == 13


def test_a_long_answer_goes_to_the_bilaga_instead_of_shrinking_below_8_pt() -> None:
    answer = ("Jag behöver hjälp med att duscha, klä på mig och laga mat, och jag kan inte gå i trappor. " * 19)[:1650]
    values = {"Behov_Beskrivning": answer}
    assert [c.field_name for c in plan_overflow(ALDRE, values)] == ["Behov_Beskrivning"]
    result = fill_pdf(ALDRE, values, bilaga=BILAGA)
    assert [c.text for c in result.continued] == [answer]
    assert "Se bilaga 1" in pdftotext(result.print_pdf, "-l", "3")


def test_an_arabic_name_on_the_bilaga_leaves_the_personnummer_in_order() -> None:
    arabic = BilagaInfo("Ansökan", "محمد أحمد", "19440517-1234", {})
    result = fill_pdf(ALDRE, {"Behov_Beskrivning": "ابنتي تتسوق لي. " * 300}, bilaga=arabic)
    last = pdftotext(result.print_pdf, "-f", str(len(PdfReader(BytesIO(result.print_pdf)).pages)))
    assert "19440517-1234" in last and "1234-19440517" not in last


def _form_with_latin1_state() -> bytes:
    """A radio group whose state name is written as real forms do: /Yttre#20unders#F6k#20ja (F6 = ö)."""
    placeholder = "YttreQQQundersQQQkQQQja"
    pdf = make_form([Spec("plats", "radio", [(0, 72, 600, 12, 12), (0, 100, 600, 12, 12)],
                          states=(placeholder, "Inne"))])
    assert pdf.count(placeholder.encode()) >= 1
    return pdf.replace(b"/" + placeholder.encode(), b"/Yttre#20unders#F6k#20ja")


def test_a_state_name_in_latin_1_is_read_and_accepted_by_its_readable_name() -> None:
    pdf = _form_with_latin1_state()
    assert read_fields(pdf)["plats"].on_states == ("Yttre undersök ja", "Inne")
    result = fill_pdf(pdf, {"plats": "Yttre undersök ja"}, bilaga=BILAGA)
    import pikepdf

    with pikepdf.open(BytesIO(result.fillable_pdf)) as doc:
        field = next(f for f in doc.Root.AcroForm.Fields if str(f.T) == "plats")
        assert field.V.unparse().lower() == b"/yttre#20unders#f6k#20ja"
        assert [w.AS.unparse().lower() for w in field.Kids] == [b"/yttre#20unders#f6k#20ja", b"/off"]
