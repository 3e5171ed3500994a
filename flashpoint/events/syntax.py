"""Questions asked of a spaCy dependency parse: subjects, objects, negation, modality, reporting."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

REPORTING_LEMMAS = frozenset(
    [
        "say",
        "tell",
        "state",
        "announce",
        "add",
        "note",
        "report",
        "claim",
        "insist",
        "confirm",
        "disclose",
        "reveal",
        "write",
        "assert",
        "declare",
        "stress",
        "emphasize",
        "emphasise",
        "indicate",
        "quote",
        "post",
        "tweet",
        "explain",
    ]
)
"""Verbs that attribute the clause they govern to their subject."""

FUTURE_GOVERNORS = frozenset(
    [
        "plan",
        "schedule",
        "expect",
        "intend",
        "prepare",
        "aim",
        "set",
        "due",
        "promise",
        "pledge",
        "vow",
        "decide",
        "propose",
        "hope",
        "arrange",
        "slate",
        "seek",
    ]
)
"""Verbs whose complement is a future action ("plans to visit", "is due to meet")."""

DENIAL_LEMMAS = frozenset(["deny", "dismiss", "refute"])
HYPOTHETICAL_AUX = frozenset(["could", "might", "may", "should", "must"])
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
GROUP_HEADS = frozenset(
    [
        "leader",
        "side",
        "country",
        "nation",
        "government",
        "president",
        "minister",
        "head",
        "delegation",
        "party",
        "counterpart",
        "state",
        "neighbour",
        "neighbor",
    ]
)
"""Plural nouns that name the two parties of an exchange ("the two leaders", "both sides")."""


def children(token: Token, *deps: str) -> list[Token]:
    """The token's children with one of the given dependency labels."""
    return [c for c in token.children if c.dep_ in deps]


def subject(verb: Token) -> Token | None:
    """The active subject of a verb, looking through conjunction, xcomp and advcl chains."""
    current: Token | None = verb
    for _ in range(4):
        if current is None:
            return None
        found = children(current, "nsubj")
        if found:
            return found[0]
        if children(current, "nsubjpass"):
            return None  # passive: the agent is the subject
        if current.dep_ in ("conj", "xcomp", "advcl", "ccomp", "pcomp") and (
            current.head is not current
        ):
            if current.dep_ == "ccomp":
                return None
            current = current.head
            if current.dep_ == "prep":  # "retaliated by firing": climb past the preposition
                current = current.head
            continue
        if current.dep_ in ("acl", "relcl") and current.dep_ == "acl":
            return None
        return None
    return None


def passive_agent(verb: Token) -> Token | None:
    """The 'by' agent of a passive verb or participle ("imposed by Washington")."""
    for agent in children(verb, "agent"):
        objects = children(agent, "pobj")
        if objects:
            return objects[0]
    return None


def is_passive(verb: Token) -> bool:
    """True for a passive verb ("was summoned", "sanctions imposed by")."""
    return bool(children(verb, "nsubjpass", "auxpass")) or (
        verb.dep_ in ("acl", "advcl") and verb.tag_ == "VBN" and not children(verb, "aux")
    )


def direct_object(verb: Token) -> Token | None:
    """The thing acted upon: dobj, the passive subject, or the noun a relative clause modifies."""
    found = children(verb, "dobj")
    if found and not (verb.dep_ == "relcl" and found[0].lower_ in ("that", "which", "who", "whom")):
        return found[0]
    found = children(verb, "nsubjpass")
    if found:
        return found[0]
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    return None


def prepositional_objects(token: Token, preposition: str) -> list[Token]:
    """Objects of `preposition` attached to the token ("talks with X", "tariffs on X")."""
    found = []
    for prep in token.children:
        if prep.dep_ in ("prep", "dative") and prep.lower_ == preposition:
            found += children(prep, "pobj")
    return found


def attached_objects(token: Token, preposition: str, depth: int = 3) -> list[Token]:
    """Objects of `preposition` attached to the token or, through nested prepositional
    phrases and objects, below it ("spoke by telephone with X"), not inside other clauses."""
    found: list[Token] = []
    frontier = [token]
    for _ in range(depth):
        following: list[Token] = []
        for node in frontier:
            for child in node.children:
                if child.dep_ in ("prep", "dative") and child.lower_ == preposition:
                    found += children(child, "pobj")
                if child.dep_ in ("prep", "pobj", "dobj", "npadvmod", "advmod", "dative"):
                    following.append(child)
        frontier = following
    return found


def own_clause(verb: Token) -> list[Token]:
    """The tokens of the verb's clause, leaving out the clauses it governs (relative, adverbial,
    reported and coordinated ones)."""
    found: list[Token] = []
    stack = [verb]
    while stack:
        node = stack.pop()
        found.append(node)
        stack += [
            c
            for c in node.children
            if c.dep_ not in ("relcl", "advcl", "ccomp", "conj", "parataxis", "acl")
        ]
    return found


def coordinated(token: Token) -> list[Token]:
    """The token and the tokens coordinated with it ("Egypt, Qatar and Turkey"), also when the
    coordination hangs on an apposition ("the minister, X, and Y")."""
    if token.dep_ == "conj":
        return [token]
    members = [token, *token.conjuncts]
    if len(members) == 1:
        for appos in children(token, "appos"):
            members += list(appos.conjuncts)
    return members


def phrase(token: Token) -> tuple[int, int]:
    """Token index range of the noun phrase headed by `token`, without coordinated phrases
    and relative clauses."""
    left, right = token.left_edge.i, token.right_edge.i
    holders = [token, *children(token, "appos")]
    for holder in holders:
        for child in holder.children:
            if child.dep_ in ("conj", "cc", "relcl", "acl", "advcl") and child.i > token.i:
                right = min(right, child.left_edge.i - 1)
    doc = token.doc
    while right > token.i and (doc[right].is_punct or doc[right].dep_ == "cc"):
        right -= 1
    while left < token.i and doc[left].dep_ in ("cc", "punct", "preconj"):
        left += 1
    return left, right


def negated(verb: Token) -> bool:
    """True when the verb (or the auxiliary it depends on) carries a negation."""
    if children(verb, "neg"):
        return True
    return any(c.lower_ in ("no", "never") and c.dep_ in ("det", "advmod") for c in verb.children)


def auxiliaries(verb: Token) -> list[str]:
    """Lower-case auxiliaries of the verb, and of the verb it is conjoined to."""
    found = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if not found and verb.dep_ == "conj":
        found = [c.lower_ for c in verb.head.children if c.dep_ in ("aux", "auxpass")]
    return found


def ancestors_in(token: Token, sentence: Span) -> Iterator[Token]:
    """The token's ancestors up to the sentence root."""
    for ancestor in token.ancestors:
        if ancestor.i < sentence.start or ancestor.i >= sentence.end:
            return
        yield ancestor


def under_condition(verb: Token) -> bool:
    """True when the verb heads, or sits in, an if/unless clause."""
    node: Token | None = verb
    for _ in range(6):
        if node is None:
            return False
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in node.children):
            return True
        if node.head is node:
            return False
        node = node.head
    return False


def has_condition_clause(verb: Token) -> bool:
    """True when the verb governs an if/unless clause ("would face X if it intervened")."""
    return any(child.dep_ == "mark" and child.lower_ in ("if", "unless") for child in verb.subtree)
