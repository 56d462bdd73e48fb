"""Importing contacts from a file the user sends: LinkedIn's Connections.csv or vCards (.vcf).

An import is all or nothing: the whole file is read before anything is returned, and a
malformed file raises ImportFileError with a message the bot can show as it is. Imported
people are names, not relationships yet (principle 3); the coach nudges about the few that
matter later.
"""

import codecs
import csv
import io
import quopri
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

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
_VCARD_ESCAPES = {"n": "\n", "N": "\n", ",": ",", ";": ";", "\\": "\\"}
_VCARD_ESCAPE = re.compile(r"\\(.)")
_UNESCAPED_SEMICOLON = re.compile(r"(?<!\\);")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class ImportFileError(ValueError):
    """A file that cannot be imported; the message is meant for the user."""


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
        raise ImportFileError("the file is larger than 5 MB; please send a smaller one")
    text = _decode(content)
    kind = _sniff(text) or _kind_from_name(file_name)
    if kind == "csv":
        return _unique(_linkedin_contacts(text))
    if kind == "vcf":
        return _unique(_vcard_contacts(text))
    raise ImportFileError(
        "I can read LinkedIn's Connections.csv or contacts saved as vCards (.vcf), "
        "and this file looks like neither"
    )


def _decode(content: bytes) -> str:
    """The file as text: UTF-8 (with or without a byte order mark) or UTF-16 with one."""
    if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    else:
        encoding = "utf-8-sig"
    try:
        text = content.decode(encoding)
    except UnicodeDecodeError:
        raise ImportFileError("the file is not UTF-8 text") from None
    if "\x00" in text:
        raise ImportFileError("the file is not text")
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
            raise ImportFileError(
                f"the file has more than {MAX_CONTACTS:,} contacts; "
                "please split it or keep the ones that matter"
            )
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
                raise ImportFileError(f"line {reader.line_num} has more values than the header")
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
        raise ImportFileError(f"line {reader.line_num} is not valid CSV") from None


def _find_header(reader: Iterator[list[str]]) -> tuple[dict[str, int], int]:
    """Column positions by key and the number of columns, from the first row naming
    "First Name" (the rows up to it are consumed from `reader`)."""
    try:
        for _, row in zip(range(_HEADER_SEARCH_ROWS), reader, strict=False):
            names = [cell.strip().casefold() for cell in row]
            if _LINKEDIN_COLUMNS["first"] in names:
                return _column_positions(names), len(names)
    except csv.Error:
        raise ImportFileError("the start of the file is not valid CSV") from None
    raise ImportFileError(
        "this doesn't look like LinkedIn's Connections.csv: no 'First Name' column"
    )


def _column_positions(names: list[str]) -> dict[str, int]:
    """Where each known column is; ImportFileError if a required one is missing."""
    positions = {
        key: names.index(title) for key, title in _LINKEDIN_COLUMNS.items() if title in names
    }
    for key in _REQUIRED_COLUMNS:
        if key not in positions:
            raise ImportFileError(
                "this doesn't look like LinkedIn's Connections.csv: "
                f"no '{_LINKEDIN_COLUMNS[key].title()}' column"
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


# vCard


@dataclass(frozen=True)
class _Property:
    name: str  # upper case, without a group prefix
    params: frozenset[str]  # upper case, as "KEY=VALUE" or a bare 2.1 word like "QUOTED-PRINTABLE"
    value: str  # raw: still escaped


def _vcard_contacts(text: str) -> Iterator[ImportedContact]:
    """The contacts in a file of one or more vCards (2.1, 3.0 or 4.0)."""
    cards = list(_vcards(_unfold(text)))
    if not cards:
        raise ImportFileError("no vCard found in the file (it has no BEGIN:VCARD)")
    for properties in cards:
        contact = _vcard_contact(properties)
        if contact is not None:
            yield contact


def _unfold(text: str) -> Iterator[tuple[int, str]]:
    """Logical lines with the number of the physical line they start on.

    A line starting with a space or tab continues the previous one; in quoted-printable
    values (vCard 2.1) a line ending with "=" continues on the next line.
    """
    current: str | None = None
    start = 0
    for number, line in enumerate(_LINE_BREAK.split(text), 1):
        if current is not None and line[:1] in {" ", "\t"}:
            current += line[1:]
        elif current is not None and current.endswith("=") and _is_quoted_printable(current):
            current = current[:-1] + line
        else:
            if current is not None:
                yield start, current
            current, start = line, number
    if current is not None:
        yield start, current


def _is_quoted_printable(line: str) -> bool:
    """Whether a logical line's parameters say its value is quoted-printable."""
    return "QUOTED-PRINTABLE" in line.partition(":")[0].upper()


def _vcards(lines: Iterable[tuple[int, str]]) -> Iterator[list[_Property]]:
    """The properties of each BEGIN:VCARD … END:VCARD block, checking that blocks close."""
    card: list[_Property] | None = None
    card_start = 0
    for number, line in lines:
        marker = line.strip().upper()
        if marker == "BEGIN:VCARD":
            if card is not None:
                raise ImportFileError(f"the vCard on line {card_start} has no END:VCARD")
            card, card_start = [], number
        elif marker == "END:VCARD":
            if card is None:
                raise ImportFileError(f"line {number} has END:VCARD without BEGIN:VCARD")
            yield card
            card = None
        elif card is not None:
            prop = _parse_property(line)
            if prop is not None:
                card.append(prop)
        elif marker:
            raise ImportFileError(f"line {number} is outside any vCard")
    if card is not None:
        raise ImportFileError(f"the vCard on line {card_start} has no END:VCARD")


def _parse_property(line: str) -> _Property | None:
    """`group.NAME;PARAM=x;PARAM:value` split up; None for a line without a colon."""
    head, colon, value = _split_outside_quotes(line)
    if not colon:
        return None
    name, *params = head.split(";")
    return _Property(
        name=name.rpartition(".")[2].strip().upper(),
        params=frozenset(param.strip().upper() for param in params),
        value=value,
    )


def _split_outside_quotes(line: str) -> tuple[str, str, str]:
    """Like str.partition(":"), skipping colons inside double-quoted parameter values."""
    quoted = False
    for index, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == ":" and not quoted:
            return line[:index], ":", line[index + 1 :]
    return line, "", ""


def _vcard_contact(properties: list[_Property]) -> ImportedContact | None:
    """A contact from one vCard's properties: the first FN (else N), ORG, TITLE and EMAIL."""
    first: dict[str, list[str]] = {}
    for prop in properties:
        if prop.name in {"FN", "N", "ORG", "TITLE", "EMAIL"} and prop.name not in first:
            first[prop.name] = _components(prop)
    name = " ".join(first.get("FN", []))
    if not name.strip() and "N" in first:
        name = _name_from_n(first["N"])
    return _contact(
        name,
        company=first.get("ORG", [""])[0],  # the organisation, without its units
        role=" ".join(first.get("TITLE", [])),
        email=" ".join(first.get("EMAIL", [])),
    )


def _name_from_n(parts: list[str]) -> str:
    """The name "Given Additional Family" from N's Family;Given;Additional;Prefix;Suffix."""
    family, given, additional = [*parts, "", "", ""][:3]
    return " ".join(part for part in (given, additional, family) if part.strip())


def _components(prop: _Property) -> list[str]:
    """The decoded value split at unescaped semicolons, each part unescaped."""
    value = _decode_value(prop)
    return [_unescape(part) for part in _UNESCAPED_SEMICOLON.split(value)]


def _decode_value(prop: _Property) -> str:
    """The value with vCard 2.1 quoted-printable decoded in its CHARSET (UTF-8 by default)."""
    if "QUOTED-PRINTABLE" not in prop.params and "ENCODING=QUOTED-PRINTABLE" not in prop.params:
        return prop.value
    charset = next(
        (param.partition("=")[2] for param in prop.params if param.startswith("CHARSET=")),
        "UTF-8",
    )
    raw = quopri.decodestring(prop.value.encode("ascii", errors="replace"))
    try:
        return raw.decode(charset.strip('"'), errors="replace")
    except LookupError:  # an unknown charset
        return raw.decode("utf-8", errors="replace")


def _unescape(text: str) -> str:
    r"""`\,` `\;` `\\` and `\n` turned back into the characters they stand for."""
    return _VCARD_ESCAPE.sub(lambda m: _VCARD_ESCAPES.get(m[1], m[0]), text)
