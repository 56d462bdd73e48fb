"""Importing contacts from a file the user sends: LinkedIn's Connections.csv or vCards (.vcf).

An import is all or nothing: the whole file is read before anything is returned, and a
malformed file raises ImportFileError naming the problem (bot.texts words it for the user).
Imported people are names, not relationships yet (principle 3); the coach nudges about the few
that matter later.
"""

import codecs
import csv
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from vobject.base import VObjectError, getLogicalLines, textLineToContentLine
from vobject.icalendar import stringToTextValues

from domain.contacts import clean_display_name, normalize_name
from domain.text import clean_text

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_CONTACTS = 20_000
MAX_FIELD_LENGTH = 200  # company and role
MAX_EMAIL_LENGTH = 254

_HEADER_SEARCH_ROWS = 20  # LinkedIn puts a few "Notes:" lines before the header
_LINKEDIN_COLUMNS = {
    "first": "first name",
    "last": "last name",
    "email": "email address",
    "company": "company",
    "role": "position",
    "connected_on": "connected on",
}
_REQUIRED_COLUMNS = ("first", "last")
_MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
_LINKEDIN_DATE = re.compile(r"(?P<day>\d{1,2})[ -](?P<month>[a-z]{3})[a-z]*[ -](?P<year>\d{4})")
_ISO_DATE = re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class ImportProblem(StrEnum):
    """Why a file cannot be imported (bot.texts.IMPORT_PROBLEMS says it to the user)."""

    TOO_BIG = "too_big"
    NEITHER_FORMAT = "neither_format"
    NOT_UTF8 = "not_utf8"
    NOT_TEXT = "not_text"
    TOO_MANY = "too_many"
    CSV_EXTRA_VALUES = "csv_extra_values"
    CSV_INVALID_LINE = "csv_invalid_line"
    CSV_INVALID_START = "csv_invalid_start"
    NOT_LINKEDIN = "not_linkedin"
    LINKEDIN_COLUMN_MISSING = "linkedin_column_missing"
    NO_VCARD = "no_vcard"
    VCARD_UNFINISHED = "vcard_unfinished"
    VCARD_END_WITHOUT_BEGIN = "vcard_end_without_begin"
    VCARD_OUTSIDE = "vcard_outside"
    VCARD_UNREADABLE_PROPERTY = "vcard_unreadable_property"
    VCARD_UNKNOWN_CHARSET = "vcard_unknown_charset"
    VCARD_WRONG_CHARSET = "vcard_wrong_charset"


class ImportFileError(ValueError):
    """A file that cannot be imported: the problem, and the details its message names
    (`line`, `column`, `name`, `limit`)."""

    def __init__(self, problem: ImportProblem, **details: object) -> None:
        super().__init__(problem.value, details)
        self.problem = problem
        self.details = details


@dataclass(frozen=True)
class ImportedContact:
    name: str
    company: str | None
    role: str | None
    email: str | None
    connected_on: date | None


def parse_contacts_file(file_name: str, content: bytes) -> list[ImportedContact]:
    """All contacts in the file, each name once (the first wins); rows without a name are
    skipped. The content decides the format when it is recognisable, else the extension."""
    if len(content) > MAX_FILE_BYTES:
        raise ImportFileError(ImportProblem.TOO_BIG)
    text = _decode(content)
    kind = _sniff(text) or _kind_from_name(file_name)
    if kind == "csv":
        return _unique(_linkedin_contacts(text))
    if kind == "vcf":
        return _unique(_vcard_contacts(text))
    raise ImportFileError(ImportProblem.NEITHER_FORMAT)


def _decode(content: bytes) -> str:
    """The file as text: UTF-8 (with or without a byte order mark) or UTF-16 with one."""
    if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        encoding = "utf-8-sig"
    try:
        text = content.decode(encoding)
    except UnicodeDecodeError:
        raise ImportFileError(ImportProblem.NOT_UTF8) from None
    if "\x00" in text:
        raise ImportFileError(ImportProblem.NOT_TEXT)
    return text


def _sniff(text: str) -> str | None:
    """The format ("vcf" or "csv") when the content clearly is one, else None."""
    head = text[:4096].lstrip().casefold()
    if head.startswith("begin:vcard"):
        return "vcf"
    lines = head.splitlines()[:_HEADER_SEARCH_ROWS]
    if any("first name" in line and "," in line for line in lines):
        return "csv"
    return None


def _kind_from_name(file_name: str) -> str | None:
    """The format ("csv" or "vcf") the file's extension names, else None."""
    extension = file_name.rpartition(".")[2].casefold() if "." in file_name else ""
    return {"csv": "csv", "vcf": "vcf", "vcard": "vcf"}.get(extension)


def _unique(contacts: Iterable[ImportedContact]) -> list[ImportedContact]:
    """The contacts with each normalised name once, at most MAX_CONTACTS of them."""
    seen: set[str] = set()
    unique = []
    for contact in contacts:
        key = normalize_name(contact.name)
        if not key or key in seen:  # no letters or digits: not a name
            continue
        seen.add(key)
        unique.append(contact)
        if len(unique) > MAX_CONTACTS:
            raise ImportFileError(ImportProblem.TOO_MANY, limit=MAX_CONTACTS)
    return unique


def _contact(
    name: str,
    company: str = "",
    role: str = "",
    email: str = "",
    connected_on: date | None = None,
) -> ImportedContact | None:
    """A cleaned contact, or None when there is no name."""
    clean_name = clean_display_name(name)
    if clean_name is None:
        return None
    return ImportedContact(
        name=clean_name,
        company=clean_text(company, MAX_FIELD_LENGTH),
        role=clean_text(role, MAX_FIELD_LENGTH),
        email=_clean_email(email),
        connected_on=connected_on,
    )


def _clean_email(raw: str) -> str | None:
    """The address if it looks like one (something@something), else None."""
    email = clean_text(raw, MAX_EMAIL_LENGTH + 1)
    if email is None or len(email) > MAX_EMAIL_LENGTH or " " in email:
        return None
    local, at, domain = email.partition("@")
    return email if local and at and domain else None


# LinkedIn Connections.csv


def _linkedin_contacts(text: str) -> Iterator[ImportedContact]:
    """The contacts in LinkedIn's Connections.csv, after its optional "Notes:" preamble."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    columns, width = _find_header(reader)
    try:
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            if any(cell.strip() for cell in row[width:]):
                raise ImportFileError(ImportProblem.CSV_EXTRA_VALUES, line=reader.line_num)
            values = {key: row[index] if index < len(row) else "" for key, index in columns.items()}
            contact = _contact(
                f"{values['first']} {values['last']}",
                values.get("company", ""),
                values.get("role", ""),
                values.get("email", ""),
                _connected_on(values.get("connected_on", "")),
            )
            if contact is not None:
                yield contact
    except csv.Error:
        raise ImportFileError(ImportProblem.CSV_INVALID_LINE, line=reader.line_num) from None


def _find_header(reader: Iterator[list[str]]) -> tuple[dict[str, int], int]:
    """Column positions by key and the number of columns, from the first row naming
    "First Name" (the rows up to it are consumed from `reader`)."""
    try:
        for _, row in zip(range(_HEADER_SEARCH_ROWS), reader, strict=False):
            names = [cell.strip().casefold() for cell in row]
            if _LINKEDIN_COLUMNS["first"] in names:
                return _column_positions(names), len(names)
    except csv.Error:
        raise ImportFileError(ImportProblem.CSV_INVALID_START) from None
    raise ImportFileError(ImportProblem.NOT_LINKEDIN)


def _column_positions(names: list[str]) -> dict[str, int]:
    """Where each known column is; ImportFileError if a required one is missing."""
    positions = {
        key: names.index(title) for key, title in _LINKEDIN_COLUMNS.items() if title in names
    }
    for key in _REQUIRED_COLUMNS:
        if key not in positions:
            raise ImportFileError(
                ImportProblem.LINKEDIN_COLUMN_MISSING, column=_LINKEDIN_COLUMNS[key].title()
            )
    return positions


def _connected_on(text: str) -> date | None:
    """The date in `05 Jan 2024` (LinkedIn's format) or 2024-01-05; None if unreadable."""
    text = text.strip().casefold()
    match = _LINKEDIN_DATE.fullmatch(text)
    if match and match["month"] in _MONTHS:
        parts = int(match["year"]), _MONTHS[match["month"]], int(match["day"])
    elif match := _ISO_DATE.fullmatch(text):
        parts = int(match["year"]), int(match["month"]), int(match["day"])
    else:
        return None
    try:
        return date(*parts)
    except ValueError:
        return None


# vCard. vobject reads the lines of each card: unfolding, vCard 2.1 quoted-printable (soft line
# breaks, CHARSET), parameters, escapes. Three things are kept here on purpose:
# - framing the cards, for all-or-nothing errors that name a line: vobject's line numbers are
#   off by one after a blank line and its errors name no card;
# - its line reader, not readComponents: the vCard 3.0 behaviour readComponents applies cuts
#   text at unescaped commas, which vCard 2.1 doesn't escape ("FN:Dupont, Françoise" → "Dupont");
# - _PROPERTY_HEAD before vobject's line pattern, which backtracks exponentially on a malformed
#   header (0.7 s for `FN;A` and 22 "=", doubling with each more) and files are untrusted.
# vobject only ever sees strings cut from the file: nothing here opens a URL or another file.

_VCARD_FIELDS = frozenset({"FN", "N", "ORG", "TITLE", "EMAIL"})
_TEXT_ESCAPES = "\\;,nN"  # \\ \; \, \n and \N, the escapes of vCard text values
_NAME = r"[A-Za-z0-9_-]++"
_PARAM_VALUE = r'(?:"[^"]*+"|[^";:,]*+)'
_PROPERTY_NAME = re.compile(rf"(?:{_NAME}\.)?+(?P<name>{_NAME})[;:]")
# `group.NAME;PARAM=a,"b";PARAM:`, the part of vobject's grammar vCards use, without
# backtracking (possessive quantifiers), so a line that matches it is safe to give vobject.
_PROPERTY_HEAD = re.compile(
    rf"(?:{_NAME}\.)?+{_NAME}(?:;{_NAME}(?:={_PARAM_VALUE}(?:,{_PARAM_VALUE})*+)?+)*+:"
)


def _vcard_contacts(text: str) -> Iterator[ImportedContact]:
    """The contacts in a file of one or more vCards (2.1, 3.0 or 4.0)."""
    cards = list(_vcards(text))
    if not cards:
        raise ImportFileError(ImportProblem.NO_VCARD)
    for start, lines in cards:
        contact = _vcard_contact(_vcard_fields(start, lines))
        if contact is not None:
            yield contact


def _vcards(text: str) -> Iterator[tuple[int, list[str]]]:
    """The line number of each BEGIN:VCARD and the lines up to its END:VCARD, checking that
    cards close and that only blank lines are outside them."""
    card: list[str] | None = None
    card_start = 0
    for number, line in enumerate(_LINE_BREAK.split(text), 1):
        marker = line.strip().upper()
        if marker == "BEGIN:VCARD":
            if card is not None:
                raise ImportFileError(ImportProblem.VCARD_UNFINISHED, line=card_start)
            card, card_start = [], number
        elif marker == "END:VCARD":
            if card is None:
                raise ImportFileError(ImportProblem.VCARD_END_WITHOUT_BEGIN, line=number)
            yield card_start, card
            card = None
        elif card is not None:
            card.append(line)
        elif marker:
            raise ImportFileError(ImportProblem.VCARD_OUTSIDE, line=number)
    if card is not None:
        raise ImportFileError(ImportProblem.VCARD_UNFINISHED, line=card_start)


def _vcard_fields(card_start: int, lines: list[str]) -> dict[str, list[str]]:
    """The first FN, N, ORG, TITLE and EMAIL of one card, each as its decoded components
    (the value split at unescaped semicolons). Other lines, readable or not, and lines without
    a colon (no property at all) are skipped."""
    fields: dict[str, list[str]] = {}
    for line, _ in getLogicalLines(io.StringIO("\n".join(lines)), allowQP=True):
        head = _PROPERTY_NAME.match(line) if ":" in line else None
        name = head["name"].upper() if head else ""
        if name in _VCARD_FIELDS and name not in fields:
            fields[name] = _components(line, name, card_start)
    return fields


def _components(line: str, name: str, card_start: int) -> list[str]:
    """One property's value, decoded by vobject and split at unescaped semicolons."""
    if not _PROPERTY_HEAD.match(line):
        raise ImportFileError(ImportProblem.VCARD_UNREADABLE_PROPERTY, line=card_start, name=name)
    try:
        value = textLineToContentLine(line).value
    except LookupError:
        raise ImportFileError(ImportProblem.VCARD_UNKNOWN_CHARSET, line=card_start) from None
    except UnicodeError:
        raise ImportFileError(ImportProblem.VCARD_WRONG_CHARSET, line=card_start) from None
    except (VObjectError, ValueError, TypeError):  # anything else vobject may raise
        raise ImportFileError(
            ImportProblem.VCARD_UNREADABLE_PROPERTY, line=card_start, name=name
        ) from None
    return stringToTextValues(value, listSeparator=";", charList=_TEXT_ESCAPES)


def _vcard_contact(fields: dict[str, list[str]]) -> ImportedContact | None:
    """A contact from one card's fields: FN (else N), ORG, TITLE and EMAIL."""
    name = " ".join(fields.get("FN", []))
    if not name.strip() and "N" in fields:
        name = _name_from_n(fields["N"])
    return _contact(
        name,
        company=fields.get("ORG", [""])[0],  # the organisation, without its units
        role=" ".join(fields.get("TITLE", [])),
        email=" ".join(fields.get("EMAIL", [])),
    )


def _name_from_n(parts: list[str]) -> str:
    """The name "Given Additional Family" from N's Family;Given;Additional;Prefix;Suffix."""
    family, given, additional = [*parts, "", "", ""][:3]
    return " ".join(part for part in (given, additional, family) if part.strip())
