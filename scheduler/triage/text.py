"""Reading SMS text: tokens with their place in the original, sentences, clauses,
and spelling-tolerant word matching."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import DamerauLevenshtein

WORD = re.compile(
    # words of any script: "тошнит немного thanks" is not "thanks" alone
    r"[^\W_]+(?:['’][^\W_]+)*(?:\.\d+)?|(?<![a-z])&(?![a-z])|[?!.;\n]|(?<=\s)/(?=\s)|[❌✖]",
    re.IGNORECASE,
)
# A spaced slash separates the items of a list: "fever - no / swelling - small bit"
SENTENCE_END = {".", "!", "?", ";", "\n", "/"}
# A cross answers a list's item no: "Fever ❌ Pus ❌ Swelling ✅" (a tick says nothing more:
# "Swelling ✅" is told either way, and "no fever ✅" stays no)
MARKED_ANSWERS = {"❌": "no", "✖": "no"}
REPEATS = re.compile(r"([a-z])\1{2,}")

# Texting shorthand, read as the words they stand for.
SHORTHAND = {
    "n": "and",
    "&": "and",
    "v": "very",
    "u": "you",
    "ur": "your",
    "pls": "please",
    "plz": "please",
    "thx": "thanks",
    "ty": "thanks",
    "rly": "really",
    "b4": "before",
    "2day": "today",
    "tmrw": "tomorrow",
    "yday": "yesterday",
    "yest": "yesterday",
    "shootin": "shooting",
    "hurtin": "hurting",
    "achin": "aching",
    "breathin": "breathing",
    "tinglin": "tingling",
    "throbbin": "throbbing",
    "outta": "of",
    "msgs": "messages",
    "msg": "message",
    "mor": "more",  # "no mor msgs"
    "msging": "messaging",
    "txting": "texting",
    "stahp": "stop",
    "cnt": "cant",
    "shud": "should",
    # Caribbean English as texted: "mi cyaan ketch mi breath"
    "cyaan": "cant",
    "caan": "cant",
    "ketch": "catch",
    "mi": "my",
    "txt": "text",
    "txts": "texts",
    "texting": "texting",
    "abt": "about",
    "thru": "through",
    "numbr": "number",
    "nmbr": "number",
    # laughter, never a typo for a symptom ("haha" is not Turkish "hala")
    "hahaha": "haha",
    "ha": "haha",
    "hehe": "haha",
    "lmao": "lol",
    "gud": "good",
    "tho": "though",
    "tite": "tight",
    "cuz": "because",
    "coz": "because",
    "bc": "because",
    "w": "with",
    "prob": "probably",
    "def": "definitely",
    "lightheadedness": "lightheadedness",
    # What dictation writes for the word said: nobody feints or brews after a session.
    "feint": "faint",
    "feinted": "fainted",
    "feinting": "fainting",
    "feinty": "fainty",
    "brews": "bruise",
    "brewsing": "bruising",
    "brewsed": "bruised",
    "ngl": "honestly",  # not gonna lie
    "rn": "now",
    "bf": "boyfriend",
    "bout": "about",
    "lite": "light",  # "felt lite headed"
    "nuh": "not",  # Jamaican: "nuh better"
    "nae": "no",  # Scots: "nae mair texts"
    "mair": "more",
    "gf": "girlfriend",
    "grate": "great",  # "feelin grate!"
    "stopp": "stop",
    "stomache": "stomach",
    "gd": "good",
    "poss": "possible",  # "if poss", never pus
    "likkle": "little",  # Jamaican: "likkle bruise"
    # Scots: "cannae get my breath", "dinnae worry"
    "cannae": "cant",
    "hasnae": "hasnt",
    "havenae": "havent",
    "gey": "very",
    "sair": "sore",
    "heid": "head",
    "wi": "with",
    "oot": "out",
    "aff": "off",
    "yer": "your",
    "couldnae": "couldnt",
    "dinnae": "dont",
    "didnae": "didnt",
    "wouldnae": "wouldnt",
    "isnae": "isnt",
    "wasnae": "wasnt",
    "breadth": "breath",  # "shortness of breadth": dictation, or a slip, never a width here
}
# Dictation's homophones that are words in their own right, read as the symptom only
# where the words around them say so: "neck is still saw", "chess pain".
SORE_CUES = {"still", "so", "very", "really", "bit", "quite", "is", "feels", "feel", "too",
             "abit", "pretty", "super"}  # fmt: skip
CHEST_CUES = {"pain", "pane", "pains", "hurts", "hurting", "tight", "tightness", "pressure",
              "feels", "ache", "is"}  # fmt: skip
# After a homophone read as "sore": the end of the phrase, or words that go on about it.
SORE_ENDS = {"and", "but", "today", "now", "still", "though", "tbh", "lol", "again", "as", "x",
             "thanks", "thx", "cheers"}  # fmt: skip
STATE_ENDS = SORE_ENDS | {"in", "on", "down", "all", "from", "since"}
# "I feel week in my left leg", "arms gone num": the cues are what a state follows.
FELT = {"felt", "feel", "feels", "feeling", "feelin", "went", "gone", "going"}
STATE_CUES = SORE_CUES | FELT | {"are", "goes"}
# "me back's still stiff", "in the middle of me chest": "me" for "my", before a body part
BODY_AFTER_ME = {"back", "chest", "neck", "shoulder", "shoulders", "knee", "knees", "hip", "hips",
                 "leg", "legs", "arm", "arms", "head", "foot", "feet", "hand", "hands", "wrist",
                 "ankle", "elbow", "shin", "shins", "forearm", "eyes", "eye", "ear", "ears",
                 "face", "belly", "stomach", "side", "ribs", "calf", "thigh", "toe", "toes",
                 "fingers", "jaw", "spine", "bum", "heel", "lungs", "throat", "skin", "heads",
                 "whole"}  # fmt: skip
HOMOPHONE_AFTER = {
    "saw": ("sore", SORE_CUES, SORE_ENDS),  # "neck is still saw"
    "week": ("weak", STATE_CUES, STATE_ENDS),  # "feel week", not "last week"
    "num": ("numb", STATE_CUES, STATE_ENDS),  # "gone num", not "wrong num"
    # "chest pane", "sharp pane in my knee", but not "the window pane"
    "pane": ("pain", BODY_AFTER_ME | {"sharp", "bad", "chess", "chest", "of", "in", "no"}, None),
    # "felt really Lizzy when I stood up": after a feeling, a name is a slip for "dizzy"
    "lizzy": ("dizzy", FELT | {"really", "very", "bit", "so", "quite", "little", "abit"}, None),
    # "I red the leaflet": a writer who read, not "it went red"
    "red": ("read", {"i", "ive", "we", "weve", "youve"}, {"the", "your", "it", "that", "this",
            "all", "through", "up", "over", "about", "them", "ur", "every"}),
}
# "call me back", "text me back": the "me" of a verb, not "my" before a back
GET_BACK_TO = {"call", "ring", "phone", "text", "txt", "message", "email", "get", "hit", "write",
               "bell", "buzz"}  # fmt: skip
# Portuguese "no" is "in the": "dor no peito" is chest pain, no denial
IN_THE_BODY = {"peito", "braco", "ombro", "joelho", "pescoco", "pulso", "tornozelo", "rosto",
               "local", "lugar", "ponto", "pe", "estomago", "coracao"}
HOMOPHONE_BEFORE = {
    "chess": ("chest", CHEST_CUES),  # "chess pain"
    "me": ("my", BODY_AFTER_ME),
    "no": ("em", IN_THE_BODY),
}

# Words that sign off after the news: "Fever: none thanks", "numb, thanks" (no "fine" there)
SIGN_OFF_WORDS = {"thanks", "thank", "you", "thx", "ty", "ta", "x", "xx", "cheers", "lol"}


@dataclass(frozen=True)
class Token:
    norm: str  # lower case, apostrophes dropped, stretched letters squeezed, shorthand read
    start: int
    end: int
    sentence: int
    is_word: bool


# How a text is signed off after its news: "thanks x", "cheers", "🙂".
EMOJI = r"[\U0001F300-\U0001FAFF\u2600-\u27BF]"
EMOJI_GAP = re.compile(EMOJI)  # an emoji between two words closes what came before
SIGN_OFF = r"(?:x+\b|thanks|thank you|thx|ty\b|cheers|ta\b|lol\b|haha\b|tbh\b|" + EMOJI + ")"
# Our question quoted back, and the phone's own signature ("Sent from my iPhone").
QUOTED_LINE = re.compile(
    r"^[ \t]*(?:>.*|(?i:sent from my|sent from yahoo|get outlook for)\b.*)$", re.MULTILINE
)
# A message someone else sent the writer, quoted: "what my husband sent me: 'got a fever
# and chest feels tight'" is his news, not the writer's (the writer's own text, forwarded,
# has no "sent me").
SOMEONE_ELSES_TEXT = re.compile(
    r"((?i:\b(?:sent|texted|messaged|wrote)\s+me\b)[^'\"“‘’\n]{0,12}?[:\s]\s*)"
    r"(['\"“‘’][^'\"”’\n]{1,300}['\"”’])"
)
# An email's subject quoting our text, up to its question mark: "Re: How are you feeling
# after your session? - yes dizzy"
QUOTED_SUBJECT = re.compile(
    r"^[ \t]*(?i:(?:re|fwd?):[^\n?]*(?:how are you|how is your|check.?in|aftercare)[^\n?]*\??)",
    re.MULTILINE,
)
QUOTED_EMAIL = re.compile(
    r"^[ \t]*(?:-{2,}\s*(?i:original message|forwarded message)\s*-{2,}|(?i:on\b.{4,80}\bwrote:)"
    r"|(?i:this e-?mail (?:and any|is confidential|may contain)))",  # and a disclaimer
    re.MULTILINE,
)
TAPBACK = re.compile(
    r"^\s*(?:liked|loved|emphasi[sz]ed|laughed at|disliked|questioned|reacted\s+\S+\s+to)\s+"
    r"([“\"].*[”\"])"
    r"[\s,.!]*" + SIGN_OFF + r"?\s*$",
    re.IGNORECASE | re.DOTALL,
)


# "Hi, 7 or 8", "Good morning Dr Chen, mums knee still stiff": the greeting is no news,
# and what follows it is where the reply opens. ("Yes" is news: yes to our question.)
GREETING = re.compile(
    r"^(?:\s*(?i:hi|hello|hey|hiya|heya|howdy|dear|to\s+whom\s+it\s+may\s+concern"
    r"|good\s+(?:morning|afternoon|evening)|morning"
    # and a spoken lead-in: "ok so 7 today", "erm mum has a temp" (not "hmm": it doubts)
    r"|ok(?:ay)?\s+(?:so|well|um+)|right\s+so|so\s+yeah|u+m+|e+r+m+"
    r"|update)\b"
    r"(?:[ \t]+(?i:there|all|team|doc|doctor|clinic|everyone|folks|guys|sir|madam)"
    r"|[ \t]+(?:Dr\.?[ \t]+)?[A-Z][a-z]+(?=[ \t]*[,!.:;\n]))?"  # a name, then a comma
    r"[\s,!.:;-]*){1,4}(?=\S)"  # "Hi, hey is this the pizza place" (bounded: linear time)
)


# Punctuation said aloud to dictation: "any fever question mark nope", "much better today
# comma the stiffness is almost gone", "stop period stop". A "period" after "my", "a" or
# "heavy", or before "pain" or "came", is a period; "come to a full stop" is no mark.
SPOKEN_MARK = re.compile(  # (from a run of spaces' start only: linear on a blanked reply)
    r"(?<!\s)\s+(?i:(question)\s+mark|(exclamation)\s+(?:mark|point)|(comma)|(full)\s+stop|(period))\b"
)
SPOKEN_MARKS = {1: "?", 2: "!", 3: ",", 4: ".", 5: "."}
NO_MARK_AFTER = frozenset(
    "my her a the your this that first last next heavy light bad painful whole grace trial "
    "short long same any".split()
)
A_PERIOD_BEFORE = frozenset(
    "pain pains cramp cramps came come comes started starts is was has had due late early "
    "pants tracker app type drama piece of at in for".split()
)


# Dictation's "chest" beside a word that only a body takes: "a crushing feeling in my chess"
CHESS_FOR_CHEST = re.compile(r"(?i)(\b(?:my|in the|across the|on the)\s+ches)(s)\b")


def with_chest_for_chess(text: str) -> str:
    """ "my chess" read as "my chest" (the same length: every span kept in place); a game
    of chess is "playing chess", never "my chess"."""
    if "ches" not in text.lower():
        return text
    return CHESS_FOR_CHEST.sub(lambda m: m.group(1) + ("T" if m.group(2) == "S" else "t"), text)


def with_spoken_marks(text: str) -> str:
    """The reply with dictated punctuation written as the mark, every span kept in place."""
    return SPOKEN_MARK.sub(lambda m: _spoken_mark(text, m), text)


def _spoken_mark(text: str, m: re.Match[str]) -> str:
    before = text[max(0, m.start() - 12) : m.start()].split()
    if before and before[-1].lower() in NO_MARK_AFTER:
        return m.group(0)  # "my period", "a full stop"
    if m.group(5):
        after = text[m.end() : m.end() + 12].split()
        if after and after[0].lower() in A_PERIOD_BEFORE:
            return m.group(0)  # "period pain", "period came early"
    return SPOKEN_MARKS[m.lastindex or 1].ljust(len(m.group(0)))


# A correction sent after the slip, as phones make them: "got a pain in my chess *chest",
# "tinny bruise\n*tiny not tinny", "chest* sorry", "Pain 5 out of 10\n*6", "mo swelling no*".
CORRECTION = re.compile(
    r"(?:(?:^|(?<=\s))(?:\*[ \t]?([A-Za-z]{2,}|\d+)(?![\w*])|([A-Za-z]{2,})\*(?![\w*]))"
    # "sorry meant to say 9", "I meant dozy! not dizzy" (not "I meant to call")
    r"|(?i:\bmeant\s+to\s+(?:say|type|write|put))\s+([A-Za-z]{3,}|\d+)"
    r"|(?i:\bmeant)\s+([A-Za-z]{3,}|\d+)(?=[!.,]|\s+(?i:not)\b|\s*$))"
    r"(?:[!.,]?[ \t]+(?i:not)[ \t]+([A-Za-z]{2,}))?"
)


def with_corrections(text: str) -> str:
    """The reply with each slip its writer corrected replaced by the correction, or blanked
    where the correction is longer than the slip (every span kept in place). The slip is the
    word the writer names ("*tiny not tinny") or the nearest word before that is one or
    two letters off ("chess" for "chest"); for a number, the last number of its length.
    A correction looks back a dozen words at most, and a reply is read for a few of them
    (linear time on whatever a patient sends)."""
    found = [
        (m.start(), m.group(1) or m.group(2) or m.group(3) or m.group(4), m.group(5))
        for m in CORRECTION.finditer(text)
    ]
    if "not" in text.lower():  # "CHEST not chess" (not "FINE not dizzy")
        found += [
            (m.start(), m.group(1), m.group(2))
            for m in SLIP_NOT.finditer(text)
            if _a_slip_named(m.group(1), m.group(2))
        ]
    for at, meant, named in sorted(found)[-CORRECTIONS_READ:][::-1]:
        start = max(0, at - CORRECTION_REACH)
        slip = _slip(text[start:at], meant, named)
        if slip is None:
            continue
        a, b = slip[0] + start, slip[1] + start
        # (a correction longer than its slip blanks it: the word meant is read where written)
        fill = meant.ljust(b - a) if len(meant) <= b - a else " " * (b - a)
        text = text[:a] + fill + text[b:]
    return _with_words_meant_before(text) if "meant" in text.lower() else text


# "Sharp pain... sorry autocorrect, meant SLIGHT pain": the word meant, before the word it
# went with; only after an apology, so "I meant the pain in my back" corrects nothing.
MEANT_BEFORE = re.compile(
    r"(?i:\b(?:sorry|autocorrect|auto\s*correct|typo|oops)\b[^.?!\n]{0,20}?\bmeant)"
    r"\s+([A-Za-z]{3,})\s+([A-Za-z]{3,})\b"
)


def _with_words_meant_before(text: str) -> str:
    """The slip before the word the correction names after it: replaced by the word meant,
    or blanked where that is longer (the word meant is read where it was written)."""
    for m in list(MEANT_BEFORE.finditer(text))[-CORRECTIONS_READ:][::-1]:
        meant, then = m.group(1), m.group(2)
        start = max(0, m.start() - CORRECTION_REACH)
        went_with = re.compile(r"([A-Za-z]+)(?=\W+" + re.escape(then) + r"\b)", re.I)
        pairs = list(went_with.finditer(text, start, m.start()))
        if not pairs or pairs[-1].group(1).lower() == meant.lower():
            continue
        a, b = pairs[-1].span(1)
        fill = meant.ljust(b - a) if len(meant) <= b - a else " " * (b - a)
        text = text[:a] + fill + text[b:]
    return text


# "CHEST not chess": a word, then the slip it corrects
SLIP_NOT = re.compile(r"\b([A-Za-z]{3,})[ \t]+[Nn][Oo][Tt][ \t]+([a-z]{3,})\b")


def _a_slip_named(meant: str, named: str | None) -> bool:
    """ "CHEST not chess", "chest not chess": the word and the slip a letter or two apart
    (one, and five letters at least, in lower case: not "sore not sure")."""
    if named is None:
        return False
    apart = edit_distance(meant.lower(), named.lower())
    return apart <= 2 if meant.isupper() else apart <= 1 and len(meant) >= 5


CORRECTIONS_READ = 6
CORRECTION_REACH = 80  # characters: about a dozen words


def _slip(before: str, meant: str, named: str | None) -> tuple[int, int] | None:
    if meant.isdigit():
        numbers = [n for n in re.finditer(r"\d+", before) if len(n.group(0)) == len(meant)]
        return numbers[-1].span() if numbers and numbers[-1].group(0) != meant else None
    for w in reversed(list(re.finditer(r"[A-Za-z]+", before))):
        word = w.group(0)
        if word.lower() == meant.lower() or (named is None and len(word) < len(meant)):
            continue
        if named is not None:  # "*itchy not achy": the slip named, whatever its length
            if word.lower() == named.lower():
                return w.span()
        elif edit_distance(word.lower(), meant.lower()) <= min(2, len(meant) // 2):
            return w.span()
    return None


def edit_distance(a: str, b: str) -> int:
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


# What is no one's words: a link, or a phone's placeholder for what it could not show
# ("[image]", "[Attachment: IMG_2231.jpg]", "<voice note>"; not "(pic of the bruise)").
# A link's letters are no words ("goo.gl" is not "goo").
NOT_WORDS = re.compile(
    r"\b(?:https?://|www\.)\S+"
    r"|[\[<](?i:image|photo|picture|pic|video|attachment|audio|voice (?:note|message)|mms|gif|"
    r"sticker|file)(?::[^\]>\n]{0,60})?[\]>]"
)
# Our own check-in quoted back without a ">" (copied, or an email client's plain quote):
# its question and instructions are not the patient's ("Reply STOP to opt out" asks
# nothing to stop; a business's auto-reply carries the same line).
OUR_CHECKIN = re.compile(
    r"(?i:how\s+are\s+you\s+feeling\s+(?:(?:a\s+day|two\s+days|\d+\s*(?:h|hours))\s+)?after\s+your\s+"
    r"(?:acupuncture\s+)?(?:session|treatment|appointment)(?:\s+(?:yesterday|today))?\s*\?"
    r"|two\s+days\s+on\s+from\s+your\s+session,?\s+how\s+are\s+you\s+feeling\s*\?"
    r"|after\s+your\s+session\.\s+how\s+are\s+you\s+feeling\s*\?"
    r"|is\s+any\s+soreness\s+easing\s*\?"
    r"|[\"“]how\s+are\s+you\s+feeling\??[\"”]"  # '"How are you feeling" - honestly, brilliant'
    r"|reply\s+in\s+(?:your\s+own|a\s+few)\s+words\b[^.?!\n]*[.?!]?"
    r"|(?:reply|text|send)\s+stop\s+to\s+(?:opt\s*out|unsubscribe|end|cancel|stop)[^.?!\n]*[.?!]?)"
)


def blank(text: str, pattern: re.Pattern[str]) -> str:
    """Every match of pattern replaced by spaces (every span kept in place)."""
    return pattern.sub(lambda m: " " * len(m.group(0)), text)


# "Q: still sore? A: yep": a reply set out as questions and their answers
FORM_LABEL = re.compile(r"(?:^|(?<=[\s.?!]))([QqAa])\s?:(?=\s|$)", re.MULTILINE)


def form_questions(text: str) -> list[tuple[int, int]]:
    """The spans of the questions of a reply set out as "Q: ... A: ...", each from its "Q:"
    to the next "A:": the writer's own layout, not questions for us to answer."""
    labels = [(m.start(), m.group(1).lower()) for m in FORM_LABEL.finditer(text)]
    return [
        (at, nxt_at)
        for (at, kind), (nxt_at, nxt) in zip(labels, labels[1:], strict=False)
        if kind == "q" and nxt == "a"
    ]


NOT_APPLICABLE = re.compile(r"(?<![\w/])[Nn]/[Aa](?![\w/])")


def as_form_answers(text: str, questions: list[tuple[int, int]]) -> str:
    """A form's answers read as said (every span kept in place): "Bruising: n/a" is "nil",
    and where the reply is set out as `questions` (form_questions), its "Q:" and "A:" are
    blanked, so that "A: yep" reads as the answer "yep"."""
    if "/" in text:
        text = NOT_APPLICABLE.sub("nil", text)
    return blank(text, FORM_LABEL) if questions else text


def without_our_text(text: str, sent: str = "") -> str:
    """The reply without what we sent it in answer to, quoted back: each sentence of `sent`
    of three words or more found in the reply is blanked, as are links, a phone's
    placeholders and our default check-in's wording."""
    # (each sentence once: the last text we sent is most often the check-in itself)
    for sentence in dict.fromkeys(re.split(r"(?<=[.?!:])\s+", sent.strip()) if sent else ()):
        words = sentence.split()
        if len(words) >= 3:
            words[-1] = re.escape(words[-1].rstrip(".?!:")) + r"[.?!:]?"
            quoted = re.compile(
                r"\s+".join([*map(re.escape, words[:-1]), words[-1]]), re.IGNORECASE
            )
            text = blank(text, quoted)
    return blank(blank(text, NOT_WORDS), OUR_CHECKIN)


# A form's line: an item and its answer set apart ("Pain: 4", "Dizzy | N", "Neck / ok",
# "- dizzy", "Fever? no"), which stays a line of its own.
FORM_LINE = re.compile(r"[:|/=?]|\s-\s|^\s*(?:[-*•]|\d+[.)])")


# A form's dot leader, "Breathing ...... difficult": four dots or more between two words
DOT_LEADER = re.compile(r"(?<=\w)[ \t]*\.{4,}[ \t]*(?=\w)")


def with_lines_joined(text: str) -> str:
    """A reply typed a word or two a line ("chest\nfeels\ntight\nsince\nlast\nnight",
    "DON'T\nTEXT\nME\nAGAIN") read as the one sentence it is: its line breaks become
    spaces (every span kept in place), when three lines in four hold two words or fewer.
    Not a form or a list, whose lines are items; a form's dot leaders become colons."""
    if "...." in text:  # (and a form's dot leaders read as the colons they stand for)
        text = DOT_LEADER.sub(lambda m: ":".ljust(len(m.group(0))), text)
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) < 3 or any(FORM_LINE.search(line) for line in lines):
        return text
    short = sum(1 for line in lines if len(line.split()) <= 2)
    return text.replace("\n", " ") if 4 * short >= 3 * len(lines) else text


def without_greeting(text: str) -> str:
    """The reply with an opening greeting blanked out, every span kept in place."""
    m = GREETING.match(text)
    return " " * m.end() + text[m.end() :] if m else text


# Whose text it was: one of the writer's people ("what my husband sent me"), not a school
# or a care home writing about the patient ("The school just texted me: 'Amira fainted'")
ONE_OF_THEIRS = re.compile(r"(?i:\b(?:my|our)\s+\w+(?:\s+\w+)?\s+$)")


def _their_text_blanked(text: str, m: re.Match[str]) -> str:
    if not ONE_OF_THEIRS.search(text, max(0, m.start() - 30), m.start()):
        return m.group(0)
    return m.group(1) + " " * len(m.group(2))


def without_quotes(text: str) -> str:
    """The patient's own words: our question quoted back ("> How are you feeling?", an
    iPhone reaction 'Liked “How are you…”') is blanked out, keeping every span in place."""
    text = blank(text, QUOTED_LINE)
    if ":" in text:
        text = blank(text, QUOTED_SUBJECT)
    if " me" in text:
        text = SOMEONE_ELSES_TEXT.sub(lambda m: _their_text_blanked(text, m), text)
    quoted = QUOTED_EMAIL.search(text)
    if quoted:  # an email's reply quotes all of ours below a header
        text = text[: quoted.start()] + re.sub(r"\S", " ", text[quoted.start() :])
    tapback = TAPBACK.match(text)
    if tapback:
        a, b = tapback.span(1)
        text = text[:a] + " " * (b - a) + text[b:]
    return text


# A letter's close and the writer's name: "Kind regards, Arthur Lumb", "Yours, Mrs M. Coupe",
# or a name alone on the last line. A name is no symptom ("Lumb" is not "lump"). After a
# letter's close a name may be in lower case; after "thanks" it must be capitalised.
LETTER_CLOSE = (
    r"(?:with\s+)?(?:kind|best|warm|warmest|many|with)\s+(?:regards|wishes|thanks|gratitude)|"
    r"regards|"
    r"yours(?:\s+(?:sincerely|faithfully|truly))?|sincerely|all\s+the\s+best|take\s+care"
)
CASUAL_CLOSE = (
    r"(?i:(?:many\s+)?(?:thanks|thank\s+you)(?:\s+(?:so|very)\s+much|\s+again|\s+a\s+lot)?"
    r"|cheers|(?:lots\s+of\s+)?love|luv|best(?:\s+wishes)?|ta|ciao)"
)
NOT_A_NAME_WORD = r"(?!(?i:thanks|thank|thx|cheers|ta|x+|lol|haha|love)\b)"
NAME = (
    r"(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?(?:[A-Z]\.\s*)?" + NOT_A_NAME_WORD + r"[A-Z][a-z'-]+"
    r"(?:\s+" + NOT_A_NAME_WORD + r"[A-Z][a-z'-]+){0,2}"
)
ANY_NAME = (
    r"(?:(?:mr|mrs|ms|miss|dr)\.?\s+)?(?:[a-z]\.\s*)?" + NOT_A_NAME_WORD + r"[a-z][a-z'-]+"
    r"(?:\s+" + NOT_A_NAME_WORD + r"[a-z][a-z'-]+){0,2}"
)
# "Ruth x", "Ken 🙂", a phone number, and a postscript on its own line (which stays news)
CLOSING = r"(?:\s|[.!]|" + SIGN_OFF + r")*"
AFTER_NAME = CLOSING + r"(?:\+?\d[\d ]{6,14}\d" + CLOSING + r")?(?:\n\s*(?i:p\.?\s?s)\b[^\n]*\s*)?$"
SIGNATURE = re.compile(
    r"(?:(?<=[,.!?\n])|^)\s*(?i:" + LETTER_CLOSE + r")\s*[,.!\n-]\s*((?i:" + ANY_NAME + r"))"
    + AFTER_NAME
    + r"|(?:(?<=[,.!?\n]|" + EMOJI + r")|^)\s*" + CASUAL_CLOSE + r"\s*[,\n-]\s*(" + NAME + r")"
    + AFTER_NAME
    # a name alone: on the last line, or after the last sentence or emoji ("👍 Jean Swell")
    + r"|(?:\n|(?<=[.!?]|" + EMOJI + r"))[ \t]*(" + NAME + r")" + AFTER_NAME
)


def without_signature(
    text: str, known: Callable[[str], bool], near_known: Callable[[str], bool]
) -> str:
    """The reply with the writer's signed name blanked out, every span kept in place. A
    "name" holding a word the lexicon knows is kept: "Thanks, Dizzy" may be news; and a
    last line with no letter's close before it is kept if it is even near one ("Brusing")."""
    m = SIGNATURE.search(text)
    if not m:
        return text
    group = next(i for i in (1, 2, 3) if m.group(i))
    a, b = m.span(group)
    words = re.findall(r"[A-Za-z'-]+", text[a:b])
    test = known if group < 3 else near_known
    if not first_name_and_surname(words, near_known) and any(
        test(normalise_word(w)) for w in words
    ):
        return text
    return text[:a] + " " * (b - a) + text[b:]


def first_name_and_surname(words: list[str], near_known: Callable[[str], bool]) -> bool:
    """ "Stuart Swell", "W. Lumb", "Mrs Payne": a title, an initial or a first name no
    symptom word is near, then a capitalised surname, whatever word the surname spells."""
    titled = [w for w in words[:2] if w.lower() in TITLES | FAMILY_TITLES or len(w) == 1]
    if len(words) - len(titled) not in (1, 2) or not all(w[:1].isupper() for w in words):
        return False  # "Lower Back Swelling" is three words of news, not a name
    if words[0].lower() in INTENSIFYING:
        return False  # "Thanks, Extremely Swollen" is news
    return bool(titled) or not near_known(normalise_word(words[0]))


INTENSIFYING = {"extremely", "seriously", "horribly", "massively", "terribly", "awfully",
                "incredibly", "really", "very", "lots", "super", "totally", "absolutely"}


FAMILY_TITLES = {"grandma", "grandad", "granny", "grandpa", "nana", "nan", "auntie", "uncle"}


UNDECOMPOSED = str.maketrans("łŁøØđĐßæÆœŒıİ’‘", "lLoOdDsaAoOiI''")  # and curly apostrophes


def fold(text: str) -> str:
    """Lower case, accents off, one character out per character in, so spans stay valid."""
    if text.isascii():
        return text.lower()
    text = text.translate(UNDECOMPOSED)  # "zemdlałam", "głowy": letters NFKD keeps whole
    return "".join((unicodedata.normalize("NFKD", ch)[:1] or ch).lower()[:1] or ch for ch in text)


def normalise_word(raw: str) -> str:
    word = raw.lower().replace("'", "").replace("’", "")
    word = REPEATS.sub(r"\1", word)  # "sooore" -> "sore", "plsss" -> "pls"
    return SHORTHAND.get(word, word)


def read_word(raw: str) -> str:
    """A word as the lexicon knows it; "breathing's" / "heart's" (is, has, possessive) is
    the word itself. Short ones keep their form: "it's", "he's" are words of their own.
    "we'll" is no "well", nor "he'll" "hell" ("I'll" is the lexicon's "ill")."""
    whole = raw.lower().replace("’", "").replace("'", "")
    if len(raw) > 5 and raw[-2:] in ("'s", "’s") and whole not in SHORTHAND:
        raw = raw[:-2]  # but "brew's" is what dictation writes for "bruise"
    if raw[-3:] in ("'ll", "’ll") and raw[:-3].lower() in WILL_SUBJECTS:
        return raw[:-3].lower()
    return normalise_word(raw)


WILL_SUBJECTS = {"we", "he", "she", "they", "you", "it", "that", "there"}


# Texts often skip the full stop and start the next sentence with a capital: "No fever No
# pus Chest feels tight", "STOP Soreness is nearly gone". These words, capitalised after a
# word in lower case (or a shouted keyword), open a new sentence; a name never does here.
SENTENCE_OPENERS = frozenset(
    "no not also but and so just still now today yesterday tonight last this that the my "
    "she he they we it its theres there everything all back chest pain soreness feeling feel "
    "felt thanks thank amazing fine good great stop please what how why when is can could "
    "should would do does did any bit slight little had have has been got otherwise apart "
    "neck shoulder knee head breathing swelling bruise bruising temp fever "
    # news of the day run on after the symptom: "... still stiff Took the dog out"
    "took went walked woke slept kids traffic work weather sorry yes yeah ok okay oh btw "
    "anyway hope nothing dog if used thought quick his her".split()
)


TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr"}
# Words dictation hears as two ("un bearable"): the second half, joined back after "un".
UN_SPLIT = {"bearable", "bearably", "manageable", "manageably", "real", "able", "comfortable",
            "well", "controllable", "believable"}  # fmt: skip
NAMED = "_name"  # what a name after a title reads as: no word the lexicon knows


def tokenize(text: str) -> list[Token]:
    """Word and sentence-mark tokens, each with its span in the original text."""
    tokens: list[Token] = []
    sentence = 0
    shouting = text.isupper()
    for match in WORD.finditer(fold(text)):
        raw = match.group(0)
        after_title = bool(tokens) and tokens[-1].norm in TITLES and tokens[-1].end == match.start()
        if raw == "." and after_title:
            continue  # "Mr. Okafor": the title's stop ends no sentence
        if raw in SENTENCE_END:
            tokens.append(Token(raw, match.start(), match.end(), sentence, False))
            sentence += 1
            continue
        word = MARKED_ANSWERS.get(raw) or read_word(raw)
        if not shouting and tokens and restarts(text, tokens[-1], match.start(), word):
            sentence += 1
        start, end = match.start(), match.end()
        if word == "abit":  # "went abit grey" is "went a bit grey"
            tokens.append(Token("a", start, start + 1, sentence, True))
            tokens.append(Token("bit", start + 1, end, sentence, True))
            continue
        if word in UN_SPLIT and tokens and tokens[-1].norm == "un":
            if text[tokens[-1].end : start] == " ":  # dictated "un bearable" is "unbearable"
                tokens[-1] = Token("un" + word, tokens[-1].start, end, sentence, True)
                continue
        after_i = tokens and tokens[-1].norm == "i" and not text[tokens[-1].end : start].strip()
        if word == "am" and after_i:
            tokens[-1] = Token("im", tokens[-1].start, end, sentence, True)  # "I am" is "I'm"
            continue
        if tokens and tokens[-1].norm in TITLES and (
            tokens[-1].norm != "miss" or text[start : start + 1].isupper()  # "I miss walking"
        ):
            word = NAMED  # "Mrs Ames" is a person, not a typo for a symptom
        tokens.append(Token(word, start, end, sentence, True))
        if raw in MARKED_ANSWERS:
            sentence += 1  # "Pus ❌ swelling ✅": the cross answers pus, and ends its item
    return [_homophone(tokens, i) for i in range(len(tokens))]


QUESTION_OPENERS = {"when", "what", "how", "why", "should", "is", "can", "could", "will", "does",
                    "do", "am"}
JOINING = {"but", "and", "though", "tho", "so", "cos", "because", "or", "then", "when", "if"}
LAUGH = re.compile(r"(?:ha){2,}h?|(?:he){2,}|lo+l+|lmf?ao+|rofl")


def restarts(text: str, prev: Token, start: int, word: str) -> bool:
    """Whether the word at `start` opens a sentence its writer did not mark."""
    gap = text[prev.end : start]
    if not prev.is_word or EMOJI_GAP.sub("", gap).strip():
        return False  # a mark or a comma is between: the writer punctuated (an emoji is none)
    if word in QUESTION_OPENERS and EMOJI_GAP.search(gap):
        return True  # "pain is unbearable tbh 😭 when does it start to ease off??"
    before = text[prev.start : prev.end]
    if before[:1] in "hHlLrR" and LAUGH.fullmatch(before.lower()) and word not in JOINING:
        return True  # "red sky at night haha the redness is spreading" (not "lol but ...")
    shouted = len(before) > 1 and before.isupper()
    if shouted and word in ("i", "im", "ive", "id"):
        return True  # "STOP I'm fine"
    original = text[start : start + 2]
    if word not in SENTENCE_OPENERS or not original[:1].isupper() or original.isupper():
        return False  # "Dr Chen", "STOP STOP"; but "No" and "Chest" may restart
    after_a_number = before[:1].isdigit()  # "8-9 Took the dog out", "a 50p Took the dog"
    return before[:1].islower() or after_a_number or shouted or prev.norm in ("stop", "unsubscribe")


def _homophone(tokens: list[Token], i: int) -> Token:
    tok = tokens[i]
    prev = tokens[i - 1].norm if i > 0 and tokens[i - 1].is_word else ""
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if tok.norm in HOMOPHONE_AFTER:
        meant, cues, ends = HOMOPHONE_AFTER[tok.norm]
        # the end of the phrase: the reply's, a mark, or a sentence run on after it
        ended = nxt is None or not nxt.is_word or nxt.sentence != tok.sentence
        if prev in cues and (ended or ends is None or (nxt is not None and nxt.norm in ends)):
            return Token(meant, tok.start, tok.end, tok.sentence, True)
    if tok.norm in HOMOPHONE_BEFORE and nxt is not None:
        meant, cues = HOMOPHONE_BEFORE[tok.norm]
        if nxt.norm in cues and not (tok.norm == "me" and prev in GET_BACK_TO):
            return Token(meant, tok.start, tok.end, tok.sentence, True)
    return tok


def stem(word: str) -> str:
    """A light stem for matching only: bruises/bruised/bruising -> bruis."""
    for suffix in ("ness", "ing", "ish", "ed", "es", "s", "y"):
        if len(word) - len(suffix) >= 4 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """Correctly spelled English words (pyspellchecker's list, loaded once, ~0.1 s).

    A real word is never "corrected" into a symptom: "acting" is not "aching", "spells"
    is not "swells". Only words that are not English get the edit-distance match.
    """
    from spellchecker import SpellChecker

    return frozenset(SpellChecker(language="en", distance=1).word_frequency.dictionary)


class Vocabulary:
    """Maps a patient's word to the lexicon words it stands for, typos included.

    Exact first; then the same light stem (bruises ~ bruised); then, for a word of 4+
    letters that is not an English word, an edit distance of 1 (2 from 8 letters),
    same first letter: "dizy" ~ "dizzy", "brusing" ~ "bruising", "tingleing" ~ "tingling".
    """

    def __init__(self, words: set[str], known: frozenset[str] | None = None) -> None:
        self.words = frozenset(words)
        self.known = english_words() if known is None else known
        self.by_stem: dict[str, set[str]] = {}
        for w in words:
            self.by_stem.setdefault(stem(w), set()).add(w)
        self.fuzzy_pool = sorted(w for w in words if len(w) >= 4 and w.isalpha())
        self.by_sound: dict[str, set[str]] = {}
        for w in self.fuzzy_pool:
            if len(w) >= SOUND_MIN:
                self.by_sound.setdefault(sound_key(w), set()).add(w)
        self.lookup = lru_cache(maxsize=50_000)(self._lookup)
        # the edit-distance scan is the costly part; English words reach it from Reading
        self.nearest = lru_cache(maxsize=50_000)(self._nearest)

    def _lookup(self, word: str) -> frozenset[str]:
        if word in self.words:
            return frozenset((word,))
        if word.endswith("s") and word[:-1] in self.words and len(word) > 5:
            return frozenset((word[:-1],))  # "breathings been hard": "breathing's", typed
        found = self.by_stem.get(stem(word), set())
        if word in self.known:  # an English word's stem kin are English: "sunny" is not "sunn"
            return frozenset(w for w in found if w in self.known)
        if len(word) < 4 or not word.isalpha():
            return frozenset(found)
        if found:  # "shoting" shares a stem with "shot" and is one letter from "shooting"
            return frozenset(found) | (self.nearest(word) if len(word) >= 6 else frozenset())
        return self.nearest(word)

    def _nearest(self, word: str) -> frozenset[str]:
        """The lexicon words closest to `word` by edit distance, or by sound."""
        limit = 2 if len(word) >= 8 else 1
        by_distance: dict[int, set[str]] = {}
        for candidate in self.fuzzy_pool:
            if abs(len(candidate) - len(word)) <= limit and same_start(candidate, word):
                d = DamerauLevenshtein.distance(word, candidate, score_cutoff=limit)
                if d <= limit:
                    by_distance.setdefault(d, set()).add(candidate)
        # A typo stands for the nearest words: "sweeling" is "swelling" (1), not "seeping" (2)
        if by_distance:
            return frozenset(by_distance[min(by_distance)])
        # Spelled as it sounds: "bruzing" is "bruising", "nawsea" is "nausea" (six letters
        # and up: shorter keys say too little, "tuina" would be "teeny")
        if len(word) < SOUND_MIN:
            return frozenset()
        return frozenset(self.by_sound.get(sound_key(word), ()))


SOUND_MIN = 6
SILENT_FIRST = ("kn", "wr", "gn")  # "nife" is "knife", "rist" is "wrist"


def same_start(candidate: str, word: str) -> bool:
    """Typos keep the first letter, or drop a silent one."""
    return candidate[0] == word[0] or (candidate[:2] in SILENT_FIRST and candidate[1] == word[0])

SOUNDS = (("ph", "f"), ("ck", "k"), ("z", "s"), ("q", "k"), ("w", ""), ("h", ""))
VOWEL_RUNS = re.compile(r"[aeiouy]+")


def sound_key(word: str) -> str:
    """A rough key of how a word sounds: first letter kept, then the consonants with each
    run of vowels as one mark ("bruising" and "bruzing" are both "br_s_ng")."""
    rest = word[1:]
    for written, said in SOUNDS:
        rest = rest.replace(written, said)
    rest = re.sub(r"(.)\1+", r"\1", rest)
    if len(rest) > 3 and rest.endswith("e"):
        rest = rest[:-1]  # a silent e: "sevear" is "severe"
    return word[0] + VOWEL_RUNS.sub("_", rest)
