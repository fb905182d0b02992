"""PLOVER event coding from an Arabic trigger lexicon."""
