"""The check-in as the user reads it: prompts, questions, the summary and the streak."""

from datetime import date, time

from bot import i18n, texts
from bot.presenters.common import day_and_month, pick, schedule_line
from domain.checkins import Question


def prompt(first_name: str, day: date, *, at: time, zone: str, days: int) -> str:
    """The scheduled daily prompt, with one line saying why it came."""
    greeting = pick(texts.PROMPTS, day).format(name=first_name or texts.NAME_FALLBACK)
    why = schedule_line(texts.PROMPT_WHY, at=at, zone=zone, days=days)
    return f"{greeting}\n\n{why}"


def question(q: Question, *, first: bool, prefix: str | None = None) -> str:
    text = f"{texts.QUESTION_TEXTS[q]}\n{texts.CHECKIN_HINT}" if first else texts.QUESTION_TEXTS[q]
    return f"{prefix}\n\n{text}" if prefix else text


def quick_reply_echo(question_text: str, q: Question) -> str:
    """The question, edited to show the quick answer the user tapped."""
    return texts.QUICK_REPLY_ECHO.format(question=question_text, answer=texts.QUICK_REPLIES[q])


def streak_line(streak: int) -> str:
    if streak <= 1:
        return texts.STREAK_FIRST
    return (texts.STREAK_WEEKS if streak >= 5 else texts.STREAK_GOING).format(n=streak)


def yesterday(day: date) -> str:
    """The line before the first question of a check-in logged for yesterday."""
    return texts.CHECKIN_YESTERDAY_START.format(
        weekday=i18n.weekday_name(day.weekday()), day=day_and_month(day)
    )


def freeze_line(day: date, left: int) -> str:
    """ "A freeze covered Tuesday; 1 left": a missed day the streak survived."""
    forms = i18n.ngettext(texts.FREEZE_COVERED, left)
    return forms.format(weekday=i18n.weekday_name(day.weekday()), n=i18n.number(left))


def milestone_line(streak: int) -> str:
    return texts.MILESTONE[streak]
