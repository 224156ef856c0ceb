"""Numbers patients send: pain scores ("8/10", "like a 9", "6 or 7") and temperatures
("101.2", "38.3c", "temp 102"), told apart from times, doses and sizes."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import EMOJI, SIGN_OFF, fold

WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,  # "eleven out of ten": the top of the scale, and past it
    "twelve": 12,
    "ate": 8,  # dictation's "eight", read only before "out of ten"
    "🔟": 10,  # "pain 🔟/10"
}
NUM = (
    r"(?:(?:1[0-9]|20|100|[0-9](?:\.5)?|zero|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|🔟)"
    r"(?:\s+and\s+a\s+half|\s*½)?)"
)
# "8 x" is a count ("2 x a day") unless the x ends the text or its line: a kiss.
KISS = r"x\b(?![ \t]*(?:$|[\n.!,]|" + SIGN_OFF + "))"
LEADING_EMOJI = re.compile(EMOJI + "+")
# "8/10", "7 out of 10", and the same said in Spanish, French, Polish, German, Italian, Russian
# (and as thumbs slip: "9 ot of 10", "8 outa 10")
OUT_OF_TEN = (
    r"\s*(?:/|(?:out|ot|oot|ou|our)\s+(?:of|if|o)|outta|outa|oo|of|from|de|sur|na|von|sobre|su|iz)"
    r"\s*(?:10|ten)\b"
)
# the second of "6-7", "6 or 7", "a 6, maybe 7": the higher counts
CHOICE = (  # "6 o 7", "8 ou 9", and a change drawn as an arrow: "3 ➡️ 9"
    r"(?:->|=>|→|➡|-|–|or|o|ou|to|,?\s*(?:maybe|possibly|prob|probably)(?:\s+a)?)"
)
RANGE = r"(?:\s*" + CHOICE + r"\s*(" + NUM + r"))?"
NOT_A_SCORE = (
    r"(?!\s*(?:am|pm|a\.m|p\.m|mg|ml|g\b|hours?|hrs?|h\b|mins?|minutes?|days?|years?|yrs?|"
    r"weeks?|times|seconds?|secs?|" + KISS + r"|cm|mm|inch|%|°|deg|degrees|ibuprofen|tablets?|"
    r"pills?|higher|lower|bpm|beats|"  # "heart rate like 10 higher than normal"
    r"steps|paces|metres|meters|yards|miles|"  # "about 10 steps and it hits"
    r"paracetamol|nurofen|advil|tylenol|o'?clock|ish\b|:|\.\d|"
    r"on\s+(?:her|his|my|their|the|a)\s+(?:\w+\s+)?(?:test|exam|quiz|homework)|"  # a mark
    # "like 10 a day" (not "8 a day ago")
    r"(?:a|an|per|each|every)\s+(?:day|night|hour|week|minute|min)\b(?!\s+ago)))"
)
# What may follow a score that ends its sentence: "8-9 ngl", "a 6 honestly", "7 i'd say"
AFTERTHOUGHT = (
    r"tbh|ngl|honestly|really|fr|tho|though|ish|lol|haha|today|now|rn|atm|"
    r"(?:maybe|or|possibly|probably)\s+less|if\s+that|give\s+or\s+take|or\s+so|"  # "six, or less"
    r"i'?d\s+say|i\s+would\s+say|i\s+think|i\s+guess|manageable|bearable|tolerable|"
    r"(?:she|he)\s+(?:says|said|reckons|thinks)"  # "6-7 she reckons": for the patient
)
SCORE_PATTERNS = [
    # 8/10, 7 out of 10, 8-9/10, 8 outta 10, six/10, "ate out of ten" (dictated)
    re.compile(r"(?:\b|(?=🔟))(" + NUM + r"|ate)(?:\s*-?\s*ish)?" + RANGE + OUT_OF_TEN),
    # like a 9, its a 6 or 7, pain's at a 6, maybe a 4, an eight
    re.compile(
        r"\b(?:an?)\s+(?:solid\s+|strong\s+|good\s+|high\s+|low\s+|hard\s+|firm\s+)?("
        + NUM
        + r")\b"
        + RANGE
        + NOT_A_SCORE
    ),
    # a sentence that is only a score: "7", "8-9", "7 or 8", "a solid 7", "i'd say about 8",
    # signed off as texts are ("6 or 7 id say", "pain 8 x", "7 🙂"), the whole reply or
    # after small talk ("Walked the dog this morning. 7 or 8")
    re.compile(
        r"(?:^|(?<=[!?\n])|(?<=\D\.))\s*(?:" + EMOJI + r"\s*)*(?:(?:i'?d|i would)\s+say\s+)?"
        # told for the patient: "mum says 10."
        r"(?:(?:mum|mom|mam|dad|she|he|they|nan|gran)\s+(?:says|said|reckons)\s+)?"
        r"(?:an?\s+)?(?:solid\s+|strong\s+|good\s+)?"
        r"(?:like|about|maybe|probably|prob|around|its|it's|it is|pain)?\s*(?:an?\s+)?("
        + NUM
        + r")"
        + RANGE
        + r"(?:[\s,]*(?:" + AFTERTHOUGHT + r")\b){0,3}"  # "6, manageable"
        + r"\s*[.!]*"
        + r"(?:[\s,!.]*" + SIGN_OFF + r")*\s*"
        # the end, or a new sentence: "9. no joke" (but not "38.5")
        + r"(?:$|(?<=[!?\n])(?=\s*\S)|(?<=\D\.)(?=\s*\S)|(?<=\.)(?=\s+\S))"
    ),
    # went from 3 to 8, from a 4 up to a 7, from 7 yesterday to 9 now
    re.compile(
        r"\bfrom\s+(?:an?\s+)?("
        + NUM
        + r")\s+(?:(?:yesterday|yday|last\s+night|this\s+morning|earlier|before)\s+)?"
        r"(?:up\s+|down\s+)?to\s+(?:an?\s+)?("
        + NUM
        + r")\b"
        + NOT_A_SCORE
    ),
    # pain 7, pain level 8-9, pain is 6, pain score of 3
    re.compile(
        r"\b(?:pain|dolor|dor|douleur|dolore|bol|dard|schmerz)(?:s|'s)?(?:\s*\(\s*\))?"  # "(0-10)"
        r"(?:\s*[:=]\s*|\s+)"
        # "pain score: 9", "pain score from Dad this am: 9": a form's field, its label short
        r"(?:(?:level|nivel|niveau|livello|score|rating|number)(?:\s*[:=]\s*|\s+)"
        r"(?:(?:from|for)\s+(?:my\s+|his\s+|her\s+)?[a-z]+(?:\s*[:=]\s*|\s+))?)?"
        r"(?:is\s+|was\s+|at\s+|of\s+|fluctuates\s+|varies\s+|ranges\s+|goes\s+|from\s+|"
        r"about\s+|around\s+|like\s+|now\s+|today\s+|has\s+been\s+|been\s+|feels\s+|"
        r"stayed\s+at\s+|stuck\s+at\s+|sitting\s+at\s+|~\s*|"
        # a form's field: "Pain tonight: eight", "Pain max: 7"
        r"(?:tonight|today|now|this\s+(?:morning|am|pm|evening)|last\s+night|min|max|"
        r"minimum|maximum|worst|"
        r"at\s+worst|at\s+best|at\s+rest)\s*[:=-]\s*)*"
        r"['\"“‘]?"  # quoted as the patient said it: "states pain '8 or 9'"
        r"(" + NUM + r")\b" + RANGE + NOT_A_SCORE
    ),
]
SCORED_PART = (
    r"(?:back|neck|knees?|hips?|shoulders?|legs?|arms?|ankles?|wrists?|elbows?|feet|foot|"
    r"head|jaw|side|calf|calves|thigh|thighs)"
)
# "7 or 8 maybe when i bend", "6-7 when i move", "a 6, maybe 7 on the stairs": a choice of
# two small numbers (the higher one counts), followed by
# the end of a phrase or a word that goes on about the pain, never a count ("2 or 3 needles").
SCORE_PATTERNS.append(
    re.compile(
        r"\b("
        + NUM
        + r")\s*"
        + CHOICE
        + r"\s*("
        + NUM
        + r")\b"
        + NOT_A_SCORE
        + r"(?=[^\S\n]*(?:$|[.,!;?)\n]|(?:when|if|maybe|today|now|tonight|at|but|and|tbh|i|im|on|"
        r"last|y(?:esterday|day|est)|overnight|in|"
        r"after|with|while|tops|max|probably|prob|sometimes|mostly|first|"
        + AFTERTHOUGHT
        + r")\b|"
        # "dad reckons 6 or 7 for his knee": a score given for a part of the body
        + r"for\s+(?:my|his|her|their|the)\s+(?:lower\s+|upper\s+)?" + SCORED_PART + r"\b|"
        + SIGN_OFF  # "my lower back is 6 or 7 thanks"
        + r"))"
    )
)
# "pain between 8 and 9": the higher counts.
SCORE_PATTERNS.append(
    re.compile(
        r"\bbetween\s+(?:an?\s+)?("
        + NUM
        + r")\s+and\s+(?:an?\s+)?("
        + NUM
        + r")\b"
        + NOT_A_SCORE
        # a count of things, not "between 8 and 9 at the moment"
        + r"(?![^\S\n]+(?:people|patients|kids|children|needles|of|in|on|at(?!\s+the\s+mo))\b)"
    )
)
# "7 maybe, is hard to walk to bus": a sentence that opens with a hedged score.
SCORE_PATTERNS.append(
    re.compile(
        r"(?:^|(?<=[.!?\n]))\s*(" + NUM + r")\s+(?:maybe|probably|prob|i think|i guess)\s*[,.]"
    )
)
# "8ish, hard to turn my head": a reply that opens with a rough score. (Elsewhere "8ish"
# is mostly a time: "got up at 8ish".)
SCORE_PATTERNS.append(re.compile(r"(?:^|(?<=[.!?\n]))\s*(" + NUM + r")\s*-?\s*ish\b"))
# "its 5 now", "now its 6": a number said to be what it is now.
IT_IS = re.compile(
    r"\b(?:its|it's|it is|now|now its|now it's)\s+(?:at\s+|about\s+|like\s+)?("
    + NUM
    + r")\b"
    + NOT_A_SCORE
    + r"(?!\s*(?:and|" + KISS + r"|/|people|of|in|on|at|more|times|weeks?|years?)\b)"
)
SCORE_PATTERNS.append(IT_IS)
# "5/10 no wait more like 7", "an 8, no actually closer to a 9": a score corrected
CORRECTED = re.compile(
    r"\b(?:more\s+like|closer\s+to|nearer(?:\s+to)?)\s+(?:an?\s+)?(" + NUM + r")\b"
    + NOT_A_SCORE
    + r"(?!\s*(?:people|of|times|weeks?|years?)\b)"
)
SCORE_PATTERNS.append(CORRECTED)
# "it's about 7ish today", "pain is like 6": a number after a hedge, "-ish" allowed.
SCORE_PATTERNS.append(
    re.compile(
        r"\b(?:about|around|like|roughly|maybe)\s+(?:an?\s+)?(" + NUM + r")(?:\s*-?\s*ish)?\b"
        # and a choice after it: "maybe 6 or 7" is 7
        + r"(?:\s*(?:or|-|to)\s*(" + NUM + r")\b)?" + NOT_A_SCORE
    )
)
COUNT_CUE = re.compile(
    r"\b(?:session|sessions|treatment|treatments|appointment|visit|week|day|(?<!pain )number|"
    r"no\.?|#)\s*$"  # but "I give the pain number 7"
)
# "see you on the 9/10", "booked for the 8/10": a day and month
# ("booked in again for tues 9/10": a weekday before it)
WEEKDAY = r"(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?"
DATE_CUE = re.compile(
    r"\b(?:(?:on|by|until|till|for|from|before|after)\s+the|(?:for|on|next|this)\s+"
    + WEEKDAY
    + r"|on|starts|until|till|by)\s+$"  # "my appointment is on 9/10", "starts on 9/10"
)
# "monitored Mon-Fri 9-5": opening hours
OPENING_HOURS = re.compile(r"\b" + WEEKDAY + r"\s*(?:-|–|to)\s*" + WEEKDAY + r"\s+$")
# "came on last night around 9", "woke up about 6": a number after a time of day is o'clock
CLOCK_CUE = re.compile(
    r"\b(?:night|morning|evening|afternoon|tonight|midnight|lunchtime|bedtime|woke|woken|"
    r"woke up|got up|since|until|till|from)\s*$"
)
HEDGED = SCORE_PATTERNS[-1]
# "3 at rest, 8 when I walk": scores told by the moment they are felt, opening the reply or
# a clause.
SCORE_PATTERNS.append(
    re.compile(
        r"(?:^\s*|(?<=[,;.!?\n])\s*)(" + NUM + r")(?:\s*(?:-|–|to|or)\s*(" + NUM + r"))?"
        r"(?:\s*/\s*10)?\s+"
        r"(?:at rest|when|while|walking|moving|sitting|standing|lying|on the stairs|going up|"
        r"climbing|depending|in the mornings?|at night|in the evenings?|first thing)\b"
    )
)
# "on a scale of 1 to 10 id say 6", "I'd say a 7 tbh": a rating given.
SAID_TO_BE = re.compile(
    r"\b(?:i'?d|i\s+would)\s+say\s+(?:about\s+|around\s+|maybe\s+)?(?:an?\s+)?("
    + NUM
    + r")\b"
    + RANGE
    + NOT_A_SCORE
)
SCORE_PATTERNS.append(SAID_TO_BE)
# "I put it at 9", "I'd rate it a 7": a score given.
SCORE_PATTERNS.append(
    re.compile(
        r"\b(?:put|rate|rated|give|gave)\s+(?:it|the pain|it's pain)\s+(?:at\s+|as\s+)?(?:an?\s+)?("
        + NUM
        + r")(?:\s*-?\s*ish)?\b"
        + NOT_A_SCORE
    )
)
# "lower back 7, knees about 3": a part of the body and its score, ending a clause.
SCORE_PATTERNS.append(
    re.compile(
        r"\b(?:back|neck|shoulder|shoulders|knee|knees|hip|hips|leg|legs|arm|arms|foot|feet|"
        r"ankle|ankles|wrist|wrists|elbow|jaw|head|hamstring|hamstrings|calf|calves|quad|quads|"
        r"thigh|thighs|glute|glutes|groin|shin|shins|achilles|heel|heels)"
        r"\s+(?:is\s+|at\s+|was\s+)?(?:about\s+|around\s+)?(?:an?\s+)?("
        + NUM
        + r")(?:\s*/\s*10)?"
        # "back was 4 yesterday"
        + r"(?:\s+(?:y(?:esterday|day|est)|today|now|last night|this morning|tonight))?"
        + r"(?=[^\S\n]*(?:$|[,;!\n]|\.(?!\d)))"  # not "INR came back at 4.1"
    )
)
# "sitting at an 8 most of the day", "hovering around a 7": where the pain stays.
SCORE_PATTERNS.append(
    re.compile(
        r"\b(?:sitting|sits|sat|hovering|hovers|stuck|staying|stayed|holding)\s+(?:at|around|round)\s+"
        r"an?\s+(" + NUM + r")\b" + NOT_A_SCORE  # "an 8", as a time is never said
    )
)
ALONE, FROM_TO = SCORE_PATTERNS[2], SCORE_PATTERNS[3]
NUMBERED_LIST = re.compile(r"(?:^|\s)\d[.)]\s.*\s\d[.)]\s")
# "peaked at 7 last night", "flared to an 8": the worst it got.
SCORE_PATTERNS.append(
    re.compile(
        r"\b(?:(?:peaked|peaking|peaks|topped out|maxed out)\s+at|(?:flared|shot up|jumped)\s+to)"
        r"\s+(?:(?:about|around|like|maybe|roughly)\s+)?(?:an?\s+)?(" + NUM + r")\b"
    )
)
# "8 at its worst moments", "could be 8 on a bad moment": a number said of the pain's worst.
SCORE_PATTERNS.append(
    re.compile(
        r"\b(" + NUM + r")" + RANGE + r"\s+(?:at\s+(?:its|it's|the|my|it'?s)\s+worst|at\s+worst|"
        r"on\s+a\s+bad\s+(?:moment|day|night)|in\s+bad\s+moments|at\s+(?:the\s+)?peak)\b"
    )
)
# "i think 7, could be 8 ...", "id say 6.": a sentence that opens on a hedged number.
SCORE_PATTERNS.append(
    re.compile(
        r"(?:^|(?<=[.!?\n]))\s*(?:i think|i'?d say|i would say|probably|prob|maybe)\s+(?:an?\s+)?("
        + NUM
        + r")\s*(?:[,.!]|$)"
    )
)
DECIMAL_BEFORE = re.compile(r"\d\.$")  # what comes before a decimal's tenths
# scores only where pain is being talked about
BARE = (SCORE_PATTERNS[1], SCORE_PATTERNS[3], SCORE_PATTERNS[5], SCORE_PATTERNS[6], IT_IS, HEDGED,
        CORRECTED)
# "a 4 yesterday, 1 today": after a score, a bare number said of a later time is one too.
# After a first score, more of them: "3 today", "was 5 yesterday"
FOLLOW_UP = re.compile(
    r"(?:^|[\s,;?])(" + NUM + r")\s+(?:today|now|this morning|tonight|this evening|earlier|"
    r"last\s+ni(?:gh)?te?|yesterday|yday|at\s+least)\b"
    r"|\bwas\s+(?:(?:nearer|nearly|about|around|more\s+like|like)\s+)?(?:an?\s+)?(" + NUM + r")"
    r"\s+(?:y(?:esterday|day|est)|last\s+ni(?:gh)?te?|this morning|before|earlier)\b"
    # a diary of days: "monday 2, today 6"
    r"|\b(?:" + WEEKDAY + r"|y(?:esterday|day|est)|today|tonight|now)\s*[:=-]?\s*(" + NUM + r")"
    r"(?=[^\S\n]*(?:$|[,;.!\n](?!\d)))"
)
DOSE_BEFORE = re.compile(r"\b(?:took|taken|take|taking|popped)\s+$")
# "on a scale of 1-10" states the scale, not a score.
SCALE = re.compile(r"\b(?:scale\s+of\s+|from\s+)?(?:0|1|zero|one)\s*(?:-|–|to)\s*(?:10|ten)\b")
SCORE_CONTEXT = re.compile(
    r"\b(?:pains?|painful|hurts?|hurting|ache|achy|aching|sore|stiff|tender|score|level|rate|"
    r"rating|scale|"
    r"its|it's|it|is|was|now|like|about|bout|around|maybe|say|probably|prob|easily|honestly|"
    r"somewhere|roughly|only|definitely|def|defo|deffo|solid|"
    # "not a 10 but a solid 8", "yesterday a 5, today a 1", "yday a 2"
    r"not|than|y(?:esterday|day|est)|today|tonight|"
    r"wait|actually|still|"  # "5/10 no wait more like 7", "still a 5"
    r"says|said|saying|reckons|reckon|rates|rated|"  # "she says 8 or 9": told for the patient
    r"from|down)\b"
    r"|\w['’]s\b"  # "hip's an 8": is
)

# A body temperature: not a count, a time or a dose, nor a blood pressure's half ("150/95").
TEMPERATURE = re.compile(
    r"(?<![\d./])(\d{2,3}(?:\.\d{1,2})?)\s*(°|º|degrees?|degs?)?\s*([cf])?\b(?!\s*(?:/|out|min|"
    r"mins|minutes|hours|hrs|days|mg|am|pm|cm|mm))"
)
TEMP_CONTEXT = re.compile(
    r"\b(?:temp|temps|temperature|temperatura|temperatur|thermometer|fever|feverish|febrile|"
    r"running|checked|shivery|shivering|chills|hot and cold|burning up)\b"
)
FEVER_C, FEVER_F = 38.0, 100.4
# Temperatures that are not the body's: a word for the thing just before the number
# ("a bath at 40 degrees"), or the weather's just after it ("38 degrees outside").
THING_BEFORE = re.compile(
    r"\b(?:bath|shower|sauna|pool|oven|hot tub|jacuzzi|weather|forecast|heatwave|heat wave|car|"
    r"greenhouse|conservatory|garden|room|kitchen|office|outside|shade|"
    r"dashboard|thermostat)"
    r"(?:\s+(?:water|temp|temperature|thermometer))?"
    r"(?:\s+(?:at|of|is|was|set to|around|about|like|said|says|showed|shows|read|reads|hit|"
    r"reached|got to))*\s*$"
)
WATER = re.compile(r"\b(?:bath|baths|shower|sauna|pool|hot tub|jacuzzi|oven)\b")
WEATHER_AFTER = re.compile(
    r"^\W*(?:degrees?\s+)?(?:outside|out there|out here|in here|in the shade|here|in the sun|"
    r"in the car|in the (?:\w+ )?(?:shed|barn|greenhouse|office|kitchen|house|polytunnel))\b"
)

# "41C in Seville today, is it ok to sunbathe?": a place's reading, where the reply is
# about the sun or the heat
IN_A_PLACE_AFTER = re.compile(
    r"^\W*(?:degrees?\s+)?in\s+[a-z]+\s+(?:today|this week|right now|at the moment)"
)
SUN_AND_HEAT = re.compile(
    r"\b(?:sunbathe|sunbathing|sun|beach|pool|heat|scorching|roasting|sweltering|boiling|weather|"
    r"aircon|air con|air conditioning|heatwave)\b"
)


@dataclass(frozen=True)
class NumberFinding:
    value: float
    span: tuple[int, int]


HALF = re.compile(r"\s+and\s+a\s+half|\s*½")


def to_number(text: str) -> float:
    """ "7" -> 7.0, "six" -> 6.0, "six and a half" / "6½" -> 6.5."""
    whole = HALF.sub("", text)
    return float(WORDS.get(whole, whole)) + (0.5 if whole != text else 0.0)


def pain_scores(text: str) -> list[NumberFinding]:
    """Every pain score in the text; a range or choice counts as its higher end."""
    # a keycap digit ("7️⃣/10") is the digit: its two marks become spaces
    folded = fold(text).replace("\ufe0f", " ").replace("\u20e3", " ")
    masked = SCALE.sub(lambda m: " " * len(m.group(0)), folded)
    found: list[NumberFinding] = []
    for pattern in SCORE_PATTERNS:
        for m in pattern.finditer(masked):
            if any(m.start() < f.span[1] and f.span[0] < m.end() for f in found):
                continue
            values = [to_number(g) for g in m.groups() if g]
            if DECIMAL_BEFORE.match(folded, max(0, m.start(1) - 2), m.start(1)):
                continue  # "36.9 when i checked": the decimal's digit, no score
            # (after a score, another number is one: "8 out of 10? no, worse, like 9.5")
            if pattern in BARE and not found and not plausible_bare_score(folded, m.start()):
                continue
            if pattern is HEDGED and CLOCK_CUE.search(masked[max(0, m.start() - 12) : m.start()]):
                continue
            if pattern is not FROM_TO and a_time_of_day(masked, m.start(1), m.end()):
                continue  # "numb since 10 this morning", "Around 9 the toes started tingling"
            if OPENING_HOURS.search(masked[max(0, m.start() - 16) : m.start()]):
                continue
            if COUNT_CUE.search(masked[max(0, m.start() - 14) : m.start()]):
                continue  # "session 9 of 10 done": a count of visits
            if pattern is ALONE and NUMBERED_LIST.search(masked):
                continue  # "1. No 2. No 3. A little": the numbers of a list
            dated = DATE_CUE.search(masked[max(0, m.start() - 12) : m.start()])
            if pattern is SCORE_PATTERNS[0] and dated:
                continue  # "see you on the 9/10": a date
            # "11/10" and "100 out of 10" are emphasis: the top of the scale. A bare "15"
            # is more likely not a score at all.
            top = max(values)
            if pattern is FROM_TO and top <= 10:
                # "went from 2 to 6": two scores, so a rise is seen as one
                pair = ((1, values[0]), (2, values[1]))
                found.extend(NumberFinding(v, m.span(g)) for g, v in pair)
            elif top <= 10 or pattern is SCORE_PATTERNS[0] or above_the_scale(folded, m):
                lead = len(m.group(0)) - len(m.group(0).lstrip())  # a sentence's leading space
                if pattern is CORRECTED:  # the number itself: a denial before "more like"
                    lead = m.start(1) - m.start()  # is spent on the score it corrects
                found.append(NumberFinding(min(top, 10.0), (m.start() + lead, m.end())))
    # ("7 today, was 4 yesterday": two such numbers make each other scores)
    paired = not found and len(FOLLOW_UP.findall(masked)) >= 2
    if found or paired:
        first = min(f.span[0] for f in found) if found else 0
        for m in FOLLOW_UP.finditer(masked):
            group = next(g for g in (1, 2, 3) if m.group(g))
            if m.start() < first and group != 2:
                continue  # before the first score only "was 8 last night" is one too
            start, value = m.start(group), to_number(m.group(group))
            if a_time_of_day(masked, start, m.end()):
                continue
            if DOSE_BEFORE.search(masked[max(0, start - 10) : start]):
                continue  # "took 2 earlier and 2 now": tablets
            if value <= 10 and not any(f.span[0] <= start < f.span[1] for f in found):
                found.append(NumberFinding(value, (start, m.end())))
    return sorted(found, key=lambda f: f.span)


# "since 10", "until 4": a time of day (not "from 2 to 6", a change of score)
SINCE_A_TIME = re.compile(r"\b(?:since|until|till|til)\s*$")
# "Around 9 the toes on my left foot started tingling": a sentence opened by a time
AROUND_A_TIME = re.compile(r"(?:^|[.!?\n])\s*(?:around|about|by|at)\s+$")
CLAUSE_AFTER = re.compile(r"\s+(?:the|i|my|we|he|she|it|this|our|me)\b")


def a_time_of_day(text: str, start: int, end: int) -> bool:
    """The number at start..end is a time: after "since"/"until", or opening a sentence
    after "around" with a clause after it."""
    before = text[max(0, start - 12) : start]
    if SINCE_A_TIME.search(before):
        return True
    return bool(AROUND_A_TIME.search(text[max(0, start - 12) : start])) and bool(
        CLAUSE_AFTER.match(text, end)
    )


def above_the_scale(text: str, m: re.Match[str]) -> bool:
    """ "on a scale of 1 to 10 id say 11": past the scale it was just given, a number
    above ten is emphasis, the top of it (a bare "15" elsewhere is no score)."""
    return m.re is SAID_TO_BE and bool(SCALE.search(text, 0, m.start()))


# "im at a 7 today", "got up to an 8", "settled to a 3": where the pain is or went
AT_A_LEVEL = re.compile(
    r"\b(?:(?:i'?m|i\s+am|still|back|now|was|were|started|began)\s+at|(?:up|down|back)\s+to|"
    r"woke(?:\s+up)?\s+at|"  # "woke up at a 2" (a level: "at 2", no "a", is a time)
    r"(?:settled|dropped|rose|eased|went)\s+(?:at|to))\s*$"
)


ROUGH_RANGE_BEFORE = re.compile(r"\b(?:anywhere|somewhere)\s+$")  # "anywhere from 8 to 10"
# "lower back went from 7 ... to 9": a part of the body whose level moved
PART_MOVED = re.compile(
    r"\b" + SCORED_PART + r"\s+(?:has\s+|have\s+)?(?:went|gone|come|came|dropped|jumped)\s+$"
)


def plausible_bare_score(text: str, start: int) -> bool:
    """ "a 9" is a score once the reply has talked about pain ("its", "like", "pain"...), or
    when it opens the reply or a sentence ("Stuck in traffic all day. 6-7 at the moment")."""
    before = LEADING_EMOJI.sub("", text[:start]).strip()
    if AT_A_LEVEL.search(text[max(0, start - 16) : start]):
        return True
    if PART_MOVED.search(text[max(0, start - 30) : start]):
        return True
    if ROUGH_RANGE_BEFORE.search(text[max(0, start - 12) : start]):
        return True  # "anywhere from 8 to 10 depending how i move"
    return bool(SCORE_CONTEXT.search(before)) or not before or before[-1] in ".!?\n"


# "zero" .. "nine", as WORDS spells them (not dictation's "ate")
DIGIT_WORDS = sorted(
    (w for w, v in WORDS.items() if v < 10 and w.isalpha() and w != "ate"), key=WORDS.__getitem__
)
# A temperature said aloud to dictation: "thirty eight point five", "a hundred and one",
# "one oh one point five", "ninety nine point eight".
SPOKEN_TEMPERATURE = re.compile(
    r"\b(?:(thirty|forty|ninety)[\s-]+(" + "|".join(DIGIT_WORDS[1:]) + r")"
    r"|(?:(?:a|one)\s+hundred(?:\s+and)?|one\s+(?:oh|o|zero))\s+("
    + "|".join(DIGIT_WORDS[:6])
    + r"))"
    r"(?:\s+point\s+(" + "|".join(DIGIT_WORDS) + r"))?\b"
)
TENS = {"thirty": 30, "forty": 40, "ninety": 90}


def spoken_as_digits(m: re.Match[str]) -> str:
    """The number in digits, padded to the words' length so every offset still holds."""
    tens, unit, over_hundred, tenth = m.groups()
    whole = TENS[tens] + WORDS[unit] if tens else 100 + WORDS[over_hundred]
    digits = f"{whole}.{WORDS[tenth]}" if tenth else str(whole)
    return digits.ljust(len(m.group(0)))


def temperatures(text: str) -> list[tuple[NumberFinding, bool]]:
    """(temperature, is it a fever) for numbers that read as body temperatures."""
    spoken = {m.start(): m.end() for m in SPOKEN_TEMPERATURE.finditer(fold(text))}
    folded = SPOKEN_TEMPERATURE.sub(spoken_as_digits, fold(text))
    found = []
    matches = list(TEMPERATURE.finditer(folded))
    # "99.8F last night, 101 this morning": beside a reading in degrees, a bare number in
    # the same range is one too
    in_degrees = any((m.group(2) or m.group(3)) and body_temperature(m) for m in matches)
    for m in matches:
        value = float(m.group(1))
        unit = m.group(3)
        close = (
            m.group(2)
            or unit
            or TEMP_CONTEXT.search(folded[max(0, m.start() - 30) : m.end() + 20])
            or (in_degrees and body_temperature(m))
        )
        # A reading with a decimal point is a thermometer's, even far from the word "temp"
        # ("temp is 37.4 this morning but it was 38.1 last night") or without it ("38.2").
        decimal = "." in m.group(1)
        if not close and not (decimal and (TEMP_CONTEXT.search(folded) or feverish(value))):
            continue
        if (unit == "c" or unit is None) and 34 <= value <= 43:
            fever = value >= FEVER_C
        elif unit in ("f", None) and 93 <= value <= 110:
            fever = value >= FEVER_F
        else:
            continue  # no body is at 50 °C: "a bruise the size of a 50c piece"
        before, after = folded[max(0, m.start() - 25) : m.start()], folded[m.end() :]
        if after[:1] == "%" and not TEMP_CONTEXT.search(before):
            continue  # "sats 99%"
        if THING_BEFORE.search(before) or WEATHER_AFTER.match(after):
            continue
        if (
            IN_A_PLACE_AFTER.match(after)
            and SUN_AND_HEAT.search(folded)
            and not TEMP_CONTEXT.search(before)
        ):
            continue
        earlier = folded[max(0, m.start() - 60) : m.start()]
        if WATER.search(earlier) and not TEMP_CONTEXT.search(earlier):
            continue  # "how hot can the bath be? is 40 degrees ok?"
        # a reading said in words is shown as said: "thirty eight point five", not "thir"
        end = max(m.end(), spoken.get(m.start(1), 0))
        found.append((NumberFinding(value, (m.start(), end)), fever))
    return found


def body_temperature(m: re.Match[str]) -> bool:
    """A number in the range a body's temperature takes, in its unit (or either)."""
    value, unit = float(m.group(1)), m.group(3)
    celsius = unit in ("c", None) and 35 <= value <= 42.5
    return celsius or (unit in ("f", None) and 95 <= value <= 106)


def feverish(value: float) -> bool:
    """A bare decimal that can only be a raised body temperature, in °C or °F."""
    return 37.5 <= value <= 42.5 or 99.5 <= value <= 106.0
