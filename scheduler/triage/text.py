"""Reading SMS text: tokens with their place in the original, sentences, clauses,
and spelling-tolerant word matching."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import DamerauLevenshtein

WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)*(?:\.\d+)?|[?!.;\n]", re.IGNORECASE)
SENTENCE_END = {".", "!", "?", ";", "\n"}
REPEATS = re.compile(r"([a-z])\1{2,}")

# Texting shorthand, read as the words they stand for.
SHORTHAND = {
    "n": "and",
    "v": "very",
    "u": "you",
    "ur": "your",
    "pls": "please",
    "plz": "please",
    "thx": "thanks",
    "ty": "thanks",
    "abit": "bit",
    "rly": "really",
    "b4": "before",
    "2day": "today",
    "tmrw": "tomorrow",
    "shootin": "shooting",
    "achin": "aching",
    "breathin": "breathing",
    "tinglin": "tingling",
    "throbbin": "throbbing",
    "outta": "of",
    "msgs": "messages",
    "msg": "message",
    "txt": "text",
    "txts": "texts",
    "texting": "texting",
    "abt": "about",
    "cuz": "because",
    "coz": "because",
    "bc": "because",
    "w": "with",
    "prob": "probably",
    "def": "definitely",
    "lightheadedness": "lightheadedness",
}


@dataclass(frozen=True)
class Token:
    norm: str  # lower case, apostrophes dropped, stretched letters squeezed, shorthand read
    start: int
    end: int
    sentence: int
    is_word: bool


QUOTED_LINE = re.compile(r"^[ \t]*>.*$", re.MULTILINE)
TAPBACK = re.compile(
    r"^\s*(?:liked|loved|emphasi[sz]ed|laughed at|disliked|questioned)\s+([“\"].*[”\"])\s*$",
    re.IGNORECASE | re.DOTALL,
)


def without_quotes(text: str) -> str:
    """The patient's own words: our question quoted back ("> How are you feeling?", an
    iPhone reaction 'Liked “How are you…”') is blanked out, keeping every span in place."""
    text = QUOTED_LINE.sub(lambda m: " " * len(m.group(0)), text)
    tapback = TAPBACK.match(text)
    if tapback:
        a, b = tapback.span(1)
        text = text[:a] + " " * (b - a) + text[b:]
    return text


def fold(text: str) -> str:
    """Lower case, accents off, one character out per character in, so spans stay valid."""
    if text.isascii():
        return text.lower()
    return "".join((unicodedata.normalize("NFKD", ch)[:1] or ch).lower()[:1] or ch for ch in text)


def normalise_word(raw: str) -> str:
    word = raw.lower().replace("'", "").replace("’", "")
    word = REPEATS.sub(r"\1", word)  # "sooore" -> "sore", "plsss" -> "pls"
    return SHORTHAND.get(word, word)


def read_word(raw: str) -> str:
    """A word as the lexicon knows it; "breathing's" / "heart's" (is, has, possessive) is
    the word itself. Short ones keep their form: "it's", "he's" are words of their own."""
    if len(raw) > 5 and raw[-2:] in ("'s", "’s"):
        raw = raw[:-2]
    return normalise_word(raw)


def tokenize(text: str) -> list[Token]:
    """Word and sentence-mark tokens, each with its span in the original text."""
    tokens: list[Token] = []
    sentence = 0
    for match in WORD.finditer(fold(text)):
        raw = match.group(0)
        if raw in SENTENCE_END:
            tokens.append(Token(raw, match.start(), match.end(), sentence, False))
            sentence += 1
            continue
        tokens.append(Token(read_word(raw), match.start(), match.end(), sentence, True))
    return tokens


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
        self.lookup = lru_cache(maxsize=50_000)(self._lookup)

    def _lookup(self, word: str) -> frozenset[str]:
        if word in self.words:
            return frozenset((word,))
        found = self.by_stem.get(stem(word), set())
        if found or len(word) < 4 or not word.isalpha() or word in self.known:
            return frozenset(found)
        limit = 2 if len(word) >= 8 else 1
        by_distance: dict[int, set[str]] = {}
        for candidate in self.fuzzy_pool:
            if abs(len(candidate) - len(word)) <= limit and candidate[0] == word[0]:
                d = DamerauLevenshtein.distance(word, candidate, score_cutoff=limit)
                if d <= limit:
                    by_distance.setdefault(d, set()).add(candidate)
        # A typo stands for the nearest words: "sweeling" is "swelling" (1), not "seeping" (2)
        return frozenset(by_distance[min(by_distance)]) if by_distance else frozenset()
