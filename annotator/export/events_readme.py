"""``NAME.README.md`` beside an events dataset: what each column means, and where it goes in
ACLED and UCDP GED.

The dataset leaves the project for analysts who never saw the codebook, so the file that
travels with it says how every number was counted, not only what the column is called.
"""

from __future__ import annotations

from pathlib import Path

from annotator.export.events_columns import COLUMNS
from annotator.export.files import MARKER, write_text
from annotator.export.options import Job

FORMATS = {
    "csv": "CSV, UTF-8 with a byte-order mark (so Excel reads the Arabic), one header line, one line per event; "
    "lists are joined with ` | `, the JSON columns hold JSON text, an empty cell is a null",
    "jsonl": "JSON Lines, UTF-8, one object per event; lists are JSON lists, figures are numbers, null is none",
    "parquet": "Parquet (pyarrow), one row per event; lists are list<string>, figures int64 (null for none), "
    "the JSON columns JSON text; each field's metadata holds its meaning",
}

RULES = """\
## How the figures are counted

- Each CASUALTY span in the event's `casualties` role is one figure: its best is
  the span's `value`, its min the span's `min` (else the value), its max the
  span's `max` (else the value).
- `{status}_{victims}_{best|min|max}` sums the figures of that status (killed,
  injured) and victim group (civilians, children, women, combatants,
  unspecified); a figure without `victims` counts as unspecified.
- Children and women are counted as among the civilians, as reports write them
  («قتل 54 مدنيا بينهم 12 طفلا»: 54 civilians, 12 of them children):
  `{status}_civilians_total_*` is the larger of the civilians figure and
  children + women, never their sum. The totals `killed_*` / `injured_*` add
  combatants to it, and a figure without a victim group is read as the whole
  toll the groups belong to («قتل 20 شخصا بينهم 5 أطفال»: 20, not 25): the total
  is the larger of the two readings, never their sum, the conservative count
  conflict datasets keep as their best estimate. Two events that share a
  casualty span each count it whole.
- Figures with scope `cumulative` (a toll since a date, not of this incident)
  are summed by the same rules into `cumulative_*` and never into the incident
  columns; figures without a scope are incident figures.
- Figures of status missing or captured, and figures without a value, are in
  `casualty_spans` only (the notes above count them).
- An empty cell (null) means no figure was reported, which is not 0.
- Names: a span's `canonical` attribute when a coder set it (التحالف الدولي for
  التحالف), else its words. The `_text` and `_span_ids` columns beside each
  field, and `casualty_spans` (with offsets into the document's text), lead
  back to the words behind every value; `doc_id` and `event_id` find them in
  the project (`annotator export --format jsonl` holds the texts).
- `event_date` is the event's `date` attribute (worked out from the date span
  and the document's date), else the document's date; `date_source` says which.
"""

MAPPING = """\
## From here to ACLED and UCDP GED

Both datasets code one row per event, as this one does. Their fields, and the
column that feeds each:

| ACLED | here |
| --- | --- |
| `event_date` | `event_date` (ACLED writes the day; check `date_source`: `document` is the report's date, not the attack's; `time_precision` follows from it) |
| `event_type`, `sub_event_type` | `event_type` with `weapon` (airstrike or drone: Air/drone strike; shelling: Shelling/artillery/missile attack; ied and car_bomb: Remote explosive/landmine/IED; clash: Armed clash) |
| `actor1`, `assoc_actor_1` | `perpetrators` (ACLED's actors carry no direction; actor1 is the attacker by convention here) |
| `actor2`, `assoc_actor_2` | `targets`; civilians victims make `civilian_targeting` |
| `location`, `admin1`, `admin2`, `admin3`, `latitude`, `longitude` | `places` (names only: geocode them) |
| `fatalities` | `killed_best` (ACLED records a conservative figure: `killed_min` is the cautious choice when a range was reported) |
| `source` | `source` (who the report cites) and `doc_source` |
| `notes` | a sentence built from `attribution` and `casualty_spans` |

| UCDP GED | here |
| --- | --- |
| `id` | `event_id` |
| `date_start`, `date_end`, `date_prec` | `event_date`, `date_source` |
| `type_of_violence` | from `targets` and `killed_civilians_total_best` (one-sided violence when only civilians are hit) |
| `side_a`, `side_b` | `perpetrators`, `targets` |
| `best`, `low`, `high` | `killed_best`, `killed_min`, `killed_max` |
| `deaths_civilians` | `killed_civilians_total_best` |
| `deaths_unknown` | `killed_unspecified_best` |
| `deaths_a`, `deaths_b` | `killed_combatants_best`, split by side by hand |
| `where_description`, `adm_1`, `adm_2`, `where_coordinates`, `latitude`, `longitude` | `places` (geocode them) |
| `source_article`, `source_office`, `source_date`, `source_original` | `doc_url`/`doc_id`, `doc_source`, `doc_date`, `source` |

Injured figures (`injured_*`) have no column in either dataset; they are kept for
monitors that publish them.
"""


def readme_path(out: Path) -> Path:
    """``events.csv`` → ``events.README.md``, beside it."""
    return out.with_name(f"{out.stem}.README.md")


def column_table() -> str:
    lines = ["## Columns", "", "| column | type | meaning | ACLED | UCDP GED |", "| --- | --- | --- | --- | --- |"]
    for column in COLUMNS:
        cells = [f"`{column.name}`", column.kind, column.meaning, column.acled, column.ucdp]
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(lines) + "\n"


def events_readme(job: Job, data_file: str, kind: str, events: int) -> str:
    parts = [f"# Events dataset\n\n{MARKER} from the Arabic event annotator.\n"]
    parts.append("\n".join([*job.describe(), f"- events: {events}, one row each"]) + "\n")
    if job.notes:
        parts.append("## Notes\n\n" + "\n".join(f"- {note}" for note in job.notes) + "\n")
    parts.append(f"## File\n\n- `{data_file}`: {FORMATS[kind]}\n")
    parts += [column_table(), RULES, MAPPING]
    return "\n".join(parts)


def write_events_readme(job: Job, out: Path, kind: str, events: int) -> str:
    target = readme_path(out)
    text = events_readme(job, out.name, kind, events)
    write_text(target, lambda handle: handle.write(text))
    return str(target)
