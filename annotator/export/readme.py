"""The README written beside every folder export, and the split list.

A dataset handed to someone else must say what it holds and what was done to
it (tokens cut at span edges, spans left out of a column, documents left out by
status), in the folder itself, not only on the terminal of whoever exported it.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from annotator.export.files import MARKER, README, text_file
from annotator.export.options import Job
from annotator.export.tokens import TokenStats

TOKEN_RULES = """\
## Tokens

Tokens come from the annotator's Arabic tokenizer: runs of letters and digits
(with their tashkeel), numbers with their separators (350,000 and ١٫٥ are one
token), and every other character (punctuation, symbols, emoji) as a token of
its own. Each token is a slice of the document's stored text; offsets are
Unicode code points, end exclusive (Python's `text[start:end]`).

Where a span starts or ends inside such a token, the token is cut there, so no
span is lost: a place tagged without its conjunction, as in و|الباغوز, or a
figure in و|28, becomes two tokens. The same word elsewhere, untagged, stays
one token unless `--split-clitics` was given; with it, leading proclitics
(و ف ب ل ك and pairs such as وب) are cut off wherever the rest is a number, a
name the project knows, or a word of its own starting with the article (ال),
never by letter alone (لبنان and بغداد keep their first letter).
"""


def token_section(
    stats: TokenStats, *, per_label: bool, split_clitics: bool, combined: bool = True, target: str = "the IOB tags"
) -> str:
    lines = [TOKEN_RULES, "In this export:", ""]
    lines.append(f"- {stats.tokens} token(s)")
    lines.append(f"- {stats.cut_at_span_edges} token(s) cut at a span edge")
    if stats.examples:
        lines.append("  (for example " + ", ".join(stats.examples) + ")")
    lines.append(f"- {stats.cut_clitics} word(s) with proclitics cut off" + ("" if split_clitics else " (not asked)"))
    if combined:
        lines.append(
            f"- {stats.dropped_total} overlapping inner span(s) left out of {target} "
            "(one span per token: the outermost wins)"
        )
    if per_label:
        within = sum(stats.dropped_in_label_columns.values())
        lines.append(f"- {within} span(s) left out of their own label's column (nested in a span of the same label)")
    if stats.duplicates:
        lines.append(f"- {stats.duplicates} exact duplicate span(s) (same label and offsets) tagged once")
    if stats.no_token:
        lines.append(f"- {stats.no_token} span(s) covering only spaces, with no token to tag")
    return "\n".join(lines) + "\n"


def write_readme(
    folder: Path,
    job: Job,
    *,
    title: str,
    files: Sequence[str],
    sections: Sequence[str] = (),
    front_matter: str = "",
) -> None:
    """README.md with the marker that lets a later export replace this folder."""
    parts = [front_matter] if front_matter else []
    parts.append(f"# {title}\n\n{MARKER} from the Arabic event annotator.\n")
    parts.append("\n".join(job.describe()) + "\n")
    if job.notes:
        parts.append("## Notes\n\n" + "\n".join(f"- {note}" for note in job.notes) + "\n")
    parts.append("## Files\n\n" + "\n".join(f"- {line}" for line in files) + "\n")
    parts.extend(sections)
    text_file(folder, README, "\n".join(parts))


def write_split_list(folder: Path, job: Job) -> str | None:
    """split.json: which document went where, so the parts can be rebuilt and checked."""
    if job.split is None:
        return None
    data = {
        "shares": list(job.split.shares),
        "seed": job.split.seed,
        "parts": job.split.parts,
    }
    text_file(folder, "split.json", json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n")
    return "`split.json`: the document ids of each part, the shares and the seed"
