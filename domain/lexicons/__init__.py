"""The words of the languages other than English, as data: each maps its words to the English
word the reader knows ("con" is "with", "viernes" is "friday", "созвонился" is "called").

The reader's rules are written once, over the English words of `domain.lexicon`; a check-in in
another language is read by giving each of its words the English word it stands for (kept
beside the word as typed, which is what the user sees). A language module holds:

- `WORDS`: English word → the language's words for it, separated by spaces. "" as the English
  word drops a word that says nothing to the reader (Portuguese "o", "a" before a name),
  keeping it in the text shown. "really" is the English stand-in for a common word that is
  never a name and plays no part in a rule (German capitalises every noun).
- `PHRASES`: English words → the language's phrases, separated by commas, for what one word
  cannot say ("la semana que viene" is "next week"); never more English words than the phrase
  has.
- `DATEPARSER`: the language's code for `dateparser`, which reads the dates the words above
  do not cover.
- `IMPLICIT_OBJECT`: whether the language leaves out whom one gave or asked ("pedi
  feedback", "gefragt, ob …"), so that a give or ask naming nobody is for the one person met.
- optionally `ARGUMENT_WORDS` and `ARGUMENT_PHRASES`, the same for the words of command
  arguments only ("/pause hasta nuevo aviso", "/quiet aus", "/days lun-vie"), read through
  `argument_glossary` and never by the check-in reader; they win over `WORDS` and `PHRASES`.
- optionally `NOUNS_CAPITALISED` (German: a capital does not make a word a name), and
  `morphology`, a module that knows the language's common words (German nouns by their
  endings) or gives a declined word its dictionary form (Russian through `pymorphy3`:
  "Ольгой" is Ольга, "пятницу" is пятница).
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import import_module

ENGLISH = "en"
# The languages the reader understands besides English, by the bot's language codes.
LANGUAGES = ("es", "pt_BR", "de", "ru")
DROP = ""  # the English "word" of a word the reader skips


@dataclass(frozen=True)
class Glossary:
    """One language's words, as the English words the reader knows."""

    language: str
    words: dict[str, str] = field(default_factory=dict)  # casefolded word → English word
    phrases: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)
    longest_phrase: int = 0
    dateparser: str | None = None
    # The dictionary form of a casefolded word (its lemma), to look it up in `words`.
    lemma: Callable[[str], str] | None = None
    # A name or a company as written on a card: the nominative of each of its words.
    base_forms: Callable[[Sequence[str]], tuple[str, ...]] | None = None
    # A company as written on a card: its nominative.
    organisation: Callable[[str], str] | None = None
    # Whether a casefolded word is a common word of the language (never a name).
    common: Callable[[str], bool] | None = None
    implicit_object: bool = False
    nouns_capitalised: bool = False  # German: a capital does not make a word a name

    def english(self, low: str, *, may_be_common: bool = True) -> str | None:
        """The English word for a casefolded word of this language, or None. A common word of
        the language's dictionary is "really" (no part in any rule), unless `may_be_common`
        is False: a capital inside a sentence makes "Озон" a company, not ozone."""
        found = self.words.get(low)
        if found is None and self.lemma is not None:
            found = self.words.get(self.lemma(low))
        if found is None and may_be_common and self.common is not None and self.common(low):
            return "really"
        return found

    def gloss(self, text: str) -> str:
        """`text` (words between spaces) as the English words they stand for, phrases first; a
        word the glossary does not know stays as typed. For short command arguments ("1
        semana", "lun - vie"): the check-in reader has its own gloss, which knows names."""
        words = text.casefold().split()
        out: list[str] = []
        i = 0
        while i < len(words):
            for length in range(min(self.longest_phrase, len(words) - i), 0, -1):
                english = self.phrases.get(tuple(words[i : i + length]))
                if english is not None:
                    out.extend(english)
                    i += length
                    break
            else:
                word = self.english(words[i], may_be_common=False)
                if word != DROP:
                    out.append(word or words[i])
                i += 1
        return " ".join(out)

    def spellings(self, english: str) -> tuple[str, ...]:
        """The language's words for one English word ("lunes", "lun" for monday)."""
        return tuple(word for word, meaning in self.words.items() if meaning == english)


ENGLISH_GLOSSARY = Glossary(ENGLISH)


def glossary(language: str | None) -> Glossary:
    """The glossary of a language code ("pt-br", "pt_BR", "es-419" and "de-AT" included);
    English, which needs none, for a language the reader does not know."""
    return _glossary(_code(language), arguments=False)


def argument_glossary(language: str | None) -> Glossary:
    """The glossary for a command's arguments in a language: its words and its
    `ARGUMENT_WORDS` ("hasta" is until, "aus" is off, "lun" is monday)."""
    return _glossary(_code(language), arguments=True)


def is_english(language: str | None) -> bool:
    """Whether a language code is read as English (English itself, or one not known)."""
    return _code(language) == ENGLISH


@cache  # one per language the reader knows (and one for arguments), built on first use
def _glossary(code: str, *, arguments: bool) -> Glossary:
    if code == ENGLISH:
        return ENGLISH_GLOSSARY
    data = import_module(f"domain.lexicons.{code}")
    extra_words = getattr(data, "ARGUMENT_WORDS", {}) if arguments else {}
    extra_phrases = getattr(data, "ARGUMENT_PHRASES", {}) if arguments else {}
    words: dict[str, str] = {}
    for table in (extra_words, data.WORDS):  # the arguments' words first: they win
        for english, spelled in table.items():
            for word in spelled.split():
                words.setdefault(word.casefold(), english)
    phrases: dict[tuple[str, ...], tuple[str, ...]] = {}
    for table in (getattr(data, "PHRASES", {}), extra_phrases):  # the last one wins
        for english, spelled in table.items():
            target = tuple(english.split())
            for phrase in spelled.split(","):
                key = tuple(phrase.casefold().split())
                if key and len(target) <= len(key):
                    phrases[key] = target
    morphology = getattr(data, "morphology", None)
    return Glossary(
        code,
        words,
        phrases,
        max((len(k) for k in phrases), default=0),
        data.DATEPARSER,
        lemma=getattr(morphology, "lemma", None),
        base_forms=getattr(morphology, "base_forms", None),
        organisation=getattr(morphology, "organisation", None),
        common=getattr(morphology, "common", None),
        implicit_object=data.IMPLICIT_OBJECT,
        nouns_capitalised=getattr(data, "NOUNS_CAPITALISED", False),
    )


def _code(language: str | None) -> str:
    """The module of a language code: es-419 → es, pt-br → pt_BR, anything else → en."""
    low = (language or ENGLISH).replace("-", "_").casefold()
    for code in LANGUAGES:
        if low == code.casefold() or low.split("_")[0] == code.split("_")[0].casefold():
            return code
    return ENGLISH
