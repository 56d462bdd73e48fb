"""Command arguments in the user's language (/pause, /days, /quiet, /mode, /checkin,
/checkintime, /timezone), English always accepted as well, a word of another language never."""

from datetime import date, datetime, time

import pytest

from domain.attention import QuietHours
from domain.checkins import names_yesterday
from domain.pace import Mode, parse_mode
from domain.pausing import PauseProblem, PauseRequest, parse_pause
from domain.quiet_hours import QuietProblem, QuietRequest, parse_quiet_hours
from domain.timeofday import parse_time_of_day
from domain.timezones import parse_timezone
from domain.weekdays import EVERY_DAY, MON_FRI, WEEKENDS, parse_days

NOW = datetime(2026, 12, 1, 10, 0)  # a Tuesday
MON, TUE, WED, THU, FRI, SAT, SUN = (1 << i for i in range(7))
TEN_TO_SEVEN = QuietRequest(QuietHours(time(22), time(7)))
OFF = QuietRequest(None)


@pytest.mark.parametrize(
    ("language", "text", "back_on"),
    [
        ("es", "1 semana", date(2026, 12, 8)),
        ("es", "una semana", date(2026, 12, 8)),
        ("es", "durante 2 semanas", date(2026, 12, 15)),
        ("es", "5 días", date(2026, 12, 6)),
        ("es", "hasta el lunes", date(2026, 12, 7)),
        ("es", "hasta mañana", date(2026, 12, 2)),
        ("es", "hasta el 15 de enero", date(2027, 1, 15)),
        ("es", "hasta nuevo aviso", None),
        ("es", "indefinidamente", None),
        ("pt_BR", "5 dias", date(2026, 12, 6)),
        ("pt_BR", "uma semana", date(2026, 12, 8)),
        ("pt_BR", "até sexta", date(2026, 12, 4)),
        ("pt_BR", "até sexta-feira", date(2026, 12, 4)),
        ("pt_BR", "até segunda ordem", None),
        ("pt_BR", "até eu dizer", None),
        ("de", "2 Wochen", date(2026, 12, 15)),
        ("de", "für 3 Tage", date(2026, 12, 4)),
        ("de", "bis Freitag", date(2026, 12, 4)),
        ("de", "bis zum 15. Januar", date(2027, 1, 15)),
        ("de", "bis auf Weiteres", None),
        ("ru", "3 дня", date(2026, 12, 4)),
        ("ru", "на 2 недели", date(2026, 12, 15)),
        ("ru", "5 дней", date(2026, 12, 6)),
        ("ru", "до пятницы", date(2026, 12, 4)),
        ("ru", "до 15 января", date(2027, 1, 15)),
        ("ru", "пока не скажу", None),
        ("ru", "бессрочно", None),
        # English always, whatever the language
        ("es", "2 weeks", date(2026, 12, 15)),
        ("de", "until friday", date(2026, 12, 4)),
        ("ru", "indefinitely", None),
        ("pt-br", "5", date(2026, 12, 6)),  # Telegram's code reads as the bot's pt_BR
    ],
)
def test_pause_in_each_language(language: str, text: str, back_on: date | None) -> None:
    assert parse_pause(text, NOW, language) == PauseRequest(back_on)


@pytest.mark.parametrize(
    ("language", "text", "problem"),
    [
        ("en", "1 semana", PauseProblem.UNREADABLE),  # Spanish for a Spanish speaker only
        ("de", "1 semana", PauseProblem.UNREADABLE),
        ("es", "cuando sea", PauseProblem.UNREADABLE),
        ("es", "hasta ayer", PauseProblem.PAST),
        ("de", "bis gestern", PauseProblem.PAST),
        ("pt_BR", "400 dias", PauseProblem.TOO_LONG),
        ("ru", "400 дней", PauseProblem.TOO_LONG),
    ],
)
def test_pause_problems_in_each_language(language: str, text: str, problem: PauseProblem) -> None:
    assert parse_pause(text, NOW, language) == problem


@pytest.mark.parametrize(
    ("language", "text", "mask"),
    [
        ("es", "lun-vie", MON_FRI),
        ("es", "Lun - Vie", MON_FRI),
        ("es", "de lunes a viernes", MON_FRI),
        ("es", "lunes, miércoles", MON | WED),
        ("es", "lunes y miercoles", MON | WED),
        ("es", "mar, jue", TUE | THU),
        ("es", "mier, vier", WED | FRI),  # any prefix of one day's name
        ("es", "vie-lun", FRI | SAT | SUN | MON),
        ("es", "fin de semana", WEEKENDS),
        ("es", "entre semana", MON_FRI),
        ("es", "todos los días", EVERY_DAY),
        ("pt_BR", "seg-sex", MON_FRI),
        ("pt_BR", "de segunda a sexta", MON_FRI),
        ("pt_BR", "segunda-feira - sexta-feira", MON_FRI),
        ("pt_BR", "terça e quinta", TUE | THU),
        ("pt_BR", "sáb, dom", WEEKENDS),
        ("pt_BR", "dias úteis", MON_FRI),
        ("de", "Mo-Fr", MON_FRI),
        ("de", "Mo bis Fr", MON_FRI),
        ("de", "Di, Do", TUE | THU),
        ("de", "Montag und Mittwoch", MON | WED),
        ("de", "Wochenende", WEEKENDS),
        ("de", "werktags", MON_FRI),
        ("ru", "пн-пт", MON_FRI),
        ("ru", "Пн, Ср, Пт", MON | WED | FRI),
        ("ru", "с понедельника по пятницу", MON_FRI),
        ("ru", "вторник и четверг", TUE | THU),
        ("ru", "будни", MON_FRI),
        ("ru", "выходные", WEEKENDS),
        ("ru", "каждый день", EVERY_DAY),
        # English always, whatever the language
        ("es", "mon-fri", MON_FRI),
        ("de", "tue, thu", TUE | THU),
        ("ru", "weekends", WEEKENDS),
    ],
)
def test_days_in_each_language(language: str, text: str, mask: int) -> None:
    assert parse_days(text, language) == mask


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "lun-vie"),  # Spanish for a Spanish speaker only
        ("de", "lun-vie"),
        ("pt_BR", "qu"),  # quarta or quinta: ask again rather than guess
        ("es", "lunes, nunca"),
        ("ru", "пн-потом"),
    ],
)
def test_days_unreadable(language: str, text: str) -> None:
    assert parse_days(text, language) is None


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("es", "apagar", OFF),
        ("es", "desactivar", OFF),
        ("es", "de 22:00 a 07:00", TEN_TO_SEVEN),
        ("pt_BR", "desligar", OFF),
        ("pt_BR", "das 22:00 às 07:00", TEN_TO_SEVEN),
        ("de", "aus", OFF),
        ("de", "von 22 bis 7", TEN_TO_SEVEN),
        ("ru", "выкл", OFF),
        ("ru", "выключить", OFF),
        ("ru", "с 22:00 до 07:00", TEN_TO_SEVEN),
        # English and numbers always
        ("es", "off", OFF),
        ("ru", "22:00-07:00", TEN_TO_SEVEN),
        ("de", "10pm-7am", TEN_TO_SEVEN),
    ],
)
def test_quiet_hours_in_each_language(language: str, text: str, expected: QuietRequest) -> None:
    assert parse_quiet_hours(text, language) == expected


@pytest.mark.parametrize(("language", "text"), [("en", "apagar"), ("es", "aus"), ("de", "bald")])
def test_quiet_hours_unreadable(language: str, text: str) -> None:
    assert parse_quiet_hours(text, language) == QuietProblem.UNREADABLE


@pytest.mark.parametrize(
    ("language", "text", "mode"),
    [
        ("es", "buscando", Mode.SEARCHING),
        ("es", "Buscando trabajo", Mode.SEARCHING),
        ("es", "empleado", Mode.EMPLOYED),
        ("pt_BR", "procurando emprego", Mode.SEARCHING),
        ("pt_BR", "empregada", Mode.EMPLOYED),
        ("de", "auf Jobsuche", Mode.SEARCHING),
        ("de", "angestellt", Mode.EMPLOYED),
        ("ru", "ищу работу", Mode.SEARCHING),
        ("ru", "работаю", Mode.EMPLOYED),
        ("ru", "employed", Mode.EMPLOYED),
        ("en", "buscando", None),
        ("es", "jubilado", None),
    ],
)
def test_mode_in_each_language(language: str, text: str, mode: Mode | None) -> None:
    assert parse_mode(text, language) == mode


@pytest.mark.parametrize(
    ("language", "text", "yesterday"),
    [
        ("en", "yesterday", True),
        ("en", "Yesterday.", True),
        ("es", "ayer", True),
        ("pt_BR", "ontem", True),
        ("de", "Gestern", True),
        ("ru", "вчера", True),
        ("ru", "yesterday", True),
        ("en", "ayer", False),
        ("es", "hoy", False),
        ("de", "gestern abend", False),
    ],
)
def test_checkin_yesterday_in_each_language(language: str, text: str, yesterday: bool) -> None:
    assert names_yesterday(text, language) is yesterday


@pytest.mark.parametrize(
    ("language", "text", "at"),
    [
        ("es", "a las 18:00", time(18)),
        ("es", "18 horas", time(18)),
        ("es", "mediodía", time(12)),
        ("pt_BR", "às 18h", time(18)),
        ("pt_BR", "meio-dia", time(12)),
        ("de", "18 Uhr", time(18)),
        ("de", "um 18:30 Uhr", time(18, 30)),
        ("de", "Mitternacht", time(0)),
        ("ru", "в 18:00", time(18)),
        ("ru", "в 6 часов", time(6)),
        ("ru", "полдень", time(12)),
        ("es", "6pm", time(18)),  # English always
        ("en", "18 Uhr", None),  # German for a German speaker only
        ("de", "um", None),
        ("ru", "в полдень завтра", None),
    ],
)
def test_time_of_day_in_each_language(language: str, text: str, at: time | None) -> None:
    assert parse_time_of_day(text, language) == at


@pytest.mark.parametrize(
    ("language", "text", "zone"),
    [
        ("ru", "Москва", "Europe/Moscow"),
        ("ru", "Лондон, Англия", "Europe/London"),
        ("de", "Wien", "Europe/Vienna"),
        ("de", "Moskau", "Europe/Moscow"),
        ("es", "Ciudad de México", "America/Mexico_City"),
        ("es", "Nueva York", "America/New_York"),
        ("pt_BR", "Cidade do México", "America/Mexico_City"),
        ("ru", "Berlin", "Europe/Berlin"),  # English always
        ("en", "Москва", None),  # a Russian name for a Russian speaker only
        ("de", "Nueva York", None),
    ],
)
def test_city_in_each_language(language: str, text: str, zone: str | None) -> None:
    assert parse_timezone(text, language) == zone
