"""The window and hostile documents: a link is shown only for web addresses, and a document of the
largest size the importer accepts, one unbroken word long, is laid out breaking anywhere (Qt's
word-boundary wrapping of such a word costs the square of its length: minutes at a million)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextOption

from annotator.importing.readers import MAX_DOCUMENT_CHARS
from annotator.models import Document
from ui.lead.view import AdjudicationView
from ui.widgets.article_view import ArticleView
from ui.widgets.document_header import DocumentHeader
from ui.widgets.reading_view import LONG_WORD


def document(text: str = "قصفت الطائرات بلدة الباغوز", url: str = "") -> Document:
    return Document(id=1, key="d1", title="غارة", text=text, sha256="", url=url)


@pytest.mark.parametrize(
    "url",
    ["file:///etc/passwd", "javascript:alert(1)", "smb://server/share", "FILE:///C:/Windows", "http://[", " data:,x"],
)
def test_a_url_other_than_http_is_shown_as_text_not_as_a_link(qtbot, url: str) -> None:
    header = DocumentHeader()
    qtbot.addWidget(header)
    header.show_document(document(url=url))
    assert "<a" not in header.meta.text()
    assert "passwd" not in url or "passwd" in header.meta.text()  # still shown, as words


@pytest.mark.parametrize("url", ["https://www.syriahr.com/?p=1", "HTTP://example.org/a b"])
def test_a_web_address_is_a_link(qtbot, url: str) -> None:
    header = DocumentHeader()
    qtbot.addWidget(header)
    header.show_document(document(url=url))
    assert header.meta.text().count("<a href=") == 1


@pytest.mark.parametrize("view_class", [ArticleView, AdjudicationView])
def test_the_largest_unbroken_word_is_wrapped_anywhere(qtbot, view_class: type) -> None:
    view = view_class()
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    qtbot.waitExposed(view)
    huge = document("ب" * MAX_DOCUMENT_CHARS)
    view.show_document(huge, [])
    assert view.document().defaultTextOption().wrapMode() == QTextOption.WrapMode.WrapAnywhere
    assert view.document().characterCount() == MAX_DOCUMENT_CHARS + 1
    # An ordinary article next: words are whole again.
    view.show_document(document("قصفت الطائرات " * 100 + "ب" * (LONG_WORD - 1)), [])
    assert view.document().defaultTextOption().wrapMode() == QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere
