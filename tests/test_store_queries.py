"""The store's answers that merge, adjudication, exports and project memory ask for, and the
two lead tables (``merge_sources``, ``rejections``), through ``Project``'s methods."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.models import GOLD
from annotator.store.lead_tables import MergeSource, Rejection
from annotator.store.project import Project


def test_merge_sources_are_remembered_replaced_and_read_back(tmp_path: Path) -> None:
    path = tmp_path / "merged.db"
    with Project.create(path, coder="lead") as project:
        assert project.merge_sources() == [] and project.merged_layers() == []
        assert project.merge_source("سارة") is None
        first = MergeSource("سارة", "p-1", "/data/سارة.db", "2026-11-01T10:00:00+00:00", "2026-11-02T09:00:00+00:00")
        with project.transaction():
            project.record_merge_source(first)
            project.record_merge_source(MergeSource("amal", "p-2", "/data/amal.db", "2026-11-01", "2026-11-02"))
        newer = MergeSource("سارة", "p-1", "/data/سارة.db", "2026-11-05T10:00:00+00:00", "2026-11-06T09:00:00+00:00")
        with project.transaction():
            project.record_merge_source(newer)
        assert project.merge_source("سارة") == newer
        assert project.merged_layers() == ["amal", "سارة"]
    with Project.open(path, readonly=True) as reader:
        assert [s.coder for s in reader.merge_sources()] == ["amal", "سارة"]
        assert reader.merge_sources()[1] == newer


def test_a_merge_source_written_in_a_failed_transaction_is_not_kept(project: Project) -> None:
    with pytest.raises(RuntimeError), project.transaction():
        project.record_merge_source(MergeSource("omar", "p-3", "/data/omar.db", "2026-11-01", "2026-11-02"))
        raise RuntimeError("the merge stopped")
    assert project.merge_sources() == []
    assert not project.conn.in_transaction


def test_rejections_are_added_read_per_document_and_deleted(project: Project, article_doc) -> None:
    other, _, _ = project.add_document("قصف على إدلب", key="d2")
    later = Rejection("r-2", article_doc.id, ("s-3",), "lead", "2026-11-02T00:00:00+00:00")
    earlier = Rejection("r-1", article_doc.id, ("s-1", "s-2"), "lead", "2026-11-01T00:00:00+00:00")
    elsewhere = Rejection("r-3", other.id, ("s-9",), "سارة", "2026-11-03T00:00:00+00:00")
    for rejection in (later, earlier, elsewhere):
        project.add_rejection(rejection)
    assert project.rejections() == [earlier, later, elsewhere]
    assert project.rejections(article_doc.id) == [earlier, later]
    assert earlier.provenance == {"sources": ["s-1", "s-2"], "decision": "rejected", "by": "lead", "at": earlier.at}
    assert project.delete_rejection("r-1") is True
    assert project.delete_rejection("r-1") is False
    assert project.rejections(article_doc.id) == [later]


def test_layers_statuses_and_span_reads(project: Project, article_doc) -> None:
    second, _, _ = project.add_document("قصف على الباغوز", key="d2")
    kept = project.add_annotation(article_doc.id, "PLACE", article_doc.text.index("الباغوز"),
                                  article_doc.text.index("الباغوز") + 7, coder="سارة")
    gone = project.add_annotation(second.id, "PLACE", 8, 15, coder="omar")
    project.delete_annotation(gone.id)
    project.add_annotation(second.id, "PLACE", 8, 15, origin="suggested")
    project.set_status(second.id, "done", coder="سارة")
    project.set_status(article_doc.id, "done", coder="amal")

    assert project.coders() == ["amal", "سارة"]
    assert project.coders(include_deleted=True) == ["amal", "omar", "سارة"]
    assert project.has_layer("omar") and not project.has_layer(GOLD)
    assert project.annotation_owner(gone.id) == ("omar", second.id)
    assert project.annotation_exists(gone.id) and not project.annotation_exists("no-such-id")
    assert project.live_annotation_ids("omar") == [] and project.live_annotation_ids("سارة") == [kept.id]
    assert project.has_live_spans("سارة") and not project.has_live_spans("omar")
    assert project.live_span_count("amal") == 1 and project.live_span_count("omar") == 0
    assert project.span_counts() == {article_doc.id: 1, second.id: 1}
    assert project.span_counts(include_suggestions=False) == {article_doc.id: 1}
    assert project.span_counts(coder="omar") == {}

    assert project.has_status(second.id, "سارة") and not project.has_status(second.id, "amal")
    assert project.statuses_of("سارة") == {second.id: "done"}
    assert project.coders_with_status("done") == {"amal", "سارة"}
    assert project.coders_with_status("done", doc_id=second.id) == {"سارة"}
    assert project.with_status("done") == [(article_doc.id, "amal"), (second.id, "سارة")]
    assert project.document_keys() == [(article_doc.id, "d1"), (second.id, "d2")]


def test_confirmed_names_come_newest_first_without_suggestions(project: Project, article_doc, monkeypatch) -> None:
    import annotator.store.annotations as annotations

    monkeypatch.setattr(annotations, "now", lambda: "2026-11-01T00:00:00+00:00")
    text = article_doc.text
    actor = project.add_annotation(article_doc.id, "ACTOR", text.index("التحالف"), text.index("التحالف") + 14)
    town = project.add_annotation(article_doc.id, "PLACE", text.index("الباغوز"), text.index("الباغوز") + 7,
                                  attrs={"kind": "town"})
    project.add_annotation(article_doc.id, "PLACE", text.index("دير"), text.index("دير") + 9, origin="suggested")
    project.add_annotation(article_doc.id, "PLACE", text.index("دير"), text.index("دير") + 9, coder="سارة")
    names = project.confirmed_names("amal", ("PLACE", "ACTOR"))
    assert names == [(actor.text, "ACTOR", {}), ("الباغوز", "PLACE", {"kind": "town"})]  # same second: by id
    monkeypatch.setattr(annotations, "now", lambda: "2099-01-01T00:00:00+00:00")
    project.update_annotation(actor.id, attrs={"role": "perpetrator"})  # edited last: comes first
    names = project.confirmed_names("amal", ("PLACE", "ACTOR"))
    assert names == [(actor.text, "ACTOR", {"role": "perpetrator"}), ("الباغوز", "PLACE", {"kind": "town"})]
    assert town.text == "الباغوز"
    assert project.confirmed_names("amal", ("CASUALTY",)) == []
