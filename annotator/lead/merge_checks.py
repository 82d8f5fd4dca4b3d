"""What a merge checks before it writes anything: the merged file is none of its sources,
a chosen codebook can be read, and the sources' codebooks agree (or one is chosen).

Each refusal names the file and the differences, so the lead knows which file to fix;
:mod:`annotator.lead.merge` calls these before its transaction starts.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from annotator.codebook import Codebook
from annotator.codebook_reading import load_codebook
from annotator.errors import InputError, ValidationError
from annotator.plain_files import refuse_special
from annotator.store.project import Project
from annotator.store.schema import SQLITE_HEADER


def refuse_out_as_source(out: Path, sources: Sequence[str | Path]) -> None:
    if not out.exists():
        return
    for source in sources:
        if Path(source).exists() and os.path.samefile(out, source):
            raise InputError("the merged project cannot also be one of its sources", path=source)


def load_chosen_codebook(path: Path) -> Codebook:
    """``--codebook-from`` takes a project file (its codebook) or a TOML/JSON codebook."""
    refuse_special(path, InputError)
    try:
        with open(path, "rb") as handle:
            is_sqlite = handle.read(16) == SQLITE_HEADER
    except FileNotFoundError:
        raise InputError("no such codebook or project file", path=path) from None
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc.strerror})", path=path) from None
    if is_sqlite:
        with Project.open(path, readonly=True) as project:
            return project.codebook
    return load_codebook(path)


def check_codebooks(
    base: Codebook,
    base_path: Path,
    sources: list[Project],
    chosen: Codebook | None,
    chosen_path: str | Path | None,
) -> None:
    """Refuse differing codebooks, naming the differences; a chosen codebook relaxes this.

    With a chosen codebook the sources may differ from each other (each span is
    then checked against the chosen one), but an existing merged project must
    already have the chosen codebook, since its spans were checked against it.
    """
    if chosen is not None:
        differences = base.differences(chosen)
        if differences:
            raise ValidationError(
                f"the merged project's codebook differs from the one in {chosen_path} "
                f"({_describe(differences, base_path.name, str(chosen_path))}); merge into a new file instead",
                path=base_path,
            )
        return
    for source in sources:
        differences = base.differences(source.codebook)
        if not source.has_event_tables:
            # A file made before events brings none: its codebook's missing event types check nothing.
            differences = [d for d in differences if not d.startswith("event type ")]
        if differences:
            raise ValidationError(
                f"its codebook differs from {base_path.name}'s "
                f"({_describe(differences, base_path.name, source.path.name)}); make them the same, "
                "or choose one with --codebook-from FILE",
                path=source.path,
            )


def _describe(differences: list[str], first: str, second: str) -> str:
    return "; ".join(
        d.replace("only in the first", f"only in {first}").replace("only in the second", f"only in {second}")
        for d in differences
    )
