"""Applicants' names from several locales, with and without diacritics (all fictitious combinations).

Latin-1 names (German, Spanish, French, Nordic) print with the standard and embedded Type 1 fonts;
the others (Polish, Czech, Vietnamese) need a TrueType font with the full Latin script (DejaVu).
"""

from __future__ import annotations

import random

ASCII = "ascii"
DIACRITICS = "latin_diacritics"

# locale -> (first names, last names)
LATIN1 = {
    "de": (("Jürgen", "Björn", "Käthe", "Günther", "Jörg", "Mareike"),
           ("Müller", "Schäfer", "Köhler", "Weiß", "Größ", "Bäcker")),
    "es": (("José", "María", "Íñigo", "Begoña", "Raúl", "Sofía"), ("Muñoz", "Peña", "Ibáñez", "Gómez", "Núñez", "Cañizares")),
    "fr": (("François", "Hélène", "Zoé", "Jérôme", "Anaïs", "Loïc"), ("Lefèvre", "Gagné", "Bélanger", "Côté", "Thériault", "Mélançon")),
    "nordic": (("Søren", "Åsa", "Øystein", "Märta"), ("Ødegård", "Lindström", "Åberg", "Sørensen")),
}
FULL_LATIN = {
    "pl": (("Łukasz", "Małgorzata", "Wojciech", "Agnieszka", "Paweł", "Zofia"), ("Wójcik", "Żak", "Kowalczyk", "Dąbrowski", "Szczęsna", "Król")),
    "cs": (("Jiří", "Markéta", "Tomáš", "Lenka"), ("Dvořák", "Novotná", "Černý", "Procházka")),
    "vi": (("Hương", "Đức", "Thị Lan", "Quốc Bảo", "Minh Tuấn", "Ngọc Ánh"), ("Nguyễn", "Trần", "Phạm", "Lê", "Võ", "Đặng")),
}


def is_latin1(name: str) -> bool:
    """Whether every character of `name` is in Latin-1 (printable with the Type 1 fonts)."""
    return all(ord(c) < 256 for c in name)


def diacritic_name(rng: random.Random, full_latin: bool) -> tuple[str, str, str]:
    """(locale, first, last) with at least one diacritic; Latin-1 locales only unless `full_latin`."""
    pools = {**LATIN1, **(FULL_LATIN if full_latin else {})}
    while True:
        locale = rng.choice(sorted(pools))
        first, last = rng.choice(pools[locale][0]), rng.choice(pools[locale][1])
        if not (first + last).isascii():
            return locale, first, last
