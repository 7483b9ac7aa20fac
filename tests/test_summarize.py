"""Behaviour of the extractive summarizer. All articles are invented for the tests."""

import os
import subprocess
import sys

import pytest

from feeds.sentences import split_sentences
from feeds.summarize import _WORD, MAX_SENTENCES, _normalized_words, summarize

FLOOD = """The town of Bellmere woke to grey skies on Monday.

Flood barriers on the river Alde failed overnight, and the flood water reached two hundred
homes in Bellmere.

Residents said the barriers had been inspected in spring.

The council said repairs to the flood barriers would start this week.

A local bakery handed out free bread.

Engineers blamed the failure on debris carried by the river.

The river is expected to fall by Thursday, the council said."""

# Two stories in one article; the school sentence ranks first but comes second in the text.
TWO_STORIES = """Rain fell all weekend.

Repairs to the flood barriers on the river will start this week.

Schools in Bellmere will stay closed until Friday, the education office said, because school
buses cannot reach the valley.

Flood barriers on the river Alde failed overnight, and flood water reached two hundred homes in
Bellmere.

Teachers will set school work online while schools are closed.

Pupils sitting exams will be told where to go by the education office.

The river is expected to fall by Thursday."""

LONG_SENTENCE = " ".join(["The committee reviewed every clause of the draft treaty"] * 12) + "."


def test_summary_is_made_of_whole_sentences_of_the_body():
    body_sentences = split_sentences(FLOOD)
    for sentence in split_sentences(summarize(FLOOD)):
        assert sentence in body_sentences


def test_sentence_covering_the_recurring_words_beats_the_first_one():
    summary = summarize(FLOOD, max_chars=120)
    assert summary == split_sentences(FLOOD)[1]


@pytest.mark.parametrize("max_chars", [40, 80, 120, 150, 200, 250, 300, 1000])
def test_max_chars_is_respected(max_chars):
    assert len(summarize(TWO_STORIES, max_chars=max_chars)) <= max_chars


def test_sentences_keep_their_original_order():
    body_sentences = split_sentences(TWO_STORIES)
    best_alone = summarize(TWO_STORIES, max_chars=150)
    summary = summarize(TWO_STORIES, max_chars=300)
    positions = [body_sentences.index(sentence) for sentence in split_sentences(summary)]
    assert len(positions) >= 2
    assert positions == sorted(positions)
    assert not summary.startswith(best_alone)


def test_over_long_sentence_is_cut_at_a_word_boundary_with_an_ellipsis():
    summary = summarize(LONG_SENTENCE, max_chars=100)
    assert len(summary) <= 100
    assert summary.endswith("…")
    head = summary.removesuffix("…")
    assert LONG_SENTENCE.startswith(head)
    assert LONG_SENTENCE[len(head)] == " "


def test_word_longer_than_the_budget_is_cut_hard():
    summary = summarize("Pneumonoultramicroscopicsilicovolcanoconiosis.", max_chars=10)
    assert summary == "Pneumonou…"


@pytest.mark.parametrize("body", ["", "   ", "\n\n  \n"])
def test_empty_body_gives_empty_summary(body):
    assert summarize(body) == ""


def test_zero_budget_gives_empty_summary():
    assert summarize(FLOOD, max_chars=0) == ""


def test_sentence_restating_the_headline_is_not_chosen():
    lead = split_sentences(FLOOD)[1]
    assert lead in summarize(FLOOD)
    headline = (
        "FLOOD BARRIERS on River Alde failed overnight; flood water reached two hundred homes"
        " in Bellmere"
    )
    summary = summarize(FLOOD, headline=headline)
    assert summary
    assert lead not in summary


def test_body_that_only_repeats_the_headline_gives_empty_summary():
    assert summarize("Storm closes the harbour.", headline="Storm closes the harbour") == ""


def test_unrelated_headline_changes_nothing():
    assert summarize(FLOOD, headline="Bakery wins award") == summarize(FLOOD)


def test_same_input_gives_same_output():
    assert summarize(TWO_STORIES) == summarize(TWO_STORIES)


def test_output_does_not_depend_on_string_hash_seed():
    code = "import sys; from feeds.summarize import summarize; print(summarize(sys.stdin.read()))"
    outputs = set()
    for seed in ("1", "2", "3"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        result = subprocess.run(
            [sys.executable, "-c", code],
            input=TWO_STORIES,
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        outputs.add(result.stdout)
    assert len(outputs) == 1


def test_newlines_and_extra_spaces_in_the_body_collapse_to_single_spaces():
    summary = summarize("The  ferry\nsailed   at dawn.\n\nIt   returned\tat dusk.")
    assert summary == "The ferry sailed at dawn. It returned at dusk."


def test_non_ascii_text_is_kept_intact():
    body = "Zoë Brønsted öffnete das Café am Montag. Über 200 Gäste kamen ins Café. Es regnete."
    summary = summarize(body)
    assert "Café" in summary
    assert set(split_sentences(summary)) <= set(split_sentences(body))


def test_default_budget_is_300_characters():
    body = " ".join(f"Sentence number {n} adds more words about the harbour." for n in range(40))
    summary = summarize(body)
    assert 0 < len(summary) <= 300


def test_only_the_opening_sentences_are_considered():
    opening = " ".join(f"Alpha{n} beta{n} gamma{n}." for n in range(MAX_SENTENCES))
    late = " ".join("Zebras roam the savanna near the river." for _ in range(30))
    assert "Zebras" not in summarize(opening + "\n\n" + late)


@pytest.mark.parametrize("text", [
    "The council's 2nd vote_count: 12 to 3.",
    "Café “notes” — naïve résumé, 東京 and Ωmega.",
    "A \u212a-band radar (the Kelvin sign lower-cases to ASCII k).",
])
def test_words_are_read_alike_in_ascii_and_in_any_text(text):
    """ASCII text takes a faster pattern of the same words (letters and digits, two or more,
    no underscore): both give what the Unicode pattern gives."""
    assert _normalized_words(text) == frozenset(_WORD.findall(text.lower()))
