"""Contacts: tiers and channels, name keys, near-duplicate names, names in answers, warmth."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.contacts import (
    DEFAULT_KEEP_IN_TOUCH_DAYS,
    MAX_NAME_LENGTH,
    Channel,
    Tier,
    clean_display_name,
    days_since,
    keep_in_touch_due,
    normalize_name,
    similar_names,
    warmth_score,
)

TODAY = date(2026, 3, 13)


def test_tiers_have_intervals() -> None:
    assert [tier.value for tier in Tier] == ["decision_maker", "insider", "connector", "peer"]
    assert set(Tier) == set(DEFAULT_KEEP_IN_TOUCH_DAYS)
    assert all(days > 0 for days in DEFAULT_KEEP_IN_TOUCH_DAYS.values())
    # The people who can hire or refer come back sooner than peers.
    assert DEFAULT_KEEP_IN_TOUCH_DAYS[Tier.INSIDER] < DEFAULT_KEEP_IN_TOUCH_DAYS[Tier.PEER]
    assert DEFAULT_KEEP_IN_TOUCH_DAYS[Tier.DECISION_MAKER] < DEFAULT_KEEP_IN_TOUCH_DAYS[Tier.PEER]


def test_channels() -> None:
    assert [channel.value for channel in Channel] == ["in_person", "call", "message"]
    assert Tier("peer") is Tier.PEER and Channel("call") is Channel.CALL


@pytest.mark.parametrize(
    "variants",
    [
        ["José  Núñez", "jose nunez", "JOSE NUÑEZ", " José Nu\u0301n\u0303ez ", "jose nunez."],
        ["Priya K.", "priya k", "PRIYA K", "(Priya K)"],
        ["Zoë O'Brien", "zoe o'brien", "ZOE O’BRIEN".replace("’", "'")],
        ["Straße", "STRASSE", "strasse"],
        ["Ｓａｌｌｙ", "sally"],  # full-width letters
    ],
)
def test_normalize_name_shares_a_key(variants: list[str]) -> None:
    assert len({normalize_name(variant) for variant in variants}) == 1


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("李雷", "李雷"),
        ("Алексей Ёлкин", "алексеи елкин"),
        ("प्रिया", "प्रिया"),  # Devanagari vowel signs are part of the letters: kept
        ("Mary-Jane  Smith", "mary-jane smith"),
        ("J. O'Brien - ", "j o'brien"),
        ("...", ""),
        ("", ""),
    ],
)
def test_normalize_name_keeps_letters(name: str, key: str) -> None:
    assert normalize_name(name) == key


def test_normalize_name_keeps_distinct_names_apart() -> None:
    assert normalize_name("Sally Jones") != normalize_name("Sally Jone")
    assert normalize_name("李雷") != normalize_name("李")


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        ("  Sally   Jones \n", "Sally Jones"),
        ("Jose\u0301", "José"),  # NFC
        ("Sal\u200bly\u202e", "Sally"),  # zero-width space and a direction override
        ("Tom\x00\x07 Smith", "Tom Smith"),
        ("Ali\tBaba", "Ali Baba"),
        ("👩\u200d💻 Dev", "👩\u200d💻 Dev"),  # the joiner of an emoji sequence stays
        ("\u200d", None),
        ("   ", None),
        ("\u3164", None),  # a Hangul filler that renders as nothing
        ("", None),
    ],
)
def test_clean_display_name(raw: str, cleaned: str | None) -> None:
    assert clean_display_name(raw) == cleaned


def test_clean_display_name_is_cut_to_the_limit() -> None:
    cleaned = clean_display_name("x" * 150)
    assert cleaned == "x" * MAX_NAME_LENGTH
    assert clean_display_name("a" * 99 + " b") == "a" * 99  # no trailing space after the cut


@pytest.mark.parametrize(
    ("name", "candidate"),
    [
        ("Sally", "Sally Jones"),
        ("Sally Jones", "Sally"),
        ("Jon Smith", "John Smith"),
        ("Priya", "priya k."),
        ("Priya K.", "Priya Kumar"),
        ("J. Smith", "John Smith"),
        ("Jones", "Sally Jones"),
        ("Sally Ann Jones", "Sally Jones"),
        ("Catherine Zeta", "Katherine Zeta"),
        ("Núñez", "José Nunez"),
    ],
)
def test_similar_names_finds_probable_matches(name: str, candidate: str) -> None:
    assert similar_names(name, [(7, candidate)]) == [(7, candidate)]


@pytest.mark.parametrize(
    ("name", "candidate"),
    [
        ("Sally Jones", "sally  jones"),  # an exact key match is the same contact, not similar
        ("Sally Jones", "Sally Smith"),  # same first name, different people
        ("Tom", "Tim"),
        ("Sally", "Bob Jones"),
        ("S", "Sally"),  # an initial alone is not enough
        ("Anna", "Hanna Berg"),
        ("", "Sally"),
    ],
)
def test_similar_names_leaves_out(name: str, candidate: str) -> None:
    assert similar_names(name, [(7, candidate)]) == []


def test_similar_names_best_first_and_limited() -> None:
    candidates = [
        (1, "Bob Brown"),
        (2, "John Smyth"),
        (3, "John Smith"),
        (4, "Jon Smith"),
        (5, "Jon Smith Jr"),
        (6, "Jon Smithe"),
    ]
    found = similar_names("Jon Smith", candidates)
    # One letter away (ratio 0.95, ties by name) beats a word added (0.9); "John Smyth" is
    # two letters away (0.84) and "Jon Smith" is the same key: both left out.
    assert found == [(3, "John Smith"), (6, "Jon Smithe"), (5, "Jon Smith Jr")]
    assert similar_names("Jon Smith", candidates, limit=1) == found[:1]
    assert similar_names("Jon Smith", candidates, limit=0) == []
    assert similar_names("Jon Smith", candidates, limit=10) == found


def test_similar_names_skips_repeated_ids() -> None:
    assert similar_names("Sally", [(1, "Sally Jones"), (1, "Sally Jones")]) == [(1, "Sally Jones")]


def test_similar_names_finds_the_one_among_many_contacts() -> None:
    """Its speed on a large network is measured in bench/parsing.py."""
    candidates = [(i, f"Person{i} Surname{i % 97}") for i in range(5000)]
    candidates.append((9999, "Sally Jones"))
    assert similar_names("Sally", candidates) == [(9999, "Sally Jones")]


def test_days_since() -> None:
    assert days_since(TODAY - timedelta(days=3), TODAY) == 3
    assert days_since(TODAY, TODAY) == 0
    assert days_since(TODAY + timedelta(days=1), TODAY) == -1
    assert days_since(None, TODAY) is None


@pytest.mark.parametrize(
    ("last", "interval", "due"),
    [
        (TODAY - timedelta(days=30), 30, True),
        (TODAY - timedelta(days=29), 30, False),
        (TODAY - timedelta(days=90), 30, True),
        (None, 30, True),  # never reached: due now
        (TODAY - timedelta(days=400), None, False),  # no cadence: never due
        (None, None, False),
    ],
)
def test_keep_in_touch_due(last: date | None, interval: int | None, due: bool) -> None:
    assert keep_in_touch_due(last, interval, TODAY) is due


def test_warmth_score_formula() -> None:
    assert warmth_score([], TODAY) == 0
    assert warmth_score([(TODAY, False)], TODAY) == 1
    assert warmth_score([(TODAY, True)], TODAY) == 2
    assert warmth_score([(TODAY - timedelta(days=30), False)], TODAY) == pytest.approx(0.5)
    assert warmth_score([(TODAY - timedelta(days=60), True)], TODAY) == pytest.approx(0.5)
    assert warmth_score([(TODAY + timedelta(days=5), False)], TODAY) == 1  # future = today


def test_warmth_prefers_recent_two_way_relationships() -> None:
    recent_two_way = [(TODAY - timedelta(days=3), True)]
    recent_one_way = [(TODAY - timedelta(days=3), False)]
    many_old = [(TODAY - timedelta(days=200 + n), False) for n in range(5)]
    scores = [warmth_score(x, TODAY) for x in (recent_two_way, recent_one_way, many_old)]
    assert scores == sorted(scores, reverse=True)
    assert warmth_score(recent_two_way + recent_one_way, TODAY) > scores[0]


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
def test_the_ascii_path_of_normalize_name_gives_the_same_key(name: str) -> None:
    from domain.contacts import _normalize_any

    assert normalize_name(name) == _normalize_any(name)
