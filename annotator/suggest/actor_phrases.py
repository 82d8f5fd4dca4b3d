"""Actors written around a name the gazetteer knows: the forces of a group, a state body of a
place or a country.

News names most bodies by a pattern over a name: قوات المجلس الانتقالي الجنوبي (the
forces of a known actor), شرطة كركوك، مديرية صحة دهوك، قيادة عمليات نينوى، مجلس منبج
العسكري (a body of a known place), وزارة الدفاع التركية، الحكومة اللبنانية (a state
body and its country's adjective) and وزارة X for any ministry, a known force's too
(وزارة البيشمركة). The whole phrase is one
ACTOR (README, "Suggestions": the span convention) and the place inside it is no PLACE
of its own. A proclitic before the phrase (لشرطة، بوزارة) stays out as everywhere.
"""

from __future__ import annotations

from annotator.suggest.adjectives import is_definite_country_adjective
from annotator.suggest.names import Word
from annotator.suggest.suggestion import Suggestion
from annotator.text import normalize, proclitic_candidates

# fmt: off
# Words before a known actor that make its armed forces one actor with it.
_FORCES = frozenset(normalize(w) for w in ("قوات", "جيش", "كتائب", "ألوية", "مليشيات", "ميليشيات", "ميليشيا"))
# Bodies of a place, as word sequences before it, with their kind.
_OF_PLACE: dict[tuple[str, ...], str] = {
    tuple(normalize(w) for w in words.split()): kind for words, kind in (
        ("شرطة", "state_forces"), ("قيادة شرطة", "state_forces"), ("مديرية شرطة", "state_forces"),
        ("قيادة عمليات", "state_forces"), ("مديرية أمن", "state_forces"), ("مديرية صحة", "organisation"),
        ("دائرة صحة", "organisation"), ("مكتب صحة", "organisation"), ("مجلس", "non_state_armed_group"),
    )
}
_OF_PLACE_LONGEST_FIRST = sorted(_OF_PLACE.items(), key=lambda item: -len(item[0]))
# A body of a place that needs a word after the place: مجلس منبج العسكري.
_AFTER_PLACE: dict[tuple[str, ...], frozenset[str]] = {(normalize("مجلس"),): frozenset(normalize(w) for w in ("العسكري", "المدني"))}
# State bodies a country adjective after them belongs to, with the kind a new actor takes.
_STATE_BODIES = {
    normalize(w): kind for w, kind in (
        ("الحكومة", "organisation"), ("الجيش", "state_forces"), ("القوات", "state_forces"),
        ("الشرطة", "state_forces"), ("البحرية", "state_forces"), ("السلطات", "organisation"),
        ("الرئاسة", "organisation"), ("الخارجية", "organisation"), ("الداخلية", "organisation"),
    )
}
_MINISTRY = normalize("وزارة")
_MINISTRY_STEM = "وزار"  # in every spelling of وزارة but one with marks inside it
_GENERAL = frozenset(normalize(w) for w in ("العامة", "العام"))
# fmt: on


def _bare_start(word: Word, heads: frozenset[str] | set[str]) -> int | None:
    """Where ``word`` starts as one of ``heads`` (after a proclitic: لقوات → قوات), or None."""
    for offset in (0, *proclitic_candidates(word.text)):
        if normalize(word.text[offset:]) in heads:
            return word.start + offset
    return None


def grow_actors(text: str, words: list[Word], found: list[Suggestion]) -> list[Suggestion]:
    """``found`` with the actors written around its names: see the module's docstring.
    Suggestions come back in text order; none overlap if none did."""
    index = {w.start: i for i, w in enumerate(words)}
    ends = {w.end: i for i, w in enumerate(words)}
    out: list[Suggestion] = []
    for s in found:
        first = index.get(s.start)
        if s.label == "PLACE" and first is not None:
            s = _body_of_place(text, words, ends, first, s)
        elif s.label == "ACTOR" and first is not None:
            s = _forces_of(text, words, first, s)
        if s.label == "ACTOR":
            s = _with_country(text, words, ends, s)
        out.append(s)
    taken = [(s.start, s.end) for s in out]
    for s in _new_state_bodies(text, words, ends):
        if not any(s.start < end and start < s.end for start, end in taken):
            out.append(s)
    return sorted(out, key=lambda s: s.start)


def _body_of_place(text: str, words: list[Word], ends: dict[int, int], first: int, place: Suggestion) -> Suggestion:
    for heads, kind in _OF_PLACE_LONGEST_FIRST:
        n = len(heads)
        if first < n:
            continue
        before = words[first - n : first]
        if not all(w.follows_space for w in (*before[1:], words[first])):
            continue
        if [normalize(w.text) for w in before[1:]] != list(heads[1:]):
            continue
        start = _bare_start(before[0], {heads[0]})
        if start is None:
            continue
        end = place.end
        needed = _AFTER_PLACE.get(heads)
        if needed is not None:
            last = ends.get(place.end)
            following = words[last + 1] if last is not None and last + 1 < len(words) else None
            if following is None or not following.follows_space or normalize(following.text) not in needed:
                continue
            end = following.end
        return Suggestion("ACTOR", start, end, {"kind": kind, "canonical": text[start:end]}, place.source)
    return place


def _forces_of(text: str, words: list[Word], first: int, actor: Suggestion) -> Suggestion:
    if first == 0 or not words[first].follows_space or normalize(words[first].text) in _FORCES:
        return actor
    start = _bare_start(words[first - 1], _FORCES)
    if start is not None:
        return Suggestion("ACTOR", start, actor.end, dict(actor.attrs), actor.source)
    start = _bare_start(words[first - 1], {_MINISTRY})
    if start is not None:  # وزارة البيشمركة: the ministry of a known force
        attrs = {**actor.attrs, "kind": "organisation", "canonical": text[start : actor.end]}
        return Suggestion("ACTOR", start, actor.end, attrs, actor.source)
    return actor


def _with_country(text: str, words: list[Word], ends: dict[int, int], actor: Suggestion) -> Suggestion:
    """An actor that opens with a state body or another definite word (وزارة الدفاع، الجيش،
    الدفاع المدني) takes the country adjective or العامة after it; one with an indefinite
    name does not («مشروع مسام» السعودي: the adjective describes it)."""
    opening = normalize(text[actor.start : actor.end].split()[0])
    if opening != _MINISTRY and not opening.startswith("ال"):
        return actor
    last = ends.get(actor.end)
    if last is None or last + 1 >= len(words):
        return actor
    following = words[last + 1]
    if not following.follows_space:
        return actor
    if not (
        is_definite_country_adjective(following.text)
        or (opening == _MINISTRY and normalize(following.text) in _GENERAL)
    ):
        return actor
    return Suggestion("ACTOR", actor.start, following.end, dict(actor.attrs), actor.source)


def _new_state_bodies(text: str, words: list[Word], ends: dict[int, int]) -> list[Suggestion]:
    """Actors no list has: a state body and its country (الحكومة اللبنانية), a ministry (وزارة البيشمركة)."""
    out: list[Suggestion] = []
    for i, word in enumerate(words[:-1]):
        following = words[i + 1]
        if not following.follows_space:
            continue
        # the cheap tests first: a word of every article goes through here
        ministry = _bare_start(word, {_MINISTRY}) if _MINISTRY_STEM in word.text else None
        if ministry is not None and normalize(following.text).startswith("ال") and len(following.text) > 3:
            s = Suggestion("ACTOR", ministry, following.end, {"kind": "organisation"}, "gazetteer")
            s = _with_country(text, words, ends, s)
            out.append(
                Suggestion(
                    "ACTOR", s.start, s.end, {"kind": "organisation", "canonical": text[s.start : s.end]}, "gazetteer"
                )
            )
            continue
        if not is_definite_country_adjective(following.text):
            continue
        for head, kind in _STATE_BODIES.items():
            start = _bare_start(word, {head})
            if start is not None:
                out.append(
                    Suggestion(
                        "ACTOR",
                        start,
                        following.end,
                        {"kind": kind, "canonical": text[start : following.end]},
                        "gazetteer",
                    )
                )
                break
    return out
