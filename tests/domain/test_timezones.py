"""Time zone names: parsing what people type, loading stored names, locations."""

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo, available_timezones

import pytest

from domain.timezones import (
    ALIASES,
    get_zone,
    is_fixed_offset,
    parse_timezone,
    zone_from_location,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Europe/Berlin", "Europe/Berlin"),
        ("europe/berlin", "Europe/Berlin"),
        (" EUROPE/BERLIN ", "Europe/Berlin"),
        ("America/New York", "America/New_York"),
        ("America/Argentina/Buenos_Aires", "America/Argentina/Buenos_Aires"),
        ("UTC", "UTC"),
        ("utc", "UTC"),
        ("GMT", "UTC"),
        ("Berlin", "Europe/Berlin"),
        ("berlin", "Europe/Berlin"),
        ("new york", "America/New_York"),
        ("New_York", "America/New_York"),
        ("Sao Paulo", "America/Sao_Paulo"),
        ("São Paulo", "America/Sao_Paulo"),
        ("Zürich", "Europe/Zurich"),
        ("Ho Chi Minh", "Asia/Ho_Chi_Minh"),
        ("Port au Prince", "America/Port-au-Prince"),
        ("St. Johns", "America/St_Johns"),
        ("Buenos Aires", "America/Argentina/Buenos_Aires"),
        ("Indianapolis", "America/Indiana/Indianapolis"),
        ("Lord Howe", "Australia/Lord_Howe"),
        ("Oslo", "Europe/Oslo"),  # a country's own zone, though the tz database links it
        ("Kyiv", "Europe/Kyiv"),
        ("Berlin, Germany", "Europe/Berlin"),
        # backward (deprecated) keys resolve to the current ones
        ("US/Eastern", "America/New_York"),
        ("Asia/Calcutta", "Asia/Kolkata"),
        ("Europe/Kiev", "Europe/Kyiv"),
        ("Japan", "Asia/Tokyo"),
        # aliases
        ("San Francisco", "America/Los_Angeles"),
        ("LA", "America/Los_Angeles"),
        ("Los Angeles", "America/Los_Angeles"),
        ("NYC", "America/New_York"),
        ("Washington, D.C.", "America/New_York"),
        ("Munich", "Europe/Berlin"),
        ("Hamburg", "Europe/Berlin"),
        ("Barcelona", "Europe/Madrid"),
        ("Mumbai", "Asia/Kolkata"),
        ("New Delhi", "Asia/Kolkata"),
        ("Bengaluru", "Asia/Kolkata"),
        ("Beijing", "Asia/Shanghai"),
        ("Tel Aviv", "Asia/Jerusalem"),
        ("Cape Town", "Africa/Johannesburg"),
        ("Montreal", "America/Toronto"),
        ("Kiev", "Europe/Kyiv"),
        ("Calcutta", "Asia/Kolkata"),
        ("EST", "America/New_York"),
        ("cet", "Europe/Berlin"),
        # offsets
        ("UTC+2", "UTC+02:00"),
        ("UTC+02", "UTC+02:00"),
        ("UTC+2:00", "UTC+02:00"),
        ("utc+02:00", "UTC+02:00"),
        ("GMT-3", "UTC-03:00"),
        ("+05:30", "UTC+05:30"),
        ("-0800", "UTC-08:00"),
        ("UTC +5:45", "UTC+05:45"),
        ("UTC − 3", "UTC-03:00"),
        ("+14", "UTC+14:00"),
        ("-12:00", "UTC-12:00"),
        ("UTC+0", "UTC"),
        ("-00:00", "UTC"),
    ],
)
def test_parse_timezone(text: str, expected: str) -> None:
    assert parse_timezone(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "  ",
        "Atlantis",
        "Europe",
        "Europe/Atlantis",
        "North",  # Australia/North is a deprecated link, not a city
        "Victoria",
        "UTC+14:15",
        "UTC-15",
        "+05:20",
        "+5:60",
        "UTC+",
        "5",
        "UTC+2 please",
        "../etc/passwd",
    ],
)
def test_parse_timezone_rejects(text: str) -> None:
    assert parse_timezone(text) is None


def test_aliases_point_at_current_iana_keys() -> None:
    available = available_timezones()
    assert all(key in available for key in ALIASES.values())
    assert parse_timezone("Australia/Canberra") == parse_timezone("canberra") == "Australia/Sydney"


def test_every_iana_key_parses_to_a_zone_with_the_same_clock() -> None:
    moments = [datetime(2026, 1, 15, 12), datetime(2026, 7, 15, 12)]
    for key in sorted(available_timezones()):
        name = parse_timezone(key)
        assert name is not None, key
        if key.casefold() not in ALIASES:  # `EST` deliberately means New York, with DST
            zone = get_zone(name)
            assert [zone.utcoffset(m) for m in moments] == [
                ZoneInfo(key).utcoffset(m) for m in moments
            ], key


@pytest.mark.parametrize(
    ("name", "offset"),
    [
        ("UTC+05:30", timedelta(hours=5, minutes=30)),
        ("UTC-03:00", timedelta(hours=-3)),
        ("UTC-09:30", timedelta(hours=-9, minutes=-30)),
        ("UTC+14:00", timedelta(hours=14)),
    ],
)
def test_get_zone_fixed_offsets(name: str, offset: timedelta) -> None:
    zone = get_zone(name)
    assert zone == timezone(offset)
    assert zone.tzname(None) == name
    assert is_fixed_offset(name)
    assert parse_timezone(name) == name


@pytest.mark.parametrize("name", ["Europe/Berlin", "UTC", "America/Argentina/Buenos_Aires"])
def test_get_zone_iana(name: str) -> None:
    assert get_zone(name) == ZoneInfo(name)
    assert not is_fixed_offset(name)


@pytest.mark.parametrize(
    "name",
    [
        "",
        "europe/berlin",
        "Berlin",
        "Europe",
        "UTC+00:00",
        "UTC+2",
        "UTC+15:00",
        "UTC+05:20",
        "../x",
    ],
)
def test_get_zone_rejects_unknown_names(name: str) -> None:
    with pytest.raises(ValueError, match="unknown time zone"):
        get_zone(name)
    assert not is_fixed_offset(name)


def test_fixed_offset_zone_converts() -> None:
    instant = datetime(2026, 6, 1, 12, tzinfo=UTC)
    assert instant.astimezone(get_zone("UTC+05:45")).hour == 17


@pytest.mark.parametrize(
    ("latitude", "longitude", "expected"),
    [
        (52.52, 13.40, "Europe/Berlin"),
        (40.71, -74.01, "America/New_York"),
        (-33.45, -70.66, "America/Santiago"),
        (50.45, 30.52, "Europe/Kyiv"),
        (-31.55, 159.08, "Australia/Lord_Howe"),
        (30.0, -30.0, None),  # mid-Atlantic
        (0.0, -140.0, None),  # mid-Pacific
    ],
)
def test_zone_from_location(latitude: float, longitude: float, expected: str | None) -> None:
    assert zone_from_location(latitude, longitude) == expected


def test_zone_from_location_rejects_impossible_coordinates() -> None:
    with pytest.raises(ValueError):
        zone_from_location(100.0, 0.0)
