"""Laws of merging, on generated coder files: idempotent, commutative in content, read-only."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_merge import TEXTS, content, file_digest

from annotator.lead.merge import merge_projects
from annotator.models import STATUSES
from annotator.store.project import Project
from annotator.text import tokenize

ATTRS: dict[str, list[dict[str, Any]]] = {
    "ACTOR": [{}, {"role": "perpetrator"}, {"role": "target", "kind": "civilians"}],
    "PLACE": [{}, {"kind": "town"}],
    "CASUALTY": [{"value": 54, "status": "killed"}, {"value": 30, "status": "injured"}, {"value": 0}],
}
WORDS = {text: [t for t in tokenize(text) if t.is_word] for text in TEXTS}


@st.composite
def coder_work(
    draw: st.DrawFn, statuses: tuple[str, ...] = STATUSES, min_texts: int = 0
) -> list[tuple[str, str, list[tuple[int, int, str, dict[str, Any]]]]]:
    """Some of the texts, each with a status and spans over whole words (sometimes nested or repeated)."""
    work = []
    for text in draw(st.lists(st.sampled_from(TEXTS), unique=True, min_size=min_texts, max_size=3)):
        words = WORDS[text]
        spans = []
        for _ in range(draw(st.integers(0, 4))):
            first = draw(st.integers(0, len(words) - 1))
            last = draw(st.integers(first, min(first + 2, len(words) - 1)))
            label = draw(st.sampled_from(sorted(ATTRS)))
            spans.append((words[first].start, words[last].end, label, draw(st.sampled_from(ATTRS[label]))))
        work.append((text, draw(st.sampled_from(statuses)), spans))
    return work


def write(path: Path, coder: str, work: list[tuple[str, str, list[tuple[int, int, str, dict[str, Any]]]]]) -> Path:
    with Project.create(path, coder=coder) as project:
        for text, status, spans in work:
            doc, _, _ = project.add_document(text)
            for start, end, label, attrs in spans:
                project.add_annotation(doc.id, label, start, end, attrs=attrs)
            project.set_status(doc.id, status)
    return path


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(coder_work(), coder_work(), coder_work())
def test_merge_is_idempotent_commutative_and_read_only(first: list[Any], second: list[Any], third: list[Any]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        sources = [
            write(root / "amal.db", "amal", first),
            write(root / "omar.db", "omar", second),
            write(root / "sara.db", "sara", third),
        ]
        digests = [file_digest(p) for p in sources]
        results = []
        orders = [sources, sources[::-1], sources[1:] + sources[:1]]
        for number, order in enumerate(orders):
            out = root / f"merged-{number}.db"
            merge_projects(out, list(order))
            results.append(content(out))
        assert all(found == results[0] for found in results)
        # merging any source again, alone or all together, changes nothing
        out = root / "merged-0.db"
        merge_projects(out, [sources[1]])
        merge_projects(out, sources)
        assert content(out) == results[0]
        # one at a time into an existing project gives the same as all at once
        stepwise = root / "stepwise.db"
        for source in reversed(sources):
            merge_projects(stepwise, [source])
        assert content(stepwise) == results[0]
        assert [file_digest(p) for p in sources] == digests
        # every source span is there, with its coder and id
        with Project.open(out, readonly=True) as merged:
            ids = {(a.coder, a.id) for a in merged.annotations()}
        for source in sources:
            with Project.open(source, readonly=True) as project:
                assert {(a.coder, a.id) for a in project.annotations()} <= ids
