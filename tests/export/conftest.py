"""A project annotated the hard way, shared by the export tests.

The article holds what Arabic exports get wrong: tashkeel (قُتِلَ), spans that
start after a proclitic inside a word (ب|دير الزور, و|الباغوز), a nested span
(الباغوز inside الباغوز فوقاني), Arabic-Indic digits (٢٣), a number word
(ثلاثين), an emoji (one code point), and two lines.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from annotator.models import Document
from annotator.store.project import Project

ARTICLE = (
    "قُتِلَ 54 شخصاً بينهم 28 مدنياً في غارة على الباغوز فوقاني بدير الزور، "
    "وقال المرصد السوري لحقوق الإنسان إن نحو ثلاثين آخرين أصيبوا.\n"
    "وأعلن التحالف الدولي أنه يحقق في التقارير 😀 عن سقوط ٢٣ ضحية في والباغوز."
)
HOSTILE = "<script>alert('x')</script> هجوم على كفرنبل في إدلب."
PLAIN = "نص ثالث بلا علامات، يقتل 5 في بغداد."


def add_span(
    project: Project, doc: Document, label: str, word: str, *, occurrence: int = 0, cut: int = 0, **attrs: Any
) -> None:
    """Tag the ``occurrence``-th ``word`` in ``doc``, leaving its first ``cut`` letters out."""
    index = -1
    for _ in range(occurrence + 1):
        index = doc.text.index(word, index + 1)
    project.add_annotation(doc.id, label, index + cut, index + len(word), attrs=attrs)


def annotate(project: Project) -> list[Document]:
    article, _, _ = project.add_document(ARTICLE, key="d1", title="غارة على الباغوز", url="javascript:alert(1)")
    add_span(project, article, "CASUALTY", "54", value=54, status="killed", victims="unspecified")
    add_span(project, article, "CASUALTY", "28", value=28, status="killed", victims="civilians")
    add_span(project, article, "PLACE", "الباغوز فوقاني", kind="town")
    add_span(project, article, "PLACE", "بدير الزور", cut=1, kind="governorate", canonical="دير الزور")
    add_span(project, article, "ACTOR", "المرصد السوري لحقوق الإنسان", role="claimant", kind="organisation")
    add_span(project, article, "CASUALTY", "ثلاثين", value=30, qualifier="about", status="injured")
    add_span(project, article, "ACTOR", "التحالف الدولي", role="claimant", kind="international_coalition")
    add_span(project, article, "CASUALTY", "٢٣", value=23, status="killed")
    add_span(project, article, "PLACE", "والباغوز", cut=1, kind="town")
    add_span(project, article, "PLACE", "الباغوز", kind="town")  # nested in الباغوز فوقاني
    project.set_status(article.id, "done")
    hostile, _, _ = project.add_document(HOSTILE, key="d2", title="<b>bold</b>")
    add_span(project, hostile, "PLACE", "كفرنبل", kind="town")
    project.set_status(hostile.id, "done")
    plain, _, _ = project.add_document(PLAIN, key="d3", title="بغداد")
    project.set_status(plain.id, "in_progress")
    return [article, hostile, plain]


@pytest.fixture
def annotated(tmp_path: Path):
    """A project file at ``tmp_path / "amal.db"``: d1 and d2 done, d3 in progress."""
    with Project.create(tmp_path / "amal.db", coder="amal") as created:
        annotate(created)
        yield created
