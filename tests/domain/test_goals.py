"""Target companies (principle 4): company keys, the user's list, and who they know at each."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.contacts import Tier
from domain.goals import (
    MAX_COMPANIES,
    CoverageGap,
    PersonAt,
    TargetCoverage,
    at_targets,
    company_key,
    coverage,
    gap,
    parse_company_list,
)


@pytest.mark.parametrize(
    "variants",
    [
        ["Acme Inc.", "ACME", "acme, inc", "Acmé GmbH", "The Acme Company", "Acme Corp", "acme"],
        ["Acme, Inc", "Acme Ltd", "Acme Limited", "Acme LLC", "Acme AG", "Acme S.A.", "Acme SA"],
        ["Acme BV", "Acme Co.", "Acme Corporation", "Acme PLC", "Acme SAS", "Acme SARL"],
        ["Acme Oy", "Acme AB", "Acme GmbH & Co. KG", "Acme Co., Ltd.", "ACME INCORPORATED"],
        ["Société Générale", "societe generale", "SOCIETE GENERALE S.A.", "Société  Générale"],
        ["Coca-Cola", "Coca Cola", "CocaCola", "The Coca-Cola Company"],
        ["Procter & Gamble", "Procter and Gamble", "procter&gamble"],
        ["McDonald's", "McDonald’s", "McDonalds"],
        ["Nestlé", "NESTLE S.A.", "nestle"],
        ["ＡＣＭＥ", "acme"],  # full-width letters
        ["Yandex", "yandex!"],
    ],
)
def test_company_key_shares_a_key(variants: list[str]) -> None:
    keys = {company_key(name) for name in variants}
    assert len(keys) == 1
    assert keys.pop()


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Acme Inc.", "acme"),
        ("Deutsche Bank AG", "deutschebank"),
        ("3M", "3m"),
        ("AT&T", "att"),
        ("Яндекс", "яндекс"),
        ("Škoda Auto", "skodaauto"),
        ("腾讯", "腾讯"),
        ("टाटा", "टाटा"),  # marks that are written separately are kept
        ("X", "x"),
        ("Acme Group", "acmegroup"),  # not a legal form: often another entity
        ("AB InBev", "abinbev"),  # legal forms only go from the end
        ("Company Acme", "companyacme"),
    ],
)
def test_company_key_keeps_what_names_the_company(name: str, key: str) -> None:
    assert company_key(name) == key


@pytest.mark.parametrize(
    "name",
    ["", "   ", None, "Inc.", "LLC", "GmbH & Co. KG", "The Company", "The", "???", "🚀", "-"],
)
def test_company_key_is_empty_without_a_company(name: str | None) -> None:
    assert company_key(name) == ""


def test_company_key_keeps_different_companies_apart() -> None:
    keys = [company_key(n) for n in ["Acme", "Acme Group", "Globex", "Initech", "Acne"]]
    assert len(set(keys)) == len(keys)


@given(st.text(st.characters(max_codepoint=127)))
def test_ascii_names_are_keyed_as_any_other(name: str) -> None:
    # ASCII takes a shortcut; a trailing no-break space (not ASCII, and no letter) does not.
    assert company_key(name) == company_key(name + "\u00a0")


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Acme, Globex and Initech; Umbrella", ["Acme", "Globex", "Initech", "Umbrella"]),
        ("Acme\nGlobex\n\nInitech", ["Acme", "Globex", "Initech"]),
        (
            "1. Acme\n2) Globex\n- Initech\n* Umbrella\n• Hooli",
            ["Acme", "Globex", "Initech", "Umbrella", "Hooli"],
        ),
        ("Acme or Globex", ["Acme", "Globex"]),
        ("Acme Inc., Globex Corp.", ["Acme Inc.", "Globex Corp."]),  # kept as typed
        ("Acme, Globex.", ["Acme", "Globex"]),  # the answer's full stop goes
        ("J.P. Morgan, Acme S.A.", ["J.P. Morgan", "Acme S.A."]),
        ("Procter & Gamble, AT&T", ["Procter & Gamble", "AT&T"]),
        ("Procter and Gamble", ["Procter", "Gamble"]),  # decided: "and" separates
        ("Acme (Berlin office), Globex - love their culture", ["Acme", "Globex"]),
        ('"Acme", «Globex»', ["Acme", "Globex"]),
        ("  acme  ,  globex  ", ["acme", "globex"]),
        ("Société Générale, BNP Paribas", ["Société Générale", "BNP Paribas"]),
    ],
)
def test_parse_company_list(text: str, names: list[str]) -> None:
    assert parse_company_list(text) == names


def test_parse_company_list_keeps_the_first_of_duplicates_in_order() -> None:
    text = "Globex, Acme Inc., ACME, acme, inc, Initech, Acmé GmbH, globex corp, The Acme Company"
    assert parse_company_list(text) == ["Globex", "Acme Inc.", "Initech"]


@pytest.mark.parametrize(
    "text", ["", "   ", "Inc.", "n/a", "None", "not sure", "etc.", ", , ;", "🤷", "- -"]
)
def test_parse_company_list_without_companies(text: str) -> None:
    assert parse_company_list(text) == []


def test_parse_company_list_skips_sentences_and_overlong_items() -> None:
    text = f"I would really love to work at some big company in Berlin, Acme, {'x' * 101}"
    assert parse_company_list(text) == ["Acme"]


def test_parse_company_list_is_capped() -> None:
    text = ", ".join(f"Company{i}" for i in range(30))
    assert parse_company_list(text) == [f"Company{i}" for i in range(MAX_COMPANIES)]
    assert parse_company_list(text, max_companies=3) == ["Company0", "Company1", "Company2"]
    assert parse_company_list(text, max_companies=0) == []


def person(cid: int, name: str, company: str | None, tier: str | None) -> PersonAt:
    return PersonAt(contact_id=cid, name=name, company=company, tier=tier)


DANA = person(1, "Dana", "Acme Inc.", Tier.DECISION_MAKER)
EMILE = person(2, "Émile", "ACME", Tier.INSIDER)
BEA = person(3, "bea", "acme, inc", Tier.INSIDER)
CAL = person(4, "Cal", "The Acme Company", Tier.CONNECTOR)
PIA = person(5, "Pia", "Acmé GmbH", Tier.PEER)
UMA = person(6, "Uma", "Acme", None)
GUS = person(7, "Gus", "Globex", Tier.INSIDER)
NOAH = person(8, "Noah", "Hooli", Tier.DECISION_MAKER)  # works at no target
NEMO = person(9, "Nemo", None, Tier.DECISION_MAKER)  # no company known
INC = person(10, "Ivy", "Inc.", Tier.DECISION_MAKER)  # a company that names nothing
PEOPLE = [NOAH, UMA, PIA, CAL, BEA, EMILE, DANA, GUS, NEMO, INC]


def test_coverage_with_every_tier() -> None:
    acme, globex, initech = coverage(["Acme", "Globex", "Initech"], PEOPLE)
    assert acme == TargetCoverage(
        company="Acme",
        decision_makers=(DANA,),
        insiders=(BEA, EMILE),  # sorted by name, case and accents aside
        others=(CAL, PIA, UMA),  # connectors, peers and untiered people
    )
    assert acme.covered and not acme.empty
    assert globex == TargetCoverage("Globex", (), (GUS,), ())
    assert not globex.covered and not globex.empty
    assert initech == TargetCoverage("Initech", (), (), ())
    assert initech.empty and not initech.covered


def test_coverage_keeps_targets_as_given_and_in_order() -> None:
    result = coverage(["globex corp", "ACME INC.", "Initech"], PEOPLE)
    assert [c.company for c in result] == ["globex corp", "ACME INC.", "Initech"]
    assert result[0].insiders == (GUS,)
    assert result[1].decision_makers == (DANA,)


def test_a_contact_at_no_target_counts_nowhere() -> None:
    result = coverage(["Acme", "Globex"], PEOPLE)
    everyone = [p for c in result for p in c.decision_makers + c.insiders + c.others]
    assert NOAH not in everyone
    assert NEMO not in everyone
    assert INC not in everyone
    assert len(everyone) == len(set(everyone)) == 7


def test_coverage_of_a_target_without_a_key_is_empty() -> None:
    assert coverage(["Inc.", ""], PEOPLE) == [
        TargetCoverage("Inc.", (), (), ()),
        TargetCoverage("", (), (), ()),
    ]


def test_only_companies_at_a_target_need_their_people() -> None:
    cards = ["ACME", "Globex", "acme, inc", "Inc.", "Initech GmbH", "Acmé"]
    assert at_targets(["Acme Inc.", "Initech", "Inc."], cards) == [
        "ACME", "acme, inc", "Initech GmbH", "Acmé",
    ]  # fmt: skip
    assert at_targets([], cards) == []
    at = at_targets(["Acme", "Globex"], {p.company for p in PEOPLE if p.company})
    targeted = [p for p in PEOPLE if p.company in at]
    assert len(targeted) < len(PEOPLE)
    assert coverage(["Acme", "Globex"], targeted) == coverage(["Acme", "Globex"], PEOPLE)


def test_coverage_without_targets_or_people() -> None:
    assert coverage([], PEOPLE) == []
    assert coverage(["Acme"], []) == [TargetCoverage("Acme", (), (), ())]
    assert coverage(["Acme"], iter([DANA])) == [TargetCoverage("Acme", (DANA,), (), ())]


def test_coverage_sorting_is_stable_for_equal_names() -> None:
    a, b = person(12, "Sam", "Acme", "peer"), person(11, "Sam", "Acme", "peer")
    assert coverage(["Acme"], [a, b])[0].others == (b, a)


def test_unknown_tier_strings_count_as_others() -> None:
    odd = person(13, "Odd", "Acme", "vip")
    assert coverage(["Acme"], [odd])[0].others == (odd,)


@pytest.mark.parametrize(
    ("people", "expected"),
    [
        ([], CoverageGap.NOBODY),
        ([CAL], CoverageGap.NO_INSIDER),  # decided: the insider is the nearer step
        ([PIA, UMA], CoverageGap.NO_INSIDER),
        ([DANA], CoverageGap.NO_INSIDER),
        ([BEA], CoverageGap.NO_DECISION_MAKER),
        ([BEA, CAL], CoverageGap.NO_DECISION_MAKER),
        ([DANA, BEA], CoverageGap.COVERED),
        (PEOPLE, CoverageGap.COVERED),
    ],
)
def test_gap(people: list[PersonAt], expected: CoverageGap) -> None:
    (target,) = coverage(["Acme"], people)
    assert gap(target) == expected
    assert (expected == CoverageGap.COVERED) == target.covered
    assert (expected == CoverageGap.NOBODY) == target.empty


def test_gap_values_are_stable() -> None:
    # Other layers key their copy on these values, so they must not change by accident.
    assert [g.value for g in CoverageGap] == [
        "nobody",
        "no_decision_maker",
        "no_insider",
        "covered",
    ]


@pytest.mark.parametrize("chunk", [" ", "\t- ", "(", "Inc. "])
def test_long_repetitive_answers_are_parsed(chunk: str) -> None:
    """Inputs that once took seconds (quadratic work); bench/parsing.py measures them."""
    text = chunk * (40_000 // len(chunk)) + "Acme"
    assert len(parse_company_list(text)) <= 20
