"""Tasks for Label Studio: our spans as predictions, with the labeling config that names their
controls (https://labelstud.io/guide/predictions, https://labelstud.io/tags/labels,
https://labelstud.io/tags/choices: per-region controls share the region's ``id``)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from click.testing import CliRunner

from annotator.cli.main import main
from annotator.export import ExportOptions, export
from annotator.importing.run import import_sources
from annotator.store.project import Project


def test_each_span_is_a_labels_result_with_its_attributes_beside_it(annotated: Project, tmp_path: Path) -> None:
    out = tmp_path / "review.json"
    result = export(annotated, ExportOptions(format="label-studio"), out)
    assert result.files == [str(out), str(tmp_path / "review.label-config.xml")]
    tasks = json.loads(out.read_text(encoding="utf-8"))
    assert [t["data"]["doc_id"] for t in tasks] == ["d1", "d2", "d3"]
    first = tasks[0]
    assert first["data"]["title"] == "غارة على الباغوز"
    [prediction] = first["predictions"]
    assert prediction["model_version"] == "amal"
    by_region: dict[str, dict[str, object]] = {}
    for item in prediction["result"]:
        assert item["to_name"] == "text"
        by_region.setdefault(item["id"], {})[item["from_name"]] = item["value"]
    zor = next(r for r in by_region.values() if r["label"]["text"] == "دير الزور")  # type: ignore[index]
    assert zor["kind"]["choices"] == ["governorate"]  # type: ignore[index]
    assert zor["canonical"]["text"] == ["دير الزور"]  # type: ignore[index]
    figure = next(r for r in by_region.values() if r["label"]["text"] == "54")  # type: ignore[index]
    assert figure["value"]["number"] == 54 and figure["status"]["choices"] == ["killed"]  # type: ignore[index]
    text = first["data"]["text"]
    assert all(text[r["label"]["start"] : r["label"]["end"]] == r["label"]["text"] for r in by_region.values())  # type: ignore[index]
    assert tasks[2]["predictions"] == []


def test_the_config_names_every_control_the_results_use(annotated: Project, tmp_path: Path) -> None:
    out = tmp_path / "review.json"
    export(annotated, ExportOptions(format="label-studio"), out)
    config = ET.fromstring((tmp_path / "review.label-config.xml").read_text(encoding="utf-8"))
    controls = {element.get("name"): element.tag for element in config if element.get("toName") == "text"}
    assert controls["label"] == "Labels" and controls["kind"] == "Choices" and controls["value"] == "Number"
    assert controls["canonical"] == "TextArea"
    assert [label.get("value") for label in config.find("Labels") or []] == ["ACTOR", "PLACE", "CASUALTY", "DATE"]
    used = {item["from_name"] for task in json.loads(out.read_text(encoding="utf-8"))
            for p in task["predictions"] for item in p["result"]}
    assert used <= set(controls)


def test_coming_back_from_label_studio_brings_the_same_spans(annotated: Project, tmp_path: Path) -> None:
    out = tmp_path / "review.json"
    export(annotated, ExportOptions(format="label-studio"), out)
    with Project.create(tmp_path / "back.db", coder="omar") as back:
        import_sources(back, [out])
        for (doc_id, key), (back_id, back_key) in zip(annotated.document_keys(), back.document_keys(), strict=True):
            assert key == back_key
            ours = sorted((a.label, a.start, a.end, a.text, a.attrs) for a in annotated.annotations(doc_id))
            theirs = sorted((a.label, a.start, a.end, a.text, a.attrs) for a in back.annotations(back_id))
            assert ours == theirs
            assert {a.origin for a in back.annotations(back_id)} <= {"suggested"}  # predictions wait for review


def test_standard_output_gets_the_tasks_alone(annotated: Project) -> None:
    result = CliRunner().invoke(main, ["export", str(annotated.path), "--format", "label-studio", "--out", "-"])
    assert result.exit_code == 0
    assert [t["data"]["doc_id"] for t in json.loads(result.stdout)] == ["d1", "d2", "d3"]
