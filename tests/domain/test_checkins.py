import pytest

from domain.checkins import clean_answer, question_at, says_nothing


@pytest.mark.parametrize("text", ["-", "—", "none", "Nothing today.", "no ask today", "N/A", " "])
def test_says_nothing(text: str) -> None:
    assert says_nothing(text)


@pytest.mark.parametrize(
    "text", ["Sally", "no idea, asked Tom", "Nothing fancy: a coffee with Ann"]
)
def test_says_something(text: str) -> None:
    assert not says_nothing(text)


def test_clean_answer_normalises_and_measures() -> None:
    assert clean_answer("  Zoe\u0301\u200b  and\x00 Li  ").text == "Zoé and Li"
    assert clean_answer("👨\u200d👩\u200d👧 family").text == "👨\u200d👩\u200d👧 family"
    assert clean_answer("a\n\n b ").text == "a\nb"
    assert clean_answer("x" * 1001).too_long
    assert clean_answer("\u200b\u2060").empty


def test_questions_in_order() -> None:
    assert [question_at(step) for step in range(5)] == ["who", "gave", "ask", "followup", None]
