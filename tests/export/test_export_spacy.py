"""The spaCy DocBin, read back by spaCy: Doc.char_span finds every span."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.cli.main import main
from annotator.errors import AnnotatorError
from annotator.export import ExportOptions, export
from annotator.export.spacy_docbin import words_and_spaces
from annotator.export.tokens import TaggedDocument, outermost, segment, sentences
from annotator.models import Annotation
from annotator.store.project import Project

spacy = pytest.importorskip("spacy")
from spacy.tokens import DocBin  # noqa: E402
from spacy.vocab import Vocab  # noqa: E402


def read_docbin(path: Path) -> list:  # type: ignore[type-arg]
    return list(DocBin().from_disk(path).get_docs(Vocab()))


def test_docbin_holds_text_entities_span_group_and_attributes(annotated: Project, tmp_path: Path):
    out = tmp_path / "gold.spacy"
    result = CliRunner().invoke(main, ["export", str(annotated.path), "--format", "spacy", "--out", str(out)])
    assert result.exit_code == 0
    assert "note: 1 overlapping inner span(s) left out of doc.ents (PLACE 1)" in result.stderr
    assert "every span is in doc.spans['sc']" in result.stderr
    docs = read_docbin(out)
    assert len(docs) == 2  # d3 is not done
    for doc, doc_id in zip(docs, annotated.document_ids(), strict=False):
        stored = annotated.document(doc_id)
        assert doc.text == stored.text
        spans = annotated.annotations(doc_id)
        for span in spans:
            found = doc.char_span(span.start, span.end)
            assert found is not None and found.text == span.text
        assert sorted((s.start_char, s.end_char, s.label_, s.id_) for s in doc.spans["sc"]) == sorted(
            (s.start, s.end, s.label, s.id) for s in spans
        )
        data = doc.user_data["annotator"]
        assert data["id"] == stored.key and data["status"] == "done"
        assert [(s["id"], s["attrs"]) for s in data["spans"]] == [(s.id, s.attrs) for s in spans]
    article = docs[0]
    assert [(e.text, e.label_) for e in article.ents][:4] == [
        ("54", "CASUALTY"),
        ("28", "CASUALTY"),
        ("الباغوز فوقاني", "PLACE"),
        ("دير الزور", "PLACE"),
    ]
    assert len(list(article.sents)) == 2


def test_docbin_bytes_are_deterministic(annotated: Project, tmp_path: Path):
    export(annotated, ExportOptions(format="spacy"), tmp_path / "a.spacy")
    export(annotated, ExportOptions(format="spacy"), tmp_path / "b.spacy")
    assert (tmp_path / "a.spacy").read_bytes() == (tmp_path / "b.spacy").read_bytes()


def test_split_writes_one_docbin_per_part(annotated: Project, tmp_path: Path):
    result = export(annotated, ExportOptions(format="spacy", status="all", split="70,30", seed=2), tmp_path / "sp")
    assert result.parts == {"train": 2, "test": 1}
    assert sum(len(read_docbin(tmp_path / "sp" / f"{part}.spacy")) for part in ("train", "test")) == 3
    assert "spacy.blank" in (tmp_path / "sp" / "README.md").read_text(encoding="utf-8")


def test_missing_spacy_is_a_clear_error(annotated: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setitem(sys.modules, "spacy", None)
    monkeypatch.setitem(sys.modules, "spacy.tokens", None)
    with pytest.raises(AnnotatorError, match=r"needs spaCy, which is not installed here \(pip install"):
        export(annotated, ExportOptions(format="spacy"), tmp_path / "x.spacy")
    assert not (tmp_path / "x.spacy").exists()
    result = CliRunner().invoke(main, ["export", str(annotated.path), "--format", "spacy", "--out", "x.spacy"])
    assert result.exit_code == 1
    assert result.stderr == (
        "error: the spacy format needs spaCy, which is not installed here "
        "(pip install 'arabic-event-annotator[spacy]')\n"
    )


TEXT = st.lists(
    st.sampled_from(["قتل", "و", "الباغوز", " ", "  ", "\n", "،", "٢٣", "😀", "بدير", "\t", "ـ", "ً", "A1"]),
    min_size=1,
    max_size=25,
).map("".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_char_span_finds_every_span_wherever_its_edges_fall(data: st.DataObject):
    text = data.draw(TEXT)
    pairs = data.draw(
        st.lists(st.tuples(st.integers(0, len(text)), st.integers(0, len(text))).filter(lambda p: p[0] < p[1]))
    )
    spans = [
        Annotation(id=f"s{i}", doc_id=1, coder="amal", label="PLACE", start=s, end=e, text=text[s:e])
        for i, (s, e) in enumerate(pairs)
    ]
    tokens = segment(text, spans)
    kept, _, _ = outermost(spans)
    tagged = TaggedDocument("k", text, tokens, [], {}, sentences(text, tokens, spans), spans, kept)
    words, spaces, starts = words_and_spaces(tagged)
    doc = spacy.tokens.Doc(Vocab(), words=words, spaces=spaces, sent_starts=starts)
    assert doc.text == text
    for span in spans:
        found = doc.char_span(span.start, span.end)
        assert found is not None and found.text == span.text
