"""The columns of the events dataset (``annotator export --format events``), in order.

One list drives the CSV header, the Parquet schema and the README's column table, so the
three can never disagree: a column added here is written, typed and documented at once.
The names are stable: scripts and notebooks select them by name.
"""

from __future__ import annotations

from dataclasses import dataclass

STATUSES = ("killed", "injured")
VICTIMS = ("civilians", "children", "women", "combatants", "unspecified")
BOUNDS = ("best", "min", "max")
NAME_ROLES = (
    ("perpetrators", "perpetrator", "who carried it out (ACTOR spans)"),
    ("targets", "target", "who was attacked (ACTOR spans)"),
    ("places", "place", "where (PLACE spans)"),
    ("source", "source", "who reports or claims it (ACTOR span)"),
)


@dataclass(frozen=True)
class Column:
    """``kind``: ``text``, ``int``, ``list`` (of text) or ``json`` (an object or a list of objects)."""

    name: str
    kind: str
    meaning: str
    acled: str = ""
    ucdp: str = ""


def _columns() -> list[Column]:
    out = [
        Column("doc_id", "text", "the document's id in the project (its key)", "", "source_article (with doc_url)"),
        Column("doc_title", "text", "the document's title"),
        Column("doc_date", "text", "the document's date as imported (meta.date)", "", "source_date"),
        Column("doc_source", "text", "the document's source (a paper, a channel, a file name)", "source", "source_office"),
        Column("doc_url", "text", "the document's address, when it has one", "", "source_article"),
        Column("event_id", "text", "the event's id in the project (stable across exports)", "", "id"),
        Column("event_type", "text", "the codebook's event type, e.g. ATTACK", "event_type / sub_event_type",
               "type_of_violence"),
        Column("coder", "text", "whose layer the event is in (a coder's name, or gold)"),
        Column("origin", "text", "manual, imported, adjudicated (or suggested with --include-suggestions)"),
        Column("attribution", "text", "how the report ties the perpetrator to the attack: asserted, accused, "
               "admitted, hinted or denied", "notes", ""),
        Column("weapon", "text", "airstrike, shelling, drone, car_bomb, ied, clash or other", "sub_event_type", ""),
        Column("event_date", "text", "the day of the event, YYYY-MM-DD: the event's date attribute, else the "
               "document's date", "event_date", "date_start / date_end"),
        Column("date_source", "text", "where event_date comes from: `event` (the event's date attribute), "
               "`document` (the document's date) or empty (neither)", "time_precision", "date_prec"),
        Column("date_text", "list", "the words of the date span (role date), e.g. أمس الخميس"),
        Column("date_span_ids", "list", "the id of the date span"),
    ]
    for column, role, what in NAME_ROLES:
        acled, ucdp = {
            "perpetrators": ("actor1 (assoc_actor_1 for a second one)", "side_a"),
            "targets": ("actor2 (assoc_actor_2 for a second one)", "side_b"),
            "places": ("location (admin1/admin2/admin3 after geocoding)", "where_description (adm_1, adm_2 and "
                       "where_coordinates after geocoding)"),
            "source": ("source", "source_original"),
        }[column]
        out.append(Column(column, "list", f"role {role}: {what}, each by its canonical name (the span's "
                          "`canonical` attribute), else its words as written", acled, ucdp))
        out.append(Column(f"{column}_text", "list", f"role {role}: the words of each span, as written"))
        out.append(Column(f"{column}_span_ids", "list", f"role {role}: the id of each span"))
    for status in STATUSES:
        for victims in VICTIMS:
            for bound in BOUNDS:
                out.append(Column(
                    f"{status}_{victims}_{bound}", "int",
                    f"{bound} figure of {victims} {status} in this incident: the sum over the casualty spans "
                    f"with status {status} and victims {victims}",
                    "", _ucdp_group(status, victims, bound),
                ))
        for bound in BOUNDS:
            out.append(Column(
                f"{status}_civilians_total_{bound}", "int",
                f"civilians {status} counting children and women: the larger of {status}_civilians_{bound} and "
                f"{status}_children_{bound} + {status}_women_{bound}",
                "", "deaths_civilians" if status == "killed" and bound == "best" else "",
            ))
        for bound in BOUNDS:
            out.append(Column(
                f"{status}_{bound}", "int",
                f"everyone {status} in this incident ({bound}): the larger of {status}_unspecified_{bound} "
                f"and combatants + {status}_civilians_total_{bound} (a figure with no group is the whole toll)",
                "fatalities" if status == "killed" and bound == "best" else "",
                {"best": "best", "min": "low", "max": "high"}[bound] if status == "killed" else "",
            ))
    for status in STATUSES:
        for bound in BOUNDS:
            out.append(Column(
                f"cumulative_{status}_{bound}", "int",
                f"figures with scope cumulative (a toll since a date, not of this incident), {status}, "
                f"{bound}: summed by the same rule, never added to the incident columns",
            ))
    out += [
        Column("casualty_spans", "json", "every CASUALTY span of role casualties, as "
               '[{"id", "text", "start", "end", "value", "min", "max", "qualifier", "status", "victims", "scope"}]: '
               "the words behind each figure above, statuses missing and captured included", "notes", ""),
        Column("other_slots", "json", "roles of the event type that have no column above, as "
               '{role: [{"id", "text", "label"}]} (empty for ATTACK)'),
        Column("other_attrs", "json", "event attributes that have no column above, as {name: value}"),
    ]
    return out


def _ucdp_group(status: str, victims: str, bound: str) -> str:
    if status != "killed" or bound != "best":
        return ""
    return {
        "civilians": "deaths_civilians (see killed_civilians_total_best)",
        "unspecified": "deaths_unknown",
        "combatants": "deaths_a + deaths_b (split by side by hand)",
    }.get(victims, "")


COLUMNS: tuple[Column, ...] = tuple(_columns())
COLUMN_NAMES: tuple[str, ...] = tuple(c.name for c in COLUMNS)
