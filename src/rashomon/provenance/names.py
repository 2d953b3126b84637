"""The news agencies and outlets an account may name as its origin, by the names they go by in English text.

A gazetteer of the world's wire services and of outlets that other outlets cite, not of any one corpus:
an origin missing here is still found where the text calls it one ("the newspaper X", "X news agency").
Each name maps to the one the origin is shown under.
"""

from __future__ import annotations

WIRES = {
    "dpa": "dpa", "deutsche presse-agentur": "dpa", "reuters": "Reuters", "ap": "AP",
    "associated press": "AP", "the associated press": "AP", "afp": "AFP", "agence france-presse": "AFP",
    "agence france presse": "AFP", "xinhua": "Xinhua", "tass": "TASS", "itar-tass": "TASS",
    "ria novosti": "RIA Novosti", "ria": "RIA Novosti", "interfax": "Interfax", "bloomberg": "Bloomberg",
    "upi": "UPI", "united press international": "UPI", "ansa": "ANSA", "efe": "EFE", "kyodo": "Kyodo",
    "yonhap": "Yonhap", "pti": "PTI", "press trust of india": "PTI", "ani": "ANI", "ukrinform": "Ukrinform",
    "unian": "UNIAN", "anadolu": "Anadolu", "anadolu agency": "Anadolu", "pap": "PAP", "apa": "APA",
    "ctk": "ČTK", "čtk": "ČTK", "bta": "BTA", "mti": "MTI", "belga": "Belga", "anp": "ANP", "lusa": "Lusa",
    "europa press": "Europa Press", "agerpres": "Agerpres", "irna": "IRNA", "kcna": "KCNA", "wafa": "WAFA",
    "bernama": "Bernama", "antara": "Antara", "cna": "CNA", "kyodo news": "Kyodo", "aap": "AAP",
    "canadian press": "The Canadian Press", "the canadian press": "The Canadian Press", "sana": "SANA",
}

OUTLETS = {
    "sputnik": "Sputnik", "rt": "RT", "bbc": "BBC", "cnn": "CNN", "fox news": "Fox News",
    "the new york times": "The New York Times", "new york times": "The New York Times",
    "the washington post": "The Washington Post", "washington post": "The Washington Post",
    "the wall street journal": "The Wall Street Journal", "wall street journal": "The Wall Street Journal",
    "financial times": "Financial Times", "the financial times": "Financial Times", "the guardian": "The Guardian",
    "der spiegel": "Der Spiegel", "spiegel": "Der Spiegel", "bild": "Bild", "le monde": "Le Monde",
    "kommersant": "Kommersant", "izvestia": "Izvestia", "politico": "Politico", "axios": "Axios",
    "al jazeera": "Al Jazeera", "global times": "Global Times", "nbc news": "NBC News", "abc news": "ABC News",
    "cbs news": "CBS News", "npr": "NPR", "the times": "The Times", "the telegraph": "The Telegraph",
    "the independent": "The Independent", "huffpost": "HuffPost", "the hill": "The Hill",
}

# What an account calls the origin it names: "the German dpa news agency", "the newspaper Le Monde".
MEDIA_NOUNS = ("news agency", "agency", "newspaper", "daily", "weekly", "broadcaster", "channel", "tv",
               "television", "radio", "magazine", "outlet", "website", "news site", "portal", "wire service",
               "news service", "paper", "tabloid")


def known_origin(name: str) -> tuple[str, str] | None:
    """(the name it is shown under, "wire" or "outlet") for a known agency or outlet, else None."""
    key = " ".join(name.casefold().split())
    if key in WIRES:
        return WIRES[key], "wire"
    if key in OUTLETS:
        return OUTLETS[key], "outlet"
    return None
