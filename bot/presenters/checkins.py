"""The check-in as the user reads it: prompts, questions, the summary and the streak."""

from datetime import date, time

from bot import texts
from bot.presenters.common import pick, schedule_line, shorten
from domain.checkins import Question
from services.checkins import Completed


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


def summary(done: Completed, *, followup_when: str | None) -> str:
    lines = [texts.CHECKIN_SAVED, ""]
    for q, label in texts.SUMMARY_LABELS.items():
        answer = shorten(done.answers.get(q), texts.SUMMARY_ANSWER_LIMIT) or texts.NO_ANSWER
        lines.append(texts.SUMMARY_LINE.format(label=label, answer=answer))
    lines.append("")
    people = [resolved.contact.name for resolved in done.effects.people]
    if people:
        lines.append(texts.CHECKIN_PEOPLE.format(names=texts.LIST_SEPARATOR.join(people)))
    new = done.effects.followup
    if new is not None and followup_when is not None:
        name = new.resolved.contact.name
        lines.append(texts.FOLLOWUP_FROM_CHECKIN.format(name=name, when=followup_when))
    if done.vague_ask:
        lines.append(texts.VAGUE_ASK_TIP)
    if not any(done.answers.values()):
        lines.append(texts.CHECKIN_QUIET_DAY)
    lines.append(streak_line(done.streak))
    if done.offer_goal:
        lines += ["", texts.GOAL_OFFER]
    return "\n".join(lines)


def streak_line(streak: int) -> str:
    if streak <= 1:
        return texts.STREAK_FIRST
    return (texts.STREAK_WEEKS if streak >= 5 else texts.STREAK_GOING).format(n=streak)
