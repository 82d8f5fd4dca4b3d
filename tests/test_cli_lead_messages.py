"""What the command line tells a lead on a merged file: gold before adjudication, agreement before
anything is done, spans per layer, a search with no hit; and init's default coder."""

from __future__ import annotations

import getpass
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli.main import main
from annotator.store.project import Project

TITLE = "غارة على تل الزيتون"
REPORT = "قُتل 12 مدنياً في غارة على بلدة تل الزيتون، بحسب المرصد الوطني لرصد النزاعات."


def run(*args: object) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def coder_file(path: Path, coder: str, words: list[tuple[str, str]], *, done: bool) -> Path:
    with Project.create(path, coder=coder) as project:
        doc, _, _ = project.add_document(REPORT, key="strike", title=TITLE)
        for label, text in words:
            start = REPORT.index(text)
            attrs = {"value": 12, "status": "killed"} if label == "CASUALTY" else {}
            project.add_annotation(doc.id, label, start, start + len(text), attrs=attrs)
        if done:
            project.set_status(doc.id, "done")
    return path


@pytest.fixture
def merged(tmp_path: Path) -> Path:
    amal = coder_file(tmp_path / "amal.db", "amal", [("CASUALTY", "12"), ("PLACE", "تل الزيتون")], done=True)
    omar = coder_file(tmp_path / "omar.db", "omar", [("CASUALTY", "12"), ("PLACE", "بلدة تل الزيتون")], done=True)
    lead = tmp_path / "lead.db"
    assert run("merge", lead, amal, omar)[0] == 0
    return lead


def test_exporting_gold_before_adjudication_is_refused_like_any_missing_layer(merged: Path, tmp_path: Path) -> None:
    out = tmp_path / "gold.conll"
    code, stdout, err = run("export", merged, "--format", "conll", "--layer", "gold", "--out", out)
    assert code == 1 and stdout == ""
    assert err == (
        f"error: no layer named 'gold' in the project (layers: lead, amal, omar); "
        f"adjudicate first (annotator adjudicate {merged} --auto)\n"
    )
    assert not out.exists()
    assert run("export", merged, "--format", "conll", "--layer", "nosuch", "--out", out)[0] == 1
    assert run("adjudicate", merged, "--auto")[0] == 0
    code, _, err = run("export", merged, "--format", "conll", "--layer", "gold", "--status", "all", "--out", out)
    assert code == 0, err
    assert "B-CASUALTY" in out.read_text(encoding="utf-8")


def test_agreement_on_a_merged_file_with_nothing_done_says_so(tmp_path: Path) -> None:
    amal = coder_file(tmp_path / "amal.db", "amal", [("CASUALTY", "12")], done=False)
    omar = coder_file(tmp_path / "omar.db", "omar", [("CASUALTY", "12")], done=False)
    lead = tmp_path / "lead.db"
    run("merge", lead, amal, omar)
    code, out, err = run("agreement", lead)
    assert code == 1 and out == ""
    assert "merge the coders' files first" not in err
    assert err == (
        f"error: {lead}: agreement is measured on documents marked done, and of the coders amal, omar fewer than "
        "two marked any (found: none); mark them done in each coder's file "
        "(annotator status CODER.db --all --set done) and merge again\n"
    )
    # Doing what it says works.
    run("status", amal, "--all", "--set", "done")
    run("status", omar, "--all", "--set", "done")
    run("merge", lead, amal, omar)
    assert run("agreement", lead)[0] == 0


def test_agreement_on_a_single_coder_file_still_asks_for_a_merge(tmp_path: Path) -> None:
    amal = coder_file(tmp_path / "amal.db", "amal", [("CASUALTY", "12")], done=True)
    code, _, err = run("agreement", amal)
    assert code == 1 and "merge the coders' files first" in err


def test_docs_on_a_lead_file_counts_spans_per_layer(merged: Path) -> None:
    code, out, _ = run("docs", merged)
    assert code == 0
    assert out == f"strike\tnew\t--\tamal 2, omar 2\t{TITLE}\n"
    run("adjudicate", merged, "--auto")
    assert run("docs", merged)[1] == f"strike\tin_progress\t--\tamal 2, omar 2, gold 1\t{TITLE}\n"
    record = json.loads(run("docs", merged, "--json")[1])
    assert record["spans_per_layer"] == {"amal": 2, "omar": 2, "gold": 1}
    assert record["spans"] == 0  # the lead's own spans, as in a coder's file


def test_docs_on_a_coder_file_is_unchanged(tmp_path: Path) -> None:
    amal = coder_file(tmp_path / "amal.db", "amal", [("CASUALTY", "12")], done=False)
    assert run("docs", amal)[1] == f"strike\tnew\t--\t1\t{TITLE}\n"
    assert "spans_per_layer" not in json.loads(run("docs", amal, "--json")[1])
    empty = coder_file(tmp_path / "omar.db", "omar", [], done=False)
    assert run("docs", empty)[1] == f"strike\tnew\t--\t0\t{TITLE}\n"


def test_a_search_with_no_hit_says_so_on_stderr_and_is_no_error(tmp_path: Path) -> None:
    amal = coder_file(tmp_path / "amal.db", "amal", [], done=False)
    assert run("docs", amal, "--search", "حلب") == (0, "", "no document matches --search «حلب»\n")
    assert run("docs", amal, "--search", "الزيتون", "--status", "done") == (
        0, "", "no document matches --search «الزيتون» and --status done\n",
    )
    code, out, err = run("docs", amal, "--search", "الزيتون")
    assert code == 0 and out.startswith("strike\t") and err == ""


def test_init_without_coder_takes_the_login_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(getpass, "getuser", lambda: "layla")
    code, out, _ = run("init", tmp_path / "a.db")
    assert code == 0 and out == f"created {tmp_path / 'a.db'} for coder layla (labels: ACTOR, PLACE, CASUALTY, DATE)\n"
    with Project.open(tmp_path / "a.db", readonly=True) as project:
        assert project.coder == "layla"


def test_init_without_coder_and_without_a_login_name_still_makes_a_project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_user() -> str:
        raise OSError("No username set in the environment")

    monkeypatch.setattr(getpass, "getuser", no_user)
    code, out, _ = run("init", tmp_path / "a.db")
    assert code == 0 and "for coder coder " in out
