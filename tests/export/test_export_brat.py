"""brat standoff: every T line's text is the .txt slice; the conf lists what the A lines use."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from annotator.cli.main import main
from annotator.export import ExportOptions, export
from annotator.export.brat import annotation_conf, file_stem, fragments
from annotator.store.project import Project


def parse_ann(path: Path) -> tuple[dict[str, tuple[str, list[tuple[int, int]], str]], list[list[str]], list[list[str]]]:
    """A strict brat .ann reader: T lines (type, fragments, text), A lines, # notes."""
    entities, attrs, notes = {}, [], []
    for raw in path.read_text(encoding="utf-8").splitlines():
        ident, body, *rest = raw.split("\t")
        if ident.startswith("T"):
            label, offsets = body.split(" ", 1)
            parts = [tuple(int(x) for x in piece.split(" ")) for piece in offsets.split(";")]
            entities[ident] = (label, parts, rest[0])
        elif ident.startswith("A"):
            attrs.append(body.split(" "))
        elif ident.startswith("#"):
            notes.append([body, rest[0]])
        else:
            raise AssertionError(f"unexpected line {raw!r}")
    return entities, attrs, notes


def conf_values(conf: str) -> dict[str, set[str]]:
    section, values = "", {}
    for raw in conf.splitlines():
        if raw.startswith("["):
            section = raw
        elif section == "[attributes]" and raw and not raw.startswith("#"):
            name, spec = raw.split("\t")
            values[name] = set(spec.split("Value:")[1].split("|"))
    return values


def test_brat_folder_is_valid_standoff(annotated: Project, tmp_path: Path):
    out = tmp_path / "brat"
    result = CliRunner().invoke(main, ["export", str(annotated.path), "--format", "brat", "--out", str(out)])
    assert result.exit_code == 0 and result.stderr == f"wrote 3 document(s) to {out}\n"
    assert sorted(p.name for p in out.iterdir()) == [
        "README.md",
        "annotation.conf",
        "d1.ann",
        "d1.txt",
        "d2.ann",
        "d2.txt",
        "d3.ann",
        "d3.txt",
        "visual.conf",
    ]
    conf = (out / "annotation.conf").read_text(encoding="utf-8")
    allowed = conf_values(conf)
    assert "[entities]\nACTOR\nPLACE\nCASUALTY\n" in conf and "<OVERLAP>" in conf
    assert allowed["kind"] >= {"town", "governorate", "organisation"} and "value" not in allowed
    total = 0
    for txt in sorted(out.glob("*.txt")):
        text = txt.read_text(encoding="utf-8")
        doc = annotated.document_by_key(txt.stem)
        assert doc is not None and text == doc.text
        entities, attrs, notes = parse_ann(txt.with_suffix(".ann"))
        for _label, parts, shown in entities.values():
            assert shown == " ".join(text[s:e] for s, e in parts)
        for name, target, value in attrs:
            assert target in entities and value in allowed[name]
        ids = {value.partition("=")[2] for body, value in notes if value.startswith("id=")}
        assert ids == {a.id for a in annotated.annotations(doc.id)}
        total += len(entities)
    assert total == 11
    d1 = (out / "d1.ann").read_text(encoding="utf-8").splitlines()
    assert d1[:4] == [
        "T1\tCASUALTY 7 9\t54",
        "A1\tstatus T1 killed",
        "A2\tvictims T1 unspecified",
        "#1\tAnnotatorNotes T1\tvalue=54",
    ]
    place = next(line.split("\t")[0] for line in d1 if line.endswith("\tدير الزور"))
    assert any(re.fullmatch(rf"#\d+\tAnnotatorNotes {place}\tcanonical=دير الزور", line) for line in d1)  # free text


def test_a_span_across_a_line_break_becomes_fragments_and_is_noted(project: Project, tmp_path: Path):
    doc, _, _ = project.add_document("قتل في دير\nالزور اليوم", key="multi")
    project.add_annotation(doc.id, "PLACE", 7, 16, attrs={"kind": "governorate", "canonical": "دير\tالزور"})
    result = export(project, ExportOptions(format="brat"), tmp_path / "b")
    entities, _, notes = parse_ann(tmp_path / "b" / "multi.ann")
    assert entities["T1"] == ("PLACE", [(7, 10), (11, 16)], "دير الزور")
    assert ["AnnotatorNotes T1", "canonical=دير الزور"] in notes
    assert result.notes == [
        "1 span(s) cross a line break or tab and are written as brat fragments (start end;start end)",
        "1 attribute value(s) had tabs or line breaks turned into spaces",
    ]


def test_file_names_are_safe_unique_and_never_config_names():
    taken: set[str] = set()
    assert [file_stem(k, taken) for k in ("a/b", "a:b", "annotation", "..", "دير", "A/B")] == [
        "a_b",
        "a_b~2",
        "annotation_doc",
        "document",
        "دير",
        "A_B~3",
    ]


def test_fragments_and_conf_for_unsafe_choices():
    assert fragments("ab\n\tcd", 0, 6) == [(0, 2), (4, 6)]
    assert fragments("\n", 0, 1) == []
    from annotator.codebook_reading import codebook_from_dict

    codebook = codebook_from_dict(
        {"labels": [{"name": "X", "attributes": [{"name": "k", "type": "choice", "choices": ["a b", "c|d", "ok"]}]}]}
    )
    assert "k\tArg:X, Value:ok\n" in annotation_conf(codebook)


def test_split_brat_has_one_folder_per_part_and_imports_back(annotated: Project, tmp_path: Path):
    out = tmp_path / "brat"
    result = export(annotated, ExportOptions(format="brat", split="50,50", seed=0), out)
    assert sorted(p.name for p in out.iterdir()) == ["README.md", "annotation.conf", "test", "train", "visual.conf"]
    assert sum(len(list((out / part).glob("*.ann"))) for part in ("train", "test")) == 3 == result.documents
    from annotator.importing.run import import_sources

    with Project.create(tmp_path / "copy.db", coder="lead") as copy:
        report = import_sources(copy, [out])
        assert report.documents_added == 3 and report.spans_added == 11
