"""Sentence splitting on the awkward spots of news prose. All texts are invented for the tests."""

import pytest

from feeds.sentences import split_sentences


def test_plain_sentences_are_split():
    assert split_sentences("The bridge opened. Traffic flowed! Was it worth it? Yes.") == [
        "The bridge opened.",
        "Traffic flowed!",
        "Was it worth it?",
        "Yes.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The U.S. Navy sent a ship. It arrived late.",
            ["The U.S. Navy sent a ship.", "It arrived late."],
        ),
        (
            "The U.N. envoy flew to Geneva. Talks resumed.",
            ["The U.N. envoy flew to Geneva.", "Talks resumed."],
        ),
        (
            "Aid reached the U.S.-led mission. Officials were relieved.",
            ["Aid reached the U.S.-led mission.", "Officials were relieved."],
        ),
    ],
    ids=["U.S.", "U.N.", "U.S.-led"],
)
def test_acronyms_do_not_end_a_sentence(text, expected):
    assert split_sentences(text) == expected


def test_acronym_at_the_end_of_a_sentence_still_splits():
    assert split_sentences("The envoy flew back to the U.S. The talks had failed.") == [
        "The envoy flew back to the U.S.",
        "The talks had failed.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mr. Okafor chairs the board. He was re-elected.",
            ["Mr. Okafor chairs the board.", "He was re-elected."],
        ),
        (
            "Dr. Lindqvist led the study. Results follow.",
            ["Dr. Lindqvist led the study.", "Results follow."],
        ),
        (
            "The vote is on Jan. 14 in the capital. Polls open early.",
            ["The vote is on Jan. 14 in the capital.", "Polls open early."],
        ),
        (
            "The parade passed St. Brendan's church. Crowds cheered.",
            ["The parade passed St. Brendan's church.", "Crowds cheered."],
        ),
        (
            "Ministers met at No. 10 on Monday. Nothing was agreed.",
            ["Ministers met at No. 10 on Monday.", "Nothing was agreed."],
        ),
    ],
    ids=["Mr.", "Dr.", "Jan.", "St.", "No. 10"],
)
def test_abbreviations_do_not_end_a_sentence(text, expected):
    assert split_sentences(text) == expected


def test_the_word_no_can_still_end_a_sentence():
    assert split_sentences("Asked if he would stand, he said no. Then he left.") == [
        "Asked if he would stand, he said no.",
        "Then he left.",
    ]


def test_decimal_numbers_are_not_split():
    assert split_sentences("Inflation rose to 3.5 per cent. Markets fell.") == [
        "Inflation rose to 3.5 per cent.",
        "Markets fell.",
    ]


def test_initials_are_not_split():
    assert split_sentences("The novel by J. K. Marlowe sold well. A sequel is due.") == [
        "The novel by J. K. Marlowe sold well.",
        "A sequel is due.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('She said: "We will win." Then she left.', ['She said: "We will win."', "Then she left."]),
        ('He asked: "Why now?" Nobody replied.', ['He asked: "Why now?"', "Nobody replied."]),
        (
            "She said: “It is over.” The hall emptied.",
            ["She said: “It is over.”", "The hall emptied."],
        ),
        ("He shouted: ‘Run!’ They ran.", ["He shouted: ‘Run!’", "They ran."]),
    ],
    ids=['."', '?"', ".”", "!’"],
)
def test_sentence_ending_inside_quotes_splits_after_the_quote(text, expected):
    assert split_sentences(text) == expected


def test_quoted_question_followed_by_attribution_is_one_sentence():
    assert split_sentences('"Why now?" she asked. Nobody knew.') == [
        '"Why now?" she asked.',
        "Nobody knew.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The lights went out... Then the alarm rang.",
            ["The lights went out...", "Then the alarm rang."],
        ),
        (
            "The lights went out… Then the alarm rang.",
            ["The lights went out…", "Then the alarm rang."],
        ),
        ("It was not a joke... it was a warning.", ["It was not a joke... it was a warning."]),
    ],
    ids=["three dots", "ellipsis character", "ellipsis mid-sentence"],
)
def test_ellipses(text, expected):
    assert split_sentences(text) == expected


def test_sentence_ending_in_a_bracket():
    assert split_sentences("The mayor resigned (for the second time.) A vote follows.") == [
        "The mayor resigned (for the second time.)",
        "A vote follows.",
    ]


def test_paragraph_break_always_ends_a_sentence():
    assert split_sentences("A headline-like line without a stop\n\nThe story starts here.") == [
        "A headline-like line without a stop",
        "The story starts here.",
    ]


def test_single_newlines_and_runs_of_whitespace_become_one_space():
    text = "  The council\nvoted   late\ton Tuesday.\n  It adjourned.  "
    assert split_sentences(text) == ["The council voted late on Tuesday.", "It adjourned."]


def test_windows_line_ends_still_separate_paragraphs():
    assert split_sentences("First paragraph\r\n\r\nSecond paragraph") == [
        "First paragraph",
        "Second paragraph",
    ]


def test_list_marker_stays_with_its_item():
    assert split_sentences("4. Check the locks. Then leave.") == [
        "4. Check the locks.",
        "Then leave.",
    ]


def test_non_ascii_text():
    assert split_sentences("Élodie Dupré a gagné. Über 200 Fans jubelten. ¿Y ahora?") == [
        "Élodie Dupré a gagné.",
        "Über 200 Fans jubelten.",
        "¿Y ahora?",
    ]


@pytest.mark.parametrize("text", ["", "   ", "\n\n\n"])
def test_empty_text_has_no_sentences(text):
    assert split_sentences(text) == []


def test_limit_returns_only_the_first_sentences():
    text = "One is here. Two is here.\n\nThree is here. Four is here."
    assert split_sentences(text, limit=3) == ["One is here.", "Two is here.", "Three is here."]
