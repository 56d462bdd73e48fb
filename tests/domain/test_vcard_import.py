"""vCard imports read through vobject: encodings, versions, line endings, folding, broken
cards and the input vobject must never be left alone with."""

import builtins
import socket

import pytest

from bot.presenters.imports import problem
from domain import imports
from domain.imports import ImportedContact, ImportFileError, parse_contacts_file

JOSE = ImportedContact(
    "José Núñez",
    "Compañía Ibérica, S.A.",
    "Jefe de Administración y Finanzas",
    "jose@example.es",
    None,
)

# vCard 2.1 as old phones export it: quoted-printable UTF-8 with soft line breaks ("=" at the
# end of a line), and commas that 2.1 does not escape.
VCARD_21_QUOTED_PRINTABLE = (
    "BEGIN:VCARD\r\n"
    "VERSION:2.1\r\n"
    "N;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:N=C3=BA=C3=B1ez;Jos=C3=A9;;;\r\n"
    "FN;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Jos=C3=A9 N=C3=BA=\r\n"
    "=C3=B1ez\r\n"
    "ORG;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Compa=C3=B1=C3=ADa Ib=C3=A9rica=\r\n"
    ", S.A.;Ventas\r\n"
    "TITLE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Jefe de Administraci=C3=B3n y Fin=\r\n"
    "anzas\r\n"
    "TEL;CELL:+34 600 000 000\r\n"
    "EMAIL;INTERNET:jose@example.es\r\n"
    "END:VCARD\r\n"
)

VCARD_40 = (
    "BEGIN:VCARD\n"
    "VERSION:4.0\n"
    "KIND:individual\n"
    "FN:Zoë Ångström\n"
    "N:Ångström;Zoë;;;\n"
    "ORG:Example\\, Ltd.;R&D\n"
    "TITLE:CTO\n"
    "EMAIL;TYPE=work;PREF=1:zoe@example.com\n"
    "EMAIL;TYPE=home:zoe@home.example\n"
    'TEL;VALUE=uri;TYPE="voice,cell":tel:+1-555-555-5555\n'
    "PHOTO:data:image/jpeg;base64,/9j/4AAQSkZJRgABAQ\n"
    'ADR;TYPE=work;LABEL="1 Main St\\nSpringfield":;;1 Main St;Springfield;;;USA\n'
    "END:VCARD\n"
    "BEGIN:VCARD\n"
    "VERSION:4.0\n"
    "FN;ALTID=1;LANGUAGE=ja:佐藤 花子\n"
    "FN;ALTID=1;LANGUAGE=en:Hanako Sato\n"
    "END:VCARD\n"
)
EXPECTED_40 = [
    ImportedContact("Zoë Ångström", "Example, Ltd.", "CTO", "zoe@example.com", None),
    ImportedContact("佐藤 花子", None, None, None, None),
]

THREE_CARDS = (
    "BEGIN:VCARD\n"
    "VERSION:3.0\n"
    "FN:Sally Jones\n"
    "ORG:Acme\n"
    "END:VCARD\n"
    "BEGIN:VCARD\n"
    "VERSION:3.0\n"
    "N:Lee;Tom;;;\n"
    "FN:Tom Lee\n"
    "TITLE:CTO\n"
    "END:VCARD\n"
    "BEGIN:VCARD\n"
    "VERSION:3.0\n"
    "FN:Priya Kumar\n"
    "EMAIL:priya@example.com\n"
    "END:VCARD\n"
)
EXPECTED_THREE = [
    ImportedContact("Sally Jones", "Acme", None, None, None),
    ImportedContact("Tom Lee", None, "CTO", None, None),
    ImportedContact("Priya Kumar", None, None, "priya@example.com", None),
]


def parse(text: str) -> list[ImportedContact]:
    return parse_contacts_file("contacts.vcf", text.encode())


def error(text: str) -> str:
    with pytest.raises(ImportFileError) as caught:
        parse(text)
    return problem(caught.value)


def card(*lines: str) -> str:
    return "BEGIN:VCARD\nVERSION:3.0\n" + "".join(f"{line}\n" for line in lines) + "END:VCARD\n"


def test_vcard_21_quoted_printable_utf8_with_soft_line_breaks() -> None:
    assert parse(VCARD_21_QUOTED_PRINTABLE) == [JOSE]


def test_vcard_21_quoted_printable_latin1_and_bare_parameters() -> None:
    text = (
        "BEGIN:VCARD\nVERSION:2.1\n"
        "FN;CHARSET=ISO-8859-1;QUOTED-PRINTABLE:Jos=E9 N=FA=F1ez\n"
        "EMAIL;PREF;INTERNET:jose@example.es\n"
        "END:VCARD\n"
    )
    assert parse(text) == [ImportedContact("José Núñez", None, None, "jose@example.es", None)]


def test_vcard_21_keeps_unescaped_commas() -> None:
    text = "BEGIN:VCARD\nVERSION:2.1\nFN:Dupont, Françoise\nTITLE:Head of Sales, EMEA\nEND:VCARD\n"
    assert parse(text) == [
        ImportedContact("Dupont, Françoise", None, "Head of Sales, EMEA", None, None)
    ]


def test_vcard_40() -> None:
    assert parse(VCARD_40) == EXPECTED_40


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_line_endings(newline: str) -> None:
    assert parse(THREE_CARDS.replace("\n", newline)) == EXPECTED_THREE
    text = VCARD_21_QUOTED_PRINTABLE.replace("\r\n", newline)
    assert parse(text) == [JOSE]


def test_folded_lines() -> None:
    text = (
        "BEGIN:VCARD\r\n"
        "VERSION:3.0\r\n"
        "FN:Alexandra Marguerite\r\n"
        "  Montgomery-\r\n"
        "\tSmythe\r\n"
        "ORG:Internationa\r\n"
        " l Business Machines\\, \r\n"
        " Inc.;Research\r\n"
        "EMAIL;TYPE=INTE\r\n"
        " RNET:alexandra.montgomery-smythe@\r\n"
        " example.com\r\n"
        "NOTE:A note that goes on and on and on and on and on and on and on and on and\r\n"
        "  on and on\r\n"
        "END:VCARD\r\n"
    )
    assert parse(text) == [
        ImportedContact(
            "Alexandra Marguerite Montgomery-Smythe",
            "International Business Machines, Inc.",
            None,
            "alexandra.montgomery-smythe@example.com",
            None,
        )
    ]


def test_a_card_without_fn_is_named_from_n() -> None:
    text = (
        card("N:Lee;Tom;;;", "ORG:Globex")
        + card("N:Ivanova;Anna;Sergeevna;Dr.;PhD")
        + card("FN:", "N:;Madonna;;;")
        + card("N:Kumar\\, Jr.;Priya")
        + card("N:;;;;", "ORG:Nobody Inc.")
    )
    assert [(c.name, c.company) for c in parse(text)] == [
        ("Tom Lee", "Globex"),
        ("Anna Sergeevna Ivanova", None),
        ("Madonna", None),
        ("Priya Kumar, Jr.", None),
    ]


def test_the_first_of_each_property_wins() -> None:
    text = card("FN:Sally Jones", "FN:Sally J.", "TITLE:CTO", "TITLE:CEO", "ORG:Acme;Labs")
    assert parse(text) == [ImportedContact("Sally Jones", "Acme", "CTO", None, None)]


def test_unreadable_lines_of_unused_properties_are_skipped() -> None:
    text = card(
        "FN:Sally Jones",
        "X-WEIRD NAME:a space in the name",
        "a stray line without a colon",
        "TITLE;CHARSET=UTF-8",
        "NOTE;A" + "=" * 40 + '":a header vobject would take hours over',
        "PHOTO;VALUE=uri:https://example.com/sally.jpg",
    )
    assert parse(text) == [ImportedContact("Sally Jones", None, None, None, None)]


@pytest.mark.parametrize(
    ("broken_card", "message"),
    [
        ("BEGIN:VCARD\nFN:Broken\n", "the vCard on line 12 has no END:VCARD"),
        (
            card("FN;CHARSET=X-NO-SUCH-CHARSET;ENCODING=QUOTED-PRINTABLE:Bro=E9ken"),
            "the vCard on line 12 uses an unknown character set",
        ),
        (
            card("FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Bro=FF=FEken"),
            "the vCard on line 12 has text that doesn't match its character set",
        ),
        (card('FN;TYPE="work:Broken'), "the vCard on line 12 has an unreadable FN property"),
        (card('EMAIL;TYPE=a"b:x@y.z'), "the vCard on line 12 has an unreadable EMAIL property"),
        ("FN:Broken\n", "line 12 is outside any vCard"),
    ],
)
def test_one_broken_card_imports_nothing(broken_card: str, message: str) -> None:
    first_two, last = THREE_CARDS.rsplit("BEGIN:VCARD", 1)
    assert error(first_two + broken_card + "BEGIN:VCARD" + last) == message


def test_a_malicious_header_never_reaches_vobject(monkeypatch: pytest.MonkeyPatch) -> None:
    """vobject's line pattern backtracks exponentially on such a header (about 10 s here, each
    "=" more doubles it), so our own pattern rejects it first. bench/parsing.py times it."""

    def must_not_run(*args: object, **kwargs: object) -> None:
        raise AssertionError("a malformed header reached vobject")

    monkeypatch.setattr(imports, "textLineToContentLine", must_not_run)
    text = card("FN;A" + "=" * 26 + '":Sally')
    assert "has an unreadable FN property" in error(text)


def test_parsing_opens_no_connection_and_no_file(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the vCard parser reached outside the file")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(builtins, "open", refuse)
    text = card(
        "FN:Sally Jones",
        "PHOTO;VALUE=uri:https://example.com/sally.jpg",
        "SOURCE:https://example.com/sally.vcf",
        "KEY;VALUE=uri:file:///etc/passwd",
        "EMAIL;VALUE=uri:https://example.com/sally",
    )
    assert [c.name for c in parse(text)] == ["Sally Jones"]
