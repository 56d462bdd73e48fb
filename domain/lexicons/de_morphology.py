"""German nouns by their endings: German capitalises every noun, so a capital says nothing,
but names never end like "Projektleitern", "Bewerbung", "Mannschaft" or "Entwicklerin"."""

_NOUN_ENDINGS = (
    "ung", "ungen", "heit", "keit", "schaft", "tion", "tionen", "ismus", "ität", "ment",
    "chen", "ern", "innen", "leute", "leiter", "nehmer", "erin", "ierung", "tät", "nis",
)  # fmt: skip
_SHORTEST = 6  # "Erin", "Vern", "Carmen" are names: only longer words are judged


def common(low: str) -> bool:
    """Whether a casefolded German word is a noun by its ending ("kundinnen", "bewerbung")."""
    return len(low) >= _SHORTEST and low.endswith(_NOUN_ENDINGS)
