"""Whose symptoms a reply tells of: the patient's own, someone else's, or the patient's
told by whoever holds their phone (a parent, a carer, a partner texting for them)."""

from __future__ import annotations

import re
from functools import cached_property
from typing import TYPE_CHECKING

from .text import EMOJI_GAP, SIGN_OFF, SIGN_OFF_WORDS, Token

if TYPE_CHECKING:
    from .reading import Reading

# Words that ask (of us, or of a "what if"): "should I ring 999 if his chest..."
ASKING_VERBS = {"should", "can", "could", "do", "does", "did", "will", "would", "need",
                "normal", "worry", "call", "ring", "you"}  # fmt: skip
# a reply signed "- Anna", "- Anna thanks"
SIGNED_NAME = re.compile(r"[-–—]\s*[A-Z][a-z]+(?:[\s,.!]+" + SIGN_OFF + r")*[\s.!]*$")
# A relation signed at the very end: "(son)", "- Carol (wife)", "- from Pat's carer"
SIGNED_RELATION = re.compile(
    r"(?:(?:^|(?<=\s))[-–—]\s*(?:from\s+)?(?:[A-Z][a-z]+\s*)?\(?|\()\s*(?:[A-Za-z]+['’]s\s+)?"
    r"([A-Za-z]+)(?:,\s*[A-Za-z]+)?\s*\)?(?:[\s,.!]+" + SIGN_OFF + r")*[\s.!]*$"  # "(son) x"
)
SIGNING_OFF = SIGN_OFF_WORDS | {"xxx", "love", "me"}  # after a signature: "(me)", "Kai x"
CLOSINGS = {"regards", "yours", "sincerely", "faithfully", "best", "wishes", "love"}
RE_OPENERS = {"update", "clinic", "note", "message", "text", "news"}  # "update re Mum"
SIGNING_HELPERS = {"neighbour", "neighbor", "nurse", "interpreter"}  # "(neighbour, Doreen)"
PERSON_WINDOW = 12  # words searched back for who a symptom belongs to
# "... and was taken in", "... and had to sit down": the clause goes on with the same subject
SHARED_SUBJECT_VERBS = {"was", "were", "had", "got", "went", "ended", "needed", "is", "has"}
# Words that follow "'s" when it is "is" or "has" ("my son's been sick"), not "of".
SAID_AFTER_IS_OR_HAS = {
    "been", "got", "gone", "had", "having", "not", "a", "an", "the", "really", "very", "so",
    "feeling", "just", "also", "still", "now", "getting", "in", "at", "on", "off", "up",
    "down", "ok", "okay", "fine", "sick", "ill", "unwell", "poorly", "coming", "going",
    "doing", "saying", "complaining", "all", "bit", "quite", "running", "come",
}  # fmt: skip
PARENTS = {"mum", "mums", "mom", "moms", "mother", "mothers", "dad", "dads", "father", "fathers",
           "nan", "nans", "nana", "nanna", "gran", "grans", "granny", "grandma", "grandad",
           "grandpa"}  # fmt: skip
# Words ending in "s" right after "this is" that are not someone's name: "this is his wife"
# is handled by the lexicon's "this is his"; "this is us" is no one's relative.
NOT_A_NAME = {"his", "hers", "its", "this", "yours", "ours", "theirs", "us", "was", "is", "has",
              "as", "yes", "less", "plus", "thus"}  # fmt: skip
# Many people at once, whom a "he" or "she" cannot be
GROUPS = {"kids", "children", "people", "team", "cows", "cattle", "sheep", "heifers", "horses",
          "pigs", "goats", "lambs", "ewes", "friends", "neighbours", "colleagues", "grandkids",
          "boys", "girls", "twins", "parents", "family", "everyone"}  # fmt: skip
# "he"/"she" and their forms: the person a reply is about, when no one else is named
QUOTE_OPENS = re.compile(r"[:\s][\"“'‘’]")  # 'Dad says "...' and "Dad says '...'"
QUOTE_CLOSES = re.compile(r"[\"”'’](?=[\s.,!?;:]|$)")
OPENING_QUOTE = re.compile(r"[:\s][\"“]")  # a quotation opening after a colon or a space
HAS_IT = {"does", "has", "did", "had", "is", "was", "do", "have"}  # "...but my husband does"
THIRD_PERSON = {"he", "she", "hes", "shes", "his", "her", "him", "himself", "herself"}
TITLES = {"mr", "mrs", "ms", "miss", "dr"}
# Who told the writer the news: "the care home rang me", "she told me"
TOLD = {"rang", "rung", "called", "phoned", "told", "texted", "messaged", "emailed", "warned"}
CAUGHT = {"caught", "catching", "catch", "picked", "got", "getting"}
BUGS = {"bug", "cold", "flu", "lurgy", "virus", "germs", "cough"}
NEEDLE_SITES = {"needle", "needles", "spot", "spots", "points"}  # where the needles went
TREATMENT = {"session", "treatment", "acupuncture", "appointment", "needles", "needling"}
# Words that tell of the writer's own treatment beside someone else's: "I had mine too",
# "we both went", "had the same treatment", "the same day"
OWN_TREATMENT = {"mine", "too", "also", "aswell", "both", "myself", "same"}
FROM_THE_TREATMENT = (["the", "needles"], ["the", "acupuncture"], ["the", "session"])
# "he hasn't had acupuncture", "a friend who had acupuncture": no treatment of the patient's
NOT_HAD = {"hasnt", "hadnt", "havent", "never", "not", "didnt", "who", "whos", "whod"}
ACCOMPANIED = {"drove", "took", "brought"}  # "I drove her to her appointment"
COMING = {"come", "bring", "cancel", "reschedule", "postpone", "rebook"}
CHILDREN = {"son", "daughter", "kid", "child", "boy", "girl", "lad", "teenager", "teen",
            "sons", "daughters", "kids", "boys", "girls", "lads"}  # "my boys knee"
# What the writer did to or with someone: "walked the dog", "dropped my son at school"
OBJECT_VERBS = {"walked", "walk", "walking", "took", "take", "taking", "fed", "feed", "feeding",
                "visited", "visit", "visiting", "met", "meet", "collected", "collect", "dropped",
                "drove", "driving", "helped", "bathed", "groomed", "brushed", "hugged",
                "cuddled", "minded", "babysat", "babysitting", "picked", "fetched", "saw",
                "watched", "watching", "carried", "lifted", "chased", "exercised", "told", "tell",
                "telling", "showed", "show", "showing", "reassured", "promised", "warned",
                "rode"}  # fmt: skip
OBJECT_WORDS = {"up", "off", "out", "little", "big", "old", "new", "two", "both"}
AGED = re.compile(r"\d{1,2}(?:yo|yrs?|yos)")  # "my 6yo", "the 10yr old" (not "10m")
ANIMALS = {"dog", "dogs", "cat", "cats", "puppy", "kitten", "horse", "horses", "pony"}
HANDLING = {"touch", "touched", "press", "pressed", "checked", "looked", "noticed", "took"}
HEARSAY = {"says", "said", "saying", "tells", "told"}
KIN_AGES = {"big", "little", "older", "younger", "eldest", "oldest", "youngest", "twin", "baby"}
SAID_OF_ME = {"i", "im", "me", "am"}
SCRIBING = {"dictated", "dictating", "typed", "typing", "written", "writing", "texting"}
WRITER = {"i", "im", "ive", "id", "ill", "me", "my", "mine", "myself"}
ANYONE = {"woman", "man", "lady", "guy", "bloke", "person", "someone", "somebody", "anyone"}
PRACTITIONERS = {"dr", "doctor", "acupuncturist", "practitioner", "therapist", "physio"}
VISITING = {"see", "seeing", "saw", "visit", "visited", "visiting", "met", "meet", "to", "at",
            "from", "get", "getting", "fetch", "fetching", "collect", "collecting", "collected",
            "pick", "picking", "picked", "drop", "dropping", "dropped", "grab", "grabbing"}
PARENT_VERBS = {"has", "is", "was", "had", "says", "said", "felt", "feels", "got", "woke", "cant",
                "fainted", "passed", "reckons", "thinks", "keeps", "seems", "looks", "been"}
# words a parent follows when they are not who a clause is about: "went to mum's", "with dad"
RELATIONS = {"to", "from", "with", "for", "at", "of", "by", "about", "after", "on", "in", "round",
             "over", "like", "than", "and", "or", "as", "visited", "visit", "saw", "see", "called",
             "rang", "told", "asked", "helped", "took", "drove", "picked", "ask", "tell", "off"}
GREETINGS = {"hi", "hello", "hey", "hiya", "morning", "evening", "afternoon"}
INTRODUCING = {"its", "it", "this", "is", "s", "msg", "message", "text", "from"}
DETERMINERS = {"my", "your", "our", "the", "a", "an", "his", "her", "their", "this", "that"}
PEOPLE = {"friend", "friends", "neighbour", "neighbor", "colleague", "boss", "sister", "brother",
          "cousin", "aunt", "uncle", "mate", "flatmate", "roommate"}  # fmt: skip


class People:
    """The people in a reading, and whose each finding is; `r` is the reading."""

    def __init__(self, r: Reading) -> None:
        self.r = r

    def someone_else(self, start: int) -> bool:
        """The nearest person before the symptom is not the patient ("my husband has...")."""
        others, me = self.r.lexicon.words("others"), self.r.lexicon.words("self")
        if (
            self.r.has("wrong_recipient")
            and not self.r.sentence_words(self.r.tokens[start].sentence) & me
            and not self.turned_to_us_before(start)
        ):
            # "sorry meant for the family group!! Dad's chest pain is back" (but "STOP. wait
            # sorry wrong chat 🙈 I'm good, a bit achy" goes on to the writer's own news)
            return True
        if self.said_not_the_patient(start):
            return True  # "Mr L (room 2, not yours) passed out", "he wasnt treated"
        if self.treated_site_named(self.r.tokens[start].sentence):
            return False  # "my wife says the knee you treated looks like a grapefruit"
        if self.labelled_as_mine(self.r.tokens[start].sentence):
            return False  # "that thumbs up was for my mum. me: worse than before"
        if self.on_my_body_after(start):
            return False  # "my wife took photos of the red area on my calf"
        if self.on_behalf:
            # someone texting for the patient: "she" is the patient, "I" is the sender
            return self.nearest_person_is_me(start, me) and not self.r.has("their_phone")
        practitioner_verbs = self.r.lexicon.words("practitioner_verbs")
        j, words = start - 1, 0
        sentence = self.r.tokens[start].sentence
        # A person named in an earlier sentence is not who this one is about ("went for a
        # coffee with my sister. Bit of a tight chest since 8pm"): when in doubt, the patient.
        while j >= 0 and words < PERSON_WINDOW and self.r.tokens[j].sentence == sentence:
            tok = self.r.tokens[j]
            if EMOJI_GAP.search(self.r.text, tok.end, self.r.tokens[j + 1].start):
                return False  # "Grandkids visiting, chaos 😅 the neck is still stiff"
            if j in self.r.idiom_tokens:
                j -= 1  # "serious baby fever haha but also an actual fever": no baby here
                continue
            if j in self.r.in_brackets and start not in self.r.in_brackets:
                if self.a_name_glossed(j):
                    return True  # "Gary (hubby) is burning up": who Gary is, in brackets
                j -= 1  # "my wife's ankle (she was in after me) is swollen": an aside
                continue
            if tok.is_word:
                words += 1
                if self.a_new_thing_found(j, start):
                    return False  # "my daughter checked everything, but there is a warm patch"
                if tok.norm == "and" and self.r.tokens[j + 1].norm in SHARED_SUBJECT_VERBS:
                    words = 0  # "my friend fainted at church and was taken off in an ambulance"
                # "my wife who came with me has a headache", "my daughter (who I brought
                # along) has a fever": there the patient is not who has it
                prev = self.r.tokens[j - 1].norm if j > 0 else ""
                # and "my sister who drove me fainted": that "me" is in her clause
                in_clause = self.in_a_who_clause(j)
                # and "the lady in the chair next to me fainted": where she sat, not who
                beside = prev in ("with", "to", "beside", "behind", "opposite")
                # and "a client of mine has spreading redness": the client's
                of_mine = tok.norm == "mine" and prev == "of"
                aside = (tok.norm == "me" and (beside or in_clause)) or of_mine or prev in (
                    "who",
                    "whom",
                )
                # "the friend I came with fainted", "one of the residents I look after"
                # (not past a comma: "my wife is fine after hers, i had a wobbly few minutes")
                after_a_person = prev in others or prev[:-1] in others
                aside = aside or (
                    tok.norm == "i" and after_a_person and not self.r.comma_between(j - 1, j)
                )
                if tok.norm in me and not aside:
                    return False
                word = tok.norm
                phrase_ends = any(e - 1 == j and e - s > 1 for s, e in self.r.occurrences("others"))
                is_other = (
                    word in others
                    or (word.endswith("s") and word[:-1] in others)
                    or bool(AGED.fullmatch(word))  # "my 6yo has a fever"
                )
                if (
                    (phrase_ends or is_other)
                    and not self.with_the_writer(j)
                    and not self.companion(j)
                    and not self.object_of_a_verb(j, start)
                    and not self.owns_a_thing(j, start)
                    and not self.caught_from(j)
                ):
                    nxt = self.r.tokens[j + 1].norm if j + 1 < len(self.r.tokens) else ""
                    # "my daughter says her chest is tight": what they say of themselves
                    of_themselves = nxt in HEARSAY and any(
                        self.r.tokens[k].norm in THIRD_PERSON for k in range(j + 2, start)
                    )
                    if nxt not in practitioner_verbs or of_themselves:
                        return True
            j -= 1
        return False

    def said_not_the_patient(self, start: int) -> bool:
        """The symptom's sentence says whoever has it is not the patient, and the writer
        does not speak of themselves in it ("I wasn't treated there but my knee..." is the
        writer's own knee, and no "he"/"she" is told of)."""
        sentence = self.r.tokens[start].sentence
        said = self.r.occurrences("not_the_patient")
        if not any(self.r.tokens[s].sentence == sentence for s, _ in said):
            return False
        me = self.r.lexicon.words("self")
        return not any(self.r.tokens[j].norm in me for j in self.r.sentences[sentence])

    def in_a_who_clause(self, j: int) -> bool:
        """Token j is in a clause opened by "who" ("my sister who drove me", "my wife, who
        was seen straight after me, has..."): said of someone else, up to the clause's comma."""
        sentence = self.r.tokens[j].sentence
        for k in range(j - 1, max(-1, j - 9), -1):
            if self.r.tokens[k].sentence != sentence or self.r.comma_between(k, k + 1):
                return False
            if self.r.tokens[k].norm in ("who", "whom"):
                return True
        return False

    def turned_to_us_before(self, start: int) -> bool:
        """ "sorry wrong person, that was for my trainer. To answer you: felt woozy": past
        the message gone astray, the writer turns to us, and the news is theirs."""
        astray = max(s for s, _ in self.r.occurrences("wrong_recipient"))
        return any(astray < s < start for s, _ in self.r.occurrences("turning_to_us"))

    def another_has_it(self, end: int) -> bool:
        """ "I don't have a fever but my husband does": the thing denied is someone else's."""
        norms, others = self.r.norms, self.r.lexicon.words("others")
        after = norms[end : end + 6]
        if "but" in after:
            k = end + after.index("but") + 1
        elif end < len(norms) and self.r.comma_between(end - 1, end):
            k = end  # "i didnt get a fever, my husband did"
        else:
            return False
        while k < len(norms) and norms[k] in DETERMINERS:
            k += 1
        if k + 1 >= len(norms) or norms[k] not in others or norms[k + 1] not in HAS_IT:
            return False
        # said short, standing for the thing denied ("...does", "...does, he had his
        # session"), not going on to another ("...has a cough")
        short = k + 2 >= len(norms) or not self.r.adjacent(k + 1)
        return short or norms[k + 2] in ("too", "though")

    def a_new_thing_found(self, j: int, start: int) -> bool:
        """ "but there is ...", "but there's ...": a thing found, with no "his" or "her"
        to give it to the person before."""
        norms = self.r.norms
        return (
            norms[j] == "but"
            and j + 1 < start
            and norms[j + 1] in ("there", "theres")
            and not any(norms[k] in THIRD_PERSON for k in range(j + 1, start))
        )

    def with_the_writer(self, j: int) -> bool:
        """ "me and hubby both went, we're both good", "my son and I": the person at j is
        joined to the writer, so what follows is the writer's too."""
        norms = self.r.norms
        if norms[j] in THIRD_PERSON:
            return False  # "he had his session after mine and he's been dizzy"
        if norms[j + 1 : j + 3] in (["and", "i"], ["and", "me"]):
            return True
        k = j - 1
        while k >= 0 and norms[k] in DETERMINERS:
            k -= 1
        # "me and hubby" opening a clause (not "after me and my sister")
        # ("both me and my sister have had a fever": "both" opens it too)
        opens = k == 1 or (k > 1 and (not self.r.tokens[k - 2].is_word or norms[k - 2] == "both"))
        return opens and norms[k - 1 : k + 1] == ["me", "and"]

    def labelled_as_mine(self, sentence: int) -> bool:
        """ "Mum: fine. Me: dizzy", "me - still sore": a sentence labelled as the writer's."""
        words = self.r.sentences[sentence]
        if not words or self.r.tokens[words[0]].norm not in ("me", "myself"):
            return False
        first = self.r.tokens[words[0]]
        after = self.r.text[first.end : first.end + 2].strip()
        return after[:1] in (":", "-", "–")

    def caught_from(self, j: int) -> bool:
        """ "caught the flu off the kids", "I've caught the kids' bug": the person at j is
        where the illness came from; who caught it has the symptoms."""
        p = j - 1
        while p > 0 and self.r.tokens[p].norm in DETERMINERS:
            p -= 1  # "off the kids", "from my son"
        prev = self.r.tokens[p].norm if p >= 0 else ""
        nxt = self.r.tokens[j + 1].norm if j + 1 < len(self.r.tokens) else ""
        if prev not in ("off", "from") and nxt not in BUGS:
            return False
        return any(self.r.tokens[k].norm in CAUGHT for k in range(max(0, j - 7), j))

    def names_the_writer(self, start: int, end: int) -> bool:
        """ "people were standing over me": the finding's own words say whose it is."""
        me = self.r.lexicon.words("self")
        after = [t.norm for t in self.r.tokens[end : end + 2]]
        if after in (["for", "me"], ["on", "me"], ["in", "me"]):
            return True  # "the kids' thermometer says 100.8 for me"
        return any(self.r.tokens[k].norm in me for k in range(start, end))

    def treated_site_named(self, sentence: int) -> bool:
        """ "the knee you treated" names the patient's body; "I'm the one you treated"
        names the patient, whoever the symptom in that sentence is of."""
        return any(
            self.r.tokens[s].sentence == sentence
            and (s == 0 or self.r.tokens[s - 1].norm not in ("one", "person", "patient", "who"))
            # nor asked of the clinic: "do you treat kids?", "is that something you treat?"
            and (s == 0 or self.r.tokens[s - 1].norm not in ("do", "does", "can", "something"))
            for s, _ in self.r.occurrences("treated_site")
        )

    def on_my_body_after(self, start: int) -> bool:
        """ "... the red area on my calf", "a pain shot down the back of my leg": the
        symptom is placed on the writer's own body within a few words."""
        body = self.r.lexicon.words("body_words")
        stops = self.r.lexicon.words("scope_end") | self.r.lexicon.words("self") | {"so", "and"}
        if start and self.r.tokens[start - 1].norm in self.r.lexicon.words("others"):
            return False  # "my daughter fainted watching them put the needles in my hand"
        sentence = self.r.tokens[start].sentence
        for k in range(start + 1, min(len(self.r.tokens) - 1, start + 12)):
            tok, nxt = self.r.tokens[k], self.r.tokens[k + 1]
            gap = self.r.text[self.r.tokens[k - 1].end : tok.start]
            if tok.sentence != sentence or "," in gap or (tok.norm in stops and tok.norm != "my"):
                return False  # "a fever ... so I'm shattered, but my shoulder is fine"
            if tok.norm == "my" and (nxt.norm in body or nxt.norm.rstrip("s") in body):
                return True
        return False

    def owns_a_thing(self, j: int, start: int) -> bool:
        """ "left early for my son's nativity, back pain is easier": the person is whose the
        next word is, and the symptom is in a clause of its own (after a comma). "My son's
        back is sore" is his; "my son's been sick" is "has"."""
        raw = self.r.text[self.r.tokens[j].start : self.r.tokens[j].end]
        if not raw.endswith(("'s", "’s")) or j + 1 >= start:
            return False
        nxt = self.r.tokens[j + 1]
        if not nxt.is_word or nxt.norm in SAID_AFTER_IS_OR_HAS:
            return False
        return "," in self.r.text[nxt.end : self.r.tokens[start].start]

    def companion(self, j: int) -> bool:
        """ "with my sister", "with the kids": who the patient was with, not who has it; "typed
        by my grandson": who wrote it down."""
        before = [self.r.tokens[k].norm for k in range(max(0, j - 3), j)]
        if SCRIBING & set(before):
            return True  # "dictated to my grandson: the soreness has eased"
        after = [self.r.tokens[k].norm for k in range(j + 1, min(len(self.r.tokens), j + 6))]
        if SCRIBING & set(after[:2]) and "me" in after:
            return True  # "my carer is typing this for me. ... my knee has pus"
        before = before[-2:]
        nxt = self.r.tokens[j + 1].norm if j + 1 < len(self.r.tokens) else ""
        if nxt in ("who", "whos", "whose"):
            return False  # "up all night with the baby who's got a fever": the baby has it
        return before[-1:] == ["with"] or (
            len(before) == 2 and before[0] == "with" and before[1] in ("my", "the", "our")
        )

    def object_of_a_verb(self, j: int, start: int) -> bool:
        """ "walked the dog and felt dizzy", "fed the cat then had chest pain", "picked up my
        son": someone the writer did something to or with, so not who has the symptom
        (but "fed the baby who has a fever", "watched my husband faint")."""
        if self.visited(j, start):
            return True
        if start - j <= 2:
            return False  # the symptom is told right after them: theirs
        nxt = self.r.tokens[j + 1].norm if j + 1 < len(self.r.tokens) else ""
        if nxt in ("who", "whos", "whose", "was", "is", "has", "had", "got", "s"):
            return False  # "...the dog was sick": the dog is what the clause is about
        return self.word_before_the_person(j) in OBJECT_VERBS

    def visited(self, j: int, start: int) -> bool:
        """ "went to see my sister, chest is tight since", "at my mums, feeling dizzy": the
        person visited, and after a comma a clause of the writer's own."""
        if start >= len(self.r.tokens) or not self.r.comma_between(j, start):
            return False
        return self.word_before_the_person(j) in VISITING

    def word_before_the_person(self, j: int) -> str:
        """The word before the person at token j and its determiners ("the", "my", "our
        little", "up"): the verb that says what the writer did with them; "" at the start."""
        k = j - 1
        while k >= 0 and j - k <= 3 and self.r.tokens[k].norm in DETERMINERS | OBJECT_WORDS:
            k -= 1
        return self.r.tokens[k].norm if k >= 0 else ""

    def nearest_person_is_me(self, start: int, me: frozenset[str]) -> bool:
        """ "texting for my mum, she's fine. I've got a fever myself": the sender's own; and
        "Mum (your patient) is fine. My little brother has a temp": a second person's."""
        people = me | self.r.lexicon.words("others")
        for j in range(start - 1, max(-1, start - PERSON_WINDOW), -1):
            if OPENING_QUOTE.search(self.r.text, self.r.tokens[j].end, self.r.tokens[j + 1].start):
                return False  # 'The school texted me: "Amira fainted"': the quote's own news
            word = self.r.tokens[j].norm
            if word not in people and word.endswith("s") and word[:-1] in people - me:
                word = word[:-1]  # "my husbands got bruising": her husband's, typed plain
            if word == "me" and j and self.r.tokens[j - 1].norm in TOLD:
                continue  # "The care home rang me, there are red streaks...": told, not had
            if word in THIRD_PERSON and self.in_a_who_clause(j):
                continue  # "her friend who came with her fainted": the friend did
            if self.the_patient_s_companion(j, start):
                return True  # "mum's fine, but her friend fainted": a third person's
            if word in people:
                if word in me and self.quoted(j):
                    return False  # "Dad says 'it's like a weight on my chest'": his words
                if word in me:
                    return not self.r.inside_phrase("on_behalf", j)
                patient = self.person_called_the_patient
                return word not in THIRD_PERSON and patient is not None and word != patient
        return False

    def quoted(self, j: int) -> bool:
        """Token j is inside a quotation opened earlier in its sentence and not closed."""
        sentence = self.r.tokens[j].sentence
        first = self.r.sentences[sentence][0]
        before = self.r.text[self.r.tokens[first].start : self.r.tokens[j].start]
        opened = [m.end() for m in QUOTE_OPENS.finditer(" " + before)]
        return bool(opened) and not QUOTE_CLOSES.search(" " + before, opened[-1])

    def the_patient_s_companion(self, j: int, start: int) -> bool:
        """ "her friend", "his neighbour" at j, in the symptom's sentence: someone with the
        patient, not the patient (not "it's his brother. Ray passed out": an introduction)."""
        tokens = self.r.tokens
        if tokens[j].norm not in PEOPLE or j < 1:
            return False
        if tokens[j - 1].norm not in ("her", "his", "their"):
            return False
        if tokens[j].sentence != tokens[start].sentence:
            return False
        return j < 2 or tokens[j - 2].norm not in INTRODUCING | {"im", "am", "is"}

    @cached_property
    def person_called_the_patient(self) -> str | None:
        """ "Mum (your patient)", "my husband is the patient": the person named as the patient."""
        others = self.r.lexicon.words("others") - THIRD_PERSON
        norms = self.r.norms
        for i in range(len(norms) - 1):
            # "Update re Mum: she's great. Dad's gone down with a fever": Mum is the patient
            opens = i == 0 or norms[i - 1] in RE_OPENERS
            if norms[i] == "re" and norms[i + 1] in others and opens:
                return norms[i + 1]
        for i in range(1, len(norms) - 1):
            if norms[i : i + 2] in (["the", "patient"], ["your", "patient"]):
                before = norms[i - 2] if norms[i - 1] == "is" and i > 1 else norms[i - 1]
                return before if before in others else None
        return None

    @cached_property
    def on_behalf(self) -> bool:
        """Someone texting for the patient: "this is her daughter", "Tom here, Margaret's
        son" (a named person's relative introducing themselves)."""
        # "she isn't one of your patients" says the opposite
        if any(
            not self.r.negated_before(s)
            and not self.said_of_the_writer(s)
            and not self.scribe_for_the_writer(e)
            and not self.r.comma_between(s, e - 1)  # "stop texting, my mum's taking me"
            for s, e in self.r.occurrences("on_behalf")
        ):
            return True
        if self.signed_by_a_relative():
            return True
        if self.r.has("their_phone"):
            return True  # "I manage my father's phone. He had chest pressure"
        if self.passing_on_their_news():
            return True  # "husband says to tell you hes getting a stabby pain in his hip"
        introductions = self.r.occurrences("introduction")
        introduced_at = {e: self.r.tokens[s].sentence for s, e in introductions}
        for i in self.relatives_named:
            if i == 0:
                continue
            # "its ethan's big sister": a word of age between the name and the relative
            p = i - 2 if i > 1 and self.r.tokens[i - 1].norm in KIN_AGES else i - 1
            if self.relative_of_a_named_patient(p, introduced_at):
                return True
        if self.opens_as_a_relative() or self.patient_pointed_out() or self.treated_one_told():
            return True
        return (
            self.all_about_a_parent()
            or self.about_an_unnamed_person()
            or self.about_the_writer_s_child()
        )

    def scribe_for_the_writer(self, e: int) -> bool:
        """ "my daughter is texting for me": whoever types, the writer ("me") is the patient."""
        return e < len(self.r.tokens) and self.r.tokens[e].norm in ("me", "myself")

    def passing_on_their_news(self) -> bool:
        """ "X says to tell you he's ...": the news passed on is X's, told as "he"/"she"
        (not "my wife wants me to tell you I had trouble breathing": the writer's own)."""
        norms = self.r.norms
        for _, e in self.r.occurrences("passed_on"):
            after = norms[e : e + 3]
            if set(after) & THIRD_PERSON and not set(after) & WRITER:
                return True
        return False

    def said_of_the_writer(self, s: int) -> bool:
        """ "I'm the one who had the session", "it was me who had...": the phrase at s says
        the writer is the patient (not "I am texting for my father")."""
        if self.r.tokens[s].norm.endswith("ing") or self.r.tokens[s].norm in ACCOMPANIED | {
            "on",
            "his",
            "her",
        }:
            return False  # "I am writing for...", "I drove her to...", "I'm on texting duty"
        reach = 3 if self.r.tokens[s].norm in ("who", "the", "one") else 1
        return any(self.r.tokens[k].norm in SAID_OF_ME for k in range(max(0, s - reach), s))

    def about_the_writer_s_child(self) -> bool:
        """ "my daughter passed out after her session": a parent telling of their child's
        session, and never of themselves, is texting for the patient (a patient telling of a
        child who was treated too says how they are: "..., I'm fine myself")."""
        words = [t.norm for t in self.r.tokens if t.is_word]
        pairs = list(zip(words, words[1:], strict=False))
        child = any(a in ("my", "our") and b in CHILDREN for a, b in pairs)
        # "her session", and "had needles in his back"
        treated = any(a in ("his", "her") and b in TREATMENT for a, b in pairs) or any(
            a == "had" and b in TREATMENT for a, b in pairs
        )
        writer = any(w in WRITER - {"my"} for w in words)
        # not "my lads got a temperature, can he still come to his appointment": one to come
        coming = any(w in COMING for w in words)
        return child and treated and not writer and not coming

    @cached_property
    def clauses(self) -> list[list[int]]:
        """Each sentence's words cut at its commas: a clause can open as a sentence does."""
        cut = []
        for words in self.r.sentences:
            start = 0
            for k in range(1, len(words)):
                if self.r.comma_between(words[k - 1], words[k]):
                    cut.append(words[start:k])
                    start = k
            if words[start:]:
                cut.append(words[start:])
        return cut

    def opens_as_a_relative(self) -> bool:
        """ "Kai's mum - there are red lines...", "Hi, Ellie's dad: ...", "its his girlfriend
        here", "Msg from her husband: ...": a clause (the first, or one after small talk)
        opens by saying whose relative the writer is ("his", "her", "their" stands for the
        patient), set apart by punctuation, "here" or the clause's end."""
        return any(self.opens_with_a_relative(words) for words in self.clauses)

    def opens_with_a_relative(self, words: list[int]) -> bool:
        introduced = False  # "from Gran's carer, ...": said to be who writes
        while words and self.r.tokens[words[0]].norm in GREETINGS | INTRODUCING:
            introduced = introduced or self.r.tokens[words[0]].norm in INTRODUCING
            words = words[1:]
        if words and self.r.tokens[words[0]].norm in TITLES:
            words = words[1:]  # "hi, Mr Ali's wife.": the name after its title
        label_end = self.past_a_relative(words, 0)
        if label_end is not None and len(words) > label_end:
            label = self.r.text[
                self.r.tokens[words[label_end - 1]].end : self.r.tokens[words[label_end]].start
            ]
            if label.strip()[:1] == ":":
                return True  # "carer: Joan's tenderness is easing": who writes, as a label
        end = self.past_a_relative(words, 1)
        if end is None:
            return False
        name, relative = self.r.tokens[words[0]], self.r.tokens[words[end - 1]]
        if name.norm in ("his", "her", "their"):
            if len(words) == end or self.r.tokens[words[end]].norm == "here":
                return True
        elif not self.a_named_possessive(name):
            return False
        if len(words) == end:  # "Hi, Harold's carer. His shoulder...": the clause ends a sentence
            return introduced or self.r.sentences[relative.sentence][-1] == words[-1]
        set_apart = self.r.text[relative.end : self.r.tokens[words[end]].start].strip()
        return bool(set_apart) and set_apart[0] in "-–—:,.()"

    @cached_property
    def relatives_named(self) -> dict[int, int]:
        """Start -> end token of each relative or carer named, in one word or more
        ("son", "support worker")."""
        spans: dict[int, int] = {}
        for s, e in self.r.occurrences("relatives"):
            spans[s] = max(e, spans.get(s, e))
        return spans

    def past_a_relative(self, words: list[int], k: int) -> int | None:
        """Where in `words` a relative named at position k ends, if one is."""
        if k >= len(words) or words[k] not in self.relatives_named:
            return None
        end = k + self.relatives_named[words[k]] - words[k]
        return end if end <= len(words) and words[end - 1] == words[k] + end - k - 1 else None

    def a_named_possessive(self, name: Token) -> bool:
        """ "Kai's", "kai's", and as thumbs type it, "Kais" (not "my", "the", "it's")."""
        raw = self.r.text[name.start : name.end]
        possessive = raw[-2:].lower() in ("'s", "’s") or (raw[:1].isupper() and raw[-1:] == "s")
        me = self.r.lexicon.words("self")
        return possessive and len(raw) > 2 and name.norm not in DETERMINERS | me

    def patient_pointed_out(self) -> bool:
        """ "my husband (the patient)", "I'm the patient's wife", "I'm her dad", "she had
        acupuncture with you yesterday": the writer says who the patient is, or whose
        relative they are."""
        kin = self.r.lexicon.words("relatives")
        relatives = kin | THIRD_PERSON
        norms = self.r.norms
        for i in range(1, len(norms) - 1):
            if norms[i : i + 2] == ["the", "patient"] and norms[i - 1] in relatives:
                return True
            patients = norms[i - 1] in ("the", "your") and norms[i] in ("patient", "patients")
            if patients and norms[i + 1] in kin:
                return True  # "I'm the patient's wife" ("patient's" is read "patient")
            if norms[i - 1] in ("im", "am") and norms[i] in ("her", "his", "their"):
                if norms[i + 1] in kin:
                    return True  # "I'm her dad", "I am his carer"
            if norms[i - 1] in ("he", "she") and norms[i] in ("had", "has", "saw", "sees"):
                told = norms[i + 1 : i + 6]
                too = {"too", "also", "aswell", "well"} & set(told)  # "she sees you too"
                seen = TREATMENT & set(told) or norms[i] in ("saw", "sees")
                if "you" in told and seen and not too:
                    return True  # "he had acupuncture with you on tuesday"
        return False

    def treated_one_told(self) -> bool:
        """ "my husband Tony had the needles in his knee", "My wife had the acupuncture, not
        me", "worse than before she went in to see you", "Is that from the needles?" of a
        son's hand: the person told of is who was treated, so whoever writes texts for them.
        Not when the writer tells of a treatment of their own ("she had hers after me", "we
        both had acupuncture", "I had mine too")."""
        norms = self.r.norms
        subjects = self.r.lexicon.words("relatives") | {"he", "she", "hes", "shes"}
        if any(w in OWN_TREATMENT for w in norms) or self.writer_treated_too():
            return False
        if self.r.has("treated_elsewhere") or self.writer_says_how_they_are():
            return False  # "she had acupuncture somewhere else", "..., im fine though"
        for i, word in enumerate(norms):
            before = norms[max(0, i - 3) : i]
            told_of = bool(subjects & set(before))
            treated = TREATMENT & set(norms[i + 1 : i + 4]) and not NOT_HAD & set(before)
            if word in ("had", "got") and told_of and treated:
                return True  # "my wife had the acupuncture", "husband tony had the needles"
            if word in ("see", "saw", "seen") and norms[i + 1 : i + 2] == ["you"]:
                came = {"went", "came", "been"} & set(before) or word == "saw"
                if came and subjects & set(norms[max(0, i - 5) : i]):
                    return True  # "before she went in to see you", "since he saw you"
            if word == "from" and norms[i + 1 : i + 3] in FROM_THE_TREATMENT:
                if subjects & set(norms[:i]) and not (WRITER - {"my"}) & set(norms[:i]):
                    return True  # "his thumb goes dead and tingly ... is that from the needles?"
        return False

    def writer_says_how_they_are(self) -> bool:
        """ "im fine though", "I'm good", "me? all good": the writer answers for themselves,
        so they are the patient and the person told of is someone else."""
        norms = self.r.norms
        return any(
            {"i", "im", "me", "myself"} & set(norms[max(0, s - 3) : s])
            for s, _ in self.r.occurrences("normal")
        )

    def writer_treated_too(self) -> bool:
        """ "she had the needles before me", "they did both of us": the writer was treated as
        well (not "my wife had the acupuncture, not me")."""
        norms = self.r.norms
        for i, word in enumerate(norms):
            if word in TREATMENT and "me" in norms[i + 1 : i + 4]:
                k = i + 1 + norms[i + 1 : i + 4].index("me")
                if norms[k - 1] in ("before", "after", "with", "and", "than", "as", "like"):
                    return True  # not "not me", nor "she ask me to write"
        return False

    def about_an_unnamed_person(self) -> bool:
        """ "his back is hurting more than before he went in. hes 17 and wont tell you
        himself": "he" and "she" said of no one named, and nothing of the writer's own body.
        Sent to the patient's phone, such a reply is about the patient, from whoever holds
        it (a parent, a carer); a patient telling of someone else names them."""
        others = (self.r.lexicon.words("others") - THIRD_PERSON) | PRACTITIONERS | ANYONE
        practitioner = self.r.lexicon.words("practitioner_verbs")
        norms = self.r.norms
        # "I've had a migraine all day... he's been having vertigo since his session": the
        # one whose session it was is the patient, whatever the writer has
        treated = any(
            a in ("his", "her") and b in TREATMENT for a, b in zip(norms, norms[1:], strict=False)
        )
        # ... and where "he"/"she" is told of the treatment ("she's a bit dizzy since her
        # session", "the needle spots on her back"), someone named in small talk before
        # ("Walked the dog this morning.") is not who it is about
        told_of_treatment = {
            self.r.tokens[i].sentence for i, w in enumerate(norms) if w in TREATMENT | NEEDLE_SITES
        }
        pronoun_sentences = {
            self.r.tokens[i].sentence for i, w in enumerate(norms) if w in THIRD_PERSON
        }
        apart = bool(pronoun_sentences) and pronoun_sentences <= told_of_treatment
        pronoun = False
        for i, word in enumerate(norms):
            after = norms[i + 1 : i + 3]
            named_here = word in others or (word.endswith("s") and word[:-1] in others)
            # "took the dog out this morning his neck is still stiff": the dog walked
            elsewhere = self.r.tokens[i].sentence not in pronoun_sentences
            small_talk = elsewhere or self.object_of_a_verb(i, i + 3)
            if word in GROUPS | ANIMALS and small_talk:
                # "Kids have been a nightmare! His neck is still stiff", "... Took the dog out"
                named_here = False
            if named_here and not (apart and self.r.tokens[i].sentence not in pronoun_sentences):
                return False  # "the dog's paw", "my son's asthma": someone is named
            asking = i > 0 and norms[i - 1] in ASKING_VERBS  # "should I ring 999 if his..."
            # ("feels hot when i touch it": the writer's hand on the patient)
            handling = after[:1] != ["telling"] and not set(after[:1]) & HANDLING
            if word in WRITER and handling and not treated and not asking:
                return False  # the writer speaks of themselves ("im telling you" is no news)
            if word == "we" and after[:1] == ["both"] or [word, *after] == ["both", "of", "us"]:
                return False  # "we both came down with something"
            if word in THIRD_PERSON and not practitioner & set(after):
                pronoun = True  # not "she put the needles", "she probably told you"
        named = any(e - s > 1 for s, e in self.r.occurrences("others"))  # "my mate", "little one"
        return pronoun and not named

    def relative_of_a_named_patient(self, p: int, introduced_at: dict[int, int]) -> bool:
        """Token `p` names whose relative the writer is, in a sentence that introduces the
        writer: "this is Tom's wife", "Tom here, Margaret's son", "this is mark, jess's
        husband", and as thumbs type it, "this is toms wife" (no apostrophe)."""
        tok = self.r.tokens[p]
        if not tok.is_word or tok.sentence not in introduced_at.values():
            return False
        raw = self.r.text[tok.start : tok.end]
        apostrophe = raw[-2:].lower() in ("'s", "’s")
        typed_plain = raw[-1:].lower() == "s" and tok.norm not in NOT_A_NAME  # "toms wife"
        if p in introduced_at:  # right after "this is" / "its"
            # "this is Maria daughter": a capitalised name, as English learners write it (not
            # "..., here, My husband says")
            name = tok.norm not in PEOPLE | DETERMINERS | self.r.lexicon.words("self")
            return apostrophe or typed_plain or (raw[:1].isupper() and name)
        if raw[:1].isupper() and (apostrophe or (typed_plain and len(raw) > 3)):
            return True  # "Tom here, Margaret's son", "this is Mark, Julies husband"
        # lower case, "'s" typed or an "s" on no English word ("its tom, janes husband"): a
        # name just after the introduction, not "my friend's husband"
        english = tok.norm in self.r.lexicon.vocabulary.known
        plain_name = typed_plain and len(raw) > 3 and not english
        # "hi its sarah, dads carer", "its kayla me nans neighbour": a parent's helper
        parents = typed_plain and tok.norm in PARENTS
        if not (apostrophe or plain_name or parents):
            return False
        before = self.r.tokens[p - 1].norm if p else ""
        near = any(p - e <= 2 for e in introduced_at if e <= p)
        return near and before not in DETERMINERS and tok.norm not in PEOPLE

    def a_name_glossed(self, j: int) -> bool:
        """Token j, in brackets of its own right after a word, says who someone is:
        "Gary (hubby)", "Mo (my son)"."""
        tokens, others = self.r.tokens, self.r.lexicon.words("others")
        if tokens[j].norm not in others:
            return False
        near = range(max(0, j - 2), min(len(tokens), j + 3))
        return sum(1 for k in near if k in self.r.in_brackets and tokens[k].is_word) <= 2

    def others_named(self) -> bool:
        """Someone other than the writer is named anywhere in the reply."""
        others = self.r.lexicon.words("others")
        return any(t.norm in others or t.norm[:-1] in others for t in self.r.tokens if t.is_word)

    def signed_by_a_relative(self) -> bool:
        """ "... - her carer", "Her grandson", "His son, Mark": the reply's last words; and
        a relation signed in brackets or after a dash: "(son)", "- Carol (wife)", "- Sue
        (Tom's wife)", "- from Pat's carer"."""
        words = [t.norm for t in self.r.tokens if t.is_word][-4:]
        relatives = self.r.lexicon.words("relatives")
        signed = SIGNED_RELATION.search(self.r.text)
        if signed and signed.group(1).lower() in relatives | SIGNING_HELPERS:
            return True
        return any(
            words[i] in ("her", "his", "their")
            and words[i + 1] in relatives
            # not "she got flu off her bf" (but "👍 - from his daughter")
            and (i == 0 or words[i - 1] not in RELATIONS - {"from"})
            # nor "... off to the football with his brother. Regards, Denise": a name signs
            # (but "From his grandson Kai" names the relative)
            and self.only_a_name_after(words[i + 2 :])
            for i in range(len(words) - 1)
        )

    @staticmethod
    def only_a_name_after(rest: list[str]) -> bool:
        names = [w for w in rest if w not in SIGNING_OFF]  # "Kai", "Kai x", "Kai thanks"
        return not names or (len(names) == 1 and not set(rest) & CLOSINGS)

    def a_parent_run_on(self) -> bool:
        """ "just got in from work dad has a bruise", "back from the shops mum's had vertigo":
        a parent opening a clause run on after small talk, unpunctuated: no "my" or "to"
        before them, and their own verb or thing after."""
        norms = self.r.norms
        for i in range(1, len(norms) - 1):
            if norms[i] not in PARENTS or norms[i - 1] in DETERMINERS | RELATIONS:
                continue
            if norms[i].endswith("s") or norms[i + 1] in PARENT_VERBS:
                return True  # "dads shoulder still aches", "mum says", "dad has"
        return False

    def all_about_a_parent(self) -> bool:
        """ "Dad's back ache has eased a lot, he even did some gardening": a reply that opens
        on a parent and never speaks of the writer comes from the patient's carer or child,
        holding the patient's phone (a patient telling of a parent says "my dad")."""
        words = [t for t in self.r.tokens if t.is_word]
        # after small talk too: "The weather is awful here, Mum has a temperature"
        openers = {self.r.tokens[c[0]].norm for c in self.clauses}
        if not words or not (openers & PARENTS or self.a_parent_run_on()):
            return False
        if self.r.occurrences("prospective_patient"):
            return False  # "mum's knee has been numb for weeks, could acupuncture help her?"
        if SIGNED_NAME.search(self.r.text):
            return True  # "Dad says his chest feels heavy. Should I call 999? - Anna"
        return not any(t.norm in self.r.lexicon.words("self") for t in words)
