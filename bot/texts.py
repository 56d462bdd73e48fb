"""Every word the bot says, in the coach's voice (docs/coaching.md: why each message exists).

Brief, warm, concrete, no guilt. Messages that come back daily have variants so the same
sentence does not repeat every day; the choice is deterministic per date so tests stay exact.

Only words live here, never logic: the presenters in `bot/presenters/` fill the templates. Each
sentence is whole (placeholders, never glued fragments), and each count has a (one, many)
pair.

Every sentence is marked for `pybabel extract`: `_("…")` (with `examples=…` when a constant is
filled in) and `P_("one", "many")` for a count. Reading `texts.X` gives it in the language of
whoever the bot is talking to (`bot.i18n`): this module's class translates each constant on
attribute access, so the constants stay plain `str`, tuples and dicts for callers, types and
tests, and English stays exactly what is written here. A new constant needs only its marker
(tests/bot/test_catalogues.py fails for an unmarked or untranslated one).
"""

import sys
import types
from collections.abc import Sequence
from typing import Any

from bot import i18n
from bot.i18n import P_, _
from domain.checkins import MAX_ANSWER_LENGTH, Question
from domain.contacts import Channel, InteractionKind, Tier
from domain.goals import GoalPart, Suggestion
from domain.imports import MAX_FILE_BYTES
from domain.pitch import PitchIssue

TIMEZONE_EXAMPLES = _("Berlin, New York, Europe/London, UTC+2 or +05:30")

BOT_DESCRIPTION = _(
    "Marathon is your networking accountability partner. On your networking days it asks four "
    "quick questions at your chosen time: who you reached, what you gave, what you asked for, "
    "what to follow up. Streaks show what consistency adds up to. A marathon, not a sprint."
)
BOT_SHORT_DESCRIPTION = _("A two-minute daily networking check-in. A marathon, not a sprint.")

# (command, menu description); the order is the order of /help and of Telegram's menu.
COMMANDS: Sequence[tuple[str, str]] = (
    ("checkin", _("Today's check-in; /checkin yesterday logs a missed day")),
    ("stats", _("Your streak and totals")),
    ("timezone", _("Set your timezone: /timezone Berlin")),
    ("checkintime", _("When the daily check-in comes: /checkintime 18:30")),
    ("days", _("Choose your networking days")),
    ("settings", _("All your settings in one place")),
    ("language", _("Change the language I speak")),
    ("mode", _("Your pace: job-searching or employed")),
    ("quiet", _("Quiet hours: /quiet 22:00-07:00 or /quiet off")),
    ("skip", _("Skip the current question")),
    ("cancel", _("Stop the current check-in")),
    ("pause", _("Take a break: /pause 1 week")),
    ("resume", _("End a pause")),
    ("followup", _("Remind me to follow up: /followup Sally friday — note")),
    ("followups", _("Follow-ups due soon")),
    ("contact", _("A contact's card: /contact Sally Jones")),
    ("contacts", _("Your network, warmest first")),
    ("gave", _("Log a give: /gave Sally an intro to Priya")),
    ("asked", _("Log an ask: /asked Tom for a 20-minute call")),
    ("goal", _("Your goal: what you want, who can help, where they gather")),
    ("pitch", _("Your elevator pitch, reviewed: /pitch I'm a…")),
    ("due", _("The next 7 days: check-ins and follow-ups")),
    ("calendar", _("Your follow-ups as a calendar file")),
    ("partner", _("An accountability partner, by invite link")),
    ("export", _("Download everything I hold about you")),
    ("forget", _("Delete all your data")),
    ("start", _("Welcome and setup")),
    ("help", _("What I can do")),
)

NAME_FALLBACK = _("there")  # "Hi there!" for someone without a first name

# --- onboarding -------------------------------------------------------------------------------

WELCOME = _(
    "Hi {name}! I'm Marathon, your networking accountability partner.\n\n"
    "On your networking days I'll ask four quick questions: who you connected with, what you "
    "gave, what you asked for, and what to follow up. Two minutes a day, week after week: "
    "dig the well before you're thirsty."
)
ASK_TIMEZONE = _(
    "First, your timezone, so check-ins arrive at your local time. Send a city or zone "
    "({examples}), or share your location.",
    examples=TIMEZONE_EXAMPLES,
)
SHARE_LOCATION_BUTTON = _("📍 Share my location")
KEEP_TIMEZONE_BUTTON = _("Keep {zone}")
ASK_CHECKIN_TIME = _("When should I check in each day? Tap a time, or send one like 18:30 or 6pm.")
ONBOARDING_DONE = _(
    "You're set: check-ins at {time} ({zone}), {days}.\nNext one: {next}.\n\n"
    "Want to warm up with a first check-in now?"
)
FIRST_CHECKIN_BUTTON = _("Start my first check-in")
WELCOME_BACK = _(
    "Welcome back, {name}! Everything you've logged is still here.\n"
    "Check-ins at {time} ({zone}), {days}. Next one: {next}.\n\n"
    "/checkin logs today, /stats shows your streak, /help lists the rest."
)

# --- settings ---------------------------------------------------------------------------------

TIMEZONE_SET = _("Timezone set to {zone}; it's {local_time} there now.")
FIXED_OFFSET_NOTE = _(
    "A fixed offset doesn't follow daylight saving. If your clocks change, send your city instead."
)
TIMEZONE_UNKNOWN = _(
    "I couldn't find a timezone called “{text}”. Try a city or zone, e.g. {examples}."
)
TIMEZONE_ASK = _(
    "Your timezone is {zone}. To change it, send a city or zone ({examples}) or share your "
    "location. /cancel keeps it."
)
LOCATION_UNKNOWN = _(
    "I couldn't tell the timezone from that spot. Send a city instead, e.g. Berlin."
)

CHECKIN_TIME_SET = _("Check-ins at {time} ({zone}), {days}.\nNext one: {next}.")
CHECKIN_TIME_BAD = _("I need a time like 18:00, 8:30 or 6pm. When should I check in?")
CHECKIN_TIME_ASK = _(
    "Your check-in comes at {time} ({zone}). Send a new time like 18:30 or 6pm, or /cancel."
)

DAYS_SHOW = _(
    "Networking days: {days}.\nTap a day to switch it on or off, or send e.g. /days mon-fri."
)
DAYS_SET = _("Networking days: {days}.\nNext check-in: {next}.")
DAYS_BAD = _("I couldn't read those days. Try /days mon-fri, /days mon,wed,fri or /days every day.")
DAYS_EMPTY = _(
    "Keep at least one day: a gentle pace beats stopping. Try /days mon,thu for a lighter week."
)
DAYS_DONE_BUTTON = _("Done")
DAY_ON_BUTTON = "✓ {day}"
TIME_CHOSEN_BUTTON = "{time} ✓"

SETTINGS_NEED_START = _("Let's get you set up first: send /start.")
NOTHING_PENDING = _("Nothing to cancel, you're all clear. /checkin starts a check-in.")
INPUT_CANCELLED = _("OK, nothing changed.")

# --- the check-in -----------------------------------------------------------------------------

PROMPTS = (
    _("Check-in time, {name}. Who did you reach today, and what did you give?"),
    _("Ready for today's check-in, {name}? Four quick questions, then you're done."),
    _("Hi {name}, your daily check-in is here. Even a quiet day is worth logging."),
    _("{name}, two minutes for your networking log? Small steps, every week, add up."),
)
PROMPT_WHY = _("(You chose {time} on {days}. /checkintime or /days changes that.)")
WELCOME_BACK_LINES = (
    _("Welcome back, {name}! Your streak waited for you."),
    _("Good to have you back, {name}. Your streak is right where you left it."),
    _("Welcome back, {name}. Rested? Your streak kept its place."),
)
WELCOME_BACK_ALONE = (
    _(
        "Welcome back, {name}! Your pause is over and your streak waited for you. Next check-in: "
        "{next}."
    ),
    _("Good to have you back, {name}. Check-ins pick up again {next}."),
    _("Welcome back, {name}. Your streak kept its place; the next check-in is {next}."),
)
WELCOME_BACK_WHY = _("(Your pause ended today. /pause takes another break whenever you need one.)")
REENGAGE_FIRST = (
    _(
        "Hi {name}, it's been a few quiet days, and that's fine. Log a quick check-in, or take a "
        "break?"
    ),
    _(
        "{name}, no pressure: a marathon has slower stretches. One tap logs today, or pause for a "
        "while."
    ),
    _(
        "Hey {name}, life gets busy. When you're ready, one tap gets you back in, or pause until "
        "things calm down."
    ),
)
REENGAGE_AGAIN = (
    _("Hi {name}, just checking in. Whenever you're ready, one tap is all it takes."),
    _("{name}, the door's open. Log a quick check-in whenever it suits you."),
    _("Still here when you want me, {name}. A quick check-in takes one tap."),
)
REENGAGE_WHY = _(
    "(Your last check-in prompts went unanswered, so I paused the daily ones. Any message from "
    "you brings them back.)"
)
QUICK_CHECKIN_BUTTON = _("✅ Quick check-in")
PAUSE_A_WHILE_BUTTON = _("⏸ Pause for a while")
QUICK_CHECKIN_DONE = _(
    "✅ Logged a check-in for today. Welcome back! Your daily check-ins resume on your next "
    "networking day."
)
QUICK_CHECKIN_ALREADY = _("You've already checked in today. Welcome back!")
START_CHECKIN_BUTTON = _("Start check-in")

QUESTION_TEXTS: dict[Question, str] = {
    Question.WHO: (
        _("1/4 · Who did you connect with today? Names help, e.g. “Sally (coffee), Tom (email)”.")
    ),
    Question.GAVE: (
        _(
            "2/4 · What value did you give first? An intro, an article, a congratulation: "
            "small gives count."
        )
    ),
    Question.ASK: (
        _(
            "3/4 · What specific ask or next step did you make? "
            "e.g. “asked Priya for a 20-minute call”."
        )
    ),
    Question.FOLLOWUP: (
        _("4/4 · Anything to follow up on? e.g. “Sally on Friday: send the article”.")
    ),
}
QUICK_REPLIES: dict[Question, str] = {
    Question.WHO: _("Nobody today"),
    Question.GAVE: _("Nothing this time"),
    Question.ASK: _("No ask today"),
    Question.FOLLOWUP: _("Nothing to follow up"),
}
CHECKIN_HINT = _("(/skip skips a question, /cancel stops.)")
CHECKIN_RESUMED = _("Picking up where we left off.")
QUICK_REPLY_ECHO = "{question}\n→ {answer}"
VAGUE_ASK_TIP = _(
    "Tip: a specific ask lands better than “let me know if anything comes up”: a named "
    "introduction, a 20-minute call, a referral for one role."
)
# The summary lists what the check-in understood, item by item, then asks what it must.
CHECKIN_UNDERSTOOD = _("✅ Check-in saved. Here's what I logged:")
UNDERSTOOD_PERSON = "👥 {name}{about}"
UNDERSTOOD_COMPANY = " ({company})"
UNDERSTOOD_CHANNEL = " · {channel}"
CHANNEL_NAMES = {"in_person": _("in person"), "call": _("call"), "message": _("message")}
UNDERSTOOD_GIVE = _("🎁 Gave{to}: {what}")
UNDERSTOOD_ASK = _("🙋 Asked{to}: {what}")
UNDERSTOOD_TO = " {name}"
UNDERSTOOD_FOLLOWUP = _("📌 Follow up with {name}, {when}")
UNDERSTOOD_NOTE = ": {note}"
UNDERSTOOD_WHICH = _("❓ Which {name} did you mean?")
UNDERSTOOD_WHEN = _("❓ When should I remind you about {name}{note}?")
UNDERSTOOD_TWO_DATES = _("❓ “{text}” could mean two dates: which one for {name}?")
UNDERSTOOD_PAST = _("❓ “{text}” has passed: when should I remind you about {name}?")
UNDERSTOOD_HINT = _(
    "Not quite right? ✎ Fix drops or changes an item; nothing to press if it's right."
)
UNDERSTOOD_NOTHING = _("✅ Check-in saved. Nobody named, nothing to log.")
UNDERSTOOD_MORE = _("… and {n} more")
FIX_MENU = _("Tap an item to drop it, or to change the person or the date.")
FIX_PERSON_ASK = _("Who was it instead of {name}? Send the name. /cancel keeps it as it is.")
FIX_PERSON_DONE = _("Changed: {old} → {new}.")
FIX_OK_BUTTON = _("✓ Looks right")
FIX_MENU_BUTTON = _("✎ Fix")
FIX_BACK_BUTTON = _("◂ Back")
FIX_DROP_BUTTON = "✕ {label}"
FIX_RENAME_BUTTON = _("✎ Not {name}?")
FIX_DATE_BUTTON = "📅 {name}"
FIX_SOMEONE_NEW = _("Someone new")
FIX_NO_REMINDER = _("No reminder")
FIX_QUICK_DAYS = {1: _("Tomorrow"), 3: _("In 3 days"), 7: _("Next week")}
FIX_GIVE_LABEL = _("Gave: {what}")
FIX_ASK_LABEL = _("Asked: {what}")
FIX_LABEL_LIMIT = 28
CHECKIN_QUIET_DAY = _("Quiet days happen. Showing up still counts.")
CHECKIN_CANCELLED = _(
    "Check-in stopped; your answers so far are kept. /checkin starts a fresh one."
)
NOTHING_TO_SKIP = _("There's no question open right now. /checkin starts a check-in.")
ANSWER_TOO_LONG = _(
    "That's more than I can keep ({limit} characters max). A line or two is plenty: "
    "could you shorten it?",
    limit=MAX_ANSWER_LENGTH,
)
ANSWER_EMPTY = _("I couldn't find any words in that. Type your answer, or /skip.")
ANSWER_NOT_TEXT = _("I can only read text answers. Type it out, or /skip this one.")
STALE_BUTTON = _("That button belongs to an earlier message; it no longer applies.")

STREAK_FIRST = _("Day 1 of your streak. Every marathon starts with one step.")
STREAK_GOING = _("🔥 {n} networking days in a row.")
STREAK_WEEKS = _("🔥 {n} networking days in a row. That's the consistency that compounds.")
# A missed networking day covered by a streak freeze: said once, in the next message that day.
# {n} is the freezes left, the count the pair agrees with.
FREEZE_COVERED = P_(
    "🧊 A freeze covered {weekday}; {n} left.",
    "🧊 A freeze covered {weekday}; {n} left.",
)
MILESTONE = {  # one line in the check-in summary, once per milestone
    7: _("🏅 A full week of networking days in a row: 7. The habit has started."),
    30: _("🏅 30 networking days in a row. This is what consistency looks like."),
    100: _("🏆 100 networking days in a row. Few people ever get here."),
    365: _("🏆 365 networking days in a row. A whole year of showing up."),
}
# /checkin yesterday: a missed day can still be logged until the end of the next day.
CHECKIN_YESTERDAY_BUTTON = _("📝 Log yesterday")
CHECKIN_YESTERDAY_START = _("Logging yesterday, {weekday} {day}: it counts for yesterday's streak.")
CHECKIN_YESTERDAY_DONE = _("Yesterday has its check-in already; /checkin logs today.")
CHECKIN_YESTERDAY_BUSY = _(
    "A check-in is in progress: finish it, or /cancel it, then /checkin yesterday."
)
CHECKIN_YESTERDAY_TOO_LATE = _(
    "That day can't be logged any more: only yesterday can, until the end of today."
)
CHECKIN_ARGUMENT = _("/checkin logs today; /checkin yesterday logs yesterday, until midnight.")

# --- follow-ups -------------------------------------------------------------------------------

FOLLOWUP_ASK_NAME = _(
    "Who do you want to follow up with? Send a name, e.g. Sally Jones. /cancel stops."
)
FOLLOWUP_ASK_WHEN = _(
    "When should I remind you about {name}? e.g. tomorrow, next tuesday, in 3 days or "
    "2026-12-01 10:00."
)
FOLLOWUP_ASK_NOTE = _("Anything to remember for {name}? e.g. “send the article”.")
NO_NOTE_BUTTON = _("No note")
FOLLOWUP_UNREADABLE = _(
    "I couldn't read “{text}” as a date. Try tomorrow, next tuesday, in 3 days or 2026-12-01 10:00."
)
FOLLOWUP_PAST = _("{when} has already passed. When should I remind you instead?")
FOLLOWUP_AMBIGUOUS = _("“{text}” could mean two dates. Which one do you mean?")
FOLLOWUP_SET = _("Follow-up set: {name}, {when}.")
FOLLOWUP_SET_NOTE = _("Follow-up set: {name}, {when}.\n{note}")
FOLLOWUP_PESTER = _(
    "That's {count} follow-ups to {name} without a reply. Chasing can burn a bridge: give it "
    "some time, or give something first."
)
# Follow-up nudges: (plain, with the note) per variant; the day picks the variant.
NUDGE_FIRST = (
    (
        _("Time to follow up with {name}.\n{last}"),
        _("Time to follow up with {name}: {note}.\n{last}"),
    ),
    (
        _("{name} is on your list for today.\n{last}"),
        _("{name} is on your list for today: {note}.\n{last}"),
    ),
    (
        _("Today's the day to get back to {name}.\n{last}"),
        _("Today's the day to get back to {name}: {note}.\n{last}"),
    ),
)
NUDGE_AGAIN = (
    (_("A gentle reminder: {name}.\n{last}"), _("A gentle reminder: {name}: {note}.\n{last}")),
    (_("Still on your list: {name}.\n{last}"), _("Still on your list: {name}: {note}.\n{last}")),
    (
        _("When you have a minute: {name}.\n{last}"),
        _("When you have a minute: {name}: {note}.\n{last}"),
    ),
)
NUDGE_REST = (
    (
        _(
            "Still want to follow up with {name}? A few reminders went by; sometimes letting it "
            "rest is the kind move."
        ),
        _(
            "Still want to follow up with {name}: {note}? A few reminders went by; sometimes "
            "letting it rest is the kind move."
        ),
    ),
    (
        _("Last reminder about {name}. If it no longer fits, letting it rest is fine."),
        _("Last reminder about {name}: {note}. If it no longer fits, letting it rest is fine."),
    ),
    (
        _(
            "{name} has come up a few times now. Follow up today, or let it rest: both are good "
            "answers."
        ),
        _(
            "{name} has come up a few times now ({note}). Follow up today, or let it rest: both "
            "are good answers."
        ),
    ),
)
NUDGE_WHY = _("(You set this on {set_on}.)")
LAST_TALKED = _("You last talked {ago}.")
NEVER_TALKED = _("No conversation with them logged yet.")
DONE_BUTTON = _("✓ Done")
SNOOZE_DAY_BUTTON = _("Snooze 1 day")
SNOOZE_WEEK_BUTTON = _("Snooze 1 week")
DROP_BUTTON = _("Drop")
REST_BUTTON = _("Let it rest")
FOLLOWUP_DONE = _("✅ Followed up with {name}. That's how relationships stay warm.")
FOLLOWUP_SNOOZED = _("⏰ Snoozed: {name} comes back {when}.")
FOLLOWUP_DROPPED = _("Dropped the follow-up with {name}.")
FOLLOWUP_RESTING = _(
    "Letting it rest. If {name} gets back to you, tap “They replied” in /contact {name}."
)
FOLLOWUPS_EMPTY = _(
    "Nothing due in the next 7 days. Set one with e.g. /followup Sally friday — send the article"
)
FOLLOWUPS_HEADER = _("Your follow-ups")
FOLLOWUPS_SECTIONS = {"overdue": _("Overdue"), "today": _("Today"), "soon": _("Next 7 days")}
FOLLOWUPS_LINE = "• {name} ({when})"
FOLLOWUPS_LINE_NOTE = "• {name} — {note} ({when})"
LIST_DONE_BUTTON = "✓ {name}"
LIST_SNOOZE_DAY_BUTTON = _("+1d")
LIST_SNOOZE_WEEK_BUTTON = _("+1w")
LIST_DROP_BUTTON = "✕"
MORE_BUTTON = _("More ▸")
BACK_BUTTON = _("◂ Back")

# --- contacts ---------------------------------------------------------------------------------

SAME_PERSON = _("Is {new} the same person as {existing}?")
SAME_PERSON_BUTTON = _("Same person")
NEW_PERSON_BUTTON = _("No, someone new")
MERGED = _("Merged: {new} is now part of {existing}.")
KEPT_APART = _("Got it: {new} is someone new.")
CONTACTS_EMPTY = _(
    "No contacts yet. They appear as you check in, or add one with /contact Sally Jones."
)
CONTACTS_HEADER = _("Your network, warmest first ({count} people):")
CONTACTS_LINE = "• {name} · {when}"
CONTACTS_LINE_TIER = "• {name} · {tier} · {when}"
CONTACT_USAGE = _("Which contact? e.g. /contact Sally Jones")
CONTACT_CARD = _(
    "👤 {name}\n"
    "Tier: {tier}\n"
    "Company/role: {company}\n"
    "How you met: {how_met}\n"
    "Keep in touch: {interval}\n"
    "Last talked: {last}\n"
    "Gives: {gives} · asks: {asks}"
)
CONTACT_HISTORY = _("Recent:")
HISTORY_LINE = "• {when}: {kind}"
HISTORY_LINE_CHANNEL = "• {when}: {kind}, {channel}"
HISTORY_LINE_NOTE = "• {when}: {kind}: {note}"
HISTORY_LINE_CHANNEL_NOTE = "• {when}: {kind}, {channel}: {note}"
NOT_SET = "—"
TIER_UNSET = _("not set (tap one below)")
INTERVAL_EVERY = _("every {days} days")
INTERVAL_OFF = _("off")
COMPANY_BUTTON = _("Company/role")
HOW_MET_BUTTON = _("How we met")
REPLIED_BUTTON = _("↩︎ They replied")
INTERVAL_BUTTONS = {14: _("2 weeks"), 30: _("1 month"), 90: _("3 months"), 0: _("No reminders")}
ASK_COMPANY = _("Where does {name} work, and as what? e.g. “Acme, Head of Design”.")
ASK_HOW_MET = _("How did you meet {name}? e.g. “at PyCon 2025”.")
CONTACT_UPDATED = _("Saved.")
REPLY_LOGGED = _("↩︎ Logged: {name} replied. Two-way beats one-way every time.")
NEVER = _("never")

# Coaching nudges (principles 2, 3, 5 and 9): each at most three lines and one action.
KEEP_WARM = (
    _("A few people worth a hello: {people}.\nA two-line note keeps a relationship warm."),
    _("Time to reconnect with {people}.\nAsk how they are, or share something useful."),
    _("It's been a while with {people}.\nA short hello now beats a long one later."),
)
KEEP_WARM_PERSON = _("{name} (last talked {ago})")
KEEP_WARM_PERSON_TIER = _("{name} ({tier}, last talked {ago})")
KEEP_WARM_PERSON_NEW = _("{name} (not talked yet)")
KEEP_WARM_PERSON_NEW_TIER = _("{name} ({tier}, not talked yet)")
KEEP_WARM_WHY = _("(They are past their keep-in-touch interval. /contact <name> changes it.)")
REACH = (
    _(
        "Your last two weeks were all peers: good company, but people who hire, decide or connect "
        "open more doors. Who is one insider or decision-maker you could reach this week?"
    ),
    _(
        "Two weeks of peers only. This week, try one conversation with someone who can hire, "
        "decide or introduce you."
    ),
    _(
        "Peers are great for support; doors open through insiders, decision-makers and "
        "connectors. Who could you reach out to this week?"
    ),
)
REACH_WHY = _(
    "(You reached {peers} and no decision-makers, insiders or connectors in 14 days. "
    "Set someone's tier with /contact <name>.)"
)
GIVE_FIRST_NUDGE = (
    _(
        "Lately you've asked more than you've given. Who could you help this week: an intro, an "
        "article, a kind word?"
    ),
    _(
        "Giving first builds the trust your asks need. Pick one person and send them something "
        "useful today."
    ),
    _(
        "Your ledger leans toward asks. One small give this week (a congratulation, a link, an "
        "intro) rebalances it."
    ),
)
GIVE_FIRST_WHY = _("(In the last 14 days you logged {asks} and {gives}. /gave logs a give.)")
ASKS = P_("{n} ask", "{n} asks")
GIVES = P_("{n} give", "{n} gives")
ONLINE_ONLY = (
    _(
        "Everything lately happened on screens. Could one thread become a coffee or a call this "
        "week?"
    ),
    _(
        "A face-to-face chat lands differently. Who could you meet for coffee, or at an event, "
        "this week?"
    ),
    _(
        "Messages keep things going; meeting moves them forward. Invite one person for a call or a "
        "walk."
    ),
)
ONLINE_ONLY_WHY = _(
    "(The last 14 days held {interactions}, none in person or by call. Notes like "
    "“Sally (coffee)” in a check-in tell me how you met.)"
)
INTERACTIONS = P_("{n} logged interaction", "{n} logged interactions")

# --- give first -------------------------------------------------------------------------------

GAVE_USAGE = _("Tell me who and what, e.g. /gave Sally an intro to Priya")
ASKED_USAGE = _("Tell me who and what, e.g. /asked Tom for a 20-minute call")
GAVE_LOGGED = _("🎁 Logged your give to {name}: {what}. Giving first is how trust starts.")
ASKED_LOGGED = _("Logged your ask to {name}: {what}.")
GIVE_FIRST = _(
    "You haven't logged a give to {name} yet. Asks land better after a give. Some ideas:\n"
    "{ideas}\n\nLog the ask anyway?"
)
IDEA_LINE = "• {idea}"
GIVE_IDEAS = (
    _("share an article they'd find useful"),
    _("make an introduction they'd value"),
    _("congratulate them on a recent win"),
    _("offer a skill of yours for an hour"),
)
ASK_ANYWAY_BUTTON = _("Log the ask anyway")
GIVE_FIRST_BUTTON = _("I'll give first")
GIVE_FIRST_OK = _("Good call. Log it with /gave {name} … when you've given.")

# --- imports ----------------------------------------------------------------------------------

IMPORT_DONE = _(
    "Imported {new} new contacts ({known} you already had). A handful of warm relationships "
    "beats hundreds of names: pick three to reconnect with this week. /contacts"
)
IMPORT_FAILED = _("I couldn't import that file: {reason}. Nothing was imported.")
IMPORT_PROBLEMS = {  # domain.imports.ImportProblem: why a file was not imported
    "too_big": _(
        "the file is larger than {megabytes} MB; please send a smaller one",
        megabytes=MAX_FILE_BYTES // 2**20,
    ),
    "neither_format": _(
        "I can read LinkedIn's Connections.csv or contacts saved as vCards (.vcf), "
        "and this file looks like neither"
    ),
    "not_utf8": _("the file is not UTF-8 text"),
    "not_text": _("the file is not text"),
    "too_many": _(
        "the file has more than {limit:,} contacts; please split it or keep the ones that matter"
    ),
    "csv_extra_values": _("line {line} has more values than the header"),
    "csv_invalid_line": _("line {line} is not valid CSV"),
    "csv_invalid_start": _("the start of the file is not valid CSV"),
    "not_linkedin": _("this doesn't look like LinkedIn's Connections.csv: no 'First Name' column"),
    "linkedin_column_missing": _(
        "this doesn't look like LinkedIn's Connections.csv: no '{column}' column"
    ),
    "no_vcard": _("no vCard found in the file (it has no BEGIN:VCARD)"),
    "vcard_unfinished": _("the vCard on line {line} has no END:VCARD"),
    "vcard_end_without_begin": _("line {line} has END:VCARD without BEGIN:VCARD"),
    "vcard_outside": _("line {line} is outside any vCard"),
    "vcard_unreadable_property": _("the vCard on line {line} has an unreadable {name} property"),
    "vcard_unknown_charset": _("the vCard on line {line} uses an unknown character set"),
    "vcard_wrong_charset": _(
        "the vCard on line {line} has text that doesn't match its character set"
    ),
}
IMPORT_NOT_DOWNLOADED = _("I could not download it from Telegram")
IMPORT_UNSUPPORTED = _(
    "I can import LinkedIn's Connections.csv (from its data export) or a .vcf contacts file."
)

# --- stats ------------------------------------------------------------------------------------

STATS_EMPTY = _("No check-ins yet. The first one takes two minutes: /checkin")
STREAK_DAYS = P_("{n} day", "{n} days")
STATS = _(
    "📈 Your marathon so far\n\n"
    "Current streak: {current}\n"
    "Longest streak: {longest}\n"
    "Last 7 days: {week} check-ins\n"
    "Last 30 days: {month} check-ins\n"
    "All time: {total} check-ins\n\n"
    "{cheer}\n"
    "(Streaks count your networking days: {days}.)"
)
# Under the streaks in /stats: the freezes held, and the days they covered lately.
STATS_FREEZES = P_(
    "🧊 {count} streak freeze held: it covers a missed networking day. You earn one for every "
    "{every} networking days in a row, up to {most}.",
    "🧊 {count} streak freezes held: each covers a missed networking day. You earn one for "
    "every {every} networking days in a row, up to {most}.",
)
STATS_FROZEN = _("🧊 Covered by a freeze: {days}.")
STATS_NETWORK = _(
    "\n\n🤝 Your network, last 30 days\n"
    "Gives: {gives} · asks: {asks} (give:ask {ratio})\n"
    "Follow-ups done on time: {on_time} of {done} · overdue now: {overdue}\n"
    "People reached: {tiers}\n"
    "Warm relationships: {warm} (two-way in the last 90 days)\n"
    "In person: {in_person}"
)
TIER_COUNTS: dict[Tier | None, tuple[str, str]] = {  # (one, many), in this order
    Tier.DECISION_MAKER: P_("{n} decision-maker", "{n} decision-makers"),
    Tier.INSIDER: P_("{n} insider", "{n} insiders"),
    Tier.CONNECTOR: P_("{n} connector", "{n} connectors"),
    Tier.PEER: P_("{n} peer", "{n} peers"),
    None: P_("{n} without a tier", "{n} without a tier"),
}
TIER_COUNTS_PEERS = TIER_COUNTS[Tier.PEER]
NOBODY_YET = _("nobody yet")
IN_PERSON_SHARE = _("{share} of {total}")  # 40% of 5: the share in the language's own way
RATIO = "{gives}:{asks}"
NONE_YET = "—"
CHEER_TODAY_OPEN = _("Today is still open: /checkin keeps the streak going.")
CHEER_RESTART = _("A fresh start is one check-in away. No catching up needed.")
CHEER_STEADY = _("Steady weeks beat heroic days. Keep the pace.")

# --- your data --------------------------------------------------------------------------------

NOTHING_STORED = _(
    "I don't hold anything about you: no settings, no check-ins, no contacts, so there's "
    "nothing to export or delete. /start sets you up whenever you like."
)
EXPORT_CAPTION = _("Everything I hold about you, as of {day}. README.txt explains each file.")
EXPORT_README = _("""Your Marathon data, exported {exported_at} UTC.

README.txt        this file
data.json         everything I hold about you, table by table, exactly as stored
checkins.csv      one row per check-in; your answers are the columns who, gave, ask and
                  followup (empty when skipped or answered "nothing today")
contacts.csv      the people in your network
interactions.csv  what happened with whom; contact_name is filled in for you

In data.json, goals holds your goal (what you want, the roles who can help, where they
gather), goal_targets your target companies in the order you gave them, and pitches every
version of your elevator pitch, oldest first. In users, language is the language I speak
with you. partners lists your accountability partners by name and since when;
partner_invites the invite links you made (only a fingerprint of each).

Days are written YYYY-MM-DD (your local date); moments in time are ISO 8601 in UTC.
networking_days adds up your days: Monday 1, Tuesday 2, Wednesday 4, Thursday 8,
Friday 16, Saturday 32, Sunday 64 (so Monday to Friday is 31).

The CSV files are UTF-8 and open in any spreadsheet. Sending /forget to the bot deletes all
of this.
""")
FORGET_ASK = _(
    "This deletes everything I hold about you: your settings and anything not yet "
    "sent. There's no undo.\n\nWant a copy first? /export"
)
FORGET_ASK_COUNTS = _(
    "This deletes everything I hold about you: {counts}, your settings and anything not yet "
    "sent. There's no undo.\n\nWant a copy first? /export"
)
FORGET_COUNTS = {  # (one, many) per table, in the order they are listed
    "checkins": P_("{n} check-in", "{n} check-ins"),
    "contacts": P_("{n} contact", "{n} contacts"),
    "followups": P_("{n} follow-up", "{n} follow-ups"),
}
FORGET_YES_BUTTON = _("Delete everything")
FORGET_NO_BUTTON = _("Keep my data")
FORGET_DONE = _(
    "Done: everything I held about you is deleted. If you ever want to pick the habit up "
    "again, /start begins fresh."
)
FORGET_KEPT = _("Nothing deleted. Your data stays just as it was.")


# --- everything else --------------------------------------------------------------------------

HELP_HEADER = _("Here's what I can do:")
HELP_LINE = "/{command} — {description}"
UNKNOWN_COMMAND = _("I don't know {command}. /help lists everything I can do.")
STRAY_TEXT = _(
    "I'm not sure what to do with that. /checkin starts a check-in; /help lists the rest."
)
NOT_TEXT = _("I can only read text messages. /help lists what I can do.")
PRIVATE_ONLY = _(
    "I coach one person at a time. Message me in a private chat: tap my name, then Message."
)
SOMETHING_WENT_WRONG = _("Sorry, something went wrong on my side. Please try again in a moment.")


# --- people, tiers and channels -----------------------------------------------------------------

TIER_LABELS: dict[Tier, str] = {
    Tier.DECISION_MAKER: _("decision-maker"),
    Tier.INSIDER: _("insider"),
    Tier.CONNECTOR: _("connector"),
    Tier.PEER: _("peer"),
}
CHANNEL_LABELS: dict[Channel, str] = {
    Channel.IN_PERSON: _("in person"),
    Channel.CALL: _("call/video"),
    Channel.MESSAGE: _("message"),
}
INTERACTION_LABELS: dict[InteractionKind, str] = {
    InteractionKind.MET: _("met"),
    InteractionKind.FOLLOWUP: _("followup"),
    InteractionKind.REPLY: _("reply"),
    InteractionKind.GIVE: _("give"),
    InteractionKind.ASK: _("ask"),
}

# --- days, dates and amounts of time ------------------------------------------------------------

# Weekday and month names come from Babel (bot.i18n); these are the phrases that inflect them.
ON_WEEKDAYS = (  # "in 3 days" / "on Monday": a phrase each, since languages decline the day
    _("on Monday"),
    _("on Tuesday"),
    _("on Wednesday"),
    _("on Thursday"),
    _("on Friday"),
    _("on Saturday"),
    _("on Sunday"),
)
EVERY_WEEKDAY = (  # "your weekly review comes on Tuesdays"
    _("on Mondays"),
    _("on Tuesdays"),
    _("on Wednesdays"),
    _("on Thursdays"),
    _("on Fridays"),
    _("on Saturdays"),
    _("on Sundays"),
)
LIST_SEPARATOR = ", "
DAY_RANGE = "{first}–{last}"  # three or more networking days in a row
EVERY_DAY = _("every day")
WEEKENDS = _("weekends")
NO_DAYS = _("no days")

TODAY = _("today")
TOMORROW = _("tomorrow")
YESTERDAY = _("yesterday")
IN_AMOUNT = _("in {amount}")
AMOUNT_AGO = _("{amount} ago")
DAYS = P_("{n} day", "{n} days")
WEEKS = P_("{n} week", "{n} weeks")
MONTHS = P_("{n} month", "{n} months")
YEARS = P_("{n} year", "{n} years")

AT_TODAY = _("today at {time}")
AT_TOMORROW = _("tomorrow at {time}")
AT_WEEKDAY = _("{weekday} at {time}")
AT_DATE = _("{date} at {time}")  # 3 Dec at 18:00
NOT_SCHEDULED = _("not scheduled")
DATE_AND_TIME = _("{date}, {time}")  # Tue 1 Dec, 18:00


# --- the weekly review ------------------------------------------------------------------------

REVIEW_TITLES = (
    _("📅 Your week in networking"),
    _("📅 Your week, in numbers"),
    _("📅 How the week went"),
)
REVIEW = _(
    "{title}\n\n"
    "Check-ins: {checkins} of {days} networking days\n"
    "People reached: {tiers}\n"
    "Gives: {gives} · asks: {asks}\n"
    "Follow-ups done: {done} · overdue now: {overdue}\n"
    "In person or by call: {live}\n"
    "Warm relationships: {warm}\n\n"
    "{focus}"
)
FOCUS = {  # one action for next week, from the weakest principle (domain/review.py)
    "show_up": _(
        "Focus for next week: show up. Two minutes on each networking day keeps the habit "
        "alive; a quiet day still counts."
    ),
    "close_loops": _(
        "Focus for next week: close your loops. Start with the overdue follow-ups in /followups."
    ),
    "give_first": _(
        "Focus for next week: give first. One useful intro, article or congratulation "
        "before any ask."
    ),
    "reach_up": _(
        "Focus for next week: reach up. One conversation with someone who can hire, "
        "decide or connect."
    ),
    "meet_live": _(
        "Focus for next week: meet someone. Turn one message thread into a coffee or a call."
    ),
    "keep_warm": _(
        "Focus for next week: keep it warm. Pick three people you haven't talked to in a "
        "while and say hello."
    ),
}
REVIEW_WHY = _(
    "(Your weekly review comes {on_weekdays} at your check-in time. /settings changes it.)"
)

# --- switching kinds of nudges off -------------------------------------------------------------

KIND_NAMES = {  # plural, as in "keep-warm nudges are off"
    "checkin": _("daily check-in prompts"),
    "followup": _("follow-up reminders"),
    "keepwarm": _("keep-warm nudges"),
    "reach": _("reach-up nudges"),
    "givefirst": _("give-first nudges"),
    "online": _("meet-in-person nudges"),
    "review": _("weekly reviews"),
    "reengage": _("messages after quiet spells"),
    "partnerquiet": _("quiet-partner suggestions"),
    "partnernudge": _("nudges from partners"),
}
KIND_OFF_BUTTON = _("🔕 No more {kind}")
KIND_OFF_DONE = _("Done: no more {kind}. /settings turns them back on.")
KIND_ON_DONE = _("{kind} are on again.")

# --- pausing ----------------------------------------------------------------------------------

PAUSE_ASK = _(
    "Taking a break? I'll go quiet and your streak stays frozen until you're back. For how long?"
)
PAUSE_DAYS_BUTTON = {3: _("3 days"), 7: _("1 week"), 14: _("2 weeks"), 0: _("Until I say")}
PAUSED_UNTIL = _(
    "⏸ Paused. No messages from me until {day}, and your streak is frozen meanwhile. "
    "/resume ends the pause early."
)
PAUSED_OPEN = _(
    "⏸ Paused. No messages from me until you send /resume; your streak is frozen meanwhile."
)
PAUSE_PROBLEMS = {
    "unreadable": _(
        "I couldn't read that. Try /pause 5 days, /pause 2 weeks or /pause until 2026-12-28."
    ),
    "past": _("That day has already come. Try a day in the future, e.g. /pause until friday."),
    "too_long": _(
        "That's more than a year away. Try a shorter pause; /pause until I say works too."
    ),
}
RESUMED = _("▶️ Welcome back! Check-ins are on again; the next one is {next}.")
NOT_PAUSED = _("You're not paused. /pause takes a break whenever you need one.")


# --- settings: /settings, /mode, /quiet and the onboarding's pace question -----------------------

SETTINGS = _(
    "⚙️ Your settings\n\n"
    "Check-in: {time} ({zone})\n"
    "Days: {days}\n"
    "Pace: {mode}\n"
    "Quiet hours: {quiet}\n"
    "Weekly review: {review}\n"
    "{nudges}\n"
    "{pause}\n\n"
    "Tap a section to change it."
)
SETTINGS_NUDGES_ALL_ON = _("Nudges: all on")
SETTINGS_NUDGES_OFF = _("Nudges off: {kinds}")
SETTINGS_PAUSE_OFF = _("Pause: off")
SETTINGS_PAUSE_UNTIL = _("Pause: until {day}")
SETTINGS_PAUSE_OPEN = _("Pause: until you say")
QUIET_SPAN = "{start}–{end}"  # 21:00–08:00
QUIET_OFF = _("off")
MODE_NAMES = {  # as the summary and the replies name a pace
    "searching": _("job-searching"),
    "employed": _("employed, keeping your network warm"),
}

# The sections, as buttons under the summary.
SECTION_BUTTONS = {
    "time": _("🕒 Check-in time"),
    "zone": _("🌍 Timezone"),
    "days": _("📅 Days"),
    "pace": _("🏃 Pace"),
    "quiet": _("🌙 Quiet hours"),
    "review": _("📊 Weekly review"),
    "nudges": _("🔔 Nudges"),
    "pause": _("⏸ Pause"),
    "partner": _("🤝 Partner"),
    "language": _("🌐 Language"),
}
# /language and its section: each translation names its own language.
LANGUAGE_SHOW = _("I'm speaking English with you. Tap a language to switch.")
LANGUAGE_CHANGED = _("Language: English")
CHOSEN_BUTTON = "✓ {label}"
KIND_STATE_ON_BUTTON = "✓ {kind}"
KIND_STATE_OFF_BUTTON = "✗ {kind}"

SETTINGS_TIME = _(
    "Check-ins come at {time} ({zone}), {days}. Next one: {next}.\n\n"
    "Tap a time, or send any other like /checkintime 7:45."
)
SETTINGS_ZONE = _(
    "Your timezone is {zone}; it's {local_time} there now.\n\n"
    "To change it, send /timezone <city> (e.g. {examples}) or share your location."
)
SETTINGS_DAYS = _(
    "Networking days: {days}.\nTap a day to switch it on or off; at least one stays on."
)
SETTINGS_PACE = _(
    "Your pace: {mode}, networking on {days}.\n\n"
    "Job-searching: most days ({searching_days}). Employed: a lighter pace ({employed_days}) "
    "that keeps your network warm, never off."
)
SETTINGS_PACE_PROPOSAL = _(
    "Pace set: {mode}.\nThat pace usually means networking on {proposed}; yours are {days}. "
    "Switch to {proposed}?"
)
MODE_BUTTONS = {"searching": _("Job-searching"), "employed": _("Employed")}
USE_DAYS_BUTTON = _("Use {days}")
KEEP_DAYS_BUTTON = _("Keep {days}")
SETTINGS_QUIET = _(
    "Quiet hours: {start}–{end}.\n"
    "Nudges I start myself wait until they end; your check-in, your weekly review and a "
    "follow-up's first reminder still come at the times you chose.\n\n"
    "Tap a preset, or send e.g. /quiet 22:00-07:00 or /quiet off."
)
SETTINGS_QUIET_OFF = _(
    "Quiet hours: off. My nudges may come at any hour.\n\n"
    "Tap a preset, or send e.g. /quiet 22:00-07:00."
)
QUIET_OFF_BUTTON = _("Off")
SETTINGS_REVIEW = _(
    "Your weekly review comes {on_weekdays} at your check-in time ({time}): the week in "
    "numbers and one focus for the next.\nTap a day to move it."
)
SETTINGS_REVIEW_SWITCHED_OFF = _(
    "Your weekly review is switched off (it would come {on_weekdays}). Turn it on under "
    "Nudges; tap a day to move it."
)
SETTINGS_NUDGES = _(
    "Which messages should I send on my own? Tap one to switch it off or on (✓ on, ✗ off)."
)
SETTINGS_NOT_PAUSED = _(
    "You're not paused. A pause silences every message from me and freezes your streak. "
    "For how long?"
)
SETTINGS_PAUSED_UNTIL = _(
    "⏸ Paused until {day}: no messages from me, and your streak is frozen meanwhile."
)
SETTINGS_PAUSED_OPEN = _(
    "⏸ Paused until you say: no messages from me, and your streak is frozen meanwhile."
)
RESUME_NOW_BUTTON = _("▶️ Resume now")

# One-line confirmations (the answer to a tap, or the reply to a command).
TIME_CHANGED = _("Check-in time: {time}")
ONBOARDING_TIME_SET = _("Check-ins at {time}.")  # a time set while onboarding asks its questions
ONBOARDING_SKIPPED = _("Skipped: the default stays (you can change it any time in /settings).")
# Someone who logged something before finishing /start hears what the rest waits for.
WAITS_FOR_START = _("Reminders start once you're set up: send /start (three quick questions).")
DAYS_CHANGED = _("Networking days: {days}")
PACE_CHANGED = _("Pace: {mode}")
DAYS_KEPT = _("Keeping {days}")
QUIET_CHANGED = _("Quiet hours: {start}–{end}")
QUIET_SWITCHED_OFF = _("Quiet hours: off")
REVIEW_CHANGED = _("Weekly review: {weekday}")
KIND_SWITCHED_OFF = _("🔕 Off: {kind}")
KIND_SWITCHED_ON = _("🔔 On: {kind}")
PAUSE_CHANGED_UNTIL = _("⏸ Paused until {day}")
PAUSE_CHANGED_OPEN = _("⏸ Paused until you say")
RESUMED_SHORT = _("▶️ Welcome back! Next check-in: {next}")
NOT_PAUSED_SHORT = _("You're not paused.")

# /quiet
QUIET_SET = _(
    "🌙 Quiet hours: {start}–{end}. Nudges I start myself wait until {end}; /quiet off "
    "switches them off."
)
QUIET_SET_OFF = _(
    "Quiet hours are off: my nudges may come at any hour. /quiet 22:00-07:00 sets some."
)
QUIET_PROBLEMS = {  # domain.quiet_hours.QuietProblem
    "unreadable": _("I couldn't read that. Try /quiet 22:00-07:00, /quiet 10pm-7am or /quiet off."),
    "empty": _(
        "That span starts and ends at the same time. Try /quiet 22:00-07:00, or /quiet off."
    ),
}

# Onboarding, step three (after the check-in time): the pace (principle 1).
ASK_MODE = _(
    "Last one: are you job-searching right now, or employed and keeping your network warm? "
    "It sets your pace: most days, or two a week."
)
MODE_ANSWER_ECHO = "{question}\n→ {answer}"

# /asked with a vague ask (principle 6): one way to say it specifically; the day picks which.
VAGUE_ASK_REWRITE = _(
    "Tip: specific asks are easier to say yes to. Instead of “let me know if anything comes "
    "up”, try “{example}”"
)
SPECIFIC_ASK_EXAMPLES = (
    _("Could you introduce me to the design lead at Acme?"),
    _("Would you have 20 minutes next week to tell me how your team hires?"),
    _("Could you refer me for the product manager role on your team?"),
)


# --- pitch ------------------------------------------------------------------------------------

PITCH_ASK = _(
    "Let's hear your elevator pitch: what you'd say when someone asks “so, what do you do?”. "
    "A pattern that works: “I am… I help… I'm looking for…”. Send it now, or /cancel."
)
PITCH_SAVED = _("Saved your pitch (version {version}).")
PITCH_UNCHANGED = _("That's your current pitch, word for word (version {version}).")
PITCH_CURRENT = _("Your pitch (version {version}, from {day}):\n\n“{text}”")
PITCH_GOOD = _(
    "It says who you are now and what you're after: nothing to flag. Say it out loud a few "
    "times until it flows."
)
PITCH_FINDINGS = P_("One thing a listener would notice:", "{n} things a listener would notice:")
PITCH_FINDING = _("{number}. {name}: “{quote}”\n{advice}\nTry: “{example}”")
# Per issue (domain.pitch.PitchIssue): its name, what to do instead, and an example.
PITCH_ISSUES: dict[PitchIssue, tuple[str, str, str]] = {
    PitchIssue.PAST_TENSE: (
        _("Looking back"),
        _("Lead with who you are now; what you were can come later, if at all."),
        _("I'm a product manager who helps fintech teams ship onboarding people finish."),
    ),
    PitchIssue.UNEMPLOYED: (
        _("Job-loss framing"),
        _(
            "A layoff is something that happened to you, not who you are. Say what you do and can "
            "do."
        ),
        _("I'm a designer who helps health startups build forms people actually complete."),
    ),
    PitchIssue.SEARCH_FIRST: (
        _("The search comes first"),
        _("Say what you do first; the search comes after it."),
        _("I help retailers price smarter with data. I'm looking for my next analytics role."),
    ),
    PitchIssue.VAGUE_ASK: (
        _("A vague ask"),
        _("Nobody can act on “anything”. Name one kind of role, one company or one introduction."),
        _(
            "I'm looking for a product role at a Berlin fintech; an intro to someone at N26 would "
            "be gold."
        ),
    ),
    PitchIssue.TOO_LONG: (
        _("Too long for half a minute"),
        _(
            "A listener drifts off around here. Three sentences are plenty: I am… I help… I'm "
            "looking for…"
        ),
        _(
            "I'm a backend engineer. I help payment teams keep checkouts fast. I'm looking for a "
            "platform role in fintech."
        ),
    ),
    PitchIssue.TOO_SHORT: (
        _("Very short"),
        _(
            "A title alone doesn't tell people how to help. Add who you help and what you're "
            "looking for."
        ),
        _(
            "I'm a data analyst who helps retailers price better. I'm looking for an analytics "
            "team in e-commerce."
        ),
    ),
}
PITCH_QUOTE_LIMIT = 120
PITCH_PATTERN = _(
    "The shape that works: “I am… I help… I'm looking for…”, with the search after what you do."
)
PITCH_YOURS = _(
    "Your words stay exactly as you wrote them. /pitch with a new version gets a fresh review; "
    "earlier versions are kept."
)
PITCH_REPLACE = _("To replace it, send /pitch followed by the new version, or tap below.")
PITCH_REPLACE_BUTTON = _("✏️ Write a new version")
PITCH_TOO_LONG = _(
    "That's longer than I keep ({limit} characters). A pitch fits in half a minute: three "
    "sentences are plenty."
)
PITCH_EMPTY = _("I couldn't find any words in that. Send your pitch as text, or /cancel.")


# --- goals ------------------------------------------------------------------------------------

GOAL_INTRO = _(
    "Let's aim: three short questions, each skippable. A clear target turns “network more” "
    "into a plan."
)
GOAL_QUESTIONS: dict[GoalPart, str] = {
    GoalPart.WANT: (
        _(
            "1/3 · What do you want? e.g. “a product role in fintech” or “three new clients in "
            "healthcare”."
        )
    ),
    GoalPart.WHO: (
        _(
            "2/3 · Who can help you get there? Name target companies and the roles that open "
            "doors, e.g. “Stripe, Adyen, N26; hiring managers, team leads”."
        )
    ),
    GoalPart.WHERE: (
        _(
            "3/3 · Where do those people gather? Events, groups, communities, e.g. “Berlin Fintech "
            "Meetup, the Mind the Product Slack”."
        )
    ),
}
GOAL_CHANGE_QUESTIONS: dict[GoalPart, str] = {
    GoalPart.WANT: _("What do you want? e.g. “a product role in fintech”."),
    GoalPart.WHO: (
        _(
            "Who can help? Target companies and roles, e.g. “Stripe, Adyen; hiring managers, team "
            "leads”. This replaces the list."
        )
    ),
    GoalPart.WHERE: _("Where do those people gather? e.g. “Berlin Fintech Meetup”."),
}
GOAL_NOW = _("Now: {current}")
GOAL_WHO_NOW = "{companies}; {roles}"
GOAL_CHANGE_HINT = _("Skip keeps it as it is; “-” clears it.")
GOAL_SKIP_BUTTON = _("Skip")
GOAL_SKIPPED_ECHO = _("{question}\n→ Skipped")
GOAL_EMPTY_ANSWER = _("I couldn't find any words in that. Type your answer, or skip this one.")
GOAL_NO_HELPERS = _(
    "I couldn't find a company or a role in that. Try e.g. “Stripe, Adyen; hiring managers”, "
    "or skip this one."
)
GOAL_SAVED = _("🎯 Goal saved. /goal shows it again and changes any part.")
GOAL_NOTHING = _("No goal for now, and that's fine. /goal starts again whenever you're ready.")
GOAL_VIEW = _(
    "🎯 Your goal\n"
    "What you want: {want}\n"
    "Target companies: {companies}\n"
    "Roles who can help: {roles}\n"
    "Where they gather: {where}"
)
GOAL_NO_TARGETS = _("Name a few target companies and I'll show who you know at each.")
GOAL_CHANGE_BUTTONS: dict[GoalPart, str] = {
    GoalPart.WANT: _("Change what you want"),
    GoalPart.WHO: _("Change who can help"),
    GoalPart.WHERE: _("Change where they gather"),
}
GOAL_OFFER = _(
    "🎯 One more thing: networking works best with a target. Three short questions (what you "
    "want, who can help, where they gather) turn “network more” into a plan. Tap below, or "
    "/goal any time."
)
GOAL_OFFER_BUTTON = _("🎯 Set a goal")

# Coverage of the target companies (in /goal and /stats): who decides, who is inside.
COVERAGE_HEADER = _(
    "Your target companies: {covered} of {total} with both a decision-maker and an insider "
    "you know."
)
COVERAGE_LINE = "• {company}: {deciders} · {insiders}"
COVERAGE_LINE_OTHERS = _("• {company}: {deciders} · {insiders} · also there: {others}")
COVERAGE_LINE_COVERED = "✅ {company}: {deciders} · {insiders}"
COVERAGE_LINE_COVERED_OTHERS = _("✅ {company}: {deciders} · {insiders} · also there: {others}")
DECIDERS = P_("decision-maker {names}", "decision-makers {names}")
NO_DECIDER = _("no decision-maker yet")
INSIDERS = P_("insider {names}", "insiders {names}")
NO_INSIDER = _("no insider yet")
NAMES_AND_MORE = _("{names} and {n} more")
# A target where the user knows nobody gets one concrete step (domain.goals.next_step).
COVERAGE_NOBODY: dict[Suggestion, str] = {
    Suggestion.ASK_CONNECTOR: (
        _("• {company}: nobody yet. Ask {connector} for an introduction to someone there.")
    ),
    Suggestion.GO_WHERE_THEY_GATHER: _("• {company}: nobody yet. Go where they gather: {place}."),
    Suggestion.ASK_FOR_INTRO: (
        _(
            "• {company}: nobody yet. Ask a connector, someone who knows everyone, for an "
            "introduction to someone there."
        )
    ),
}
COVERAGE_HOW = _(
    "(Someone counts when their card names the company and a tier: /contact <name>, then "
    "Company/role.)"
)


# --- stats: the chart, and the network before a first check-in ---------------------------------

STATS_NO_CHECKIN = _(
    "📈 No check-ins yet, but your network log has started. A first check-in takes two "
    "minutes: /checkin"
)
CHART_TITLE = _("Your last {weeks} weeks")
CHART_CAPTION = _("At a glance: check-ins, gives and asks, and how you met people.")
CHART_CALENDAR_TITLE = _("Check-ins")
CHART_GIVES_ASKS_TITLE = _("Gives and asks per week")
CHART_INTERACTIONS_TITLE = _("Conversations per week")
CHART_GIVES = _("gives")
CHART_ASKS = _("asks")
CHART_LIVE = _("in person or call")
CHART_MESSAGES = _("messages")
CHART_CHECKED_IN = _("check-in")
CHART_MISSED = _("no check-in")
CHART_FROZEN = _("freeze")
CHART_REST_DAY = _("not a networking day")
CHART_TODAY = _("today")
CHART_WEEK_START = _("{day} {month}")  # under a week: 3 Dec


# --- the week ahead and the calendar file -------------------------------------------------------

DUE_HEADER = _("📅 Your next 7 days")
DUE_EARLIER = P_(
    "Still open from earlier: {n} follow-up (/followups).",
    "Still open from earlier: {n} follow-ups (/followups).",
)
DUE_TODAY = _("Today, {date}")
DUE_TOMORROW = _("Tomorrow, {date}")
DUE_WEEKDAY = _("{weekday}, {date}")
DUE_DAY_CHECKIN = _("{day}: check-in at {time}")
DUE_DAY_DONE = _("{day}: checked in ✓")
DUE_DAY_REST = _("{day}: no check-in")
DUE_DAY_PAUSED = _("{day}: paused")
DUE_FOLLOWUP = "   • {time} {name}"
DUE_FOLLOWUP_NOTE = "   • {time} {name}: {note}"
DUE_NOTE_LIMIT = 80
DUE_FOOTER = _(
    "(Check-ins on {days}: /days changes them. /followup adds a reminder; /calendar puts your "
    "follow-ups in your own calendar.)"
)

CALENDAR_NAME = _("Marathon follow-ups")
CALENDAR_EVENT = _("Follow up with {name}")
CALENDAR_CAPTION = P_(
    "{n} open follow-up. Open the file to add it to your calendar; sending /calendar again "
    "later updates it instead of adding it twice.",
    "{n} open follow-ups. Open the file to add them to your calendar; sending /calendar again "
    "later updates them instead of adding them twice.",
)
CALENDAR_EMPTY = _(
    "No open follow-ups to put in a calendar. Set one with e.g. /followup Sally friday — send "
    "the article"
)


# --- accountability partners (/partner) -------------------------------------------------------

PARTNER_EXPLAIN = _(
    "🤝 An accountability partner notices when you show up, and you notice them.\n"
    "A partner sees, for each networking day, whether you checked in, your streak and your "
    "week's counts (people reached, gives, asks, follow-ups done).\n"
    "Never names, notes, contacts, your goal or your pitch; /settings → Partner shares less."
)
PARTNER_INVITE = _(
    "Send this link to someone you'd like as a partner (it works once, for 7 days):\n{link}"
)
PARTNER_SHARE_BUTTON = _("📨 Share")
PARTNER_SHARE_TEXT = _("Be my accountability partner on Marathon? We'd see each other's check-ins.")
PARTNER_FULL = _(
    "You have {max} partners, the most there can be. End one below to invite someone new."
)
PARTNER_HEADER = _("Your partners:")
PARTNER_LINE = _("{name}: {marks} · streak {streak} · partners since {since} · together {weeks}")
PARTNER_LINE_STREAK_ONLY = _("{name}: streak {streak} · partners since {since} · together {weeks}")
PARTNER_LINE_PAUSED = _(
    "{name}: paused · streak {streak} · partners since {since} · together {weeks}"
)
PARTNER_WEEKS = P_("{n} week", "{n} weeks")
PARTNER_MARKS_LEGEND = _("● checked in · ○ missed · ‖ paused · · still to come")
PARTNER_MARKS = {"done": "●", "missed": "○", "paused": "‖", "ahead": "·"}
PARTNER_END_BUTTON = _("End partnership with {name}")
PARTNER_ENDED_YOU = _("You ended your partnership with {name}.")
PARTNER_ENDED = _("Your partnership with {name} has ended.")
PARTNER_STATS = _("Partner streak with {name}: {weeks}")

# Opening an invite link (/start p-…).
PARTNER_INVITED = _(
    "🤝 {name} invites you to be accountability partners.\n\n"
    "{name} would see of you: {yours}.\n"
    "You would see of {name}: {theirs}.\n"
    "Never names, notes, contacts, goals or pitches. /settings → Partner changes what you share."
)
PARTNER_SHARE_DETAILS = {  # what a partner sees, as the invite spells it out
    "all": _(
        "each networking day checked in or not, the streak, and the week's counts "
        "(people reached, gives, asks, follow-ups done)"
    ),
    "days": _("each networking day checked in or not, and the streak"),
    "streak": _("the streak only"),
}
PARTNER_ACCEPT_BUTTON = _("✅ Accept")
PARTNER_DECLINE_BUTTON = _("No thanks")
PARTNER_ACCEPTED = _("You and {name} are partners now. /partner shows how they're doing.")
PARTNER_DECLINED = _("No problem: you and {name} are not partners.")
PARTNER_THEY_ACCEPTED = _("🤝 {name} accepted your invite: you're partners now.")
PARTNER_THEY_DECLINED = _("{name} said no thanks to your partner invite.")
PARTNER_INVITE_PROBLEMS = {
    "invalid": _(
        "That invite link has expired or was used already; ask for a fresh one (/partner)."
    ),
    "self": _("That's your own invite link: send it to someone else."),
    "already": _("You two are partners already. /partner shows how they're doing."),
    "you_full": _("You have {max} partners already, the most there can be; /partner can end one."),
    "they_full": _("Whoever invited you has {max} partners already, the most there can be."),
}

# Cheers and nudges.
PARTNER_DIGEST = _("Your partners this week:")
PARTNER_DIGEST_LINE = "{name}: {marks}"
PARTNER_DIGEST_COUNTS = _("{name}: {marks} · {people}, {gives}, {asks}, {done}")
PARTNER_DIGEST_STREAK_ONLY = _("{name}: shares their streak only (/partner)")
PARTNER_DIGEST_PAUSED = _("{name}: paused")
PARTNER_PEOPLE = P_("{n} person reached", "{n} people reached")
PARTNER_FOLLOWUPS_DONE = P_("{n} follow-up done", "{n} follow-ups done")
PARTNER_CHEER_BUTTON = _("👏 Cheer {name}")
PARTNER_CHEERED = _("👏 {name} cheers you on!")
PARTNER_CHEER_SENT = _("Cheer sent to {name}.")
PARTNER_CHEER_ONCE = _("You cheered {name} today already; again tomorrow.")
PARTNER_QUIET = _("{name} has been quiet for two days. Send a nudge?")
PARTNER_QUIET_WHY = _(
    "(Your partner missed two networking days in a row; this comes once a week at most.)"
)
PARTNER_NUDGE_BUTTON = _("👋 Nudge {name}")
PARTNER_NUDGE_SENT = _("{name} will get your nudge.")
PARTNER_NUDGE_RECENT = _("{name} got a nudge lately; give them a couple of days.")
PARTNER_NUDGES = (
    _("👋 {name} is thinking of you: two minutes today keeps you both going."),
    _("👋 {name} sends a nudge: one quick check-in and you're back on track."),
)
PARTNER_NUDGE_WHY = _("(Your partner {name} sent this; nudges come at most once in three days.)")

# /settings → Partner.
PARTNER_SHARE_NAMES = {
    "all": _("days, streak and weekly counts"),
    "days": _("days and streak"),
    "streak": _("streak only"),
}
PARTNER_SHARE_BUTTONS = {
    "all": _("Days, streak and counts"),
    "days": _("Days and streak"),
    "streak": _("Streak only"),
}
SETTINGS_PARTNER = _(
    "Your partners see: {share}.\n\n"
    "Days: whether you checked in on each networking day. Counts: people reached, gives, asks "
    "and follow-ups done each week. Never names, notes, contacts, your goal or your pitch."
)
PARTNER_SHARE_CHANGED = _("Partners now see: {share}.")


class _Translated(types.ModuleType):
    """`texts.X` in the current language (bot.i18n): one catalogue lookup per string, cached
    per language and constant, so a message costs a dict lookup per constant it reads."""

    def __getattribute__(self, name: str) -> Any:
        value = super().__getattribute__(name)
        if not name[:1].isupper() or i18n.current() == i18n.SOURCE:
            return value
        key = (i18n.current(), name, id(value))
        cached = _CACHE.get(key)
        if cached is None:
            cached = _CACHE[key] = i18n.translate(value)
        return cached


_CACHE: dict[tuple[str, str, int], Any] = {}
sys.modules[__name__].__class__ = _Translated
