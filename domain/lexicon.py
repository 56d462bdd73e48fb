"""The English words the check-in reader leans on: cues before a person, words that are never
a name, channels, titles and the particles inside names.

Kept apart from the reader so the rules read as rules and the words as data. Every set holds
casefolded words. A capitalised word that is not here may be a name; one that is here never
starts one (precision first: a junk contact earns nudges and skews every figure).
"""

# Words after which the next name is a person: "coffee with Ana", "emailed george", "Ping João".
PERSON_CUES = frozenset(
    {
        "with", "w/", "met", "meet", "meeting", "called", "call", "calling", "phoned", "rang",
        "emailed", "email", "mailed", "texted", "text", "messaged", "message", "pinged", "ping",
        "dmed", "dm'd", "dm", "saw", "see", "thanked", "thank", "asked", "ask", "told", "tell",
        "gave", "give", "sent", "send", "helped", "help", "introduced", "introduce", "intro",
        "invited", "invite", "congratulated", "congratulate", "recommended", "recommend",
        "referred", "refer", "endorsed", "endorse", "reviewed", "review", "remind", "reminded",
        "nudge", "nudged", "contacted", "contact", "visited", "visit", "interviewed", "mentored",
        "coached", "thanks", "chase", "update", "updated", "forwarded", "forward", "shared",
        "share", "offered", "offer", "connected", "connect", "connecting", "to",
        "for", "w", "wished", "wish", "showed", "show", "paid", "bought", "hosted",
        "pitched",
        "inform", "informed", "tagged", "mentioned", "praised", "supported", "taught",
        "reconnected", "dropped", "caught", "bumped", "ran", "spoke", "talked", "chatted",
        "zoomed", "skyped", "facetimed", "whatsapped", "lunched", "wrote", "write", "replied",
        "reply", "answered", "answer", "follow", "check", "circle", "touch", "reach", "reached",
        "explain", "explained", "hooked", "prepped",
        "get", "got", "hit", "followed", "checked", "circled",
    }
)  # fmt: skip

# Cues strong enough that a lower-case word after them is a name: "emailed george".
LOWERCASE_CUES = frozenset(
    {
        "with", "w/", "w", "met", "called", "emailed", "texted", "messaged", "pinged", "ping",
        "dmed", "dm'd", "thanked", "thank", "asked", "ask", "told", "tell", "introduced",
        "email", "text", "call", "message", "remind", "saw", "helped", "visited", "to",
        "contacted", "contact", "gave", "sent", "send", "invited", "congratulated", "into",
        "whatsapp'd", "whatsapped", "phoned", "rang", "and", "&",
    }
)  # fmt: skip

# Before a capitalised word, these make it an organisation or place: "from Stripe", "at Adyen".
COMPANY_PREPOSITIONS = frozenset({"from", "at", "of", "@", "joined", "joining", "in"})

# "Michael whether Deloitte": these before a capitalised word say nothing about a person.
NOT_A_CUE = frozenset(
    {
        "the", "a", "an", "whether", "if", "that", "about", "on", "by", "via", "over", "through",
        "using", "this", "next", "last", "every", "each", "our", "my", "your", "his",
        "her", "their", "its", "whose", "which", "what", "where", "how", "why", "when", "than",
        "like", "as", "per", "re", "some", "any", "no", "two", "three",
    }
)  # fmt: skip

# Titles, dropped from a name: "Dr. Ahmed Khan" is Ahmed Khan. After one, a name is certain.
TITLES = frozenset(
    {"dr", "mr", "mrs", "ms", "miss", "mx", "prof", "professor", "sir", "dame", "madam", "mme",
     "señora", "señor", "sra", "frau", "herr", "madame", "monsieur", "signora", "signor", "med",
     "sgt", "capt", "cpt", "lt", "col", "gen", "maj", "rev", "fr", "hon", "dipl", "ing"}
)  # fmt: skip
# Inside a name, between its capitalised words: van der Berg, de la Cruz, bin Salman.
PARTICLES = frozenset(
    {
        "van", "der", "den", "de", "del", "della", "di", "da", "das", "dos", "do", "du", "la",
        "le", "von", "zu", "bin", "ibn", "binti", "bint", "al", "el", "ter", "ten", "y", "e",
        "af", "st", "st.", "ben", "abu", "mac", "lo",
    }
)  # fmt: skip
NAME_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})

PRONOUNS_FEMALE = frozenset({"her", "she", "hers"})
PRONOUNS_MALE = frozenset({"him", "he", "his"})
PRONOUNS_ANY = frozenset({"them", "they", "their"})
PRONOUNS = PRONOUNS_FEMALE | PRONOUNS_MALE | PRONOUNS_ANY

# Never a person, whatever the capitals: days, months that are not names, tools, channels.
NEVER_NAMES = frozenset(
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon",
        "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "january",
        "february", "march", "september", "october", "november", "december", "jan", "feb",
        "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "today",
        "tomorrow", "tonight", "yesterday", "tmrw", "zoom", "teams", "meet", "linkedin",
        "whatsapp", "slack", "telegram", "signal", "skype", "discord", "facetime", "twitter",
        "instagram", "facebook", "email", "e-mail", "gmail", "sms", "imessage", "google",
        "microsoft", "amazon", "aws", "apple", "meta", "netflix", "stripe", "github", "gitlab",
        "notion", "figma", "uber", "airbnb", "spotify", "ibm", "oracle", "intel", "nvidia",
        "openai", "deloitte", "mckinsey", "pwc", "kpmg", "accenture", "salesforce", "sap",
        "adobe", "tesla", "shopify", "booking", "zalando", "adyen", "klarna", "revolut",
        "nubank", "pydata", "pycon", "meetup", "summit", "conference", "webinar", "hackathon",
        "christmas", "easter", "thanksgiving", "diwali", "eid", "ramadan", "hanukkah", "i",
        "cv", "resume", "ok", "okay", "thx", "hi", "hey", "hello", "yes", "no", "nope", "n/a",
        "none", "nobody", "nothing", "noone", "everyone", "someone", "anyone", "nyc",
        "sf", "la", "uk", "us", "usa", "eu", "berlin", "london", "paris", "lisbon", "madrid",
        "amsterdam", "tokyo", "munich", "hamburg", "vienna", "zurich", "dublin", "barcelona",
        "toronto", "sydney", "singapore", "dubai", "bangalore", "lagos", "nairobi", "cairo",
        "istanbul", "warsaw", "prague", "stockholm", "oslo", "copenhagen", "helsinki", "rome",
        "milan", "new", "york", "san", "francisco", "silicon", "valley", "europe", "asia",
        "africa", "america", "india", "china", "japan", "germany", "france", "spain",
        "brazil", "mexico", "canada", "python", "java", "javascript", "rust", "go", "sql",
        "excel", "ai", "ml", "hr", "ceo", "cto", "cfo", "coo", "vp", "pm", "ux", "ui", "qa",
        "devops", "b2b", "saas", "phd", "mba", "q&a", "kickoff", "standup", "demo",
        "happy", "merry", "good", "great", "thanks", "cheers", "sorry", "dear", "lol", "btw",
        "fika",
    }
)  # fmt: skip

# Capitalised words that name a group, event or organisation, never one person.
ORGANISATION_WORDS = frozenset(
    {
        "summit", "conference", "meetup", "fair", "expo", "con", "festival", "hackathon",
        "workshop", "forum", "week", "day", "night", "inc", "inc.", "ltd", "llc", "gmbh",
        "group", "bank", "university", "college", "school", "labs", "lab", "capital",
        "ventures", "partners", "agency", "studio", "studios", "team", "club", "society",
        "association", "foundation", "institute", "academy", "council", "ministry", "office",
        "hq", "cloud", "tech", "technologies", "systems", "solutions", "consulting", "media",
        "health", "games", "app", "apps", "community", "network", "channel", "slack", "chat",
        "call", "meeting", "webinar", "podcast", "panel", "talk", "event", "series", "cafe",
        "café", "bar", "restaurant", "hotel", "street", "center", "centre", "hub",
        "space", "campus", "lounge", "program", "programme", "bootcamp", "course",
    }
)  # fmt: skip

# Common words that start a sentence with a capital but are never a name: the verbs, nouns
# and fillers of check-in answers ("Had coffee with…", "Quick call with…", "Thank Elena…").
COMMON_WORDS = frozenset(
    {
        # verbs, all forms people start a line with
        "had", "have", "has", "having", "did", "do", "done", "went", "go", "going", "got",
        "get", "getting", "made", "make", "took", "take", "was", "were", "is", "are", "am",
        "be", "been", "met", "meet", "meeting", "called", "call", "calling", "emailed",
        "email", "emailing", "texted", "text", "texting", "messaged", "message", "pinged",
        "ping", "dmed", "dm", "saw", "see", "seeing", "thanked", "thank", "thanks", "asked",
        "ask", "asking", "told", "tell", "gave", "give", "giving", "sent", "send", "sending",
        "helped", "help", "helping", "introduced", "introduce", "intro", "invited", "invite",
        "congratulated", "congratulate", "recommended", "recommend", "referred", "refer",
        "endorsed", "endorse", "reviewed", "review", "remind", "reminded", "nudge", "nudged",
        "contacted", "contact", "visited", "visit", "interviewed", "interview", "mentored",
        "coached", "chase", "update", "updated", "forwarded", "forward", "shared", "share",
        "offered", "offer", "connected", "connect", "reconnected", "caught", "catch",
        "bumped", "ran", "run", "spoke", "speak", "talked", "talk", "chatted", "chat",
        "zoomed", "wrote", "write", "replied", "reply", "answered", "answer", "follow",
        "followed", "check", "checked", "circle", "touch", "reach", "reached", "hit", "set",
        "scheduled", "schedule", "booked", "book", "joined", "join", "attended", "attend",
        "hosted", "host", "organised", "organized", "presented", "present", "pitched",
        "pitch", "showed", "show", "bought", "paid", "lent", "left", "commented", "comment",
        "liked", "like", "posted", "post", "published", "drafted", "draft", "prepared",
        "prepare", "proofread", "edited", "fixed", "translated", "tested", "test", "built",
        "wished", "wish", "praised", "supported", "support", "taught", "teach", "shadowed",
        "agreed", "agree", "promised", "promise", "owe", "owed", "need", "needs", "needed",
        "want", "wanted", "plan", "planned", "try", "tried", "keep", "kept", "say", "said",
        "let", "put", "find", "found", "look", "looked", "hear", "heard", "grab", "grabbed",
        "walked", "walk", "skipped", "skip", "worked", "work", "working", "applied", "apply",
        "spent", "spend", "started", "start", "finished", "finish", "waiting", "wait",
        "confirm", "confirmed", "mention", "mentioned", "tag", "tagged", "inform", "informed",
        "rang", "phoned", "lunched", "dined", "remember", "don't", "dont", "didn't",
        "didnt", "couldn't", "can't", "will", "would", "should", "could", "must", "might",
        "shall", "may", "can", "let's", "lets", "sync", "synced", "debrief", "debriefed",
        "brainstormed", "discussed", "discuss", "explained", "explain", "suggested",
        "suggest", "pointed", "point", "requested", "request", "sought", "begged", "pinging",
        "following", "checking", "circling", "touching", "reaching", "pushed", "push",
        # nouns and fillers that open a line
        "coffee", "coffees", "lunch", "lunches", "dinner", "breakfast", "brunch", "drinks",
        "drink", "beer", "beers", "tea", "zoom", "video", "phone", "quick", "short",
        "long", "brief", "great", "nice", "good", "lovely", "fun", "interesting", "first",
        "second", "another", "also", "then", "later", "after", "before", "finally", "just",
        "only", "today", "yesterday", "tomorrow", "tonight", "this", "that", "these",
        "those", "there", "here", "it", "its", "i", "i'm", "im", "i've", "ive", "i'll", "ill",
        "we", "we're", "our", "my", "me", "you", "your", "he", "she", "they", "them", "him",
        "her", "his", "their", "a", "an", "the", "some", "no", "not", "none", "nobody",
        "nothing", "nope", "yes", "ok", "okay", "all", "both", "each", "every", "either",
        "one", "two", "three", "few", "several", "many", "lots", "more", "most", "same",
        "other", "others", "new", "old", "former", "ex", "via", "on", "in", "at", "by",
        "for", "from", "with", "about", "over", "to", "into", "and", "or", "but", "so",
        "because", "as", "if", "when", "while", "once", "still", "again", "too", "very",
        "really", "actually", "maybe", "probably", "hopefully", "briefly", "quickly", "mostly",
        "busy", "slow", "quiet", "sick", "day", "week", "month", "morning", "afternoon",
        "evening", "night", "weekend", "note", "notes", "reminder", "todo", "to-do", "next",
        "last", "final", "follow-up", "followup", "follow-ups", "re", "fyi", "btw", "ps",
        "team", "teams", "session", "meetings", "calls", "chats",
        "conversation", "conversations", "catch-up", "catchup", "intros", "introduction",
        "networking", "event", "events", "meetup", "meetups", "conference", "panel",
        "webinar", "workshop", "happy", "hour", "online", "offline", "remote", "remotely",
        "virtual", "virtually", "in-person", "irl", "dm's", "linkedin", "whatsapp", "slack",
        "telegram", "signal", "gmail", "mail", "voice", "voicemail", "sms",
        "messages", "emails", "texts", "congrats", "kudos", "shoutout", "shout-out",
        "referral", "recommendation",
        "feedback", "advice", "tips", "tip", "info", "updates", "article",
        "deck", "slides", "doc", "docs", "link", "links", "portfolio", "resume", "cv",
        "job", "jobs", "role", "roles", "position", "opening", "openings", "offers",
        "project", "projects", "idea", "ideas", "question", "questions", "podcast",
        "friend", "friends", "colleague", "colleagues", "coworker", "coworkers", "boss",
        "manager", "managers", "recruiter", "recruiters", "founder", "founders", "investor",
        "investors", "mentor", "mentors", "mentee", "client", "clients", "customer",
        "customers", "neighbour", "neighbor", "neighbours", "neighbors", "mom", "mum", "dad",
        "mother", "father", "sister", "brother", "cousin", "uncle", "aunt", "wife",
        "husband", "partner", "partners", "family", "people", "folks", "guys", "everyone",
        "someone", "somebody", "anyone", "anybody", "group", "groups", "alumni", "classmate",
        "classmates", "peer", "peers", "contacts", "network", "hiring", "lead",
        "leads", "engineer", "engineers", "designer", "designers", "developer",
        "developers", "ceo", "cto", "cfo", "vp", "hr", "head", "director", "directors",
        "whoever", "who", "whom", "whose", "what", "which", "where", "why", "how", "yet",
        "already", "soon", "asap", "eod", "re:", "ah", "oh", "hmm", "well", "sure", "nah",
        "brought", "thought", "fought", "meant", "slept", "felt", "lost", "won", "sold",
        "held", "stood", "understood", "drove", "rode", "broke", "chose", "woke", "ate", "drew",
        "grew", "knew", "threw", "flew", "began", "sang", "came", "became",
        "forgot", "cut", "read", "led", "fed", "laid", "listened", "hopped", "jumped",
        "sat", "stopped", "dropped", "popped", "reposted", "retweeted", "upvoted", "signed",
        "students", "parents", "kids", "teammates", "attendees", "speakers",
        "organizers", "organisers", "strangers", "guests", "members", "participants",
        "candidates", "interns", "devs", "crew", "staff", "employees", "community",
        "dm'd", "whatsapp'd", "msg'd", "pm'd", "n", "use", "build", "learn", "fix", "understand",
        "improve", "switch", "hire", "decide", "deploy", "ship", "swap",
        "recruiting", "fika", "candidate", "sourcing", "site",
        "demo", "n/a", "nil", "zero", "nada", "idk", "tbd",
        "tbc", "pending", "back", "forth",
        "abt", "pls", "plz", "thx", "ty", "lol", "haha", "ages", "together", "around", "out",
        "up", "down", "off", "away", "through", "neither", "whether",
    }
)  # fmt: skip

# How an interaction happened, by the words around a name (principle 9: online only).
IN_PERSON_WORDS = frozenset(
    {
        "coffee", "coffees", "cofee", "coffe", "lunch", "lunched", "dinner", "dined",
        "breakfast", "brunch", "drinks", "drink", "beer", "beers", "tea", "met", "meetup",
        "meeting", "event", "conference", "summit", "fair", "expo", "office", "walk",
        "walked", "party", "workshop", "visit", "visited", "saw", "ran", "bumped", "irl",
        "in-person", "person", "hackathon", "panel", "gym", "run", "hike",
        "festival", "bar", "cafe", "café", "restaurant", "face", "seminar", "booth",
        "reception", "climbing", "meet", "fika", "site", "dinners", "lunches", "breakfasts", "pint",
        "pints", "wine",
    }
)  # fmt: skip
CALL_WORDS = frozenset(
    {
        "call", "called", "calling", "phone", "phoned", "rang", "zoom", "zoomed", "video",
        "teams", "facetime", "calls", "zooms", "videocalls", "phonecalls", "facetimed", "skype",
        "skyped", "webex", "hangout",
        "hangouts", "voice", "videocall", "vc", "phonecall", "ring", "zooom", "facetime'd",
        "screen", "calld",
    }
)  # fmt: skip
MESSAGE_WORDS = frozenset(
    {
        "email", "emailed", "e-mail", "mail", "mailed", "message", "messaged", "dm", "dmed",
        "dm'd", "linkedin", "text", "texted", "txt", "whatsapp", "whatsapped", "wa",
        "telegram", "slack", "slacked", "sms", "imessage", "chat", "chatted", "wrote",
        "emails", "messages", "texts", "dms",
        "pinged", "ping", "note", "inmail", "signal", "messenger", "discord", "twitter",
        "comment", "commented", "replied", "reply", "letter", "card", "whatsapp'd", "msg",
        "msgd", "msg'd", "pmed", "pm'd", "emaild", "instagram", "ig",
    }
)  # fmt: skip

# Verbs that make a follow-up's note say nothing beyond "get back to this person".
GENERIC_FOLLOWUP_WORDS = frozenset(
    {
        "follow", "up", "with", "check", "in", "back", "on", "ping", "touch", "base", "circle",
        "reach", "out", "to", "get", "chase", "nudge", "remind", "reconnect", "followup",
        "follow-up", "f/u", "fu", "again", "w/", "and", "then", "also",
    }
)  # fmt: skip

# "my manager Karin", "an old roommate Enrique": a word for who someone is, right before them.
RELATION_WORDS = frozenset(
    {
        "manager", "mentor", "mentee", "friend", "colleague", "coworker", "co-worker", "boss",
        "roommate", "flatmate", "housemate", "cousin", "brother", "sister", "uncle", "aunt",
        "neighbour", "neighbor", "intern", "classmate", "teammate", "recruiter", "founder",
        "cofounder", "co-founder", "investor", "client", "customer", "lead", "director",
        "ceo", "cto", "professor", "teacher", "coach", "advisor", "adviser", "supervisor",
        "partner", "buddy", "pal", "contact", "acquaintance", "peer", "alum", "alumnus",
        "alumna", "engineer", "designer", "developer", "student", "landlord", "doctor",
        "mate", "niece", "nephew", "son", "daughter", "wife", "husband", "girlfriend",
        "boyfriend", "dad", "mom", "mum", "father", "mother", "grandma", "grandpa", "pm",
        "candidate", "broker", "agent", "landlady", "host", "therapist", "dentist",
    }
)  # fmt: skip

# Given names ending like a past tense ("Mohammed"), which a sentence's first verb never is.
ED_NAMES = frozenset(
    {
        "mohammed", "muhammed", "mohamed", "ahmed", "mehmed", "fred", "alfred", "jared", "ned",
        "ted", "reed", "jed", "sayed", "saeed", "zayed", "rasheed", "waleed", "khaled", "hamed",
        "majed", "walid", "reid", "manfred", "winifred", "mildred", "siegfried", "wilfred",
    }
)  # fmt: skip
# Words that are given names but also English words: lower case, they need a cue.
WORD_NAMES = frozenset(
    {
        "mark", "will", "grace", "chase", "hope", "bill", "rich", "faith", "summer", "hunter",
        "jordan", "may", "june", "april", "august", "sunny", "joy", "rose", "lily", "ivy",
        "dawn", "art", "pat", "sue", "ray", "jack", "frank", "drew", "rob", "sky", "max",
        "gene", "penny", "ruby", "amber", "jade", "hazel", "iris", "holly", "daisy", "paris",
        "sydney", "dallas", "austin", "miles", "dean", "earl", "guy", "chance", "wade",
    }
)  # fmt: skip
