import pytest

from domain.ledger import read_name_and_what, split_name_and_what


@pytest.mark.parametrize(
    ("text", "known", "expected"),
    [
        ("Sally Jones an intro to Priya", [], ("Sally Jones", "an intro to Priya")),
        ("Sally an intro", [], ("Sally", "an intro")),
        ("sally jones: the article", [], ("sally jones", "the article")),
        ("Tom — a 20-minute call", [], ("Tom", "a 20-minute call")),
        ("van der Berg a referral", ["Van der Berg"], ("van der Berg", "a referral")),
        ("José Núñez Priya's CV", ["Jose Nunez"], ("José Núñez", "Priya's CV")),
        ("Sally", [], None),
        ("", [], None),
        ("Sally:", [], None),
    ],
)
def test_split_name_and_what(text: str, known: list[str], expected: tuple[str, str] | None) -> None:
    assert split_name_and_what(text, known) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sally Jones an intro to Priya", ("Sally Jones", "an intro to Priya")),
        ("Old Friend: a book", ("Old Friend", "a book")),  # an explicit separator is trusted
        ("sent Sally Jones the article", ("Sally Jones", "sent Sally Jones the article")),
        ("Introduced Joanna to Pieter", ("Joanna", "Introduced Joanna to Pieter")),
        ("sent the article", None),  # a sentence that names nobody
    ],
)
def test_read_name_and_what_takes_sentences_too(text: str, expected: object) -> None:
    assert read_name_and_what(text, []) == expected
