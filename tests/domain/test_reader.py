"""The check-in reader's rules, one example each. Pure: no database, no network.

The scores over whole labelled sets live in tests/understanding; these pin each rule down so a
change that breaks one says which.
"""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from domain.contacts import Channel
from domain.reader import read_checkin, read_exchange_text, read_followup_text
from domain.reading import Reading

# Tuesday 24 November 2026, evening in Berlin.
NOW = datetime(2026, 11, 24, 17, 58, tzinfo=ZoneInfo("Europe/Berlin"))


def read(
    who: str = "-", gave: str = "-", asked: str = "-", follow: str = "-", contacts=()
) -> Reading:
    return read_checkin([who, gave, asked, follow], list(contacts), NOW)


def names(reading: Reading) -> list[str]:
    return [p.name for p in reading.people]


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        # cue words
        ("Had coffee with Maria Santos and a quick call with João", ["Maria Santos", "João"]),
        ("met Ravi", ["Ravi"]),
        ("Texted Jean-Luc", ["Jean-Luc"]),
        ("coffee w/ Sam Lee", ["Sam Lee"]),
        ("Ran into Łukasz Kowalczyk at the office", ["Łukasz Kowalczyk"]),
        # lists: commas, and, &, new lines, bullets, notes
        ("Sally (coffee), Tom (email)", ["Sally", "Tom"]),
        ("1. Kate Wilson - coffee\n2. Ben - phone", ["Kate Wilson", "Ben"]),
        ("• Ana\n• Bruno & Carla", ["Ana", "Bruno", "Carla"]),
        ("Zoom: Priyanka\nCoffee: Luca and Mia", ["Priyanka", "Luca", "Mia"]),
        # lower case after a cue
        ("emailed george", ["George"]),
        ("zoom with priya raman", ["Priya Raman"]),
        ("olga, ivan", ["Olga", "Ivan"]),
        # titles dropped; particles and marks kept
        ("Lunch with Dr. Ahmed Khan", ["Ahmed Khan"]),
        ("Called Mr. Schmidt", ["Schmidt"]),
        ("Coffee with Maarten van der Berg", ["Maarten van der Berg"]),
        ("Drinks with Isabel de la Cruz", ["Isabel de la Cruz"]),
        ("Call with Siobhan O'Brien and Omar Al-Sayed", ["Siobhan O'Brien", "Omar Al-Sayed"]),
        ("lunch with konstantin von arnim", ["Konstantin von Arnim"]),
        # appositions: who someone is, then their name
        ("Had a long walk with my mentor Elena Rossi", ["Elena Rossi"]),
        # never people
        ("lunch with an old friend", []),
        ("Went to the PyData meetup", []),
        ("Call with my neighbour", []),
        ("Nobody today", []),
        ("-", []),
        ("Worked on my CV all day", []),
        # days, places and companies that are also first names, when a surname follows
        ("Met with Sunday Okonkwo at the hub", ["Sunday Okonkwo"]),
        ("messaged Sydney Brooks on Discord", ["Sydney Brooks"]),
        # messages typed in capitals
        ("LUNCH WITH DAVID COHEN", ["David Cohen"]),
    ],
)
def test_people_in_the_first_answer(who: str, expected: list[str]) -> None:
    assert names(read(who)) == expected


@pytest.mark.parametrize(
    ("who", "expected"),
    [  # the cases the reader's predecessor (a list splitter) was held to, read the same
        ("Sally; Tom & Priya + Bob", ["Sally", "Tom", "Priya", "Bob"]),
        ("Sally\nTom\n\nPriya", ["Sally", "Tom", "Priya"]),
        ("Sally Jones - coffee at Blue Bottle, Tom: intro call", ["Sally Jones", "Tom"]),
        ("Tom.", ["Tom"]),
        ("Martin Luther King Jr.", ["Martin Luther King Jr."]),
        ("Andrew and Sandy", ["Andrew", "Sandy"]),
        ("José Núñez, jose nunez", ["José Núñez"]),  # the same person once
        ("李雷, Алексей", ["李雷", "Алексей"]),
        ("Mary-Jane", ["Mary-Jane"]),
        ("Met the CEO of Acme, Sally", ["Sally"]),
        ("my old boss, the recruiter, a friend", []),
        ("Sally [LinkedIn], tom@example.com, Bob 2", ["Sally"]),
        ("I called Sally and we talked about the job", ["Sally"]),
        ("(nobody)", []),
        ("No one.", []),
        ("n/a", []),
        ("Not today", []),
        ("someone from the meetup and Priya", []),  # no cue, no list: not guessed
    ],
)
def test_lists_and_sentences_read_as_people(who: str, expected: list[str]) -> None:
    assert names(read(who)) == expected


def test_at_most_twelve_people_a_checkin() -> None:
    everyone = [f"Anna Lee{chr(97 + i) * 2}" for i in range(15)]
    assert names(read(", ".join(everyone))) == everyone[:12]


@pytest.mark.parametrize(
    ("who", "channels"),
    [
        ("Breakfast with Nadia and a Teams call with Peter", ["in_person", "call"]),
        ("emailed george and had a video chat with Lucía", ["message", "call"]),
        ("Coffee with Ana and Bruno", ["in_person", "in_person"]),
        ("Ines (coffee), Marek (email)", ["in_person", "message"]),
        ("chatted with Chloé Dubois at the conference", ["in_person"]),
        ("Quick WhatsApp exchange with Diego", ["message"]),
        ("Caught up with Omar", [None]),
    ],
)
def test_channels_come_from_the_words_around_each_person(who: str, channels: list) -> None:
    assert [p.channel.value if p.channel else None for p in read(who).people] == channels


def test_companies_and_roles_are_never_people() -> None:
    reading = read(
        "Coffee with Maria Santos from Stripe, Lena Vogel (data lead at Zalando), "
        "Ahmed Khan, a recruiter at Booking"
    )
    assert [(p.name, p.company, p.role) for p in reading.people] == [
        ("Maria Santos", "Stripe", None),
        ("Lena Vogel", "Zalando", "data lead"),
        ("Ahmed Khan", "Booking", "recruiter"),
    ]


def test_one_company_for_a_group() -> None:
    reading = read("Coffee with Ana and Bruno, both from Nubank")
    assert [p.company for p in reading.people] == ["Nubank", "Nubank"]


def test_a_first_name_alone_is_the_full_name_said_in_the_same_checkin() -> None:
    reading = read("Breakfast with Nadia Rahman", "Sent Nadia a podcast", "-", "Nadia on Thursday")
    assert names(reading) == ["Nadia Rahman"]
    assert reading.gives[0].person == "Nadia Rahman"
    assert reading.followups[0].person == "Nadia Rahman"


def test_a_first_name_alone_is_the_one_contact_with_that_first_name() -> None:
    reading = read("coffee with maria", contacts=["Maria Santos", "Tom Baker"])
    assert names(reading) == ["Maria Santos"]
    assert reading.people[0].contact == "Maria Santos"


def test_a_first_name_several_contacts_share_is_asked_about() -> None:
    reading = read("Lunch with Maria", contacts=["Maria Santos", "Maria Lopez"])
    assert reading.people[0].name == "Maria"
    assert reading.people[0].choices == ("Maria Santos", "Maria Lopez")


def test_a_lower_case_name_a_contact_has_is_a_person_anywhere() -> None:
    assert names(read("sent hannah müller the deck", contacts=["Hannah Müller"])) == [
        "Hannah Müller"
    ]


def test_pronouns_are_the_one_person_the_answers_name() -> None:
    reading = read("Walk with Elena Rossi", "Helped her test an app", "Asked him nothing")
    assert reading.gives[0].person == "Elena Rossi"
    two = read("Coffee with Ana and Tom", "Helped her with a CV")
    assert two.gives[0].person is None  # two people: not guessed


def test_gives_and_asks_each_name_their_person() -> None:
    reading = read(
        "-", "Sent Ana the article and reviewed Tom Lee's CV", "Asked Peter for an intro"
    )
    assert [(e.text, e.person) for e in reading.gives] == [
        ("Sent Ana the article", "Ana"),
        ("reviewed Tom Lee's CV", "Tom Lee"),
    ]
    assert [e.person for e in reading.asks] == ["Peter"]


def test_a_give_without_anyone_is_kept_without_a_person() -> None:
    assert read(gave="Wrote a blog post").gives[0].person is None


def test_introducing_someone_is_a_give_to_the_first() -> None:
    reading = read("Drinks with Joanna and Pieter", "Introduced Joanna to Pieter")
    assert reading.gives[0].person == "Joanna"


@pytest.mark.parametrize(
    ("follow", "expected"),
    [
        (
            "Ping João next Tuesday about the intro, and check in with Maria in two weeks",
            [
                ("João", date(2026, 12, 1), "Ping João about the intro"),
                ("Maria", date(2026, 12, 8), None),
            ],
        ),
        (
            "Wei: Thursday\nAnna: in 3 days",
            [("Wei", date(2026, 11, 26), None), ("Anna", date(2026, 11, 27), None)],
        ),
        ("Kate: tomorrow, send CV", [("Kate", date(2026, 11, 25), "send CV")]),
        ("follow up with george on friday", [("George", date(2026, 11, 27), None)]),
        (
            "Call Tom and Sarah end of the month",
            [
                ("Tom", date(2026, 11, 30), "Call Tom and Sarah"),
                ("Sarah", date(2026, 11, 30), "Call Tom and Sarah"),
            ],
        ),
        (
            "Send Hiroshi the translation on 2026-12-05",
            [("Hiroshi", date(2026, 12, 5), "Send Hiroshi the translation")],
        ),
        ("Pieter on 1 December", [("Pieter", date(2026, 12, 1), None)]),
        ("Thank Elena on Monday", [("Elena", date(2026, 11, 30), "Thank Elena")]),
        (
            "Nadia on Thursday: share the deck; Peter in two weeks",
            [("Nadia", date(2026, 11, 26), "share the deck"), ("Peter", date(2026, 12, 8), None)],
        ),
    ],
)
def test_followups_each_with_person_date_and_note(follow: str, expected: list) -> None:
    items = read(follow=follow).followups
    assert [(f.person, f.day, f.note) for f in items] == expected


def test_names_from_earlier_answers_head_followups_without_cues() -> None:
    reading = read("met kaveh and noura at the hackathon", follow="kaveh tomorrow noura friday")
    assert [(f.person, f.day) for f in reading.followups] == [
        ("Kaveh", date(2026, 11, 25)),
        ("Noura", date(2026, 11, 27)),
    ]
    may = read("Coffee with May Chen", follow="May — Wednesday next week")
    assert [(f.person, f.day) for f in may.followups] == [("May Chen", date(2026, 12, 2))]


def test_a_followup_keeps_its_time_of_day() -> None:
    (item,) = read(follow="Ben Friday at 10am").followups
    assert (item.day, item.at) == (date(2026, 11, 27), time(10, 0))


def test_a_followup_without_a_date_is_left_to_ask() -> None:
    (item,) = read(follow="send Wei the deck").followups
    assert item.day is None and item.needs_date and item.note == "send Wei the deck"


def test_a_date_with_two_readings_is_left_to_ask() -> None:
    (item,) = read(follow="Priyanka 3/12").followups
    assert item.day is None and item.options == (date(2026, 12, 3), date(2027, 3, 12))


def test_a_past_date_is_left_to_ask() -> None:
    (item,) = read(follow="Ben yesterday").followups
    assert item.day is None and item.past


def test_a_name_is_never_a_cue_or_a_verb() -> None:
    reading = read("Ping João next Tuesday about the intro, and check in with Maria in two weeks")
    assert names(reading) == ["João", "Maria"]


def test_the_free_text_forms_of_followup_gave_and_asked_use_the_same_reader() -> None:
    (item,) = read_followup_text("ping João next Tuesday about the intro", [], NOW)
    assert (item.person, item.day, item.note) == (
        "João",
        date(2026, 12, 1),
        "ping João about the intro",
    )
    exchange = read_exchange_text("sent Sally Jones the article", [])
    assert exchange is not None and exchange.person == "Sally Jones"


def test_the_reading_round_trips_through_json() -> None:
    reading = read(
        "Coffee with Maria Santos from Stripe",
        "Sent Maria a link",
        "-",
        "Maria 3/12",
        ["Maria Santos"],
    )
    assert Reading.from_json(reading.to_json()) == reading


def test_renaming_a_person_follows_them_everywhere() -> None:
    reading = read("Coffee with Maria", "Sent Maria a link", "-", "Maria tomorrow")
    renamed = reading.renamed("Maria", "Maria Lopez")
    assert names(renamed) == ["Maria Lopez"]
    assert renamed.gives[0].person == "Maria Lopez"
    assert renamed.followups[0].person == "Maria Lopez"
    assert renamed.people[0].channel == Channel.IN_PERSON


def test_a_role_after_a_name_is_the_role_not_a_person() -> None:
    reading = read("LinkedIn msg to Dr. Rohan Mehta, Head of AI at Siemens Healthineers")
    assert [(p.name, p.company, p.role) for p in reading.people] == [
        ("Rohan Mehta", "Siemens Healthineers", "Head of AI")
    ]


def test_someone_who_made_something_is_a_person() -> None:
    assert "Kenji Watanabe" in names(read(follow="Send Beatriz the talk by Kenji Watanabe"))


def test_what_the_other_person_did_is_not_the_users_give_or_ask() -> None:
    reading = read(
        "Called Tomás Ibarra",
        "Lena Vogt gave me feedback",
        "Didn't ask anything, but Tomás offered to refer me",
    )
    assert [e.person for e in reading.gives] == [None]
    assert all(e.person is None for e in reading.asks)
    mine = read("Coffee with Dario Benedetti", "Dario got a list of VC contacts from me")
    assert [e.person for e in mine.gives] == ["Dario Benedetti"]


def test_given_names_that_are_words_need_a_cue_in_lower_case() -> None:
    contacts = ["Mark Jensen"]
    assert names(read(follow="need to mark the hackathon in my calendar", contacts=contacts)) == []
    will = read("Lunch with Will Fischer", follow="will ping will on friday")
    assert [(f.person, f.day) for f in will.followups] == [("Will Fischer", date(2026, 11, 27))]


def test_a_meal_named_after_a_day_is_no_one() -> None:
    assert names(read("Taco Tuesday with the team + coffee with Jonah Eriksen")) == [
        "Jonah Eriksen"
    ]


def test_renaming_into_someone_named_later_keeps_what_each_said() -> None:
    reading = read("Coffee with Tom, then a Zoom call with Ana Lee", follow="Tom tomorrow")
    merged = reading.renamed("Tom", "Ana Lee")
    assert [(p.name, p.met, p.channel) for p in merged.people] == [
        ("Ana Lee", True, Channel.IN_PERSON)
    ]
    assert [f.person for f in merged.followups] == ["Ana Lee"]


def test_a_day_written_with_a_dot_keeps_its_month() -> None:
    (item,) = read("Met Jürgen Vogel", follow="I will write to Jürgen at 2. December").followups
    assert (item.person, item.day) == ("Jürgen Vogel", date(2026, 12, 2))


def test_a_name_after_a_word_leading_into_a_date_starts_no_new_followup() -> None:
    items = read("Lunch with Beatriz", follow="Send Beatriz the talk by Kenji Watanabe next week")
    assert [f.person for f in items.followups] == ["Beatriz"]
