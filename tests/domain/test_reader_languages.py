"""The check-in reader in Spanish, Brazilian Portuguese, German and Russian: one example per
rule and language, and the glossaries' own consistency. Pure: no database, no network.

The scores over whole labelled sets live in tests/understanding.
"""

from datetime import date, datetime
from importlib import import_module
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from domain.contacts import Channel
from domain.dates import DAY_WORDS, MONTH_WORDS
from domain.followups import parse_followup, reader_knows_better
from domain.ledger import read_name_and_what
from domain.lexicon import RELATION_WORDS
from domain.lexicons import LANGUAGES, glossary
from domain.reader import read_checkin, read_exchange_text, read_followup_text
from domain.reader.tokens import _DATE_WORDS, COMM_VERBS, KNOWN_WORDS, ROLE_WORDS, WHEN_STARTS
from domain.reading import Reading
from domain.weekdays import WEEKDAY_NAMES

# Tuesday 24 November 2026, evening in Berlin.
NOW = datetime(2026, 11, 24, 17, 58, tzinfo=ZoneInfo("Europe/Berlin"))
FRIDAY, TUESDAY = date(2026, 11, 27), date(2026, 12, 1)


def read(language: str, who: str = "-", gave: str = "-", asked: str = "-", follow: str = "-"):
    return read_checkin([who, gave, asked, follow], [], NOW, language)


def names(reading: Reading) -> list[str]:
    return [p.name for p in reading.people]


@pytest.mark.parametrize(
    ("language", "who"),
    [
        ("es", "nadie"),
        ("es", "hoy nadie, día tranquilo"),
        ("pt_BR", "ninguém"),
        ("pt_BR", "não falei com ninguém"),
        ("de", "niemand"),
        ("de", "heute niemand, stressiger Tag"),
        ("ru", "никто"),
        ("ru", "ни с кем не общался"),
    ],
)
def test_a_nobody_day_names_no_one(language: str, who: str) -> None:
    assert read(language, who).empty


@pytest.mark.parametrize(
    ("language", "who", "person", "channel"),
    [
        ("es", "café con Lucía Fernández", "Lucía Fernández", Channel.IN_PERSON),
        ("es", "llamada con javier ruiz", "Javier Ruiz", Channel.CALL),
        ("es", "le escribí a Sofía por linkedin", "Sofía", Channel.MESSAGE),
        ("pt_BR", "almoço com a Fernanda Lima", "Fernanda Lima", Channel.IN_PERSON),
        ("pt_BR", "liguei pro lucas oliveira", "Lucas Oliveira", Channel.CALL),
        ("pt_BR", "mandei msg pra Camila Rocha no linkedin", "Camila Rocha", Channel.MESSAGE),
        ("de", "Kaffee mit Jonas Becker", "Jonas Becker", Channel.IN_PERSON),
        ("de", "Telefonat mit Lena Schmidt", "Lena Schmidt", Channel.CALL),
        ("de", "Nachricht an Sarah Koch auf LinkedIn", "Sarah Koch", Channel.MESSAGE),
        ("ru", "кофе с Ольгой Ивановой", "Ольга Иванова", Channel.IN_PERSON),
        ("ru", "созвонился с Дмитрием Смирновым", "Дмитрий Смирнов", Channel.CALL),
        ("ru", "написал Марии Соколовой в телеграм", "Мария Соколова", Channel.MESSAGE),
    ],
)
def test_cue_words_and_channels(language: str, who: str, person: str, channel: Channel) -> None:
    (found,) = read(language, who).people
    assert (found.name, found.channel) == (person, channel)


@pytest.mark.parametrize(
    ("language", "who", "person", "company"),
    [
        ("es", "café con Lucía Fernández de Glovo", "Lucía Fernández", "Glovo"),
        ("pt_BR", "almoço com Fernanda Lima do Nubank", "Fernanda Lima", "Nubank"),
        ("de", "Kaffee mit Jonas Becker bei Zalando", "Jonas Becker", "Zalando"),
        ("ru", "кофе с Ольгой Ивановой из Яндекса", "Ольга Иванова", "Яндекс"),
    ],
)
def test_a_company_is_said_of_a_person_never_a_person(
    language: str, who: str, person: str, company: str
) -> None:
    (found,) = read(language, who).people
    assert (found.name, found.company) == (person, company)


@pytest.mark.parametrize(
    ("words", "name"),
    [
        ("Анне завтра", "Анна"),
        ("Игорю через две недели", "Игорь"),
        ("Ульяне в пятницу", "Ульяна"),
        ("Екатерине Морозовой завтра", "Екатерина Морозова"),
        ("Денису Федорову завтра", "Денис Федоров"),  # written without ё, kept without
        ("Геннадию Пестову завтра", "Геннадий Пестов"),  # a surname the dictionary lacks
        ("Анне Пестовой завтра", "Анна Пестова"),
    ],
)
def test_a_russian_name_is_stored_in_the_nominative(words: str, name: str) -> None:
    (item,) = read_followup_text(words, [], NOW, "ru")
    assert item.person == name


@pytest.mark.parametrize(
    ("language", "follow", "day"),
    [
        ("es", "Lucía el viernes", FRIDAY),
        ("es", "Lucía la semana que viene", TUESDAY),
        ("es", "Lucía en dos semanas", date(2026, 12, 8)),
        ("es", "Lucía pasado mañana", date(2026, 11, 26)),
        ("pt_BR", "João na próxima terça", TUESDAY),
        ("pt_BR", "João daqui a 3 dias", FRIDAY),
        ("pt_BR", "João fim do mês", date(2026, 11, 30)),
        ("de", "Jonas nächsten Dienstag", TUESDAY),
        ("de", "Jonas am 3.12.", date(2026, 12, 3)),
        ("de", "Jonas Ende des Monats", date(2026, 11, 30)),
        ("ru", "Ольге через две недели", date(2026, 12, 8)),
        ("ru", "Ольге в пятницу", FRIDAY),
        ("ru", "Ольге 3 декабря", date(2026, 12, 3)),
        ("pt_BR", "Noêmia dia 30", date(2026, 11, 30)),
        ("de", "Nora am 30.", date(2026, 11, 30)),
    ],
)
def test_follow_up_dates_in_the_users_language(language: str, follow: str, day: date) -> None:
    (item,) = read(language, follow=follow).followups
    assert item.day == day


def test_several_follow_ups_in_one_answer() -> None:
    reading = read("es", follow="escribir a Lucía el viernes y llamar a Pablo en una semana")
    assert [(f.person, f.day) for f in reading.followups] == [
        ("Lucía", FRIDAY),
        ("Pablo", TUESDAY),
    ]


def test_a_pronoun_is_the_one_person_named() -> None:
    reading = read("de", "Kaffee mit Jonas Becker", "ihm meine Notizen geschickt")
    assert [(e.person, e.text) for e in reading.gives] == [
        ("Jonas Becker", "ihm meine Notizen geschickt")
    ]


@pytest.mark.parametrize(
    ("language", "who", "gave"),
    [
        ("es", "quedé con Bruno y Ximena Salas", "les presenté a una inversora"),
        ("pt_BR", "encontrei o Bruno e a Yasmin Sales", "apresentei eles pra uma investidora"),
        ("de", "Bruno und Yvonne Sauer getroffen", "beiden eine Investorin vorgestellt"),
        ("ru", "встретился с Борисом и Яной Савельевой", "познакомил их с инвесторшей"),
    ],
)
def test_them_is_everyone_met(language: str, who: str, gave: str) -> None:
    reading = read(language, who, gave)
    assert [e.person for e in reading.gives] == names(reading)
    assert len(reading.people) == 2


def test_a_give_that_leaves_out_whom_is_for_the_one_person_met() -> None:
    """Portuguese (like Spanish, German and Russian) often leaves out whom; English says it."""
    pt = read("pt_BR", "café com a Carolina Mendes", "-", "pedi feedback do meu currículo")
    en = read("en", "coffee with Carolina Mendes", "-", "asked for feedback on my CV")
    assert [e.person for e in pt.asks] == ["Carolina Mendes"]
    assert [e.person for e in en.asks] == [None]


def test_a_german_participle_after_a_name_is_what_the_user_did() -> None:
    reading = read("de", "Kaffee mit Clara Vogt", "-", "Clara gefragt ob Delivery Hero einstellt")
    assert [e.person for e in reading.asks] == ["Clara Vogt"]


def test_a_surname_that_is_also_a_word_stays_in_the_name() -> None:
    assert names(read("pt_BR", "conversei com o Felipe Dias no evento")) == ["Felipe Dias"]
    assert names(read("de", "Nachricht an Sarah Koch")) == ["Sarah Koch"]


def test_a_german_noun_is_known_by_its_ending() -> None:
    reading = read("de", "Mittagessen mit Projektleitern, dann Kaffee mit Carmen Jürgens")
    assert names(reading) == ["Carmen Jürgens"]


def test_a_capitalised_common_word_inside_a_russian_sentence_is_a_company() -> None:
    (person,) = read("ru", "зум с Кириллом Медведевым (CTO в Озоне)").people
    assert person.company == "Озон"


def test_the_text_shown_keeps_the_users_words() -> None:
    reading = read("pt_BR", "café com a Renata", "mandei o artigo pra ela")
    assert [e.text for e in reading.gives] == ["mandei o artigo pra ela"]


def test_free_text_commands_read_the_users_language() -> None:
    assert read_exchange_text("le pasé a Lucía el artículo", [], "es").person == "Lucía"
    assert read_name_and_what("отправил Ольге статью", [], "ru") == (
        "Ольга",
        "отправил Ольге статью",
    )
    result = parse_followup("Jonas nächsten Dienstag", now_local=NOW, language="de")
    items = read_followup_text("Jonas nächsten Dienstag", [], NOW, "de")
    assert reader_knows_better(result, items, "de")
    assert [(i.person, i.day) for i in items] == [("Jonas", TUESDAY)]


def test_english_words_are_not_read_in_another_language_by_default() -> None:
    assert read("en", "café con Lucía Fernández").people == ()


@pytest.mark.parametrize(
    ("code", "language"),
    [
        ("pt-br", "pt_BR"),
        ("pt", "pt_BR"),
        ("es-419", "es"),
        ("de-AT", "de"),
        ("ru", "ru"),
        ("en-GB", "en"),
        ("fr", "en"),
        (None, "en"),
    ],
)
def test_a_telegram_language_code_picks_its_glossary(code: str | None, language: str) -> None:
    assert glossary(code).language == language


def _glossary_words(language: str) -> list[str]:
    data = import_module(f"domain.lexicons.{language}")
    return sorted({word for spelled in data.WORDS.values() for word in spelled.split()})


@pytest.mark.parametrize("language", LANGUAGES)
def test_words_of_the_glossary_alone_name_no_one(language: str) -> None:
    """Precision first: any jumble of the language's own words, capitalised or not, in every
    answer, is nobody (a junk contact earns nudges and skews every figure)."""

    @settings(max_examples=300, deadline=None, derandomize=True)
    @given(
        st.lists(
            st.tuples(st.sampled_from(_glossary_words(language)), st.booleans()),
            min_size=1,
            max_size=10,
        ),
        st.sampled_from([" ", ", ", "\n"]),
    )
    def nobody(words: list[tuple[str, bool]], separator: str) -> None:
        text = separator.join(w.capitalize() if upper else w for w, upper in words)
        assert read(language, text, text, text, text).people == (), text

    nobody()


# Every English word a glossary uses is one the reader's rules know.
_READER_WORDS = (
    KNOWN_WORDS
    | ROLE_WORDS
    | _DATE_WORDS
    | RELATION_WORDS
    | MONTH_WORDS
    | DAY_WORDS
    | COMM_VERBS
    | WHEN_STARTS
    | set(WEEKDAY_NAMES)
    | {""}
)


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_word_stands_for_one_english_word_the_reader_knows(language: str) -> None:
    data = import_module(f"domain.lexicons.{language}")
    owner: dict[str, str] = {}
    for english, spelled in data.WORDS.items():
        assert english in _READER_WORDS, english
        for word in spelled.split():
            assert owner.setdefault(word.casefold(), english) == english, word
    for english, spelled in data.PHRASES.items():
        assert all(w in _READER_WORDS or w.isdigit() for w in english.split()), english
        for phrase in spelled.split(","):  # never more English words than the phrase has
            assert len(english.split()) <= len(phrase.split()), phrase
