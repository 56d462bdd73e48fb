"""German, as the English words the reader knows (see `domain.lexicons`). German writes every
noun with a capital, so the nouns of check-ins are here too, and `de_morphology` knows nouns
by their endings: a capitalised word that is neither may be a name."""

from domain.lexicons import de_morphology as morphology

__all__ = ["DATEPARSER", "IMPLICIT_OBJECT", "NOUNS_CAPITALISED", "PHRASES", "WORDS", "morphology"]

IMPLICIT_OBJECT = True
DATEPARSER = "de"
# Every noun has a capital: a capitalised word may be a common one anywhere in a sentence.
NOUNS_CAPITALISED = True

WORDS = {
    "with": "mit mitm",
    "via": "auf per über",
    "to": "an zu zum zur",
    "from": "von vom aus",
    "at": "bei beim im um",
    "and": "und u. +",
    "about": "wegen nach",
    "for": "für",
    "the": "der die das den dem des",
    "a": "ein eine einen einem einer",
    "my": "mein meine meinen meinem meiner",
    "our": "unser unsere unseren unserem",
    "his": "sein seine seinen seinem seiner",
    "her": "ihr ihre ihren ihrem ihrer",
    "him": "ihm ihn er",
    "them": "sie",
    "everyone": "ihnen",
    "both": "beiden beide",
    "me": "mich mir",
    "if": "ob",
    "that": "dass",
    "how": "wie",
    "what": "was",
    "also": "auch",
    "then": "dann danach",
    "but": "aber",
    "so": "also",
    # what people did. A participle after a name is what the user did to them ("Clara
    # gefragt": asked Clara), so the participles of giving and asking stand for the bare
    # English verb, which the reader never takes for the name's own doing ("Clara asked");
    # those of getting in touch for the past tense, which makes a name before them a person
    # ("Paula angerufen").
    "met": "getroffen traf kennengelernt gesehen",
    "called": "angerufen telefoniert",
    "emailed": "gemailt",
    "email": "mailen mail e-mail",
    "messaged": "geschrieben angeschrieben",
    "message": "schreiben nachricht nachrichten",
    "reply": "geantwortet",
    "send": "geschickt gesendet weitergeleitet schicken senden",
    "give": "gegeben geben",
    "ask": "gefragt gebeten fragen bitten",
    "tell": "erzählt gesagt erzählen",
    "introduce": "vorgestellt vorstellen vorzustellen",
    "intro": "intro",
    "help": "geholfen helfen hilfe",
    "recommend": "empfohlen empfehlen",
    "review": "angeschaut anzuschauen durchgesehen",
    "invite": "eingeladen einladen",
    "offer": "angeboten anbieten",
    "thank": "bedankt",
    "congratulate": "gratuliert",
    "talk": "gequatscht geredet gesprochen unterhalten sprechen reden",
    "chat": "gechattet",
    "follow": "nachhaken",
    "check": "melden",
    "remind": "erinnern",
    "see": "sehen",
    "had": "hatte hab habe",
    "was": "war ist",
    "really": (
        " ok okay kurz kurzes kurzer schnell lang sehr viel wenig leute team "
        "arbeit projekt projekte stelle stellen job jobs angebot kurs vortrag talk feedback "
        "rat tipps tipp buch artikel präsentation lebenslauf cv portfolio link slides notizen "
        "freelancing freelance startups thema themen sache sachen sucht suchen gesucht "
        "einstellen neu neue neuen besser etwas jemand jemanden danke super toll "
        "offen offene offenen ideen idee tage stressiger stressig ruhig voll "
        "interview interviews frage pitch produkt getrunken gegessen bekannt gemacht "
        "weil während nur schon noch gut schlecht meetup "
        "rückmeldung empfehlung rat kontakt netzwerk lust zeit bewerbung kollegen dran "
        "machen gemacht weiter wieder mal kurz gern gerne freelance-projekten pms"
        " coworking fotos ich wir du es man weil wenn als bis seit nur schon noch gerade"
    ),
    # channels
    "coffee": "kaffee käffchen kaffe",
    "lunch": "mittagessen mittag lunch",
    "dinner": "abendessen essen",
    "breakfast": "frühstück",
    "drinks": "bier biere drinks wein feierabendbier",
    "meeting": "treffen meeting",
    "walk": "spaziergang",
    "phone": "telefon",
    "call": "anrufen telefonat anruf call",
    "videocall": "videocall videoanruf",
    "zoom": "zoom meet teams",
    "whatsapp": "whatsapp",
    "linkedin": "linkedin",
    "telegram": "telegram",
    "event": "veranstaltung event",
    "conference": "konferenz",
    # who they are
    "friend": "freund freundin kumpel",
    "colleague": "kollege kollegin ex-kollege ex-kollegin",
    "boss": "chef chefin",
    "manager": "managerin teamleiter teamleiterin",
    "mentor": "mentorin",
    "recruiter": "recruiterin",
    "founder": "gründer gründerin",
    "cofounder": "mitgründer mitgründerin",
    "engineer": "entwickler entwicklerin ingenieur ingenieurin",
    "designer": "designerin",
    "investor": "investorin",
    "clients": "kunden kundinnen",
    "client": "kunde kundin",
    "neighbour": "nachbar nachbarin",
    # nobody, nothing
    "nobody": "niemand keiner keinen",
    "nothing": "nichts",
    "no": "nein nö kein keine",
    # dates
    "today": "heute",
    "tomorrow": "morgen",
    "yesterday": "gestern",
    "overmorrow": "übermorgen",
    "next": "nächsten nächste nächster nächstes naechsten kommenden kommende",
    "this": "diesen diese dieser",
    "on": "am",
    "in": "in",
    "week": "woche",
    "weeks": "wochen",
    "month": "monat monats",
    "months": "monate monaten",
    "day": "tag",
    "days": "tagen",
    "end": "ende",
    "two": "zwei",
    "three": "drei",
    "four": "vier",
    "five": "fünf",
    "morning": "vormittag",
    "afternoon": "nachmittag",
    "evening": "abend",
    "monday": "montag",
    "tuesday": "dienstag",
    "wednesday": "mittwoch",
    "thursday": "donnerstag",
    "friday": "freitag",
    "saturday": "samstag",
    "sunday": "sonntag",
    "january": "januar",
    "february": "februar",
    "march": "märz",
    "april": "april",
    "may": "mai",
    "june": "juni",
    "july": "juli",
    "august": "august",
    "september": "september",
    "october": "oktober",
    "november": "november",
    "december": "dezember",
}

PHRASES = {
    "end of month": "ende des monats",
    "end of week": "ende der woche",
    "weekend": "wochenende",
    "next week": "nächste woche, kommende woche",
    "at": "um",
    "nobody": "mit niemandem, niemanden getroffen",
}

# Command arguments: "/pause 2 Wochen", "/pause bis Freitag", "/days Mo-Fr",
# "/quiet von 22 bis 7", "/quiet aus".
ARGUMENT_WORDS = {
    "o'clock": "uhr",
    "noon": "mittag mittags",
    "midnight": "mitternacht",
    "searching": "suchend jobsuche arbeitssuchend",
    "employed": "angestellt beschäftigt berufstätig",
    "until": "bis",
    "for": "für fuer",
    "off": "aus ausschalten abschalten deaktivieren deaktiviert keine",
    "indefinitely": "unbefristet",
    "monday": "mo",
    "tuesday": "di",
    "wednesday": "mi",
    "thursday": "do",
    "friday": "fr",
    "saturday": "sa",
    "sunday": "so sonnabend",
    "days": "tage",
    "daily": "täglich taeglich",
    "weekdays": "werktags wochentags werktage",
    "weekends": "wochenenden",
}
ARGUMENT_PHRASES = {
    "searching": "auf jobsuche, auf der suche",
    "employed": "ich arbeite, im job",
    "indefinitely": (
        "bis auf weiteres, bis ich es sage, bis ich bescheid sage, bis ich wieder da bin, "
        "auf unbestimmte zeit"
    ),
    "until": "bis zum, bis zur",
    "everyday": "jeden tag, alle tage",
}
