"""Sentence splitting for news text.

A full segmenter such as pysbd costs about 15 ms per article, which is too slow for a step that
runs on every article of every cold build. News prose is regular enough for a single compiled
pattern that finds candidate boundaries (terminal punctuation, optional closing quotes or
brackets, whitespace) plus a few cheap checks that reject the false ones: a lower-case next
word, a title such as "Mr." or "Dr.", "No." before a number, and initials, acronyms ("U.S.")
or abbreviations ("Jan.", "St.", "Inc.") that are followed by a name rather than by a word
that typically opens a sentence. Paragraph breaks (blank lines) always end a sentence.
"""

import re

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")

# Terminal punctuation (incl. "..." and "…"), optional closing quotes/brackets, then a gap.
_BOUNDARY = re.compile(r"([.!?…]+)([\"'”’»)\]]*)\s+")
_ACRONYM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_OPENERS = "\"'“‘«(["


def _word_set(text: str) -> frozenset[str]:
    """Build a word set from space-separated text, which reads better than quoted items."""
    return frozenset(text.split())


# Titles never end a sentence in news copy: "Mr. Smith", "Dr. Jones".
_TITLES = _word_set(
    "mr mrs ms messrs dr prof rev fr sen rep gov gen lt col maj capt cmdr adm sgt cpl pte"
    " supt insp det hon"
)
# Abbreviations that end a sentence only when a sentence-opening word follows.
_ABBREVIATIONS = _word_set(
    "jan feb mar apr jun jul aug sep sept oct nov dec st mt ave rd blvd ft inc ltd co corp"
    " bros plc jr sr vs etc approx est dept univ"
)
# Abbreviations used before a number: "No. 10", "Vol. 2", "Art. 50".
_NUMBER_ABBREVIATIONS = _word_set("no nos vol art fig pp")
# Words that commonly open a news sentence; after an ambiguous "U.S." or "Inc." they signal
# that the full stop was also a sentence end.
_SENTENCE_OPENERS = _word_set(
    "a an the this that these those there it its he she his her they their we our i you"
    " but and or so yet however meanwhile after before when while if as in on at for"
    " some many most no"
)


def split_sentences(text: str, limit: int | None = None) -> list[str]:
    """Split news text into sentences, keeping each sentence's own punctuation and quotes.

    Blank lines separate paragraphs and always end a sentence; other whitespace (including
    single newlines) collapses to one space. With `limit`, only the first `limit` sentences are
    returned, and the text after them is never split.
    """
    sentences: list[str] = []
    for paragraph in _PARAGRAPH_BREAK.split(text):
        flat = " ".join(paragraph.split())
        if flat:
            sentences.extend(_split_paragraph(flat))
        if limit is not None and len(sentences) >= limit:
            return sentences[:limit]
    return sentences


def _split_paragraph(paragraph: str) -> list[str]:
    """Cut one whitespace-normalised paragraph at its real sentence boundaries."""
    pieces: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(paragraph):
        if paragraph[start].isdigit() and paragraph[start : match.start()].isdigit():
            continue  # a list marker such as "4." opens its item rather than ending it
        if _is_sentence_end(paragraph, match):
            pieces.append(paragraph[start : match.end()].rstrip())
            start = match.end()
    tail = paragraph[start:].strip()
    if tail:
        pieces.append(tail)
    return pieces


def _is_sentence_end(paragraph: str, match: re.Match[str]) -> bool:
    """Decide whether a candidate boundary really ends a sentence.

    Words are cut out by index rather than by slicing the rest of the paragraph, so long
    paragraphs stay linear.
    """
    after = match.end()
    if paragraph[after].islower():
        return False
    if match.group(1) != "." or match.group(2):
        # "?", "!", an ellipsis, or a full stop inside quotes/brackets: a real end.
        return True
    before = match.start()
    word = paragraph[paragraph.rfind(" ", 0, before) + 1 : before].lstrip(_OPENERS)
    return not _is_abbreviation(word, paragraph, after)


def _is_abbreviation(word: str, paragraph: str, after: int) -> bool:
    """True if the full stop after `word` belongs to an abbreviation, not a sentence end; the
    next word starts at `after`, and is cut out only for the few words that need it."""
    key = word.lower()
    if key in _TITLES:
        return True
    if key in _NUMBER_ABBREVIATIONS:
        return paragraph[after].isdigit()
    ambiguous = (
        key in _ABBREVIATIONS
        or (len(word) == 1 and word.isupper())
        or ("." in word and _ACRONYM.fullmatch(word) is not None)
    )
    if not ambiguous:
        return False
    next_end = paragraph.find(" ", after)
    return not _opens_sentence(paragraph[after : next_end if next_end >= 0 else len(paragraph)])


def _opens_sentence(word: str) -> bool:
    """True if `word` typically starts a sentence ("The", "It", ...)."""
    return word.lstrip(_OPENERS).rstrip(",;:").lower() in _SENTENCE_OPENERS
