"""The Hugging Face folder, loaded by ``datasets`` itself."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli.main import main
from annotator.export import ExportOptions, export
from annotator.store.project import Project

datasets = pytest.importorskip("datasets")


@pytest.fixture(autouse=True)
def _offline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")


def load(path: str | Path, tmp_path: Path, **kwargs):  # type: ignore[no-untyped-def]
    """load_dataset with a cache inside the test's folder: datasets fixes its cache dir at import,
    before the isolated HOME exists, and a shared cache would hand back an older export."""
    return datasets.load_dataset(str(path), cache_dir=str(tmp_path / "hf-cache"), **kwargs)


def export_hf(project: Project, out: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["export", str(project.path), "--format", "hf", "--out", str(out), *args])
    assert result.exit_code == 0, result.output
    return result.stderr


def test_load_dataset_json_with_the_shipped_features_and_label_file(annotated: Project, tmp_path: Path):
    out = tmp_path / "hf"
    export_hf(annotated, out)
    assert sorted(p.name for p in out.iterdir()) == ["README.md", "data.jsonl", "features.json", "labels.txt"]
    features = datasets.Features.from_dict(json.loads((out / "features.json").read_text(encoding="utf-8")))
    loaded = load("json", tmp_path, data_files={"train": str(out / "data.jsonl")}, features=features)
    train = loaded["train"]
    names = datasets.ClassLabel(names_file=str(out / "labels.txt")).names
    assert names == ["O", "B-ACTOR", "I-ACTOR", "B-PLACE", "I-PLACE", "B-CASUALTY", "I-CASUALTY", "B-DATE", "I-DATE"]
    assert train.features["ner_tags"].feature.names == names
    assert train["id"] == ["d1", "d2"]
    for row, doc_id in zip(train, [d for d in annotated.document_ids()][:2], strict=True):
        doc = annotated.document(doc_id)
        assert row["text"] == doc.text
        assert [doc.text[s:e] for s, e in row["offsets"]] == row["tokens"]  # tokens map back
        spans = annotated.annotations(doc_id)
        assert [(s["start"], s["end"], s["label"], s["id"]) for s in row["spans"]] == [
            (a.start, a.end, a.label, a.id) for a in spans
        ]
        tags = [names[i] for i in row["ner_tags"]]
        for span in spans:
            inside = [i for i, (s, e) in enumerate(row["offsets"]) if span.start <= s and e <= span.end]
            if tags[inside[0]] != "O":  # the nested PLACE is the one left out
                assert tags[inside[0]] == f"B-{span.label}"
                assert all(tags[i] == f"I-{span.label}" for i in inside[1:])
    first = train[0]["spans"][0]
    assert first["text"] == "54" and first["attrs"]["value"] == 54 and first["attrs"]["status"] == "killed"
    assert first["attrs"]["canonical"] is None and first["coder"] == "amal" and first["origin"] == "manual"


def test_load_dataset_folder_reads_the_card_with_splits(annotated: Project, tmp_path: Path):
    for i in range(6):
        doc, _, _ = annotated.add_document(f"قتل {i + 2} مدنيين في قرية رقم {i} قرب حلب.", key=f"x{i}")
        annotated.set_status(doc.id, "done")
    out = tmp_path / "hf"
    stderr = export_hf(annotated, out, "--split", "50,25,25", "--seed", "4")
    assert f"wrote 8 document(s) to {out} (train 4, dev 2, test 2)" in stderr
    loaded = load(out, tmp_path)
    assert {name: len(part) for name, part in loaded.items()} == {"train": 4, "validation": 2, "test": 2}
    assert loaded["train"].features["ner_tags"].feature.names[:3] == ["O", "B-ACTOR", "I-ACTOR"]
    split = json.loads((out / "split.json").read_text(encoding="utf-8"))
    assert split["seed"] == 4 and sorted(loaded["validation"]["id"]) == sorted(split["parts"]["dev"])


def test_documents_without_spans_first_do_not_break_chunked_loading(project: Project, tmp_path: Path):
    """load_dataset reads in chunks; a first chunk with no spans must not fix the span type to null."""
    for i in range(30):
        project.add_document(f"خبر رقم {i} بلا أي علامة.", key=f"e{i}")
    doc, _, _ = project.add_document("قتل 7 في دير الزور.", key="last")
    project.add_annotation(doc.id, "CASUALTY", 4, 5, attrs={"value": 7, "status": "killed"})
    out = tmp_path / "hf"
    export(project, ExportOptions(format="hf", status="all"), out)
    features = datasets.Features.from_dict(json.loads((out / "features.json").read_text(encoding="utf-8")))
    loaded = load("json", tmp_path, data_files=str(out / "data.jsonl"), features=features, chunksize=64)
    assert loaded["train"][30]["spans"][0]["attrs"]["value"] == 7


def test_layer_per_label_adds_typed_columns(annotated: Project, tmp_path: Path):
    out = tmp_path / "hf"
    export_hf(annotated, out, "--layer-per-label")
    loaded = load(out, tmp_path)["train"]
    assert loaded.features["ner_tags_PLACE"].feature.names == ["O", "B-PLACE", "I-PLACE"]
    assert (out / "labels-PLACE.txt").read_text(encoding="utf-8") == "O\nB-PLACE\nI-PLACE\n"
    row = loaded[0]
    place = [loaded.features["ner_tags_PLACE"].feature.names[i] for i in row["ner_tags_PLACE"]]
    assert place.count("B-PLACE") == 3  # الباغوز فوقاني, دير الزور, الباغوز (the nested one gives way)


def test_attribute_names_shared_with_different_types_become_text(tmp_path: Path):
    from annotator.codebook_reading import codebook_from_dict

    codebook = codebook_from_dict(
        {
            "labels": [
                {"name": "A", "attributes": [{"name": "size", "type": "integer"}]},
                {"name": "B", "attributes": [{"name": "size", "type": "choice", "choices": ["big", "small"]}]},
            ]
        }
    )
    with Project.create(tmp_path / "p.db", coder="amal", codebook=codebook) as project:
        doc, _, _ = project.add_document("كبير 12 جدا", key="k")
        project.add_annotation(doc.id, "A", 5, 7, attrs={"size": 12})
        project.add_annotation(doc.id, "B", 0, 4, attrs={"size": "big"})
        export(project, ExportOptions(format="hf", status="all"), tmp_path / "hf")
    loaded = load(tmp_path / "hf", tmp_path)["train"]
    assert sorted(s["attrs"]["size"] for s in loaded[0]["spans"]) == ["12", "big"]


def test_the_readme_recipe_runs_as_written(annotated: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    out = tmp_path / "hf"
    export_hf(annotated, out)
    readme = (out / "README.md").read_text(encoding="utf-8")
    blocks = readme.split("```python\n")[1:]
    recipe = blocks[1].split("```")[0]
    monkeypatch.setattr(datasets.config, "HF_DATASETS_CACHE", str(tmp_path / "hf-cache"))
    monkeypatch.chdir(out)
    namespace: dict = {}
    exec(compile(recipe, "README.md", "exec"), namespace)  # noqa: S102 - our own README, run as a user would
    assert namespace["ds"]["train"].features["ner_tags"].feature.names == namespace["names"]
    assert namespace["ds"]["train"].num_rows == 2
