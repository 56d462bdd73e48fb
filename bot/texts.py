"""Every word the bot says, in the coach's voice (docs/coaching.md: why each message exists).

Brief, warm, concrete, no guilt. Messages that come back daily have variants so the same
sentence does not repeat every day; the choice is deterministic per date so tests stay exact.

Only words live here, never logic: the presenters in `bot/presenters/` fill the templates. Each
sentence is whole (placeholders, never glued fragments), and each count has a (one, many)
pair, so a translation can later replace this module.
"""

from collections.abc import Sequence

from domain.checkins import MAX_ANSWER_LENGTH, Question
from domain.contacts import Channel, InteractionKind, Tier
from domain.goals import GoalPart, Suggestion
from domain.imports import MAX_FILE_BYTES
from domain.pitch import PitchIssue

TIMEZONE_EXAMPLES = "Berlin, New York, Europe/London, UTC+2 or +05:30"

BOT_DESCRIPTION = (
    "Marathon is your networking accountability partner. On your networking days it asks four "
    "quick questions at your chosen time: who you reached, what you gave, what you asked for, "
    "what to follow up. Streaks show what consistency adds up to. A marathon, not a sprint."
)
BOT_SHORT_DESCRIPTION = "A two-minute daily networking check-in. A marathon, not a sprint."

# (command, menu description); the order is the order of /help and of Telegram's menu.
COMMANDS: Sequence[tuple[str, str]] = (
    ("checkin", "Start today's check-in"),
    ("stats", "Your streak and totals"),
    ("timezone", "Set your timezone: /timezone Berlin"),
    ("checkintime", "When the daily check-in comes: /checkintime 18:30"),
    ("days", "Choose your networking days"),
    ("settings", "All your settings in one place"),
    ("mode", "Your pace: job-searching or employed"),
    ("quiet", "Quiet hours: /quiet 22:00-07:00 or /quiet off"),
    ("skip", "Skip the current question"),
    ("cancel", "Stop the current check-in"),
    ("pause", "Take a break: /pause 1 week"),
    ("resume", "End a pause"),
    ("followup", "Remind me to follow up: /followup Sally friday — note"),
    ("followups", "Follow-ups due soon"),
    ("contact", "A contact's card: /contact Sally Jones"),
    ("contacts", "Your network, warmest first"),
    ("gave", "Log a give: /gave Sally an intro to Priya"),
    ("asked", "Log an ask: /asked Tom for a 20-minute call"),
    ("goal", "Your goal: what you want, who can help, where they gather"),
    ("pitch", "Your elevator pitch, reviewed: /pitch I'm a…"),
    ("due", "The next 7 days: check-ins and follow-ups"),
    ("calendar", "Your follow-ups as a calendar file"),
    ("partner", "An accountability partner, by invite link"),
    ("export", "Download everything I hold about you"),
    ("forget", "Delete all your data"),
    ("start", "Welcome and setup"),
    ("help", "What I can do"),
)

NAME_FALLBACK = "there"  # "Hi there!" for someone without a first name

# --- onboarding -------------------------------------------------------------------------------

WELCOME = (
    "Hi {name}! I'm Marathon, your networking accountability partner.\n\n"
    "On your networking days I'll ask four quick questions: who you connected with, what you "
    "gave, what you asked for, and what to follow up. Two minutes a day, week after week: "
    "dig the well before you're thirsty."
)
ASK_TIMEZONE = (
    "First, your timezone, so check-ins arrive at your local time. Send a city or zone "
    f"({TIMEZONE_EXAMPLES}), or share your location."
)
SHARE_LOCATION_BUTTON = "📍 Share my location"
KEEP_TIMEZONE_BUTTON = "Keep {zone}"
ASK_CHECKIN_TIME = "When should I check in each day? Tap a time, or send one like 18:30 or 6pm."
ONBOARDING_DONE = (
    "You're set: check-ins at {time} ({zone}), {days}.\nNext one: {next}.\n\n"
    "Want to warm up with a first check-in now?"
)
FIRST_CHECKIN_BUTTON = "Start my first check-in"
WELCOME_BACK = (
    "Welcome back, {name}! Everything you've logged is still here.\n"
    "Check-ins at {time} ({zone}), {days}. Next one: {next}.\n\n"
    "/checkin logs today, /stats shows your streak, /help lists the rest."
)

# --- settings ---------------------------------------------------------------------------------

TIMEZONE_SET = "Timezone set to {zone}; it's {local_time} there now."
FIXED_OFFSET_NOTE = (
    "A fixed offset doesn't follow daylight saving. If your clocks change, send your city instead."
)
TIMEZONE_UNKNOWN = (
    "I couldn't find a timezone called “{text}”. Try a city or zone, e.g. {examples}."
)
TIMEZONE_ASK = (
    "Your timezone is {zone}. To change it, send a city or zone ({examples}) or share your "
    "location. /cancel keeps it."
)
LOCATION_UNKNOWN = "I couldn't tell the timezone from that spot. Send a city instead, e.g. Berlin."

CHECKIN_TIME_SET = "Check-ins at {time} ({zone}), {days}.\nNext one: {next}."
CHECKIN_TIME_BAD = "I need a time like 18:00, 8:30 or 6pm. When should I check in?"
CHECKIN_TIME_ASK = (
    "Your check-in comes at {time} ({zone}). Send a new time like 18:30 or 6pm, or /cancel."
)

DAYS_SHOW = (
    "Networking days: {days}.\nTap a day to switch it on or off, or send e.g. /days mon-fri."
)
DAYS_SET = "Networking days: {days}.\nNext check-in: {next}."
DAYS_BAD = "I couldn't read those days. Try /days mon-fri, /days mon,wed,fri or /days every day."
DAYS_EMPTY = (
    "Keep at least one day: a gentle pace beats stopping. Try /days mon,thu for a lighter week."
)
DAYS_DONE_BUTTON = "Done"
DAY_ON_BUTTON = "✓ {day}"
TIME_CHOSEN_BUTTON = "{time} ✓"

SETTINGS_NEED_START = "Let's get you set up first: send /start."
NOTHING_PENDING = "Nothing to cancel, you're all clear. /checkin starts a check-in."
INPUT_CANCELLED = "OK, nothing changed."

# --- the check-in -----------------------------------------------------------------------------

PROMPTS = (
    "Check-in time, {name}. Who did you reach today, and what did you give?",
    "Ready for today's check-in, {name}? Four quick questions, then you're done.",
    "Hi {name}, your daily check-in is here. Even a quiet day is worth logging.",
    "{name}, two minutes for your networking log? Small steps, every week, add up.",
)
PROMPT_WHY = "(You chose {time} on {days}. /checkintime or /days changes that.)"
WELCOME_BACK_LINES = (
    "Welcome back, {name}! Your streak waited for you.",
    "Good to have you back, {name}. Your streak is right where you left it.",
    "Welcome back, {name}. Rested? Your streak kept its place.",
)
WELCOME_BACK_ALONE = (
    "Welcome back, {name}! Your pause is over and your streak waited for you. Next check-in: "
    "{next}.",
    "Good to have you back, {name}. Check-ins pick up again {next}.",
    "Welcome back, {name}. Your streak kept its place; the next check-in is {next}.",
)
WELCOME_BACK_WHY = "(Your pause ended today. /pause takes another break whenever you need one.)"
REENGAGE_FIRST = (
    "Hi {name}, it's been a few quiet days, and that's fine. Log a quick check-in, or take a "
    "break?",
    "{name}, no pressure: a marathon has slower stretches. One tap logs today, or pause for a "
    "while.",
    "Hey {name}, life gets busy. When you're ready, one tap gets you back in, or pause until "
    "things calm down.",
)
REENGAGE_AGAIN = (
    "Hi {name}, just checking in. Whenever you're ready, one tap is all it takes.",
    "{name}, the door's open. Log a quick check-in whenever it suits you.",
    "Still here when you want me, {name}. A quick check-in takes one tap.",
)
REENGAGE_WHY = (
    "(Your last check-in prompts went unanswered, so I paused the daily ones. Any message from "
    "you brings them back.)"
)
QUICK_CHECKIN_BUTTON = "✅ Quick check-in"
PAUSE_A_WHILE_BUTTON = "⏸ Pause for a while"
QUICK_CHECKIN_DONE = (
    "✅ Logged a check-in for today. Welcome back! Your daily check-ins resume on your next "
    "networking day."
)
QUICK_CHECKIN_ALREADY = "You've already checked in today. Welcome back!"
START_CHECKIN_BUTTON = "Start check-in"

QUESTION_TEXTS: dict[Question, str] = {
    Question.WHO: (
        "1/4 · Who did you connect with today? Names help, e.g. “Sally (coffee), Tom (email)”."
    ),
    Question.GAVE: (
        "2/4 · What value did you give first? An intro, an article, a congratulation: "
        "small gives count."
    ),
    Question.ASK: (
        "3/4 · What specific ask or next step did you make? "
        "e.g. “asked Priya for a 20-minute call”."
    ),
    Question.FOLLOWUP: (
        "4/4 · Anything to follow up on? e.g. “Sally on Friday: send the article”."
    ),
}
QUICK_REPLIES: dict[Question, str] = {
    Question.WHO: "Nobody today",
    Question.GAVE: "Nothing this time",
    Question.ASK: "No ask today",
    Question.FOLLOWUP: "Nothing to follow up",
}
CHECKIN_HINT = "(/skip skips a question, /cancel stops.)"
CHECKIN_RESUMED = "Picking up where we left off."
QUICK_REPLY_ECHO = "{question}\n→ {answer}"
VAGUE_ASK_TIP = (
    "Tip: a specific ask lands better than “let me know if anything comes up”: a named "
    "introduction, a 20-minute call, a referral for one role."
)
# The summary lists what the check-in understood, item by item, then asks what it must.
CHECKIN_UNDERSTOOD = "✅ Check-in saved. Here's what I logged:"
UNDERSTOOD_PERSON = "👥 {name}{about}"
UNDERSTOOD_COMPANY = " ({company})"
UNDERSTOOD_CHANNEL = " · {channel}"
CHANNEL_NAMES = {"in_person": "in person", "call": "call", "message": "message"}
UNDERSTOOD_GIVE = "🎁 Gave{to}: {what}"
UNDERSTOOD_ASK = "🙋 Asked{to}: {what}"
UNDERSTOOD_TO = " {name}"
UNDERSTOOD_FOLLOWUP = "📌 Follow up with {name}, {when}"
UNDERSTOOD_NOTE = ": {note}"
UNDERSTOOD_WHICH = "❓ Which {name} did you mean?"
UNDERSTOOD_WHEN = "❓ When should I remind you about {name}{note}?"
UNDERSTOOD_TWO_DATES = "❓ “{text}” could mean two dates: which one for {name}?"
UNDERSTOOD_PAST = "❓ “{text}” has passed: when should I remind you about {name}?"
UNDERSTOOD_HINT = "Not quite right? ✎ Fix drops or changes an item; nothing to press if it's right."
UNDERSTOOD_NOTHING = "✅ Check-in saved. Nobody named, nothing to log."
UNDERSTOOD_MORE = "… and {n} more"
FIX_MENU = "Tap an item to drop it, or to change the person or the date."
FIX_PERSON_ASK = "Who was it instead of {name}? Send the name. /cancel keeps it as it is."
FIX_PERSON_DONE = "Changed: {old} → {new}."
FIX_OK_BUTTON = "✓ Looks right"
FIX_MENU_BUTTON = "✎ Fix"
FIX_BACK_BUTTON = "◂ Back"
FIX_DROP_BUTTON = "✕ {label}"
FIX_RENAME_BUTTON = "✎ Not {name}?"
FIX_DATE_BUTTON = "📅 {name}"
FIX_SOMEONE_NEW = "Someone new"
FIX_NO_REMINDER = "No reminder"
FIX_QUICK_DAYS = {1: "Tomorrow", 3: "In 3 days", 7: "Next week"}
FIX_GIVE_LABEL = "Gave: {what}"
FIX_ASK_LABEL = "Asked: {what}"
FIX_LABEL_LIMIT = 28
CHECKIN_QUIET_DAY = "Quiet days happen. Showing up still counts."
CHECKIN_CANCELLED = "Check-in stopped; your answers so far are kept. /checkin starts a fresh one."
NOTHING_TO_SKIP = "There's no question open right now. /checkin starts a check-in."
ANSWER_TOO_LONG = (
    f"That's more than I can keep ({MAX_ANSWER_LENGTH} characters max). A line or two is plenty: "
    "could you shorten it?"
)
ANSWER_EMPTY = "I couldn't find any words in that. Type your answer, or /skip."
ANSWER_NOT_TEXT = "I can only read text answers. Type it out, or /skip this one."
STALE_BUTTON = "That button belongs to an earlier message; it no longer applies."

STREAK_FIRST = "Day 1 of your streak. Every marathon starts with one step."
STREAK_GOING = "🔥 {n} networking days in a row."
STREAK_WEEKS = "🔥 {n} networking days in a row. That's the consistency that compounds."

# --- follow-ups -------------------------------------------------------------------------------

FOLLOWUP_ASK_NAME = (
    "Who do you want to follow up with? Send a name, e.g. Sally Jones. /cancel stops."
)
FOLLOWUP_ASK_WHEN = (
    "When should I remind you about {name}? e.g. tomorrow, next tuesday, in 3 days or "
    "2026-12-01 10:00."
)
FOLLOWUP_ASK_NOTE = "Anything to remember for {name}? e.g. “send the article”."
NO_NOTE_BUTTON = "No note"
FOLLOWUP_UNREADABLE = (
    "I couldn't read “{text}” as a date. Try tomorrow, next tuesday, in 3 days or 2026-12-01 10:00."
)
FOLLOWUP_PAST = "{when} has already passed. When should I remind you instead?"
FOLLOWUP_AMBIGUOUS = "“{text}” could mean two dates. Which one do you mean?"
FOLLOWUP_SET = "Follow-up set: {name}, {when}."
FOLLOWUP_SET_NOTE = "Follow-up set: {name}, {when}.\n{note}"
FOLLOWUP_PESTER = (
    "That's {count} follow-ups to {name} without a reply. Chasing can burn a bridge: give it "
    "some time, or give something first."
)
# Follow-up nudges: (plain, with the note) per variant; the day picks the variant.
NUDGE_FIRST = (
    ("Time to follow up with {name}.\n{last}", "Time to follow up with {name}: {note}.\n{last}"),
    (
        "{name} is on your list for today.\n{last}",
        "{name} is on your list for today: {note}.\n{last}",
    ),
    (
        "Today's the day to get back to {name}.\n{last}",
        "Today's the day to get back to {name}: {note}.\n{last}",
    ),
)
NUDGE_AGAIN = (
    ("A gentle reminder: {name}.\n{last}", "A gentle reminder: {name}: {note}.\n{last}"),
    ("Still on your list: {name}.\n{last}", "Still on your list: {name}: {note}.\n{last}"),
    (
        "When you have a minute: {name}.\n{last}",
        "When you have a minute: {name}: {note}.\n{last}",
    ),
)
NUDGE_REST = (
    (
        "Still want to follow up with {name}? A few reminders went by; sometimes letting it "
        "rest is the kind move.",
        "Still want to follow up with {name}: {note}? A few reminders went by; sometimes "
        "letting it rest is the kind move.",
    ),
    (
        "Last reminder about {name}. If it no longer fits, letting it rest is fine.",
        "Last reminder about {name}: {note}. If it no longer fits, letting it rest is fine.",
    ),
    (
        "{name} has come up a few times now. Follow up today, or let it rest: both are good "
        "answers.",
        "{name} has come up a few times now ({note}). Follow up today, or let it rest: both "
        "are good answers.",
    ),
)
NUDGE_WHY = "(You set this on {set_on}.)"
LAST_TALKED = "You last talked {ago}."
NEVER_TALKED = "No conversation with them logged yet."
DONE_BUTTON = "✓ Done"
SNOOZE_DAY_BUTTON = "Snooze 1 day"
SNOOZE_WEEK_BUTTON = "Snooze 1 week"
DROP_BUTTON = "Drop"
REST_BUTTON = "Let it rest"
FOLLOWUP_DONE = "✅ Followed up with {name}. That's how relationships stay warm."
FOLLOWUP_SNOOZED = "⏰ Snoozed: {name} comes back {when}."
FOLLOWUP_DROPPED = "Dropped the follow-up with {name}."
FOLLOWUP_RESTING = (
    "Letting it rest. If {name} gets back to you, tap “They replied” in /contact {name}."
)
FOLLOWUPS_EMPTY = (
    "Nothing due in the next 7 days. Set one with e.g. /followup Sally friday — send the article"
)
FOLLOWUPS_HEADER = "Your follow-ups"
FOLLOWUPS_SECTIONS = {"overdue": "Overdue", "today": "Today", "soon": "Next 7 days"}
FOLLOWUPS_LINE = "• {name} ({when})"
FOLLOWUPS_LINE_NOTE = "• {name} — {note} ({when})"
LIST_DONE_BUTTON = "✓ {name}"
LIST_SNOOZE_DAY_BUTTON = "+1d"
LIST_SNOOZE_WEEK_BUTTON = "+1w"
LIST_DROP_BUTTON = "✕"
MORE_BUTTON = "More ▸"
BACK_BUTTON = "◂ Back"

# --- contacts ---------------------------------------------------------------------------------

SAME_PERSON = "Is {new} the same person as {existing}?"
SAME_PERSON_BUTTON = "Same person"
NEW_PERSON_BUTTON = "No, someone new"
MERGED = "Merged: {new} is now part of {existing}."
KEPT_APART = "Got it: {new} is someone new."
CONTACTS_EMPTY = (
    "No contacts yet. They appear as you check in, or add one with /contact Sally Jones."
)
CONTACTS_HEADER = "Your network, warmest first ({count} people):"
CONTACTS_LINE = "• {name} · {when}"
CONTACTS_LINE_TIER = "• {name} · {tier} · {when}"
CONTACT_USAGE = "Which contact? e.g. /contact Sally Jones"
CONTACT_CARD = (
    "👤 {name}\n"
    "Tier: {tier}\n"
    "Company/role: {company}\n"
    "How you met: {how_met}\n"
    "Keep in touch: {interval}\n"
    "Last talked: {last}\n"
    "Gives: {gives} · asks: {asks}"
)
CONTACT_HISTORY = "Recent:"
HISTORY_LINE = "• {when}: {kind}"
HISTORY_LINE_CHANNEL = "• {when}: {kind}, {channel}"
HISTORY_LINE_NOTE = "• {when}: {kind}: {note}"
HISTORY_LINE_CHANNEL_NOTE = "• {when}: {kind}, {channel}: {note}"
NOT_SET = "—"
TIER_UNSET = "not set (tap one below)"
INTERVAL_EVERY = "every {days} days"
INTERVAL_OFF = "off"
COMPANY_BUTTON = "Company/role"
HOW_MET_BUTTON = "How we met"
REPLIED_BUTTON = "↩︎ They replied"
INTERVAL_BUTTONS = {14: "2 weeks", 30: "1 month", 90: "3 months", 0: "No reminders"}
ASK_COMPANY = "Where does {name} work, and as what? e.g. “Acme, Head of Design”."
ASK_HOW_MET = "How did you meet {name}? e.g. “at PyCon 2025”."
CONTACT_UPDATED = "Saved."
REPLY_LOGGED = "↩︎ Logged: {name} replied. Two-way beats one-way every time."
NEVER = "never"

# Coaching nudges (principles 2, 3, 5 and 9): each at most three lines and one action.
KEEP_WARM = (
    "A few people worth a hello: {people}.\nA two-line note keeps a relationship warm.",
    "Time to reconnect with {people}.\nAsk how they are, or share something useful.",
    "It's been a while with {people}.\nA short hello now beats a long one later.",
)
KEEP_WARM_PERSON = "{name} (last talked {ago})"
KEEP_WARM_PERSON_TIER = "{name} ({tier}, last talked {ago})"
KEEP_WARM_PERSON_NEW = "{name} (not talked yet)"
KEEP_WARM_PERSON_NEW_TIER = "{name} ({tier}, not talked yet)"
KEEP_WARM_WHY = "(They are past their keep-in-touch interval. /contact <name> changes it.)"
REACH = (
    "Your last two weeks were all peers: good company, but people who hire, decide or connect "
    "open more doors. Who is one insider or decision-maker you could reach this week?",
    "Two weeks of peers only. This week, try one conversation with someone who can hire, "
    "decide or introduce you.",
    "Peers are great for support; doors open through insiders, decision-makers and "
    "connectors. Who could you reach out to this week?",
)
REACH_WHY = (
    "(You reached {peers} and no decision-makers, insiders or connectors in 14 days. "
    "Set someone's tier with /contact <name>.)"
)
GIVE_FIRST_NUDGE = (
    "Lately you've asked more than you've given. Who could you help this week: an intro, an "
    "article, a kind word?",
    "Giving first builds the trust your asks need. Pick one person and send them something "
    "useful today.",
    "Your ledger leans toward asks. One small give this week (a congratulation, a link, an "
    "intro) rebalances it.",
)
GIVE_FIRST_WHY = "(In the last 14 days you logged {asks} and {gives}. /gave logs a give.)"
ASKS = ("{n} ask", "{n} asks")
GIVES = ("{n} give", "{n} gives")
ONLINE_ONLY = (
    "Everything lately happened on screens. Could one thread become a coffee or a call this week?",
    "A face-to-face chat lands differently. Who could you meet for coffee, or at an event, this "
    "week?",
    "Messages keep things going; meeting moves them forward. Invite one person for a call or a "
    "walk.",
)
ONLINE_ONLY_WHY = (
    "(The last 14 days held {interactions}, none in person or by call. Notes like "
    "“Sally (coffee)” in a check-in tell me how you met.)"
)
INTERACTIONS = ("{n} logged interaction", "{n} logged interactions")

# --- give first -------------------------------------------------------------------------------

GAVE_USAGE = "Tell me who and what, e.g. /gave Sally an intro to Priya"
ASKED_USAGE = "Tell me who and what, e.g. /asked Tom for a 20-minute call"
GAVE_LOGGED = "🎁 Logged your give to {name}: {what}. Giving first is how trust starts."
ASKED_LOGGED = "Logged your ask to {name}: {what}."
GIVE_FIRST = (
    "You haven't logged a give to {name} yet. Asks land better after a give. Some ideas:\n"
    "{ideas}\n\nLog the ask anyway?"
)
IDEA_LINE = "• {idea}"
GIVE_IDEAS = (
    "share an article they'd find useful",
    "make an introduction they'd value",
    "congratulate them on a recent win",
    "offer a skill of yours for an hour",
)
ASK_ANYWAY_BUTTON = "Log the ask anyway"
GIVE_FIRST_BUTTON = "I'll give first"
GIVE_FIRST_OK = "Good call. Log it with /gave {name} … when you've given."

# --- imports ----------------------------------------------------------------------------------

IMPORT_DONE = (
    "Imported {new} new contacts ({known} you already had). A handful of warm relationships "
    "beats hundreds of names: pick three to reconnect with this week. /contacts"
)
IMPORT_FAILED = "I couldn't import that file: {reason}. Nothing was imported."
IMPORT_PROBLEMS = {  # domain.imports.ImportProblem: why a file was not imported
    "too_big": f"the file is larger than {MAX_FILE_BYTES // 2**20} MB; please send a smaller one",
    "neither_format": "I can read LinkedIn's Connections.csv or contacts saved as vCards (.vcf), "
    "and this file looks like neither",
    "not_utf8": "the file is not UTF-8 text",
    "not_text": "the file is not text",
    "too_many": "the file has more than {limit:,} contacts; please split it or keep the ones "
    "that matter",
    "csv_extra_values": "line {line} has more values than the header",
    "csv_invalid_line": "line {line} is not valid CSV",
    "csv_invalid_start": "the start of the file is not valid CSV",
    "not_linkedin": "this doesn't look like LinkedIn's Connections.csv: no 'First Name' column",
    "linkedin_column_missing": "this doesn't look like LinkedIn's Connections.csv: no "
    "'{column}' column",
    "no_vcard": "no vCard found in the file (it has no BEGIN:VCARD)",
    "vcard_unfinished": "the vCard on line {line} has no END:VCARD",
    "vcard_end_without_begin": "line {line} has END:VCARD without BEGIN:VCARD",
    "vcard_outside": "line {line} is outside any vCard",
    "vcard_unreadable_property": "the vCard on line {line} has an unreadable {name} property",
    "vcard_unknown_charset": "the vCard on line {line} uses an unknown character set",
    "vcard_wrong_charset": "the vCard on line {line} has text that doesn't match its character set",
}
IMPORT_NOT_DOWNLOADED = "I could not download it from Telegram"
IMPORT_UNSUPPORTED = (
    "I can import LinkedIn's Connections.csv (from its data export) or a .vcf contacts file."
)

# --- stats ------------------------------------------------------------------------------------

STATS_EMPTY = "No check-ins yet. The first one takes two minutes: /checkin"
STREAK_DAYS = ("{n} day", "{n} days")
STATS = (
    "📈 Your marathon so far\n\n"
    "Current streak: {current}\n"
    "Longest streak: {longest}\n"
    "Last 7 days: {week} check-ins\n"
    "Last 30 days: {month} check-ins\n"
    "All time: {total} check-ins\n\n"
    "{cheer}\n"
    "(Streaks count your networking days: {days}.)"
)
STATS_NETWORK = (
    "\n\n🤝 Your network, last 30 days\n"
    "Gives: {gives} · asks: {asks} (give:ask {ratio})\n"
    "Follow-ups done on time: {on_time} of {done} · overdue now: {overdue}\n"
    "People reached: {tiers}\n"
    "Warm relationships: {warm} (two-way in the last 90 days)\n"
    "In person: {in_person}"
)
TIER_COUNTS: dict[Tier | None, tuple[str, str]] = {  # (one, many), in this order
    Tier.DECISION_MAKER: ("{n} decision-maker", "{n} decision-makers"),
    Tier.INSIDER: ("{n} insider", "{n} insiders"),
    Tier.CONNECTOR: ("{n} connector", "{n} connectors"),
    Tier.PEER: ("{n} peer", "{n} peers"),
    None: ("{n} without a tier", "{n} without a tier"),
}
TIER_COUNTS_PEERS = TIER_COUNTS[Tier.PEER]
NOBODY_YET = "nobody yet"
IN_PERSON_SHARE = "{percent}% of {total}"
RATIO = "{gives}:{asks}"
NONE_YET = "—"
CHEER_TODAY_OPEN = "Today is still open: /checkin keeps the streak going."
CHEER_RESTART = "A fresh start is one check-in away. No catching up needed."
CHEER_STEADY = "Steady weeks beat heroic days. Keep the pace."

# --- your data --------------------------------------------------------------------------------

NOTHING_STORED = (
    "I don't hold anything about you: no settings, no check-ins, no contacts, so there's "
    "nothing to export or delete. /start sets you up whenever you like."
)
EXPORT_CAPTION = "Everything I hold about you, as of {day}. README.txt explains each file."
EXPORT_README = """Your Marathon data, exported {exported_at} UTC.

README.txt        this file
data.json         everything I hold about you, table by table, exactly as stored
checkins.csv      one row per check-in; your answers are the columns who, gave, ask and
                  followup (empty when skipped or answered "nothing today")
contacts.csv      the people in your network
interactions.csv  what happened with whom; contact_name is filled in for you

In data.json, goals holds your goal (what you want, the roles who can help, where they
gather), goal_targets your target companies in the order you gave them, and pitches every
version of your elevator pitch, oldest first. partners lists your accountability partners by
name and since when; partner_invites the invite links you made (only a fingerprint of each).

Days are written YYYY-MM-DD (your local date); moments in time are ISO 8601 in UTC.
networking_days adds up your days: Monday 1, Tuesday 2, Wednesday 4, Thursday 8,
Friday 16, Saturday 32, Sunday 64 (so Monday to Friday is 31).

The CSV files are UTF-8 and open in any spreadsheet. Sending /forget to the bot deletes all
of this.
"""
FORGET_ASK = (
    "This deletes everything I hold about you: your settings and anything not yet "
    "sent. There's no undo.\n\nWant a copy first? /export"
)
FORGET_ASK_COUNTS = (
    "This deletes everything I hold about you: {counts}, your settings and anything not yet "
    "sent. There's no undo.\n\nWant a copy first? /export"
)
FORGET_COUNTS = {  # (one, many) per table, in the order they are listed
    "checkins": ("{n} check-in", "{n} check-ins"),
    "contacts": ("{n} contact", "{n} contacts"),
    "followups": ("{n} follow-up", "{n} follow-ups"),
}
FORGET_YES_BUTTON = "Delete everything"
FORGET_NO_BUTTON = "Keep my data"
FORGET_DONE = (
    "Done: everything I held about you is deleted. If you ever want to pick the habit up "
    "again, /start begins fresh."
)
FORGET_KEPT = "Nothing deleted. Your data stays just as it was."


# --- everything else --------------------------------------------------------------------------

HELP_HEADER = "Here's what I can do:"
HELP_LINE = "/{command} — {description}"
UNKNOWN_COMMAND = "I don't know {command}. /help lists everything I can do."
STRAY_TEXT = "I'm not sure what to do with that. /checkin starts a check-in; /help lists the rest."
NOT_TEXT = "I can only read text messages. /help lists what I can do."
PRIVATE_ONLY = (
    "I coach one person at a time. Message me in a private chat: tap my name, then Message."
)
SOMETHING_WENT_WRONG = "Sorry, something went wrong on my side. Please try again in a moment."


# --- people, tiers and channels -----------------------------------------------------------------

TIER_LABELS: dict[Tier, str] = {
    Tier.DECISION_MAKER: "decision-maker",
    Tier.INSIDER: "insider",
    Tier.CONNECTOR: "connector",
    Tier.PEER: "peer",
}
CHANNEL_LABELS: dict[Channel, str] = {
    Channel.IN_PERSON: "in person",
    Channel.CALL: "call/video",
    Channel.MESSAGE: "message",
}
INTERACTION_LABELS: dict[InteractionKind, str] = {
    InteractionKind.MET: "met",
    InteractionKind.FOLLOWUP: "followup",
    InteractionKind.REPLY: "reply",
    InteractionKind.GIVE: "give",
    InteractionKind.ASK: "ask",
}

# --- days, dates and amounts of time ------------------------------------------------------------

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAYS_SHORT = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS_SHORT = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
LIST_SEPARATOR = ", "
DAY_RANGE = "{first}–{last}"  # three or more networking days in a row
EVERY_DAY = "every day"
WEEKENDS = "weekends"
NO_DAYS = "no days"

TODAY = "today"
TOMORROW = "tomorrow"
YESTERDAY = "yesterday"
ON_WEEKDAY = "on {weekday}"
IN_AMOUNT = "in {amount}"
AMOUNT_AGO = "{amount} ago"
DAYS = ("{n} day", "{n} days")
WEEKS = ("{n} week", "{n} weeks")
MONTHS = ("{n} month", "{n} months")
YEARS = ("{n} year", "{n} years")

AT_TODAY = "today at {time}"
AT_TOMORROW = "tomorrow at {time}"
AT_WEEKDAY = "{weekday} at {time}"
AT_DATE = "{day} {month} at {time}"
NOT_SCHEDULED = "not scheduled"
DAY_AND_MONTH = "{day} {month}"  # 3 Dec
FULL_DATE = "{weekday} {day} {month} {year}"  # Tue 1 Dec 2026
DATE_AND_TIME = "{weekday} {day} {month}, {time}"  # Tue 1 Dec, 18:00


# --- the weekly review ------------------------------------------------------------------------

REVIEW_TITLES = ("📅 Your week in networking", "📅 Your week, in numbers", "📅 How the week went")
REVIEW = (
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
    "show_up": "Focus for next week: show up. Two minutes on each networking day keeps the habit "
    "alive; a quiet day still counts.",
    "close_loops": "Focus for next week: close your loops. Start with the overdue follow-ups in "
    "/followups.",
    "give_first": "Focus for next week: give first. One useful intro, article or congratulation "
    "before any ask.",
    "reach_up": "Focus for next week: reach up. One conversation with someone who can hire, "
    "decide or connect.",
    "meet_live": "Focus for next week: meet someone. Turn one message thread into a coffee or a "
    "call.",
    "keep_warm": "Focus for next week: keep it warm. Pick three people you haven't talked to in a "
    "while and say hello.",
}
REVIEW_WHY = "(Your weekly review comes on {weekday}s at your check-in time. /settings changes it.)"

# --- switching kinds of nudges off -------------------------------------------------------------

KIND_NAMES = {  # plural, as in "keep-warm nudges are off"
    "checkin": "daily check-in prompts",
    "followup": "follow-up reminders",
    "keepwarm": "keep-warm nudges",
    "reach": "reach-up nudges",
    "givefirst": "give-first nudges",
    "online": "meet-in-person nudges",
    "review": "weekly reviews",
    "reengage": "messages after quiet spells",
    "partnerquiet": "quiet-partner suggestions",
    "partnernudge": "nudges from partners",
}
KIND_OFF_BUTTON = "🔕 No more {kind}"
KIND_OFF_DONE = "Done: no more {kind}. /settings turns them back on."
KIND_ON_DONE = "{kind} are on again."

# --- pausing ----------------------------------------------------------------------------------

PAUSE_ASK = (
    "Taking a break? I'll go quiet and your streak stays frozen until you're back. For how long?"
)
PAUSE_DAYS_BUTTON = {3: "3 days", 7: "1 week", 14: "2 weeks", 0: "Until I say"}
PAUSED_UNTIL = (
    "⏸ Paused. No messages from me until {day}, and your streak is frozen meanwhile. "
    "/resume ends the pause early."
)
PAUSED_OPEN = (
    "⏸ Paused. No messages from me until you send /resume; your streak is frozen meanwhile."
)
PAUSE_PROBLEMS = {
    "unreadable": "I couldn't read that. Try /pause 5 days, /pause 2 weeks or "
    "/pause until 2026-12-28.",
    "past": "That day has already come. Try a day in the future, e.g. /pause until friday.",
    "too_long": "That's more than a year away. Try a shorter pause; /pause until I say works too.",
}
RESUMED = "▶️ Welcome back! Check-ins are on again; the next one is {next}."
NOT_PAUSED = "You're not paused. /pause takes a break whenever you need one."


# --- settings: /settings, /mode, /quiet and the onboarding's pace question -----------------------

SETTINGS = (
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
SETTINGS_NUDGES_ALL_ON = "Nudges: all on"
SETTINGS_NUDGES_OFF = "Nudges off: {kinds}"
SETTINGS_PAUSE_OFF = "Pause: off"
SETTINGS_PAUSE_UNTIL = "Pause: until {day}"
SETTINGS_PAUSE_OPEN = "Pause: until you say"
SHORT_DATE = "{weekday} {day} {month}"  # Tue 5 Jan
QUIET_SPAN = "{start}–{end}"  # 21:00–08:00
QUIET_OFF = "off"
MODE_NAMES = {  # as the summary and the replies name a pace
    "searching": "job-searching",
    "employed": "employed, keeping your network warm",
}

# The sections, as buttons under the summary.
SECTION_BUTTONS = {
    "time": "🕒 Check-in time",
    "zone": "🌍 Timezone",
    "days": "📅 Days",
    "pace": "🏃 Pace",
    "quiet": "🌙 Quiet hours",
    "review": "📊 Weekly review",
    "nudges": "🔔 Nudges",
    "pause": "⏸ Pause",
    "partner": "🤝 Partner",
}
CHOSEN_BUTTON = "✓ {label}"
KIND_STATE_ON_BUTTON = "✓ {kind}"
KIND_STATE_OFF_BUTTON = "✗ {kind}"

SETTINGS_TIME = (
    "Check-ins come at {time} ({zone}), {days}. Next one: {next}.\n\n"
    "Tap a time, or send any other like /checkintime 7:45."
)
SETTINGS_ZONE = (
    "Your timezone is {zone}; it's {local_time} there now.\n\n"
    "To change it, send /timezone <city> (e.g. {examples}) or share your location."
)
SETTINGS_DAYS = "Networking days: {days}.\nTap a day to switch it on or off; at least one stays on."
SETTINGS_PACE = (
    "Your pace: {mode}, networking on {days}.\n\n"
    "Job-searching: most days ({searching_days}). Employed: a lighter pace ({employed_days}) "
    "that keeps your network warm, never off."
)
SETTINGS_PACE_PROPOSAL = (
    "Pace set: {mode}.\nThat pace usually means networking on {proposed}; yours are {days}. "
    "Switch to {proposed}?"
)
MODE_BUTTONS = {"searching": "Job-searching", "employed": "Employed"}
USE_DAYS_BUTTON = "Use {days}"
KEEP_DAYS_BUTTON = "Keep {days}"
SETTINGS_QUIET = (
    "Quiet hours: {start}–{end}.\n"
    "Nudges I start myself wait until they end; your check-in, your weekly review and a "
    "follow-up's first reminder still come at the times you chose.\n\n"
    "Tap a preset, or send e.g. /quiet 22:00-07:00 or /quiet off."
)
SETTINGS_QUIET_OFF = (
    "Quiet hours: off. My nudges may come at any hour.\n\n"
    "Tap a preset, or send e.g. /quiet 22:00-07:00."
)
QUIET_OFF_BUTTON = "Off"
SETTINGS_REVIEW = (
    "Your weekly review comes on {weekday}s at your check-in time ({time}): the week in "
    "numbers and one focus for the next.\nTap a day to move it."
)
SETTINGS_REVIEW_SWITCHED_OFF = (
    "Your weekly review is switched off (it would come on {weekday}s). Turn it on under "
    "Nudges; tap a day to move it."
)
SETTINGS_NUDGES = (
    "Which messages should I send on my own? Tap one to switch it off or on (✓ on, ✗ off)."
)
SETTINGS_NOT_PAUSED = (
    "You're not paused. A pause silences every message from me and freezes your streak. "
    "For how long?"
)
SETTINGS_PAUSED_UNTIL = (
    "⏸ Paused until {day}: no messages from me, and your streak is frozen meanwhile."
)
SETTINGS_PAUSED_OPEN = (
    "⏸ Paused until you say: no messages from me, and your streak is frozen meanwhile."
)
RESUME_NOW_BUTTON = "▶️ Resume now"

# One-line confirmations (the answer to a tap, or the reply to a command).
TIME_CHANGED = "Check-in time: {time}"
ONBOARDING_TIME_SET = "Check-ins at {time}."  # a time set while onboarding asks its questions
ONBOARDING_SKIPPED = "Skipped: the default stays (you can change it any time in /settings)."
# Someone who logged something before finishing /start hears what the rest waits for.
WAITS_FOR_START = "Reminders start once you're set up: send /start (three quick questions)."
DAYS_CHANGED = "Networking days: {days}"
PACE_CHANGED = "Pace: {mode}"
DAYS_KEPT = "Keeping {days}"
QUIET_CHANGED = "Quiet hours: {start}–{end}"
QUIET_SWITCHED_OFF = "Quiet hours: off"
REVIEW_CHANGED = "Weekly review: {weekday}"
KIND_SWITCHED_OFF = "🔕 Off: {kind}"
KIND_SWITCHED_ON = "🔔 On: {kind}"
PAUSE_CHANGED_UNTIL = "⏸ Paused until {day}"
PAUSE_CHANGED_OPEN = "⏸ Paused until you say"
RESUMED_SHORT = "▶️ Welcome back! Next check-in: {next}"
NOT_PAUSED_SHORT = "You're not paused."

# /quiet
QUIET_SET = (
    "🌙 Quiet hours: {start}–{end}. Nudges I start myself wait until {end}; /quiet off "
    "switches them off."
)
QUIET_SET_OFF = "Quiet hours are off: my nudges may come at any hour. /quiet 22:00-07:00 sets some."
QUIET_PROBLEMS = {  # domain.quiet_hours.QuietProblem
    "unreadable": "I couldn't read that. Try /quiet 22:00-07:00, /quiet 10pm-7am or /quiet off.",
    "empty": "That span starts and ends at the same time. Try /quiet 22:00-07:00, or /quiet off.",
}

# Onboarding, step three (after the check-in time): the pace (principle 1).
ASK_MODE = (
    "Last one: are you job-searching right now, or employed and keeping your network warm? "
    "It sets your pace: most days, or two a week."
)
MODE_ANSWER_ECHO = "{question}\n→ {answer}"

# /asked with a vague ask (principle 6): one way to say it specifically; the day picks which.
VAGUE_ASK_REWRITE = (
    "Tip: specific asks are easier to say yes to. Instead of “let me know if anything comes "
    "up”, try “{example}”"
)
SPECIFIC_ASK_EXAMPLES = (
    "Could you introduce me to the design lead at Acme?",
    "Would you have 20 minutes next week to tell me how your team hires?",
    "Could you refer me for the product manager role on your team?",
)


# --- pitch ------------------------------------------------------------------------------------

PITCH_ASK = (
    "Let's hear your elevator pitch: what you'd say when someone asks “so, what do you do?”. "
    "A pattern that works: “I am… I help… I'm looking for…”. Send it now, or /cancel."
)
PITCH_SAVED = "Saved your pitch (version {version})."
PITCH_UNCHANGED = "That's your current pitch, word for word (version {version})."
PITCH_CURRENT = "Your pitch (version {version}, from {day}):\n\n“{text}”"
PITCH_GOOD = (
    "It says who you are now and what you're after: nothing to flag. Say it out loud a few "
    "times until it flows."
)
PITCH_FINDINGS = ("One thing a listener would notice:", "{n} things a listener would notice:")
PITCH_FINDING = "{number}. {name}: “{quote}”\n{advice}\nTry: “{example}”"
# Per issue (domain.pitch.PitchIssue): its name, what to do instead, and an example.
PITCH_ISSUES: dict[PitchIssue, tuple[str, str, str]] = {
    PitchIssue.PAST_TENSE: (
        "Looking back",
        "Lead with who you are now; what you were can come later, if at all.",
        "I'm a product manager who helps fintech teams ship onboarding people finish.",
    ),
    PitchIssue.UNEMPLOYED: (
        "Job-loss framing",
        "A layoff is something that happened to you, not who you are. Say what you do and can do.",
        "I'm a designer who helps health startups build forms people actually complete.",
    ),
    PitchIssue.SEARCH_FIRST: (
        "The search comes first",
        "Say what you do first; the search comes after it.",
        "I help retailers price smarter with data. I'm looking for my next analytics role.",
    ),
    PitchIssue.VAGUE_ASK: (
        "A vague ask",
        "Nobody can act on “anything”. Name one kind of role, one company or one introduction.",
        "I'm looking for a product role at a Berlin fintech; an intro to someone at N26 would "
        "be gold.",
    ),
    PitchIssue.TOO_LONG: (
        "Too long for half a minute",
        "A listener drifts off around here. Three sentences are plenty: I am… I help… I'm "
        "looking for…",
        "I'm a backend engineer. I help payment teams keep checkouts fast. I'm looking for a "
        "platform role in fintech.",
    ),
    PitchIssue.TOO_SHORT: (
        "Very short",
        "A title alone doesn't tell people how to help. Add who you help and what you're "
        "looking for.",
        "I'm a data analyst who helps retailers price better. I'm looking for an analytics "
        "team in e-commerce.",
    ),
}
PITCH_QUOTE_LIMIT = 120
PITCH_PATTERN = (
    "The shape that works: “I am… I help… I'm looking for…”, with the search after what you do."
)
PITCH_YOURS = (
    "Your words stay exactly as you wrote them. /pitch with a new version gets a fresh review; "
    "earlier versions are kept."
)
PITCH_REPLACE = "To replace it, send /pitch followed by the new version, or tap below."
PITCH_REPLACE_BUTTON = "✏️ Write a new version"
PITCH_TOO_LONG = (
    "That's longer than I keep ({limit} characters). A pitch fits in half a minute: three "
    "sentences are plenty."
)
PITCH_EMPTY = "I couldn't find any words in that. Send your pitch as text, or /cancel."


# --- goals ------------------------------------------------------------------------------------

GOAL_INTRO = (
    "Let's aim: three short questions, each skippable. A clear target turns “network more” "
    "into a plan."
)
GOAL_QUESTIONS: dict[GoalPart, str] = {
    GoalPart.WANT: (
        "1/3 · What do you want? e.g. “a product role in fintech” or “three new clients in "
        "healthcare”."
    ),
    GoalPart.WHO: (
        "2/3 · Who can help you get there? Name target companies and the roles that open "
        "doors, e.g. “Stripe, Adyen, N26; hiring managers, team leads”."
    ),
    GoalPart.WHERE: (
        "3/3 · Where do those people gather? Events, groups, communities, e.g. “Berlin Fintech "
        "Meetup, the Mind the Product Slack”."
    ),
}
GOAL_CHANGE_QUESTIONS: dict[GoalPart, str] = {
    GoalPart.WANT: "What do you want? e.g. “a product role in fintech”.",
    GoalPart.WHO: (
        "Who can help? Target companies and roles, e.g. “Stripe, Adyen; hiring managers, team "
        "leads”. This replaces the list."
    ),
    GoalPart.WHERE: "Where do those people gather? e.g. “Berlin Fintech Meetup”.",
}
GOAL_NOW = "Now: {current}"
GOAL_WHO_NOW = "{companies}; {roles}"
GOAL_CHANGE_HINT = "Skip keeps it as it is; “-” clears it."
GOAL_SKIP_BUTTON = "Skip"
GOAL_SKIPPED_ECHO = "{question}\n→ Skipped"
GOAL_EMPTY_ANSWER = "I couldn't find any words in that. Type your answer, or skip this one."
GOAL_NO_HELPERS = (
    "I couldn't find a company or a role in that. Try e.g. “Stripe, Adyen; hiring managers”, "
    "or skip this one."
)
GOAL_SAVED = "🎯 Goal saved. /goal shows it again and changes any part."
GOAL_NOTHING = "No goal for now, and that's fine. /goal starts again whenever you're ready."
GOAL_VIEW = (
    "🎯 Your goal\n"
    "What you want: {want}\n"
    "Target companies: {companies}\n"
    "Roles who can help: {roles}\n"
    "Where they gather: {where}"
)
GOAL_NO_TARGETS = "Name a few target companies and I'll show who you know at each."
GOAL_CHANGE_BUTTONS: dict[GoalPart, str] = {
    GoalPart.WANT: "Change what you want",
    GoalPart.WHO: "Change who can help",
    GoalPart.WHERE: "Change where they gather",
}
GOAL_OFFER = (
    "🎯 One more thing: networking works best with a target. Three short questions (what you "
    "want, who can help, where they gather) turn “network more” into a plan. Tap below, or "
    "/goal any time."
)
GOAL_OFFER_BUTTON = "🎯 Set a goal"

# Coverage of the target companies (in /goal and /stats): who decides, who is inside.
COVERAGE_HEADER = (
    "Your target companies: {covered} of {total} with both a decision-maker and an insider "
    "you know."
)
COVERAGE_LINE = "• {company}: {deciders} · {insiders}"
COVERAGE_LINE_OTHERS = "• {company}: {deciders} · {insiders} · also there: {others}"
COVERAGE_LINE_COVERED = "✅ {company}: {deciders} · {insiders}"
COVERAGE_LINE_COVERED_OTHERS = "✅ {company}: {deciders} · {insiders} · also there: {others}"
DECIDERS = ("decision-maker {names}", "decision-makers {names}")
NO_DECIDER = "no decision-maker yet"
INSIDERS = ("insider {names}", "insiders {names}")
NO_INSIDER = "no insider yet"
NAMES_AND_MORE = "{names} and {n} more"
# A target where the user knows nobody gets one concrete step (domain.goals.next_step).
COVERAGE_NOBODY: dict[Suggestion, str] = {
    Suggestion.ASK_CONNECTOR: (
        "• {company}: nobody yet. Ask {connector} for an introduction to someone there."
    ),
    Suggestion.GO_WHERE_THEY_GATHER: "• {company}: nobody yet. Go where they gather: {place}.",
    Suggestion.ASK_FOR_INTRO: (
        "• {company}: nobody yet. Ask a connector, someone who knows everyone, for an "
        "introduction to someone there."
    ),
}
COVERAGE_HOW = (
    "(Someone counts when their card names the company and a tier: /contact <name>, then "
    "Company/role.)"
)


# --- stats: the chart, and the network before a first check-in ---------------------------------

STATS_NO_CHECKIN = (
    "📈 No check-ins yet, but your network log has started. A first check-in takes two "
    "minutes: /checkin"
)
CHART_TITLE = "Your last {weeks} weeks"
CHART_CAPTION = "Half a year at a glance: check-ins, gives and asks, and how you met people."
CHART_CALENDAR_TITLE = "Check-ins"
CHART_GIVES_ASKS_TITLE = "Gives and asks per week"
CHART_INTERACTIONS_TITLE = "Conversations per week"
CHART_GIVES = "gives"
CHART_ASKS = "asks"
CHART_LIVE = "in person or call"
CHART_MESSAGES = "messages"
CHART_CHECKED_IN = "check-in"
CHART_MISSED = "no check-in"
CHART_REST_DAY = "not a networking day"
CHART_TODAY = "today"
WEEKDAY_INITIALS = ("M", "T", "W", "T", "F", "S", "S")


# --- the week ahead and the calendar file -------------------------------------------------------

DUE_HEADER = "📅 Your next 7 days"
DUE_EARLIER = (
    "Still open from earlier: {n} follow-up (/followups).",
    "Still open from earlier: {n} follow-ups (/followups).",
)
DUE_TODAY = "Today, {date}"
DUE_TOMORROW = "Tomorrow, {date}"
DUE_WEEKDAY = "{weekday}, {date}"
DUE_DAY_CHECKIN = "{day}: check-in at {time}"
DUE_DAY_DONE = "{day}: checked in ✓"
DUE_DAY_REST = "{day}: no check-in"
DUE_DAY_PAUSED = "{day}: paused"
DUE_FOLLOWUP = "   • {time} {name}"
DUE_FOLLOWUP_NOTE = "   • {time} {name}: {note}"
DUE_NOTE_LIMIT = 80
DUE_FOOTER = (
    "(Check-ins on {days}: /days changes them. /followup adds a reminder; /calendar puts your "
    "follow-ups in your own calendar.)"
)

CALENDAR_NAME = "Marathon follow-ups"
CALENDAR_EVENT = "Follow up with {name}"
CALENDAR_CAPTION = (
    "{n} open follow-up. Open the file to add it to your calendar; sending /calendar again "
    "later updates it instead of adding it twice.",
    "{n} open follow-ups. Open the file to add them to your calendar; sending /calendar again "
    "later updates them instead of adding them twice.",
)
CALENDAR_EMPTY = (
    "No open follow-ups to put in a calendar. Set one with e.g. /followup Sally friday — send "
    "the article"
)


# --- accountability partners (/partner) -------------------------------------------------------

PARTNER_EXPLAIN = (
    "🤝 An accountability partner notices when you show up, and you notice them.\n"
    "A partner sees, for each networking day, whether you checked in, your streak and your "
    "week's counts (people reached, gives, asks, follow-ups done).\n"
    "Never names, notes, contacts, your goal or your pitch; /settings → Partner shares less."
)
PARTNER_INVITE = (
    "Send this link to someone you'd like as a partner (it works once, for 7 days):\n{link}"
)
PARTNER_SHARE_BUTTON = "📨 Share"
PARTNER_SHARE_TEXT = "Be my accountability partner on Marathon? We'd see each other's check-ins."
PARTNER_FULL = (
    "You have {max} partners, the most there can be. End one below to invite someone new."
)
PARTNER_HEADER = "Your partners:"
PARTNER_LINE = "{name}: {marks} · streak {streak} · partners since {since} · together {weeks}"
PARTNER_LINE_STREAK_ONLY = "{name}: streak {streak} · partners since {since} · together {weeks}"
PARTNER_LINE_PAUSED = "{name}: paused · streak {streak} · partners since {since} · together {weeks}"
PARTNER_WEEKS = ("{n} week", "{n} weeks")
PARTNER_MARKS_LEGEND = "● checked in · ○ missed · ‖ paused · · still to come"
PARTNER_MARKS = {"done": "●", "missed": "○", "paused": "‖", "ahead": "·"}
PARTNER_END_BUTTON = "End partnership with {name}"
PARTNER_ENDED_YOU = "You ended your partnership with {name}."
PARTNER_ENDED = "Your partnership with {name} has ended."
PARTNER_STATS = "Partner streak with {name}: {weeks}"

# Opening an invite link (/start p-…).
PARTNER_INVITED = (
    "🤝 {name} invites you to be accountability partners.\n\n"
    "{name} would see of you: {yours}.\n"
    "You would see of {name}: {theirs}.\n"
    "Never names, notes, contacts, goals or pitches. /settings → Partner changes what you share."
)
PARTNER_SHARE_DETAILS = {  # what a partner sees, as the invite spells it out
    "all": "each networking day checked in or not, the streak, and the week's counts "
    "(people reached, gives, asks, follow-ups done)",
    "days": "each networking day checked in or not, and the streak",
    "streak": "the streak only",
}
PARTNER_ACCEPT_BUTTON = "✅ Accept"
PARTNER_DECLINE_BUTTON = "No thanks"
PARTNER_ACCEPTED = "You and {name} are partners now. /partner shows how they're doing."
PARTNER_DECLINED = "No problem: you and {name} are not partners."
PARTNER_THEY_ACCEPTED = "🤝 {name} accepted your invite: you're partners now."
PARTNER_THEY_DECLINED = "{name} said no thanks to your partner invite."
PARTNER_INVITE_PROBLEMS = {
    "invalid": "That invite link has expired or was used already; ask for a fresh one (/partner).",
    "self": "That's your own invite link: send it to someone else.",
    "already": "You two are partners already. /partner shows how they're doing.",
    "you_full": "You have {max} partners already, the most there can be; /partner can end one.",
    "they_full": "Whoever invited you has {max} partners already, the most there can be.",
}

# Cheers and nudges.
PARTNER_DIGEST = "Your partners this week:"
PARTNER_DIGEST_LINE = "{name}: {marks}"
PARTNER_DIGEST_COUNTS = "{name}: {marks} · {people}, {gives}, {asks}, {done}"
PARTNER_DIGEST_STREAK_ONLY = "{name}: shares their streak only (/partner)"
PARTNER_DIGEST_PAUSED = "{name}: paused"
PARTNER_PEOPLE = ("{n} person reached", "{n} people reached")
PARTNER_FOLLOWUPS_DONE = ("{n} follow-up done", "{n} follow-ups done")
PARTNER_CHEER_BUTTON = "👏 Cheer {name}"
PARTNER_CHEERED = "👏 {name} cheers you on!"
PARTNER_CHEER_SENT = "Cheer sent to {name}."
PARTNER_CHEER_ONCE = "You cheered {name} today already; again tomorrow."
PARTNER_QUIET = "{name} has been quiet for two days. Send a nudge?"
PARTNER_QUIET_WHY = (
    "(Your partner missed two networking days in a row; this comes once a week at most.)"
)
PARTNER_NUDGE_BUTTON = "👋 Nudge {name}"
PARTNER_NUDGE_SENT = "{name} will get your nudge."
PARTNER_NUDGE_RECENT = "{name} got a nudge lately; give them a couple of days."
PARTNER_NUDGES = (
    "👋 {name} is thinking of you: two minutes today keeps you both going.",
    "👋 {name} sends a nudge: one quick check-in and you're back on track.",
)
PARTNER_NUDGE_WHY = "(Your partner {name} sent this; nudges come at most once in three days.)"

# /settings → Partner.
PARTNER_SHARE_NAMES = {
    "all": "days, streak and weekly counts",
    "days": "days and streak",
    "streak": "streak only",
}
PARTNER_SHARE_BUTTONS = {
    "all": "Days, streak and counts",
    "days": "Days and streak",
    "streak": "Streak only",
}
SETTINGS_PARTNER = (
    "Your partners see: {share}.\n\n"
    "Days: whether you checked in on each networking day. Counts: people reached, gives, asks "
    "and follow-ups done each week. Never names, notes, contacts, your goal or your pitch."
)
PARTNER_SHARE_CHANGED = "Partners now see: {share}."
