"""Closed word classes the coding rules read: pronouns, audiences, heads of place and group
phrases, willingness, the complements of "agree", and who initiated an exchange."""

from __future__ import annotations

import re

MEDIA_WORDS = frozenset(
    [
        "newspaper",
        "paper",
        "outlet",
        "media",
        "broadcaster",
        "agency",
        "report",
        "reports",
        "daily",
        "journal",
        "magazine",
        "network",
        "channel",
        "television",
        "tv",
        "website",
        "analyst",
        "analysts",
        "expert",
        "experts",
    ]
)
"""Heads of reporting phrases that are not a government speaking (private media)."""
PRONOUNS_PERSON = frozenset(["he", "she", "him", "her", "his", "hers"])
PRONOUNS_SPEAKER = frozenset(["we", "us", "our", "i"])
LOCATIVE = frozenset(["in", "at", "near", "off", "over", "around", "outside", "inside", "across"])
INITIATOR = re.compile(
    r"at the (?:request|invitation|initiative) of (the [\w.’' -]+? side|[\w.’' -]+?)[,.;)]"
    r"|at ([\w.’' -]+?)[’']s? (?:request|initiative)"
    r"|(?:initiated|requested|sought) by (the [\w.’' -]+?|[\w.’' -]+?)[,.;)]"
)
"""Phrases that name who initiated a call or meeting (CODING rule 2)."""
NON_STATE_HEADS = frozenset(
    "airline airlines carrier carriers company companies firm firms bank banks corporation "
    "manufacturer manufacturers exporter exporters importer importers investor investors fan "
    "fans team club player players tourist tourists traveller travellers passenger passengers "
    "student students university universities media newspaper broadcaster".split()
)
"""Heads of source phrases that are not a state acting (CODING rule 21)."""
PLACE_HEADS = frozenset(
    "border borders coast coastline waters territory airspace island islands sea strait region "
    "province city capital base bases position positions installation installations post posts "
    "embassy consulate site sites facility facilities village town port ship vessel vessels "
    "destroyer boat boats aircraft jet jets forces troops soldiers nationals citizens "
    "product products goods company companies firm firms official officials".split()
)
"""Heads of target phrases that stand for the state named inside them ("the border with
Finland", "Japanese territorial waters", "Pakistani border posts", "Brazilian goods")."""
IMPLIED_TARGET = frozenset(
    {"CONCEDE", "SANCTION", "AGREE", "ACCUSE", "REQUEST", "REJECT", "THREATEN"}
)
"""Types whose target, when the clause names none, is the other party of the text."""
WILLING = frozenset({"willing", "ready", "committed", "prepared"})
"""Adjectives of willingness that make an AGREE ("is willing to work with")."""
AUDIENCES = frozenset(
    "reporter journalist lawmaker legislator parliament committee audience crowd rally troop "
    "soldier supporter people public press media senator voter citizen national student "
    "delegate reporters countries nations states governments companies".split()
)
"""Objects that are an audience addressed or unnamed others, not the state acted upon: with
one of them as object no target is implied."""
MILITARY_HEADS = frozenset(
    "jet jets fighter fighters aircraft plane planes bomber bombers drone drones warship "
    "warships ship ships vessel vessels destroyer destroyers frigate frigates submarine "
    "submarines carrier carriers helicopter helicopters troops forces navy".split()
)
"""Subjects that make a movement a show of force rather than a visit."""
SKIP_UNDER = frozenset({"ACCUSE", "REJECT", "THREATEN", "REQUEST"})
MEETING_LEMMAS = frozenset("meet visit hold convene travel host".split())
"""Complements of "agree" that set up a meeting: the planned CONSULT is coded, not an AGREE
(CODING rule 16)."""
CONTACT_LEMMAS = frozenset("speak talk communicate stay remain keep maintain contact".split())
"""Complements of "agree" that keep up contact: an AGREE (mode contact), not a CONSULT."""
AGREEING_LEMMAS = frozenset("agree decide pledge promise confirm".split())
"""Types whose complement clause is their content, not an event of its own (CODING rule 20)."""
