"""The daily check-in: which questions, in which order, and how an answer is cleaned.

Each question traces to a row of the coaching principles: who you reached (rows 1-3), the value
you gave first (row 5), the specific ask (row 6) and the follow-up to remember (row 7).
"""

import re
from dataclasses import dataclass
from enum import StrEnum

from domain.lexicons import ENGLISH, argument_glossary
from domain.text import clean_text


class CheckinStatus(StrEnum):
    OPEN = "open"
    DONE = "done"
    CANCELLED = "cancelled"


class AnswerType(StrEnum):
    """How a question was answered: typed text, the "nobody / nothing today" button, or /skip."""

    TEXT = "text"
    NOTHING = "none"
    SKIPPED = "skipped"


class Question(StrEnum):
    WHO = "who"
    GAVE = "gave"
    ASK = "ask"
    FOLLOWUP = "followup"


QUESTIONS: tuple[Question, ...] = (Question.WHO, Question.GAVE, Question.ASK, Question.FOLLOWUP)

MAX_ANSWER_LENGTH = 1000


@dataclass(frozen=True)
class CleanAnswer:
    text: str
    too_long: bool = False

    @property
    def empty(self) -> bool:
        return not self.text


_NOTHING = re.compile(
    r"[-–—.\s]*|(?:no|none|nothing|nope|nobody|no one|n/?a|not today|nothing today|no ask)"
    r"(?: today| this time)?[.!]*",
    re.IGNORECASE,
)


def says_nothing(text: str | None) -> bool:
    """An answer like "-", "none" or "nothing today": stored as typed, but not a give or ask."""
    return text is None or _NOTHING.fullmatch(text.strip()) is not None


def question_at(step: int) -> Question | None:
    """The question to ask after `step` answers, or None when the check-in is complete."""
    return QUESTIONS[step] if 0 <= step < len(QUESTIONS) else None


def clean_answer(raw: str) -> CleanAnswer:
    """The answer as stored: cleaned like every other text (`domain.text`), lines kept."""
    text = clean_text(raw, multiline=True) or ""
    return CleanAnswer(text=text, too_long=len(text) > MAX_ANSWER_LENGTH)


def names_yesterday(text: str, language: str = ENGLISH) -> bool:
    """Whether a /checkin argument asks for yesterday's check-in: "yesterday", or the word in
    the user's `language` ("ayer", "ontem", "gestern", "вчера")."""
    cleaned = " ".join(text.casefold().split()).strip(".!")
    return cleaned == "yesterday" or argument_glossary(language).gloss(cleaned) == "yesterday"
