"""The text layer: normalization with offset maps, sentences, tokens, clitics and phrase matching."""

from khabar.text.normalize import NormalizedText, normalize, normalize_phrase
from khabar.text.segment import split_sentences, tokenize
from khabar.text.matcher import Match, PhraseMatcher

__all__ = [
    "NormalizedText",
    "normalize",
    "normalize_phrase",
    "split_sentences",
    "tokenize",
    "Match",
    "PhraseMatcher",
]
