"""User templates: rendered over plain data in a sandbox; errors name the template and line."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from annotator.cli.main import main
from annotator.store.project import Project


def run_template(project: Project, tmp_path: Path, source: str, name: str = "t.txt.j2", *args: str):  # type: ignore[no-untyped-def]
    template = tmp_path / name
    template.write_text(source, encoding="utf-8")
    return CliRunner().invoke(
        main, ["export", str(project.path), "--format", "template", "--template", str(template), "--out", "-", *args]
    )


CSV = (
    "doc,label,start,end,text,value\n"
    "{% for d in documents %}{% for s in d.spans %}"
    "{{ d.id }},{{ s.label }},{{ s.start }},{{ s.end }},{{ s.text }},{{ s.attrs.get('value', '') }}\n"
    "{% endfor %}{% endfor %}"
)


def test_a_csv_template_over_the_spans(annotated: Project, tmp_path: Path):
    result = run_template(annotated, tmp_path, CSV, "spans.csv.j2", "--layer", "amal")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "doc,label,start,end,text,value"
    assert lines[1] == "d1,CASUALTY,7,9,54,54"
    assert "d1,CASUALTY,111,117,ثلاثين,30" in lines
    assert "d2,PLACE,37,43,كفرنبل," in lines and len(lines) == 12


def test_tokens_helper_gives_cut_tokens_with_iob_tags(annotated: Project, tmp_path: Path):
    source = "{% for t in tokens(documents[0]) %}{{ t.text }}/{{ t.tag }} {% endfor %}"
    result = run_template(annotated, tmp_path, source)
    assert result.exit_code == 0, result.output
    assert "ب/O دير/B-PLACE الزور/I-PLACE" in result.stdout
    assert "و/O الباغوز/B-PLACE ./O" in result.stdout


def test_html_templates_escape_and_text_templates_do_not(annotated: Project, tmp_path: Path):
    source = "{% for d in documents %}{{ d.meta.title }}|{% endfor %}"
    assert run_template(annotated, tmp_path, source, "x.html.j2").stdout.startswith("غارة على الباغوز|&lt;b&gt;bold")
    assert "|<b>bold</b>|" in run_template(annotated, tmp_path, source, "x.md.j2").stdout
    as_json = run_template(annotated, tmp_path, "{{ documents[1].meta | tojson }}", "x.html.j2").stdout
    assert as_json == '{"title": "\\u003cb\\u003ebold\\u003c/b\\u003e"}'


def test_the_sandbox_refuses_python_internals(annotated: Project, tmp_path: Path):
    result = run_template(annotated, tmp_path, "line one\n{{ ''.__class__.__mro__[1].__subclasses__() }}")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {tmp_path / 't.txt.j2'}, line 2: template error: access to attribute")
    assert "unsafe" in result.stderr


def test_template_errors_name_the_file_and_line(annotated: Project, tmp_path: Path):
    syntax = run_template(annotated, tmp_path, "ok\n{% for d in documents %}\n{{ d.id }\n")
    assert syntax.exit_code == 1
    assert syntax.stderr.startswith(f"error: {tmp_path / 't.txt.j2'}, line 3: template syntax error:")
    undefined = run_template(annotated, tmp_path, "a\nb\n{{ documents[0].titel.upper() }}")
    assert undefined.exit_code == 1
    assert undefined.stderr.startswith(f"error: {tmp_path / 't.txt.j2'}, line 3: template error:")
    assert "titel" in undefined.stderr and len(undefined.stderr.splitlines()) == 1
    division = run_template(annotated, tmp_path, "{{ 1 // 0 }}")
    assert division.exit_code == 1 and "line 1: template error: ZeroDivisionError" in division.stderr


def test_a_failed_template_leaves_the_previous_output(annotated: Project, tmp_path: Path):
    out = tmp_path / "out.txt"
    out.write_text("previous", encoding="utf-8")
    template = tmp_path / "bad.j2"
    template.write_text("{{ nothing_here }}", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["export", str(annotated.path), "--format", "template", "--template", str(template), "--out", str(out)]
    )
    assert result.exit_code == 1 and out.read_text(encoding="utf-8") == "previous"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
