"""Content boundaries: the alternatives a candidate offers and the ranker's choice."""

from __future__ import annotations

import json
from dataclasses import replace

from quotedb.ingest.attribution import attribute
from quotedb.ingest.attribution.bounds import alternatives, redrawn
from quotedb.ingest.attribution.bounds_features import option_features
from quotedb.ingest.attribution.candidate import Attribution
from quotedb.ingest.attribution.model import Scorer
from quotedb.ingest.attribution.train_bounds import corrected_choices
from quotedb.ingest.pipeline import extract_many
from quotedb.ingest.quotes import Quoted

TEXT = (
    "Senator Ruth Adams said the bill would cut costs for farmers, "
    "leaving the old rules in place for ranchers."
)


def only(op: str) -> Scorer:
    """A ranker that prefers alternatives drawn one way."""
    return Scorer({"op=" + op: 5.0}, 0.0, 0.0)


def test_the_rules_span_comes_first_and_a_clause_boundary_offers_a_shorter_content(nlp):
    doc = nlp(TEXT)
    [proposed] = [a for a in attribute(doc, 0, [], None) if a.cue and a.cue.text == "said"]
    options = alternatives(proposed, doc, 0, [])
    assert options[0] == ("proposed", proposed.spans)
    drawn = {TEXT[s:e] for name, spans in options for s, e in spans if name == "cut-end"}
    assert "the bill would cut costs for farmers" in drawn
    features = option_features(proposed, options, doc, 0)[0]
    assert features["op=proposed"] == 1.0 and features["roots=1"] == 1.0


def test_extraction_keeps_the_content_the_ranker_chooses(article_from, nlp):
    article = article_from(TEXT)
    [(_, rules)] = extract_many([article], nlp, scorer=None, ranker=None)
    [(_, cut)] = extract_many([article], nlp, scorer=None, ranker=only("cut-end"))
    said = [q for q in rules if q.cue and q.cue.text == "said"]
    assert said and "leaving" in said[0].text
    assert any(q.text == "the bill would cut costs for farmers" for q in cut)


def test_a_boundary_the_ranker_could_barely_choose_lowers_the_confidence(article_from, nlp):
    article = article_from(TEXT)
    doubtful_edges = Scorer({"lead=<0.05": -3.0}, 2.0, 0.0)
    undecided = Scorer({}, 0.0, 0.0)  # every alternative scores the same

    def said(ranker: Scorer) -> float:
        [(_, found)] = extract_many([article], nlp, scorer=doubtful_edges, ranker=ranker)
        return next(q.confidence for q in found if q.cue and q.cue.text == "said")

    assert only("cut-end").choose([[(0, 1)], [(0, 2)]], [{}, {"op=cut-end": 1.0}])[0] == 1
    assert said(undecided) < 0.5 < said(only("cut-end"))


def test_a_redrawn_content_is_typed_by_the_quoted_passages_it_holds():
    text = "Lee said the plan was ''a disaster'' for the town."
    fragment = (text.index("''a"), text.index("r''") + 3)
    clause = (text.index("the plan"), text.index("town") + 4)
    direct = Attribution(spans=[fragment], type="direct", cue=None, source=None, rule="x")
    assert redrawn(direct, "proposed", [fragment], [fragment], text) is direct
    mixed = redrawn(direct, "cue-clause", [clause], [fragment], text)
    assert (mixed.type, mixed.quoted, mixed.drawn) == ("mixed", [fragment], "cue-clause")
    back = redrawn(replace(mixed, spans=[clause]), "quoted-only", [fragment], [fragment], text)
    assert back.type == "direct"
    plain = redrawn(mixed, "cut-end", [(0, 3)], [fragment], text)
    assert (plain.type, plain.quoted) == ("indirect", [])


def test_a_span_someone_corrected_teaches_the_ranker_where_the_words_end(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "adams.txt").write_text(TEXT, "utf-8")
    machine = [[TEXT.index("the bill"), TEXT.index("ranchers.") + 8]]
    short = "the bill would cut costs for farmers"
    person = [[TEXT.index(short), TEXT.index(short) + len(short)]]
    corrections = tmp_path / "corrections.jsonl"
    row = {"target": "quote", "article_id": "adams", "spans": json.dumps(machine)}
    row |= {"field": "span", "after": json.dumps(person)}
    corrections.write_text(json.dumps(row) + "\n", "utf-8")
    [choice] = [c for c in corrected_choices(corrections, folder) if max(c.overlap) == 1.0]
    best = choice.features[choice.overlap.index(1.0)]
    assert choice.overlap[0] < 0.8 and best["op=cut-end"] == 1.0


def test_a_direct_quote_is_not_widened_by_that_alone(nlp):
    text = "The mayor said last week that “nobody in this city will be left behind.”"
    doc = nlp(text)
    passage = Quoted(text.index("“"), len(text), "curly")
    [quote] = [a for a in attribute(doc, 0, [passage], None) if a.type == "direct"]
    widened = [spans for _, spans in alternatives(quote, doc, 0, [(passage.start, passage.end)])]
    assert [(passage.start, len(text))] in widened  # the quote itself
    assert [(text.index("that"), len(text))] not in widened


def test_a_quote_that_runs_on_into_the_next_sentence_shows_each_word_once(article_from, nlp):
    text = (
        "The port depends on exports. ''That's the region's weak point,'' said Ana Ruiz, "
        "who heads the Centre for Trade in Lima. ''There is nothing more important here "
        "than the trade pact.''"
    )
    article = article_from(text)
    [(_, found)] = extract_many([article], nlp, scorer=None, ranker=only("next-sentence"))
    [quote] = [q for q in found if "trade pact" in q.text]
    assert quote.text.count("trade pact") == 1
    pieces = sorted(quote.spans)
    assert all(end <= start for (_, end), (start, _) in zip(pieces, pieces[1:], strict=False))


def test_no_boundary_takes_in_what_another_record_of_the_paragraph_reports(nlp):
    text = (
        'Lee told reporters the funding was "a joke," saying the province had ignored '
        "the city for years."
    )
    doc = nlp(text)
    found = attribute(doc, 0, [], None)
    [told] = [a for a in found if a.cue and a.cue.text == "told"]
    others = [a.spans for a in found if a is not told]
    assert any("ignored" in text[s:e] for spans in others for s, e in spans)
    drawn = {text[s:e] for _, spans in alternatives(told, doc, 0, [], others) for s, e in spans}
    assert drawn and not any("ignored" in piece for piece in drawn)


def test_no_boundary_runs_on_into_another_report(nlp):
    text = (
        "The general declared the army would ‘repel any aggression’ and reiterated "
        "the country’s commitment to peace."
    )
    doc = nlp(text)
    [declared] = [a for a in attribute(doc, 0, [], None) if a.cue.text == "declared"]
    drawn = [text[s:e] for _, spans in alternatives(declared, doc, 0, []) for s, e in spans]
    assert "the army would ‘repel any aggression’" in drawn
    assert not any("reiterated" in piece for piece in drawn)


def test_a_content_may_end_at_its_last_quote_or_start_at_its_that(nlp):
    text = (
        "Governor Ann Lee criticized the harbour plan as a “costly mistake” during a "
        "campaign stop in Dover.\n"
    )
    doc = nlp(text)
    [criticized] = [a for a in attribute(doc, 0, [], None) if a.cue.text == "criticized"]
    quoted = [(text.index("“"), text.index("”") + 1)]
    drawn = [text[s:e] for _, spans in alternatives(criticized, doc, 0, quoted) for s, e in spans]
    assert "the harbour plan as a “costly mistake”" in drawn

    # (whom a telling cue tells is never in its span: test_attribution.py)
    text = 'He wrote to one of his young aides on a regular basis that "patience is the answer."'
    doc = nlp(text)
    passage = Quoted(text.index('"'), len(text), "double")
    [wrote] = [a for a in attribute(doc, 0, [passage], None) if a.cue.text == "wrote"]
    assert wrote.spans == [(text.index("to one"), len(text))]
    quoted = [(passage.start, passage.end)]
    drawn = [text[s:e] for _, spans in alternatives(wrote, doc, 0, quoted) for s, e in spans]
    assert 'that "patience is the answer."' in drawn


def test_according_to_offers_the_clause_it_hangs_on(nlp):
    text = (
        "There is one relevant law that covers the harbour, and the mayor broke it, "
        "according to auditor Tom Okafor."
    )
    doc = nlp(text)
    [according] = attribute(doc, 0, [], None)
    assert text[slice(*according.spans[0])].startswith("There is one relevant law")
    drawn = [text[s:e] for _, spans in alternatives(according, doc, 0, []) for s, e in spans]
    assert "the mayor broke it" in drawn


def test_each_training_article_has_its_boundaries_drawn_by_a_ranker_that_never_saw_it():
    from quotedb.ingest.attribution.train_bounds import Choice, held_out_rankers

    def choice(article: str) -> Choice:
        # the rules' span is worse than the cut, which ends before a word only this
        # article has
        options = ({"op=proposed": 1.0}, {"op=cut-end": 1.0, "after=" + article: 1.0})
        return Choice(article, options, (0.4, 0.9))

    train = [choice(f"a{i}") for i in range(10)]
    held = held_out_rankers(train, regularisation=1.0, folds=5)
    assert set(held) == {f"a{i}" for i in range(10)}
    assert len({id(ranker) for ranker in held.values()}) == 5
    assert "after=a0" not in held["a0"].weights  # never learnt from its own article
    assert "after=a0" in held["a1"].weights
    assert held["a0"].weights["op=cut-end"] > held["a0"].weights["op=proposed"]


def test_no_content_ends_on_a_dangling_and(nlp):
    from quotedb.ingest.attribution.edges import _strip

    doc = nlp("Lee said the port would be busier — and the town knew it.")
    dangling = doc[2 : [t.text for t in doc].index("and") + 1]
    assert dangling.text.endswith("— and")
    assert _strip(dangling).text == "the port would be busier"
    text = doc.text
    [said] = attribute(doc, 0, [], None)
    drawn = [text[s:e] for _, spans in alternatives(said, doc, 0, []) for s, e in spans]
    assert drawn and not any(piece.endswith(("and", "—")) for piece in drawn)


def test_the_ranker_sees_what_kind_of_phrase_a_cut_drops(nlp):
    doc = nlp(TEXT)  # "... would cut costs for farmers, leaving the old rules in place ..."
    [said] = [a for a in attribute(doc, 0, [], None) if a.cue.text == "said"]
    options = alternatives(said, doc, 0, [])
    seen = option_features(said, options, doc, 0)
    cut = next(
        features
        for (name, spans), features in zip(options, seen, strict=True)
        if name == "cut-end" and TEXT[slice(*spans[0])].endswith("farmers")
    )
    assert cut["dropped-verb"] == 1.0 and cut["dropped-size=<11"] == 1.0
    assert cut["dropped-root-dep=advcl"] == 1.0


def test_no_alternative_takes_in_the_speaker_s_next_act(nlp):
    text = "He called his opponent ''Senator Cruz'' instead and made no mention of Mrs. Clinton."
    doc = nlp(text)
    passage = Quoted(text.index("''"), text.index("Cruz''") + 6, "doubled")
    quoted = [passage.span]
    [called] = [a for a in attribute(doc, 0, [passage], None) if a.cue.text == "called"]
    drawn = [text[s:e] for _, spans in alternatives(called, doc, 0, quoted) for s, e in spans]
    assert "his opponent ''Senator Cruz''" in drawn
    assert not any("made no mention" in words for words in drawn)


def test_a_verb_going_on_from_a_relative_clause_may_still_be_what_was_said(nlp):
    # the parse hangs "led" on the cue, but it is the bill that led
    text = (
        "These voters point to the crime bill, which put more officers on the streets, but "
        "also led to tougher sentences."
    )
    doc = nlp(text)
    [point] = [a for a in attribute(doc, 0, [], None) if a.cue.text == "point"]
    drawn = [text[s:e] for _, spans in alternatives(point, doc, 0, []) for s, e in spans]
    assert any("also led to tougher sentences" in words for words in drawn)


def test_the_model_card_says_how_far_a_perfect_ranker_could_go():
    from quotedb.ingest.attribution.train_bounds import Choice, _picked

    dev = [
        Choice("a", ({}, {}, {}), (0.4, 1.0, 0.6)),  # the ranker picks the 0.6 cut
        Choice("b", ({}, {}), (0.3, 0.45)),  # no alternative comes near a human content
    ]
    counted = _picked([0.0, 0.1, 0.5, 0.0, 0.2], dev)
    assert counted == {
        "candidates": 2,
        "proposed": 0,
        "chosen": 1,
        "best": 1,
        "proposed_exact": 0,
        "chosen_exact": 0,
        "best_exact": 1,
    }
