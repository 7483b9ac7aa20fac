from datetime import UTC, datetime
from pathlib import Path

import pytest

from feeds.errors import InputError
from feeds.seeds import parse_seed

PATH = Path("seeds/2016_bridge.txt")


def parse(text: str | bytes):
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    return parse_seed(data, PATH, UTC)


def error(text: str | bytes) -> str:
    with pytest.raises(InputError) as caught:
        parse(text)
    return str(caught.value)


def test_first_line_gives_date_and_headline():
    article = parse(" date 2016-09-19 Bridge closes\n\nBody.\n")
    assert (article.published, article.headline, article.title) == (
        datetime(2016, 9, 19, tzinfo=UTC),
        "Bridge closes",
        "Bridge closes",
    )


def test_body_paragraphs_are_split_on_blank_lines_and_lines_joined():
    article = parse("date 2016-09-19 T\n\nOne\nline two.\n\n\nThree.\n")
    assert article.paragraphs == ("One line two.", "Three.")


def test_bom_crlf_and_missing_final_newline_are_accepted():
    article = parse(b"\xef\xbb\xbfdate 2016-09-19 T\r\n\r\nFirst.\r\n\r\nSecond.")
    assert article.paragraphs == ("First.", "Second.")


def test_headers_are_read():
    article = parse(
        "date 2016-09-19 Headline\ntitle Better title\nauthor Bo Reporter\ntags a, b ,a\n"
        "link https://example.com/x\nupdated 2016-09-20\nsummary Short.\n\nBody.\n"
    )
    assert article.title == "Better title"
    assert article.author == "Bo Reporter"
    assert article.tags == ("a", "b")
    assert article.link == "https://example.com/x"
    assert article.updated == datetime(2016, 9, 20, tzinfo=UTC)
    assert article.summary == "Short."


def test_stem_comes_from_the_file_name():
    assert parse("date 2016-09-19 T\n\nB.\n").stem == "2016_bridge"


def test_unknown_header_names_file_and_line():
    assert error("date 2016-09-19 T\nauthor A\ncolour red\n\nB.\n").startswith(
        "seeds/2016_bridge.txt:3: unknown header 'colour'"
    )


def test_body_without_blank_line_is_an_error_with_a_hint():
    assert "blank line" in error("date 2016-09-19 T\nThe body starts here.\n")


def test_repeated_header_is_an_error():
    assert ":3: header 'tags' repeats line 2" in error("date 2016-09-19 T\ntags a\ntags b\n\nB.\n")


def test_missing_date_keyword_is_an_error_on_line_1():
    assert error("2016-09-19 T\n\nB.\n").startswith("seeds/2016_bridge.txt:1: first line must be")


def test_unparseable_date_is_an_error():
    assert ":1: no date at the start of" in error("date soon Bridge closes\n\nB.\n")


def test_date_without_headline_is_an_error():
    assert "no headline" in error("date 2016-09-19\n\nB.\n")


def test_bad_updated_date_names_its_line():
    assert ":2: not a complete date" in error("date 2016-09-19 T\nupdated whenever\n\nB.\n")


def test_relative_link_is_an_error():
    assert ":2: link must be an absolute" in error("date 2016-09-19 T\nlink /x\n\nB.\n")


def test_invalid_utf8_names_the_line():
    assert error(b"date 2016-09-19 T\n\nok\n\xff\n").startswith(
        "seeds/2016_bridge.txt:4: not UTF-8"
    )


def test_xml_forbidden_control_characters_are_removed():
    assert parse("date 2016-09-19 T\x01\n\nA\x00B\x1b.\n").paragraphs == ("AB.",)


@pytest.mark.parametrize("text", ["CafÃ© opens", "Lost \ufffd character"])
def test_mis_encoded_text_is_an_error_naming_the_line(text):
    assert ":3: text looks mis-encoded" in error(f"date 2016-09-19 T\n\n{text}\n")
