"""The elevator-pitch check (coaching principle 10: introducing yourself by the past).

People who are searching tend to open with what they were ("I used to…", "I was laid off") or
with the search itself, and to end on an ask nobody can act on ("open to anything"). The coach
flags those so the user can rewrite the pitch as "I am… I can…", with the search mentioned
after. A pitch is spoken in under half a minute, so it is also checked for length.

The rules are data (`PITCH_RULES` and the length constants) so they can be read and argued with
in one place. Pure: no I/O, and no user-facing sentences; the copy for each issue lives with the
bot's other texts and can quote `Finding.quote` back to the user.
"""

import re
from dataclasses import dataclass
from enum import StrEnum

MAX_WORDS = 60  # about twenty seconds spoken
MAX_SENTENCES = 3
MIN_WORDS = 8  # fewer says a job title, not what the user does or wants


class PitchIssue(StrEnum):
    """What can be wrong with a pitch. Findings come in this order."""

    PAST_TENSE = "past_tense"  # "I was", "I used to", "former", "previously"
    UNEMPLOYED = "unemployed"  # "laid off", "between jobs", "out of work"
    SEARCH_FIRST = "search_first"  # the search comes before what the user does now
    VAGUE_ASK = "vague_ask"  # "open to anything", "let me know if"
    TOO_LONG = "too_long"  # over MAX_WORDS words or MAX_SENTENCES sentences
    TOO_SHORT = "too_short"  # under MIN_WORDS words


@dataclass(frozen=True)
class PitchRule:
    """An issue and the phrases that show it. With `opening_only`, a phrase counts only before
    the pitch first says what the user does now (or, if it never does, in the first sentence)."""

    issue: PitchIssue
    patterns: tuple[re.Pattern[str], ...]
    opening_only: bool = False


@dataclass(frozen=True)
class Finding:
    """One issue in a pitch, with the words that showed it exactly as the user typed them, so the
    coach can point at them instead of describing them."""

    issue: PitchIssue
    quote: str


_APOSTROPHES = "['’‘ʼ`´]"


def _phrases(*patterns: str) -> tuple[re.Pattern[str], ...]:
    """Whole-word, case-insensitive patterns written with plain apostrophes and single spaces;
    they also match curly apostrophes and any run of whitespace, as people type both."""
    return tuple(
        re.compile(
            r"\b(?:" + pattern.replace("'", _APOSTROPHES).replace(" ", r"\s+") + r")\b",
            re.IGNORECASE,
        )
        for pattern in patterns
    )


# The start of the text, a line, or a sentence: "Former teacher…", "…. Laid off in May…".
_START = r"(?:^|(?<=\n)|(?<=[.!?…]\s)|(?<=[.!?…]\s\s))"
# The user as the subject of a state: "I'm", "I was", "I've been", "I just got", "I am currently".
# An auxiliary is required, so "I let go of…" and "I laid off twenty people" do not count.
_I_AM = (
    r"I(?: (?:just|recently|also|unfortunately|sadly))?(?:'m|'ve|'d| am| was| have| had| got)"
    r"(?: (?:been|got|gotten|being|just|recently|currently|now|still|also|unfortunately"
    r"|sadly|suddenly|unexpectedly))*"
)
_LAID_OFF = r"laid[-‐‑\s]?off|let go|fired|sacked|made redundant"
_NO_JOB = (
    r"unemployed|jobless|out of (?:work|a job)|without (?:a job|work)|not working"
    r"|(?:in )?between (?:jobs|roles|positions|gigs|contracts)"
)
_FORMER = r"former|ex-\w+"
# Words that end a clause, so whatever came before is not narrowed down: "open to anything."
_CLAUSE_END = r"(?=\s*(?:[.!?…,;:)]|$))"
# Up to three words between "looking for" and "job" ("a senior product role"), but not words
# that turn the phrase into something else ("feedback on my work", "people who work at").
_FILLER = (
    r"(?:(?!(?:on|of|about|from|with|to|in|for|at|who|that|which|where|people)\b)[\w-]+ ){0,3}"
)
_JOB = r"jobs?|work|roles?|positions?|opportunit(?:y|ies)|employment|gigs?|openings?"

PITCH_RULES: tuple[PitchRule, ...] = (
    PitchRule(
        PitchIssue.PAST_TENSE,
        _phrases(
            r"I(?: was| used to| had been|'d been| worked (?:as|at|for|in|on))",
            r"formerly|previously|until recently",
            r"my (?:previous|last|old|former) (?:role|job|position|company|employer|team|career)",
            rf"I(?:'m| am) (?:an? )?(?:{_FORMER})",
            rf"as an? (?:{_FORMER})",
            rf"{_START}(?:{_FORMER}|used to)",
        ),
    ),
    PitchRule(
        PitchIssue.UNEMPLOYED,
        _phrases(
            rf"{_I_AM} (?:{_LAID_OFF}|{_NO_JOB})",
            rf"{_START}(?:(?:recently|currently|just) )?(?:{_LAID_OFF}|{_NO_JOB})",
            rf"(?:after|since) (?:being|getting) (?:{_LAID_OFF})",
            r"lost my (?:job|role|position)",
            r"my (?:layoff|lay-off|redundancy)",
        ),
    ),
    PitchRule(
        PitchIssue.SEARCH_FIRST,
        _phrases(
            rf"(?:looking|searching|hunting|seeking)(?: for)? {_FILLER}(?:{_JOB})",
            r"job[-\s]?(?:hunting|hunt|seeking|search(?:ing)?)",
            r"on the job market|back on the market|available for (?:work|hire)",
            r"open to (?:work|new (?:roles|positions|opportunities))",
            r"(?:need|want|find|get|land)(?:ing)? (?:a|an|a new|my next) (?:job|role|position)",
        ),
        opening_only=True,
    ),
    PitchRule(
        PitchIssue.VAGUE_ASK,
        _phrases(
            r"let (?:me|us) know if|keep (?:me|us) in mind|if you hear (?:of|about)",
            r"any (?:kinds? of |sorts? of )?(?:opportunit(?:y|ies)|openings?|leads?|offers?)",
            r"open to (?:new |other |all |any )?(?:opportunit(?:y|ies)|offers|options|suggestions)",
            rf"open to (?:anything|everything|whatever){_CLAUSE_END}",
            r"whatever(?: comes (?:up|along|my way)| is (?:out there|available)"
            r"|'s (?:out there|available)| you (?:have|can|hear))",
            r"anything (?:at all|really|goes|(?:that )?comes (?:up|along|my way))",
            rf"anything{_CLAUSE_END}",
            rf"any (?:role|job|position)s?{_CLAUSE_END}",
            r"pick (?:your|his|her|their) brains?",
        ),
    ),
)

# Saying what the user does now: "I'm a designer", "I help…", "As a nurse, …". The search may
# come after this, not before it.
_PRESENT_SELF = _phrases(
    r"I(?:'m| am) (?:currently )?(?:an?|the)(?! (?:bit|little|lot)\b)",
    r"I(?:'m| am) (?:currently )?(?:working|building|leading|running|designing|developing)",
    r"I (?:help|work|build|design|lead|run|make|teach|write|develop|manage|create|coach|advise"
    r"|sell|specialise|specialize|focus|own|research|support|code|engineer|consult)",
    rf"{_START}as an?",
)

_WORD = re.compile(r"\S+")
# A sentence ends at . ! ? … (and their CJK and Arabic forms) before a space or the end, with
# any closing quotes or brackets, or at a line break.
_SENTENCE_END = re.compile(r"[.!?…。！？؟]+[\"'”’»)\]]*(?=\s|$)|\n")
# Never end a sentence: titles and short forms that come before more words.
_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "prof", "st", "vs", "cf", "approx", "ph.d"})
# End a sentence only when a capital follows: "at Acme Inc. I help…" but "Acme Inc. and…".
_SOMETIMES_FINAL = frozenset({"inc", "ltd", "co", "corp", "llc", "plc", "etc", "jr", "sr"})
# Initials and dotted short forms: "J.", "e.g.", "i.e.", "U.S.".
_INITIALS = re.compile(r"(?:[^\W\d_]\.)*[^\W\d_]")


def review_pitch(text: str) -> list[Finding]:
    """The issues in a pitch, in `PitchIssue` order, each once, quoting the earliest words that
    showed it. Empty text has no findings: there is nothing to review yet."""
    words = _word_spans(text)
    if not words:
        return []
    findings: list[Finding] = []
    opening_end = _opening_end(text)
    for rule in PITCH_RULES:
        quote = _earliest_match(rule.patterns, text, opening_end if rule.opening_only else None)
        if quote is not None:
            findings.append(Finding(rule.issue, quote))
    if len(words) < MIN_WORDS:
        # Short wins over long: "Hi. Yes. No. Ok." has too little in it, not too much.
        findings.append(Finding(PitchIssue.TOO_SHORT, text.strip()))
    else:
        overflow = _overflow_start(text, words)
        if overflow is not None:
            findings.append(Finding(PitchIssue.TOO_LONG, text[overflow:].strip()))
    return findings


def count_words(text: str) -> int:
    """Words as a listener hears them: runs of non-space holding a letter or digit, so "I'm",
    "product-led" and "e.g." count once and a lone dash or emoji not at all. Scripts written
    without spaces (Chinese, Japanese) count as one word per run."""
    return len(_word_spans(text))


def count_sentences(text: str) -> int:
    """Sentences ending at . ! ? … or a line break; "e.g.", "Dr." and initials do not end one,
    "Inc." or "etc." only when a capital follows. Pieces without a letter or digit do not count."""
    return len(_sentence_spans(text))


def _word_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each word, see `count_words`."""
    return [m.span() for m in _WORD.finditer(text) if any(char.isalnum() for char in m.group())]


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence without surrounding space, see `count_sentences`."""
    spans: list[tuple[int, int]] = []
    start = 0
    for end in _SENTENCE_END.finditer(text):
        if not _is_abbreviation(text, end):
            _add_sentence(spans, text, start, end.end())
            start = end.end()
    _add_sentence(spans, text, start, len(text))
    return spans


def _add_sentence(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    """Append text[start:end] trimmed of space, if it has a letter or digit in it."""
    piece = text[start:end]
    if any(char.isalnum() for char in piece):
        lead = len(piece) - len(piece.lstrip())
        spans.append((start + lead, start + len(piece.rstrip())))


def _is_abbreviation(text: str, end: re.Match[str]) -> bool:
    """Whether a single full stop belongs to the word before it rather than ending a sentence."""
    if end.group() != ".":
        return False
    start = end.start()  # walk rather than slice, so a pitch full of dots stays linear
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    word = text[start : end.start()].lstrip("([{\"'“‘«").casefold()
    if word in _ABBREVIATIONS or _INITIALS.fullmatch(word):
        return True
    if word in _SOMETIMES_FINAL:
        following = end.end()
        while following < len(text) and text[following].isspace():
            following += 1
        return not text[following : following + 1].isupper()
    return False


def _opening_end(text: str) -> int:
    """Where the opening ends: at the first "I am…"/"I help…", or after the first sentence."""
    starts = [m.start() for pattern in _PRESENT_SELF if (m := pattern.search(text))]
    if starts:
        return min(starts)
    sentences = _sentence_spans(text)
    return sentences[0][1] if sentences else 0


def _earliest_match(
    patterns: tuple[re.Pattern[str], ...], text: str, end: int | None
) -> str | None:
    """The earliest match of any pattern (the longest if several start there), as typed."""
    best: re.Match[str] | None = None
    for pattern in patterns:
        match = pattern.search(text, 0, len(text) if end is None else end)
        if match and (best is None or (match.start(), -match.end()) < (best.start(), -best.end())):
            best = match
    return None if best is None else best.group()


def _overflow_start(text: str, words: list[tuple[int, int]]) -> int | None:
    """Where the pitch goes past MAX_WORDS words or MAX_SENTENCES sentences, whichever is first;
    the rest is what a listener would no longer hear. None if it stays within both."""
    starts = []
    if len(words) > MAX_WORDS:
        starts.append(words[MAX_WORDS][0])
    sentences = _sentence_spans(text)
    if len(sentences) > MAX_SENTENCES:
        starts.append(sentences[MAX_SENTENCES][0])
    return min(starts) if starts else None
