"""What must not change a label: how a text is greeted, signed off and typed.

Every labelled reply the team keeps is re-sent the ways phones and people wrap a message
("Hi, ...", "... thanks", "... x", "... 🙂", curly apostrophes, "Sent from my iPhone",
lower case) and must keep
its label. Each wrapping once turned real findings into "normal" ("pain is 8 x" read as a
count, "wrong number thanks" as thanks) or dropped an opt-out ("Hi, STOP").
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from scheduler.triage import assess
from scheduler.triage.evaluation import read_cases

CASES = [
    case
    for path in sorted((Path(__file__).parent / "cases").glob("*.jsonl"))
    for case in read_cases(path)
]

# Re-reading every kept case eight ways is the largest part of `make test`: each way reads a
# fixed half of the cases (by a hash of the id), the next way the other half, so every case
# is read four ways. AFTERCARE_INVARIANCE=all reads every case every way.
EVERY_CASE = os.environ.get("AFTERCARE_INVARIANCE") == "all"


def half(n: int) -> list[dict[str, str]]:
    """Way n's share of the cases: all of them, or the half whose id hashes like n."""
    if EVERY_CASE:
        return CASES
    return [case for case in CASES if zlib.crc32(case["id"].encode()) % 2 == n % 2]


# Signed with a first name and a surname that spells a finding ("Regards, Stuart Swell",
# "Thanks so much, Barry Lumb"): read as a name only capitalised and where it ends the
# reply; in lower case, or with news run on after it, the surname is read as a word.
SURNAMES_THAT_SPELL_A_FINDING = {
    f"blind_hr-{n:03d}"
    for n in (1, 10, 12, 20, 22, 30, 37, 48, 50, 56, 67, 84, 90, 91, 101, 113, 119, 132)
} | {f"blind_hy-{n:03d}" for n in (27, 58, 61, 72, 94, 104, 127, 149)}

# Replies with no word of their own ("...", "lol") are unreadable; thanked or smiled at,
# they say thanks.
NOTHING_BUT_THE_WRAPPING = {"blind_is-039", "blind_is-066"}
# and news of someone else with nothing of the patient ("my grandson's passing out parade
# was today, so proud of him 🇬🇧"): a smile after it reads as the patient being well
NOTHING_BUT_THE_WRAPPING |= {"blind_nl-002"}

WRAPPINGS: dict[str, Callable[[str], str]] = {
    "greeted": lambda text: "Hi, " + text,
    "thanked": lambda text: text.rstrip() + " thanks",
    "kissed": lambda text: text.rstrip() + " x",
    "smiled": lambda text: text.rstrip() + " 🙂",
    "curly apostrophes": lambda text: text.replace("'", "’"),
    "signed by the phone": lambda text: text.rstrip() + "\n\nSent from my iPhone",
}


def label_of(reply: tuple[str, str]) -> str:
    text, checkin = reply
    return assess(text, checkin).label


# A wrapping that leaves a case as it was ("curly apostrophes" of a text without one, lower
# case of a text typed so) keeps its label: test_cases holds the engine to it.
UNWRAPPED = {(case["text"], case["checkin"]): case["label"] for case in CASES}


def labels(replies: list[tuple[str, str]]) -> list[str]:
    """Each (text, checkin)'s label, read on every core; only the replies a wrapping changed
    are read."""
    changed = [reply for reply in replies if reply not in UNWRAPPED]
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        read = dict(zip(changed, pool.map(label_of, changed, chunksize=512), strict=True))
    return [UNWRAPPED[reply] if reply in UNWRAPPED else read[reply] for reply in replies]


@pytest.mark.parametrize("wrapping", WRAPPINGS, ids=list(WRAPPINGS))
def test_a_wrapping_keeps_every_label(wrapping: str) -> None:
    wrap, cases = WRAPPINGS[wrapping], half(list(WRAPPINGS).index(wrapping))
    texts = [wrap(case["text"]) for case in cases]
    got = labels([(text, case["checkin"]) for text, case in zip(texts, cases, strict=True)])
    changed = [
        f"[{case['id']}] {case['label']} -> {label}: {text!r}"
        for case, text, label in zip(cases, texts, got, strict=True)
        if label != case["label"] and case["id"] not in NOTHING_BUT_THE_WRAPPING
    ]
    assert changed == [], "\n".join(changed[:20])


def test_lower_case_keeps_every_label_but_a_shouted_stop() -> None:
    # Names are still read in lower case ("this is mark, jess's husband. she fainted").
    # Only capitals say that "STOP bit sore but ok" is a keyword and then news; "stop bit
    # sore but ok" may be either, and stays normal ("STOP no dizziness ... just stop" and "STOP
    # its pouring here" likewise).
    cases = half(len(WRAPPINGS))
    got = labels([(case["text"].lower(), case["checkin"]) for case in cases])
    changed = {case["id"] for case, label in zip(cases, got, strict=True) if label != case["label"]}
    # nj-045: "...killing me, drilling since 7am 🙄 my back": no capital, no new sentence
    expected = {"blind_g-144", "blind_cw-006", "blind_hj-145", "blind_nj-045"}
    expected |= SURNAMES_THAT_SPELL_A_FINDING
    assert changed <= expected, sorted(changed - expected)


def test_news_of_the_day_run_on_after_the_reply_keeps_every_flag() -> None:
    # Texts run sentences together unmarked. "his neck is still stiff Took the dog out this
    # morning" once made the dog the one with the stiff neck, "8-9 Took ..." no score, and
    # "fever: nope Took ..." no answer: 88 flags moved. Every flag must stay and none
    # appear ("👍 Took the dog out" going to a person is allowed). Left: a letter's signed
    # name is blanked only where it ends the reply ("Many thanks, Arthur Lumb Took the dog
    # out" reads a lump), a relative's signature likewise ("(her mum) Took the dog out"),
    # and "since Wednesday Took" runs on.
    news = " Took the dog out this morning."
    cases = half(len(WRAPPINGS) + 1)
    got = labels([(case["text"].rstrip() + news, case["checkin"]) for case in cases])
    flagged = {"emergency", "complication"}
    changed = {
        case["id"]
        for case, label in zip(cases, got, strict=True)
        if label != case["label"] and {label, case["label"]} & flagged
    }
    letters = {"blind_bj-006", "blind_bj-086", "blind_db-020", "blind_gz-106"}
    # "- Sue (Tom's wife) Took the dog out": a signed relation no longer ends the reply
    signed_relations = {
        "blind_nb-124", "blind_nb-149", "blind_ne-007", "blind_ne-012", "blind_ne-097",
        "blind_ni-009", "blind_ni-025", "blind_ni-085", "blind_ni-106", "blind_ni-125",
        "blind_ni-136", "blind_no-075",
    }
    # "8 😣 Took the dog out": a bare score closed by an emoji, not a full stop, runs on
    bare_scores = {"blind_od-032"}
    expected = (
        letters | signed_relations | bare_scores | {"blind_dr-095"} | SURNAMES_THAT_SPELL_A_FINDING
    )
    assert changed <= expected, sorted(changed - expected)
