"""The HTML review report, read with html.parser: untrusted text stays text."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from click.testing import CliRunner

from annotator.cli.main import main
from annotator.export import ExportOptions, export
from annotator.store.project import Project


class Page(HTMLParser):
    """Collects tags, attributes and the text inside each article block."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[str] = []
        self.articles: list[str] = []
        self.depth_in_article = 0
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.tags.append((tag, found))
        if tag == "div" and "article" in (found.get("class") or "").split():
            self.articles.append("")
            self.depth_in_article = 1
        elif self.depth_in_article and tag not in ("br",):
            self.depth_in_article += 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth_in_article:
            self.depth_in_article -= 1

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self.depth_in_article:
            self.articles[-1] += data


def render(project: Project, tmp_path: Path, *args: str) -> tuple[str, Page]:
    out = tmp_path / "report.html"
    result = CliRunner().invoke(main, ["export", str(project.path), "--format", "html", "--out", str(out), *args])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    page = Page()
    page.feed(html)
    page.close()
    return html, page


def test_a_script_in_a_document_stays_text(annotated: Project, tmp_path: Path):
    html, page = render(annotated, tmp_path)
    assert [tag for tag, _ in page.tags if tag == "script"] == []
    assert "<script>alert" not in html and "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert "<script>alert('x')</script>" in page.articles[1]  # shown to the reader as text
    assert "<b>bold</b>" in "".join(page.text) and "<b>bold" not in html
    # a javascript: URL from an import is shown, never linked
    assert all(not (attrs.get("href") or "").lower().startswith("javascript") for _, attrs in page.tags)
    assert "javascript:alert(1)" in "".join(page.text)


def test_articles_are_right_to_left_and_keep_every_character(annotated: Project, tmp_path: Path):
    _, page = render(annotated, tmp_path)
    blocks = [attrs for tag, attrs in page.tags if tag == "div" and attrs.get("class") == "article"]
    assert len(blocks) == 3 and all(b["dir"] == "rtl" and b["lang"] == "ar" for b in blocks)
    texts = [annotated.document(i).text for i in annotated.document_ids()]

    def without_ascii_digits(value: str) -> str:  # the span numbers are the only thing added
        return "".join(ch for ch in value if not "0" <= ch <= "9")

    for shown, text in zip(page.articles, texts, strict=True):
        assert without_ascii_digits(shown) == without_ascii_digits(text)


def test_spans_are_coloured_numbered_and_listed_with_attributes(annotated: Project, tmp_path: Path):
    html, page = render(annotated, tmp_path)
    marks = [attrs for tag, attrs in page.tags if tag == "mark"]
    # 11 spans; the nested الباغوز adds one more mark inside الباغوز فوقاني, the proclitic cut none
    assert len([m for m in marks if "CASUALTY" in (m["class"] or "")]) == 4
    assert all("border-color: #EF4444" in (m["style"] or "") for m in marks if "CASUALTY" in (m["class"] or ""))
    legend = [attrs for tag, attrs in page.tags if tag == "section" and attrs.get("class") == "legend"]
    assert len(legend) == 1 and "ACTOR" in html and "(4)" in html
    text = "".join(page.text)
    assert "status killed" in " ".join(text.split()) and "victims civilians" in " ".join(text.split())
    assert "amal: done" in text and "amal: in progress" in text
    assert "missing: status" not in text  # every CASUALTY has its required status


def test_missing_required_attributes_are_shown(project: Project, tmp_path: Path):
    doc, _, _ = project.add_document("قتل 7 مدنيين.", key="k")
    project.add_annotation(doc.id, "CASUALTY", 4, 5)
    _, page = render(project, tmp_path)
    assert "missing: value, status" in "".join(page.text)


def test_layers_of_several_coders_each_get_their_view(annotated: Project, tmp_path: Path):
    doc = annotated.document_by_key("d2")
    assert doc is not None
    annotated.add_annotation(doc.id, "PLACE", doc.text.index("إدلب"), doc.text.index("إدلب") + 4, coder="omar")
    _, page = render(annotated, tmp_path)
    text = " ".join("".join(page.text).split())
    assert "amal: 1 span(s)" in text and "omar: 1 span(s)" in text
    _, only = render(annotated, tmp_path, "--layer", "omar")
    assert "omar: 1 span(s)" not in " ".join("".join(only.text).split())  # one layer: no layer headings
    assert len([a for t, a in only.tags if t == "mark"]) == 1


def test_the_report_is_deterministic(annotated: Project, tmp_path: Path):
    export(annotated, ExportOptions(format="html"), tmp_path / "a.html")
    export(annotated, ExportOptions(format="html"), tmp_path / "b.html")
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()


def test_statuses_flags_and_comments_of_each_coder(annotated: Project, tmp_path: Path):
    doc = annotated.document_by_key("d2")
    assert doc is not None
    annotated.add_annotation(doc.id, "PLACE", 0, 8, coder="gold")
    annotated.set_status(doc.id, "skipped", flagged=True, comment="النص مكرر <i>")
    annotated.set_status(doc.id, "in_progress", coder="omar")
    annotated.add_annotation(doc.id, "PLACE", 0, 8, coder="omar")
    html, page = render(annotated, tmp_path)
    text = " ".join("".join(page.text).split())
    assert "amal: skipped amal: flagged omar: in progress" in text
    assert "gold:" not in text.replace("gold: 1 span(s)", "")  # gold has no status of its own: no badge
    assert "amal: النص مكرر <i>" in text and "<i>" not in html
