"""Contact imports: LinkedIn's Connections.csv and vCards, all or nothing."""

from datetime import date

import pytest

from bot.presenters.imports import problem
from domain import imports
from domain.imports import (
    MAX_CONTACTS,
    MAX_FILE_BYTES,
    ImportedContact,
    ImportFileError,
    parse_contacts_file,
)

LINKEDIN_PREAMBLE = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses are '
    "missing. You will only see email addresses for connections who have allowed their "
    "connections to see or download their email address using this setting "
    "https://www.linkedin.com/psettings/privacy/email. You can learn more here "
    'https://www.linkedin.com/help/linkedin/answer/261"\n'
    "\n"
)
LINKEDIN_HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
LINKEDIN_ROWS = (
    "Sally,Jones,https://www.linkedin.com/in/sallyjones,sally@example.com,"
    '"Acme, Inc.",VP Engineering,05 Jan 2024\n'
    "José,Núñez,https://www.linkedin.com/in/jnunez,,Globex,"
    '"Head of Sales, EMEA",12 Mar 2023\n'
    "李,雷,https://www.linkedin.com/in/lilei,,,,01 Feb 2022\n"
    ",,https://www.linkedin.com/in/unknown,,Hidden Co,,03 Mar 2021\n"
    "jose,nunez,https://www.linkedin.com/in/other,,Initech,,04 Apr 2020\n"
    "Tom,,https://www.linkedin.com/in/tom,,,,not a date\n"
)
SALLY = ImportedContact(
    "Sally Jones", "Acme, Inc.", "VP Engineering", "sally@example.com", date(2024, 1, 5)
)
EXPECTED_LINKEDIN = [
    SALLY,
    ImportedContact("José Núñez", "Globex", "Head of Sales, EMEA", None, date(2023, 3, 12)),
    ImportedContact("李 雷", None, None, None, date(2022, 2, 1)),
    ImportedContact("Tom", None, None, None, None),
]  # fmt: skip

VCARD_30 = (
    "BEGIN:VCARD\r\n"
    "VERSION:3.0\r\n"
    "N:Jones;Sally;;;\r\n"
    "FN:Sally Jones\r\n"
    "ORG:Acme\\, Inc.;Engineering\r\n"
    "TITLE:VP Engineering\\, Platform\r\n"
    "EMAIL;TYPE=INTERNET;TYPE=WORK:sally@example.com\r\n"
    "EMAIL;TYPE=INTERNET;TYPE=HOME:sally@home.example\r\n"
    "NOTE:Met at PyCon\\nLikes long\r\n"
    "  walks\r\n"
    "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgG\r\n"
    " BgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/\r\n"
    "END:VCARD\r\n"
    "BEGIN:VCARD\r\n"
    "VERSION:3.0\r\n"
    "N:Núñez;José;;;\r\n"
    "FN:José Núñez\r\n"
    "item1.EMAIL;type=INTERNET:jose@example.\r\n"
    " com\r\n"
    "END:VCARD\r\n"
    "BEGIN:VCARD\r\n"
    "VERSION:3.0\r\n"
    "N:Ivanova;Anna;Sergeevna;Dr.;\r\n"
    "ORG:Yandex\r\n"
    "END:VCARD\r\n"
    "BEGIN:VCARD\r\n"
    "VERSION:3.0\r\n"
    "ORG:A company without a person\r\n"
    "TEL:+1 555 0100\r\n"
    "END:VCARD\r\n"
)

VCARD_21 = (
    "BEGIN:VCARD\n"
    "VERSION:2.1\n"
    "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen;;;\n"
    "FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=BCrgen M=C3=BC=\n"
    "ller\n"
    "TITLE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Gesch=C3=A4ftsf=C3=BChrer\n"
    "ORG:Müller & Söhne GmbH\n"
    "EMAIL;PREF;INTERNET:juergen@example.de\n"
    "PHOTO;ENCODING=BASE64;TYPE=JPEG:\n"
    " /9j/4AAQSkZJRgABAQAAAQABAAD\n"
    " 2wBDAAMCAgICAgMCAgIDAwMDBAYE\n"
    "\n"
    "END:VCARD\n"
    "BEGIN:VCARD\n"
    "VERSION:2.1\n"
    "FN;QUOTED-PRINTABLE;CHARSET=ISO-8859-1:Fran=E7oise Dupont\n"
    "END:VCARD\n"
)

VCARD_40 = (
    "BEGIN:VCARD\n"
    "VERSION:4.0\n"
    'FN;PID=1.1;TYPE="work,voice":Алексей Ёлкин\n'
    "EMAIL;PREF=1:alexey@example.ru\n"
    "END:VCARD\n"
)


def parse(name: str, text: str) -> list[ImportedContact]:
    return parse_contacts_file(name, text.encode())


def error(name: str, content: bytes) -> str:
    with pytest.raises(ImportFileError) as caught:
        parse_contacts_file(name, content)
    return problem(caught.value)


def test_linkedin_with_preamble() -> None:
    assert parse("Connections.csv", LINKEDIN_PREAMBLE + LINKEDIN_HEADER + LINKEDIN_ROWS) == (
        EXPECTED_LINKEDIN
    )


def test_linkedin_without_preamble_with_bom_and_crlf() -> None:
    text = (LINKEDIN_HEADER + LINKEDIN_ROWS).replace("\n", "\r\n")
    assert parse_contacts_file("Connections.csv", b"\xef\xbb\xbf" + text.encode()) == (
        EXPECTED_LINKEDIN
    )


def test_linkedin_utf16_with_bom() -> None:
    content = (LINKEDIN_HEADER + LINKEDIN_ROWS).encode("utf-16")
    assert parse_contacts_file("Connections.csv", content) == EXPECTED_LINKEDIN


def test_linkedin_column_order_and_optional_columns() -> None:
    text = 'Company,Last Name,First Name\n"Acme, Inc.",Jones,Sally\n\n,,\n'
    assert parse("Connections.csv", text) == [
        ImportedContact("Sally Jones", "Acme, Inc.", None, None, None)
    ]


def test_linkedin_cleans_fields() -> None:
    text = LINKEDIN_HEADER + ' Sally\u200b , Jones ,x,not an email,  Acme \t Corp ,"",2024-01-05\n'
    assert parse("Connections.csv", text) == [
        ImportedContact("Sally Jones", "Acme Corp", None, None, date(2024, 1, 5))
    ]


def test_linkedin_quoted_newline_in_a_field() -> None:
    text = LINKEDIN_HEADER + 'Sally,Jones,x,,"Acme\nLabs",CTO,05 Jan 2024\nTom,Lee,,,,,\n'
    contacts = parse("Connections.csv", text)
    assert [(c.name, c.company) for c in contacts] == [
        ("Sally Jones", "Acme Labs"),
        ("Tom Lee", None),
    ]


def test_vcard_30() -> None:
    assert parse("contacts.vcf", VCARD_30) == [
        ImportedContact(
            "Sally Jones", "Acme, Inc.", "VP Engineering, Platform", "sally@example.com", None
        ),
        ImportedContact("José Núñez", None, None, "jose@example.com", None),
        ImportedContact("Anna Sergeevna Ivanova", "Yandex", None, None, None),
    ]  # fmt: skip


def test_vcard_21_quoted_printable_and_soft_breaks() -> None:
    assert parse("contacts.vcard", VCARD_21) == [
        ImportedContact(
            "Jürgen Müller", "Müller & Söhne GmbH", "Geschäftsführer", "juergen@example.de", None
        ),
        ImportedContact("Françoise Dupont", None, None, None, None),
    ]  # fmt: skip


def test_vcard_40_quoted_parameters() -> None:
    assert parse("contacts.VCF", VCARD_40) == [
        ImportedContact("Алексей Ёлкин", None, None, "alexey@example.ru", None)
    ]


def test_duplicates_within_a_file_keep_the_first() -> None:
    text = VCARD_40 + VCARD_40.replace("alexey@", "second@").replace("Ёлкин", "Елкин")
    assert [c.email for c in parse("a.vcf", text)] == ["alexey@example.ru"]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("Connections.txt", LINKEDIN_PREAMBLE + LINKEDIN_HEADER + LINKEDIN_ROWS),
        ("contacts.vcf", LINKEDIN_HEADER + LINKEDIN_ROWS),  # the content wins over the name
        ("export", LINKEDIN_HEADER + LINKEDIN_ROWS),
    ],
)
def test_csv_content_is_recognised_whatever_the_name(name: str, text: str) -> None:
    assert parse(name, text) == EXPECTED_LINKEDIN


@pytest.mark.parametrize("name", ["contacts.txt", "contacts.csv", "contacts"])
def test_vcard_content_is_recognised_whatever_the_name(name: str) -> None:
    assert [c.name for c in parse(name, VCARD_40)] == ["Алексей Ёлкин"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("Connections.csv", b"Name,Company\nSally,Acme\n", "no 'First Name' column"),
        ("Connections.csv", b"First Name,Company\nSally,Acme\n", "no 'Last Name' column"),
        ("Connections.csv", b"", "no 'First Name' column"),
        (
            "Connections.csv",
            (LINKEDIN_HEADER + 'Sally,Jones,x,,"Acme\n').encode(),
            "line 2 is not valid CSV",
        ),
        (
            "Connections.csv",
            (LINKEDIN_HEADER + LINKEDIN_ROWS + 'Tom,"Le"e,,,,,\n').encode(),
            "line 8 is not valid CSV",
        ),
        (
            "Connections.csv",
            (LINKEDIN_HEADER + "Sally,Jones,x,,Acme, Inc.,CTO,05 Jan 2024\n").encode(),
            "line 2 has more values than the header",
        ),
        ("contacts.vcf", VCARD_30[:-12].encode(), "the vCard on line 26 has no END:VCARD"),
        (
            "contacts.vcf",
            b"BEGIN:VCARD\nFN:Sally\nBEGIN:VCARD\nFN:Tom\nEND:VCARD\n",
            "the vCard on line 1 has no END:VCARD",
        ),
        ("contacts.vcf", b"FN:Sally\nEND:VCARD\n", "line 1 is outside any vCard"),
        ("contacts.vcf", b"END:VCARD\n", "line 1 has END:VCARD without BEGIN:VCARD"),
        ("contacts.vcf", b"hello\n", "line 1 is outside any vCard"),
        ("contacts.vcf", b"", "no vCard found"),
        ("contacts.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xd8", "not UTF-8 text"),
        ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF", "not UTF-8 text"),
        ("contacts.csv", b"First Name\x00,Last Name", "not text"),
        ("notes.txt", b"Just some notes\n", "looks like neither"),
        ("contacts.xlsx", b"PK\x03\x04", "looks like neither"),
    ],
)
def test_malformed_files_raise_a_friendly_error(name: str, content: bytes, message: str) -> None:
    assert message in error(name, content)


def test_a_malformed_row_late_in_the_file_imports_nothing() -> None:
    rows = "".join(f"Person,Number{i},,,,,\n" for i in range(500))
    content = (LINKEDIN_HEADER + rows + '"unclosed,x\n').encode()
    assert "line 502 is not valid CSV" in error("Connections.csv", content)


def test_size_limit() -> None:
    content = (LINKEDIN_HEADER + "Sally,Jones,,,,,\n").encode().ljust(MAX_FILE_BYTES + 1, b"\n")
    assert "larger than 5 MB" in error("Connections.csv", content)


def test_contact_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    assert MAX_CONTACTS == 20_000
    monkeypatch.setattr(imports, "MAX_CONTACTS", 1_000)
    rows = "".join(f"P{i},Q,,,,,\n" for i in range(1_000))
    assert len(parse("Connections.csv", LINKEDIN_HEADER + rows + "P1,Q,,,,,\n")) == 1_000
    too_many = LINKEDIN_HEADER + rows + "One,More,,,,,\n"
    assert "more than 1,000 contacts" in error("Connections.csv", too_many.encode())


def test_a_full_size_export_is_read() -> None:
    """Its speed is measured in bench/parsing.py."""
    rows = "".join(
        f"Pérson{i},Q,https://x/{i},p{i}@example.com,Acme,Engineer,05 Jan 2024\n"
        for i in range(MAX_CONTACTS)
    )
    assert len(parse("Connections.csv", LINKEDIN_HEADER + rows)) == MAX_CONTACTS
