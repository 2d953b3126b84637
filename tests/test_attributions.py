"""Who said what, on hand-made sentences and on the seed corpus."""


from rashomon.nlp import models
from rashomon.nlp.attributions import FoundAttribution, find_attributions
from rashomon.nlp.attributions.continued import speaker_after_quotation
from rashomon.nlp.dates import find_temporal_expressions
from rashomon.nlp.entities import find_entities
from rashomon.nlp.models import spacy_pipeline
from rashomon.nlp.sentences import quotation_spans
from rashomon import reads


def _attributions(text, published=None, cue_model=None):
    doc = spacy_pipeline("en")(text)
    entities = find_entities(doc)
    found = find_attributions(doc, entities, tuple(quotation_spans(text)),
                              tuple(find_temporal_expressions(doc, published)), cue_model)
    names = {chain.index: chain.name for chain in entities.chains}

    def words(pieces):
        return [text[s:e] for s, e in pieces]
    return [(words(a.content), words(a.cue), words(a.source), a.kind, names.get(a.speaker_chain), a.spoken_on)
            for a in found]


def test_attributions_indirect_with_date_and_speaker():
    (found,) = _attributions("On December 21, Putin said that the deployment of US missile defense is troubling.",
                             "2021-12-23")
    assert found == (["that the deployment of US missile defense is troubling"], ["said"], ["Putin"], "indirect",
                     "Putin", "2021-12-21")


def test_attributions_direct_quote_before_the_cue_with_inverted_subject():
    text = "“We cannot change this with a few quotes,” explained Stoltenberg."
    assert _attributions(text) == [(["“We cannot change this with a few quotes,”"], ["explained"], ["Stoltenberg"],
                                    "direct", "Stoltenberg", None)]


def test_attributions_mixed_and_told_whom():
    text = "Stoltenberg told the German dpa news agency that NATO “has never promised not to expand”."
    (found,) = _attributions(text)
    assert found[:4] == (["that NATO “has never promised not to expand”"], ["told the German dpa news agency"],
                         ["Stoltenberg"], "mixed")


def test_attributions_according_to_splits_the_sentence():
    (found,) = _attributions("According to him, Moscow is concerned about the missile defense system.")
    assert found[:3] == (["Moscow is concerned about the missile defense system."], ["According to"], ["him"])


def test_attributions_quotation_continued_after_the_cue_is_one_discontinuous_content():
    text = "“The talks must go on,” Stoltenberg said. “And they must address the concerns of allies too.”"
    (found,) = _attributions(text)
    assert found[0] == ["“The talks must go on,”", "“And they must address the concerns of allies too.”"]
    assert found[4] == "Stoltenberg"


def test_attributions_cue_inside_a_quotation_stays_nested():
    text = "“Former Soviet President Mikhail Gorbachev himself said that the issue was not discussed,” Stoltenberg said."
    found = _attributions(text)
    speakers = {speaker: content for content, _, _, _, speaker, _ in found}
    assert speakers["Jens Stoltenberg" if "Jens Stoltenberg" in speakers else "Stoltenberg"][0].startswith("“Former")
    assert speakers["Mikhail Gorbachev"] == ["that the issue was not discussed"]



def test_attributions_quotation_in_the_previous_paragraph_is_not_the_next_clauses_content():
    text = ("“This is the kind of thinking our country needs,” Trump said in a statement.\n\n"
            "“Frankly, it was a very bad and sad situation.”\n\n"
            "Clinton’s attacks were echoed by her campaign and Democrats across the country.")
    contents = [content for content, *_ in _attributions(text, cue_model=models.cue_model())]
    assert not any("Frankly" in piece for content in contents[1:] for piece in content)


def test_attributions_quotation_continued_with_a_cue_of_its_own_inside_is_still_the_same_utterance():
    text = ("“Obviously, we were distressed when we learned about it,” she said. “Now that I think we’ve "
            "resolved the data issue, we’ve agreed on an independent inquiry, so we should move on.”")
    found = _attributions(text)
    outer = next(a for a in found if a[1] == ["said"])
    assert outer[0] == ["“Obviously, we were distressed when we learned about it,”",
                        "“Now that I think we’ve resolved the data issue, we’ve agreed on an independent inquiry, "
                        "so we should move on.”"]
    assert outer[2] == ["she"]


def test_attributions_cue_with_a_colon_takes_the_quotation_of_the_next_paragraph():
    text = ("Bolton said the rules did not apply to her. He said:\n\n"
            "“In all the administrations I’ve served in, going into the government is like going into a monastery.”")
    found = _attributions(text, cue_model=models.cue_model())
    assert (["“In all the administrations I’ve served in, going into the government is like going into a "
             "monastery.”"], ["said"], ["He"], "direct") in [a[:4] for a in found]
    assert not any(a[1] == [":"] for a in found)


def test_attributions_speaker_run_into_the_quotation_by_the_parse_becomes_the_source():
    text = "“Yes, I support Ted Cruz,” Brent Bozell III, founder of the Media Research Center, tells Breitbart News."
    quote_end = text.index("”") + 1
    cue = text.index("tells")
    parsed = FoundAttribution(((0, text.index(", tells")),), ((cue, cue + 5),), (), "direct")
    fixed = speaker_after_quotation(parsed, text)
    assert [text[s:e] for s, e in fixed.content] == [text[:quote_end]]
    assert [text[s:e] for s, e in fixed.source] == ["Brent Bozell III, founder of the Media Research Center"]


def test_attributions_second_coordinated_cue_verb_is_an_attribution_of_its_own():
    text = "He says the obvious response was to break up fraudulent operators and says he introduced legislation."
    found = _attributions(text)
    assert [(f[0], f[1], f[2]) for f in found] == [
        (["the obvious response was to break up fraudulent operators"], ["says"], ["He"]),
        (["he introduced legislation"], ["says"], ["He"])]


def test_attributions_a_contrasting_report_with_its_own_speaker_ends_the_first_content():
    text = "Of Trump voters, 74 percent said they are set on voting for him, while 22 percent said they might change."
    found = _attributions(text)
    assert [(f[0], f[2]) for f in found] == [(["they are set on voting for him"], ["74 percent"]),
                                            (["they might change"], ["22 percent"])]

def test_attributions_according_to_inside_a_content_is_an_attribution_of_its_own():
    text = "Trump said the campaign had raised $2 million, according to FEC records."
    found = _attributions(text)
    assert [(f[0], f[1], f[2]) for f in found] == [
        (["Trump said the campaign had raised $2 million"], ["according to"], ["FEC records"]),
        (["the campaign had raised $2 million"], ["said"], ["Trump"])]

def test_attributions_speaker_the_parse_hung_on_the_phrase_before_the_cue():
    text = ("In a conference call with reporters on Dec. 2, Col. Steven H. Warren, a military spokesman in Baghdad, "
            "said the raid was a combat operation.")
    (found,) = _attributions(text)
    assert found[:3] == (["the raid was a combat operation"], ["said"],
                         ["Col. Steven H. Warren, a military spokesman in Baghdad"])


def test_attributions_speaker_the_parse_made_a_modifier_of_the_cue():
    text = "About 4 in 10 say they want the next president to have more liberal policies."
    (found,) = _attributions(text)
    assert found[:3] == (["they want the next president to have more liberal policies"], ["say"], ["About 4 in 10"])

def test_attributions_learned_cue_does_not_swallow_the_sentence_the_rules_attributed():
    text = "The Times said Cook provided a written statement in response to the newspapers’ inquiries about the emails."
    found = _attributions(text, cue_model=models.cue_model())
    assert [(f[1], f[2]) for f in found] == [(["said"], ["The Times"])]

def test_attributions_quotation_closed_by_a_full_stop_before_a_bare_cue_clause():
    text = "“I hope you’re able to find the 30,000 emails that are missing.” Trump said."
    (found,) = _attributions(text)
    assert found[:3] == ([text[:text.index(" Trump")]], ["said"], ["Trump"])


def test_attributions_continued_quotation_goes_to_the_speaker_not_to_a_cue_quoted_inside():
    text = ("“The platform is telling loyal supporters that they are no longer welcome in the party,” said Pavone. "
            "“Apparently, it’s not just the unborn whom the party leaders disrespect.”")
    found = _attributions(text)
    pavone = next(f for f in found if f[2] == ["Pavone"])
    assert len(pavone[0]) == 2 and pavone[0][1].startswith("“Apparently")

def test_attributions_learned_cue_with_a_light_object_takes_what_its_preposition_takes():
    text = "Blackwell also took a shot at likely Democratic nominee Hillary Clinton."
    (found,) = _attributions(text, cue_model=models.cue_model())
    assert found[0] == ["likely Democratic nominee Hillary Clinton"]
    assert found[2] == ["Blackwell"]


def test_attributions_learned_cue_coordinated_with_another_is_a_report_of_its_own():
    text = ("Hollande denounced Trump's remarks as hurtful and humiliating and warned of the global "
            "implications a Trump presidency would have.")
    found = _attributions(text, cue_model=models.cue_model())
    assert [(f[1], f[2]) for f in found] == [(["denounced"], ["Hollande"]), (["warned"], ["Hollande"])]
    assert found[0][0] == ["Trump's remarks as hurtful and humiliating"]
    assert found[1][0] == ["the global implications a Trump presidency would have"]


def test_attributions_clause_before_a_semicolon_is_not_the_next_verbs_content():
    text = ("He proposes breaking up Wall Street banks that have grown since the financial crisis; "
            "she backs tougher regulations.")
    found = _attributions(text, cue_model=models.cue_model())
    assert [(f[0], f[1], f[2]) for f in found] == [
        (["breaking up Wall Street banks that have grown since the financial crisis"], ["proposes"], ["He"]),
        (["tougher regulations"], ["backs"], ["she"])]


def test_attributions_cue_in_a_relative_clause_takes_the_clause_out_of_the_outer_content():
    text = ("DeSantis said he has supported legislation that would target the power of regional accreditation "
            "bodies, which he called “a cartel for higher education.”")
    found = _attributions(text, cue_model=models.cue_model())
    assert [(f[0], f[1], f[2]) for f in found] == [
        (["he has supported legislation that would target the power of regional accreditation bodies"],
         ["said"], ["DeSantis"]),
        (["legislation that would target the power of regional accreditation bodies"], ["has supported"], ["he"]),
        (["“a cartel for higher education.”"], ["called"], ["he"])]


def test_attributions_infinitive_of_an_object_is_said_by_the_verbs_subject():
    text = "Joe Scarborough took pains to emphasize that every candidate has a standing invitation to the show."
    (found,) = _attributions(text, cue_model=models.cue_model())
    assert found[:3] == (["that every candidate has a standing invitation to the show"], ["to emphasize"],
                         ["Joe Scarborough"])


def test_attributions_speaker_after_the_cue_parsed_as_a_clause_of_its_own():
    text = ("He also had a voice in decisions about major American investments in Ukraine, said a former "
            "spokesman for Ukraine's Foreign Ministry, Oleg Voloshyn, who also ran as a candidate in the new bloc "
            "Mr. Manafort helped form.")
    found = _attributions(text)
    assert found[0][:3] == (["He also had a voice in decisions about major American investments in Ukraine"], ["said"],
                            ["a former spokesman for Ukraine's Foreign Ministry, Oleg Voloshyn, who also ran as a "
                             "candidate in the new bloc"])


def test_attributions_name_right_after_a_cue_that_follows_the_quotation_speaks():
    asked = ("''Is Donald Trump running against the Republican National Committee?'' asked Mr. Manafort, "
             "referring to the candidate's unrelenting attacks.")
    said = ("“Having access to the RNC file and two people who understand it is valuable,” said Skelly, "
            "explaining he worked more closely with Chrabaszcz.")
    assert _attributions(asked)[0][1:3] == (["asked"], ["Mr. Manafort"])
    assert _attributions(said)[0][1:3] == (["said"], ["Skelly"])


def test_attributions_light_object_then_dative_or_infinitive():
    found = _attributions("Obama offered his own condolences for the lone-wolf attack in which a gunman killed "
                          "a police officer. He and the developer negotiated a deal to buy the site of the Drake Hotel.",
                          cue_model=models.cue_model())
    assert [(f[0], f[2]) for f in found] == [
        (["the lone-wolf attack in which a gunman killed a police officer"], ["Obama"]),
        (["to buy the site of the Drake Hotel"], ["He and the developer"])]


def test_attributions_that_said_is_a_turn_of_phrase():
    found = _attributions("That said, Millennials say they believe success will require a lifetime of effort.",
                          cue_model=models.cue_model())
    assert [f[:3] for f in found] == [
        (["they believe success will require a lifetime of effort"], ["say"], ["Millennials"])]


def test_attributions_light_object_length_leaves_out_when():
    found = _attributions("His campaign offered a halting response on Tuesday to questions about why the speech "
                          "featured passages.", cue_model=models.cue_model())
    assert [f[:3] for f in found] == [
        (["questions about why the speech featured passages"], ["offered"], ["His campaign"])]


def test_attributions_in_a_poll_reports_the_sentence():
    found = _attributions("In exit polls, voters in both parties were unhappy with the federal government.")
    assert found[0][:3] == (["voters in both parties were unhappy with the federal government"], ["In"], ["exit polls"])


def test_attributions_called_for_someone_to_do_something():
    found = _attributions("In December, the prince called for Trump to drop out of the race.")
    assert [f[:3] for f in found] == [(["Trump to drop out of the race"], ["called"], ["the prince"])]


def test_attributions_relative_that_source_takes_its_antecedent_along():
    found = _attributions("Voters read the inspector general's report that suggested the servers were imprudent.",
                          cue_model=models.cue_model())
    assert [f[:3] for f in found if f[1] == ["suggested"]] == [
        (["the servers were imprudent"], ["suggested"], ["the inspector general's report that"])]


def test_attributions_message_in_which_someone_answers_is_theirs():
    (found,) = _attributions("Forbes shot back in an article stating that New York was the billionaire capital.")
    assert found[:3] == (["that New York was the billionaire capital"], ["stating"], ["Forbes"])


def test_attributions_participle_after_a_point_in_time_is_said_by_the_clauses_subject():
    found = _attributions("He has battled with Guardian over how best to stabilize the city's finances, at one point "
                          "calling the mayor a \"liar\" who was not \"honest.\"", cue_model=models.cue_model())
    assert [f[:3] for f in found if f[1] == ["calling"]] == [
        (['the mayor a "liar" who was not "honest'], ["calling"], ["He"])]


def test_attributions_the_first_to_endorse_is_the_subject_of_the_copula():
    (found,) = _attributions("Grijalva was the first Democrat in Congress to endorse Sanders in the Democratic primary.",
                             cue_model=models.cue_model())
    assert found[:3] == (["Sanders in the Democratic primary"], ["to endorse"], ["Grijalva"])


def test_attributions_learned_cue_closed_by_a_colon_introduces_the_quotation():
    found = _attributions("As Vulture put it: “Hello, it’s the Biebs.”", cue_model=models.cue_model())
    assert (["“Hello, it’s the Biebs.”"], ["put"], ["Vulture"]) in [f[:3] for f in found]


def test_attributions_venue_is_not_what_was_said():
    (found,) = _attributions("Khan delivered a moving speech at the Democratic National Convention about losing "
                             "their son during the Iraq War.", cue_model=models.cue_model())
    assert found[0] == ["losing their son during the Iraq War"]


def test_attributions_from_after_an_active_verb_is_no_source():
    found = _attributions("But then Sanders kept campaigning. He raised huge amounts of money from small donors.",
                          cue_model=models.cue_model())
    assert [f[:3] for f in found if f[1] == ["raised"]] == [(["huge amounts of money"], ["raised"], ["He"])]


def test_attributions_clause_before_a_colon_is_not_the_next_verbs_content():
    text = "It’s not just Democrats in Congress: Hillary Clinton came out against the Cadillac tax in September."
    found = _attributions(text, cue_model=models.cue_model())
    assert [(f[0], f[1], f[2]) for f in found] == [(["the Cadillac tax"], ["came out against"], ["Hillary Clinton"])]


def test_attributions_clause_after_the_cue_verb_before_one_the_parse_hung_before_it():
    text = ("It was not an abstract concern: Donald J. Trump had declared that he would certainly "
            "implement a database to track Muslims.")
    (found,) = _attributions(text)
    assert found[:3] == (["that he would certainly implement a database to track Muslims"], ["had declared"],
                         ["Donald J. Trump"])


def test_attributions_quotation_before_the_cue_before_a_title_quoted_behind_a_phrase():
    text = "''He views Russia as a foreign power,'' Mr. Manafort said on CBS's ''Face the Nation.''"
    (found,) = _attributions(text)
    assert found[:3] == (["''He views Russia as a foreign power,''"], ["said"], ["Mr. Manafort"])


def test_attributions_quotation_after_whom_the_cue_told():
    (found,) = _attributions("Trump took a risk, telling the crowd, “I’m a negotiator like you, folks.”")
    assert found[:3] == (["“I’m a negotiator like you, folks.”"], ["telling the crowd"], ["Trump"])


def test_attributions_asked_if_takes_the_question():
    (found,) = _attributions("HuffPost asked the contender if he had been preparing himself for the presidency.")
    assert found[:3] == (["if he had been preparing himself for the presidency"], ["asked"], ["HuffPost"])


def test_attributions_quotation_glued_to_the_comma_after_the_cue():
    (found,) = _attributions("Ryan said,“Look, anti-Semitic images have no place in a campaign.”")
    assert found[:3] == (["“Look, anti-Semitic images have no place in a campaign.”"], ["said"], ["Ryan"])


def test_attributions_newsroom_label_before_a_colon_is_no_source():
    text = ("Editor’s note: This story has been updated to correct the name of the senator.\n\n"
            "The Latest: Clinton leads in the polls before the debate.\n\n"
            "Trump: I will win the state by a lot.")
    found = _attributions(text, cue_model=models.cue_model())
    assert [f[2] for f in found] == [["Trump"]]


def test_attributions_learned_cue_past_the_person_addressed_takes_what_its_preposition_takes():
    text = "Conservative radio host Hugh Hewitt asked Trump about statements he had made the previous night."
    (found,) = _attributions(text, cue_model=models.cue_model())
    assert found[:3] == (["statements he had made the previous night"], ["asked"],
                         ["Conservative radio host Hugh Hewitt"])


def test_attributions_learned_cue_past_whom_it_describes_takes_the_description():
    (found,) = _attributions("Stein has framed herself as the Plan B for the crowd.", cue_model=models.cue_model())
    assert found[:3] == (["the Plan B for the crowd"], ["has framed"], ["Stein"])
    text = "Arizona Sen. John McCain distanced himself from President George W. Bush."
    (found,) = _attributions(text, cue_model=models.cue_model())
    assert found[:3] == (["President George W. Bush"], ["distanced"], ["Arizona Sen. John McCain"])


def test_attributions_impersonal_it_is_no_source():
    (found,) = _attributions("It's unclear whether that will be enough to overcome her lead.",
                             cue_model=models.cue_model())
    assert found[:3] == (["whether that will be enough to overcome her lead"], ["unclear"], [])


def test_attributions_who_is_convinced_or_rattled_holds_the_view():
    text = "Not everyone is convinced the issue will play the same role in the Iowa caucuses."
    (found,) = _attributions(text, cue_model=models.cue_model())
    assert found[1:3] == (["is convinced"], ["Not everyone"])
    text = "Hillary Clinton isn't rattled about the string of losses she has faced."
    (found,) = _attributions(text, cue_model=models.cue_model())
    assert found[2] == ["Hillary Clinton"]


def test_attributions_preposition_alone_cues_nothing():
    text = "Bannon will interview Breitbart News contributor Pamela Geller about the fight against radical Islam."
    assert _attributions(text, cue_model=models.cue_model()) == []


def test_attributions_learned_cue_with_neither_content_nor_source_of_its_own_is_no_attribution():
    text = ("Bozell was only five years old when the Sharon Statement was signed, but he has direct ties to the "
            "origins of the modern conservative movement.")
    assert _attributions(text, cue_model=models.cue_model()) == []


def test_attributions_measure_after_by_is_no_source():
    (found,) = _attributions("Women back him by almost 20 points.", cue_model=models.cue_model())
    assert found[1:3] == (["back"], ["Women"])


def test_attributions_headline_in_title_case_is_read_in_lower_case():
    text = "Another GOP Figure Endorses Hillary Clinton\n\nThe former senator made the announcement on Monday."
    found = _attributions(text, cue_model=models.cue_model())
    assert found[0][:3] == (["Hillary Clinton"], ["Endorses"], ["Another GOP Figure"])


def test_attributions_date_elsewhere_in_the_sentence_is_not_when_the_words_were_spoken():
    found = _attributions("Klobuchar backs tougher regulations and praised the 2010 Dodd-Frank law.", "2015-11-13")
    assert found and all(f[5] is None for f in found)
    (rally,) = _attributions("The rally was loud. Magel said at Monday's rally that the campaign is working.",
                             "2015-11-13")
    assert rally[5] == "2015-11-09"


def test_attributions_speaker_the_parse_coordinated_with_the_phrase_before_the_cue():
    text = ("Alarmed by the unrest in Nevada, Senator Harry Reid, the minority leader, said that he spoke "
            "with Mr. Sanders on Tuesday.")
    (found,) = _attributions(text)
    assert found[2] == ["Senator Harry Reid, the minority leader"]


def test_attributions_source_run_into_the_cue_as_several_modifiers():
    text = "In all, the Tampa host committee raised $57million, Federal Election Commission records show."
    (found,) = _attributions(text)
    assert found[1:3] == (["show"], ["Federal Election Commission records"])


def test_attributions_clitic_has_read_as_a_passive_still_has_its_speaker():
    text = "While he's said he'll fight all the way to the convention, Sanders must decide soon."
    found = _attributions(text)
    said = next(f for f in found if f[1] == ["'s said"])
    assert said[0] == ["he'll fight all the way to the convention"] and said[2] == ["he"]


def test_attributions_speaker_after_the_cue_the_parse_took_for_its_object():
    (found,) = _attributions("“How big is that wall?” asked the boy, who was wearing a hat.")
    assert found[:3] == (["“How big is that wall?”"], ["asked"], ["the boy, who was wearing a hat"])


def test_attributions_message_saying_is_its_senders_attribution():
    (found,) = _attributions("The group issued a statement saying it took the action because of the unsafe conditions.")
    assert found[:3] == (["it took the action because of the unsafe conditions"], ["saying"], ["The group"])


def test_attributions_made_it_clear_is_one_cue():
    found = _attributions("The senator made clear that she would vote against the bill.", cue_model=models.cue_model())
    assert [f[:3] for f in found] == [(["that she would vote against the bill"], ["made clear"], ["The senator"])]


def test_attributions_according_to_inside_a_quotation_is_quoted_not_quoting():
    text = ("“We are running the joint victory fund with the Clinton campaign exactly according to the way "
            "we are supposed to,” Wasserman Schultz said.")
    found = _attributions(text)
    assert [(f[1], f[2]) for f in found] == [(["said"], ["Wasserman Schultz"])]


def test_attributions_paragraph_under_a_label_keeps_the_attributions_inside_it():
    text = ("Superdelegates: Clinton is backed by 520 superdelegates. Sanders supporters have launched petitions. "
            "“The concern would be that we have a process that is eroding democracy,” Devine said.")
    found = _attributions(text)
    assert ([":"], ["Superdelegates"]) not in [(f[1], f[2]) for f in found]
    assert (["said"], ["Devine"]) in [(f[1], f[2]) for f in found]


def test_attributions_quotation_the_parse_made_a_subject_is_still_the_content_and_not_the_source():
    (found,) = _attributions('"Safety for the whole country, everybody," said Grimm, a Donald Trump supporter.')
    assert found[:3] == (['"Safety for the whole country, everybody,"'], ["said"], ["Grimm, a Donald Trump supporter"])


def test_attributions_speaker_is_not_a_name_that_only_modifies_the_source():
    (found,) = _attributions("Grimm, a Donald Trump supporter, said the country needs safety.")
    assert found[4] == "Grimm"
    (found,) = _attributions("A spokesman for Hillary Clinton said the campaign would respond.")
    assert found[2] == ["A spokesman for Hillary Clinton"] and found[4] is None


def test_attributions_cue_inside_a_quotation_reports_nothing_outside_it():
    text = ("''He says what everyone else wants to say but they're too scared to say,'' Steve Moody, a "
            "small-business owner, said at Mr. Trump's rally on Tuesday. ''Illegal immigrants are a problem.''")
    found = _attributions(text)
    inner = next(f for f in found if f[1] == ["says"])
    assert inner[0] == ["what everyone else wants to say but they're too scared to say"]
    assert (["said"], ["Steve Moody, a small-business owner"]) in [(f[1], f[2]) for f in found]


def test_attributions_verb_of_feeling_makes_who_feels_the_source():
    (found,) = _attributions("The senator's position on Israel has angered some Democrats on the left.",
                             cue_model=models.cue_model())
    assert found[:3] == (["The senator's position on Israel"], ["has angered"], ["some Democrats"])
    (found,) = _attributions("Neither man was impressed by Mrs. Clinton.", cue_model=models.cue_model())
    assert found[:3] == (["Mrs. Clinton"], ["was impressed"], ["Neither man"])


def test_attributions_source_without_the_clause_the_cue_hangs_in_stops_at_that_clause():
    text = "Schlafly, angered by the cultural transformations of the 1960s, founded the group."
    (found,) = _attributions(text, cue_model=models.cue_model())
    assert found[:3] == (["the cultural transformations of the 1960s"], ["angered"], ["Schlafly"])


def _quotes(store):
    by_seed = {}
    for quote in reads.quotes(store):
        a = quote.attribution
        seed = next(article.origin for article in _articles(store) if article.id == a.article_id)
        content = " … ".join(quote.words["content"])
        cue = " ".join(quote.words["cue"])
        by_seed.setdefault(seed.rsplit("/", 1)[-1][:3], []).append((quote.speaker, a.kind, cue, content, a.spoken_on))
    return by_seed


def _articles(store):
    return list(reads.articles(store).articles)


def _has(quotes, speaker, words, kind=None, cue=None):
    return any(s == speaker and words in content and (kind is None or k == kind) and (cue is None or c == cue)
               for s, k, c, content, _ in quotes)


def test_attributions_every_seed_quote_with_its_speaker(seeded):
    quotes = _quotes(seeded)
    stoltenberg = "Jens Stoltenberg"
    for seed in ("000", "001", "002", "003", "004"):
        assert any(speaker == stoltenberg for speaker, *_ in quotes[seed]), seed
    assert _has(quotes["000"], stoltenberg, "Secondly, there are documents", "direct", "said")  # "the Secretary General said"
    assert _has(quotes["000"], stoltenberg, "We cannot change this with a few quotes", "direct", "explained")
    assert _has(quotes["000"], stoltenberg, "each state can freely determine its own destiny", "indirect", "noted")
    assert _has(quotes["000"], "Vladimir Putin", "the flight time of missiles", cue="added")  # "he added"
    assert _has(quotes["000"], "Sergei Lavrov", "crossing the “red line”", "mixed", "stressed")
    assert _has(quotes["000"], "Alexander Grushko", "Moscow would respond in proportion", "indirect", "announced")
    assert _has(quotes["001"], stoltenberg, "That's not something that we can change through some quotes", "direct")
    assert _has(quotes["001"], stoltenberg, "NATO never promised not to expand", "indirect", "said")
    assert _has(quotes["001"], "Vladimir Putin", "Not a single inch to the East", "direct")
    assert _has(quotes["002"], stoltenberg, "NATO “has never promised not to expand", "mixed",
                "told the German dpa news agency")
    assert _has(quotes["002"], stoltenberg, "the founding treaty of the EU", "indirect", "added")  # "He added"
    assert _has(quotes["002"], "Vladimir Putin", "The United States has stood on our doorstep with missiles", "direct")
    assert _has(quotes["003"], stoltenberg, "A series of talks next week", "direct", "said")
    assert _has(quotes["004"], stoltenberg, "any future invasion or aggression against Ukraine", "mixed", "stated")
    assert _has(quotes["004"], "Dmytro Kuleba", "Russia has no right to prevent Ukraine", "indirect", "said")
    # "…, and called any Russian proposals … “illegal”": the second cue reports on its own
    assert _has(quotes["004"], "Dmytro Kuleba", "any Russian proposals to negotiate with the West", "mixed", "called")


def test_attributions_seed_dates_when_the_words_were_spoken(seeded):
    quotes = _quotes(seeded)
    spoken = {(speaker, on) for speaker, _, _, _, on in quotes["000"] if on}
    assert {("Vladimir Putin", "2021-12-23"), ("Vladimir Putin", "2021-12-21"),
            ("Alexander Grushko", "2021-12-20")} <= spoken


def test_attributions_seed_quote_groups(seeded):
    groups = reads.quote_groups(seeded)
    seeds = {a.id: a.origin.rsplit("/", 1)[-1][:3] for a in _articles(seeded)}
    rendered = {frozenset((seeds[r.article_id], r.text) for r in g.renderings) for g in groups}
    assert frozenset({("001", "That's not something that we can change through some quotes"),
                      ("000", "We cannot change this with a few quotes")}) in rendered
    assert frozenset({("001", "NATO never promised not to expand"),
                      ("002", "NATO “has never promised not to expand")}) in rendered
    assert any({seeds[r.article_id] for r in g.renderings} == {"000", "001"}
               and all("fundamental principle of European security" in r.text for r in g.renderings) for g in groups)
    assert any({seeds[r.article_id] for r in g.renderings} == {"000", "001"}
               and all("Gorbachev" in r.text for r in g.renderings) for g in groups)
    assert all(g.speaker == "Jens Stoltenberg" for g in groups)


def test_attributions_a_report_closing_its_sentence_takes_what_the_parse_hung_elsewhere():
    # the parse makes "rejection" a second subject of "said", and "signals" a noun
    (found,) = _attributions('The rejection of the treaty signals "the beginning of the end" for the EU, '
                             "said Geert Wilders, founder of the right-wing Dutch Party for Freedom.")
    assert found[:3] == (['The rejection of the treaty signals "the beginning of the end" for the EU'], ["said"],
                         ["Geert Wilders, founder of the right-wing Dutch Party for Freedom"])
    # the parse hangs the first clause on "said" as an adverbial clause
    (found,) = _attributions("As Donald Trump prepared to speak in Wisconsin on Tuesday, a 15-year-old girl outside "
                             "the venue was pepper-sprayed by another bystander, police said.")
    assert found[:3] == (["As Donald Trump prepared to speak in Wisconsin on Tuesday, a 15-year-old girl outside "
                          "the venue was pepper-sprayed by another bystander"], ["said"], ["police"])


def test_attributions_a_closing_verb_that_reports_nothing_takes_nothing():
    assert _attributions("If the two spoke about the budget deal, neither side would say so.") == []
    assert _attributions("But even after the growth cooled, the borrowing continued.") == []


def test_attributions_a_named_poll_reports_the_clause_its_in_hangs_from():
    (found,) = _attributions("In the fall of 2007, Hillary Clinton held a 24-point lead over Barack Obama among black "
                             "voters in a CNN national poll.")
    assert found[:3] == (["Hillary Clinton held a 24-point lead over Barack Obama among black voters"], ["in"],
                         ["a CNN national poll"])
    # the polls in general report nothing
    assert _attributions("But he quickly slid in the polls behind his more outspoken rivals.") == []


def test_attributions_a_perfect_participle_after_the_content_is_a_report_of_its_own():
    found = _attributions('Sanders said "of course" Clinton has the qualifications to be president -- having '
                          "suggested in the past that she is unqualified.")
    assert [a[:3] for a in found] == [
        (["Clinton has the qualifications to be president"], ["said"], ["Sanders"]),
        (["that she is unqualified"], ["having suggested"], ["Sanders"])]
