"""The languages the coach speaks: the current one, its gettext catalogue and Babel's formats.

English is the source: `bot/texts.py` holds every sentence in English, each marked with `_()`
(or `P_()` for a count's (one, many) pair) so `pybabel extract` finds it, and `texts.X`
returns it translated into the *current* language, a context variable set once per update
(`bot.runtime`, from the sender's row) and once per planned message (`scheduler.planner`).
Code therefore never passes a language around: whatever runs for a user speaks their language.

The shipped languages are the folders of `bot/locales/` holding a compiled catalogue, so adding
one is a matter of files (README: "Adding a language"), never of code.
"""

import gettext as _gettext
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from babel import Locale
from babel.dates import format_date, format_skeleton, get_day_names, get_month_names
from babel.numbers import format_decimal, format_percent

DOMAIN = "marathon"
LOCALES = Path(__file__).parent / "locales"
SOURCE = "en"

_current: ContextVar[str] = ContextVar("marathon_language", default=SOURCE)


class Plural(NamedTuple):
    """A count's English (one, many) pair; `ngettext` picks the language's form (Russian has
    three). A tuple, so English code and tests can still read `pair[0]` and `pair[1]`."""

    one: str
    many: str


class Marked(str):
    """An English sentence marked with `_()`: only these are translated, so the strings next
    to them in a constant (a command's name, a callback's key) stay exactly as written."""

    __slots__ = ()


class Filled(Marked):
    """An English sentence with a constant already filled in (a limit, the timezone examples):
    the value is the English text, `template` and `fill` let a translation fill it again."""

    __slots__ = ("fill", "template")

    template: str
    fill: dict[str, Any]


def _(message: str, /, **fill: Any) -> str:
    """Marks an English sentence for extraction; with `fill`, constants filled in at once."""
    if not fill:
        return Marked(message)
    filled = Filled(message.format(**fill))
    filled.template, filled.fill = message, fill
    return filled


def P_(one: str, many: str, /) -> Plural:
    """Marks a count's (one, many) pair for extraction as one plural entry."""
    return Plural(one, many)


@cache
def shipped() -> tuple[str, ...]:
    """English first, then every language with a compiled catalogue, in alphabetical order."""
    found = sorted(p.parent.parent.name for p in LOCALES.glob(f"*/LC_MESSAGES/{DOMAIN}.mo"))
    return (SOURCE, *(code for code in found if code != SOURCE))


def from_telegram(code: str | None) -> str:
    """The shipped language closest to Telegram's `language_code` (IETF: `pt-br`, `es-419`,
    `de-AT`), or English: the exact language and region first, then the language alone."""
    if not code:
        return SOURCE
    parts = code.replace("_", "-").split("-")
    candidates = [parts[0].lower()]
    if len(parts) > 1:
        candidates.insert(0, f"{parts[0].lower()}_{parts[1].upper()}")
    languages = shipped()
    for candidate in candidates:
        if candidate in languages:
            return candidate
        regional = [lang for lang in languages if lang.split("_")[0] == candidate]
        if regional:  # `pt` alone is Brazilian Portuguese while that is the only Portuguese
            return regional[0]
    return SOURCE


def telegram_code(language: str) -> str:
    """The two-letter code Telegram's setMyCommands and setMyDescription take (`pt_BR` → `pt`)."""
    return language.split("_")[0]


def autonym(language: str) -> str:
    """A language's name in itself, as its button shows it: English, Español, Português (Brasil)."""
    name = Locale.parse(language).get_display_name(language) or language
    return name[:1].upper() + name[1:]


def supported(language: str | None) -> str:
    """A stored language that is still shipped, else English (a catalogue may be removed)."""
    return language if language in shipped() else SOURCE


def current() -> str:
    return _current.get()


@contextmanager
def speaking(language: str | None) -> Iterator[None]:
    """Everything inside speaks `language` (English when unknown or not shipped)."""
    token = _current.set(supported(language))
    try:
        yield
    finally:
        _current.reset(token)


@cache
def catalogue(language: str) -> _gettext.NullTranslations:
    """The compiled catalogue of a language; English, the source, needs none."""
    if language == SOURCE:
        return _gettext.NullTranslations()
    return _gettext.translation(DOMAIN, LOCALES, languages=[language])


def gettext(message: str) -> str:
    return catalogue(current()).gettext(message)


def ngettext(forms: tuple[str, str], n: int) -> str:
    return catalogue(current()).ngettext(forms[0], forms[1], n)


def translate(value: Any) -> Any:
    """A constant of `bot.texts` in the current language: strings through the catalogue,
    containers element by element, plural pairs as they are (`ngettext` needs the count)."""
    if current() == SOURCE:
        return value
    return _translate(value)


def _translate(value: Any) -> Any:
    if isinstance(value, Filled):
        return gettext(value.template).format(**{k: _translate(v) for k, v in value.fill.items()})
    if isinstance(value, Marked):
        return gettext(value)
    if isinstance(value, Plural):
        return value
    if isinstance(value, tuple):
        return tuple(_translate(item) for item in value)
    if isinstance(value, dict):
        return {key: _translate(item) for key, item in value.items()}
    return value


# --- Babel: dates, weekdays, months and numbers in the current language's way -----------------

# English keeps the house style its tests know ("Tue 1 Dec 2026"); other languages take CLDR's
# own pattern for the same fields ("Di., 1. Dez. 2026", "mar, 1 dic 2026").
_ENGLISH = {"MMMd": "d MMM", "MMMEd": "EEE d MMM", "yMMMEd": "EEE d MMM y"}


def locale() -> Locale:
    return Locale.parse(current())


def date_text(day: date | datetime, skeleton: str) -> str:
    """A date by CLDR skeleton: `MMMd` (3 Dec), `MMMEd` (Tue 3 Dec), `yMMMEd` (+ the year)."""
    if current() == SOURCE:
        return format_date(day, _ENGLISH[skeleton], locale=SOURCE)
    return format_skeleton(skeleton, day, locale=current())


def weekday_name(weekday: int, width: str = "wide") -> str:
    """Monday is 0: `Monday`/`Mon`/`M` in English, `lunes`/`lun`/`L` in Spanish."""
    context = "stand-alone" if width == "narrow" else "format"
    name = get_day_names(width, context=context, locale=current())[weekday]
    return name if width == "wide" else name[:1].upper() + name[1:]


def short_weekdays() -> tuple[str, ...]:
    """Mon … Sun as buttons and day lists show them, without CLDR's trailing dot."""
    return tuple(weekday_name(day, "abbreviated").rstrip(".") for day in range(7))


def month_abbreviations() -> tuple[str, ...]:
    names = get_month_names("abbreviated", context="stand-alone", locale=current())
    return tuple(names[month].rstrip(".") for month in range(1, 13))


def number(n: float) -> str:
    """1,234 in English, 1.234 in German, 1 234 in Russian."""
    return format_decimal(n, locale=current())


def percent(share: float) -> str:
    """40% in English, 40 % in German and Russian: rounded to a whole percent."""
    return format_percent(share, locale=current())
