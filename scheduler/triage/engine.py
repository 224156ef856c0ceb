"""The triage engine: findings from the lexicon, scores and temperatures, read in context,
combined into one label. Pure: same text and check-in, same assessment."""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import replace

from .asking import AskingRules
from .courtesy import CourtesyRules
from .kinds import CONTRAST, PAIN_WORDS, KindRules, Match
from .lexicon import Lexicon, default_lexicon
from .model import Assessment, Finding, PainThresholds, most_severe
from .numbers import WEEKDAY, NumberFinding
from .people import DETERMINERS, TREATMENT
from .reading import SIGN_OFF_WORDS, SUBJECTS, Reading
from .text import (
    SIGN_OFF,
    as_form_answers,
    form_questions,
    stem,
    with_chest_for_chess,
    with_corrections,
    with_lines_joined,
    with_spoken_marks,
    without_greeting,
    without_our_text,
    without_quotes,
    without_signature,
)

# "2 at rest, 5 when moving": two scores of two moments, not a pain that rose
# what a score right before these words rates: not the pain
# What an old finding does when it is news again: "it's back again", "been more since"
RETURNS = {"again", "more", "worse", "returned", "flared"}
CAME_BACK = {"its", "is", "came", "come", "comes", "coming"}  # "it's back", not "my back"
# Taking a remedy: "took paracetamol for the throbbing", "popped an ibuprofen for it"
TAKING = {"took", "take", "takes", "taking", "popped", "used", "using", "applied", "tried",
          "trying", "had", "having"}  # fmt: skip
# "less than my usual period cramps", "not as bad as a migraine": what measures a pain
YARDSTICK_WORDS = {"my", "a", "an", "the", "usual", "normal", "typical", "regular", "monthly",
                   "average", "old", "worst"}  # fmt: skip
AS_BAD = {"bad", "strong", "painful", "sore", "much", "severe"}
WHERE_ON = {"near", "on", "around", "round", "by", "under", "above", "below", "along"}
# Words that start a likeness: "tight like when my asthma used to flare up"
LIKENING = {"like", "reminds", "similar", "same"}
# "pain back of my knee", "swelling back down": "back" as a place or direction
PLACES_AFTER_BACK = {"of", "to", "home", "down", "up", "at", "in", "on", "from", "into", "out",
                     "off", "there", "here"}  # fmt: skip
RATED = {"session", "sessions", "treatment", "service", "experience", "clinic", "acupuncture",
         "effort", "rpe", "intensity"}  # fmt: skip
# What else patients score out of ten: "a solid 9/10 for mood"
NOT_PAIN_RATED = {"sleep", "stress", "anxiety", "relaxation", "vibes", "happiness", "wellbeing",
                  "calm", "staff", "effort", "relaxing", "chill", "energy", "mood", "focus",
                  "motivation", "appetite"}  # fmt: skip
SIGN_OFFS = re.compile(r"\b" + SIGN_OFF, re.IGNORECASE)
# "weird but nice": an oddness the patient enjoys, no ambiguity
PLEASANT = {"nice", "good", "great", "lovely", "pleasant", "relaxing", "amazing"}
YOU = {"you", "u", "ya", "youve", "uve"}  # "idk what u did but ...": thanks
AHEAD_OF_A_FEAR = {"going", "gonna", "about"}  # "thought I was going to faint": felt
# Words by which a later sentence goes on about a finding told before it
REFERS_BACK = {"it", "its", "they", "them", "again", "back", "since", "still", "ever", "more",
               "worse"}  # fmt: skip
OPINION_VERBS = {"reckons", "reckon", "says", "said", "thinks", "believes", "reads", "read"}
GENERAL_PREDICATES = {"sign", "signs", "means", "mean", "together", "common", "usually", "warning"}
COPULAS = {"was", "is", "were", "are", "s"}
BETTER_THINGS = {"sleep", "headaches", "headache", "migraine", "migraines", "symptoms", "pain"}
READ_WELL = ("pain-score", "small-bruise", "temperature")  # findings read past other words
LINKING = COPULAS | {"has", "have", "had"}  # "my asthma has been fine"
# Words that say a score is the pain's, before it in its sentence: "my back is killing me -
# I would rate it a 9/10"
ABILITY = {"can", "able", "move", "turn", "bend", "walk", "lift", "reach", "rotate", "raise"}
RESTATED = re.compile(r"\b(?:maybe|wait|actually|or|prob|probably|more like|i mean|sorry)\b")
LATER = re.compile(r"\b(?:today|now|tonight|this morning|y(?:esterday|day|est)|last night|since)\b")
EARLIER_DAY_BEFORE = re.compile(
    r"\b(?:y(?:esterday|day|est)|last night|earlier|before|" + WEEKDAY + r")\s*[:=-]?\s*$"
)
TODAY_OPENS = re.compile(r"(?:today|now|tonight|this morning)\b")
BETWEEN_BEFORE = re.compile(r"\bbetween\s+$")
PAST_AFTER_SCORE = re.compile(
    r"[^a-z]*(?:/\s*10\s*)?(?:yesterday|yday|last night|before|earlier)\b"
)
# "3 at rest, 8 when I walk": a spread over situations, no rise (but "a 4 when i left the
# clinic, now a 6" and "a 1 when i went to bed, woke up at a 4" tell of times gone by)
SITUATIONS = re.compile(
    r"\b(?:at rest|when(?!\s+i\s+(?:left|got|went|came|arrived|woke))|while|walking|moving|"
    r"sitting|standing|lying)\b"
)


class Triage:
    """An engine built from a lexicon (a clinic's own, or the packaged one)."""

    def __init__(
        self, lexicon: Lexicon | None = None, thresholds: PainThresholds | None = None
    ) -> None:
        self.lexicon = lexicon or default_lexicon()
        self.thresholds = thresholds or PainThresholds()

    def assess(
        self,
        text: str,
        checkin: str = "24h",
        *,
        thresholds: PainThresholds | None = None,
        sent: str = "",
    ) -> Assessment:
        """Label one reply. `sent` is the text it answers, if known: quoted back, it is
        ours, not the patient's ("...any soreness, bruising, dizziness...")."""
        if checkin not in ("24h", "48h"):
            raise ValueError(f"checkin must be '24h' or '48h', got {checkin!r}")
        if not text or not text.strip():
            return Assessment("review", (Finding("review", "", (0, 0), "empty-reply"),))
        compact, cuts = compacted(text)
        found = self._assess(compact, checkin, thresholds, sent)
        return with_spans_in(found, cuts) if cuts else found

    def _assess(
        self, text: str, checkin: str, thresholds: PainThresholds | None, sent: str
    ) -> Assessment:
        vocabulary = self.lexicon.vocabulary
        theirs = without_our_text(text, sent)
        asked_in_form = form_questions(theirs)
        theirs = as_form_answers(theirs, asked_in_form)
        own_words = without_signature(
            with_lines_joined(
                without_quotes(
                    without_greeting(with_corrections(with_spoken_marks(with_chest_for_chess(theirs))))
                )
            ),
            known=vocabulary.words.__contains__,
            near_known=lambda word: bool(vocabulary.lookup(word)),
        )
        if not own_words.strip() or (theirs != text and courtesy_only(own_words)):
            # only our question quoted back, a link or a photo's placeholder (and "thanks"):
            # what they meant to say is not in the words, so a person looks
            return Assessment("review", (Finding("review", "", (0, 0), "nothing-of-their-own"),))
        reading = Reading(own_words, self.lexicon)
        judge = Judge(reading, checkin, thresholds or self.thresholds, asked_in_form)
        return judge.assessment()


class Judge(KindRules, AskingRules, CourtesyRules):
    """Reads one reply and decides."""

    def __init__(
        self,
        reading: Reading,
        checkin: str,
        thresholds: PainThresholds,
        asked_in_form: list[tuple[int, int]] | None = None,
    ) -> None:
        self.r, self.checkin, self.thresholds = reading, checkin, thresholds
        self.asked_in_form = asked_in_form or []  # "Q: ... A: ...": the writer's layout
        self.lex = reading.lexicon
        self.findings: list[Finding] = []

    # --- the decision ---------------------------------------------------------------
    def assessment(self) -> Assessment:
        for match in self.concept_matches():
            self.judge_concept(match)
        self.judge_scores()
        self.judge_temperatures()
        wants_out = self.opt_out_requested
        self.judge_questions()
        self.judge_requests_about_other_mailings()
        self.judge_requests_about_texting_times()
        label = most_severe([f.label for f in self.findings if f.counted])
        if (label == "normal" or (label is None and wants_out)) and self.mostly_unread():
            # "boli mnie głowa i trochę mnie mdli" read as "pain" alone, "stop cu mesajele,
            # sunt la urgente ..." as a stop: too little was read to reassure the writer or
            # to say nothing else is told (a stop read is still honoured)
            span = (0, len(self.r.text))
            self.findings.append(Finding("review", self.r.text, span, "mostly-unread"))
            label = "review"
        if label in (None, "normal") and wants_out:
            label = "opt_out"
        elif label is None:
            label = self.fallback_label()
        ordered = tuple(sorted(self.findings, key=lambda f: f.span))
        return Assessment(label, ordered, wants_out)

    def a_thing_been_better(self, m: Match) -> bool:
        """ "migraines have been better", "my back has been better since": a symptom that
        has improved, not the writer's "I've been better"."""
        norms = self.r.norms
        if norms[m.start : m.end] != ["been", "better"] or m.start < 2:
            return False
        subject = norms[m.start - 2]
        things = self.lex.words("body_words") | self.lex.words("conditions") | BETTER_THINGS
        named = subject in things or subject[:-1] in things  # "migraines", "backs"
        return norms[m.start - 1] in ("have", "has") and named

    def worry_since_eased(self, m: Match) -> bool:
        """A worry told as past ("was a bit worried") with a "but" later in its sentence."""
        norms = self.r.norms
        if norms[m.start] not in ("worried", "concerned", "worrying"):
            return False
        before = norms[max(0, m.start - 3) : m.start]
        sentence = self.r.tokens[m.start].sentence
        turned = any(
            norms[k] == "but" and self.r.tokens[k].sentence == sentence
            for k in range(m.end, len(norms))
        )
        return bool(set(before) & {"was", "were", "had"}) and turned

    def mostly_unread(self) -> bool:
        """More than half of a reply's words (three or more) are no English the engine
        knows: another language, where a word it did read may not be the news."""
        if any(f.counted and f.rule.startswith(READ_WELL) for f in self.findings):
            return False  # "Ağrı 4/10 civarı": a score, or "pea-sized", says it all
        known = self.lex.vocabulary.known
        words = [t.norm for t in self.r.tokens if t.is_word and not t.norm[:1].isdigit()]
        unknown = [w for w in words if w not in known and w not in self.lex.vocabulary.words]
        return len(words) >= 3 and 2 * len(unknown) > len(words)

    # --- concepts -------------------------------------------------------------------
    def booking_already_made(self, m: Match) -> bool:
        """ "rebooked for next month", "I've rescheduled to Friday": the change told as done
        by the writer (not "can I get rebooked", "need to be rescheduled")."""
        first = self.r.tokens[m.start]
        if not self.r.text[first.start : first.end].lower().endswith("ed"):
            return False
        before = self.r.norms[max(0, m.start - 2) : m.start]
        return not {"be", "been", "get", "getting", "got", "being"} & set(before)

    def reason_for_treatment(self, start: int) -> bool:
        """ "had it done on my ear for anxiety", "the headaches I came in for": what the
        patient came in for."""
        if any(e == start for _, e in self.r.occurrences("treated_for")):
            return not self.remedy_taken_for(start)
        return any(start < s <= start + 3 for s, _ in self.r.occurrences("original_complaint"))

    def a_yardstick(self, start: int) -> bool:
        """ "mild ache, less than my usual period cramps", "not as bad as a migraine": a
        symptom named to measure by, not one the patient has."""
        k = start - 1
        while k >= 0 and self.r.tokens[k].norm in YARDSTICK_WORDS:
            k -= 1
        if k < 0:
            return False
        word = self.r.tokens[k].norm
        return word == "than" or (word == "as" and k > 0 and self.r.tokens[k - 1].norm in AS_BAD)

    def remedy_taken_for(self, start: int) -> bool:
        """ "took my usual sumatriptan for the headache": what a remedy was taken for is a
        symptom the patient has (not "had it done for my migraines": the treatment's)."""
        norms, sentence = self.r.norms, self.r.tokens[start].sentence
        before = [
            norms[k]
            for k in range(max(0, start - 7), start)
            if self.r.tokens[k].sentence == sentence
        ]
        if "for" not in before:
            return False
        told = before[: len(before) - before[::-1].index("for") - 1][-5:]
        return bool(set(told) & TAKING) and not set(told) & (TREATMENT | {"it", "done", "in"})

    def condition_as_context(self, m: Match) -> bool:
        """ "feel great (migraine sufferer)", "my asthma's not flared at all", "my GP handles
        my asthma follow up": a condition the patient lives with, named beside the news."""
        if not self.r.canon(m.start) & self.lex.words("conditions"):
            return False
        after = m.end + (m.end < len(self.r.tokens) and self.r.tokens[m.end].norm in LINKING)
        return any(s in (m.end, after) for s, _ in self.r.occurrences("condition_as_context"))

    def concept_matches(self) -> list[Match]:
        blocked = self.r.idiom_tokens
        best: dict[tuple[str, int], Match] = {}
        for i, tok in enumerate(self.r.tokens):
            if not tok.is_word or i in blocked:
                continue
            for word in self.r.canon(i):
                for concept, term in self.lex.index.get(word, ()):
                    end = self.r.match_at(i, term)
                    if end is None or any(k in blocked for k in range(i, end)):
                        continue
                    key = (concept.name, i)
                    if key not in best or end > best[key].end:
                        best[key] = Match(concept, i, end)
        matches = sorted(best.values(), key=lambda m: (m.start, -m.end))
        # A paired term without its partner is no match, and hides nothing: "a red spot by
        # the needle" is redness at a site even though "red spot" spreading needs a partner.
        # a paired term needs its partner, and an ability ("catch my breath") its denial,
        # before it may hide a shorter term inside it
        return drop_nested(
            [
                m
                for m in matches
                if (not m.concept.near or self.near_word(m))
                and (m.concept.kind != "inability" or self.unable(m))
            ]
        )

    def judge_concept(self, m: Match) -> None:
        decided = self.label_for(m)
        if decided is None:
            return
        label, rule = decided
        if rule == "ambiguous" and any(s == m.start for s, _ in self.r.occurrences("hypothetical")):
            return  # "worried it'd be the worst pain ever, but I barely felt it": a fear, told
        phrase, span = self.r.phrase_text(m.start, m.end)
        if rule == "ambiguous" and self.a_thing_been_better(m):
            return  # "migraines have been better": they improved (not "I've been better")
        if rule == "ambiguous" and self.worry_since_eased(m):
            # "I was a bit worried after the first night ..., but today they're a lot looser"
            self.findings.append(Finding(label, phrase, span, "worry-since-eased", False))
            return
        if rule == "ambiguous" and self.doubt_about_something_else(m):
            self.findings.append(Finding(label, phrase, span, "doubt-about-something-else", False))
            return
        if rule == "booking-request" and self.booking_already_made(m):
            # "rebooked for next month already via the app": done, nothing to act on
            self.findings.append(Finding(label, phrase, span, "booking-already-made", False))
            return
        if label == "review" and self.reason_for_treatment(m.start):
            self.findings.append(Finding(label, phrase, span, "reason-for-treatment", False))
            return
        if label == "review" and self.a_yardstick(m.start):
            self.findings.append(Finding(label, phrase, span, "yardstick", False))
            return
        if label == "review" and self.condition_as_context(m):
            self.findings.append(Finding(label, phrase, span, "condition-as-context", False))
            return
        self.add(label, phrase, span, rule, m.start, m.end, m.concept.kind == "inability")

    def no_actual_one_after(self, start: int, end: int) -> bool:
        """The same word said again later in the sentence, denied as the real thing: "no
        actual bruise", "not a real swelling"."""
        norms, sentence = self.r.norms, self.r.tokens[start].sentence
        said = stem(norms[start])
        return any(
            self.r.tokens[k].sentence == sentence
            and norms[k] in ("actual", "real", "visible")
            and (norms[k - 1] in ("no", "not") or norms[k - 2 : k] in (["not", "a"], ["not", "an"]))
            and stem(norms[k + 1]) == said
            for k in range(end + 1, len(norms) - 1)
        )

    def mistaken(self, start: int, end: int) -> bool:
        """ "I thought I had a fever last night but it was just the electric blanket": a
        belief the writer says was wrong (not "...but it was actually 38.5")."""
        norms, sentence = self.r.norms, self.r.tokens[start].sentence
        before = norms[max(0, start - 5) : start]
        believed = {("i", "had"), ("i", "got"), ("id", "got"), ("it", "was"), ("there", "was"),
                    ("i", "felt"), ("i", "was")}  # fmt: skip
        if not any(
            a == "thought" and (b, c) in believed and (c != "was" or d not in AHEAD_OF_A_FEAR)
            for a, b, c, d in zip(before, before[1:], before[2:], [*before[3:], ""], strict=False)
        ):
            return False  # (not "thought I was going to faint": that was felt)
        after = [t.norm for t in self.r.tokens[end : end + 10] if t.sentence == sentence]
        if "but" not in after:
            return False
        told = after[after.index("but") + 1 :][:5]  # ("but its just a tiny one": one still)
        # "...but it's not a bruise", "but no, not lightheaded" (not "but not sure")
        denied = bool(set(told) & {"not", "no"}) and "sure" not in told
        return (denied or bool(set(told) & {"just", "only", "nothing", "wasnt"})) and (
            "one" not in told
        )

    def add(
        self,
        label: str,
        phrase: str,
        span: tuple[int, int],
        rule: str,
        start: int,
        end: int,
        denial_is_the_finding: bool = False,
    ) -> None:
        """Record a finding, discounted when the context says it is not the patient's."""
        r = self.r
        reading = rule.startswith(("pain-score", "temperature"))
        denied = not denial_is_the_finding and (r.negated(start, end) or r.unsaid(start, end))
        if denied and rule == "bruising" and self.big_one_after(start):
            denied = False  # "haven't had any bruising except one big one on my calf"
        if denied and not (reading and r.denial_ended_before(start)):
            self.findings.append(Finding(label, phrase, span, "negated", counted=False))
            if rule in ("fainting", "near-fainting") and self.came_close(end):
                # "didn't faint but I nearly did"
                self.findings.append(Finding("complication", phrase, span, "near-fainting"))
            if label in ("emergency", "complication") and self.r.people.another_has_it(end):
                self.findings.append(Finding("review", phrase, span, "symptom-of-someone-else"))
            return
        if self.no_actual_one_after(start, end):
            # "bit bruise-y feeling but no actual bruise": a feeling like one, then denied
            self.findings.append(Finding(label, phrase, span, "denied-after", counted=False))
            return
        if self.mistaken(start, end):
            self.findings.append(Finding(label, phrase, span, "mistaken", counted=False))
            return
        # "felt like I might faint" describes a feeling; "if I start feeling faint" does not.
        concept = not rule.startswith(("pain-score", "temperature"))
        # "can u get Sarah to call me back": asking to be called is a request, asked or not
        called = rule == "contact-request" and "me" in r.norms[start:end]
        if not called and (
            r.hypothetical(
                start,
                ignore_within=2 if rule == "near-fainting" else 0,
                clause=rule == "temperature>=38C",  # a fever's reading, told in its own clause
            )
            or (label != "normal" and concept and self.general_question(start))
        ):
            self.findings.append(Finding(label, phrase, span, "hypothetical", counted=False))
            if label != "normal" and self.is_question_sentence(start):
                self.findings.append(Finding("review", phrase, span, "hypothetical-question"))
            return
        if self.said_in_general(start):
            # "My mum reckons fever and dizziness together is a bad sign": a saying
            self.findings.append(Finding(label, phrase, span, "said-in-general", counted=False))
            return
        if self.told_as_history(start, end) and not self.happened_since(start):
            self.findings.append(Finding(label, phrase, span, "history", counted=False))
            return
        if r.people.someone_else(start) and not r.people.names_the_writer(start, end):
            self.findings.append(Finding(label, phrase, span, "someone-else", counted=False))
            if rule != "ambiguous":  # "my sister worried", unlike her fever, is no symptom
                self.findings.append(Finding("review", phrase, span, "symptom-of-someone-else"))
            return
        if rule == "pain-getting-worse" and (
            self.been_worse(start)
            or self.worse_is_of_no_pain(start)
            or self.more_of_an_ability(start)
            or self.worse_back_then(start, end)
            or (end < len(self.r.tokens) and self.r.tokens[end].norm in ("ones", "one"))
        ):  # ("get worse ones off the cattle crush": a comparison of bruises)
            self.findings.append(Finding(label, phrase, span, "not-a-pain", counted=False))
            return
        flagged = label in ("emergency", "complication")
        if flagged and rule != "pain-getting-worse" and self.what_they_came_in_with(start):
            # "the pain was unbearable before the session, now it's just a mild ache"
            self.findings.append(Finding("normal", phrase, span, "original-complaint-eased"))
            return
        if flagged and not rule.startswith("48h") and r.resolved(start):
            if r.has("original_complaint", r.tokens[start].sentence):
                # "the sharp pain I came in with is gone": the treatment worked
                self.findings.append(Finding("normal", phrase, span, "original-complaint-gone"))
                return
            rule = "resolved-still-counts"
        self.findings.append(Finding(label, phrase, span, rule))

    def big_one_after(self, start: int) -> bool:
        """A big bruise told after a denied one, past a "but" or an "except"."""
        r, stops = self.r, self.lex.words("scope_end")
        sentence = r.tokens[start].sentence
        return any(
            s > start
            and r.tokens[s].sentence == sentence
            and any(r.tokens[k].norm in stops for k in range(start, s))
            for s, _ in r.occurrences("big_one")
        )

    def worse_back_then(self, start: int, end: int) -> bool:
        """ "Pain about 3/10 now, was worse yesterday": worse then, so better now."""
        r = self.r
        before = r.tokens[start - 1].norm if start else ""
        after = [t.norm for t in r.tokens[end : end + 2]]
        then = after[:1] in (["yesterday"], ["earlier"], ["before"]) or after in (
            ["last", "night"],
            ["this", "morning"],
        )
        return before in ("was", "were") and then

    def more_of_an_ability(self, start: int) -> bool:
        """ "I can turn my head more than before": more movement, which is no worse pain."""
        r = self.r
        if r.tokens[start].norm != "more":
            return False
        sentence = r.tokens[start].sentence
        return any(
            r.tokens[j].norm in ABILITY and r.tokens[j].sentence == sentence
            for j in range(max(0, start - 6), start)
        )

    def been_worse(self, start: int) -> bool:
        """ "4/10 at my desk, been worse": (I've) been worse, said as a clause of its own at
        the end, is "not bad" (not "it's been worse since Tuesday")."""
        r = self.r
        if start == 0 or r.tokens[start - 1].norm != "been" or r.tokens[start].norm != "worse":
            return False
        opens = start == 1 or r.comma_between(start - 2, start - 1)
        if start + 1 >= len(r.tokens):
            return opens
        nxt = r.tokens[start + 1]
        ends = not nxt.is_word or nxt.sentence != r.tokens[start].sentence
        return opens and (ends or nxt.norm in SIGN_OFF_WORDS)

    def worse_is_of_no_pain(self, start: int) -> bool:
        """ "my cold sore flared up", "the eczema I've had for years has flared up": what got
        worse, before it with no pain or part of the body between, is a symptom that is no
        pain."""
        r = self.r
        body = self.lex.words("body_words") | PAIN_WORDS
        # (past a comma only straight to the comparison: "Keep sneezing today, worse than
        # yesterday", not "cold sore's flared up, and my back is worse")
        return any(
            start - 6 <= e <= start
            and r.tokens[s].sentence == r.tokens[start].sentence
            and (not r.comma_between(e - 1, start) or r.comma_between(start - 1, start))
            # (a part named as where the thing is, "the acne near my jaw", is no subject)
            and not any(
                r.tokens[k].norm in body and not set(r.norms[max(0, k - 2) : k]) & WHERE_ON
                for k in range(e, start)
            )
            for s, e in r.occurrences("not_pain")
        )

    def said_in_general(self, start: int) -> bool:
        """A bare symptom (or a list of them) just after someone's "reckons" or "says", in a
        sentence that says what such things mean ("... together is a bad sign"), not what
        anyone has ("my wife reckons the bruise is bigger")."""
        for k in range(start - 1, max(-1, start - 5), -1):
            word = self.r.tokens[k].norm
            if word in OPINION_VERBS:
                words = self.r.sentence_words(self.r.tokens[start].sentence)
                return bool(words & GENERAL_PREDICATES)
            if word in DETERMINERS | SUBJECTS | {"you"} or not self.r.tokens[k].is_word:
                return False  # "said he felt dizzy" is his
        return False

    def told_as_history(self, start: int, end: int) -> bool:
        """A marker of long ago in the finding's sentence ("used to faint as a kid"), unless
        it is in a likeness told after the finding ("chest feels tight like when my asthma
        used to flare up as a kid": the chest is now), or the finding is told back now
        ("vertigo's back, had BPPV a few years ago")."""
        r = self.r
        sentence = r.tokens[start].sentence
        if self.back_again(end):
            return False
        return any(
            r.tokens[s].sentence == sentence
            and not (s >= end and any(r.tokens[k].norm in LIKENING for k in range(end, s)))
            for s, _ in r.occurrences("history")
        )

    def back_again(self, end: int) -> bool:
        """ "vertigo's back", "the dizziness is back", "numbness came back": the finding has
        returned (not "pain back of my knee", "swelling back down")."""
        norms = self.r.norms
        k = end
        while k < len(norms) and k < end + 2 and norms[k] in COPULAS | CAME_BACK | {"has"}:
            k += 1
        if k >= len(norms) or norms[k] != "back" or not self.r.adjacent(k - 1):
            return False
        nxt = norms[k + 1] if self.r.adjacent(k) else ""
        return nxt not in PLACES_AFTER_BACK

    def happened_since(self, start: int) -> bool:
        """A marker that the finding is new ("since the session"), not past a contrast:
        "had asthma as a teenager but breathing's been fine since the session" is history."""
        return any(
            self.said_of_it(start, s)
            and (
                not any(
                    self.r.tokens[k].norm in CONTRAST for k in range(min(s, start), max(s, start))
                )
                or self.back_after_the_contrast(start, s)
            )
            for s, _ in self.r.occurrences("happened_markers")
        )

    def said_of_it(self, start: int, marker: int) -> bool:
        """The marker is in the finding's sentence, or in one that goes on about it ("Used
        to faint as a kid. It happened again this morning"), not in news of the day ("Used
        to get dizzy spells. Took the dog out this morning")."""
        here, there = self.r.tokens[start].sentence, self.r.tokens[marker].sentence
        return here == there or bool(self.r.sentence_words(there) & REFERS_BACK)

    def back_after_the_contrast(self, start: int, marker: int) -> bool:
        """ "used to get pins and needles, thought it had gone but it's back again since the
        session", "chest pressure for years, but it's been more since Tuesday": past the
        contrast, the old finding returns or grows (not "but breathing's fine since")."""
        if marker < start:
            return False
        contrast = max(k for k in range(start, marker) if self.r.tokens[k].norm in CONTRAST)
        told = [t.norm for t in self.r.tokens[contrast + 1 : marker + 1] if t.is_word]
        fine = self.lex.words("normal") - SIGN_OFF_WORDS
        back = any(a in CAME_BACK and b == "back" for a, b in zip(told, told[1:], strict=False))
        return (back or bool(set(told) & RETURNS)) and not set(told) & fine

    def what_they_came_in_with(self, start: int) -> bool:
        """A finding told as what the patient had before the session ("came in with severe
        sciatica", "unbearable before the treatment"), and later said to be easing."""
        r = self.r
        sentence = r.tokens[start].sentence
        if not (r.has("original_complaint", sentence) or r.has("before_treatment", sentence)):
            return False
        if r.has("not_improving"):
            return False
        return any(s > start for s, _ in r.occurrences("improving")) or any(
            t.norm in ("mild", "milder") for t in r.tokens[start + 1 :]
        )

    def goes_on_about(self, m: Match, s: int) -> bool:
        """Token s is in one of the next two sentences, which speaks of "it": "The red patch
        was the size of a thumbnail. This morning it's gone round most of my leg"."""
        here, there = self.r.tokens[m.start].sentence, self.r.tokens[s].sentence
        return here < there <= here + 2 and bool(self.r.sentence_words(there) & {"it", "its"})

    def chest_goes_on_to(self, m: Match, s: int) -> bool:
        """ "it's my chest. feels like pressure": the chest ends its sentence and the next,
        with no subject of its own, says how it feels."""
        here = self.r.tokens[m.start].sentence
        words = self.r.sentences[here]
        nxt = self.r.sentences[here + 1] if here + 1 < len(self.r.sentences) else []
        return (
            bool(nxt)
            and words[-1] < m.end
            and self.r.tokens[s].sentence == here + 1
            and self.r.tokens[nxt[0]].norm in ("feels", "feel", "feeling", "like")
        )

    def chest_line_goes_on(self, m: Match) -> bool:
        """ "my chest\nhurts\nwhen I breathe in": the chest ends its line and the next
        opens with one of its sensations."""
        here = self.r.tokens[m.start].sentence
        words = self.r.sentences[here]
        if words[-1] >= m.end or len(words) > 3 or here + 1 >= len(self.r.sentences):
            return False  # (a line of its own, "my chest": not "bruise on my chest. tight jeans")
        nxt = self.r.sentences[here + 1]
        gap = self.r.text[self.r.tokens[words[-1]].end : self.r.tokens[nxt[0]].start] if nxt else ""
        if "\n" not in gap:
            return False
        return bool(self.r.canon(nxt[0]) & m.concept.near) and not self.r.negated_before(nxt[0])

    def near_word(self, m: Match) -> bool:
        """A paired concept ("chest" + "tight") needs its partner close by, not negated."""
        sentence = self.r.tokens[m.start].sentence
        # A chest's sensation is its own clause's; a spread or an effort is context anywhere.
        chest = m.concept.kind == "chest"
        if (
            m.concept.near_sentence
            and not (chest and self.said_to_be_fine(m))
            and any(
                (
                    self.r.tokens[s].sentence == sentence
                    or (self.chest_goes_on_to(m, s) if chest else self.goes_on_about(m, s))
                )
                and not self.r.negated_before(s)
                and not (chest and self.contrast_between(m, s))
                for s, _ in self.r.occurrences(m.concept.near_sentence)
            )
        ):
            return True
        if m.concept.near_growth and self.r.sizes_grew(sentence):
            return True
        if chest and self.chest_line_goes_on(m):
            return True
        if m.concept.near_growth and any(  # "redness round the needle mark / ... it's spreading"
            self.goes_on_about(m, j)
            and self.r.canon(j) & m.concept.near
            and not self.r.negated_before(j)
            and not self.r.hypothetical(j)  # "If it starts spreading should I come in?"
            for j in range(m.end, len(self.r.tokens))
        ):
            return True
        words = self.r.sentences[sentence]
        pos = words.index(m.start)
        lo, hi = (
            max(0, pos - m.concept.near_window),
            pos + m.concept.near_window + (m.end - m.start),
        )
        fine = self.said_to_be_fine(m)
        for j in words[lo : hi + 1]:
            if m.start <= j < m.end:
                continue
            if fine and (self.contrast_between(m, j) or self.comma_between(m, j)):
                # "chest fine, but sharp pain in my shoulder": the pain is elsewhere;
                # "I barely slept, breathing is fine": the partner is the sleep's
                continue
            # A negation inside the match itself ("can barely walk") is not the partner's.
            floor = m.end if j >= m.end else 0
            # "my chest isn't tight any more": a partner that was there and has passed;
            # "my chest doesnt hurt when im sitting, only when i walk": one denied, then told
            if self.r.canon(j) & m.concept.near and (
                not self.r.negated_before(j, floor)
                or self.r.gone_now(j + 1)
                or self.r.reversed_after(j + 1)
            ):
                return True
        return False

    def said_to_be_fine(self, m: Match) -> bool:
        """ "my chest is fine, ...": the term itself is said to be well."""
        fine = self.lex.words("normal") - SIGN_OFF_WORDS  # not a sign-off
        after = [t.norm for t in self.r.tokens[m.end : m.end + 3] if t.is_word]
        if set(after) & fine:
            return True
        # "chest and breathing totally fine": said of both, with no partner word between
        tokens = self.r.tokens
        if m.end >= len(tokens) or tokens[m.end].norm != "and":
            return False
        for k in range(m.end + 1, min(len(tokens), m.end + 5)):
            if not tokens[k].is_word or tokens[k].norm in m.concept.near:
                return False
            if tokens[k].norm in fine:
                return True
        return False

    def contrast_between(self, m: Match, s: int) -> bool:
        """A "but" between the term and a partner found elsewhere in its sentence."""
        lo, hi = (m.end, s) if s >= m.end else (s, m.start)
        return any(self.r.tokens[k].norm in CONTRAST for k in range(lo, hi))

    def comma_between(self, m: Match, s: int) -> bool:
        """A comma between the term and a partner found elsewhere in its sentence."""
        first, last = (m.end - 1, s) if s >= m.end else (s, m.start)
        return self.r.comma_between(first, last)

    def token_at(self, char: int) -> int:
        return self.r.token_at(char)

    def judge_scores(self) -> None:
        blocked = self.r.idiom_tokens
        rating = {self.r.tokens[s].sentence for s, _ in self.r.occurrences("rating_the_session")}
        scores = [
            s
            for s in self.r.scores
            if self.token_at(s.span[0]) not in blocked
            and (
                self.r.tokens[self.token_at(s.span[0])].sentence not in rating
                or self.names_the_pain(s)
            )
            # "10/10 session, back feels loads better", "10/10 sleep last night"
            and self.word_after(s) not in RATED | NOT_PAIN_RATED
            and not self.rated_for_something_else(s)
        ]
        scores = self.without_scores_before_treatment(scores)
        for s in scores:
            label, rule = self.thresholds.label_for(s.value)
            start = self.token_at(s.span[0])
            if (
                label == "normal"
                and s.value > 0
                and self.pain_not_improving_at_48h(self.r.tokens[start].sentence)
            ):
                label, rule = "complication", "48h-pain-not-improving"  # "still a 5 at 48 h"
            phrase = self.r.text[s.span[0] : s.span[1]]
            self.add(label, phrase, s.span, rule, start, self.token_at(s.span[1] - 1) + 1)
        # "mine's like a 2. my husband stubbed his toe and says it's a 9/10": not a rise
        # nor "what if it goes up to a 9 overnight?": no rise told
        own = [
            s
            for s in scores
            if not self.r.people.someone_else(self.token_at(s.span[0]))
            and not self.r.hypothetical(self.token_at(s.span[0]))
            # nor "Pain is 4/10 not 9/10": a score taken back
            and not self.r.negated(self.token_at(s.span[0]), self.token_at(s.span[1] - 1) + 1)
            and not self.usual_score(s)
        ]
        rising = rising_scores(self.r.text, own, [self.part_scored(s) for s in own])
        if rising is not None:
            self.findings.append(
                Finding(
                    "complication", self.r.text[rising[0] : rising[1]], rising, "pain-score-rising"
                )
            )

    def doubt_about_something_else(self, m: Match) -> bool:
        """ "idk like a 5", "might have a tiny bruise, not sure", "not sure how I got on this
        list": the doubt is over a number or a finding told, or is about no symptom at all,
        so it is no ambiguous reply."""
        norms = self.r.norms
        after = norms[m.end : m.end + 2]
        if len(after) == 2 and after[0] == "but" and after[1] in PLEASANT:
            return True  # "weird but nice", "strange but good": a pleasant oddness
        if self.r.tokens[m.start].norm not in ("idk", "dunno", "not"):  # "not sure"
            return False
        if m.end < len(self.r.tokens) and self.r.tokens[m.end].norm in ("how", "who"):
            return True
        if norms[m.end : m.end + 1] == ["what"] and set(norms[m.end + 1 : m.end + 3]) & YOU:
            return True  # "idk what u did but my back feels amazing": thanks, no doubt
        sentence = self.r.tokens[m.start].sentence
        told = any(  # "might have a tiny bruise, not sure"
            f.counted and f.label != "review" and self.sentence_at(f.span[0]) == sentence
            for f in self.findings
        )
        return told or any(
            self.token_at(s.span[0]) > m.start and self.sentence_at(s.span[0]) == sentence
            for s in self.r.scores
        )

    def sentence_at(self, char: int) -> int:
        return self.r.tokens[self.token_at(char)].sentence

    def names_the_pain(self, score: NumberFinding) -> bool:
        """ "10/10 pain, would not recommend", "the pain in my back I would rate as a 7": a
        score said of the pain is the pain's."""
        if self.word_after(score) in ("pain", "pains"):
            return True
        start = self.token_at(score.span[0])
        sentence = self.r.tokens[start].sentence
        return any(
            t.norm in PAIN_WORDS and t.sentence == sentence and not self.r.negated_before(i)
            for i, t in enumerate(self.r.tokens[:start])
        )

    def usual_score(self, score: NumberFinding) -> bool:
        """ "pain 3/10, my baseline is usually a 5": the patient's usual level, a yardstick
        for today's, not a change from it."""
        start = self.token_at(score.span[0])
        usual = self.lex.words("in_general") | {"baseline", "usual"}
        sentence = self.r.tokens[start].sentence
        return any(
            self.r.tokens[k].norm in usual and self.r.tokens[k].sentence == sentence
            for k in range(max(0, start - 5), start)
        )

    def rated_for_something_else(self, score: NumberFinding) -> bool:
        """ "a solid 9/10 for mood", "8/10 for the session": a score for something other
        than pain (not "8/10 for my back", "9/10 for hours")."""
        after = self.token_at(score.span[1] - 1) + 1
        words = [t.norm for t in self.r.tokens[after : after + 4] if t.is_word]
        things = RATED | NOT_PAIN_RATED | self.lex.words("not_the_body")
        if words[:1] != ["for"]:
            return self.thing_rated_before(score, things | self.lex.words("food_and_plants"))
        rated = next((w for w in words[1:] if w not in DETERMINERS), "")
        return rated in things

    def thing_rated_before(self, score: NumberFinding, things: AbstractSet[str]) -> bool:
        """ "anyway lasagne was 10/10 lol": the score's subject, just before "was" or "is",
        is a thing of the world."""
        start = self.token_at(score.span[0])
        if start and self.r.tokens[start - 1].norm in NOT_PAIN_RATED and self.r.adjacent(start - 1):
            return True  # "pain 0, energy 9/10 lol"
        before = [self.r.tokens[k].norm for k in range(max(0, start - 4), start)]
        while before and before[-1] in DETERMINERS | {"solid", "easy", "strong"}:
            before.pop()
        # (not "lower back after deadlifts is 8-9/10": the back is, after them)
        after_it = len(before) >= 3 and before[-3] in ("after", "from", "since", "during")
        return len(before) >= 2 and before[-1] in COPULAS and before[-2] in things and not after_it

    def part_scored(self, score: NumberFinding) -> str | None:
        """The part of the body named right before a score: "neck 2", "shoulders are a 3"."""
        start = self.token_at(score.span[0])
        for s, e in self.r.occurrences("body_words"):
            between = [t.norm for t in self.r.tokens[e:start]]
            if s == start or (e <= start and set(between) <= COPULAS | {"a", "at", "about"}):
                return " ".join(t.norm for t in self.r.tokens[s:e])
        return None

    def word_after(self, score: NumberFinding) -> str:
        after = self.token_at(score.span[1] - 1) + 1
        return self.r.tokens[after].norm if after < len(self.r.tokens) else ""

    def without_scores_before_treatment(self, scores: list[NumberFinding]) -> list[NumberFinding]:
        """ "Before the treatment my back was an 8/10, today it's a 3": the 8 is what the
        patient came in with, and it came down."""
        if len(scores) < 2:
            return scores
        told_before: set[int] = set()  # indexes into scores
        for p, _ in self.r.occurrences("before_treatment"):
            sentence = self.r.tokens[p].sentence
            near = [i for i, s in enumerate(scores) if self.sentence_at(s.span[0]) == sentence]
            if len(near) > 1:  # "7/10, was about a 4 before the session": the 4 was before
                near = [min(near, key=lambda i: abs(self.token_at(scores[i].span[0]) - p))]
            told_before.update(near)
        return [
            s
            for i, s in enumerate(scores)
            if i not in told_before or not any(later.value < s.value for later in scores[i + 1 :])
        ]

    def judge_temperatures(self) -> None:
        for t, fever in self.r.temperatures:
            start = self.reading_owner(self.token_at(t.span[0]))
            phrase = self.r.text[t.span[0] : t.span[1]]
            if fever:
                self.add("emergency", phrase, t.span, "temperature>=38C", start, start + 1)
            else:
                self.add("normal", phrase, t.span, "temperature-below-fever-line", start, start + 1)

    def reading_owner(self, number: int) -> int:
        """Where a thermometer reading is read in context: at "temperature" in "I've taken
        my temperature as my wife insisted: 38.2", whose temperature it is."""
        sentence = self.r.tokens[number].sentence
        if self.r.people.names_the_writer(number, number + 1):
            return number  # "borrowed the kids' thermometer, it says 100.8 for me"
        for j in range(number - 1, max(-1, number - 10), -1):
            tok = self.r.tokens[j]
            if tok.sentence != sentence:
                break
            if tok.norm in ("temp", "temperature", "thermometer", "temps"):
                return j
        return number


def drop_nested(matches: list[Match]) -> list[Match]:
    """Inside a longer match, a shorter one is not a finding of its own: "sore throat" is not
    soreness, "hot and cold" is not warmth at a site, "dull ache" is one ache."""
    # A longer match holds m if it starts before m and ends at or after it, or starts with
    # m and ends after it: one sweep by start finds both (no pair of matches compared).
    furthest_from: dict[int, int] = {}
    for m in matches:
        furthest_from[m.start] = max(furthest_from.get(m.start, m.end), m.end)
    furthest_before: dict[int, int] = {}
    reach = -1
    for start in sorted(furthest_from):
        furthest_before[start] = reach
        reach = max(reach, furthest_from[start])
    return [
        m
        for m in matches
        if furthest_before[m.start] < m.end and furthest_from[m.start] <= m.end
    ]


# A run of blank space longer than any SMS needs: read cut short, so that no pattern of
# "\s*"s meets sixteen hundred of them (a reply of line breaks once took a minute).
LONG_SPACE = re.compile(r"\s{9,}")


def compacted(text: str) -> tuple[str, list[tuple[int, int]]]:
    """The text with each long run of spaces cut to eight characters (its last a line
    break if it held one), and the cuts: (where in the compact text, characters removed
    up to there)."""
    pieces, cuts, last, removed = [], [], 0, 0
    for m in LONG_SPACE.finditer(text):
        run = m.group(0)
        kept = run[:8] if "\n" not in run[8:] else run[:7] + "\n"
        pieces += [text[last : m.start()], kept]
        kept_end = m.start() - removed + len(kept)  # where the kept run ends, compacted
        removed += len(run) - len(kept)
        cuts.append((kept_end, removed))
        last = m.end()
    return "".join([*pieces, text[last:]]), cuts


def with_spans_in(found: Assessment, cuts: list[tuple[int, int]]) -> Assessment:
    """The assessment of a compacted text, its spans put back into the original text."""

    def original(i: int) -> int:
        return i + max((removed for at, removed in cuts if at <= i), default=0)

    return replace(
        found,
        findings=tuple(
            replace(f, span=(original(f.span[0]), original(f.span[1]))) for f in found.findings
        ),
    )


def courtesy_only(text: str) -> bool:
    """Nothing but thanks, kisses and emoji: "[image] thanks" says nothing of the patient."""
    return not any(c.isalnum() for c in SIGN_OFFS.sub(" ", text))


def rising_scores(
    text: str, scores: list[NumberFinding], parts: list[str | None]
) -> tuple[int, int] | None:
    """ "3/10 yesterday, 5/10 today": a later score above an earlier one, with no word
    between them saying it came down, and not of another part ("neck 2, shoulders 3")."""
    for (a, part_a), (b, part_b) in zip(
        zip(scores, parts, strict=True), zip(scores[1:], parts[1:], strict=True), strict=False
    ):
        if part_a and part_b and part_a != part_b:
            continue
        between = text[a.span[1] : b.span[0]].lower()
        told = text[a.span[1] : b.span[1]].lower()
        if RESTATED.search(told) and not LATER.search(text[a.span[0] : b.span[1] + 16].lower()):
            continue  # "3/10. maybe 4", "0/10. wait, maybe a 1": the same pain, told again
        # ("a 2, sometimes a 3": a spread, not a rise)
        # ("3, could be 4 on a bad moment": the worst of it, no rise)
        still = ("down", "from", "was", "drop", "sometimes", "occasionally", "at times", "could be")
        now_told = TODAY_OPENS.match(text[b.span[0] : b.span[1]].lower())
        if EARLIER_DAY_BEFORE.search(between) and not now_told:
            # "pain 4/10 today, yesterday 5": the later number is of the day before (but
            # "was 4 yesterday now its 6": the day before is the first one's)
            continue
        if BETWEEN_BEFORE.search(text[max(0, a.span[0] - 12) : a.span[0]].lower()):
            continue  # "somewhere between a 5 and a 6": a range, its higher end counts
        if PAST_AFTER_SCORE.match(text[b.span[0] : b.span[1] + 14].lower()):
            continue  # "1/10 now compared with 4 yesterday": the later number is the earlier day
        if b.value > a.value and not any(w in between for w in still):
            if not SITUATIONS.search(text[a.span[0] : b.span[1]].lower()):
                return a.span[0], b.span[1]
    return None
