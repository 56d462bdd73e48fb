"""Turning what people type (or share as a location) into a stored time zone name.

A stored name is an IANA key (`Europe/Berlin`, `UTC`) or a fixed offset written `UTC+05:30`.
IANA keys follow daylight saving time; fixed offsets never do. The lookup tables come from the
tz database shipped with `tzdata` and are built once.
"""

import re
import unicodedata
from datetime import timedelta, timezone, tzinfo
from functools import cache
from importlib import resources
from zoneinfo import ZoneInfo, available_timezones

from babel import Locale
from timezonefinder import TimezoneFinder

from domain.lexicons import ENGLISH, glossary, is_english

MAX_OFFSET_MINUTES = 14 * 60
# The areas whose keys end in a city name (Europe/Berlin), unlike US/Eastern or Etc/GMT+2.
_REGIONS = frozenset(
    {
        "Africa",
        "America",
        "Antarctica",
        "Arctic",
        "Asia",
        "Atlantic",
        "Australia",
        "Europe",
        "Indian",
        "Pacific",
    }
)
_TYPED_OFFSET = re.compile(
    r"(?:utc|gmt)?\s*(?P<sign>[+-])\s*(?P<hours>\d{1,2})(?::?(?P<minutes>\d{2}))?"
)
_STORED_OFFSET = re.compile(r"UTC(?P<sign>[+-])(?P<hours>\d{2}):(?P<minutes>\d{2})")
_SEPARATORS = re.compile(r"[\s_-]+")

# Common cities and abbreviations that are not IANA keys (or should not resolve to one).
ALIASES = {
    "utc": "UTC",
    "gmt": "UTC",
    "z": "UTC",
    "pst": "America/Los_Angeles",
    "pdt": "America/Los_Angeles",
    "est": "America/New_York",
    "edt": "America/New_York",
    "cst": "America/Chicago",
    "cdt": "America/Chicago",
    "mst": "America/Denver",
    "mdt": "America/Denver",
    "cet": "Europe/Berlin",
    "cest": "Europe/Berlin",
    "bst": "Europe/London",
    "msk": "Europe/Moscow",
    "ist": "Asia/Kolkata",
    "jst": "Asia/Tokyo",
    "aest": "Australia/Sydney",
    "san francisco": "America/Los_Angeles",
    "sf": "America/Los_Angeles",
    "la": "America/Los_Angeles",
    "san diego": "America/Los_Angeles",
    "seattle": "America/Los_Angeles",
    "portland": "America/Los_Angeles",
    "las vegas": "America/Los_Angeles",
    "nyc": "America/New_York",
    "washington": "America/New_York",
    "washington dc": "America/New_York",
    "boston": "America/New_York",
    "miami": "America/New_York",
    "atlanta": "America/New_York",
    "philadelphia": "America/New_York",
    "austin": "America/Chicago",
    "dallas": "America/Chicago",
    "houston": "America/Chicago",
    "montreal": "America/Toronto",
    "ottawa": "America/Toronto",
    "rio de janeiro": "America/Sao_Paulo",
    "munich": "Europe/Berlin",
    "hamburg": "Europe/Berlin",
    "frankfurt": "Europe/Berlin",
    "cologne": "Europe/Berlin",
    "barcelona": "Europe/Madrid",
    "milan": "Europe/Rome",
    "geneva": "Europe/Zurich",
    "st petersburg": "Europe/Moscow",
    "saint petersburg": "Europe/Moscow",
    "mumbai": "Asia/Kolkata",
    "delhi": "Asia/Kolkata",
    "new delhi": "Asia/Kolkata",
    "bangalore": "Asia/Kolkata",
    "bengaluru": "Asia/Kolkata",
    "beijing": "Asia/Shanghai",
    "shenzhen": "Asia/Shanghai",
    "tel aviv": "Asia/Jerusalem",
    "abu dhabi": "Asia/Dubai",
    "cape town": "Africa/Johannesburg",
    "canberra": "Australia/Sydney",
    "kiev": "Europe/Kyiv",
    "calcutta": "Asia/Kolkata",
    "saigon": "Asia/Ho_Chi_Minh",
    "iceland": "Atlantic/Reykjavik",
}


def parse_timezone(text: str, language: str = ENGLISH) -> str | None:
    """A stored zone name for an IANA key, a city, an alias or an offset; None if unknown. In
    the user's `language`, also a city as CLDR spells it there ("Москва", "Moskau", "Ciudad de
    México")."""
    offset = _TYPED_OFFSET.fullmatch(text.strip().casefold().replace("−", "-"))
    if offset is not None:
        return _offset_name(_offset_minutes(offset))
    tables = [_names()]
    if not is_english(language):
        tables.append(_local_names(glossary(language).language))
    for names in tables:
        for candidate in (text, text.partition(",")[0]):  # "Berlin, Germany" -> "Berlin"
            key = names.get(_normalize(candidate))
            if key is not None:
                return key
    return None


@cache
def _local_names(language: str) -> dict[str, str]:
    """Normalized city name in a language (Babel's CLDR exemplar cities) -> stored name."""
    names = _names()
    local: dict[str, str] = {}
    for key, data in Locale.parse(language).time_zones.items():
        stored = names.get(_normalize(key))
        if stored is not None and "city" in data:
            local.setdefault(_normalize(data["city"]), stored)
    return local


def get_zone(name: str) -> tzinfo:
    """The tzinfo for a stored zone name; ValueError if the name is not one."""
    offset = _stored_offset(name)
    if offset is not None:
        return timezone(offset, name)
    if name not in _available():
        raise ValueError(f"unknown time zone: {name!r}")
    return ZoneInfo(name)


def is_fixed_offset(name: str) -> bool:
    """Whether the stored name is a `UTC±HH:MM` offset (which never follows DST)."""
    return _stored_offset(name) is not None


def zone_from_location(latitude: float, longitude: float) -> str | None:
    """The IANA key at a point on land; None at sea or where unknown.

    Raises ValueError for coordinates out of range.
    """
    key = _finder().timezone_at_land(lng=longitude, lat=latitude)
    if key is None:
        return None
    key = _canonical(key)
    return key if key in _available() else None


def _offset_name(minutes: int | None) -> str | None:
    """`UTC±HH:MM` for signed minutes east of UTC, `UTC` for zero."""
    if minutes is None:
        return None
    if minutes == 0:
        return "UTC"
    sign, size = "-" if minutes < 0 else "+", abs(minutes)
    return f"UTC{sign}{size // 60:02d}:{size % 60:02d}"


def _stored_offset(name: str) -> timedelta | None:
    """The offset of a stored `UTC±HH:MM` name; None for anything else (including `UTC`)."""
    match = _STORED_OFFSET.fullmatch(name)
    minutes = None if match is None else _offset_minutes(match)
    return timedelta(minutes=minutes) if minutes else None


def _offset_minutes(match: re.Match[str]) -> int | None:
    """Signed minutes east of UTC; None beyond ±14:00 or off the quarter hour."""
    hours, minutes = int(match["hours"]), int(match["minutes"] or 0)
    total = hours * 60 + minutes
    if minutes % 15 or minutes >= 60 or total > MAX_OFFSET_MINUTES:
        return None
    return -total if match["sign"] == "-" else total


def _normalize(text: str) -> str:
    """Case-, accent-, dot- and separator-insensitive form: `São Paulo` -> `sao_paulo`."""
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold().replace(".", ""))
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _SEPARATORS.sub("_", plain)


@cache
def _names() -> dict[str, str]:
    """Normalized text -> stored name, for IANA keys, their city part, and the aliases."""
    names: dict[str, str] = {}
    for key in sorted(_available()):
        canonical = _canonical(key)
        names[_normalize(key)] = canonical
        region, _, rest = key.partition("/")
        if region in _REGIONS and canonical == key:  # no backward links: `Australia/North`
            names.setdefault(_normalize(rest.rpartition("/")[2]), key)
    names.update({_normalize(alias): key for alias, key in ALIASES.items()})
    return names


def _canonical(key: str) -> str:
    """Follow a backward link (`Asia/Calcutta` -> `Asia/Kolkata`, `US/Eastern`), but keep a
    country's own zone.tab entry (`Europe/Oslo`) and names that would become `Etc/...`."""
    if key in _country_keys():
        return key
    target = _links().get(key, key)
    return target if target in _available() and not target.startswith("Etc/") else key


@cache
def _available() -> frozenset[str]:
    """Every IANA key zoneinfo can load."""
    return frozenset(available_timezones())


@cache
def _country_keys() -> frozenset[str]:
    """Keys listed in tzdata's zone.tab: one or more per country, no backward names."""
    lines = _tzdata_lines("zone.tab")
    return frozenset(line.split("\t")[2] for line in lines if line and not line.startswith("#"))


@cache
def _links() -> dict[str, str]:
    """Backward link -> target, from the `L target link` lines of tzdata.zi."""
    links = (line.split() for line in _tzdata_lines("tzdata.zi") if line.startswith("L "))
    return {link: target for _, target, link in links}


def _tzdata_lines(filename: str) -> list[str]:
    """Lines of a text file shipped with the `tzdata` package; empty if it is missing."""
    try:
        return resources.files("tzdata.zoneinfo").joinpath(filename).read_text().splitlines()
    except (ModuleNotFoundError, FileNotFoundError):
        return []


@cache
def _finder() -> TimezoneFinder:
    """One TimezoneFinder, created on first use (it loads its polygon index)."""
    return TimezoneFinder()
