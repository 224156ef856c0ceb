"""A reply being read: its tokens, and the questions rules ask about a place in it —
is it negated, hypothetical, in the past? (Whose symptom it is: people.py.)"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property

from .lexicon import Lexicon, Phrase
from .numbers import NumberFinding, pain_scores, temperatures
from .people import ASKING_VERBS, People
from .text import EMOJI_GAP, REPEATS, SIGN_OFF_WORDS, Token, normalise_word, tokenize

NEGATION_WINDOW = 5  # words a "no"/"not" reaches forward (NegEx uses about five)
WIDE_NEGATION_WINDOW = 9  # "neither of the spots on my back is red"
ALLOWED = {"ok", "okay", "alright", "allowed", "safe", "normal"}  # "... a 4. normal?"
REASONS = {"because", "cos", "coz", "cause", "bc"}  # "...because I fainted": a fact, told
SUBJECTS = {"i", "im", "ive", "she", "shes", "he", "hes", "we", "they", "it", "its", "my"}
# "no X" that is no negation of what follows: "no more", "no doubt", "no answer".
PSEUDO_NEGATED = {
    "more", "only", "doubt", "longer", "answer", "reply", "response", "idea", "luck", "sure",
    "para",  # Spanish "no para": it does not stop
    "one",  # "no one picks up, pls call me back": nobody
    "less",  # "no less than 9/10"
    "exaggerating", "joking", "kidding", "lying", "joke",  # "not exaggerating, worst pain"
    "change", "changes", "difference",  # "no change in the swelling": still there
    "right", "true", "correct",  # "I said no chest pain but that's not right, I've had..."
}  # fmt: skip


SIZE = re.compile(r"(\d+(?:\.\d+)?)\s*(cm|mm|inches|inch|in)\b")
SIZE_UNITS = {"cm": 10.0, "mm": 1.0, "inch": 25.4, "inches": 25.4, "in": 25.4}  # in mm
PAST_BEFORE = re.compile(r"\b(?:was|were|started|started at|yesterday)\s+(?:about\s+|around\s+)?$")
PAST_AFTER = re.compile(r"^\W*(?:yesterday|last night|before|earlier|at first)\b")
# Everyday things a size is told by, smallest first: "the size of a grape yesterday, now
# like my palm" grew. Only after "size of", "like", "as big as": the thing is a yardstick.
SIZE_THINGS = [
    ("pea", "lentil", "5p", "1p", "penny", "dime", "fingernail", "finger nail", "rice"),
    ("thumbnail", "thumb nail", "10p", "2p", "20p", "nickel", "marble", "grape", "cherry"),
    ("50p", "pound coin", "quarter", "walnut", "two pound coin", "2 pound coin", "£2 coin"),
    ("golf ball", "plum", "egg", "lime", "apricot", "strawberry", "conker"),
    ("satsuma", "tennis ball", "fist", "orange", "jam jar lid", "jar lid", "palm", "apple"),
    ("hand", "saucer", "grapefruit", "cd", "side plate", "coaster"),
    ("dinner plate", "plate", "my forearm", "half my arm"),
]
SIZE_THING = re.compile(
    r"\b(?:size of|like|as big as|big as|bigger than)\s+(?:a|an|my|the|half a)?\s*("
    + "|".join(re.escape(t) for t in sorted(sum(SIZE_THINGS, ()), key=len, reverse=True))
    + r")(?![a-z])"
)
SIZE_RANK = {t: i for i, rank in enumerate(SIZE_THINGS) for t in rank}
SCORING_VERBS = {"scored", "rated", "given", "put", "called", "said", "marked"}
CLAUSE_SUBJECTS = {"i", "we", "he", "she", "they", "my", "his", "her", "the", "mum", "dad"}
SIZE_THEN = re.compile(r"\b(?:was|were|yesterday|this morning|last night|earlier|at first)\b")
SIZE_NOW = re.compile(r"\b(?:now|today|tonight)\b")
# Other languages' negations: never a typo's reading (a slip that flips a finding).
EXACT_ONLY = {"sans", "sin", "pas", "non", "nao", "sem", "nie", "bez", "net", "mish", "kein",
              "keine", "keinen", "nicht", "ohne", "senza", "khong", "hindi", "wala", "walang",
              "brak", "mafi", "nahi", "nahin", "nai", "yok"}  # fmt: skip
# A clause's own verb, right after its subject: "chest just feels heavy"
CLAUSE_VERBS = {"is", "was", "feels", "felt", "has", "had", "looks", "looked", "seems", "got",
                "gets", "went", "hurts", "hurt", "keeps", "started", "came", "getting"}  # fmt: skip
FEARED = {"if", "worried", "scared", "afraid", "frightened", "nervous", "terrified"}
HAVING = {"has", "had", "got", "is", "was", "feels", "felt", "else"}
# a fear, or a question ahead: "should I expect to faint"
AHEAD = FEARED | {"should", "expect", "am"}
# "thought I'd mention I blacked out": a wish to tell, no if
TELLING = {"mention", "let", "say", "tell", "add", "update", "report", "flag", "text"}
NO_CHANGE = {"change", "better", "different", "difference", "improvement", "easier"}
LIST_JOINS = {"or", "nor", "any"}  # words a denial reaches past without tiring
# a clause that tells of the writer or the thing: "not unbearable, it's a sharp pain"
OWN_SUBJECTS = {"i", "im", "ive", "id", "theres", "its"}
GOT = {"with", "got", "have", "had", "developed", "get", "gotten", "caught"}
ENDED = {"in", "at", "on", "yesterday", "today", "twice", "once", "after", "later", "then"}
EXPERIENCED = {"feel", "felt", "feeling", "feels"}
WAS_WHEN = {"yesterday", "last", "earlier", "this", "before", "on", "at", "in", "all"}
# Negations that deny a thing ("no swelling"), as against doubting a change ("can't say
# the numbness has gone").
DENIALS_OF_A_THING = {"no", "not", "zero", "none", "without", "free", "nothing", "nor", "neither"}
PAIN_NOUNS = {"pain", "pains", "ache", "aches"}
MODALS = {"can", "could", "should", "do", "does", "is", "will", "am"}  # "..., can I swim"
LEAD_INS = {"ok", "okay", "so", "and", "also", "um", "umm", "hmm", "right", "quick", "oh", "wait",
            "sorry", "btw", "anyway"}  # fmt: skip
SPENT_ON = {"bad", "too", "text", "texts", "message", "messages", "email", "txt", "mild",
            "know", "stayed", "stopped", "settled", "changed", "improved", "eased", "calmed",
            # and "nothing major, a bit of heat around the needles"
            "budged", "shifted", "stop", "stops", "myself", "stopping", "easing", "improving",
            "major", "serious", "drastic", "dramatic"}  # fmt: skip
NEGATIVE_OPENERS = {"cant", "cannot", "couldnt", "unable", "no", "not", "wont", "dont", "didnt"}
SAYING = {"call", "it", "say", "its", "id"}  # "wouldn't call it small", "wouldn't say it's small"
# What follows a "not" that answers a question: "not really", "not at all", "not that I know"
NOT_AS_AN_ANSWER = {"really", "at", "that", "much", "any", "anymore", "yet", "so", "since",
                    "today", "now", "one", "a", "lately", "recently", "noticed", "as", "even",
                    "quite", "particularly", "especially", "sure", "i", "for", "once", "me",
                    "ever", "in", "remotely", "whatsoever", "this", "here", "myself",
                    "personally"}  # fmt: skip
# What a person has, after a name in "s" typed without its apostrophe: "Jans phone"
OWNED = {"phone", "mobile", "number", "mum", "dad", "wife", "husband", "son", "daughter",
         "partner", "appointment", "session", "car", "house", "place"}  # fmt: skip
NOTHING = {"nothing", "zero", "zilch", "nada", "nil"}
NOT_YET = {"doesnt", "hasnt", "isnt", "wont", "dont", "havent", "arent"}
GOING_AWAY = {"go", "gone", "settle", "settled", "clear", "cleared", "improve", "fade", "ease",
              "calm", "shift", "budge", "subside", "heal", "disappear", "get"}  # fmt: skip
BARE_NO = {"no", "nope", "nah", "none", "negative"}
BARE_YES = {"yes", "yeah", "yep", "yup", "yea", "ya", "definitely", "def"}
POSTPOSED_NEGATION = {"nahi", "nahin", "nai", "yok"}  # Hindi/Urdu, Turkish
# One-word answers to a listed symptom, besides the negation words: "Temp - normal".
FORM_ANSWERS = {"normal", "nil", "fine", "good", "ok", "okay", "clear"}


ITEM_ENDS = set(",(;/")  # marks that end an item of a list
PATH_AFTER = {"my", "the", "his", "her", "into", "to", "towards", "through", "both"}
# "short of breath? never happened before": an answer that says the thing is new
NEWS_OF_IT = {"worse", "worsening", "happens", "happened"}
# "well", "ok": a turn back only when "a little" follows ("no headache... ok maybe a slight one")
HEDGING_BACK = {"well", "ok", "okay", "hmm"}
# "thought i might feel faint ... but i didnt": an expectation, denied (not "felt like I might")
DID_NOT = {"didnt", "wasnt", "never", "havent", "hasnt"}
EXPECTED = {"thought", "expected", "expecting", "worried", "afraid", "scared", "feared", "sure"}
FELT_CLOSE = {"felt", "almost", "nearly", "gonna", "going"}
# "actually", "wait", "hang on": the writer turns back on what they just said
TAKING_BACK = {"actually", "wait", "hang", "hold", "scratch", "correction", "oops"}
ADMITTING = {"yeah", "yes", "yep", "actually", "ok", "okay", "um", "erm", "maybe", "i", "guess"}
# Readings patients take, and how they say one is off: "my blood pressure is up again"
MEASURED = {"pressure", "sugar", "sugars"}
OFF_RANGE = {"up", "high", "raised", "low", "through", "sky", "higher", "lower"}
BEFORE_A_LEVEL = {"is", "was", "s", "has", "been", "are", "were", "really", "very", "bit", "a"}
BETTER = {"better", "easier", "less", "improved", "looser", "calmer", "brighter", "happier"}
FOUND_ONE = {"theres", "is", "got", "have", "found", "spotted", "noticed", "see", "s", "its"}

BRACKET = re.compile(r"[()]")


# "How kind of you to ask": thanks, not a question
KINDLY = {"kind", "thoughtful", "sweet", "nice", "lovely"}


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
            if meant and tok.norm not in vocabulary.known and self.a_name_s(i):
                # "Sam's wife": no typo reading ("sans" is French "without"), but "Mum's"
                base = tok.norm[:-1]
                meant = frozenset({tok.norm} | ({base} if base in vocabulary.known else set()))
            if len(meant) == 1 and len(tok.norm) >= 6 and tok.norm not in vocabulary.known:
                # a typo with one reading is that word everywhere, not only in the symptom
                # lists: "this is Maria's daugther", "my husabnd" (short words are left:
                # "dans" is French, not "dads")
                [word] = meant
                self.tokens[i] = tok = Token(word, tok.start, tok.end, tok.sentence, True)
            if tok.is_word and REPEATS.search(self.text[tok.start : tok.end].lower()):
                meant |= self.held_letter_doubled(tok)
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

    def a_name_s(self, i: int) -> bool:
        """ "Sam's", "gerald's": a word with a possessive "'s"; and "this is Jans phone": a
        word in "s" before a thing a person has, capitalised or just after "is"."""
        tok = self.tokens[i]
        raw = self.text[tok.start : tok.end]
        if raw[-2:].lower() in ("'s", "’s") and len(raw) > 3:
            return True
        nxt = self.tokens[i + 1].norm if i + 1 < len(self.tokens) else ""
        if raw[-1:] != "s" or nxt not in OWNED or i == 0:
            return False
        prev = self.tokens[i - 1]
        capitalised = raw[:1].isupper() and raw[1:].islower() and prev.sentence == tok.sentence
        return capitalised or prev.norm in ("is", "its", "on", "using", "from")  # "on jans phone"

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

    def adjacent(self, i: int) -> bool:
        """Token i is followed by another with only spaces between."""
        if i + 1 >= len(self.tokens):
            return False
        return not self.text[self.tokens[i].end : self.tokens[i + 1].start].strip()

    def comma_between(self, i: int, j: int) -> bool:
        """A comma in the gap after token i and before token j."""
        return "," in self.text[self.tokens[i].end : self.tokens[j].start]

    # --- matching -------------------------------------------------------------------
    def held_letter_doubled(self, tok: Token) -> frozenset[str]:
        """A word typed with a letter held is read with it once ("sooore" is "sore"), and
        may be meant with it twice: "gooood" is "good" (not only "god")."""
        doubled = normalise_word(REPEATS.sub(r"\1\1", self.text[tok.start : tok.end].lower()))
        return frozenset({doubled}) if doubled in self.lexicon.vocabulary.known else frozenset()

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
                    if end is not None and not (key == "improving" and self.a_path(end)):
                        found.setdefault(key, []).append((i, end))
        return found

    def a_path(self, end: int) -> bool:
        """ "pain going down my leg": "down" says where the pain goes, not that it eases."""
        down = self.tokens[end - 1].norm == "down"
        if not down or end >= len(self.tokens) or self.tokens[end].norm not in PATH_AFTER:
            return False
        nxt = self.tokens[end + 1].norm if end + 1 < len(self.tokens) else ""
        return nxt not in ("more", "longer", "further", "better")  # "going down the more I move"

    def starts(self, key: str) -> frozenset[int]:
        """Where a phrase of the context list begins."""
        return frozenset(s for s, _ in self.occurrences(key))

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
        if any(later > earlier for earlier, later in zip(values, values[1:], strict=False)):
            return True
        # a thing said of the past, then a larger one said of now
        things = list(SIZE_THING.finditer(span))
        return any(
            SIZE_RANK[now.group(1)] > SIZE_RANK[then.group(1)]
            and bool(SIZE_THEN.search(span, max(0, then.start() - 12), then.end() + 20))
            and bool(SIZE_NOW.search(span, then.end(), now.start()))
            for then, now in zip(things, things[1:], strict=False)
        )

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
        if after[:1] in (["yes"], ["yeah"], ["yep"]):
            return False  # "redness no, warmth yes": this item is answered yes
        trigger = self.negator(start)
        if trigger is not None and (self.own_negation(start) or self.superlative(trigger, end)):
            trigger = None  # "no chest pain, cant breathe properly", "never had X like this"
        if trigger is not None and self.clause_of_its_own(trigger, start, end):
            trigger = None  # "not dizzy, not nauseous, chest just feels heavy and tight"
        if trigger is not None:
            # "no redness soreness basically gone": "no X" denies X, it doubts no going
            doubt = self.tokens[trigger].norm not in DENIALS_OF_A_THING
            return not self.gone_now(end, doubt) and not self.reversed_after(end)
        return self.negated_after(end) or self.did_not_after_all(start, end)

    def did_not_after_all(self, start: int, end: int) -> bool:
        """ "thought i might feel faint afterwards but i didnt at all": what was expected,
        denied in a clause that says nothing else (not "felt like I might black out, but I
        didn't": that was felt)."""
        norms, sentence = self.norms, self.tokens[end - 1].sentence
        before = {norms[k] for k in range(max(0, start - 6), start)}
        if not before & EXPECTED or before & FELT_CLOSE:
            return False
        for k in range(end, min(len(norms) - 1, end + 10)):
            if self.tokens[k].sentence != sentence:
                return False
            # "... but i didnt", "was sure id faint at the sight of the needles, i didnt 😂"
            turned = norms[k] == "but" or (norms[k] in SUBJECTS and self.comma_between(k - 1, k))
            subject = k + 1 if norms[k] == "but" else k
            said = norms[subject : subject + 2]
            if turned and len(said) == 2 and said[0] in SUBJECTS and said[1] in DID_NOT:
                denial = self.tokens[subject + 1]
                nxt = self.tokens[subject + 2] if subject + 2 < len(norms) else None
                if nxt is None or not nxt.is_word or nxt.norm in ("at", "thankfully", "though"):
                    return True
                return bool(self.text[denial.end : nxt.start].strip())  # "i didnt 😂"
        return False

    def unsaid(self, start: int, end: int) -> bool:
        """ "a bit of a sharp... no, not sharp, sorry, wrong word": the term, then "no, not"
        and the same term straight after, is a word the writer takes back."""
        term = self.norms[start:end]
        after = [k for k in range(end, min(len(self.tokens), end + 8)) if self.tokens[k].is_word]
        words = [self.norms[k] for k in after]
        return words[:2] == ["no", "not"] and words[2 : 2 + len(term)] == term

    def clause_of_its_own(self, trigger: int, start: int, end: int) -> bool:
        """Past the denial's comma the term opens a clause with a verb of its own ("not
        dizzy, chest just feels heavy"), where a list of denied things has none ("no
        bruising, swelling or redness")."""
        if not self.comma_between(trigger, start) or self.tokens[start - 1].norm in ("or", "nor"):
            return False
        comma = max(k for k in range(trigger, start) if self.comma_between(k, k + 1))
        if self.tokens[comma + 1].norm in OWN_SUBJECTS:
            return True  # "breathing ok? honestly no, I'm out of breath just talking"
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
        after = []  # up to two words on, not past a comma ("didn't pass out, ok now")
        for k in range(end, min(end + 2, len(self.tokens))):
            if self.tokens[k].sentence != sentence or self.comma_between(k - 1, k):
                break
            after.append(self.tokens[k].norm)
        if any(w in ("now", "anymore", "nowadays") for w in after) or after == ["any", "more"]:
            # "not dizzy now, just asking as my sister did": a denial, asked ahead of time
            return not self.has("just_asking", sentence)
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
        return (
            self.did_after_all(end, was=True)
            or self.admitted_after(end)
            or self.another_part_has_it(end)
        )

    def another_part_has_it(self, end: int) -> bool:
        """ "my neck isnt numb but my fingers on the right hand are": past the "but", another
        part of the body has the thing denied, said short by the "are" that ends it."""
        k = end
        if k < len(self.tokens) and self.tokens[k].norm != "but":
            k += 1  # "isnt numb, but ...", "not dizzy really but ..."
        if k >= len(self.tokens) or self.tokens[k].norm != "but":
            return False
        told: list[str] = []
        for tok in self.tokens[k + 1 : k + 12]:
            if not tok.is_word or (told and told[-1] in ("are", "is") and self.capitalised(tok)):
                break  # ("... hand are Took the dog out": a sentence run on)
            told.append(tok.norm)
        while told and told[-1] in SIGN_OFF_WORDS:
            told.pop()  # "... but my fingers are thanks"
        body = self.lexicon.words("body_words")
        return len(told) > 1 and told[-1] in ("are", "is") and bool(set(told) & body)

    def capitalised(self, tok: Token) -> bool:
        return self.text[tok.start : tok.start + 1].isupper()

    def admitted_after(self, end: int) -> bool:
        """ "no bruising... actually hang on, just looked in the mirror and theres one", "no
        dizziness, well actually a little when I stood up": the writer takes the denial back
        ("actually" then "one" found, or "a little" right after it)."""
        norms = self.norms
        for k in range(end, min(len(norms), end + 12)):
            if norms[k] not in TAKING_BACK | HEDGING_BACK:
                continue
            # "actually yeah a bit", "well, a little when I stood up", "ok maybe a slight one"
            j = k + 1
            while j < min(len(norms), k + 4) and norms[j] in ADMITTING:
                j += 1
            a_little = norms[j : j + 2] in (["a", "little"], ["a", "bit"], ["a", "slight"])
            nxt = norms[j + 2] if j + 2 < len(norms) else ""
            if a_little and nxt not in BETTER:  # (not "not any worse, actually a bit better")
                return True
            if norms[k] in HEDGING_BACK:
                continue  # "not dizzy, well rested": only "well, a little" takes a denial back
            for j in range(k + 1, min(len(norms), k + 14)):
                found = norms[j] == "one" and norms[j - 1] in FOUND_ONE
                if found and (j + 1 >= len(norms) or norms[j + 1] not in ("of", "more", "thing")):
                    return True
        return False

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
                if nxt is not None and nxt.norm in ("last", "this"):
                    # "but I did last night, went down": a time, then no other thing done
                    then = norms[k + 5] if k + 5 < len(norms) else ""
                    return then not in EXPERIENCED | {"get", "have", "notice", "go"}
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
        if start and self.tokens[start - 1].norm == "0" and self.tokens[start].norm.isalpha():
            return start - 1  # "0 pain", "0 bruises this time": none of it
        words = 0
        j = start - 1
        while j >= floor and self.tokens[j].sentence == sentence and words < WIDE_NEGATION_WINDOW:
            tok = self.tokens[j]
            if EMOJI_GAP.search(self.text, tok.end, self.tokens[j + 1].start):
                return None  # "no chest pain 👍 bit of tingling": the emoji closed the denial
            if j in self.in_brackets and start not in self.in_brackets:
                j -= 1  # "my wife (she wasn't treated) felt faint": the aside denies nothing
                continue
            if tok.is_word:
                # "didn't feel faint or dizzy": that "faint" is no small bruise's
                # (nor "didn't faint or feel dizzy": a faint bruise's "faint" stands by it)
                felt = tok.norm == "faint" and (
                    (j > 0 and self.tokens[j - 1].norm in EXPERIENCED) or j + 1 < start
                )
                # "not even a little sore": "a little" there is the least of it, denied too
                least = j > 1 and [t.norm for t in self.tokens[j - 2 : j]] == ["even", "a"]
                if tok.norm in stops or (tok.norm in spent and not felt and not least):
                    return None
                if tok.norm == "and" and self.tokens[j + 1].norm in SUBJECTS:
                    return None  # "she wasn't treated herself and she fainted": a new clause
                if self.a_little_after_a_comma(j):
                    return None  # "No complaints really, bit of tingling in my fingertips"
                if tok.norm == "all" and j and self.tokens[j - 1].norm == "at":
                    return None  # "not dizzy at all soreness is nearly gone": that one's said
                for s, e in negations:
                    if e - 1 == j and self.without_a_clause_between(s, start):
                        return None
                    if e - 1 == j and words >= NEGATION_WINDOW and not self.none_of(s):
                        return None  # too far: only "neither of", "none of" reach so far
                    if e - 1 == j and not self.pseudo_negation(s):
                        return None if self.double_negation(s, negations) else s
                if tok.norm not in LIST_JOINS:
                    words += 1  # "neither of us had any swelling or bruising": one list
            j -= 1
        return None

    def a_little_after_a_comma(self, j: int) -> bool:
        """ "..., bit of tingling", "..., a little dizzy": a clause that opens on an amount
        tells of something there, whatever the denial before its comma."""
        amount = self.norms[j : j + 2] in (["bit", "of"], ["a", "little"], ["a", "bit"])
        return amount and j > 0 and self.comma_between(j - 1, j)

    def none_of(self, s: int) -> bool:
        """ "Neither of the spots on my back is red or swollen": the denial's subject is
        a list of things, and it reaches their predicate."""
        return (
            self.tokens[s].norm in ("neither", "none")
            and s + 1 < len(self.tokens)
            and self.tokens[s + 1].norm == "of"
        )

    def without_a_clause_between(self, s: int, start: int) -> bool:
        """ "without painkillers it's about a 7", "without warning I blacked out": "without"
        denies its own object; a subject after it opens the clause that tells."""
        return self.tokens[s].norm == "without" and any(
            self.tokens[k].norm in SUBJECTS for k in range(s + 1, start)
        )

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
            really = self.tokens[nxt].norm == "really" and nxt + 1 < len(self.tokens)
            if really and self.comma_between(nxt, nxt + 1):
                return True  # '"hope it helped" - not really, ive had a tightness...': an answer
            if self.tokens[start].norm == "not" and self.tokens[nxt].norm == "as":
                return True  # "not as dizzy as yesterday but still a bit": less, not none
            then = self.tokens[nxt + 1].norm if nxt + 1 < len(self.tokens) else ""
            if self.tokens[nxt].norm == "any" and then == "less":
                return True  # "not any less numb than yesterday": as numb
            if self.tokens[nxt].norm == "one" and then in HAVING:
                return False  # "no one has a fever here": nobody does
            if self.tokens[start].norm == "no" and self.exclaimed_no(start):
                return True
            if self.tokens[start].norm == "no" and self.tokens[nxt].norm in ("actually", "wait"):
                return True  # "an 8, no actually closer to a 9": the "no" takes back the 8
            if self.tokens[start].norm == "not" and self.tokens[nxt].norm in ("me", "mine"):
                return True  # "sorry not me, u have the wrong number": who it is not
            return self.tokens[nxt].norm in PSEUDO_NEGATED
        # "the Gaviscon did nothing, it's a burning pressure": a remedy that failed
        before = self.tokens[start - 1].norm if start > 0 else ""
        if self.tokens[start].norm == "never":  # "never been this lightheaded": so much, not none
            after = [t.norm for t in self.tokens[nxt : nxt + 2]]
            return after in (["been", "this"], ["been", "so"], ["felt", "this"], ["felt", "so"])
        return self.tokens[start].norm == "nothing" and before in ("did", "done", "does", "doing")

    def exclaimed_no(self, start: int) -> bool:
        """ "all good! wait no, forgot to say I fainted", "oh no, a fever", "Ag no man the
        pain is unbearable": a "no" cried out, or said to a person, denies nothing after it."""
        before = self.tokens[start - 1].norm if start else ""
        after = self.tokens[start + 1]
        if after.norm in ("man", "mate", "bro", "dude", "girl", "lady", "yaar", "bru", "boet"):
            return after.is_word and self.adjacent(start)
        gap = self.text[self.tokens[start].end : after.start]
        return before in TAKING_BACK | {"oh", "ah", "ag", "ugh"} and bool(set(gap) & set(",!"))

    def worried_before(self, end: int) -> bool:
        """A fear or expectation just before the finding: "worried about", "expected"."""
        before = {t.norm for t in self.tokens[max(0, end - 5) : end]}
        return bool(before & {"worried", "scared", "afraid", "expected", "expecting", "nervous"})

    def negated_after(self, end: int) -> bool:
        """ "fever? nope", "chest pain? no", "Chest pain - no.", "breathing: fine": a term
        asked about, or listed like a form, and answered no ("that tingly thing you warned
        about? nope": a question up to five words on)."""
        after = [t.norm for t in self.tokens[end : end + 3]]
        if after[:2] == ["a", "no"] or after == ["is", "a", "no"]:
            return True  # "fever's a no, pus a no"
        # "was worried about bruising but none at all", "... but there's none" (but not "a
        # bit bruised but nothing major")
        none_there = after[1:2] in (["there"], ["theres"]) and after[2:] in (["none"], ["nothing"])
        if after[:2] in (["but", "none"], ["but", "nope"]) or (after[:1] == ["but"] and none_there):
            return True
        # "i was worried about dizziness but havent had any", "... but not had any"
        had_none = after[1:3] in (["havent", "had"], ["not", "had"], ["hasnt", "been"])
        if after[:1] == ["but"] and had_none and self.worried_before(end):
            return True
        if self.bare_no_at(end):
            return True  # "fever no, pus no, redness no": each item answered, unpunctuated
        if self.denied_by_the_writer(end):
            return True  # "hubby keeps asking am I dizzy, im not"
        j, words = end, 0
        while j < len(self.tokens) and words <= 5:
            tok = self.tokens[j]
            if tok.is_word and j > 0 and words <= 2 and self.answered_like_a_form(j):
                return True
            if tok.norm == "?":
                k = self.past_listed_questions(j + 1)
                so_no = [t.norm for t in self.tokens[k : k + 4]]
                if any(a == "so" and b == "no" for a, b in zip(so_no, so_no[1:], strict=False)):
                    return True  # "fever? 36.9 so no"
                if self.names_another_item(k, end):
                    return False  # "short of breath, probably nothing? no chest pain or anything"
                # "shortness of breath? no. well... actually yeah a bit": taken back
                answered = k < len(self.tokens) and self.answers_no(k)
                return answered and not self.admitted_after(k + 1)
            if not tok.is_word:
                return False
            words += 1
            j += 1
        return False

    def denied_by_the_writer(self, end: int) -> bool:
        """ "asking am I dizzy, im not", "asks if im feverish? I'm not.": asked of the
        writer, then "I'm not" that ends its clause (not "dizzy, im not sure why", "dizzy, i
        am not coping", nor "he's dizzy, i'm not": another's, said as such)."""
        asked = [t.norm for t in self.tokens[max(0, end - 5) : end]]
        pairs = set(zip(asked, asked[1:], strict=False))
        if not pairs & {("am", "i"), ("if", "im"), ("if", "i"), ("whether", "im"), ("is", "i")}:
            return False
        k = end
        while k < len(self.tokens) and self.tokens[k].norm in ("?", "!"):
            k += 1
        if not 0 < k < len(self.tokens):
            return False
        gap = self.text[self.tokens[end - 1].end : self.tokens[k].start]
        if not set(gap) & set(",?.!"):
            return False
        words = [t.norm for t in self.tokens[k : k + 3]]
        denial = 2 if words[:2] == ["im", "not"] else 3 if words == ["i", "am", "not"] else 0
        if not denial:
            return False
        after = self.tokens[k + denial] if k + denial < len(self.tokens) else None
        return after is None or not after.is_word or after.norm in ("at", "really", "honestly")

    def names_another_item(self, k: int, end: int) -> bool:
        """Token k is a "no" that opens the denial of another finding than the one asked
        ("...? no chest pain"), not an answer ("fever? no fever", "fever? no")."""
        if k + 1 >= len(self.tokens) or self.tokens[k].norm != "no":
            return False
        nxt = self.tokens[k + 1].norm
        if not self.adjacent(k) or nxt in DENIALS_OF_A_THING | NOTHING | SIGN_OFF_WORDS:
            return False  # "? no, nothing like that", "? no not at all"
        asked = {self.tokens[j].norm for j in range(max(0, end - 3), end)}
        return nxt in self.lexicon.index and nxt not in asked

    def answers_no(self, k: int) -> bool:
        """Token k says no: "nope", "no." (not "no idea why", nor "red and warm? not
        spreading", which denies only the spreading)."""
        if self.tokens[k].norm not in self.lexicon.words("negation_after"):
            return False
        after = self.tokens[k + 1] if k + 1 < len(self.tokens) else None
        # (nor "short of breath?? never happens to me", which says it is new)
        # nor "still this sore? No change since yesterday": the change is what is denied
        other = self.lexicon.words("grown") | NEWS_OF_IT | NO_CHANGE
        if self.tokens[k].norm == "not" and after is not None and after.is_word:
            # "...worse today than yesterday? not sharp or anything": "not" denies the word
            # after it, not the question ("not really", "not at all" answer it)
            return after.norm in NOT_AS_AN_ANSWER or after.norm in SIGN_OFF_WORDS
        return after is None or (after.norm not in PSEUDO_NEGATED and after.norm not in other)

    def past_listed_questions(self, k: int) -> int:
        """The first token after a run of short questions: "Fever? Pus? None of that." is
        one answer to both."""
        while k < len(self.tokens):
            if self.tokens[k].norm in ("?", "\n"):  # "fever?\nno": answered on its own line
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
        if not any(mark in gap for mark in ":-–—=|"):
            return False
        if self.tokens[j].norm == "n" and "|" in gap:
            return self.answer_ends_here(j, {"n"})  # a table's Y/N column: "Dizzy | N"
        if self.tokens[j].norm not in self.lexicon.words("negation_after") | FORM_ANSWERS:
            return False
        return self.answer_ends_here(j, self.lexicon.words("negation_after") | FORM_ANSWERS)

    def bare_no_at(self, j: int) -> bool:
        """Token j is a bare "no" right after the item it answers, no mark between ("fever
        no,"; not "still achy, no better")."""
        if not 0 < j < len(self.tokens):
            return False
        if not self.tokens[j - 1].is_word:
            return False  # "Pain 6 or 7. no fever": the "no" opens the next sentence
        if self.tokens[j - 1].norm[:1].isdigit():
            return False  # "pain 8/10 no fever no pus": a score is not answered no
        gap = self.text[self.tokens[j - 1].end : self.tokens[j].start]
        return not gap.strip() and self.answer_ends_here(j, BARE_NO)

    def answer_ends_here(self, j: int, answers: frozenset[str] | set[str]) -> bool:
        """Token j is one of `answers` and ends its item: the reply, a mark, a comma or the
        next number of a list follows ("fever - no 2. bruising - no"), past a sign-off."""
        if self.tokens[j].norm not in answers:
            return False
        k = j + 1  # past a sign-off: "Fever: none thanks", "Dizzy - no x"
        while k < len(self.tokens) and self.tokens[k].norm in SIGN_OFF_WORDS:
            k += 1
        after = self.tokens[k] if k < len(self.tokens) else None
        rest = self.text[self.tokens[j].end : after.start if after else len(self.text)]
        if after is None or not after.is_word or set(rest) & ITEM_ENDS:
            return True  # "fever no, pus no", "fever no (well cabin fever maybe)", "no / ..."
        if after.sentence != self.tokens[j].sentence:
            return True  # "fever: nope Took the dog out": the next sentence, run on
        numbered = after.norm.isdigit() and self.text[after.end : after.end + 1] in (".", ")")
        return numbered or bool(EMOJI_GAP.search(rest)) or self.next_item_answered(k)

    def next_item_answered(self, k: int) -> bool:
        """ "fever no pus no redness no": the word at k opens the next item of an unpunctuated
        list, itself answered within two words (not "sharp pain no swelling")."""
        if self.tokens[k].norm not in self.lexicon.vocabulary.words:
            return False
        answers = BARE_NO | {"yes", "yeah", "yep"}
        for a in range(k + 1, min(k + 3, len(self.tokens))):
            if self.text[self.tokens[a - 1].end : self.tokens[a].start].strip():
                return False  # "soreness no worse, no better": that "no" opens a clause
            if self.tokens[a].norm in answers:
                return True
        return False

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
            and (e <= start - ignore_within or e > start or self.tokens[s].norm in AHEAD)
            and self.tokens[s].sentence == sentence
            and s not in hedges
            and not (e < len(self.tokens) and self.tokens[e].norm in TELLING)
            and not self.rated_back_then(e)
            and not any(self.tokens[k].norm in stops | REASONS for k in range(e, start))
            # a reading is told in its own clause: "asked if I had a fever, I do, 38.4"
            and not (clause and self.comma_between(e - 1, start))
            for s, e in self.occurrences("hypothetical")
        )
        # "would you say 9/10 is normal? because that's where I'm at" is a report
        # (a marker near the finding: "do i still play?" far after it is about the game)
        marked = any(
            self.tokens[s].sentence == sentence and abs(s - start) <= 5 and e != start
            for s, e in self.occurrences("happened_markers")
        )  # (not "what if the pain comes back worse": the return is what is asked about)
        confirmed = marked or self.self_confirmed or self.there_already(start)
        return before and not confirmed

    def rated_back_then(self, e: int) -> bool:
        """ "at 4am I would have scored the pain ten out of ten": past the "would", a score
        given to a time gone by, a report."""
        after = [t.norm for t in self.tokens[e : e + 2]]
        return len(after) == 2 and after[0] == "have" and after[1] in SCORING_VERBS

    def there_already(self, start: int) -> bool:
        """ "if the lump doesn't go down by Monday": what is to go away is there now."""
        norms = [t.norm for t in self.tokens[start + 1 : start + 5]]
        return any(
            a in NOT_YET and b in GOING_AWAY for a, b in zip(norms, norms[1:], strict=False)
        )

    def resolved(self, start: int) -> bool:
        return self.has("resolved", self.tokens[start].sentence) or self.resolved_no_more(start)

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
            not self.negated_right_before(s) and not self.not_saying_so(s)
            for s, _ in self.occurrences("self_confirmation")
        )

    def not_saying_so(self, s: int) -> bool:
        """ "I'm not saying I have one!!": the writer denies claiming it."""
        before = [t.norm for t in self.tokens[max(0, s - 4) : s]]
        said = {"saying", "say", "said", "claiming"} & set(before[-2:])
        return bool(said) and bool({"not", "never", "arent", "isnt", "wasnt"} & set(before))

    def became(self, end: int) -> bool:
        """ "has gone stiff", "went all numb": gone as become, which is no easing."""
        if self.tokens[end - 1].norm not in ("gone", "went"):  # "gone", "has gone"
            return False
        fillers, states = self.lexicon.words("intensifiers"), self.lexicon.words("became_states")
        k = end
        while k < len(self.tokens) and self.tokens[k].norm in fillers:
            k += 1
        return k < len(self.tokens) and self.tokens[k].norm in states

    def inside_phrase(self, key: str, j: int) -> bool:
        return any(s <= j < e for s, e in self.occurrences(key))

    @cached_property
    def scores(self) -> list[NumberFinding]:
        """The reply's pain scores (numbers.pain_scores), worked out once."""
        return pain_scores(self.punctuated)

    @cached_property
    def temperatures(self) -> list[tuple[NumberFinding, bool]]:
        """The reply's thermometer readings and whether each is a fever, worked out once."""
        return temperatures(self.punctuated)

    @cached_property
    def punctuated(self) -> str:
        """The text with a line break where a sentence restarts unmarked ("8-9 Took the dog
        out"), in the space before it, so numbers are read up to their sentence's end."""
        breaks = [
            prev.end
            for prev, tok in zip(self.tokens, self.tokens[1:], strict=False)
            if tok.sentence != prev.sentence
            and prev.is_word
            and tok.start > prev.end
            and not self.text[prev.end : tok.start].strip()
        ]
        if not breaks:
            return self.text
        chars = list(self.text)
        for at in breaks:
            chars[at] = "\n"
        return "".join(chars)

    @cached_property
    def people(self) -> People:
        """Whose symptoms the reply tells of (people.py)."""
        return People(self)

    @cached_property
    def idiom_tokens(self) -> frozenset[int]:
        """Tokens inside an idiom ("cabin fever", "10/10 would recommend"): no findings.
        An idiom that runs into a pain noun was not one: "sharp sharp pain" is a sharp pain
        said twice, not the "sharp sharp" that means fine."""
        return frozenset(
            i
            for s, e in self.occurrences("idioms")
            if not (e < len(self.tokens) and self.tokens[e].norm in PAIN_NOUNS)
            and not self.reading_off(e)
            for i in range(s, e)
        )

    def reading_off(self, e: int) -> bool:
        """A routine measurement told out of its range: "my blood pressure is up again",
        "blood sugar was high" (not "had my blood pressure taken")."""
        if self.tokens[e - 1].norm not in MEASURED:
            return False
        after = [t.norm for t in self.tokens[e : e + 3] if t.norm not in BEFORE_A_LEVEL]
        return bool(after) and after[0] in OFF_RANGE

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

    def when_clause(self, first: int) -> bool:
        """ "When I sat up ...", "when she stands": "when" opening a clause of its own
        subject, which tells when something happens (not "when can I shower")."""
        nxt = self.tokens[first + 1].norm if first + 1 < len(self.tokens) else ""
        raw = self.text[self.tokens[first].start : self.tokens[first].end].lower()
        return raw in ("when", "whenever") and nxt in CLAUSE_SUBJECTS  # not "When's my..."

    @cached_property
    def question_sentences(self) -> frozenset[int]:
        """Sentences that ask something: end in "?" or open with a question word.
        A one- or two-word "dizzy?" is a self-check, not a question."""
        starts = self.starts("question_starts")
        rhetorical = self.starts("rhetorical")
        asking = {self.tokens[s].sentence for s, _ in self.occurrences("question_phrases")}
        asked = []
        for index, words in enumerate(self.sentences):
            if not words:
                continue
            last = words[-1] + 1
            ends_q = last < len(self.tokens) and self.tokens[last].norm == "?"
            # past a word that only leads in: "ok whens my next appt", "so can i shower"
            led_in = len(words) > 2 and self.tokens[words[0]].norm in LEAD_INS
            # ("oh also do you do gift vouchers": two of them)
            twice = led_in and len(words) > 3 and self.tokens[words[1]].norm in LEAD_INS
            opens_q = False
            for first in words[: 3 if twice else 2 if led_in else 1]:
                if first in starts:
                    opens_q = True
                    break
            if opens_q and not ends_q and self.exclamation(first):
                opens_q = False  # "What an amazing session!"
            if opens_q and not ends_q and self.when_clause(first):
                opens_q = False  # "When I sat up in bed the room turned": when it happened
            # "Tiny bruise on my wrist, can I still go swimming": a clause after a comma
            # asks, unmarked (a modal opens it: "can I", "should I", "is it")
            opens_q = opens_q or any(
                k in starts and self.tokens[k].norm in MODALS and self.comma_between(k - 1, k)
                for k in words[1:]
            )
            if ends_q and self.answered_at(last):
                continue  # "that tingly thing you warned about? nope": asked and answered
            if ends_q and not opens_q and self.answered_yes_at(last):
                continue  # "shortness of breath? yeah a bit, on the stairs": a report
            if words[0] in rhetorical:
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

    def answered_yes_at(self, mark: int) -> bool:
        """A named thing, then "?" and the writer's own yes: "shortness of breath? yeah a bit"."""
        k = self.past_question_marks(mark)
        return k < len(self.tokens) and self.tokens[k].norm in BARE_YES

    def past_question_marks(self, mark: int) -> int:
        """The first token from `mark` that is not a "?" (or the dots of a pause)."""
        # (and past a pause: "passed out in the shower? ...yeah actually")
        while mark < len(self.tokens) and self.tokens[mark].norm in ("?", ".", "…"):
            mark += 1
        return mark

    def answered_at(self, mark: int) -> bool:
        """The writer answers their own question right after its "?" with a bare no:
        "...? nope." ("? Nothing urgent" still asks)."""
        k = self.past_question_marks(mark)
        if k >= len(self.tokens) or self.tokens[k].norm not in BARE_NO | NOTHING:
            return False
        # ("...but today? Nothing, zero, 0/10": the answer ends at its comma)
        ends = k + 1 >= len(self.tokens) or not self.tokens[k + 1].is_word
        return ends or self.comma_between(k, k + 1)

    def exclamation(self, first: int) -> bool:
        """ "What a ...", "how lovely ...", "who knew ...", "pain? what pain" open an
        exclamation."""
        second = self.tokens[first + 1].norm if first + 1 < len(self.tokens) else ""
        opener = self.tokens[first].norm
        return (
            (opener == "what" and second in ("a", "an", "pain", "bruise", "bruising", "swelling"))
            or (opener == "how" and second in self.lexicon.words("normal") | KINDLY)
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
