"""Rules for the concept families that need more than a label: fainting versus feeling
faint, bruise size, soreness at 24 h and 48 h, pain that persists or disables."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from .lexicon import Concept, Lexicon
from .model import PainThresholds
from .numbers import NumberFinding
from .people import ANIMALS, DETERMINERS, GROUPS
from .reading import SIGN_OFF_WORDS, Reading

HOPES = {"hopefully", "hope", "hoped", "hoping", "if", "wish", "should"}  # "I'd hoped it'd be gone"
NOT_THAT = {"that", "so", "very", "exactly"}  # "not that small": denied
# A comma, a dash set apart or a semicolon: "my invoice - also there's a swollen lump"
CLAUSE_BREAK = re.compile(r",|;|\s[-–—]\s|[–—]")
EPISODE = re.compile(r"\bhad an? (?:(?:little|small|slight|quick|bit of a|bit of) )*$")
CAME_CLOSE = {("nearly", "did"), ("almost", "did"), ("came", "close"), ("was", "close"),
              ("nearly", "went"), ("almost", "went"),
              ("very", "close"), ("so", "close"), ("nearly", "was"), ("almost", "was"),
              ("did", "nearly"), ("did", "almost")}  # fmt: skip
NEAR_FAINT = {
    "near", "nearly", "almost", "quase", "quasi", "close", "pochti", "casi", "prawie", "presque",
    "neredeyse", "suyt", "felt", "feel", "feeling", "feels",
    "bit", "little",
    "slightly", "kinda", "kind", "so", "quite", "very", "abit", "might", "going", "gonna",
    "about", "like", "could", "would", "muntik",
}  # fmt: skip
WORKPLACE_ROLES = {"nurse", "nurses", "doctor", "doctors", "dr", "staff", "shift", "shifts",
                   "porter", "receptionist", "consultant", "registrar", "paramedic"}
CONTRAST = {"but", "though", "although", "however", "yet", "except", "whereas"}
CLOCK_WORDS = {"am", "pm", "oclock", "noon", "midday"}
# What a thing can look like as well as a body: swollen, oozing, red.
LOOKS = {"infection-discharge", "swelling", "spreading-redness", "redness-or-warmth"}
# What names an infection that is no needle site's: "a chest infection", "a water infection"
ILLNESS_SITES = {"chest", "ear", "eye", "water", "urine", "urinary", "bladder", "kidney", "sinus",
                 "throat", "tooth", "gum", "yeast", "fungal", "viral", "stomach", "tummy", "bowel",
                 "respiratory", "lung", "tonsil", "gut"}  # fmt: skip
AIRWAYS = {"cough", "coughing", "coughed", "chesty", "phlegm", "sputum", "snot", "nose", "sneezing"}
BLOOD_PRESSURE = re.compile(r"\W*(?:is|was|of|at)?\W*(\d{2,3})\s*/\s*(\d{2,3})\b")
TOLD_FINE = {"fine", "calmer", "quieter", "settled", "behaving", "good", "great", "ok", "okay",
             "grand"}  # fmt: skip
PAIN_WORDS = {"pain", "pains", "hurts", "hurting", "ache", "aching", "sore", "killing"}
SORENESS_WORDS = {"stiff", "stiffness", "sore", "soreness", "ache", "achy", "aching", "tender"}
# Between "gone" and a colour: "gone a bit yellow", "turned a greeny yellow"
SHADING = {"a", "bit", "little", "slightly", "kind", "of", "sort", "all", "more", "greeny",
           "greenish", "yellowy", "brownish", "purply", "funny", "weird", "odd",
           "strange"}  # fmt: skip
TURNING = {"going", "gone", "turning", "turned", "went", "goes", "turns"}  # colours changing
PAST_DAYS = {"yesterday", "yday", "monday", "tuesday", "wednesday", "thursday", "friday",
             "saturday", "sunday", "last", "night", "earlier"}  # "was achy monday"
LOOKS_OF_THINGS = {"bruising", "sharp-pain"}  # said of food too: "bruised apples", "sharp cheddar"
FELT_HEAT = {"burning", "boiling", "roasting"}  # "burning up": felt, unlike a reading
FELT_CHILL_OR_SWEAT = {"shivering", "shivery", "sweating", "sweaty", "sweats", "clammy", "flushed"}
NOT_A_FAINTING = {
    "circles", "circle", "rings", "ring", "outline", "outlines",  # "faint circles from the cups"
    "smudge",
    "ache",  # "just a faint ache"
    "aches",
    "twinge",
    "soreness",
    "bruise",
    "bruises",
    "bruising",
    "mark",
    "marks",
    "line",
    "lines",
    "red",
    "redness",
    "scar",
    "smell",
    "trace",
    "one",  # "a faint one on my neck": a bruise
    "ones",
    "reminder",  # "just a faint reminder when I get out of the car"
    "hint",
    "echo",
    "niggle",
    "discomfort",
    "tenderness",
    "stiffness",
    "throb",
    "memory",
    "glow",
    "tinge",
}


# Where the needles went, named as a place on the body: "a burning heat around the needle spots"
SITES = {"needle", "needles"}
BREATH_LOST = [[cant, b] for cant in ("cant", "couldnt") for b in ("breathe", "breath")]
LAUGHED = {"laughed", "laughing", "laugh", "giggling", "giggled"}
LAUGHTER = re.compile(r"[😂🤣💀😭]|\b(?i:lo+l|lma+o+|lmfao|ha(?:ha)+|rofl)\b")


# Going out, and what one goes out for: "nipped out for a minute", "out for a few hours"
GOING_OUT = {"popped", "pop", "nipped", "nip", "went", "go", "going", "goes", "gone", "stepped",
             "step", "headed", "heading", "got", "getting", "come", "came", "coming", "walked",
             "ran", "drove", "lights", "light", "power", "bulb", "sun", "tv", "wifi"}  # fmt: skip
TIME_OUT = {"hours", "hour", "day", "evening", "afternoon", "morning", "dinner", "lunch",
            "breakfast", "drinks", "drink", "walk", "run", "meal", "shopping", "coffee",
            "ages"}  # fmt: skip


FADING = {"gone", "going", "turned", "turning", "getting", "got", "gotten"}  # "gone faint"
PERSONS = {"i", "ive", "im", "id", "she", "shes", "he", "hes", "we", "they", "mum", "dad"}


@dataclass(frozen=True)
class Match:
    concept: Concept
    start: int  # token indexes
    end: int


class KindRules:
    """Mixed into the Judge: `r` is the reading, `lex` the lexicon, `checkin` 24h/48h."""

    r: Reading
    lex: Lexicon
    checkin: str
    thresholds: PainThresholds

    def label_for(self, m: Match) -> tuple[str, str] | None:
        kind, concept = m.concept.kind, m.concept
        if concept.rule in LOOKS | LOOKS_OF_THINGS and (
            self.about_something_else(m, "food_and_plants")
            or self.about_something_else(m, "household_things")
        ):
            # "the cheese was oozing", "my sourdough puffed up like a balloon", "a sharp
            # cheddar", "bananas all bruised", "the kettle's leaking"
            return None
        if kind == "faint":
            return self.fainting(m)
        if kind == "bruise":
            if self.tender_like_a_bruise(m):
                return None
            # "a small bruise on my arm and a big dark one on my back" has a big one too
            big = any(not self.r.negated_right_before(s) for s, _ in self.r.occurrences("big_one"))
            if self.small_bruise(m) and not big:  # but "no bigger than a freckle" is small
                return "normal", "small-bruise"
            return concept.label, concept.rule
        if kind == "temperature_word" and self.reading_below_fever(m):
            # "slight temp 37.6": the reading says it is no fever; a person still reads it
            return "review", "temperature-felt-reading-low"
        if kind == "soreness":
            return self.soreness(m)
        if kind == "pain":
            if self.r.tokens[m.start - 1].norm == "a" and (
                self.about_something_else(m) or self.said_of_a_crowd(m)
            ):
                return None  # "Traffic was a pain", "the kids are a pain": a nuisance
            return self.plain_pain(m)
        if kind == "pain_idiom":
            after = {t.norm for t in self.r.tokens[m.end : m.end + 6] if t.is_word}
            if self.about_something_else(m) or after & {"jk", "joking", "kidding"}:
                return None  # "the deadline's killing me but my back feels great"
            if self.said_of_a_crowd(m):
                return None  # "the weans are killing me today lol"
            if self.pain_beyond_bearing:
                return "emergency", "unmanageable-pain"
            if self.r.has("ordinary_pain", self.r.tokens[m.start].sentence):
                return "normal", "ordinary-pain"  # "killing me, in the normal achy way"
            scores = [s.value for s in self.r.scores]
            if scores and max(scores) < self.thresholds.complication_min:
                return "normal", "pain-idiom-scored-low"  # "killing me ... a 4 at most"
            return concept.label, concept.rule
        if concept.rule == "shortness-of-breath" and self.breathless_with_laughter(m):
            return None  # "lmaooo i cant breathe 😂😂 my bro just showed me the vid"
        if concept.rule == "numbness-tingling-weakness" and self.laughing(m):
            return None  # "lmaooo im weak 😂", "im dead 💀": weak with laughter
        if concept.rule == "numbness-tingling-weakness" and self.likens_a_soreness(m):
            return None  # "stiffness in my jaw, like after the dentist": how the stiffness feels
        if kind == "chest" and self.worn(m):
            return None  # "my new bra feels like a belt round my chest"
        if self.felt_from_the_world(m):
            return None  # "burning up after a hot curry", "shivering in this wind"
        if concept.rule == "fever" and self.asked_of_a_low_reading(m):
            return "review", "temperature-felt-reading-low"  # "37.5, is that a fever?"
        flagged = concept.label in ("emergency", "complication")
        if flagged and kind != "chest" and self.about_something_else(m):
            return None  # "traffic on my commute is getting worse", "the heat is unbearable"
        if concept.rule == "infection-discharge" and self.an_illness_named(m):
            return "review", "symptom-outside-lists"  # "a chest infection", "an ear infection"
        if concept.rule == "infection-discharge" and self.from_the_airways(m):
            return "review", "symptom-outside-lists"  # "chesty cough bringing up green stuff"
        if concept.rule == "infection-discharge" and self.gynaecological(m):
            return "review", "symptom-outside-lists"  # "more discharge than usual (down there)"
        if kind == "discharge_described" and self.colour_of_a_bruise(m):
            return None  # "a yellowish bruise", "the bruise has gone yellow": healing
        if kind == "severity" and self.said_of_no_pain(m):
            return None  # "these hot flushes are unbearable": the flushes are the news
        if concept.rule == "symptom-outside-lists" and self.told_fine(m):
            return "normal", "condition-told-fine"  # "Asthma's been fine", "anxiety calmer"
        if concept.rule == "symptom-outside-lists" and self.reading_as_usual(m):
            return None  # "BP 122/78 as usual": a routine reading, no symptom
        if kind == "severity" and self.coping_with_something_else(m):
            return None  # "can't cope with work this week": the work is the trouble
        if concept.rule == "seeking-emergency-care" and self.not_for_me(m):
            return "review", "symptom-of-someone-else"  # "I'm in A&E but not for me"
        if concept.rule == "seeking-emergency-care" and self.no_visit_of_mine(m):
            return None  # "I'm an A&E nurse", "said I'd end up in A&E", "sent me home, fine"
        if kind == "contact" and self.patient_will_do_it(m):
            return None  # "I'll get in touch if anything changes": no request for a call
        if kind == "sharp" and self.after_clock_time(m):
            return None  # "see you at 10 sharp"
        if concept.rule == "swelling" and self.came_up_in_a_rash(m):
            return None  # "her arms have come up in little hives": the hives are the news
        if concept.rule == "swelling" and self.what_came_up_is_no_swelling(m):
            return None  # "cold sore has come up": the cold sore is the news
        if kind == "at_site" and self.a_rash(m):
            return "review", "rash"  # "skin's gone blotchy and itchy": blotches that itch
        sentence = self.r.tokens[m.start].sentence
        if kind == "at_site" and any(
            self.r.has("away_from_sites", k) for k in (sentence, sentence + 1)
        ):  # "a red rash, not where the needles were", "red dots on my tummy. no needles there"
            return "review", "away-from-needle-sites"
        return concept.label, concept.rule

    def said_of_no_pain(self, m: Match) -> bool:
        """A severity word whose subject, a few words back, is a symptom that is no pain."""
        sentence = self.r.tokens[m.start].sentence
        between = range(max(0, m.start - 4), m.start)
        if any(self.r.tokens[k].norm in PAIN_WORDS for k in between):
            return False
        # (not past a comma: "havent slept, painkillers do nothing" is the pain's)
        return any(
            m.start - 4 <= s < m.start
            and self.r.tokens[s].sentence == sentence
            and not self.r.comma_between(s, m.start)
            for s, _ in self.r.occurrences("not_pain")
        )

    def told_fine(self, m: Match) -> bool:
        """A condition the patient has said, just after, to be fine or calmer: "Asthma's
        been fine", "my anxiety feels calmer" (not "headache not good")."""
        sentence = self.r.tokens[m.start].sentence
        after = [t.norm for t in self.r.tokens[m.end : m.end + 3] if t.sentence == sentence]
        if {"not", "no", "isnt", "wasnt", "but"} & set(after):
            return False
        lead = {"been", "is", "feels", "feeling", "has", "s", "much", "a", "bit", "lot"}
        for word in after:
            if word in TOLD_FINE:
                return True
            if word not in lead:
                return False
        return False

    def reading_as_usual(self, m: Match) -> bool:
        """A measure ("BP", "blood pressure", "sugars") told as usual or normal just after."""
        words = [self.r.tokens[k].norm for k in range(m.start, m.end)]
        if words[-1:] not in (["bp"], ["pressure"], ["sugar"], ["sugars"]):
            return False
        after = {t.norm for t in self.r.tokens[m.end : m.end + 5] if t.is_word}
        if after & {"usual", "normal", "fine", "good", "stable", "ok", "okay"}:
            return True
        # "BP 122/78": a reading in the normal range
        reading = BLOOD_PRESSURE.match(self.r.text, self.r.tokens[m.end - 1].end)
        return reading is not None and int(reading[1]) < 140 and int(reading[2]) < 90

    @cached_property
    def pain_beyond_bearing(self) -> bool:
        """ "can't walk", "in tears": said of the writer's pain (not "5 hours with the kids
        screaming about snacks", "the baby was crying all night")."""
        others = GROUPS | ANIMALS | self.lex.words("others") | {"baby", "babies", "toddler"}
        return any(
            not {self.r.tokens[k].norm for k in range(max(0, s - 3), s)} & others
            for s, _ in self.r.occurrences("severity_boost")
        )

    def said_of_a_crowd(self, m: Match) -> bool:
        """ "the kids are killing me": a pain idiom whose subject is a group of people."""
        before = [self.r.tokens[k].norm for k in range(max(0, m.start - 3), m.start)]
        return bool(set(before) & (GROUPS | {"weans", "bairns"}))

    def what_came_up_is_no_swelling(self, m: Match) -> bool:
        """ "cold sore has come up": what came up, just before, is a symptom that is no
        swelling."""
        sentence = self.r.tokens[m.start].sentence
        return any(
            m.start - 2 <= e <= m.start
            and self.r.tokens[s].sentence == sentence
            and self.r.tokens[s].norm not in ("spot", "spots")  # "the needle spots swelled up"
            for s, e in self.r.occurrences("not_pain")
        )

    def coping_with_something_else(self, m: Match) -> bool:
        """ "can't cope with work", "can't take it with the kids": what the writer cannot bear,
        named right after, is no pain nor part of the body (not "can't cope with the pain",
        "can't cope with it")."""
        sentence = self.r.tokens[m.start].sentence  # (not "... cope with Took the dog out")
        after = [
            t.norm for t in self.r.tokens[m.end : m.end + 4] if t.is_word and t.sentence == sentence
        ]
        if after[:1] != ["with"]:
            return False
        thing = next((w for w in after[1:] if w not in DETERMINERS | {"all", "this", "these"}), "")
        if thing in SIGN_OFF_WORDS:
            return False  # "more than I can cope with, thanks"
        body = self.r.lexicon.words("body_words") | PAIN_WORDS | SITES
        return bool(thing) and thing not in body | {"it", "that", "them"}

    def not_for_me(self, m: Match) -> bool:
        """ "in A&E but not for me", "at the ER, not for me, for my son": someone else's visit."""
        after = " ".join(t.norm for t in self.r.tokens[m.end : m.end + 5])
        # nor "Janet's in hospital for something unrelated"
        if re.search(r"\bnot (?:for|about) me\b|\bunrelated\b", after):
            return True
        # "went to A&E last night with my son, he broke his wrist"
        taken = re.search(r"\bwith (?:my|our) (\w+)", after)
        if re.search(r"\bwith (?:them|him|her)\b", after) and self.r.people.others_named():
            return True  # "neighbour's kid fell off the trampoline, I was at A&E with them"
        return taken is not None and taken.group(1) in self.r.lexicon.words("others")

    def no_visit_of_mine(self, m: Match) -> bool:
        """Emergency care named, but no emergency of the writer's: where they work ("an A&E
        nurse", "work in A&E"), a joke or a fear ("I'd end up in A&E"), or a visit that
        ended in an all-clear ("they sent me home, said it's fine"): what took them there
        is read on its own words."""
        after = [t.norm for t in self.r.tokens[m.end : m.end + 2]]
        before = [t.norm for t in self.r.tokens[max(0, m.start - 4) : m.start]]
        if set(after) & WORKPLACE_ROLES or set(before[-2:]) & {"work", "works", "working"}:
            return True
        if before[-3:-1] == ["end", "up"] or before[-3:-1] == ["ending", "up"]:
            return True
        return self.r.has("all_clear")

    def came_up_in_a_rash(self, m: Match) -> bool:
        """ "come up in hives", "came up in a rash": what came up is a rash, not a swelling."""
        after = [t.norm for t in self.r.tokens[m.end : m.end + 4]]
        rashes = self.r.lexicon.words("not_pain")
        return after[:1] == ["in"] and any(w in rashes for w in after[1:])

    def colour_of_a_bruise(self, m: Match) -> bool:
        """A colour term ("yellow") said of a bruise; "crusty" is never a bruise's."""
        if self.r.tokens[m.start].norm not in self.r.lexicon.words("colours"):
            return False
        bruise = self.r.lexicon.words("bruise_words")
        k = self.past(m.end, self.r.lexicon.words("colours"))
        if k < len(self.r.tokens) and self.r.tokens[k].norm in bruise:
            return True  # "yellowish bruise"
        sentence = self.r.tokens[m.start].sentence
        # "the bruise has gone yellow"; and further back, a bruise "going yellow at the edges"
        k = m.start - 1
        colours = self.r.lexicon.words("colours") | {"from", "to", "into", "purple", "blue"}
        while k > 0 and (self.r.tokens[k].norm in SHADING or self.r.tokens[k].norm in colours):
            k -= 1  # "gone a bit yellow", "gone a greeny yellow", "gone from purple to yellow"
        turning = k >= 0 and self.r.tokens[k].norm in TURNING
        return any(
            (m.start - 4 <= s or turning) and s < m.start and self.r.tokens[s].sentence == sentence
            for s, _ in self.r.occurrences("bruise_words")
        )

    def past(self, k: int, words: frozenset[str]) -> int:
        """The first token from k that is not one of `words`."""
        while k < len(self.r.tokens) and self.r.tokens[k].norm in words:
            k += 1
        return k

    def fainting(self, m: Match) -> tuple[str, str] | None:
        # past size and colour words: "a faint little bruise", "the faint yellowish bruise"
        # past size and colour words, and "a faint bit of bruising"
        sizes = self.r.lexicon.words("small") | self.r.lexicon.words("colours") | {"bit", "of"}
        k = self.past(m.end, sizes)
        after = self.r.tokens[k].norm if k < len(self.r.tokens) else ""
        typed = self.r.canon(k) if k < len(self.r.tokens) else frozenset()  # "a feint bruse"
        adjective = self.r.tokens[m.start].norm in ("faint", "fainter", "faintest", "faintly")
        if adjective and (
            after in NOT_A_FAINTING or stem_in(after, NOT_A_FAINTING) or typed & NOT_A_FAINTING
        ):
            return None  # "a faint bruise", "faint red line" (but "passed out one minute")
        colours = self.r.lexicon.words("colours")
        shade = adjective and m.end < len(self.r.tokens) and self.r.norms[m.end] in colours
        if shade and self.r.adjacent(m.end - 1) and self.said_of_a_mark(m):
            return "normal", "small-bruise"  # "little mark on my wrist, faint purple"
        before = [self.r.tokens[j].norm for j in range(max(0, m.start - 2), m.start)]
        if self.a_visit(m):
            return None  # "Our Tom came round and moved the chest of drawers"
        earlier = [self.r.tokens[j].norm for j in range(max(0, m.start - 4), m.start)]
        if adjective and any(w in NOT_A_FAINTING or stem_in(w, NOT_A_FAINTING) for w in earlier):
            return None  # "the bruise is v faint now" (but "Mark, Jess's husband. She fainted")
        plain = [w for w in before if w not in ("only", "very", "v", "quite", "really", "so")]
        if adjective and plain[-1:] in (["its"], ["is"], ["already"], ["now"]) and (
            self.said_of_a_mark(m)
        ):
            return None  # "a small bruise came up near my ankle but it's faint", "already faint"
        if adjective and self.a_mark_fading(m):
            return "normal", "small-bruise"  # "the little bruise on my ankle has gone faint"
        if self.power_cut(m):
            return None  # "we had a blackout last night, whole street lost power"
        if self.a_mark_darkened(m):
            return None  # "bruise went black overnight": the bruise's colour, no faint
        if self.an_outing(m):
            return None  # "I was out for a few hours shopping", "popped out for a minute"
        if self.r.norms[m.start].startswith("collaps") and self.about_something_else(m):
            return None  # "watching the cricket, England collapsing as usual"
        if self.an_episode(m):
            return m.concept.label, m.concept.rule  # "had a little faint in the shower"
        if before[-2:] in (["might", "have"], ["may", "have"], ["must", "have"]):
            return m.concept.label, m.concept.rule  # "she might have passed out": maybe did
        # "liked to passed out" (Southern US): nearly did
        nearly = before[-2:] == ["liked", "to"]
        if self.then_it_happened(m) or self.r.did_after_all(m.end):
            # "felt like I'd pass out and then I did", "didn't think I'd faint but I did"
            return m.concept.label, m.concept.rule
        # "so faint" is a degree, but "ok so passed out at work" a conjunction before the verb
        near = NEAR_FAINT if adjective else NEAR_FAINT - {"so"}
        if nearly or any(w in near for w in before) or self.r.tokens[m.start].norm == "faint":
            # "I did faint", "she fainted": the verb, not the feeling (but "almost I faint",
            # as a learner puts it, is nearly)
            subject = any(w in ("i", "she", "he", "mum", "mom", "did", "then") for w in before[-1:])
            if not subject or before[:1] in (["almost"], ["nearly"]):
                return "complication", "near-fainting"  # "nearly fainted", "felt faint"
        return m.concept.label, m.concept.rule

    def an_outing(self, m: Match) -> bool:
        """ "was out for a few hours", "nipped out for a minute", "the lights went out for a
        second": out of the house, or of a light, not out cold."""
        norms = self.r.norms
        out = m.start + (norms[m.start] == "was")  # not "blacked out after lunch"
        if norms[out] != "out" or norms[m.end - 1] == "cold":
            return False
        if out > 0 and norms[out - 1] in GOING_OUT:
            return True
        return bool(set(norms[m.end : m.end + 4]) & TIME_OUT)

    def a_visit(self, m: Match) -> bool:
        """ "came round" said of a visitor: someone named or a relative just before, and no
        "on the floor" after."""
        if [t.norm for t in self.r.tokens[m.start : m.end]] != ["came", "round"] or not m.start:
            return False
        after = [t.norm for t in self.r.tokens[m.end : m.end + 2]]
        if after[:1] == ["for"] or after in (["to", "see"], ["to", "visit"]):
            return True  # "Our Darren's lot came round for tea", "came round to see me"
        who = self.r.tokens[m.start - 1]
        raw = self.r.text[who.start : who.end]
        ours = m.start > 1 and self.r.tokens[m.start - 2].norm in ("our", "my")  # "our tom"
        named = (raw[:1].isupper() or ours) and who.norm not in self.r.lexicon.words("self")
        return named or who.norm in self.r.lexicon.words("others") - {"he", "she", "hes", "shes"}

    def power_cut(self, m: Match) -> bool:
        if not {self.r.tokens[k].norm for k in range(m.start, m.end)} & {"blackout", "blackouts"}:
            return False
        sentence = self.r.tokens[m.start].sentence
        words = self.r.sentence_words(sentence)
        return bool(words & {"power", "electricity", "outage", "street", "lights", "grid"})

    def then_it_happened(self, m: Match) -> bool:
        """The near miss that was not: "...going to pass out and then I actually did"."""
        after = " ".join(t.norm for t in self.r.tokens[m.end : m.end + 6])
        return bool(
            re.search(r"\b(?:actually|then i|and i|i really|then) did\b|\bdid actually\b", after)
        )

    def from_the_airways(self, m: Match) -> bool:
        """Discharge told of a cough or a nose: phlegm, not a needle site's (not "green
        gunk from the spot, looks like snot": a likeness)."""
        sentence = self.r.tokens[m.start].sentence
        indices = self.r.sentences[sentence]
        if self.out_of_a_site(m):
            return False  # "husband has a cough, and I've got pus coming out of a needle hole"
        if any(
            self.r.tokens[k].norm in AIRWAYS - {"nose"}
            and (k == indices[0] or self.r.tokens[k - 1].norm not in ("like", "as"))
            for k in indices
        ):
            return True
        # "from my nose", not "on one of the points near my nose" (a face treated)
        return any(
            self.r.tokens[k].norm == "nose" and not self.beside(k)
            for k in self.r.sentences[sentence]
        )

    def an_illness_named(self, m: Match) -> bool:
        """ "a chest infection", "water infection", "sinus infection": an illness with its
        own name, not a needle site's infection."""
        norms = self.r.norms
        return (
            norms[m.start] in ("infection", "infections")
            and m.start > 0
            and norms[m.start - 1] in ILLNESS_SITES
        )

    def out_of_a_site(self, m: Match) -> bool:
        """The discharge is told coming from a needle site: "pus out of one of the needle
        holes", "oozing at the needle spot"."""
        norms, sentence = self.r.norms, self.r.tokens[m.start].sentence
        ahead = [
            norms[k]
            for k in range(m.end, min(len(norms), m.end + 8))
            if self.r.tokens[k].sentence == sentence
        ]
        for i, word in enumerate(ahead):
            if word in SITES:
                return bool(set(ahead[:i]) & {"from", "of", "at", "around", "in", "on"})
        return False

    def beside(self, k: int) -> bool:
        """The word at k is named as a place on the body, next to which something is."""
        before = {self.r.tokens[j].norm for j in range(max(0, k - 3), k)}
        return bool(before & {"near", "by", "beside", "next", "around", "under", "above", "side"})

    def gynaecological(self, m: Match) -> bool:
        """Discharge told of "down there" or of a cycle: not a needle site's."""
        sentence = self.r.tokens[m.start].sentence
        words = self.r.sentence_words(sentence)
        return bool(words & {"vaginal", "period", "cycle", "cervical", "spotting"}) or any(
            self.r.tokens[s].sentence == sentence for s, _ in self.r.occurrences("down_there")
        )

    def unable(self, m: Match) -> bool:
        """ "not able to catch my breath", "had to stop to catch my breath": said of what
        the writer cannot do (a denial here is the finding itself)."""
        inability = self.lex.words("inability")
        trigger = self.r.negator(m.start)
        if trigger is not None:
            # "no trouble to breathe" denies the trouble
            return self.r.tokens[trigger + 1].norm not in inability
        before = [self.r.tokens[j].norm for j in range(max(0, m.start - 2), m.start)]
        bare_verb = self.r.tokens[m.start].norm == "breathe"  # "remember to breathe"
        purpose = before[-1:] == ["to"] and before[:1] not in (["able"], ["managed"], ["manage"])
        if purpose and not bare_verb:
            return True  # "stopped twice on the stairs to get my breath back": a purpose
        sentence = self.r.tokens[m.start].sentence
        return any(
            self.r.tokens[j].norm in inability and self.r.tokens[j].sentence == sentence
            for j in range(max(0, m.start - 6), m.start)
        )

    def likens_a_soreness(self, m: Match) -> bool:
        """A likeness ("like after the dentist") told just after an ache or a stiffness
        describes that, not a numbness."""
        if not self.r.tokens[m.start].norm == "like" and not (
            m.start and self.r.tokens[m.start - 1].norm == "like"
        ):
            return False
        sentence = self.r.tokens[m.start].sentence
        return any(
            self.r.tokens[k].norm in SORENESS_WORDS and self.r.tokens[k].sentence == sentence
            for k in range(max(0, m.start - 6), m.start)
        )

    def laughing(self, m: Match) -> bool:
        """ "im weak", "im dead" said of a joke: laughter right beside the bare state."""
        r = self.r
        if m.end - m.start != 1 or r.tokens[m.start].norm not in ("weak", "dead"):
            return False
        if m.start == 0 or r.tokens[m.start - 1].norm not in ("im", "i", "am", "literally"):
            return False
        lo = r.tokens[m.start - 2].start if m.start >= 2 else 0
        hi = r.tokens[m.end].start if m.end < len(r.tokens) else len(r.text)
        return bool(LAUGHTER.search(r.text, lo, hi + 12))

    def breathless_with_laughter(self, m: Match) -> bool:
        """ "i cant breathe 😂", "lol i cant breathe haha": a laugh told, laughter right
        after the words (a crying-laughing face, or a laugh on both sides)."""
        r = self.r
        if r.norms[m.start : m.end] not in BREATH_LOST:
            return False
        hi = r.tokens[m.end - 1].end
        if re.match(r"\s*[😂🤣]", r.text[hi:]):
            return True
        sentence = r.tokens[m.start].sentence
        laughed = [k for k in r.sentences[sentence] if k < m.start and r.tokens[k].norm in LAUGHED]
        # "laughed so hard at the pub quiz last night i couldnt breathe" (not "was laughing
        # earlier but now i cant breathe")
        if laughed and not any(r.tokens[k].norm in CONTRAST for k in range(laughed[-1], m.start)):
            return True
        lo = r.tokens[m.start - 2].start if m.start >= 2 else 0
        before, after = r.text[lo : r.tokens[m.start].start], r.text[hi : hi + 12]
        return bool(LAUGHTER.search(before)) and bool(LAUGHTER.search(after))

    def worn(self, m: Match) -> bool:
        """Clothing the writer wears in the chest's sentence ("my new bra feels like a belt
        round my chest"), not a garment of a simile ("like it's in a corset", "strapped in
        by a seatbelt"): the chest then is only being described."""
        sentence = self.r.tokens[m.start].sentence
        for s, _ in self.r.occurrences("clothing"):
            if self.r.tokens[s].sentence != sentence:
                continue
            before = [self.r.tokens[j].norm for j in range(max(0, s - 4), s)]
            if not ({"like", "by"} & set(before) or before[-2:] == ["in", "a"]):
                return True
        return False

    def a_rash(self, m: Match) -> bool:
        """Blotches that itch are a rash (outside the lists), not redness at a site."""
        sentence = self.r.tokens[m.start].sentence
        if self.r.tokens[m.start].norm in ("red", "pink", "pinkish"):
            # "a red rash on my tummy", "a rash like little red dots": the rash's colour
            # (but "an itchy red rash around the needle spots" is redness at the sites)
            if self.r.sentence_words(sentence) & (SITES | {"site", "sites", "points"}):
                return False
            near = range(max(0, m.start - 4), min(len(self.r.tokens), m.end + 3))
            return any(
                self.r.tokens[j].sentence == sentence
                and self.r.tokens[j].norm.startswith(("rash", "hive"))
                for j in near
            )
        if not self.r.tokens[m.start].norm.startswith("blotch"):
            return False
        return any(  # "a blotchy rash where the tape was", "blotchy hives"
            self.r.tokens[j].norm.startswith(("itch", "rash", "hive"))
            for j in self.r.sentences[sentence]
        )

    def an_episode(self, m: Match) -> bool:
        """ "had a faint", "had a little faint", "had a bit of a faint": a faint, the noun,
        is an episode of fainting, however small the word before it ("a faint feeling" is
        the feeling)."""
        if self.r.tokens[m.start].norm != "faint":
            return False
        after = self.r.tokens[m.end].norm if m.end < len(self.r.tokens) else ""
        if after in ("feeling", "feelings", "sensation", "sense", "spell", "spells"):
            return False
        before = " ".join(self.r.tokens[j].norm for j in range(max(0, m.start - 5), m.start))
        return bool(EPISODE.search(before + " "))

    def a_mark_fading(self, m: Match) -> bool:
        """ "the bruise has gone faint", "it's going faint": a mark named earlier in the
        sentence, then a verb of becoming with no person of its own ("I've gone faint")."""
        if m.start < 2 or self.r.norms[m.start - 1] not in FADING:
            return False
        subject = self.r.norms[m.start - 2]
        if subject in ("has", "is", "its", "it", "now", "already") and m.start > 2:
            subject = self.r.norms[m.start - 3]
        return subject not in PERSONS and self.said_of_a_mark(m)

    def a_mark_darkened(self, m: Match) -> bool:
        """ "bruise went black", "the bruising has gone black": a colour change told of the
        mark right before it (not "then I went black", nor "everything went black")."""
        if self.r.tokens[m.start].norm not in ("went", "gone", "turned", "turning", "going"):
            return False
        return any(m.start - 2 <= e <= m.start for _, e in self.r.occurrences("bruise_words"))

    def said_of_a_mark(self, m: Match) -> bool:
        """A bruise or mark named earlier in the sentence: what "it's faint" is said of."""
        sentence = self.r.tokens[m.start].sentence
        return any(
            s < m.start and self.r.tokens[s].sentence == sentence
            for s, _ in self.r.occurrences("bruise_words")
        ) or any(
            self.r.tokens[j].norm in NOT_A_FAINTING
            for j in self.r.sentences[sentence]
            if j < m.start
        )

    def came_close(self, end: int) -> bool:
        """ "didn't pass out but I nearly did", "..., came close": the denied faint was near."""
        sentence = self.r.tokens[end - 1].sentence
        # and a next sentence that takes it up: "I didn't faint. Wait, I nearly did"
        nxt = self.r.sentences[sentence + 1] if sentence + 1 < len(self.r.sentences) else []
        if not nxt or self.r.tokens[nxt[0]].norm not in ("wait", "actually", "well", "but"):
            nxt = []
        told = [t for t in self.r.tokens[end : end + 12] if t.sentence == sentence]
        words = [t.norm for t in told] + [self.r.tokens[k].norm for k in nxt[:12]]
        pairs = set(zip(words, words[1:], strict=False))
        return bool(pairs & CAME_CLOSE)

    def reading_below_fever(self, m: Match) -> bool:
        """A word for temperature ("a temp", not "fever") next to readings all under the
        fever line."""
        words = {self.r.tokens[i].norm for i in range(m.start, m.end)}
        readings = self.r.temperatures
        colloquial = bool(words & {"temp", "temperature", "temps"})
        return colloquial and bool(readings) and not any(fever for _, fever in readings)

    def tender_like_a_bruise(self, m: Match) -> bool:
        """ "tender, like pressing on a bruise", "feels like an old bruise": a feeling likened
        to one (but "a mark that looks like a bruise" is one seen)."""
        before = [t.norm for t in self.r.tokens[max(0, m.start - 4) : m.start]]
        if "like" not in before:
            return False
        k = len(before) - 1 - before[::-1].index("like")
        return not set(before[:k]) & {"look", "looks", "looking", "looked"} and not (
            k == 0 and m.start >= 5 and self.r.tokens[m.start - 5].norm.startswith("look")
        )

    def small_bruise(self, m: Match) -> bool:
        """A size word: "tiny bruise", "small but quite dark bruise" (up to 5 words before),
        or later in the same sentence ("bruising, but it's only small")."""
        sentence = self.r.tokens[m.start].sentence
        grown = [
            g
            for g, _ in self.r.occurrences("grown")
            if self.r.tokens[g].sentence == sentence
            and not self.r.hypothetical(g)
            and not self.r.negated_right_before(g)
        ]  # not "what if it gets bigger?", "no bigger than a freckle"
        smalls = [s for s, _ in self.r.occurrences("small")]
        denied = [s for s in smalls if self.small_denied(s)]
        return any(
            m.start - 5 <= s < m.end + 3
            or (s >= m.end and self.r.tokens[s].sentence == sentence)
            or self.said_small_next(s, sentence)
            for s in smalls
            if s not in denied  # "not a small bruise"
            and not any(g > s for g in grown)  # "was tiny last night, now it's spread"
            and not any(d > s for d in denied)  # "a tiny bruise but no, its not tiny at all"
        )

    def small_denied(self, s: int) -> bool:
        """ "not tiny", "not that small", "not so small": the size word at s is denied."""
        norms = self.r.norms
        none_of = norms[max(0, s - 4) : s]  # "none of them small", "none of them are small"
        return (
            self.r.negated_right_before(s)
            or (s > 1 and norms[s - 1] in NOT_THAT and norms[s - 2] == "not")
            or ["none", "of", "them"] in (none_of[:3], none_of[1:4])
        )

    def said_small_next(self, s: int, sentence: int) -> bool:
        """ "what's the best thing to put on the bruise? its only small": the next sentence
        opens by saying it is small."""
        later = range(sentence + 1, len(self.r.sentences))
        following = next((k for k in later if self.r.sentences[k]), None)
        if following is None or self.r.tokens[s].sentence != following:
            return False  # (past an empty line: "...to fade?\nits only small")
        words = self.r.sentences[following]
        opening = [self.r.tokens[k].norm for k in words[: words.index(s)]] if s in words else []
        # ("well, 'bruise', its tiny": a word or two before it)
        return "its" in opening and len(opening) <= 3

    def about_something_else(self, m: Match, things: str = "not_the_body") -> bool:
        """A word for the world, not the body, just before the term and nothing of the body
        between: "the heatwave is unbearable", not "the heat makes my pain unbearable"; or
        right after it: "the unbearable heat"."""
        sentence = self.r.tokens[m.start].sentence
        body = [s for s, _ in self.r.occurrences("body_words")]
        if m.end in body:
            return False  # "bruised apples in the bowl and a bruised arm to match"
        world = self.r.lexicon.words(things)
        if m.end - m.start == 1 and self.r.tokens[m.start].norm in world:
            # "The heat today was unbearable": the term is the world's, unless a body is named
            named = body + [j for j in self.r.sentences[sentence] if self.r.tokens[j].norm in SITES]
            return not any(self.r.tokens[b].sentence == sentence for b in named)
        # "stuck in traffic and felt really dizzy", "the heat made me dizzy": the writer
        # between the world and the term has the symptom
        writer = self.r.lexicon.words("self") | self.r.lexicon.words("experiencing")
        # (right after it only a one-word term, next to it, as a word that says what the thing
        # is like: not "short of breath traffic was bad", "fever 🤒 Traffic was bad")
        one_word = m.end - m.start == 1 and self.r.adjacent(m.start)
        text = self.r.text
        return any(
            (m.start - 8 <= s < m.start or (s == m.end and one_word))
            and self.r.tokens[s].sentence == sentence
            and not CLAUSE_BREAK.search(text, self.r.tokens[s].end, self.r.tokens[m.start].start)
            and not any(s < b < m.start for b in body)
            and not any(self.r.tokens[k].norm in writer for k in range(s + 1, m.start))
            and not self.r.negated_right_before(s)  # "no heat, but a little pus"
            and not any(self.r.tokens[k].norm in CONTRAST for k in range(s, m.start))
            # "a pen line round the red patch": drawn round the finding, not the finding
            and not any(self.r.tokens[k].norm in ("round", "around") for k in range(s, m.start))
            and not self.bid_to_wait(s)
            and s not in self.r.idiom_tokens  # "put heat on it and now it's red": self-care
            and (e <= m.start or s >= m.end)  # "the ceiling was going round": the term's own
            for s, e in self.r.occurrences(things)
        )

    def bid_to_wait(self, s: int) -> bool:
        """ "wait theres red streaks", "oh wait": the writer stopping short, not a wait had."""
        if self.r.tokens[s].norm != "wait":
            return False
        prev = self.r.tokens[s - 1] if s else None
        return prev is None or prev.sentence != self.r.tokens[s].sentence or prev.norm in (
            "oh", "but", "actually", "ok", "okay", "no", "hmm", "hang", "just", "um", "erm"
        )

    def asked_of_a_low_reading(self, m: Match) -> bool:
        """ "temperature 37.5, is that a fever?": asked, with every reading under the line."""
        readings = self.r.temperatures
        asked = self.r.tokens[m.start].sentence in self.r.question_sentences
        return asked and bool(readings) and not any(fever for _, fever in readings)

    def patient_will_do_it(self, m: Match) -> bool:
        """ "I'll get in touch", "I will call you": the patient's own plan."""
        before = [self.r.tokens[j].norm for j in range(max(0, m.start - 2), m.start)]
        return before[-1:] == ["ill"] or before[-2:] in (["i", "will"], ["i", "shall"])

    def scores_fell(self) -> bool:
        """A later pain score lower than an earlier one, none higher after it."""
        values = [s.value for s in self.r.scores]
        if len(values) == 2 and self.told_as_before(self.r.scores[1]):
            values.reverse()  # "2/10 now, was 5 yesterday": the 5 came first
        return len(values) >= 2 and values[-1] < values[0] and values[-1] == min(values)

    def told_as_before(self, score: NumberFinding) -> bool:
        """A score said to have been ("was 5 yesterday")."""
        start = self.r.token_at(score.span[0])
        before = [t.norm for t in self.r.tokens[max(0, start - 2) : start]]
        return "was" in before

    def felt_from_the_world(self, m: Match) -> bool:
        """A sensation put down, in the same clause, to the weather or food: "burning up
        and sweating after a hot curry", "shivering at the bus stop in this wind". Only
        for what a body feels anyway (heat, chills, sweat), never "fever" itself."""
        rule, first = m.concept.rule, self.r.tokens[m.start].norm
        felt = FELT_HEAT if rule == "fever" else FELT_HEAT | FELT_CHILL_OR_SWEAT
        if rule not in ("fever", "symptom-outside-lists") or first not in felt:
            return False  # heartburn after a curry is still heartburn
        sentence = self.r.tokens[m.start].sentence
        for s, _ in self.r.occurrences("not_the_body"):
            if m.end <= s <= m.end + 10 and self.r.tokens[s].sentence == sentence:
                return not any(self.r.tokens[k].norm in CONTRAST for k in range(m.end, s))
        return self.about_something_else(m)  # "the boiler's packed in ... shivering"

    def after_clock_time(self, m: Match) -> bool:
        """ "at 10 sharp", "9am sharp": punctual, not a pain ("an 8, sharp" still is)."""
        if m.start == 0 or self.r.tokens[m.start].norm != "sharp":
            return False  # "4 shooting pains today": a count of them
        before, term = self.r.tokens[m.start - 1], self.r.tokens[m.start]
        word = before.norm
        clock = (
            word.isdigit()
            or word in CLOCK_WORDS
            or (word[-2:] in CLOCK_WORDS and word[:-2].isdigit())
        )
        return before.is_word and clock and not self.r.text[before.end : term.start].strip()

    def improving(self, at: int | None = None) -> bool:
        """An easing word for the soreness at token `at`: not one spent on something else
        before a "but" ("sleeping better, but my hip is still sore")."""
        # "can barely turn my head" is no easing, "barely sore" is
        questions = self.r.question_sentences
        easing = [
            (s, e)
            for s, e in self.r.occurrences("improving")
            if not (s and self.r.tokens[s - 1].norm in ("can", "could", "cant", "couldnt"))
            and not self.hoped_for(s)
            and not self.easing_answered_no(e)  # "improving: no"
            and not self.easing_taken_back(e)
            and not any(k in self.r.idiom_tokens for k in range(s, e))  # "ok now and then"
            and not self.r.people.someone_else(s)  # "my husband's been sore too, his has gone"
            # "is heat or ice better?": a question's "better" eases nothing told
            and not (
                self.r.tokens[s].sentence in questions
                and (at is None or self.r.tokens[at].sentence != self.r.tokens[s].sentence)
            )
        ]
        sentence = self.r.tokens[at].sentence if at is not None else None
        if any(
            not self.r.negated_right_before(s)
            and not any(a <= s < b for a, b in easing)
            and (sentence is None or self.r.tokens[s].sentence == sentence)
            for s, _ in self.r.occurrences("not_improving")
        ):
            return False  # ("not as sore as yesterday", "half as sore as" are easing)
        # "no more texts. still stiff": "no more" there is about the texts
        opt_out = {i for s, e in self.r.occurrences("opt_out_phrases") for i in range(s, e)}
        return any(
            # "no swelling, stiffness is easing": a denial's comma ends it before the easing
            not (self.r.negated_before(s) and not self.r.denial_ended_before(s))
            and s not in opt_out
            and not self.contrasted(s, at)
            and not self.r.became(e)
            and not self.eases_a_world_thing(s)
            for s, e in easing
        )

    def easing_taken_back(self, e: int) -> bool:
        """ "actually less than... no, honestly it's the same as yesterday": a "no" after the
        easing, then no change told."""
        norms = self.r.norms
        return any(
            e < s <= e + 10 and "no" in norms[e:s]
            for s, _ in self.r.occurrences("not_improving")
        )

    def eases_a_world_thing(self, s: int) -> bool:
        """ "quads still sore but my 10k time was better": the easing word is said of a thing
        of the world just before it, with no part of the body between."""
        body = {b for b, _ in self.r.occurrences("body_words")}
        sentence = self.r.tokens[s].sentence
        return any(
            s - 4 <= e <= s
            and self.r.tokens[w].sentence == sentence
            and not any(e <= b < s for b in body)
            and not self.r.comma_between(e - 1, s)  # "after the jet lag, stiffness almost gone"
            # "achy after my shift but easing": past the "but", the easing is the ache's
            and not any(self.r.tokens[k].norm in CONTRAST for k in range(e, s))
            for w, e in self.r.occurrences("not_the_body")
        )

    def easing_answered_no(self, e: int) -> bool:
        """The easing word ending before token e is an item answered no: "improving: no"."""
        if e >= len(self.r.tokens):
            return False
        # (and "improving? no." asked and answered)
        return self.r.bare_no_at(e) or self.r.answered_like_a_form(e) or self.r.negated_after(e)

    def hoped_for(self, s: int) -> bool:
        """ "hopefully it eases off soon", "hard to tell if it's any better", "thought it'd be
        gone by now": no easing told."""
        sentence = self.r.tokens[s].sentence
        before = [t.norm for t in self.r.tokens[max(0, s - 4) : s] if t.sentence == sentence]
        if "thought" in before and ("itd" in before or "would" in before):
            return True  # "thought it'd be gone by now": it is not
        return bool(set(before[-3:]) & HOPES)

    def contrasted(self, word: int, at: int | None) -> bool:
        """A contrast word between an earlier easing word and the soreness."""
        if at is None or word > at:
            return False
        return any(self.r.tokens[k].norm in CONTRAST for k in range(word, at))

    def soreness(self, m: Match) -> tuple[str, str]:
        sentence = self.r.tokens[m.start].sentence
        if self.checkin == "24h":
            mild = self.r.has("ordinary_pain", sentence) or any(
                self.r.tokens[j].norm == "mild" for j in self.r.sentences[sentence]
            )  # "the achiness won't stop but it's mild, like after a workout"
            persists = self.r.has("persisting", sentence) and self.persists_wont_stop(sentence)
            if persists and not mild:
                return "review", "persistent-soreness-24h"
            return "normal", "soreness-24h"
        if self.improving(m.start) or self.gone_by_now(m.start, m.end):
            return "normal", "48h-soreness-improving"  # easing, or "not sore anymore"
        if self.scores_fell() or self.was_and_is_now_slight(m):
            return "normal", "48h-soreness-improving"  # "a 4 yesterday, 1 today"
        if self.was_and_is_fine_today(m):
            return "normal", "48h-soreness-improving"  # "was achy monday, right as rain today"
        return "complication", "48h-soreness-not-improving"

    def was_and_is_fine_today(self, m: Match) -> bool:
        """ "was achy monday, right as rain today", "sore yesterday, not today": the soreness
        told of a day gone, and after it the patient fine now, or the soreness denied of now."""
        norms = self.r.norms
        before, after = norms[max(0, m.start - 2) : m.start], norms[m.end : m.end + 2]
        if not ({"was", "were"} & set(before) or set(after) & PAST_DAYS):
            return False
        if [w for w in norms[m.end : m.end + 4] if w not in PAST_DAYS][:2] == ["not", "today"]:
            return True  # "sore yesterday, not today"
        return any(
            s > m.end and {"today", "now"} & set(norms[s : e + 2])
            for s, e in self.r.occurrences("normal")
        )

    def was_and_is_now_slight(self, m: Match) -> bool:
        """ "was achy yesterday, today it's maybe 1/10": the soreness told of yesterday, and
        a score after it of 2 or less."""
        norms = self.r.norms
        before, after = set(norms[max(0, m.start - 3) : m.start]), norms[m.end : m.end + 3]
        if not before & {"was", "were"} or "yesterday" not in after:
            return False
        return any(
            self.r.token_at(s.span[0]) >= m.end and s.value <= 2 for s in self.r.scores
        )

    def gone_by_now(self, start: int, end: int) -> bool:
        """ "not sore anymore", or the same word said so later: "Bit tender still, actually
        no, I pressed on it and it's not tender anymore"."""
        if self.r.negated_before(start) and self.r.gone_now(end):
            return True
        said = self.r.tokens[start].norm
        return any(
            self.r.tokens[k].norm == said  # the same word ("still stiff. not sore" is stiff)
            and self.r.negated_before(k)
            and self.r.gone_now(k + 1)
            for k in range(end, len(self.r.tokens))
        )

    def persists_wont_stop(self, sentence: int) -> bool:
        """ "won't stop", "constant": pain that goes on, said in this sentence (not "before
        it was constant")."""
        return any(
            self.r.tokens[s].sentence == sentence
            and self.r.tokens[s].norm in ("wont", "constant")
            and not self.said_of_before(s)
            for s, _ in self.r.occurrences("persisting")
        )

    def said_of_before(self, s: int) -> bool:
        """ "before it was constant", "used to be a constant 5": how it was, not how it is."""
        before = {self.r.tokens[k].norm for k in range(max(0, s - 4), s)}
        return bool(before & {"was", "were", "used", "before"})

    def pain_not_improving_at_48h(self, sentence: int) -> bool:
        """At 48 h, the sentence says the pain goes on ("still", "same as yesterday") and
        nothing in the reply says it is easing."""
        persisting = self.r.has("not_improving", sentence) or any(
            self.r.tokens[s].sentence == sentence and not self.said_of_before(s)
            for s, _ in self.r.occurrences("persisting")
        )
        return (
            self.checkin == "48h" and persisting and not self.improving() and not self.scores_fell()
        )

    def plain_pain(self, m: Match) -> tuple[str, str]:
        sentence = self.r.tokens[m.start].sentence
        if self.pain_beyond_bearing:
            return "emergency", "unmanageable-pain"
        if self.pain_not_improving_at_48h(sentence):
            return "complication", "48h-pain-not-improving"  # "hurts just as much as it did"
        if self.checkin == "24h" and self.persists_wont_stop(sentence):
            return "review", "persistent-pain-24h"
        return "normal", "pain-mentioned"

    # --- numbers --------------------------------------------------------------------


def stem_in(word: str, words: set[str]) -> bool:
    return word.rstrip("s") in words
