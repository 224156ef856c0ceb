"""A reply being read: its tokens, and the questions rules ask about a place in it —
is it negated, hypothetical, about someone else, in the past?"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property

from .lexicon import Lexicon, Phrase
from .numbers import NumberFinding, pain_scores, temperatures
from .text import EMOJI, SIGN_OFF, Token, tokenize

NEGATION_WINDOW = 5  # words a "no"/"not" reaches forward (NegEx uses about five)
ASKING_VERBS = {"should", "can", "could", "do", "does", "did", "will", "would", "need",
                "normal", "worry", "call", "ring", "you"}  # fmt: skip
ALLOWED = {"ok", "okay", "alright", "allowed", "safe"}
# a reply signed "- Anna", "- Anna thanks"
SIGNED_NAME = re.compile(r"[-–—]\s*[A-Z][a-z]+(?:[\s,.!]+" + SIGN_OFF + r")*[\s.!]*$")
REASONS = {"because", "cos", "coz", "cause", "bc"}  # "...because I fainted": a fact, told
SUBJECTS = {"i", "im", "ive", "she", "shes", "he", "hes", "we", "they", "it", "its", "my"}
PERSON_WINDOW = 12  # words searched back for who a symptom belongs to
# "... and was taken in", "... and had to sit down": the clause goes on with the same subject
SHARED_SUBJECT_VERBS = {"was", "were", "had", "got", "went", "ended", "needed", "is", "has"}
# "no X" that is no negation of what follows: "no more", "no doubt", "no answer".
PSEUDO_NEGATED = {
    "more", "only", "doubt", "longer", "answer", "reply", "response", "idea", "luck", "sure",
    "less",  # "no less than 9/10"
    "exaggerating", "joking", "kidding", "lying", "joke",  # "not exaggerating, worst pain"
}  # fmt: skip


SIZE = re.compile(r"(\d+(?:\.\d+)?)\s*(cm|mm|inches|inch|in)\b")
SIZE_UNITS = {"cm": 10.0, "mm": 1.0, "inch": 25.4, "inches": 25.4, "in": 25.4}  # in mm
PAST_BEFORE = re.compile(r"\b(?:was|were|started|started at|yesterday)\s+(?:about\s+|around\s+)?$")
PAST_AFTER = re.compile(r"^\W*(?:yesterday|last night|before|earlier|at first)\b")
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
THIRD_PERSON = {"he", "she", "hes", "shes", "his", "her", "him", "himself", "herself"}
# Other languages' negations: never a typo's reading (a slip that flips a finding).
EXACT_ONLY = {"sans", "sin", "pas", "non", "nao", "sem", "nie", "bez", "net", "mish", "kein",
              "keine", "keinen", "nicht", "ohne", "senza", "khong", "hindi", "wala", "walang",
              "brak", "mafi", "nahi", "nahin", "nai", "yok"}  # fmt: skip
# A clause's own verb, right after its subject: "chest just feels heavy"
CLAUSE_VERBS = {"is", "was", "feels", "felt", "has", "had", "looks", "looked", "seems", "got",
                "gets", "went", "hurts", "hurt", "keeps", "started", "came", "getting"}  # fmt: skip
FEARED = {"if", "worried", "scared", "afraid", "frightened"}
CAUGHT = {"caught", "catching", "catch", "picked", "got", "getting"}
BUGS = {"bug", "cold", "flu", "lurgy", "virus", "germs", "cough"}
GOT = {"with", "got", "have", "had", "developed", "get", "gotten", "caught"}
ENDED = {"in", "at", "on", "yesterday", "today", "twice", "once", "after", "later", "then"}
NEEDLE_SITES = {"needle", "needles", "spot", "spots", "points"}  # where the needles went
TREATMENT = {"session", "treatment", "acupuncture", "appointment", "needles", "needling"}
CHILDREN = {"son", "daughter", "kid", "child", "boy", "girl", "lad", "teenager", "teen"}
EXPERIENCED = {"feel", "felt", "feeling", "feels"}
WAS_WHEN = {"yesterday", "last", "earlier", "this", "before", "on", "at", "in", "all"}
SAID_OF_ME = {"i", "im", "me", "am"}
SCRIBING = {"dictated", "dictating", "typed", "typing", "written", "writing"}
WRITER = {"i", "im", "ive", "id", "ill", "me", "my", "mine", "myself"}
ANYONE = {"woman", "man", "lady", "guy", "bloke", "person", "someone", "somebody", "anyone"}
PRACTITIONERS = {"dr", "doctor", "acupuncturist", "practitioner", "therapist", "physio"}
GREETINGS = {"hi", "hello", "hey", "hiya", "morning", "evening", "afternoon"}
DETERMINERS = {"my", "your", "our", "the", "a", "an", "his", "her", "their", "this", "that"}
PEOPLE = {"friend", "friends", "neighbour", "neighbor", "colleague", "boss", "sister", "brother",
          "cousin", "aunt", "uncle", "mate", "flatmate", "roommate"}  # fmt: skip
# Negations that deny a thing ("no swelling"), as against doubting a change ("can't say
# the numbness has gone").
DENIALS_OF_A_THING = {"no", "not", "zero", "none", "without", "free", "nothing", "nor", "neither"}
PAIN_NOUNS = {"pain", "pains", "ache", "aches"}
LEAD_INS = {"ok", "okay", "so", "and", "also", "um", "umm", "hmm", "right", "quick", "oh"}
SPENT_ON = {"bad", "too", "text", "texts", "message", "messages", "email", "txt", "mild",
            "know", "stayed", "stopped", "settled", "changed", "improved", "eased", "calmed",
            "budged", "shifted"}  # fmt: skip
NEGATIVE_OPENERS = {"cant", "cannot", "couldnt", "unable", "no", "not", "wont", "dont", "didnt"}
SAYING = {"call", "it", "say", "its", "id"}  # "wouldn't call it small", "wouldn't say it's small"
BARE_NO = {"no", "nope", "nah", "none", "negative"}
POSTPOSED_NEGATION = {"nahi", "nahin", "nai", "yok"}  # Hindi/Urdu, Turkish
# One-word answers to a listed symptom, besides the negation words: "Temp - normal".
FORM_ANSWERS = {"normal", "nil", "fine", "good", "ok", "okay", "clear"}
# Words that sign off after the news: "Fever: none thanks", "numb, thanks" (no "fine" there)
SIGN_OFF_WORDS = {"thanks", "thank", "you", "thx", "ty", "ta", "x", "xx", "cheers", "lol"}


EMOJI_GAP = re.compile(EMOJI)
BRACKET = re.compile(r"[()]")


@dataclass
class Reading:
    text: str
    lexicon: Lexicon
    tokens: list[Token] = field(init=False)
    sentences: list[list[int]] = field(init=False)  # token indexes of words, per sentence

    def __post_init__(self) -> None:
        self.tokens = self.run_together_split(tokenize(self.text))
        count = self.tokens[-1].sentence + 1 if self.tokens else 0
        self.sentences = [[] for _ in range(count)]
        for i, tok in enumerate(self.tokens):
            if tok.is_word:
                self.sentences[tok.sentence].append(i)
        vocabulary = self.lexicon.vocabulary
        self._canon = []
        for i, tok in enumerate(self.tokens):
            meant = vocabulary.lookup(tok.norm) if tok.is_word else frozenset()
            if meant & EXACT_ONLY:
                # another language's "no" is read only as written: "Sams wife" is no "sans"
                meant = frozenset(w for w in meant if w not in EXACT_ONLY or w == tok.norm)
            if meant and tok.norm not in vocabulary.known and self.a_name_s(tok):
                # "Sam's wife": no typo reading ("sans" is French "without"), but "Mum's"
                base = tok.norm[:-1]
                meant = frozenset({tok.norm} | ({base} if base in vocabulary.known else set()))
            if len(meant) == 1 and len(tok.norm) >= 6 and tok.norm not in vocabulary.known:
                # a typo with one reading is that word everywhere, not only in the symptom
                # lists: "this is Maria's daugther", "my husabnd" (short words are left:
                # "dans" is French, not "dads")
                [word] = meant
                self.tokens[i] = tok = Token(word, tok.start, tok.end, tok.sentence, True)
            self._canon.append(meant | {tok.norm} if tok.is_word else frozenset())
        for i in range(len(self.tokens) - 1):
            tok, nxt = self.tokens[i], self.tokens[i + 1]
            if not (tok.is_word and nxt.norm in PAIN_NOUNS and len(tok.norm) >= 6):
                continue
            if tok.norm in vocabulary.words:
                continue  # "stabbing pain" says it already
            # a slip that makes another word, where it says what a pain is like:
            # "shooing pain" is shooting (but "the faintest ache" is faint)
            qualities = {w for w in vocabulary.nearest(tok.norm) if self.pain_quality(w)}
            self._canon[i] = self._canon[i] | qualities

    @cached_property
    def norms(self) -> list[str]:
        """Every token's normal form, in order."""
        return [t.norm for t in self.tokens]

    def sentence_words(self, sentence: int) -> set[str]:
        """The normal forms of a sentence's words."""
        return {self.tokens[j].norm for j in self.sentences[sentence]}

    def a_name_s(self, tok: Token) -> bool:
        """ "Sam's", "gerald's": a word with a possessive "'s"."""
        raw = self.text[tok.start : tok.end]
        return raw[-2:].lower() in ("'s", "’s") and len(raw) > 3

    def pain_quality(self, word: str) -> bool:
        return any(concept.kind == "sharp" for concept, _ in self.lexicon.index.get(word, ()))

    def run_together_split(self, tokens: list[Token]) -> list[Token]:
        """ "CHESTPAIN", "cantbreathe": a word the lexicon does not know, and that is no
        English word, read as two words when it splits into words and one of them is the
        lexicon's."""
        out: list[Token] = []
        for tok in tokens:
            parts = None
            if tok.is_word and len(tok.norm) >= 7 and tok.norm.isalpha():
                parts = self.split_point(tok.norm)
            if parts is None:
                out.append(tok)
                continue
            cut = tok.start + parts
            out.append(Token(tok.norm[:parts], tok.start, cut, tok.sentence, True))
            out.append(Token(tok.norm[parts:], cut, tok.end, tok.sentence, True))
        return out

    def split_point(self, word: str) -> int | None:
        vocabulary = self.lexicon.vocabulary
        if word in vocabulary.known or vocabulary.lookup(word):
            return None
        for cut in range(3, len(word) - 2):
            left, right = word[:cut], word[cut:]
            if not all(w in vocabulary.known or w in vocabulary.words for w in (left, right)):
                continue
            if left in vocabulary.words or right in vocabulary.words:
                return cut
        return None

    # --- positions ------------------------------------------------------------------
    @cached_property
    def _starts(self) -> list[int]:
        return [t.start for t in self.tokens]

    def token_at(self, char: int) -> int:
        """The token a character offset falls in (or the last one before it)."""
        return max(0, bisect.bisect_right(self._starts, char) - 1)

    def comma_between(self, i: int, j: int) -> bool:
        """A comma in the gap after token i and before token j."""
        return "," in self.text[self.tokens[i].end : self.tokens[j].start]

    # --- matching -------------------------------------------------------------------
    def canon(self, i: int) -> frozenset[str]:
        """The lexicon words token i may stand for (itself included)."""
        return self._canon[i]

    def match_at(self, i: int, words: Phrase) -> int | None:
        """End index (exclusive) if `words` match the word tokens from i; "*" is any word."""
        j, canon, n = i, self._canon, len(self._canon)
        for w in words:
            if j >= n or not canon[j]:
                return None
            if w != "*" and w not in canon[j]:
                return None
            j += 1
        return j

    def occurrences(self, key: str) -> list[tuple[int, int]]:
        """(start, end) of every phrase of a context list, in reading order."""
        return self.all_occurrences.get(key, [])

    @cached_property
    def all_occurrences(self) -> dict[str, list[tuple[int, int]]]:
        """Every context list's phrases found in one pass over the reply (one pass per list
        was most of the reading's time)."""
        found: dict[str, list[tuple[int, int]]] = {}
        by_first = self.lexicon.context_by_first
        for i, words in enumerate(self._canon):
            for w in words:
                for key, p in by_first.get(w, ()):
                    end = self.match_at(i, p)
                    if end is not None:
                        found.setdefault(key, []).append((i, end))
        return found

    def has(self, key: str, sentence: int | None = None) -> bool:
        return any(
            sentence is None or self.tokens[s].sentence == sentence
            for s, _ in self.occurrences(key)
        )

    def phrase_text(self, start: int, end: int) -> tuple[str, tuple[int, int]]:
        span = (self.tokens[start].start, self.tokens[end - 1].end)
        return self.text[span[0] : span[1]], span

    def sizes_grew(self, sentence: int) -> bool:
        """Two sizes in the sentence, a later one larger: "2cm at 7am, by 6pm about 5cm"."""
        words = self.sentences[sentence]
        if not words:
            return False
        span = self.text[self.tokens[words[0]].start : self.tokens[words[-1]].end].lower()
        # in the order they were true: one said to be past ("was 3cm yesterday") goes first
        sizes = sorted(
            (
                not (PAST_BEFORE.search(span[: m.start()]) or PAST_AFTER.match(span[m.end() :])),
                m.start(),
                float(m.group(1)) * SIZE_UNITS[m.group(2)],
            )
            for m in SIZE.finditer(span)
        )
        values = [size for _, _, size in sizes]
        return any(later > earlier for earlier, later in zip(values, values[1:], strict=False))

    def word_count(self) -> int:
        return sum(1 for t in self.tokens if t.is_word)

    # --- context --------------------------------------------------------------------
    def negated(self, start: int, end: int) -> bool:
        if end < len(self.tokens) and self.tokens[end].norm in POSTPOSED_NEGATION:
            return True  # "bukhar nahi, chakkar nahi": Hindi and Urdu say "no" after
        after = [t.norm for t in self.tokens[end : end + 2]]
        kept_at_bay = after in (["under", "control"], ["in", "check"])
        if after[:1] in (["free"], ["behaving"]) or kept_at_bay:
            return True  # "migraine free for a week", "asthma behaving itself"
        trigger = self.negator(start)
        if trigger is not None and (self.own_negation(start) or self.superlative(trigger, end)):
            trigger = None  # "no chest pain, cant breathe properly", "never had X like this"
        if trigger is not None and self.clause_of_its_own(trigger, start, end):
            trigger = None  # "not dizzy, not nauseous, chest just feels heavy and tight"
        if trigger is not None:
            # "no redness soreness basically gone": "no X" denies X, it doubts no going
            doubt = self.tokens[trigger].norm not in DENIALS_OF_A_THING
            return not self.gone_now(end, doubt) and not self.reversed_after(end)
        return self.negated_after(end)

    def clause_of_its_own(self, trigger: int, start: int, end: int) -> bool:
        """Past the denial's comma the term opens a clause with a verb of its own ("not
        dizzy, chest just feels heavy"), where a list of denied things has none ("no
        bruising, swelling or redness")."""
        if not self.comma_between(trigger, start) or self.tokens[start - 1].norm in ("or", "nor"):
            return False
        after = [t.norm for t in self.tokens[end : end + 3] if t.is_word]
        return bool(set(after[:1] + after[1:2]) & CLAUSE_VERBS) and not set(after) & {"no", "not"}

    def denial_ended_before(self, start: int) -> bool:
        """ "no bruises, temp is 38.4": a reading in a clause after the denial's comma is
        not denied (a list of denied things goes on past commas; a number does not)."""
        trigger = self.negator(start)
        if trigger is None:
            return False
        return "," in self.text[self.tokens[trigger].end : self.tokens[start].start]

    def own_negation(self, start: int) -> bool:
        """The term opens with a negation of its own ("cant breathe", "no feeling in"),
        in a clause after a comma: an earlier "no" is a different item's."""
        if self.tokens[start].norm not in NEGATIVE_OPENERS:
            return False
        return start > 0 and "," in self.text[self.tokens[start - 1].end : self.tokens[start].start]

    def superlative(self, trigger: int, end: int) -> bool:
        """ "never had pins and needles like this": never before, so now, and worse."""
        if self.tokens[trigger].norm != "never":
            return False
        after = [t.norm for t in self.tokens[end : end + 3]]
        return after[:2] in (["like", "this"], ["like", "it"], ["like", "that"], ["this", "bad"])

    def gone_now(self, end: int, doubt: bool = True) -> bool:
        """ "no tingling now", "not dizzy anymore": it was there and has passed, so it still
        counts (rubric rule 2), unlike "no tingling"."""
        sentence = self.tokens[end - 1].sentence
        after = [t.norm for t in self.tokens[end : end + 2] if t.sentence == sentence]
        if any(w in ("now", "anymore", "nowadays") for w in after) or after == ["any", "more"]:
            return True
        if doubt and self.resolution_doubted(end, sentence):
            return True
        # "no stabbing pain like the first day": it was there then
        return any(
            end <= s <= end + 3 and self.tokens[s].norm == "like"
            for s, _ in self.occurrences("happened_markers")
        )

    def resolution_doubted(self, end: int, sentence: int) -> bool:
        """ "I can't say the numbness has gone away": the negation is of its going, so the
        symptom is there. A resolution word within six words, nothing between that starts
        another thought."""
        stops = self.lexicon.words("scope_end") | {"and"}
        for s, _ in self.occurrences("resolved"):
            if end <= s <= end + 6 and self.tokens[s].sentence == sentence:
                between = self.text[self.tokens[end - 1].end : self.tokens[s].start]
                return "," not in between and not any(
                    self.tokens[k].norm in stops for k in range(end, s)
                )
        return False

    def reversed_after(self, end: int) -> bool:
        """ "I wasn't short of breath before but now I am": the denial is undone."""
        sentence = self.tokens[end - 1].sentence
        if any(
            s >= end and self.tokens[s].sentence == sentence
            for s, _ in self.occurrences("reversal")
        ):
            return True
        return self.did_after_all(end, was=True)

    def did_after_all(self, end: int, was: bool = False) -> bool:
        """ "I didn't think I'd faint but I did, in the kitchen" (not "no fever but I did
        feel dizzy", where "did" goes on to another thing)."""
        norms = self.norms
        verbs = ("did", "was") if was else ("did",)
        for k in range(end, min(len(norms) - 2, end + 6)):
            if norms[k] == "but" and norms[k + 1] in SUBJECTS and norms[k + 2] in verbs:
                nxt = self.tokens[k + 3] if k + 3 < len(norms) else None
                gap = self.text[self.tokens[k + 2].end : nxt.start] if nxt else ""
                if norms[k + 2] == "was":  # "not dizzy today but i was yesterday evening"
                    return nxt is not None and nxt.norm in WAS_WHEN
                return nxt is None or not nxt.is_word or bool(gap.strip()) or nxt.norm in ENDED
            if norms[k] == "but" and self.got_one(k + 1):
                return True
        return False

    def got_one(self, k: int) -> bool:
        """ "no fever yesterday but I woke up with one this morning": after the writer, "one"
        stands for the thing just denied (not "one of those days", nor "but my partner's
        got one")."""
        norms = self.norms
        if k >= len(norms) or norms[k] not in ("i", "im", "ive", "id", "we"):
            return False
        for j in range(k + 1, min(len(norms), k + 6)):
            if norms[j] == "one" and norms[j - 1] in GOT:
                return j + 1 >= len(norms) or norms[j + 1] not in ("of", "more", "thing")
        return False

    def negated_before(self, start: int, floor: int = 0) -> bool:
        return self.negator(start, floor) is not None

    def negator(self, start: int, floor: int = 0) -> int | None:
        """The negation trigger (its first token) up to NEGATION_WINDOW words back (not
        before token `floor`), not past a scope end; None if there is none."""
        sentence = self.tokens[start].sentence
        stops = self.lexicon.words("scope_end")
        # "not great, sharp pain", "not a small bruise": the negation was spent on a word
        # and "don't text, ring me": on how to reach the writer
        spent = self.lexicon.words("normal") | self.lexicon.words("small") | SPENT_ON
        negations = self.occurrences("negation_before")
        words = 0
        j = start - 1
        while j >= floor and self.tokens[j].sentence == sentence and words < NEGATION_WINDOW:
            tok = self.tokens[j]
            if EMOJI_GAP.search(self.text, tok.end, self.tokens[j + 1].start):
                return None  # "no chest pain 👍 bit of tingling": the emoji closed the denial
            if j in self.in_brackets and start not in self.in_brackets:
                j -= 1  # "my wife (she wasn't treated) felt faint": the aside denies nothing
                continue
            if tok.is_word:
                # "didn't feel faint or dizzy": that "faint" is no small bruise's
                felt = tok.norm == "faint" and j > 0 and self.tokens[j - 1].norm in EXPERIENCED
                if tok.norm in stops or (tok.norm in spent and not felt):
                    return None
                if tok.norm == "and" and self.tokens[j + 1].norm in SUBJECTS:
                    return None  # "she wasn't treated herself and she fainted": a new clause
                if tok.norm == "all" and j and self.tokens[j - 1].norm == "at":
                    return None  # "not dizzy at all soreness is nearly gone": that one's said
                for s, e in negations:
                    if e - 1 == j and not self.pseudo_negation(s):
                        return None if self.double_negation(s, negations) else s
                words += 1
            j -= 1
        return None

    def double_negation(self, start: int, negations: list[tuple[int, int]]) -> bool:
        """ "not not sore", "can't say there's no swelling": two negations cancel (but not in
        a list: "no fever, no swelling" is two denials)."""
        before = [self.tokens[k].norm for k in range(max(0, start - 2), start)]
        if self.tokens[start].norm == "no" and "aint" in before:
            return False  # "ain't no sharp pain", "ain't got no fever": one denial, twice said
        if any(  # "it's not like I'm not short of breath": it is
            self.tokens[k].norm == "not" and self.tokens[k + 1].norm in ("like", "that")
            for k in range(max(0, start - 4), start - 1)
        ):
            return True
        if self.tokens[start].norm == "without":  # "can't finish a sentence without puffing"
            cannot = ("cant", "couldnt", "cannot")
            if any(self.tokens[k].norm in cannot for k in range(max(0, start - 5), start)):
                return True
        return any(
            (e == start or (e - s > 1 and start - 2 <= e < start))
            and "," not in self.text[self.tokens[e - 1].end : self.tokens[start].start]
            for s, e in negations
        )  # "mei you fa shao, mei you tou yun" is a list

    def pseudo_negation(self, start: int) -> bool:
        """ "no more X" means X has passed (it still counts); "not only", "no doubt", "rang,
        no answer, call me back"."""
        nxt = start + 1
        if nxt < len(self.tokens) and self.tokens[start].norm in ("no", "not"):
            if "lie" in [t.norm for t in self.tokens[nxt : nxt + 3]]:
                return True  # "not gonna lie, it was excruciating": honestly
            if self.tokens[start].norm == "not" and self.tokens[nxt].norm == "as":
                return True  # "not as dizzy as yesterday but still a bit": less, not none
            return self.tokens[nxt].norm in PSEUDO_NEGATED
        # "the Gaviscon did nothing, it's a burning pressure": a remedy that failed
        before = self.tokens[start - 1].norm if start > 0 else ""
        if self.tokens[start].norm == "never":  # "never been this lightheaded": so much, not none
            after = [t.norm for t in self.tokens[nxt : nxt + 2]]
            return after in (["been", "this"], ["been", "so"], ["felt", "this"], ["felt", "so"])
        return self.tokens[start].norm == "nothing" and before in ("did", "done", "does", "doing")

    def negated_after(self, end: int) -> bool:
        """ "fever? nope", "chest pain? no", "Chest pain - no.", "breathing: fine": a term
        asked about, or listed like a form, and answered no ("that tingly thing you warned
        about? nope": a question up to five words on)."""
        after = [t.norm for t in self.tokens[end : end + 2]]
        if after == ["but", "none"]:  # ("a bit bruised but nothing major" is bruising)
            return True  # "was worried about bruising but none at all"
        j, words = end, 0
        while j < len(self.tokens) and words <= 5:
            tok = self.tokens[j]
            if tok.is_word and j > 0 and words <= 2 and self.answered_like_a_form(j):
                return True
            if tok.norm == "?":
                k = self.past_listed_questions(j + 1)
                return k < len(self.tokens) and self.answers_no(k)
            if not tok.is_word:
                return False
            words += 1
            j += 1
        return False

    def answers_no(self, k: int) -> bool:
        """Token k says no: "nope", "no." (not "no idea why", nor "red and warm? not
        spreading", which denies only the spreading)."""
        if self.tokens[k].norm not in self.lexicon.words("negation_after"):
            return False
        after = self.tokens[k + 1] if k + 1 < len(self.tokens) else None
        # (nor "short of breath?? never happens to me", which says it is new)
        other = self.lexicon.words("grown") | {"worse", "worsening", "happens"}
        return after is None or (after.norm not in PSEUDO_NEGATED and after.norm not in other)

    def past_listed_questions(self, k: int) -> int:
        """The first token after a run of short questions: "Fever? Pus? None of that." is
        one answer to both."""
        while k < len(self.tokens):
            if self.tokens[k].norm == "?":
                k += 1
                continue
            ahead = k
            while ahead < len(self.tokens) and self.tokens[ahead].is_word and ahead - k < 3:
                ahead += 1
            if ahead < len(self.tokens) and self.tokens[ahead].norm == "?" and ahead > k:
                if self.tokens[k].norm in self.lexicon.words("negation_after"):
                    return k  # "fever? no?" is an answer, not another question
                k = ahead + 1
                continue
            return k
        return k

    def answered_like_a_form(self, j: int) -> bool:
        """Token j is a one-word answer after a dash or colon that ends its phrase: "- no.",
        ": fine," (not "- not too bad", which goes on)."""
        gap = self.text[self.tokens[j - 1].end : self.tokens[j].start]
        if not any(mark in gap for mark in ":-–—="):
            return False
        if self.tokens[j].norm not in self.lexicon.words("negation_after") | FORM_ANSWERS:
            return False
        k = j + 1  # past a sign-off: "Fever: none thanks", "Dizzy - no x"
        while k < len(self.tokens) and self.tokens[k].norm in SIGN_OFF_WORDS:
            k += 1
        after = self.tokens[k] if k < len(self.tokens) else None
        rest = self.text[self.tokens[j].end : after.start if after else len(self.text)]
        return after is None or not after.is_word or "," in rest

    def resolved_no_more(self, start: int) -> bool:
        return (
            start >= 2
            and self.tokens[start - 2].norm == "no"
            and self.tokens[start - 1].norm == "more"
        )

    def hypothetical(self, start: int, ignore_within: int = 0, clause: bool = False) -> bool:
        """After "what if", "if I get", "might"... in the same sentence, unless it
        happened before ("again", "like yesterday"). Triggers ending in the last
        `ignore_within` words are part of the phrase itself ("might pass out")."""
        sentence = self.tokens[start].sentence
        hedges = {i for s, e in self.occurrences("hedges") for i in range(s, e)}
        stops = self.lexicon.words("scope_end")
        # "if it gets worse I'll call, but it's already swollen": "but" ends the "if"
        before = any(
            s < start
            # "if numbness ever...": inside; and "felt like I might faint" is a feeling,
            # but "if i feel faint" is an if, "worried I'd faint" a fear
            and (e <= start - ignore_within or e > start or self.tokens[s].norm in FEARED)
            and self.tokens[s].sentence == sentence
            and s not in hedges
            and not any(self.tokens[k].norm in stops | REASONS for k in range(e, start))
            # a reading is told in its own clause: "asked if I had a fever, I do, 38.4"
            and not (clause and self.comma_between(e - 1, start))
            for s, e in self.occurrences("hypothetical")
        )
        # "would you say 9/10 is normal? because that's where I'm at" is a report
        # (a marker near the finding: "do i still play?" far after it is about the game)
        marked = any(
            self.tokens[s].sentence == sentence and abs(s - start) <= 5
            for s, _ in self.occurrences("happened_markers")
        )
        confirmed = marked or self.self_confirmed
        return before and not confirmed

    def resolved(self, start: int) -> bool:
        return self.has("resolved", self.tokens[start].sentence) or self.resolved_no_more(start)

    def someone_else(self, start: int) -> bool:
        """The nearest person before the symptom is not the patient ("my husband has...")."""
        others, me = self.lexicon.words("others"), self.lexicon.words("self")
        own_news = self.sentence_words(self.tokens[start].sentence) & me
        if self.has("wrong_recipient") and not own_news:
            # "sorry meant for the family group!! Dad's chest pain is back" (but "STOP. wait
            # sorry wrong chat 🙈 I'm good, a bit achy" goes on to the writer's own news)
            return True
        if self.treated_site_named(self.tokens[start].sentence):
            return False  # "my wife says the knee you treated looks like a grapefruit"
        if self.on_my_body_after(start):
            return False  # "my wife took photos of the red area on my calf"
        if self.on_behalf:
            # someone texting for the patient: "she" is the patient, "I" is the sender
            return self.nearest_person_is_me(start, me) and not self.has("their_phone")
        practitioner_verbs = self.lexicon.words("practitioner_verbs")
        j, words = start - 1, 0
        sentence = self.tokens[start].sentence
        # A person named in an earlier sentence is not who this one is about ("went for a
        # coffee with my sister. Bit of a tight chest since 8pm"): when in doubt, the patient.
        while j >= 0 and words < PERSON_WINDOW and self.tokens[j].sentence == sentence:
            tok = self.tokens[j]
            if EMOJI_GAP.search(self.text, tok.end, self.tokens[j + 1].start):
                return False  # "Grandkids visiting, chaos 😅 the neck is still stiff"
            if j in self.idiom_tokens:
                j -= 1  # "serious baby fever haha but also an actual fever": no baby here
                continue
            if j in self.in_brackets and start not in self.in_brackets:
                j -= 1  # "my wife's ankle (she was in after me) is swollen": an aside
                continue
            if tok.is_word:
                words += 1
                if tok.norm == "and" and self.tokens[j + 1].norm in SHARED_SUBJECT_VERBS:
                    words = 0  # "my friend fainted at church and was taken off in an ambulance"
                # "my wife who came with me has a headache", "my daughter (who I brought
                # along) has a fever": there the patient is not who has it
                prev = self.tokens[j - 1].norm if j > 0 else ""
                # and "my sister who drove me fainted": that "me" is in her clause
                in_clause = any(
                    self.tokens[k].norm in ("who", "whom") for k in range(max(0, j - 3), j)
                )
                aside = (tok.norm == "me" and (prev == "with" or in_clause)) or prev in (
                    "who",
                    "whom",
                )
                # "the friend I came with fainted", "one of the residents I look after"
                aside = aside or (tok.norm == "i" and (prev in others or prev[:-1] in others))
                if tok.norm in me and not aside:
                    return False
                word = tok.norm
                phrase_ends = any(e - 1 == j and e - s > 1 for s, e in self.occurrences("others"))
                is_other = word in others or (word.endswith("s") and word[:-1] in others)
                if (
                    (phrase_ends or is_other)
                    and not self.companion(j)
                    and not self.owns_a_thing(j, start)
                    and not self.caught_from(j)
                ):
                    nxt = self.tokens[j + 1].norm if j + 1 < len(self.tokens) else ""
                    if nxt not in practitioner_verbs:
                        return True
            j -= 1
        return False

    def caught_from(self, j: int) -> bool:
        """ "caught the flu off the kids", "I've caught the kids' bug": the person at j is
        where the illness came from; who caught it has the symptoms."""
        p = j - 1
        while p > 0 and self.tokens[p].norm in DETERMINERS:
            p -= 1  # "off the kids", "from my son"
        prev = self.tokens[p].norm if p >= 0 else ""
        nxt = self.tokens[j + 1].norm if j + 1 < len(self.tokens) else ""
        if prev not in ("off", "from") and nxt not in BUGS:
            return False
        return any(self.tokens[k].norm in CAUGHT for k in range(max(0, j - 7), j))

    @cached_property
    def in_brackets(self) -> frozenset[int]:
        """Tokens inside round brackets."""
        inside, depth, k = set(), 0, 0
        for bracket in BRACKET.finditer(self.text):
            while k < len(self.tokens) and self.tokens[k].start < bracket.start():
                if depth:
                    inside.add(k)
                k += 1
            depth = depth + 1 if bracket.group() == "(" else max(0, depth - 1)
        return frozenset(inside)

    @cached_property
    def self_confirmed(self) -> bool:
        """The writer says the symptom asked about is theirs ("mine does", "got one on my
        thigh"), and does not deny it ("haven't got one, just asking")."""
        return any(
            not self.negated_right_before(s) for s, _ in self.occurrences("self_confirmation")
        )

    def names_the_writer(self, start: int, end: int) -> bool:
        """ "people were standing over me": the finding's own words say whose it is."""
        me = self.lexicon.words("self")
        after = [t.norm for t in self.tokens[end : end + 2]]
        if after in (["for", "me"], ["on", "me"], ["in", "me"]):
            return True  # "the kids' thermometer says 100.8 for me"
        return any(self.tokens[k].norm in me for k in range(start, end))

    def treated_site_named(self, sentence: int) -> bool:
        """ "the knee you treated" names the patient's body; "I'm the one you treated"
        names the patient, whoever the symptom in that sentence is of."""
        return any(
            self.tokens[s].sentence == sentence
            and (s == 0 or self.tokens[s - 1].norm not in ("one", "person", "patient", "who"))
            for s, _ in self.occurrences("treated_site")
        )

    def on_my_body_after(self, start: int) -> bool:
        """ "... the red area on my calf", "a pain shot down the back of my leg": the
        symptom is placed on the writer's own body within a few words."""
        body = self.lexicon.words("body_words")
        stops = self.lexicon.words("scope_end") | self.lexicon.words("self") | {"so", "and"}
        sentence = self.tokens[start].sentence
        for k in range(start + 1, min(len(self.tokens) - 1, start + 8)):
            tok, nxt = self.tokens[k], self.tokens[k + 1]
            gap = self.text[self.tokens[k - 1].end : tok.start]
            if tok.sentence != sentence or "," in gap or (tok.norm in stops and tok.norm != "my"):
                return False  # "a fever ... so I'm shattered, but my shoulder is fine"
            if tok.norm == "my" and (nxt.norm in body or nxt.norm.rstrip("s") in body):
                return True
        return False

    def owns_a_thing(self, j: int, start: int) -> bool:
        """ "left early for my son's nativity, back pain is easier": the person is whose the
        next word is, and the symptom is in a clause of its own (after a comma). "My son's
        back is sore" is his; "my son's been sick" is "has"."""
        raw = self.text[self.tokens[j].start : self.tokens[j].end]
        if not raw.endswith(("'s", "’s")) or j + 1 >= start:
            return False
        nxt = self.tokens[j + 1]
        if not nxt.is_word or nxt.norm in SAID_AFTER_IS_OR_HAS:
            return False
        return "," in self.text[nxt.end : self.tokens[start].start]

    def became(self, end: int) -> bool:
        """ "has gone stiff", "went all numb": gone as become, which is no easing."""
        if self.tokens[end - 1].norm not in ("gone", "went"):  # "gone", "has gone"
            return False
        fillers, states = self.lexicon.words("intensifiers"), self.lexicon.words("became_states")
        k = end
        while k < len(self.tokens) and self.tokens[k].norm in fillers:
            k += 1
        return k < len(self.tokens) and self.tokens[k].norm in states

    def companion(self, j: int) -> bool:
        """ "with my sister", "with the kids": who the patient was with, not who has it; "typed
        by my grandson": who wrote it down."""
        before = [self.tokens[k].norm for k in range(max(0, j - 3), j)]
        if SCRIBING & set(before):
            return True  # "dictated to my grandson: the soreness has eased"
        before = before[-2:]
        return before[-1:] == ["with"] or (
            len(before) == 2 and before[0] == "with" and before[1] in ("my", "the", "our")
        )

    def nearest_person_is_me(self, start: int, me: frozenset[str]) -> bool:
        """ "texting for my mum, she's fine. I've got a fever myself": the sender's own; and
        "Mum (your patient) is fine. My little brother has a temp": a second person's."""
        people = me | self.lexicon.words("others")
        for j in range(start - 1, max(-1, start - PERSON_WINDOW), -1):
            word = self.tokens[j].norm
            if word in people:
                if word in me:
                    return not self.inside_phrase("on_behalf", j)
                patient = self.person_called_the_patient
                return word not in THIRD_PERSON and patient is not None and word != patient
        return False

    @cached_property
    def person_called_the_patient(self) -> str | None:
        """ "Mum (your patient)", "my husband is the patient": the person named as the patient."""
        others = self.lexicon.words("others") - THIRD_PERSON
        norms = self.norms
        for i in range(1, len(norms) - 1):
            if norms[i : i + 2] in (["the", "patient"], ["your", "patient"]):
                before = norms[i - 2] if norms[i - 1] == "is" and i > 1 else norms[i - 1]
                return before if before in others else None
        return None

    def inside_phrase(self, key: str, j: int) -> bool:
        return any(s <= j < e for s, e in self.occurrences(key))

    @cached_property
    def scores(self) -> list[NumberFinding]:
        """The reply's pain scores (numbers.pain_scores), worked out once."""
        return pain_scores(self.text)

    @cached_property
    def temperatures(self) -> list[tuple[NumberFinding, bool]]:
        """The reply's thermometer readings and whether each is a fever, worked out once."""
        return temperatures(self.text)

    @cached_property
    def idiom_tokens(self) -> frozenset[int]:
        """Tokens inside an idiom ("cabin fever", "10/10 would recommend"): no findings."""
        return frozenset(i for s, e in self.occurrences("idioms") for i in range(s, e))

    @cached_property
    def on_behalf(self) -> bool:
        """Someone texting for the patient: "this is her daughter", "Tom here, Margaret's
        son" (a named person's relative introducing themselves)."""
        # "she isn't one of your patients" says the opposite
        if any(
            not self.negated_before(s) and not self.said_of_the_writer(s)
            for s, _ in self.occurrences("on_behalf")
        ):
            return True
        if self.signed_by_a_relative():
            return True
        if self.has("their_phone"):
            return True  # "I manage my father's phone. He had chest pressure"
        relatives = self.lexicon.words("relatives")
        introduced_at = {e: self.tokens[s].sentence for s, e in self.occurrences("introduction")}
        for i in range(1, len(self.tokens)):
            if self.tokens[i].norm in relatives and self.relative_of_a_named_patient(
                i - 1, introduced_at
            ):
                return True
        if self.opens_as_a_relative() or self.patient_pointed_out():
            return True
        return (
            self.all_about_a_parent()
            or self.about_an_unnamed_person()
            or self.about_the_writer_s_child()
        )

    def said_of_the_writer(self, s: int) -> bool:
        """ "I'm the one who had the session", "it was me who had...": the phrase at s says
        the writer is the patient (not "I am texting for my father")."""
        if self.tokens[s].norm.endswith("ing"):
            return False
        reach = 3 if self.tokens[s].norm in ("who", "the", "one") else 1
        return any(self.tokens[k].norm in SAID_OF_ME for k in range(max(0, s - reach), s))

    def about_the_writer_s_child(self) -> bool:
        """ "my daughter passed out after her session": a parent telling of their child's
        session, and never of themselves, is texting for the patient (a patient telling of a
        child who was treated too says how they are: "..., I'm fine myself")."""
        words = [t.norm for t in self.tokens if t.is_word]
        pairs = list(zip(words, words[1:], strict=False))
        child = any(a in ("my", "our") and b in CHILDREN for a, b in pairs)
        treated = any(a in ("his", "her") and b in TREATMENT for a, b in pairs)
        writer = any(w in WRITER - {"my"} for w in words)
        return child and treated and not writer

    @cached_property
    def clauses(self) -> list[list[int]]:
        """Each sentence's words cut at its commas: a clause can open as a sentence does."""
        cut = []
        for words in self.sentences:
            start = 0
            for k in range(1, len(words)):
                if self.comma_between(words[k - 1], words[k]):
                    cut.append(words[start:k])
                    start = k
            if words[start:]:
                cut.append(words[start:])
        return cut

    def opens_as_a_relative(self) -> bool:
        """ "Kai's mum - there are red lines...", "Hi, Ellie's dad: ...": a sentence (the
        first, or one after small talk) opens by saying whose relative the writer is, set
        apart by punctuation."""
        return any(self.opens_with_a_relative(words) for words in self.clauses)

    def opens_with_a_relative(self, words: list[int]) -> bool:
        if words and self.tokens[words[0]].norm in GREETINGS:
            words = words[1:]
        if len(words) < 3:
            return False
        name, relative = self.tokens[words[0]], self.tokens[words[1]]
        raw = self.text[name.start : name.end]
        if name.norm in ("his", "her", "their"):
            raw = "'s"  # "(his wife) the needle spot on his back is red"
        set_apart = self.text[relative.end : self.tokens[words[2]].start].strip()
        # "Kai's mum", "kai's mum", and as thumbs type it, "Kais mum"
        possessive = raw[-2:].lower() in ("'s", "’s") or (raw[:1].isupper() and raw[-1:] == "s")
        me = self.lexicon.words("self")
        named = raw == "'s" or (len(raw) > 2 and name.norm not in DETERMINERS | me)
        return (
            possessive
            and named
            and relative.norm in self.lexicon.words("relatives")
            and bool(set_apart)
            and set_apart[0] in "-–—:,.()"
        )

    def patient_pointed_out(self) -> bool:
        """ "my husband (the patient)", "I'm the patient's wife", "I'm her dad": the writer
        says who the patient is, or whose relative they are."""
        kin = self.lexicon.words("relatives")
        relatives = kin | THIRD_PERSON
        norms = self.norms
        for i in range(1, len(norms) - 1):
            if norms[i : i + 2] == ["the", "patient"] and norms[i - 1] in relatives:
                return True
            patients = norms[i - 1] in ("the", "your") and norms[i] in ("patient", "patients")
            if patients and norms[i + 1] in kin:
                return True  # "I'm the patient's wife" ("patient's" is read "patient")
            if norms[i - 1] in ("im", "am") and norms[i] in ("her", "his", "their"):
                if norms[i + 1] in kin:
                    return True  # "I'm her dad", "I am his carer"
        return False

    def about_an_unnamed_person(self) -> bool:
        """ "his back is hurting more than before he went in. hes 17 and wont tell you
        himself": "he" and "she" said of no one named, and nothing of the writer's own body.
        Sent to the patient's phone, such a reply is about the patient, from whoever holds
        it (a parent, a carer); a patient telling of someone else names them."""
        others = (self.lexicon.words("others") - THIRD_PERSON) | PRACTITIONERS | ANYONE
        practitioner = self.lexicon.words("practitioner_verbs")
        norms = self.norms
        # "I've had a migraine all day... he's been having vertigo since his session": the
        # one whose session it was is the patient, whatever the writer has
        treated = any(
            a in ("his", "her") and b in TREATMENT for a, b in zip(norms, norms[1:], strict=False)
        )
        # ... and where "he"/"she" is told of the treatment ("she's a bit dizzy since her
        # session", "the needle spots on her back"), someone named in small talk before
        # ("Walked the dog this morning.") is not who it is about
        told_of_treatment = {
            self.tokens[i].sentence for i, w in enumerate(norms) if w in TREATMENT | NEEDLE_SITES
        }
        pronoun_sentences = {
            self.tokens[i].sentence for i, w in enumerate(norms) if w in THIRD_PERSON
        }
        apart = bool(pronoun_sentences) and pronoun_sentences <= told_of_treatment
        pronoun = False
        for i, word in enumerate(norms):
            after = norms[i + 1 : i + 3]
            named_here = word in others or (word.endswith("s") and word[:-1] in others)
            if word in GROUPS and self.tokens[i].sentence not in pronoun_sentences:
                named_here = False  # "Kids have been a nightmare! His neck is still stiff"
            if named_here and not (apart and self.tokens[i].sentence not in pronoun_sentences):
                return False  # "the dog's paw", "my son's asthma": someone is named
            asking = i > 0 and norms[i - 1] in ASKING_VERBS  # "should I ring 999 if his..."
            if word in WRITER and after[:1] != ["telling"] and not treated and not asking:
                return False  # the writer speaks of themselves ("im telling you" is no news)
            if word == "we" and after[:1] == ["both"] or [word, *after] == ["both", "of", "us"]:
                return False  # "we both came down with something"
            if word in THIRD_PERSON and not practitioner & set(after):
                pronoun = True  # not "she put the needles", "she probably told you"
        named = any(e - s > 1 for s, e in self.occurrences("others"))  # "my mate", "little one"
        return pronoun and not named

    def relative_of_a_named_patient(self, p: int, introduced_at: dict[int, int]) -> bool:
        """Token `p` names whose relative the writer is, in a sentence that introduces the
        writer: "this is Tom's wife", "Tom here, Margaret's son", "this is mark, jess's
        husband", and as thumbs type it, "this is toms wife" (no apostrophe)."""
        tok = self.tokens[p]
        if not tok.is_word or tok.sentence not in introduced_at.values():
            return False
        raw = self.text[tok.start : tok.end]
        apostrophe = raw[-2:].lower() in ("'s", "’s")
        typed_plain = raw[-1:].lower() == "s" and tok.norm not in NOT_A_NAME  # "toms wife"
        if p in introduced_at:  # right after "this is" / "its"
            # "this is Maria daughter": a capitalised name, as English learners write it (not
            # "..., here, My husband says")
            name = tok.norm not in PEOPLE | DETERMINERS | self.lexicon.words("self")
            return apostrophe or typed_plain or (raw[:1].isupper() and name)
        if raw[:1].isupper() and (apostrophe or (typed_plain and len(raw) > 3)):
            return True  # "Tom here, Margaret's son", "this is Mark, Julies husband"
        if not apostrophe:
            return False
        # lower case: a name just after the introduction, not "my friend's husband"
        before = self.tokens[p - 1].norm if p else ""
        near = any(p - e <= 2 for e in introduced_at if e <= p)
        return near and before not in DETERMINERS and tok.norm not in PEOPLE

    def signed_by_a_relative(self) -> bool:
        """ "... - her carer", "Her grandson", "His son, Mark": the reply's last words."""
        words = [t.norm for t in self.tokens if t.is_word][-4:]
        relatives = self.lexicon.words("relatives")
        return any(
            words[i] in ("her", "his", "their") and words[i + 1] in relatives
            for i in range(len(words) - 1)
        )

    def all_about_a_parent(self) -> bool:
        """ "Dad's back ache has eased a lot, he even did some gardening": a reply that opens
        on a parent and never speaks of the writer comes from the patient's carer or child,
        holding the patient's phone (a patient telling of a parent says "my dad")."""
        words = [t for t in self.tokens if t.is_word]
        # after small talk too: "The weather is awful here, Mum has a temperature"
        openers = {self.tokens[c[0]].norm for c in self.clauses}
        if not words or not openers & PARENTS:
            return False
        if self.occurrences("prospective_patient"):
            return False  # "mum's knee has been numb for weeks, could acupuncture help her?"
        if SIGNED_NAME.search(self.text):
            return True  # "Dad says his chest feels heavy. Should I call 999? - Anna"
        return not any(t.norm in self.lexicon.words("self") for t in words)

    def as_for_me(self, words: list[int]) -> bool:
        """A sentence closed by "me?" set apart ("..., me?", "🇦🇷 me?", "and me?"): the
        writer turning to themselves, not a question ("can you ring me?")."""
        last = words[-1]
        if len(words) < 2 or self.tokens[last].norm not in ("me", "myself"):
            return False
        prev = self.tokens[last - 1]
        apart = self.text[prev.end : self.tokens[last].start].strip()
        return bool(apart) or prev.norm in ("and", "about")

    def unsure_statement(self, words: list[int]) -> bool:
        """A statement said with a rising "?" and a hedge ("I think I'm ok?", "there's a
        bruise maybe?"), asking nothing of anyone: no "should", "can", "do"..."""
        sentence = self.tokens[words[0]].sentence
        norms = {self.tokens[i].norm for i in words}
        return self.has("unsure", sentence) and not norms & ASKING_VERBS

    @cached_property
    def question_sentences(self) -> frozenset[int]:
        """Sentences that ask something: end in "?" or open with a question word.
        A one- or two-word "dizzy?" is a self-check, not a question."""
        starts = self.lexicon.phrases("question_starts")
        rhetorical = self.lexicon.phrases("rhetorical")
        asking = {self.tokens[s].sentence for s, _ in self.occurrences("question_phrases")}
        asked = []
        for index, words in enumerate(self.sentences):
            if not words:
                continue
            last = words[-1] + 1
            ends_q = last < len(self.tokens) and self.tokens[last].norm == "?"
            # past a word that only leads in: "ok whens my next appt", "so can i shower"
            led_in = len(words) > 2 and self.tokens[words[0]].norm in LEAD_INS
            opens_q = False
            for first in (words[0], words[1]) if led_in else (words[0],):
                if any(self.match_at(first, p) is not None for p in starts):
                    opens_q = True
                    break
            if opens_q and not ends_q and self.exclamation(first):
                opens_q = False  # "What an amazing session!"
            if ends_q and self.answered_at(last):
                continue  # "that tingly thing you warned about? nope": asked and answered
            if any(self.match_at(words[0], p) is not None for p in rhetorical):
                continue  # "Who knew needles could make me feel this good?!"
            if ends_q and self.as_for_me(words):
                continue  # "my daughter has world cup fever 🇦🇷 me? fine": as for me
            if ends_q and not opens_q and index not in asking and self.unsure_statement(words):
                continue  # "maybe a 3/10? mostly fine": told unsure, not asked
            # "ibuprofen ok?", "shower ok?": short, but asks if something is allowed
            allowed = ends_q and self.tokens[words[-1]].norm in ALLOWED
            if (ends_q or opens_q) and (len(words) > 2 or allowed) or index in asking:
                asked.append(index)
        return frozenset(asked)

    def answered_at(self, mark: int) -> bool:
        """The writer answers their own question right after its "?" with a bare no:
        "...? nope." ("? Nothing urgent" still asks)."""
        k = mark
        while k < len(self.tokens) and self.tokens[k].norm == "?":
            k += 1
        if k >= len(self.tokens) or self.tokens[k].norm not in BARE_NO:
            return False
        return k + 1 >= len(self.tokens) or not self.tokens[k + 1].is_word

    def exclamation(self, first: int) -> bool:
        """ "What a ...", "how lovely ...", "who knew ...", "pain? what pain" open an
        exclamation."""
        second = self.tokens[first + 1].norm if first + 1 < len(self.tokens) else ""
        opener = self.tokens[first].norm
        return (
            (opener == "what" and second in ("a", "an", "pain", "bruise", "bruising", "swelling"))
            or (opener == "how" and second in self.lexicon.words("normal"))
            or (opener == "who" and second == "knew")
        )

    def negated_right_before(self, start: int) -> bool:
        """ "not good", "not feeling great": a negation one or two words back."""
        negations, stops = self.lexicon.words("negation_before"), self.lexicon.words("scope_end")
        reach = 3 + sum(1 for t in self.tokens[max(0, start - 3) : start] if t.norm in SAYING)
        for j in range(start - 1, max(-1, start - reach), -1):
            tok = self.tokens[j]
            gap = self.text[tok.end : self.tokens[j + 1].start]
            if not tok.is_word or tok.norm in stops or "," in gap:
                return False  # "no nothing, just stop texting me": spent before the comma
            if tok.norm in negations:
                return True
        return False
