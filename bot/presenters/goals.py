"""Goals as the user reads them: the questions, the goal, and who they know at each target."""

from collections.abc import Sequence

from bot import i18n, texts
from domain.goals import GoalPart, PersonAt, TargetCoverage
from services.goals import GoalView

NAMES_SHOWN = 3  # per tier and target; the rest are counted


def question(part: GoalPart, *, first: bool) -> str:
    """One of the three questions; the first comes with a line saying what this is."""
    text = texts.GOAL_QUESTIONS[part]
    return f"{texts.GOAL_INTRO}\n\n{text}" if first else text


def change_question(part: GoalPart, shown: GoalView) -> str:
    """The question again, to change one part: with what it says now, and how to keep it."""
    current = _current(part, shown)
    lines = [texts.GOAL_CHANGE_QUESTIONS[part]]
    if current:
        lines.append(texts.GOAL_NOW.format(current=current))
    lines.append(texts.GOAL_CHANGE_HINT)
    return "\n".join(lines)


def skipped(question_text: str) -> str:
    """The question, edited to show it was skipped."""
    return texts.GOAL_SKIPPED_ECHO.format(question=question_text)


def goal(shown: GoalView) -> str:
    """/goal: the four parts, then who the user knows at each target."""
    text = texts.GOAL_VIEW.format(
        want=shown.want or texts.NOT_SET,
        companies=texts.LIST_SEPARATOR.join(shown.targets) or texts.NOT_SET,
        roles=shown.roles or texts.NOT_SET,
        where=shown.gather or texts.NOT_SET,
    )
    more = coverage(shown) if shown.targets else texts.GOAL_NO_TARGETS
    return f"{text}\n\n{more}"


def coverage(shown: GoalView) -> str:
    """Per target: a decision-maker and an insider, and who; nobody: one concrete step."""
    covered = sum(1 for target in shown.coverage if target.covered)
    lines = [texts.COVERAGE_HEADER.format(covered=covered, total=len(shown.coverage))]
    for index, target in enumerate(shown.coverage):
        step = shown.steps.get(index)
        if step is not None:
            lines.append(
                texts.COVERAGE_NOBODY[step.suggestion].format(
                    company=target.company, connector=step.connector, place=shown.gather
                )
            )
        else:
            lines.append(_known_at(target))
    lines.append(texts.COVERAGE_HOW)
    return "\n".join(lines)


def _known_at(target: TargetCoverage) -> str:
    values = {
        "company": target.company,
        "deciders": _people(texts.DECIDERS, target.decision_makers) or texts.NO_DECIDER,
        "insiders": _people(texts.INSIDERS, target.insiders) or texts.NO_INSIDER,
        "others": _names(target.others),
    }
    template = {
        (False, False): texts.COVERAGE_LINE,
        (False, True): texts.COVERAGE_LINE_OTHERS,
        (True, False): texts.COVERAGE_LINE_COVERED,
        (True, True): texts.COVERAGE_LINE_COVERED_OTHERS,
    }[(target.covered, bool(target.others))]
    return template.format(**values)


def _people(forms: tuple[str, str], people: Sequence[PersonAt]) -> str | None:
    """ "decision-maker Sally Ng", "insiders Tom, Priya"; None for nobody."""
    if not people:
        return None
    return i18n.ngettext(forms, len(people)).format(names=_names(people))


def _names(people: Sequence[PersonAt]) -> str:
    """The first NAMES_SHOWN names, and how many more."""
    names = texts.LIST_SEPARATOR.join(person.name for person in people[:NAMES_SHOWN])
    hidden = len(people) - NAMES_SHOWN
    return texts.NAMES_AND_MORE.format(names=names, n=hidden) if hidden > 0 else names


def _current(part: GoalPart, shown: GoalView) -> str | None:
    if part != GoalPart.WHO:
        return shown.part(part)
    companies = texts.LIST_SEPARATOR.join(shown.targets)
    if companies and shown.roles:
        return texts.GOAL_WHO_NOW.format(companies=companies, roles=shown.roles)
    return companies or shown.roles
