"""The committed form PDFs are what their HTML sources say, with well-formed fields."""
from __future__ import annotations


import pikepdf
import pytest

from tools.build_form_pdf import ROOT, form_ids, output_name, read_controls, render

SOURCE_IDS = form_ids()


def built(form_id: str) -> tuple[dict, pikepdf.Pdf]:
    html = render(form_id)
    return read_controls(html), pikepdf.open(ROOT / "forms" / form_id / output_name(html, form_id))


@pytest.mark.parametrize("form_id", SOURCE_IDS)
def test_fields_match_the_html(form_id: str) -> None:
    controls, pdf = built(form_id)
    acroform = pdf.Root.AcroForm
    fields = {str(f.T): f for f in acroform.Fields}
    assert set(fields) == set(controls), "rebuild with: python tools/build_form_pdf.py " + form_id
    assert "/NeedAppearances" not in acroform
    assert str(acroform.DR.Font.Helv.BaseFont) == "/Helvetica"
    for name, control in controls.items():
        f = fields[name]
        assert str(f.TU) == (control.label or name)
        if control.kind == "radio":
            assert int(f.Ff) & (1 << 15)
            kids = list(f.Kids)
            assert [k.get("/T") for k in kids] == [None] * len(kids), "radio kids must not carry /T"
            states = [next(s[1:] for s in k.AP.N.keys() if s != "/Off") for k in kids]
            assert states == control.states
        elif control.kind == "checkbox":
            assert set(f.AP.N.keys()) == {"/Off", "/" + control.states[0]}
        else:
            assert str(f.DA).startswith("/Helv ") and "/N" in f.AP


def test_aldreomsorg_is_a_small_three_page_form() -> None:
    controls, pdf = built("aldreomsorg")
    assert len(pdf.pages) == 3
    assert (ROOT / "forms/aldreomsorg/ansokan-aldreomsorg.pdf").stat().st_size < 250_000
    assert controls["Civilstand"].states == ["Ogift", "Gift", "Sambo", "Skild", "Anka"]
    assert controls["Insats_SarskiltBoende"].states == ["Ja"]
    assert controls["Sokande_Fornamn"].label == "Förnamn"


def test_every_name_in_the_form_yaml_mapping_exists_in_the_pdf() -> None:
    yaml = pytest.importorskip("yaml")
    spec = yaml.safe_load((ROOT / "forms/aldreomsorg/form.yaml").read_text(encoding="utf-8"))["pdf"]
    controls, _ = built("aldreomsorg")
    names: set[str] = set(spec.get("computed", {}))
    for group in spec.get("left_blank", {}).values():
        names.update(group)
    for target in spec["fields"].values():
        if isinstance(target, str):
            names.add(target)
        else:
            names.update([target["to"]] if "to" in target else [])
            names.update(target.get("checkboxes", {}).values())
            for state in target.get("states", {}).values():
                assert state in controls[target["to"]].states
    assert names <= set(controls), sorted(names - set(controls))
    assert not set(controls) - names, f"PDF fields nobody maps: {sorted(set(controls) - names)}"
