"""Adding documents: a new text, a text already here, a key another text holds (one statement
is tried first, and the lookups only when it inserts nothing: each case must still come out as before)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.store.project import Project

TEXTS = ["قتل ثلاثة مدنيين في قصف على إدلب", "نزح مئات العائلات من ريف حماة", "سقط صاروخ قرب حلب"]


def test_new_text_existing_text_and_taken_key(tmp_path: Path) -> None:
    with Project.create(tmp_path / "p.db", coder="amal") as project:
        first, added, _ = project.add_document(TEXTS[0], key="report")
        assert added and first.key == "report"
        again, added, duplicates = project.add_document(TEXTS[0], key="other", source="سانا", meta={"page": 2})
        assert not added and duplicates == [] and again.id == first.id and again.key == "report"
        assert again.source == "سانا" and again.meta == {"page": 2}  # empty metadata filled from the repeat
        second, added, _ = project.add_document(TEXTS[1], key="report")
        third, added_third, _ = project.add_document(TEXTS[2], key="report")
        assert added and added_third and (second.key, third.key) == ("report~2", "report~3")
        unnamed, added, _ = project.add_document(TEXTS[2] + " أمس")
        assert added and unnamed.key == f"doc-{unnamed.sha256[:12]}"
        assert [key for _, key in project.document_keys()] == ["report", "report~2", "report~3", unnamed.key]
        assert project.document(second.id).text == TEXTS[1]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(TEXTS), st.sampled_from(["a", "b", None])), min_size=1, max_size=8))
def test_each_text_stored_once_under_a_key_of_its_own(tmp_path_factory: object, adds: list[tuple[str, str | None]]) -> None:
    folder = tmp_path_factory.mktemp("adds")  # type: ignore[attr-defined]
    with Project.create(folder / "p.db", coder="amal") as project:
        ids: dict[str, int] = {}
        for text, key in adds:
            document, added, _ = project.add_document(text, key=key)
            assert added == (text not in ids)
            assert ids.setdefault(text, document.id) == document.id
        keys = [key for _, key in project.document_keys()]
        assert len(keys) == len(set(keys)) == len(ids)
