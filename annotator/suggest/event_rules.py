"""The rules that read an attack out of one sentence and the spans in it (no project, no store).

A sentence ends at a newline or at . ! ? ؟ ؛ … (a full stop between digits, as in 3.5, does
not end one); the Arabic comma does not, since one Arabic sentence often runs through
several. In a sentence holding a strike word (:data:`WEAPON_WORDS`) and at least one
CASUALTY span of the incident (not a cumulative toll), plus a PLACE or an ACTOR span, an
ATTACK is proposed:

- ``casualties``: the sentence's CASUALTY spans; ``place``: its PLACE spans.
- ``perpetrator``: an ACTOR span the strike word governs. After a strike word, and after
  one adjective such as جوية or مدفعي if one follows it, an ACTOR span starting at the
  next word is the perpetrator when the strike word has no article (غارات التحالف، قصف
  قوات النظام، استهدفت طائرات التحالف: a verb's subject, a noun's possessor) or when the
  next word is the actor with ل (الغارة الجوية للتحالف، قصف لقوات النظام). A definite
  noun cannot take a possessor, so «استهدفت الغارة تنظيم الدولة» has none. So does an
  ACTOR span that starts with a strike word (طائرات التحالف), one right before or after a
  word by which it denies, admits or hints at the attack (نفى التحالف، والتحالف يلمح
  لمسؤوليته: who denies an attack is who it is laid on), and one whose ``role`` attribute
  says perpetrator.
- ``target``: an ACTOR span within two words after ضد, or whose ``role`` says target.
- ``source``: the first ACTOR span within three words after بحسب، حسب، وفق، قال، أفاد،
  ذكر، أحصى، وثق، أكد (بحسب ما أفاد المرصد), or whose ``role`` says claimant.
- ``date``: the sentence's first DATE span; the event's ``date`` attribute is the day
  :func:`annotator.dates.resolve_date` reads in it against the document's date.
- ``weapon``: from the strike words, the most specific first: drone (مسيرة), car_bomb
  (مفخخة), ied (عبوة ناسفة), airstrike (غارة، طائرات، or any strike word followed by جوي),
  shelling (قصف، قذائف، صواريخ), clash (اشتباكات), else other (استهدف، انفجار، هجوم).
- ``attribution``: from cue words in the sentence, else in the next one: denied (نفى),
  admitted (تبنى، اعترف، or أعلن … مسؤوليته), hinted (يلمح، ألمح), accused (اتهم، متهما),
  in that order when several appear; else asserted.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from annotator.dates import resolve_date
from annotator.models import Annotation
from annotator.suggest.names import Word, words_of
from annotator.suggest.words import WordList
from annotator.text import normalize, proclitic_candidates

EVENT_TYPE = "ATTACK"
CASUALTY, PLACE, ACTOR, DATE = "CASUALTY", "PLACE", "ACTOR", "DATE"

_SENTENCE_ENDS = frozenset(".!?؟؛…\n")

# fmt: off
# Strike words by the weapon they name, the most specific first.
WEAPON_WORDS: tuple[tuple[str, WordList], ...] = (
    ("drone", WordList.of("مسيرة", "مسيرات", "مسيّرة", "درون", "درونز")),
    ("car_bomb", WordList.of("مفخخة", "مفخخات", "مفخخه")),
    ("ied", WordList.of("ناسفة", "ناسفات", "عبوة", "عبوات", "لغم", "ألغام")),
    ("airstrike", WordList.of(
        "غارة", "غارات", "طائرة", "طائرات", "طيران", "الطيران", "مروحية", "مروحيات", "برميل", "براميل",
    )),
    ("shelling", WordList.of(
        "قصف*", "يقصف*", "تقصف*", "قذيفة", "قذائف", "مدفعي*", "صاروخ*", "صواريخ", "هاون", "راجمات",
    )),
    ("clash", WordList.of("اشتباك*", "اشتبك*", "معارك", "معركة", "مواجهات")),
    ("other", WordList.of(
        "استهدف*", "يستهدف*", "تستهدف*", "استهداف*", "انفجار*", "تفجير*", "هجوم", "هجوما", "هجمات", "هجمة",
        "هاجم*", "يهاجم*", "تهاجم*", "ضربة", "ضربات", "انتحاري*",
    )),
)
AERIAL = WordList.of("جوي*")
# Adjectives that may stand between a strike word and the actor it governs.
MODIFIERS = WordList.of(
    "جوي*", "مدفعي*", "صاروخي*", "عنيف*", "مكثف*", "جديد*", "مماثل*", "أخرى", "انتحاري*", "بري*",
)
SOURCE_CUES = WordList.of(
    "بحسب", "حسب", "وفق", "وفقا", "قال", "قالت", "يقول", "تقول", "أفاد", "أفادت", "يفيد", "تفيد", "ذكر", "ذكرت",
    "يذكر", "أحصى", "أحصت", "وثق", "وثقت", "أكد", "أكدت", "أعلن", "أعلنت",
)
TARGET_CUES = WordList.of("ضد")
DENIED = WordList.of("نفى", "نفت", "ينفي", "تنفي", "نفوا", "نافيا", "نافية", "نفيه", "تنصل*", "يتنصل*")
ACCUSED = WordList.of("اتهم*", "يتهم*", "تتهم*", "متهم*", "اتهام*")
ADMITTED = WordList.of("تبنى", "تبنت", "يتبنى", "تتبنى", "تبنوا", "تبني", "اعترف*", "يعترف*")
HINTED = WordList.of("ألمح", "ألمحت", "ألمحوا", "يلمح*", "تلمح*", "ملمحا")
ANNOUNCE = WordList.of("أعلن*", "يعلن*", "تعلن*")
RESPONSIBILITY = WordList.of("مسؤولي*", "المسؤولي*")
# fmt: on
_ATTRIBUTION_ORDER = ("denied", "admitted", "hinted", "accused")
_ATTRIBUTIONS = frozenset(_ATTRIBUTION_ORDER)
_CLAIMS = frozenset({"denied", "admitted", "hinted"})
_CUE_LISTS = {
    "aerial": AERIAL, "modifier": MODIFIERS, "source": SOURCE_CUES, "target": TARGET_CUES, "denied": DENIED,
    "accused": ACCUSED, "admitted": ADMITTED, "hinted": HINTED, "announce": ANNOUNCE,
    "responsibility": RESPONSIBILITY,
}


@dataclass(frozen=True)
class EventProposal:
    """An attack read from one sentence: span ids by role, and the event's attributes."""

    type: str
    slots: dict[str, tuple[str, ...]]
    attrs: dict[str, Any]
    trigger: str
    sentence: tuple[int, int]
    notes: tuple[str, ...] = field(default=())


def sentences(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` of each sentence, ends included; empty stretches left out."""
    out: list[tuple[int, int]] = []
    start = 0
    for at, ch in enumerate(text):
        if ch not in _SENTENCE_ENDS:
            continue
        if ch == "." and 0 < at < len(text) - 1 and text[at - 1].isdecimal() and text[at + 1].isdecimal():
            continue
        if text[start : at + 1].strip():
            out.append((start, at + 1))
        start = at + 1
    if text[start:].strip():
        out.append((start, len(text)))
    return out


@lru_cache(maxsize=65536)
def weapon_of(word: str) -> str | None:
    """The weapon a strike word names (the most specific list that holds it), else None."""
    for weapon, words in WEAPON_WORDS:
        if words.matches(word):
            return weapon
    return None


@lru_cache(maxsize=65536)
def _kinds(word: str) -> frozenset[str]:
    """Which cue lists hold the word: an article's words repeat, so each is read once."""
    return frozenset(name for name, words in _CUE_LISTS.items() if words.matches(word))


def propose_events(
    text: str, spans: Sequence[Annotation], document_date: str | None = None, words: list[Word] | None = None
) -> list[EventProposal]:
    """An ATTACK per sentence that holds one (the module's rules), over ``spans`` of one layer;
    ``words`` are the text's :func:`~annotator.suggest.names.words_of` when the caller has them."""
    if not any(s.label == CASUALTY for s in spans):
        return []
    if words is None:
        words = words_of(text)
    by_sentence = sentences(text)
    out: list[EventProposal] = []
    word_at = 0
    for number, (start, end) in enumerate(by_sentence):
        while word_at < len(words) and words[word_at].start < start:
            word_at += 1
        first = word_at
        while word_at < len(words) and words[word_at].end <= end:
            word_at += 1
        inside = [s for s in spans if start <= s.start and s.end <= end]
        proposal = _read_sentence(words[first:word_at], inside, (start, end))
        if proposal is None:
            continue
        following_end = by_sentence[number + 1][1] if number + 1 < len(by_sentence) else end
        last = word_at
        while last < len(words) and words[last].end <= following_end:
            last += 1
        after = words[word_at:last]
        attribution = _attribution(words[first:word_at]) or _attribution(after) or "asserted"
        attrs: dict[str, Any] = {**proposal.attrs, "attribution": attribution}
        date_spans = [s for s in inside if s.label == DATE]
        if date_spans:
            iso, _ = resolve_date(date_spans[0].text, document_date)
            if iso is not None:
                attrs["date"] = iso
        out.append(EventProposal(proposal.type, proposal.slots, attrs, proposal.trigger, proposal.sentence))
    return out


def _read_sentence(words: list[Word], spans: list[Annotation], where: tuple[int, int]) -> EventProposal | None:
    casualties = [s for s in spans if s.label == CASUALTY and s.attrs.get("scope") != "cumulative"]
    places = [s for s in spans if s.label == PLACE]
    actors = [s for s in spans if s.label == ACTOR]
    if not casualties or not (places or actors):
        return None
    triggers = [(k, weapon) for k, w in enumerate(words) if (weapon := weapon_of(w.text)) is not None]
    if not triggers:
        return None
    weapons = {weapon for _, weapon in triggers}
    if any(k + 1 < len(words) and "aerial" in _kinds(words[k + 1].text) for k, _ in triggers):
        weapons.add("airstrike")
    weapon = next(name for name, _ in WEAPON_WORDS if name in weapons)
    perpetrators = _governed_actors(words, [k for k, _ in triggers], actors)
    perpetrators += [a for a in _claiming_actors(words, actors) if a not in perpetrators]
    perpetrators += [a for a in actors if a.attrs.get("role") == "perpetrator" and a not in perpetrators]
    targets = [a for a in _after_cues(words, "target", actors, 2) if a not in perpetrators]
    targets += [a for a in actors if a.attrs.get("role") == "target" and a not in targets and a not in perpetrators]
    sources = _after_cues(words, "source", actors, 3) + [a for a in actors if a.attrs.get("role") == "claimant"]
    dates = [s for s in spans if s.label == DATE]
    slots = {
        "perpetrator": _ids(perpetrators),
        "target": _ids(targets),
        "place": _ids(places),
        "casualties": _ids(casualties),
        "source": _ids(sources[:1]),
        "date": _ids(dates[:1]),
    }
    trigger = words[triggers[0][0]].text
    return EventProposal(EVENT_TYPE, {r: s for r, s in slots.items() if s}, {"weapon": weapon}, trigger, where)


def _ids(spans: Sequence[Annotation]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(s.id for s in sorted(spans, key=lambda s: (s.start, s.end))))


def _starting_at(word: Word, actors: Sequence[Annotation], *, clitic_only: bool) -> Annotation | None:
    """An ACTOR span that starts this word (``clitic_only``: only after its ل or لل)."""
    for actor in actors:
        offset = actor.start - word.start
        if offset == 0 and not clitic_only:
            return actor
        if 0 < offset <= 2 and word.text[:offset] in ("ل", "لل", "ول", "ل\u0640"):
            return actor
    return None


def _governed_actors(words: list[Word], triggers: list[int], actors: Sequence[Annotation]) -> list[Annotation]:
    out: list[Annotation] = []
    for k in triggers:
        definite = _has_article(words[k].text)
        nxt = k + 1
        if nxt < len(words) and "modifier" in _kinds(words[nxt].text) and words[nxt].follows_space:
            nxt += 1
            definite = True  # a possessor cannot follow the adjective: only ل can join the actor
        if nxt >= len(words) or not words[nxt].follows_space:
            continue
        found = _starting_at(words[nxt], actors, clitic_only=definite)
        if found is not None and found not in out:
            out.append(found)
    return out


def _claiming_actors(words: list[Word], actors: Sequence[Annotation]) -> list[Annotation]:
    """ACTOR spans that start a strike word (طائرات التحالف) or stand next to a word by which
    they deny, admit or hint at the attack (نفى التحالف، والتحالف يلمح لمسؤوليته)."""
    out: list[Annotation] = []
    for k, word in enumerate(words):
        if weapon_of(word.text) is not None:
            out += [a for a in actors if a.start == word.start]
        elif _kinds(word.text) & _CLAIMS:
            after = _starting_at(words[k + 1], actors, clitic_only=False) if k + 1 < len(words) else None
            before = [a for a in actors if k > 0 and a.end == words[k - 1].end]
            out += ([after] if after else []) + before
    return list({a.id: a for a in out}.values())


def _has_article(word: str) -> bool:
    """Whether the word, after a proclitic, starts with ال (الغارة، والقصف، بالقصف)."""
    return any(normalize(word[n:]).startswith("ال") for n in (0, *proclitic_candidates(word)))


def _after_cues(words: list[Word], cues: str, actors: Sequence[Annotation], reach: int) -> list[Annotation]:
    out: list[Annotation] = []
    for k, word in enumerate(words):
        if cues not in _kinds(word.text):
            continue
        for later in words[k + 1 : k + 1 + reach]:
            found = _starting_at(later, actors, clitic_only=False)
            if found is not None:
                if found not in out:
                    out.append(found)
                break
    return out


def _attribution(words: list[Word]) -> str | None:
    found: set[str] = set()
    for k, word in enumerate(words):
        kinds = _kinds(word.text)
        found |= kinds & _ATTRIBUTIONS
        if "responsibility" in kinds and any("announce" in _kinds(w.text) for w in words[max(0, k - 3) : k]):
            found.add("admitted")
    return next((name for name in _ATTRIBUTION_ORDER if name in found), None)
