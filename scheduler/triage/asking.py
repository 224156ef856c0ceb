"""Rules about what a reply asks: a question for a person, a general question that is no
report, or a request to stop the texts."""

from __future__ import annotations

import re
from functools import cached_property

from .lexicon import Lexicon
from .model import Finding
from .people import ASKING_VERBS, NEEDLE_SITES
from .reading import Reading
from .text import SIGN_OFF

# A reply that opens with a carrier keyword set apart ("Stop pls 🙏 feel fine", "STOP, all
# good") asks to stop, whatever follows; "stop by friday?" and "stop the pain" do not.
# Not "cancel" or "end": "Cancel, can't make Thursday" is about an appointment.
CLOSING_STOPS = {"stop", "unsubscribe", "unsub", "stopall"}
LEADING_KEYWORD = re.compile(
    r"^\W*(?:(?:ok|okay|right|please|pls)[\s,]+)?(?:stop|stopall|unsubscribe|unsub|quit|optout)"
    r"(?:(?:\s+(?:please|pls|plz|po|now|thanks|thank\s+you|thx|ty|ta|cheers|asap|x+))*\s*(?:[^\w\s'’]|$)"
    r"|\s+(?:please|pls|plz)\b)",  # "stop pls i get it": asked, whatever follows
    re.IGNORECASE,
)
# A closing keyword set apart, in a reply about our messages: "these texts are killing me
# lol, stop" (not "can't stop": no comma before it).
TRAILING_KEYWORD = re.compile(
    r"[,.!;]\s*(?:stop|unsubscribe|unsub)(?:\s+(?:please|pls|plz|now|it))*"
    r"(?:[\s,.!]*" + SIGN_OFF + r")*\s*[.!]*\s*$",
    re.IGNORECASE,
)
# "stop stop stop im ok": the keyword said over and over is the keyword, whatever follows.
REPEATED_STOP = re.compile(r"^\W*stop[\s,.!]+stop\b", re.IGNORECASE)
# An opening "STOP" in capitals is the keyword, even run on: "STOP bit sore but ok" (not
# "STOP by the pharmacy on your way home", a visit).
SHOUTED_KEYWORD = re.compile(
    r"^\W*(?:STOP|STOPALL|UNSUBSCRIBE|UNSUB)\b(?!\s+[A-Z])(?!\s+(?:by|off|over|round|into)\b)"
)


ACTING = {"worry", "panic", "call", "ring", "phone", "contact", "seek"}
THINGS = {"something", "thing", "anything", "symptom", "effect", "reaction"}
OUR_DOING = {"texting", "messaging", "sending", "contacting", "emailing", "calling", "ringing"}
STOP_REACH = 7  # words from a wish to stop to the messages it is said of
REPORTING = {"telling", "told", "tells", "wants", "wanted", "asked", "asking", "begging"}


ALSO = {"either", "too", "aswell"}  # "no newsletter either": refused as well


class AskingRules:
    """Mixed into the Judge: `r` is the reading, `lex` the lexicon, `findings` so far."""

    r: Reading
    lex: Lexicon
    findings: list[Finding]
    asked_in_form: list[tuple[int, int]]

    def is_question_sentence(self, start: int) -> bool:
        return self.r.tokens[start].sentence in self.r.question_sentences

    def general_question(self, start: int) -> bool:
        """ "Is dizziness normal after a session?" asks about symptoms in general: nobody in
        the sentence has them ("is it normal that I'm this dizzy?" reports one)."""
        sentence = self.r.tokens[start].sentence
        if sentence not in self.r.question_sentences or self.r.has("happened_markers", sentence):
            return False  # "what if the swelling comes back?" says it was there
        # ("something that can happen": that "that" points at nothing the writer has)
        words = {
            self.r.tokens[i].norm
            for i in self.r.sentences[sentence]
            if not (self.r.tokens[i].norm == "that" and self.that_points_at_nothing(i))
            and not self.the_asker_acting(i)
        }
        # "is it normal to feel dizzy?" is someone feeling it: only a symptom asked about as
        # a thing ("is dizziness normal?") is general
        personal = self.lex.words("self") | self.lex.words("present_state")
        if self.r.has("big_one") or self.r.self_confirmed:
            return False  # "is bruising normal? I've got a pretty big one", "mine does"
        if self.r.has("just_asking"):
            return True  # "is it common to feel dizzy? I'm fine, just curious"
        if self.stated_before_the_question(start):
            return False  # "yellow pus coming out, do I need to go to hospital?"
        if self.r.has("worth_asking_about", sentence):
            return True  # "is fever something I should watch out for"
        if self.r.has("in_general", sentence) and not words & personal:
            return True  # "how long does the soreness usually last?"
        if self.the_one_they_have(start, sentence):
            return False  # "when will the swelling go down?", "why is the pain intensifying?"
        return not words & (personal | self.lex.words("experiencing"))

    def the_asker_acting(self, i: int) -> bool:
        """ "how big does a bruise have to be before I worry?": that "I" is who would act
        on the symptom, not who has it."""
        nxt = self.r.tokens[i + 1].norm if i + 1 < len(self.r.tokens) else ""
        return self.r.tokens[i].norm == "i" and nxt in ACTING

    def that_points_at_nothing(self, i: int) -> bool:
        """ "something that can happen", "fever, that kind of thing": no "that dizzy"."""
        nxt = self.r.tokens[i + 1].norm if i + 1 < len(self.r.tokens) else ""
        if nxt in ("kind", "sort", "type"):
            return True
        last = i + 1 >= len(self.r.tokens) or not self.r.tokens[i + 1].is_word
        if i and self.r.tokens[i - 1].norm == "or" and last:
            return True  # "like a temperature or that?"
        return self.r.tokens[i - 1].norm in THINGS and nxt in (
            "can", "could", "might", "may", "happens"
        )

    def the_one_they_have(self, start: int, sentence: int) -> bool:
        """ "the swelling", "the pain", "the needle spot" in a question: the one the writer
        has, not swelling in general ("can acupuncture cause swelling?")."""
        body = self.lex.words("body_words")
        sites = NEEDLE_SITES | {"point", "site", "hole", "mark"}
        words = self.r.sentences[sentence]
        for j in words:
            if j >= start or self.r.tokens[j].norm != "the" or j + 1 >= len(self.r.tokens):
                continue
            nxt = self.r.tokens[j + 1]
            if j + 1 == start or nxt.norm in body:
                return True
            # "for the needle spot to have a yellow crust": a state it is in (not "for the
            # needle spots to swell up", which may be asked ahead)
            after = " ".join(t.norm for t in self.r.tokens[j + 2 : j + 5])
            if nxt.norm in sites and re.match(r"(?:\w+ )?(?:to have|to be|is|has|looks)\b", after):
                return True
        return False

    def stated_before_the_question(self, start: int) -> bool:
        """The finding's own clause (between commas) is a statement: it neither opens with
        a question nor ends in "?", and a question follows it in the sentence."""
        r, text = self.r, self.r.text
        first = start
        while first > 0 and r.tokens[first - 1].sentence == r.tokens[start].sentence:
            if "," in text[r.tokens[first - 1].end : r.tokens[first].start]:
                break
            first -= 1
        last = start
        while last + 1 < len(r.tokens) and r.tokens[last + 1].is_word:
            if "," in text[r.tokens[last].end : r.tokens[last + 1].start]:
                break
            last += 1
        if last + 1 < len(r.tokens) and r.tokens[last + 1].norm == "?":
            return False  # the clause is the question itself
        if "¿" in text[r.tokens[first - 1].end if first else 0 : r.tokens[first].start]:
            return False  # "¿y si sale pus ...?": Spanish opens its questions
        opens = first in r.starts("question_starts")
        return not opens and last + 1 < len(r.tokens) and r.tokens[last + 1].is_word

    @cached_property
    def stop_requests(self) -> list[int]:
        """Where a reply asks for the texts to stop: a known phrase ("no more messages"), or
        a wish to stop said of our messages a few words on ("Stop it with the messages", "I
        don't wish to receive any more of these texts", "i want out of these reminders")."""
        r = self.r
        found = [
            s
            for s, e in r.occurrences("opt_out_phrases")
            if not self.stop_doing(e) and not self.wished_to_stop(e)
        ]
        ours = [s for s, _ in r.occurrences("our_messages")]
        for s, e in r.occurrences("stop_wishes"):
            if r.tokens[e - 1].norm == "more" and e < len(r.tokens) and r.tokens[e].norm == "than":
                continue  # "no more than a text away"
            if any(e <= m <= e + STOP_REACH and self.said_of_our_messages(e, m) for m in ours):
                found.append(s)
        return found

    def closing_stop(self, words: list[int]) -> bool:
        """A clause that closes its sentence with "stop" and nothing else of news ("nah
        actually, stop."; not "Cancel, can't make Thursday")."""
        r, allowed = self.r, self.lex.words("polite") | CLOSING_STOPS
        if not words or r.sentences[r.tokens[words[0]].sentence][-1] != words[-1]:
            return False
        norms = [r.tokens[i].norm for i in words]
        return bool(set(norms) & CLOSING_STOPS) and all(w in allowed for w in norms)

    def wished_to_stop(self, e: int) -> bool:
        """ "I don't want the messages to stop": the phrase goes on to wish on the stop."""
        after = [t.norm for t in self.r.tokens[e : e + 2]]
        return after in (["to", "stop"], ["to", "end"])

    def stop_doing(self, e: int) -> bool:
        """ "Dad says stop fussing": a stop said of something else the reader does."""
        r = self.r
        if r.tokens[e - 1].norm != "stop" or e >= len(r.tokens):
            return False
        nxt = r.tokens[e].norm
        return r.tokens[e].is_word and nxt.endswith("ing") and nxt not in OUR_DOING

    def said_of_our_messages(self, e: int, m: int) -> bool:
        """The messages in the wish's own clause, and not wished on: "I don't want the
        messages to stop" wants them."""
        r = self.r
        if "," in r.text[r.tokens[e - 1].end : r.tokens[m].start]:
            return False  # "done with work, got your text"
        after = [t.norm for t in r.tokens[m + 1 : m + 3]]
        wished_on = after[:1] == ["to"] and after[1:] in (["stop"], ["end"], ["continue"], ["keep"])
        return r.tokens[e - 1].sentence == r.tokens[m].sentence and not wished_on

    def judge_questions(self) -> None:
        """A question is for a person to answer (review), unless it asks to opt out."""
        out_sentences = {self.r.tokens[s].sentence for s in self.stop_requests}
        mailings = self.r.has("other_mailings")  # "how do I unsubscribe from the newsletter?"
        for sentence in self.r.question_sentences:
            asks_more = sentence in out_sentences and self.asks_more(sentence)
            if sentence in out_sentences and not mailings and not asks_more:
                continue  # "can you stop texting me?" asks to opt out, not a question
            if not asks_more and self.about_our_texts(sentence):
                continue  # "why do you keep texting me?? STOP": a complaint beside the stop
            if self.answered_no(sentence):
                continue  # "the sharp pain? no, none of that": asked and answered
            words = self.r.sentences[sentence]
            if self.set_out_as_a_form(words[0]):
                continue  # "Q: any issues? A: none": the writer's layout, answered

            phrase, span = self.r.phrase_text(words[0], words[-1] + 1)
            self.findings.append(Finding("review", phrase, span, "question"))

    def set_out_as_a_form(self, first: int) -> bool:
        start = self.r.tokens[first].start
        return any(q <= start < a for q, a in self.asked_in_form)

    def asks_more(self, sentence: int) -> bool:
        """ "Stop texting me pls, and also can I get a copy of my receipt?": past the stop,
        the sentence asks something else."""
        first = min(s for s in self.stop_requests if self.r.tokens[s].sentence == sentence)
        words = [k for k in self.r.sentences[sentence] if k > first]
        return bool(self.r.starts("question_starts").intersection(words))

    def about_our_texts(self, sentence: int) -> bool:
        """A question about our messages in a reply that asks them to stop: "will these ever
        stop? Please stop them.", "why do you keep texting me?? STOP"."""
        if not self.opt_out_requested:
            return False
        words = self.r.sentence_words(sentence)
        messages = self.r.occurrences("our_messages")
        ours = any(self.r.tokens[s].sentence == sentence for s, _ in messages)
        return ours or bool(words & (OUR_DOING | {"these"}))

    def judge_requests_about_other_mailings(self) -> None:
        """ "take me off your newsletter", "stop the promotional texts, I only want the
        check-ins": a request a person at the clinic must act on (review), and no opt-out."""
        r = self.r
        mailings = r.occurrences("other_mailings")
        keywords = self.lex.words("opt_out_words")
        asked = self.stop_requests or any(t.norm in keywords for t in r.tokens)
        if mailings and asked and not self.all_mailings_to_stop():
            if r.has("retraction"):
                return  # "STOP. sorry, wrong thread, that was meant for the gym's texts"
            s, e = mailings[0]
            phrase, span = r.phrase_text(s, e)
            self.findings.append(Finding("review", phrase, span, "request-about-other-mailings"))

    @cached_property
    def timed_stop_requests(self) -> list[int]:
        """ "pls dont text me during work hours, after 6pm is fine": a stop said with when to
        text asks for other times (a person changes them), not to end the texts."""
        r = self.r
        other_times = r.has("texting_times") and r.has("times_that_suit")
        if r.has("for_good") or not other_times:
            return []  # "stop texting me during work hours. or at all actually."
        return self.stop_requests

    def judge_requests_about_texting_times(self) -> None:
        if self.timed_stop_requests:
            words = self.r.sentences[self.r.tokens[self.timed_stop_requests[0]].sentence]
            phrase, span = self.r.phrase_text(words[0], words[-1] + 1)
            self.findings.append(Finding("review", phrase, span, "request-about-texting-times"))

    def all_mailings_to_stop(self) -> bool:
        return self.ours_listed_with_other_mailings() or self.other_mailings_stopped_too()

    def other_mailings_stopped_too(self) -> bool:
        """ "stop texting me, and the newsletter too", "no promos either": past a stop of our
        texts, the other mailings are refused as well, so everything is to stop."""
        r, norms = self.r, self.r.norms

        def apart(stop: int, mailing: int) -> bool:  # not "unsubscribe me from X too"
            between = norms[stop:mailing]
            sentences = r.tokens[stop].sentence != r.tokens[mailing].sentence
            return sentences or r.comma_between(stop, mailing) or "and" in between

        def as_well(e: int) -> bool:
            return bool(ALSO & set(norms[e : e + 2])) or norms[e : e + 2] == ["as", "well"]

        return any(
            as_well(e) and any(stop < s and apart(stop, s) for stop in self.stop_requests)
            for s, e in r.occurrences("other_mailings")
        )

    def ours_listed_with_other_mailings(self) -> bool:
        """ "Don't want reminders or check-ins or marketing, none of it": our texts in one
        list with the other mailings, so all of them are to stop (not "stop the promotional
        texts, I only want the check-ins")."""
        joins = {"or", "and", "nor", "the", "your", "any"}
        return any(
            0 <= m - e <= 2 and all(self.r.tokens[k].norm in joins for k in range(e, m))
            for _, e in self.r.occurrences("our_messages")
            for m, _ in self.r.occurrences("other_mailings")
        )

    def answered_no(self, sentence: int) -> bool:
        """ "the sharp pain? no": a short echo of our question, answered no."""
        words = self.r.sentences[sentence]
        if len(words) > 4 or self.r.tokens[words[0]].norm in ASKING_VERBS:
            return False  # "Can I take ibuprofen? No pain really": asked of us, not echoed
        last = words[-1]
        after = [t.norm for t in self.r.tokens[last + 1 : last + 4] if t.is_word]
        return bool(after) and after[0] in self.lex.words("negation_after")

    def wished_against(self, start: int) -> bool:
        """ "I don't want to stop these!", "wouldn't want these to end": wanting them kept."""
        before = {self.r.tokens[j].norm for j in range(max(0, start - 3), start)}
        return bool(before & {"dont", "not", "wouldnt", "never"}) and bool(
            before & {"want", "wanna", "wish", "need"}
        )

    def reported(self, start: int) -> bool:
        """ "my husband keeps telling me to stop texting the clinic": someone else's words."""
        before = [self.r.tokens[j].norm for j in range(max(0, start - 3), start)]
        # (a carer relaying the patient's wish is the patient's: "she's asked me to unsubscribe")
        return before[1:] == ["me", "to"] and before[0] in REPORTING and not self.r.people.on_behalf

    @cached_property
    def opt_out_requested(self) -> bool:
        """STOP-like keywords as a whole message or sentence, or a plain request to stop;
        not one taken back ("actually wait") nor one about emails ("unsubscribe me from
        your newsletter")."""
        r = self.r
        if r.has("other_mailings") and not self.all_mailings_to_stop():
            return False
        keywords = self.lex.words("opt_out_words")
        requests = self.stop_requests + [i for i, t in enumerate(r.tokens) if t.norm in keywords]
        # "unsubscribe. actually wait, ...": taken back after it (not "ignore my last text
        # (it was for my son). And please stop these check-ins", nor "keep em coming... nah
        # actually, stop")
        if any(
            not requests or s > min(requests) or any(s <= q < e for q in requests)
            for s, e in r.occurrences("retraction")
        ):
            return False  # or taken back as it is told: "sorry I said stop earlier"
        if any(
            not r.negated_right_before(start)
            and not self.reported(start)
            and not self.wished_against(start)
            and start not in self.timed_stop_requests
            for start in self.stop_requests
        ):
            return True  # ...but "don't stop the texts" is no request to stop
        allowed = keywords | self.lex.words("polite")
        for words in r.sentences:
            norms = [r.tokens[i].norm for i in words]
            if any(w in keywords for w in norms) and all(w in allowed for w in norms):
                return True
        if any(self.closing_stop(words) for words in r.people.clauses):
            return True  # "keep em coming... nah actually, stop."
        keyword = (LEADING_KEYWORD, SHOUTED_KEYWORD, REPEATED_STOP)
        if any(pattern.match(r.text) for pattern in keyword):
            return True
        ours = r.occurrences("our_messages") or any(t.norm == "these" for t in r.tokens)
        if TRAILING_KEYWORD.search(r.text) and ours:
            return True  # "these texts are killing me lol, stop"
        all_words = [t.norm for t in r.tokens if t.is_word]
        return self.lex.is_phrase("opt_out_phrases", " ".join(all_words))
