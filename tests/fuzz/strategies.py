"""What a fuzzing user can send, as hypothesis strategies of small, printable actions.

An action says what arrives (a text, a button press, a sticker…) and from where (the fuzzer's
private chat, a group, a channel, a user without a first name…); `tests.fuzz.driver` turns it
into an update. Values that depend on the database (the fuzzer's own row ids) are drawn as
references and resolved when the action is sent, so every example is the same on every run.
"""

import dataclasses
import re
from dataclasses import dataclass
from datetime import date, time
from enum import StrEnum
from typing import Any, Literal, get_type_hints

from hypothesis import strategies as st

from bot import texts
from bot.callbacks import Button, SettingsSection
from tests.fuzz.world import TEXT_LIMIT, Victim

Where = Literal["private", "stranger", "group", "supergroup", "channel", "anonymous"]
# Where a media message can come from (the emulator's helpers: a user sends it).
UserWhere = Literal["private", "stranger", "group", "supergroup"]
On = Literal["last", "unknown", "inaccessible", "group"]

# --- text -------------------------------------------------------------------------------------

INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"
BIDI = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# Pieces the parsers care about, so generated text reaches past "I don't understand".
FRAGMENTS = (
    "Sally Ng", "José Núñez", "Tom", "Priya Raman", "next tuesday", "in 3 days", "tomorrow 10:00",
    "2026-02-30", "01/02/2027", "18:30", "6pm", "25:99", "Europe/Berlin", "Berlin", "UTC+14",
    "+05:30", "UTC-99", "São Paulo", "mon-fri", "every day", "off", "22-7", "10pm-7am", "—",
    " — ", "-", "nothing", "(coffee)", "(zoom)", ", ", " on Friday: ", "<b>", "</i>", "&amp;",
    "<a href='x'>", "@marathon_test_bot", "\n", " ", "0", "-1", "99999999999999999999",
    "until 2026-12-28", "5 days", "🧑🏽‍💻", "👍", "\U0001d7d7",
)  # fmt: skip

_unit = st.one_of(
    st.text(st.characters(codec="utf-8"), min_size=1, max_size=12),
    st.sampled_from(FRAGMENTS),
    st.sampled_from(INVISIBLE + BIDI),
)
short_text = st.lists(_unit, max_size=8).map("".join)


def clip(text: str, limit: int = TEXT_LIMIT) -> str:
    """At most `limit` UTF-16 code units (what Telegram counts), never half a surrogate pair."""
    return text.encode("utf-16-le")[: 2 * limit].decode("utf-16-le", errors="ignore")


def _repeat(unit: str, length: int) -> str:
    return (unit * (length // max(len(unit), 1) + 1))[:length]


long_text = st.builds(
    _repeat, short_text.map(lambda text: text or "x"), st.integers(200, 2 * TEXT_LIMIT)
)


def _sendable(text: str) -> str:
    """Telegram delivers no message without something visible in it."""
    return text if text.strip() else text + "x"


any_text = st.one_of(short_text, short_text, long_text).map(clip).map(_sendable)

COMMAND_NAMES = tuple(name for name, _ in texts.COMMANDS)
command_name = st.one_of(
    st.sampled_from(COMMAND_NAMES),
    st.from_regex(re.compile(r"[a-z0-9_]{1,32}"), fullmatch=True),
    st.sampled_from(COMMAND_NAMES).map(lambda name: f"{name}@marathon_test_bot"),
    st.sampled_from(COMMAND_NAMES).map(lambda name: f"{name}@some_other_bot"),
    st.sampled_from(("", "START", "Help", "start@", "сheckin", "checkin\u200b", "/")),
)
command = st.builds(
    lambda name, argument: clip(f"/{name}" + (f" {argument}" if argument else "")),
    command_name,
    st.one_of(st.just(""), short_text, long_text),
)

# --- buttons ----------------------------------------------------------------------------------


def button_classes() -> list[type[Button]]:
    """Every button in bot/callbacks.py (any depth of subclassing)."""
    found: list[type[Button]] = []
    pending = list(Button.__subclasses__())
    while pending:
        cls = pending.pop(0)
        found.append(cls)
        pending.extend(cls.__subclasses__())
    return sorted(found, key=lambda cls: cls.__name__)


BUTTONS = {cls.__name__: cls for cls in button_classes()}


@dataclass(frozen=True)
class Own:
    """The presser's own id for a button field (their `index`-th contact, …), found at send."""

    field: str
    index: int


# Integers the data format allows (up to 20 digits, signed) but no row or int64 can hold.
EXTREME_INTS = (0, -1, 2**31, 2**63 - 1, 2**63, -(2**63) - 1, 10**20 - 1, -(10**20 - 1))


def field_values(name: str, kind: Any, victim: Victim) -> st.SearchStrategy[Any]:
    """Values for one field of a forged button: the victim's ids first of all."""
    if isinstance(kind, type) and issubclass(kind, StrEnum):
        return st.sampled_from(list(kind))
    if kind is date:
        return st.dates()
    if kind is time:
        return st.times()
    options: list[st.SearchStrategy[Any]] = []
    theirs = (victim.since,) if name == "since" else victim.ids.get(name, ())
    if theirs:
        options.append(st.sampled_from(theirs))
    options += [
        st.builds(Own, st.just(name), st.integers(0, 3)),
        st.sampled_from(EXTREME_INTS),
        st.integers(-3, 70),
        st.integers(-(10**20 - 1), 10**20 - 1),
    ]
    return st.one_of(*options)


@dataclass(frozen=True)
class Forged:
    """A button's data with chosen field values (some may be `Own` references)."""

    button: str
    values: tuple[Any, ...]


def dump(value: object) -> str:
    """A field as `bot.callbacks` writes it."""
    if isinstance(value, time):
        return f"{value:%H%M}"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def pack(button: str, values: tuple[Any, ...]) -> str:
    """Like `Button.pack`, but also past 64 bytes (a forger is not bound by our checks)."""
    return ":".join([BUTTONS[button].PREFIX, *(dump(value) for value in values)])


def forged(victim: Victim) -> st.SearchStrategy[Forged]:
    def of(cls: type[Button]) -> st.SearchStrategy[Forged]:
        hints = get_type_hints(cls)
        fields = dataclasses.fields(cls)  # type: ignore[arg-type]
        values = st.tuples(*(field_values(f.name, hints[f.name], victim) for f in fields))
        return st.builds(Forged, st.just(cls.__name__), values)

    return st.sampled_from(button_classes()).flatmap(of)


def matching_data(cls: type[Button]) -> st.SearchStrategy[str]:
    """Any string the router sends to `cls`'s handler: Unicode digits, impossible dates…"""
    return st.from_regex(cls.pattern(), fullmatch=True)


def callback_data(victim: Victim) -> st.SearchStrategy[str | Forged]:
    return st.one_of(
        forged(victim),
        forged(victim),
        st.sampled_from(button_classes()).flatmap(matching_data),
        st.text(max_size=64),
        st.text(min_size=65, max_size=300),  # over-long: Telegram would never send it
        st.sampled_from([f"{cls.PREFIX}:" for cls in button_classes()]),
    )


# --- actions ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    text: str
    where: Where = "private"


@dataclass(frozen=True)
class Edit:
    """The fuzzer edits the last text they sent in this example (or a new one)."""

    text: str


@dataclass(frozen=True)
class Tap:
    """A real inline button the bot sent in this example (often stale by now)."""

    index: int


@dataclass(frozen=True)
class TapData:
    """The first inline button the bot sent in this example whose data starts with `prefix`
    (openings use it to reach a question a button asks)."""

    prefix: str


@dataclass(frozen=True)
class TapReply:
    """A reply-keyboard button the bot offered in this example: its label comes as text."""

    index: int


@dataclass(frozen=True)
class Press:
    """Callback data nobody was given, pressed under some message."""

    data: str | Forged
    on: On = "last"
    by_stranger: bool = False


@dataclass(frozen=True)
class Sticker:
    emoji: str
    where: UserWhere = "private"


@dataclass(frozen=True)
class Photo:
    caption: str | None
    where: UserWhere = "private"


@dataclass(frozen=True)
class Location:
    latitude: float
    longitude: float
    where: UserWhere = "private"


@dataclass(frozen=True)
class ContactCard:
    phone_number: str
    first_name: str
    last_name: str | None
    user_id: int | None
    vcard: str | None
    where: Where = "private"


@dataclass(frozen=True)
class Document:
    file_name: str
    mime_type: str
    content: bytes
    caption: str | None
    where: UserWhere = "private"


@dataclass(frozen=True)
class Membership:
    """The fuzzer blocks, unblocks, or removes the bot from a group."""

    status: Literal["kicked", "member", "left"]
    where: Literal["private", "group"] = "private"


Action = (
    Text | Edit | Tap | TapData | TapReply | Press | Sticker | Photo | Location | ContactCard
    | Document | Membership
)  # fmt: skip

where = st.sampled_from(("private",) * 6 + ("stranger", "group", "supergroup", "channel"))
user_where = st.sampled_from(("private",) * 5 + ("stranger", "group", "supergroup"))
text_where = st.one_of(where, st.just("anonymous"))
caption = st.one_of(st.none(), short_text.map(lambda text: clip(text, 1024)))

coordinate = st.one_of(
    st.floats(-90, 90),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from((0.0, 90.0, -90.0, 180.0, -180.0, 90.000001, 181.0, -1e308, 1e308, 5e-324)),
)

EXTENSIONS = (".csv", ".vcf", ".vcard", ".CSV", ".VcF", "", ".exe", ".csv.exe", ".txt", ".zip")
ODD_NAMES = (
    "Connections.csv", "../../etc/passwd.csv", "\u202evsc.exe", "a" * 300 + ".csv", ".csv",
    "con.vcf", "contacts.VCF", "name with spaces.vcard", "",
)  # fmt: skip
ODD_TYPES = (
    "text/csv", "text/vcard", "text/x-vcard", "text/comma-separated-values",
    "application/octet-stream", "application/zip", "image/png", "", "text/csv; charset=utf-16",
    "x-\u202e/weird", "application/x-msdownload",
)  # fmt: skip
file_name = st.one_of(
    st.builds(lambda stem, ext: stem + ext, short_text, st.sampled_from(EXTENSIONS)),
    st.sampled_from(ODD_NAMES),
)
mime_type = st.one_of(st.sampled_from(ODD_TYPES), st.text(max_size=40))
LINKEDIN_HEADER = "First Name,Last Name,URL,Email Address,Company,Position,Connected On"
cell = short_text.map(lambda text: text.replace("\n", " ")[:40])
csv_content = st.builds(
    lambda notes, header, rows, encoding: (
        notes + header + "\n" + "\n".join(",".join(row) for row in rows)
    ).encode(encoding, errors="replace"),
    st.sampled_from(("", 'Notes:\n"When exporting…"\n\n')),
    st.sampled_from((LINKEDIN_HEADER, "First Name,Last Name", "Name;Email", "")),
    st.lists(st.lists(cell, max_size=8), max_size=6),
    st.sampled_from(("utf-8", "utf-8-sig", "utf-16", "latin-1")),
)
vcard_content = st.builds(
    lambda cards, end: "".join(
        f"BEGIN:VCARD\nVERSION:3.0\nFN:{name}\nN:{name};;;;\nORG:{org}\n" + end
        for name, org in cards
    ).encode(),
    st.lists(st.tuples(cell, cell), max_size=4),
    st.sampled_from(("END:VCARD\n", "", "END:VCARD\nEND:VCARD\n")),
)
content = st.one_of(st.binary(max_size=2048), csv_content, vcard_content)
# Files the importer accepts, with generated people in them: imports that go all the way.
plausible_file = st.one_of(
    st.builds(
        Document,
        st.sampled_from(("Connections.csv", "export.CSV")),
        st.just("text/csv"),
        csv_content.filter(lambda raw: raw.count(b",") >= 7),
        st.none(),
    ),
    st.builds(Document, st.just("people.vcf"), st.just("text/vcard"), vcard_content, st.none()),
)


def weighted(*choices: tuple[int, st.SearchStrategy[Any]]) -> st.SearchStrategy[Any]:
    """Like `one_of`, but a strategy with weight 3 is drawn three times as often (`one_of`
    folds repeated strategies into one)."""
    pool = [strategy for weight, strategy in choices for _ in range(weight)]
    return st.sampled_from(pool).flatmap(lambda strategy: strategy)


def actions(victim: Victim) -> st.SearchStrategy[Action]:
    """Every kind of update; buttons and commands weigh most (they reach the most code)."""
    press = st.builds(
        Press,
        callback_data(victim),
        st.sampled_from(("last", "last", "last", "unknown", "inaccessible", "group")),
        st.sampled_from((False, False, False, False, True)),  # mostly someone with rows
    )
    contact_card = st.builds(
        ContactCard,
        short_text.map(lambda text: text[:40]),
        short_text.map(lambda text: text[:64]),
        st.one_of(st.none(), short_text.map(lambda text: text[:64])),
        st.one_of(st.none(), st.sampled_from((victim.user_id, 1001, 5001, 2**40))),
        st.one_of(st.none(), vcard_content.map(lambda raw: raw.decode())),
        where,
    )
    membership = st.builds(
        Membership,
        st.sampled_from(("kicked", "member", "left")),
        st.sampled_from(("private", "group")),
    )
    return weighted(
        (5, press),
        (3, st.builds(Text, command)),
        (1, st.builds(Text, command, text_where)),
        (2, st.builds(Text, any_text)),
        (1, st.builds(Text, any_text, text_where)),
        (4, st.builds(Tap, st.integers(0, 50))),
        (1, st.builds(TapReply, st.integers(0, 20))),
        (1, st.builds(Edit, st.one_of(any_text, command))),
        (1, st.builds(Sticker, st.one_of(st.just("👍"), short_text), user_where)),
        (1, st.builds(Photo, caption, user_where)),
        (1, st.builds(Location, coordinate, coordinate, user_where)),
        (1, contact_card),
        (1, st.builds(Document, file_name, mime_type, content, caption, user_where)),
        (1, plausible_file),
        (1, membership),
    )


SECTIONS = tuple(section.value for section in SettingsSection)
# How an example starts: nothing, or a few steps that leave the fuzzer somewhere deep
# (mid-onboarding, mid-check-in, asked for a follow-up's name or a contact's company, inside a
# settings section…), where whatever comes next means more.
LINKEDIN_EXPORT = (
    'Notes:\n"When exporting your connection data…"\n\n' + LINKEDIN_HEADER + "\n"
    "Sally,Ng,https://x,sally@example.com,Acme,Head of Design,01 Jan 2026\n"
    "Tom,Ode,,,Initech,Engineer,15 Dec 2025\n"
).encode()
Opening = tuple[str | Action, ...]
# Onboarding answered: the settings (and pauses) are someone's to change only then.
SET_UP: Opening = ("/start", "Keep UTC", "18:00", "searching")
OPENINGS: tuple[Opening, ...] = (
    (),
    ("/start",),
    ("/start", "Berlin"),
    ("/start", "Berlin", "18:30"),
    ("/checkin",),
    ("/checkin", "Sally Ng (coffee)"),
    ("/checkin", "Sally Ng (coffee)", "-", "-"),
    ("/followup",),
    ("/followup", "Sally Ng"),
    ("/followup", "Sally Ng", "next friday"),
    ("/followup Tom 01/02/2027",),
    ("/followup Tom 01/02/2027", TapData("fu:date:")),
    ("/followup Sally Ng tomorrow — coffee", "/followups"),
    ("/followup Sally Ng tomorrow — coffee", "/followups", TapData("fli:")),
    ("/contact Sally Ng", "/contact Sally"),
    ("/contact Sally Ng", "/contact Sally", TapData("cm:")),
    ("/contact Sally Ng", TapData("ct:co:")),
    ("/contact Sally Ng", TapData("ct:met:")),
    ("/contact Sally Ng", TapData("ct:tier:")),
    ("/contacts",),
    ("/gave Sally Ng an intro", "/asked Tom for a call"),
    ("/asked Tom for a call", TapData("lg:")),
    ("/start", "/checkintime 20:30"),
    SET_UP,
    (*SET_UP, "/timezone"),
    (*SET_UP, "/checkintime"),
    (*SET_UP, "/days"),
    (*SET_UP, "/mode"),
    (*SET_UP, "/mode", TapData("set:mode:")),
    (*SET_UP, "/quiet"),
    (*SET_UP, "/pause"),
    (*SET_UP, "/pause", TapData("pause:for:")),
    (*SET_UP, "/settings"),
    *((*SET_UP, "/settings", TapData(f"set:open:{section}")) for section in SECTIONS),
    ("/forget",),
    (Document("Connections.csv", "text/csv", LINKEDIN_EXPORT, None), "/contacts"),
)
