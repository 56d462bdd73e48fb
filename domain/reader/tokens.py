"""The reader's raw material: words, numbers and marks in clauses, and the vocabulary the
reader's modules share."""

import re
from dataclasses import dataclass
from typing import NamedTuple

from domain.checkins import says_nothing
from domain.contacts import Channel
from domain.dates import DAY_WORDS, MONTH_WORDS
from domain.lexicon import (
    CALL_WORDS,
    COMMON_WORDS,
    COMPANY_PREPOSITIONS,
    ED_NAMES,
    GENERIC_FOLLOWUP_WORDS,
    IN_PERSON_WORDS,
    MESSAGE_WORDS,
    NAME_SUFFIXES,
    NOT_A_CUE,
    PERSON_CUES,
    PRONOUNS,
    TITLES,
)
from domain.lexicons import ENGLISH_GLOSSARY, Glossary
from domain.weekdays import FREE_TEXT_MIN_LETTERS, weekday_index

WHO, GAVE, ASK, FOLLOWUP = range(4)


MAX_NAME_WORDS = 4


MAX_PEOPLE = 12


MAX_WHEN_WORDS = 8


_LETTER = r"[^\W\d_]"


# Inside a word: combining marks (Devanagari vowel signs, a decomposed accent) and the
# zero-width (non-)joiners Persian and Indic names need.
_MARK = (
    r"[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670"
    r"\u06d6-\u06ed\u0900-\u0dff\u0e31-\u0e4e\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff"
    r"\ufe20-\ufe2f\u200c\u200d]"
)


_TOKEN = re.compile(
    r"(?P<brk>\n)"
    rf"|(?P<word>w/|{_LETTER}(?:{_LETTER}|{_MARK}|['’](?={_LETTER})|-(?={_LETTER}))*\.?)"
    r"|(?P<num>\d{1,2}\.\d{1,2}\.(?!\d)|\d+(?:[:/.\-]\d+)*(?:st|nd|rd|th|am|pm|h)?)"
    r"|(?P<punct>[^\w\s])"
)


_CLAUSE_ENDS = frozenset({".", ";", "!", "?", "\n"})


_BULLETS = frozenset({"-", "•", "*", "–", "—", "·", "+", ">"})


LIST_JOINERS = frozenset({",", "and", "&", "+", "/"})


NOTE_OPENERS = frozenset({"(", "-", "–", "—", ":", "[", ","})


# A word that may start a "when" ("on Friday", "in 3 days", "next Tuesday", "Dec 3").
WHEN_STARTS = frozenset(
    {
        "on", "by", "in", "next", "this", "the", "end", "early", "tomorrow", "tmrw", "today",
        "tonight", "yesterday", "day", "before", "after", "until", "till", "at", "wednesday", "mid",
        "overmorrow",
    }
) | MONTH_WORDS  # fmt: skip


COMPANY_BRIDGES = frozenset({"at", "of", "from", "@"})


GROUP_WORDS = frozenset({"both", "all", "each"})


VERBISH_AFTER_NAME = frozenset(
    {
        "replied", "said", "introduced", "agreed", "wants", "needs", "is", "was", "will",
        "has", "had", "asked", "sent", "offered", "liked", "loved", "invited", "mentioned",
        "suggested", "shared", "answered", "called", "emailed", "texted", "messaged",
        "promised", "recommended", "told", "gave", "helped", "got", "and",
    }
)  # fmt: skip


# After these a lower-case word is a name, and the name may go on ("zoom with priya raman").
CONTACT_CUES = frozenset(
    {"with", "w/", "w", "met", "called", "emailed", "texted", "messaged", "pinged", "dmed",
     "dm'd", "whatsapp'd", "whatsapped", "phoned", "rang", "into", "saw", "visited"}
)  # fmt: skip


DETERMINERS = frozenset({"my", "our", "his", "her", "their", "your", "a", "an", "the"})


OBJECT_STARTS = frozenset(
    {"the", "a", "an", "my", "our", "his", "her", "their", "some", "this", "that", "your"}
)


_POSSESSIVES = frozenset({"my", "our", "his", "her", "their", "your"})


WEAK_CHANNEL_WORDS = frozenset({"chat", "chatted", "chats"})


EMOJI_CHANNELS = {
    **dict.fromkeys("☕🍵🍺🍻🍷🥂🍽🥐🍕🍣🥟🍜🍔🥗🚶", Channel.IN_PERSON),
    **dict.fromkeys("📞☎📱🎥", Channel.CALL),
    **dict.fromkeys("📧✉💬📩📨", Channel.MESSAGE),
}


CHANNEL_WORDS = IN_PERSON_WORDS | CALL_WORDS | MESSAGE_WORDS


KNOWN_WORDS = (
    COMMON_WORDS
    | PERSON_CUES
    | NOT_A_CUE
    | COMPANY_PREPOSITIONS
    | IN_PERSON_WORDS
    | CALL_WORDS
    | MESSAGE_WORDS
    | GENERIC_FOLLOWUP_WORDS
    | PRONOUNS
)


# Follow-up dates further away than this are not a fair reading of 11/12 said in November.
FAIR_READING_DAYS = 183


class Token(NamedTuple):
    text: str  # as typed, without a possessive 's
    low: str  # casefolded; in another language, the English word it stands for
    kind: str  # word, num, punct, brk
    possessive: bool = False
    prefix: str = ""  # words before it that the reader skips, kept for the text shown
    base: str = ""  # a declined name's nominative (Russian "Ольгой" → Ольга), if it differs
    org: str = ""  # a declined company's nominative (Russian "Яндекса" → Яндекс), if it differs
    glossed: bool = False  # a word of the language's glossary: never part of a name

    @property
    def name(self) -> str:
        """The word as it goes on a card."""
        return self.base or self.text


@dataclass
class Mention:
    """A person named at one place: the words, where, and what the words around them say."""

    answer: int
    clause: int
    start: int  # token index of the first word of the name
    end: int  # one past the last
    words: tuple[str, ...]
    channel: Channel | None = None
    company: str | None = None
    role: str | None = None
    pronoun: bool = False
    group: int = 0  # "both" (2), "all three" (3), "all of them" (-1): everyone met
    name: str = ""  # resolved
    note_end: int = 0  # one past a note right after the name ("(coffee)", "- call")


@dataclass
class Answer:
    index: int
    tokens: list[Token]
    clauses: list[tuple[int, int]]  # token ranges
    lower_style: bool = False  # typed without capitals: lower-case names are names
    glossary: Glossary = ENGLISH_GLOSSARY


def parse_answer(index: int, text: str | None, glossary: Glossary = ENGLISH_GLOSSARY) -> Answer:
    if not text or (index != WHO and says_nothing(text)) or _nobody(text):
        return Answer(index, [], [], glossary=glossary)
    tokens = _tokenize(text)
    if glossary is not ENGLISH_GLOSSARY:
        tokens = _gloss(tokens, glossary)
        english = " ".join(t.low for t in tokens if t.kind == "word")
        if (index != WHO and says_nothing(english)) or _nobody(english):
            return Answer(index, [], [], glossary=glossary)
    clauses = _clauses(tokens)
    return Answer(index, tokens, clauses, _lower_style(tokens, clauses), glossary)


def _gloss(tokens: list[Token], glossary: Glossary) -> list[Token]:
    """The tokens of another language with the English words they stand for: phrases first
    ("la semana que viene" is next week), then word by word; a word the glossary drops ("o",
    "a" before a Portuguese name) goes into the next token's prefix, shown but not read."""
    out: list[Token] = []
    prefix = ""
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.kind != "word":
            out.append(tok._replace(prefix=prefix + tok.prefix) if prefix else tok)
            prefix = ""
            i += 1
            continue
        phrase = _phrase_at(tokens, i, glossary)
        if phrase is not None:
            length, english = phrase
            texts = [t.text for t in tokens[i : i + length]]
            texts[len(english) - 1 :] = [" ".join(texts[len(english) - 1 :])]
            for n, (text, low) in enumerate(zip(texts, english, strict=True)):
                kind = tokens[i + n].kind if low == tokens[i + n].low else "word"  # "en 3"
                out.append(Token(text, low, kind, prefix=prefix if n == 0 else "", glossed=True))
            prefix = ""
            i += length
            continue
        sentence_start = i == 0 or tokens[i - 1].low in _CLAUSE_ENDS | _BULLETS | {":", ","}
        english_word = glossary.english(
            tok.low,
            may_be_common=(
                sentence_start or not tok.text[0].isupper() or glossary.nouns_capitalised
            ),
        )
        if english_word and _surname_after_name(out, tok, english_word, sentence_start):
            english_word = None  # "Felipe Dias", "Sarah Koch": a surname, not days or a cook
        if english_word == "" and i + 1 < len(tokens) and tokens[i + 1].kind == "word":
            prefix += tok.text + " "
        elif english_word is not None:  # a word dropped at the end stays, as no one's name
            out.append(tok._replace(low=english_word or "really", prefix=prefix, glossed=True))
            prefix = ""
        else:
            base = glossary.base_forms([tok.text])[0] if glossary.base_forms else tok.text
            org = glossary.organisation(tok.text) if glossary.organisation else tok.text
            out.append(
                tok._replace(
                    prefix=prefix,
                    base=base if base != tok.text else "",
                    org=org if org != tok.text else "",
                )
            )
            prefix = ""
        i += 1
    return out


def _surname_after_name(out: list[Token], tok: Token, english: str, sentence_start: bool) -> bool:
    """A capitalised word of the glossary right after a capitalised word it does not know,
    inside a sentence: the name goes on. Not a day ("Jonas Freitag" is Jonas on Friday)."""
    if sentence_start or not tok.text[0].isupper() or not out:
        return False
    before = out[-1]
    if before.kind != "word" or before.glossed or not before.text[0].isupper():
        return False
    return not (
        english in MONTH_WORDS
        or english in DAY_WORDS
        or weekday_index(english, min_letters=FREE_TEXT_MIN_LETTERS) is not None
    )


def _phrase_at(
    tokens: list[Token], i: int, glossary: Glossary
) -> tuple[int, tuple[str, ...]] | None:
    """The longest phrase of the glossary starting at token `i`: (its length, its English)."""
    for length in range(glossary.longest_phrase, 1, -1):
        run = tokens[i : i + length]
        if len(run) == length and all(t.kind in {"word", "num"} for t in run):
            english = glossary.phrases.get(tuple(t.low for t in run))
            if english is not None:
                return length, english
    return None


def _lower_style(tokens: list[Token], clauses: list[tuple[int, int]]) -> bool:
    """No capital letter but at the start of a clause (or "I"): the writer does not capitalise
    names either."""
    starts = {begin for begin, _ in clauses}
    return not any(
        tok.kind == "word"
        and tok.text[0].isupper()
        and i not in starts
        and tok.low != "i"
        and not tok.glossed
        for i, tok in enumerate(tokens)
    )


def _nobody(text: str) -> bool:
    """ "nobody", "nope", "today nobody, busy day": a first answer that names no one."""
    words = text.strip().casefold().split(maxsplit=2)
    if words and words[0] == "today":
        words = words[1:]
    return says_nothing(text) or bool(
        words and words[0].strip(",.!") in {"nobody", "noone", "nope"}
    )


# Alone before a capital these are too often another word ("la Maria", "do Tom a favour").
AMBIGUOUS_PARTICLES = frozenset({"e", "y", "do", "da", "la", "le", "el", "al", "st", "ben"})


_MESSAGE_VERB_STEMS = frozenset(
    {"dm", "whatsapp", "msg", "pm", "im", "text", "ping", "email", "slack", "telegram", "sms"}
)


_TOMORROW = re.compile(r"\b2mor+o?w?\b", re.IGNORECASE)


def _tokenize(text: str) -> list[Token]:
    text = _TOMORROW.sub("tomorrow", text)
    shouting = sum(c.isupper() for c in text) > 0.6 * sum(c.isalpha() for c in text) > 8
    tokens: list[Token] = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "punct"
        raw = match.group()
        if kind != "word":
            tokens.append(Token(raw, raw.casefold(), "brk" if kind == "brk" else kind))
            continue
        if shouting:
            raw = _unshout(raw)
        period = raw.endswith(".") and len(raw) > 1
        bare = raw[:-1] if period else raw
        if period and not _keeps_period(bare):
            tokens.append(_word(bare))
            tokens.append(Token(".", ".", "punct"))
        else:
            tokens.append(_word(raw))
    return tokens


def _word(raw: str) -> Token:
    possessive = len(raw) > 2 and raw[-2:].casefold() in {"'s", "’s"}
    text = raw[:-2] if possessive else raw
    low = text.casefold().replace("’", "'")
    if low.endswith("d") and low not in PERSON_CUES and low[:-1] + "ed" in PERSON_CUES:
        low = low[:-1] + "ed"  # "calld", "emaild", "askd": typed in a hurry
    elif "'" in low and low.split("'")[0] in PRONOUNS | {"i", "we", "you", "who"}:
        low = low.split("'")[0]  # "she'd", "he's", "they're": the pronoun
    elif low.endswith("'d") and low[:-2] in _MESSAGE_VERB_STEMS:
        low = "messaged"  # "DM'd", "Whatsapp'd", "msg'd": a message sent
    elif low == "n":
        low = "and"  # "rania n dev"
    return Token(text, low, "word", possessive)


def _unshout(raw: str) -> str:
    """A word of a message typed in capitals: the words the reader knows in lower case, the
    rest (names, companies) capitalised."""
    low = raw.casefold()
    if low.rstrip(".") in KNOWN_WORDS or low.rstrip(".") in TITLES:
        return low.capitalize() if low.rstrip(".") in TITLES else low
    return raw.title()


def _keeps_period(bare: str) -> bool:
    """Dr. and J. and Jr. keep their full stop; any other word's ends a sentence."""
    low = bare.casefold()
    return (
        (len(bare) == 1 and bare.isupper()) or low in TITLES or low in NAME_SUFFIXES or low == "st"
    )


def _clauses(tokens: list[Token]) -> list[tuple[int, int]]:
    """Token ranges between sentence ends, semicolons and new lines (bullets dropped)."""
    ranges: list[tuple[int, int]] = []
    start = 0
    for i, tok in enumerate([*tokens, Token("\n", "\n", "brk")]):
        if tok.low in _CLAUSE_ENDS and not _inside_time_or_initial(tokens, i):
            ranges.append((start, i))
            start = i + 1
    cleaned = []
    for begin, end in ranges:
        while begin < end:
            if tokens[begin].low in _BULLETS:
                begin += 1
            elif (
                tokens[begin].kind == "num"
                and begin + 1 < end
                and tokens[begin + 1].low in {".", ")"}
            ):
                begin += 2
            else:
                break
        if begin < end:
            cleaned.append((begin, end))
    return cleaned


def _inside_time_or_initial(tokens: list[Token], i: int) -> bool:
    """A full stop that does not end a sentence: "1. Kate" (a numbered item) keeps its line."""
    if i >= len(tokens) or tokens[i].low != ".":
        return False
    before = tokens[i - 1] if i else None
    if before is None or before.kind != "num":
        return False
    at_line_start = i < 2 or tokens[i - 2].kind == "brk"
    after = tokens[i + 1].low if i + 1 < len(tokens) else ""
    return at_line_start or after in MONTH_WORDS  # "1. Kate", "2. December"


def is_capital(tok: Token) -> bool:
    """A word that may be part of a name: capitalised, or in a script without capitals."""
    if tok.kind != "word" or tok.glossed:
        return False
    first = tok.text[0]
    if first.upper() == first.lower():
        return first.isalpha()  # Arabic, Hebrew, Chinese: no capitals to go by
    if not first.isupper():
        return False
    letters = tok.text.rstrip(".")  # AWS, CV, VP: acronyms are not names
    return len(letters) == 1 or not letters.isupper() or any(c in "'’-" for c in letters)


def past_tense(low: str) -> bool:
    return len(low) > 4 and low.endswith("ed") and low not in ED_NAMES


COMM_VERBS = frozenset(
    {"sent", "send", "introduced", "introduce", "intro", "talked", "spoke", "wrote", "write",
     "message", "messaged", "email", "emailed", "note", "reached", "reach", "replied", "reply",
     "text", "texted", "dm", "mail", "letter", "forwarded", "forward", "referred", "refer",
     "recommended", "recommend", "pitched", "waved", "said", "explained", "shout",
     "shoutout", "thanks", "hi", "hello", "congrats", "mentioned", "linked", "connected",
     "point", "pointed", "passed", "gave", "give", "showed", "show", "intros", "sat", "next",
     "seated", "listened", "close", "introduction", "introductions", "whatsapp", "sms"}
)  # fmt: skip


EVENT_WORDS = frozenset(
    {"summit", "conference", "meetup", "fair", "expo", "festival", "hackathon", "workshop",
     "webinar", "party", "event", "week", "day", "night", "con", "forum"}
)  # fmt: skip


ROLE_WORDS = frozenset(
    {"recruiter", "manager", "engineer", "designer", "developer", "founder", "cofounder",
     "co-founder", "ceo", "cto", "cfo", "coo", "cpo", "vp", "head", "lead", "director",
     "partner", "investor", "analyst", "scientist", "researcher", "consultant", "product",
     "data", "engineering", "hiring", "senior", "junior", "staff", "principal", "chief",
     "talent", "sales", "marketing", "hr", "pm", "em", "intern", "architect", "advisor",
     "professor", "teacher", "student", "associate", "owner", "editor", "writer", "coach",
     "mentor", "sourcer", "officer", "president", "executive", "specialist", "ux", "ui",
     "software", "backend", "frontend", "devops", "security", "finance", "ops", "operations",
     "account", "customer", "success", "community", "growth", "design", "tech", "technical",
     "team", "group", "program", "project", "lawyer", "doctor", "nurse", "accountant"}
)  # fmt: skip


def span_text(tokens: list[Token], begin: int, end: int, *, strip: bool = True) -> str:
    words = []
    for tok in tokens[begin:end]:
        text = tok.prefix + tok.text + ("'s" if tok.possessive else "")
        if tok.kind == "punct" and words and tok.low not in {"(", "&", "—", "–", "-"}:
            words[-1] += text
        else:
            words.append(text)
    text = " ".join(words).replace("( ", "(")
    return text.strip(" ,;:-–—") if strip else text


def english_text(tokens: list[Token], begin: int, end: int) -> str:
    """The tokens as the English words they stand for, for the date readers."""
    return span_text(
        [t._replace(text=t.low, prefix="") for t in tokens[begin:end]], 0, end - begin, strip=False
    )


_DATE_WORDS = frozenset(
    {"next", "this", "last", "the", "of", "in", "on", "by", "at", "a", "an", "week", "weeks",
     "wk", "wks", "month", "months", "day", "days", "end", "early", "mid", "after", "before",
     "until", "till", "weekend", "couple", "fortnight", "am", "pm", "a.m", "p.m", "noon",
     "morning", "afternoon", "evening", "night", "eod", "one", "two", "three", "four", "five",
     "six", "seven", "eight", "nine", "ten", "beginning", "start", "from", "now", "time",
     "around", "ish", "midnight", "thurs", "tues", "weds"}
) | DAY_WORDS  # fmt: skip


def date_word(tok: Token) -> bool:
    """A word a date can be made of: never "about" in "next Tuesday about the intro"."""
    low = tok.low.rstrip(".")
    return (
        tok.kind == "num"
        or low in _DATE_WORDS
        or low in MONTH_WORDS
        or tok.low in {"/", "-", ":", ".", ","}
        or weekday_index(low, min_letters=FREE_TEXT_MIN_LETTERS) is not None
        or bool(re.fullmatch(r"\d+(st|nd|rd|th)", low))
    )


def may_start_when(tok: Token) -> bool:
    if tok.kind == "num":
        return True
    if tok.kind != "word":
        return False
    low = tok.low.rstrip(".")
    return (
        low in WHEN_STARTS
        or weekday_index(low, min_letters=FREE_TEXT_MIN_LETTERS) is not None
        or low in DAY_WORDS
        or low == "weekend"
    )


def join_tokens(tokens: list[Token], indexes: list[int]) -> str:
    pieces: list[str] = []
    previous = None
    for i in indexes:
        if previous is not None and i != previous + 1 and pieces and pieces[-1] != "":
            pass
        tok = tokens[i]
        text = tok.prefix + tok.text + ("'s" if tok.possessive else "")
        if tok.kind == "punct" and pieces and tok.low not in {"(", "&", "—", "–", "-"}:
            pieces[-1] += text
        else:
            pieces.append(text)
        previous = i
    text = " ".join(pieces).strip(" ,;:-–—")
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", text)
    return re.sub(r"\s*,\s*$", "", text).strip(" ,;:-–—")
