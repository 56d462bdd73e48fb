"""Russian morphology through `pymorphy3` (its dictionary, about 15 MB, is loaded once, on the
first Russian check-in): a declined word's dictionary form, and a name or company in the
nominative, as it goes on a card ("с Ольгой Ивановой" is Ольга Иванова, "из Яндекса" Яндекс)."""

from collections.abc import Sequence
from functools import cache, lru_cache
from typing import Any

# Grammemes of a word that can be part of a name, a place or an organisation.
_NAMES = frozenset({"Name", "Surn", "Patr"})
_PROPER = _NAMES | {"Orgn", "Geox", "Trad"}
# A name in a check-in is far more often "to Анна" than "about Анна": "Ульяне" is Ульяна's
# dative before it is Ульян's locative.
_CASES = ("nomn", "datv", "ablt", "accs", "gent", "loct")
# The case endings of the surnames in -ов, -ев, -ин, for one the dictionary does not know
# ("Пестову" after "Геннадию" is Пестов): by the first name's gender and case.
_SURNAME_ENDINGS = {
    "masc": {"gent": "а", "accs": "а", "datv": "у", "ablt": "ым", "loct": "е"},
    "femn": {"gent": "ой", "datv": "ой", "ablt": "ой", "loct": "ой", "accs": "у"},
}
_SURNAME_STEMS = ("ов", "ев", "ёв", "ин", "ын")
# Words and names remembered between check-ins: a bounded cache, so memory stays flat.
_MAX_CACHED = 20_000


@cache
def _analyzer() -> Any:
    import pymorphy3  # here, not at the top: only Russian check-ins need its dictionary

    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=_MAX_CACHED)
def _parses(low: str) -> tuple[Any, ...]:
    return tuple(_analyzer().parse(low))


def lemma(low: str) -> str:
    """The dictionary form of a casefolded word: "созвонился" → "созвониться"."""
    parses = _parses(low)
    return parses[0].normal_form if parses else low


def common(low: str) -> bool:
    """A word that is no name, in the dictionary ("обсудили", "командой") or guessed from its
    ending ("инвесторшей"); a name the dictionary also knows as a word ("Вера", "Роман") stays
    possible. The caller asks only about words typed in lower case or opening a sentence."""
    parses = _parses(low)
    return bool(parses) and not any(_PROPER & p.tag.grammemes for p in parses)


def base_forms(words: Sequence[str]) -> tuple[str, ...]:
    """Each word of a name in the nominative singular, all of one gender: "Ольгой Ивановой" →
    ("Ольга", "Иванова"), "Анне" → ("Анна",). A word the dictionary cannot place is kept."""
    return _base_forms(tuple(words))


@lru_cache(maxsize=_MAX_CACHED)
def _base_forms(words: tuple[str, ...]) -> tuple[str, ...]:
    genders = [_genders(word.casefold()) for word in words]
    common_genders = set.intersection(*[g for g in genders if g] or [set()])
    gender = next(iter(common_genders)) if len(common_genders) == 1 else None
    shown: list[str] = []
    first: Any = None
    for word in words:
        names = [p for p in _parses(word.casefold()) if _NAMES & p.tag.grammemes]
        best = _best(names, gender)
        if best is None and first is not None:
            shown.append(_surname(word, first.tag.gender, first.tag.case))
            continue
        first = first or best
        shown.append(_nominative(word, best))
    return tuple(shown)


def _surname(word: str, gender: str | None, case: str | None) -> str:
    """A surname in -ов, -ев, -ин the dictionary does not know, in the nominative, by the
    first name's gender and case ("Геннадию Пестову": Пестов; "Анной Пестовой": Пестова)."""
    ending = _SURNAME_ENDINGS.get(str(gender), {}).get(str(case))
    if not ending or not word.casefold().endswith(ending):
        return word
    stem = word[: -len(ending)]
    if not stem.casefold().endswith(_SURNAME_STEMS):
        return word
    return stem + ("а" if gender == "femn" else "")


@lru_cache(maxsize=_MAX_CACHED)
def organisation(word: str) -> str:
    """A company's name in the nominative ("из Яндекса" → Яндекс, "в Озоне" → Озон); kept as
    written when the dictionary cannot place it."""
    parses = _parses(word.casefold())
    orgs = [p for p in parses if {"Orgn", "Geox"} & p.tag.grammemes]
    nouns = [p for p in parses if p.tag.POS == "NOUN" and not _NAMES & p.tag.grammemes]
    return _nominative(word, (orgs or nouns or [None])[0])


def _genders(low: str) -> set[str]:
    found = set()
    for p in _parses(low):
        if _NAMES & p.tag.grammemes:
            found |= {"masc", "femn"} if "ms-f" in p.tag.grammemes else {p.tag.gender}
    return found


def _best(names: list[Any], gender: str | None) -> Any:
    """The likeliest reading: declined (not an indeclinable foreign name: "Анне" is Анна's
    dative before it is Anne), of the name's gender, of the likeliest name, in the likeliest
    case."""
    if not names:
        return None
    declined = [p for p in names if "Fixd" not in p.tag.grammemes] or names
    fits = [
        p for p in declined if gender is None or "ms-f" in p.tag.grammemes or p.tag.gender == gender
    ] or declined
    weight: dict[str, float] = {}
    for p in fits:  # "Виктории": Виктория (three readings) rather than Викторий (two)
        weight[p.normal_form] = weight.get(p.normal_form, 0) + p.score
    return min(
        fits,
        key=lambda p: (
            -round(weight[p.normal_form], 3),
            _CASES.index(p.tag.case) if p.tag.case in _CASES else len(_CASES),
        ),
    )


def _nominative(word: str, parse: Any) -> str:
    if parse is None:
        return word
    inflected = parse.inflect({"nomn", "sing"}) or parse.inflect({"nomn"})
    form = inflected.word if inflected else parse.word
    if "ё" not in word.casefold():
        form = form.replace("ё", "е")  # "Федорова" stays as typed, not Фёдорова
    if word[:1].isupper():
        form = "-".join(part[:1].upper() + part[1:] for part in form.split("-"))
    return form
