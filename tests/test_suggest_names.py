"""Gazetteer and project memory: names found however the text spells them, with their attributes."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.errors import InputError
from annotator.store.project import Project
from annotator.suggest import Suggesters, load_gazetteer, project_memory, suggest_document, tag_all_occurrences
from annotator.suggest.gazetteer import default_gazetteer_path
from annotator.suggest.names import NameMatcher


def found(matcher: NameMatcher, text: str) -> list[tuple[str, str]]:
    return [(text[s.start : s.end], s.label) for s in matcher.find(text)]


def test_spelling_variants_and_proclitics() -> None:
    matcher = NameMatcher("test")
    matcher.add("دير الزور", "PLACE", {"kind": "governorate"})
    text = "قصف بدير الزور وفي دِيرِ الزُّور وديـــر الزور و#دير_الزور ودير الزّور، لا في الدير."
    assert found(matcher, text) == [
        ("دير الزور", "PLACE"),
        ("دِيرِ الزُّور", "PLACE"),
        ("ديـــر الزور", "PLACE"),
        ("دير_الزور", "PLACE"),
        ("دير الزّور", "PLACE"),
    ]
    spans = matcher.find(text)
    assert text[spans[0].start - 1] == "ب"  # the proclitic stays outside
    assert text[spans[2].start - 1] == "و"


def test_hamza_forms_and_astral_characters() -> None:
    matcher = NameMatcher("test")
    matcher.add("إدلب", "PLACE", {})
    text = "😀 في ادلب وأدلب ولإدلب"
    assert [text[s.start : s.end] for s in matcher.find(text)] == ["ادلب", "أدلب", "إدلب"]


def test_a_name_beginning_with_a_proclitic_letter_is_never_cut() -> None:
    matcher = NameMatcher("test")
    matcher.add("لبنان", "PLACE", {})
    matcher.add("بغداد", "PLACE", {})
    text = "من لبنان إلى بغداد ولبنان"
    assert [text[s.start : s.end] for s in matcher.find(text)] == ["لبنان", "بغداد", "لبنان"]
    assert matcher.find("بنان وغداد") == []  # the letters alone are not a proclitic


def test_longest_name_wins_and_words_must_be_adjacent() -> None:
    matcher = NameMatcher("test")
    matcher.add("سوريا", "PLACE", {})
    matcher.add("قوات سوريا الديمقراطية", "ACTOR", {})
    text = "قوات سوريا الديمقراطية في سوريا، قوات سوريا. الديمقراطية"
    assert found(matcher, text) == [("قوات سوريا الديمقراطية", "ACTOR"), ("سوريا", "PLACE"), ("سوريا", "PLACE")]


def test_shipped_gazetteer_finds_the_seed_places_and_actors(project: Project) -> None:
    gazetteer = load_gazetteer()
    gazetteer.check(project.codebook)
    text = (
        "قتل مدنيون في الباغوز فوقاني والسوسة وهجين بريف دير الزور الشرقي قرب البوكمال، وقال المرصد السوري "
        "لحقوق الإنسان إن التحالف الدولي وقوات سوريا الديموقراطية (قسد) يقاتلون تنظيم داعش، وقصفت قوات النظام "
        "محافظة دير الزور ومدينة حلب."
    )
    got = {(text[s.start : s.end], s.label, s.attrs["canonical"], s.attrs["kind"]) for s in gazetteer.suggest(text)}
    assert got == {
        ("الباغوز فوقاني", "PLACE", "الباغوز فوقاني", "town"),
        ("السوسة", "PLACE", "السوسة", "town"),
        ("هجين", "PLACE", "هجين", "town"),
        ("ريف دير الزور الشرقي", "PLACE", "ريف دير الزور الشرقي", "district"),
        ("البوكمال", "PLACE", "البوكمال", "town"),
        ("المرصد السوري لحقوق الإنسان", "ACTOR", "المرصد السوري لحقوق الإنسان", "organisation"),
        ("التحالف الدولي", "ACTOR", "التحالف الدولي", "international_coalition"),
        ("قوات سوريا الديموقراطية", "ACTOR", "قوات سوريا الديمقراطية", "non_state_armed_group"),
        ("قسد", "ACTOR", "قوات سوريا الديمقراطية", "non_state_armed_group"),
        ("تنظيم داعش", "ACTOR", "تنظيم الدولة الإسلامية", "non_state_armed_group"),
        ("قوات النظام", "ACTOR", "قوات النظام السوري", "state_forces"),
        ("دير الزور", "PLACE", "دير الزور", "governorate"),  # محافظة before it
        ("حلب", "PLACE", "حلب", "town"),  # مدينة before it
    }


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_a_lead_extends_the_gazetteer(project: Project, tmp_path: Path) -> None:
    path = write(
        tmp_path / "g.toml",
        '[[places]]\nname = "الجرنية"\nkind = "town"\nvariants = ["الجرنيه"]\n\n'
        '[[actors]]\nname = "جيش العشائر"\nkind = "non_state_armed_group"\n',
    )
    gazetteer = load_gazetteer(path)
    text = "اشتباكات بين جيش العشائر وقوات النظام في الجرنيه"
    assert [(text[s.start : s.end], s.attrs["canonical"]) for s in gazetteer.suggest(text)] == [
        ("جيش العشائر", "جيش العشائر"),
        ("الجرنيه", "الجرنية"),
    ]


def test_the_user_config_gazetteer_replaces_the_shipped_one(tmp_path: Path) -> None:
    shipped = default_gazetteer_path()
    assert shipped.name == "gazetteer.toml" and shipped.is_file()
    own = Path(__import__("platformdirs").user_config_dir("arabic-event-annotator")) / "gazetteer.toml"
    own.parent.mkdir(parents=True)
    write(own, '[[places]]\nname = "الجرنية"\nkind = "town"\n')
    assert default_gazetteer_path() == own
    assert [e.name for e in load_gazetteer().entries] == ["الجرنية"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[[places]\nname = 1", "not valid TOML"),
        ('[[cities]]\nname = "حلب"\nkind = "town"\n', "unknown section(s) cities"),
        ('[[places]]\nkind = "town"\n', "places entry 1 needs a name"),
        ('[[places]]\nname = "حلب"\n', "حلب: kind must be a choice name or a list of them"),
        ('[[places]]\nname = "حلب"\nkind = "town"\nvariants = "حلب"\n', "حلب: variants must be a list of names"),
        ('[[places]]\nname = "حلب"\nkind = "town"\ncolour = "red"\n', "حلب: unknown field(s) colour"),
    ],
)
def test_bad_gazetteer_files_are_reported(tmp_path: Path, content: str, message: str) -> None:
    path = write(tmp_path / "bad.toml", content)
    with pytest.raises(InputError) as caught:
        load_gazetteer(path)
    assert str(caught.value).startswith(str(path)) and message in str(caught.value)


def test_a_kind_the_codebook_does_not_know_is_reported_with_its_line(project: Project, tmp_path: Path) -> None:
    path = write(
        tmp_path / "g.toml", '[[places]]\nname = "حلب"\nkind = "town"\n\n[[places]]\nname = "حمص"\nkind = "city"\n'
    )
    with pytest.raises(InputError) as caught:
        load_gazetteer(path).check(project.codebook)
    assert str(caught.value) == (
        f"{path}, line 6: حمص: kind 'city' is not a PLACE kind of the project's codebook "
        "(country, governorate, district, town, site)"
    )
    with pytest.raises(InputError, match="no such gazetteer file"):
        load_gazetteer(tmp_path / "missing.toml")


def test_memory_suggests_what_the_coder_tagged_with_canonical_name(project: Project) -> None:
    first, _, _ = project.add_document("قصفت قوات التحالف مواقع في الجرنية.", key="a")
    second, _, _ = project.add_document(
        "وفي الجرنيّة قتل مدنيون، وقالت قوات التحالف إنها تحقق. وبالجرنية أيضا.", key="b"
    )
    start = first.text.index("قوات التحالف")
    project.add_annotation(
        first.id,
        "ACTOR",
        start,
        start + len("قوات التحالف"),
        attrs={"canonical": "التحالف الدولي", "kind": "international_coalition", "role": "perpetrator"},
    )
    start = first.text.index("الجرنية")
    project.add_annotation(first.id, "PLACE", start, start + len("الجرنية"), attrs={"kind": "town"})
    memory = project_memory(project)
    got = [(second.text[s.start : s.end], s.label, s.attrs) for s in memory.find(second.text)]
    assert got == [
        ("الجرنيّة", "PLACE", {"kind": "town"}),
        ("قوات التحالف", "ACTOR", {"canonical": "التحالف الدولي", "kind": "international_coalition"}),  # no role
        ("الجرنية", "PLACE", {"kind": "town"}),
    ]
    stored = suggest_document(project, second.id, Suggesters.for_project(project, use_gazetteer=False))
    assert [(a.text, a.provenance) for a in stored if a.label != "CASUALTY"] == [
        ("الجرنيّة", {"suggester": "memory"}),
        ("قوات التحالف", {"suggester": "memory"}),
        ("الجرنية", {"suggester": "memory"}),
    ]


def test_memory_ignores_suggestions_and_deleted_spans(project: Project) -> None:
    doc, _, _ = project.add_document("الجرنية والجرنية", key="a")
    kept = project.add_annotation(doc.id, "PLACE", 0, 7, origin="suggested")
    assert project_memory(project).size == 0
    project.update_annotation(kept.id, origin="manual")
    assert project_memory(project).size == 1
    project.delete_annotation(kept.id)
    assert project_memory(project).size == 0


def test_tag_all_occurrences(project: Project) -> None:
    text = "قصف على الباغوز ثم على والباغوز وعلى البَاغوز، والباغوز فوقاني."
    doc, _, _ = project.add_document(text, key="a")
    first = project.add_annotation(doc.id, "PLACE", 8, 15, attrs={"kind": "town", "canonical": "الباغوز"})
    pending = project.add_annotation(
        doc.id, "PLACE", text.index("البَاغوز"), text.index("البَاغوز") + 8, origin="suggested", attrs={"kind": "town"}
    )
    rejected_at = text.index("والباغوز فوقاني") + 1
    other = project.add_annotation(doc.id, "PLACE", rejected_at, rejected_at + 7, origin="suggested")
    project.reject_suggestion(other.id)
    changes = tag_all_occurrences(project, first.id)
    assert [(a.text, a.origin, a.attrs) for a in changes.added] == [
        ("الباغوز", "manual", {"kind": "town", "canonical": "الباغوز"}),
    ]
    [(before, accepted)] = changes.updated
    assert (accepted.text, accepted.origin, accepted.attrs) == ("البَاغوز", "manual", {"kind": "town", "canonical": "الباغوز"})
    assert before == pending and accepted.id == pending.id  # the pending suggestion was accepted, not duplicated
    assert changes.removed == []
    places = [a.text for a in project.annotations(doc.id) if a.label == "PLACE"]
    assert places == ["الباغوز", "الباغوز", "البَاغوز"]  # the rejected occurrence is left alone
    assert not tag_all_occurrences(project, first.id)  # nothing left to tag
    # undo: delete what was created
    project.delete_annotation(changes.added[0].id)
    assert len([a for a in project.annotations(doc.id) if a.label == "PLACE"]) == 2


def test_tag_all_reports_the_overlapping_suggestion_it_removes(project: Project) -> None:
    text = "غارة على الباغوز، ثم قصف على الباغوز فوقاني."
    doc, _, _ = project.add_document(text, key="a")
    first = project.add_annotation(doc.id, "PLACE", 9, 16)
    second = text.rindex("الباغوز")
    wider = project.add_annotation(doc.id, "PLACE", second, second + len("الباغوز فوقاني"), origin="suggested")
    changes = tag_all_occurrences(project, first.id)
    assert changes.removed == [wider]
    assert [(a.start, a.end) for a in changes.added] == [(second, second + 7)]
    assert wider.id not in {a.id for a in project.annotations(doc.id)}


def test_tag_all_needs_a_confirmed_span(project: Project) -> None:
    doc, _, _ = project.add_document("الباغوز والباغوز", key="a")
    suggestion = project.add_annotation(doc.id, "PLACE", 0, 7, origin="suggested")
    with pytest.raises(Exception, match="accept the suggestion"):
        tag_all_occurrences(project, suggestion.id)


def test_the_one_clitic_rule_takes_marks_tatweel_and_numbers() -> None:
    from annotator.text import proclitic_candidates, proclitic_length

    assert proclitic_candidates("وَالباغوز") == [2]  # the fatha stays with the و
    assert proclitic_candidates("بـ54") == [2]  # and the tatweel with the ب
    assert proclitic_candidates("و28") == [1]
    assert proclitic_candidates("و5") == [1]  # a one-digit number is a word after a clitic
    assert proclitic_candidates("وبِدير") == [1, 3]
    assert proclitic_candidates("ب") == [] and proclitic_candidates("لل") == []
    assert proclitic_length("وَبِدير", {"دير"}) == 4
    assert proclitic_length("كفرنبل", {"فرنبل", "كفرنبل"}) == 0  # a known name is never cut


def test_a_country_adjective_is_no_place_whichever_suggester_finds_it(tmp_path: Path) -> None:
    """«ليرة سورية» is a Syrian pound: neither the gazetteer nor the memory of a tagged سورية
    suggests it, while «في سورية» stays a place."""
    with Project.create(tmp_path / "p.db", coder="amal") as project:
        first = project.add_document("قصفت الطائرات مواقع في سورية أمس.", key="a")[0]
        second = project.add_document("بلغ سعر الخبز ألف ليرة سورية، وقال مسؤول في سورية إن الأسعار ترتفع.", key="b")[0]
        start = first.text.index("سورية")
        project.add_annotation(first.id, "PLACE", start, start + len("سورية"), attrs={"kind": "country"})
        for use_gazetteer in (False, True):
            suggesters = Suggesters.for_project(project, use_gazetteer=use_gazetteer)
            places = [s for s in suggesters.propose(project, second.text) if s.label == "PLACE"]
            starts = [s.start for s in places]
            assert second.text.index("في سورية") + len("في ") in starts
            assert second.text.index("ليرة سورية") + len("ليرة ") not in starts
