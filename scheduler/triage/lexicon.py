"""The lexicon: concepts and context words, loaded from lexicon.toml (data, not code)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from .text import Vocabulary, normalise_word

Phrase = tuple[str, ...]


def phrase(text: str) -> Phrase:
    """'Short of breath' -> ('short', 'of', 'breath'), normalised like patient text
    (which reads "I am" as "im", and "abit" as "a bit")."""
    spaced = f" {text.replace('-', ' ').lower()} "
    spaced = spaced.replace(" i am ", " im ").replace(" abit ", " a bit ")
    return tuple(normalise_word(w) for w in spaced.split())


@dataclass(frozen=True)
class Concept:
    name: str
    label: str
    rule: str
    terms: tuple[Phrase, ...]
    kind: str = ""
    near: frozenset[str] = frozenset()
    near_window: int = 6
    # A context list whose phrases, anywhere in the same sentence, also pair the concept
    # ("red patch ... now nearly up to my knee")
    near_sentence: str = ""
    # Two sizes in the sentence, the later larger, also pair it ("2cm at 7am, now 5cm")
    near_growth: bool = False


@dataclass(frozen=True)
class Lexicon:
    concepts: tuple[Concept, ...]
    context: dict[str, tuple[Phrase, ...]]
    vocabulary: Vocabulary
    # first word of a term -> [(concept, term)], longest terms first
    index: dict[str, list[tuple[Concept, Phrase]]]
    # each list's one-word entries
    single_words: dict[str, frozenset[str]]
    # each list's phrases as written, to match a whole reply against
    spelled: dict[str, frozenset[str]]
    # first word -> [(context list, phrase)] over every list: a reply is read once for all
    context_by_first: dict[str, tuple[tuple[str, Phrase], ...]]

    def words(self, key: str) -> frozenset[str]:
        """A context list's one-word entries."""
        return self.single_words.get(key, frozenset())

    def phrases(self, key: str) -> tuple[Phrase, ...]:
        return self.context.get(key, ())

    def is_phrase(self, key: str, text: str) -> bool:
        """Whether `text` (words joined by spaces) is one of the list's phrases."""
        return text in self.spelled.get(key, frozenset())


def build_lexicon(data: dict[str, Any]) -> Lexicon:
    concepts = tuple(
        Concept(
            name=c["name"],
            label=c["label"],
            rule=c["rule"],
            terms=tuple(phrase(t) for t in c["terms"]),
            kind=c.get("kind", ""),
            near=frozenset(normalise_word(w) for w in c.get("near", [])),
            near_window=int(c.get("near_window", 6)),
            near_sentence=c.get("near_sentence", ""),
            near_growth=bool(c.get("near_growth", False)),
        )
        for c in data["concept"]
    )
    context = {k: tuple(phrase(v) for v in vs) for k, vs in data.get("context", {}).items()}
    words: set[str] = set()
    for concept in concepts:
        words |= {w for t in concept.terms for w in t if w != "*"} | set(concept.near)
    for phrases in context.values():
        words |= {w for p in phrases for w in p}
    index: dict[str, list[tuple[Concept, Phrase]]] = {}
    for concept in concepts:
        for term in concept.terms:
            index.setdefault(term[0], []).append((concept, term))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[1]))
    singles = {k: frozenset(p[0] for p in ps if len(p) == 1) for k, ps in context.items()}
    spelled = {k: frozenset(" ".join(p) for p in ps) for k, ps in context.items()}
    by_first_word: dict[str, list[tuple[str, Phrase]]] = {}
    for key, phrases in context.items():
        for p in phrases:
            by_first_word.setdefault(p[0], []).append((key, p))
    context_by_first = {w: tuple(entries) for w, entries in by_first_word.items()}
    return Lexicon(
        concepts,
        context,
        Vocabulary(words),
        index,
        singles,
        spelled,
        context_by_first,
    )


def load_lexicon(path: Path | None = None) -> Lexicon:
    """The packaged lexicon, or a clinic's own file."""
    if path is None:
        return default_lexicon()
    return build_lexicon(tomllib.loads(path.read_text(encoding="utf-8")))


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    text = resources.files(__package__).joinpath("lexicon.toml").read_text(encoding="utf-8")
    return build_lexicon(tomllib.loads(text))
