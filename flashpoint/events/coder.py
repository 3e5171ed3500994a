"""Documents → events: select sentences, parse them, read predicates, actors, status and dates."""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from flashpoint.codes.cameo import CameoTable
from flashpoint.events import syntax
from flashpoint.events.context import ActorRef, DocContext, learn_names
from flashpoint.events.lexicon import Lexicon, Sense
from flashpoint.events.topics import topics_of
from flashpoint.events.words import (
    AGREEING_LEMMAS,
    AUDIENCES,
    CONTACT_LEMMAS,
    IMPLIED_TARGET,
    INITIATOR,
    LOCATIVE,
    MEDIA_WORDS,
    MEETING_LEMMAS,
    MILITARY_HEADS,
    NON_STATE_HEADS,
    PLACE_HEADS,
    PRONOUNS_PERSON,
    PRONOUNS_SPEAKER,
    SKIP_UNDER,
    WILLING,
)
from flashpoint.models import Document, Event, Location
from flashpoint.nlp.dates import Tense, event_date, find_dates
from flashpoint.nlp.sentences import split_sentences

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

    from flashpoint.actors.places import Gazetteer, PlaceMention
    from flashpoint.actors.table import ActorTable

CODER_NAME = "flashpoint-coder"


class Coder:
    """Codes documents into events; build it once (it holds the spaCy pipeline and tables)."""

    def __init__(
        self,
        nlp: Language,
        actors: ActorTable,
        places: Gazetteer,
        lexicon: Lexicon | None = None,
        cameo: CameoTable | None = None,
    ) -> None:
        """Assemble a coder from its parts (see `flashpoint.events.load_coder()`)."""
        self.nlp = nlp
        self.actors = actors
        self.places = places
        self.cameo = cameo or CameoTable.load()
        self.lexicon = lexicon or Lexicon.load(cameo=self.cameo)
        self._evaluations = _evaluations()
        self._praise = _synthetic("praise", "SUPPORT", "praise", "051")
        self._criticism = _synthetic("criticism", "ACCUSE", "criticism", "111")
        self._willing = replace(
            _synthetic("willing", "AGREE", "dialogue", "030"), target=("prep:with", "complement")
        )
        self._denial = _synthetic("denial", "REJECT", "deny-accusation", "120")
        self._show_of_force = replace(
            _synthetic("show-of-force", "MOBILIZE", "show-of-force", "150"),
            target=("prep:to", "prep:near", "prep:toward", "prep:towards", "prep:around",
                    "prep:over", "dobj"),
        )  # fmt: skip
        self._triggers = _trigger_forms(
            self.lexicon.trigger_words() | self._evaluations["verbs"] | self._evaluations["saying"]
        )
        model = f"{nlp.meta.get('name', 'model')}-{nlp.meta.get('version', '')}"
        self.version = f"{CODER_NAME} lexicon:{self.lexicon.digest} model:{model}"

    # -- documents ---------------------------------------------------------------------------

    def code(self, doc: Document) -> list[Event]:
        """Return the events of one document."""
        return next(iter(self.code_many([doc])))

    def code_many(self, docs: Iterable[Document], *, batch_size: int = 64) -> Iterator[list[Event]]:
        """Yield each document's events, in order, parsing selected sentences in batches."""
        pending: list[tuple[Document, DocContext, list[tuple[int, int, bool]]]] = []
        for doc in docs:
            pending.append(self._prepare(doc))
            if len(pending) >= batch_size:
                yield from self._finish(pending)
                pending = []
        if pending:
            yield from self._finish(pending)

    def _prepare(self, doc: Document) -> tuple[Document, DocContext, list[tuple[int, int, bool]]]:
        mentions = self.actors.find(doc.text, doc.published)
        parties: list[str] = []
        if doc.issuer:
            parties.append(doc.issuer)
        for m in mentions:
            if m.code not in parties and not m.code.startswith("IGO:"):
                parties.append(m.code)
        context = DocContext(doc, mentions, parties, learned=learn_names(doc.text, mentions))
        spans = [(s, e, self._worth_parsing(doc, (s, e))) for s, e in split_sentences(doc.text)]
        return doc, context, spans

    def _initiator(self, doc: Document, ctx: DocContext) -> str | None:
        """The party a text says asked for the exchange: "at the request of the US side",
        "initiated by the US President", "at Russia's initiative"."""
        match = INITIATOR.search(doc.text)
        if match is None:
            return None
        phrase = next(g for g in match.groups() if g)
        return self.actors.resolve(phrase, doc.published)

    def _worth_parsing(self, doc: Document, span: tuple[int, int]) -> bool:
        """Cheap first pass: a sentence is parsed only if it names a trigger word."""
        words = doc.text[span[0] : span[1]].lower().replace("-", " ").split()
        return any(w.strip(".,;:!?\"'“”‘’()") in self._triggers for w in words)

    def _finish(
        self, pending: list[tuple[Document, DocContext, list[tuple[int, int, bool]]]]
    ) -> Iterator[list[Event]]:
        texts = [doc.text[s:e] for doc, _, spans in pending for s, e, chosen in spans if chosen]
        parsed = iter(self.nlp.pipe(texts))
        for doc, context, spans in pending:
            events: list[Event] = []
            official = doc.kind in ("readout", "statement")
            context.initiator = self._initiator(doc, context)
            lede: tuple[str | None, str | None] = (None, None)
            dated_at = 0
            for n, (start, end, chosen) in enumerate(spans):
                context.window_start = spans[max(0, n - 6)][0]
                if "\n" in doc.text[dated_at:start] and lede[0] is not None:
                    context.last_date = lede  # a new paragraph goes back to the lede's date
                if chosen:
                    events += self._sentence_events(next(parsed), start, context)
                if official and context.last_date[0] is not None:
                    continue  # a readout's events happen on the exchange's date, its first
                date_here = self._sentence_date(doc, doc.text[start:end])
                if date_here[0] is not None:
                    context.last_date = date_here
                    dated_at = end
                    if lede[0] is None:
                        lede = date_here
            yield _deduplicate(events)

    def _sentence_date(self, doc: Document, text: str) -> tuple[str | None, str | None]:
        return event_date(find_dates(text, doc.published, "past"))

    # -- sentences ---------------------------------------------------------------------------

    def _sentence_events(self, sent: Doc, offset: int, ctx: DocContext) -> list[Event]:
        """Events of one parsed sentence: verbs first, then event nouns no verb has taken."""
        events: list[Event] = []
        taken: set[int] = set()
        self._note_main_subject(sent, offset, ctx)
        triggers = [(t, self._sense(t)) for t in sent]
        ordered = sorted(triggers, key=lambda pair: pair[1] is not None and pair[1].pos == "NOUN")
        for token, sense in ordered:
            if sense is None or token.i in taken or self._inside_content(token, sent):
                continue
            found = self._events_for(token, sense, sent, offset, ctx)
            events += found
            if sense.pos == "VERB":
                obj = syntax.direct_object(token)
                if obj is not None:
                    taken |= {obj.i, *(c.i for c in obj.children if c.dep_ == "compound")}
                    taken |= {c.i for c in obj.conjuncts}
        events += self._characterisations(sent, offset, ctx)
        events += self._stances(sent, offset, ctx)
        events.sort(key=lambda e: e.source_start or 0)
        return events

    def _note_main_subject(self, sent: Doc, offset: int, ctx: DocContext) -> None:
        """Remember a sentence's main subject when it names a person (for later pronouns)."""
        root = next((t for t in sent if t.dep_ == "ROOT"), None)
        subj = syntax.subject(root) if root is not None else None
        if subj is None or subj.lower_ in PRONOUNS_PERSON:
            return
        left, right = syntax.phrase(subj)
        start, end = offset + sent[left].idx, offset + sent[right].idx + len(sent[right].text)
        for m in ctx.mentions:
            if start <= m.start < end and m.kind in ("person", "title"):
                ctx.subjects.append((m.start, m.code, True))
                return

    def _sense(self, token: Token) -> Sense | None:
        lemma = token.lemma_.lower()
        if token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB"):
            for sense in self.lexicon.senses_for("VERB", lemma):
                if self._verb_fits(token, sense):
                    return sense
        if token.pos_ in ("NOUN", "PROPN"):
            for sense in self.lexicon.senses_for("NOUN", lemma):
                if self._noun_fits(token, sense):
                    return sense
        return None

    def _verb_fits(self, verb: Token, sense: Sense) -> bool:
        if (
            sense.type == "CONSULT"
            and verb.lemma_.lower() in ("call", "phone", "ring")
            and any(
                c.dep_ in ("oprd", "xcomp", "ccomp", "acomp")
                or (c.dep_ == "prep" and c.lower_ == "as")
                for c in verb.children
            )
        ):
            return False  # "called him a friend", "described X as": a characterisation
        if sense.particle:
            particles = {
                c.lower_
                for c in verb.children
                if c.dep_ == "prt" or (c.dep_ in ("prep", "advmod") and c.i == verb.i + 1)
            }
            if sense.particle not in particles:
                return False
        if sense.object_lemmas:
            obj = syntax.direct_object(verb)
            candidates = [obj, *(obj.conjuncts if obj is not None else ())] if obj else []
            candidates += [c for o in list(candidates) for c in syntax.children(o, "compound")]
            if not any(c is not None and c.lemma_.lower() in sense.object_lemmas
                       for c in candidates):  # fmt: skip
                return False
        return True

    def _noun_fits(self, noun: Token, sense: Sense) -> bool:
        if sense.object_lemmas:
            near = {noun.lemma_.lower(), *(c.lemma_.lower() for c in noun.children)}
            if noun.dep_ == "compound":
                near.add(noun.head.lemma_.lower())
            if not near & sense.object_lemmas:
                return False
        return True

    def _inside_content(self, token: Token, sent: Doc) -> bool:
        """True when the trigger is the content of an accusation, demand, rejection, threat
        or travel advisory ("urged its nationals to avoid visiting Japan")."""
        child = token
        for ancestor in token.ancestors:
            if child.dep_ in ("xcomp", "ccomp", "pcomp", "pobj", "dobj", "prep"):
                sense = self._sense(ancestor)
                if (
                    sense is not None
                    and ancestor is not token
                    and (sense.type in SKIP_UNDER or sense.mode == "travel-advisory")
                ):
                    return True
            child = ancestor
        if token.lemma_.lower() == "retaliate":
            return any(c.dep_ == "prep" and c.lower_ in ("by", "for") for c in token.children)
        return False

    # -- one trigger -------------------------------------------------------------------------

    def _events_for(
        self, trigger: Token, sense: Sense, sent: Doc, offset: int, ctx: DocContext
    ) -> list[Event]:
        adjusted = self._agreement_sense(trigger, sense)
        if adjusted is None:
            return []
        sense = adjusted
        anchor = trigger
        if sense.pos == "NOUN":
            clause = next((c for c in trigger.children if c.dep_ in ("relcl", "acl")
                           and c.lemma_.lower() in sense.light_verbs), None)  # fmt: skip
            if trigger.head.lemma_.lower() in sense.light_verbs and trigger.dep_ in (
                "dobj", "nsubjpass", "attr"
            ):  # fmt: skip
                anchor = trigger.head
            elif (
                trigger.dep_ == "pobj"
                and trigger.head.dep_ == "prep"
                and trigger.head.head.lemma_.lower() in sense.light_verbs | {"engage", "take"}
            ):
                anchor = trigger.head.head  # "engaged in talks", "took part in a call"
            elif clause is not None:
                anchor = clause  # "the travel warning Beijing issued": the clause's subject acts
            elif not self._nominal_agent(trigger):
                return []
        if sense.type == "CONSULT" and sense.mode == "visit":
            subj = syntax.subject(anchor)
            if subj is not None and subj.lemma_.lower() in MILITARY_HEADS:
                sense = self._show_of_force  # jets that fly close to a ship do not visit it
        sources = self._sources(trigger, anchor, sense, sent, offset, ctx)
        if not sources:
            return []
        if len(sources) == 2 and self._reciprocal(anchor):
            forward = self._emit(trigger, anchor, sense, sources[:1], sources[1:], sent, offset,
                                 ctx)  # fmt: skip
            return forward + self._emit(trigger, anchor, sense, sources[1:], sources[:1], sent,
                                        offset, ctx)  # fmt: skip
        targets = self._targets(trigger, anchor, sense, sent, offset, ctx,
                                frozenset(s.code for s in sources))  # fmt: skip
        if not targets and sense.type == "REJECT":
            targets = ctx.accuser_of(sources[0].code)
        if not targets and sense.type in IMPLIED_TARGET and not self._addresses_others(anchor):
            targets = self._counterpart(sources[0], sent, offset, ctx)
        return self._emit(trigger, anchor, sense, sources, targets, sent, offset, ctx)

    def _emit(
        self,
        trigger: Token,
        anchor: Token,
        sense: Sense,
        sources: list[ActorRef],
        targets: list[ActorRef],
        sent: Doc,
        offset: int,
        ctx: DocContext,
    ) -> list[Event]:
        """Events for resolved sources and targets, with status, attribution, date, place."""
        pairs: list[tuple[ActorRef, ActorRef | None]] = []
        if sense.joint and len(sources) >= 2 and not targets:
            pairs.append((sources[0], sources[1]))
        elif targets:
            pairs += [(s, t) for s in sources for t in targets]
        elif sense.type == "MOBILIZE":
            pairs += [(s, None) for s in sources]
        status, speaker = self._status(anchor, sense, sent, offset, ctx)
        if (
            status != "denied"
            and anchor is not trigger
            and any(c.dep_ == "det" and c.lower_ == "no" for c in trigger.children)
        ):
            status = "denied"
        claimed_by = self._claimed_by(anchor, sent, offset, ctx, speaker)
        value, precision = self._date(anchor, sent, offset, ctx, status)
        location = self._location(anchor, sense, sent, offset, pairs)
        evidence_start, evidence_end = offset, offset + len(sent.text)
        events = []
        for source, target in pairs:
            if target is not None and target.code == source.code:
                continue
            if sense.swap and target is not None:
                source, target = target, source
            if (
                sense.type == "CONSULT"
                and sense.joint
                and target is not None
                and ctx.initiator == target.code
            ):
                source, target = target, source  # the initiator is the source (CODING rule 2)
            if (
                location is not None
                and target is not None
                and sense.type == "CONSULT"
                and sense.mode != "phone"
                and location.country == source.code
            ):
                source, target = target, source  # the visitor is the source (CODING rule 15)
            events.append(self._event(ctx.doc, sense, source, target, status, claimed_by,
                                      value, precision, location, evidence_start, evidence_end,
                                      sent.text))  # fmt: skip
            if sense.type in ("ACCUSE", "REQUEST") and target is not None:
                ctx.accusations.append((target.code, source))
        return events

    def _stances(self, sent: Doc, offset: int, ctx: DocContext) -> list[Event]:
        """Willingness ("is willing to work with China", "stood ready to resume talks",
        "remained committed to the ceasefire") is an AGREE (CODING rule 17); a denial of a
        claim that names no coded event ("denied that the raids were motivated") a REJECT."""
        events: list[Event] = []
        for token in sent:
            lemma = token.lemma_.lower()
            if token.pos_ == "ADJ" and lemma in WILLING and token.dep_ in ("acomp", "oprd"):
                head = token.head
                if head.lemma_.lower() not in ("be", "remain", "stand", "stay", "declare"):
                    continue
                if not (syntax.children(token, "xcomp") or syntax.children(token, "prep")):
                    continue
                sources = self._sources(head, head, self._willing, sent, offset, ctx)
                if not sources:
                    continue
                targets = self._targets(token, token, self._willing, sent, offset, ctx,
                                        frozenset(s.code for s in sources))  # fmt: skip
                if not targets:
                    targets = self._counterpart(sources[0], sent, offset, ctx)
                if targets:
                    events += self._emit(head, head, self._willing, sources, targets, sent,
                                         offset, ctx)  # fmt: skip
            elif lemma in syntax.DENIAL_LEMMAS and token.pos_ == "VERB":
                comps = syntax.children(token, "ccomp")
                if not comps or any(self._sense(t) for c in comps for t in c.subtree):
                    continue  # a denied event is coded as denied, not as a rejection
                sources = self._sources(token, token, self._denial, sent, offset, ctx)
                if not sources:
                    continue
                targets = ctx.accuser_of(sources[0].code) or self._counterpart(
                    sources[0], sent, offset, ctx
                )
                if targets:
                    events += self._emit(token, token, self._denial, sources, targets, sent,
                                         offset, ctx)  # fmt: skip
        return events

    def _characterisations(self, sent: Doc, offset: int, ctx: DocContext) -> list[Event]:
        """Praise and criticism said as a characterisation: "called him a close friend",
        "described the move as provocative", "said President X is a great leader"."""
        table = self._evaluations
        events: list[Event] = []
        for verb in sent:
            lemma = verb.lemma_.lower()
            if verb.pos_ not in ("VERB", "AUX") and not verb.tag_.startswith("VB"):
                continue
            if lemma in table["verbs"]:
                characterised = syntax.direct_object(verb)
                said = [t for c in verb.children
                        if c.dep_ in ("oprd", "xcomp", "ccomp", "acomp", "attr")
                        or (c.dep_ == "prep" and c.lower_ == "as") for t in c.subtree]  # fmt: skip
            elif lemma in table["saying"]:
                comp = next((c for c in syntax.children(verb, "ccomp")
                             if c.lemma_.lower() == "be"), None)  # fmt: skip
                characterised = syntax.children(comp, "nsubj")[0] if comp is not None and \
                    syntax.children(comp, "nsubj") else None  # fmt: skip
                said = [t for c in (comp.children if comp is not None else ())
                        if c.dep_ in ("attr", "acomp") for t in c.subtree]  # fmt: skip
            else:
                continue
            if characterised is None or not said:
                continue
            words = {t.lemma_.lower() for t in said} | {t.lower_ for t in said}
            if words & table["praise"] and lemma in table["saying"] | {"call", "describe",
                                                                       "hail", "greet", "dub",
                                                                       "term"}:  # fmt: skip
                sense = self._praise
            elif words & table["criticism"]:
                sense = self._criticism
            else:
                continue
            sources = self._sources(verb, verb, sense, sent, offset, ctx)
            avoid = frozenset(src.code for src in sources)
            targets = self._actor(characterised, sent, offset, ctx, group_ok=False, avoid=avoid)
            if not targets:  # "called [President] [Trump] a friend": a title split by the parse
                named = [
                    m
                    for m in ctx.mentions
                    if m.start == offset + characterised.idx and m.code not in avoid
                ]
                targets = [ActorRef(m.code, m.text, m.start, m.end) for m in named[:1]]
            if not targets:
                inside = [t for t in characterised.subtree if t.dep_ == "poss"]
                targets = [r for t in inside for r in self._actor(t, sent, offset, ctx,
                                                                  group_ok=False)]  # fmt: skip
            if sources and targets:
                events += self._emit(verb, verb, sense, sources, targets, sent, offset, ctx)
        return events

    @staticmethod
    def _counterpart(source: ActorRef, sent: Doc, offset: int, ctx: DocContext) -> list[ActorRef]:
        """The other party of the exchange the text is about, for a measure that names no
        target ("China's pause on export controls" in a text about China and the US)."""
        pair = ctx.pair_around(offset, offset + len(sent.text))
        if source.code.startswith("IGO:") and pair:
            other = pair[0]  # a body's statement is about the state the text is about
        elif source.code not in pair or len(pair) != 2:
            return []
        else:
            other = pair[1] if pair[0] == source.code else pair[0]
        named = [m for m in ctx.mentions if m.code == other]
        before = [m for m in named if m.start < offset] or named
        if not before:
            return [ActorRef(other, other, offset, offset)]
        mention = before[-1]  # the nearest earlier mention names it
        return [ActorRef(other, mention.text, mention.start, mention.end)]

    @staticmethod
    def _addresses_others(anchor: Token) -> bool:
        """True when the verb's object is an audience, not a state ("told reporters", "told a
        rally", "told lawmakers"): then no state is implied as the target."""
        obj = syntax.direct_object(anchor)
        dative = syntax.children(anchor, "dative", "iobj")
        heads = [h for h in (obj, *dative) if h is not None]
        return any(h.lemma_.lower() in AUDIENCES for h in heads)

    @staticmethod
    def _agent_of_action(noun: Token) -> Token | None:
        """The doer of an action named as an object: "condemned the attack carried out by
        Israel", "welcomed the decision by Seoul" → the doer is the target."""
        if noun.pos_ != "NOUN":
            return None
        by = syntax.prepositional_objects(noun, "by")
        if by:
            return by[0]
        agents = [syntax.passive_agent(c) for c in syntax.children(noun, "acl")]
        return next((a for a in agents if a is not None), None)

    @staticmethod
    def _reciprocal(anchor: Token) -> bool:
        """True for "accused each other", "each side accused the other": one event each way."""
        obj = syntax.direct_object(anchor)
        return obj is not None and obj.lower_ in ("other", "another")

    def _agreement_sense(self, trigger: Token, sense: Sense) -> Sense | None:
        """Rules 16-17: "agreed to meet" is the planned meeting, "agreed to stay in contact" is
        an AGREE (mode contact); None when the trigger is not coded on its own."""
        lemma = trigger.lemma_.lower()
        if sense.type == "AGREE" and lemma in AGREEING_LEMMAS:
            for comp in syntax.children(trigger, "xcomp", "ccomp"):
                comp_lemma = comp.lemma_.lower()
                if comp_lemma in MEETING_LEMMAS or (
                    comp.dep_ == "ccomp"
                    and comp_lemma in ("be",)
                    and any(c.lemma_.lower() == "hold" for c in comp.subtree)
                ):
                    return None
                if comp_lemma in CONTACT_LEMMAS:
                    return replace(sense, mode="contact")
        if (sense.type == "CONSULT" and lemma in CONTACT_LEMMAS and trigger.dep_ == "xcomp"
                and trigger.head.lemma_.lower() in AGREEING_LEMMAS):  # fmt: skip
            return None
        return sense

    def _nominal_agent(self, noun: Token) -> bool:
        """An event noun codes an event only with an agent: a possessor ("Xi's visit") or a
        'by' phrase; otherwise it is mentioned, not reported."""
        return (
            bool(syntax.children(noun, "poss"))
            or bool(syntax.prepositional_objects(noun, "by"))
            or any(syntax.passive_agent(c) is not None for c in syntax.children(noun, "acl"))
            or bool(self._state_modifiers(noun))
        )

    def _state_modifiers(self, noun: Token) -> list[Token]:
        """Modifiers naming a state on an event noun: "Pakistani air strikes", "US tariffs"."""
        found = []
        for child in noun.children:
            if child.dep_ in ("amod", "compound", "nmod") and child.i < noun.i:
                code = self.actors.code_of(child.text)
                if code is not None and not code.startswith("IGO:"):
                    found.append(child)
        return found

    def _sources(
        self, trigger: Token, anchor: Token, sense: Sense, sent: Doc, offset: int, ctx: DocContext
    ) -> list[ActorRef]:
        """The acting states: the subject, a passive agent, a possessor of an event noun."""
        return self._source_refs(trigger, anchor, sense, sent, offset, ctx)

    def _source_refs(
        self, trigger: Token, anchor: Token, sense: Sense, sent: Doc, offset: int, ctx: DocContext
    ) -> list[ActorRef]:
        if anchor is trigger and sense.pos == "NOUN":
            heads = syntax.children(trigger, "poss") or syntax.prepositional_objects(trigger, "by")
            if not heads:
                agents = [syntax.passive_agent(c) for c in syntax.children(trigger, "acl")]
                heads = [a for a in agents if a is not None]
            if not heads:
                heads = self._state_modifiers(trigger)[:1]
        elif syntax.is_passive(anchor):
            agent = syntax.passive_agent(anchor)
            heads = [agent] if agent is not None else []
        else:
            subj = syntax.subject(anchor) or self._preceding_actor(anchor)
            heads = [subj] if subj is not None else []
        found: list[ActorRef] = []
        heads = [h for h in heads if h.lemma_.lower() not in NON_STATE_HEADS]
        for head in heads:
            for member in syntax.coordinated(head):
                found += self._actor(member, sent, offset, ctx, group_ok=True)
            if sense.joint and len(found) == 1:
                found += self._inner_parties(head, sent, offset, ctx, found[0].code)
        unique: list[ActorRef] = []
        for ref in found:
            if all(ref.code != u.code for u in unique):
                unique.append(ref)
        for ref in unique:
            is_person = any(m.start <= ref.start < m.end or ref.start <= m.start < ref.end
                            for m in ctx.mentions if m.kind in ("person", "title"))  # fmt: skip
            ctx.subjects.append((ref.start, ref.code, is_person))
        return unique

    @staticmethod
    def _preceding_actor(verb: Token) -> Token | None:
        """A proper noun just before a subjectless main verb, misparsed as something else
        ("On Monday Beijing accused ...")."""
        if verb.dep_ != "ROOT" or verb.i == 0:
            return None
        before = verb.doc[verb.i - 1]
        if before.pos_ == "PROPN" and before.dep_ in ("pobj", "compound", "npadvmod", "appos"):
            return before
        return None

    def _inner_parties(
        self, head: Token, sent: Doc, offset: int, ctx: DocContext, first: str
    ) -> list[ActorRef]:
        """Parties coordinated inside a subject ("the ministers of Congo and Rwanda")."""
        for token in head.subtree:
            if token.dep_ == "conj" and token.head.dep_ == "pobj":
                for ref in self._actor(token, sent, offset, ctx, group_ok=False):
                    if ref.code != first:
                        return [ref]
        return []

    def _targets(
        self,
        trigger: Token,
        anchor: Token,
        sense: Sense,
        sent: Doc,
        offset: int,
        ctx: DocContext,
        avoid: frozenset[str] = frozenset(),
    ) -> list[ActorRef]:
        for slot in sense.target:
            heads = self._slot(trigger, anchor, slot, sense)
            found: list[ActorRef] = []
            for head in heads:
                for member in syntax.coordinated(head):
                    agent = self._agent_of_action(member)
                    found += self._actor(agent or member, sent, offset, ctx, group_ok=True,
                                         avoid=avoid, places_ok=True)  # fmt: skip
            if found:
                return found
        return []

    def _slot(self, trigger: Token, anchor: Token, slot: str, sense: Sense) -> list[Token]:
        """The heads of phrases that fill one target slot of a sense."""
        if slot == "dobj":
            obj = syntax.direct_object(anchor)
            if obj is not None and syntax.is_passive(anchor) and obj.dep_ == "nsubjpass":
                return [obj]
            return [obj] if obj is not None and obj is not trigger else []
        if slot == "dative":
            return syntax.children(anchor, "dative", "iobj") or (
                syntax.children(anchor, "dobj") if syntax.children(anchor, "xcomp") else []
            )
        if slot == "poss":
            obj = trigger if sense.pos == "NOUN" else syntax.direct_object(anchor)
            return syntax.children(obj, "poss") if obj is not None else []
        if slot == "complement":  # "urged its nationals to avoid visiting Japan"
            return [t for x in syntax.children(anchor, "xcomp", "ccomp") for t in x.subtree
                    if t.pos_ == "PROPN" and t.dep_ in ("dobj", "pobj")]  # fmt: skip
        if slot == "xcomp-subj":
            return [s for x in syntax.children(anchor, "xcomp", "ccomp")
                    for s in syntax.children(x, "nsubj")]  # fmt: skip
        preposition = slot.split(":", 1)[1]
        places = [anchor, trigger]
        obj = syntax.direct_object(anchor)
        if obj is not None:
            places.append(obj)
        found: list[Token] = []
        for place in dict.fromkeys(places):
            found += syntax.prepositional_objects(place, preposition)
            for clause in syntax.children(place, "relcl", "acl"):
                found += syntax.prepositional_objects(clause, preposition)  # "the tariff it
                # imposes on Chinese goods", "the attack carried out against Doha"
        return found or syntax.attached_objects(anchor, preposition)

    def _actor(
        self,
        head: Token,
        sent: Doc,
        offset: int,
        ctx: DocContext,
        *,
        group_ok: bool,
        avoid: frozenset[str] = frozenset(),
        places_ok: bool = False,
    ) -> list[ActorRef]:
        """Resolve the phrase headed by `head` to actors: a named one, a pronoun, or a group."""
        lower = head.lower_
        start_tok, end_tok = syntax.phrase(head)
        span = sent[start_tok : end_tok + 1]
        start, end = offset + span.start_char, offset + span.end_char
        if lower in PRONOUNS_SPEAKER and ctx.doc.issuer:
            return [ActorRef(ctx.doc.issuer, head.text, start, end)]
        if lower in PRONOUNS_PERSON:
            salient = ctx.person_subject_before(offset + head.idx, avoid)
            if salient is not None:
                return [ActorRef(salient, head.text, start, end)]
            person = ctx.person_before(offset + head.idx, avoid)
            return [ActorRef(person.code, head.text, start, end)] if person else []
        if lower == "it" or lower == "its":
            state = ctx.state_before(offset + head.idx, avoid)
            return [ActorRef(state.code, head.text, start, end)] if state else []
        possessor = next((c for c in head.children if c.dep_ == "poss"), None)
        code = None
        if possessor is not None and (
            head.pos_ == "NOUN" or self.actors.code_of(head.text) is None
        ):
            code = self.actors.resolve(possessor.text, ctx.doc.published)  # "India's chairship"
        if code is None:
            code = self.actors.resolve(span.text, ctx.doc.published)
        if code is None and ctx.learned:
            code = next((c for name, c in ctx.learned.items() if name in span.text), None)
        if code is None and head.lemma_.lower() in PLACE_HEADS | {head.lower_}:
            inside = [m for m in ctx.mentions if start <= m.start and m.end <= end]
            if head.lower_ in PLACE_HEADS and inside:
                code = inside[0].code
        if code is None and places_ok:
            places = [p for p in self.places.find(span.text)
                      if p.country and p.country not in avoid]  # fmt: skip
            if places:
                code = places[0].country  # "struck Kabul", "hit the Fordow enrichment site"
        if code is not None:
            return [ActorRef(code, span.text, start, end)]
        if self._is_group(head):
            pair = ctx.pair_around(offset, offset + len(sent.text))
            if len(pair) == 2:
                return [ActorRef(code, span.text, start, end) for code in pair] if group_ok else []
        return []

    @staticmethod
    def _is_group(head: Token) -> bool:
        lower = head.lower_
        if lower in ("they", "them", "their", "both", "each"):
            return True
        if head.lemma_.lower() in syntax.GROUP_HEADS and head.tag_ in ("NNS", "NNPS"):
            return any(c.lower_ in ("two", "both", "the") for c in head.children)
        return lower == "side" and any(c.lower_ in ("each", "either") for c in head.children)

    # -- attributes --------------------------------------------------------------------------

    def _status(
        self, anchor: Token, sense: Sense, sent: Doc, offset: int, ctx: DocContext
    ) -> tuple[str, Token | None]:
        """occurred / planned / hypothetical / denied, and who denies it (if anyone)."""
        for ancestor in syntax.ancestors_in(anchor, sent[:]):
            if ancestor.lemma_.lower() in syntax.DENIAL_LEMMAS and ancestor.i < anchor.i:
                return "denied", syntax.subject(ancestor)
        if syntax.negated(anchor) or any(
            c.dep_ == "det" and c.lower_ == "no" for c in anchor.children
        ):
            return "denied", None
        aux = syntax.auxiliaries(anchor)
        if sense.type == "THREATEN":
            return ("hypothetical" if syntax.has_condition_clause(anchor) else "occurred"), None
        if syntax.under_condition(anchor):
            return "hypothetical", None
        if any(a in syntax.HYPOTHETICAL_AUX for a in aux):
            return "hypothetical", None
        if "would" in aux:
            reported = any(a.lemma_.lower() in syntax.REPORTING_LEMMAS
                           for a in syntax.ancestors_in(anchor, sent[:]))  # fmt: skip
            return ("planned" if reported else "hypothetical"), None
        if any(a in syntax.FUTURE_AUX for a in aux):
            return "planned", None
        head = anchor.head
        if (
            anchor.dep_ == "xcomp"
            and head.lemma_.lower()
            in (
                *syntax.FUTURE_GOVERNORS,
                "be",
                "invite",
                "agree",
            )
            and (
                head.lemma_.lower() != "agree" or sense.type in ("CONSULT", "CONCEDE", "COOPERATE")
            )
        ):
            return "planned", None
        if any(c.lower_ in ("planned", "upcoming", "proposed", "scheduled", "next")
               for c in anchor.children):  # fmt: skip
            return "planned", None
        return (sense.status or "occurred"), None

    def _claimed_by(
        self, anchor: Token, sent: Doc, offset: int, ctx: DocContext, speaker: Token | None
    ) -> str | None:
        if ctx.doc.kind in ("readout", "statement") and ctx.doc.issuer:
            return None
        if speaker is not None:
            refs = self._actor(speaker, sent, offset, ctx, group_ok=False)
            return refs[0].code if refs and not refs[0].code.startswith("IGO:") else None
        reporter = None
        for ancestor in syntax.ancestors_in(anchor, sent[:]):
            if ancestor.lemma_.lower() in syntax.REPORTING_LEMMAS:
                reporter = syntax.subject(ancestor)
                break
        if reporter is None:
            for child in anchor.children:
                if child.dep_ in ("parataxis", "ccomp", "advcl") and (
                    child.lemma_.lower() in syntax.REPORTING_LEMMAS
                ):
                    reporter = syntax.subject(child)
        if reporter is None:
            for token in sent:
                if token.lower_ == "according":
                    objects = [o for p in token.children for o in syntax.children(p, "pobj")]
                    reporter = objects[0] if objects else None
        if reporter is None:
            return None
        words = {t.lemma_.lower() for t in reporter.subtree}
        if reporter.lemma_.lower() in MEDIA_WORDS or (words & MEDIA_WORDS and "government"
                                                       not in words):  # fmt: skip
            return None
        refs = self._actor(reporter, sent, offset, ctx, group_ok=False)
        if not refs or refs[0].code.startswith("IGO:"):
            return None
        return refs[0].code

    def _date(
        self, anchor: Token, sent: Doc, offset: int, ctx: DocContext, status: str
    ) -> tuple[str | None, str | None]:
        """The date in the event's clause, else in its sentence; for a reported action with
        none, the date the text last gave (a readout: the exchange's), else publication."""
        tense: Tense = "future" if status == "planned" else "past"
        before = offset - ctx.window_start
        window = ctx.doc.text[ctx.window_start : offset + len(sent.text)]
        mentions = [
            replace(m, start=m.start - before, end=m.end - before)
            for m in find_dates(window, ctx.doc.published, tense)
            if m.start >= before
        ]
        left = anchor.left_edge.idx
        right = anchor.right_edge.idx + len(anchor.right_edge.text)
        inside = [m for m in mentions if left <= m.start and m.end <= right]
        found = event_date(inside or mentions)
        if found[0] is not None or status != "occurred":
            return found
        if ctx.last_date[0] is not None:
            return ctx.last_date
        if ctx.doc.published is not None:
            return ctx.doc.published.isoformat(), "day"
        return None, None

    def _location(
        self,
        anchor: Token,
        sense: Sense,
        sent: Doc,
        offset: int,
        pairs: Sequence[tuple[ActorRef, ActorRef | None]],
    ) -> Location | None:
        if sense.mode == "phone":
            return None
        actor_spans = [(r.start - offset, r.end - offset) for p in pairs for r in p if r]
        own = {t.idx for t in syntax.own_clause(anchor)}
        for place in self.places.find(sent.text):
            if any(s <= place.start < e for s, e in actor_spans):
                continue
            if not any(place.start <= i < place.end for i in own):
                continue  # a place in another clause ("..., where X said") is not this event's
            before = sent.text[: place.start].rstrip().split()
            moving = sense.mode == "visit" or sense.type == "MOBILIZE"
            if before and before[-1].lower() in LOCATIVE | ({"to"} if moving else set()):
                return _location_of(place)
        return None

    def _event(
        self,
        doc: Document,
        sense: Sense,
        source: ActorRef,
        target: ActorRef | None,
        status: str,
        claimed_by: str | None,
        value: str | None,
        precision: str | None,
        location: Location | None,
        evidence_start: int,
        evidence_end: int,
        evidence: str,
    ) -> Event:
        code = self.cameo.get(sense.cameo)
        key = "|".join(
            map(
                str,
                (
                    doc.doc_id,
                    evidence_start,
                    evidence_end,
                    source.code,
                    target.code if target else "",
                    sense.type,
                    sense.mode,
                    status,
                    value,
                    source.start,
                    target.start if target else "",
                ),
            )
        )
        return Event(
            event_id="ev-" + hashlib.sha256(key.encode()).hexdigest()[:16],
            doc_id=doc.doc_id,
            source=source.code,
            source_name=source.name,
            target=target.code if target else None,
            target_name=target.name if target else None,
            type=sense.type,
            mode=sense.mode,
            cameo=code.code,
            quad_class=code.quad_class,
            goldstein=code.goldstein,
            date=value,
            date_precision=precision,
            status=status,
            claimed_by=claimed_by,
            location=location,
            topics=topics_of(evidence, sense.topics),
            evidence=evidence,
            evidence_start=evidence_start,
            evidence_end=evidence_end,
            source_start=source.start,
            source_end=source.end,
            target_start=target.start if target else None,
            target_end=target.end if target else None,
            confidence=0.6 if source.name.lower().split()[0] in PRONOUNS_PERSON else 0.8,
            coder_version=self.version,
        )


EVALUATIONS = Path(__file__).resolve().parent.parent / "data" / "events" / "evaluations.toml"


def _evaluations(path: Path = EVALUATIONS) -> dict[str, frozenset[str]]:
    """The characterisation word lists (data/events/evaluations.toml)."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return {key: frozenset(values) for key, values in data.items()}


def _synthetic(name: str, kind: str, mode: str, cameo: str) -> Sense:
    """A sense the engine codes by rule rather than from the lexicon."""
    return Sense(id=f"rule-{name}", lemmas=(), pos="VERB", type=kind, mode=mode, cameo=cameo,
                 target=("dobj",), object_lemmas=frozenset(), particle="",
                 light_verbs=frozenset(), joint=False, swap=False, status="",
                 negated_type="", topics=("diplomacy",))  # fmt: skip


def _location_of(place: PlaceMention) -> Location:
    return Location(place.name, place.country, place.lat, place.lon, place.precision)


def _deduplicate(events: list[Event]) -> list[Event]:
    """One event per action per document (CODING rule 12): the dated mention is kept, and an
    event the text also reports as denied is coded once, as denied (CODING E)."""
    denied = {(e.source, e.target, e.type) for e in events if e.status == "denied"}
    events = [e for e in events
              if e.status == "denied" or (e.source, e.target, e.type) not in denied]  # fmt: skip
    kept: list[Event] = []
    for event in events:
        twin = next((i for i, k in enumerate(kept)
                     if (k.source, k.target, k.type, k.mode, k.status) ==
                     (event.source, event.target, event.type, event.mode, event.status)
                     and (k.date is None or event.date is None or k.date == event.date)
                     and (k.evidence_start == event.evidence_start
                          or (k.type == "CONSULT" and k.date == event.date))),
                    None)  # fmt: skip
        if twin is None:
            kept.append(event)
        elif kept[twin].date is None and event.date is not None:
            kept[twin] = event
    return kept


_IRREGULAR: dict[str, tuple[str, ...]] = {
    "meet": ("met",), "hold": ("held",), "speak": ("spoke", "spoken"),
    "strike": ("struck", "stricken"), "send": ("sent",), "fly": ("flew", "flown"),
    "shoot": ("shot",), "seek": ("sought",), "sell": ("sold",), "buy": ("bought",),
    "give": ("gave", "given"), "take": ("took", "taken"), "tell": ("told",), "lead": ("led",),
    "break": ("broke", "broken"), "make": ("made",), "withdraw": ("withdrew", "withdrawn"),
    "bring": ("brought",), "pay": ("paid",), "say": ("said",), "cut": ("cut",),
    "hit": ("hit",), "lay": ("laid",), "win": ("won",), "draw": ("drew", "drawn"),
    "stand": ("stood",), "throw": ("threw", "thrown"), "freeze": ("froze", "frozen"),
    "shut": ("shut",), "set": ("set",), "put": ("put",), "begin": ("began", "begun"),
    "drive": ("drove", "driven"), "ride": ("rode", "ridden"), "sink": ("sank", "sunk"),
    "forbid": ("forbade", "forbidden"), "sign": ("signed",), "bar": ("barred",),
    "ban": ("banned",), "ship": ("shipped",), "plan": ("planned",), "stop": ("stopped",),
    "get": ("got", "gotten"), "keep": ("kept",), "build": ("built",), "show": ("shown",),
    "undertake": ("undertook", "undertaken"), "seize": ("seized",), "flee": ("fled",),
}  # fmt: skip


def _trigger_forms(lemmas: Iterable[str]) -> frozenset[str]:
    """Inflected surface forms of trigger lemmas, for the first pass (a superset is fine)."""
    forms: set[str] = set()
    for phrase in lemmas:
        for lemma in phrase.replace("-", " ").split():
            forms |= {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing"}
            if lemma.endswith("e"):
                forms.add(lemma[:-1] + "ing")
            if lemma.endswith("y"):
                forms |= {lemma[:-1] + "ied", lemma[:-1] + "ies"}
            if len(lemma) > 2 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou":
                forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
            forms |= set(_IRREGULAR.get(lemma, ()))
    return frozenset(forms)
