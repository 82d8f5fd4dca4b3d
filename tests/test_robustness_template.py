"""A user's template cannot read outside its folder, nor take unbounded memory, output or time:
each bound met is one clear error naming the template, and nothing is written."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from annotator.errors import InputError
from annotator.export import ExportOptions, export, template_limits
from annotator.store.project import Project


@pytest.fixture
def small(tmp_path: Path) -> Project:
    with Project.create(tmp_path / "p.db", coder="amal") as project:
        doc, _, _ = project.add_document("قصفت الطائرات بلدة الباغوز", key="d1")
        project.add_annotation(doc.id, "PLACE", 19, 26)
        yield project


def render(project: Project, folder: Path, source: str, out: Path | None = None) -> Path:
    template = folder / "t.txt.j2"
    template.write_text(source, encoding="utf-8")
    out = out or folder / "out.txt"
    export(project, ExportOptions(format="template", template=str(template), status="all"), out)
    return out


def test_an_include_through_a_link_out_of_the_folder_is_refused(small: Project, tmp_path: Path) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    secret = tmp_path / "shadow"
    secret.write_text("root:$6$secret", encoding="utf-8")
    (folder / "part.j2").symlink_to(secret)
    with pytest.raises(InputError, match="not a file in its folder") as caught:
        render(small, folder, "{% include 'part.j2' %}")
    assert "$6$secret" not in str(caught.value)
    with pytest.raises(InputError, match="not a file in its folder"):
        render(small, folder, "{% include '../shadow' %}")
    assert not (folder / "out.txt").exists()


def test_an_include_of_a_real_file_in_the_folder_works(small: Project, tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "row.j2").write_text("{{ d.id }};", encoding="utf-8")
    (tmp_path / "alias.j2").symlink_to(tmp_path / "sub" / "row.j2")  # a link that stays inside is fine
    out = render(small, tmp_path, "{% for d in documents %}{% include 'sub/row.j2' %}{% include 'alias.j2' %}{% endfor %}")
    assert out.read_text(encoding="utf-8") == "d1;d1;"


@pytest.mark.parametrize(
    "source",
    [
        '{{ "x"|center(1000000000) }}',
        '{{ "%1000000000d"|format(1) }}',
        '{{ "%.1000000000f" % 1.5 }}',
        '{{ "{:>1000000000}".format(1) }}',
        '{{ "{0:{1}}".format(1, 1000000000) }}',
        '{{ "%*d" % (1000000000, 1) }}',
        '{{ "x".ljust(1000000000) }}',
        '{{ "x".zfill(1000000000) }}',
        '{{ ("y" * 10000)|replace("", "zzzzzzzzzz" * 1000) }}',
        '{{ ("y" * 10000).replace("", "zzzzzzzzzz" * 1000) }}',
        '{{ "a\nb"|indent(999999999) }}',
        '{{ "x" * 1000000000 }}',
    ],
)
def test_one_step_that_would_make_a_gigabyte_is_refused(small: Project, tmp_path: Path, source: str) -> None:
    with pytest.raises(InputError, match="templates are bounded|at most") as caught:
        render(small, tmp_path, "first line\n" + source)
    assert caught.value.path == str((tmp_path / "t.txt.j2").resolve())


def test_a_template_cannot_grow_a_list_in_memory(small: Project, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="template error"):
        render(small, tmp_path, "{% set x = [] %}{% for i in range(10) %}{{ x.append(i) }}{% endfor %}")


def test_output_past_the_bound_stops_and_writes_nothing(
    small: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(template_limits, "MAX_OUTPUT_CHARS", 10_000)
    out = tmp_path / "out.txt"
    out.write_text("previous", encoding="utf-8")
    with pytest.raises(InputError, match="output passed 10,000 characters"):
        render(small, tmp_path, "{% for i in range(100000) %}{{ i }}{% endfor %}", out)
    assert out.read_text(encoding="utf-8") == "previous"


@pytest.mark.parametrize(
    "source",
    [
        # calls range() in the outer loop: stopped by the check on every call
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
        # a loop that calls nothing at all: stopped by the deadline's timer
        "{% set r = range(100000)|list %}{% for i in r %}{% for j in r %}{% endfor %}{% endfor %}",
    ],
)
def test_a_template_that_runs_too_long_is_stopped(
    small: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, source: str
) -> None:
    monkeypatch.setattr(template_limits, "BASE_SECONDS", 1.0)
    with pytest.raises(InputError, match="the template ran for more than 1 s"):
        render(small, tmp_path, source)
    assert not (tmp_path / "out.txt").exists()
    # The timer is disarmed: nothing lands in this thread afterwards.
    done = threading.Event()
    timer = threading.Timer(1.5, done.set)
    timer.start()
    done.wait(5)
    render(small, tmp_path, "{{ documents|length }}")
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == "1"


def test_namespaces_still_count(small: Project, tmp_path: Path) -> None:
    out = render(small, tmp_path, "{% set ns = namespace(n=0) %}{% for d in documents %}{% set ns.n = ns.n + 1 %}{% endfor %}{{ ns.n }}")
    assert out.read_text(encoding="utf-8") == "1"


def test_ordinary_string_methods_still_work(small: Project, tmp_path: Path) -> None:
    """The bounds check what a call would make; the calls a template writer uses every day run."""
    out = render(
        small, tmp_path,
        '{% for d in documents %}{{ d.text.replace("الباغوز", "X") }}|{{ d.id.center(6, "-") }}'
        '|{{ d.text.split()|length }}{% endfor %}',
    )
    assert out.read_text(encoding="utf-8") == "قصفت الطائرات بلدة X|--d1--|4"
