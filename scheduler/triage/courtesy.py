"""Whether a reply with no clinical finding reads as fine: the words of recovering well,
and the greetings, thanks and smiles around the news that are not news themselves."""

from __future__ import annotations

from .lexicon import Lexicon
from .model import Finding
from .reading import SIGN_OFF_WORDS, Reading
from .text import GET_BACK_TO, NAMED, TITLES

COMING_BACK = {"come", "be", "coming"}  # "will be back soon"
POSITIVE_EMOJI = set("👍👌🙌😊🙂😄😀😁🙏💪✅😌☺😎🥰❤💯😍🤩🥳😃😆🤗💖💗😴🥱")  # sleepy is fine
DISTRESS_EMOJI = set("😢😭🚨⚠😱😰😟😨🆘🤕🤒😖😣😫😩💀😵🤢🤮🤧😷🥴")
DOUBT_MARKS = set("🤷👎😕🤔😐😬🙁☹😞😔👀🙃?")
WEAK_NORMAL = {
    "ok",
    "okay",
    "good",
    "fine",
    "great",
    "alright",
    "thanks",
    "thank",
    "cheers",
    "nice",
    "grand",
    "happy",
    "normal",
    "lovely",
}
# "not great, not bad": a verdict both ways
DENIED_GOOD = {"great", "good", "amazing", "brilliant", "fantastic", "fine", "perfect"}
DENIED_BAD = {"bad", "terrible", "awful", "horrible", "dreadful"}
# "k" says okay only as the whole reply (not "k see u at the pub", "asdfgh;;kk")
BARE_OKAY = {"k", "kk"}
# Thanks and a smile sign a text off; they are news only when they are all of it: "thanks!"
# is recovering well, "wrong number, thanks" and "my ears are ringing 🙂" are not.
SIGN_OFFS = {"thanks", "thank", "cheers", "ta", "gracias", "merci", "thx", "ty", "thanx", "thnx",
             "tks"}
COURTESY = SIGN_OFFS | {
    "you", "so", "much", "very", "for", "the", "your", "message", "text", "checking", "check",
    "asking", "in", "on", "up", "me", "again", "a", "lot", "lots", "many", "hi", "hello", "hey",
    "dear", "x", "xx", "xxx", "and", "doc", "dr", "love", "kind", "regards", "best", "wishes",
    "following", "reaching", "out", "caring", "care", "concern", "getting", "back", "to",
    "touch", "it", "is", "appreciated", "appreciate", "that", "thats", "ok", "okay", "oh",
    "lol", "haha", "tbh", "honestly", "reacted", "god", "bless",
}  # fmt: skip
TROUBLE_WORDS = {
    "but", "sorry", "wrong", "not", "no", "off", "bit", "weird", "rough", "poorly", "ill",
    "sick", "since", "if", "could", "can", "would", "please", "pls", "help", "meant", "late",
    "cancel", "appointment", "appt", "booking", "book", "results", "know", "question", "ask",
    "when", "where", "what", "why", "how", "who", "hard", "little", "bad", "worse", "worried",
    "hmm", "hm", "meh", "ugh", "urgh", "huh", "eh", "confused", "lmao", "lmfao", "been", "keep",
    "still", "dreams", "wat", "wut",
    "left", "lost", "forgot", "clinic", "leaflet",  # "left my brolly at the clinic 🙂": a matter
    "ignore",  # "ignore my last text 🙂": what it was, a person reads
    "ringing", "stomach", "tummy",
    "dont", "didnt", "cant", "wont", "isnt", "never", "speak", "call",
    "ring", "phone", "mate", "yes", "same", "asleep", "patient", "mouth", "nose", "throat",
    "eye", "eyes", "skin", "period", "throbbing", "pounding", "taste", "tastes", "fever",
    "somehow",  # Nigerian English "feeling somehow": not right
    "low", "blocked", "sinus", "sinuses", "congested",
}  # fmt: skip
# A reply's last word when it stops mid-sentence
FILLERS = {"uh", "um", "umm", "erm", "er", "uhh"}
CONJUNCTIONS = {"and", "but", "then", "because"}
HEALTH_CONTEXT = {
    "feel",
    "feeling",
    "felt",
    "feels",
    "im",
    "i",
    "back",
    "neck",
    "shoulder",
    "knee",
    "knees",
    "arm",
    "arms",
    "leg",
    "legs",
    "hip",
    "hips",
    "wrist",
    "ankle",
    "foot",
    "feet",
    "elbow",
    "hand",
    "head",
    "jaw",
    "body",
    "session",
    "needles",
    "treatment",
    "acupuncture",
    "doing",
    "all",
    "here",
    "otherwise",
    "now",
    "today",
}


# Words that make a reply about the writer's health (HEALTH_CONTEXT less the words any
# message has: "i", "all", "here", "now", "today")
HEALTH_WORDS = HEALTH_CONTEXT - {"im", "i", "all", "here", "now", "today", "doing"}


class CourtesyRules:
    """Mixed into the Judge: `r` is the reading, `lex` the lexicon, `findings` so far."""

    r: Reading
    lex: Lexicon
    findings: list[Finding]

    def fallback_label(self) -> str:
        """Nothing clinical matched: normal if the reply reads as fine, else a person reads it."""
        text = self.r.text
        emoji_pos = sum(ch in POSITIVE_EMOJI for ch in text)
        emoji_bad = sum(ch in DISTRESS_EMOJI for ch in text)
        normal = self.normal_words()
        denied = [f for f in self.findings if f.rule == "negated"]
        if denied and not emoji_bad and not normal:
            f = denied[0]
            self.findings.append(Finding("normal", f.phrase, f.span, "denies-symptoms"))
            return "normal"
        if normal or (emoji_pos and not self.distress_or_doubt() and self.smile_says_it()):
            # the smile itself as the phrase staff see ("😊", not a 👍 the patient never sent)
            smile = next((i for i, ch in enumerate(text) if ch in POSITIVE_EMOJI), 0)
            phrase, span = normal[0] if normal else (text[smile], (smile, smile + 1))
            self.findings.append(Finding("normal", phrase, span, "recovering-well"))
            return "normal"
        rule = "distress-emoji" if emoji_bad else "unreadable-or-unrelated"
        self.findings.append(Finding("review", text[:80], (0, min(len(text), 80)), rule))
        return "review"

    def said_of_the_world(self, s: int) -> bool:
        """ "The weather here is lovely": a fine word said of the world, not the writer."""
        world = self.lex.words("not_the_body")
        body = self.lex.words("body_words") | {"but", "though", "tho"}
        sentence = self.r.tokens[s].sentence
        return any(
            self.r.tokens[j].norm in world
            and self.r.tokens[j].sentence == sentence
            # not "after the night shift but back's grand": the fine word is the back's
            and not any(self.r.tokens[k].norm in body for k in range(j + 1, s))
            for j in range(max(0, s - 3), s)
        )

    def normal_words(self) -> list[tuple[str, tuple[int, int]]]:
        found = [
            self.r.phrase_text(s, e)
            for s, e in self.r.occurrences("normal")
            if (not self.r.negated_right_before(s) or self.r.tokens[s].norm == "better")
            and not self.said_of_the_world(s)
        ]
        signing = SIGN_OFFS | SIGN_OFF_WORDS | BARE_OKAY
        if any(t.is_word and t.norm not in signing for t in self.r.tokens):
            found = [f for f in found if f[0].lower() not in BARE_OKAY]  # "k thanks" is fine
        if not found or self.trails_off() or self.keyboard_mash() or self.neither_way():
            return []
        signed_off = all(p.lower() in SIGN_OFFS for p, _ in found)
        if signed_off and (self.troubling_news() or self.distress_or_doubt()):
            return []
        words = {t.norm for i, t in enumerate(self.r.tokens) if t.is_word and not self.back_to(i)}
        denial = words & {"no", "zero", "nothing", "none", "nil"}  # "zero issues, cheers"
        if signed_off and len(self.news_words()) >= 2 and not words & HEALTH_WORDS | denial:
            return []  # "at work, will reply later thanks": thanks for what is no news of health
        only_weak = all(p.lower().replace("'", "") in WEAK_NORMAL for p, _ in found)
        # "Fine, bit of cabin fever being stuck indoors": an answer about health, however long
        opening = [t.norm for t in self.r.tokens[:2]]
        if opening[:1] in (["ok"], ["okay"], ["yeah"], ["yes"]):
            opening = opening[1:]  # "ok great thanks, see you next week"
        opens_with_it = opening[:1] in (["fine"], ["good"], ["great"], ["well"], ["better"])
        # "she says she is fine", "my knee isnt 😂 all good"
        health = HEALTH_CONTEXT | self.lex.words("body_words")
        about_health = words & health or self.r.people.on_behalf or self.both_well()
        # "..., thanks", "... x" add no news
        signed = sum(t.norm in SIGN_OFFS | SIGN_OFF_WORDS for t in self.r.tokens)
        if only_weak and self.r.word_count() - signed > 6 and not about_health:
            if not opens_with_it:
                return []  # "ok see u at 6 at the bus stop" is not a health update
        first = next((t for t in self.r.tokens if t.is_word), None)
        news = [f for f in found if f[0].lower() not in SIGN_OFFS]  # "..., thanks" signs off
        opening_okay = len(news) == 1 and first is not None and first.start == news[0][1][0]
        if opening_okay and news[0][0].lower() in ("ok", "okay") and len(self.news_words()) >= 3:
            return []  # "ok had a nosebleed last night": "ok" opens the news, it is not it
        return found

    def neither_way(self) -> bool:
        """ "not great. not bad either.", "not amazing but not terrible": neither good nor bad,
        which a person should read (not "not great with phones")."""
        norms = self.r.norms
        denied = {norms[i + 1] for i in range(len(norms) - 1) if norms[i] == "not"}
        good = denied & DENIED_GOOD and not any(
            norms[i : i + 3] in (["not", w, "with"] for w in DENIED_GOOD)
            for i in range(len(norms) - 2)
        )
        return bool(good) and bool(denied & DENIED_BAD)

    def both_well(self) -> bool:
        """ "me and hubby both went, we're both good": how two people are, the writer one."""
        norms = self.r.norms
        return any(
            s > 0 and norms[s - 1] == "both" and norms[s] in WEAK_NORMAL
            for s, _ in self.r.occurrences("normal")
        )

    def back_to(self, i: int) -> bool:
        """ "will text back later", "be back soon": that "back" is no part of the body."""
        before = self.r.tokens[i - 1].norm if i else ""
        return self.r.tokens[i].norm == "back" and before in GET_BACK_TO | COMING_BACK

    def keyboard_mash(self) -> bool:
        """ "ok jjjhh,,,s": a long run of Latin letters with no vowel, typed by a pocket
        (not "Ευχαριστώ", whose vowels are Greek)."""
        for t in self.r.tokens:
            raw = self.r.text[t.start : t.end]
            if not t.is_word or len(raw) < 5 or len(t.norm) < 3 or set(t.norm) & set("aeiouy"):
                continue  # (not "brrr", "msgs", "xxxxx")
            if raw.isascii() and raw.isalpha() and t.norm not in self.lex.vocabulary.known:
                return True
        return False

    def trails_off(self) -> bool:
        """ "mm hmm ok the thing with the back and then uh": dictation cut off mid-thought,
        so the "ok" is no answer."""
        words = [t.norm for t in self.r.tokens if t.is_word]
        signed = bool(words) and words[-1] in SIGN_OFF_WORDS
        while words and words[-1] in SIGN_OFF_WORDS:
            words.pop()  # "... and then uh thanks" (but "... and thanks you" ends well)
        cut_at = FILLERS if signed else FILLERS | CONJUNCTIONS
        return len(words) > 3 and words[-1] in cut_at

    def distress_or_doubt(self) -> bool:
        """ "😭 thanks", "?? thanks": the thanks is politeness, the rest is the message."""
        return any(ch in DISTRESS_EMOJI or ch in DOUBT_MARKS for ch in self.r.text)

    def smile_says_it(self) -> bool:
        """A smile is the answer when it is all of it ("👍"), or beside the writer's own
        untroubling news ("back to my old self 💪"); beside news of the world ("the lasagne
        puffed up like a marshmallow 🙂") it answers nothing."""
        news = self.news_words()
        signed = {"from", "his", "her", "their", "love"} | self.lex.words("relatives")
        from_kin = bool(news) and news[0] == "from" and set(news) <= signed  # "👍 from mum"
        if not news or from_kin or (self.r.people.signed_by_a_relative() and set(news) <= signed):
            return True  # "👍 - from his daughter"
        return bool(set(news) & self.lex.words("self")) and not self.troubling_news()

    def troubling_news(self) -> bool:
        """Whether the words beside a thanks or a smile may be trouble a person should read:
        a word of doubt, apology, a request or an onset ("wrong number, thanks", "my ears
        have been ringing since Tuesday 🙂"), or a word that is no English ("asdfgh thanks",
        foreign words the lexicon does not know). "Tip top, ta" and "all gravy 😎" are not."""
        known, body = self.lex.vocabulary.known, self.lex.words("body_words")
        return any(
            w in TROUBLE_WORDS or w in body or w not in known or len(set(w)) == 1
            for w in self.news_words()
        )  # a part of the body, told of with thanks, may well be a symptom

    def news_words(self) -> list[str]:
        """The reply's words beyond greeting, thanks and names ("Thanks Sarah!")."""
        news = []
        for i, tok in enumerate(self.r.tokens):
            if not tok.is_word or tok.norm in COURTESY or tok.norm in TITLES or tok.norm == NAMED:
                continue  # "thank you dr patel"
            raw = self.r.text[tok.start : tok.end]
            if i and raw[:1].isupper() and not raw.isupper():
                continue  # a name after "thanks"
            news.append(tok.norm)
        return news
