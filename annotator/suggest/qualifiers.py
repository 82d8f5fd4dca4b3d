"""The words around a place name that belong to the place, and the cue words that name its kind.

A PLACE span is the place's name (README, "Suggestions": the span convention).
Some words around a name are part of another place's name and join the span:
ريف and أرياف (ريف حلب الغربي is a district, not حلب), جبل، صحراء، بادية (a
mountain or desert is a site or district of its own), and the directional
adjectives after such a name (الشرقي، الغربية، الشمالي الغربي). A proclitic on
the qualifier (بريف) stays out of the span like one on the name.

A direction before a name (شمالي حلب، جنوب قطاع غزة) says where something is
relative to the place and stays out, unless the whole is a name the gazetteer
lists (شمال دارفور، جنوب لبنان). A kind cue (محافظة، مدينة، بلدة، قرية، قضاء،
مخيم، حي) stays out of the span too and only picks the kind (مخيم: site). A kind
cue or ريف also lets through a name that is a common word alone (مدينة الباب،
ريف صور); a direction does not (شرق البلاد is no place).
"""

from __future__ import annotations

from annotator.suggest.names import Word, words_of
from annotator.suggest.suggestion import Suggestion
from annotator.suggest.words import WordList
from annotator.text import normalize, proclitic_candidates

# A word right before a place name that says which kind of place it is.
KIND_CUES = {
    # not إقليم: إقليم كردستان is the region's name, like قطاع غزة
    "governorate": WordList.of("محافظة", "محافظتي", "ولاية"),
    "town": WordList.of(
        "مدينة", "مدينتي", "بلدة", "بلدتي", "قرية", "قريتي", "بلدات", "قرى", "بلدتا", "مدينتا", "قضاء", "ناحية",
    ),
    "district": WordList.of("حي", "حيي", "أحياء", "منطقة", "مديرية", "قضاء", "ناحية"),
    "site": WordList.of("مخيم", "مخيمي", "مخيمات"),
}
# Words that join the span before the name, being part of another place's name; the kind
# becomes ``district`` (``site`` for a mountain).
_BEFORE = WordList.of("ريف", "أرياف", "جبل", "صحراء", "بادية", "سهل")
_SITES = frozenset(normalize(w) for w in ("جبل",))
# Directional adjectives after the name, both genders.
_AFTER = frozenset(
    normalize(w)
    for w in (
        "الشرقي", "الغربي", "الشمالي", "الجنوبي", "الشرقية", "الغربية", "الشمالية", "الجنوبية", "الأوسط",
        # a new or old town or quarter of a name is a place of its own (حي الحلة الجديدة)
        "الجديدة", "الجديد", "القديمة", "القديم", "الكبرى", "الصغرى", "العليا", "السفلى", "الفوقا", "التحتا",
    )
)
# Words after which a common word without ال that the gazetteer lists is the place (قرب صور، جنوب
# جاسم، طريق صور), unless a noun follows that makes it part of a phrase (قرب صور الدمار).
_NEAR = WordList.of(
    "قرب", "بالقرب", "جنوب", "جنوبي", "شمال", "شمالي", "شرق", "شرقي", "غرب", "غربي", "طريق", "أطراف", "محيط",
)
_DATELINE_MARKS = ("-", "–", "—", "(", ":")
# Words that make a common word before which they stand a place: not the directions (شرق البلاد).
_ANY_CUE = WordList.of("ريف", "أرياف", "ضواحي", *(w for cue in KIND_CUES.values() for w in cue.words))


def without_kind_cue(spelling: str, kinds: tuple[str, ...]) -> tuple[str, bool]:
    """A gazetteer spelling without the kind word it opens with (مخيم الشاطئ → الشاطئ, True),
    since the span convention leaves that word out; else the spelling itself and False.

    The word stays when it does not say the entry's kind: مدينة الصدر is a district, and
    مدينة part of its name."""
    words = words_of(spelling)
    if len(words) > 1 and any(kind in kinds and cue.matches_plain(words[0].text) for kind, cue in KIND_CUES.items()):
        return spelling[words[1].start :], True
    return spelling, False


def cue_before(text: str, start: int, by_end: dict[int, Word]) -> str | None:
    """The cue word ending just before ``start`` across spaces only (بلدة هجين، بريف حلب), else None;
    None after a proclitic (بحلب) or punctuation."""
    position = start
    while position > 0 and text[position - 1].isspace():
        position -= 1
    word = by_end.get(position)
    if word is None or position == start or not _ANY_CUE.matches(word.text):
        return None
    return word.text


def with_qualifiers(text: str, words: list[Word], index: dict[int, int], found: Suggestion) -> Suggestion:
    """``found`` grown over the qualifiers around it; its kind ``district`` (``site`` after جبل) if it grew.

    ``index`` maps a word's start to its place in ``words``.
    """
    first = index.get(found.start)
    if first is None:  # the name starts after a proclitic: ولحلب has nothing of its own before it
        return found
    start, end, last = found.start, found.end, first
    while True:
        last_word = next((i for i in range(last, len(words)) if words[i].end == end), None)
        if last_word is None or last_word + 1 >= len(words):
            break
        following = words[last_word + 1]
        if not following.follows_space or normalize(following.text) not in _AFTER:
            break
        end, last = following.end, last_word + 1
    before: list[str] = []
    i = first
    while i > 0 and words[i].follows_space:
        previous = words[i - 1]
        at = _bare_start(previous)
        if at is None:
            break
        before.insert(0, normalize(previous.text[at - previous.start :]))
        start, i = at, i - 1
        if at != previous.start:
            break  # a proclitic (بريف) opens the phrase: nothing before it belongs to it
    if (start, end) == (found.start, found.end):
        return found
    attrs = dict(found.attrs)
    attrs["kind"] = "site" if len(before) == 1 and before[0] in _SITES and end == found.end else "district"
    qualifier = text[start : found.start]
    after = text[found.end : end]
    attrs["canonical"] = f"{qualifier}{attrs.get('canonical', text[found.start:found.end])}{after}".strip()
    return Suggestion(found.label, start, end, attrs, found.source)


def _bare_start(word: Word) -> int | None:
    """Where the qualifier starts in ``word`` (after a proclitic: بريف → ريف), or None if it is none."""
    if normalize(word.text) in _BEFORE.words:
        return word.start
    for offset in proclitic_candidates(word.text):
        if normalize(word.text[offset:]) in _BEFORE.words:
            return word.start + offset
    return None



def common_name_is_place(text: str, start: int, end: int, by_end: dict[int, Word]) -> bool:
    """Whether a name the gazetteer lists that is also a common word (صور، الأبيض) is the
    place here without a kind cue before it: opening the report's dateline («صور - قُتل»),
    or, written without ال, after a direction or قرب with no noun after it (قرب صور)."""
    before = text[:start]
    opens_line = not before.strip() or before.rstrip(" \t").endswith("\n")
    if opens_line and text[end:].lstrip(" \t").startswith(_DATELINE_MARKS):
        return True
    if normalize(text[start:end]).startswith("ال") or " " in text[start:end].strip():
        return False
    position = start
    while position > 0 and text[position - 1] in " \t":
        position -= 1
    word = by_end.get(position)
    if word is None or position == start or not _NEAR.matches_plain(word.text):
        return False
    rest = text[end:].lstrip(" \t")
    return not normalize(rest[:3]).startswith("ال")


def after_a_number(text: str, start: int) -> bool:
    """Whether a figure stands right before ``start`` («2,500 جنيه»): a currency or unit, no place."""
    before = text[:start].rstrip(" \t")
    return bool(before) and before[-1].isdecimal()
