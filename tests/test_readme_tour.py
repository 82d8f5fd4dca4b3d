"""The README's console examples, run as written and compared with what the commands print today.

Every fenced block marked ``console`` in README.md is part of one session, in the
order of the page, in one fresh folder (so a later block sees the files an earlier
one made). The format, for whoever adds an example:

- a line starting with ``$ `` is a command; a ``# comment`` after it is dropped, ``&&``
  chains commands, ``cd FOLDER`` changes folder, and every other command starts with
  ``annotator`` (run in this process, as the installed command would run it);
- the lines after it, up to the next ``$ `` line, are what it prints, standard output and
  standard error together as a terminal shows them;
- a line that is just ``...`` stands for any number of lines, and ``...`` inside a line for
  any text on that line;
- a command whose output has a line starting with ``error: `` must fail (exit status 1);
  every other command must succeed;
- ids (UUIDs) and times (ISO 8601) are the only things normalised, on both sides, because
  they differ on every run; everything else must match exactly.

A block that should not run is marked ``sh`` or ``text`` instead of ``console``.
"""

from __future__ import annotations

import os
import re
import shlex
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli.main import main

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
RESOURCES = ROOT / "resources"

UUID = re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b")
TIME = re.compile(r"\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[+-]\d{2}:\d{2}|Z| UTC)?")
ELLIPSIS = "..."


@dataclass
class Step:
    command: str
    expected: list[str] = field(default_factory=list)
    line: int = 0  # in README.md, for the failure message


def console_steps(markdown: str) -> list[Step]:
    """The commands of every ``console`` block with the output written under each."""
    steps: list[Step] = []
    inside = False
    for number, line in enumerate(markdown.splitlines(), start=1):
        if line.startswith("```"):
            inside = line.strip() == "```console"
            continue
        if not inside:
            continue
        if line.startswith("$ "):
            steps.append(Step(line[2:], line=number))
        elif steps:
            steps[-1].expected.append(line)
        else:
            raise AssertionError(f"README.md line {number}: output before any command")
    return steps


def normalise(line: str) -> str:
    return TIME.sub("<time>", UUID.sub("<id>", line.rstrip()))


def matches(expected: list[str], actual: list[str]) -> bool:
    """``expected`` against ``actual`` line by line, with the README's ``...`` wildcards."""
    if not expected:
        return not actual
    head, rest = expected[0], expected[1:]
    if head == ELLIPSIS:
        return any(matches(rest, actual[i:]) for i in range(len(actual) + 1))
    if not actual:
        return False
    pattern = ".*".join(re.escape(part) for part in normalise(head).split(ELLIPSIS))
    return re.fullmatch(pattern, normalise(actual[0])) is not None and matches(rest, actual[1:])


def run_step(step: Step, cwd: Path) -> tuple[Path, list[str], bool]:
    """Run one ``$`` line; returns the folder after it, the lines printed, and whether all succeeded."""
    printed: list[str] = []
    ok = True
    for part in step.command.split("&&"):
        words = shlex.split(part, comments=True)
        if not words:
            continue
        if words[0] == "cd":
            cwd = cwd / words[1]
            continue
        assert words[0] == "annotator", f"README.md line {step.line}: only annotator and cd run here: {part!r}"
        os.chdir(cwd)
        result = CliRunner().invoke(main, words[1:])
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        printed += result.output.splitlines()
        ok = ok and result.exit_code == 0
        if not ok:
            break
    return cwd, printed, ok


@pytest.fixture
def shipped_resources(monkeypatch: pytest.MonkeyPatch) -> None:
    """The example's sources from this checkout (an editable install may point at another one)."""
    monkeypatch.setattr("annotator.example.resource_path", lambda *parts: RESOURCES.joinpath(*parts))


def test_the_readme_has_a_tour_that_starts_with_the_example() -> None:
    steps = console_steps(README.read_text(encoding="utf-8"))
    assert len(steps) >= 20
    assert steps[0].command.startswith("annotator example tour && cd tour")


def test_every_console_example_of_the_readme_prints_what_it_shows(
    tmp_path: Path, shipped_resources: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    cwd = tmp_path
    for step in console_steps(README.read_text(encoding="utf-8")):
        cwd, printed, ok = run_step(step, cwd)
        should_fail = any(line.startswith("error: ") for line in step.expected)
        shown = "\n".join(printed)
        assert ok != should_fail, f"README.md line {step.line}: $ {step.command}\nexit {'0' if ok else '1'}:\n{shown}"
        assert matches(step.expected, printed), (
            f"README.md line {step.line}: $ {step.command}\nREADME shows:\n" + "\n".join(step.expected)
            + f"\nthe command prints:\n{shown}"
        )


@pytest.mark.parametrize(
    ("expected", "actual", "same"),
    [
        (["a", "...", "d"], ["a", "b", "c", "d"], True),
        (["a", "...", "d"], ["a", "d"], True),
        (["a", "...", "d"], ["a", "b"], False),
        (["spans: 3 added, ..."], ["spans: 3 added, 0 updated"], True),
        (["spans: 3 added"], ["spans: 4 added"], False),
        (["gold 01a23592-5a88-725d-b218-420fa1be7c06"], ["gold 4d8e833a-8ec0-5f23-be2f-a8cae24e442c"], True),
        (["at 2026-12-02T07:05:14+00:00"], ["at 2025-01-01T00:00:00+00:00"], True),
        (["x"], ["x", "y"], False),
    ],
)
def test_the_comparison_knows_only_the_documented_wildcards(expected: list[str], actual: list[str], same: bool) -> None:
    assert matches(expected, actual) is same


def test_a_console_block_is_read_command_by_command() -> None:
    markdown = "text\n```console\n$ annotator docs a.db  # why\nline 1\n\nline 2\n$ cd x\n```\n```sh\n$ not run\n```\n"
    steps = console_steps(markdown)
    assert [(s.command, s.expected, s.line) for s in steps] == [
        ("annotator docs a.db  # why", ["line 1", "", "line 2"], 3),
        ("cd x", [], 7),
    ]
