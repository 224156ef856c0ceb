"""Triage rules, each pinned by name, and the explanation every finding carries."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

from scheduler.triage import PainThresholds, Triage, assess, build_lexicon


def label(text: str, checkin: str = "24h") -> str:
    return assess(text, checkin).label


def test_48h_soreness_not_improving_is_complication() -> None:
    assert label("still sore, same as yesterday", "48h") == "complication"
    rules = {f.rule for f in assess("still sore, same as yesterday", "48h").findings}
    assert "48h-soreness-not-improving" in rules


def test_24h_soreness_is_normal() -> None:
    assert label("still sore, same as yesterday", "24h") == "normal"


def test_48h_soreness_that_is_easing_is_normal() -> None:
    assert label("still a bit sore but easing off", "48h") == "normal"


def test_negation_scope_ends_at_but() -> None:
    assert label("no fever but the redness is spreading") == "emergency"


def test_negated_findings_do_not_count_but_are_explained() -> None:
    a = assess("no sharp pain, just achy")
    assert a.label == "normal"
    sharp = [f for f in a.findings if f.phrase == "sharp"]
    assert sharp and sharp[0].rule == "negated" and not sharp[0].counted


def test_a_finding_asked_about_and_denied_is_negated() -> None:
    assert label("fever? nope. dizzy? no") == "normal"


def test_findings_that_passed_still_count() -> None:
    a = assess("had chest tightness last night, gone now", "48h")
    assert a.label == "emergency"
    assert any(f.rule == "resolved-still-counts" for f in a.findings)
    assert label("felt lightheaded after, it passed") == "complication"


def test_hypotheticals_are_not_reports() -> None:
    a = assess("what if I get a fever?")
    assert a.label == "review"
    assert any(f.rule == "hypothetical" and not f.counted for f in a.findings)


def test_a_question_with_a_report_inside_still_counts() -> None:
    assert label("is it normal that im this dizzy 2 days later?", "48h") == "complication"


def test_someone_elses_symptoms_do_not_count() -> None:
    a = assess("my husband has a fever")
    assert a.label == "review"
    assert any(f.rule == "someone-else" for f in a.findings)


def test_someone_texting_for_the_patient_reports_the_patient() -> None:
    assert label("Hi this is her daughter, mum fainted this morning") == "emergency"


def test_the_most_severe_finding_wins() -> None:
    assert label("small bruise, bit sore, and I blacked out at work") == "emergency"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("8/10", "complication"),
        ("7 out of 10", "complication"),
        ("like a 9", "emergency"),
        ("8 outta 10", "complication"),
        ("8-9", "emergency"),
        ("6 or 7", "complication"),
        ("pain is a 3", "normal"),
        ("took 2 ibuprofen at 9am, feeling fine", "normal"),
    ],
)
def test_pain_scores_in_any_format(text: str, expected: str) -> None:
    assert label(text) == expected


def test_pain_thresholds_are_configurable() -> None:
    strict = PainThresholds(emergency_min=8, complication_min=5)
    assert assess("pain 8/10", thresholds=strict).label == "emergency"
    assert assess("pain 5/10", thresholds=strict).label == "complication"
    assert assess("pain 5/10").label == "normal"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("temp 38.1", "emergency"),
        ("37.9c, feel ok", "normal"),
        ("100.4F", "emergency"),
        ("99.9 F, all good", "normal"),
        ("temperature of 102", "emergency"),
    ],
)
def test_temperatures_against_the_fever_line(text: str, expected: str) -> None:
    assert label(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("small bruise", "normal"),
        ("tiny bruise", "normal"),
        ("pea-sized bruise", "normal"),
        ("bruise the size of a coin", "complication"),
        ("big dark bruise", "complication"),
    ],
)
def test_bruise_size_qualifiers(text: str, expected: str) -> None:
    assert label(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("STOP", "opt_out"),
        ("stop texting me", "opt_out"),
        ("the pain won't stop", "review"),
        ("stop texting me, I'm at the ER with chest pain", "emergency"),
    ],
)
def test_stop_inside_a_symptom_report_versus_a_real_opt_out(text: str, expected: str) -> None:
    assert label(text) == expected


def test_an_opt_out_inside_an_emergency_is_still_requested() -> None:
    a = assess("stop texting me, I'm at the ER with chest pain")
    assert a.label == "emergency" and a.opt_out_requested


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("👍", "normal"),
        ("😭", "review"),
        ("🚨", "review"),
        ("", "review"),
        ("asdfgh", "review"),
    ],
)
def test_emoji_and_unreadable_text(text: str, expected: str) -> None:
    assert label(text) == expected


@pytest.mark.parametrize(
    "text", ["diziness", "brusing on my arm", "cant breath", "feel v light headed", "SWOLEN ANKLE"]
)
def test_misspellings_and_caps_are_read_as_meant(text: str) -> None:
    assert label(text) in ("complication", "emergency")


def test_real_words_are_not_corrected_into_symptoms() -> None:
    assert label("acting normal, feeling good") == "normal"  # not "aching"
    assert label("dizzy spells") == "complication"  # "spells" is not "swells"


def test_each_finding_names_its_phrase_span_and_rule() -> None:
    text = "Feel DIZY and a sharp pain"
    a = assess(text)
    for f in a.findings:
        assert text[f.span[0] : f.span[1]] == f.phrase
    assert {(f.phrase, f.label) for f in a.findings} >= {
        ("DIZY", "complication"),
        ("sharp", "complication"),
    }
    as_json = a.to_dict()
    assert set(as_json) == {"label", "findings", "opt_out_requested"}
    assert {"label", "phrase", "rule", "span", "counted"} == set(as_json["findings"][0])


def test_a_term_added_to_the_lexicon_gets_spelling_and_negation_handling() -> None:
    data = tomllib.loads(resources.files("scheduler.triage").joinpath("lexicon.toml").read_text())
    data["concept"].append(
        {
            "name": "fasciculation",
            "label": "complication",
            "rule": "clinic-added",
            "terms": ["fasciculations"],
        }
    )
    engine = Triage(build_lexicon(data))
    assert engine.assess("fasciculatoins in my calf").label == "complication"  # a typo
    assert engine.assess("no fasciculations today, feel fine").label == "normal"
    assert engine.assess("my wife has fasciculations").label == "review"
    assert assess("fasciculations in my calf").label != "complication"  # not in the default


def test_checkin_must_be_24h_or_48h() -> None:
    with pytest.raises(ValueError, match="checkin"):
        assess("fine", "72h")


def test_same_input_same_assessment() -> None:
    assert assess("sharp pain and a fever of 38.5", "48h") == assess(
        "sharp pain and a fever of 38.5", "48h"
    )


def test_a_finding_said_to_be_gone_now_still_counts() -> None:
    assert label("no tingling now, it went after an hour") == "complication"
    assert label("no tingling") == "normal"


def test_soreness_that_has_passed_is_normal() -> None:
    assert label("not sore anymore", "48h") == "normal"
    assert label("no stiffness now, all good", "48h") == "normal"


def test_a_half_point_between_bands_counts_as_the_higher_band() -> None:
    assert label("six and a half out of ten") == "complication"
    assert label("pain is 8.5/10") == "emergency"
    assert label("about 5 and a half out of 10, fine otherwise") == "normal"


def test_a_thermometer_reading_counts_far_from_the_word_temp() -> None:
    assert label("temp is 37.4 this morning but it was 38.1 last night", "48h") == "emergency"
    assert label("neck is better but I have been at 38.2 since the night") == "emergency"
    assert label("temp 36.8 this morning, all good") == "normal"


def test_a_relative_introducing_themselves_texts_for_the_patient() -> None:
    assert label("Hi, this is Tom, Margaret's son. She passed out this morning", "48h") == (
        "emergency"
    )
    assert label("my grandmother is the patient, her chest is squeezing") == "emergency"
    assert label("Hi this is Anna. My son has a fever, I am fine") == "review"


def test_numbers_inside_an_idiom_are_not_pain_scores() -> None:
    assert label("10/10 would recommend, feel amazing") == "normal"
    assert label("pain is 10/10, I can't cope") == "emergency"


def test_the_complaint_the_patient_came_in_with_being_gone_is_normal() -> None:
    assert label("my back is fine, the sharp pain I came in with is gone") == "normal"
    assert label("the sharp pain I came in with is still there") == "complication"
    assert label("had a sharp pain last night, gone now") == "complication"


def test_a_request_for_advice_without_a_question_mark_is_a_question() -> None:
    assert label("Dear Clinic, kindly let me know whether I should continue the tea.") == ("review")


def test_a_general_question_about_a_symptom_is_not_a_report() -> None:
    assert label("Is dizziness normal after a session? I've read it can happen.") == "review"
    assert label("I'm a bit dizzy this morning, is that normal?") == "complication"
    assert label("Dizzy, is that normal?") == "complication"


def test_an_exclamation_is_not_a_question() -> None:
    assert label("What an amazing session! Feeling great") == "normal"


def test_a_choice_of_two_scores_where_pain_is_talked_about() -> None:
    assert label("kinda achy, 7 or 8 maybe when i bend") == "complication"
    assert label("6-7 when i move, fine when still") == "complication"
    assert label("2 or 3 of the needle spots are a bit sore") == "normal"


def test_redness_away_from_the_needle_sites_is_for_review() -> None:
    assert label("itchy red rash on my tummy, not where the needles were") == "review"
    assert label("itchy red rash right around the needle spots") == "complication"


def test_whose_temperature_is_read_where_the_word_temperature_stands() -> None:
    text = "I've taken my temperature as my wife insisted: 38.2. Feel a bit rotten."
    assert label(text, "48h") == "emergency"
    assert label("my wife took her temperature, 38.2. I'm fine") == "review"


def test_two_negations_cancel_but_a_list_of_denials_does_not() -> None:
    assert label("cant say theres no swelling, a bit round the knee") == "complication"
    assert label("I'm not not sore lol. same as yesterday", "48h") == "complication"
    assert label("no fever, no swelling, no bruising, just tired") == "normal"


def test_a_negation_spent_on_a_verb_does_not_reach_the_symptom() -> None:
    assert label("painkillers aren't touching it, back is agony") == "emergency"


def test_our_question_quoted_back_is_not_the_patients_words() -> None:
    quoted = "> How are you feeling? Any dizziness or chest pain?\n\nall good no probs"
    assert label(quoted, "48h") == "normal"
    assert label("Liked “How are you feeling today? Any pain, dizziness or bruising?”") == (
        "normal"
    )
    assert label("> Any dizziness or chest pain?") == "review"


def test_an_opening_stop_set_apart_is_a_request_to_stop() -> None:
    assert label("Stop pls 🙏 feel fine, a tiny bruise but nothing else") == "opt_out"
    assert label("STOP bit sore but ok") == "opt_out"
    assert label("stop by friday? need to rebook") == "review"
    assert label("Cancel, can't make Thursday") == "review"


def test_someone_saying_the_sender_is_not_a_patient_is_not_texting_for_one() -> None:
    text = "My wife has chest pains, she isn't one of your patients. I'm fine"
    assert label(text, "48h") == "review"


def test_the_reason_for_treatment_is_not_a_new_symptom() -> None:
    assert label("Had it done on my ear for anxiety, feeling calmer already") == "normal"
    assert label("feeling anxious since the session") == "review"


def test_a_no_that_negates_nothing_after_it() -> None:
    assert label("Rang earlier no answer, can someone call me back please") == "review"
    assert label("Bit dizzy? Not really, just tired") == "normal"


def test_ordinary_pain_said_with_an_idiom_is_normal() -> None:
    assert label("My neck is killing me lol but in the normal achy way, like after a workout") == (
        "normal"
    )


def test_symptom_words_in_other_senses_are_not_findings() -> None:
    for text in (
        "Honestly I'm so faint-hearted about needles, but I feel great today.",
        "Red-letter day! Slept through the night for the first time in months.",
        "I'm on pins and needles waiting for my exam results, but my body feels great!",
        "Feeling swell, thanks for checking in!",
        "Dyed my hair with red streaks yesterday and I'm feeling fab.",
        "Shooting a wedding this weekend, so relieved my shoulder feels good!",
        "It's been a fever dream of a week at work but my back feels great.",
    ):
        assert label(text) == "normal", text


def test_history_from_long_before_the_session_is_not_a_finding() -> None:
    assert label("Used to get dizzy spells years ago, none now. Feel good.", "48h") == "normal"
    assert label("Used to get dizzy spells years ago, and I'm dizzy again today") == (
        "complication"
    )


def test_a_score_from_before_the_treatment_that_came_down() -> None:
    assert label("Before the treatment my back was an 8/10, today it's a 3. Amazing!") == "normal"
    assert label("Before the treatment it was a 3, today it's an 8") == "complication"


def test_understated_emergencies_described_not_named() -> None:
    for text in (
        "it's silly but the needle spot on my knee has gone yellow and crusty",
        "Feel like I've been hit by a bus and I'm burning up tbh",
        "Sorry to be a pain. Can't seem to fill my lungs properly today.",
        "one spot on my back is a bit mucky, like something's coming out of it",
        "had a bit of a wobble, next thing I knew I was on the floor looking at the ceiling",
        "Might be silly but there's a reddish streak going up from the needle spot",
        "the pink patch round the needle spot is bigger today, spreading out a bit",
    ):
        assert label(text) == "emergency", text


def test_not_sure_negates_nothing() -> None:
    text = "I went down in the kitchen, not sure what happened, everything went black. Fine now"
    assert label(text, "48h") == "emergency"


def test_feeling_a_symptom_inside_a_question_is_a_report() -> None:
    assert label("Is it normal to feel a bit dizzy? Only when I get up quick") == "complication"
    assert label("Is it normal to get a fever after acupuncture? My friend said so.") == "review"


def test_a_pain_idiom_with_a_low_score_is_read_by_the_score() -> None:
    assert label("My back is killing me but I think thats from gardening, it's a 4 at most") == (
        "normal"
    )


def test_who_knew_is_an_exclamation() -> None:
    assert label("Who knew needles could be this relaxing. Slept 9 hours straight lol") == (
        "normal"
    )


def test_combinations_of_findings_read_clause_by_clause() -> None:
    assert label("i wasnt short of breath before but now I am, stairs are hard", "48h") == (
        "emergency"
    )
    assert label("if it gets worse I'll call, but its already swollen round the knee") == (
        "complication"
    )
    assert label("no fever, no swelling, some bruising on my calf though") == "complication"
    assert label("small bruise on my arm and a big dark one on my back") == "complication"
    assert label("no stabbing pain like the first day, just a dull ache now", "48h") == (
        "complication"
    )
    assert label("no more texts. still stiff, about the same", "48h") == "complication"


def test_a_sender_texting_for_the_patient_has_symptoms_of_their_own() -> None:
    text = "texting for my mum, she's fine, bit tired. i've got a fever myself tho lol"
    assert label(text) == "review"


def test_a_felt_temperature_with_a_low_reading_is_for_review() -> None:
    assert label("slight temp 37.6, otherwise ok") == "review"
    assert label("slight temp, 38.4") == "emergency"
    assert label("low grade fever 99.5") == "emergency"


def test_a_question_whose_asker_says_it_is_theirs_is_a_report() -> None:
    assert label("is it normal for a needle spot to have pus? mine does", "48h") == "emergency"
    assert label("is it normal to black out after acupuncture? happened to me last night") == (
        "emergency"
    )
    assert label("Would you say 9/10 pain is normal? Because that's where I'm at") == "emergency"
    assert label("Is it common to feel dizzy after acupuncture? I'm fine, just curious") == (
        "review"
    )
    assert label("what should I do if I get dizzy?") == "review"


def test_easing_said_of_something_else_before_a_but_does_not_ease_the_soreness() -> None:
    assert label("Feeling good in myself, sleeping better, but my hip is still sore", "48h") == (
        "complication"
    )
    assert label("still a bit sore but easing off", "48h") == "normal"


def test_weakness_needs_a_body_to_be_weak() -> None:
    assert label("The tea at your clinic was weak haha, but my shoulder feels great") == "normal"
    assert label("legs feel heavy and kinda weak") == "complication"


def test_getting_worse_said_of_something_else() -> None:
    assert label("Traffic on my commute is getting worse lol but my back feels great") == "normal"
    assert label("the pain is getting worse") == "complication"


def test_a_person_named_in_an_earlier_sentence_does_not_own_this_ones_symptom() -> None:
    text = "Went for a coffee with my sister. Bit of a tight chest since 8pm, probably stress"
    assert label(text) == "emergency"
    assert label("My sister has a tight chest") == "review"


def test_who_the_patient_was_with_is_not_who_has_it() -> None:
    assert label("walked the dog with my husband and now I feel dizzy") == "complication"


def test_pain_that_is_not_manageable_is_an_emergency() -> None:
    assert label("pain in my shoulder is just not manageable anymore", "48h") == "emergency"
    assert label("the pain is manageable, thanks") == "normal"


def test_gone_as_become_is_no_easing() -> None:
    assert label("was fine till this morning, now my neck has gone really stiff", "48h") == (
        "complication"
    )
    assert label("the stiffness has gone", "48h") == "normal"


def test_a_typo_stands_for_its_nearest_word() -> None:
    assert label("bit of sweeling around the needle site on my wrist") == "complication"


def test_a_routine_measurement_is_not_a_symptom() -> None:
    assert label("Had my blood pressure checked today, all normal, and back feels good") == (
        "normal"
    )
    assert label("there was blood where the needle went in") == "review"


def test_a_dizzy_mare_is_scatty_not_dizzy() -> None:
    assert label("Im such a dizzy mare, left my scarf there. Back is grand") == "normal"


def test_a_small_bruise_that_has_grown_since_is_not_small() -> None:
    text = "The bruise was tiny last night but this morning it's spread across half my forearm"
    assert label(text) == "complication"
    assert label("small bruise, what should I do if it gets bigger?") == "review"


def test_pain_getting_stronger_or_more_sore_than_yesterday_is_worse() -> None:
    assert label("ache is creeping up into my mid back and getting stronger") == "complication"
    assert label("my shoulder is more sore today than yesterday") == "complication"


def test_a_choice_of_scores_counts_the_higher_one() -> None:
    assert label("a 6, maybe 7 when I climb stairs") == "complication"
    assert label("a 6 today") == "normal"


def test_me_inside_someone_elses_clause_is_not_the_subject() -> None:
    assert label("I'm fine but my sister who drove me fainted at work today") == "review"


def test_scores_and_soreness_that_came_down_or_went_are_easing() -> None:
    assert label("ache was about a 5 yesterday, down to a 2 today", "48h") == "normal"
    assert label("all good, soreness went yesterday afternoon", "48h") == "normal"


def test_a_worry_the_patient_says_is_over_is_not_one() -> None:
    assert label("I was worried the soreness would get worse but its actually fading", "48h") == (
        "normal"
    )
    assert label("I'm worried about my back") == "review"


def test_a_relative_asking_to_take_the_number_off_the_list_opts_out() -> None:
    text = "This is John's daughter, dad's doing fine, please take this number off your list"
    assert label(text, "48h") == "opt_out"


def test_what_the_patient_cannot_do_without_is_what_they_have() -> None:
    assert label("cant finish a sentence without puffing since yesterday", "48h") == "emergency"
    assert label("walked up the hill without puffing") == "normal"


def test_a_remedy_that_did_nothing_does_not_negate_what_follows() -> None:
    text = "Thought it was heartburn but Gaviscon did nothing, its a burning pressure in my chest"
    assert label(text, "48h") == "emergency"
    assert label("Bit of heartburn after a curry last night, no chest pain") == "review"


def test_a_question_that_says_when_it_began_is_a_report() -> None:
    assert label("Is it normal to get puffed out just walking to the loo since the session?") == (
        "emergency"
    )


def test_a_feeling_that_one_might_is_a_report_not_a_hypothetical() -> None:
    assert label("felt like I might keel over in the shower, sat down till it passed", "48h") == (
        "complication"
    )


def test_what_a_pharmacist_said_of_the_patient_is_the_patients() -> None:
    text = "Went to the pharmacist, she said the swelling round the points is probably fine"
    assert label(text) == "complication"
    assert label("my sister says acupuncture can give you a fever, is that true?") == "review"


def test_indirect_emergencies() -> None:
    assert label("squeezed it and thick white stuff came out", "48h") == "emergency"
    assert label("stood up too fast and was out for a few seconds", "48h") == "emergency"
    assert label("the redness was 10p size yesterday, now it covers half my shoulder", "48h") == (
        "emergency"
    )
    assert label("Feels like I can only get half a breath in since the needles") == "emergency"


def test_event_fevers_and_a_faint_little_bruise_are_not_symptoms() -> None:
    assert label("World Cup fever in our house lol. neck is fine") == "normal"
    assert label("faint little bruise on my shin, fading already", "48h") == "normal"


def test_how_far_redness_reaches_now_is_spreading() -> None:
    text = "The red patch was the size of a 5p yesterday now its nearly up to my knee"
    assert label(text, "48h") == "emergency"
    assert label("Drew round the red patch last night, this morning its an inch past the line") == (
        "emergency"
    )
    assert label("Drew round the red bit with a pen last night, its still inside the line") == (
        "complication"
    )


def test_a_symptom_listed_like_a_form_and_answered_no() -> None:
    assert label("Chest pain - no. Breathing - fine. Temp - normal. All good") == "normal"
    assert label("fever: no, dizziness: none") == "normal"
    assert label("sharp pain - not too bad but there") == "complication"  # goes on: no answer


def test_a_severity_word_about_the_world_is_not_pain() -> None:
    assert label("The heatwave is unbearable but my shoulder feels brilliant") == "normal"
    assert label("energy through the roof today, no issues") == "normal"
    assert label("the heat makes my back pain unbearable") == "emergency"


def test_a_clock_time_is_neither_a_score_nor_sharp() -> None:
    assert label("See you Tuesday at 10 sharp. Neck feels loads better") == "normal"
    assert label("an 8, sharp and stabbing") == "complication"
    text = "had a pounding headache come on last night around 9, still hanging about"
    assert label(text) == "review"
    assert label("its like around 9 when I bend") == "emergency"


def test_spread_said_as_a_verb_reaches_across_the_sentence() -> None:
    was = "The redness round the spot was the size of a 5p yesterday and "
    assert label(was + "now it's spread over half my neck", "48h") == "emergency"
    assert label(was + "it hasn't spread over the line", "48h") == "complication"


def test_a_little_ones_fever_and_a_clicking_jaw() -> None:
    assert label("My little one's been up all night with a high temperature, my back is fine") == (
        "review"
    )
    assert label("My jaw clicks now when I chew, doesn't hurt", "48h") == "review"
    assert label("no probs") == "normal"


def test_what_dictation_writes_for_the_word_said() -> None:
    assert label("I feint in the bathroom last night, husband found me on the floor") == (
        "emergency"
    )
    assert label("got a big brews on my calf where you did the needle") == "complication"
    assert label("yeah the neck is still saw", "48h") == "complication"
    assert label("I saw the doctor today, all fine", "48h") == "normal"
    assert label("having some chess pain since this morning, kind of squeezing") == "emergency"
    assert label("played chess all afternoon and my back is fine") == "normal"
    assert label("pain is about ate out of ten") == "complication"


def test_words_run_together_and_spelled_as_they_sound() -> None:
    assert label("CHESTPAIN STARTED AN HOUR AGO") == "emergency"
    assert label("bruzing all up my thigh") == "complication"
    assert label("thankyou so much, feeling great") == "normal"


def test_a_score_between_two_numbers_counts_the_higher() -> None:
    assert label("Pain between 8 and 9 honestly") == "emergency"
    assert label("between 8 and 9 people were in the waiting room, back is fine") == "normal"


def test_tiredness_is_normal_and_spotty_vision_is_near_fainting() -> None:
    assert label("im fine just exhausted lol") == "normal"
    assert label("my vision went spotty and I had to grab the counter but didn't go down") == (
        "complication"
    )


def test_a_run_of_questions_answered_once() -> None:
    assert label("Fever? Pus? None of that. I just feel a bit sick to my stomach") == "review"
    assert label("Fever? Pus? Both, since this morning") == "emergency"


def test_a_negation_spent_before_a_comma_or_on_the_going() -> None:
    assert label("no fever no dizziness no nothing, just stop texting me", "48h") == "opt_out"
    assert label("I can't say the numbness in my shin has gone away", "48h") == "complication"
    assert label("no bruises, no numbness, soreness mostly gone", "48h") == "normal"
    assert label("My chest isn't tight any more, thank goodness. Scary few hours") == "emergency"


def test_a_paired_term_without_its_partner_hides_nothing() -> None:
    text = "no fever, no pus, but there's a red spot around the ear needle"
    assert label(text) == "complication"


def test_a_bruise_s_colours_are_no_discharge_or_fainting() -> None:
    assert label("the faint yellowish bruise on my shin is almost gone, feel great", "48h") == (
        "normal"
    )
    assert label("the needle mark has gone yellow and crusty", "48h") == "emergency"


def test_how_will_i_know_if_is_a_question_and_pins_and_needles_with_an_ampersand() -> None:
    assert label("how will I know if one of the needle spots gets infected?") == "review"
    assert label("pins & needles in my toes since last night") == "complication"
    assert label("stop texting me, I'm in A&E, my chest is killing me", "48h") == "emergency"


def test_english_as_it_is_written_around_the_world() -> None:
    assert label("My body dey hot, I don dey run temperature since yesternight") == "emergency"
    assert label("pain until cannot tahan already, panadol also no use") == "emergency"
    assert label("Mi cyaan ketch mi breath from last night, it come and go") == "emergency"
    assert label("Liked to passed out at the Walmart, didn't hit the floor tho") == "complication"
    assert label("Ankle swole up real bad where she put them needles") == "complication"
    assert label("Mi head a spin every time mi stand up") == "complication"
    assert label("I am feel the pain more strong than yesterday in my lower back", "48h") == (
        "complication"
    )
    assert label("Head is paining since evening, took one Disprin") == "review"
    assert label("Loose motions since yesterday, otherwise body ok") == "review"
    assert label("not crook at all, sweet as") == "normal"
    assert label("I dey kampe, no wahala at all") == "normal"


def test_scores_said_of_now_and_of_later_times() -> None:
    assert label("pain was 2 last night, its 5 now") == "complication"  # rising
    assert label("shoulder was about a 4 before the session, now its 6") == "complication"
    assert label("knee was 6 before the session, its 4 now") == "normal"
    assert label("Sore was a 4 yesterday, 1 today", "48h") == "normal"  # falling
    assert label("between a 6 and a 7, no better than yesterday", "48h") == "complication"
    assert label("from a 6 down to a 2, nearly gone") == "normal"
    assert label("8ish, hard to turn my head") == "complication"
    assert label("got up at 8ish, all good") == "normal"


def test_temperatures_of_things_and_sizes_that_grow() -> None:
    assert label("Had a bath at 38 degrees last night, aches are basically gone") == "normal"
    assert label("it was 38 degrees outside and my back is fine") == "normal"
    assert label("got out of the shower and temp was 38.4") == "emergency"
    text = "red patch around the needle spot was 2cm at 7am, by 6pm its about 5cm"
    assert label(text) == "emergency"
    assert label("red patch around the needle spot, about 2cm, was 3cm yesterday") == (
        "complication"
    )


def test_a_relative_texting_and_sizes_told_by_things() -> None:
    assert label("Husband here - Dave fainted in the shower at 6:30, he's conscious now") == (
        "emergency"
    )
    assert label("This is my dad's phone, he's 79 - he's been dizzy since 4pm") == ("complication")
    assert label("got 2 bruises, one is tiny, the other one is as big as a golf ball") == (
        "complication"
    )


def test_what_the_patient_will_do_and_numbers_to_take_off() -> None:
    assert label("no more check-ins please, I'll get in touch if anything changes") == "opt_out"
    assert label("Please remove this number (0400 111 222) from your list") == "opt_out"
    assert label("Just did 12,000 steps, is that too much after needles?") == "review"
    assert label("can barely walk, the pain is too much") == "emergency"


def test_emergencies_in_the_patient_s_own_words() -> None:
    assert label("cant seem to get a proper lungful of air since last night") == "emergency"
    assert label("Chest feels like there's a belt buckled round it since I woke up") == "emergency"
    assert label("no fever but my chest feels clamped, like in a vice") == "emergency"
    assert label("my breathing feels like its going through a straw") == "emergency"
    assert label("Had to leave work, the pain in my back is more than I can cope with") == (
        "emergency"
    )
    assert label("Pain in my hip had me screaming into a pillow, nothing helped at all") == (
        "emergency"
    )
    assert label("the hole on my thumb has a bead of cloudy liquid sitting on it") == "emergency"
    text = "every time I climb the hill there's an ache across my chest and I'm puffing"
    assert label(text) == "emergency"


def test_complications_in_the_patient_s_own_words() -> None:
    assert label("gone all blue and yellow on the inside of my elbow") == "complication"
    assert label("head feels swimmy, like I've had three pints") == "complication"
    assert label("my fingertips have gone dead, can't feel them properly") == "complication"
    assert label("Sudden zings down my arm into my little finger") == "complication"


def test_the_same_vivid_words_for_harmless_things() -> None:
    assert label("new bra feels like a belt round my chest lol, shoulder much better") == "normal"
    text = "Was burning up and sweating after a stupidly hot phaal curry haha. Back feels better"
    assert label(text) == "normal"
    assert label("shivering at the bus stop in this wind but the knee ache has gone") == "normal"
    assert label("power cut blacked out our whole street last night. feeling fine") == "normal"
    assert label("watched my grandson's passing out parade today. Knee feels good") == "normal"
    assert label("had to leave work early for my son's nativity, back pain is loads easier") == (
        "normal"
    )
    assert label("My daughter's new ear piercing has pus in it, can acupuncture help?") == (
        "review"
    )
    assert label("felt really weepy and emotional last night, is that a thing?") == "review"
    assert label("Bit of heartburn after a curry last night. No chest pain") == "review"


def test_findings_told_by_comparison_and_consequence() -> None:
    assert label("woke at 3am like I was drowning, gulping for air. settled now") == "emergency"
    assert label("cnt get air in propprly, like my lungs r half the size") == "emergency"
    assert label("panting like I've run for a bus but I've been on the sofa all afternoon") == (
        "emergency"
    )
    assert label("boiling hot one minute then shivering under two duvets, teeth chattering") == (
        "emergency"
    )
    assert label("my partner spotted crusty yellow gunk round the little hole on my back") == (
        "emergency"
    )
    assert label("my son found me on the kitchen floor, I don't remember falling") == "emergency"
    assert label(
        "the pink patch was the size of a 5p this morning, now it's as big as my palm"
    ) == ("emergency")
    assert label("my wife says the knee you treated looks like a grapefruit") == "complication"
    assert label("the patch you worked on is noticeably warmer than the other side") == (
        "complication"
    )
    assert label("still feels like I did a brutal leg day, hasn't budged", "48h") == "complication"


def test_the_same_comparisons_for_harmless_things() -> None:
    assert label("the cheese was oozing out of my toastie at lunch, heaven. all good") == "normal"
    assert label("my sourdough puffed up like a balloon today! wrist feels much better") == "normal"
    assert label("the boiler's packed in and we're all shivering lol, hip's much better") == (
        "normal"
    )
    assert label(
        "my daughter stabbed me in the back by eating the last biscuit, back is better"
    ) == ("normal")
    assert label("this chilli was a 10 out of 10 on the heat scale, no pain anywhere though") == (
        "normal"
    )
    assert label("dizzy? nope. that tingly thing you warned about? nope. just a bit sleepy") == (
        "normal"
    )
    assert label("Could someone give me a call back? Nothing urgent.") == "review"
    assert label("temperature 37.5, is that a fever?") == "review"
    assert label("the heat made the swelling on my ankle worse") == "complication"


def test_a_reply_all_about_a_parent_comes_from_their_carer() -> None:
    assert label("Dad's back ache has eased a lot, he even did some gardening", "48h") == "normal"
    assert label("Partner texting - she blacked out for a few seconds getting up") == "emergency"
    assert label("My teammate got a fever after his session with you. I feel fine myself") == (
        "review"
    )


def test_hedged_reports_of_real_findings() -> None:
    text = "Sorry to bother you, probably nothing, but there's a sort of heavy pressing feeling"
    assert label(text + " in the middle of my chest since this morning") == "emergency"
    assert label("Sorry to moan, but my lower back is the worst it's ever been") == "emergency"
    assert label("my back is the most pain I've had in my life, probably just a bad day") == (
        "emergency"
    )
    assert label("The mark on my hand has gone dark blue/black, about the size of a 2p") == (
        "complication"
    )
    assert label("probably just tired but the room did a little spin when I got up") == (
        "complication"
    )
    assert label("my chest is fine but both my legs feel really heavy today") == "normal"


def test_english_mixed_with_other_languages() -> None:
    assert label("fa shao le last night, 39 du, feeling awful") == "emergency"
    assert label("seene mein dard ho raha hai since I got home, a bit scared") == "emergency"
    assert label("zemdlałam w pracy, only for a few seconds but still") == "emergency"
    assert label("nahirapan akong huminga kanina, had to sit by the open window") == "emergency"
    assert label("dard bardasht nahi ho raha, lower back mein") == "emergency"
    assert label("dolor 8-9 de 10 en el hombro") == "emergency"
    assert label("namamaga pa rin yung tuhod ko", "48h") == "complication"
    assert label("mrowi mi prawa ręka od rana") == "complication"
    assert label("casi me desmayo en el bus, had to sit down") == "complication"
    assert label("bukhar nahi, chakkar nahi, soreness khatam", "48h") == "normal"
    assert label("mei you fa shao, mei you tou yun, hen hao") == "normal"
    assert label("muy bien gracias! a little stiff in the neck pero nada grave") == "normal"
    assert label("maliit na pasa lang sa braso, okay lang") == "normal"
    assert label("please band karo ye messages, I'm fine") == "opt_out"
    assert label("arrêtez de m'envoyer des messages svp") == "opt_out"
    assert label("was worried about bruising but none at all") == "normal"
    assert label("A bit bruised but nothing major") == "complication"


def test_what_a_finding_does_to_the_day() -> None:
    text = "Couldnt get to the end of a sentence on the phone without stopping to gulp air"
    assert label(text) == "emergency"
    assert label("My wife took photos of the red area on my calf, it's twice the size now") == (
        "emergency"
    )
    assert label("picked up the cat and a pain shot right down the back of my leg") == (
        "complication"
    )
    assert label("Neck pain has doubled since the session") == "complication"
    assert label("Dropped my coffee cup twice, my right hand just won't grip properly") == (
        "complication"
    )
    assert label("Arm has felt like it's asleep ever since I left the clinic") == "complication"
    assert label("Half my face feels numb, had to drink my tea through a straw") == "complication"
    assert label("Still sore where the needles went, tender like an old bruise, but fine") == (
        "normal"
    )
    assert label("My son's had a fever since Sunday so I'm shattered, but my shoulder is fine") == (
        "review"
    )


def test_more_languages_and_words_no_typo_may_turn_into_ours() -> None:
    assert label("Hatte heute Nacht Schmerzen in der Brust, jetzt ist es weg") == "emergency"
    assert label("Dor insuportável nas costas, não consigo nem sentar direito") == "emergency"
    assert label("Ieri sera sono svenuta in cucina, now I feel ok") == "emergency"
    assert label("Walla mish 2adra atnaffas since last night, w sadri madghout") == "emergency"
    assert label("Mir ist seit heute morgen drehschwindelig, alles dreht sich") == "complication"
    assert label("Ateşim yok, başım da dönmüyor, teşekkürler") == "normal"
    assert label("Sem febre, sem inchaço, só um pouco cansada") == "normal"
    assert label("Ne pishite mne bol'she, vsyo v poryadke") == "opt_out"
    assert label("I've got a small bruise on my shin, what should I do if it gets bigger?") == (
        "review"
    )


def test_a_finding_stated_before_a_question_is_reported() -> None:
    assert label("zhen kou chu liu nong le, yellow pus, yao qu yiyuan ma?") == "emergency"
    assert label("yellow stuff coming out of the spot, should I go to A&E?") == "emergency"
    assert label("Is it normal to get pus, or redness?") == "review"
    assert label("¿y si sale pus del piquete, qué hago?") == "review"
    assert label("Bit more vaginal discharge than usual, normal in early pregnancy?") == "review"


def test_thanks_and_a_smile_sign_off_a_reply_they_are_not_its_news() -> None:
    assert label("thanks!") == "normal"
    assert label("all good thanks x") == "normal"
    assert label("Thanks for checking in Sarah") == "normal"
    assert label("wrong number thanks") == "review"
    assert label("my ears have been ringing a bit since yesterday thanks") == "review"
    assert label("😭 thanks") == "review"
    assert label("kjhsdfk 🙂") == "review"
    assert label("👍") == "normal"


def test_a_score_is_read_through_the_greeting_and_the_sign_off() -> None:
    assert label("Hi, 7 or 8") == "complication"
    assert label("pain is 8 x") == "complication"
    assert label("8-9 🙂") == "emergency"
    assert label("6 or 7 id say") == "complication"
    assert label("Hi Sarah, 9/10 today") == "emergency"
    assert label("took 2 x paracetamol, pain is fine") == "normal"  # a count, not a kiss
    assert label("Hi Red lines going up my arm") == "emergency"  # no name: the news


def test_a_greeting_does_not_hide_how_the_reply_opens() -> None:
    assert label("Hi, STOP") == "opt_out"
    assert label("Hi, can i go to the gym today or should i rest") == "review"
    assert label("Good morning Dr Chen, mums knee still stiff today", "48h") == "complication"


def test_a_relative_introduced_as_thumbs_type_it() -> None:
    assert label("this is jens husband, she fainted getting out of the shower") == "emergency"
    assert label("this is mark, jess's husband. she fainted") == "emergency"
    assert label("Hi this is Mark, Julies husband. She fainted in the shower") == "emergency"
    assert label("This is Maria's daugther, mum has been dizzy all morning") == "complication"
    assert label("its my friend's husband, he fainted") == "review"


def test_a_sentence_the_writer_did_not_punctuate_still_ends() -> None:
    assert label("No fever No pus No discharge Chest feels tight though") == "emergency"
    assert label("STOP Soreness is nearly gone anyway thanks", "48h") == "opt_out"
    assert label("Stop All good thanks") == "opt_out"
    assert label("Feeling Good Today Thanks") == "normal"  # title case is no restart


def test_a_list_of_denials_then_what_is_left() -> None:
    assert label("no swelling no redness soreness basically gone", "48h") == "normal"
    assert label("no fever no swelling no dizziness stiffness nearly gone", "48h") == "normal"
    assert label("I can't say the numbness has gone away") == "complication"


def test_a_faint_denied_but_nearly_had() -> None:
    assert label("didnt faint but i nearly did in the shower") == "complication"
    assert label("didn't pass out, came close though") == "complication"
    assert label("no fainting, all good") == "normal"


def test_apostrophes_and_letters_that_thumbs_drop() -> None:
    assert label("Breathings been hard since i got home") == "emergency"
    assert label("swellings gone down from about 3cm to 2cm but still there") == "complication"
    assert label("shooing pain down my leg since last night") == "complication"
    assert label("Much better thank you. Only the faintest ache left.", "48h") == "normal"


def test_more_words_for_findings_and_for_feeling_fine() -> None:
    assert label("never had pain like it in my life, proper savage") == "emergency"
    assert label("one of the needle spots has a white head on it") == "emergency"
    assert label("come up like a golf ball behind my knee") == "complication"
    assert label("the room was going round for a bit after dinner") == "complication"
    assert label("muscles feel a bit worked, like after a long hike") == "normal"
    assert label("stop msgs. no fever no swelling", "48h") == "opt_out"
    assert label("all sweet, she'll be right mate") == "normal"
    assert label("everyting irie, feeling nice") == "normal"
    assert label("Sharp sharp! All good my side, thanks") == "normal"
    assert label("physio discharged me today too, back feels great 💪") == "normal"
    assert label("period pains today, same as every month", "48h") == "review"
    assert label("tummy's been a bit off, loose bowels") == "review"
    assert label("Itchy skin on my bump tonight, otherwise fine") == "review"


def test_what_the_small_talk_says_of_the_world_is_not_a_finding() -> None:
    assert label("The unbearable heat continues. There's a dark bruise on my calf") == (
        "complication"
    )
    assert label("The storm last night was unbearable. Shoulder feels better, soreness easing") == (
        "normal"
    )
    assert label("Been sitting with a cold drink, feeling fine, just a bit sleepy") == "normal"
    assert label("We finally had a sunny day, my knee is a bit tender") == "normal"
    assert label("Tiny bruise on my hand, no bigger than a freckle") == "normal"
    assert label("I had a small bruise come up near my ankle but it's faint") == "normal"


def test_a_wrong_number_outranks_its_pleasantries() -> None:
    assert label("I think you've got the wrong number. Have a lovely day!") == "review"
    assert label("wrong numbr") == "review"


def test_ok_leads_into_the_news_it_is_not_the_news() -> None:
    assert label("ok had a nosebleed last night") == "review"
    assert label("ok whens my next appointment") == "review"
    assert label("ok great thanks, see you next week") == "normal"
    assert label("took 2 ibuprofen at 9am, feeling ok now") == "normal"
    assert label("ok i guess") == "normal"


def test_scores_and_pains_in_their_own_words() -> None:
    assert label("10/10 pain, would not recommend") == "emergency"
    assert label("10/10 would recommend") == "normal"
    assert label("Worst ache I've ever had, nothing dulls it") == "emergency"
    assert label("shoting pain down my leg") == "complication"
    assert label("pain is 2 today haha") == "normal"
    assert label("Bit of a backache since the session") == "normal"
    assert label("Cant complain, all right since i got home") == "normal"
    assert label("not swollen not red soreness almost gone", "48h") == "normal"
    assert label("not dizzy at all soreness is nearly gone", "48h") == "normal"


def test_the_patient_is_the_one_you_treated() -> None:
    assert label("My mum has chest pain, but I'm the one you treated and I'm fine") == "review"
    assert label("my wife says the knee you treated looks like a grapefruit") == "complication"


def test_understated_findings_keep_their_level() -> None:
    assert label("had a little faint in the shower yesterday but fine now, dont worry") == (
        "emergency"
    )
    assert label("had a bit of a faint earlier") == "emergency"
    assert label("had a little faint feeling") == "complication"
    assert label("not gonna lie it was excruciating for about an hour last night") == "emergency"
    assert label("breathing's been a bit of a struggle since the session but im ok") == (
        "emergency"
    )


def test_soreness_that_went_and_came_back_or_stays_the_same_in_one_place() -> None:
    assert label("still feel it in my hip", "48h") == "complication"
    assert label("still feel it in my hip", "24h") == "normal"
    assert label("neck loosening up nicely, though I still feel it when I reverse", "48h") == (
        "normal"
    )
    assert label("The soreness went away yesterday but came back this morning", "48h") == (
        "complication"
    )
    assert label("Lower back easing, hip still just as stiff", "48h") == "complication"


def test_scores_of_moments_and_of_days() -> None:
    assert label("3 at rest, 8 when I walk") == "complication"
    assert label("2 at rest, 5 when moving") == "normal"  # two moments, not a rise
    assert label("back is a seven this morning") == "complication"
    assert label("somewhere between 6 and 7") == "complication"
    assert label("down from a 6 yesterday to a 3 today") == "normal"
    assert label("🙂 7") == "complication"
    assert label("10/10 service, feel great") == "normal"
    assert label("it's 38 degrees here today, so hot! feeling fine tho") == "normal"


def test_replies_from_a_grandchild_and_signed_letters() -> None:
    assert label("Nan is having trouble breathing, we have called 999. Her grandson") == (
        "emergency"
    )
    assert label("Hi this is Margaret's granddaughter, she says she is fine and thanks you") == (
        "normal"
    )
    assert label("Please do not send me any more messages. Thank you. Mrs P. Hughes") == (
        "opt_out"
    )
    assert label("Nothing wrong at all, thank you. Betty") == "normal"
    assert label("back to training, smashed a 5k pb 🔥 killing it") == "normal"
    assert label("Hi, I am her son. My mum is saying her chest is tight") == "emergency"
    assert label("got a lil bruise on my hand where the needle was") == "normal"
    assert label("Everything went abit grey and I had to grab the kitchen counter") == (
        "complication"
    )


def test_english_as_a_second_language() -> None:
    assert label("Lower back is still paining, I took one Crocin but no change.", "48h") == (
        "complication"
    )
    assert label("Sir I am having breathing problem since I came home from the session.") == (
        "emergency"
    )
    assert label("I am having giddiness whenever I get up from the bed.") == "complication"
    assert label("Since evening my chest is paining on left side. Kindly call me.") == "emergency"
    assert label("The pain is more than before the session, I am not understanding why.") == (
        "complication"
    )
    assert label("Kindly stop this messages, I am fine now.") == "opt_out"


def test_asking_to_stop_and_asking_to_be_rung() -> None:
    assert label("All healed up, no need for further messages") == "opt_out"
    assert label("I no longer wish to receive these messages") == "opt_out"
    assert label("Don't text, ring me on my landline pls") == "review"
    assert label("ok to go to the gym today or should I rest") == "review"
    assert label("could be better") == "review"


def test_what_the_patient_came_in_with_and_what_they_feared() -> None:
    assert label("The pain was unbearable before the session, now it's just a mild ache") == (
        "normal"
    )
    assert label("Came in with severe sciatica before treatment, today it's mild and easing") == (
        "normal"
    )
    assert label("Sciatica is worse than before I came in, shooting right down to my foot") == (
        "complication"
    )
    assert label("Worried it'd be the worst pain ever but I barely felt the needles. 1/10") == (
        "normal"
    )
    assert label("Will I faint if I have needles in my ear next time?") == "review"


def test_emergency_words_in_other_senses() -> None:
    chest_cold = "Had a heavy chest cold last month, ok to keep doing the breathing exercises?"
    assert label(chest_cold) == "review"
    excited = "Breathless with excitement - I turned my head fully for the first time in years!"
    assert label(excited) == "normal"
    assert label("They discharged Dad from hospital this morning, can you call me to rebook?") == (
        "review"
    )
    assert label("hot and cold all night, checked and it was 102") == "emergency"


def test_thanks_beside_words_that_may_be_trouble_is_read_by_a_person() -> None:
    assert label("Tip top ta") == "normal"
    assert label("all gravy 😎") == "normal"
    assert label("Fit as a fiddle, cheers") == "normal"
    assert label("had a nosebleed last night thanks") == "review"
    assert label("hhhhhhhhhhhhhhhhh thanks") == "review"
    assert label("Love you too, see you at dinner x 🙂") == "review"
    assert label("my head feels like it's in a vice, pounding behind the eyes thanks") == "review"


def test_symptoms_outside_the_lists_in_everyday_words() -> None:
    assert label("skin's come up in lumpy itchy blotches on my tummy") == "review"
    assert label("Throat's scratchy and it hurts to swallow") == "review"
    assert label("tummy's all bloated like a balloon") == "review"
    assert label("noticed way more hair than usual in the shower drain") == "review"
    assert label("really gassy and windy since the weekend") == "review"
    assert label("knee stiffness easing nicely, though my period has come early", "48h") == (
        "review"
    )
    assert label("worst headache of my life, came on after the session") == "emergency"
    assert label("Im fine but my husband had one too and he feels rough") == "review"
    assert label("mum's knee has been numb for weeks, could acupuncture help her?") == "review"


def test_more_ways_of_being_fine() -> None:
    assert label("Not bad at all actually") == "normal"
    assert label("Peachy keen") == "normal"
    assert label("Feelin gud ta") == "normal"
    assert label("Feeling deadly altogether, best I've been in ages") == "normal"
    assert label("Nearly gone now, just a faint ache", "48h") == "normal"
    assert label("pain's ramped up overnight, can't bend to load the dishwasher") == "complication"


def test_a_question_about_the_finding_the_writer_has_reports_it() -> None:
    assert label("when will the swelling go down?") == "complication"
    assert label("Is it normal the pain keeps getting worse each day?") == "complication"
    assert label("Why is the pain intensifying? Was fine yesterday") == "complication"
    assert label("can acupuncture cause swelling? my wife is nervous about booking") == "review"
    assert label("Could I get an infection from the needles? they were single use right?") == (
        "review"
    )
    assert label("What counts as a fever, like what temperature should I worry at?") == "review"
    assert label("How do I tell the difference between normal soreness and something bad?") == (
        "review"
    )


def test_findings_placed_in_time() -> None:
    assert label("The leaflet says swelling can happen later, how long should I watch for it?") == (
        "review"
    )
    assert label("Tenderness at the needle spots easing off today", "48h") == "normal"
    asthma = "Had asthma as a teenager but breathing's been totally fine since the session"
    assert label(asthma) == "normal"
    assert label("It was a small bruise yesterday, today it's big and dark") == "complication"
    assert label("The achiness won't stop but it's mild, like after a workout") == "normal"
    assert label("the ache won't stop") == "review"


def test_a_rubric_walk_through() -> None:
    assert label("had a bit of stiffness yesterday, fine now", "48h") == "normal"
    assert label("feel like a weight's off my shoulders, thanks x") == "normal"
    assert label("sharp as ever today haha, back feels way better") == "normal"
    assert label("no pain at all but my ears are ringing") == "review"


def test_findings_told_only_by_images() -> None:
    assert label("my chest feels like its in a corset laced by a giant, cant loosen it") == (
        "emergency"
    )
    assert label("my chest feels strapped in by a seatbelt pulled tight") == "emergency"
    assert label("my new bra feels like a belt round my chest") != "emergency"
    assert label("like sucking air through a coffee stirrer, every single breath is work") == (
        "emergency"
    )
    assert label("My lungs feel like a balloon that won't blow up past halfway.") == "emergency"
    assert label("Neck feels caught in a bear trap, I'm screaming, the tablets are useless") == (
        "emergency"
    )
    assert label("Lights went out and I woke on the floor.") == "emergency"
    assert label("The needle spot on my ankle has risen like bread dough.") == "complication"
    assert label("Ants marching up and down my shin, all day.") == "complication"
    assert label("My back still feels like a rusty gate, exactly like yesterday.", "48h") == (
        "complication"
    )


def test_the_same_images_for_the_world() -> None:
    traffic = "Feeling good. Traffic on the bypass crept along like a red tide of brake lights"
    bill = "My electricity bill is like a dial someone keeps turning up, but my knee is fine"
    pus = "no redness, no heat, but there's a little bit of pus at one of the ankle points"
    assert label(traffic) == "normal"
    assert label(bill) == "normal"
    assert label("The lasagne came out puffed up like a marshmallow and golden on top.") == "review"
    assert label("Floating like a cloud since Tuesday, thank you!") == "normal"
    assert label(pus) == "emergency"


def test_denials_as_spoken_english_does_them() -> None:
    assert label("no red streaks yesterday, there are today") == "emergency"
    assert label("no chest pain, cant breath properly tho") == "emergency"
    assert label("wouldn't call it mild, worst pain ever in my neck") == "emergency"
    assert label("no less than 9/10 in my shoulder") == "emergency"
    assert label("the redness hasn't stayed put, it's spreading") == "emergency"
    assert label("wouldn't call it small, the bruise on my calf") == "complication"
    assert label("didn't faint, but only cos I sat down fast when I nearly went") == (
        "complication"
    )
    assert label("not as dizzy as yesterday but still a bit") == "complication"
    assert label("not as sore as yesterday", "48h") == "normal"
    assert label("never had pins and needles like this") == "complication"
    assert label("Don't know, feel odd") == "review"
    assert label("not so much as a twinge") == "normal"
    assert label("no fever, no chills") == "normal"


def test_pain_words_and_the_words_beside_them() -> None:
    assert label("Mind feels really sharp and clear today, body a little achy") == "normal"
    assert label("Sorer today than straight after the session", "48h") == "complication"
    assert label("Feel kind of off today, can't really describe it. Back is less stiff") == "review"
    sister = "Not short of breath, no chest pain, I checked because my sister worried. Just stiff"
    assert label(sister) == "normal"


def test_the_world_beside_the_writer_does_not_hide_the_writer_s_symptom() -> None:
    assert label("stuck in traffic and felt really dizzy") == "complication"
    assert label("the heat made me dizzy") == "complication"
    assert label("sitting in traffic I got a sharp pain in my hip") == "complication"
    assert label("on the way to work i went dizzy") == "complication"
    assert label("the heat is unbearable") == "review"
    assert label("traffic on my commute is getting worse") == "review"
    assert label("Work's been killing me this week but my shoulder feels great") == "normal"


def test_short_emergencies_beside_what_could_hide_them() -> None:
    assert label("no bruises, temp is 38.4") == "emergency"
    assert label("no fever, 37.4 this morning, feeling good") == "normal"
    assert label("grandson replying for nan, she blacked out earlier") == "emergency"
    assert label("past out after lunch") == "emergency"
    assert label("chest feels tite") == "emergency"
    assert label("discharg from the knee spot") == "emergency"
    assert label("I was discharged from physio last month. Feeling good") == "normal"
    assert label("chest fine, but sharp pain in my shoulder") == "complication"
    assert label("cabin fever from staying in, otherwise fine") == "normal"
    assert label("Soreness about 50% of what it was", "48h") == "normal"


def test_small_talk_first_then_the_news() -> None:
    assert label("Walked the dog this morning. 7 or 8") == "complication"
    assert label("Kids have been a nightmare! pain 6 or 7") == "complication"
    assert label("The weather is awful here, got a proper sharp stab in my knee") == "complication"
    assert label("took my temp just to be safe, 36.8. feel fine") == "normal"
    assert label("Checked my temp because I felt shivery, 37.9. Otherwise the back feels ok") == (
        "review"
    )


def test_a_sampled_month_and_a_stratified_set() -> None:
    assert label("Feeling much less stressed, thanks so much") == "normal"
    assert label("feeling really irritable and snappy thanks") == "review"
    grumpy = "Stiffness is easing, much better than yesterday. My wife says I'm less grumpy"
    assert label(grumpy) == "normal"
    assert label("10/10 session, back feels loads better") == "normal"
    assert label("pain 9/10 since the session") == "emergency"
    assert label("9/10 treatment, pain 3") == "normal"


def test_hardly_any_is_a_little_not_none() -> None:
    # "hardly any" reports a small amount: pus is still pus, a faint bruise is still small.
    assert label("hardly any pus, just a drop") == "emergency"
    assert label("barely any swelling at the needle spot") == "complication"
    assert label("hardly any bruising") == "normal"
    assert label("hardly any soreness left", "48h") == "normal"
    assert label("I can barely breathe") == "emergency"
    assert label("could hardly breathe last night, fine now") == "emergency"
    # The degree word belongs to its own clause: here, to the sleep.
    assert label("I barely slept, breathing is fine") == "review"


def test_an_emoji_closes_a_denial() -> None:
    assert label("no chest pain 👍 bit of tingling") == "complication"
    assert label("no swelling 👍") == "normal"
    assert label("no pain 😊 no fever") == "normal"


def test_misspellings_that_drop_a_silent_letter_or_sound_alike() -> None:
    assert label("feels like a nife in my calf wen i walk") == "complication"
    assert label("my back is killin me, sevear pain down both sides") == "emergency"
    assert label("I feel week in my left leg since yesterday") == "complication"
    assert label("stop txting me my arms gone num") == "complication"
    assert label("feelin grate!") == "normal"
    assert label("STOPP", "48h") == "opt_out"
    # The same words in their own sense stay themselves.
    assert label("see you next week") == "review"
    assert label("wrong num") == "review"


def test_a_worse_symptom_that_is_no_pain_is_not_pain_getting_worse() -> None:
    assert label("my cold sore flared up", "48h") == "review"
    assert label("the rash got worse") == "review"
    assert label("stomache ache since last night") == "review"
    assert label("cold feet, pain worse") == "complication"
    assert label("rash is worse and my shoulder is worse too") == "complication"


def test_a_letter_s_salutation_close_and_signed_name_are_no_news() -> None:
    signed = "Dear Dr Patel, All fine thank you. Kind regards, Kathleen Moorhouse"
    assert label(signed) == "normal"  # "Moorhouse" is not "woozy"
    assert label("Regards, Arthur Lumb") == "review"  # nor "Lumb" a lump
    assert label("feeling ok. Thanks, Dizzy") == "complication"  # a known word is kept
    letter = "Dear Dr Patel,\nI feel marvellous, thank you 😊\nWith gratitude,\nRuth Ogden"
    assert label(letter) == "normal"


def test_polite_wording_of_a_report_is_not_a_condition() -> None:
    assert label("if I am honest I would put the pain in my neck at a 9 out of 10") == "emergency"
    assert label("The only thing I would mention is that my right hand has been numb") == (
        "complication"
    )
    assert label("I would like to speak to someone about the invoice") == "review"
    assert label("The pain in my back I would rate as a 6 or 7 out of 10") == "complication"
    assert label("great session, no pain at all, would rate 10/10") == "normal"
    assert label("what if I get a fever?") == "review"


def test_formal_opt_outs() -> None:
    assert label("I must ask that you stop the text messages.") == "opt_out"
    assert label("Please do not message me again.") == "opt_out"
    assert label("Kindly cease sending these messages to this number.") == "opt_out"


def test_who_a_finding_belongs_to_in_longer_sentences() -> None:
    told = "my husband looked at the needle spot on my lower back and he says there is pus"
    assert label(told) == "emergency"
    friend = "my friend Dorothy fainted at the church coffee morning and was taken in an ambulance"
    assert label(friend) == "review"
    assert label("my neighbour says people sometimes get an infection afterwards") == "review"
    assert label("my sister says acupuncture can give you a fever, is that true?") == "review"
    assert label("lights went out in the queue and next thing people were standing over me") == (
        "emergency"
    )
    assert label("yo its liam's roommate, he blacked out on the couch") == "emergency"


def test_laughter_makes_weak_and_dead_a_joke() -> None:
    assert label("lmaooo im weak 😂 the needle sites are fine tho") == "normal"
    assert label("im weak and shaky") == "complication"
    assert label("my leg is weak lol") == "complication"


def test_slang_and_doubt_before_a_score() -> None:
    assert label("pain is like 8-9 ngl") == "emergency"
    assert label("got a smol bruise on my arm but its nbd") == "normal"
    assert label("idk like a 5 out of 10, just dull") == "normal"
    assert label("not sure") == "review"


def test_more_words_for_fine_and_for_easing() -> None:
    for text in ("I feel fantastic", "feeling wonderful", "terrific", "on the mend"):
        assert label(text) == "normal", text
    assert label("I have felt rather out of sorts since the session.") == "review"
    assert label("shoulder's about half as sore as yesterday, thank you", "48h") == "normal"
    assert label("just as sore as yesterday", "48h") == "complication"
    assert label("its more like a 6 and climbing", "48h") == "complication"
    assert label("soreness nearly gone, just a faint reminder in the car", "48h") == "normal"


def test_proxies_introduce_themselves_many_ways() -> None:
    assert label("Carer for Mr. Okafor here. He has been complaining of chest tightness") == (
        "emergency"
    )
    assert label("Son of Mr Harris here. He describes a shooting pain down his left leg") == (
        "complication"
    )
    assert label("Texting on mums behalf, she says the pain in her neck is 8-9 out of 10") == (
        "emergency"
    )
    assert label("Nurse at Elm House, re patient Doris K: she had a fainting episode") == (
        "emergency"
    )
    assert label("This is Maria's daughter - mum thinks she might have passed out") == (
        "emergency"
    )
    # A name after a title is a person, not a typo: "Ames" is no fever.
    assert label("carer here for Mrs Ames - she says the ache in her knees is easing") == "normal"


def test_someone_else_s_phone_leaves_the_writer_s_symptoms_counting() -> None:
    # The patient may be the phone's owner or the writer: either way a person reports it.
    assert label("using my husband's phone, I have a fever") == "emergency"
    assert label("I manage my father's phone. He had chest pressure last night") == "emergency"


def test_an_email_reply_quotes_our_message_below_a_header() -> None:
    reply = (
        "Dear Clinic,\nNone of the above, thankfully. I feel a great deal better.\n"
        "Regards,\nMr Simon Achterberg\n\n-----Original Message-----\nFrom: Willow\n"
        "Please tell us if you have any chest pain, fever, dizziness or spreading redness."
    )
    assert label(reply, "48h") == "normal"
    assert label("To whom it may concern,\n\nPlease stop.\n\nMr Lawrence Tindall") == "opt_out"


def test_questions_that_ask_what_to_look_out_for_are_no_reports() -> None:
    assert label("Is chest tightness something I should look out for?") == "review"
    assert label("if numbness ever turns up later on, is that something to ring you about?") == (
        "review"
    )
    assert label("Should I develop a fever, I would be grateful to know whom to contact.") == (
        "review"
    )
    # ...but a question about the writer's own is a report.
    assert label("is it normal to get a big bruise after? got one on my thigh") == "complication"


def test_a_rising_question_mark_on_an_unsure_statement() -> None:
    assert label("I think I'm ok? bit tired") == "normal"
    assert label("maybe a 3/10? mostly fine") == "normal"
    assert label("maybe I should call?") == "review"
    assert label("I think this is normal?") == "review"
    assert label("might have a tiny bruise, not sure. otherwise fine") == "normal"
    assert label("Not sure how I got on this list but no more messages please") == "opt_out"


def test_fine_words_said_of_the_world_and_sort_of() -> None:
    assert label("The weather here is lovely. My grandson starts university next week.") == (
        "review"
    )
    assert label("feel sort of jittery, like too much coffee") == "review"
    assert label("work is kind of killing me lol but my back feels fine") == "normal"
    assert label("im probably overthinking but breathing feels harder than usual") == "emergency"
    assert label("My back is killing me - I would rate it a 9/10.") == "emergency"
    assert label("the soreness wore off last night, feeling normal now", "48h") == "normal"


def test_very_short_replies() -> None:
    assert label("hubby has chest pain, not me") == "review"
    assert label("😴😴") == "normal"  # sleepy is expected
    assert label("ibuprofen ok?") == "review"  # short, but asks
    assert label("dizzy?") == "complication"  # a self-check


def test_an_ability_phrase_is_a_finding_only_when_denied() -> None:
    assert label("not able to catch my breath") == "emergency"
    assert label("havent been able to breathe properly since lunch") == "emergency"
    assert label("had to stop halfway up the stairs to catch my breath") == "emergency"
    assert label("I can catch my breath fine") == "normal"
    assert label("I can breathe properly now") == "review"
    assert label("the pain stopped and breathing is fine") == "normal"


def test_denials_said_other_ways() -> None:
    assert label("never been this lightheaded, had to sit down twice today") == "complication"
    assert label("No, not unless you count the headache") == "review"
    assert label("felt totally fine, nothing unusual, then fainted in the shower") == "emergency"
    assert label("It's not like I'm not short of breath. I am.") == "emergency"
    assert label("Not a trace of bruising or redness. Thanks!") == "normal"
    assert label("None of the above 🙂") == "normal"
    assert label("Felt a bit sore yesterday, not anymore", "48h") == "normal"
    assert label("Never text me again.") == "opt_out"
    assert label("I was asking if I CAN take paracetamol if I get one") == "review"


def test_a_big_bruise_after_a_denied_one() -> None:
    assert label("haven't had any bruising except one big one on my calf") == "complication"
    assert label("didn't notice any bruise yesterday but today there's a dark purple one") == (
        "complication"
    )
    assert label("I can't feel two of my toes properly since the session") == "complication"


def test_scores_said_of_a_part_or_over_time() -> None:
    assert label("the pain has been 8 or 9 all night") == "emergency"
    assert label("Hip's an 8 this morning 😣") == "complication"
    assert label("my heel is throbbing more than it was before the treatment") == "complication"
    assert label("hot flushes seem worse since the session") == "review"
    assert label("floated home after the session, still feel really zen") == "normal"


def test_a_breath_one_can_take_is_no_finding() -> None:
    assert label("I can fill my lungs fine") == "normal"
    assert label("catching my breath after the run, all good") == "normal"
    assert label("not able to fill my lungs") == "emergency"
    assert label("my lungs wont fill") == "emergency"


def test_more_movement_than_before_is_no_worse_pain() -> None:
    assert label("a little achy, but I can already turn my head more than before") == "normal"
    assert label("it hurts more than before when I turn my head") == "complication"


def test_the_world_s_words_in_everyday_stories() -> None:
    assert label("Painted the fence red all afternoon, arms a bit achy but good achy") == "normal"
    assert label("River's swollen after all the rain. Lower back is easing off nicely", "48h") == (
        "normal"
    )
    assert label("my boss has me on a sharp deadline next week") == "review"
    assert label("The heat today was unbearable on the building site.") == "review"
    assert label("just a burning heat around two of the needle spots") == "complication"
    assert label("crazy shift at the hospital, we had 3 ambulances in at once. feeling good") == (
        "normal"
    )
    assert label("Rated that new thriller 9 out of 10. Neck soreness fading", "48h") == "normal"
    assert label("had a room-spinning moment, vertigo I think, lasted maybe 10 seconds") == (
        "complication"
    )


def test_the_writer_among_other_people() -> None:
    assert label("borrowed the kids thermometer, it says 100.8 for me. back is fine") == (
        "emergency"
    )
    assert label("Grandkids visiting so its been chaos 😅 the neck is still stiff", "48h") == (
        "complication"
    )
    assert label("my daughter has world cup fever 🇦🇷 me? fine, bit tender") == "normal"
    assert label("can someone ring me?") == "review"
    assert label("Hi it's Sam, on Mum's phone. She passed out in the kitchen this morning") == (
        "emergency"
    )
    reported = "my husband keeps telling me to stop texting the clinic but my neck feels better"
    assert label(reported) == "normal"
    assert label("Her carer here - she's asked me to unsubscribe her from the texts") == "opt_out"


def test_treatment_words_and_counts() -> None:
    assert label("The electric machine thing was interesting! Back feels much better") == "normal"
    assert label("I am getting pain like electric current going down my leg.") == "complication"
    assert label("Session 9 of 10 done, knee pain is way better") == "normal"
    assert label("The needle points she warmed with moxa are still red today") == "complication"
    assert label("my bp was 150/95 when i checked at the pharmacy earlier") == "review"
    assert label("had to stop twice on the stairs to get my breath back") == "emergency"
    assert label("prob a 7 today tbh") == "complication"
    assert label("bruise on my forearm is only faint, fading already") == "normal"


def test_a_last_line_near_a_symptom_is_kept_as_news() -> None:
    # A bare last line may be a name or a symptom; a word near one the lexicon knows is read.
    assert label("Hi\nBrusing") == "complication"
    assert label("I feel fine.\nRuth Ogden") == "normal"
    assert label("All fine. Kind regards,\nArthur Lumb") == "normal"  # after a letter's close


def test_small_talk_first_then_a_proxy_or_a_score() -> None:
    assert label("Stuck in traffic for ages today. 6-7 at the moment, dull") == "complication"
    assert label("Stuck in traffic for ages today. 7ish, mostly when I sit") == "complication"
    signed = "Stuck in traffic today. Mums knee still stiff, no change from yesterday - her carer"
    assert label(signed, "48h") == "complication"
    assert label("Busy day. Nan is having trouble breathing, we have called 999. Her grandson") == (
        "emergency"
    )


def test_conditions_and_medicines_beside_the_session() -> None:
    eased = "Stiff neck is better today, much less tight. Migraine free for a week!"
    assert label(eased, "48h") == "normal"
    assert label("All good thanks! Asthma behaving itself too 👍") == "normal"
    assert label("Good! Small bruise fading. Blood thinners didn't cause any drama") == "normal"
    assert label("Worst head pain I've ever had, way beyond my usual migraines.") == "emergency"
    assert label("Will the needles make me bruise more because I'm on rivaroxaban?") == "review"
    assert label("hay fever making my throat scratchy, otherwise im grand") == "review"


def test_more_ways_to_stop_and_to_spread() -> None:
    assert label("im done with these texts, cancel them") == "opt_out"
    assert label("no more check ups via text thanks, feeling good") == "opt_out"
    assert label("Don't want any more texts, I'd rather you phoned me instead") == "review"
    assert label("footy fever in this house! me - all good, back feels great") == "normal"
    spread = "The red area round the needle mark was small this morning, now nearly my whole shin"
    assert label(spread) == "emergency"
    assert label("Happy birthday Sandra!! 🎂🎉") == "review"
    assert label("Is it normal to feel dizzy after acupuncture? Asking before my next one") == (
        "review"
    )


def test_me_for_my_and_plain_country_words() -> None:
    assert label("back's better but there's a dull pain right in the middle of me chest") == (
        "emergency"
    )
    assert label("leave me be with the texts, me back's still stiff", "48h") == "complication"
    assert label("call me back please") == "review"
    assert label("got a bruise on me shin the size of a 50c piece") == "complication"  # no 50 °C
    assert label("Bring the trailer round Thursday and we'll load the weaners") == "review"
    assert label("one of the heifers has a temp, vet's coming. back's alright") == "review"
    assert label("been out shooting rabbits this arvo and the back held up no worries") == "normal"
    assert label("bout a 7, maybe 8 when im on the tractor") == "complication"
    assert label("Stop sending me these bloody things") == "opt_out"
    assert label("hip's giving me more grief now than it did before the treatment") == (
        "complication"
    )
    assert label("small bruise on me forearm, get worse ones off the cattle crush") == "normal"
    assert label("chest is fine, it's my lower back that's still sore", "48h") == "complication"


def test_questions_that_ask_nothing_and_answers_that_deny_one_thing() -> None:
    assert label("Who knew needles could make me feel this good?! 😄") == "normal"
    assert label("How am I? Honestly brilliant, best sleep in weeks") == "normal"
    assert label("Is it ok that the spot on my wrist is red and warm? not spreading") == (
        "complication"
    )
    assert label("is bruising normal? mine's on my lower back, quite purple") == "complication"
    assert label("Pain about 3/10 now, was worse yesterday", "48h") == "normal"
    assert label("Mi hermano tiene fiebre, ¿puede venir mañana?") == "review"
    assert label("how hot can the bath be? is 40 degrees ok?") == "review"
    assert label("whats a fever temp for adults, 37.5 or 38?") == "review"
    assert label("Session was 10/10! barely any soreness") == "normal"
    assert label("mines like a 2. my husband stubbed his toe and says its a 9/10 lol") == "review"
    assert label("hubby here - Jen passed out for a few seconds earlier") == "emergency"
    assert label("We had a blackout on our whole street last night. Feeling good") == "normal"


def test_opt_outs_said_every_way_and_their_near_misses() -> None:
    assert label("ok stop now pls, soreness basically gone") == "opt_out"
    assert label("can you not text me anymore? ill book in if i need to") == "opt_out"
    assert label("This is her son. Mum wants these messages stopped") == "opt_out"
    assert label("stop blowing up my phone 🙄") == "opt_out"
    assert label("Stop f***ing texting me") == "opt_out"
    relayed = "Writing on behalf of my father. He does not wish to receive further messages."
    assert label(relayed) == "opt_out"
    assert label("Nae mair texts please") == "opt_out"
    assert label("Abeg stop to dey text me") == "opt_out"
    assert label("unsubscribe. actually wait, can someone tell me first if im ok to train") == (
        "review"
    )
    assert label("How do I unsubscribe from your newsletter emails? Session was great btw") == (
        "review"
    )
    assert label("No more needles for me. Cancel the rest of my sessions") == "review"
    assert label("Full stop: best session I've ever had") == "normal"


def test_english_around_the_world_ii() -> None:
    assert label("No wahala at all, the soreness don finish", "48h") == "normal"
    assert label("That session was SICK bro, feel mint 🔥") == "normal"
    busy = "Flat out at work so haven't had a minute to catch my breath 😅 back feels great"
    assert label(busy) == "normal"
    assert label("I'm good. Ain't no sharp pain, just a lil tender and gettin better") == "normal"
    assert label("Mi back still a hurt mi same way, nuh better", "48h") == "complication"
    assert label("Neck's dead stiff still, can barely turn me head", "48h") == "complication"
    assert label("my head been hurtin all day") == "review"
    assert label("Chest been hurtin me since I left y'all office") == "emergency"
    assert label("short of breath just sitting on the couch?? never happens to me") == "emergency"
    assert label("sorry running 10 mins late") == "review"


def test_two_topics_read_apart() -> None:
    both = "My wife drove me (she wasn't treated herself) and she fainted today. My back is fine"
    assert label(both) == "review"
    cold = "Soreness is mostly gone. I've been sneezing and my nose won't stop running"
    assert label(cold, "48h") == "review"
    assert label("what if it swells up before my game on saturday, do i still play?") == "review"
    assert label("didnt sleep a wink, kept waking up evry hour. back is fine though") == "review"
    assert label("Something just doesn't feel right today. The back itself is ok") == "review"


def test_emoji_numbers_tapbacks_and_past_times_in_questions() -> None:
    assert label("pain 🔟/10 😭") == "emergency"
    assert label("pain 7️⃣/10") == "complication"
    assert label("blacked out for a few seconds last night??? is that normal") == "emergency"
    assert label('Reacted 👍 to "Hi, it\'s been 48 hours since your session. How are you?"') == (
        "normal"
    )
    assert label("is it normal to get a bruise after? haven't got one, just asking") == "review"


def test_a_fertility_clinic_s_replies() -> None:
    assert label("I have serious baby fever haha but also an actual fever, 38.5 since lunch") == (
        "emergency"
    )
    assert label("noticed more discharge than usual (down there, not the needle spots)") == (
        "review"
    )
    assert label("theres a bit of pressure low in my pelvis, not painful, just heavy") == "review"
    assert label("morning sickness is worse today 🤢") == "review"
    assert label("little bruise on my wrist but the ankle one is massive and purple") == (
        "complication"
    )
    assert label("the ache in my calves left overnight, feel great", "48h") == "normal"
    assert label("hips hurt more now than they did before the treatment tbh") == "complication"
    assert label("got a blotchy rash on my forearm where the tape was") == "review"


def test_a_pain_clinic_s_replies() -> None:
    assert label("Just the odd little ache now and then, nearly gone", "48h") == "normal"
    assert label("felt like i was going to pass out and then i actually did") == "emergency"
    assert label("felt like i was going to pass out but didnt") == "complication"
    assert label("Knees are much better, so no need for any more of these messages") == "opt_out"
    assert label("Not really a texter, I'd prefer you didn't send these. All is well.") == "opt_out"
    assert label("I do not wish to be contacted by text any more") == "opt_out"
    assert label("Much easier getting out of bed this morning, thank you") == "normal"
    assert label("back fine but my stomach's been upset all day") == "review"
    assert label("Managed to walk the dog round the park without the knee complaining 🐕") == (
        "normal"
    )


def test_soreness_hoped_to_ease_and_scores_told_in_the_past() -> None:
    assert label("still sore, hopefully it eases off soon", "48h") == "complication"
    assert label("hard to tell if its any better, still tender", "48h") == "complication"
    assert label("Soreness 2/10 now, was 5 yesterday", "48h") == "normal"
    assert label("Ached a bit last night, fine this morning") == "normal"
    assert label("how long does the sorenes usualy last?", "48h") == "review"
    assert label("felt lite headed after, it passed tho. all gud now") == "complication"
    assert label("theres a feint bruse on my back, nothin else", "48h") == "normal"


def test_whose_symptom_when_the_message_went_astray_or_was_asked_about() -> None:
    astray = "sorry meant for the family group!! Dad's chest pain is back, can someone call him"
    assert label(astray) == "review"
    assert label("wrong number but I have chest pain") == "emergency"
    assert label("lol Jen you were sooo dizzy after those cocktails 😂 wrong chat") == "review"
    assert label("She's the patient, I'm her partner. She rates it 7/10 today") == "complication"
    assert label("My daughter (she's the one who had the session) had trouble breathing") == (
        "emergency"
    )
    assert label("my wife asked if I was ok because I fainted in the kitchen") == "emergency"
    assert label("the nurse asked if I had a fever, I do, 38.4") == "emergency"
    assert label("if my temp goes above 38 I'll go to a&e, it's 37.9 right now") == "review"
    assert label("the acupuncturist said I might get dizzy after but I haven't at all") == "normal"
    assert label("can we stop the check-in texts now? ta") == "opt_out"
    assert label("Feel much better! my wife wants to know if you do gift vouchers") == "review"


def test_plain_english_as_learners_write_it() -> None:
    assert label("today I give 8 from 10") == "complication"
    assert label("today is 9 from 10") == "emergency"
    assert label("7 maybe, is hard to walk to bus") == "complication"
    assert label("no fever, I check. but my ankle is bigger than the other one") == "complication"
    assert label("everything spin around me when I turn my head fast") == "complication"
    assert label("Hi, this is Maria daughter. She is very dizzy since the acupuncture") == (
        "complication"
    )
    assert label("I want talk to Dr Chen about the diet tea he recommend") == "review"
    assert label("I have yellow fever vaccine tomorrow for travel, is ok after acupuncture?") == (
        "review"
    )
    assert label("Alhamdulillah the soreness finished, I went back to work", "48h") == "normal"
    assert label("pins and needle in my feet when i sleep") == "complication"
    assert label("dont want texts, would rather a phone call tbh") == "review"


def test_idioms_beside_the_findings_and_what_the_patient_came_in_for() -> None:
    assert label("Work mad, haven't had a second to catch my breath lol, back much better") == (
        "normal"
    )
    assert label("small blister where the heat lamp was on my lower back") == "review"
    assert label("the whole street had a blackout last night, shoulders heaps better") == "normal"
    assert label("Feeling brilliant, the headaches I came in for haven't come back") == "normal"
    assert label("The stairs this morning took my breath away, couldnt catch it for ages") == (
        "emergency"
    )
    assert label("talked to someone at reception already, all sorted, feeling good") == "normal"
    assert label("I've been very thirsty today and my mouth feels really dry. Otherwise fine") == (
        "review"
    )


def test_a_capitalised_my_after_small_talk_is_no_name() -> None:
    text = "The weather is awful here, My husband says I fainted in the kitchen last night"
    assert label(text) == "emergency"
    assert label("Hi, this is Maria daughter. She is very dizzy") == "complication"


def test_an_older_clinic_s_monday() -> None:
    assert label("Dad says his chest feels heavy and pressured. Should I call 999? - Anna") == (
        "emergency"
    )
    assert label("co-codamol not touching it, I cannot manage this pain") == "emergency"
    assert label("one of the needle places on my foot has puffed right up") == "complication"
    assert label("Mum asks if she can take her blood thinners as normal") == "review"
    assert label("I am 84 and I do not want the messages") == "opt_out"
    assert label("not wanting these msgs, ta") == "opt_out"


def test_the_patient_s_phone_in_other_hands() -> None:
    # "he"/"she" of no one named, and nothing of the writer's own: the patient
    assert label("the spots on her shoulder are still tender when she lies on them", "48h") == (
        "complication"
    )
    assert label("his back is hurting more than before he went in. im telling you") == (
        "complication"
    )
    assert label("took his temperature just in case, 36.9. He's fine, bit tired") == "normal"
    # ... but not when a person is named, the practitioner is meant, or the writer is ill too
    assert label("The dog's paw is swollen and she won't put weight on it") == "review"
    assert label("I actually fainted on the table yesterday, she probably told you") == (
        "emergency"
    )
    assert label("we both came down with something, im 38.4, he's a bit better") == "emergency"
    # who the writer is, said first or last
    assert label("Kai's mum - there are red streaky lines going up his leg") == "emergency"
    assert label("(his wife) the needle spot on his lower back is red and warm") == (
        "complication"
    )
    assert label("Her right arm feels weak, she can't lift her bag. We're her parents") == (
        "complication"
    )
    assert label("hi its Ethan typing for my nan. she has a sharp pain in her back") == (
        "complication"
    )
    assert label("My wife fainted, she's the one who had the acupuncture") == "emergency"
    assert label("my wife's got chest pains, it was me who had the acupuncture") == "review"
    # the patient named, and a second person who is not
    assert label("Mum (your patient) is fine. My little brother has a temp of 39.2") == "review"
    # the one who typed it is no one with a symptom
    assert label("dictated to my grandson: the soreness has eased a lot", "48h") == "normal"


def test_a_wish_to_stop_said_of_our_messages() -> None:
    for text in (
        "Stop it with the messages",
        "i want out of these reminders",
        "leave off with the texts mate, tiny bruise thats all",
        "I'll pass on any more of these texts thanks",
        "I don't wish to receive any more of these texts, thank you",
        "dont need the check ins anymore, back is sorted",
        "khalas, no more SMS please. shukran",
        "No quiero recibir más mensajes. Gracias",
    ):
        assert label(text) == "opt_out", text
    # asked as a question, it is still the wish
    assert label("can you stop with the messages. a bit stiff but thats it") == "opt_out"
    # not a wish to stop them
    assert label("please don't stop the texts, they help") == "review"
    assert label("no more than a text away if I need you, feeling fine") == "normal"
    assert label("done with work, got your text, all good") == "normal"


def test_everyday_things_a_learner_and_a_letter_say() -> None:
    # things that leak, bruise and are sharp without being a body
    assert label("The kettle's leaking and the dog's limping. Send help") == "review"
    assert label("Feeling better every day. Bananas were all bruised at the shop") == "normal"
    assert label("Really good, no problems. Made a sharp cheddar sandwich to celebrate") == (
        "normal"
    )
    assert label("Traffic was a pain this morning and the car battery is dead") == "review"
    assert label("the tap dripped all night, and the needle spot is leaking") == "emergency"
    # a name's "'s" is no typo ("Sam's" is not French "sans", without)
    assert label("This is Sam's wife, he's been really woozy all day", "48h") == "complication"
    # a letter's close, after a question
    assert label("may I take my usual ibuprofen? With kind regards, Gerald Ames") == "review"
    # as learners put it
    assert label("Yesterday almost I faint in the bus but I sit down and it pass") == (
        "complication"
    )
    assert label("after treatment I go black in the eyes and I fall") == "emergency"
    assert label("my breath is not coming full, I am breathing short short") == "emergency"
    assert label("The red around the needle is walking, now it go until elbow") == "emergency"
    assert label("she lost consciousness one minute in the car") == "emergency"


def test_denials_and_questions_that_are_not_what_they_seem() -> None:
    assert label("I didn't think I'd faint but I did, in the kitchen") == "emergency"
    assert label("no fever but I did feel dizzy") == "complication"
    assert label("I didn't faint but I did nearly") == "complication"
    assert label("I'm not exaggerating, worst pain I've ever had") == "emergency"
    assert label("still sore but nowhere near unbearable") == "normal"
    assert label("if i feel faint at work should i just go home?") == "review"
    assert label("Can I take ibuprofen? No pain really, just want to know") == "review"
    assert label("is chest tightness something that can happen after acupuncture?") == "review"
    assert label("whys me shoulder still stiff, thought itd be gone by now", "48h") == (
        "complication"
    )
    assert label("Pain in my shoulder is 7/10, was about a 4 before the session") == (
        "complication"
    )
    assert label("sitting at an 8 most of the day") == "complication"
    assert label("8-10 depending how i move") == "emergency"
    assert label("sat at 8 in the waiting room") == "review"
    assert label("I'm in A&E but not for me, my daughter broke her wrist. I'm ok") == "review"
    assert label("Her arms have come up in little hives since yesterday") == "review"
    assert label("Carer here. He has a big bruise on his thigh, going yellow at the edges") == (
        "complication"
    )
    assert label("Didn't sleep well, no pain though") == "review"
    assert label("stop texting me, can you call my husband instead") == "review"
    assert label("these texts are killing me lol, stop") == "opt_out"


def test_a_child_s_session_a_named_relative_and_who_holds_the_phone() -> None:
    assert label("ok so my daughter passed out for 10 secs after her session yesterday") == (
        "emergency"
    )
    # a child of the writer's with no session of theirs, or a writer who was treated too
    assert label("My son has a fever, can we move Thursday?") == "review"
    assert label("My daughter felt dizzy after her session, I'm fine myself") == "review"
    assert label("Ive had a migraine all day. he's been having vertigo since his session") == (
        "complication"
    )
    assert label("She cant breath properly since the treatment, were heading to urgent care") == (
        "emergency"
    )
    assert label("I'm the patient's wife. He's got a bruise the size of a 50p") == "complication"
    assert label("I'm her dad. no fever, but she had a hard time breathing last night") == (
        "emergency"
    )
    told_after_small_talk = "Stuck in traffic today. Kai's mum - there are red streaks up his leg"
    assert label(told_after_small_talk) == "emergency"
    assert label("This is Sams wife, hes been really woozy all day", "48h") == "complication"
    assert label("Please remove him from your text list. Thank you") == "opt_out"


def test_requests_about_other_mailings_and_stop_requests_taken_back() -> None:
    assert label("Please take me off your newsletter mailing list. Feeling good") == "review"
    assert label("Please stop the promotional texts, I only want the check-ins. Fine.") == (
        "review"
    )
    assert label("STOP\nsorry my son grabbed my phone!! all good here", "48h") == "normal"
    assert label("Earlier I wanted these texts to stop, changed my mind. Feeling better") == (
        "normal"
    )
    assert label("STOP TEXTING ME!!! How many times 😡") == "opt_out"
    assert label("I never signed up for these, stop") == "opt_out"
    assert label("Please no more send message to me") == "opt_out"
    assert label("End these messages pls. Had a killer week at work") == "opt_out"
    assert label("stop sending these, I lost the baby at the weekend") == "review"


def test_breathing_said_plainly_and_numbers_said_of_other_things() -> None:
    assert label("I could not breathe") == "emergency"
    assert label("I can not breathe") == "emergency"
    assert label("I was not able to breathe") == "emergency"
    assert label("remember to breathe") == "review"
    assert label("I can breathe fine") == "normal"
    assert label("Heatwave here, the car said 39 degrees but I feel good, hip's much better") == (
        "normal"
    )
    assert label("effort was like 9/10 on the hill reps lol but zero pain in the achilles") == (
        "normal"
    )
    assert label("my resting heart rate on my garmin is like 10 higher than normal") == "review"
    assert label("pain is about a 4. what if it goes up to a 9 overnight, who do I call?") == (
        "review"
    )
    assert label("I give the pain number 7") == "complication"
    assert label("my neck is killing me, I put it at 9") == "emergency"
    assert label("what's considered bad pain? mine was 8-9 last night") == "emergency"
    assert label("Hi, 8-10 depending how i move") == "emergency"


def test_everyday_words_ii() -> None:
    assert label("we had a blackout last night, whole street lost power. back's good") == (
        "normal"
    )
    assert label("Sent you the fainting goats video 😂😂") == "review"
    assert label("Bruised apples in the fruit bowl and a bruised arm to match") == "complication"
    assert label("Our defence is bleeding goals but my back's the best it's been") == "normal"
    assert label("these hot flushes are unbearable") == "review"
    assert label("was stiff as a board on tuesday, moving freely today", "48h") == "normal"
    assert label("The pain in my knee becomes stronger every day") == "complication"
    assert label("The aching continues, not less than yesterday", "48h") == "complication"
    assert label("While I was driving everything was turning around me") == "complication"
    assert label("The doctor said if chest pain comes I should go to hospital") == "review"
    assert label("What are the signs of infection I should watch for?") == "review"
    assert label("would a fever mean it's infected? because i'm running one rn") == "emergency"


def test_thanks_for_what_is_no_news_of_health() -> None:
    assert label("at work, will reply later thanks") == "review"
    assert label("ok I will come tomorrow at 10 thanks") == "review"
    assert label("zero issues, cheers") == "normal"
    assert label("shattered but in a good way thanks") == "normal"
    assert label("thanks!") == "normal"


def test_a_twenty_third_to_thirtieth_sample() -> None:
    assert label("Walked the dog this morning. she's a bit dizzy since her session") == (
        "complication"
    )
    assert label("should I ring 999 if his chest goes tight again like it did Sunday night?") == (
        "emergency"
    )
    assert label("This is Joan's neighbour. She told me she passed out yesterday.") == "emergency"
    assert label("Dad says stop fussing, he's right as rain 😄") == "normal"
    assert label("stop pls x, just a small bruise on my leg, nothing else") == "opt_out"
    assert label("please dont text this number again. relaxed and sleepy today") == "opt_out"
    assert label("Please take Mum off the text reminders, she won't be coming back") == "opt_out"
    assert label("ignore my last text (it was for my son). And please stop these check-ins") == (
        "opt_out"
    )
    assert label("unsubscribe. actually wait, can someone call me first") == "review"
    assert label("didn't feel faint or dizzy at all this time, just relaxed") == "normal"
    assert label("there's a faint bit of bruising on her forearm, going yellow now") == "normal"
    assert label("Near enough keeled over in the shower, everything went grey") == "complication"
    assert label("Chesty cough bringing up green stuff, it's the cold going round") == "review"
    assert label("the deadline's killing me but my back actually feels great") == "normal"
    assert label("my neck hurts just as much as it did on day one", "48h") == "complication"
    assert label("knee still achy. no better no worse. is heat or ice better?", "48h") == (
        "complication"
    )
    assert label("Sorry autocorrect!! Pain is 4/10 not 9/10. Just achy") == "normal"
    assert label("my ankle has blown up a bit round the needle spots") == "complication"
    assert label("cant stop smiling, shoulder finally moves properly 😁") == "normal"
    assert label("Wimbledon fever in this house lol. back is grand") == "normal"


def test_images_languages_and_findings_that_interact() -> None:
    assert label("my leg is a bag of sand, can barely lift it off the floor") == "complication"
    assert label("fingers feel like theyre wrapped in cotton wool") == "complication"
    assert label("for about an hour my head spun like a top, fine now") == "complication"
    assert label("kids had me spinning like a top all day but the back is fine") == "normal"
    assert label("there's a bump like a marble under the skin where the needle was") == (
        "complication"
    )
    assert label("hit a bump in the road on the way home, all fine") == "normal"
    assert label("my back is killing me... jk 😂 just a little achy") == "normal"
    assert label("stop texting me and get a doctor to ring me, my chest is killing me") == (
        "emergency"
    )
    assert label("felt faint all evening and then did actually faint on the loo") == "emergency"
    assert label("not dizzy today but i was yesterday evening, quite bad") == "complication"
    assert label("not feeling faint any more but I was yesterday evening") == "complication"
    assert label("lower back 7, knees about 3") == "complication"
    assert label("my INR came back at 4.1 today, how many needles did you use?") == "review"
    assert label("pain fluctuates 5 to 9 depending how i sit") == "emergency"
    assert label("hurts way more today than it did yesterday") == "complication"
    assert label("yesterday my neck was a bit stiff but that's cleared now", "48h") == "normal"
    assert label("ok so i read online acupuncture can cause a collapsed lung?? should i worry") == (
        "review"
    )
    assert label("END subscription pls") == "opt_out"
    assert label("leave me off the follow up texts from now on") == "opt_out"
    assert label("Nu mai trimiteți mesaje, vă rog") == "opt_out"
    assert label("TD. bie zai fa duan xin le") == "opt_out"
    assert label("dor 8 ou 9, mal consigo andar") == "emergency"
    assert label("ból w klatce piersiowej od wczoraj wieczorem, like pressure") == "emergency"
    assert label("sigue doliendo igual que ayer. y por favor no me manden más mensajes", "48h") == (
        "complication"
    )
    assert label("todo bien, con fiebre del Mundial nomás ⚽😂") == "normal"


def test_dictation_slips_and_what_a_finding_is_said_of() -> None:
    """Round five of blind batches (EE-EL): dictation's words, the source of a bug, an
    aside in brackets, a clause of its own after a denial, scores for other things."""
    assert label("temp is thirty nine point two this morning") == "emergency"
    assert label("bit short of breadth going up the stairs") == "emergency"
    assert label("sharp pane in my wrist when I type") == "complication"
    assert label("the window pane is cracked lol, all fine") == "normal"
    assert label("picked up a cold from my husband, temp 38.3 tonight") == "emergency"
    assert label("my son (he drove me home) has a temperature of 38.4") == "review"
    assert label("no nausea, no dizziness, chest feels tight when I breathe in") == "emergency"
    assert label("no bruising, swelling or redness") == "normal"
    assert label("a good 9/10 for sleep last night, neck fine") == "normal"
    assert label("can't cope with the kids this week haha, back is fine") == "normal"
    assert label("can't cope with the pain in my hip") == "emergency"
    assert label("No fever on Monday but I woke up with one today") == "emergency"
    assert label("psoriasis has flared up on my elbows") == "review"
    assert label("had sciatica for years, but it's been worse since the session") == (
        "complication"
    )
    assert label("is numbness something to watch out for") == "review"
    assert label("Sorry for the late reply, Dad has a temperature of 38.6") == "emergency"
    assert label("pain 2 ➡️ 8 since lunch") == "complication"


def test_asides_retractions_and_the_thing_a_word_is_said_of() -> None:
    """Round six of blind batches (EM-ET): who "I" is in a reduced clause, a stop taken back
    as it is told, an easing said of a race time, dialect words."""
    assert label("the lady I sat next to in the waiting room fainted, I'm fine") == "review"
    assert label("I am writing for my mother, she has a temperature of 38.7") == "emergency"
    assert label("I'm the one who had the session, and I have a fever") == "emergency"
    assert label("ignore the stop, sent it by mistake. all good here") == "normal"
    assert label("I don't want to stop these, they're reassuring. bit sore") == "normal"
    assert label("still stiff but my 5k time was better today", "48h") == "complication"
    assert label("still stiff but it's easing", "48h") == "normal"
    assert label("bruise on my calf has gone a bit yellowish now") == "complication"
    assert label("temp 100.2F at lunch, 102 by dinner") == "emergency"
    assert label("cannae catch my breath on the stairs") == "emergency"
    assert label("scared I'd pass out but I didn't, just a bit tired") == "normal"
    assert label("8/10 effort on the bike today, no pain at all") == "normal"
    assert label("could you knock it off with the texts please") == "opt_out"


def test_answers_in_the_shape_of_a_form_and_numbers_that_are_no_scores() -> None:
    """Round seven of blind batches (EU-FB): items answered "no" or "yes" without marks,
    numbered answers, dates and readings, "from 2 to 6"."""
    assert label("chills no, swelling no, bruising no 👍") == "normal"
    assert label("swelling no bruising no") == "normal"
    assert label("redness no, swelling yes on my wrist") == "complication"
    assert label("sharp pain no swelling") == "complication"
    assert label("still achy, no better no worse", "48h") == "complication"
    assert label("1) no 2) yes - tight chest on and off") == "emergency"
    assert label("1. No 2. No 3. Not sure 4. No") == "review"
    assert label("pain went from 3 to 6 overnight") == "complication"
    assert label("see you on the 10/12, all good") == "normal"
    assert label("blood sugar normal, feeling fine") == "normal"
    assert label("8. not joking") == "complication"
    assert label("my brother came round with dinner, back is fine") == "normal"
    assert label("came round on the bathroom floor") == "emergency"
    assert label("neither of us had any swelling or bruising") == "normal"


def test_idioms_of_the_farm_and_the_night_shift_and_numbers_of_the_day() -> None:
    """Round eight of blind batches (FC-FJ): handing out flyers, a stab at gardening, an
    early start that is killing, a reading in the shed, the worst the pain got."""
    assert label("been passing out leaflets all morning, back's fine") == "normal"
    assert label("had a stab at painting the fence, shoulder grand") == "normal"
    assert label("these early starts are killing me but the neck is fine") == "normal"
    assert label("it was 39 degrees in the greenhouse, I'm good") == "normal"
    assert label("peaked at 9 around midnight, a 4 now") == "emergency"
    assert label("6-7 in the evenings") == "complication"
    assert label("thought I'd let you know I fainted at the shops") == "emergency"
    assert label("not swollen, it's a sharp ache in my hip") == "complication"
    assert label("the soreness is way down today", "48h") == "normal"
    assert label("stop, stop, stop. all fine") == "opt_out"
    assert label("ring me back at 3 if poss") == "review"
    assert label("up all night with my son who has a temperature of 38.5, I'm ok") == "review"
    assert label("Do you treat children? my daughter has a sore neck") == "review"


def test_northern_words_and_questions_beside_a_stop() -> None:
    """Round nine of blind batches (FK-FR): Scots and northern English, questions about
    our texts beside a stop, a second question after it, "no change" after a question."""
    assert label("the room was birlin last night") == "complication"
    assert label("knee's a bit sair the day") == "normal"
    assert label("the bairn has a temperature, I'm grand") == "review"
    assert label("scrub me aff yer list") == "opt_out"
    assert label("the kids are killing me today but my back's fine") == "normal"
    assert label("cold sore's come up on my lip") == "review"
    assert label("why do you keep messaging me? STOP") == "opt_out"
    assert label("stop the texts please, and can you email my invoice?") == "review"
    assert label("is it meant to still be this stiff? no change from yesterday", "48h") == (
        "complication"
    )
    assert label("is swelling common? mine was quite bad last night") == "complication"
    assert label("pain flared to a 9 after the school run") == "emergency"


def test_dictation_marks_travel_and_the_people_around_the_patient() -> None:
    """Round ten of blind batches (FS-FZ): spoken punctuation and sound-alikes, readings and
    idioms of travel, relatives named as "bro" or "missus", a carer's report, a score for
    dinner, a denial after a comma that ends before an easing."""
    assert label("any fever question mark nope any dizziness question mark nope") == "normal"
    assert label("fingers are tinkling since Tuesday") == "complication"
    assert label("I'm short of breast on the stairs") == "emergency"
    assert label("red streets going up my arm from the needle") == "emergency"
    assert label("tired from the red eye but feeling good") == "normal"
    assert label("jet lag is killing me but the back feels loads better") == "normal"
    assert label("41C in Seville today, is it ok to sunbathe?") == "review"
    assert label("temp 38.9 in spain today, by the pool feeling rough") == "emergency"
    assert label("my bro fainted when he saw the needles, me im good") == "review"
    assert label("I'm Mrs Okafor's carer. There's pus at a needle point on her foot") == (
        "emergency"
    )
    assert label("👍 - from his daughter") == "normal"
    assert label("the kids are a pain in the neck but my neck feels great") == "normal"
    assert label("anyway lasagne was 10/10 lol, zapping down my arm") == "complication"
    assert label("back pain worse than before, 5 hours with the kids screaming") == (
        "complication"
    )
    assert label("no temp, no swelling, neck stiffness is easing", "48h") == "normal"
    assert label("Not dizzy now, just asking as my sister was after hers") == "normal"
    assert label("the pain does not stop, getting worse") == "complication"
    assert label("can u get Sarah to call me back? back is good") == "review"
    assert label("a bit of pus at a point near my nose, is that normal?") == "emergency"
    assert label("green discharge from my nose") == "review"


def test_clinical_words_children_by_age_and_sentences_run_on() -> None:
    """Round eleven of blind batches (GA-GH): a nurse's words for symptoms, a child named by
    age, a relative who says the patient had the session, answers that deny the next word
    only, and news of the day run on without a full stop."""
    assert label("Bit dyspnoeic tbh, otherwise grand") == "emergency"
    assert label("Had a syncopal episode in the shower this morning") == "emergency"
    assert label("pre-syncopal at work, didn't actually go down") == "complication"
    assert label("erythema round the site is spreading past the line I drew") == "emergency"
    assert label("HR 68, BP 122/78, sats 99% RA, temp 36.7. Feel grand") == "normal"
    assert label("my 6yo has a fever so i might need to move thursday") == "review"
    assert label("my son fainted at football. he had acupuncture with you on tuesday") == (
        "emergency"
    )
    assert label("hi its ethan's big sister, he's having trouble breathing") == "emergency"
    assert label("my wife is fine after hers, i had a wobbly few minutes") == "complication"
    assert label("STOP by the pharmacy on your way home x") == "review"
    assert label("the ache is worse than yesterday? not sharp or anything", "48h") == (
        "complication"
    )
    assert label("feels odd rather than sore", "48h") == "review"
    assert label("was sore, now fine", "48h") == "normal"
    assert label("still sore, ok now and then", "48h") == "complication"
    assert label("8 or 9 ot of 10 tbh") == "emergency"
    assert label("take me of your list") == "opt_out"
    assert label("Pain in my shoulder 8-9 Took the dog out this morning.") == "emergency"
    assert label("his neck is still stiff Took the dog out this morning.", "48h") == (
        "complication"
    )
    assert label("fever: nope Took the dog out this morning.") == "normal"
    assert label("got a fever 🤒 Traffic was bad on the way home.") == "emergency"


def test_what_the_writer_did_with_others_and_findings_told_over_sentences() -> None:
    """Round twelve of blind batches (GI-GP): the dog walked or the cat fed is no one with
    the symptom, a spread told in the next sentence, a question about a needle spot's state,
    a saying about what symptoms mean, our texts listed with marketing."""
    assert label("walked the dog and felt dizzy") == "complication"
    assert label("fed the cat then had chest pain") == "emergency"
    assert label("my wife took the dog out and fainted") == "review"
    assert label("I watched my husband faint in the kitchen") == "review"
    assert label("my wife just noticed pus coming out of one of the needle holes on my back") == (
        "emergency"
    )
    assert label("my daughter says her chest is tight, is that something you treat?") == "review"
    assert label("this is Jans phone shes at her sisters, Ill tell her you texted") == "review"
    assert label(
        "The red patch on my calf was the size of a thumbnail yesterday. This morning it's"
        " gone round most of the back of my leg."
    ) == "emergency"
    assert label("is it normal for the needle spot to have stuff seeping out?") == "emergency"
    assert label("is it normal for the needle spots to swell up?") == "review"
    assert label("My mum reckons fever and dizziness together is a bad sign.") == "review"
    assert label("Don't want reminders or check-ins or marketing, none of it. STOP") == "opt_out"
    assert label("stop the promotional texts, I only want the check-ins") == "review"
    assert label("didnt pass out, ok now. head went swimmy on the bus") == "complication"
    assert label("Yesterday was a bit sore but today? Nothing, zero, 0/10.", "48h") == "normal"
    assert label("back feels unreal 🔥 bit achy but good achy") == "normal"
    assert label("the pain is unreal") == "emergency"
    assert label("Asthma's been fine, back's loosening up", "48h") == "normal"
    assert label("not a 9 but definitely an 8") == "complication"
    assert label("yeah nah dont need these check ins, please stop messaging") == "opt_out"


def test_blacking_out_in_other_words_pidgin_patois_and_roofs_that_are_not_pain() -> None:
    """Round thirteen of blind batches (GQ-GX): a blackout told by where the patient woke, a
    step count through the roof, Nigerian Pidgin and Jamaican Patois, a new woman."""
    assert label("went all black and next thing i was on the bathroom floor") == "emergency"
    assert label("my step count is through the roof, not a twinge", "48h") == "normal"
    assert label("my back pain is through the roof") == "emergency"
    assert label("the pain for my waist don increase since yesterday", "48h") == "complication"
    assert label("Nuh text mi again, mi nuh need it") == "opt_out"
    assert label("feel like a new woman, the neck pain I came in with is nearly gone") == (
        "normal"
    )
    assert label("would swelling be normal or should i call", "48h") == "review"
    assert label("ok back still achy WHEN does that wear off usually") == "review"
    assert label("couldnt stop smiling after, back feels free", "48h") == "normal"
    assert label("Took the dog out this morning His neck is still stiff", "48h") == (
        "complication"
    )


def test_relatives_replying_and_sayings_of_the_clinic_floor() -> None:
    """Round fourteen of blind batches (GY-HF): partners and parents replying for the
    patient ("texting my wife", "says to tell you", "her mum replying"), a score told as
    what the patient says, "been worse" as "not bad", a saying asked and answered."""
    assert label("stop texting my wife, shes in A&E with chest pains after your session") == (
        "emergency"
    )
    assert label("husband says to tell you hes getting a stabby pain in his hip") == (
        "complication"
    )
    assert label("her mum replying - she says 8 or 9") == "emergency"
    assert label("6-7 she reckons", "48h") == "complication"
    assert label("my husbands got brusing down his calf. im answering for him") == "complication"
    assert label("the spot on her ankle feels hot when i touch it", "48h") == "complication"
    assert label("4/10 at my desk, been worse", "48h") == "normal"
    assert label("its been worse since tuesday") == "complication"
    assert label("sore? yes. improving? no.", "48h") == "complication"
    assert label("Keep sneezing today, worse than yesterday", "48h") == "review"
    assert label("what if the pain comes back worse than before?") == "review"
    assert label("Nothing major, a bit of heat around where the needles went") == "complication"
    assert label("is it normal to get chest tightness? had it on the drive home") == "emergency"
    assert label("chest pain? wala po. dizzy? wala rin.", "48h") == "normal"


def test_news_passed_on_and_decimals_that_are_no_scores() -> None:
    """Round fifteen of blind batches (HG-HN): news passed on is the patient's or the
    writer's as the words after it say, a temperature's decimal is no score, a "no" that
    opens another finding's denial is no answer, a count of steps is no score."""
    assert label("my wife wants me to tell you i had trouble breathing last night") == (
        "emergency"
    )
    assert label("husband says to tell you hes getting a stabby pain in his hip", "48h") == (
        "complication"
    )
    assert label("36.9 when i checked so all good, back easing off nicely", "48h") == "normal"
    assert label("feel a bit short of breath, probably nothing? no chest pain") == "emergency"
    assert label("chest pain? no, nothing like that. just a bit achy") == "normal"
    assert label("knife like pain in my hip, about 10 steps and it hits", "48h") == (
        "complication"
    )
    assert label("Is chest tightness normal?? Started after I got home, its still there") == (
        "emergency"
    )
    assert label("my pain is about a 4. normal?") == "review"
    assert label("the red bit was the size of a grape yesterday now its halfway to my elbow") == (
        "emergency"
    )


def test_signed_names_and_spoken_lead_ins() -> None:
    """Round sixteen of blind batches (HO-HV): a first name and a surname after a letter's
    close, an emoji or the last sentence is the writer's name whatever word the surname
    spells; "ok so" and "erm" open a reply as a greeting does; "so" before "passed out"
    joins, it does not soften."""
    assert label("Much better today, the soreness has nearly gone. Thanks so much, Barry Lumb",
                 "48h") == "normal"
    assert label("Can I go swimming today? Thanks! Fiona Swell") == "review"
    assert label("👍 Jean Swell", "48h") == "normal"
    assert label("Dear Sir,\nPlease confirm my next appointment.\nYours faithfully,\nW. Lumb") == (
        "review"
    )
    assert label("a bit tired but otherwise fine. Love, Grandma Lumb x") == "normal"
    assert label("Regards,\nCharlotte Lumb\nPS my ankle is swollen today") == "complication"
    assert label("thanks, Lower Back Swelling") == "complication"
    assert label("Regards, Swell") == "complication"
    assert label("ok so 9 maybe 10") == "emergency"
    assert label("erm mum has a temperature of 38.4 and she's shivering") == "emergency"
    assert label("hmm thanks") == "review"
    assert label("ok so passed out in the kitchen this morning") == "emergency"
    assert label("felt so faint in the shower") == "complication"
    # corrections sent after the slip, and a line labelled as the writer's own
    assert label("got a pain in my chess since the session\n*chest. sorry autocorrect") == (
        "emergency"
    )
    assert label("please stop testing me\n*texting", "48h") == "opt_out"
    assert label("tinny bruise on my hand\n*tiny not tinny haha", "48h") == "normal"
    assert label("Pain 5 out of 10\n*6. 6 out of 10, dull ache") == "normal"
    assert label("Stop f***ing texting me") == "opt_out"
    assert label("that thumbs up was for my mum. me: worse than before the session") == (
        "complication"
    )
    assert label("soreness nearly gone, bit stiff first thing but fine by lunch", "48h") == (
        "normal"
    )
    # a laugh closes a thought; pain that stops the mind needs a pain
    assert label("my dad says red sky at night means good weather haha the redness round the "
                 "needle on my back is spreading") == "emergency"
    assert label("My neck is killing me lol but in the normal achy way") == "normal"
    assert label("mio marito ha la febbre, io sto bene 👍") == "review"
    assert label("is it ok to take ibuprofen? its so hot today i cant think straight") == (
        "review"
    )
    assert label("my back hurts so much i cant think") == "emergency"
    assert label("got my kitchen knives sharpened, mild tenderness where the needles went") == (
        "normal"
    )
    assert label("went to see my sister, chest is tight since") == "emergency"
    assert label("went to see my sister, her chest is tight") == "review"
    assert label("just got in from work dad has a large bruise on his arm from the needle") == (
        "complication"
    )
    # other languages' words
    assert label("estou com dor no peito, started this morning", "48h") == "emergency"
    assert label("J'ai un bleu assez gros sur le mollet, not painful though", "48h") == (
        "complication"
    )
    assert label("pain is like 7/10 in the shoulder, ça fait mal quand je dors dessus") == (
        "complication"
    )


def test_emergency_care_named_without_an_emergency_and_choices_after_a_hedge() -> None:
    """Round seventeen of blind batches (HW-ID): A&E as a workplace, a joke, someone
    else's visit or one that ended in an all-clear is no emergency of the writer's; "maybe
    6 or 7" is 7; a clause after a comma can ask; "but there's none" denies."""
    assert label("I'm an A&E nurse, just finished a night shift and my knee was fine") == (
        "normal"
    )
    assert label("my mate said I'd end up in A&E letting someone stick needles in me, feel "
                 "great tho", "48h") == "normal"
    assert label("went to A&E last night with my son, he broke his wrist. I'm ok") == "review"
    assert label("Went to A&E as my right leg went weak. They sent me home, said it's fine") == (
        "complication"
    )
    assert label("went to A&E with my husband because I could not breathe") == "emergency"
    assert label("pain maybe 6 or 7 in my lower back") == "complication"
    assert label("Tiny bruise on my wrist, can I still go swimming") == "review"
    assert label("was worried about bruising but there's none. feel good", "48h") == "normal"
    assert label("feels like someone is sat on my chest since this morning") == "emergency"
    assert label("breathing feels easier since the session, sinuses feel clearer too") == (
        "normal"
    )
    assert label("gogus agrisi var sol tarafta, started around 6am", "48h") == "emergency"
    assert label("can these texts stop now please, im done with treatment", "48h") == "opt_out"


def test_corrections_said_in_words_and_fears_before_a_faint() -> None:
    """Round eighteen of blind batches (IE-IL): "meant to say 9" corrects a score, "I meant
    dozy! not dizzy" a word, "no*" a two-letter slip; a fear that one would faint is no
    faint; a faint bruise "already faint" is the bruise's colour."""
    assert label("pain is a 4\nsorry meant to say 9. fat thumbs. its really bad") == (
        "emergency"
    )
    assert label("Feeling dizzy\nsorry I meant dozy! not dizzy. Ive been napping") == "normal"
    assert label("The needle spot is swollen\nsorry meant to say sore, not swollen!") == "normal"
    assert label("mo swelling\nno* lol. no swelling at all, just a dull ache") == "normal"
    assert label("no fever, I meant to call you yesterday") == "normal"
    assert label("i was nervous id faint with the needles but didnt at all, felt fine") == (
        "normal"
    )
    assert label("tiny bruise on my ankle, already faint. feeling good otherwise", "48h") == (
        "normal"
    )
    assert label("no puedo respirar bien, siento el pecho apretado") == "emergency"
    assert label("everything went grey at the bus stop\nand then i went down, woke up on the "
                 "pavement with people round me") == "emergency"
    assert label("Jake has a fever, can you pick him up?\nomg sorry wrong person!! Can I "
                 "still take ibuprofen?") == "review"
    assert label("my brother is such a sore loser lol anyway im feeling great", "48h") == (
        "normal"
    )


def test_scribes_turns_back_and_conditions_lived_with() -> None:
    """Round nineteen of blind batches (IM-IT): someone typing "for me" is a scribe, and
    "its his girlfriend here" texts for the patient; "actually ... theres one" takes a denial
    back, and a later "not tiny" a size; a condition the patient lives with ("migraine
    sufferer", "my asthma's not flared") is no news; dictated "period" and "comma" are marks,
    "one oh one point five" a reading; "out for a few hours" is an outing, not a faint."""
    assert label("my daughter is texting for me, I have a fever") == "emergency"
    assert label("my carer is typing this for me. my knee has yellow pus coming out") == (
        "emergency"
    )
    assert label("its his girlfriend here, Liam has a temp of 101.2 F") == "emergency"
    assert label("stop texting, my mums taking me to A&E, i cant breathe properly") == (
        "emergency"
    )
    assert label("im fine, its my housemate who's got the fever") == "review"
    assert label("my flatmate has a fever, she got flu off her bf") == "review"
    assert label("me and hubby both went, we're both good") == "normal"
    assert label("No bruising. Actually there is one now on my arm") == "complication"
    assert label("no dizziness, well actually a little when I stood up") == "complication"
    assert label("not any worse, actually a bit better") == "normal"
    assert label("it was a tiny bruise but no, its not tiny at all, its the size of a 50p") == (
        "complication"
    )
    assert label("Sharp pain... sorry autocorrect, meant SLIGHT pain, just a slight ache") == (
        "normal"
    )
    assert label("sharp pain in my back. I meant the pain in my back") == "complication"
    assert label("feel great, head's clearer than in weeks (migraine sufferer)") == "normal"
    assert label("better than before honestly, my asthma's not flared at all", "48h") == "normal"
    assert label("my asthma is playing up") == "review"
    assert label("stop period stop period stop") == "opt_out"
    assert label("my period came early this month is that related question mark") == "review"
    assert label("stop texting me comma I'm all good comma thanks") == "opt_out"
    assert label("temp was one oh one point five Fahrenheit this morning") == "emergency"
    assert [f.phrase for f in assess("temperature thirty eight point five").findings] == [
        "thirty eight point five"
    ]  # staff read the reading as it was said
    assert label("keep em coming... nah actually, stop. too many texts") == "opt_out"
    assert label("not great. not bad either.") == "review"
    assert label("k") == "normal"
    assert label("k see u at the pub at 7") == "review"
    assert label("feelin gr8 !!") == "normal"
    assert label("went all grey and then I was on the floor, out a few seconds") == "emergency"
    assert label("I was out for a few hours shopping, all good") == "normal"
    assert label("popped out for a minute to get milk, back is fine") == "normal"


def test_lists_marked_by_slashes_and_crosses_and_paths_of_pain() -> None:
    """Round twenty of blind batches (IU-JB): a spaced slash and a cross end a list's item
    ("fever - no / swelling - small bit", "Pus ❌ Swelling ✅"); "no" after a full stop opens
    the next sentence; "going down my leg" is a path, not an easing; an emoji before a
    question word ends the statement before it; "Msg from her husband:" texts for the
    patient; "on the way to get the kids, chest went tight" is the writer's chest."""
    assert label("fever - no / swelling - small bit near my elbow / bruise - no", "48h") == (
        "complication"
    )
    assert label("Fever ❌ Pus ❌ Swelling ✅ round the ankle needles", "48h") == "complication"
    assert label("No chest pain, no breathing issues, no fever ✅ just tender") == "normal"
    assert label("Pain 6 or 7. no fever. no bruising. tired") == "complication"
    assert label("fever no (well cabin fever maybe, stuck inside all week). back better") == (
        "normal"
    )
    assert label("still sore, pain going down my leg", "48h") == "complication"
    assert label("still sore, going down each day", "48h") == "normal"
    assert label("pain is unbearable tbh 😭 when does it start to ease off??") == "emergency"
    assert label("Msg from her husband: Fatima passed out in the kitchen an hour ago") == (
        "emergency"
    )
    assert label("on the way to get the kids, chest went really tight. ok now") == "emergency"
    assert label("not me but my grandad has a fever, can he still come in thursday") == "review"
    assert label("mild ache in my arm where she put the needle, like after a jab") == "normal"
    assert label("Stop. Red hot busy week and I don't need the pings. Thanks") == "opt_out"
    assert label("throat a bit scratchy, no fever, no other probs") == "review"


def test_other_languages_read_or_left_to_a_person_and_quoted_texts() -> None:
    """Round twenty-one of blind batches (JC-JJ): a reply mostly in words the engine does
    not know is not "normal" on one word it did read ("boli mnie głowa i trochę mnie mdli");
    Polish, German, French, Turkish, Vietnamese, Portuguese and Spanish findings; a message
    someone else sent the writer, quoted, is theirs; an email's "Re:" subject is our text;
    "CHEST not chess" corrects; a worry told as past, then "but", has eased."""
    assert label("boli mnie głowa i trochę mnie mdli", "48h") == "review"
    assert label("Ağrı 4/10 civarı, idare eder") == "normal"
    assert label("Kręci mi się w głowie od rana", "48h") == "complication"
    assert label("z jednego miejsca po igle leci ropa, taka żółta", "48h") == "emergency"
    assert label("İğne yerlerindeki kızarıklık yayılıyor, bütün baldırım kırmızı", "48h") == (
        "emergency"
    )
    assert label("chỗ kim châm ở cổ tay bị chảy mủ") == "emergency"
    assert label("dor nivel 8 no pescoço hj") == "complication"
    assert label("el dolor no para y va a peor") == "complication"
    assert label("bitte von den SMS abmelden") == "opt_out"
    assert label("Por favor parem de me mandar mensagens") == "opt_out"
    assert label("ho un livido piccolissimo sul polso, per il resto tutto ok", "48h") == "normal"
    assert label(
        "Forwarding what my husband sent me: 'got a fever and chest feels tight' - he's not "
        "your patient, I am, just wanted to ask if it's catching"
    ) == "review"
    assert label("Re: How are you feeling after your session?\nBetter thanks, easing", "48h") == (
        "normal"
    )
    assert label("Re: How are you feeling after your session? Any dizziness? - yes dizzy") == (
        "complication"
    )
    assert label("I've got a tight pressure in my chess since this morning. CHEST not chess") == (
        "emergency"
    )
    assert label("I was a bit worried after the first night, but today it's a lot looser") == (
        "normal"
    )
    assert label("should I expect to faint at the next session? I havent fainted") == "review"
    assert label("Is chest tightness a side effect? Had it on and off since I got home") == (
        "emergency"
    )
    assert label("been trying to ring the clinic but no one picks up, pls call me back") == (
        "review"
    )
    assert label("Doing well! Sorry, my last text was meant for my husband") == "normal"
    assert label("Thx for the lasagne recipe!! Made it last night") == "review"


def test_times_of_day_things_that_collapse_and_stops_half_read() -> None:
    """Round twenty-two of blind batches (JK-JR): "since 10 this morning" and "Around 9 the
    toes..." are times, not scores; "England collapsing" is no faint; "faint circles from
    the cups" are marks; a stop in a reply mostly unread goes to a person (and is still
    honoured); pain "constant" before is no pain that persists; "migraines have been
    better" improved."""
    assert label("pain 2/10 but my right thumb has been numb since 10 this morning") == (
        "complication"
    )
    assert label("Around 9 the toes on my left foot started tingling") == "complication"
    assert label("pain around 9 the whole day") == "emergency"
    assert label("its warm and a bit pink. watching the cricket, England collapsing") == (
        "complication"
    )
    assert label("faint circles from the cups still there but no pain at all", "48h") == (
        "normal"
    )
    assert label("stop cu mesajele, sunt la urgente cu dureri in piept") == "emergency"
    assert assess("stop cu mesajele, sunt la urgente cu dureri in piept").opt_out_requested
    assert label("pain score 1 today, used to be a constant 5", "48h") == "normal"
    assert label("pain is constant", "48h") == "complication"
    assert label("i'd rather not get these follow ups anymore. migraines have been better") == (
        "opt_out"
    )
    assert label("ive been better") == "review"
    assert label("the bruise was small yesterday but today its gone big and dark blue", "48h") == (
        "complication"
    )
    assert label("please remove 07700 900234 from your text list") == "opt_out"
    assert label("is a hot bath ok tonight or better to leave it") == "review"
    # words of any script are words: "тошнит немного после сеанса thanks" is not "thanks"
    assert label("тошнит немного после сеанса thanks") == "review"
    assert label("背上起了疹子，痒 🙂") == "review"
    assert label("Great! No problems at all. Ευχαριστώ πολύ", "48h") == "normal"


def test_taken_back_restated_and_likened() -> None:
    """Round twenty-three of blind batches (JS-JZ): a denial taken back ("? no. well...
    actually yeah a bit", "wait no, forgot to say I fainted", "I didn't faint. Wait, I nearly
    did"), a word taken back ("a sharp... no, not sharp"), a belief taken back ("thought I
    had a fever but it was just the electric blanket"), a score told again ("3/10. maybe 4")
    is no rise; likenesses ("like pressing on a bruise", "looks like snot") and idioms ("All
    sharp", "Shooting off to work") are no findings; "un bearable" said to dictation is one
    word; "wait theres red streaks" is no wait had."""
    assert label("shortness of breath? no. well... actually yeah a bit, when i lie flat") == (
        "emergency"
    )
    assert label("lightheaded? no. well, a little when i stood up fast") == "complication"
    assert label("fever? no. well rested") == "normal"
    assert label("all good! wait no, forgot to say i fainted last night") == "emergency"
    assert label("wait, no fever") == "normal"
    assert label("Ag no man the pain is unbearable") == "emergency"
    assert label("I didn't faint. Wait, I should say I nearly did, in the shop") == "complication"
    taken_back = "I had a bit of a sharp... no, not sharp, wrong word. dull ache, easing"
    assert label(taken_back, "48h") == "normal"
    assert label("sharp pain yesterday, not sharp today") == "complication"
    assert label("thought I had a fever but it was just the electric blanket, 36.6") == "normal"
    assert label("thought i had a fever but it was actually 38.5") == "emergency"
    assert label("i thought i was going to faint but it was only nerves") == "complication"
    assert label("3/10. maybe 4. def not more than 4") == "normal"
    assert label("3/10 yesterday, maybe 5 today", "48h") == "complication"
    assert label("lower back was 4 yesterday, 6 today", "48h") == "complication"
    assert label("mild tenderness, like pressing on a bruise, nothing to see") == "normal"
    assert label("green gunk coming out the spot on my ankle, looks like snot") == "emergency"
    assert label("Lekker man, feeling good. All sharp 👍") == "normal"
    assert label("All good here. Shooting off to work now, ta", "48h") == "normal"
    assert label("the pain in my neck is un bearable exclamation mark", "48h") == "emergency"
    assert label("I red the leaflet you gave me all good") == "normal"
    assert label("I went red") == "complication"
    assert label("wait theres red streaks going up my arm, is that bad??") == "emergency"
    assert label("the wait was unbearable but im fine") == "normal"
    assert label("my daughter fainted watching them put the needles in my hand, im fine") == (
        "review"
    )
    assert label("hips ache a lot less. knees still ache, havent changed", "48h") == "complication"
    assert label("which painkiller is best if the ache comes back?", "48h") == "review"
    assert label("got a rash like little red dots on my tummy. no needles went there") == "review"
    assert label("got an itchy red rash right around the needle spots") == "complication"
    assert label("shes fine but can we move thursday, she has exams") == "review"
    assert label("I'd like these check-ins to end now please", "48h") == "opt_out"
    assert label("i dont want the messages to stop") != "opt_out"
    assert label("sorry not me, u have the wrong number x") == "review"
    assert label("honestly my hip aches more now than it did before I went in") == "complication"
    assert label("I love you more now than ever") != "complication"
    assert label("felt like a brick on my chest last night, gone this morning") == "emergency"


def test_words_said_twice_unchanged_findings_and_self_care_heat() -> None:
    assert label("sharp sharp pain in my lower back") == "complication"
    assert label("Sharp sharp! All good my side, thanks") == "normal"
    assert label("no change in the swelling round my knee") == "complication"
    assert label("no changes to the bruise on my arm, still dark", "48h") == "complication"
    assert label("no change, no swelling, all good") == "normal"
    assert label("no improvement in the soreness at all", "48h") == "complication"
    assert label("No changes to report, feeling great", "48h") == "normal"
    assert label("I put heat on it and now its red and hot") == "complication"
    assert label("the heat is unbearable today but I'm fine") == "normal"
    assert label("without warning i blacked out on the bus home. fine now") == "emergency"
    assert label("without painkillers its about a 7") == "complication"
    assert label("went home without feeling dizzy") == "normal"
    assert label("I never faint, never have, but I did last night, went down in the hall") == (
        "emergency"
    )
    assert label("no fever but I did last night feel a bit dizzy") == "complication"
    assert label("quick one about my invoice - also there's a swollen lump on my neck") == (
        "complication"
    )


def test_asked_then_answered_yes_and_questions_that_report() -> None:
    assert label("shortness of breath? yeah a bit, on the stairs mostly") == "emergency"
    assert label("pins and needles? yep in my left foot") == "complication"
    assert label("what if I get a fever? yeah I'm worried") == "review"
    assert label("wondering if the dizziness is normal, had it twice today already") == (
        "complication"
    )
    assert label("if the numbness in my toes hasnt gone by tomorrow should i come in?") == (
        "complication"
    )
    assert label("How long does vertigo last after acupuncture? Mine still hasn't gone") == (
        "complication"
    )
    assert label("how long does vertigo last after acupuncture?") == "review"
    assert label("if anything gets worse should i call you or my GP") == "review"
    assert label("is 5/10 normal at this stage") == "review"
    assert label("pain is pretty ok today") == "normal"
    assert label("coffee ok after acupuncture or should i avoid it", "48h") == "review"
    assert label("Feeling great!! oh also do you do gift vouchers") == "review"
    assert label("I said no chest pain but that's not right, I've had a pressure in my chest") == (
        "emergency"
    )
    assert label("its not my back, my back is fine, its my chest. feels like pressure") == (
        "emergency"
    )
    assert label("pulled a muscle in my chest. feels fine now") == "normal"


def test_scores_of_other_parts_other_things_and_days() -> None:
    assert label("neck 2, shoulders 3, lower back 1. all good") == "normal"
    assert label("neck 2 yesterday, neck 5 today", "48h") == "complication"
    assert label("pain 0, energy 9/10 lol") == "normal"
    assert label("10/10 sleep last night, back is loads better", "48h") == "normal"
    assert label("Pain was 4 before the session, now it's 6") == "complication"
    assert label("all good, booked in again for tues 9/10 👍", "48h") == "normal"
    assert label("tuesday 9/10, today 4/10", "48h") == "emergency"
    assert label("AUTO REPLY: This mobile is monitored Mon-Fri 9-5.") == "review"
    assert label("7-8 in my neck when i turn left") == "complication"
    assert label("4 bruises on my back, none of them small") == "complication"
    assert label("3 bruises, all of them small") == "normal"


def test_whose_it_is_and_what_was_taken_back() -> None:
    she_fainted = "Mum wont text back so I'm answering - she fainted at the shops yesterday"
    assert label(she_fainted, "48h") == "emergency"
    assert label("I am the interpreter for Mr Haddad. He reports shortness of breath.") == (
        "emergency"
    )
    assert label("still sore. my husband's been sore too and his has gone already", "48h") == (
        "complication"
    )
    checked = "no fever, my daughter checked everything, but there is a warm patch by one needle"
    assert label(checked) == "complication"
    assert label("my husband is fine but theres a rash on his arm") == "review"
    assert label("i dont have a fever but my husband does", "48h") == "review"
    assert label("not dizzy but my son is too") == "review"
    assert label("thought it was a bruise but it's not a bruise, it's a blotchy rash") == "review"
    assert label("Thought I felt lightheaded earlier but no, not lightheaded. Feeling fine") == (
        "normal"
    )
    assert label("i thought i was going to faint but it was only nerves") == "complication"
    assert label("thought I had a fever but not sure") == "emergency"
    assert label("the spots are achy. *itchy not achy, autocorrect", "48h") == "review"
    assert label("Bit tender still, actually no, it's not tender anymore. All good", "48h") == (
        "normal"
    )
    assert label("still stiff. not sore anymore though", "48h") == "complication"
    assert label("Neither of the spots on my back is red or swollen. Getting better", "48h") == (
        "normal"
    )
    assert label("not even a little sore", "48h") == "normal"
    assert label("not any less numb than yesterday", "48h") == "complication"
    assert label("no less stiff", "48h") == "complication"
    assert label("Saw an article about someone getting a collapsed lung from acupuncture") == (
        "review"
    )
    assert label("I think I have a collapsed lung") == "emergency"


def test_links_placeholders_and_our_own_words_quoted_back() -> None:
    assert label("https://photos.app.goo.gl/7hQpXm2Lk9vRt") == "review"
    assert label("[image] 🛑 STOP", "48h") == "opt_out"
    assert label("[Attachment: IMG_2231.jpg] swelling on my knee") == "complication"
    assert label("fine 👍 (pic of the bruise on my hip)", "48h") == "complication"
    dental = "Thanks for texting Bright Smile Dental! We'll reply soon. Reply STOP to opt out."
    assert label(dental) == "review"
    assert label("would you mind not sending these after every appointment, fine", "48h") == (
        "opt_out"
    )
    busy = "Out of the office this week but still checking texts 😄 feeling fine, thanks"
    assert label(busy, "48h") == "normal"
    assert label("I am out of the office until Monday.") == "review"
    asked = "Any chest pain or dizziness since your session? Tell us in your own words."
    assert assess(f"all fine\n\n{asked}", sent=f"Hi Ann. {asked}").label == "normal"
    assert assess(f"all fine\n\n{asked}").label == "review"  # unknown to us: their question


@pytest.mark.parametrize("kind", ["24h", "48h", "72h"])
def test_our_default_check_in_quoted_back_is_not_the_patients(kind: str) -> None:
    from scheduler.messaging.texts import SmsTexts

    ours = SmsTexts().render_checkin(kind, first_name="Ann", clinic="Willow Clinic")
    checkin = "48h" if kind != "24h" else "24h"
    for reply in (f"all good thanks\n\n{ours}", f'"{ours}"\nall good thanks', f"{ours} all good"):
        found = assess(reply, checkin)
        assert found.label == "normal", (reply, found.to_dict())


def test_pleasant_oddness_thanks_and_voice_slips() -> None:
    assert label("my breathing feels deeper n easier since the session, weird but nice") == (
        "normal"
    )
    assert label("feels weird but ok") == "review"
    assert label("idk what u did but my back feels amazing 😍") == "normal"
    assert label("idk what to do, dizzy") == "complication"
    assert label("after my acne puncture yesterday my neck feels much better thank you") == (
        "normal"
    )
    assert label("brain feels sharp af today lol and my back is loosening up", "48h") == "normal"
    assert label("wrong number, im 83 and never had a needle in me except my jabs") == "review"
    assert label("I'm 76 and I feel 20 years younger, thank you!", "48h") == "normal"
    assert label("first morning in months my back isnt giving me grief") == "normal"
    assert label("the ache in my lower back has halved since yesterday", "48h") == "normal"
    assert label("ache's nearly gone, can barely feel it", "48h") == "normal"
    assert label("shoulder's still sore, I'd hoped it'd be gone by now", "48h") == "complication"
    assert label("back's alright, my nose has been running nonstop since last night") == "review"
    assert label("I feel a bit funny. Not dizzy, not faint, just funny") == "review"
    assert label("the session was great but I'm feeling really low today") == "review"


def test_long_blank_runs_are_read_short_and_spans_still_point_at_the_words() -> None:
    text = "fine thanks" + " " * 30 + "\n\n\n" + " " * 20 + "my knee is swollen" + "\n" * 1500
    text += "and I fainted"
    found = assess(text)
    assert found.label == "emergency"
    told = {f.rule: text[f.span[0] : f.span[1]] for f in found.findings if f.counted}
    assert told["swelling"] == "swollen" and told["fainting"] == "fainted"
    assert assess("a" + "\n" * 1598 + "b").label == "review"


def test_said_of_two_things_spreads_and_amounts_after_a_comma() -> None:
    assert label("chest and breathing totally fine, just a dull ache in my lower back") == (
        "normal"
    )
    assert label("chest and arm pain, otherwise fine") == "emergency"
    assert label("chest and heart pounding but fine") == "emergency"
    assert label("No complaints really, bit of tingling in my fingertips") == "complication"
    assert label("no fever, a little headache") == "review"
    assert label("no fever, chills or pus") == "normal"
    assert label("didnt faint or feel dizzy this time, all good", "48h") == "normal"
    assert label("not a faint bruise, a dark one") == "complication"
    assert label("pain is about a 2, sometimes a 3, made a lasagne", "48h") == "normal"
    assert label("a 2 yesterday, a 4 today", "48h") == "complication"
    assert label("hamstring at a 2 now, was nearer 4 yesterday", "48h") == "normal"
    assert label("calves at a 7 today", "48h") == "complication"
    assert label("back of my knee was achy yesterday, today it's maybe 1/10", "48h") == "normal"
    assert label("back of my knee was achy yesterday, today it's a 5", "48h") == "complication"
    assert label("pain has gone from mild to pretty bad since yesterday", "48h") == "complication"
    assert label("big bruise on my arm, gone a funny yellow colour, doesnt hurt", "48h") == (
        "complication"
    )
    assert label("my knee has a funny yellow discharge") == "emergency"


def test_wine_fines_articles_and_calls_about_bills() -> None:
    assert label("had a glass of red last night and slept 9 hours, back feels great") == "normal"
    fined = "the parking machine took my money so i got a fine, can the clinic do anything"
    assert label(fined, "48h") == "review"
    read = "my wife read something online about infections, 36.9, back is better than ever"
    assert label(read) == "normal"
    assert label("my back feels the best it has in years honestly", "48h") == "normal"
    assert label("unsubscribe me please, and also want someone to call about the bill") == (
        "review"
    )
    assert label("left my brolly at the clinic 🙂") == "review"
    assert label("back to my old self 💪") == "normal"


def test_layouts_a_word_a_line_dot_leaders_and_tables() -> None:
    assert label("chest\nfeels\ntight\nsince\nlast\nnight") == "emergency"
    assert label("DON'T\nTEXT\nME\nAGAIN", "48h") == "opt_out"
    assert label("my chest\nhurts\nwhen I breathe in\n\nleft side thanks") == "emergency"
    assert label("bruise on my chest. tight jeans today lol") == "complication"
    assert label("bruise on my chest. Heavy day at work") == "complication"
    assert label("ignore my last text. also ignore this one lol 🙂") == "review"
    assert label("Fever? no\nPus? no\nRedness? no\nAll healing nicely", "48h") == "normal"
    assert label("👍\n\n👍\n\n👍") == "normal"
    assert label("Breathing ...... difficult\nSleep ......... ok", "48h") == "emergency"
    assert label("Pain (0-10): 10") == "emergency"
    assert label("on a scale of 0-10 its 3") == "normal"
    assert label("Pain: 2\nTexts: no more please") == "opt_out"
    assert label("Eyes / blurry since the session") == "review"
    spreading = "redness round the needle mark. today size of a 50p, it's spreading up my arm"
    assert label(spreading, "48h") == "emergency"
    ring = "a little red ring round a needle spot. If it starts spreading should I come in?"
    assert label(ring) == "complication"


def test_corrected_scores_dates_weather_and_proxies() -> None:
    assert label("its an 8, no actually closer to a 9") == "emergency"
    assert label("5/10 no wait more like 7") == "complication"
    assert label("i wouldnt say its a 9 more like 8", "48h") == "complication"
    assert label("more like 7 people came to the party") == "review"
    assert label("not a 10 but a solid 8", "48h") == "complication"
    assert label("yesterday a 5, today hardly a 1 🙌", "48h") == "normal"
    assert label("7 today, was 4 yesterday", "48h") == "complication"
    assert label("back's feeling good, see you on 9/10 at 10") == "normal"
    weather = "38 degrees in Adelaide today so im hiding inside with the aircon, back is good"
    assert label(weather) == "normal"
    assert label("my temp is 99.5 is that ok") == "review"
    assert label("remove 07700 900 219 from your list", "48h") == "opt_out"
    school = 'this is Amira\'s mum. The school just texted me: "Amira fainted in PE"'
    assert label(school) == "emergency"
    assert label("my husband sent me: 'got a fever and chest feels tight'") == "review"
    sister = 'my sister sent me: "hope it helped xx". not really, ive had a tight chest since'
    assert label(sister) == "emergency"
    assert label("this is a shared phone, the message is for Grandad. He had chest pains") == (
        "emergency"
    )
    assert label("all fine my end. Gary (hubby) is burning up, 38.7", "48h") == "review"
    trampoline = "neighbour's kid fell off the trampoline, I spent the evening at A&E with them"
    assert label(trampoline) == "review"
    both = "my wife and I both got bruises, hers are tiny but mine on the hip is big and purple"
    assert label(both, "48h") == "complication"
    assert label("son here - mum's fine but she wants someone to ring her", "48h") == "review"
    assert label("Stop texting please, my husband had a stroke last night", "48h") == "review"
    assert label("ignore what I said about a fever, no fever, 36.7. feel good") == "normal"
    assert label("ignore what i said, i do have a fever") == "emergency"
    assert label('"How are you feeling" - honestly, brilliant. Best sleep in months.') == "normal"


def test_likenesses_returns_remedies_and_a_site_named_for_a_discharge() -> None:
    """Long ago in a likeness is no history of the finding; a finding "back" is news; what
    a remedy was taken for is a symptom; discharge out of a needle hole is the site's."""
    assert label("chest feels tight like when my asthma used to flare up as a kid") == (
        "emergency"
    )
    assert label("used to get dizzy spells like this as a kid") == "review"
    assert label("vertigo's back, had BPPV a few years ago, room spinning when i roll over") == (
        "complication"
    )
    assert label("had vertigo years ago, fine now") == "normal"
    assert label("took my usual sumatriptan for the headache, all good now") == "review"
    assert label("had acupuncture for the headache, feel great") == "normal"
    pus = "husband has a cough, and now I've got pus coming out of one of the needle holes"
    assert label(pus) == "emergency"
    assert label("chesty cough bringing up green stuff") == "review"


def test_scores_in_forms_diaries_and_past_the_top_of_the_scale() -> None:
    """A form's field, a day's diary, "id say 11" past the scale given, a level the pain
    rose to, and at 48 h a score that has not moved."""
    assert label("Pain tonight: eight") == "complication"
    assert label("Pain min: 5\nPain max: 7") == "complication"
    assert label("on a scale of 1 to 10 id say 11 honestly") == "emergency"
    assert label("id say 2 hours") == "review"
    assert label("im at a 7 today, was a 3 yesterday") == "complication"
    midnight = "got up to an 8 around midnight, took 400mg ibuprofen and it settled to a 3"
    assert label(midnight, "48h") == "complication"
    assert label("monday 2, today 6. going up", "48h") == "complication"
    assert label("pain 4/10 today, yesterday 5") == "normal"
    assert label("still a 5, exactly the same as yesterday", "48h") == "complication"
    assert label("still a 5 but its only been a day") == "normal"
    assert label("pain 8/10 no fever no pus") == "complication"


def test_questions_and_answers_set_out_as_a_form() -> None:
    """ "Q: ... A: ...", answers on their own line, "n/a": the writer's layout."""
    assert label("fever?\nno\nchest?\nno\ncough?\nyes, since tues", "48h") == "review"
    assert label("fever?\nno") == "normal"
    assert label("Q: still sore?\nA: yep\nQ: easing?\nA: not really", "48h") == "complication"
    assert label("Q: How's the back? A: Loads better. Q: Any issues? A: None.", "48h") == (
        "normal"
    )
    assert label("Pain: n/a\nBruising: n/a\nOther: my jaw clicks when I chew now") == "review"
    assert label("Pain: 1/10\nFurther messages: no thanks") == "opt_out"
    assert label("Is it normal to get out of breath this easily?\nnever happened before") == (
        "emergency"
    )


def test_yardsticks_named_illnesses_slang_and_texted_short() -> None:
    """A symptom named to measure by, an illness with its own name, "0 pain", "like 10 a
    day", "-ish" before "out of ten", a feeling taken back, proxies labelled, slang."""
    assert label("mild ache, about a 3, less than my usual period cramps") == "normal"
    assert label("mild ache, not as bad as a migraine") == "normal"
    assert label("headache, worse than yesterday") == "complication"
    chest = "had a chest infection last month, is acupuncture ok while im still on the inhaler?"
    assert label(chest) == "review"
    assert label("i think the needle site is infected") == "emergency"
    assert label("0 pain, zero, nada", "48h") == "normal"
    assert label("8 needles and 0 bruises this time, easing off nicely", "48h") == "normal"
    assert label("hot flushes since yesterday, like 10 a day", "48h") == "review"
    assert label("pain like 8 a day ago, now 3") == "complication"
    assert label("seven-ish out of ten today") == "complication"
    bruisey = "mild tenderness round the points, bit bruise-y feeling but no actual bruise"
    assert label(bruisey) == "normal"
    assert label("sory not me, i never do acupunctur", "48h") == "review"
    assert label("ache nearly gon", "48h") == "normal"
    assert label("was taking nurofen yesterday for the ache but dont need it now", "48h") == (
        "normal"
    )
    assert label("carer: Joan's tenderness is easing, she's eating well", "48h") == "normal"
    assert label("She says she feels strange, not bad, just strange. I'm translating for her") == (
        "review"
    )
    assert label("heart's been going like the clappers, no chest pain, breathing fine") == (
        "review"
    )
    assert label("all g") == "normal"
    assert label("shattered, went to bed at 8") == "normal"
    assert label("running 10 mins late sorry!!") == "review"
    forms = "sorting the insurance forms was a real headache but the hip is much improved"
    assert label(forms) == "normal"
    assert label("Dad says the pain is the worst he's ever had") == "emergency"
    mower = "my lower back is killing me since I lifted the mower, I literally cannot move"
    assert label(mower) == "emergency"
    assert label("it felt like the floor was moving under me for a few minutes last night") == (
        "complication"
    )
    assert label("giddy as a schoolgirl, knee feels brand new") == "normal"
    assert label("stiffer than before i came in tbh") == "complication"


def test_turns_to_us_laughter_homophones_and_denials_undone() -> None:
    """Past a message gone astray the writer turns to us; "i cant breathe 😂" is a laugh;
    "my chess" is a chest; a denial undone by "only when I walk", by another part that
    "is", by "...yeah actually"; an expectation denied ("but i didnt")."""
    astray = "Sorry, wrong person, that was for my trainer. To answer you: felt woozy after"
    assert label(astray) == "complication"
    assert label("sorry meant for the family group!! Dad's chest pain is back") == "review"
    assert label("lmaooo i cant breathe 😂😂 my bro showed me the vid. back feels good tho") == (
        "normal"
    )
    assert label("lol i cant breathe properly since the session") == "emergency"
    assert label("ive had a crushing feeling in my chess since lunch") == "emergency"
    assert label("playing chess with my son, back is fine") == "normal"
    walking = "my chest doesnt hurt when im sitting, only when i walk, like a squeeze"
    assert label(walking) == "emergency"
    assert label("my neck isnt numb but my fingers on the right hand are") == "complication"
    assert label("not dizzy but my husband is") == "review"
    shower = "fever? nope. chest pain? nope. passed out in the shower? ...yeah actually"
    assert label(shower) == "emergency"
    assert label("thought i might feel feint afterwards but i didnt at all") == "normal"
    assert label("felt like I might black out when I stood up, but I didn't") == "complication"
    assert label("no headache... ok maybe a slight one behind my eyes") == "review"
    assert label("8 out of 10? no, worse, like 9.5", "48h") == "emergency"
    assert label("my pain score? 8 earlier, 9 now, climbing") == "emergency"
    assert label("i think i went unconscious for a bit on the sofa last night", "48h") == (
        "emergency"
    )
    assert label("back was achy after my shift yesterday but its easing off today", "48h") == (
        "normal"
    )
    assert label("the acne near my jaw flared up, coincidence?", "48h") == "review"
    assert label("pretty sure my blood pressure is up again, it was high last year 🙂") == (
        "review"
    )
    assert label("had my blood pressure taken, all fine") == "normal"
    assert label("not had a sec to catch my breath 😅 back feels good tho") == "normal"
    assert label("went clay shooting yesterday, shoulder held up great", "48h") == "normal"
    spanish = "mi mamá se desmayó en la cocina hoy, soy su hija"
    assert label(spanish, "48h") == "emergency"
    assert label("mon mari a de la fièvre depuis hier, moi ça va", "48h") == "review"
    assert label("qué pasa si me sale pus? voy a urgencias?", "48h") == "review"
    assert label("sobrang gaan ng pakiramdam ko, salamat po!") == "normal"
    assert label("Nahihirapan po akong huminga since kagabi") == "emergency"
    assert label("wag na po kayong mag-text, okay na ako salamat", "48h") == "opt_out"


def test_emergencies_told_by_what_happened_and_their_lookalikes() -> None:
    """Emergencies told without their words ("had to carry me", "stopping to gasp", "the
    last thing i remember"), near faints, and the lookalikes of both."""
    carried = "no dizziness, but my son had to carry me to the car the pain in my back was that bad"
    assert label(carried, "48h") == "emergency"
    gasp = "couldnt get through one sentence on the phone without stopping to gasp"
    assert label(gasp) == "emergency"
    assert label("keep having to gasp for air, started last night") == "emergency"
    assert label("had to stop three times on the stairs to get air", "48h") == "emergency"
    assert label("went outside to get some air, feel fine") == "normal"
    loo = "the last thing i remember is standing up off the loo, next thing my husband is over me"
    assert label(loo) == "emergency"
    assert label("found him slumped in his chair, this is his wife", "48h") == "emergency"
    assert label("took the max dose an hour ago and im still screaming into my pillow") == (
        "emergency"
    )
    assert label("everything went dark round the edges but i sat down before i dropped") == (
        "complication"
    )
    assert label("almost went down in the shower, grabbed the rail, passed after a minute") == (
        "complication"
    )
    assert label("felt like i was going to tip over. sat for 10 mins and was ok") == (
        "complication"
    )
    assert label("my fingers keep going to sleep since the session") == "complication"
    assert label("pins n needs in both hands when i woke up went after an hour") == "complication"
    assert label("both me and my sister have had a fever since yesterday") == "emergency"
    lady = "the lady in the chair next to me fainted and i got lightheaded too on the way out"
    assert label(lady) == "complication"
    assert label("fever's a no, pus a no, but theres a pinkish red ring round the needle spot") == (
        "complication"
    )
    assert label("checked for fever like my daughter told me to, 36.9, all good") == "normal"
    assert label("laughed so hard at the pub quiz i couldnt breathe 😂 back feels better") == (
        "normal"
    )
    assert label("was laughing earlier but now i cant breathe properly") == "emergency"
    assert label("on a scale where 10 is the worst pain imaginable, im a 2") == "normal"
    assert label("got home, flopped on the sofa and was out like a light, so relaxed") == "normal"
    assert label("had some stiffness yesterday but its cleared", "48h") == "normal"
    assert label("Lower back still stiff, hasn't changed. Cleared the garage yesterday", "48h") == (
        "complication"
    )
    assert label("i was worried about bruising but theres nothing, all good", "48h") == "normal"
    assert label("my husband was sure id faint at the sight of the needles, i didnt 😂") == (
        "normal"
    )
    assert label("Doing ok. My dad passed away yesterday so I'll need to cancel next week") == (
        "review"
    )
    typed_low = "hi its tom, janes husband. she keeled over in the hallway after dinner"
    assert label(typed_low) == "emergency"
    assert label("this is tom, my friends husband. she fainted") == "review"


def test_carers_and_care_homes_write_for_the_resident_they_name() -> None:
    """A carer who names the resident writes for the patient; a client or a patient "of
    mine" is someone else; whoever "rang me" only passed the news on."""
    assert label("I do home visits for Mrs Grant, she told me she passed out cold last night") == (
        "emergency"
    )
    home = "Hi, senior carer here re Mrs Patel. She's been running a temperature of 38.4"
    assert label(home) == "emergency"
    harold = "Hi, Harold's carer. His shoulder stiffness is easing off nicely"
    assert label(harold, "48h") == "normal"
    alan = "Hi, support worker for Alan. He's got no pain today, 0/10, and he's in a good mood"
    assert label(alan) == "normal"
    client = "I'm a home carer and a client of mine has spreading redness on her leg, GP or you?"
    assert label(client, "48h") == "review"
    assert label("on the ward today and a patient of mine has chest pain, all ok my end") == (
        "review"
    )
    streaks = "Hi, Arthur's granddaughter. The care home rang me, there are red streaks up his arm"
    assert label(streaks) == "emergency"
    assert label("Staff report Mr Quinn is more confused than usual today, no temp", "48h") == (
        "review"
    )
    assert label("the ache has gotten stronger since this morning") == "complication"
    curtain = "like a grey curtain dropped over my eyes, had to crouch down, didnt pass out"
    assert label(curtain) == "complication"
    assert label("no more texts pls. neck hasnt loosened up at all since the session", "48h") == (
        "complication"
    )
    assert label("the needles went in like a knife through butter, all good today") == "normal"
    assert label("feel electric in a good way, full of energy, no aches", "48h") == "normal"
    assert label("kids dragged me round the merry go round all day, back held up", "48h") == (
        "normal"
    )
    assert label("only a whisper of soreness left, like a 1/10", "48h") == "normal"
    assert label("feel kinda off, not dizzy, not sore, just off") == "review"
    assert label("please can I stop the sessions for now, money is tight") == "review"
    assert label("tired but ok. got the invoice, all paid 👍") == "normal"


def test_round_mm_mr_emergencies_and_complications_told_their_own_way() -> None:
    """A severity past a comma after sleep is the pain's; fainting, a scale's top, a kidney
    stone, a chest "more like a tight band", a son introducing himself in Spanish."""
    assert label("hurts more than when i broke my leg, havent slept, painkillers do nothing") == (
        "emergency"
    )
    assert label("these hot flushes are unbearable") == "review"
    assert label("my flatmate said my eyes rolled back and i slid off the chair") == "emergency"
    assert label("no pain in my chest as such, more like a tight band round it when i walk") == (
        "emergency"
    )
    assert label("on a scale where 10 is the worst thing imaginable its right at the top") == (
        "emergency"
    )
    assert label("honestly worse than my kidney stone was, cant get comfy at all") == "emergency"
    assert label("Yesterday I lose conscious for maybe one minute in the bathroom") == "emergency"
    carmen = "Hola, soy el hijo de Carmen. My mom tiene fiebre de 38.5 since anoche"
    assert label(carmen) == "emergency"
    assert label("chest has been achy since we got back but probably the flight") == "emergency"
    assert label("dropped my coffee cup twice, cant seem to grip with my right hand") == (
        "complication"
    )
    assert label("legs turned to jelly and i had to sit on the kerb for a bit") == "complication"
    assert label("when I lift the arm there is like electricity going to my fingers") == (
        "complication"
    )
    assert label("My leg is sleeping since the session, from knee to foot", "48h") == "complication"
    assert label("the baby is sleeping, my back feels great") == "normal"
    ali = "hi, Mr Ali's wife. his neck is still stiff and sore, same as yesterday"
    assert label(ali, "48h") == "complication"


def test_round_ms_mx_carers_who_name_themselves() -> None:
    """A carer or support worker introducing themselves (two-word roles too, "from Gran's
    carer") reports the patient's symptoms; a "who" clause's "me" is not the writer's."""
    ken = "Hi it's Ken's support worker, he's been getting electric shock type pains in his neck"
    assert label(ken, "48h") == "complication"
    assert label("Support worker: Kyle is a bit achy but in good spirits, no dizziness") == "normal"
    assert label("hi from Gran's carer, she fainted this morning") == "emergency"
    assert label("got a cold from Jess's husband, she fainted") == "review"
    son = "my son (he's the one you treated) says his leg feels weak and heavy"
    assert label(son) == "complication"
    knee = "my knee is the one you treated and it's swollen, my husband has a fever"
    assert label(knee) == "complication"
    ron = (
        "Hello, it's Ron. My wife, who was seen straight after me, has been feeling faint and "
        "dizzy since we got home. I am fine myself."
    )
    assert label(ron) == "review"


def test_round_ms_mx_findings_in_other_words() -> None:
    """Breath, fainting, dizziness, weakness, worsening and insomnia as people put them."""
    assert label("cant get my wind since yesterday evenin, even just settin on the porch") == (
        "emergency"
    )
    assert label("she went down in the kitchen and didnt respond for a few seconds") == (
        "emergency"
    )
    assert label("the ceiling was going round and round when i lay down last night") == (
        "complication"
    )
    assert label("the room began to spin and I had to sit back down") == "complication"
    assert label("is it normal for my leg to feel this heavy and hard to lift?") == "complication"
    assert label("today pain is more than yesterday, earlier it was less only", "48h") == (
        "complication"
    )
    assert label("i can move more than yesterday, pain is less", "48h") == "normal"
    assert label("ive had 4 shooting pains down my leg today", "48h") == "complication"
    assert label("see you at 10 sharp") == "review"
    assert label("I have not slept well, lying awake for hours. The hip is loosening") == "review"
    assert label("it drained overnight, yellowish") == "emergency"
    assert label("bit drained today, nothing else going on") == "normal"
    assert label("gran's been sick as a dog since sunday, back's ok", "48h") == "review"


def test_round_ms_mx_scores_said_of_the_worst() -> None:
    """A number said of the pain's worst is a score; "yday" is yesterday; "could be" a spread."""
    assert label("8 at its worst moments, otherwise 5ish", "48h") == "complication"
    assert label("peaked at about 7.5 last night, bit lower now", "48h") == "complication"
    assert label("i think 7, could be 8 on a bad moment") == "complication"
    assert label("i think 3, could be 4 on a bad moment") == "normal"
    assert label("yday a 2, today a 4 🤨", "48h") == "complication"
    assert label("woke up 3 times at night") == "review"


def test_round_ms_mx_what_is_asked_and_what_is_not() -> None:
    """Times to text instead are no opt-out; "if ... ever show up" is a hypothetical; "how
    kind of you to ask" is thanks; "faint purple" is a mark's shade."""
    assert label("pls dont text me during work hours, after 6pm is fine", "48h") == "review"
    assert label("stop texting me during work hours. or at all actually.") == "opt_out"
    assert label("stop messaging me on the weekend ffs") == "opt_out"
    assert label("ugh can these messages just stop 🙄") == "opt_out"
    assert label("if red lines ever show up near the spots is that an A&E thing?") == "review"
    clifford = "How kind of you to ask. The soreness in my shoulder has eased considerably."
    assert label(clifford, "48h") == "normal"
    assert label("little mark on my wrist the size of a pinhead, faint purple") == "normal"
    assert label("big mark on my arm, i feel faint") == "complication"
    assert label("Yeah good ta, stiffness has pretty much buggered off", "48h") == "normal"
    assert label("the soreness packed up overnight, feel grand", "48h") == "normal"
    assert label("I am writing to ask what I should do if I were to develop a temperature") == (
        "review"
    )


def test_round_ms_mx_passed_and_praised_as_typed() -> None:
    """A held letter ("gooood") may be the word with it twice; "today im not" says a
    soreness passed; "best my back's felt in years" is praise."""
    assert label("all gooood 😎") == "normal"
    assert label("stoooop texting meeee 😤") == "opt_out"
    assert label("yesterday i was sore, today im not 🙌", "48h") == "normal"
    assert label("yesterday i was dizzy, today im not", "48h") == "complication"
    best = "the treatment took my breath away, best my backs felt in years"
    assert label(best, "48h") == "normal"


def test_round_nb_nd_relatives_who_sign_or_say_they_answer() -> None:
    """A relation signed at the end ("(son)", "- Sue (Tom's wife)", "- from Pat's carer") or
    a relative who says they answer for the patient reports the patient's symptoms."""
    assert label("He blacked out in the bathroom about 6am. - Sue (Tom's wife)") == "emergency"
    assert label("He's rating it 7/10 this evening - Carol (wife)") == "complication"
    assert label("He rated it a 4 when I asked him this morning. (son)") == "normal"
    assert label("Her soreness is easing off nicely - from Pat's carer", "48h") == "normal"
    assert label("mum asked me to answer - shes got a big dark bruise on her thigh") == (
        "complication"
    )
    assert label("dad doesnt do texts so its me answering. his back spots are red") == (
        "complication"
    )
    assert label("my boys knee has swelled up since his session, hes 16") == "complication"
    # a hyphenated word is no signature
    cardigan = "My fingers have been tingling. I'm finishing a cardigan for the great-grandson!"
    assert label(cardigan) == "complication"
    # and a child who is still to come is not the patient
    assert label("my lads got a temperature of 39, can he still come to his appointment") == (
        "review"
    )


def test_round_nb_nd_the_patient_s_companions_and_the_writer_s_own() -> None:
    """A friend who came with the patient, or the writer who drove them, is someone else."""
    friend = "mums fine, been sleepy. but her friend who came with her fainted on the way out"
    assert label(friend) == "review"
    driver = "mum is fine, it's me with a temperature, I drove her to the appointment"
    assert label(driver) == "review"
    assert label("hi its jess's sister, jess cant breathe properly") == "emergency"
    assert label("my mam had her needles the same day and shes had a tight chest, im grand") == (
        "review"
    )
    assert label("Nie mam gorączki ani zawrotów głowy, just a bit achy") == "normal"


def test_round_nb_nd_scores_ranges_and_denials() -> None:
    """A choice of scores given for a part; a later "now" score above "yesterday's"; "I'm not"
    answering what was asked of the writer (not of another)."""
    assert label("dad reckons 6 or 7 for his knee today, im doing his phone for him", "48h") == (
        "complication"
    )
    assert label("hes saying 8 to 9 for his back today, writing for my dad", "48h") == "emergency"
    assert label("pain was 4 yesterday now its 6", "48h") == "complication"
    assert label("pain 4/10 today, yesterday 5", "48h") == "normal"
    assert label("hubby keeps asking am I dizzy, im not, honestly feel great", "48h") == "normal"
    assert label("bit dizzy, im not sure why") == "complication"
    assert label("me and my husband both had needles. he's dizzy, i'm not.") == "review"


def test_round_nb_nd_easing_contact_and_workout_soreness() -> None:
    """"Nowhere near as bad" is easing; "talking to someone" asks for contact; soreness "like
    I did a bootcamp class" is a workout's."""
    assert label("achy still, but nowhere near as bad as tuesday", "48h") == "normal"
    assert label("id feel better talking to someone about it", "48h") == "review"
    assert label("muscles feel like i did a bootcamp class lol") == "normal"
    assert label("is it normal to be this tired? like I ran a marathon", "48h") == "review"


def test_round_ne_ng_carers_interpreters_and_what_they_relay() -> None:
    """A child told of by a parent who "had needles", "so I'm doing it", "on texting duty",
    an interpreter, a sign-off "(neighbour, Doreen)": the patient's news, relayed."""
    liam = "my son Liam (15) had needles in his back yesterday. tonight hes struggling to breathe"
    assert label(liam) == "emergency"
    wife = "my husband wont text you himself so im doing it. he was up all night with a fever"
    assert label(wife, "48h") == "emergency"
    assert label("pain?? mum says 10. TEN. she never complains") == "emergency"
    haddad = "Interpreting for Mr Haddad: he says the pain is the worst he has had in his life"
    assert label(haddad, "48h") == "emergency"
    assert label("[for my mother, Mrs Gill] she says the neck pain is excruciating") == (
        "emergency"
    )
    grandpa = "Grandpa rates it 8 out of 10 today. Nana's got a migraine so I'm on texting duty 🙄"
    assert label(grandpa, "48h") == "complication"
    doreen = "she's doing lovely, the little bruise on her hand is fading. (neighbour, Doreen)"
    assert label(doreen, "48h") == "normal"
    # a relative who had their own session is still someone else
    assert label("my wife had her session the same day and shes been dizzy since, im good") == (
        "review"
    )


def test_round_ne_ng_chart_words_relayed_questions_and_other_symptoms() -> None:
    """"nil" denies; "she wants to know" asks; shakiness and tummy bugs are outside the
    lists; a care home asking to "remove" a resident opts out."""
    chart = "Mrs Bell has had a settled night. Mild tenderness at needle points, nil bruising."
    assert label(chart) == "normal"
    assert label("I'm doing the English for my nani - she wants to know is a hot bath ok") == (
        "review"
    )
    assert label("her hands have been shaky since the session. not tingly, not numb") == "review"
    assert label("both kids have tummy bugs so im shattered but my neck's loads better") == (
        "review"
    )
    home = "Larchwood House office: please remove resident Mr Quinn from the automated texts"
    assert label(home, "48h") == "opt_out"
    assert label("hubby keeps asking if im ok, im fine!! aches nearly gone", "48h") == "normal"


def test_round_ne_ng_marks_lines_and_presupposed_findings() -> None:
    """A bruise that has "gone faint" is fading; a line drawn round a red patch that it has
    "gone past" is spreading; "if the lump doesn't go down" says there is a lump; "someone
    standing on my chest" is chest pressure; "six, maybe less" is a score."""
    assert label("the little bruise on my ankle has gone faint", "48h") == "normal"
    assert label("small bruise on my arm and ive gone faint twice today") == "complication"
    pen = "I drew a pen line round the red patch last night, this morning its gone past the line"
    assert label(pen, "48h") == "emergency"
    assert label("I drew a pen line round the red patch last night like you said", "48h") == (
        "complication"
    )
    assert label("if the lump doesnt go down by monday should i come in?", "48h") == (
        "complication"
    )
    assert label("what if i get a lump, should i come in?") == "review"
    assert label("feels like someone is standing on my chest 😰") == "emergency"
    assert label("six, maybe less") == "normal"


def test_round_nh_nj_quoted_words_everyday_idioms_and_passing_findings() -> None:
    """A relative's quoted "my chest" is the patient's; sport, weather and cakes use the
    findings' words; "sharp jabs" after "not stopping" still count; "phone instead" asks
    for a call."""
    priya = "Dad says 'it's like a weight on my chest' when he lies down. Should we go in? - Priya"
    assert label(priya, "48h") == "emergency"
    assert label("stop texting me and phone instead, I can't read these small letters", "48h") == (
        "review"
    )
    assert label("The match was excruciating to watch 😂 back's all good though") == "normal"
    reds = "The Reds are on an unbelievable winning streak!! Back's feeling grand"
    assert label(reds, "48h") == "normal"
    warning = "they've put a yellow warning out for tonight. my back's easing up loads"
    assert label(warning, "48h") == "normal"
    cake = "Made a lava cake, it was oozing everywhere when we cut it. doing well"
    assert label(cake, "48h") == "normal"
    assert label("haven't had five minutes to catch my breath lol. Shoulder's loads better") == (
        "normal"
    )
    assert label("i cant catch my breath") == "emergency"
    jabs = "The pain's not stopping, sharp jabs in my lower back whenever I get out of the car"
    assert label(jabs, "48h") == "complication"
    assert label("thought I was going to go down but I didn't. Neck feels good!", "48h") == (
        "complication"
    )
    assert label("lower back still niggly, no better than yesterday", "48h") == "complication"
    assert label("My ankle has ballooned up a bit around where the needles went", "48h") == (
        "complication"
    )


def test_round_nk_nm_care_home_updates_and_the_day_s_words() -> None:
    """"Update re Mum:", "Re Dad:", "(your pt)" name the patient; "(not yours)", "he wasn't
    treated", "another resident" say someone is not; sport, salons and trains use the
    findings' words; "woke up at a 2" is a score."""
    assert label("Update for the clinic re Mum: she blacked out in the lounge after lunch") == (
        "emergency"
    )
    assert label("Re Dad: 2 of the spots on his neck have got pus in them", "48h") == "emergency"
    assert label("Mr Ahmed (your pt) c/o pain 9/10 R shoulder this am") == "emergency"
    assert label("from Ward 3 - Mr Tran: states pain '8 or 9' lumbar area overnight") == (
        "emergency"
    )
    assert label("Update re Mum: she's great. Dad's gone down with a fever though", "48h") == (
        "review"
    )
    other = "Resident Mr K (your patient) fine. Mrs J in room 4 (not yours) pyrexial 38.5"
    assert label(other) == "review"
    assert label("Grans lovely today. Grandad nearly blacked out in Tesco, he wasnt treated") == (
        "review"
    )
    assert label("I wasnt treated for my knee but it's swollen now") == "complication"
    assert label("(for Auntie Val) she's had vertigo on and off", "48h") == "complication"
    assert label("severe delays on the central line this morning but i'm feeling good") == "normal"
    assert label("got my red streaks done at the salon, thoughts? 💇‍♀️") == "review"
    assert label("woke up at a 2, by lunchtime its a 5") == "complication"
    assert label("woke up at 2 with a stiff back") == "normal"


def test_round_nn_np_whose_treatment_it_was_and_the_clinic_s_errands() -> None:
    """Someone told of as treated ("had the needles", "before she went in to see you",
    a needle's own mark) is the patient, unless the writer was treated too, elsewhere or
    long before, or says how they are themselves; helpers introduce themselves ("neighbour
    here", "this is the night carer"); a form's field carries a score ("pain score: 9");
    a booking told as done asks nothing; the newsletter refused "either" stops it all."""
    assert label("my husband Tony had the needles in his knee, theres yellow gunk coming out") == (
        "emergency"
    )
    assert label("my wife's back is worse than it was before she went in to see you") == (
        "complication"
    )
    assert label("The needle spot on Grandad's ankle is weeping. No temp.", "48h") == "emergency"
    assert label("neighbour here, popped in on Edna. she had a temp of 38.4 earlier") == (
        "emergency"
    )
    assert label("this is the night carer for Mrs Patel rm 4 - she fainted about 2am") == (
        "emergency"
    )
    assert label("my daughter had her session with you yesterday and feels faint, im fine") == (
        "review"
    )
    assert label("my sister had acupuncture somewhere else and her arm is numb") == "review"
    assert label("my mum had her needles the same day and shes had a tight chest, im grand") == (
        "review"
    )
    assert label("nurse here, did my own obs: temp 36.6, no fever, a bit achy") == "normal"
    assert label("pain score from Dad this am: 9. he usually says 3") == "emergency"
    assert label("pain score: 9") == "emergency"
    assert label("pain score for my knee: 7") == "complication"
    assert label("tenderness much less than yesterday. rebooked for next month", "48h") == "normal"
    assert label("need to reschedule thursday") == "review"
    assert label("please stop messaging me, and no i dont want the newsletter either") == "opt_out"
    assert label("take me off the newsletter, i still want the check-ins") == "review"
    assert label("unsubscribe me from the newsletter too") == "review"
    assert label("👍 from mum") == "normal"
    assert label("hi its sarah, dads carer. dad says his chest is tight. ive rung 111") == (
        "emergency"
    )
    neighbour = "its kayla me nans neighbour. found her on the floor, she said she blacked out"
    assert label(neighbour) == "emergency"
    assert label("Mr Ibe: apyrexial, sats 98%, resting comfortably, no concerns", "48h") == "normal"


def test_a_smile_is_explained_by_the_smile_sent() -> None:
    """Staff see the patient's own emoji as the reason, not a 👍 they never sent."""
    [finding] = assess("😊😊😊😊😊😊").findings
    assert (finding.label, finding.phrase, finding.rule) == ("normal", "😊", "recovering-well")


def test_round_nq_ns_a_score_that_moved_and_a_bruise_that_darkened() -> None:
    """A part of the body whose level moved gives two scores ("lower back went from 7
    yesterday to 9 now"); a bruise that "went black" or went "from purple to greeny yellow"
    changed colour, no faint and no pus; a pounding or throbbing head and a low mood are
    symptoms outside the lists; "loosened right up" is easing."""
    assert label("lower back went from 7 yesterday to 9 now", "48h") == "emergency"
    assert label("my back went from 3 to 8 overnight", "48h") == "complication"
    shift = assess("got back from 9 to 5 shift, all fine", "24h").findings
    assert not [f for f in shift if f.rule.startswith("pain-score")]
    assert label("bruise went black overnight, its massive", "48h") == "complication"
    assert label("had a bruise on my arm and then i went black and fell") == "emergency"
    assert label("bruise on my thigh gone from purple to greeny yellow", "48h") == "complication"
    assert label("the needle spot has gone from red to yellow, gunk coming out") == "emergency"
    assert label("head was pounding last nite, fine now") == "review"
    assert label("my mood's been low") == "review"
    assert label("neck's loosened right up", "48h") == "normal"
    assert label("shoulder pain getting wores by the hour") == "complication"


def test_round_nt_nv_emergencies_without_their_words_and_their_look_alikes() -> None:
    """Air pulled in or stopped for, blue lips, a red that creeps ("inching up"), a patch
    grown from a grape to a palm, "couldnt rouse her", waking on the tiles not knowing how,
    "eleven out of ten", a score "I would have" given at 4am; and the same words for
    ordinary things: gasping for a brew, oozing with energy, collapsed into bed, came round
    for tea. "When I sat up ... the room turned round" tells, it does not ask."""
    assert label("lips look a bit blue and i keep having to sit up to pull air in") == "emergency"
    assert label("had to keep stopping every few houses just to get air in") == "emergency"
    assert label("not feverish, but the red is inching up from my wrist towards my elbow") == (
        "emergency"
    )
    assert label("the red patch was the size of a grape yesterday now its like my palm", "48h") == (
        "emergency"
    )
    assert label("red mark the size of a pea, bruise like a golf ball now") == "complication"
    assert label("red circle maybe half an inch round one of the points, hasnt grown") == (
        "complication"
    )
    assert label("mum dropped in the hallway and we couldnt rouse her for a bit") == "emergency"
    assert label("just woke up on the bathroom tiles not knowing how i got there") == "emergency"
    assert label("its eleven out of ten honestly") == "emergency"
    assert label("at 4am I would have scored the pain ten out of ten, it's come down now") == (
        "emergency"
    )
    assert label("gasping for a brew but otherwise grand") == "normal"
    assert label("oozing with energy today!! best ive felt in ages") == "normal"
    assert label("collapsed into bed at 9 and slept like a log, feel brilliant") == "normal"
    assert label("hip is a 6 or 7 today. Our Darren's lot came round for tea") == "complication"
    assert label("When I sat up in bed the room turned round for a good minute") == "complication"
    assert label("I'm ok. When's my next appointment") == "review"
    assert label("can i have a bath tonight or will the holes get infected") == "review"
    assert label("head swims every time i stand up", "48h") == "complication"
    assert label("everything went dim and I had to grab the trolley, stayed on my feet") == (
        "complication"
    )
    assert label("I should be obliged if you would not send me any further messages") == "opt_out"


def test_round_nw_ny_scores_in_time_and_whose_news_it_is() -> None:
    """Scores told by time ("was a 4 when i left the clinic now its more like a 6", "5
    yesterday, 2 today", "1/10 now compared with 4 yesterday"), hedged ("about a 9ish"), as a
    range ("anywhere from 8 to 10"); soreness of a day gone with the patient fine today; a
    fever denied and given to another ("i didnt get a fever, my husband did"); a proxy's
    opt-out; an expectation denied ("was sure id be dizzy, but not at all")."""
    assert label("was a 4 when i left the clinic now its more like a 6") == "complication"
    assert label("3 at rest, 6 when i walk") == "normal"
    assert label("5 yesterday, 2 today", "48h") == "normal"
    assert label("ache fading, 1/10 now compared with 4 yesterday", "48h") == "normal"
    assert label("about a 9ish tonight 😣") == "emergency"
    assert label("anywhere from 8 to 10 depending how i move") == "emergency"
    assert label("was achy monday, right as rain today", "48h") == "normal"
    assert label("sore yesterday, not today", "48h") == "normal"
    assert label("was sore yesterday and still sore today", "48h") == "complication"
    grown = "the red patch was the size of a 5p last night, now its half way round my leg"
    assert label(grown) == "emergency"
    assert label("i didnt get a fever, my husband did 🙄") == "review"
    assert label("i didnt get a fever, my knee is swollen though") == "complication"
    assert label("my husbands fine, im the one with the temp 🤒") == "emergency"
    assert label("Kindly remove my husband from your text messages. He is well.") == "opt_out"
    assert label("my husband was sure id be dizzy after, but not at all, felt great") == "normal"
    assert label("tiny bruise, nothing much. daughters broken her wrist though") == "review"
    assert label("Feeling much brighter, thank you. The hip is moving easier.", "48h") == "normal"


def test_round_nz_ob_sport_words_learners_english_and_the_complication_line() -> None:
    """A score said after the exercise ("lower back after deadlifts is 8-9/10") is the
    back's; a chest that "ached" hurts; "temperatura 38,4"; a mother's news written for her
    ("she ask me to write"); "id put it at a 7ish"; "throbbing harder every hour" worsens;
    "like current is passing" is electric; "a little sensible when I touch" is tender; and
    the sport's own words are no findings ("shooting practice", "took a stab at a 10k",
    "felt sharp at training", "legs felt fresh as")."""
    assert label("lower back after deadlifts is 8-9/10") == "emergency"
    assert label("take me off the list. and fyi my chest has ached ever since") == "emergency"
    assert label("temperatura 38,4 this morning. back is ok") == "emergency"
    assert label("u docheri temperatura 38, ona ne khodila na igloukalyvanie") == "review"
    relayed = "my mum had acupuncture yesterday, she ask me to write. she have chest pain"
    assert label(relayed) == "emergency"
    assert label("my wife had the needles before me, shes fine, my chest is tight") == (
        "emergency"
    )
    assert label("id put it at a 7ish") == "complication"
    assert label("pain's only a 3 but its throbbing harder every hour") == "complication"
    assert label("like current is passing in my elbow when I raise the hand") == "complication"
    assert label("the zone is a little sensible when I touch, like after gym") == "normal"
    assert label("shooting practice went well, groin feels heaps better") == "normal"
    assert label("took a stab at a 10k this morning and the knee was grand") == "normal"
    assert label("felt sharp at training, best session in weeks") == "normal"
    assert label("spin class this morning, legs felt fresh as", "48h") == "normal"
    assert label("was worried id bruise but nothing at all 😀") == "normal"


def test_round_oc_oe_short_replies_context_and_scores_of_last_nite() -> None:
    """A range is no rise ("somewhere between a 5 and a 6"); a score of last night ("was 8
    last nite now 2", "3 now, was 10 last nite") counts at its level; a question about a
    symptom the patient says they have ("started last night and still like it now") is a
    report; "passed right out"; "everything keeps going round"; "if feverish" asks; a
    condition told quieter is no news, a symptom told better still is."""
    assert label("somewhere between a 5 and a 6") == "normal"
    assert label("somewhere between a 7 and an 8") == "complication"
    assert label("was 8 last nite now 2", "48h") == "complication"
    assert label("3 now, was 10 last nite", "48h") == "emergency"
    assert label("took 2 yesterday, pain now 5") == "normal"
    asked = "is it normal to be short of breath? started last night and still like it now"
    assert label(asked) == "emergency"
    assert label("is it normal to be short of breath after acupuncture?") == "review"
    assert label("when i stood up at the bar i passed right out, mates caught me lol") == (
        "emergency"
    )
    assert label("everything keeps going round when i turn my head", "48h") == "complication"
    assert label("if feverish, do i come in?") == "review"
    assert label("sleeping like a baby since", "48h") == "normal"
    assert label("slept loads, very chilled. even my anxiety has been quieter") == "normal"
    assert label("my headache is better") == "review"
    assert label("sinus pressure from this cold is awful, back fine", "48h") == "review"


def test_round_of_oh_a_fear_answered_none() -> None:
    """A finding feared and then not had is denied ("i was worried about dizziness but
    havent had any"); one not feared is not ("dizziness but havent had any sharp pain")."""
    assert label("i was worried about dizziness but havent had any, all good", "48h") == "normal"
    assert label("was worried about bruising but havent had any") == "normal"
    assert label("dizziness but havent had any sharp pain") == "complication"
    assert label("pain is like a 6. no actually its worse than that, 9 at least") == "emergency"
